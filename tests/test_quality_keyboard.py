"""With the keyboard alone, in every language (Chromium, site behind nginx):
the first Tab reaches the skip link, every focus stop is visible, the
language menu opens and leads to another language, search opens and leads
to a result. And the language offer: a browser that prefers German is
offered the German site, never redirected, and can always switch back."""

from __future__ import annotations

import json

import pytest

from audit import AXE, AXE_TAGS, RUN_AXE
from browser import browser
from conftest import language_folder
from quality_report import record

# Same group as the page audit: one browser at a time on a 2-core runner, so
# the keyboard timings do not compete with axe running over every page.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("quality-browser")]

FOCUS = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return {tag: element.tagName, cls: String(element.className), href: element.getAttribute("href"),
          hreflang: element.getAttribute("hreflang"), visible: outline || style.boxShadow !== "none"};
}"""


@pytest.fixture
def reader(served_site):
    """A French reader's Chromium (one Playwright per thread at a time: not shared)."""
    with browser("fr-FR") as context:
        yield served_site, context


def _tab_until(tab, wanted, limit=40):
    """Press Tab until ``wanted(focus)``; every stop on the way must show its focus."""
    hidden = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        focus = tab.evaluate(FOCUS)
        if not focus["visible"]:
            hidden.append(focus)
        if wanted(focus):
            return focus, hidden
    raise AssertionError(f"not reached with Tab in {limit} presses; last focus: {focus}")


# Counts the queries the page sends to Material's search worker and the results
# it gets back (message types QUERY = 2 and RESULT = 3 of Material's
# SearchMessageType). A result is counted after every listener of its message
# has run, so once counted, Material has rendered it.
SEARCH_PROBE = """(() => {
  const probe = window.__opSearch = {queries: 0, results: 0, last: null};
  const post = Worker.prototype.postMessage;
  const watched = new WeakSet();
  Worker.prototype.postMessage = function (message, ...rest) {
    if (!watched.has(this)) {
      watched.add(this);
      this.addEventListener("message", event => {
        if (event.data && event.data.type === 3) setTimeout(() => { probe.results += 1; }, 0);
      });
    }
    if (message && message.type === 2) { probe.queries += 1; probe.last = message.data; }
    return post.call(this, message, ...rest);
  };
})();"""

SEARCH_ANSWERED = """query => {
  const probe = window.__opSearch, input = document.querySelector(".md-search__input");
  return input.value === query && probe.last === query && probe.queries > 0 && probe.results === probe.queries;
}"""


def _wait_for_search_answers(tab, query):
    """Wait until the worker has answered every query, the last being the whole typed query:
    each typed letter starts a search, and a late answer would re-render the list under the keyboard."""
    tab.wait_for_function(SEARCH_ANSWERED, arg=query)


def _lang(tab):
    return tab.evaluate("document.documentElement.lang")


