"""Atomic builds: nothing half-built is ever published.

A build writes into a staging folder next to ``site_dir``; only when every
language has built without error (and, in strict mode, without warning) does
that folder replace ``site_dir``. A failed build leaves the previous site
exactly as it was, and its staging folder is removed when the build's
context is let go (or when the process ends).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import weakref
from pathlib import Path

from provence.context import context_of, is_final_pass, is_first_pass
from provence.pipeline import step

# --- Hooks


@step
def on_config(config):
    """Redirect the build into a staging folder (first pass only)."""
    if not is_first_pass(config):
        return config
    build = context_of(config)
    build.target = Path(config.site_dir)
    build.staging = staging_dir(build.target)
    config.site_dir = str(build.staging)
    warnings = WarningCounter() if config.strict else None
    if warnings is not None:
        logging.getLogger("mkdocs").addHandler(warnings)
    build.cleanups.append(weakref.finalize(build, discard, build.staging, warnings))
    build.warnings = warnings
    return config


@step
def on_post_build(config):
    """Final pass: publish the staging folder, unless a warning will abort the build (strict mode)."""
    if not is_final_pass(config):
        return
    build = context_of(config)
    if build.warnings is None or not build.warnings.count:
        publish(build.staging, build.target)
    for cleanup in build.cleanups:
        cleanup()


# --- Helper functions


class WarningCounter(logging.Handler):
    """Counts the warnings of a build, as MkDocs' strict mode will after the last post-build step."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


def staging_dir(target: Path) -> Path:
    """A new, empty folder next to the published site, for one build."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{target.name}.partial-", dir=target.parent))
    # mkdtemp makes a private folder; the published site is read by the web server.
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    return staging


def discard(staging: Path, warnings: logging.Handler | None) -> None:
    """Remove what a build left: its staging folder (gone once published) and its warning counter."""
    shutil.rmtree(staging, ignore_errors=True)
    if warnings is not None:
        logging.getLogger("mkdocs").removeHandler(warnings)


def publish(staging: Path, target: Path) -> None:
    """Swap the staging folder into place with renames (no window without a site)."""
    previous = target.with_name(target.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous, ignore_errors=True)
