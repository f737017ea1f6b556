"""The production build and the previews.

``make release`` builds with ``extra.release`` true (mkdocs.yml reads it from
ONE_PROVENCE_RELEASE): that build stops, listing each fact the law requires
that is still missing, while data/gaps.yml lists one (its entries with
``law:``). ``make build`` and ``make serve`` are previews: they build and show
the gaps where the facts belong, and say how many the law still requires.

data/gaps.yml is kept in step with the content by tests/test_content_gaps.py:
a gap marker that is not declared there, or an entry whose gap is filled,
fails the tests, so the inventory is what is really missing."""

from __future__ import annotations

import logging
from pathlib import Path

from provence import models, yamlfile
from provence.context import context_of, is_first_pass
from provence.errors import Problem, raise_problems
from provence.pipeline import step

GAPS = "data/gaps.yml"
log = logging.getLogger("mkdocs.hooks.release")

# --- Hooks


@step
def on_config(config):
    """First pass: a release build stops at once while a fact the law requires is missing."""
    if not is_first_pass(config):
        return config
    gaps, problems = load_gaps(context_of(config).project / GAPS)
    raise_problems(problems, GAPS)
    required = legal_gaps(gaps)
    if is_release(config.extra.get("release")):
        raise_problems(required, f"the facts the law requires (`make release` does not publish without them; write each in its file, then remove its entry from {GAPS})")
    elif required:
        log.info("Preview: %d facts the law requires are still missing (data/gaps.yml); `make release` will refuse to publish.", len(required))
    return config


# --- Helper functions


def is_release(setting) -> bool:
    """``extra.release``: true, or a word for yes from the environment ("1", "true", "yes")."""
    return setting is True or str(setting).strip().lower() in {"1", "true", "yes", "on"}


def load_gaps(path: Path) -> tuple[list[models.Gap], list[Problem]]:
    """The entries of data/gaps.yml (none when the file does not exist)."""
    raw, problems = yamlfile.read(path, GAPS)
    if raw is None or problems:
        return [], problems
    if not isinstance(raw, list):
        return [], [Problem(GAPS, "", "expected a list of entries (`- file: ...`, `missing: ...`)")]
    gaps = []
    for position, entry in enumerate(raw):
        gap, found = models.validate(models.Gap, entry, f"{GAPS} entry {position + 1}")
        problems += found
        if gap is not None:
            gaps.append(gap)
    return gaps, problems


def legal_gaps(gaps: list[models.Gap]) -> list[Problem]:
    """One problem per fact the law requires that is still missing: its file, what, the law."""
    return [
        Problem(gap.file, gap.missing, f"missing, required by {gap.law}")
        for gap in gaps
        if gap.law
    ]
