"""One build context per build (hooks/provence/context.py): created at the
first pass of every build, before any other hook runs, so that no state of a
previous build (under `mkdocs serve`) can reach this one."""

from __future__ import annotations

import os

from provence import context
from provence.pipeline import step

# --- Hooks


@step
def on_config(config):
    """Start this build's context, in the default language's pass (previewing
    one language when PREVIEW_LANGUAGE names it, as `make serve lang=en` does)."""
    if context.is_first_pass(config):
        context.start(config, preview=os.environ.get(context.PREVIEW_VARIABLE) or None)
    return config
