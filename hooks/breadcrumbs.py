"""Breadcrumbs on every content page: Home > section > page, in the
language being built, for written and generated pages alike."""

from __future__ import annotations

from mkdocs.structure.pages import Page

from provence import languages as langs

_cache: dict = {}

# --- Hooks


def on_page_context(context, page, config, nav):
    """Give the page template its trail, from the language's home page to the page."""
    if not isinstance(page, Page):
        return context
    language = langs.find_language(langs.site_languages(config), langs.current_language(config))
    context["breadcrumbs"] = trail(page.url, language, _titles(nav))
    return context


# --- Helper functions


def _titles(nav) -> dict:
    """Site path -> title of every page of a language's navigation (once per language)."""
    if _cache.get("nav") is not nav:
        _cache.update(nav=nav, titles={other.url: other.title for other in nav.pages})
    return _cache["titles"]


def trail(url: str, language, titles: dict) -> list[dict]:
    """The crumbs above a page (site paths and titles; None title = the home page).

    Empty on the home page. Folders without an index page are left out.
    """
    neutral = langs.strip_language(url, language).strip("/")
    if not neutral:
        return []
    crumbs = [{"path": langs.localize("", language), "title": None}]
    parts = neutral.split("/")
    for depth in range(1, len(parts)):
        path = langs.localize("/".join(parts[:depth]) + "/", language)
        if path in titles:
            crumbs.append({"path": path, "title": titles[path]})
    return crumbs
