"""Ask One Provence: a question box that answers from the site's own pages,
in the reader's browser (overrides/assistant.html and
overrides/assets/javascripts/assistant/).

The build writes one knowledge index per language,
``<language folder>/assistant/knowledge.json``: the passages of every page
of the language, the key figures, the collections' items and the question
words of data/assistant.yml (provence/assistant.py). The page that holds the
box (front matter ``template: assistant.html``) is not a source of answers.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.structure.pages import Page

from provence import assistant, models, upstream, yamlfile
from provence.catalog import COLLECTIONS
from provence.context import context_of, is_first_pass
from provence.errors import Problem, raise_problems
from provence.languages import strip_language
from provence.output import cached_mapping, write_if_changed
from provence.pipeline import step

WORDS_FILE = "data/assistant.yml"
TEMPLATE = "assistant.html"
INDEX = "assistant/knowledge.json"
# The browser libraries of the box, per language (scripts/vendor_assistant.py).
VENDOR = "assets/javascripts/assistant/vendor"

# --- Hooks


@step
def on_pre_build(config):
    """Read and check data/assistant.yml once per build."""
    if not is_first_pass(config):
        return
    build = context_of(config)
    words, problems = load_words(build.project / WORDS_FILE, [language.code for language in build.declared])
    raise_problems(problems, WORDS_FILE)
    build.assistant = words


@step
def on_page_context(context, page, config, nav):
    """Keep the passages of this page for its language's index (the box's own page excepted)."""
    build = context_of(config)
    if not isinstance(page, Page) or page.content is None:
        return context
    language_pass, language = build.current(config), build.current_language(config)
    if page.meta.get("template") == TEMPLATE:
        language_pass.assistant_page = True
    elif build.assistant is not None and answers_from(page, language_pass):
        passages = assistant.page_passages(page.content, page.title or "", page.url, upstream.chinese_segmenter(config))
        path = strip_language(page.url, language)
        language_pass.assistant_pages.append({"path": path, "title": page.title or "", "prefix": language.prefix, "passages": passages})
    return context


@step
def on_post_build(config):
    """Write this language's knowledge index, if the language has the question box's page."""
    build = context_of(config)
    language_pass, language = build.current(config), build.current_language(config)
    if not language_pass.assistant_page or build.catalog is None:
        return
    if build.assistant is None:
        raise_problems([Problem(WORDS_FILE, "", "missing; the question box (a page with `template: assistant.html`) needs its question words")], WORDS_FILE)
    ui = lambda key: build.ui[key][language.code]  # noqa: E731 - the UI strings of this language
    index = assistant.knowledge_index(
        language.code, language_pass.assistant_pages, language_pass.views, ui,
        words_of(build.assistant, language.code), {"map": build.assistant.map},
        build.catalog.default, everyday_words(build.project, language.code),
    )
    index["analysis"] = libraries(Path(config.theme.custom_dir) / VENDOR, language.code)
    write_if_changed(Path(config.site_dir) / language.prefix / INDEX, json.dumps(index, ensure_ascii=False, separators=(",", ":")))


# --- Helper functions


def answers_from(page, language_pass) -> bool:
    """Pages that answer: those of this language (not a French page standing in), not excluded from search."""
    search = page.meta.get("search") or {}
    return page.url not in language_pass.untranslated and not (isinstance(search, dict) and search.get("exclude"))


def load_words(path: Path, codes: list[str]) -> tuple[models.AssistantWords | None, list[Problem]]:
    """data/assistant.yml, checked: every list in every language, known collections only."""
    raw, problems = yamlfile.read(path, WORDS_FILE)
    if raw is None:
        return None, problems
    words, found = models.validate(models.AssistantWords, raw, WORDS_FILE)
    if words is None:
        return None, problems + found
    return words, problems + missing_languages(words, codes)


def missing_languages(words, codes: list[str]) -> list[Problem]:
    """Lists without a language of the site, languages the site lacks, unknown collections."""
    lists = {"which": words.which, "ignore": words.ignore, "synonyms": words.synonyms}
    lists.update({f"units.{unit}": per_language for unit, per_language in words.units.items()})
    for position, kind in enumerate(words.kinds):
        lists[f"kinds[{position}].words"] = kind.words
        if kind.nouns:
            lists[f"kinds[{position}].nouns"] = kind.nouns
    problems = []
    for name, per_language in lists.items():
        if name in ("ignore", "synonyms") and not per_language:
            continue
        problems += [Problem(WORDS_FILE, f"{name}.{code}", f"missing the '{code}' list; add `{code}: [...]`") for code in codes if code not in per_language]
        problems += [Problem(WORDS_FILE, f"{name}.{code}", f"'{code}' is not a language of the site ({', '.join(codes)})") for code in per_language if code not in codes]
    for position, kind in enumerate(words.kinds):
        problems += [
            Problem(WORDS_FILE, f"kinds[{position}].collections", f"{name!r} is not a collection; expected one of: {', '.join(COLLECTIONS)}")
            for name in kind.collections if name not in COLLECTIONS
        ]
    return problems


def words_of(words, code: str) -> dict:
    """The question words of one language, as the browser reads them."""
    return {
        "which": words.which.get(code, []),
        "ignore": words.ignore.get(code, []),
        "kinds": [
            {"id": kind.id, "collections": kind.collections, "words": kind.words.get(code, []), "nouns": kind.nouns.get(code, [])}
            for kind in words.kinds
        ],
        "units": {unit: per_language.get(code, []) for unit, per_language in words.units.items()},
        "synonyms": words.synonyms.get(code, []),
    }


def everyday_words(project: Path, code: str) -> dict:
    """The language's everyday words, from ``.cache/common-words/`` while wordfreq and the settings are the same.

    Reading wordfreq's lists costs about 0.3 s per language and per build
    (0.5 s in Chinese, whose words wordfreq segments with its own jieba)."""
    path = project / ".cache" / "common-words" / f"{code}.json"
    version = assistant.common_words_version(code)
    cached = cached_mapping(path)
    if cached.get("version") == version and "words" in cached:
        return cached["words"]
    words = assistant.common_words(code)
    write_if_changed(path, json.dumps({"version": version, "words": words}, ensure_ascii=False))
    return words


def libraries(vendor: Path, code: str) -> dict:
    """Which of the vendored stemmer and stop-word list exist for a language."""
    return {
        "stemmer": (vendor / f"stemmer-{code}.js").is_file(),
        "stopwords": (vendor / f"stopwords-{code}.js").is_file(),
    }
