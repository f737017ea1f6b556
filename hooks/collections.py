"""Content collections: totem places, sectors, partners, changemakers and
events, one Markdown file per item and language (see README, "Adding a place,
a partner, an event").

Every collection file and data file is read and checked once per build, in
the default language's pass, and every problem of the run is reported
together. Collection index pages (front matter ``listing: places`` ...) get
their listing after their text; item pages get their details box.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from provence import build_state
from provence import languages as langs
from provence.catalog import COLLECTIONS, item_of, load_catalog
from provence.links import page_href, picture_href
from provence.errors import Problem, raise_problems
from provence.figures import figure_view, format_period, translated
from provence.opendata import build_date, split_agenda

LISTINGS = tuple(COLLECTIONS)

# --- Hooks


@event_priority(50)  # before the other hooks that read the catalog
def on_pre_build(config):
    """Read and check every collection and data file, in the default language's pass only."""
    if langs.current_language(config) != langs.i18n_plugin(config).default_language:
        return
    project = Path(config.config_file_path).parent
    build_state.catalog = None
    catalog, problems = load_catalog(Path(config.docs_dir), project / "data", langs.i18n_plugin(config).default_language)
    raise_problems(problems, "the content files")
    build_state.catalog = catalog
    build_state.build_date, _ = build_date(os.environ, config.extra.get("build_date"))


def on_env(env, config, files):
    """Render the collections' markup with autoescaping: editor text is shown, never run."""
    build_state.env = env.overlay(autoescape=True)
    return env


# Templates are rendered once on_env has given the environment its globals (`ui`),
# and before material/search (priority 0) indexes page.content.
@event_priority(50)
def on_page_context(context, page, config, nav):
    """Append a listing to collection index pages and a details box to item pages."""
    if build_state.catalog is not None and page.content is not None:
        page.content += page_addition(page, config)
    return context


# --- Helper functions


def page_addition(page, config) -> str:
    """The listing or the details box of a page, if it is a collection page."""
    listing = page.meta.get("listing") or index_listing(page.file.src_uri)
    if listing is not None:
        return render_listing(listing, page, config)
    kind, slug = item_of(page.file.src_uri)
    if kind is None or slug not in build_state.catalog.collections[kind]:
        return ""
    item = build_state.catalog.collections[kind][slug].localized(context_code(config))
    return render("partials/op-item-" + kind + ".html", page, config, item=item)


def index_listing(src_uri: str) -> str | None:
    """A translated index page shows the listing of its French version."""
    folder, _, name = src_uri.rpartition("/")
    return build_state.catalog.listings.get(folder) if name.startswith("index.") else None


def render_listing(listing, page, config) -> str:
    """The listing named in a page's front matter, or an error naming the page."""
    if listing not in LISTINGS:
        raise_problems([Problem(f"docs/{page.file.src_uri}", "listing", f"{listing!r} is not a listing; expected one of: {', '.join(LISTINGS)}")], "the content files")
    return render("partials/op-listing-" + listing + ".html", page, config)


def render(template: str, page, config, **values) -> str:
    """A collections template, with the helpers every one of them uses."""
    return build_state.env.get_template(template).render(**template_context(page, config), **values)


def template_context(page, config) -> dict:
    """Catalog, language and link helpers for one page in the language being built."""
    catalog, code = build_state.catalog, context_code(config)
    language = langs.find_language(langs.site_languages(config), code)
    upcoming, past = split_agenda(catalog.items("events", code), build_state.build_date)
    return {
        "catalog": catalog,
        "items": partial(catalog.items, code=code),
        "of_sector": partial(catalog.of_sector, code=code),
        "sectors_by_slug": {view.slug: view for view in catalog.items("sectors", code)},
        "places_by_slug": {view.slug: view for view in catalog.items("places", code)},
        "tiers": sorted(catalog.tiers.values(), key=lambda tier: (tier.order, tier.id)),
        "upcoming": upcoming,
        "past": past,
        "href": partial(page_href, language=language, page_url=page.url),
        "root": partial(get_relative_url, other=page.url),
        "picture": partial(picture_href, page_url=page.url),
        "period": partial(format_period, code=code),
        "text": partial(translated, code=code),
        "figures_of": lambda ids: [figure_view(catalog.figures[i], catalog.sources[catalog.figures[i].source], code) for i in ids],
    }


def context_code(config) -> str:
    """The code of the language being built."""
    return langs.current_language(config)
