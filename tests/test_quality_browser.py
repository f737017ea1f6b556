"""Every built page in every language, served by nginx with the project's
headers (so the CSP is enforced) and opened in Chromium: zero axe-core
violations, zero requests to another origin, zero CSP violations and zero
console errors."""

from __future__ import annotations

import pytest

from audit import audit_site, site_pages
from quality_report import clock, record, spent

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("quality-browser")]


@pytest.fixture(scope="module")
def audit(site, served_site):
    """The browser's report on every page, gathered once for the checks below."""
    started = clock()
    reports = audit_site(served_site, site_pages(site))
    return reports, spent(started)


def test_every_page_is_served(audit, site):
    reports, _ = audit
    assert len(reports) == len(site_pages(site)) > 0
    assert [report.path for report in reports if report.status != 200] == []


def test_accessibility_zero_axe_violations(audit):
    reports, cost = audit
    found = [(report.path, violation) for report in reports for violation in report.violations]
    record("accessibility", pages=len(reports), violations=len(found), **cost)
    assert found == []


def test_privacy_no_page_requests_another_origin(audit):
    reports, _ = audit
    found = [(report.path, url) for report in reports for url in report.external_requests]
    record("privacy", pages=len(reports), external=len(found))
    assert found == []


def test_csp_zero_violations_and_zero_console_errors(audit):
    reports, _ = audit
    violations = [(report.path, text) for report in reports for text in report.csp_violations]
    console = [(report.path, text) for report in reports for text in report.console_errors]
    record("csp", pages=len(reports), violations=len(violations), console=len(console))
    assert violations == [] and console == []


def test_the_browser_gate_sees_a_third_party_image_an_inline_style_and_a_missing_alt(fixture_project, tmp_path):
    from conftest import run_build, write_files
    from nginx import nginx_server

    write_files(fixture_project, {
        "docs/index.fr.md": "# Accueil\n\nBienvenue.\n",
        "docs/faute.fr.md": '# Faute\n\n<p style="color: #777">gris</p>\n\n<img src="https://example.org/p.png" alt="">\n\n'
                            '<img src="../assets/brand/hero.svg">\n',
    })
    build = run_build(fixture_project)
    assert build.ok, build.output
    with nginx_server(build.site, tmp_path / "nginx") as base:
        (report,) = audit_site(base, ["faute/"])
    assert report.external_requests == ["https://example.org/p.png"]
    assert any("style-src" in violation for violation in report.csp_violations)
    assert "image-alt" in {violation["id"] for violation in report.violations}
