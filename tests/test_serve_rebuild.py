"""`mkdocs serve` rebuilds in the process that built the previous version: the
hook modules stay loaded between builds. A rebuild after an edit must give,
byte for byte, the site that a fresh build of the edited tree gives."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from collections_content import site_files
from conftest import TEMPLATE_CACHE, copy_project, run_build, write_files

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
# Every kind of edit at once, in one rebuild (each rebuild and fresh build of
# the fixture site costs about 20 s on a 2-core runner): a failing comparison
# lists the differing files, which name the edit that was missed.
EDITS = {
    # A new page.
    "docs/nouveau.fr.md": "# Nouveau\n\nUne page ajoutée entre deux builds.\n",
    # A new translation of a page that was French only.
    "docs/seul.en.md": "---\ntitle: Alone\n---\n\n# Only page\n\n## Opening hours\n\nMonday to Friday.\n",
    # An edited data file, and an edited UI string (the 404 title; the file is written back whole, below).
    "data/figures.yml": site_files()["data/figures.yml"].replace("value: 10000000", "value: 12000000"),
    "data/ui/site.yml": None,
    # A deleted item, and the reference to it gone.
    "docs/partenaires/metropole-amp.en.md": None,
    "docs/partenaires/metropole-amp.fr.md": None,
    "data/budget.yml": site_files()["data/budget.yml"].replace("    partner: metropole-amp\n", ""),
    # An edited theme template and an edited collection template: compiled
    # templates are kept between builds (provence/compiled.py).
    "overrides/partials/footer.html": None,
    "overrides/partials/op-listing-places.html": None,
}


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_a_rebuild_in_the_same_process_equals_a_fresh_build_of_the_edited_tree(tmp_path):
    project = copy_project(tmp_path / "project")
    write_files(project, {**site_files(), "docs/seul.fr.md": FRENCH_ONLY})
    changes = dict(EDITS)
    for path, old, new in (("data/ui/site.yml", 'fr: "Page introuvable"', 'fr: "Page absente"'),
                           ("overrides/partials/footer.html", '<footer class="md-footer op-footer">', '<footer class="md-footer op-footer" data-edited>'),
                           ("overrides/partials/op-listing-places.html", '<ol class="op-cards op-cards--route">', '<ol class="op-cards op-cards--route" data-edited-listing>')):
        before = (project / path).read_text("utf-8")
        changes[path] = before.replace(old, new, 1)
        assert changes[path] != before, path
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    served = subprocess.run(
        [sys.executable, "-c", TWO_BUILDS, str(project / "mkdocs.yml"), str(tmp_path / "first"), str(tmp_path / "second"), json.dumps(changes)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )
    assert served.returncode == 0, served.stderr[-3000:]
    # A fresh build from nothing: the caches of compiled templates and twins the two builds left are not read.
    shutil.rmtree(project / ".cache", ignore_errors=True)
    fresh = run_build(project, site=tmp_path / "fresh", env={TEMPLATE_CACHE: str(tmp_path / "fresh-templates")})
    assert fresh.ok, fresh.output
    rebuilt, expected = _files(tmp_path / "second"), _files(fresh.site)
    assert sorted(rebuilt) == sorted(expected)
    assert [path for path in expected if rebuilt[path] != expected[path]] == []
    # Each edit is really in the rebuilt site (the comparison is not between two stale sites).
    first = _files(tmp_path / "first")
    assert "nouveau/index.html" in rebuilt and "nouveau/index.html" not in first
    assert b"Opening hours" in rebuilt["en/seul/index.html"] and b"Opening hours" not in first["en/seul/index.html"]
    assert b"Opening hours" in rebuilt["en/seul/index.md"] and b"Opening hours" not in first["en/seul/index.md"]
    assert b"Page absente" in rebuilt["404.html"] and b"Page absente" not in first["404.html"]
    assert "partenaires/metropole-amp/index.html" in first and "partenaires/metropole-amp/index.html" not in rebuilt
    assert b"data-edited" in rebuilt["index.html"] and b"data-edited" not in first["index.html"]
    assert b"data-edited-listing" in rebuilt["lieux/index.html"] and b"data-edited-listing" not in first["lieux/index.html"]


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


def test_a_rebuild_takes_unchanged_twins_from_the_cache_and_converts_an_edited_page_again(tmp_path):
    """Converting a page to Markdown costs more than building it: a rebuild reads the twins
    of unchanged pages from .cache/twins/ (hooks/machine_text.py)."""
    project = copy_project(tmp_path / "project")
    pages = {"docs/index.fr.md": "# Accueil\n\nBienvenue.\n", "docs/port.fr.md": "# Le port\n\nLe matin.\n"}
    write_files(project, pages)
    assert run_build(project).ok
    cache = project / ".cache" / "twins" / "fr.json"
    cached = json.loads(cache.read_text("utf-8"))
    assert sorted(cached.values()) == sorted((project / "site" / path).read_text("utf-8") for path in ("index.md", "port/index.md"))
    # Marked, to see which twins the next build takes from the cache.
    cache.write_text(json.dumps({key: "from the cache\n" for key in cached}), "utf-8")
    write_files(project, {"docs/port.fr.md": "# Le port\n\nLe soir.\n"})
    assert run_build(project).ok
    assert (project / "site" / "index.md").read_text("utf-8") == "from the cache\n"
    assert "Le soir." in (project / "site" / "port" / "index.md").read_text("utf-8")
