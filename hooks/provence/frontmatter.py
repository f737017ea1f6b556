"""Reading the YAML front matter of a Markdown file ourselves, before MkDocs
does, so that a syntax error names the file and the line of the file (MkDocs
silently drops front matter it cannot parse: title, template and fields)."""

from __future__ import annotations

import re

import yaml

from provence.errors import Problem

# libyaml's safe loader when PyYAML has it (several times faster on many files).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The same delimiters as MkDocs (mkdocs/utils/meta.py YAML_RE).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def parse_front_matter(text: str, file: str) -> tuple[dict, list[Problem]]:
    """The front matter as a dict, or the problem that prevents reading it."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, [Problem(file, "front matter", "missing; start the file with a `---` line, the fields, and a closing `---` line")]
    try:
        data = yaml.load(match.group(1), Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        # +1: lines count from 1, +1: the opening `---` line.
        where = f"line {mark.line + 2}" if mark else "front matter"
        reason = getattr(error, "problem", None) or str(error)
        hint = " (a value containing ': ' must be in quotes)" if "mapping values" in reason else ""
        return {}, [Problem(file, where, f"invalid YAML in the front matter: {reason}{hint}")]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [Problem(file, "front matter", f"expected fields such as `title: ...`, got {data!r}")]
    return data, []


def front_matter_problem(text: str, source: str) -> Problem | None:
    """Why a page's optional front matter would be ignored, or None when it is fine."""
    if not text.startswith("---"):
        return None
    if not FRONT_MATTER.match(text):
        return Problem(source, "front matter", "starts with '---' but has no closing '---' line")
    _, problems = parse_front_matter(text, source)
    return problems[0] if problems else None
