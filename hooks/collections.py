"""Content collections: totem places, sectors, partners, changemakers,
events and news posts, one Markdown file per item and language (see README,
"Adding a place, a partner, an event").

Every collection file and data file is read and checked once per build, in
the default language's pass, and every problem of the run is reported
together. Collection index pages (front matter ``listing: places`` ...) get
their listing after their text; item pages get their details box (a news
post also gets its date, image and summary under its title).
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path


from provence import compiled, upstream
from provence import news
from provence.catalog import COLLECTIONS, at_place, commune_name, in_sector, item_of, load_catalog, theme_path
from provence.context import context_of, is_first_pass
from provence.errors import Problem, raise_problems
from provence.figures import figure_view, format_coordinate, format_day, format_period, translated
from provence.links import page_helpers
from provence.opendata import build_date, split_agenda
from provence.pipeline import step
from provence.search_text import append_to_page

LISTINGS = tuple(COLLECTIONS)
# Collections whose item pages also get a lead under their title.
LEADS = {"news": "partials/op-item-news-lead.html"}

# --- Hooks


@step
def on_pre_build(config):
    """Read and check every collection and data file, in the default language's pass only."""
    if not is_first_pass(config):
        return
    build = context_of(config)
    codes = [language.code for language in build.declared]
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
        build.env = env.overlay(autoescape=True, trim_blocks=True, lstrip_blocks=True)
        # Compiled with other options than the theme's: kept under keys of their own (provence/compiled.py).
        build.env.bytecode_cache = compiled.bytecode_for(build.env, build.compiled_templates, build.project)
        build.env.globals = dict(env.globals)
    build.env.globals.update(env.globals)
    if build.catalog is not None:
        code = build.current_language(config).code
        build.current(config).views = language_views(build.catalog, code, build.build_date, build.ui["col_about_value"][code])
    return env


@step
def on_page_context(context, page, config, nav):
    """Append a listing to collection index pages and a details box to item pages."""
    build = context_of(config)
    if build.catalog is not None and page.content is not None:
        lead = page_lead(build, page, config)
        if lead:
            page.content = after_title(page.content, lead)
            add_to_search(config, page.url, lead)
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


def page_lead(build, page, config) -> str:
    """What an item page shows under its title (a news post's date, image and summary), if anything."""
    kind, slug = item_of(page.file.src_uri)
    if kind not in LEADS or slug not in build.catalog.collections[kind]:
        return ""
    item = build.catalog.collections[kind][slug].localized(build.current_language(config).code)
    return render(build, LEADS[kind], page, config, item=item)


def after_title(content: str, lead: str) -> str:
    """``lead`` right after the page's first heading; first when the page has none (the theme adds the title above)."""
    end = content.find("</h1>")
    if end == -1:
        return lead + content
    end += len("</h1>")
    return content[:end] + lead + content[end:]


def index_listing(catalog, src_uri: str) -> str | None:
    """A translated index page shows the listing of its French version."""
    folder, _, name = src_uri.rpartition("/")
    return catalog.listings.get(folder) if name.startswith("index.") else None


def render_listing(build, listing, page, config) -> str:
    """The listing named in a page's front matter, or an error naming the page."""
    if listing not in LISTINGS:
        raise_problems([Problem(f"docs/{page.file.src_uri}", "listing", f"{listing!r} is not a listing; expected one of: {', '.join(LISTINGS)}")], "the content files")
    # The news listing has several pages (hooks/news.py): the page's number says which.
    return render(build, "partials/op-listing-" + listing + ".html", page, config, number=page.meta.get("op_news_page", 1))


def render(build, template: str, page, config, **values) -> str:
    """A collections template, with the helpers every one of them uses."""
    return build.env.get_template(template).render(**page_helpers(build, page, config), **values)


def language_views(catalog, code: str, today, about: str) -> dict:
    """Everything the templates show in one language, computed once per language.

    ``about``: how the language says an approximate figure (``près de {value}``).
    """
    items = {kind: catalog.items(kind, code) for kind in COLLECTIONS}
    default = catalog.default
    figure_views = {
        figure.id: figure_view(figure, code, default, catalog.ordinals, catalog.amounts, about)
        for figure in catalog.figures.values()
    }
    upcoming, past = split_agenda(items["events"], today)
    news_pages = news.listing_pages(items["news"])
    return {
        "catalog": catalog,
        "items": items.__getitem__,
        "of_sector": lambda kind, sector: in_sector(items[kind], kind, sector),
        "of_place": lambda kind, place: at_place(items[kind], kind, place),
        "sectors_by_slug": {sector.slug: sector for sector in items["sectors"]},
        "places_by_slug": {place.slug: place for place in items["places"]},
        "tiers": sorted(catalog.tiers.values(), key=lambda tier: (tier.order, tier.id)),
        "upcoming": upcoming,
        "past": past,
        "period": partial(format_period, code=code),
        "day": partial(format_day, code=code),
        "coordinate": partial(format_coordinate, code=code),
        "text": partial(translated, code=code, default=default),
        "commune": partial(commune_name, catalog.communes, code=code),
        "figure_views": figure_views,
        "figures_of": lambda ids: [figure_views[figure_id] for figure_id in ids],
        "theme_path": theme_path,
        "of_theme": lambda theme_id: [place for place in items["places"] if theme_id in place.themes],
        "news_pages": news_pages,
        "news_page_path": news.page_path,
        "news_page_of": lambda slug: news.page_path(news.page_of(items["news"], slug)),
        "feed_path": news.FEED_PATH,
        "feed_type": news.FEED_TYPE,
    }
