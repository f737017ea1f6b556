"""Every built page opened in one headless Chromium, a few tabs at a time:
axe-core's accessibility rules, every request's origin, console errors and
Content-Security-Policy violations, as the reader's browser sees them."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from browser import CHROMIUM_ARGS, chromium_path

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
TABS = 6

# Runs in every page before its own scripts: keeps the CSP violations it reports.
WATCH_CSP = """
window.__op_csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__op_csp.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
});
"""
RUN_AXE = """
async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return results.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5)}));
}
"""


@dataclass
class PageReport:
    """What one page did in the browser."""

    path: str
    status: int | None = None
    requests: list[str] = field(default_factory=list)
    violations: list[dict] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)


# The web editor (/admin/) is Decap CMS, a third-party application that its
# script draws for the agency's editors: readers never reach it (no link to it,
# robots.txt disallows it, no sitemap or search entry) and its markup is not the
# site's, so the reader-facing gates cannot apply to it. It has its own
# Content-Security-Policy and its own tests (tests/test_admin_editor.py).
EDITOR_FOLDER = "admin/"


def site_pages(site: Path) -> list[str]:
    """Site paths of every built page a reader can reach ('', 'en/lieux/', 'en/404.html'), sorted."""
    paths = []
    for file in site.rglob("*.html"):
        relative = file.relative_to(site).as_posix()
        if relative.startswith(EDITOR_FOLDER):
            continue
        paths.append(relative[: -len("index.html")] if file.name == "index.html" else relative)
    return sorted(paths)


def audit_site(base_url: str, paths: list[str], *, axe: bool = True, locale: str = "fr-FR") -> list[PageReport]:
    """Open every page (a few tabs at a time) and report what each one did."""
    return asyncio.run(_audit(base_url, paths, axe, locale))


async def _audit(base_url, paths, axe, locale):
    from playwright.async_api import async_playwright

    profile = tempfile.mkdtemp(prefix="chromium-audit-")
    try:
        async with async_playwright() as playwright:
            context = await playwright.chromium.launch_persistent_context(
                profile, executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True, locale=locale,
            )
            await context.add_init_script(WATCH_CSP)
            if axe:
                await context.add_init_script(path=str(AXE))
            queue: asyncio.Queue[str] = asyncio.Queue()
            for path in paths:
                queue.put_nowait(path)
            reports: list[PageReport] = []
            await asyncio.gather(*(_tab(context, base_url, queue, reports, axe) for _ in range(TABS)))
            await context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return sorted(reports, key=lambda report: report.path)


async def _tab(context, base_url, queue, reports, axe):
    """One tab opening pages from the queue until it is empty."""
    origin = _origin(base_url)
    tab = await context.new_page()
    current: list[PageReport] = []
    tab.on("request", lambda request: _record_request(current[-1], request.url, origin))
    tab.on("console", lambda message: message.type == "error" and current[-1].console_errors.append(message.text))
    tab.on("pageerror", lambda error: current[-1].console_errors.append(f"uncaught: {error}"))
    while not queue.empty():
        report = PageReport(queue.get_nowait())
        current.append(report)
        response = await tab.goto(base_url + report.path, wait_until="load")
        report.status = response.status if response else None
        if axe:
            report.violations = await tab.evaluate(RUN_AXE, AXE_TAGS)
        else:
            await tab.wait_for_load_state("networkidle")
        report.csp_violations = await tab.evaluate("window.__op_csp")
        reports.append(report)
    # What a page starts after load (the search index, late scripts) is still
    # recorded while the next page loads in this tab; the last one finishes here.
    await tab.wait_for_load_state("networkidle")
    await tab.close()


def _record_request(report: PageReport, url: str, origin) -> None:
    report.requests.append(url)
    if _outside(url, origin):
        report.external_requests.append(url)


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


def _outside(url: str, origin) -> bool:
    """A request that leaves the site's origin (data: and blob: URLs stay in the page)."""
    if url.startswith(("data:", "blob:", "about:")):
        return False
    return _origin(url) != origin
