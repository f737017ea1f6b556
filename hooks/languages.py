"""Languages: refuse content in unconfigured languages, build the language
switcher of every page (written, generated and 404), flag untranslated pages
and give right-to-left pages their ``dir``."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from jinja2 import pass_context
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from provence import upstream
from provence.context import context_of, is_first_pass
from provence import languages as langs
from provence import translations
from provence.errors import Problem, raise_problems
from provence.pipeline import step

# --- Hooks


@step
def on_files(files, config):
    """Stop the build when a docs file is written in a language the site does not build (first pass);
    in every pass, leave out the translation files that hold nothing (langs.holds_nothing)."""
    build = context_of(config)
    if is_first_pass(config):
        codes = [language.code for language in build.declared]
        src_uris = [file.src_uri for file in files if not file.generated_by and _in_docs(file, config)]
        problems = [
            Problem(
                f"docs/{src_uri}",
                "file name",
                f"language '{code}' is not configured (the site builds: {', '.join(codes)}). "
                "Rename the file with one of those suffixes, or declare the language in "
                "mkdocs.yml under plugins > i18n > languages.",
            )
            for src_uri, code in langs.unknown_language_files(src_uris, codes)
        ]
        raise_problems(problems, "the docs folder")
        build.empty_translations = empty_translations(files, config, build.default.code)
    for file in [file for file in files if file.src_uri in build.empty_translations]:
        files.remove(file)
    return files


@step
def on_env(env, config, files):
    """Give templates the current language and a filter that localizes site paths."""
    language = context_of(config).current_language(config)
    env.globals["site_language"] = language
    env.filters["localized"] = localized
    env.globals["language_base"] = partial(langs.language_base, language=language)
    return env


@step
def on_page_context(context, page, config, nav):
    """Attach the switcher and the translation status to a page's context."""
    if not isinstance(page, Page):
        return context
    build = context_of(config)
    language = build.current_language(config)
    source = upstream.file_language(page.file, language.code)
    context["page_language"] = {
        "code": language.code,
        "source": source,
        "source_direction": _direction(build, source),
        "fallback": source != language.code,
    }
    neutral = langs.strip_language(page.file.url, language)
    state = translation_state(build, page, config.docs_dir, language)
    context["translation_status"] = state
    if state is not None and state.stale:
        context["french_url"] = get_relative_url(langs.localize(neutral, build.default), page.url)
    # An untranslated page is a copy of the French one: search engines are sent there.
    if context["page_language"]["fallback"] and config.site_url:
        context["canonical_url"] = langs.absolute_url(config.site_url, neutral)
    else:
        context["canonical_url"] = page.canonical_url
    context["switcher"] = switcher_entries(build.languages, language, neutral)
    return context


@step
def on_template_context(context, template_name, config):
    """The 404 page's switcher leads to the 404 page of each language."""
    if template_name == "404.html":
        build = context_of(config)
        context["switcher"] = switcher_entries(build.languages, build.current_language(config), "404.html")
    return context


@step
def on_post_page(output, page, config):
    """Mark right-to-left pages on the html element itself."""
    return langs_html_dir(output, context_of(config).current_language(config))


@step
def on_post_template(output, template_name, config):
    """Same as on_post_page, for the static 404 template."""
    if template_name != "404.html":
        return output
    return langs_html_dir(output, context_of(config).current_language(config))


# --- Helper functions


@pass_context
def localized(context, path: str) -> str:
    """A language-neutral site path in the folder of the page's language.

    It reads the language from the render context: a filter that does not is
    evaluated once, at compile time, on a constant path (``'' | localized``),
    and compiled templates are shared by every language pass (hooks/template_cache.py).
    """
    return langs.localize(path, context["site_language"])


def switcher_entries(languages, current, neutral_path):
    """One link per language to the same page: name, code, direction, site path, current flag."""
    return [
        {
            "code": language.code,
            "name": language.name,
            "direction": language.direction,
            "path": langs.localize(neutral_path, language),
            "current": language.code == current.code,
        }
        for language in languages
    ]


def empty_translations(files, config, default: str) -> set[str]:
    """The translation files (src_uri) that hold nothing: as if they did not exist."""
    return {
        file.src_uri for file in files.documentation_pages()
        if _in_docs(file, config) and langs.language_suffix(file.src_uri) not in (None, default)
        and langs.holds_nothing(Path(file.abs_src_path).read_text(encoding="utf-8-sig"))
    }


def translation_state(build, page, docs_dir: str, language) -> translations.Status | None:
    """Where a translated page stands against its French page (None for French pages and fallbacks).

    The version of each French page is computed once per build (the build context keeps it).
    """
    if language.default or upstream.file_language(page.file, language.code) != language.code:
        return None
    source = f"docs/{page.file.src_uri}"
    translation, problems = translations.parse_translation(page.meta, source)
    raise_problems(problems, source)
    french = translations.french_src_uri(page.file.src_uri, build.default.code)
    if french not in build.french_versions:
        build.french_versions[french] = translations.french_version(Path(docs_dir), french)
    return translations.status(translation, build.french_versions[french])


def langs_html_dir(output: str, language) -> str:
    """Add ``dir`` to the opening html tag, which Material leaves without it."""
    opening = f'<html lang="{language.code}"'
    if opening not in output or f'{opening} dir=' in output:
        return output
    return output.replace(opening, f'{opening} dir="{language.direction}"', 1)


def _direction(build, code):
    try:
        return build.language(code).direction
    except KeyError:
        return "ltr"


def _in_docs(file, config):
    return file.abs_src_path is not None and file.abs_src_path.startswith(str(config.docs_dir))
