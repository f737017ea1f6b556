"""Every kind of bad input an editor can write, checked against the
validation layer the build calls (no build: tests/test_bad_input_builds.py
proves once per kind of source that the build stops with these messages and
keeps the published site). Each case asserts the exact, complete list of
messages the editor gets."""

from __future__ import annotations

import importlib.util
import shutil

import pytest
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

import figures as figures_hook
import ui_strings
from collections_content import site_files
from conftest import ROOT, write_files
from provence import cdn, translations, yamlfile
from provence.catalog import load_catalog
from provence.figures import markers

PLACE = site_files()["docs/lieux/calanques.fr.md"]
PARTNER_FILE = site_files()["docs/partenaires/metropole-amp.fr.md"]
PARTNER_PATH = "docs/partenaires/metropole-amp.fr.md"
PARTNER_EN = "docs/partenaires/metropole-amp.en.md"
PLACE_EN = "docs/lieux/vieux-port.en.md"
HTML_REFUSED = "contains HTML ('{tag}'); write plain text: text fields are shown exactly as typed, never as HTML"
PARTNER_FIELDS = "title, description, translation, hide, search, template, icon, status, summary, tier, sectors, website, member_since, logo"

# Case -> (files written over the fixture content set, every message, sorted)
BAD_INPUT = {
    "malformed YAML": (
        {"docs/lieux/calanques.fr.md": PLACE.replace("route: 3", "route: [3")},
        ["docs/lieux/calanques.fr.md: line 7, column 7: invalid YAML in the front matter: did not find expected ',' or ']'"],
    ),
    "unknown field": (
        {PARTNER_PATH: PARTNER_FILE.replace("tier: fondateurs", "teir: fondateurs")},
        [f"docs/partenaires/metropole-amp.fr.md: teir: unknown field (value 'fondateurs'); did you mean `tier`? Expected one of: {PARTNER_FIELDS}",
         "docs/partenaires/metropole-amp.fr.md: tier: required field is missing; add it"],
    ),
    "missing required field": (
        {PARTNER_PATH: PARTNER_FILE.replace("tier: fondateurs\n", "")},
        ["docs/partenaires/metropole-amp.fr.md: tier: required field is missing; add it"],
    ),
    "wrong type": (
        {PARTNER_PATH: PARTNER_FILE.replace("member_since: 2023", "member_since: deux mille")},
        ["docs/partenaires/metropole-amp.fr.md: member_since: 'deux mille' is not valid: input should be a valid integer, unable to parse string as an integer"],
    ),
    "coordinates outside the territory": (
        {"docs/lieux/calanques.fr.md": PLACE.replace("{lat: 43.21, lon: 5.45}", "{lat: 48.85, lon: 2.35}")},
        ["docs/lieux/calanques.fr.md: coordinates: (48.85, 2.35) is outside the Aix-Marseille-Provence metropolis (lat 43.15–43.80, lon 4.80–5.85)"],
    ),
    "unknown place": (
        {"docs/agenda/voile-2024.fr.md": site_files()["docs/agenda/voile-2024.fr.md"].replace("place: vieux-port", "place: vieux-porc")},
        ["docs/agenda/voile-2024.fr.md: place: 'vieux-porc' does not exist in docs/lieux/; expected one of: calanques, sainte-victoire, vieux-port"],
    ),
    "unknown sector": (
        {PARTNER_PATH: PARTNER_FILE.replace("sectors: [sante, tourisme]", "sectors: [sante, peche]")},
        ["docs/partenaires/metropole-amp.fr.md: sectors: 'peche' does not exist in docs/filieres/; expected one of: sante, tourisme"],
    ),
    "unknown partner": (
        {"data/budget.yml": site_files()["data/budget.yml"].replace("partner: metropole-amp", "partner: metropole")},
        ["data/budget.yml: funders (metropole).partner: 'metropole' does not exist in docs/partenaires/; expected one of: metropole-amp"],
    ),
    "unknown figure": (
        {"docs/filieres/tourisme.fr.md": site_files()["docs/filieres/tourisme.fr.md"].replace("summary: La filière tourisme.", "summary: T\nfigures: [visiteurs]")},
        ["docs/filieres/tourisme.fr.md: figures: 'visiteurs' does not exist in data/figures.yml; expected one of: airport-passengers-2023, budget-total, university-rank"],
    ),
    "duplicate id": (
        {"data/figures.yml": site_files()["data/figures.yml"].replace("id: budget-total", "id: university-rank")},
        # The renamed figure was the budget's total, which now cites nothing.
        ["data/budget.yml: total: 'budget-total' does not exist in data/figures.yml; expected one of: airport-passengers-2023, university-rank",
         "data/figures.yml: id: 'university-rank' is used twice; expected each id once"],
    ),
    "duplicate slug": (
        {"docs/lieux/Calanques.fr.md": PLACE.replace("route: 3", "route: 4")},
        ["docs/lieux/calanques.fr.md: file name: slug 'calanques' duplicates docs/lieux/Calanques.fr.md; expected one file per item"],
    ),
    "script in a text field": (
        {PARTNER_PATH: PARTNER_FILE.replace("summary: La collectivité qui finance l'agence.", "summary: \"<script>alert('x')</script>\"")},
        ["docs/partenaires/metropole-amp.fr.md: summary: " + HTML_REFUSED.format(tag="<script>")],
    ),
    "script in the middle of a text field": (
        {PARTNER_PATH: PARTNER_FILE.replace("summary: La collectivité qui finance l'agence.", "summary: \"La collectivité <script>alert('x')</script> qui finance l'agence.\"")},
        ["docs/partenaires/metropole-amp.fr.md: summary: " + HTML_REFUSED.format(tag="<script>")],
    ),
    "script at the end of a text field": (
        {PARTNER_PATH: PARTNER_FILE.replace("summary: La collectivité qui finance l'agence.", "summary: \"La collectivité qui finance l'agence. <script>\"")},
        ["docs/partenaires/metropole-amp.fr.md: summary: " + HTML_REFUSED.format(tag="<script>")],
    ),
    "script in a translation's text field": (
        {PARTNER_EN: site_files()[PARTNER_EN].replace("summary: The local authority that funds the agency.", "summary: \"The local authority <script>alert('x')</script> that funds the agency.\"")},
        ["docs/partenaires/metropole-amp.en.md: summary: " + HTML_REFUSED.format(tag="<script>")],
    ),
    "markup at the end of a translation's alt text": (
        {PLACE_EN: site_files()[PLACE_EN].replace("image: {alt: The harbour and its boats}", "image: {alt: \"The harbour and its boats <img src=x onerror=alert(1)>\"}")},
        ["docs/lieux/vieux-port.en.md: image.alt: " + HTML_REFUSED.format(tag="<img src=x onerror=alert(1)>")],
    ),
    "missing logo file": (
        {PARTNER_PATH: PARTNER_FILE.replace("metropole-amp.svg", "absent.svg")},
        ["docs/partenaires/metropole-amp.fr.md: logo.src: '../assets/logos/absent.svg': no such file (looked for docs/assets/logos/absent.svg); "
         "expected a path relative to this page, e.g. ../assets/logos/name.svg"],
    ),
    "logo without alt text": (
        {PARTNER_PATH: PARTNER_FILE.replace(", alt: Logo de la Métropole", "")},
        ["docs/partenaires/metropole-amp.fr.md: logo.alt: required field is missing; add it"],
    ),
    "translation disagreeing with the French file": (
        {PARTNER_EN: site_files()[PARTNER_EN].replace("logo: {alt: Metropolis logo}", "logo: {alt: Metropolis logo}\nmember_since: 2022")},
        ["docs/partenaires/metropole-amp.en.md: member_since: 2022 disagrees with the French file (2023); write non-text fields only in the French file"],
    ),
    "theme id that cannot be an address": (
        {"data/themes.yml": site_files()["data/themes.yml"].replace("- id: nature", "- id: Nature & Mer")},
        ["data/themes.yml entry 3 (id 'Nature & Mer'): id: 'Nature & Mer' is not an id; expected lowercase letters, digits and hyphens (e.g. 'vieux-port')"],
    ),
    "place taking the theme pages' folder": (
        {"docs/lieux/themes.fr.md": PLACE.replace("route: 3", "route: 9")},
        ["docs/lieux/themes.fr.md: file name: 'themes' is kept for the theme pages (lieux/themes/<theme>/); give the place another file name"],
    ),    "unknown commune": (
        {"docs/lieux/calanques.fr.md": PLACE.replace("commune: Cassis", "commune: Cassis-sur-Mer")},
        ["docs/lieux/calanques.fr.md: commune: 'Cassis-sur-Mer' does not exist in data/communes.yml; expected one of: Aix-en-Provence, Cassis, Marseille"],
    ),
    "commune without a name in a language": (
        {"data/communes.yml": site_files()["data/communes.yml"].replace(", zh: \"马赛\"", "")},
        ["data/communes.yml (id 'Marseille'): name.zh: missing; write the 'zh' name (the French name 'Marseille' if the language has no other)"],
    ),
    "amount pattern without its amount": (
        {"data/amounts.yml": "fr: \"{currency}\"\n"},
        ["data/amounts.yml: fr: '{currency}' needs {amount} and {currency}; write where each goes, e.g. '{amount} de {currency}'"],
    ),
    "unknown budget total": (
        {"data/budget.yml": site_files()["data/budget.yml"].replace("total: budget-total", "total: budget-2030")},
        ["data/budget.yml: total: 'budget-2030' does not exist in data/figures.yml; expected one of: airport-passengers-2023, budget-total, university-rank"],
    ),
}


