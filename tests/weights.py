"""What a new reader's browser downloads on the first load of a built page,
read from the files alone (no browser, no timing): the page, the stylesheets
and scripts it links, the scripts those import, Material's search worker, the
route map's backdrop, the fonts its text needs, and its images.
tests/test_reader_first_load.py checks this model against what Chromium loads.

Fonts follow the browser's rule: a @font-face file is fetched when its family
is in the page's text font (``--md-text-font`` of ``:root``, or of
``:root[lang=...]`` for the page's language) and the page's text has a
character of its ``unicode-range``. Images are counted as requests (eager and
lazy alike: the first screen of a listing shows lazy ones too), not in bytes.
"""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

# nginx compresses these (gzip_types of server/nginx.conf); woff2 and raster images are sent as they are.
COMPRESSED = {".html", ".css", ".js", ".json", ".geojson", ".svg", ".xml", ".txt"}
IMAGES = {".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".avif", ".ico"}
FONT_FACE = re.compile(r"@font-face\s*{(.*?)}", re.S)
TEXT_FONT = re.compile(r':root(?:\[lang="([\w-]+)"\])?\s*{\s*--md-text-font:\s*([^;]+);')
STATIC_IMPORT = re.compile(r'^\s*import\s+(?:[^"\']*?\sfrom\s+)?["\']([^"\']+)["\']', re.M)


@dataclass
class Load:
    """The files of one page's first load: site path -> bytes on the wire (None: an image)."""

    files: dict[str, int | None] = field(default_factory=dict)

    @property
    def requests(self) -> int:
        return len(self.files)

    @property
    def gzip_bytes(self) -> int:
        """Bytes on the wire before images."""
        return sum(size for size in self.files.values() if size is not None)


def first_load(site: Path, page: str) -> Load:
    """The first load of ``page`` (a site path: '', 'en/lieux/', '404.html')."""
    document = page if page.endswith(".html") else page + "index.html"
    load = Load()
    _add(load, site, document)
    soup = BeautifulSoup((site / document).read_text(encoding="utf-8"), "html.parser")
    for href in _references(soup):
        target = _resolve(document, href)
        if target is not None and (site / target).is_file():
            _add(load, site, target)
            if target.endswith(".js") or target.endswith(".mjs"):
                _follow_imports(load, site, target)
    for stylesheet in [path for path in load.files if path.endswith(".css")]:
        for font in _fonts_used(site, stylesheet, soup):
            _add(load, site, font)
    return load


def _references(soup) -> list[str]:
    """Stylesheets, preloads, scripts, the search worker, the icon, the images and the map backdrop a page fetches."""
    found = [link["href"] for link in soup.select("link[href]") if {"stylesheet", "preload", "icon", "modulepreload"} & set(link.get("rel", []))]
    found += [script["src"] for script in soup.select("script[src]")]
    config = soup.select_one("script#__config")
    if config is not None and json.loads(config.string).get("search"):
        found.append(json.loads(config.string)["search"])
    found += [image["src"] for image in soup.select("img[src]")]
    # The route map's script fetches the backdrop its element names (overrides/assets/javascripts/route-map.js).
    # (Material's bundle would fetch the sitemap.xml next to each alternate link; the site's copy does not.)
    found += [element["data-backdrop"] for element in soup.select("[data-backdrop]")]
    return found


def _resolve(document: str, href: str) -> str | None:
    """The site path of a same-site reference made from ``document``; None for another origin or a data: URL."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    base = posixpath.dirname(document)
    path = parts.path.lstrip("/") if parts.path.startswith("/") else posixpath.normpath(posixpath.join(base, parts.path))
    return None if path.startswith("..") else path


def _add(load: Load, site: Path, path: str) -> None:
    if path in load.files:
        return
    data = (site / path).read_bytes()
    suffix = Path(path).suffix.lower()
    if suffix in IMAGES:
        load.files[path] = None
    else:
        load.files[path] = len(gzip.compress(data, compresslevel=6, mtime=0)) if suffix in COMPRESSED else len(data)


def _follow_imports(load: Load, site: Path, script: str) -> None:
    """The modules a module script imports statically (its dynamic imports wait for the reader)."""
    for specifier in STATIC_IMPORT.findall((site / script).read_text(encoding="utf-8")):
        target = _resolve(script, specifier)
        if target is not None and (site / target).is_file() and target not in load.files:
            _add(load, site, target)
            _follow_imports(load, site, target)


def _fonts_used(site: Path, stylesheet: str, soup) -> list[str]:
    """The font files of a stylesheet that the page's text needs."""
    css = (site / stylesheet).read_text(encoding="utf-8")
    language = soup.html.get("lang", "")
    stacks = dict(TEXT_FONT.findall(css))
    stack = stacks.get(language, stacks.get(""))
    if stack is None:
        return []
    families = {family.strip().strip('"') for family in stack.split(",")}
    text = "".join(string for string in soup.find_all(string=True) if string.parent.name not in {"script", "style"})
    characters = set(map(ord, text))
    used = []
    for face in FONT_FACE.findall(css):
        family = re.search(r'font-family:\s*"([^"]+)"', face).group(1)
        if family in families and characters & _unicode_range(face):
            used.append(_resolve(stylesheet, re.search(r'url\("([^"]+)"\)', face).group(1)))
    return used


def _unicode_range(face: str) -> set[int]:
    points = set()
    declared = re.search(r"unicode-range:\s*([^;]+);", face)
    for part in (declared.group(1) if declared else "U+0-10FFFF").split(","):
        start, _, end = part.strip().removeprefix("U+").partition("-")
        points.update(range(int(start, 16), int(end or start, 16) + 1))
    return points
