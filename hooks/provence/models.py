"""Every model of the project, in one place: the typed front matter of the
content collections (data/README.md), the data files, the site settings of
mkdocs.yml (audience measurement) and the redirects; and the translation of
validation errors into words an editor can act on."""

from __future__ import annotations

import datetime
import difflib
import re
import typing
from typing import Annotated, ClassVar, Literal

from pydantic import (
    AfterValidator, BaseModel, ConfigDict, Field, PositiveInt, ValidationError, ValidationInfo, field_validator, model_validator,
)

from provence.errors import Problem

# Something that a browser would read as markup: `<script>`, `</b>`, `<img ...>`, `<!--`,
# `<?`. A `<` before a space or a digit (`a < b > c`, `<3`) is text to a browser too.
# The start alone is also the web editor's pattern (provence/cms.py).
HTML_TAG_START = r"<(?:/?[A-Za-z]|[!?])"
HTML_TAG = re.compile(HTML_TAG_START + r"[^>]*>?")
URL = re.compile(r"^https?://[^\s<>\"']+$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# What `make translated` and `make reviewed` write in `translation.source`: the
# start of the SHA-256 of the French text (provence/translations.py).
SOURCE_HASH = re.compile(r"^[0-9a-f]{12}$")
# The value `make new` writes in every field an editor must fill in.
PLACEHOLDER = "À REMPLIR"

# What the build says about a broken rule, without the value: the web editor
# shows the same words next to the field (provence/cms.py).
MISSING = "required field is missing; add it"
PLAIN_TEXT = "write plain text: text fields are shown exactly as typed, never as HTML"
NOT_A_URL = "is not a web address; expected an address starting with https:// or http://"
NOT_AN_ID = "is not an id; expected lowercase letters, digits and hyphens (e.g. 'vieux-port')"

# --- Field types


def _plain_text(value: str) -> str:
    tag = HTML_TAG.search(value)
    if tag:
        raise ValueError(f"contains HTML ({tag.group(0)!r}); {PLAIN_TEXT}")
    if not value.strip():
        raise ValueError("is empty; write a text")
    return value


def _url(value: str) -> str:
    if not URL.match(value):
        raise ValueError(f"{value!r} {NOT_A_URL}")
    return value


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(f"{value!r} {NOT_AN_ID}")
    return value


def _source_hash(value: str) -> str:
    if not SOURCE_HASH.match(value):
        raise ValueError(f"{value!r} is not a source version; let `make translated` or `make reviewed` write it")
    return value


def refers_to(collection: str, **field_options):
    """A field whose values are the ids of another collection or data file
    (``"sectors"``, ``"tiers"``...): the build checks that they exist, and the
    web editor offers them as its only choices."""
    return Field(json_schema_extra={"references": collection}, **field_options)


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

    lat: float = Field(description="latitude, e.g. 43.2951")
    lon: float = Field(description="longitude, e.g. 5.3740")

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

    src: str = Field(description="the image file, relative to this page: ../assets/...")
    alt: Text = Field(description="what the image shows, for readers who cannot see it")


# --- Collections


class Translation(Strict):
    """``translation:`` in a translation's front matter: how it was made, and
    from which version of the French text (like MDN's ``l10n.sourceCommit``)."""

    machine_assisted: bool = Field(False, description="true when the text was translated with the help of AI")
    reviewed: bool = Field(False, description="true once a person has checked the translation against the French text")
    reviewed_on: datetime.date | None = Field(None, description="the day of that review")
    source: Annotated[str, AfterValidator(_source_hash)] | None = Field(None, description="the version of the French text this translation was made from")


class FrontMatter(Strict):
    """Front matter keys every page may carry, besides those of its collection."""

    # Keys that each language file may set on its own (not compared with the French file).
    PER_FILE: ClassVar[set[str]] = {"title", "summary", "description", "translation", "hide", "search", "template", "icon", "status"}
    # Text fields: translated in each language file.
    TEXT: ClassVar[set[str]] = set()
    # Keys that say how a page is laid out or made, not what it says: a change
    # to them does not make its translations out of date.
    LAYOUT: ClassVar[set[str]] = {"translation", "hide", "search", "template", "icon", "status", "listing"}

    title: Text = Field(description="the name shown as the page's title and on its card")
    description: Text | None = Field(None, description="one sentence for search engines and link previews")
    translation: Translation | None = None
    hide: list[str] | None = None
    search: dict | None = None
    template: str | None = None
    icon: str | None = None
    status: str | None = None


class Place(FrontMatter):
    """A totem place: ``docs/lieux/<slug>.<lang>.md``."""

    TEXT: ClassVar[set[str]] = {"image.alt", "access", "accessibility"}

    summary: Text = Field(description="one sentence shown on the place's card")
    commune: str = Field(description="the commune of the metropolis where the place is, as written in French")
    coordinates: Coordinates = Field(description="the place's position in decimal degrees (lat, lon), inside the metropolis")
    route: int = Field(ge=1, description="the place's position on the route of totem places: 1, 2, 3 ... each used once")
    themes: list[Id] = refers_to("themes", default=[], description="themes of the place (ids of data/themes.yml)")
    sectors: list[Id] = refers_to("sectors", default=[], description="economic sectors of the place (files of docs/filieres/)")
    image: Picture = Field(description="an illustration next to the content (src, relative to this file) and its text alternative (alt)")
    access: Text | None = Field(None, description="how to get there")
    accessibility: Text | None = Field(None, description="accessibility for disabled visitors")
    website: Url | None = Field(None, description="the place's own website, https://...")


class Sector(FrontMatter):
    """An economic sector (filière): ``docs/filieres/<slug>.<lang>.md``."""

    summary: Text = Field(description="one sentence shown on the sector's card")
    figures: list[str] = refers_to("figures", default=[], description="key figures shown on the sector's page (ids of data/figures.yml)")


class Partner(FrontMatter):
    """A partner: ``docs/partenaires/<slug>.<lang>.md``."""

    TEXT: ClassVar[set[str]] = {"logo.alt"}

    summary: Text = Field(description="one sentence shown on the partner's card")
    tier: Id = refers_to("tiers", description="the partner's circle (an id of data/tiers.yml)")
    sectors: list[Id] = refers_to("sectors", default=[], description="economic sectors of the partner (files of docs/filieres/)")
    website: Url | None = Field(None, description="the partner's website, https://...")
    # No source gives the year a partner joined: left out, the details box shows the gap.
    member_since: Year | None = Field(None, description="the year the partner joined One Provence (leave it out while no source gives it)")
    logo: Picture = Field(description="the logo file next to the content (src, relative to this file) and its text alternative (alt)")


class Changemaker(FrontMatter):
    """A person or organisation of the network: ``docs/reseau/<slug>.<lang>.md``."""

    TEXT: ClassVar[set[str]] = {"role", "statement"}

    kind: Literal["person", "organisation"] = Field(description="person or organisation")
    role: Text = Field(description="what the person or organisation does, in a few words")
    sector: Id = refers_to("sectors", description="the economic sector (a file of docs/filieres/)")
    statement: Text = Field(description="their sentence about the territory")
    link: Url = Field(description="a page about them, https://...")


class Event(FrontMatter):
    """A major event: ``docs/agenda/<slug>.<lang>.md``."""

    summary: Text | None = Field(None, description="one sentence shown in the agenda")
    start: datetime.date = Field(description="first day, YYYY-MM-DD")
    end: datetime.date = Field(description="last day, YYYY-MM-DD (the same as start for a one-day event)")
    place: Id | None = refers_to("places", default=None, description="the totem place where it happens (a file of docs/lieux/)")
    link: Url | None = Field(None, description="the event's page, https://...")

    @model_validator(mode="after")
    def _ends_after_start(self):
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start}); expected end on or after start")
        return self


