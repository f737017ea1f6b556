"""How the build scales: the real site, and synthetic sites of 7 x N pages
built with the project's pipeline and with stock Material + static-i18n.

For each build: wall time, CPU time (user + system of the build and every
process it starts, the second language process included) and peak memory.
Peak memory is the largest proportional set size (PSS) of the build's
processes taken together, sampled every 20 ms from /proc: a forked second
process shares its pages with the first until it writes them, and PSS counts
a shared page once, where adding up RSS would count it twice.

Synthetic pages: N pages per language, each one section with the text of a
real page of the site in that language (docs/lieux/calanque-de-sormiou.*),
in 20 folders. The same files are built by both; stock gets Material's
search plugin and static-i18n's own search and navigation, as a new project
would configure them.

Writes benchmarks/results/scale.json and scale.md.

Usage: .venv/bin/python benchmarks/scale.py [--sizes 100 500 1000] [--runs 3]
(15 to 30 minutes on 2 cores with the default sizes, depending on the machine's load)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import copy_project  # noqa: E402  (the tests' own project copy)

RESULTS = ROOT / "benchmarks" / "results"
LANGUAGES = ("fr", "en", "es", "it", "de", "ar", "zh")
FOLDERS = 20
SAMPLE_PAGE = ROOT / "docs" / "lieux" / "calanque-de-sormiou.{code}.md"
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}


# --- Synthetic content


def section(code: str) -> str:
    """One section of a real page's text in ``code`` (links and markers as plain text)."""
    text = SAMPLE_PAGE.with_name(SAMPLE_PAGE.name.format(code=code)).read_text("utf-8").split("---", 2)[2]
    text = re.sub(r"\[\[[^\]]*\]\]", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip() and not part.lstrip().startswith(("#", "|", "-", "!", "<"))]
    return "\n\n".join(paragraphs[:3])


def synthetic_pages(docs: Path, pages: int) -> None:
    """``pages`` pages per language, in FOLDERS folders, each with its index page."""
    texts = {code: section(code) for code in LANGUAGES}
    for folder in range(FOLDERS):
        for code in LANGUAGES:
            (docs / f"dossier-{folder}").mkdir(parents=True, exist_ok=True)
            (docs / f"dossier-{folder}" / f"index.{code}.md").write_text(f"# Dossier {folder} ({code})\n\n{texts[code]}\n", "utf-8")
    for n in range(pages - FOLDERS - 1):
        for code in LANGUAGES:
            (docs / f"dossier-{n % FOLDERS}" / f"page-{n}.{code}.md").write_text(f"# Page {n} ({code})\n\n## Section\n\n{texts[code]}\n", "utf-8")
    for code in LANGUAGES:
        (docs / f"index.{code}.md").write_text(f"# Accueil ({code})\n\n{texts[code]}\n", "utf-8")


def pipeline_project(target: Path, pages: int) -> Path:
    """The project's configuration, hooks, templates and UI strings, with synthetic pages.

    Its navigation lists the sections' index pages, as the real site's does
    (mkdocs.yml `nav:`): the other pages are reached from their section.
    """
    project = copy_project(target)
    shutil.rmtree(project / "docs")
    synthetic_pages(project / "docs", pages)
    nav = "nav:\n  - index.md\n" + "".join(f"  - dossier-{folder}/index.md\n" for folder in range(FOLDERS))
    config = project / "mkdocs.yml"
    config.write_text(nav + config.read_text("utf-8"), "utf-8")
    return project


STOCK_CONFIG = {
    "site_name": "One Provence",
    "site_url": "https://oneprovence.com/",
    "theme": {"name": "material", "language": "fr"},
    "plugins": [
        "search",
        {"i18n": {"docs_structure": "suffix", "fallback_to_default": True, "reconfigure_material": True,
                  "languages": [{"locale": code, "name": code, "build": True, **({"default": True} if code == "fr" else {})} for code in LANGUAGES]}},
    ],
}


def stock_project(target: Path, pages: int) -> Path:
    """Stock Material + static-i18n (its own search and navigation) on the same pages."""
    target.mkdir(parents=True)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(STOCK_CONFIG, sort_keys=False), "utf-8")
    synthetic_pages(target / "docs", pages)
    return target


def real_project(target: Path) -> Path:
    return copy_project(target, with_docs=True)


