"""Build time of the real site before and after the discovery hooks (social
cards, alternates, structured data, text for machines), cards cold and warm.

Exports two commits of the repository (``git archive``: before, e.g. main,
and after, e.g. the discovery branch) into temporary folders, and builds
each with the project's own command, alternating: the commit before; the
commit after with an empty card cache (cold: every card rendered); the
commit after with the cache the cold build filled (warm: none rendered).
Records each build's wall time, the CPU seconds of the build process (user
and system, from wait4) and the load average at its start: on a shared
2-core machine the same build varies a lot from run to run.

Usage: .venv/bin/python benchmarks/discovery.py [--before main] [--after HEAD] [--runs 3]
Writes benchmarks/results/discovery.json after each round.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CARD_LOG = re.compile(r"social cards: (\d+) rendered, (\d+) from the cache")


def export(commit: str, target: Path) -> Path:
    """The files of a commit in a folder, with the project's node_modules linked (fonts, the editor's bundle)."""
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


def build(project: Path, site: Path, cache: Path | None) -> dict:
    """One build: wall and CPU seconds, the cards it rendered, the load average at its start."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    if cache is not None:
        env["ONE_PROVENCE_CARD_CACHE"] = str(cache)
    load = os.getloadavg()[0]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        output.seek(0)
        log = output.read().decode("utf-8", "replace")
    if status != 0:
        raise SystemExit(f"the build of {project} failed:\n{log[-3000:]}")
    cards = CARD_LOG.search(log)
    return {
        "wall_seconds": round(wall, 2), "user_seconds": round(usage.ru_utime, 2), "system_seconds": round(usage.ru_stime, 2),
        "load_average_at_start": round(load, 2), "cards_rendered": int(cards[1]) if cards else None,
    }


def summary(runs: list[dict]) -> dict:
    """The medians of a set of runs."""
    return {key: round(statistics.median(run[key] for run in runs), 2) for key in ("wall_seconds", "user_seconds", "system_seconds")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default="main")
    parser.add_argument("--after", default="HEAD")
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    commits = {name: subprocess.run(["git", "rev-parse", "--short", commit], cwd=ROOT, capture_output=True, text=True).stdout.strip()
               for name, commit in (("before", arguments.before), ("after", arguments.after))}
    with tempfile.TemporaryDirectory(prefix="discovery-benchmark-") as folder:
        work = Path(folder)
        before, after = export(arguments.before, work / "before"), export(arguments.after, work / "after")
        results = {"before": [], "after_cold": [], "after_warm": []}
        for run in range(arguments.runs):
            cache = work / f"cards-{run}"
            results["before"].append(build(before, work / "site", None))
            results["after_cold"].append(build(after, work / "site", cache))
            results["after_warm"].append(build(after, work / "site", cache))
            # Written after each round: a long run stopped early keeps what it measured.
            write_report(commits, results)
    print(json.dumps(write_report(commits, results)["median"], indent=2))


def write_report(commits: dict, results: dict) -> dict:
    """benchmarks/results/discovery.json from the runs so far."""
    report = {
        "what": "the real site, `mkdocs build` (strict), before and after the discovery hooks; cards cold (empty cache) and warm",
        "commits": commits,
        "machine": "2 cores shared with other developers: see each run's load average",
        "runs": results,
        "median": {name: summary(runs) for name, runs in results.items()},
    }
    target = ROOT / "benchmarks" / "results" / "discovery.json"
    target.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report

if __name__ == "__main__":
    main()
