"""Bad input of every kind of source stops the real build with the editor's
message, and the site published by the previous build stays as it was, byte
for byte, with no staging folder left next to it.

One build per kind of source proves the wiring (each hook raises, MkDocs
stops, nothing is published); every message of every kind is checked
without a build, against the validation layer (tests/test_content_validation.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from collections_content import site_files
from conftest import copy_project, run_build, write_files

# One published site for the whole module, built once on one worker.
pytestmark = pytest.mark.xdist_group("bad-input")

PARTNER_EN = "docs/partenaires/metropole-amp.en.md"
SCRIPT_IN_TRANSLATION = site_files()[PARTNER_EN].replace(
    "summary: The local authority that funds the agency.",
    "summary: \"The local authority <script>alert('x')</script> that funds the agency.\"",
)


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A fixture project with the complete content set, built and published once."""
    project = copy_project(tmp_path_factory.mktemp("published") / "project")
    write_files(project, site_files())
    build = run_build(project)
    assert build.ok, build.output
    return project, _files(build.site)


@pytest.fixture
def republished(published, tmp_path):
    """A copy of the published project (its site included) for one bad build."""
    project, files = published
    copy = tmp_path / "project"
    shutil.copytree(project, copy)
    return copy, files


def _ui_without(project: Path, key: str, code: str) -> str:
    strings = yaml.safe_load((project / "data/ui/site.yml").read_text("utf-8"))
    del strings[key][code]
    return yaml.safe_dump(strings, allow_unicode=True)


# Kind of source -> (files written over the published project, the lines of the build's message)
BAD_BUILDS = {
    "content file: a script in a translation's text field": (
        {PARTNER_EN: SCRIPT_IN_TRANSLATION},
        ["1 problem in the content files:",
         "  - docs/partenaires/metropole-amp.en.md: summary: contains HTML ('<script>'); write plain text: text fields are shown exactly as typed, never as HTML"],
    ),
    "content file: an unknown figure in a page's text": (
        {"docs/filieres/tourisme.fr.md": site_files()["docs/filieres/tourisme.fr.md"] + "\nVoir [[figure:visiteurs-2030]].\n"},
        ["1 problem in the figures of a page:",
         "  - docs/filieres/tourisme.fr.md: [[figure:visiteurs-2030]]: figure 'visiteurs-2030' does not exist in data/figures.yml; "
         "expected one of: airport-passengers-2023, budget-total, university-rank"],
    ),
    "data file: malformed YAML": (
        {"data/budget.yml": site_files()["data/budget.yml"].replace("amount: 500000", "amount: [500000")},
        ["1 problem in the content files:",
         "  - data/budget.yml: line 10, column 10: invalid YAML: did not find expected ',' or ']'"],
    ),
    "ui file: a language missing": (
        {"data/ui/site.yml": None},
        ["1 problem in data/ui:", "  - data/ui/site.yml: back_home.de: missing the 'de' text; add `de: ...` under `back_home`"],
    ),
    "redirects: a redirect to no page": (
        {"data/redirects.yml": "redirects:\n  - from: /ancien/\n    to: /introuvable/\n"},
        ["1 problem in data/redirects.yml:", "  - data/redirects.yml: /ancien/: leads to /introuvable/, which is not a page of the built site"],
    ),
    "front matter: a value with an unquoted colon": (
        {"docs/fos.fr.md": "---\ntitle: Fos : le port\n---\n\n# Fos\n"},
        ["1 problem in front matter:",
         "  - docs/fos.fr.md: line 2, column 12: invalid YAML in the front matter: mapping values are not allowed in this context "
         "(a value containing ': ' must be in quotes)"],
    ),
    "unconfigured language": (
        {"docs/page.pt.md": "# Olá\n"},
        ["1 problem in the docs folder:",
         "  - docs/page.pt.md: file name: language 'pt' is not configured (the site builds: fr, en, es, it, de, ar, zh). "
         "Rename the file with one of those suffixes, or declare the language in mkdocs.yml under plugins > i18n > languages."],
    ),
    "a link to a missing page": (
        {"docs/index.fr.md": site_files()["docs/index.fr.md"] + "\n[Perdu](introuvable.md)\n"},
        ["Doc file 'index.fr.md' contains a link 'introuvable.md', but the target is not found among documentation files."],
    ),
}


@pytest.mark.parametrize("case", list(BAD_BUILDS))
def test_bad_input_stops_the_build_with_its_message_and_keeps_the_published_site(republished, case):
    project, published_files = republished
    changes, lines = BAD_BUILDS[case]
    if "data/ui/site.yml" in changes:
        changes = {"data/ui/site.yml": _ui_without(project, "back_home", "de")}
    write_files(project, changes)
    build = run_build(project)
    assert not build.ok
    # Each line as printed, after the log level of MkDocs ("ERROR   -  ").
    output = build.output.splitlines()
    assert [line for line in lines if not any(printed.endswith(line) for printed in output)] == [], build.output[-3000:]
    assert _files(project / "site") == published_files
    assert sorted(path.name for path in project.iterdir() if path.name.startswith("site")) == ["site"]


def test_all_problems_are_reported_together_and_the_previous_site_is_kept(republished):
    project, published_files = republished
    partner = site_files()["docs/partenaires/metropole-amp.fr.md"].replace("tier: fondateurs", "teir: fondateurs")
    place = site_files()["docs/lieux/calanques.fr.md"].replace("{lat: 43.21, lon: 5.45}", "{lat: 48.85, lon: 2.35}")
    figures = site_files()["data/figures.yml"].replace("id: budget-total", "id: university-rank")
    write_files(project, {"docs/partenaires/metropole-amp.fr.md": partner, "docs/lieux/calanques.fr.md": place, "data/figures.yml": figures})
    build = run_build(project)
    assert not build.ok
    # The typo is two problems, an unknown `teir` and a missing `tier`; the
    # renamed figure was the budget's total, which now cites nothing.
    assert "5 problems in the content files:" in build.output
    for message in (
        "docs/partenaires/metropole-amp.fr.md: teir: unknown field (value 'fondateurs'); did you mean `tier`?",
        "docs/lieux/calanques.fr.md: coordinates: (48.85, 2.35) is outside the Aix-Marseille-Provence metropolis (lat 43.15–43.80, lon 4.80–5.85)",
        "data/figures.yml: id: 'university-rank' is used twice; expected each id once",
        "data/budget.yml: total: 'budget-total' does not exist in data/figures.yml; expected one of: airport-passengers-2023, university-rank",
    ):
        assert message in build.output
    assert _files(project / "site") == published_files
    assert sorted(path.name for path in project.iterdir() if path.name.startswith("site")) == ["site"]
