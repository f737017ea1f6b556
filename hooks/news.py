"""News (actualités): one Markdown file per post and language in
docs/actualites/ (a collection of hooks/collections.py, which renders the
listing, the posts' details and the posts of each sector and place).

This hook adds what the collection alone does not: the later pages of the
listing (``actualites/page/<n>/``, generated in every language), the latest
posts and the feed for the theme's templates (the home page's band, the
``<link rel="alternate">`` of every page's head), and one Atom feed per
language, ``<lang>/actualites/feed.atom``, written once every language is built.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

from provence import news
from provence.catalog import has_news, picture_site_path
from provence.context import context_of, is_final_pass
from provence.figures import format_day
from provence.generated import generated_page, page_source, page_template
from provence.languages import localize
from provence.output import write_if_changed
from provence.pipeline import step

# --- Hooks


@step
def on_files(files, config):
    """Add this language's later pages of the listing (page 2 on) to the build."""
    build = context_of(config)
    if not has_news(build.catalog):
        return files
    language = build.current_language(config)
    template = page_template(build.project)
    pages = news.listing_pages(build.catalog.items("news", language.code))
    for number in range(2, len(pages) + 1):
        source = page_source(template, listing_page_meta(build.ui, language.code, number))
        files.append(generated_page(config, language, news.page_path(number), source))
    return files


@step
def on_env(env, config, files):
    """The feed of the language and its latest posts, for every template of the theme."""
    build = context_of(config)
    language = build.current_language(config)
    section = has_news(build.catalog)
    posts = build.catalog.items("news", language.code) if section else []
    env.globals["news_feed"] = feed_link(build.ui, language) if section else None
    env.globals["latest_news"] = posts[:news.LATEST]
    env.globals["news_listing"] = news.page_path(1) if section else None
    env.globals["news_day"] = partial(format_day, code=language.code)
    env.globals["picture_path"] = picture_site_path
    env.globals["foreign_text"] = partial(news.foreign_text, code=language.code, direction=lambda code: build.language(code).direction)
    return env


@step
def on_post_build(config):
    """Write the Atom feed of every language (final pass)."""
    build = context_of(config)
    if not is_final_pass(config) or not has_news(build.catalog):
        return
    site = Path(config.site_dir)
    for language in build.languages:
        feed = language_feed(build, language, config, site)
        write_if_changed(site / language.prefix / news.FEED_PATH, feed)


# --- Helper functions


def listing_page_meta(ui: dict, code: str, number: int) -> dict:
    """The front matter of a later page of the listing; search finds the posts themselves, not this page."""
    title = ui["news_page_title"][code].replace("{n}", str(number))
    return {"title": title, "listing": "news", "op_news_page": number, "search": {"exclude": True}}


def feed_link(ui: dict, language) -> dict:
    """What a page's head announces of its language's feed."""
    return {"path": localize(news.FEED_PATH, language), "title": ui["news_feed_title"][language.code], "code": language.code, "type": news.FEED_TYPE}


def language_feed(build, language, config, site: Path) -> str:
    """The Atom feed of one language, from the posts as its readers see them."""
    catalog, code = build.catalog, language.code
    sectors = {item.slug: item.localized(code).title for item in catalog.collections["sectors"].values()}
    places = {item.slug: item.localized(code).title for item in catalog.collections["places"].values()}
    texts = {
        "title": build.ui["news_feed_title"][code],
        "rights": config.copyright,
        "categories": lambda post: [sectors[slug] for slug in post.sectors] + [places[slug] for slug in post.places],
    }
    posts = news.feed_posts(catalog.items("news", code), code)
    return news.atom_feed(posts, language, config.site_url or "/", texts, lambda path: os.path.getsize(site / path), build.build_date)
