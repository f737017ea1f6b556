"""The route map as a reader's Chromium gets it from nginx with the site's own
rules (its Content-Security-Policy included): no request leaves the site
before the reader presses "show the detailed map", and afterwards only the
declared tile origin is asked (offline, those requests fail: the test records
them); the choice is remembered; markers and list are the route's links, in
order, by keyboard; controls speak the reader's language and Arabic mirrors
the page, not the map; the route prints on one A4 sheet, a place on one page."""

from __future__ import annotations

import io
import re

import pytest
import yaml
from pypdf import PdfReader

from audit import WATCH_CSP
from browser import browser
from conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("quality-browser")]

CONFIG = yaml.safe_load(re.sub(r"!ENV \[[^\]]*\]", "null", (ROOT / "mkdocs.yml").read_text("utf-8")))
ORIGIN = CONFIG["extra"]["map"]["detailed"]["origin"]
FOLDERS = {"fr": "", "ar": "ar/", "zh": "zh/"}


@pytest.fixture(scope="module")
def reader(served_site):
    """One Chromium for the module; each test opens its own pages (and storage, see ``fresh``)."""
    with browser("fr-FR") as context:
        context.add_init_script(WATCH_CSP)
        yield served_site, context


class Tab:
    """A page of the browser with every request it makes, failed ones and CSP violations recorded."""

    def __init__(self, context, base):
        self.base = base
        self.page = context.new_page()
        self.requests, self.failed = [], []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("requestfailed", lambda request: self.failed.append(request.url))

    def open(self, path):
        self.page.goto(self.base + path)
        # The map is live: its 16 markers are drawn and the backdrop's land is on it.
        self.page.wait_for_function("() => document.querySelectorAll('.op-marker a').length === 16"
                                    " && document.querySelector('.leaflet-overlay-pane path[fill-rule]') !== null")
        self.page.wait_for_load_state("networkidle")

    def external(self):
        return [url for url in self.requests if not url.startswith((self.base, "data:", "blob:"))]

    def csp(self):
        return self.page.evaluate("window.__op_csp")


def fresh(context, base):
    """A tab whose site storage is empty: no choice remembered."""
    tab = Tab(context, base)
    tab.page.goto(base + "robots.txt")
    tab.page.evaluate("localStorage.clear()")
    tab.requests.clear()
    return tab


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_no_request_leaves_the_site_before_the_press_and_only_the_tile_origin_after(reader, code):
    base, context = reader
    tab = fresh(context, base)
    tab.open(FOLDERS[code] + "lieux/")
    assert tab.external() == []
    assert base + "assets/map/backdrop.geojson" in tab.requests
    tab.page.click(".op-route-map__toggle")
    tab.page.wait_for_function("() => document.querySelectorAll('.leaflet-tile').length > 0")
    tab.page.wait_for_load_state("networkidle")
    external = tab.external()
    assert external, "the detailed map asked for no tile"
    assert all(url.startswith(ORIGIN + "/") for url in external), external
    # Offline, every tile request fails; none is refused by the policy.
    assert set(external) <= set(tab.failed)
    assert tab.csp() == []
    assert tab.page.get_attribute(".op-route-map__toggle", "aria-pressed") == "true"
    tab.page.close()


def test_the_readers_choice_is_remembered_in_this_browser(reader):
    base, context = reader
    tab = fresh(context, base)
    tab.open("lieux/")
    tab.page.click(".op-route-map__toggle")
    tab.page.wait_for_function("() => document.querySelectorAll('.leaflet-tile').length > 0")
    tab.requests.clear()
    tab.open("lieux/")
    tab.page.wait_for_function("() => document.querySelectorAll('.leaflet-tile').length > 0")
    assert tab.page.get_attribute(".op-route-map__toggle", "aria-pressed") == "true"
    assert any(url.startswith(ORIGIN + "/") for url in tab.requests)
    # Back to the light map: the next visit asks nothing of the provider.
    tab.page.click(".op-route-map__toggle")
    tab.requests.clear()
    tab.open("lieux/")
    assert tab.external() == [] and tab.page.get_attribute(".op-route-map__toggle", "aria-pressed") == "false"
    tab.page.close()


