"""Lighthouse (mobile, its defaults) on each template of the site, in each
measured language: the templates and their pages are those of
benchmarks/budgets.yml, the languages its `languages`.

The site is built (or taken from --site), served by Debian's nginx with the
site's own rules (tests/nginx.py: the real headers and compression), and
audited by the Lighthouse pinned in package.json with Debian's Chromium.
Writes benchmarks/results/lighthouse.json (every score and the metrics behind
performance) and lighthouse.md (one table). Performance depends on the
machine: it is measured here, not tested; the issue's goals are
performance >= 98, accessibility, best practices and SEO at 100, CLS <= 0.02.

Usage: .venv/bin/python benchmarks/lighthouse.py [--site DIR] [--only TEMPLATE ...] [--languages fr ar ...]
(about 15 s per page: 14 templates x 4 languages is about 15 minutes on 2 cores)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from browser import chromium_path  # noqa: E402  (Debian's Chromium, as the tests use it)
from conftest import copy_project, run_build  # noqa: E402
from nginx import nginx_server  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("largest-contentful-paint", "cumulative-layout-shift", "total-blocking-time", "first-contentful-paint", "speed-index")
ATTEMPTS = 3
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"


def main() -> None:
    arguments = _arguments()
    budgets = yaml.safe_load((ROOT / "benchmarks" / "budgets.yml").read_text(encoding="utf-8"))
    templates = {name: entry for name, entry in budgets["templates"].items() if not arguments.only or name in arguments.only}
    codes = arguments.languages or list(budgets["languages"])
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as work:
        site = Path(arguments.site) if arguments.site else _build(Path(work))
        with nginx_server(site, Path(work) / "nginx") as base:
            rows = [_audit(base, site, name, entry["page"], code) for name, entry in templates.items() for code in codes]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "lighthouse.json").write_text(json.dumps({"lighthouse": _version(), "pages": rows}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (RESULTS / "lighthouse.md").write_text(_table(rows), encoding="utf-8")
    print(_table(rows))


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", help="a built site (default: build the project into a temporary folder)")
    parser.add_argument("--only", nargs="*", help="templates of budgets.yml to audit (default: all)")
    parser.add_argument("--languages", nargs="*", help="languages to audit (default: budgets.yml's)")
    return parser.parse_args()


def _build(work: Path) -> Path:
    project = copy_project(work / "project", with_docs=True)
    build = run_build(project)
    if not build.ok:
        sys.exit(build.output)
    return build.site


def _audit(base: str, site: Path, template: str, page: str, code: str) -> dict:
    """One Lighthouse run on one page: its four scores and the metrics of performance."""
    folder = "" if code == _default_language(site) else f"{code}/"
    url = base + folder + page
    report = _lighthouse(url)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    metrics = {name: report["audits"][name]["numericValue"] for name in METRICS}
    failed = sorted(audit_id for category in CATEGORIES[1:] for ref in report["categories"][category]["auditRefs"]
                    if (audit_id := ref["id"]) and ref["weight"] and (report["audits"][audit_id]["score"] or 0) < 1
                    and report["audits"][audit_id]["scoreDisplayMode"] == "binary")
    print(f"{template} /{folder}{page}: {scores} CLS {metrics['cumulative-layout-shift']:.3f}", flush=True)
    return {"template": template, "language": code, "path": "/" + folder + page, "scores": scores, "metrics": metrics, "failed_audits": failed}


def _lighthouse(url: str) -> dict:
    """Lighthouse's report on one page; a run that fails to record its trace (NO_NAVSTART, on a busy machine) is run again."""
    for attempt in range(1, ATTEMPTS + 1):
        with tempfile.NamedTemporaryFile(suffix=".json") as report_file:
            run = subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report_file.name}",
                                  f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
                                 env={**os.environ, "CHROME_PATH": chromium_path()}, capture_output=True, text=True)
            if run.returncode == 0:
                return json.loads(Path(report_file.name).read_text(encoding="utf-8"))
        print(f"{url}: Lighthouse failed (attempt {attempt} of {ATTEMPTS}): {run.stderr.strip()[-300:]}", flush=True)
    sys.exit(f"Lighthouse failed {ATTEMPTS} times on {url}")


def _default_language(site: Path) -> str:
    """The language served at the root (its pages' lang attribute)."""
    head = (site / "index.html").read_text(encoding="utf-8")[:400]
    return head.split('lang="', 1)[1].split('"', 1)[0]


def _version() -> str:
    return json.loads((ROOT / "node_modules" / "lighthouse" / "package.json").read_text(encoding="utf-8"))["version"]


def _table(rows: list[dict]) -> str:
    lines = [f"# Lighthouse {_version()}, mobile (benchmarks/lighthouse.py)", "",
             "| template | page | performance | accessibility | best practices | SEO | CLS | LCP ms | TBT ms | failed audits |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for row in rows:
        scores, metrics = row["scores"], row["metrics"]
        lines.append(f"| {row['template']} | `{row['path']}` | {scores['performance']} | {scores['accessibility']} | {scores['best-practices']} "
                     f"| {scores['seo']} | {metrics['cumulative-layout-shift']:.3f} | {metrics['largest-contentful-paint']:.0f} "
                     f"| {metrics['total-blocking-time']:.0f} | {', '.join(row['failed_audits']) or '-'} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
