"""Build-time cost of the content-collection hooks.

Builds two sites with and without the collection hooks: a synthetic one
(20 places, 10 sectors, 30 partners, 10 changemakers, 10 events, every file
in the seven languages, each language's pages with a real page's text) and
the project's own content. Writes two measures of the hooks' cost to
benchmarks/results/collections.json:

- instructions: one build of each under valgrind's cachegrind, which counts
  the instructions executed (and a third build with the hooks but without the
  pages they generate, to tell the two costs apart). The count is the same from one run to the next
  whatever else the machine does, so it is the figure the target (under 10 %)
  is checked against. It misses memory stalls, which CPU time includes.
- CPU seconds: several plain builds of each, alternating; the median. On a
  shared 2-core machine the same build varies by up to 40 % from run to run.

Usage: .venv/bin/python benchmarks/run.py [--runs N] [--no-instructions]
(about 15 minutes on 2 cores; 4 with --no-instructions)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import copy_project  # noqa: E402  (the tests' own project copy)

# The hooks that add pages (the theme pages) rather than work on written ones.
GENERATING_HOOKS = ("hooks/theme_pages.py",)
COLLECTION_HOOKS = ("hooks/collections.py", "hooks/figures.py", "hooks/open_data.py", "hooks/breadcrumbs.py", "hooks/theme_pages.py")
LANGUAGES = ("fr", "en", "es", "it", "de", "ar", "zh")
SIZES = {"places": 20, "sectors": 10, "partners": 30, "changemakers": 10, "events": 10}
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n'
SAMPLE_PAGE = ROOT / "docs" / "lieux" / "calanque-de-sormiou.{code}.md"


def body(code: str) -> str:
    """A real page's text in one language (headings and paragraphs, links kept as text).

    Each language's pages carry text in that language's script, as the real
    site's do: Chinese text is what makes the search index segment words
    with jieba, with or without the collection hooks.
    """
    text = SAMPLE_PAGE.with_name(SAMPLE_PAGE.name.format(code=code)).read_text("utf-8")
    text = text.split("---", 2)[2]
    text = re.sub(r"\[\[[^\]]*\]\]", "", text)
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).strip()


def labels(text: str) -> str:
    return "{" + ", ".join(f'{code}: "{text} ({code})"' for code in LANGUAGES) + "}"


def data_files() -> dict[str, str]:
    """Themes, tiers, sources, figures and budget for the synthetic site."""
    return {
        "data/themes.yml": "".join(f"- id: theme-{n}\n  label: {labels(f'Thème {n}')}\n" for n in range(3)),
        "data/tiers.yml": "".join(f"- id: tier-{n}\n  order: {n}\n  label: {labels(f'Collège {n}')}\n" for n in range(3)),
        "data/communes.yml": f"- id: Marseille\n  name: {labels('Marseille')}\n",
        "data/sources.yml": "- id: source\n  title: Source\n  publisher: One Provence\n  url: https://example.org/\n  date: 2023-10-17\n",
        "data/figures.yml": "".join(
            f"- id: figure-{n}\n  value: {1000000 * (n + 1)}\n  unit: count\n  label: {labels(f'Chiffre {n}')}\n  source: source\n  date: 2023-10-17\n"
            for n in range(10)
        ),
        "data/budget.yml": f"source: source\nfunders:\n  - id: a\n    amount: 1000000\n    label: {labels('A')}\n  - id: b\n    amount: 500000\n    label: {labels('B')}\n",
    }


def item(kind: str, n: int, code: str) -> str:
    """One item file's front matter (non-text fields in French only)."""
    french = code == "fr"
    text = f"title: {kind} {n} ({code})\nsummary: Résumé {n} ({code})\n"
    if kind == "places":
        fields = (f"commune: Marseille\ncoordinates: {{lat: {43.2 + n / 100}, lon: {5.3 + n / 100}}}\nroute: {n + 1}\n"
                  f"themes: [theme-{n % 3}]\nsectors: [sectors-{n % 10}]\nimage: {{src: ../assets/img.svg, alt: Image {n}}}\n")
        return text + (fields if french else f"image: {{alt: Image {n} ({code})}}\n")
    if kind == "sectors":
        return text + (f"figures: [figure-{n}]\n" if french else "")
    if kind == "partners":
        fields = f"tier: tier-{n % 3}\nsectors: [sectors-{n % 10}]\nwebsite: https://example.org/{n}\nmember_since: 2023\nlogo: {{src: ../assets/img.svg, alt: Logo {n}}}\n"
        return text + (fields if french else f"logo: {{alt: Logo {n} ({code})}}\n")
    if kind == "changemakers":
        text = f"title: Personne {n}\nrole: Rôle ({code})\nstatement: Déclaration ({code})\n"
        return text + (f"kind: person\nsector: sectors-{n % 10}\nlink: https://example.org/p{n}\n" if french else "")
    return text + (f"start: 2024-0{n % 9 + 1}-01\nend: 2024-0{n % 9 + 1}-02\nplace: places-{n}\n" if french else "")


FOLDERS = {"places": "lieux", "sectors": "filieres", "partners": "partenaires", "changemakers": "reseau", "events": "agenda"}


def content_files() -> dict[str, str]:
    """Every item and index page, in every language."""
    files = {"docs/assets/img.svg": SVG}
    for code in LANGUAGES:
        text = body(code)
        files[f"docs/index.{code}.md"] = f"---\ntitle: Accueil ({code})\n---\n\n# Accueil\n\n[[figures:figure-1,figure-2]]\n"
        for kind, count in SIZES.items():
            folder = FOLDERS[kind]
            files[f"docs/{folder}/index.{code}.md"] = f"---\ntitle: {kind} ({code})\nlisting: {kind}\n---\n\n# {kind}\n\n{text}\n"
            for n in range(count):
                files[f"docs/{folder}/{kind}-{n}.{code}.md"] = f"---\n{item(kind, n, code)}---\n\n{text}\n\n[[figure:figure-{n % 10}]]\n"
    return files


