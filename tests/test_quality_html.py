"""Valid HTML: the Nu HTML Checker (vnu, from npm) reports zero errors on
every built page of every language, checked in one run over the site."""

from __future__ import annotations

import json
import shutil
import subprocess

from audit import site_pages
from conftest import ROOT
from quality_report import clock, record, spent

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_html_zero_nu_checker_errors(site):
    java = shutil.which("java")
    assert java, "a Java runtime is needed: run `make system-deps`"
    assert VNU.is_file(), "the Nu HTML checker is missing: run `npm ci`"
    started = clock()
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True, text=True, timeout=900,
    )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    report = json.loads(done.stderr or done.stdout)
    errors = [
        (message.get("url", "").split(str(site), 1)[-1], message.get("lastLine"), message["message"])
        for message in report["messages"]
        if message.get("type") in ("error", "non-document-error")
    ]
    record("html", pages=len(site_pages(site)), errors=len(errors), **spent(started))
    assert errors == []
