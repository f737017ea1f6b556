"""The second accessibility engine: HTML_CodeSniffer (WCAG 2 AA), run by pa11y
8 from npm in Debian's Chromium, on every built page of every language served
by nginx (beside axe-core in test_quality_browser.py). Zero errors, apart from
the rules tests/pa11y-exceptions.txt lists with the reason the two engines
disagree."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from audit import site_pages
from browser import CHROMIUM_ARGS, chromium_path
from conftest import ROOT
from quality_report import clock, record, spent

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("pa11y")]

RUNNER = ROOT / "tests" / "pa11y_site.mjs"
EXCEPTIONS = ROOT / "tests" / "pa11y-exceptions.txt"
# A rule's code, then its reason: "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2  why".
EXCEPTION_LINE = re.compile(r"^(WCAG2AA\.\S+)\s+(\S.{15,})$")
TABS = 4


def run_pa11y(base_url: str, paths: list[str]) -> dict[str, list[dict]]:
    """Site path -> HTML_CodeSniffer's errors on that page, from one pa11y process."""
    assert (ROOT / "node_modules" / "pa11y").is_dir(), "pa11y is missing: run `npm ci`"
    request = {"chromium": chromium_path(), "args": CHROMIUM_ARGS, "urls": [base_url + path for path in paths], "tabs": TABS}
    done = subprocess.run(["node", str(RUNNER)], input=json.dumps(request), capture_output=True, text=True,
                          cwd=ROOT, timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    return {url.removeprefix(base_url): issues for url, issues in json.loads(done.stdout).items()}


def exceptions() -> dict[str, str]:
    """Rule code -> the reviewed reason it is excepted."""
    found = {}
    for number, line in enumerate(EXCEPTIONS.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        match = EXCEPTION_LINE.match(line.strip())
        assert match, f"{EXCEPTIONS.name} line {number}: write the rule's code, then the reason (one line per rule)"
        assert match.group(1) not in found, f"{EXCEPTIONS.name} line {number}: {match.group(1)} is listed twice"
        found[match.group(1)] = match.group(2)
    return found


@pytest.fixture(scope="module")
def htmlcs(site, served_site):
    started = clock()
    report = run_pa11y(served_site, site_pages(site))
    return report, spent(started)


def test_htmlcs_zero_errors_on_every_page(htmlcs, site):
    report, cost = htmlcs
    allowed = exceptions()
    findings = [(path, issue["code"], issue["selector"], issue["message"][:120])
                for path, issues in sorted(report.items()) for issue in issues]
    errors = [finding for finding in findings if finding[1] not in allowed]
    excepted = len(findings) - len(errors)
    record("pa11y", pages=len(report), excepted=excepted, errors=len(errors), **cost)
    assert sorted(report) == site_pages(site), "pa11y did not report on every page"
    assert errors == []


def test_every_exception_is_still_needed(htmlcs):
    report, _ = htmlcs
    seen = {issue["code"] for issues in report.values() for issue in issues}
    assert [code for code in exceptions() if code not in seen] == [], \
        f"no page breaks these rules any more: remove their lines from {EXCEPTIONS.name}"


def test_htmlcs_sees_an_unlabelled_field_an_image_without_text_and_a_form_without_submit(fixture_project, tmp_path):
    from conftest import run_build, write_files
    from nginx import nginx_server

    write_files(fixture_project, {
        "docs/index.fr.md": "# Accueil\n\nBienvenue.\n",
        "docs/faute.fr.md": '# Faute\n\n<form action="."><input type="text" name="q"></form>\n\n'
                            '<img src="../assets/brand/hero.svg">\n',
    })
    build = run_build(fixture_project)
    assert build.ok, build.output
    with nginx_server(build.site, tmp_path / "nginx") as base:
        report = run_pa11y(base, ["faute/", ""])
    codes = {issue["code"] for issue in report["faute/"]}
    assert {"WCAG2AA.Principle1.Guideline1_3.1_3_1.F68", "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2",
            "WCAG2AA.Principle1.Guideline1_1.1_1_1.H37"} <= codes, codes
    assert report[""] == []
