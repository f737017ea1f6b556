"""Text for machines on the built site, in every language: each page's
Markdown twin, announced in its head, with its figures resolved and its
links absolute; the llms.txt files, read by the format's reference parser
(llms-txt, by the format's authors); nginx serving a twin to a request for
text/markdown; robots.txt listing every sitemap."""

from __future__ import annotations

import re

import pytest
from llms_txt import parse_llms_file

from cdn import get
from conftest import language_folder
from discovery import SITE_URL, shared_pages, site_path
from provence import machine_text as mt
from pages import resolve, text

pytestmark = pytest.mark.xdist_group("discovery")

# A Markdown link or image: [text](address) or ![alt](address).
LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(([^)\s]+)")
MARKER = re.compile(r"\[\[(?:figures?|budget)")


def _twin_path(soup, path: str) -> str:
    """The site path of the twin the page at ``path`` announces."""
    links = soup.head.select('link[rel="alternate"][type="text/markdown"]')
    assert len(links) == 1, path
    return resolve(path, links[0]["href"])


def test_every_page_announces_its_markdown_twin_which_is_built(site, parsed_pages):
    missing = [path for path in shared_pages(site) if not (site / _twin_path(parsed_pages[path], path)).is_file()]
    assert missing == []


def test_every_twin_has_its_title_its_figures_resolved_and_absolute_links_only(site, parsed_pages):
    for path in shared_pages(site):
        soup = parsed_pages[path]
        twin = (site / _twin_path(soup, path)).read_text("utf-8")
        assert twin.startswith("# "), path
        assert not MARKER.search(twin), path
        for figure in soup.select(".op-figure__value, .op-figures__value"):
            assert text(figure) in " ".join(twin.replace("*", "").split()), (path, text(figure))
        relative = [address for address in LINK.findall(twin) if not address.startswith(("https://", "http://", "mailto:", "tel:"))]
        assert relative == [], path


def test_a_twin_links_to_the_pages_of_its_language_and_shows_its_images(site):
    twin = (site / "en" / "lieux" / "vieux-port" / "index.md").read_text("utf-8")
    assert "](https://oneprovence.com/en/lieux/mucem-fort-saint-jean/)" in twin
    assert "](https://oneprovence.com/assets/illustrations/vieux-port.svg)" in twin


def test_every_language_has_an_llms_txt_in_the_formats_shape_linking_to_its_twins(site, languages):
    for language in languages:
        folder = language_folder(language)
        source = (site / folder / "llms.txt").read_text("utf-8")
        parsed = parse_llms_file(source)
        assert parsed.title == "One Provence" and parsed.summary, folder
        # Optional, the format's section a reader may skip, then the other languages' files.
        assert list(parsed.sections)[-2] == "Optional", folder
        listed = [link["url"] for links in parsed.sections.values() for link in links]
        assert all(link["title"] and link["url"] for links in parsed.sections.values() for link in links), folder
        assert all((site / site_path(url)).is_file() for url in listed), folder
        twins = {site_path(url) for url in listed if url.endswith("/index.md")}
        pages = {path + "index.md" for path in shared_pages(site) if _in_language(path, folder, languages)}
        assert twins == pages, folder
        assert SITE_URL + folder + "llms-full.txt" in listed, folder


def _in_language(path: str, folder: str, languages) -> bool:
    """True for a page of the language of ``folder`` (French: not in another language's folder)."""
    if folder:
        return path.startswith(folder)
    return not any(path.startswith(language_folder(language)) for language in languages if language_folder(language))


def test_llms_full_holds_every_twin_of_its_language(site, languages):
    for language in languages:
        folder = language_folder(language)
        full = (site / folder / "llms-full.txt").read_text("utf-8")
        sources = re.findall(r"^Source: (\S+)$", full, flags=re.MULTILINE)
        pages = {SITE_URL + path + "index.md" for path in shared_pages(site) if _in_language(path, folder, languages)}
        assert len(sources) == len(set(sources)) and set(sources) == pages, folder
        for source in sources:
            assert (site / site_path(source)).read_text("utf-8").strip() in full, source


def test_nginx_serves_the_twin_to_a_request_for_markdown_and_the_page_otherwise(served_site, site, languages):
    for language in languages:
        path = language_folder(language) + "lieux/vieux-port/"
        status, headers, body = get(served_site, path, {"Accept": "text/markdown"})
        assert status == 200 and headers["Content-Type"] == "text/markdown; charset=utf-8", path
        assert body == (site / path / "index.md").read_bytes()
        assert "Accept" in headers.get_all("Vary"), path
        status, headers, body = get(served_site, path, {"Accept": "text/html,application/xhtml+xml"})
        assert status == 200 and headers["Content-Type"].startswith("text/html") and body == (site / path / "index.html").read_bytes()
        assert "Accept" in headers.get_all("Vary"), path
        status, headers, _ = get(served_site, path + "index.md")
        assert status == 200 and headers["Content-Type"] == "text/markdown; charset=utf-8", path


def test_nginx_serves_llms_txt_as_utf_8_text(served_site, languages):
    for language in languages:
        status, headers, body = get(served_site, language_folder(language) + "llms.txt")
        assert status == 200 and headers["Content-Type"] == "text/plain; charset=utf-8"
        assert body.decode("utf-8").startswith("# One Provence\n")


def test_robots_txt_lists_every_sitemap_of_the_site(site):
    robots = (site / "robots.txt").read_text("utf-8")
    listed = re.findall(r"^Sitemap: (\S+)$", robots, flags=re.MULTILINE)
    built = sorted(SITE_URL + path.relative_to(site).as_posix() for path in site.rglob("sitemap.xml"))
    assert sorted(listed) == built and len(built) >= 8


# --- The twins cache (hooks/machine_text.py keeps a build's twins for the next one)


def test_a_twins_cache_key_changes_with_everything_the_twin_is_made_from():
    made_from = ("version 1", "<p>Le port.</p>", "https://oneprovence.com/lieux/vieux-port/", "Vieux-Port", None)
    keys = {mt.twin_key(*made_from)}
    for index, other in enumerate(("version 2", "<p>Le quai.</p>", "https://oneprovence.com/en/lieux/vieux-port/", "Old Port", "A lead.")):
        changed = list(made_from)
        changed[index] = other
        keys.add(mt.twin_key(*changed))
    assert len(keys) == 6


def test_a_missing_or_unreadable_twins_cache_is_an_empty_one(tmp_path):
    (tmp_path / "fr.json").write_text("{not json", "utf-8")
    (tmp_path / "en.json").write_text("[1, 2]", "utf-8")
    cache = mt.TwinCache(tmp_path, mt.converter_version())
    assert (cache.cached("fr"), cache.cached("en"), cache.cached("de")) == ({}, {}, {})
