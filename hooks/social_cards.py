"""Social cards: what a page shows when its link is shared. Every page's
head gets its Open Graph and X (Twitter) tags, absolute, and an image drawn
at build from its title and section (provence/cards.py), in the language of
its text: a page served untranslated shares the French page's card, title
and address.

Cards are named by their content and kept in a cache (``.cache/cards/`` of
the project, or the folder ``ONE_PROVENCE_CARD_CACHE`` names): a build
renders only the cards whose text or design changed, and says how many.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

from babel.core import get_global
from mkdocs.structure.pages import Page

from provence import cards, yamlfile
from provence import languages as langs
from provence.catalog import item_of
from provence.context import context_of, is_final_pass
from provence.errors import Problem, raise_problems
from provence.output import write_if_changed
from provence.pipeline import step

log = logging.getLogger("mkdocs.hooks.social_cards")
CACHE_VARIABLE = "ONE_PROVENCE_CARD_CACHE"
FOLDER = "assets/cards"

# --- Hooks


@step
def on_page_context(context, page, config, nav):
    """The page's card (drawn at the end of the build) and its sharing tags."""
    if not isinstance(page, Page):
        return context
    build = context_of(config)
    language_pass = build.current(config)
    if language_pass.site_description is None:
        language_pass.site_description = config.site_description
    source = context["page_language"]["source"]
    card = page_card(build, page, build.current_language(config), source, config)
    key = cards.card_key(card, design(build))
    language_pass.cards[key] = card
    # A page shown in the default language (untranslated) falls back to the default language's description.
    fallback = language_pass.site_description if source == build.current_language(config).code else build.site_description
    description = page_description(page, fallback)
    context["social"] = sharing_tags(page, card, key, description, context, config.site_url or "/")
    return context


@step
def on_post_build(config):
    """Final pass: every card of the build in the site, rendered only when the cache lacks it."""
    build = context_of(config)
    every_card = {key: card for language_pass in build.passes.values() for key, card in language_pass.cards.items()}
    if not is_final_pass(config) or not every_card:
        return
    site, cache = Path(config.site_dir), cache_folder(build.project)
    rendered = 0
    for key, card in sorted(every_card.items()):
        try:
            data, fresh = cards.cached_card(card, design(build), cache)
        except cards.CardError as error:
            raise_problems([Problem(f"the card of “{card.title}”", "title", str(error))], "the social cards")
        rendered += fresh
        write_if_changed(site / FOLDER / f"{key}.png", data)
    log.info(f"social cards: {rendered} rendered, {len(every_card) - rendered} from the cache ({cache})")


# --- Helper functions


def cache_folder(project: Path) -> Path:
    """Where rendered cards are kept between builds."""
    return Path(os.environ.get(CACHE_VARIABLE) or project / ".cache" / "cards")


def design(build):
    """The cards' design, loaded once per build."""
    if build.card_design is None:
        try:
            build.card_design = cards.load_design(build.project, cache_folder(build.project))
        except cards.CardError as error:
            raise_problems([Problem("the social cards", "design", str(error))], "the social cards")
    return build.card_design


def page_card(build, page, current, source: str, config) -> cards.Card:
    """What the page's card says, in the language of the page's text (``source``; ``current``: the pass's)."""
    language = build.language(source)
    hero = page.meta.get("hero") if isinstance(page.meta.get("hero"), dict) else None
    if hero:
        title, section = hero.get("title") or page.title, hero.get("kicker")
    else:
        title, section = page.title, section_title(build, page.url, current, language, config.docs_dir)
    return cards.Card(
        title=str(title), section=section, language=language.code, direction=language.direction,
        site_name=config.site_name, domain=urlsplit(config.site_url or "").netloc or config.site_name,
    )


def section_title(build, url: str, current, language, docs_dir: str) -> str | None:
    """The title of the section a page belongs to, in the language of its text (None for top pages)."""
    neutral = langs.strip_language(url, current).strip("/")
    parts = neutral.split("/")
    if len(parts) < 2:
        return None
    titles = build.passes[language.code].nav_titles if language.code in build.passes else None
    if titles is None:
        # That language's pages are rendered by the other process of the build
        # (hooks/parallel_languages.py): the title its navigation shows, from the section's index page.
        return index_title(Path(docs_dir), parts[0], language.code)
    return titles.get(langs.localize(parts[0] + "/", language))


def index_title(docs_dir: Path, section: str, code: str) -> str | None:
    """The front matter title of a section's index page in one language, as the navigation shows it."""
    path = docs_dir / section / f"index.{code}.md"
    if not path.is_file():
        return None
    meta, _ = yamlfile.front_matter(path.read_text(encoding="utf-8-sig"), f"docs/{section}/index.{code}.md")
    title = meta.get("title") if isinstance(meta, dict) else None
    return str(title) if title else None


def page_description(page, site_description: str | None) -> str | None:
    """The page's own description, else its item's summary, else the site's."""
    for key in ("description", "summary"):
        if page.meta.get(key):
            return str(page.meta[key])
    return site_description


def sharing_tags(page, card: cards.Card, key: str, description: str | None, context: dict, site_url: str) -> dict:
    """The values of the page's Open Graph and X tags."""
    kind, _ = item_of(page.file.src_uri)
    return {
        "title": card.title,
        "description": description,
        "url": context.get("canonical_url"),
        "image": langs.absolute_url(site_url, f"{FOLDER}/{key}.png"),
        "image_alt": f"{card.title} — {card.site_name}" if card.title != card.site_name else card.title,
        "width": cards.WIDTH,
        "height": cards.HEIGHT,
        "locale": og_locale(card.language),
        "alternate_locales": [og_locale(code) for code in context.get("translations", []) if code != card.language],
        "site_name": card.site_name,
        "type": "article" if kind == "news" else "website",
        "published": page.meta.get("date") if kind == "news" else None,
    }


def og_locale(code: str) -> str:
    """A language as Open Graph writes it, ``fr_FR``: its most likely territory, from CLDR (Babel)."""
    likely = get_global("likely_subtags").get(code, code)
    territory = likely.split("_")[-1]
    return f"{code}_{territory}"
