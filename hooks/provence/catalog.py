"""The content collections and data files of one build, read and validated
once: places, sectors, partners, changemakers, events, news posts, and the key
figures, sources, tiers, themes, communes, budget, territory, ordinals and
amounts they refer to."""

from __future__ import annotations

import datetime
import posixpath
from dataclasses import dataclass, field, replace
from pathlib import Path

from provence import models, yamlfile
from provence.errors import Problem
from provence.languages import holds_nothing, language_suffix

# Collection -> (folder under docs/, front matter model). Folder names are the French URLs.
COLLECTIONS = {
    "places": ("lieux", models.Place),
    "sectors": ("filieres", models.Sector),
    "partners": ("partenaires", models.Partner),
    "changemakers": ("reseau", models.Changemaker),
    "events": ("agenda", models.Event),
    "news": ("actualites", models.News),
}
# The generated theme pages of the route live under this folder (hooks/theme_pages.py).
THEME_FOLDER = "lieux/themes"
# The later pages of the news listing: actualites/page/2/ ... (hooks/news.py).
NEWS_PAGES_FOLDER = "actualites/page"
# Item file names kept for folders of generated pages: collection -> (slug, what, address).
RESERVED_SLUGS = {
    "places": ("themes", "the theme pages", "lieux/themes/<theme>/"),
    "news": ("page", "the later pages of the news listing", "actualites/page/<n>/"),
}
# data/<name>.yml -> model of one entry (budget.yml is a single mapping).
DATA_LISTS = {
    "figures": models.Figure, "sources": models.Source, "tiers": models.Tier, "themes": models.Theme, "communes": models.Commune,
}
# The image field of each collection that has one.
PICTURES = {"places": "image", "partners": "logo", "news": "image"}
FOLDERS = {folder: kind for kind, (folder, _) in COLLECTIONS.items()}


@dataclass(frozen=True)
class Item:
    """One item of a collection (a place, a partner...), in one language.

    ``fields`` is its front matter in that language: the French file's, or a
    translation merged over it. Templates read the fields as attributes
    (``place.title``, ``place.commune``).
    """

    # The collection it belongs to ("places"...); not `kind`, a changemaker's field.
    collection: str
    slug: str
    file: str
    fields: models.FrontMatter
    translations: dict = field(default_factory=dict)
    # The language ``fields`` are written in (load_item gives the default one;
    # localized() the language of the translation it picks).
    language: str = ""

    @property
    def path(self) -> str:
        """Language-neutral site path of the item's page: ``lieux/vieux-port/``."""
        return f"{COLLECTIONS[self.collection][0]}/{self.slug}/"

    def localized(self, code: str) -> "Item":
        """The item as readers of a language see it (the French text where it is not translated)."""
        if code not in self.translations:
            return self
        return replace(self, fields=self.translations[code], language=code)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.fields, name)


@dataclass
class Catalog:
    """Everything the collection hooks know about the site's content."""

    collections: dict = field(default_factory=lambda: {kind: {} for kind in COLLECTIONS})
    figures: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)
    tiers: dict = field(default_factory=dict)
    themes: dict = field(default_factory=dict)
    # French name -> the commune's names in every language (data/communes.yml).
    communes: dict = field(default_factory=dict)
    budget: models.Budget | None = None
    territory: models.Territory | None = None
    # Language code -> how ranks are written (data/ordinals.yml).
    ordinals: dict = field(default_factory=dict)
    # Language code -> how an amount in words joins its currency's name (data/amounts.yml).
    amounts: dict = field(default_factory=dict)
    # The default language, in which every item starts.
    default: str = "fr"
    # Slugs and ids of entries that exist but failed validation: citing them is
    # not a second problem.
    invalid: set = field(default_factory=set)
    # Data files that could not be read (invalid YAML): what they hold is unknown,
    # so a reference to them is not a second problem either.
    unreadable: set = field(default_factory=set)
    # Folder -> listing of its French index page, which its translations inherit.
    listings: dict = field(default_factory=dict)

    def items(self, kind: str, code: str) -> list[Item]:
        """A collection in a language, in reading order."""
        return sorted((item.localized(code) for item in self.collections[kind].values()), key=_reading_order(kind, self))

    def themes_in_use(self) -> list:
        """The themes of data/themes.yml that at least one place cites, in the file's order."""
        cited = {theme for item in self.collections["places"].values() for theme in item.themes}
        return [theme for theme in self.themes.values() if theme.id in cited]


