"""Translations that know their source: each translation records which version
of the French text it was made from (``translation.source``, the start of a
SHA-256 of that text, like MDN's ``l10n.sourceCommit``). When the French text
changes, the translation is out of date until someone brings it up to date
(``make translated``) or reviews it (``make reviewed``).

The French text is what a translator translates: the body and the text
fields of the front matter, not the ids, dates, coordinates or layout keys,
whose change does not make a translation wrong.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from provence import models, yamlfile
from provence.catalog import COLLECTIONS, item_of
from provence.errors import Problem
from provence.languages import holds_nothing, language_suffix

# --- The version of a French text


def model_of(src_uri: str) -> type[models.FrontMatter] | None:
    """The front matter model of a docs file ('lieux/vieux-port.fr.md'), None for a page outside the collections."""
    kind, _ = item_of(src_uri)
    return COLLECTIONS[kind][1] if kind else None


def source_text(meta: dict, body: str, model: type[models.FrontMatter] | None) -> str:
    """The translatable text of a French file, in one canonical string."""
    flat = flatten(meta)
    if model is None:
        kept = {path: value for path, value in flat.items() if path.split(".")[0] not in models.FrontMatter.LAYOUT}
    else:
        paths = models.translated_paths(model)
        kept = {path: value for path, value in flat.items() if path in paths or path.split(".")[0] in paths}
    return json.dumps(kept, ensure_ascii=False, sort_keys=True, default=str) + "\n" + body.strip()


def source_version(text: str) -> str:
    """The version of a text: the first 12 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def french_version(docs_dir: Path, src_uri: str) -> str | None:
    """The version of the French file of a docs file, None when there is no readable French file."""
    french = french_src_uri(src_uri)
    path = docs_dir / french
    if not path.is_file():
        return None
    meta, body, problems = split(path.read_text(encoding="utf-8-sig"), f"docs/{french}")
    return None if problems else source_version(source_text(meta, body, model_of(french)))


def french_src_uri(src_uri: str, default: str = "fr") -> str:
    """'lieux/vieux-port.en.md' -> 'lieux/vieux-port.fr.md'."""
    code = language_suffix(src_uri)
    stem = src_uri.removesuffix(".md").removesuffix(f".{code}") if code else src_uri.removesuffix(".md")
    return f"{stem}.{default}.md"


def split(text: str, label: str) -> tuple[dict, str, list[Problem]]:
    """Front matter, body and the problems of a Markdown file."""
    match = yamlfile.FRONT_MATTER.match(text)
    if not match:
        return {}, text, []
    meta, problems = yamlfile.front_matter(text, label)
    return meta, text[match.end():], problems


def flatten(data: dict, prefix: str = "") -> dict:
    """``{'a': {'b': 1}}`` -> ``{'a.b': 1}``."""
    flat = {}
    for key, value in data.items():
        if isinstance(value, dict) and value:
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


# --- The status of a translation


@dataclass(frozen=True)
class Status:
    """Where a translation stands against the current French text."""

    # The French text changed since the translation was made or reviewed.
    stale: bool
    # A machine-assisted translation that no person has reviewed (against this French text).
    unreviewed_machine: bool
    # The translation says which French text it was made from.
    recorded: bool


def parse_translation(meta: dict, label: str) -> tuple[models.Translation | None, list[Problem]]:
    """The ``translation:`` mapping of a front matter, checked by its model."""
    raw = meta.get("translation")
    if raw is None:
        return None, []
    return models.validate(models.Translation, raw, label, prefix=("translation",))


def status(translation: models.Translation | None, current: str | None) -> Status:
    """A translation's status; ``current``: the version of its French text now."""
    if translation is None:
        return Status(stale=False, unreviewed_machine=False, recorded=False)
    recorded = translation.source is not None
    stale = recorded and current is not None and translation.source != current
    # A review covers the French text it was made against: a new French text needs a new review.
    unreviewed = translation.machine_assisted and (not translation.reviewed or stale)
    return Status(stale=stale, unreviewed_machine=unreviewed, recorded=recorded)


