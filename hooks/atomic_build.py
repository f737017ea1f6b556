"""Atomic builds: nothing half-built is ever published.

`mkdocs build` writes into ``<site_dir>.partial``; only when every language
has built without error or warning does that folder replace ``site_dir``.
A failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

_state = {"command": None, "target": None, "failed": False}

# --- Hooks


def on_startup(command, dirty):
    """Remember the command: `mkdocs serve` builds into its own temporary folder."""
    _state.update(command=command, target=None, failed=False)


@event_priority(100)  # before any other plugin reads site_dir
def on_config(config):
    """Redirect the build into a staging folder (once, on the first language)."""
    if _state["command"] == "build" and _state["target"] is None:
        _state["target"] = Path(config.site_dir)
        config.site_dir = str(staging_dir(_state["target"]))
    return config


def on_build_error(error):
    """Any error, in any language's build, cancels the swap."""
    _state["failed"] = True


def on_shutdown():
    """Publish the staging folder, or discard it after a failure."""
    target = _state["target"]
    if target is None:
        return
    staging = staging_dir(target)
    if _state["failed"]:
        shutil.rmtree(staging, ignore_errors=True)
    else:
        publish(staging, target)


# --- Helper functions


def staging_dir(target: Path) -> Path:
    """Where a build is written before it is published."""
    return target.with_name(target.name + ".partial")


def publish(staging: Path, target: Path) -> None:
    """Swap the staging folder into place with renames (no window without a site)."""
    previous = target.with_name(target.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous, ignore_errors=True)