def commune_name(communes: dict, name: str, code: str) -> str:
    """A commune in a language (data/communes.yml): ``Marseille`` -> ``Marsella``, ``مرسيليا``, ``马赛``.

    Every place's commune is checked to be in the file, with a name in every language.
    """
    return communes[name].name[code]


def in_sector(items: list[Item], kind: str, sector: str) -> list[Item]:
    """The items of a collection (places, partners, changemakers, news) that belong to a sector."""
    if kind == "changemakers":
        return [item for item in items if item.sector == sector]
    return [item for item in items if sector in item.sectors]


def at_place(items: list[Item], kind: str, place: str) -> list[Item]:
    """The items of a collection (events, news) that concern a totem place."""
    if kind == "events":
        return [item for item in items if item.place == place]
    return [item for item in items if place in item.places]


def _reading_order(kind, catalog):
    if kind == "places":
        return lambda item: (item.route, item.slug)
    if kind == "events":
        return lambda item: (item.start, item.slug)
    if kind == "news":
        # Newest first; posts of the same day in the order of their file names.
        return lambda item: (-item.date.toordinal(), item.slug)
    if kind == "partners":
        return lambda item: (_tier_order(catalog, item.tier), item.title.casefold(), item.slug)
    return lambda item: (item.title.casefold(), item.slug)


def _tier_order(catalog, tier_id):
    tier = catalog.tiers.get(tier_id)
    return (tier.order, tier_id) if tier else (0, tier_id)


# --- Loading


def load_catalog(docs_dir: Path, data_dir: Path, languages: list[str]) -> tuple[Catalog, list[Problem]]:
    """Read and check every collection file and data file; all problems together.

    ``languages``: the codes of the site's languages, the default one first.
    """
    default = languages[0]
    catalog, problems = Catalog(default=default), []
    for name, model in DATA_LISTS.items():
        raw, found = yamlfile.read(data_dir / f"{name}.yml", f"data/{name}.yml")
        entries, invalid = load_data_list(raw, f"data/{name}.yml", model)
        setattr(catalog, name, entries)
        problems += found + invalid
        catalog.invalid |= {id_ for id_ in data_ids(raw) if id_ not in entries}
        if found or (raw is not None and not isinstance(raw, list)):
            catalog.unreadable.add(f"data/{name}.yml")
    catalog.budget, found = load_budget(data_dir / "budget.yml", "data/budget.yml")
    problems += found
    catalog.territory, found = load_single(data_dir / "territory.yml", "data/territory.yml", models.Territory)
    problems += found
    catalog.ordinals, found = load_per_language(data_dir / "ordinals.yml", "data/ordinals.yml", languages, ordinal_patterns)
    problems += found
    catalog.amounts, found = load_per_language(data_dir / "amounts.yml", "data/amounts.yml", languages, amount_pattern)
    problems += found
    problems += untranslated_communes(catalog.communes, languages)
    context = {"territory": catalog.territory}
    for kind in COLLECTIONS:
        entries, found = load_collection(docs_dir, kind, default, context)
        catalog.collections[kind] = entries
        problems += found
        catalog.invalid |= set(collection_files(docs_dir, kind, default)) - set(entries)
    problems += check_references(catalog) + reserved_slugs(catalog) + missing_territory(catalog, data_dir)
    catalog.listings = index_listings(docs_dir, default)
    problems += missing_news_listing(catalog, default)
    return catalog, problems


