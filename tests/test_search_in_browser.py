"""Search, as a reader uses it in Chromium: results come from the reader's
language only; Arabic queries find Arabic pages; French words after an
elision are found; a two-character Chinese word finds the page that contains
it."""

from __future__ import annotations

import pytest

from browser import browser, static_server
from conftest import run_build, write_files

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

HOME = "---\ntitle: {t}\ntemplate: home.html\nhero:\n  kicker: K\n  title: {t}\n  lead: L\n---\n\n{t}\n"


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("search") / "project")
    write_files(project, {
        "docs/index.fr.md": HOME.format(t="Accueil"),
        "docs/index.ar.md": HOME.format(t="الرئيسية"),
        "docs/index.zh.md": HOME.format(t="首页"),
        "docs/index.en.md": HOME.format(t="Home"),
        "docs/port.fr.md": "# Le port\n\nLe port de Marseille accueille des croisières.\n",
        "docs/port.en.md": "# The harbour\n\nThe harbour of Marseille welcomes cruises.\n",
        "docs/port.ar.md": "# الميناء\n\nيستقبل ميناء مرسيليا السفن السياحية.\n",
        "docs/port.zh.md": "# 港口\n\n马赛港迎接邮轮，推动科技创新。\n",
        "docs/academie.fr.md": "# L'académie\n\nL’ambassadeur apprend à raconter le territoire.\n",
    })
    build = run_build(project)
    assert build.ok, build.output
    with static_server(build.site) as base, browser() as context:
        yield base, context


def _search(context, url, query):
    tab = context.new_page()
    tab.set_default_timeout(45000)
    tab.goto(url)
    # The keyboard shortcut a reader uses to open search.
    tab.keyboard.press("s")
    # Arabic and Chinese arrive through an input method, not key by key: the
    # text is inserted, then a key press tells the page the query changed.
    tab.locator("input.md-search__input").fill(query)
    tab.keyboard.press("End")
    tab.wait_for_selector(".md-search-result__item a")
    results = tab.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    tab.close()
    return results


def test_english_search_returns_english_pages_only(search_site):
    base, context = search_site
    results = _search(context, base + "en/port/", "Marseille")
    assert results and all(href.startswith(base + "en/") for href in results)
    assert any(href.startswith(base + "en/port/") for href in results)


def test_arabic_query_finds_the_arabic_page(search_site):
    base, context = search_site
    results = _search(context, base + "ar/", "مرسيليا")
    assert any(href.startswith(base + "ar/port/") for href in results)
    assert all(href.startswith(base + "ar/") for href in results)


def test_french_words_after_an_elision_are_found(search_site):
    base, context = search_site
    for query in ("académie", "ambassadeur"):
        results = _search(context, base, query)
        assert any(href.startswith(base + "academie/") for href in results), query


def test_two_character_chinese_word_finds_the_page(search_site):
    base, context = search_site
    results = _search(context, base + "zh/", "创新")
    assert any(href.startswith(base + "zh/port/") for href in results)
    assert all(href.startswith(base + "zh/") for href in results)
