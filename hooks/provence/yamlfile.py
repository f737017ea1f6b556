"""The one way YAML is read: data files, UI strings and the front matter of
Markdown files. A syntax error becomes a :class:`Problem` naming the file and
the line and column of the file (not of the YAML block)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from provence.errors import Problem

# libyaml's safe loader when PyYAML has it (several times faster on many files).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Deeper than any front matter or data file: a sign of a mistake, and a limit for the checks that walk the data.
MAX_DEPTH = 50


class Loader(SAFE_LOADER):
    """The safe loader, with a YAML error (and its line) for a date that does not exist."""

    def construct_yaml_timestamp(self, node):
        # PyYAML raises a bare ValueError for `2023-02-30`, without the line.
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as error:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value!r} is not a date ({error}); expected a date that exists, as YYYY-MM-DD", node.start_mark
            ) from None


Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
# The same delimiters as MkDocs (mkdocs/utils/meta.py YAML_RE).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def parse(text: str, label: str, first_line: int = 1, what: str = "") -> tuple[object, list[Problem]]:
    """The YAML data of ``text``, or the problem that prevents reading it.

    ``first_line``: the line of the file where ``text`` starts (front matter
    starts on line 2); ``what`` says which YAML it is ("in the front matter").
    """
    try:
        data = yaml.load(text, Loader=Loader)
    except yaml.reader.ReaderError as error:
        return None, [character_problem(error, text, label, first_line, what)]
    except yaml.YAMLError as error:
        return None, [syntax_problem(error, label, first_line, what)]
    problem = shape_problem(data, label, what)
    return (None, [problem]) if problem else (data, [])


def shape_problem(data, label: str, what: str = "") -> Problem | None:
    """YAML that reads but no check can walk: an alias inside its own anchor, or nesting without end.

    Names the top-level field (or entry) that holds it.
    """
    top = data.items() if isinstance(data, dict) else enumerate(data, start=1) if isinstance(data, list) else ()
    for key, value in top:
        stack = [(value, (id(data),))]
        while stack:
            node, enclosing = stack.pop()
            if not isinstance(node, (dict, list)):
                continue
            field = str(key) if isinstance(data, dict) else f"entry {key}"
            if id(node) in enclosing:
                return Problem(label, field, f"invalid YAML{what}: an alias (*name) stands for a mapping or list that contains it; write the values out")
            if len(enclosing) > MAX_DEPTH:
                return Problem(label, field, f"invalid YAML{what}: nested more than {MAX_DEPTH} levels deep")
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, (*enclosing, id(node))) for child in children)
    return None


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


def character_problem(error: yaml.reader.ReaderError, text: str, label: str, first_line: int = 1, what: str = "") -> Problem:
    """A character YAML does not allow (a control character pasted with a text), at its line and column."""
    line = text.count("\n", 0, error.position) + first_line
    column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
    character = error.character if isinstance(error.character, str) else chr(error.character)
    return Problem(label, f"line {line}, column {column}", f"invalid YAML{what}: the character {character!r} (#x{ord(character):04x}) is not allowed; delete it (it may be invisible)")


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