def index_listings(docs_dir: Path, default: str) -> dict[str, str]:
    """The ``listing`` of each French index page, by folder ('' for the docs root)."""
    listings = {}
    for path in sorted(docs_dir.rglob(f"index.{default}.md")):
        meta, _ = yamlfile.front_matter(path.read_text(encoding="utf-8"), "")
        if isinstance(meta.get("listing"), str):
            listings[path.parent.relative_to(docs_dir).as_posix().removeprefix(".")] = meta["listing"]
    return listings


def load_single(path: Path, label: str, model) -> tuple[object, list[Problem]]:
    """A data file holding one mapping (data/territory.yml), if it exists."""
    raw, problems = yamlfile.read(path, label)
    if raw is None:
        return None, problems
    parsed, found = models.validate(model, raw, label)
    return parsed, problems + found


def load_per_language(path: Path, label: str, languages: list[str], parse) -> tuple[dict, list[Problem]]:
    """A data file with one entry per configured language (data/ordinals.yml, data/amounts.yml).

    ``parse(value, label, code)`` gives the entry and its problems.
    """
    raw, problems = yamlfile.read(path, label)
    if raw is None:
        return {}, problems
    if not isinstance(raw, dict):
        return {}, problems + [Problem(label, "", "expected one entry per language, e.g. `fr: ...`")]
    entries = {}
    for code, value in raw.items():
        if code not in languages:
            problems.append(Problem(label, str(code), f"{code!r} is not a language of the site ({', '.join(languages)})"))
            continue
        parsed, found = parse(value, label, code)
        problems += found
        if parsed is not None:
            entries[code] = parsed
    return entries, problems


def ordinal_patterns(value, label: str, code: str) -> tuple[dict | None, list[Problem]]:
    """One language of data/ordinals.yml: its patterns by CLDR ordinal category."""
    parsed, problems = models.validate(models.Ordinals, value, label, prefix=(code,))
    return (parsed.model_dump(exclude_none=True) if parsed is not None else None), problems


def amount_pattern(value, label: str, code: str) -> tuple[str | None, list[Problem]]:
    """One language of data/amounts.yml: how an amount in words joins its currency's name."""
    try:
        return models.amount_pattern(value), []
    except ValueError as error:
        return None, [Problem(label, code, str(error))]


def untranslated_communes(communes: dict, languages: list[str]) -> list[Problem]:
    """A commune needs its name in every language (its French name where it has no exonym)."""
    return [
        Problem(f"data/communes.yml (id {commune.id!r})", f"name.{code}", f"missing; write the {code!r} name (the French name {commune.id!r} if the language has no other)")
        for commune in communes.values()
        for code in languages
        if code not in commune.name
    ]


def missing_territory(catalog: Catalog, data_dir: Path) -> list[Problem]:
    """Places cannot be checked without the territory they must lie in (an invalid file has its own problems)."""
    if catalog.territory is not None or not catalog.collections["places"] or (data_dir / "territory.yml").exists():
        return []
    return [Problem("data/territory.yml", "", "missing; the places of docs/lieux/ need the territory's bounds (name, lat, lon)")]


def missing_news_listing(catalog: Catalog, default: str) -> list[Problem]:
    """News posts link back to their listing: without its page they would lead nowhere."""
    folder = COLLECTIONS["news"][0]
    if not catalog.collections["news"] or catalog.listings.get(folder) == "news":
        return []
    return [Problem(f"docs/{folder}/index.{default}.md", "listing", f"the news posts of docs/{folder}/ need their listing page: write this file with `listing: news` in its front matter")]


def has_news(catalog) -> bool:
    """True when the site has its news section (the listing page of docs/actualites/)."""
    return catalog is not None and catalog.listings.get(COLLECTIONS["news"][0]) == "news"


def data_ids(raw) -> set[str]:
    """The ids written in a data file (its YAML, read), valid or not."""
    return {str(item["id"]) for item in raw if isinstance(item, dict) and "id" in item} if isinstance(raw, list) else set()