@pytest.fixture(scope="module")
def codes(languages):
    return [language["locale"] for language in languages]


@pytest.mark.parametrize("case", list(BAD_INPUT))
def test_bad_input_gets_every_message_the_editor_needs(tmp_path, codes, case):
    changes, messages = BAD_INPUT[case]
    write_files(tmp_path, site_files(**changes))
    _, problems = load_catalog(tmp_path / "docs", tmp_path / "data", codes)
    assert sorted(str(problem) for problem in problems) == messages


# --- Markers and listings in a page's text (checked while the page renders)


def _catalog(tmp_path, codes, **changes):
    write_files(tmp_path, site_files(**changes))
    catalog, problems = load_catalog(tmp_path / "docs", tmp_path / "data", codes)
    assert problems == []
    return catalog


def test_an_unknown_figure_in_a_page_names_the_page_the_marker_and_the_known_figures(tmp_path, codes):
    catalog = _catalog(tmp_path, codes)
    text = site_files()["docs/filieres/tourisme.fr.md"] + "\nVoir [[figure:visiteurs-2030]] et [[figures:budget-total, visiteurs]].\n"
    assert [str(problem) for problem in figures_hook.unknown_markers(markers(text), catalog, "docs/filieres/tourisme.fr.md")] == [
        "docs/filieres/tourisme.fr.md: [[figure:visiteurs-2030]]: figure 'visiteurs-2030' does not exist in data/figures.yml; "
        "expected one of: airport-passengers-2023, budget-total, university-rank",
        "docs/filieres/tourisme.fr.md: [[figures:budget-total, visiteurs]]: figure 'visiteurs' does not exist in data/figures.yml; "
        "expected one of: airport-passengers-2023, budget-total, university-rank",
    ]


