"""Editor-facing build errors: each names the file, the field and the fix."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Problem:
    """One mistake in one file, described for an editor."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


def raise_problems(problems: list[Problem], what: str) -> None:
    """Stop the build with every problem of the run listed together."""
    if problems:
        raise PluginError(format_problems(problems, what))


def format_problems(problems: list[Problem], what: str) -> str:
    """Problems as the build reports them: a count, then one line each, sorted."""
    lines = "\n".join(f"  - {problem}" for problem in sorted(problems, key=str))
    count = len(problems)
    plural = "s" if count > 1 else ""
    return f"{count} problem{plural} in {what}:\n{lines}"
