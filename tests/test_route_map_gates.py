"""The existing gates on the pages this concern draws (the route page, place
pages and the home page in French, Arabic and Chinese): zero axe violations,
no request to another origin, no CSP violation or console error (Chromium
behind nginx with the site's rules), zero Nu HTML checker errors, and every
link of the map and the showcase leading to a built file. The whole-site
gates (tests/test_quality_*.py) cover every page; these run in seconds while
working on the map."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from audit import audit_site
from pages import page, resolve
from test_quality_html import VNU

PAGES = ["", "ar/", "zh/", "lieux/", "ar/lieux/", "zh/lieux/", "lieux/martigues/", "ar/lieux/etang-de-berre/", "zh/lieux/vieux-port/"]


@pytest.mark.browser
@pytest.mark.xdist_group("quality-browser")
def test_map_and_showcase_pages_have_zero_axe_violations_requests_out_csp_violations_console_errors(served_site):
    reports = audit_site(served_site, PAGES)
    failures = [
        (report.path, report.status, report.violations, report.external_requests, report.csp_violations, report.console_errors)
        for report in reports
        if report.status != 200 or report.violations or report.external_requests or report.csp_violations or report.console_errors
    ]
    assert len(reports) == len(PAGES) and failures == []


def test_map_and_showcase_pages_are_valid_html(site):
    files = [str(site / path / "index.html") for path in PAGES]
    done = subprocess.run([shutil.which("java"), "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                          capture_output=True, text=True, timeout=600)
    report = json.loads(done.stderr or done.stdout)
    errors = [(message.get("url", "").split(str(site), 1)[-1], message.get("lastLine"), message["message"])
              for message in report["messages"] if message.get("type") in ("error", "non-document-error")]
    assert errors == []


def test_every_link_of_the_map_and_showcase_leads_to_a_built_file(site):
    broken = []
    for path in PAGES:
        soup = page(site, path)
        for element in soup.select(".op-route-map, .op-place-map, .op-home-figures, .op-home-bands, .op-home-partners"):
            for link in element.select("a[href]"):
                href = link["href"]
                if href.startswith(("https://", "#")):
                    continue
                target = resolve(path, href).split("#")[0]
                file = site / target
                if not (file.is_file() or (file / "index.html").is_file()):
                    broken.append((path, href))
            for image in element.select("img[src]"):
                if not (site / resolve(path, image["src"])).is_file():
                    broken.append((path, image["src"]))
    assert broken == []
