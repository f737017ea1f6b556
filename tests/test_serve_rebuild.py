"""`mkdocs serve` rebuilds in the process that built the previous version: the
hook modules stay loaded between builds. A rebuild after an edit must give,
byte for byte, the site that a fresh build of the edited tree gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from collections_content import site_files
from conftest import copy_project, run_build, write_files

pytestmark = pytest.mark.xdist_group("serve")

# Two builds in one process, as `mkdocs serve` runs them: startup once, a new
# configuration per build, the same loaded hook modules, an edit in between.
TWO_BUILDS = """
import json, logging, pathlib, sys
from mkdocs.commands.build import build
logging.basicConfig(level=logging.WARNING)
from mkdocs.config import load_config

config_file, first_site, second_site, edits = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
first = load_config(config_file, site_dir=first_site)
first.plugins.on_startup(command="serve", dirty=False)
build(first)
for path, text in edits.items():
    target = pathlib.Path(config_file).parent / path
    if text is None:
        target.unlink()
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
build(load_config(config_file, site_dir=second_site))
first.plugins.on_shutdown()
"""

FRENCH_ONLY = "---\ntitle: Seul\n---\n\n# Page seulement en français\n\n## Horaires d'ouverture\n\nDu lundi au vendredi.\n"
EDITS = {
    "a new page": {"docs/nouveau.fr.md": "# Nouveau\n\nUne page ajoutée entre deux builds.\n"},
    "a new translation": {"docs/seul.en.md": "---\ntitle: Alone\n---\n\n# Only page\n\n## Opening hours\n\nMonday to Friday.\n"},
    "an edited data file": {
        "data/figures.yml": site_files()["data/figures.yml"].replace("value: 10000000", "value: 12000000"),
        "data/ui/site.yml": None,
    },
    "a deleted item": {
        "docs/partenaires/metropole-amp.en.md": None,
        "docs/partenaires/metropole-amp.fr.md": None,
        "data/budget.yml": site_files()["data/budget.yml"].replace("    partner: metropole-amp\n", ""),
    },
}


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_rebuild_in_the_same_process_equals_a_fresh_build_of_the_edited_tree(tmp_path, edit):
    project = copy_project(tmp_path / "project")
    write_files(project, {**site_files(), "docs/seul.fr.md": FRENCH_ONLY})
    changes = dict(EDITS[edit])
    if "data/ui/site.yml" in changes:
        # An edited UI string (the 404 title), written back whole.
        ui = (project / "data/ui/site.yml").read_text("utf-8")
        changes["data/ui/site.yml"] = ui.replace('fr: "Page introuvable"', 'fr: "Page absente"', 1)
        assert changes["data/ui/site.yml"] != ui
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    served = subprocess.run(
        [sys.executable, "-c", TWO_BUILDS, str(project / "mkdocs.yml"), str(tmp_path / "first"), str(tmp_path / "second"), json.dumps(changes)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )
    assert served.returncode == 0, served.stderr[-3000:]
    fresh = run_build(project, site=tmp_path / "fresh")
    assert fresh.ok, fresh.output
    rebuilt, expected = _files(tmp_path / "second"), _files(fresh.site)
    assert sorted(rebuilt) == sorted(expected)
    assert [path for path in expected if rebuilt[path] != expected[path]] == []
    # The edit is really in the rebuilt site (the comparison is not between two stale sites).
    assert _files(tmp_path / "first") != rebuilt


def test_an_untranslated_pages_sections_stay_out_of_another_languages_search(tmp_path):
    """Neither the page nor its sections (seul/#horaires-douverture) are in the English index."""
    project = copy_project(tmp_path / "project")
    write_files(project, {**site_files(), "docs/seul.fr.md": FRENCH_ONLY})
    build = run_build(project)
    assert build.ok, build.output
    french = json.loads((build.site / "search/search_index.json").read_text("utf-8"))["docs"]
    english = json.loads((build.site / "en/search/search_index.json").read_text("utf-8"))["docs"]
    assert "seul/#horaires-douverture" in [doc["location"] for doc in french]
    assert [doc["location"] for doc in english if doc["location"].startswith("seul/")] == []
