"""Figures as a reader's browser lays them out (Debian's Chromium): a card's
value never breaks across lines on a phone, the budget table reads as a
table on a phone and a desktop in both directions, and a source note leads
to its source with JavaScript turned off."""

from __future__ import annotations

import pytest

from browser import CHROMIUM_ARGS, chromium_path, static_server

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("quality-browser")]

CODES = ("fr", "en", "es", "it", "de", "ar", "zh")
WIDTHS = (360, 1440)

# For each card value: its height in lines, and whether its text is wider than its box.
CARD_VALUES = """() => [...document.querySelectorAll('.op-figures__value')].map((value) => {
  const style = getComputedStyle(value);
  const card = value.closest('.op-figures__card').getBoundingClientRect();
  return {text: value.textContent, lines: value.getBoundingClientRect().height / parseFloat(style.lineHeight),
          overflows: value.scrollWidth > value.clientWidth + 1, outside: card.right > innerWidth + 1 || card.left < -1};
})"""

# The budget table: alignment, figures and spacing of its numeric cells, and whether it fits its column.
BUDGET_TABLE = """() => {
  const table = document.querySelector('table.op-budget__table');
  const column = table.parentElement.getBoundingClientRect();
  const amounts = [...table.querySelectorAll('tbody tr td:first-of-type, tfoot td:first-of-type')];
  const edge = (cell) => { const range = document.createRange(); range.selectNodeContents(cell);
    const box = range.getBoundingClientRect(); return document.dir === 'rtl' ? box.left : box.right; };
  return {
    align: amounts.map((cell) => getComputedStyle(cell).textAlign),
    numeric: amounts.map((cell) => getComputedStyle(cell).fontVariantNumeric),
    padding: amounts.map((cell) => parseFloat(getComputedStyle(cell).paddingInlineStart)),
    edges: amounts.map(edge),
    fits: table.getBoundingClientRect().width <= column.width + 1 && table.getBoundingClientRect().right <= innerWidth + 1,
    lines: amounts.map((cell) => { const range = document.createRange(); range.selectNodeContents(cell);
      return Math.round(range.getBoundingClientRect().height / parseFloat(getComputedStyle(cell).lineHeight)); }),
  };
}"""


@pytest.fixture(scope="module")
def chromium(site):
    """A headless Chromium with two contexts: scripts on, and scripts off (a reader without JavaScript)."""
    from playwright.sync_api import sync_playwright

    with static_server(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        try:
            yield base, browser.new_context(), browser.new_context(java_script_enabled=False)
        finally:
            browser.close()


def _open(context, url: str, width: int):
    tab = context.new_page()
    tab.set_viewport_size({"width": width, "height": 900})
    tab.goto(url)
    tab.wait_for_load_state("load")
    return tab


@pytest.mark.parametrize("width", WIDTHS)
def test_a_figure_card_keeps_its_value_on_one_line(chromium, width):
    base, context, _ = chromium
    broken = []
    for code in CODES:
        for path in ("filieres/energie/", "filieres/tourisme/"):
            tab = _open(context, base + ("" if code == "fr" else f"{code}/") + path, width)
            values = tab.evaluate(CARD_VALUES)
            assert values, (code, path)
            broken += [(code, path, value) for value in values if value["lines"] > 1.5 or value["overflows"] or value["outside"]]
            tab.close()
    assert broken == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("code", ["fr", "ar", "zh"])
def test_the_budget_table_reads_as_a_table(chromium, code, width):
    base, context, _ = chromium
    tab = _open(context, base + ("" if code == "fr" else f"{code}/") + "agence/", width)
    table = tab.evaluate(BUDGET_TABLE)
    tab.close()
    assert set(table["align"]) == {"end"}
    assert all("tabular-nums" in numeric for numeric in table["numeric"])
    assert min(table["padding"]) >= 4
    # The amounts end on one edge, each on one line, and the table fits the page.
    assert max(table["edges"]) - min(table["edges"]) < 1, table["edges"]
    assert set(table["lines"]) == {1}
    assert table["fits"]


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_a_source_note_leads_to_its_source_without_javascript(chromium, code):
    base, _, without_scripts = chromium
    tab = _open(without_scripts, base + ("" if code == "fr" else f"{code}/") + "filieres/energie/", 360)
    note = tab.locator("sup.op-note a").first
    note.click()
    assert tab.evaluate("location.hash") == "#op-source-1"
    assert tab.evaluate("document.querySelector(':target').id") == "op-source-1"
    assert tab.locator("#op-source-1").is_visible()
    tab.locator("#op-source-1 .op-sources__back").click()
    assert tab.evaluate("document.querySelector(':target').id") == "op-cite-1"
    tab.close()
