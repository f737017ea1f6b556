"""The rules a CDN applies to the built site, as data: security headers with a
Content-Security-Policy that lists the hash of every inline script, caching by
file kind, and the redirects of old addresses.

Both rule files (``_headers``/``_redirects`` for Netlify and Cloudflare Pages,
``nginx.conf`` for nginx) are rendered from what these helpers return, so the
two servers cannot drift apart.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Iterable

from provence.errors import Problem
from provence.models import Redirect, validate

# An inline script: a <script> without src. Data blocks (type="application/json")
# are not executed and not subject to the CSP, so they are not hashed.
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
EXECUTABLE_TYPES = {"", "text/javascript", "module", "application/javascript"}
TYPE_ATTRIBUTE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
# Material's assets carry a content hash in their name: main.57a0d79d.min.css.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.min\.(css|js)$")

IMMUTABLE = "public, max-age=31536000, immutable"
# Same value Netlify and Cloudflare Pages send by default: revalidate on every
# visit (a cheap 304 thanks to the ETag), so a publication is seen at once.
REVALIDATE = "public, max-age=0, must-revalidate"


# --- Inline scripts and the Content-Security-Policy


def inline_scripts(html: str) -> list[str]:
    """The text of every executable inline script of a page."""
    scripts = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = TYPE_ATTRIBUTE.search(attrs)
        if (kind.group(1).lower() if kind else "") in EXECUTABLE_TYPES:
            scripts.append(match.group("body"))
    return scripts


def script_hash(script: str) -> str:
    """A CSP source for one inline script: 'sha256-<base64>'."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def site_script_hashes(pages: Iterable[Path]) -> list[str]:
    """The distinct hashes of all inline scripts of the built pages, sorted."""
    hashes = set()
    for path in pages:
        hashes.update(script_hash(script) for script in inline_scripts(path.read_text(encoding="utf-8")))
    return sorted(hashes)


