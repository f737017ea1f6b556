"""With the keyboard alone, on the page of every template (discovered from the
built site) in French, Arabic and Chinese (Chromium, site behind nginx): Tab
reaches every control on the page, each has an accessible name in the page's
language, and the focus can always be seen (an outline or a ring, on screen,
not under the sticky header). Then the same walk of the French pages in a
Windows contrast theme, where shadows are dropped and only outlines show the focus.

tests/test_quality_keyboard.py walks the paths through the site (language
menu, search); this file walks every stop of every template."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from keyboard_walk import name_in_language, walk_pages
from quality_report import clock, record, spent
from templates import CHECKED_LANGUAGES, localized, templates

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("quality-browser")]

MATERIAL_LANGUAGES = Path(importlib.import_module("material").__file__).parent / "templates" / "partials" / "languages"
MATERIAL_STRING = re.compile(r'^\s*"([^"]+)": "([^"]*)",?$', re.MULTILINE)


@pytest.fixture(scope="module")
def interface(ui_strings, languages):
    """The interface strings a page shows, {language: text} each: the site's
    (data/ui/) and Material's own (partials/languages/<code>.html)."""
    codes = [language["locale"] for language in languages]
    material: dict[str, dict[str, str]] = {}
    for code in codes:
        for key, value in MATERIAL_STRING.findall((MATERIAL_LANGUAGES / f"{code}.html").read_text("utf-8")):
            material.setdefault(key, {})[code] = value
    site = [{code: text for code, text in strings.items() if code in codes} for strings in ui_strings.values() if isinstance(strings, dict)]
    return site + [strings for key, strings in material.items() if key != "language"]


@pytest.fixture(scope="module")
def template_pages(site, languages):
    codes = [language["locale"] for language in languages]
    checked = [language for language in languages if language["locale"] in CHECKED_LANGUAGES]
    return [(localized(path, language), language["locale"]) for path in templates(site, codes).values() for language in checked]


@pytest.mark.parametrize("theme", ["default", "forced-colours"])
def test_every_control_of_every_template_is_reached_named_and_shows_its_focus(theme, served_site, template_pages, interface):
    # In forced colours only the focus styles change, and they are the same CSS
    # in every language: the French pages suffice (the walk is the costliest check).
    pages = template_pages if theme == "default" else [(path, code) for path, code in template_pages if code == CHECKED_LANGUAGES[0]]
    started = clock()
    walks = walk_pages(served_site, [path for path, _ in pages], forced_colors=theme == "forced-colours")
    lang = dict(pages)
    failures = [(walk.path, *problem) for walk in walks for problem in walk.problems(lang[walk.path], interface)]
    record("focus", pages=len(walks), stops=sum(len(walk.stops) for walk in walks), failures=len(failures),
           **spent(started))
    assert len(walks) == len(pages) and all(walk.stops for walk in walks)
    assert failures == []


def test_a_name_left_in_another_language_is_seen(interface):
    search = next(strings for strings in interface if strings.get("fr") == "Rechercher")
    assert not name_in_language(search["fr"], "de", interface)
    assert name_in_language(search["de"], "de", interface)
    assert not name_in_language("Lire la suite de la page sur le territoire et les lieux", "zh", interface)
    assert name_in_language("Provence Promotion", "ar", interface)
    assert name_in_language("介绍 One Provence", "zh", interface)


TRAP = """<input id="piege" aria-label="Piège">
<script>
document.getElementById("piege").addEventListener("keydown", (event) => { if (event.key === "Tab") event.preventDefault(); });
</script>"""


def test_the_walk_sees_a_hidden_focus_a_nameless_link_and_a_keyboard_trap(fixture_project, tmp_path):
    from conftest import run_build, write_files
    from nginx import nginx_server

    write_files(fixture_project, {
        "docs/index.fr.md": "# Accueil\n\nBienvenue.\n",
        "docs/fautes.fr.md": '# Fautes\n\n<a href="../" class="sans-contour">Accueil</a>\n\n'
                             '<a href="../"><img src="../assets/brand/logo.svg" alt=""></a>\n\n'
                             '<button type="button" tabindex="-1">Hors du parcours</button>\n\n' + TRAP + "\n\n[Après](index.md)\n",
        "docs/fautes.css": ".sans-contour:focus, .sans-contour:focus-visible { outline: none !important; box-shadow: none !important; }\n",
    })
    (fixture_project / "mkdocs.yml").write_text(
        (fixture_project / "mkdocs.yml").read_text("utf-8").replace("extra_css:\n", "extra_css:\n  - fautes.css\n"), "utf-8")
    build = run_build(fixture_project)
    assert build.ok, build.output
    with nginx_server(build.site, tmp_path / "nginx") as base:
        (walk,) = walk_pages(base, ["fautes/"])
    problems = walk.problems("fr", [])
    kinds = {problem[:2] for problem in problems}
    assert ("focus not visible", "a.sans-contour") in kinds
    assert ("no accessible name", "a") in kinds
    assert ("keyboard trap", "input#piege") in kinds
    unreached = [problem[1] for problem in problems if problem[0] == "not reached with Tab"]
    assert any("Après" in where for where in unreached), unreached
    # Taken out of the Tab order on purpose (tabindex="-1"): not expected there.
    assert not any("Hors du parcours" in where for where in unreached)
