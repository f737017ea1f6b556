"""Every model of the project, in one place: the typed front matter of the
content collections (data/README.md), the data files, the site settings of
mkdocs.yml (audience measurement) and the redirects; and the translation of
validation errors into words an editor can act on."""

from __future__ import annotations

import datetime
import difflib
import re
from typing import Annotated, ClassVar, Literal

from pydantic import (
    AfterValidator, BaseModel, ConfigDict, Field, PositiveInt, ValidationError, ValidationInfo, field_validator, model_validator,
)

from provence.errors import Problem

# Something that a browser would read as a tag: `<script>`, `</b>`, `<img ...>`, `<!--`.
HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>?")
URL = re.compile(r"^https?://[^\s<>\"']+$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# --- Field types


def _plain_text(value: str) -> str:
    tag = HTML_TAG.search(value)
    if tag:
        raise ValueError(f"contains HTML ({tag.group(0)!r}); write plain text: text fields are shown exactly as typed, never as HTML")
    if not value.strip():
        raise ValueError("is empty; write a text")
    return value


def _url(value: str) -> str:
    if not URL.match(value):
        raise ValueError(f"{value!r} is not a web address; expected an address starting with https:// or http://")
    return value


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(f"{value!r} is not an id; expected lowercase letters, digits and hyphens (e.g. 'vieux-port')")
    return value


Text = Annotated[str, AfterValidator(_plain_text)]
Url = Annotated[str, AfterValidator(_url)]
Id = Annotated[str, AfterValidator(_slug)]
Year = Annotated[int, Field(ge=1800, le=2100)]


class Strict(BaseModel):
    """A front matter or data entry: an unknown field (a typo) is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Territory(Strict):
    """data/territory.yml: the bounding box that every place's coordinates must fall in."""

    name: Text
    lat: tuple[float, float]
    lon: tuple[float, float]

    def contains(self, lat: float, lon: float) -> bool:
        """True when the point is inside the box on both axes."""
        (south, north), (west, east) = self.lat, self.lon
        return south <= lat <= north and west <= lon <= east


class Coordinates(Strict):
    """A point inside the territory, in decimal degrees (WGS 84).

    The territory comes from the validation context (``{"territory": Territory}``).
    """

    lat: float
    lon: float

    @model_validator(mode="after")
    def _inside_territory(self, info: ValidationInfo):
        territory = (info.context or {}).get("territory")
        if territory is not None and not territory.contains(self.lat, self.lon):
            (south, north), (west, east) = territory.lat, territory.lon
            raise ValueError(
                f"({self.lat}, {self.lon}) is outside {territory.name} "
                f"(lat {south:.2f}–{north:.2f}, lon {west:.2f}–{east:.2f})"
            )
        return self


class Picture(Strict):
    """An image file next to the content (``src`` relative to the page file) and its text alternative."""

    src: str
    alt: Text


# --- Collections


class FrontMatter(Strict):
    """Front matter keys every page may carry, besides those of its collection."""

    # Keys that each language file may set on its own (not compared with the French file).
    PER_FILE: ClassVar[set[str]] = {"title", "summary", "description", "translation", "hide", "search", "template", "icon", "status"}
    # Text fields: translated in each language file.
    TEXT: ClassVar[set[str]] = set()

    title: Text
    description: Text | None = None
    translation: dict | None = None
    hide: list[str] | None = None
    search: dict | None = None
    template: str | None = None
    icon: str | None = None
    status: str | None = None


class Place(FrontMatter):
    """A totem place: ``docs/lieux/<slug>.<lang>.md``."""

    TEXT: ClassVar[set[str]] = {"image.alt", "access", "accessibility"}

    summary: Text
    commune: str
    coordinates: Coordinates
    route: int = Field(ge=1)
    themes: list[Id] = []
    sectors: list[Id] = []
    image: Picture
    access: Text | None = None
    accessibility: Text | None = None
    website: Url | None = None


class Sector(FrontMatter):
    """An economic sector (filière): ``docs/filieres/<slug>.<lang>.md``."""

    summary: Text
    figures: list[str] = []


class Partner(FrontMatter):
    """A partner: ``docs/partenaires/<slug>.<lang>.md``."""

    TEXT: ClassVar[set[str]] = {"logo.alt"}

    summary: Text
    tier: Id
    sectors: list[Id] = []
    website: Url | None = None
    member_since: Year
    logo: Picture


class Changemaker(FrontMatter):
    """A person or organisation of the network: ``docs/reseau/<slug>.<lang>.md``."""

    TEXT: ClassVar[set[str]] = {"role", "statement"}

    kind: Literal["person", "organisation"]
    role: Text
    sector: Id
    statement: Text
    link: Url


class Event(FrontMatter):
    """A major event: ``docs/agenda/<slug>.<lang>.md``."""

    summary: Text | None = None
    start: datetime.date
    end: datetime.date
    place: Id | None = None
    link: Url | None = None

    @model_validator(mode="after")
    def _ends_after_start(self):
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start}); expected end on or after start")
        return self


