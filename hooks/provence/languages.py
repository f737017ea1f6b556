"""The site's languages, read from the one declaration in mkdocs.yml.

Every hook and test obtains languages from :func:`site_languages`, which reads
the ``i18n`` plugin's ``languages`` list: there is no second list to drift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

# Same shape as the locale codes the i18n plugin recognises in file suffixes.
LOCALE_SUFFIX = re.compile(r"^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$|^[a-z]{2}_[A-Z]{2}$")
RIGHT_TO_LEFT = {"ar", "fa", "he", "ur"}


@dataclass(frozen=True)
class Language:
    """A configured site language."""

    code: str
    name: str
    default: bool

    @property
    def direction(self) -> str:
        """``rtl`` for right-to-left scripts, else ``ltr``."""
        return "rtl" if self.code.split("-")[0] in RIGHT_TO_LEFT else "ltr"

    @property
    def prefix(self) -> str:
        """Folder of this language in the built site: '' or 'en/'."""
        return "" if self.default else f"{self.code}/"


def i18n_plugin(config):
    """The mkdocs-static-i18n plugin instance of a loaded config."""
    return config.plugins["i18n"]


_declared: dict = {}


def site_languages(config) -> list[Language]:
    """All built languages, in declaration order (default language first).

    Read from the i18n plugin's configuration once per loaded configuration:
    hooks ask for them on every page.
    """
    declared = i18n_plugin(config).config.languages
    cached = _declared.get(id(declared))
    if cached is None or cached[0] is not declared:
        languages = [Language(lang.locale, lang.name, bool(lang.default)) for lang in declared if lang.build]
        cached = (declared, sorted(languages, key=lambda language: not language.default))
        _declared.clear()
        _declared[id(declared)] = cached
    return list(cached[1])


def current_language(config) -> str:
    """The language whose build is running an event.

    The i18n plugin builds the other languages from inside the default
    language's post-build step and leaves ``current_language`` on the last one
    built: outside those nested builds, the language is the default one.
    """
    plugin = i18n_plugin(config)
    if plugin.current_language is None or not plugin.building:
        return plugin.default_language
    return plugin.current_language


def is_final_pass(config) -> bool:
    """True in the last post-build call, once every language has been built."""
    return not i18n_plugin(config).building


def language_suffix(src_uri: str) -> str | None:
    """The locale suffix of a docs file name (``a/b.en.md`` -> ``en``), if any."""
    suffixes = PurePosixPath(src_uri).suffixes
    if len(suffixes) < 2:
        return None
    candidate = suffixes[-2].lstrip(".")
    return candidate if LOCALE_SUFFIX.match(candidate) else None


def unknown_language_files(src_uris: list[str], codes: list[str]) -> list[tuple[str, str]]:
    """Docs files whose suffix names a language the site does not build."""
    found = []
    for src_uri in src_uris:
        suffix = language_suffix(src_uri)
        if suffix and suffix not in codes:
            found.append((src_uri, suffix))
    return found


def strip_language(url: str, language: Language) -> str:
    """A site-relative URL without its language folder: 'en/a/' -> 'a/'."""
    if language.prefix and (url + "/").startswith(language.prefix):
        return url[len(language.prefix):]
    return url


def localize(path: str, language: Language) -> str:
    """Put a language-neutral site path in a language's folder."""
    path = path.lstrip("/")
    if path in ("", "."):
        return language.prefix or "./"
    return language.prefix + path


def language_base(base_url: str, language: Language) -> str:
    """The page-relative URL of a language's root, ending with a slash."""
    if not language.prefix:
        return base_url
    return base_url.rstrip("/") + "/" + language.prefix


def find_language(languages: list[Language], code: str) -> Language:
    """The configured language with this code."""
    for language in languages:
        if language.code == code:
            return language
    raise KeyError(code)


def absolute_url(site_url: str, path: str) -> str:
    """An absolute URL from the site URL and a site-relative path."""
    path = "" if path in (".", "./") else path
    return site_url.rstrip("/") + "/" + path.lstrip("/")
