"""`make release` is the production build: it refuses to publish while a fact
the law requires is missing (the `law:` entries of data/gaps.yml), and lists
each one with its file and the law. `make build` and `make serve` are
previews: they build and show the gaps where the facts belong."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import yaml

from collections_content import site_files
from conftest import ROOT, copy_project, run_build, write_files
from pages import page, text

GAPS = yaml.safe_load((ROOT / "data" / "gaps.yml").read_text(encoding="utf-8"))
LEGAL = [entry for entry in GAPS if entry.get("law")]


def make_release(project):
    """`make release` in a copy of the project, with this test run's Python environment."""
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    venv = sys.prefix
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    env.pop("ONE_PROVENCE_RELEASE", None)
    # -o: the environment is ready; make must not try to install it again.
    # The copy links the project's node_modules (copy_project): ready too.
    ready = ["-o", f"{venv}/.installed", "-o", "node_modules/.installed"]
    command = ["make", "-s", "-C", str(project), f"VENV={venv}", *ready, "release"]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)


def test_the_law_requires_the_facts_the_release_checks():
    """LCEN: publisher, head office, phone, director of publication, host; RGPD: DPO, art. 13; RGAA: audit, statement."""
    required = {(entry["file"], entry["missing"]) for entry in LEGAL}
    for missing in ("Dénomination et forme juridique", "Adresse du siège", "Numéro de téléphone", "Directeur de la publication", "Hébergeur (nom, adresse, contact)"):
        assert ("docs/legal/mentions-legales.fr.md", missing) in required
    assert ("docs/legal/donnees-personnelles.fr.md", "Délégué à la protection des données (DPO)") in required
    assert ("docs/legal/accessibilite.fr.md", "Audit de conformité RGAA 4.1 (date, auditeur, résultats)") in required


def test_make_release_refuses_todays_content_and_lists_each_legal_gap(tmp_path):
    project = copy_project(tmp_path / "project", with_docs=True)
    done = make_release(project)
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert f"{len(LEGAL)} problems in the facts the law requires" in output
    for entry in LEGAL:
        assert f"{entry['file']}: {entry['missing']}: missing, required by {entry['law']}" in output
    # Gaps the law does not require do not stop a release.
    assert "Numéro d'immatriculation" not in output
    assert not (project / "site").exists()


def test_make_release_publishes_once_the_legal_gaps_are_filled(tmp_path):
    project = copy_project(tmp_path / "project")
    filled = [entry for entry in GAPS if not entry.get("law")]
    write_files(project, {**site_files(), "data/gaps.yml": yaml.safe_dump(filled, allow_unicode=True, sort_keys=False)})
    done = make_release(project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (project / "site" / "index.html").exists()


def test_a_preview_builds_and_shows_the_legal_gaps_where_they_belong(site, ui_strings):
    for legal in ("legal/mentions-legales/", "en/legal/mentions-legales/", "ar/legal/donnees-personnelles/"):
        code = legal.split("/")[0] if not legal.startswith("legal") else "fr"
        assert ui_strings["gap_marker"][code] in text(page(site, legal).select_one("article"))


def test_a_mistyped_gaps_inventory_stops_every_build(fixture_project):
    write_files(fixture_project, {**site_files(), "data/gaps.yml": "- file: docs/legal/mentions-legales.fr.md\n  missing: Adresse du siège\n  lwa: LCEN\n"})
    build = run_build(fixture_project)
    assert not build.ok
    assert "data/gaps.yml entry 1: lwa: unknown field (value 'LCEN'); did you mean `law`?" in build.output
