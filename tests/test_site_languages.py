"""The real site in its seven languages: what a reader gets on each page."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest

from audit import site_pages
from conftest import ROOT, language_folder
from pages import page, resolve, text


def test_every_language_home_has_its_lang_and_direction(site, languages):
    for language in languages:
        html = page(site, language_folder(language)).find("html")
        expected_dir = "rtl" if language["locale"] == "ar" else "ltr"
        assert html["lang"] == language["locale"]
        assert html["dir"] == expected_dir
        assert page(site, language_folder(language)).find("body")["dir"] == expected_dir


def test_french_is_served_at_the_root_and_others_in_their_folder(site, languages):
    assert page(site, "").find("html")["lang"] == "fr"
    for language in languages:
        assert (site / language_folder(language) / "index.html").is_file()


@pytest.mark.parametrize("inner", ["lieux/", "legal/cookies/"])
def test_switcher_on_an_inner_page_leads_to_the_same_page_in_every_language(site, languages, inner):
    for language in languages:
        here = language_folder(language) + inner
        links = page(site, here).select(".md-select__link")
        targets = {link["hreflang"]: resolve(here, link["href"]) for link in links}
        assert targets == {other["locale"]: language_folder(other) + inner for other in languages}
        for target in targets.values():
            assert (site / target / "index.html").is_file()


def test_switcher_marks_the_current_language(site, languages):
    for language in languages:
        current = page(site, language_folder(language)).select('.md-select__link[aria-current="true"]')
        assert [link["hreflang"] for link in current] == [language["locale"]]


def test_a_404_page_per_language_in_that_language(site, languages, ui_strings):
    for language in languages:
        path = language_folder(language) + "404.html"
        soup = page(site, path)
        assert soup.find("html")["lang"] == language["locale"]
        assert text(soup.find("h1")) == ui_strings["not_found_title"][language["locale"]]


def test_each_404_page_leads_back_to_the_home_of_its_own_language(site, languages, ui_strings):
    """The theme's templates are compiled once for all languages (hooks/template_cache.py): a
    language folded in at compile time would send every reader to the first language's home."""
    for language in languages:
        soup = page(site, language_folder(language) + "404.html")
        back = soup.select_one("main a.md-button--primary")
        # Served at any address (here a missing page two folders deep), as a browser resolves it.
        home = urljoin("https://oneprovence.com/en/lieux/absent/", back["href"])
        assert (home, text(back)) == ("https://oneprovence.com/" + language_folder(language), ui_strings["back_home"][language["locale"]])


def test_404_switcher_leads_to_the_404_page_of_each_language_from_any_url(site, languages):
    for language in languages:
        soup = page(site, language_folder(language) + "404.html")
        hrefs = {link["hreflang"]: link["href"] for link in soup.select(".md-select__link")}
        # The 404 page is served at any address: its links must be absolute paths.
        assert hrefs == {other["locale"]: "/" + language_folder(other) + "404.html" for other in languages}
        stylesheet = soup.find("link", rel="stylesheet")["href"]
        assert stylesheet.startswith("/assets/")


def test_search_index_per_language_holds_only_that_language(site, languages, parsed_pages):
    for language in languages:
        index = json.loads((site / language_folder(language) / "search" / "search_index.json").read_text("utf-8"))
        for doc in index["docs"]:
            location = doc["location"].split("#")[0]
            # Locations are relative to the language folder, and lead to a page in it.
            built = site / language_folder(language) / location / "index.html"
            assert built.is_file(), doc["location"]
            soup = parsed_pages[language_folder(language) + location]
            assert soup.find("html")["lang"] == language["locale"]
            assert not soup.select(".op-notice--untranslated")


def test_search_worker_is_pointed_at_the_language_folder(site, languages):
    for language in languages:
        here = language_folder(language) + "lieux/"
        config = json.loads(page(site, here).find("script", id="__config").string)
        assert resolve(here, config["base"]) == language_folder(language)


def test_footer_on_every_page_has_the_legal_links_and_the_rgaa_status(site, parsed_pages, languages, ui_strings, project_config):
    legal = project_config["extra"]["legal"]
    status_key = "accessibility_" + legal["accessibility_status"]
    for relative in site_pages(site):
        code = relative.split("/")[0] if relative.split("/")[0] in {language["locale"] for language in languages} else "fr"
        footer = parsed_pages[relative].select_one("footer .op-footer__legal")
        assert footer is not None, relative
        labels = [text(a) for a in footer.find_all("a")]
        assert labels == [ui_strings[key][code] for key in ("legal_notice", status_key, "personal_data", "cookies")]


def test_footer_legal_links_lead_to_built_pages(site, languages, project_config):
    for language in languages:
        here = language_folder(language)
        for link in page(site, here).select("footer .op-footer__legal a"):
            assert (site / resolve(here, link["href"]) / "index.html").is_file(), link["href"]


def test_home_has_a_hero_the_three_axes_and_entry_cards_in_every_language(site, languages):
    for language in languages:
        here = language_folder(language)
        soup = page(site, here)
        assert text(soup.select_one(".op-hero h1"))
        assert len(soup.select(".op-axes .op-axis")) == 3
        card_targets = {resolve(here, a["href"]) for a in soup.select(".op-cards .op-card a")}
        for section in ("territoire/", "lieux/", "filieres/", "partenaires/"):
            assert here + section in card_targets


def test_fonts_are_self_hosted(site):
    css = (site / "assets" / "stylesheets" / "fonts.css").read_text("utf-8")
    for font in re.findall(r'url\("\.\./fonts/([^"]+)"\)', css):
        assert (site / "assets" / "fonts" / font).is_file()
    assert "Noto Sans Arabic" in css
    for html_file in site.rglob("*.html"):
        content = html_file.read_text("utf-8")
        assert "fonts.googleapis" not in content and "fonts.gstatic" not in content


def test_sitemaps_list_only_real_translations(site, languages):
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        path = loc.removeprefix("https://oneprovence.com/")
        assert not page(site, path).select(".op-notice--untranslated"), loc
    for language in languages:
        if not language.get("default"):
            assert (site / language_folder(language) / "sitemap.xml").is_file()
    assert "x-default" in sitemap
    assert (site / "robots.txt").read_text("utf-8").strip().endswith("/sitemap.xml")


def test_no_hook_template_is_published(site):
    """The built site holds what the templates render, never their sources, and no staging folder is left."""
    published = {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}
    assert [path for path in published if path.split("/")[0] in ("hooks", "templates", "server", "overrides")] == []
    sources = {path.relative_to(ROOT).as_posix(): path.read_bytes() for folder in ("templates", "server") for path in (ROOT / folder).rglob("*") if path.is_file()}
    assert sources
    # A rendered template (robots.txt, _headers...) is published; its Jinja source never is.
    assert [path for path, body in published.items() if body in sources.values()] == []
    assert [path for path, body in published.items() if path.endswith(("robots.txt", "_headers", "_redirects", "nginx.conf", ".gpx", ".xml")) and (b"{{" in body or b"{%" in body)] == []
    assert sorted(path.name for path in site.parent.iterdir() if path.name.startswith(site.name + ".")) == []