def test_markers_are_the_lists_links_in_route_order_and_reachable_by_keyboard(reader):
    base, context = reader
    tab = fresh(context, base)
    tab.open("lieux/")
    listed = tab.page.eval_on_selector_all(".op-route-map__list > li > a", "links => links.map(a => a.href)")
    markers = tab.page.eval_on_selector_all(".op-marker a", "links => links.map(a => a.href)")
    assert len(listed) == 16 and markers == listed
    names = tab.page.eval_on_selector_all(".op-marker a", "links => links.map(a => a.getAttribute('aria-label'))")
    titles = tab.page.eval_on_selector_all(".op-route-map__list > li > a", "links => links.map(a => a.textContent)")
    assert names == [f"{number}. {title}" for number, title in enumerate(titles, start=1)]
    # From the map, Tab reaches every marker in route order; Enter opens its place.
    tab.page.focus(".op-route-map__canvas")
    reached = []
    for _ in range(16):
        tab.page.keyboard.press("Tab")
        reached.append(tab.page.evaluate("document.activeElement.href"))
    assert reached == listed
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url(listed[-1])
    tab.page.close()


def test_keyboard_path_through_the_maps_list(reader):
    base, context = reader
    tab = fresh(context, base)
    tab.open("lieux/")
    listed = tab.page.eval_on_selector_all(".op-route-map__list > li > a", "links => links.map(a => a.href)")
    tab.page.focus(".op-route-map__list > li:first-child > a")
    reached = [tab.page.evaluate("document.activeElement.href")]
    for _ in range(15):
        tab.page.keyboard.press("Tab")
        reached.append(tab.page.evaluate("document.activeElement.href"))
    assert reached == listed
    # Every stop shows where the focus is.
    assert tab.page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    tab.page.keyboard.press("Shift+Tab")
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url(listed[14])
    tab.page.close()


@pytest.mark.parametrize("code", ["fr", "ar", "zh"])
def test_controls_speak_the_readers_language_and_arabic_mirrors_the_page_not_the_map(reader, ui_strings, code):
    base, context = reader
    tab = fresh(context, base)
    tab.open(FOLDERS[code] + "lieux/")
    page = tab.page
    assert page.get_attribute(".leaflet-control-zoom-in", "title") == ui_strings["map_zoom_in"][code]
    assert page.get_attribute(".leaflet-control-zoom-out", "title") == ui_strings["map_zoom_out"][code]
    assert page.get_attribute(".op-route-map__canvas", "aria-label") == ui_strings["map_canvas_label"][code]
    assert page.inner_text(".op-route-map__toggle").strip() == ui_strings["map_detailed_show"][code]
    side = "left" if code == "ar" else "right"
    assert page.locator(f".leaflet-{side} .leaflet-control-zoom").count() == 1
    list_box, map_box = page.locator(".op-route-map__stops").bounding_box(), page.locator(".op-route-map__canvas").bounding_box()
    assert (list_box["x"] < map_box["x"]) == (code == "ar")
    # North up, east right in every language: Fos (13) lies west of La Ciotat (8).
    fos, ciotat = (page.locator(".op-marker a").nth(index).bounding_box() for index in (12, 7))
    assert fos["x"] < ciotat["x"]
    page.close()


def _printed_pages(context, url) -> int:
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    pdf = page.pdf(format="A4", print_background=True)
    page.close()
    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("code", ["fr", "ar", "zh"])
def test_the_route_prints_on_one_a4_sheet_with_its_map_and_numbered_list(reader, code):
    base, context = reader
    assert _printed_pages(context, base + FOLDERS[code] + "lieux/") == 1
    page = context.new_page()
    page.goto(base + FOLDERS[code] + "lieux/")
    page.emulate_media(media="print")
    assert page.locator(".op-route-map svg.op-drawing").is_visible()
    assert page.locator(".op-route-map__list > li").count() == 16
    assert page.locator(".op-route-map__commune").first.is_visible()
    page.close()


def test_every_place_prints_on_one_page(reader, site):
    base, context = reader
    places = sorted(path.parent.name for path in (site / "lieux").glob("*/index.html"))
    assert len(places) == 16
    pages = {place: _printed_pages(context, f"{base}lieux/{place}/") for place in places}
    assert set(pages.values()) == {1}, pages
