"""The web editor's configuration (Decap CMS ``config.yml``), generated from
the project's own definitions at each build: one collection per content
collection of the catalog, its fields from the collection's pydantic model
(widget, required flag, allowed values, patterns with the build's words, text
or not per language), the choices from the data files and the docs folders;
and one collection of the other pages. The editor and the build's
validation cannot disagree: both read the same models."""

from __future__ import annotations

import datetime
import types
import typing
from pathlib import Path

from pydantic import BaseModel

from provence import models
from provence.catalog import COLLECTIONS, FOLDERS

# Where each collection's image files go (data/README.md, "Images").
PICTURE_FOLDERS = {"places": "assets/illustrations", "partners": "assets/logos"}
# Keys of the front matter that commands and developers write, not editors.
NOT_EDITED = {"translation", "hide", "search", "template", "icon", "status"}
# A text field may not hold anything a browser would read as a tag (models._plain_text).
PLAIN_TEXT_PATTERN = f"^(?![\\s\\S]*{models.HTML_TAG_START})[\\s\\S]*$"


def config(languages: list[str], choices: dict[str, list[tuple[str, str]]], page_folders: list[str],
           backend: dict, local_port: int) -> dict:
    """The whole configuration.

    ``languages``: codes, the default first; ``choices``: collection or data
    file -> (id, French label) of what a reference may name; ``page_folders``:
    the docs folders of the pages outside the collections ('' for the home page's);
    ``backend``: the git host's settings (README, "The web editor");
    ``local_port``: the port of the local git backend (decap-server).
    """
    return {
        "backend": backend,
        # Used only when the editor is opened from this machine (localhost).
        "local_backend": {"url": f"http://localhost:{local_port}/api/v1"},
        "locale": languages[0],
        "media_folder": "docs/assets",
        "public_folder": "/assets",
        "i18n": {"structure": "multiple_files", "locales": languages, "default_locale": languages[0]},
        "collections": [collection(kind, choices) for kind in COLLECTIONS] + [pages_collection(folder) for folder in page_folders],
    }


def collection(kind: str, choices: dict) -> dict:
    """A folder collection: one Markdown file per item and language, its fields from its model."""
    folder, model = COLLECTIONS[kind]
    entry = {
        "name": kind,
        "label": f"{kind} (docs/{folder}/)",
        "folder": f"docs/{folder}",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "i18n": True,
        "identifier_field": "title",
        "slug": "{{slug}}",
        "summary": "{{title}}",
        "fields": model_fields(model, choices, models.text_paths(model)) + [body_field()],
    }
    if kind in PICTURE_FOLDERS:
        entry["media_folder"] = f"../{PICTURE_FOLDERS[kind]}"
        entry["public_folder"] = f"../{PICTURE_FOLDERS[kind]}"
    return entry


def pages_collection(folder: str) -> dict:
    """The written pages of a docs folder outside the collections (home, territory, agency...).

    Decap CMS keeps a collection of named files to one file for all languages,
    so each folder is a folder collection, like the items'.
    """
    return {
        "name": f"pages-{folder or 'home'}",
        "label": f"pages (docs/{folder + '/' if folder else ''})",
        "folder": f"docs/{folder}".rstrip("/"),
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "i18n": True,
        "identifier_field": "title",
        "slug": "{{slug}}",
        "summary": "{{title}}",
        "fields": model_fields(models.FrontMatter, {}, models.FrontMatter.PER_FILE) + [body_field()],
    }


def body_field() -> dict:
    """The page's Markdown text, translated in each language."""
    return {"name": "body", "label": "body", "widget": "markdown", "required": False, "i18n": True,
            "hint": "the text of the page (Markdown)"}


def model_fields(model: type[BaseModel], choices: dict, translated: set[str], prefix: str = "") -> list[dict]:
    """The editor's fields of a model, in the model's order."""
    fields = []
    references = models.references(model)
    for name, info in model.model_fields.items():
        if name in NOT_EDITED:
            continue
        path = prefix + name
        # Labelled as the build names the field, so that the editor's messages read like the build's.
        field = {"name": name, "label": path, "required": info.is_required(), "hint": info.description or ""}
        nested = info.annotation if isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel) else None
        if nested:
            field |= {"widget": "object", "fields": model_fields(nested, choices, translated, path + ".")}
        else:
            field |= widget(model, path, info, references.get(name), choices)
        field["i18n"] = _i18n(path, translated, nested)
        if field["i18n"] is True and not nested:
            # Decap requires a required field in every language; a translation may leave a
            # text out (the French one is shown): admin.js requires it in French only.
            if field["required"]:
                field["hint"] += " (required in French; a translation may leave it out)"
            field["required"] = False
        if not info.is_required() and "default" not in field and _is_list(info.annotation):
            field["default"] = []
        fields.append(field)
    return fields


