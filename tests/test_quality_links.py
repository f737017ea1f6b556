"""Links: zero broken internal links or anchors in any language, crawling the
site served by nginx from every language's home page, sitemaps, robots.txt
and search index (MkDocs' validation already stops a build with a broken
Markdown link or anchor: see test_site_build_rules.py); and no link whose
text alone says nothing of where it goes, by Lighthouse's own list."""

from __future__ import annotations

import re

from audit import site_pages
from conftest import ROOT, language_folder
from crawl import crawl
from quality_report import clock, record, spent


def test_links_zero_broken_in_every_language(site, served_site, languages, project_config):
    starts = ["robots.txt", "sitemap.xml"]
    for language in languages:
        folder = language_folder(language)
        starts += [folder, folder + "404.html", folder + "search/search_index.json", folder + "sitemap.xml"]
    started = clock()
    result = crawl(served_site, starts, project_config["site_url"])
    broken = result.broken()
    record("links", links=len(result.links), addresses=len(result.resources), broken=len(broken),
           **spent(started))
    assert broken == []
    # The crawl reached every built page: nothing is published without a way to it.
    reached = {address.removeprefix(served_site) for address in result.resources}
    assert [path for path in site_pages(site) if path not in reached] == []


# Lighthouse's SEO audit `link-text`, in the pinned npm package: the texts it rejects, in any language.
LIGHTHOUSE_LINK_TEXT = ROOT / "node_modules" / "lighthouse" / "core" / "audits" / "seo" / "link-text.js"


def generic_link_texts() -> set[str]:
    block = re.search(r"const BLOCKLIST = new Set\(\[(.*?)\]\);", LIGHTHOUSE_LINK_TEXT.read_text("utf-8"), re.S)
    assert block, f"{LIGHTHOUSE_LINK_TEXT} no longer holds the BLOCKLIST this test reads"
    return set(re.findall(r"'([^']+)'", block.group(1)))


def test_no_link_text_is_one_lighthouse_calls_generic(parsed_pages):
    """Lighthouse's SEO score (issue 16: 100 on every template) fails a page with one such link, whatever its
    language: the French theme 'Mer' (Swedish for 'more') cost the route and place pages 8 points."""
    generic = generic_link_texts()
    assert {"more", "mer", "más"} <= generic
    found = [
        (path, link["href"], link.get_text(strip=True))
        for path, soup in parsed_pages.items()
        for link in soup.find_all("a", href=True)
        if link.get_text(strip=True).lower() in generic
        and not link["href"].startswith(("#", "mailto:", "javascript:")) and "nofollow" not in link.get("rel", [])
    ]
    assert found == []


def test_the_crawler_reports_a_missing_page_and_a_missing_anchor(tmp_path):
    from browser import static_server

    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<html><body><h2 id="ici">x</h2><a href="a/">ok</a><a href="#ici">ok</a>'
        '<a href="perdu/">404</a><a href="a/#nulle-part">ancre</a>'
        '<a href="https://oneprovence.com/a/">prod</a><a href="https://example.org/">ext</a></body></html>', "utf-8")
    (tmp_path / "a" / "index.html").write_text('<html><body><p id="la">a</p></body></html>', "utf-8")
    with static_server(tmp_path) as base:
        broken = crawl(base, [""], "https://oneprovence.com/").broken()
    assert sorted((link.removeprefix(base), reason) for _, link, reason in broken) == [
        ("a/#nulle-part", "no element with this id"), ("perdu/", "status 404"),
    ]
