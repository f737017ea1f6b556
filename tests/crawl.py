"""A link checker for the served site: from the home page of every language
(and the sitemaps, robots.txt and search indexes), follow every same-origin
address in HTML, CSS, XML and search indexes; an address that does not answer
200 (after redirects), or a #fragment with no matching id, is broken."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

LINK_ATTRIBUTES = {"href", "src", "poster", "data"}
NOT_ADDRESSES = ("mailto:", "tel:", "javascript:", "data:", "blob:")
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
XML_LOC = re.compile(r"<loc>([^<]+)</loc>|\shref=\"([^\"]+)\"")


@dataclass
class Resource:
    """One fetched address."""

    status: int
    content_type: str = ""
    ids: set[str] = field(default_factory=set)


@dataclass
class Crawl:
    """Every link found (source, target address, fragment) and what each address answered."""

    links: list[tuple[str, str, str]] = field(default_factory=list)
    resources: dict[str, Resource] = field(default_factory=dict)

    def broken(self) -> list[tuple[str, str, str]]:
        """(source, link, reason) of every link that leads nowhere."""
        found = []
        for source, target, fragment in self.links:
            resource = self.resources[target]
            shown = target + (f"#{fragment}" if fragment else "")
            if resource.status != 200:
                found.append((source, shown, f"status {resource.status}"))
            elif fragment and "html" in resource.content_type and unquote(fragment) not in resource.ids:
                found.append((source, shown, "no element with this id"))
        return found


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.addresses: list[str] = []
        self.ids: set[str] = set()
        self.base: str | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in LINK_ATTRIBUTES:
                self.addresses.append(value)
            elif name == "srcset":
                self.addresses += [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
        if tag == "base":
            self.base = dict(attrs).get("href")


def crawl(base_url: str, starts: list[str], site_url: str, workers: int = 8) -> Crawl:
    """Crawl the site at base_url from the given site paths."""
    result = Crawl()
    pending = {urljoin(base_url, start) for start in starts}
    for address in pending:
        result.links.append(("(start)", address, ""))
    with ThreadPoolExecutor(workers) as pool:
        while pending:
            fetched = list(pool.map(lambda address: (address, _fetch(address)), sorted(pending)))
            pending = set()
            for address, (resource, body) in fetched:
                result.resources[address] = resource
                for target, fragment in _links_in(address, resource, body, base_url, site_url):
                    result.links.append((address, target, fragment))
                    if target not in result.resources and target not in pending:
                        pending.add(target)
            pending -= set(result.resources)
    return result


def _fetch(address: str) -> tuple[Resource, bytes]:
    try:
        with urllib.request.urlopen(address, timeout=30) as response:
            return Resource(response.status, response.headers.get("Content-Type", "")), response.read()
    except urllib.error.HTTPError as error:
        return Resource(error.code, error.headers.get("Content-Type", "")), b""


def _links_in(address, resource, body, base_url, site_url):
    """(target address without fragment, fragment) of each same-origin link in a response."""
    kind = resource.content_type
    text = body.decode("utf-8", "replace")
    if "html" in kind:
        parser = _PageParser()
        parser.feed(text)
        resource.ids = parser.ids
        raw, base = parser.addresses, parser.base or address
    elif "css" in kind:
        raw, base = CSS_URL.findall(text), address
    elif "xml" in kind:
        raw, base = [loc or href for loc, href in XML_LOC.findall(text)], address
    elif address.endswith("robots.txt"):
        raw, base = re.findall(r"(?mi)^sitemap:\s*(\S+)", text), address
    elif address.endswith("search/search_index.json"):
        # Locations are relative to the language folder that holds search/.
        raw, base = [doc["location"] or "./" for doc in json.loads(text)["docs"]], urljoin(address, "../")
    else:
        return []
    links = []
    for value in raw:
        value = value.strip()
        if not value or value.startswith(NOT_ADDRESSES):
            continue
        if value.startswith(site_url):
            value = base_url + value[len(site_url):]
        target, fragment = urldefrag(urljoin(base, value))
        if urlsplit(target).netloc == urlsplit(base_url).netloc:
            links.append((target, fragment))
    return links
