"""UI strings: the words the project's templates add (notices, labels,
buttons) come from the files of ``data/ui/`` (one file per part of the site),
one entry per string with all languages. A string missing in one language, or
defined in two files, stops the build; there is no silent fallback."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError

from provence import languages as langs
from provence.datafiles import load_yaml
from provence.errors import Problem, raise_problems

UI_FOLDER = "data/ui"

_strings: dict[str, dict[str, str]] = {}

# --- Hooks


def on_config(config):
    """Read and check data/ui/*.yml once per build, in the default language's pass."""
    if langs.current_language(config) != langs.i18n_plugin(config).default_language:
        return config
    codes = [language.code for language in langs.site_languages(config)]
    folder = Path(config.config_file_path).parent / UI_FOLDER
    problems, merged = [], {}
    for path in sorted(folder.glob("*.yml")):
        label = f"{UI_FOLDER}/{path.name}"
        strings = load_yaml(path, label)
        problems += check_strings(strings, codes, label)
        problems += duplicate_keys(strings, merged, label)
        if isinstance(strings, dict):
            merged.update({key: (label, texts) for key, texts in strings.items()})
    raise_problems(problems, UI_FOLDER)
    _strings.clear()
    _strings.update({key: texts for key, (_, texts) in merged.items()})
    return config


def on_env(env, config, files):
    """Expose ``ui('key')`` to templates, bound to the language being built,
    and ``ui_in('de', 'key')`` for text shown in another language."""
    env.globals["ui"] = partial(translate, _strings, langs.current_language(config))
    env.globals["ui_in"] = partial(translate, _strings)
    return env


# --- Helper functions


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