def content_security_policy(script_hashes: list[str], frame_sources: list[str] = (), image_sources: list[str] = ()) -> str:
    """One site-wide policy: only the site's own files, and inline scripts by hash.

    ``image_sources``: the origins of images a reader may ask for (the route
    map's detailed tiles, ``extra.map``), each named exactly.
    """
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'", *script_hashes]),
        ("style-src", ["'self'"]),
        # Material draws its icons with data: SVG images in its stylesheet.
        ("img-src", ["'self'", "data:", *image_sources]),
        ("font-src", ["'self'"]),
        ("connect-src", ["'self'"]),
        ("worker-src", ["'self'"]),
        ("manifest-src", ["'self'"]),
        ("media-src", ["'self'"]),
        ("frame-src", list(frame_sources) or ["'none'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
        ("frame-ancestors", ["'none'"]),
    ]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def admin_content_security_policy(connect_sources: list[str]) -> str:
    """The web editor's own policy (/admin/): what Decap CMS needs, and no more.

    ``connect_sources``: the local git backend and the git host's API (provence/cms.py).
    """
    directives = [
        ("default-src", ["'self'"]),
        # Decap CMS checks its configuration with ajv, which compiles the schema at run time (new Function).
        ("script-src", ["'self'", "'unsafe-eval'"]),
        # Its components write their styles into the page at run time (emotion).
        ("style-src", ["'self'", "'unsafe-inline'"]),
        # Images being uploaded, and those read through the git host's API, are shown as blob: addresses.
        ("img-src", ["'self'", "data:", "blob:"]),
        ("font-src", ["'self'"]),
        # It reads an image being uploaded back from its blob: address to send it.
        ("connect-src", ["'self'", "blob:", *connect_sources]),
        ("media-src", ["'self'", "blob:"]),
        ("worker-src", ["'self'"]),
        ("manifest-src", ["'self'"]),
        ("frame-src", ["'self'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
        ("frame-ancestors", ["'none'"]),
    ]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def admin_headers(site_headers: list[tuple[str, str]], policy: str) -> list[tuple[str, str]]:
    """The site's headers with the editor's policy; its sign-in window (the git host's
    OAuth page) must be able to hand the token back to the editor that opened it."""
    changed = {"Content-Security-Policy": policy, "Cross-Origin-Opener-Policy": "same-origin-allow-popups"}
    return [(name, changed.get(name, value)) for name, value in site_headers]


def security_headers(policy: str) -> list[tuple[str, str]]:
    """Headers sent with every response, in a stable order."""
    return [
        ("Content-Security-Policy", policy),
        ("Strict-Transport-Security", "max-age=31536000"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Permissions-Policy", "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]


# --- Caching


# Folders whose files are named by their content (the social cards, hooks/social_cards.py):
# one rule each, as a CDN allows only so many (Cloudflare Pages: 100 header rules).
IMMUTABLE_FOLDERS = ("/assets/cards/",)


def content_fingerprint(content: str | bytes) -> str:
    """Eight hexadecimal digits of a file's SHA-256, for a name that changes with the content."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()[:8]


def fingerprinted_assets(site: Path) -> list[str]:
    """Site paths ('/assets/...') of files whose name changes with their content."""
    return sorted(
        "/" + path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and FINGERPRINTED.search(path.name)
    )


# --- Media types

# Sent explicitly, by file suffix: a CDN's or a server's list of types may not
# know these (Debian's nginx mime.types knows neither; it would send
# application/octet-stream, uncompressed).
EXPLICIT_TYPES = {".atom": "application/atom+xml", ".geojson": "application/geo+json"}
# Both are text: sent with their charset.
CHARSET = "; charset=utf-8"


def explicitly_typed(site: Path) -> list[dict]:
    """``{path, media, type, suffix}`` of each file whose media type the rules send: the news feeds
    ('/actualites/feed.atom'), the open data and the route map's backdrop ('/places.geojson')."""
    return [
        {"path": "/" + path.relative_to(site).as_posix(), "media": EXPLICIT_TYPES[path.suffix],
         "type": EXPLICIT_TYPES[path.suffix] + CHARSET, "suffix": path.suffix[1:]}
        for path in sorted(site.rglob("*"))
        if path.suffix in EXPLICIT_TYPES and path.is_file()
    ]


# --- Redirects


def parse_redirects(data, label: str) -> tuple[list[Redirect], list[Problem]]:
    """Typed redirects from data/redirects.yml, or the problems an editor must fix."""
    if data is None:
        return [], []
    if not isinstance(data, dict) or not isinstance(data.get("redirects", []), list) or set(data) - {"redirects"}:
        return [], [Problem(label, "", "expected `redirects:` followed by a list of `- from: /old/` `to: /new/`")]
    redirects, problems = [], []
    for number, entry in enumerate(data.get("redirects") or [], start=1):
        redirect, found = validate(Redirect, entry, f"{label} entry {number}")
        redirects += [redirect] if redirect else []
        problems += found
    return redirects, problems


def check_redirects(redirects: list[Redirect], site: Path, label: str) -> list[Problem]:
    """Each old address is said once, is not a page any more, and leads to a built page."""
    problems, seen = [], set()
    for redirect in redirects:
        if redirect.source in seen:
            problems.append(Problem(label, redirect.source, "this old address is listed twice; keep one entry"))
        seen.add(redirect.source)
        if _built(site, redirect.source):
            problems.append(Problem(label, redirect.source, "a page of the site has this address: remove the redirect or the page"))
        if not _built(site, redirect.target):
            problems.append(Problem(label, redirect.source, f"leads to {redirect.target}, which is not a page of the built site"))
    return problems


def _built(site: Path, path: str) -> bool:
    relative = path.lstrip("/")
    file = site / relative
    return (file.is_file() and relative != "") or (file / "index.html").is_file()