class News(FrontMatter):
    """A news post: ``docs/actualites/<slug>.<lang>.md``, dated with the date of its facts."""

    TEXT: ClassVar[set[str]] = {"image.alt"}

    summary: Text = Field(description="one or two sentences shown on the post's card and in the feeds")
    date: datetime.date = Field(description="the date of the facts the post reports, YYYY-MM-DD")
    image: Picture = Field(description="an image file next to the content (src, relative to this file) and its text alternative (alt)")
    sectors: list[Id] = refers_to("sectors", default=[], description="the economic sectors the post concerns (files of docs/filieres/)")
    places: list[Id] = refers_to("places", default=[], description="the totem places the post concerns (files of docs/lieux/)")


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
    # The source gives an order of magnitude ("près de 1,5 million"): the value reads "about ...".
    approximate: bool = False


class Source(Strict):
    """A source of data/sources.yml; what it does not say about itself is left out, never guessed."""

    id: str
    title: Text | Translations
    publisher: Text | None = None
    url: Url | None = None
    date: datetime.date | None = None


class Commune(Strict):
    """A commune of data/communes.yml: its French name (``id``, as the places write it) and its name in every language."""

    id: Text
    name: Translations


class Tier(Strict):
    """A partner tier of data/tiers.yml."""

    id: str
    order: int
    label: Translations
    description: Translations | None = None
    # True when the tier's partners are members of the agency (they join it):
    # the structured data names them as its members (hooks/structured_data.py).
    members: bool = False


class Theme(Strict):
    """A place theme of data/themes.yml (its id is the theme page's address)."""

    id: Id
    label: Translations


