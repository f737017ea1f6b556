"""One summary line per reader-facing quality gate, printed at the end of
every test run (also under pytest-xdist, where the checks run in workers).

A check calls :func:`record` with its figures before asserting that its
failure figure is zero; figures recorded by several tests (or workers) add up.
A gate timed with :func:`clock` and :func:`spent` also shows its CPU seconds:
the whole CI run has a budget on a 2-core machine, and the wall time of one
gate says little about what it takes from the others running beside it.
"""

from __future__ import annotations

import json
import resource
import time
from collections import Counter

import pytest

# Gate -> its summary line; the last field of each line is the one that must be 0.
FORMATS = {
    "accessibility": "{pages} pages, {violations} violations",
    "pa11y": "{pages} pages (HTML_CodeSniffer, WCAG2AA), {excepted} excepted, {errors} errors",
    "keyboard": "{paths} keyboard paths, {failures} failures",
    "focus": "{pages} walks of template pages with Tab (fr, ar, zh; forced colours: fr), {stops} focus stops, {failures} failures",
    "reflow": "{pages} pages at 320 px, {problems} problems",
    "zoom": "{pages} template pages at 200 % text size, {problems} problems",
    "text-spacing": "{pages} template pages with WCAG text spacing, {problems} problems",
    "contrast-modes": "{pages} template pages in forced colours, reduced motion, {problems} problems",
    "html": "{pages} pages, {errors} errors",
    "links": "{links} links to {addresses} addresses, {broken} broken",
    "privacy": "{pages} pages, {external} external requests",
    "csp": "{pages} pages, {violations} CSP violations, {console} console errors",
    "cdn": "{checks} checks, {failures} failures",
    "language offer": "{checks} checks, {failures} failures",
    "reproducible": "{files} files compared, {differing} differing files",
}
_KEY = "quality_gates"
_figures: dict[str, Counter] = {}


def record(gate: str, **counts: float) -> None:
    """Add figures to a gate (pages=..., violations=..., seconds=...)."""
    assert gate in FORMATS, gate
    _figures.setdefault(gate, Counter()).update(counts)


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the
    browsers, node, java): a gate starts and ends its tools within itself."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def clock() -> tuple[float, float]:
    """The wall and CPU clocks now, for :func:`spent`."""
    return time.monotonic(), _cpu_seconds()


def spent(since: tuple[float, float]) -> dict[str, float]:
    """Wall seconds and CPU seconds since :func:`clock`, as figures for :func:`record`."""
    wall, cpu = since
    return {"seconds": time.monotonic() - wall, "cpu": _cpu_seconds() - cpu}


def summary_lines(figures: dict[str, Counter]) -> list[str]:
    """One line per gate, 'not run' for a gate no test reached."""
    lines = []
    for gate, template in FORMATS.items():
        counts = figures.get(gate)
        if counts is None:
            lines.append(f"{gate}: not run")
            continue
        numbers = {key: int(value) for key, value in counts.items()}
        timing = f" ({counts['seconds']:.0f} s" if "seconds" in counts else ""
        timing += f", {counts['cpu']:.0f} s CPU)" if "cpu" in counts else (")" if timing else "")
        lines.append(f"{gate}: {template.format_map(Counter(numbers))}{timing}")
    return lines


# --- pytest hooks (imported into conftest.py)


def pytest_sessionfinish(session):
    """In an xdist worker, hand the figures to the controller."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput[_KEY] = json.dumps(_figures)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """In the xdist controller, add up a worker's figures."""
    for gate, counts in json.loads(getattr(node, "workeroutput", {}).get(_KEY, "{}")).items():
        _figures.setdefault(gate, Counter()).update(counts)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print the gates, visible without -v."""
    if hasattr(config, "workerinput"):
        return
    terminalreporter.write_sep("=", "reader-facing quality gates")
    for line in summary_lines(_figures):
        terminalreporter.write_line(line)
