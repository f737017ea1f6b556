"""The knowledge index of "Ask One Provence", the question box that answers
from the site's own pages, one index per language (hooks/assistant.py).

The index holds what the browser needs to answer without asking anyone:

- ``passages``: every section of every page of the language (its title, its
  sentences, the key figures it shows and the collection items it links to
  or names);
- ``figures``: the key figures, written for the locale as the pages write
  them, with their source;
- ``items``: every item of every collection (places, partners, events...),
  with its facts (commune, stop on the route, dates, tier...) in the language;
- ``groups``: the partner tiers, whose listing section answers "who" questions;
- ``words``: the question words of data/assistant.yml for the language;
- ``common``: the language's everyday words, by how often they are written
  (wordfreq's frequency lists, which the package ships): the browser weighs a
  question's word by how rare it is on the site AND in the language, so that
  "work" or "see" says less about a question than "flamingo" or "hotel".

Chinese text is segmented into words here, with Material's segmenter (jieba),
words separated by a zero-width space; the browser tokenizes and stems.
"""

from __future__ import annotations

import html
import importlib.metadata
import re
from urllib.parse import urljoin, urlsplit

import wordfreq

from provence.catalog import COLLECTIONS
from provence.figures import source_view, translated
from provence.search_text import contains_han, plain_text, split_sections

# Material's permalink after each heading ("¶"), and the fine print of a
# figure's source note: neither is part of what a passage says.
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_SMALL = re.compile(r"<small\b.*?</small>", re.S)
# Elements that end a line of text: each becomes a unit of its own before sentences are cut.
_BLOCK = re.compile(r"</?(?:p|li|dd|dt|h[1-6]|td|th|tr|blockquote|figcaption|div|ul|ol|dl|table|section|aside|article|header|footer|br|hr)\b[^>]*>", re.I)
# A figure on a page, inline or as a card: data-figure="<id>" (an attribute,
# not an id: a page may cite the same figure twice).
_FIGURE = re.compile(r'\bdata-figure="([^"]+)"')
_HREF = re.compile(r'\bhref="([^"#]*)(?:#[^"]*)?"')
# A sentence ends with its punctuation and a space; not after a digit ("4. Platz",
# "7.º") or a single capital ("M. Dupont"). Chinese sentences end without a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…؟])(?<![0-9]\.)(?<!\b[A-Z]\.)\s+|(?<=[。！？；])")
_ZWSP = "\u200b"


# --- Passages of a page


def page_passages(markup: str, page_title: str, page_url: str, segment=None) -> list[dict]:
    """The sections of a page's final HTML, as passages of the index.

    ``page_url``: the page's address relative to the site root (``en/agence/``),
    against which links are resolved. The text before the first heading and
    the section of the page's main heading (h1) are the page's lead, whose
    anchor is "" (the top of the page).
    """
    cleaned = _SMALL.sub(" ", _HEADERLINK.sub("", markup))
    lead, sections = split_sections(cleaned)
    passages = [_passage("", page_title, lead, page_url, segment)]
    for anchor, title_markup, body, level in sections:
        if level == 1:
            passages[0] = _passage("", page_title, lead + body, page_url, segment)
            continue
        passages.append(_passage(anchor, plain_text(title_markup), body, page_url, segment))
    return [passage for passage in passages if passage["sentences"] or passage["anchor"]]


def _passage(anchor: str, title: str, markup: str, page_url: str, segment) -> dict:
    figures = []
    for figure in _FIGURE.findall(markup):
        if figure not in figures:
            figures.append(figure)
    return {
        "anchor": anchor,
        "title": segmented(title, segment),
        "sentences": [segmented(sentence, segment) for sentence in sentences(markup)],
        "figures": figures,
        "links": linked_paths(markup, page_url),
    }


def sentences(markup: str) -> list[str]:
    """The sentences of some HTML: each block (paragraph, list item...) cut at sentence ends."""
    found = []
    for unit in _BLOCK.split(markup):
        text = plain_text(unit)
        found += [sentence.strip() for sentence in _SENTENCE_END.split(text) if sentence.strip()]
    return found


def linked_paths(markup: str, page_url: str) -> list[str]:
    """The site paths (language folder included) of the same-site pages a piece of HTML links to."""
    paths = []
    base = "/" + page_url
    for href in _HREF.findall(markup):
        if not href or urlsplit(href).scheme or href.startswith("//"):
            continue
        path = urlsplit(urljoin(base, href)).path.lstrip("/")
        if path.endswith("index.html"):
            path = path[: -len("index.html")]
        if path not in paths:
            paths.append(path)
    return paths


def segmented(text: str, segment) -> str:
    """Text with its Chinese words separated by zero-width spaces (Material's jieba segmentation)."""
    if segment is None or not contains_han(text):
        return text
    return segment(html.escape(text, quote=False)).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


# --- The index of one language


