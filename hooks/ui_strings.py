"""UI strings: the words the project's templates add (notices, labels,
buttons) come from the files of ``data/ui/`` (one file per part of the site),
one entry per string with all languages. A string missing in one language, or
defined in two files, stops the build; there is no silent fallback."""

from __future__ import annotations

from functools import partial

from mkdocs.exceptions import PluginError

from provence import yamlfile
from provence.context import context_of, is_first_pass
from provence.errors import Problem, raise_problems
from provence.pipeline import step

UI_FOLDER = "data/ui"

# --- Hooks


@step
def on_config(config):
    """Read and check data/ui/*.yml once per build, in the default language's pass."""
    if not is_first_pass(config):
        return config
    build = context_of(config)
    strings, problems = load_strings(build.project / UI_FOLDER, [language.code for language in build.declared])
    raise_problems(problems, UI_FOLDER)
    build.ui = strings
    return config


@step
def on_env(env, config, files):
    """Expose ``ui('key')`` to templates, bound to the language being built,
    and ``ui_in('de', 'key')`` for text shown in another language."""
    build = context_of(config)
    env.globals["ui"] = partial(translate, build.ui, build.current_language(config).code)
    env.globals["ui_in"] = partial(translate, build.ui)
    return env


# --- Helper functions


def load_strings(folder, codes: list[str]) -> tuple[dict, list[Problem]]:
    """Every UI string of the folder's files (key -> language -> text), and what is wrong with them."""
    problems, merged = [], {}
    for path in sorted(folder.glob("*.yml")):
        label = f"{UI_FOLDER}/{path.name}"
        strings, found = yamlfile.read(path, label)
        if found:
            problems += found
            continue
        problems += check_strings(strings, codes, label)
        problems += duplicate_keys(strings, merged, label)
        if isinstance(strings, dict):
            merged.update({key: (label, texts) for key, texts in strings.items()})
    return {key: texts for key, (_, texts) in merged.items()}, problems


def check_strings(strings, codes, source):
    """Every string has a non-empty text in every configured language, and no other."""
    if not isinstance(strings, dict):
        return [Problem(source, "", "expected a list of strings such as `key: {fr: ..., en: ...}`")]
    problems = []
    for key, texts in strings.items():
        if not isinstance(texts, dict):
            problems.append(Problem(source, str(key), "expected one text per language, e.g. `fr: ...`"))
            continue
        for code in codes:
            if not str(texts.get(code) or "").strip():
                problems.append(Problem(source, f"{key}.{code}", f"missing the '{code}' text; add `{code}: ...` under `{key}`"))
        for code in texts:
            if code not in codes:
                problems.append(Problem(source, f"{key}.{code}", f"'{code}' is not a language of the site ({', '.join(codes)})"))
    return problems


def duplicate_keys(strings, seen, source):
    """Keys of one file already defined in another: each string has one home."""
    if not isinstance(strings, dict):
        return []
    return [
        Problem(source, str(key), f"already defined in {seen[key][0]}; keep one of the two")
        for key in strings
        if key in seen
    ]


def translate(strings, code, key):
    """The text of a UI string in a language; an unknown key is a build error."""
    if key not in strings:
        raise PluginError(f"{UI_FOLDER}: UI string '{key}' is used by a template but not defined; add it with one text per language")
    return strings[key][code]