def drop_hooks(project: Path, hooks: tuple[str, ...]) -> None:
    """Remove hooks from a project's mkdocs.yml."""
    config = project / "mkdocs.yml"
    lines = config.read_text("utf-8").splitlines(keepends=True)
    config.write_text("".join(line for line in lines if line.strip().removeprefix("- ") not in hooks), "utf-8")


def drop_collection_hooks(project: Path) -> None:
    """The project without the collection hooks: the same pages, none of what those hooks add."""
    drop_hooks(project, COLLECTION_HOOKS)


def make_real_project(target: Path, with_hooks: bool) -> Path:
    """A copy of the project with its real content, with or without the collection hooks."""
    copy_project(target, with_docs=True)
    if not with_hooks:
        drop_collection_hooks(target)
    return target


def make_project(target: Path, with_hooks: bool) -> Path:
    """A copy of the project with the synthetic content, with or without the collection hooks."""
    copy_project(target)
    if not with_hooks:
        drop_collection_hooks(target)
    for relative, text in {**data_files(), **content_files()}.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return target


BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}


def build_command(project: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]


def counted_builds(projects: dict[str, Path]) -> dict[str, int] | None:
    """Instructions executed by one build of each project, counted by cachegrind (run side by side).

    None when valgrind is not installed (Debian: apt-get install valgrind).
    """
    if shutil.which("valgrind") is None:
        return None
    env = {**os.environ, **BUILD_ENV}
    running = {
        label: subprocess.Popen(
            ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *build_command(project)],
            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for label, project in projects.items()
    }
    counts = {}
    for label, process in running.items():
        out, err = process.communicate()
        total = re.search(r"I\s+refs:\s+([\d,]+)", err)
        if process.returncode != 0 or total is None:
            sys.exit(f"counted build failed in {projects[label]}:\n{out}{err[-3000:]}")
        counts[label] = int(total.group(1).replace(",", ""))
    return counts


def timed_build(project: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one `mkdocs build`, as the tests run it.

    The CPU time is the figure compared: the machine is shared, and other
    processes stretch the wall time of a build but not its CPU time.
    """
    env = {**os.environ, **BUILD_ENV}
    command = build_command(project)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"build failed in {project}:\n{done.stdout}{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def measure(make, runs: int, count: bool) -> dict:
    """Both measures for one site, built with and without the collection hooks."""
    with tempfile.TemporaryDirectory() as folder:
        projects = {label: make(Path(folder) / label, label == "with") for label in ("with", "without")}
        timed_build(projects["with"])  # warm-up: imports, jieba's dictionary cache
        wall, cpu = {"with": [], "without": []}, {"with": [], "without": []}
        for _ in range(runs):
            for label in ("without", "with"):
                elapsed, used = timed_build(projects[label])
                wall[label].append(round(elapsed, 3))
                cpu[label].append(round(used, 3))
        pages = {label: sum(1 for _ in (project / "site").rglob("index.html")) for label, project in projects.items()}
        instructions = None
        if count:
            # A third build splits the cost: the hooks' work on the written pages, and the pages they generate.
            written_only = make(Path(folder) / "with_written_pages_only", True)
            drop_hooks(written_only, GENERATING_HOOKS)
            instructions = counted_builds({**projects, "with_written_pages_only": written_only})
    medians = {label: statistics.median(values) for label, values in cpu.items()}
    return {
        "html_pages": pages,
        "instructions": instructions,
        "instructions_overhead_percent": None if instructions is None else overhead(instructions),
        "instructions_overhead_without_generated_pages_percent": None if instructions is None else overhead(
            {"with": instructions["with_written_pages_only"], "without": instructions["without"]}
        ),
        "runs": runs,
        "cpu_seconds": cpu,
        "wall_seconds": wall,
        "median_cpu_seconds": medians,
        "median_wall_seconds": {label: statistics.median(values) for label, values in wall.items()},
        "cpu_overhead_percent": overhead(medians),
    }


def overhead(values: dict) -> float:
    """How much more the build with the hooks costs, in percent of the build without them."""
    return round(100 * (values["with"] - values["without"]) / values["without"], 1)


def report(name: str, result: dict) -> None:
    pages, instructions, medians = result["html_pages"], result["instructions"], result["median_cpu_seconds"]
    print(f"{name}: {pages['with']} pages with the hooks, {pages['without']} without")
    if instructions is not None:
        print(f"  instructions: {instructions['with'] / 1e9:.2f} G with vs {instructions['without'] / 1e9:.2f} G without: {result['instructions_overhead_percent']:+.1f} %"
              f" ({result['instructions_overhead_without_generated_pages_percent']:+.1f} % without the generated pages)")
    else:
        print("  instructions: not counted (valgrind is not installed, or --no-instructions)")
    print(f"  median CPU: {medians['with']:.2f} s with vs {medians['without']:.2f} s without: {result['cpu_overhead_percent']:+.1f} % ({result['runs']} runs each)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-instructions", action="store_true", help="skip the cachegrind counts (about 5 minutes a site)")
    arguments = parser.parse_args()
    sites = {
        "synthetic": ({**SIZES, "languages": len(LANGUAGES)}, make_project),
        "real": ("the project's own docs/ and data/", make_real_project),
    }
    results = {}
    for name, (content, make) in sites.items():
        results[name] = {"content": content, **measure(make, arguments.runs, not arguments.no_instructions)}
        report(name, results[name])
    output = ROOT / "benchmarks" / "results" / "collections.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