# --- Data files

Translations = dict[str, Text]


class Figure(Strict):
    """A key figure of data/figures.yml."""

    id: str
    value: float
    unit: Literal["count", "euros", "percent", "rank", "year"]
    label: Translations
    source: str
    date: datetime.date


class Source(Strict):
    """A source of data/sources.yml."""

    id: str
    title: Text | Translations
    publisher: Text
    url: Url | None = None
    date: datetime.date | None = None


class Tier(Strict):
    """A partner tier of data/tiers.yml."""

    id: str
    order: int
    label: Translations
    description: Translations | None = None


class Theme(Strict):
    """A place theme of data/themes.yml (its id is the theme page's address)."""

    id: Id
    label: Translations


class Funder(Strict):
    """One line of the agency's budget."""

    id: str
    partner: str | None = None
    amount: float = Field(ge=0)
    label: Translations


class Budget(Strict):
    """data/budget.yml: the agency's budget by funder."""

    source: str
    total_label: Translations | None = None
    funders: list[Funder]


ORDINAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def _ordinal_pattern(value: str) -> str:
    if "{n}" not in value:
        raise ValueError(f"{value!r} has no {{n}}; write where the number goes, e.g. '{{n}}e'")
    return value


class Ordinals(Strict):
    """How ranks are written in one language of data/ordinals.yml, by CLDR ordinal category."""

    zero: Annotated[str, AfterValidator(_ordinal_pattern)] | None = None
    one: Annotated[str, AfterValidator(_ordinal_pattern)] | None = None
    two: Annotated[str, AfterValidator(_ordinal_pattern)] | None = None
    few: Annotated[str, AfterValidator(_ordinal_pattern)] | None = None
    many: Annotated[str, AfterValidator(_ordinal_pattern)] | None = None
    other: Annotated[str, AfterValidator(_ordinal_pattern)]


# --- Site settings (mkdocs.yml)


class Matomo(Strict):
    """``extra.analytics`` for self-hosted Matomo: only a path of this site, never another origin."""

    provider: Literal["matomo"]
    url: str
    site_id: PositiveInt

    @field_validator("url")
    @classmethod
    def _first_party(cls, url: str) -> str:
        if not url.startswith("/") or url.startswith("//") or not url.endswith("/"):
            raise ValueError(f"{url!r} is not a path of this site; expected a path ending with '/', such as /matomo/ (no other origin)")
        return url


# --- Redirects (data/redirects.yml)


