"""How long an editor waits: from a file saved to the rebuilt page served by
the preview (`make serve`), and for the content checks of the pre-commit hook.

Runs the preview of a copy of the real site the way `make serve` does
(hooks/provence/commands.py serve), once previewing English only
(`make serve lang=en`) and once with every language. For each, saves a change
to a page, to a data file (a UI string) and to a template several times, and
measures the time from the write to the moment the page served by the
preview (read from the folder MkDocs rebuilt) shows the change. Then times
`hooks/provence/commands.py check` (what the pre-commit hook runs).

Writes benchmarks/results/serve.json. The machine is a shared 2-core one:
the figures are medians of several saves, with the load average next to them,
and the CPU seconds the preview spent, which do not depend on the other users.

Usage: .venv/bin/python benchmarks/serve.py [--saves N]
(about 5 minutes)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import copy_project  # noqa: E402  (the tests' own project copy)

PAGE = "docs/lieux/vieux-port.en.md"
PAGE_URL = "en/lieux/vieux-port/"
# Each kind of save: the file, how to change it (a unique marker), the page that shows it.
SAVES = {
    "page": (PAGE, lambda text, marker: text.rstrip() + f"\n\n{marker}\n", PAGE_URL),
    "ui string": ("data/ui/site.yml", lambda text, marker: text.replace(
        'en: "The territorial marketing agency', f'en: "{marker} The territorial marketing agency', 1), PAGE_URL),
    "template": ("overrides/partials/footer.html", lambda text, marker: text + f"\n<!-- {marker} -->\n", PAGE_URL),
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, marker: str | None, timeout: float, *, gone: bool = False) -> float:
    """Seconds until the page at ``url`` is served (and holds ``marker``, or no longer does with ``gone``)."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        body = fetch(url)
        if body is not None and (marker is None or (marker in body) != gone):
            return time.monotonic() - start
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not show {marker!r} within {timeout} s")


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of a process and its children (Linux /proc), to compare runs
    whatever else the shared machine does."""
    total = 0.0
    with contextlib.suppress(OSError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += cpu_seconds(int(child))
    return total


def measure(project: Path, lang: str | None, saves: int) -> dict:
    """Start the preview, then time each kind of save ``saves`` times."""
    port = free_port()
    command = [sys.executable, str(project / "hooks/provence/commands.py"), "--project", str(project), "serve",
               "--dev-addr", f"127.0.0.1:{port}", *(["--lang", lang] if lang else [])]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    server = subprocess.Popen(command, cwd=project, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        first = wait_for(base + PAGE_URL, None, 300)
        results = {"first build s": round(first, 2)}
        for kind, (relative, change, url) in SAVES.items():
            path = project / relative
            original = path.read_text("utf-8")
            times, cpus = [], []
            for number in range(saves):
                marker = f"saved-{kind.replace(' ', '-')}-{number}-{time.monotonic_ns()}"
                before = cpu_seconds(server.pid)
                # One write, as an editor's save.
                path.write_text(change(original, marker), "utf-8")
                times.append(wait_for(base + url, marker, 300))
                cpus.append(cpu_seconds(server.pid) - before)
                time.sleep(1)
            path.write_text(original, "utf-8")
            # The rebuild of the original is served before the next kind (and before the preview stops).
            wait_for(base + url, marker, 300, gone=True)
            time.sleep(3)
            results[kind] = {"median s": round(statistics.median(times), 2), "runs s": [round(value, 2) for value in times],
                             "median cpu s": round(statistics.median(cpus), 2)}
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)


def time_check(project: Path, runs: int = 5) -> dict:
    """Wall and CPU seconds of the content checks alone (the pre-commit hook's command)."""
    walls, cpus = [], []
    for _ in range(runs):
        before, start = os.times(), time.monotonic()
        done = subprocess.run([sys.executable, "hooks/provence/commands.py", "check"], cwd=project, capture_output=True, text=True)
        after = os.times()
        assert done.returncode == 0, done.stderr
        walls.append(time.monotonic() - start)
        cpus.append((after.children_user - before.children_user) + (after.children_system - before.children_system))
    return {"median wall s": round(statistics.median(walls), 2), "median cpu s": round(statistics.median(cpus), 2)}


MODES = {"make serve lang=en": "en", "make serve (every language)": None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, default=5)
    parser.add_argument("--mode", choices=sorted(MODES), action="append", help="only these previews (default: both)")
    args = parser.parse_args()
    out = ROOT / "benchmarks" / "results" / "serve.json"
    results = {
        "what": "seconds from a file saved to the rebuilt page served by `make serve`; then the pre-commit checks",
        "cores": os.cpu_count(),
        "load average at start": [round(value, 2) for value in os.getloadavg()],
    }
    with tempfile.TemporaryDirectory(prefix="serve-benchmark-") as folder:
        project = copy_project(Path(folder) / "project", with_docs=True)
        results["pre-commit content checks"] = time_check(project)
        for name in args.mode or MODES:
            results[name] = measure(project, MODES[name], args.saves)
            results["load average at end"] = [round(value, 2) for value in os.getloadavg()]
            # Written after each preview: a long run on a busy machine keeps what it measured.
            out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