# --- Writing the translation's record


def record(text: str, label: str, version: str, *, reviewed_on: datetime.date | None = None,
           machine_assisted: bool | None = None) -> str:
    """A translation file's text with ``translation:`` saying it follows French version ``version``.

    ``reviewed_on``: a person reviewed it that day (``reviewed: true``); otherwise
    a new machine-assisted text is not reviewed yet. The rest of the file is kept byte for byte.
    """
    meta, _, problems = split(text, label)
    if problems:
        raise ValueError(str(problems[0]))
    current, problems = parse_translation(meta, label)
    if problems:
        raise ValueError(str(problems[0]))
    current = current or models.Translation()
    machine = current.machine_assisted if machine_assisted is None else machine_assisted
    values = {"machine_assisted": machine, "reviewed": reviewed_on is not None}
    if reviewed_on is not None:
        values["reviewed_on"] = reviewed_on.isoformat()
    values["source"] = version
    block = "translation:\n" + "".join(f"  {key}: {_yaml_scalar(value)}\n" for key, value in values.items())
    return replace_block(text, "translation", block)


def replace_block(text: str, key: str, block: str) -> str:
    """Replace the top-level ``key:`` of a front matter (with its indented lines) by ``block``, or add it last."""
    match = yamlfile.FRONT_MATTER.match(text)
    lines = match.group(1).splitlines(keepends=True) if match else []
    start = next((number for number, line in enumerate(lines) if line.startswith(f"{key}:")), None)
    if start is None:
        kept = lines + [block]
    else:
        end = start + 1
        while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
            end += 1
        kept = lines[:start] + [block] + lines[end:]
    if not match:
        return "---\n" + "".join(kept) + "---\n\n" + text
    return "---\n" + "".join(kept) + "---\n" + text[match.end():]


def _yaml_scalar(value) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


# --- The report of `make translations`


@dataclass
class Row:
    """One language's counts."""

    code: str
    up_to_date: int = 0
    stale: int = 0
    unreviewed_machine: int = 0
    missing: int = 0
    unrecorded: int = 0


def survey(docs_dir: Path, codes: list[str]) -> tuple[list[Row], list[str], list[Problem]]:
    """Each language's counts, the stale translation files and the problems met."""
    default, rows, stale, problems = codes[0], {code: Row(code) for code in codes[1:]}, [], []
    for french in sorted(docs_dir.rglob(f"*.{default}.md")):
        src_uri = french.relative_to(docs_dir).as_posix()
        version = french_version(docs_dir, src_uri)
        for code, row in rows.items():
            path = french.with_name(french.name.removesuffix(f".{default}.md") + f".{code}.md")
            label = "docs/" + path.relative_to(docs_dir).as_posix()
            text = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
            if holds_nothing(text):
                row.missing += 1
                continue
            meta, _, found = split(text, label)
            translation, invalid = parse_translation(meta, label)
            problems += found + invalid
            state = status(translation, version)
            row.stale += state.stale
            row.unreviewed_machine += state.unreviewed_machine
            row.unrecorded += not state.recorded
            row.up_to_date += state.recorded and not state.stale
            if state.stale:
                stale.append(label)
    return list(rows.values()), stale, problems


COLUMNS = (("language", "code"), ("up to date", "up_to_date"), ("stale", "stale"),
           ("machine-assisted, not reviewed", "unreviewed_machine"), ("missing", "missing"), ("no source recorded", "unrecorded"))


def report_lines(rows: list[Row], stale: list[str]) -> list[str]:
    """The table of `make translations`, then the stale files."""
    table = [[title for title, _ in COLUMNS]] + [[str(getattr(row, name)) for _, name in COLUMNS] for row in rows]
    widths = [max(len(line[column]) for line in table) for column in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in table]
    lines.insert(1, "  ".join("-" * width for width in widths))
    if stale:
        lines += ["", f"{len(stale)} stale translation{'s' if len(stale) > 1 else ''} (the French page changed since):"]
        lines += [f"  {label}" for label in stale]
    else:
        lines += ["", "No stale translation."]
    return lines