class Redirect(Strict):
    """One old address (``from``) answered with 301 towards its new address (``to``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    source: str = Field(alias="from")
    target: str = Field(alias="to")

    @field_validator("source", "target")
    @classmethod
    def _site_path(cls, value: str) -> str:
        if not value.startswith("/") or value.startswith("//") or any(c in value for c in " \t\n;{}'\"#?"):
            raise ValueError(f"{value!r} is not a site path; expected a path starting with '/', without spaces, quotes, '#' or '?'")
        return value

    @property
    def sources(self) -> list[str]:
        """The paths that redirect: an old folder answers with and without its slash."""
        if self.source.endswith("/") and self.source != "/":
            return [self.source.rstrip("/"), self.source]
        return [self.source]


# --- Validation helpers


# --- The RGAA audit grid (data/rgaa.yml)

CRITERION_ID = re.compile(r"^(1[0-3]|[1-9])\.(1[0-9]|[1-9])$")
RgaaStatus = Literal["tool", "person", "not_applicable"]


class SamplePage(Strict):
    """A page of the RGAA sample: its address in the default language, or a part of it (the search, the downloads)."""

    id: Id
    path: str
    part: Literal["search", "download", "not-found"] | None = None


class Criterion(Strict):
    """One RGAA criterion and what decides it: automated tests, or a person on some sample pages."""

    id: str
    title: Text
    wcag: list[str]
    status: RgaaStatus
    tests: list[str] = []
    pages: list[str] = []
    partly: list[Id] = []

    @field_validator("id")
    @classmethod
    def _criterion_number(cls, value: str) -> str:
        if not CRITERION_ID.match(value):
            raise ValueError(f"{value!r} is not an RGAA criterion number; expected topic.number such as '8.3'")
        return value

    @model_validator(mode="after")
    def _evidence(self):
        if self.status == "person" and (self.tests or not self.pages):
            raise ValueError(f"criterion {self.id}: a person's check names its sample `pages` (no `tests`; what a tool covers goes in `partly`)")
        if self.status != "person" and (not self.tests or self.pages or self.partly):
            raise ValueError(f"criterion {self.id}: status {self.status} names the `tests` that decide it (and no `pages`)")
        return self

    @property
    def topic(self) -> int:
        """The number of its topic (1 Images ... 13 Consultation)."""
        return int(self.id.split(".")[0])


class AuditGrid(Strict):
    """data/rgaa.yml: the RGAA criteria, the sample of pages, the day it was filled in."""

    version: str
    evaluated: datetime.date
    sample: list[SamplePage]
    criteria: list[Criterion]

    @model_validator(mode="after")
    def _references(self):
        ids = [page.id for page in self.sample]
        unknown = sorted({page for criterion in self.criteria for page in criterion.pages if page != "all" and page not in ids})
        if unknown:
            raise ValueError(f"pages {', '.join(unknown)} are not in `sample`; expected ids of the sample or 'all'")
        return self


def validate(model: type[BaseModel], raw, file: str, prefix: tuple = (), context: dict | None = None) -> tuple[BaseModel | None, list[Problem]]:
    """A model from raw YAML data, or the problems found, described for an editor.

    ``prefix``: where the data sits in its file (``("extra", "analytics")``);
    ``context``: what validators need from other files (``{"territory": ...}``).
    """
    try:
        return model.model_validate(raw, context=context), []
    except ValidationError as error:
        return None, problems_from_error(error, model, file, prefix)


def problems_from_error(error: ValidationError, model: type[BaseModel], file: str, prefix: tuple = ()) -> list[Problem]:
    """One Problem per pydantic error: file, dotted field, value and what was expected."""
    return [Problem(file, field_name(prefix + tuple(detail["loc"])), describe(detail, model)) for detail in error.errors()]


def field_name(loc: tuple) -> str:
    """``('coordinates', 'lat')`` -> ``coordinates.lat``; list positions as ``[0]``."""
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def describe(detail: dict, model: type[BaseModel]) -> str:
    """A pydantic error detail in plain words."""
    kind, value = detail["type"], detail.get("input")
    if kind == "missing":
        return "required field is missing; add it"
    if kind == "extra_forbidden":
        return f"unknown field (value {value!r}){_did_you_mean(detail['loc'], model)}"
    if kind == "value_error":
        return detail["msg"].removeprefix("Value error, ")
    if kind == "literal_error":
        return f"{value!r} is not allowed; expected {detail['ctx']['expected']}"
    return f"{value!r} is not valid: {detail['msg'].lower()}"


def _did_you_mean(loc: tuple, model: type[BaseModel]) -> str:
    names = list(_fields_at(model, loc[:-1]))
    close = difflib.get_close_matches(str(loc[-1]), names, n=1)
    hint = f"; did you mean `{close[0]}`?" if close else ""
    return f"{hint} Expected one of: {', '.join(names)}" if names else hint


def _fields_at(model, loc):
    for part in loc:
        annotation = model.model_fields.get(part).annotation if part in model.model_fields else None
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return []
        model = annotation
    # The names an editor writes: a field's alias (`from:`) when it has one.
    return [field.alias or name for name, field in model.model_fields.items()]


def text_paths(model: type[FrontMatter]) -> set[str]:
    """Dotted paths of the fields a translation may set: text and per-file keys."""
    return model.PER_FILE | model.TEXT
