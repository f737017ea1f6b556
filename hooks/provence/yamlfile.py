"""The one way YAML is read: data files, UI strings and the front matter of
Markdown files. A syntax error becomes a :class:`Problem` naming the file and
the line and column of the file (not of the YAML block)."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import yaml

from provence.errors import Problem

# libyaml's safe loader when PyYAML has it (several times faster on many files).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The same delimiters as MkDocs (mkdocs/utils/meta.py YAML_RE).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
# A date as YAML reads one (YYYY-MM-DD).
DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def parse(text: str, label: str, first_line: int = 1, what: str = "") -> tuple[object, list[Problem]]:
    """The YAML data of ``text``, or the problem that prevents reading it.

    ``first_line``: the line of the file where ``text`` starts (front matter
    starts on line 2); ``what`` says which YAML it is ("in the front matter").
    """
    try:
        return yaml.load(text, Loader=SAFE_LOADER), []
    except yaml.YAMLError as error:
        return None, [syntax_problem(error, label, first_line, what)]
    except ValueError as error:
        # YAML reads 2023-06-31 as a date, and Python refuses it: a ValueError, not a syntax error.
        return None, [impossible_date_problem(text, error, label, first_line, what)]


def read(path: Path, label: str) -> tuple[object, list[Problem]]:
    """A data file's YAML; None (and no problem) when the file does not exist yet."""
    if not path.exists():
        return None, []
    return parse(path.read_text(encoding="utf-8"), label)


def syntax_problem(error: yaml.YAMLError, label: str, first_line: int = 1, what: str = "") -> Problem:
    """A YAML syntax error for an editor: where, why, and the usual fix."""
    mark = getattr(error, "problem_mark", None)
    where = f"line {mark.line + first_line}, column {mark.column + 1}" if mark else ""
    reason = getattr(error, "problem", None) or str(error)
    hint = " (a value containing ': ' must be in quotes)" if "mapping values" in reason else ""
    return Problem(label, where, f"invalid YAML{what}: {reason}{hint}")


def impossible_date_problem(text: str, error: ValueError, label: str, first_line: int = 1, what: str = "") -> Problem:
    """A date that the calendar does not have (2023-06-31), on its line."""
    for number, line in enumerate(text.splitlines()):
        for match in DATE.finditer(line):
            try:
                datetime.date(*(int(part) for part in match.groups()))
            except ValueError:
                return Problem(label, f"line {number + first_line}", f"invalid YAML{what}: {match.group(0)} is not a day of the calendar ({error}); expected an existing date written YYYY-MM-DD")
    return Problem(label, "", f"invalid YAML{what}: {error}")


def front_matter(text: str, label: str) -> tuple[dict, list[Problem]]:
    """The front matter of a Markdown file as a dict, or the problem that prevents reading it."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, [Problem(label, "front matter", "missing; start the file with a `---` line, the fields, and a closing `---` line")]
    data, problems = parse(match.group(1), label, first_line=2, what=" in the front matter")
    if problems or data is None:
        return {}, problems
    if not isinstance(data, dict):
        return {}, [Problem(label, "front matter", f"expected fields such as `title: ...`, got {data!r}")]
    return data, []


def front_matter_problem(text: str, label: str) -> Problem | None:
    """Why a page's optional front matter would be ignored by MkDocs, or None when it is fine."""
    if not text.startswith("---"):
        return None
    if not FRONT_MATTER.match(text):
        return Problem(label, "front matter", "starts with '---' but has no closing '---' line")
    _, problems = front_matter(text, label)
    return problems[0] if problems else None
