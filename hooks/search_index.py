"""Search in the reader's language only.

Stock mkdocs-static-i18n merges every language into one index. Here each
language gets its own ``<lang>/search/search_index.json`` with the lunr
language, separator and pipeline of that language (Chinese text is segmented
by jieba, which Material applies when it is installed). The page templates
point the search worker at the index of their own language folder.
"""

from __future__ import annotations

import json
from pathlib import Path

from provence import upstream
from provence import languages as langs
from provence.context import context_of, is_final_pass
from provence.output import write_if_changed
from provence.pipeline import step

# Languages that elide a vowel with an apostrophe ("l'académie", "dell'arte"):
# the apostrophe separates two words, so "académie" finds "L'académie".
ELIDING = {"fr", "it"}

# --- Hooks


@step
def on_config(config):
    """Re-derive the search settings from the language being built."""
    language_pass = context_of(config).current(config)
    settings = upstream.search_settings(config)
    settings["separator"] = word_separator(settings["separator"], language_pass.code)
    language_pass.search_settings = settings
    return config


@step
def on_env(env, config, files):
    """The search worker's file (its name carries a hash) and how Material asks for the index."""
    env.globals["search_worker"] = upstream.search_worker(config.theme.dirs)
    env.globals["search_request"] = upstream.search_request()
    return env


@step
def on_page_context(context, page, config, nav):
    """Note the pages served in French because they are not translated yet."""
    language_pass = context_of(config).current(config)
    if upstream.file_language(page.file, language_pass.code) != language_pass.code:
        language_pass.untranslated.add(page.url)
    return context


@step
def on_post_build(config):
    """Keep this language's entries; once all languages are built, write every index."""
    build = context_of(config)
    language_pass, language = build.current(config), build.current_language(config)
    entries = upstream.search_entries(config) or []
    language_pass.search_docs = entries_for_language(entries, language, build.languages, language_pass.untranslated)
    if not is_final_pass(config):
        return
    for code, finished in build.passes.items():
        index = {"config": finished.search_settings, "docs": finished.search_docs}
        path = Path(config.site_dir) / build.language(code).prefix / "search" / "search_index.json"
        write_if_changed(path, json.dumps(index, ensure_ascii=False, separators=(",", ":")))


# --- Helper functions


def word_separator(separator: str, code: str) -> str:
    """Material's separator for a language, with the apostrophes where words are elided."""
    if code.split("-")[0] not in ELIDING or not separator.startswith("[") or "'" in separator:
        return separator
    return separator.replace("]", "'\u2019]", 1)


def entries_for_language(entries, language, languages, untranslated=frozenset()):
    """This language's entries (not its untranslated pages), located in its own folder."""
    other_prefixes = tuple(other.prefix for other in languages if other.prefix and other != language)
    kept = []
    for entry in entries:
        location = entry["location"]
        if language.prefix and not location.startswith(language.prefix):
            continue
        if not language.prefix and location.startswith(other_prefixes):
            continue
        if location.split("#")[0] in untranslated:
            continue
        kept.append({**entry, "location": langs.strip_language(location, language)})
    return kept
