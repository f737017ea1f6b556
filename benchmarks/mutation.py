"""Mutation testing of the pure helpers (hooks/provence/) with the fast tests.

mutmut 3 (requirements-test.txt) changes the helpers one small mutation at a
time (a `<` for a `<=`, a string emptied, a call's argument dropped...) and
runs the unit tests that reach the changed function: a mutant that no test
fails ("survived") is a change of behaviour the fast tests let through.
Writes the score and every surviving mutant to benchmarks/results/mutation.json
and a readable benchmarks/results/mutation.md; survivors explained in
benchmarks/mutation-explained.yml (one line each: why no test should kill it,
or which build test does) are marked so.

An occasional check (`make mutation`, about half an hour on 2 cores), not part of `make test`.

mutmut names each mutant after its module's path from the folder it runs
in, and activates it only in a module of that name: the tests import the
helpers as `provence.*` (hooks/ on sys.path), so mutmut runs in a workspace
where they sit at `provence/`, next to copies of the rest of the project.
hooks/collections.py would shadow the standard library's `collections` if
hooks/ came first on sys.path at start-up: tests/conftest.py puts it there
once pytest (and so the standard library) is loaded, and mutmut forks its
workers from that process, so they never import the wrong module.

Usage: .venv/bin/python benchmarks/mutation.py [--max-children N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKSPACE = ROOT / ".mutation"
RESULTS = ROOT / "benchmarks" / "results"
EXPLAINED = ROOT / "benchmarks" / "mutation-explained.yml"
# The unit tests: no build, no browser, no server (a few seconds together). The
# property-based tests are left out: each mutant of the validation would run
# their hundreds of examples, and the example tests are the ones to kill it.
FAST_TESTS = [
    "tests/test_collections_helpers.py",
    "tests/test_language_helpers.py",
    "tests/test_content_validation.py",
    "tests/test_validation_details.py",
    "tests/test_sitemap_pages.py",
    "tests/test_quality_rules.py",
]
# What the tests read besides the helpers: the other hooks, data, templates, the configuration.
ALSO_COPY = ["hooks", "data", "templates", "server", "overrides", "mkdocs.yml", "pytest.ini"]
PYTEST_INI = "[pytest]\nmarkers =\n    browser: drives Debian's Chromium through Playwright\nfilterwarnings =\n    ignore::DeprecationWarning\n"
# The code editors' input reaches: every survivor there is killed or explained.
EDITOR_INPUT = {
    "validation": ["models.py", "catalog.py", "yamlfile.py", "errors.py"],
    "figures": ["figures.py"],
    "languages": ["languages.py", "context.py"],
}
MUTANT = re.compile(r"^\s+(?P<name>provence\.\S+): (?P<status>.+)$")


def prepare_workspace() -> None:
    """A fresh copy of the project with the helpers at provence/ (see the module's docstring)."""
    shutil.rmtree(WORKSPACE, ignore_errors=True)
    WORKSPACE.mkdir()
    shutil.copytree(ROOT / "hooks" / "provence", WORKSPACE / "provence", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "hooks", WORKSPACE / "hooks", ignore=shutil.ignore_patterns("__pycache__", "provence"))
    shutil.copytree(ROOT / "tests", WORKSPACE / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    for part in ALSO_COPY:
        if part in ("hooks", "pytest.ini"):
            continue
        source = ROOT / part
        shutil.copytree(source, WORKSPACE / part) if source.is_dir() else shutil.copy2(source, WORKSPACE / part)
    config = {
        "source_paths": ["provence"],
        "also_copy": ALSO_COPY,
        # No xdist (mutmut runs pytest in its own process), no cache folder.
        "pytest_add_cli_args": ["-p", "no:xdist", "-p", "no:cacheprovider", "-q"],
        "pytest_add_cli_args_test_selection": FAST_TESTS,
    }
    (WORKSPACE / "setup.cfg").write_text(setup_cfg(config), "utf-8")
    # The workspace's own pytest settings: without them pytest would take the project's
    # (found upwards), whose xdist options mutmut cannot run under.
    (WORKSPACE / "pytest.ini").write_text(PYTEST_INI, "utf-8")


def setup_cfg(config: dict) -> str:
    """mutmut's [mutmut] section: lists one item per line."""
    lines = ["[mutmut]"]
    for key, value in config.items():
        lines.append(f"{key} =" + "".join(f"\n    {item}" for item in value) if isinstance(value, list) else f"{key} = {value}")
    return "\n".join(lines) + "\n"


def mutmut(*args: str, capture: bool = False) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).with_name("mutmut")), *args]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, cwd=WORKSPACE, env=env, text=True, capture_output=capture, check=False)


def statuses() -> dict[str, str]:
    """Mutant name -> mutmut's verdict (killed, survived, no tests, timeout...)."""
    listed = mutmut("results", "--all", "true", capture=True)
    return {match["name"]: match["status"] for match in map(MUTANT.match, listed.stdout.splitlines()) if match}


