"""The templates of the files the hooks write that are not theme pages: the
site files of ``templates/`` (sitemaps, robots.txt, the GPX route) and the
server rules of ``server/`` (_headers, _redirects, nginx.conf). Theme pages
and their partials are rendered by the theme's own environment (overrides/)."""

from __future__ import annotations

import html
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markdown import Markdown

from provence import compiled

FOLDERS = ("templates", "server")
# The characters Python-Markdown reads as syntax unless escaped with a backslash.
MARKDOWN_SYNTAX = frozenset(Markdown().ESCAPED_CHARS)


def file_templates(project: Path) -> Environment:
    """An environment for the non-page templates of a project; XML files are autoescaped."""
    env = Environment(
        loader=FileSystemLoader([str(project / folder) for folder in FOLDERS]),
        autoescape=select_autoescape(["xml", "gpx"], default_for_string=False, default=False),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["markdown_text"] = markdown_text
    # Compiled once, kept on disk for every pass and build (provence/compiled.py).
    env.bytecode_cache = compiled.bytecode_for(env, {}, project)
    return env


def markdown_text(text: str) -> str:
    """Data text shown as typed in a Markdown source: its syntax characters and HTML escaped."""
    return html.escape("".join("\\" + char if char in MARKDOWN_SYNTAX else char for char in text), quote=False)