def knowledge_index(code: str, pages: list[dict], views: dict, ui, words: dict, links: dict, default: str, common: dict) -> dict:
    """The whole index of one language.

    ``pages``: this language's pages as ``{"path", "title", "passages"}``
    (paths without the language folder); ``views``: the collections' views
    of the language (hooks/collections.py); ``ui``: the language's UI strings;
    ``common``: the language's everyday words (common_words).
    """
    catalog = views["catalog"]
    page_numbers = {page["path"]: number for number, page in enumerate(pages)}
    items = [item for kind in COLLECTIONS for item in views["items"](kind)]
    item_numbers = {item.path: number for number, item in enumerate(items)}
    passages = []
    for number, page in enumerate(pages):
        for passage in page["passages"]:
            passages.append(_indexed_passage(number, passage, page["prefix"], item_numbers, items))
    return {
        "language": code,
        "words": words,
        "links": links,
        "pages": [{"path": page["path"], "title": page["title"]} for page in pages],
        "passages": passages,
        "figures": [_figure(view, catalog, code) for view in views["figure_views"].values()],
        "items": [item_entry(item, views, ui, page_numbers.get(item.path)) for item in items],
        "common": common,
        "groups": [
            {"id": tier.id, "label": translated(tier.label, code, default), "description": translated(tier.description, code, default) if tier.description else ""}
            for tier in sorted(catalog.tiers.values(), key=lambda tier: (tier.order, tier.id))
        ],
    }


def _indexed_passage(page: int, passage: dict, prefix: str, item_numbers: dict, items: list) -> dict:
    mentioned = []
    for path in passage["links"]:
        number = item_numbers.get(path[len(prefix):] if prefix and path.startswith(prefix) else path)
        if number is not None and number not in mentioned:
            mentioned.append(number)
    text = " ".join(passage["sentences"]).replace(_ZWSP, "").casefold()
    for number, item in enumerate(items):
        if number not in mentioned and len(item.title) > 3 and item.title.casefold() in text:
            mentioned.append(number)
    entry = {"page": page, "anchor": passage["anchor"], "title": passage["title"], "sentences": passage["sentences"]}
    if passage["figures"]:
        entry["figures"] = passage["figures"]
    if mentioned:
        entry["items"] = mentioned
    return entry


def _figure(view: dict, catalog, code: str) -> dict:
    """A figure as the answer card shows it: its value as the pages write it, and its source's entry."""
    cited = source_view(catalog.sources[view["source"]], code, catalog.default)
    source = {key: value for key, value in cited.items() if value and key != "iso_date"}
    return {"id": view["id"], "value": view["value"], "unit": view["unit"], "label": view["label"], "ranked": view["ranked"], "date": cited["date"], "source": source}


# The facts shown on an item's answer card, by front matter field: the UI
# string of its label and how its value is written. A new collection whose
# items have these fields shows them with no code change.
def _route_step(item, views, ui):
    return ui("col_route_step").replace("{n}", str(item.route))


def _dates(item, views, ui):
    return views["period"](item.start, item.end)


def _place(item, views, ui):
    place = views["places_by_slug"].get(item.place)
    return place.title if place else None


def _tier(item, views, ui):
    tier = views["catalog"].tiers.get(item.tier)
    return views["text"](tier.label) if tier else None


FACTS = (
    ("commune", "col_commune", lambda item, views, ui: item.commune),
    ("route", "col_route", _route_step),
    ("start", "col_dates", _dates),
    ("place", "col_place", _place),
    ("tier", "col_tier", _tier),
)


def item_entry(item, views, ui, page: int | None) -> dict:
    """One collection item in the index: what it is, where its page is, its facts."""
    fields = type(item.fields).model_fields
    facts = []
    for name, label, value_of in FACTS:
        if name in fields and getattr(item, name, None) is not None:
            value = value_of(item, views, ui)
            if value:
                facts.append({"label": ui(label), "value": value})
    entry = {"collection": item.collection, "slug": item.slug, "path": item.path, "title": item.title, "summary": getattr(item, "summary", None) or ""}
    if page is not None:
        entry["page"] = page
    if facts:
        entry["facts"] = facts
    if "tier" in fields:
        entry["group"] = item.tier
    if "start" in fields:
        entry["start"] = item.start.isoformat()
    return entry


# --- Everyday words of a language

# Words at least this frequent (Zipf scale: 4 = ten per million words, 6 = one
# per thousand) are listed, in bands of a quarter: rarer words weigh fully.
COMMON_FROM = 4.0
COMMON_STEP = 0.25
COMMON_SCAN = 40_000
_LETTERS = re.compile(r"^[^\W\d_]+$")


def common_words_version(code: str) -> str:
    """What a language's everyday words depend on: wordfreq's version and the bands' settings."""
    return f"{code} wordfreq {importlib.metadata.version('wordfreq')} {COMMON_FROM} {COMMON_STEP} {COMMON_SCAN}"


def common_words(code: str) -> dict:
    """The language's frequent words, most frequent band first, each band one space-separated string.

    ``{"from": 4.0, "step": 0.25, "bands": ["de la le ...", ...]}``: the first
    band holds the words of Zipf frequency ``from + step * (len(bands) - 1)``
    and more, the last those of ``from`` to ``from + step``. An empty list of
    bands for a language wordfreq does not know.
    """
    if code not in wordfreq.available_languages():
        return {"from": COMMON_FROM, "step": COMMON_STEP, "bands": []}
    bands: dict[int, list[str]] = {}
    for word in wordfreq.top_n_list(code, COMMON_SCAN):
        zipf = wordfreq.zipf_frequency(word, code)
        if zipf < COMMON_FROM:
            break
        if _LETTERS.match(word):
            bands.setdefault(int((zipf - COMMON_FROM) // COMMON_STEP), []).append(word)
    top = max(bands, default=-1)
    return {"from": COMMON_FROM, "step": COMMON_STEP, "bands": [" ".join(bands.get(band, [])) for band in range(top, -1, -1)]}
