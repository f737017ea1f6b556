"""Compiled Jinja templates kept between builds.

A template's compiled code depends on its source and on the options of the
environment that compiles it, not on the language being built, so the
language passes of a build share it, and the next build (a rebuild of
`make serve`, a test's build of another copy of the project) reads it from
disk: ``.cache/templates/`` of the project, or the folder
``ONE_PROVENCE_TEMPLATE_CACHE`` names. Jinja uses an entry only when its
checksum is that of the template's source and its version is Jinja's own, so
an edited template is compiled again and a stale entry is never used.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import jinja2

CACHE_VARIABLE = "ONE_PROVENCE_TEMPLATE_CACHE"


def cache_folder(project: Path) -> Path:
    """Where compiled templates are kept between builds."""
    return Path(os.environ.get(CACHE_VARIABLE) or project / ".cache" / "templates")


def settings(env: jinja2.Environment) -> str:
    """The environment's options that change the compiled code of a template (the same in every process)."""
    return repr((
        _option(env.autoescape), sorted(env.extensions), env.block_start_string, env.variable_start_string,
        env.comment_start_string, env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
        env.lstrip_blocks, env.keep_trailing_newline, env.optimized, env.finalize is not None, env.is_async,
    ))


def _option(value):
    """An option as it decides the compiled code: a function (``select_autoescape``) by its name and the values it holds."""
    if callable(value):
        return (value.__qualname__, tuple(cell.cell_contents for cell in value.__closure__ or ()))
    return value


def bytecode_for(env: jinja2.Environment, store: dict, project: Path) -> SharedBytecode:
    """The bytecode cache of ``env``: the build's ``store`` (a dict), then the project's cache on disk."""
    return SharedBytecode(store, cache_folder(project), settings(env))


class SharedBytecode(jinja2.FileSystemBytecodeCache):
    """Compiled templates in a dict (bucket key -> marshalled code) for this build, and on disk for the next.

    An entry is keyed by the template's name and the environment's options,
    not by its file's path, so that copies of the project (the test sites)
    share it."""

    def __init__(self, store: dict, folder: Path, salt: str):
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder), "%s.jinja")
        self.store, self.salt = store, salt

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha1(f"{self.salt}|{name}".encode("utf-8")).hexdigest()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
            return
        super().load_bytecode(bucket)
        if bucket.code is not None:
            self.store[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()
        super().dump_bytecode(bucket)
