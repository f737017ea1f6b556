"""Breadcrumbs on every content page: Home > section > page, in the
language being built, for written and generated pages alike."""

from __future__ import annotations

from mkdocs.structure.pages import Page

from provence import languages as langs
from provence.context import context_of
from provence.pipeline import step

# --- Hooks


@step
def on_page_context(context, page, config, nav):
    """Give the page template its trail, from the language's home page to the page."""
    if not isinstance(page, Page):
        return context
    build = context_of(config)
    language_pass = build.current(config)
    if language_pass.nav_titles is None:
        language_pass.nav_titles = nav_titles(nav)
    context["breadcrumbs"] = trail(page.url, build.current_language(config), language_pass.nav_titles)
    return context


# --- Helper functions


def nav_titles(nav) -> dict:
    """Site path -> title of every page of a language's navigation."""
    return {other.url: other.title for other in nav.pages}


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
