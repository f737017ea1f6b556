"""Build-time cost of the content-collection hooks.

Builds one synthetic site (20 places, 10 sectors, 30 partners, 10
changemakers, 10 events, every file in the seven languages) with and without
the collection hooks, several times each, alternating, and writes the medians
and the overhead to benchmarks/results/collections.json.

Usage: .venv/bin/python benchmarks/run.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import copy_project  # noqa: E402  (the tests' own project copy)

COLLECTION_HOOKS = ("hooks/collections.py", "hooks/figures.py", "hooks/open_data.py", "hooks/breadcrumbs.py")
LANGUAGES = ("fr", "en", "es", "it", "de", "ar", "zh")
SIZES = {"places": 20, "sectors": 10, "partners": 30, "changemakers": 10, "events": 10}
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n'
BODY = "Texte de présentation. " * 40


def labels(text: str) -> str:
    return "{" + ", ".join(f'{code}: "{text} ({code})"' for code in LANGUAGES) + "}"


def data_files() -> dict[str, str]:
    """Themes, tiers, sources, figures and budget for the synthetic site."""
    return {
        "data/themes.yml": "".join(f"- id: theme-{n}\n  label: {labels(f'Thème {n}')}\n" for n in range(3)),
        "data/tiers.yml": "".join(f"- id: tier-{n}\n  order: {n}\n  label: {labels(f'Collège {n}')}\n" for n in range(3)),
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
        files[f"docs/index.{code}.md"] = f"---\ntitle: Accueil ({code})\n---\n\n# Accueil\n\n[[figures:figure-1,figure-2]]\n"
        for kind, count in SIZES.items():
            folder = FOLDERS[kind]
            files[f"docs/{folder}/index.{code}.md"] = f"---\ntitle: {kind} ({code})\nlisting: {kind}\n---\n\n# {kind}\n\n{BODY}\n"
            for n in range(count):
                files[f"docs/{folder}/{kind}-{n}.{code}.md"] = f"---\n{item(kind, n, code)}---\n\n{BODY}\n\n[[figure:figure-{n % 10}]]\n"
    return files


def make_project(target: Path, with_hooks: bool) -> Path:
    """A copy of the project with the synthetic content, with or without the collection hooks."""
    copy_project(target)
    if not with_hooks:
        config = target / "mkdocs.yml"
        lines = config.read_text("utf-8").splitlines(keepends=True)
        config.write_text("".join(line for line in lines if line.strip().removeprefix("- ") not in COLLECTION_HOOKS), "utf-8")
    for relative, text in {**data_files(), **content_files()}.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return target


def timed_build(project: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one `mkdocs build`, as the tests run it.

    The CPU time is the figure compared: the machine is shared, and other
    processes stretch the wall time of a build but not its CPU time.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"build failed in {project}:\n{done.stdout}{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        projects = {label: make_project(Path(folder) / label, label == "with") for label in ("with", "without")}
        timed_build(projects["with"])  # warm-up: imports, jieba's dictionary cache
        wall, cpu = {"with": [], "without": []}, {"with": [], "without": []}
        for _ in range(runs):
            for label in ("without", "with"):
                elapsed, used = timed_build(projects[label])
                wall[label].append(round(elapsed, 3))
                cpu[label].append(round(used, 3))
        pages = sum(1 for _ in (projects["with"] / "site").rglob("index.html"))
    medians = {label: statistics.median(values) for label, values in cpu.items()}
    overhead = 100 * (medians["with"] - medians["without"]) / medians["without"]
    result = {
        "site": {**SIZES, "languages": len(LANGUAGES), "html_pages": pages},
        "runs": runs,
        "cpu_seconds": cpu,
        "wall_seconds": wall,
        "median_cpu_seconds": medians,
        "median_wall_seconds": {label: statistics.median(values) for label, values in wall.items()},
        "overhead_percent": round(overhead, 1),
    }
    output = ROOT / "benchmarks" / "results" / "collections.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(f"collections: {pages} pages, median CPU {medians['with']:.2f} s with the hooks vs {medians['without']:.2f} s without: {overhead:+.1f} % ({runs} runs each)")


if __name__ == "__main__":
    main()
