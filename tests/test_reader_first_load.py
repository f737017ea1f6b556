"""A new reader's first load, in Chromium with the site behind nginx: on every
template (benchmarks/budgets.yml) in each measured language, a browser whose
language triggers the language offer sees the band, and the page does not
shift (the sum of the layout-shift entries stays at or below 0.02), and
what it fetches is what the weight budgets count (tests/weights.py); neither
the search index nor the question box's index is fetched before the reader
opens them; opening search fetches the index and shows results."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from browser import browser
from conftest import ROOT
from weights import IMAGES, first_load

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

BUDGETS = yaml.safe_load((ROOT / "benchmarks" / "budgets.yml").read_text(encoding="utf-8"))
LANGUAGES = list(BUDGETS["languages"])
# A browser language that is not the page's, so that the band offers it.
OFFERED = {"fr": "en", "en": "fr", "ar": "fr", "zh": "en"}
# What Lighthouse emulates: a phone 412 px wide (the band wraps there).
PHONE = {"width": 412, "height": 823}
INDEXES = ("search/search_index.json", "assistant/knowledge.json")
# Every layout shift from the first byte on, as Chromium measures CLS (an
# observer installed before any script of the page; shifts right after an
# input do not count).
WATCH_SHIFTS = """
  window.__op_shifts = [];
  window.__op_shift_observer = new PerformanceObserver(list => window.__op_shifts.push(...list.getEntries()));
  window.__op_shift_observer.observe({type: "layout-shift", buffered: true});
"""
SHIFTS = """() => {
  window.__op_shifts.push(...window.__op_shift_observer.takeRecords());
  return window.__op_shifts.filter(entry => !entry.hadRecentInput).map(entry => [entry.value,
    entry.sources.map(source => source.node ? source.node.nodeName + "." + source.node.className : "?").join(" ")]);
}"""
# Loaded: the load event, the fonts, and two frames painted after them.
SETTLED = """() => new Promise(resolve => {
  const done = () => document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))));
  document.readyState === "complete" ? done() : addEventListener("load", done, {once: true});
})"""


def _folder(code, languages):
    language = next(language for language in languages if language["locale"] == code)
    return "" if language.get("default") else f"{code}/"


def _site_path(url: str, base: str) -> str | None:
    """The site file a same-origin request asks for ('lieux/index.html'); None for another origin."""
    if not url.startswith(base):
        return None
    path = urlsplit(url).path.lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def _model_differences(site, page: str, requests: list[str], base: str) -> list[str]:
    """Where the budgets' model of a first load and Chromium's disagree: a file fetched that it does not
    count, or a file it counts that was not fetched (images aside: lazy ones wait for the reader's scroll)."""
    model = set(first_load(site, page).files)
    fetched = {path for path in map(lambda url: _site_path(url, base), requests) if path}
    differences = [f"fetched, not counted: {path}" for path in sorted(fetched - model)]
    differences += [f"counted, not fetched: {path}" for path in sorted(model - fetched) if Path(path).suffix.lower() not in IMAGES]
    return differences


def _worker(request):
    """Material's search worker: the bundle asks for the index in the same task as it starts the worker."""
    return "/workers/search." in request.url


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_language_offer_shows_without_moving_the_page_and_no_index_loads(site, served_site, languages, code):
    failures = []
    with browser(OFFERED[code]) as context:
        context.add_init_script(WATCH_SHIFTS)
        for template, budget in BUDGETS["templates"].items():
            tab = context.new_page()
            tab.set_viewport_size(PHONE)
            tab.set_default_timeout(45000)
            requests = []
            tab.on("request", lambda request: requests.append(request.url))
            with tab.expect_request(_worker):
                tab.goto(served_site + _folder(code, languages) + budget["page"])
            band = tab.locator(f".op-language-offer [data-language={OFFERED[code]}]")
            band.wait_for(state="visible")
            tab.evaluate(SETTLED)
            shifts = tab.evaluate(SHIFTS)
            if sum(value for value, _ in shifts) > 0.02:
                failures.append(f"{template} ({tab.url}): layout shift {sum(value for value, _ in shifts):.3f} {shifts}")
            fetched = [url for url in requests if url.split("?")[0].endswith(INDEXES)]
            if fetched:
                failures.append(f"{template} ({tab.url}): indexes fetched on load {fetched}")
            differences = _model_differences(site, _folder(code, languages) + budget["page"], requests, served_site)
            if differences:
                failures.append(f"{template} ({tab.url}): the weight model (tests/weights.py) is not what Chromium loads: {differences}")
            tab.close()
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("code", LANGUAGES)
def test_opening_search_fetches_the_index_and_finds_pages(served_site, languages, site, code):
    folder = _folder(code, languages)
    index = json.loads((site / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    # A word of the language's own route page title, which search must find.
    title = next(doc["title"] for doc in index["docs"] if doc["location"] == "lieux/")
    with browser() as context:
        tab = context.new_page()
        tab.set_default_timeout(45000)
        requests = []
        tab.on("request", lambda request: requests.append(request.url))
        with tab.expect_request(_worker):
            tab.goto(served_site + folder)
        tab.evaluate(SETTLED)
        assert not [url for url in requests if url.endswith("search_index.json")]
        with tab.expect_request(lambda request: request.url == f"{served_site}{folder}search/search_index.json"):
            tab.keyboard.press("s")  # the key a reader presses to open search
        tab.locator("input.md-search__input").fill(title)
        tab.keyboard.press("End")
        tab.wait_for_selector(".md-search-result__item a")
        results = tab.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href.split(/[?#]/)[0])")
        assert f"{served_site}{folder}lieux/" in results, results


def test_clicking_the_search_field_fetches_the_index(served_site):
    with browser("fr-FR") as context:
        tab = context.new_page()
        tab.set_viewport_size({"width": 1440, "height": 900})
        tab.set_default_timeout(45000)
        tab.goto(served_site)
        tab.evaluate(SETTLED)
        with tab.expect_request(lambda request: request.url == f"{served_site}search/search_index.json"):
            tab.locator("label.md-search__icon, input.md-search__input").first.click()


def test_a_page_reached_from_a_result_highlights_at_once(served_site):
    """search.highlight needs the index on a page opened from a result (?h=...)."""
    with browser("fr-FR") as context:
        tab = context.new_page()
        tab.set_default_timeout(45000)
        with tab.expect_request(lambda request: request.url == f"{served_site}search/search_index.json"):
            tab.goto(served_site + "lieux/?h=port")
        tab.wait_for_selector("article mark")


def test_the_question_box_loads_its_index_when_the_reader_asks(served_site):
    with browser("fr-FR") as context:
        tab = context.new_page()
        tab.set_default_timeout(45000)
        requests = []
        tab.on("request", lambda request: requests.append(request.url))
        with tab.expect_request(lambda request: request.url.endswith("assistant/page.js")):
            tab.goto(served_site + "assistant/")
        tab.evaluate(SETTLED)
        assert not [url for url in requests if url.endswith(INDEXES)]
        with tab.expect_request(lambda request: request.url == f"{served_site}assistant/knowledge.json"):
            tab.locator("#op-assistant-question").focus()
        tab.keyboard.type("Quel est le budget de One Provence ?")
        tab.keyboard.press("Enter")
        tab.locator("[data-assistant-answer] article").wait_for()
