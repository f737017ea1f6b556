"""Language alternates in every page's head: its real translations as
absolute ``hreflang`` links, reciprocal, with ``x-default`` to French, as in
the sitemaps (hooks/sitemap.py). A page served in French under another
language's folder because it is not translated lists none: its canonical
address is the French page (hooks/languages.py), which lists the real ones.

Material's script would fetch a ``sitemap.xml`` next to every such link
(and next to the feed's and the Markdown twin's) on every page view, for a
language-switch behaviour this site does not use: the page shell loads
Material's bundle without that lookup (provence/upstream.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from provence import languages as langs
from provence import upstream
from provence.cdn import content_fingerprint
from provence.context import context_of
from provence.pipeline import step

# --- Hooks


@step
def on_files(files, config):
    """Publish Material's bundle without its alternate lookup, under a name of its own content."""
    original = files.get_file_from_path(upstream.BUNDLE)
    if original is None:
        raise LookupError(f"Material's bundle {upstream.BUNDLE} is not among the theme's files: see upstream.BUNDLE")
    bundle = upstream.bundle_without_alternate_lookup(Path(original.abs_src_path).read_text(encoding="utf-8"))
    files.remove(original)
    files.append(File.generated(config, bundle_path(bundle), content=bundle))
    return files


@step
def on_env(env, config, files):
    """The page shell's script: the bundle published above."""
    env.globals["material_bundle"] = next(file.src_uri for file in files if is_patched_bundle(file.src_uri))
    return env


@step
def on_page_context(context, page, config, nav):
    """The page's real translations, and the hreflang links of a page that is one of them."""
    if not isinstance(page, Page):
        return context
    build = context_of(config)
    language = build.current_language(config)
    codes = real_translations(build, page.file)
    context["translations"] = codes
    fallback = context.get("page_language", {}).get("fallback", False)
    neutral = langs.strip_language(page.url, language)
    context["hreflang"] = [] if fallback or not config.site_url else hreflang_links(codes, neutral, build.languages, config.site_url)
    return context


# --- Helper functions


def real_translations(build, file) -> list[str]:
    """The languages in which a page's source is really written, in the site's order."""
    return upstream.translated_languages(file, [language.code for language in build.languages])


def hreflang_links(codes: list[str], neutral: str, languages, site_url: str) -> list[dict]:
    """``{hreflang, href}`` of each real translation of a page, then ``x-default`` (the French page)."""
    links = [
        {"hreflang": language.code, "href": langs.absolute_url(site_url, langs.localize(neutral, language))}
        for language in languages if language.code in codes
    ]
    default = next(language for language in languages if language.default)
    if default.code in codes:
        links.append({"hreflang": "x-default", "href": langs.absolute_url(site_url, langs.localize(neutral, default))})
    return links


def bundle_path(bundle: str) -> str:
    """``assets/javascripts/bundle.<material's hash>.<this content's hash>.min.js``: immutable caching stays right."""
    stem = upstream.BUNDLE.removesuffix(".min.js")
    return f"{stem}.{content_fingerprint(bundle)}.min.js"


def is_patched_bundle(src_uri: str) -> bool:
    """True for the bundle this hook publishes."""
    stem = upstream.BUNDLE.removesuffix(".min.js") + "."
    return src_uri.startswith(stem) and src_uri.endswith(".min.js") and src_uri != upstream.BUNDLE
