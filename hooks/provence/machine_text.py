"""Text for machines: every page as Markdown (its twin, ``…/index.md``), and
the llms.txt files (https://llmstxt.org) that list the twins of a language.

A twin is made from the page's final HTML (listings, details boxes and key
figures in place, as readers see them) by markdownify, the converter that
mkdocs-llmstxt uses, with every link and image made absolute: ``docs/``
keeps its relative links, the twin works wherever it is read.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from provence.output import cached_mapping

TWIN = "index.md"
# The llms.txt format's section of links a reader may skip (its name is part of the format).
OPTIONAL = "Optional"
# Folders listed under Optional: legal notices, and the later pages of the news listing.
OPTIONAL_FOLDERS = ("legal/", "actualites/page/")
BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class Twin:
    """One page's Markdown twin, and what its language's llms.txt says of it."""

    # Language-neutral site path of the page ('lieux/vieux-port/').
    neutral: str
    # Site path of the twin ('en/lieux/vieux-port/index.md').
    path: str
    title: str
    description: str | None
    markdown: str
    # True when the page is served in French because it is not translated.
    fallback: bool
    # What the twin was made from (twin_key): the twins cache's key.
    key: str = ""


def twin_path(page_url: str) -> str:
    """The twin of the page at ``lieux/vieux-port/`` (every page is a folder): ``lieux/vieux-port/index.md``."""
    folder = "" if page_url in ("", ".", "./") else page_url.rstrip("/") + "/"
    return folder + TWIN


def page_markdown(html: str, page_address: str, title: str, lead: str | None = None) -> str:
    """A page's HTML as Markdown: links and images absolute, permalinks and icons left out.

    ``page_address``: the page's absolute URL; ``title``: its heading when the
    HTML has none (the theme writes it); ``lead``: a text shown above the content.
    """
    from bs4 import BeautifulSoup
    from markdownify import ATX, MarkdownConverter

    soup = BeautifulSoup(html, "html.parser")
    for noise in soup.select("a.headerlink, svg, script, style, template"):
        noise.decompose()
    for tag, attribute in (("a", "href"), ("img", "src")):
        for element in soup.find_all(tag, attrs={attribute: True}):
            element[attribute] = urljoin(page_address, element[attribute])
    converter = MarkdownConverter(heading_style=ATX, bullets="-", escape_underscores=False, escape_asterisks=False)
    body = converter.convert_soup(soup).strip()
    head = "" if soup.find("h1") else f"# {title}\n\n"
    if lead:
        head += lead.strip() + "\n\n"
    return BLANK_LINES.sub("\n\n", head + body) + "\n"


# --- The twins cache: a twin is a pure function of its page, kept between builds


@dataclass
class TwinCache:
    """The twins of the last build, per language (``<folder>/<code>.json``), read when a language's first twin is made."""

    folder: Path
    version: str
    languages: dict = field(default_factory=dict)

    def cached(self, code: str) -> dict[str, str]:
        if code not in self.languages:
            self.languages[code] = cached_mapping(self.folder / f"{code}.json")
        return self.languages[code]


def converter_version() -> str:
    """What a twin depends on besides its page: this module's code, the converter's libraries, Python."""
    parts = [Path(__file__).read_bytes()]
    parts += [f"{name} {importlib.metadata.version(name)}".encode() for name in ("markdownify", "beautifulsoup4")]
    parts.append(sys.version.encode())
    return hashlib.sha1(b"\0".join(parts)).hexdigest()


def twin_key(version: str, html: str, page_address: str, title: str, lead: str | None) -> str:
    """The key of a twin in the cache: everything page_markdown reads."""
    text = "\0".join((version, html, page_address, title, lead or ""))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def cache_text(twins: list[Twin]) -> str:
    """A language's cache file: the twins of this build, by key."""
    return json.dumps({twin.key: twin.markdown for twin in twins}, ensure_ascii=False, sort_keys=True)


def llms_txt(texts: dict, sections: list[tuple[str, list[dict]]], others: list[dict]) -> str:
    """A language's llms.txt: its title, summary, one section of links per part of the site, Optional last.

    ``texts``: ``name``, ``summary``, ``details`` (a paragraph under the summary);
    ``sections``: (heading, links), a link being ``{title, url, note}``;
    ``others``: the other languages' llms.txt, as links.
    """
    lines = [f"# {texts['name']}", ""]
    if texts.get("summary"):
        lines += [f"> {one_line(texts['summary'])}", ""]
    # The format's details: a paragraph between the summary and the first section.
    if texts.get("details"):
        lines += [one_line(texts["details"]), ""]
    for heading, links in sections:
        lines += [f"## {heading}", ""] + [link_line(link) for link in links] + [""]
    if others:
        lines += [f"## {texts['languages']}", ""] + [link_line(link) for link in others] + [""]
    return "\n".join(lines)


def llms_full(texts: dict, twins: list[Twin], address) -> str:
    """Every twin of a language in one file, each introduced by its address (``address(twin)``)."""
    parts = [f"# {texts['name']}", ""]
    if texts.get("summary"):
        parts += [f"> {one_line(texts['summary'])}", ""]
    for twin in twins:
        parts += ["---", "", f"Source: {address(twin)}", "", twin.markdown.strip(), ""]
    return "\n".join(parts)


def link_line(link: dict) -> str:
    """One entry of an llms.txt list: ``- [title](url): note``."""
    note = f": {one_line(link['note'])}" if link.get("note") else ""
    return f"- [{one_line(link['title'])}]({link['url']}){note}"


def one_line(text: str) -> str:
    """A text on one line (a list entry cannot hold a line break)."""
    return " ".join(str(text).split())


def sections_of(twins: list[Twin], titles: dict, home_title: str) -> list[tuple[str, list[Twin]]]:
    """The twins grouped by the part of the site they belong to, in the navigation's order, Optional last.

    ``titles``: the language-neutral path of each section's index page -> its
    title, in the navigation's order; pages outside every section go with the home page.
    """
    order = {path: rank for rank, path in enumerate(titles)}
    groups: dict[str, list[Twin]] = {}
    for twin in twins:
        if twin.neutral.startswith(OPTIONAL_FOLDERS):
            key = OPTIONAL
        else:
            first = twin.neutral.split("/")[0] + "/"
            key = first if first in titles else ""
        groups.setdefault(key, []).append(twin)
    named = sorted((key for key in groups if key not in ("", OPTIONAL)), key=lambda key: order[key])
    result = [(home_title, groups[""])] if "" in groups else []
    result += [(titles[key], groups[key]) for key in named]
    if OPTIONAL in groups:
        result.append((OPTIONAL, groups[OPTIONAL]))
    return result
