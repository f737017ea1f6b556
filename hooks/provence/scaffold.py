"""`make new place=<slug>`: the French file of a new item, written from its
model: every required field holds the placeholder, with a comment saying what
to write; optional fields are there as comments. A file that still holds the
placeholder stops the build (catalog.placeholder_problems), so nothing
half-written is published."""

from __future__ import annotations

import datetime
import typing
from pathlib import Path

from pydantic import BaseModel

from provence import models
from provence.catalog import COLLECTIONS, REFERENCE_SOURCES

# Keys every page may carry that are not an item's content (written by commands or by developers).
SKIPPED = {"translation", "hide", "search", "template", "icon", "status"}
BODY = f"{models.PLACEHOLDER}: the text of the page (Markdown).\n"


def collection_named(name: str) -> str | None:
    """The collection a command-line name means: 'place' or 'places' -> 'places'."""
    for kind in COLLECTIONS:
        if name in (kind, kind.removesuffix("s")):
            return kind
    return None


def new_item_text(kind: str, choices: dict[str, list[str]]) -> str:
    """The French file of a new item of a collection.

    ``choices``: collection or data file -> the ids that exist now, shown in the comments.
    """
    folder, model = COLLECTIONS[kind]
    lines = [
        "---",
        f"# A new item of docs/{folder}/. Replace every {models.PLACEHOLDER} below; the build names",
        "# each one left. Optional fields are commented out: remove the '# ' to use one.",
        "# Translations (<slug>.en.md ...) repeat only the fields marked 'translated'.",
    ]
    lines += field_lines(model, choices, models.text_paths(model))
    lines += ["---", "", BODY]
    return "\n".join(lines)


def field_lines(model: type[BaseModel], choices: dict[str, list[str]], translated: set[str], prefix: str = "") -> list[str]:
    """The lines of a model's fields: required ones to fill in, optional ones commented out.

    ``translated``: the dotted paths a translation repeats; ``prefix``: where the model sits ('image.').
    """
    lines, indent = [], "  " * prefix.count(".")
    for name, field in model.model_fields.items():
        if name in SKIPPED or not field.description:
            continue
        path = prefix + name
        comment = describe_field(field, path in translated, models.references(model).get(name), choices)
        nested = _nested_model(field.annotation)
        if not field.is_required():
            lines.append(f"{indent}# {name}: {_example(field.annotation)}   # optional: {comment}")
            continue
        lines.append(f"{indent}# {comment}")
        if nested:
            lines.append(f"{indent}{name}:")
            lines += field_lines(nested, choices, translated, path + ".")
        else:
            lines.append(f"{indent}{name}: {models.PLACEHOLDER}")
    return lines


def describe_field(field, translated: bool, target: str | None, choices: dict[str, list[str]]) -> str:
    """The comment above a field: what to write, and the values it accepts."""
    comment = field.description
    if target:
        known = choices.get(target) or []
        comment += f"; one of: {', '.join(known)}" if known else f"; none yet in {REFERENCE_SOURCES[target]}"
    literals = typing.get_args(field.annotation) if typing.get_origin(field.annotation) is typing.Literal else ()
    if literals:
        comment += f"; one of: {', '.join(literals)}"
    return comment + (" (translated)" if translated else "")


def _nested_model(annotation):
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _example(annotation) -> str:
    origin = typing.get_origin(annotation)
    if origin is list:
        return "[]"
    if datetime.date in typing.get_args(annotation) or annotation is datetime.date:
        return "YYYY-MM-DD"
    return "..."


def write_new_item(docs_dir: Path, kind: str, slug: str, choices: dict[str, list[str]]) -> Path:
    """Write ``docs/<folder>/<slug>.fr.md``; an existing file is never overwritten."""
    path = docs_dir / COLLECTIONS[kind][0] / f"{slug}.fr.md"
    if path.exists():
        raise FileExistsError(f"docs/{path.relative_to(docs_dir).as_posix()} already exists; choose another slug or edit that file")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new_item_text(kind, choices), encoding="utf-8")
    return path
