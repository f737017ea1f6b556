"""Markup added to a page after Material's search has read it, made
searchable as plain text (the index itself is reached through
provence/upstream.py).

Material's search indexer parses every page's HTML with Python's HTMLParser,
which costs about 25 microseconds a tag. The listings, details boxes and key
figures are tag-dense, so their hooks add them after the indexer has run and
put their text, stripped of tags by one regular expression, where Material
would have put it: the listing's text in the page's last section (or in
sections of their own at headings with ids), a figure's text in place of
its ``[[figure:id]]`` marker.
"""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9]*)?[^>]*>")
# Elements inside a line of text: their tags join the words around them, as
# the browser does; any other tag separates words.
_INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark",
    "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
}
# Navigation (previous / next place, theme links) is not content: searching a
# theme's name should not return every page that links to it.
_NAV = re.compile(r"<nav\b.*?</nav>", re.S)
# ASCII white space only: no-break spaces (1 000 000 €, « Mer ») stay as written.
_SPACE = re.compile(r"[ \t\n\r\f\v]+")
# The Han script (radicals, ideographs and their extensions), which Material segments.
_HAN = re.compile(r"[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# A heading with an id; split() yields the id, the heading's inner HTML, then what follows.
_HEADING = re.compile(r"<h[1-6]\b[^>]*?\bid=\"([^\"]*)\"[^>]*>(.*?)</h[1-6]>", re.S)


def contains_han(text: str) -> bool:
    """Whether some text has Chinese characters (which Material segments into words)."""
    return _HAN.search(text) is not None


def plain_text(markup: str) -> str:
    """The text of some HTML: tags dropped, entities decoded, spaces collapsed."""
    text = _TAG.sub(lambda tag: "" if (tag.group(1) or "").lower() in _INLINE else " ", markup)
    return _SPACE.sub(" ", html.unescape(text)).strip(" ")


def sections(markup: str) -> tuple[str, list[tuple[str, str, str]]]:
    """The text before the first heading with an id, then (id, title, text) per such heading.

    Material's indexer starts a new section at every heading that has an id.
    """
    parts = _HEADING.split(_NAV.sub(" ", markup))
    lead, found = parts[0], []
    for index in range(1, len(parts), 3):
        found.append((parts[index], plain_text(parts[index + 1]), plain_text(parts[index + 2])))
    return plain_text(lead), found


# The same, with the heading's level: split() yields the level, the id, the inner HTML, then what follows.
_LEVELLED_HEADING = re.compile(r"<h([1-6])\b[^>]*?\bid=\"([^\"]*)\"[^>]*>(.*?)</h[1-6]>", re.S)


def split_sections(markup: str) -> tuple[str, list[tuple[str, str, str, int]]]:
    """The HTML before the first heading with an id, then (id, heading HTML, HTML, level) per such heading.

    The HTML of each section is kept (``sections`` gives its text), navigation dropped.
    """
    parts = _LEVELLED_HEADING.split(_NAV.sub(" ", markup))
    return parts[0], [(parts[index + 1], parts[index + 2], parts[index + 3], int(parts[index])) for index in range(1, len(parts), 4)]


def append_to_page(page_entries: list[dict], page_url: str, markup: str, segment=None) -> list[dict]:
    """Add the text of ``markup`` to the search entries of the page at ``page_url``.

    ``page_entries`` are the page's entries in the index being built. Text
    before any heading goes to the page's last section; each heading with an
    id opens a section of its own, as Material's indexer does: those new
    entries are returned, for the index to take after the page's. Text is
    escaped as Material escapes page text and passed through ``segment``
    (Material's Chinese word segmentation). Nothing is added to a page that
    has no entry (it is excluded from search).
    """
    lead, found = sections(markup)
    if not page_entries or not (lead or found):
        return []
    if lead:
        last = page_entries[-1]
        last["text"] = f"{last['text']} {_indexed(lead, segment)}".strip()
    return [{"location": f"{page_url}#{anchor}", "title": _indexed(title, segment), "text": _indexed(text, segment)} for anchor, title, text in found]


def rewrite_entries(page_entries: list[dict], rewrite) -> None:
    """Apply ``rewrite`` to the title and text of a page's search entries."""
    for entry in page_entries:
        entry["title"], entry["text"] = rewrite(entry["title"]), rewrite(entry["text"])


def indexed_text(markup: str, segment=None) -> str:
    """Some HTML as search text: plain, escaped as Material escapes it, segmented."""
    return _indexed(plain_text(markup), segment)


def _indexed(text: str, segment) -> str:
    escaped = html.escape(text, quote=False)
    # Material's segmenter compiles its Han-script pattern on every call: skip text without Han characters.
    return segment(escaped) if segment is not None and _HAN.search(escaped) else escaped
