"""Sitemaps and robots.txt that tell search engines the truth about languages.

A page served in French under /en/ because it is not yet translated is not
advertised as English: only real translations are listed, each with its
hreflang alternates and an x-default (French). One sitemap for the whole
site at the root, one per language folder (Material's scripts read
``<language>/sitemap.xml``), and one for the news section of each language
(next to its feed, where Material's scripts look too).
"""

from __future__ import annotations

import gzip
from pathlib import Path

from provence import news, upstream
from provence import languages as langs
from provence.catalog import has_news
from provence.context import context_of, is_final_pass
from provence.output import write_if_changed
from provence.pipeline import step
from provence.templates import file_templates

# --- Hooks


@step
def on_config(config):
    """MkDocs renders a sitemap.xml of its own in every language pass (with the
    i18n plugin's template); this hook writes the sitemaps, so that one is not rendered."""
    config.theme.static_templates.discard("sitemap.xml")
    return config


@step
def on_post_build(config):
    """Keep this language's real translations; once every language is built, write
    sitemap.xml (root and per language), its gzip, and robots.txt."""
    build = context_of(config)
    language_pass = build.current(config)
    language_pass.pages = translated_pages({language_pass.code: upstream.files_per_language(config).get(language_pass.code, [])}, build.default.code)
    if not is_final_pass(config):
        return
    pages = [page for finished in build.passes.values() for page in finished.pages or []]
    urls = sitemap_urls(pages, config.site_url, build.languages)
    templates = file_templates(build.project)
    template = templates.get_template("sitemap.xml")
    site = Path(config.site_dir)
    root = template.render(urls=urls)
    write_if_changed(site / "sitemap.xml", root)
    write_if_changed(site / "sitemap.xml.gz", gzip.compress(root.encode("utf-8"), mtime=0))
    for language in build.languages:
        if language.prefix:
            own = [url for url in urls if url["language"] == language.code]
            write_if_changed(site / language.prefix / "sitemap.xml", template.render(urls=own))
    # Material's scripts fetch a sitemap.xml next to every <link rel="alternate">
    # of a page, the news feed's included: its folder gets the sitemap of its section.
    if has_news(build.catalog):
        for language in build.languages:
            folder = language.prefix + news.FOLDER + "/"
            own = section_urls(urls, language.code, langs.absolute_url(config.site_url, folder))
            write_if_changed(site / folder / "sitemap.xml", template.render(urls=own))
    write_if_changed(site / "robots.txt", templates.get_template("robots.txt").render(site_url=config.site_url))


# --- Helper functions


def section_urls(urls: list[dict], code: str, section_url: str) -> list[dict]:
    """The sitemap entries of one language under a folder's address."""
    return [url for url in urls if url["language"] == code and url["loc"].startswith(section_url)]


def translated_pages(files_per_language: dict, default: str):
    """(language, neutral source path, site-relative URL) of every real translation."""
    pages = []
    for code, files in files_per_language.items():
        for file in files:
            if upstream.file_language(file, default) == code and file.page is not None:
                pages.append((code, upstream.neutral_source(file), file.url))
    return pages


def sitemap_urls(pages, site_url, languages):
    """One sitemap entry per page, with alternates for its real translations only."""
    order = {language.code: rank for rank, language in enumerate(languages)}
    default = next(language.code for language in languages if language.default)
    by_source: dict[str, dict[str, str]] = {}
    for code, source, url in pages:
        by_source.setdefault(source, {})[code] = langs.absolute_url(site_url, url)
    entries = []
    for source in sorted(by_source):
        versions = dict(sorted(by_source[source].items(), key=lambda item: order[item[0]]))
        alternates = list(versions.items())
        if default in versions:
            alternates.append(("x-default", versions[default]))
        for code, loc in versions.items():
            entries.append({"language": code, "loc": loc, "alternates": alternates})
    return sorted(entries, key=lambda entry: (order[entry["language"]], entry["loc"]))
