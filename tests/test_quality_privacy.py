"""Privacy beyond the page-by-page request check of test_quality_browser.py:
audience measurement is off by default, can only be first-party Matomo, and
turning it on adds no request to another origin and no CSP violation."""

from __future__ import annotations

import json

import pytest

from audit import audit_site
from conftest import run_build, write_files
from nginx import nginx_server

pytestmark = [pytest.mark.browser]

HOME = "---\ntitle: Accueil\ntemplate: home.html\nhero:\n  kicker: K\n  title: T\n  lead: L\n---\n\nBienvenue.\n"
MATOMO = {"provider": "matomo", "url": "/matomo/", "site_id": 3}


def _with_analytics(project, analytics):
    """mkdocs.yml with ``extra.analytics`` added as written (JSON is YAML), its other settings and tags kept."""
    config_file = project / "mkdocs.yml"
    text = config_file.read_text("utf-8")
    assert "\nextra:\n" in text
    config_file.write_text(text.replace("\nextra:\n", f"\nextra:\n  analytics: {json.dumps(analytics)}\n", 1), "utf-8")


def test_audience_measurement_is_off_by_default(site):
    measured = [
        path.relative_to(site).as_posix() for path in site.rglob("*.html")
        if any(marker in path.read_text("utf-8") for marker in ("__md_analytics", "_paq", "matomo", "gtag"))
    ]
    assert measured == []


def test_first_party_matomo_adds_no_request_to_another_origin(fixture_project, tmp_path):
    _with_analytics(fixture_project, MATOMO)
    write_files(fixture_project, {
        "docs/index.fr.md": HOME,
        "docs/lieux/index.fr.md": "# Lieux\n",
        # Stands for the agency's Matomo, served from the site's own origin.
        "docs/matomo/matomo.js": "window.__op_tracker = true;\n",
    })
    build = run_build(fixture_project)
    assert build.ok, build.output
    with nginx_server(build.site, tmp_path / "nginx") as base:
        reports = audit_site(base, ["", "lieux/", "en/lieux/"], axe=False)
    for report in reports:
        assert base + "matomo/matomo.js" in report.requests, report.path
        assert (report.external_requests, report.csp_violations, report.console_errors) == ([], [], [])


@pytest.mark.parametrize(("analytics", "message"), [
    ({**MATOMO, "url": "https://stats.example.org/"}, "mkdocs.yml: extra.analytics.url: 'https://stats.example.org/' is not a path of this site; expected a path ending with '/'"),
    ({"provider": "google", "property": "G-X"}, "mkdocs.yml: extra.analytics.provider: 'google' is not allowed; expected 'matomo'"),
])
def test_third_party_measurement_stops_the_build(fixture_project, analytics, message):
    _with_analytics(fixture_project, analytics)
    write_files(fixture_project, {"docs/index.fr.md": HOME})
    build = run_build(fixture_project)
    assert not build.ok
    assert message in build.output