def diffs(names: list[str]) -> dict[str, str]:
    """Each mutant as the lines it changes (what `mutmut show` prints), computed in one process."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    paths = {name: WORKSPACE / "provence" / module_file(name) for name in names}
    here = Path.cwd()
    os.chdir(WORKSPACE)
    try:
        shown = {name: get_diff_for_mutant(name, path=paths[name].relative_to(WORKSPACE)) for name in names}
    finally:
        os.chdir(here)
    return {name: "\n".join(line for line in text.splitlines() if line.startswith(("-", "+")) and not line.startswith(("---", "+++")))
            for name, text in shown.items()}


def module_file(name: str) -> str:
    """provence.models.x_validate__mutmut_3 -> models.py"""
    return name.split(".")[1] + ".py"


def area(file: str) -> str | None:
    return next((concern for concern, files in EDITOR_INPUT.items() if file in files), None)


def explanation(name: str, change: str, explained: list[dict]) -> str | None:
    """Why a survivor survives, from benchmarks/mutation-explained.yml: an entry names the
    function (``provence.figures.x_format_euros``) and a piece of the mutated line, so that it
    still applies when mutmut renumbers the function's mutants."""
    function = name.partition("__mutmut_")[0]
    added = "\n".join(line for line in change.splitlines() if line.startswith("+"))
    for entry in explained:
        if entry["function"] == function and entry.get("change", "") in added:
            return entry["why"]
    return None


def report(verdicts: dict[str, str], seconds: float | None) -> dict:
    explained = yaml.safe_load(EXPLAINED.read_text("utf-8")) if EXPLAINED.exists() else []
    counts = Counter(verdicts.values())
    killed = counts["killed"] + counts["timeout"] + counts["caught by type check"]
    surviving = sorted(name for name, status in verdicts.items() if status in ("survived", "no tests", "suspicious"))
    changes = diffs(surviving)
    survivors = []
    for name in surviving:
        file = module_file(name)
        survivors.append({"mutant": name, "file": f"hooks/provence/{file}", "status": verdicts[name], "editor_input": area(file),
                          "diff": changes[name], "explained": explanation(name, changes[name], explained)})
    unexplained = [s for s in survivors if s["editor_input"] and not s["explained"]]
    # A run stopped before its end leaves mutants "not checked": the score counts the checked ones.
    checked = len(verdicts) - counts["not checked"] - counts["check was interrupted by user"]
    return {
        "tool": "mutmut 3.8.1", "code": "hooks/provence/", "tests": FAST_TESTS,
        "mutants": len(verdicts), "checked": checked, "killed": killed, "survived": len(survivors), "by_status": dict(sorted(counts.items())),
        "score": round(killed / checked, 4) if checked else None,
        "editor_input_survivors": sum(1 for s in survivors if s["editor_input"]),
        "editor_input_unexplained": len(unexplained),
        "seconds": round(seconds) if seconds is not None else None,
        "survivors": survivors,
    }


def markdown(result: dict) -> str:
    lines = [
        "# Mutation testing of hooks/provence/",
        "",
        f"{result['tool']}, the fast tests ({', '.join(result['tests'])}); written by `make mutation`.",
        "",
        f"**Score: {result['score']:.1%}** — {result['killed']} of {result['checked']} mutants checked killed "
        f"({result['mutants']} mutants); "
        f"{result['survived']} survive, {result['editor_input_survivors']} of them in the code editors' input reaches "
        f"({result['editor_input_unexplained']} unexplained)." + (f" {result['seconds']} s." if result["seconds"] is not None else ""),
        "",
        "| status | mutants |", "| --- | --- |",
        *[f"| {status} | {count} |" for status, count in result["by_status"].items()],
        "",
    ]
    for title, editor in (("Survivors in the code editors' input reaches", True), ("Other survivors", False)):
        chosen = [s for s in result["survivors"] if bool(s["editor_input"]) == editor]
        lines += [f"## {title} ({len(chosen)})", ""]
        for survivor in chosen:
            change = survivor["diff"].replace("\n", " ⟶ ").replace("|", "\\|")
            why = survivor["explained"] or "**not explained**"
            lines.append(f"- `{survivor['mutant']}` ({survivor['status']}): `{change}` — {why}")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--report-only", action="store_true", help="rewrite the results from the last run's workspace")
    options = parser.parse_args()
    started = time.monotonic()
    duration = WORKSPACE / "run-seconds"
    if not options.report_only:
        prepare_workspace()
        mutmut("run", "--max-children", str(options.max_children))
        duration.write_text(str(round(time.monotonic() - started)), "utf-8")
    verdicts = statuses()
    if not verdicts or all(status == "not checked" for status in verdicts.values()):
        print("mutmut checked no mutant (a fast test failed without mutation?): see its output above", file=sys.stderr)
        return 1
    # A run resumed by hand (`mutmut run` in .mutation/) has no single duration.
    result = report(verdicts, float(duration.read_text("utf-8")) if duration.exists() else None)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "mutation.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")
    (RESULTS / "mutation.md").write_text(markdown(result), "utf-8")
    print(f"mutation score {result['score']:.1%}: {result['killed']}/{result['checked']} checked mutants killed, "
          f"{result['editor_input_unexplained']} unexplained survivors in the editors' input reaches "
          "(benchmarks/results/mutation.md)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
