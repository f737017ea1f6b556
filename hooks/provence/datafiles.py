"""Reading the project's YAML data files with errors an editor can act on."""

from __future__ import annotations

from pathlib import Path

import yaml

from provence.errors import Problem, raise_problems


def load_yaml(path: Path, label: str):
    """Parse a YAML file; a syntax error names the file, line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise_problems([Problem(label, "", "file not found")], label)
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise_problems([Problem(label, _position(error), f"invalid YAML: {_reason(error)}")], label)


def _position(error) -> str:
    mark = getattr(error, "problem_mark", None)
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""


def _reason(error) -> str:
    return getattr(error, "problem", None) or str(error)
