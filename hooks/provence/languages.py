"""The site's languages and the paths of each language's folder.

The languages are declared once, in mkdocs.yml (the i18n plugin's
``languages``); each build reads that declaration into its context
(provence/context.py): there is no second list to drift.
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


# A front matter that says nothing: `---` lines around blank lines or `{}`.
EMPTY_FRONT_MATTER = re.compile(r"^\s*(?:-{3}[ \t]*\n(?:\s*|\{\}\s*)\n?-{3}[ \t]*)?\s*$")


def holds_nothing(text: str) -> bool:
    """True for a translation file without a word: no field, no body.

    The web editor (Decap CMS) writes a file for every language of a new item;
    the languages its editor left empty hold nothing, and mean "not translated
    yet": readers get the French page, with its notice.
    """
    return EMPTY_FRONT_MATTER.match(text) is not None
