"""The site's templates, discovered from the built site rather than listed: a
page's template is the shape of its address (the home page, a section's index
page, a page inside a section, the 404 page). A section added later (news, a
map) brings its templates to every check that uses this module.

For each template one page stands for all: the largest French page of that
shape (the most text, so the most chances to overflow), checked at the same
address in each language the check covers.
"""

from __future__ import annotations

from pathlib import Path

from audit import site_pages

NOT_FOUND = "404.html"
# The browser checks of every template run in one language per way of writing
# the site has: Latin letters left to right (the default), Arabic right to
# left, Chinese characters.
CHECKED_LANGUAGES = ("fr", "ar", "zh")


def neutral_path(path: str, codes: list[str]) -> str:
    """'en/lieux/' -> 'lieux/' (the address without its language folder)."""
    first, _, rest = path.partition("/")
    return rest if first in codes and (rest or path.endswith("/")) else path


def template_of(path: str) -> str:
    """'' -> 'home', 'lieux/' -> 'lieux/', 'lieux/themes/mer/' -> 'lieux/themes/*', '404.html' -> '404'."""
    if path == "":
        return "home"
    if path.endswith(NOT_FOUND):
        return "404"
    parts = path.strip("/").split("/")
    return f"{parts[0]}/" if len(parts) == 1 else "/".join(parts[:-1]) + "/*"


def templates(site: Path, codes: list[str]) -> dict[str, str]:
    """Template -> the language-neutral address of the page that stands for it."""
    chosen: dict[str, tuple[int, str]] = {}
    for path in site_pages(site):
        if neutral_path(path, codes) != path:
            continue  # a translation: the French page stands for the template
        file = site / (path + "index.html" if path.endswith("/") or path == "" else path)
        size = file.stat().st_size
        key = template_of(path)
        if key not in chosen or size > chosen[key][0]:
            chosen[key] = (size, path)
    return {key: path for key, (_, path) in sorted(chosen.items())}


def localized(path: str, language: dict) -> str:
    """The address of a language-neutral page in one language."""
    return path if language.get("default") else f"{language['locale']}/{path}"
