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
from provence.catalog import COLLECTIONS, in_sector, item_of, load_catalog, theme_path
from provence.errors import Problem, raise_problems
from provence.figures import figure_view, format_coordinate, format_period, translated
from provence.links import page_href, picture_href
from provence.opendata import build_date, split_agenda
from provence.search_text import append_to_page, material_search

LISTINGS = tuple(COLLECTIONS)

# --- Hooks


@event_priority(50)  # before the other hooks that read the catalog
def on_pre_build(config):
    """Read and check every collection and data file, in the default language's pass only."""
    if langs.current_language(config) != langs.i18n_plugin(config).default_language:
        return
    project = Path(config.config_file_path).parent
    build_state.catalog, build_state.env = None, None
    catalog, problems = load_catalog(Path(config.docs_dir), project / "data", langs.i18n_plugin(config).default_language)
    raise_problems(problems, "the content files")
    build_state.catalog = catalog
    build_state.build_date, _ = build_date(os.environ, config.extra.get("build_date"))


def on_env(env, config, files):
    """Render the collections' markup with autoescaping: editor text is shown, never run.

    One environment serves the seven languages, so that each template is compiled
    once per build; each language brings its globals (``ui``) and its views.
    """
    if build_state.env is None:
        # trim_blocks and lstrip_blocks: no blank lines from template tags in the pages.
        build_state.env = env.overlay(autoescape=True, trim_blocks=True, lstrip_blocks=True)
        build_state.env.globals = dict(env.globals)
    build_state.env.globals.update(env.globals)
    if build_state.catalog is not None:
        build_state.views = language_views(build_state.catalog, context_code(config), build_state.build_date)
    return env


# After material/search (priority 0) has indexed the page's own text: the
# indexer's HTML parser is slow on this tag-dense markup, so its text is added
# to the index directly (provence/search_text.py).
@event_priority(-50)
def on_page_context(context, page, config, nav):
    """Append a listing to collection index pages and a details box to item pages."""
    if build_state.catalog is not None and page.content is not None:
        addition = page_addition(page, config)
        if addition:
            page.content += addition
            add_to_search(config, page.url, addition)
    return context


# --- Helper functions


def add_to_search(config, url: str, addition: str) -> None:
    """Make the added markup's text findable on the page, segmented as Material segments Chinese."""
    search = material_search(config)
    if search is not None:
        entries, segment = search
        append_to_page(entries, url, addition, segment)


def page_addition(page, config) -> str:
    """The listing or the details box of a page, if it is a collection page."""
    theme = page.meta.get("op_theme")
    if theme in build_state.catalog.themes:  # a theme page (hooks/theme_pages.py)
        return render("partials/op-listing-theme.html", page, config, theme=build_state.catalog.themes[theme])
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
    """The language's views and the link helpers of one page."""
    language = langs.find_language(langs.site_languages(config), context_code(config))
    return {
        **build_state.views,
        "href": partial(page_href, language=language, page_url=page.url),
        "root": partial(get_relative_url, other=page.url),
        "picture": partial(picture_href, page_url=page.url),
    }


def language_views(catalog, code: str, today) -> dict:
    """Everything the templates show in one language, computed once per language."""
    items = {kind: catalog.items(kind, code) for kind in COLLECTIONS}
    figure_views = {figure.id: figure_view(figure, catalog.sources[figure.source], code) for figure in catalog.figures.values()}
    upcoming, past = split_agenda(items["events"], today)
    return {
        "catalog": catalog,
        "items": items.__getitem__,
        "of_sector": lambda kind, sector: in_sector(items[kind], kind, sector),
        "sectors_by_slug": {view.slug: view for view in items["sectors"]},
        "places_by_slug": {view.slug: view for view in items["places"]},
        "tiers": sorted(catalog.tiers.values(), key=lambda tier: (tier.order, tier.id)),
        "upcoming": upcoming,
        "past": past,
        "period": partial(format_period, code=code),
        "coordinate": partial(format_coordinate, code=code),
        "text": partial(translated, code=code),
        "figure_views": figure_views,
        "figures_of": lambda ids: [figure_views[figure_id] for figure_id in ids],
        "theme_path": theme_path,
        "of_theme": lambda theme_id: [view for view in items["places"] if theme_id in view.themes],
    }


def context_code(config) -> str:
    """The code of the language being built."""
    return langs.current_language(config)