def widget(model, name: str, info, target: str | None, choices: dict) -> dict:
    """Widget, allowed values and pattern of one field, from its type."""
    annotation = _without_none(info.annotation)
    if target:
        options = [{"label": f"{label} ({value})", "value": value} for value, label in choices.get(target, [])]
        return {"widget": "select", "options": options, "multiple": _is_list(annotation)}
    if typing.get_origin(annotation) is typing.Literal:
        return {"widget": "select", "options": list(typing.get_args(annotation))}
    if name.endswith("src") and model is models.Picture:
        return {"widget": "image", "choose_url": False}
    if annotation is datetime.date:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    if annotation in (int, float) or _base(annotation) in (int, float):
        return number_widget(info, int if int in (annotation, _base(annotation)) else float)
    if _is_list(annotation):
        return {"widget": "list"}
    return string_widget(name, list(info.metadata) + list(getattr(annotation, "__metadata__", ())))


def number_widget(info, kind) -> dict:
    """A number, with the bounds its model sets (``Field(ge=1)``, ``Year``)."""
    field = {"widget": "number", "value_type": "int" if kind is int else "float"}
    for constraint in info.metadata:
        for attribute, key in (("ge", "min"), ("le", "max")):
            if getattr(constraint, attribute, None) is not None:
                field[key] = getattr(constraint, attribute)
    return field


def string_widget(name: str, metadata: list) -> dict:
    """A line of text, with the build's own rule and words when its type has one (``metadata``: its validators)."""
    validators = {getattr(item, "func", None) for item in metadata}
    if models._url in validators:
        return {"widget": "string", "pattern": [models.URL.pattern, f"{name}: {models.NOT_A_URL}"]}
    if models._slug in validators:
        return {"widget": "string", "pattern": [models.SLUG.pattern, f"{name}: {models.NOT_AN_ID}"]}
    if models._plain_text in validators:
        widget_name = "text" if name.split(".")[-1] in ("summary", "statement", "access", "accessibility", "description") else "string"
        return {"widget": widget_name, "pattern": [PLAIN_TEXT_PATTERN, f"{name}: contains HTML; {models.PLAIN_TEXT}"]}
    return {"widget": "string"}


def required_french_text(model: type[BaseModel], translated: set[str], prefix: str = "") -> list[str]:
    """Dotted paths of the required text fields, which the French file must fill in (admin.js checks them)."""
    paths = []
    for name, info in model.model_fields.items():
        if name in NOT_EDITED or not info.is_required():
            continue
        nested = info.annotation if isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel) else None
        if nested:
            paths += required_french_text(nested, translated, prefix + name + ".")
        elif prefix + name in translated:
            paths.append(prefix + name)
    return paths


def required_texts() -> dict[str, list[str]]:
    """Collection -> the text fields its French files must fill in."""
    texts = {kind: required_french_text(model, models.text_paths(model)) for kind, (_, model) in COLLECTIONS.items()}
    return texts | {"pages": required_french_text(models.FrontMatter, models.FrontMatter.PER_FILE)}


def _i18n(path: str, translated: set[str], nested) -> bool | str:
    """Text is written in every language; other fields only in the French file (the build refuses them elsewhere)."""
    if path in translated:
        return True
    if nested and any(other.startswith(path + ".") for other in translated):
        return True
    return False


def _without_none(annotation):
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        return args[0]
    return annotation


def _base(annotation):
    return typing.get_args(annotation)[0] if typing.get_origin(annotation) is typing.Annotated else annotation


def _is_list(annotation) -> bool:
    return typing.get_origin(_without_none(annotation)) is list


# --- What the hook gathers for the configuration


def reference_choices(catalog) -> dict[str, list[tuple[str, str]]]:
    """Collection or data file -> (id, French label) of every entry a field may refer to."""
    default = catalog.default
    choices = {kind: [(slug, item.title) for slug, item in sorted(items.items())] for kind, items in catalog.collections.items()}
    for name in ("tiers", "themes"):
        choices[name] = [(entry.id, entry.label.get(default, entry.id)) for entry in getattr(catalog, name).values()]
    choices["figures"] = [(figure.id, figure.label.get(default, figure.id)) for figure in catalog.figures.values()]
    return choices


def page_folders(docs_dir: Path, default: str) -> list[str]:
    """The docs folders holding French pages outside the collections ('' for the docs folder itself)."""
    folders = set()
    for path in docs_dir.rglob(f"*.{default}.md"):
        folder = path.parent.relative_to(docs_dir).as_posix().removeprefix(".")
        if folder not in FOLDERS and not folder.startswith(tuple(f"{name}/" for name in FOLDERS)):
            folders.add(folder)
    return sorted(folders)


# --- The git host


def backend(settings: models.Admin) -> dict:
    """The editor's ``backend``: the configured git host, else the local git backend only."""
    if settings.backend is None:
        # Until a git host is configured, the editor works only on the editor's own machine (`make admin`).
        return {"name": "proxy", "proxy_url": f"http://localhost:{settings.local_port}/api/v1", "branch": "main"}
    return settings.backend.model_dump(exclude_none=True)


def connect_sources(settings: models.Admin) -> list[str]:
    """The origins the editor's browser talks to: the local git backend and the git host (for the CSP)."""
    sources = [f"http://localhost:{settings.local_port}", f"http://127.0.0.1:{settings.local_port}"]
    host = settings.backend
    if host is not None:
        for url in (host.api_root or models.GitHost.API_ROOTS.get(host.name), host.base_url):
            if url:
                sources.append(_origin(url))
    return sorted(set(sources))


def _origin(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/')[0]}"