def load_data_list(raw, label: str, model) -> tuple[dict, list[Problem]]:
    """The entries of a data file holding a list of entries with unique ids (its YAML, read)."""
    problems = []
    if raw is None:
        return {}, problems
    if not isinstance(raw, list):
        return {}, [Problem(label, "", f"expected a list of entries (`- id: ...`), got {type(raw).__name__}")]
    entries = {}
    for position, item in enumerate(raw):
        where = f"{label} entry {position + 1}" + (f" (id {item.get('id')!r})" if isinstance(item, dict) and item.get("id") else "")
        parsed, found = models.validate(model, item, where)
        problems += found
        if parsed is None:
            continue
        if parsed.id in entries:
            problems.append(Problem(label, "id", f"{parsed.id!r} is used twice; expected each id once"))
        entries[parsed.id] = parsed
    return entries, problems


def load_budget(path: Path, label: str) -> tuple[models.Budget | None, list[Problem]]:
    """data/budget.yml, if it exists."""
    raw, problems = yamlfile.read(path, label)
    if raw is None:
        return None, problems
    budget, found = models.validate(models.Budget, raw, label)
    problems += found
    if budget:
        ids = [funder.id for funder in budget.funders]
        problems += [Problem(label, "funders.id", f"{id_!r} is used twice; expected each id once") for id_ in sorted({i for i in ids if ids.count(i) > 1})]
    return budget, problems


