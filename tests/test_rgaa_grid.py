"""The RGAA audit grid (data/rgaa.yml) stays true: the official 106 criteria,
each decided by tests that exist or listed for a person with the sample pages
to check it on; a sample with a page of every template the site has; and the
accessibility statement, in every language, shows that grid and nothing else."""

from __future__ import annotations

import ast
import re
from collections import Counter

import pytest

from accessibility import load_grid
from conftest import ROOT, language_folder, run_build, write_files
from pages import page
from templates import templates

GRID = ROOT / "data" / "rgaa.yml"
# Criteria per topic in RGAA 4.1.2 (DINUM, "Critères et tests"): 106 in all.
OFFICIAL = {1: 9, 2: 2, 3: 3, 4: 13, 5: 8, 6: 2, 7: 5, 8: 10, 9: 4, 10: 14, 11: 13, 12: 11, 13: 12}
REQUIRED_SAMPLE = {"home", "legal-notice", "statement", "search", "download"}


@pytest.fixture(scope="module")
def grid():
    return load_grid(GRID)


def _test_functions(file) -> set[str]:
    tree = ast.parse(file.read_text("utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


def test_the_grid_has_the_106_official_criteria_in_order(grid):
    ids = [criterion.id for criterion in grid.criteria]
    assert Counter(criterion.topic for criterion in grid.criteria) == OFFICIAL
    assert ids == [f"{topic}.{number}" for topic, count in OFFICIAL.items() for number in range(1, count + 1)]


def test_every_criterion_a_test_decides_names_tests_that_exist(grid):
    missing = []
    for criterion in grid.criteria:
        for test in criterion.tests:
            file, _, name = test.partition("::")
            path = ROOT / file
            if not path.is_file() or name.split("[")[0] not in _test_functions(path):
                missing.append((criterion.id, test))
    assert missing == [], "tests named in data/rgaa.yml that do not exist (renamed? update the grid)"


def test_the_sample_has_the_rgaas_pages_and_a_page_of_every_template(grid, site, languages):
    codes = [language["locale"] for language in languages]
    ids = {entry.id for entry in grid.sample}
    assert REQUIRED_SAMPLE <= ids
    paths = {entry.path for entry in grid.sample}
    missing = [path for path in paths if not (site / (path if path.endswith(".html") else path + "index.html")).is_file()]
    assert missing == [], "sample pages of data/rgaa.yml the site does not have"
    uncovered = [template for template, example in templates(site, codes).items()
                 if not any(_same_template(path, example) for path in paths)]
    assert uncovered == [], "templates with no page in the RGAA sample: add one of their pages to `sample` in data/rgaa.yml"


def _same_template(path: str, example: str) -> bool:
    from templates import template_of

    return template_of(path) == template_of(example)


def test_the_statement_shows_the_grid_in_every_language(grid, site, languages):
    person = [criterion.id for criterion in grid.criteria if criterion.status == "person"]
    counts = Counter(criterion.status for criterion in grid.criteria)
    for language in languages:
        statement = page(site, language_folder(language) + "legal/accessibilite/")
        shown = {row["data-rgaa-status"]: int(row.td.get_text(strip=True)) for row in statement.select("[data-rgaa-status]")}
        assert shown == dict(counts), language["locale"]
        listed = [item["data-rgaa-criterion"] for item in statement.select("[data-rgaa-criterion]")]
        assert listed == person, language["locale"]
        assert len(statement.select("[data-rgaa-list=tool] li")) == counts["tool"]
        # Each sample page is named by its title in the language (the French home was once "None").
        names = {link.get_text(strip=True) for link in statement.select(".op-rgaa__where a, .op-rgaa__sample a")}
        assert names and not names & {"", "None"}, language["locale"]
        # The criteria are quoted in French, the language of the official text.
        assert {span["lang"] for span in statement.select(".op-rgaa__criteria [lang]")} == {"fr"}
        assert "[[rgaa:" not in statement.get_text()


def test_an_unknown_part_of_the_grid_stops_the_build_naming_the_page(fixture_project):
    (fixture_project / "data" / "rgaa.yml").write_text(GRID.read_text("utf-8"), "utf-8")
    write_files(fixture_project, {"docs/index.fr.md": "# Accueil\n\n[[rgaa:resultats]]\n"})
    build = run_build(fixture_project)
    assert not build.ok
    assert "docs/index.fr.md" in build.output and "[[rgaa:resultats]]" in build.output and "results, to-check" in build.output


def test_a_person_criterion_without_pages_is_refused(fixture_project):
    # Criterion 1.1, the first of the grid, loses its sample pages and what covers it partly.
    text = re.sub(r"(?m)^    pages: \[.*\]\n    partly: \[.*\]\n", "", GRID.read_text("utf-8"), count=1)
    assert text != GRID.read_text("utf-8")
    (fixture_project / "data" / "rgaa.yml").write_text(text, "utf-8")
    write_files(fixture_project, {"docs/index.fr.md": "# Accueil\n"})
    build = run_build(fixture_project)
    assert not build.ok
    assert "data/rgaa.yml" in build.output and "criterion 1.1" in build.output
