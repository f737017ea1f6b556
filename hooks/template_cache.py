"""Templates compiled once per build, not once per language.

MkDocs makes a new Jinja environment for each language pass, so Material's
templates were compiled seven times per build (about a fifth of its time).
The compiled code does not depend on the language (translations are looked
up when a page is rendered), so each pass's environment shares one bytecode
cache, which lives in the build context.
"""

from __future__ import annotations

import jinja2

from provence.context import context_of
from provence.pipeline import step

# --- Hooks


@step
def on_env(env, config, files):
    """Give this pass's theme environment the build's bytecode cache."""
    env.bytecode_cache = SharedBytecode(context_of(config).compiled_templates)
    return env


# --- Helper functions


class SharedBytecode(jinja2.BytecodeCache):
    """A Jinja bytecode cache in a dict (bucket key -> marshalled code), checked against each template's source."""

    def __init__(self, store: dict):
        self.store = store

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()
