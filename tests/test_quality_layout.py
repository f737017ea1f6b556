"""Pages as readers who need them bigger, narrower, spaced out, in a Windows
contrast theme or without motion get them (Chromium, site behind nginx), read
from the rendered DOM by tests/layout.py:

- reflow (WCAG 1.4.10): every page at 320 CSS px, no sideways scrolling (data
  tables and the map scroll inside their own box), nothing cut off;
- text size (1.4.4): every template with the browser's text size doubled, no
  text clipped or drawn over other text;
- text spacing (1.4.12): every template with WCAG's spacing style, on a
  desktop and a phone, no text clipped or overlapping;
- forced colours and reduced motion: links, buttons, the language offer and
  the charts in the theme's colours, nothing animating.

The templates are discovered from the built site (tests/templates.py), in
French (left to right, Latin letters), Arabic (right to left) and Chinese.
"""

from __future__ import annotations

import pytest

from audit import site_pages
from layout import CONDITIONS, inspect_pages
from quality_report import clock, record, spent
from templates import CHECKED_LANGUAGES, localized, neutral_path, templates

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("quality-browser")]

# Gate of the summary -> the conditions it covers.
GATES = {"zoom": ("zoom",), "text-spacing": ("spacing", "spacing-phone"), "contrast-modes": ("contrast", "contrast-phone")}


@pytest.fixture(scope="module")
def checked_languages(languages):
    chosen = [language for language in languages if language["locale"] in CHECKED_LANGUAGES]
    assert [language["locale"] for language in chosen] == list(CHECKED_LANGUAGES)
    return chosen


@pytest.fixture(scope="module")
def template_pages(site, languages, checked_languages):
    """The page of each template, in each checked language."""
    codes = [language["locale"] for language in languages]
    return [localized(path, language) for path in templates(site, codes).values() for language in checked_languages]


def _language_of(path: str, codes: list[str], default: str) -> str:
    return default if neutral_path(path, codes) == path else path.split("/")[0]


def _problems(results):
    return [(result.path, problem["kind"], problem["where"], problem["text"]) for result in results for problem in result.problems]


def test_reflow_every_page_at_320_px(site, served_site, languages):
    codes = [language["locale"] for language in languages]
    default = next(language["locale"] for language in languages if language.get("default"))
    # Every page here: a long word in one title is enough to push a page sideways.
    paths = [path for path in site_pages(site) if _language_of(path, codes, default) in CHECKED_LANGUAGES]
    started = clock()
    found = _problems(inspect_pages(served_site, paths, CONDITIONS["reflow"]))
    record("reflow", pages=len(paths), problems=len(found), **spent(started))
    assert found == []


@pytest.mark.parametrize("gate", sorted(GATES))
def test_templates_hold_under(gate, served_site, template_pages):
    started, found = clock(), []
    for condition in GATES[gate]:
        found += [(condition, *problem) for problem in _problems(inspect_pages(served_site, template_pages, CONDITIONS[condition]))]
    record(gate, pages=len(template_pages), problems=len(found), **spent(started))
    assert found == []


FAULTS = """# Fautes

<p class="wide">Une phrase dans une boîte trop large pour un téléphone, qui sort de la fenêtre.</p>

<p class="short">Un paragraphe de plusieurs lignes dans une boîte d'une ligne de haut : la suite est coupée, invisible
pour qui agrandit le texte ou espace les lignes, et tout ce qui dépasse disparaît.</p>

<p>Premier texte.</p>
<p class="over">Second texte posé dessus.</p>

<button type="button" class="flat">Envoyer</button>
"""
FAULT_STYLE = """
.wide { width: 40rem; }
.short { height: 1.2em; overflow: hidden; }
.over { margin-top: -2.4em; }
.flat { border: none; background: #0a4a6e; color: #fff; animation: pulse 2s infinite; }
@keyframes pulse { from { opacity: 1; } to { opacity: 0.6; } }
"""


def test_the_layout_checks_see_overflow_clipping_overlap_a_borderless_button_and_motion(fixture_project, tmp_path):
    from conftest import run_build, write_files
    from nginx import nginx_server

    write_files(fixture_project, {
        "docs/index.fr.md": "# Accueil\n\nBienvenue.\n",
        "docs/fautes.fr.md": FAULTS,
        "docs/fautes.css": FAULT_STYLE,
    })
    (fixture_project / "mkdocs.yml").write_text(
        (fixture_project / "mkdocs.yml").read_text("utf-8").replace("extra_css:\n", "extra_css:\n  - fautes.css\n"), "utf-8")
    build = run_build(fixture_project)
    assert build.ok, build.output
    with nginx_server(build.site, tmp_path / "nginx") as base:
        kinds = {name: {problem["kind"] for result in inspect_pages(base, ["fautes/"], CONDITIONS[name]) for problem in result.problems}
                 for name in ("reflow", "spacing", "contrast")}
        home = inspect_pages(base, [""], CONDITIONS["reflow"])
    assert {"page scrolls sideways", "text outside the window", "text cut off", "text over text"} <= kinds["reflow"]
    assert "text cut off" in kinds["spacing"]
    assert {"button without a border", "animation runs", "animation declared"} <= kinds["contrast"]
    assert home[0].problems == []