class Funder(Strict):
    """One line of the agency's budget."""

    id: str
    partner: str | None = None
    # A line that the partners of a whole tier pay ("350 000 euros des partenaires stratégiques").
    tier: str | None = None
    amount: float = Field(ge=0)
    label: Translations


class Budget(Strict):
    """data/budget.yml: the agency's budget by funder."""

    source: str
    # The total as the source announces it: a figure of data/figures.yml (its value and wording, once).
    total: str | None = None
    funders: list[Funder]


class DetailedMap(Strict):
    """``extra.map.detailed`` of mkdocs.yml: the tiles loaded once the reader asks for the detailed map."""

    provider: Text = Field(description="who serves the tiles, as the notice before the button names it")
    origin: Url = Field(description="the scheme and host of the tiles, the one image origin the site's policy adds")
    tiles: Url = Field(description="the tile address, with {z}, {x} and {y}")
    attribution: Text
    max_zoom: int = Field(ge=14, le=20)

    @model_validator(mode="after")
    def _tiles_from_origin(self):
        if self.origin.rstrip("/").count("/") != 2:
            raise ValueError(f"origin {self.origin!r} is not an origin; expected only a scheme and a host, e.g. https://data.geopf.fr")
        if not self.tiles.startswith(self.origin.rstrip("/") + "/"):
            raise ValueError(f"tiles {self.tiles!r} do not come from origin {self.origin!r}; expected an address starting with it")
        missing = [part for part in ("{z}", "{x}", "{y}") if part not in self.tiles]
        if missing:
            raise ValueError(f"tiles {self.tiles!r} lack {', '.join(missing)}; expected the tile's zoom, column and row")
        return self


class MapSettings(Strict):
    """``extra.map`` of mkdocs.yml: the route map's detailed tiles (hooks/route_map.py, hooks/cdn.py)."""

    detailed: DetailedMap


class HomeShowcase(Strict):
    """data/home.yml: what the home page shows after its hero."""

    figures: list[str] = refers_to("figures", min_length=4, max_length=4, description="the four key figures of the band (ids of data/figures.yml)")
    events: int = Field(3, ge=1, le=6, description="how many upcoming events the home page shows")

    @field_validator("figures")
    @classmethod
    def _each_figure_once(cls, figures: list[str]) -> list[str]:
        repeated = sorted({figure for figure in figures if figures.count(figure) > 1})
        if repeated:
            raise ValueError(f"{', '.join(repeated)} listed twice; expected four different figures")
        return figures


class QuestionKind(Strict):
    """One kind of question of data/assistant.yml: the words that ask for it, in each language."""

    # Figures come from data/figures.yml; the other kinds from the items of `collections`.
    id: Literal["figure", "place", "date", "who"]
    collections: list[str] = []
    # Words or phrases that ask for this kind ("combien", "how many"); "^" before a
    # word: only as the question's first word (Arabic من is "who" there, "from" elsewhere).
    words: dict[str, list[Text]]
    # Nouns that ask for this kind after a "which" word ("quelle année", "which city").
    nouns: dict[str, list[Text]] = {}


class AssistantWords(Strict):
    """data/assistant.yml: how the question box understands a question, per language."""

    # The site path where a place's answer card sends the reader to see it among the others.
    map: str
    # "Which" words: quel, which, welche...
    which: dict[str, list[Text]]
    # Words of a question that say nothing about its subject ("est-ce que", "please").
    ignore: dict[str, list[Text]] = {}
    kinds: list[QuestionKind]
    # Words that ask for a figure of one unit of data/figures.yml ("coûte": euros): a question
    # with one of them is answered by a figure of that unit, or not at all.
    units: dict[Literal["count", "euros", "percent", "rank", "year"], dict[str, list[Text]]] = {}
    # Groups of words of general vocabulary that mean the same here (a reader's word, the site's word).
    synonyms: dict[str, list[list[Text]]] = {}


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


def amount_pattern(value) -> str:
    """A pattern of data/amounts.yml: an amount in words and its currency's name."""
    if not isinstance(value, str) or "{amount}" not in value or "{currency}" not in value:
        raise ValueError(f"{value!r} needs {{amount}} and {{currency}}; write where each goes, e.g. '{{amount}} de {{currency}}'")
    return value


class OpenData(Strict):
    """``open_data:`` in data/agency.yml: what the open data files are published under."""

    # No page states a licence yet: left out (null) until the agency chooses one (data/gaps.yml).
    license: Url | None = None


class Agency(Strict):
    """data/agency.yml: the facts about One Provence that its pages do not hold as fields."""

    # The partner that created the agency and steers it (launch article: "pilotée par la Métropole").
    parent: Id
    open_data: OpenData = OpenData()


