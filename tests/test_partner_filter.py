"""The partner directory's sector filter, as a reader uses it in Chromium, in
every language (real site behind nginx): a sector link shows that sector's
partners only, hides the tiers left empty, marks the chosen link and tells
screen readers how many partners are shown; "all sectors" brings everyone
back; the page does not move to another address."""

from __future__ import annotations

import pytest

from browser import browser
from conftest import ROOT, language_folder
from provence.yamlfile import front_matter as parse_front_matter

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("quality-browser")]

STATE = """() => ({
  shown: [...document.querySelectorAll("#op-directory [data-sectors]")]
    .filter(card => card.offsetParent !== null)
    .map(card => card.querySelector("h3 a").getAttribute("href").split("/").filter(Boolean).pop()),
  tiers: [...document.querySelectorAll("#op-directory .op-tier")]
    .filter(tier => tier.offsetParent !== null).map(tier => tier.querySelector("h2").id.replace("tier-", "")),
  current: [...document.querySelectorAll("nav.op-filter a[aria-current]")].map(a => a.dataset.sector),
  status: document.querySelector(".op-filter__status").textContent,
})"""


def _partners() -> dict[str, dict]:
    """slug -> French front matter of every partner file (the source the directory is built from)."""
    partners = {}
    for path in sorted((ROOT / "docs" / "partenaires").glob("*.fr.md")):
        if path.name != "index.fr.md":
            partners[path.name.removesuffix(".fr.md")] = parse_front_matter(path.read_text("utf-8"), path.name)[0]
    return partners


def test_the_sector_filter_shows_one_sectors_partners_in_every_language(served_site, languages, ui_strings):
    partners = _partners()
    sector = "enseignement-recherche"
    expected = sorted(slug for slug, meta in partners.items() if sector in meta["sectors"])
    expected_tiers = {partners[slug]["tier"] for slug in expected}
    assert 0 < len(expected) < len(partners) and len(expected_tiers) < len({meta["tier"] for meta in partners.values()})
    with browser("fr-FR") as context:
        for language in languages:
            code = language["locale"]
            tab = context.new_page()
            url = served_site + language_folder(language) + "partenaires/"
            tab.goto(url)
            before = tab.evaluate(STATE)
            assert sorted(before["shown"]) == sorted(partners) and before["current"] == [""], code
            tab.click(f'nav.op-filter a[data-sector="{sector}"]')
            after = tab.evaluate(STATE)
            assert sorted(after["shown"]) == expected, code
            assert set(after["tiers"]) == expected_tiers, code
            assert after["current"] == [sector], code
            assert after["status"] == ui_strings["col_filter_shown"][code].replace("{n}", str(len(expected))), code
            assert tab.url == url
            tab.click('nav.op-filter a[data-sector=""]')
            again = tab.evaluate(STATE)
            assert sorted(again["shown"]) == sorted(partners) and again["current"] == [""], code
            assert again["status"] == ui_strings["col_filter_shown"][code].replace("{n}", str(len(partners))), code
            tab.close()
