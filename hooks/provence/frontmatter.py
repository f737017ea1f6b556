"""Reading a page's YAML front matter with errors an editor can act on."""

from __future__ import annotations

import re

import yaml

from provence.errors import Problem

# Same opening/closing rule as MkDocs (mkdocs.utils.meta).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(front matter YAML or None, the Markdown body)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end():]


def front_matter_problem(text: str, source: str) -> Problem | None:
    """Why this page's front matter would be ignored, or None when it is fine."""
    if text.startswith("---") and not FRONT_MATTER.match(text):
        return Problem(source, "front matter", "starts with '---' but has no closing '---' line")
    raw, _ = split_front_matter(text)
    if raw is None:
        return None
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 2}" if mark else "front matter"
        reason = getattr(error, "problem", None) or str(error)
        hint = " (a value containing ': ' must be in quotes)" if "mapping values" in reason else ""
        return Problem(source, where, f"invalid YAML: {reason}{hint}")
    if data is not None and not isinstance(data, dict):
        return Problem(source, "front matter", f"expected `key: value` lines, got {type(data).__name__}")
    return None