def collection_files(docs_dir: Path, kind: str, default: str) -> dict[str, dict[str, Path]]:
    """The item files of a collection, as slug -> language -> file (index pages excluded)."""
    folder = docs_dir / COLLECTIONS[kind][0]
    files: dict[str, dict[str, Path]] = {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        code = language_suffix(path.name) or default
        slug = path.name.removesuffix(".md").removesuffix(f".{code}")
        # A translation that holds nothing is no translation (provence/languages.holds_nothing).
        if code != default and holds_nothing(path.read_text(encoding="utf-8-sig")):
            continue
        if slug != "index":
            files.setdefault(slug, {})[code] = path
    return files


def load_collection(docs_dir: Path, kind: str, default: str, context: dict | None = None) -> tuple[dict[str, Item], list[Problem]]:
    """Every item of one collection, with its translations merged onto the French file."""
    items, problems = {}, []
    for slug, files in collection_files(docs_dir, kind, default).items():
        item, found = load_item(docs_dir, kind, slug, files, default, context)
        problems += found
        if item is not None:
            items[slug] = item
    problems += duplicate_slugs(kind, items)
    return items, problems


def load_item(docs_dir, kind, slug, files, default, context=None) -> tuple[Item | None, list[Problem]]:
    """One item: the French file validated, then each translation against it."""
    model = COLLECTIONS[kind][1]
    label = {code: _label(docs_dir, path) for code, path in files.items()}
    if default not in files:
        folder = COLLECTIONS[kind][0]
        return None, [Problem(label[code], "file name", f"there is no French file docs/{folder}/{slug}.{default}.md; every item starts with its French file") for code in sorted(files)]
    french_text = files[default].read_text(encoding="utf-8")
    french_raw, problems = yamlfile.front_matter(french_text, label[default])
    # A file fresh from `make new`: its placeholders are the problem, not the types they are not.
    problems += placeholder_problems(model, french_raw, french_text, label[default]) if not problems else []
    french, found = models.validate(model, french_raw, label[default], context=context) if not problems else (None, [])
    problems += found
    if french is not None:
        problems += missing_picture(docs_dir, kind, files[default], french, label[default])
    translations = {}
    for code in sorted(set(files) - {default}):
        translated, found = load_translation(files[code], label[code], french_raw, model, context)
        problems += found
        if translated is not None:
            translations[code] = translated
    if french is None:
        return None, problems
    return Item(kind, slug, label[default], french, translations, language=default), problems


def placeholder_problems(model, raw: dict, text: str, label: str) -> list[Problem]:
    """Each field (and the body) that still holds the placeholder written by `make new`."""
    problems = []
    for path, value in flatten(raw).items():
        if isinstance(value, str) and value.strip() == models.PLACEHOLDER:
            problems.append(Problem(label, path, f"still holds the placeholder {models.PLACEHOLDER!r}; replace the placeholder with {field_description(model, path)}"))
    match = yamlfile.FRONT_MATTER.match(text)
    if match and models.PLACEHOLDER in text[match.end():]:
        problems.append(Problem(label, "body", f"still holds the placeholder {models.PLACEHOLDER!r}; replace the placeholder with the page's text"))
    return problems


def field_description(model, dotted: str) -> str:
    """What a field holds, from its model ('image.alt' -> 'what the image shows ...')."""
    field = None
    for part in dotted.split("."):
        field = model.model_fields.get(part) if isinstance(model, type) and issubclass(model, models.BaseModel) else None
        if field is None:
            return "its value"
        model = field.annotation
    return field.description or "its value"


def load_translation(path: Path, label: str, french_raw: dict, model, context=None) -> tuple[models.FrontMatter | None, list[Problem]]:
    """A translation: its text over the French file; other fields must agree with it."""
    raw, problems = yamlfile.front_matter(path.read_text(encoding="utf-8"), label)
    if problems:
        return None, problems
    problems += disagreements(french_raw, raw, models.text_paths(model), label)
    merged = deep_merge(french_raw, raw)
    translated, found = models.validate(model, merged, label, context=context)
    # Errors of fields the translation does not write belong to the French file.
    problems += [problem for problem in found if _writes(raw, problem.field)]
    return translated, problems


def disagreements(french: dict, translation: dict, text: set[str], label: str) -> list[Problem]:
    """Non-text fields a translation repeats with another value than the French file."""
    french_flat = flatten(french)
    problems = []
    for path, value in flatten(translation).items():
        if path in text or path.split(".")[0] in text or path not in french_flat:
            continue
        if french_flat[path] != value:
            problems.append(Problem(label, path, f"{_as_written(value)} disagrees with the French file ({_as_written(french_flat[path])}); write non-text fields only in the French file"))
    return problems


def _as_written(value) -> str:
    # A date as the editor writes it (2023-10-17), anything else as Python shows it.
    return value.isoformat() if isinstance(value, datetime.date) else repr(value)


def flatten(data: dict, prefix: str = "") -> dict:
    """``{'a': {'b': 1}}`` -> ``{'a.b': 1}``; lists are values."""
    flat = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            flat.update(flatten(value, path + "."))
        else:
            flat[path] = value
    return flat


def deep_merge(base: dict, over: dict) -> dict:
    """``base`` with the keys of ``over`` written over it, nested mappings merged."""
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = deep_merge(base[key], value)
        else:
            merged[key] = value
    return merged


def _writes(raw: dict, dotted: str) -> bool:
    node = raw
    for part in dotted.replace("[", ".[").split("."):
        if not isinstance(node, dict):
            return True
        if part not in node:
            return False
        node = node[part]
    return True


def _label(docs_dir: Path, path: Path) -> str:
    return "docs/" + path.relative_to(docs_dir).as_posix()


def missing_picture(docs_dir: Path, kind: str, page_file: Path, item, label: str) -> list[Problem]:
    """An image or logo whose file is not in the docs folder."""
    name = PICTURES.get(kind)
    if name is None:
        return []
    src = getattr(item, name).src
    target = picture_path(page_file.relative_to(docs_dir).as_posix(), src)
    if target and (docs_dir / target).is_file():
        return []
    return [Problem(label, f"{name}.src", f"{src!r}: no such file (looked for docs/{target}); expected a path relative to this page, e.g. ../assets/logos/name.svg")]


def picture_path(page_src_uri: str, src: str) -> str | None:
    """The docs-relative path of an image written relative to its page file."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_src_uri), src))
    return None if joined.startswith("..") or src.startswith(("/", "http:", "https:")) else joined


def duplicate_slugs(kind: str, items: dict[str, Item]) -> list[Problem]:
    """Slugs equal but for case, and places sharing a position on the route."""
    problems, seen = [], {}
    for slug, item in items.items():
        other = seen.setdefault(slug.casefold(), item)
        if other is not item:
            problems.append(Problem(item.file, "file name", f"slug {slug!r} duplicates {other.file}; expected one file per item"))
    if kind == "places":
        by_position = {}
        for item in items.values():
            other = by_position.setdefault(item.route, item)
            if other is not item:
                problems.append(Problem(item.file, "route", f"{item.route} is already the position of {other.file}; expected each place at its own position on the route"))
    return problems


def item_of(src_uri: str) -> tuple[str | None, str | None]:
    """(collection, slug) of an item page's source file, or (None, None)."""
    parts = src_uri.split("/")
    if len(parts) != 2 or parts[0] not in FOLDERS:
        return None, None
    name = parts[1].removesuffix(".md")
    suffix = language_suffix(parts[1])
    slug = name.removesuffix(f".{suffix}") if suffix else name
    return (FOLDERS[parts[0]], slug) if slug != "index" else (None, None)


def reserved_slugs(catalog: Catalog) -> list[Problem]:
    """An item file named like a folder of generated pages would take their address."""
    problems = []
    for kind, (slug, what, address) in RESERVED_SLUGS.items():
        if slug in catalog.collections[kind]:
            item = catalog.collections[kind][slug]
            singular = {"places": "place", "news": "news post"}[kind]
            problems.append(Problem(item.file, "file name", f"'{slug}' is kept for {what} ({address}); give the {singular} another file name"))
    return problems


def theme_path(theme_id: str) -> str:
    """The language-neutral site path of a theme's generated page (hooks/theme_pages.py)."""
    return f"{THEME_FOLDER}/{theme_id}/"


def picture_site_path(item) -> str:
    """The site path of an item's image or logo."""
    folder = item.path.split("/")[0]
    return picture_path(folder + "/page.md", getattr(item, PICTURES[FOLDERS[folder]]).src)


# --- References between files


# Where the ids that a field refers to are written, as the error message names it.
REFERENCE_SOURCES = {
    "themes": "data/themes.yml", "tiers": "data/tiers.yml", "figures": "data/figures.yml",
    "sectors": "docs/filieres/", "places": "docs/lieux/", "partners": "docs/partenaires/",
}


def known_ids(catalog: Catalog, target: str) -> dict:
    """The entries a reference may name: a collection's items or a data file's entries."""
    return catalog.collections[target] if target in COLLECTIONS else getattr(catalog, target)


def check_references(catalog: Catalog) -> list[Problem]:
    """Every id or slug that a file cites exists (the models say which fields cite what)."""
    checks = []
    for kind, (_, model) in COLLECTIONS.items():
        for name, target in models.references(model).items():
            known, where = known_ids(catalog, target), REFERENCE_SOURCES[target]
            for item in catalog.collections[kind].values():
                value = getattr(item, name)
                cited = value if isinstance(value, list) else [value] if value is not None else []
                checks += [(item.file, name, id_, known, where) for id_ in cited]
    for place in catalog.collections["places"].values():
        checks.append((place.file, "commune", place.commune, catalog.communes, "data/communes.yml"))
    for figure in catalog.figures.values():
        checks.append((f"data/figures.yml (id {figure.id!r})", "source", figure.source, catalog.sources, "data/sources.yml"))
    if catalog.budget:
        partners = catalog.collections["partners"]
        checks.append(("data/budget.yml", "source", catalog.budget.source, catalog.sources, "data/sources.yml"))
        if catalog.budget.total:
            checks.append(("data/budget.yml", "total", catalog.budget.total, catalog.figures, "data/figures.yml"))
        checks += [("data/budget.yml", f"funders ({funder.id}).partner", funder.partner, partners, "docs/partenaires/") for funder in catalog.budget.funders if funder.partner]
    return [
        unknown_reference(*check) for check in checks
        if check[2] not in check[3] and check[2] not in catalog.invalid and check[4] not in catalog.unreadable
    ]


def unknown_reference(file: str, field_name: str, value: str, known: dict, where: str) -> Problem:
    """A reference to nothing, with the ids that do exist."""
    choices = ", ".join(sorted(known)) or "none yet"
    return Problem(file, field_name, f"{value!r} does not exist in {where}; expected one of: {choices}")