# --- Measuring one build


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (from /proc's children lists)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                queue += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return 0


def timed_build(project: Path, env: dict | None = None) -> dict:
    """Wall time, CPU time and peak PSS (MB) of one strict `mkdocs build` of ``project``."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]
    if (project / "site").exists():
        shutil.rmtree(project / "site")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, env={**os.environ, **BUILD_ENV, **(env or {})},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.wait(0.02):
            peak[0] = max(peak[0], sum(_pss_kb(pid) for pid in _tree(process.pid)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        sys.exit(f"build failed in {project}:\n{output[-4000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": round(elapsed, 2), "cpu": round(cpu, 2), "peak_mb": round(peak[0] / 1024, 1),
            "html_pages": sum(1 for _ in (project / "site").rglob("*.html"))}


def median_of(runs: list[dict]) -> dict:
    """The median of each measure over the runs, and the runs themselves."""
    keys = ("wall", "cpu", "peak_mb")
    return {**{key: statistics.median(run[key] for run in runs) for key in keys}, "html_pages": runs[0]["html_pages"], "runs": runs}


# The caches of what a build derives from the content (hooks/machine_text.py,
# hooks/assistant.py): emptied before each timed build unless ``warm``, so the
# figures are those of a build of new content. The compiled templates and
# the social cards stay warm, as in every measurement before these caches.
CONTENT_CACHES = ("twins", "common-words")


def measure(make, runs: int, env: dict | None = None, warm: bool = False) -> dict:
    with tempfile.TemporaryDirectory(prefix="op-scale-") as folder:
        project = make(Path(folder) / "project")
        timed_build(project, env)  # warm-up: file cache, the Jinja bytecode and card caches
        timed = []
        for _ in range(runs):
            for name in () if warm else CONTENT_CACHES:
                shutil.rmtree(project / ".cache" / name, ignore_errors=True)
            timed.append(timed_build(project, env))
        return median_of(timed)


# --- The report


def per_page_language(result: dict, pages: int) -> dict:
    count = pages * len(LANGUAGES)
    return {"wall_ms": round(1000 * result["wall"] / count, 2), "cpu_ms": round(1000 * result["cpu"] / count, 2)}


def markdown(results: dict) -> str:
    real = results["real_site"]
    lines = [
        "# How the build scales (benchmarks/scale.py)", "",
        f"Measured {results['date']} on {results['machine']}; median of {results['runs']} runs after a warm-up; "
        f"load average at start {results['load_at_start']}. Compiled templates and social cards come from their caches;"
        " the twins and the everyday words are made again in each build but the one marked \"nothing changed\".", "",
        "| build | wall s | CPU s | peak MB (PSS) | ms per page-language (wall) |", "|---|---|---|---|---|",
        f"| real site, two processes | {real['two_processes']['wall']} | {real['two_processes']['cpu']} | {real['two_processes']['peak_mb']} | |",
        f"| real site, one process (OP_BUILD_JOBS=1) | {real['one_process']['wall']} | {real['one_process']['cpu']} | {real['one_process']['peak_mb']} | |",
        f"| real site, two processes, nothing changed (twins and words from the cache) | {real['unchanged']['wall']} | {real['unchanged']['cpu']} | {real['unchanged']['peak_mb']} | |",
    ]
    for size, entry in results["synthetic"].items():
        for name in ("pipeline", "stock"):
            run = entry[name]
            lines.append(f"| 7 x {size}, {name} | {run['wall']} | {run['cpu']} | {run['peak_mb']} | {run['per_page_language']['wall_ms']} |")
    lines += ["", "Targets (issue 16):", ""]
    lines += [f"- {target['what']}: {target['value']} ({'met' if target['met'] else 'NOT met'})" for target in results["targets"]]
    return "\n".join(lines) + "\n"


def targets(results: dict) -> list[dict]:
    found = []
    real = results["real_site"]["two_processes"]["wall"]
    found.append({"what": "real site build <= 6 s wall", "value": f"{real} s", "met": real <= 6})
    synthetic = results["synthetic"]
    sizes = sorted(synthetic, key=int)
    if len(sizes) >= 2:
        small, large = synthetic[sizes[0]]["pipeline"], synthetic[sizes[-1]]["pipeline"]
        ratio = round(large["per_page_language"]["wall_ms"] / small["per_page_language"]["wall_ms"], 2)
        found.append({"what": f"ms per page-language at 7 x {sizes[-1]} <= 1.2 x that at 7 x {sizes[0]}", "value": f"{ratio} x", "met": ratio <= 1.2})
    if "500" in synthetic:
        pipeline, stock = synthetic["500"]["pipeline"], synthetic["500"]["stock"]
        speedup = round(stock["wall"] / pipeline["wall"], 2)
        found.append({"what": "pipeline >= 3 x faster than stock at 7 x 500 (wall)", "value": f"{speedup} x", "met": speedup >= 3})
        found.append({"what": "pipeline peak memory <= stock at 7 x 500", "value": f"{pipeline['peak_mb']} MB vs {stock['peak_mb']} MB",
                      "met": pipeline["peak_mb"] <= stock["peak_mb"]})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stock-runs", type=int, default=1, help="stock builds are slow; one run each by default")
    arguments = parser.parse_args()
    results = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores, Python {platform.python_version()}",
        "load_at_start": round(os.getloadavg()[0], 2),
        "runs": arguments.runs,
        "real_site": {
            "two_processes": measure(real_project, arguments.runs),
            "one_process": measure(real_project, arguments.runs, {"OP_BUILD_JOBS": "1"}),
            "unchanged": measure(real_project, arguments.runs, warm=True),
        },
        "synthetic": {},
    }
    for size in arguments.sizes:
        entry = {
            "pipeline": measure(lambda target, size=size: pipeline_project(target, size), arguments.runs),
            "stock": measure(lambda target, size=size: stock_project(target, size), arguments.stock_runs),
        }
        for run in entry.values():
            run["per_page_language"] = per_page_language(run, size)
        results["synthetic"][str(size)] = entry
        print(f"7 x {size}: pipeline {entry['pipeline']['wall']} s, stock {entry['stock']['wall']} s", flush=True)
    results["load_at_end"] = round(os.getloadavg()[0], 2)
    results["targets"] = targets(results)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "scale.json").write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    (RESULTS / "scale.md").write_text(markdown(results), "utf-8")
    print(markdown(results))


if __name__ == "__main__":
    main()
