"""Text for machines: every page's Markdown twin (``…/index.md``, announced in
its head with ``<link rel="alternate" type="text/markdown">``), and for each
language an ``llms.txt`` listing its twins and an ``llms-full.txt`` holding
them all (French at the root, like the site). nginx serves a page's twin to
a request that asks for ``text/markdown`` (server/nginx.conf).

mkdocs-llmstxt is not used: it converts a page in ``on_page_content``,
before this site's listings, details boxes and key figures are in it, and
writes one ``llms.txt`` at the root per language pass, each overwriting the
last (README, "Text for machines").
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.pages import Page

from provence import languages as langs
from provence import machine_text as mt
from provence.context import context_of, is_final_pass
from provence.output import write_if_changed
from provence.pipeline import step

# --- Hooks


@step
def on_page_context(context, page, config, nav):
    """The page's twin, from its final HTML; its address for the page's head."""
    if not isinstance(page, Page) or page.content is None:
        return context
    build = context_of(config)
    language = build.current_language(config)
    twin = page_twin(page, context, config, language)
    build.current(config).twins.append(twin)
    context["markdown_twin"] = twin.path
    return context


@step
def on_post_build(config):
    """Final pass: the twins, llms.txt and llms-full.txt of every language."""
    build = context_of(config)
    if not is_final_pass(config):
        return
    site, site_url = Path(config.site_dir), config.site_url or "/"
    for language in build.languages:
        language_pass = build.passes.get(language.code)
        if language_pass is None:
            continue
        for twin in language_pass.twins:
            write_if_changed(site / twin.path, twin.markdown)
        write_if_changed(twins_cache(build).folder / f"{language.code}.json", mt.cache_text(language_pass.twins))
        texts = llms_texts(build, language, language_pass)
        sections = link_sections(build, language, language_pass, site_url)
        others = [{"title": other.name, "url": langs.absolute_url(site_url, other.prefix + "llms.txt")} for other in build.languages if other != language]
        write_if_changed(site / language.prefix / "llms.txt", mt.llms_txt(texts, sections, others))
        full = mt.llms_full(texts, language_pass.twins, lambda twin: langs.absolute_url(site_url, twin.path))
        write_if_changed(site / language.prefix / "llms-full.txt", full)


# --- Helper functions


def page_twin(page, context, config, language) -> mt.Twin:
    """A page's twin and what its language's llms.txt says of it; converted only when the last build's cache lacks it."""
    hero = page.meta.get("hero") if isinstance(page.meta.get("hero"), dict) else {}
    title = str(hero.get("title") or page.title)
    address = langs.absolute_url(config.site_url or "/", page.url)
    cache = twins_cache(context_of(config))
    key = mt.twin_key(cache.version, page.content, address, title, hero.get("lead"))
    markdown = cache.cached(language.code).get(key)
    if markdown is None:
        markdown = mt.page_markdown(page.content, address, title, hero.get("lead"))
    description = (context.get("social") or {}).get("description")
    fallback = context.get("page_language", {}).get("fallback", False)
    return mt.Twin(langs.strip_language(page.url, language), mt.twin_path(page.url), str(page.title), description, markdown, fallback, key)


def twins_cache(build) -> mt.TwinCache:
    """The twins of the last build of this project (``.cache/twins/``): converting a page costs more than building it."""
    if build.twins_cache is None:
        build.twins_cache = mt.TwinCache(build.project / ".cache" / "twins", mt.converter_version())
    return build.twins_cache


def llms_texts(build, language, language_pass) -> dict:
    """The words of a language's llms.txt: the site's name and description, the headings."""
    code = language.code
    return {
        "name": "One Provence", "summary": language_pass.site_description,
        "details": build.ui["llms_twins"][code], "languages": build.ui["llms_languages"][code],
    }


def link_sections(build, language, language_pass, site_url: str) -> list[tuple[str, list[dict]]]:
    """The llms.txt sections of a language: its twins by part of the site, then the full text."""
    code = language.code
    titles = {langs.strip_language(path, language): title for path, title in (language_pass.nav_titles or {}).items()}
    titles.pop("", None)
    sections = []
    for heading, twins in mt.sections_of(language_pass.twins, titles, build.ui["home"][code]):
        links = [twin_link(build, twin, code, site_url) for twin in twins]
        if heading == mt.OPTIONAL:
            links.append(full_text_link(build, language, site_url))
        sections.append((heading, links))
    if not any(heading == mt.OPTIONAL for heading, _ in sections):
        sections.append((mt.OPTIONAL, [full_text_link(build, language, site_url)]))
    return sections


def twin_link(build, twin: mt.Twin, code: str, site_url: str) -> dict:
    """One twin as an llms.txt entry; a page not translated yet says that its text is French."""
    note = twin.description or ""
    if twin.fallback:
        note = f"({build.ui['llms_in_french'][code]}) {note}".strip()
    return {"title": twin.title, "url": langs.absolute_url(site_url, twin.path), "note": note}


def full_text_link(build, language, site_url: str) -> dict:
    """The entry of the language's llms-full.txt."""
    return {"title": "llms-full.txt", "url": langs.absolute_url(site_url, language.prefix + "llms-full.txt"), "note": build.ui["llms_full"][language.code]}
