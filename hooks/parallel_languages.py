"""Languages built on two cores.

The i18n plugin builds the languages one after another in one process
(MkDocs is not thread-safe). Here, once the first pass has read and checked
the content, the build forks: a second process runs the passes of half of
the other languages while this one goes on with the default language and the
other half. Both write into the same staging folder (each language into its
own folder); the second process hands back what its passes leave for the
final pass (search entries, 404 pages, sitemap entries, warnings), and the
final pass runs here once both are done. The result is byte-identical to a
build in one process (tests/test_parallel_build.py).

Off when the machine has one core, with one language, or with
``OP_BUILD_JOBS=1`` in the environment. A preview (`make serve lang=en`)
builds French here and its language in the second process.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import weakref
from dataclasses import dataclass, replace
from pathlib import Path

from mkdocs.exceptions import PluginError

from provence import upstream
from provence.context import context_of, is_final_pass, is_first_pass
from provence.pipeline import step

# --- Hooks


@step
def on_pre_build(config):
    """First pass, after the content is checked: fork the process that builds half of the other languages."""
    if not is_first_pass(config):
        return
    build = context_of(config)
    elsewhere = languages_for_second_process([language.code for language in build.languages[1:]], jobs(os.environ))
    if not elsewhere:
        return
    results = Path(tempfile.mkstemp(prefix="op-languages-", suffix=".pickle")[1])
    pid = os.fork()
    if pid == 0:
        run_second_process(config, elsewhere, results)
    upstream.leave_passes(config, elsewhere)
    build.helper = Helper(pid, results, elsewhere, weakref.finalize(build, stop, pid, results))


@step
def on_post_build(config):
    """Final pass: wait for the second process and take what its passes left for the final writers."""
    build = context_of(config)
    helper = getattr(build, "helper", None)
    if helper is None or not is_final_pass(config):
        return
    upstream.restore_passes(config)
    outcome = wait_for(helper)
    helper.finalizer.detach()
    if "error" in outcome:
        raise PluginError(outcome["error"])
    build.passes.update(outcome["passes"])
    if build.warnings is not None:
        build.warnings.count += outcome["warnings"]


# --- Helper functions


@dataclass
class Helper:
    """The second process of a build: its pid, where it writes its results, its languages."""

    pid: int
    results: Path
    languages: list
    # Kills the second process if this build fails before waiting for it.
    finalizer: object


def jobs(environ) -> int:
    """How many processes the build may use."""
    configured = environ.get("OP_BUILD_JOBS")
    return int(configured) if configured else min(2, len(os.sched_getaffinity(0)))


def languages_for_second_process(others: list[str], jobs: int) -> list[str]:
    """Every second language of the non-default ones, from the first, when two processes may run.

    The first process builds the default language too, so the second takes
    the first of each pair: ``en, es, it, de, ar, zh`` -> ``en, it, ar`` (the
    first process: ``fr, es, de, zh``); a preview's one language, ``en`` -> ``en``
    (the first process: ``fr``).
    """
    if jobs < 2:
        return []
    return others[0::2]


def run_second_process(config, languages: list[str], results: Path) -> None:
    """In the forked process: build ``languages``, write what the final pass needs, exit without cleanup."""
    build = context_of(config)
    try:
        upstream.build_nested_passes(config, languages)
        # The final pass needs neither the views nor the files (the accessibility statement's, read within the pass).
        passes = {code: replace(build.passes[code], views=None, files=None) for code in languages}
        outcome = {"passes": passes, "warnings": build.warnings.count if build.warnings is not None else 0}
        status = 0
    except BaseException as error:  # noqa: BLE001 - every failure is reported to the first process
        outcome, status = {"error": str(error) or repr(error)}, 1
    results.write_bytes(pickle.dumps(outcome))
    # No atexit handler of the first process (its staging folder's finalizer) may run here.
    os._exit(status)


def wait_for(helper: Helper) -> dict:
    """The second process's outcome, once it has exited."""
    _, status = os.waitpid(helper.pid, 0)
    data = helper.results.read_bytes() if helper.results.exists() else b""
    helper.results.unlink(missing_ok=True)
    if not data:
        return {"error": f"the process building {', '.join(helper.languages)} stopped (status {status})"}
    return pickle.loads(data)


def stop(pid: int, results: Path) -> None:
    """After a failed build: the second process must not outlive it."""
    try:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
    results.unlink(missing_ok=True)
