"""UI strings: the words the project's templates add (notices, labels,
buttons) come from ``data/ui.yml``, one entry per string with all languages.
A string missing in one language stops the build; there is no silent fallback."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError

from provence import languages as langs
from provence.datafiles import load_yaml
from provence.errors import Problem, raise_problems

UI_FILE = "data/ui.yml"

_strings: dict[str, dict[str, str]] = {}

# --- Hooks


def on_config(config):
    """Read and check data/ui.yml once per language build (cheap: one small file)."""
    codes = [language.code for language in langs.site_languages(config)]
    path = Path(config.config_file_path).parent / UI_FILE
    strings = load_yaml(path, UI_FILE)
    raise_problems(check_strings(strings, codes, UI_FILE), UI_FILE)
    _strings.clear()
    _strings.update(strings)
    return config


def on_env(env, config, files):
    """Expose ``ui('key')`` to templates, bound to the language being built."""
    env.globals["ui"] = partial(translate, _strings, langs.current_language(config))
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


def translate(strings, code, key):
    """The text of a UI string in a language; an unknown key is a build error."""
    if key not in strings:
        raise PluginError(f"{UI_FILE}: UI string '{key}' is used by a template but not defined; add it with one text per language")
    return strings[key][code]
