"""Search in the reader's language only.

Stock mkdocs-static-i18n merges every language into one index. Here each
language gets its own ``<lang>/search/search_index.json`` with the lunr
language, separator and pipeline of that language (Chinese text is segmented
by jieba, which Material applies when it is installed). The page templates
point the search worker at the index of their own language folder.
"""

from __future__ import annotations

import json
from copy import deepcopy
from pathlib import Path

from mkdocs.plugins import event_priority

from provence import languages as langs
from provence.output import write_if_changed

# Languages that elide a vowel with an apostrophe ("l'académie", "dell'arte"):
# the apostrophe separates two words, so "académie" finds "L'académie".
ELIDING = {"fr", "it"}

_settings: dict[str, dict] = {}
_indexes: dict[str, dict] = {}
_untranslated: dict[str, set[str]] = {}

# --- Hooks


@event_priority(-150)  # after the i18n plugin (-100) has set this build's theme language
def on_config(config):
    """Re-derive the search settings from the language being built."""
    search = _search_plugin(config)
    search.config.lang = None
    search.config.separator = None
    search.config.pipeline = None
    search.on_config(config)
    settings = {key: deepcopy(search.config[key]) for key in ("lang", "separator", "pipeline", "fields")}
    settings["separator"] = word_separator(settings["separator"], langs.current_language(config))
    _settings[langs.current_language(config)] = settings
    return config


def on_page_context(context, page, config, nav):
    """Note the pages served in French because they are not translated yet."""
    code = langs.current_language(config)
    if getattr(page.file, "locale", code) != code:
        _untranslated.setdefault(code, set()).add(page.url)
    return context


@event_priority(-200)  # after material/search and the i18n plugin have run
def on_post_build(config):
    """Keep this language's entries; once all languages are built, write every index."""
    languages = langs.site_languages(config)
    language = langs.find_language(languages, langs.current_language(config))
    entries = _search_plugin(config).search_index.entries
    _indexes[language.code] = {
        "config": _settings[language.code],
        "docs": entries_for_language(entries, language, languages, _untranslated.get(language.code, set())),
    }
    if not langs.is_final_pass(config):
        return
    for code, index in _indexes.items():
        folder = langs.find_language(languages, code).prefix
        path = Path(config.site_dir) / folder / "search" / "search_index.json"
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


def _search_plugin(config):
    return config.plugins["material/search"]