def _search_query(site, language):
    """A word of a page title of this language's index (None when it has no page yet)."""
    index = json.loads((site / language_folder(language) / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        words = [word for word in doc["title"].split() if word.isalpha() and len(word) > 3]
        if doc["location"] and "#" not in doc["location"] and words:
            return max(words, key=len)
    return None


def test_keyboard_path_in_every_language(reader, site, languages):
    base, context = reader
    failures, paths = [], 0
    tab = context.new_page()
    tab.set_default_timeout(45000)
    tab.add_init_script(SEARCH_PROBE)
    for language in languages:
        code, home = language["locale"], base + language_folder(language)
        # 1. The first Tab reaches the skip link, which shows it has the focus.
        tab.goto(home)
        tab.keyboard.press("Tab")
        focus = tab.evaluate(FOCUS)
        if "md-skip" not in focus["cls"] or not focus["visible"]:
            failures.append((code, "skip link", focus))
        # 2. The language menu opens from the keyboard and leads to another language.
        other = "en" if code != "en" else "fr"
        link, hidden = _tab_until(tab, lambda f: f["hreflang"] == other and "md-select__link" in f["cls"])
        failures += [(code, "focus not visible", stop) for stop in hidden]
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        if _lang(tab) != other:
            failures.append((code, "language menu", tab.url))
        # 3. Search: reach the field, type, go down to a result, open it (a language
        #    with no page of its own yet answers that nothing was found).
        tab.goto(home)
        query = _search_query(site, language)
        _, hidden = _tab_until(tab, lambda f: "md-search__input" in f["cls"])
        failures += [(code, "focus not visible", stop) for stop in hidden]
        if query is None:
            tab.keyboard.type("Provence")
            _wait_for_search_answers(tab, "Provence")
            tab.wait_for_selector(".md-search-result__meta:not(:empty)")
            if tab.locator(".md-search-result__item").count():
                failures.append((code, "search found pages of another language"))
            paths += 3
            continue
        tab.keyboard.type(query)
        # Letters outside the keyboard layout (é, Arabic, Chinese) arrive as
        # text input without key events; one key press tells search to run.
        tab.keyboard.press("End")
        _wait_for_search_answers(tab, query)
        tab.wait_for_selector(".md-search-result__item a")
        tab.keyboard.press("ArrowDown")
        focus = tab.evaluate(FOCUS)
        with tab.expect_navigation(timeout=30000):
            tab.keyboard.press("Enter")
        if "md-search-result__link" not in focus["cls"] or not focus["visible"] or _lang(tab) != code:
            failures.append((code, "search", query, focus, tab.url))
        paths += 3
    tab.close()
    record("keyboard", paths=paths, failures=len(failures))
    assert failures == []


class _Checks:
    """Checks made and failed, for the gate line: each call is one check actually made."""

    def __init__(self):
        self.made, self.failures = 0, []

    def __call__(self, ok: bool, *failure) -> None:
        self.made += 1
        if not ok:
            self.failures.append(failure)


def test_a_german_browser_is_offered_german_without_redirect_and_can_switch_back(served_site, ui_strings):
    check = _Checks()
    with browser("de-DE") as context:
        tab = context.new_page()
        tab.set_default_timeout(45000)
        tab.goto(served_site)
        # French at /, no redirect; the offer is shown, in German, with the page still French.
        offer = tab.locator(".op-language-offer [data-language=de]")
        check(tab.url == served_site and tab.evaluate("document.documentElement.lang") == "fr" and offer.is_visible(), "offer on /", tab.url)
        check(offer.locator("a").inner_text().strip() == ui_strings["language_offer_go"]["de"], "offer text", offer.inner_text())
        # The offer, visible, passes axe too.
        tab.evaluate(AXE.read_text("utf-8"))
        violations = tab.evaluate(RUN_AXE, AXE_TAGS)
        check(violations == [], "axe", violations)
        offer.locator("a").click()
        tab.wait_for_url(served_site + "de/")
        check(not tab.locator(".op-language-offer").is_visible(), "offer on /de/", tab.url)
        # Back to French with the language menu: the choice is remembered, no offer, no loop.
        tab.hover(".md-header__option .md-select")
        tab.locator(".md-select__link[hreflang=fr]").click()
        tab.wait_for_url(served_site)
        tab.reload()
        check(tab.url == served_site and not tab.locator(".op-language-offer").is_visible(), "back to French", tab.url)
    with browser("de-DE") as context:
        # Dismissing the offer keeps the reader on French pages, and is remembered.
        tab = context.new_page()
        tab.goto(served_site + "lieux/")
        tab.locator(".op-language-offer [data-language=de] button").click()
        tab.goto(served_site)
        check(not tab.locator(".op-language-offer").is_visible(), "dismissed offer shown again", tab.url)
    with browser("fr-FR") as context:
        tab = context.new_page()
        tab.goto(served_site)
        check(not tab.locator(".op-language-offer").is_visible(), "offer to a French reader", tab.url)
    record("language offer", checks=check.made, failures=len(check.failures))
    assert check.failures == []