def test_a_budget_marker_without_a_budget_file_is_reported(tmp_path, codes):
    (tmp_path / "docs").mkdir()
    catalog, _ = load_catalog(tmp_path / "docs", tmp_path / "data", codes)
    assert [str(problem) for problem in figures_hook.unknown_markers(["budget"], catalog, "docs/partenaires/index.fr.md")] == [
        "docs/partenaires/index.fr.md: [[budget]]: there is no data/budget.yml; add it or remove the marker",
    ]


def _collections_hook():
    # hooks/collections.py shares its name with the standard library's module:
    # loaded from its path, under MkDocs' name for it, and left out of sys.modules.
    spec = importlib.util.spec_from_file_location("hooks/collections.py", ROOT / "hooks" / "collections.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_unknown_listing_names_the_page_and_the_listings(tmp_path):
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig()
    config.load_dict({"site_name": "One Provence", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    assert config.validate()[0] == []
    index = Page(None, File("reseau/index.fr.md", config.docs_dir, config.site_dir, use_directory_urls=True), config)
    with pytest.raises(PluginError) as raised:
        _collections_hook().render_listing(None, "reseau", index, config)
    assert str(raised.value) == (
        "1 problem in the content files:\n"
        "  - docs/reseau/index.fr.md: listing: 'reseau' is not a listing; expected one of: places, sectors, partners, changemakers, events, news"
    )


# --- UI strings (data/ui/*.yml)


@pytest.fixture
def ui_folder(tmp_path):
    folder = tmp_path / "ui"
    shutil.copytree(ROOT / "data" / "ui", folder)
    return folder


def test_a_ui_string_missing_for_one_language_is_reported(ui_folder, codes):
    strings = yaml.safe_load((ui_folder / "site.yml").read_text("utf-8"))
    del strings["back_home"]["de"]
    (ui_folder / "site.yml").write_text(yaml.safe_dump(strings, allow_unicode=True), "utf-8")
    _, problems = ui_strings.load_strings(ui_folder, codes)
    assert [str(problem) for problem in problems] == ["data/ui/site.yml: back_home.de: missing the 'de' text; add `de: ...` under `back_home`"]


def test_a_ui_string_defined_in_two_files_is_reported(ui_folder, codes):
    (ui_folder / "extra.yml").write_text("home:\n" + "".join(f"  {code}: Accueil\n" for code in codes), "utf-8")
    _, problems = ui_strings.load_strings(ui_folder, codes)
    assert [str(problem) for problem in problems] == ["data/ui/site.yml: home: already defined in data/ui/extra.yml; keep one of the two"]


def test_a_malformed_ui_file_names_file_and_line(ui_folder, codes):
    (ui_folder / "site.yml").write_text("home:\n  fr: [Accueil\n", "utf-8")
    _, problems = ui_strings.load_strings(ui_folder, codes)
    assert [str(problem) for problem in problems] == ["data/ui/site.yml: line 3, column 1: invalid YAML: did not find expected ',' or ']'"]


# --- Front matter of any page


def test_front_matter_that_mkdocs_would_ignore_is_reported():
    fos = "---\ntitle: Fos : le port\n---\n\n# Fos\n"
    conflict = "---\n<<<<<<< HEAD\ntitle: A\n=======\ntitle: B\n>>>>>>> branche\n---\n\n# C\n"
    assert str(yamlfile.front_matter_problem(fos, "docs/fos.fr.md")) == (
        "docs/fos.fr.md: line 2, column 12: invalid YAML in the front matter: mapping values are not allowed in this context "
        "(a value containing ': ' must be in quotes)"
    )
    assert str(yamlfile.front_matter_problem(conflict, "docs/conflit.fr.md")) == (
        "docs/conflit.fr.md: line 3, column 6: invalid YAML in the front matter: mapping values are not allowed in this context "
        "(a value containing ': ' must be in quotes)"
    )


def test_a_malformed_translation_status_names_file_and_field():
    translation, problems = translations.parse_translation({"translation": "maschine"}, "docs/port.de.md")
    assert translation is None
    assert [str(problem) for problem in problems] == [
        "docs/port.de.md: translation: expected `machine_assisted: true|false`, `reviewed: true|false`, "
        "`reviewed_on: YYYY-MM-DD`, `source: …`, got 'maschine'"
    ]


CURRENT = "0123456789ab"


@pytest.mark.parametrize(("translation", "pending"), [
    (None, False), ({"machine_assisted": True, "reviewed": False}, True), ({"machine_assisted": True, "reviewed": True}, False),
    ({"machine_assisted": False}, False), ({"machine_assisted": True}, True),
    # A review covers the French text it was made against; a newer French text needs a new one.
    ({"machine_assisted": True, "reviewed": True, "source": CURRENT}, False),
    ({"machine_assisted": True, "reviewed": True, "source": "ba9876543210"}, True),
])
def test_a_machine_translation_is_pending_until_reviewed(translation, pending):
    meta = {} if translation is None else {"translation": translation}
    parsed, problems = translations.parse_translation(meta, "docs/port.de.md")
    assert problems == []
    assert translations.status(parsed, CURRENT).unreviewed_machine is pending


# --- Redirects (data/redirects.yml), checked against the built pages


@pytest.fixture
def built_pages(tmp_path):
    """The pages a built site would have: the home page and lieux/."""
    write_files(tmp_path / "site", {"index.html": "<!doctype html>\n", "lieux/index.html": "<!doctype html>\n"})
    return tmp_path / "site"


@pytest.mark.parametrize(("redirects", "messages"), [
    ("  - from: /ancien/\n    to: /introuvable/\n", ["data/redirects.yml: /ancien/: leads to /introuvable/, which is not a page of the built site"]),
    ("  - from: /lieux/\n    to: /\n", ["data/redirects.yml: /lieux/: a page of the site has this address: remove the redirect or the page"]),
    ("  - from: ancien\n    to: /\n", ["data/redirects.yml entry 1: from: 'ancien' is not a site path; expected a path starting with '/', without spaces, quotes, '#' or '?'"]),
    ("  - from: /ancien/\n    too: /\n", ["data/redirects.yml entry 1: to: required field is missing; add it",
                                         "data/redirects.yml entry 1: too: unknown field (value '/'); did you mean `to`? Expected one of: from, to"]),
    ("  - from: /ancien/\n    to: /lieux/\n  - from: /ancien/\n    to: /\n", ["data/redirects.yml: /ancien/: this old address is listed twice; keep one entry"]),
    ("  - from: /ancien/\n    to: /lieux/\n", []),
])
def test_a_wrong_redirect_names_the_entry(built_pages, redirects, messages):
    raw, problems = yamlfile.parse("redirects:\n" + redirects, "data/redirects.yml")
    parsed, found = cdn.parse_redirects(raw, "data/redirects.yml")
    problems += found + cdn.check_redirects(parsed, built_pages, "data/redirects.yml")
    assert sorted(str(problem) for problem in problems) == messages
