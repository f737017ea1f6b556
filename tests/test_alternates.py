"""Language alternates and canonical addresses on the built site: every
page's real translations as absolute hreflang links, reciprocal, with
x-default to French, as its language's sitemap says; an absolute canonical
address; and, in Chromium served by nginx, the language selector used from
French, Arabic and Chinese pages without a single failed request or console
error (Material's script would look for a sitemap next to every alternate)."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest

from browser import browser
from conftest import language_folder
from discovery import SITE_URL, canonical, hreflang_links, shared_pages, site_path
from pages import page

pytestmark = pytest.mark.xdist_group("discovery")

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def heads(site, parsed_pages):
    """Site path -> (canonical address, {hreflang: address}) of every shared page."""
    found = {}
    for path in shared_pages(site):
        soup = parsed_pages[path]
        found[path] = (canonical(soup), hreflang_links(soup))
    return found


def test_every_page_has_an_absolute_canonical_address_its_own_when_translated(heads):
    for path, (address, links) in heads.items():
        assert address and address.startswith(SITE_URL), path
        if links:
            assert address == SITE_URL + path, path


def test_hreflang_links_are_absolute_reciprocal_and_end_with_x_default_to_french(heads, parsed_pages, languages):
    codes = [language["locale"] for language in languages]
    for path, (_, links) in heads.items():
        if not links:
            continue
        assert links[parsed_pages[path].html["lang"]] == SITE_URL + path, path
        assert set(links) <= set(codes) | {"x-default"}, path
        assert links["x-default"] == links["fr"], path
        assert not site_path(links["fr"]).startswith(tuple(f"{code}/" for code in codes if code != "fr")), path
        for code, address in links.items():
            # Reciprocal: each version lists the same versions, itself included.
            assert heads[site_path(address)][1] == links, (path, code)


def test_hreflang_links_are_the_alternates_of_the_languages_sitemap(heads, site, languages):
    for language in languages:
        tree = ElementTree.parse(site / language_folder(language) / "sitemap.xml")
        for url in tree.getroot().findall("s:url", SITEMAP):
            path = site_path(url.find("s:loc", SITEMAP).text)
            listed = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP)}
            assert heads[path][1] == listed, path


def test_only_real_translations_are_listed_and_a_page_served_in_french_lists_none(discovery_build):
    site = discovery_build.site
    both = {"fr": SITE_URL + "actualites/lancement/", "en": SITE_URL + "en/actualites/lancement/"}
    assert hreflang_links(page(site, "actualites/lancement/")) == {**both, "x-default": both["fr"]}
    assert hreflang_links(page(site, "en/actualites/lancement/")) == {**both, "x-default": both["fr"]}
    only_french = {"fr": SITE_URL + "actualites/fete-du-port/", "x-default": SITE_URL + "actualites/fete-du-port/"}
    assert hreflang_links(page(site, "actualites/fete-du-port/")) == only_french
    for path in ("es/actualites/lancement/", "ar/actualites/fete-du-port/"):
        served = page(site, path)
        assert hreflang_links(served) == {}, path
        assert canonical(served) == SITE_URL + path.split("/", 1)[1], path


# --- The language selector in a browser


def _choose_language(tab, code: str) -> None:
    """Open the language menu (it opens on hover) and follow the entry of a language."""
    tab.hover(".md-header__option .md-select")
    entry = tab.locator(f'.md-select__link[hreflang="{code}"]')
    entry.wait_for(state="visible")
    with tab.expect_navigation(wait_until="load"):
        entry.click()
    tab.wait_for_load_state("networkidle")


def test_the_language_selector_leads_from_french_to_arabic_to_chinese_with_no_error(served_site):
    failures, errors, elsewhere = [], [], []
    with browser("fr-FR") as context:
        tab = context.new_page()
        tab.on("response", lambda response: response.status >= 400 and failures.append(f"{response.status} {response.url}"))
        tab.on("requestfailed", lambda request: failures.append(f"failed {request.url}"))
        tab.on("request", lambda request: not request.url.startswith(served_site) and elsewhere.append(request.url))
        tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.goto(served_site + "lieux/vieux-port/", wait_until="load")
        tab.wait_for_load_state("networkidle")
        for code, path in (("ar", "ar/lieux/vieux-port/"), ("zh", "zh/lieux/vieux-port/"), ("fr", "lieux/vieux-port/")):
            _choose_language(tab, code)
            assert tab.url == served_site + path
            assert tab.locator("html").get_attribute("lang") == code
        tab.goto(served_site + "zh/actualites/", wait_until="load")
        _choose_language(tab, "ar")
        assert tab.url == served_site + "ar/actualites/"
    assert (failures, errors, elsewhere) == ([], [], [])
