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

from mkdocs.utils import get_relative_url

from provence import upstream
from provence.catalog import COLLECTIONS, in_sector, item_of, load_catalog, theme_path
from provence.context import context_of, is_first_pass
from provence.errors import Problem, raise_problems
from provence.figures import figure_view, format_coordinate, format_period, translated
from provence.links import page_href, picture_href
from provence.opendata import build_date, split_agenda
from provence.pipeline import step
from provence.search_text import append_to_page

LISTINGS = tuple(COLLECTIONS)

# --- Hooks


@step
def on_pre_build(config):
    """Read and check every collection and data file, in the default language's pass only."""
    if not is_first_pass(config):
        return
    build = context_of(config)
    codes = [language.code for language in build.languages]
    catalog, problems = load_catalog(Path(config.docs_dir), build.project / "data", codes)
    raise_problems(problems, "the content files")
    build.catalog = catalog
    build.build_date = build_date(os.environ, config.extra.get("build_date"))


@step
def on_env(env, config, files):
    """Render the collections' markup with autoescaping: editor text is shown, never run.

    One environment serves the seven languages, so that each template is compiled
    once per build; each language brings its globals (``ui``) and its views.
    """
    build = context_of(config)
    if build.env is None:
        # trim_blocks and lstrip_blocks: no blank lines from template tags in the pages.
        # Its own compiled templates: compiled with other options than the theme's (no shared bytecode).
        build.env = env.overlay(autoescape=True, trim_blocks=True, lstrip_blocks=True, bytecode_cache=None)
        build.env.globals = dict(env.globals)
    build.env.globals.update(env.globals)
    if build.catalog is not None:
        build.current(config).views = language_views(build.catalog, build.current_language(config).code, build.build_date)
    return env


@step
def on_page_context(context, page, config, nav):
    """Append a listing to collection index pages and a details box to item pages."""
    build = context_of(config)
    if build.catalog is not None and page.content is not None:
        addition = page_addition(build, page, config)
        if addition:
            page.content += addition
            add_to_search(config, page.url, addition)
    return context


# --- Helper functions


def add_to_search(config, url: str, addition: str) -> None:
    """Make the added markup's text findable on the page, segmented as Material segments Chinese."""
    added = append_to_page(upstream.page_search_entries(config, url), url, addition, upstream.chinese_segmenter(config))
    upstream.add_page_search_entries(config, url, added)


def page_addition(build, page, config) -> str:
    """The listing or the details box of a page, if it is a collection page."""
    catalog = build.catalog
    theme = page.meta.get("op_theme")
    if theme in catalog.themes:  # a theme page (hooks/theme_pages.py)
        return render(build, "partials/op-listing-theme.html", page, config, theme=catalog.themes[theme])
    listing = page.meta.get("listing") or index_listing(catalog, page.file.src_uri)
    if listing is not None:
        return render_listing(build, listing, page, config)
    kind, slug = item_of(page.file.src_uri)
    if kind is None or slug not in catalog.collections[kind]:
        return ""
    item = catalog.collections[kind][slug].localized(build.current_language(config).code)
    return render(build, "partials/op-item-" + kind + ".html", page, config, item=item)


def index_listing(catalog, src_uri: str) -> str | None:
    """A translated index page shows the listing of its French version."""
    folder, _, name = src_uri.rpartition("/")
    return catalog.listings.get(folder) if name.startswith("index.") else None


def render_listing(build, listing, page, config) -> str:
    """The listing named in a page's front matter, or an error naming the page."""
    if listing not in LISTINGS:
        raise_problems([Problem(f"docs/{page.file.src_uri}", "listing", f"{listing!r} is not a listing; expected one of: {', '.join(LISTINGS)}")], "the content files")
    return render(build, "partials/op-listing-" + listing + ".html", page, config)


def render(build, template: str, page, config, **values) -> str:
    """A collections template, with the helpers every one of them uses."""
    return build.env.get_template(template).render(**template_context(build, page, config), **values)


def template_context(build, page, config) -> dict:
    """The language's views and the link helpers of one page."""
    language = build.current_language(config)
    return {
        **build.current(config).views,
        "href": partial(page_href, language=language, page_url=page.url),
        "root": partial(get_relative_url, other=page.url),
        "picture": partial(picture_href, page_url=page.url),
    }


def language_views(catalog, code: str, today) -> dict:
    """Everything the templates show in one language, computed once per language."""
    items = {kind: catalog.items(kind, code) for kind in COLLECTIONS}
    default = catalog.default
    figure_views = {
        figure.id: figure_view(figure, catalog.sources[figure.source], code, default, catalog.ordinals)
        for figure in catalog.figures.values()
    }
    upcoming, past = split_agenda(items["events"], today)
    return {
        "catalog": catalog,
        "items": items.__getitem__,
        "of_sector": lambda kind, sector: in_sector(items[kind], kind, sector),
        "sectors_by_slug": {sector.slug: sector for sector in items["sectors"]},
        "places_by_slug": {place.slug: place for place in items["places"]},
        "tiers": sorted(catalog.tiers.values(), key=lambda tier: (tier.order, tier.id)),
        "upcoming": upcoming,
        "past": past,
        "period": partial(format_period, code=code),
        "coordinate": partial(format_coordinate, code=code),
        "text": partial(translated, code=code, default=default),
        "figure_views": figure_views,
        "figures_of": lambda ids: [figure_views[figure_id] for figure_id in ids],
        "theme_path": theme_path,
        "of_theme": lambda theme_id: [place for place in items["places"] if theme_id in place.themes],
    }
