"""Markup added to a page after Material's search has read it, made
searchable as plain text.

Material's search indexer parses every page's HTML with Python's HTMLParser,
which costs about 25 microseconds a tag. The listings and details boxes of the
collections are tag-dense and repeat what their items' own pages say, so the
collections hook adds them after the indexer has run and appends their text,
stripped of tags by one regular expression, to the page's last section: the
section Material would have put it in.
"""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]*>")
# Navigation (previous / next place, theme links) is not content: searching a
# theme's name should not return every page that links to it.
_NAV = re.compile(r"<nav\b.*?</nav>", re.S)
_SPACE = re.compile(r"\s+")
# A heading with an id; split() yields the id, the heading's inner HTML, then what follows.
_HEADING = re.compile(r"<h[1-6]\b[^>]*?\bid=\"([^\"]*)\"[^>]*>(.*?)</h[1-6]>", re.S)


def plain_text(markup: str) -> str:
    """The text of some HTML: tags dropped, entities decoded, spaces collapsed."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip()


def sections(markup: str) -> tuple[str, list[tuple[str, str, str]]]:
    """The text before the first heading with an id, then (id, title, text) per such heading.

    Material's indexer starts a new section at every heading that has an id.
    """
    parts = _HEADING.split(_NAV.sub(" ", markup))
    lead, found = parts[0], []
    for index in range(1, len(parts), 3):
        found.append((parts[index], plain_text(parts[index + 1]), plain_text(parts[index + 2])))
    return plain_text(lead), found


def append_to_page(entries: list[dict], page_url: str, markup: str, segment=lambda text: text) -> bool:
    """Add the text of ``markup`` to the search entries of the page at ``page_url``.

    ``entries`` is the search index being built; the page's entries are the
    last ones added. Text before any heading goes to the page's last section,
    each heading with an id opens a section of its own, as Material's indexer
    does. Text is escaped as Material escapes page text and passed through
    ``segment`` (Material's Chinese word segmentation). False when the page
    has no entry (it is excluded from search) or the markup has no text.
    """
    lead, found = sections(markup)
    if not (lead or found) or not entries or entries[-1]["location"].split("#")[0] != page_url:
        return False
    if lead:
        last = entries[-1]
        last["text"] = f"{last['text']} {_indexed(lead, segment)}".strip()
    for anchor, title, text in found:
        entries.append({"location": f"{page_url}#{anchor}", "title": _indexed(title, segment), "text": _indexed(text, segment)})
    return True


def _indexed(text: str, segment) -> str:
    return segment(html.escape(text, quote=False))