class Gap(Strict):
    """An entry of data/gaps.yml: a fact the agency still has to supply."""

    file: Text
    missing: Text
    # The legal requirement behind the fact: a release build stops while it is missing.
    law: Text | None = None
    # False: the file carries no marker (a status the site does not state, a field left out).
    marked: bool = True


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


class GitHost(Strict):
    """``extra.admin.backend``: the git host the web editor saves to (README, "The web editor")."""

    name: Literal["github", "gitlab", "gitea"]
    repo: str = Field(pattern=r"^[\w.-]+/[\w./-]+$")
    branch: str = "main"
    # The OAuth server that signs editors in (GitHub: a Netlify site or a self-hosted provider).
    base_url: Url | None = None
    auth_endpoint: str | None = None
    # The host's API, for GitLab or Gitea installed by the agency itself.
    api_root: Url | None = None
    app_id: str | None = None
    auth_type: Literal["pkce", "implicit"] | None = None

    # Where the editor's browser calls the host's API, when api_root does not say.
    API_ROOTS: ClassVar[dict[str, str]] = {"github": "https://api.github.com", "gitlab": "https://gitlab.com/api/v4"}

    @model_validator(mode="after")
    def _gitea_has_its_api(self):
        if self.name == "gitea" and self.api_root is None:
            raise ValueError("gitea needs `api_root`, the address of its API (https://git.example.org/api/v1)")
        return self


class Admin(Strict):
    """``extra.admin``: the web editor served at /admin/ (hooks/admin.py)."""

    backend: GitHost | None = None
    # The port of the local git backend (`make admin` runs decap-server there).
    local_port: int = Field(8081, ge=1024, le=65535)


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
        return MISSING
    if kind == "extra_forbidden":
        return f"unknown field (value {value!r}){_did_you_mean(detail['loc'], model)}"
    if kind == "value_error":
        return detail["msg"].removeprefix("Value error, ")
    if kind.startswith(("date_", "datetime_")):
        return f"{value!r} is not a date; expected a date written YYYY-MM-DD, e.g. 2023-10-17"
    if kind == "literal_error":
        return f"{value!r} is not allowed; expected {detail['ctx']['expected']}"
    if kind == "model_type":
        # Not "an instance of Figure": the editor wrote a value where fields were expected.
        shape = _shape(model, detail["loc"]) or "fields written as `name: value`"
        return f"expected {shape}, got {value!r}"
    return f"{value!r} is not valid: {detail['msg'].lower()}"


def _shape(model: type[BaseModel], loc: tuple) -> str:
    """How a mapping is written: `machine_assisted: true|false`, `reviewed_on: YYYY-MM-DD`..."""
    target = _model_at(model, loc)
    if target is None:
        return ""
    examples = {bool: "true|false", datetime.date: "YYYY-MM-DD"}
    parts = []
    for name, field in target.model_fields.items():
        kinds = typing.get_args(field.annotation) or (field.annotation,)
        example = next((examples[kind] for kind in kinds if kind in examples), "…")
        parts.append(f"`{field.alias or name}: {example}`")
    return ", ".join(parts)


def _did_you_mean(loc: tuple, model: type[BaseModel]) -> str:
    names = list(_fields_at(model, loc[:-1]))
    close = difflib.get_close_matches(str(loc[-1]), names, n=1)
    hint = f"; did you mean `{close[0]}`?" if close else ""
    return f"{hint} Expected one of: {', '.join(names)}" if names else hint


def _fields_at(model, loc):
    model = _model_at(model, loc)
    # The names an editor writes: a field's alias (`from:`) when it has one.
    return [field.alias or name for name, field in model.model_fields.items()] if model else []


def _model_at(model, loc):
    """The model of the mapping at ``loc`` (``("translation",)``), or None."""
    for part in loc:
        annotation = model.model_fields.get(part).annotation if part in model.model_fields else None
        # An optional mapping (`translation: Translation | None`): the mapping's fields.
        annotation = next((arg for arg in typing.get_args(annotation) if isinstance(arg, type) and issubclass(arg, BaseModel)), annotation)
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return None
        model = annotation
    return model


def text_paths(model: type[FrontMatter]) -> set[str]:
    """Dotted paths of the fields a translation may set: text and per-file keys."""
    return model.PER_FILE | model.TEXT


def translated_paths(model: type[FrontMatter]) -> set[str]:
    """Dotted paths of the fields whose French text a translation translates."""
    return text_paths(model) - model.LAYOUT


def references(model: type[BaseModel]) -> dict[str, str]:
    """Field name -> the collection or data file its values are ids of."""
    found = {}
    for name, field in model.model_fields.items():
        extra = field.json_schema_extra
        if isinstance(extra, dict) and "references" in extra:
            found[name] = extra["references"]
    return found
