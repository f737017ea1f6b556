"""Structured data: the JSON-LD graph of a page, in the schema.org vocabulary,
built as plain data from what the site knows, never more (no status, date or
licence the site does not state).

Every page: the site (``WebSite``), the agency (``Organization``, the
Métropole its ``parentOrganization``) and the page (``WebPage``), with
``inLanguage``; every inner page its ``BreadcrumbList``. Then, by page: a
totem place (``TouristAttraction``), the route (an ordered ``ItemList`` of
them), an event (``Event``), a news post (``NewsArticle``), a partner
(``Organization``), the agency's funders and members (home, agency and
partners pages), and the open data files (``Dataset``, on the pages that
offer them). :func:`json_ld` serialises a graph for a ``<script>`` block.
"""

from __future__ import annotations

import json

CONTEXT = "https://schema.org"
# What the open data files are, for their Dataset (provence/opendata.py writes them).
# (site path, encoding format, per language): per-language files sit in each language's folder.
OPEN_DATA = (
    ("places.geojson", "application/geo+json", True),
    ("route.gpx", "application/gpx+xml", False),
    ("events.ics", "text/calendar", True),
    ("partners.json", "application/json", False),
)
# The listings that offer open data files for download.
OPEN_DATA_LISTINGS = ("places", "events", "partners")


# --- Serialisation


def json_ld(graph: dict) -> str:
    """The graph as the text of a ``<script type="application/ld+json">``.

    ``<``, ``>`` and ``&`` are written as JSON escapes, so that no text of an
    editor (a title with ``</script>`` in it) can end the block or open a comment.
    """
    text = json.dumps(graph, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def graph(nodes: list[dict]) -> dict:
    """One JSON-LD document holding the nodes."""
    return {"@context": CONTEXT, "@graph": nodes}


# --- The site, the agency and the page


def website(site: dict) -> dict:
    """The site in one language: ``site`` has ``home`` (its address), ``name``, ``language``, ``description``."""
    node = {"@type": "WebSite", "@id": site["home"] + "#website", "url": site["home"], "name": site["name"], "inLanguage": site["language"], "publisher": {"@id": site["agency"]}}
    if site.get("description"):
        node["description"] = site["description"]
    return node


def agency(site: dict, parent: str | None = None, funders: list[str] = (), members: list[str] = ()) -> dict:
    """One Provence: its parent organisation, funders and members by their ``@id``."""
    node = {"@type": "Organization", "@id": site["agency"], "name": site["name"], "url": site["root"], "logo": site["logo"]}
    if parent:
        node["parentOrganization"] = {"@id": parent}
    if funders:
        node["funder"] = [{"@id": funder} for funder in funders]
    if members:
        node["member"] = [{"@id": member} for member in members]
    return node


def web_page(page: dict, site: dict, breadcrumb: str | None = None, main: str | None = None) -> dict:
    """The page itself: ``page`` has ``url``, ``title``, ``language`` and maybe ``description``."""
    node = {"@type": "WebPage", "@id": page["url"], "url": page["url"], "name": page["title"], "inLanguage": page["language"], "isPartOf": {"@id": site["home"] + "#website"}}
    if page.get("description"):
        node["description"] = page["description"]
    if breadcrumb:
        node["breadcrumb"] = {"@id": breadcrumb}
    if main:
        node["mainEntity"] = {"@id": main}
    return node


def breadcrumb_list(page_url: str, crumbs: list[tuple[str, str]]) -> dict:
    """The trail as a BreadcrumbList: ``crumbs`` are (name, absolute address), the page last.

    Each crumb's ``item`` is a reference to the page (schema.org's range is a
    Thing; Google reads the reference's address).
    """
    return {
        "@type": "BreadcrumbList",
        "@id": page_url + "#breadcrumb",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": {"@id": address}}
            for position, (name, address) in enumerate(crumbs, start=1)
        ],
    }


# --- Places and the route


def tourist_attraction(place: dict) -> dict:
    """A totem place: ``place`` has ``url``, ``name``, ``description``, ``image``, ``lat``, ``lon``, ``locality``, maybe ``website``."""
    node = {
        "@type": "TouristAttraction",
        "@id": place["url"] + "#place",
        "name": place["name"],
        "description": place["description"],
        "url": place["url"],
        "image": place["image"],
        "geo": {"@type": "GeoCoordinates", "latitude": place["lat"], "longitude": place["lon"]},
        "address": {"@type": "PostalAddress", "addressLocality": place["locality"], "addressCountry": "FR"},
    }
    if place.get("website"):
        node["sameAs"] = place["website"]
    return node


def route(list_url: str, name: str, places: list[dict]) -> dict:
    """The route of totem places: an ItemList in their order on the route."""
    return {
        "@type": "ItemList",
        "@id": list_url + "#route",
        "name": name,
        "itemListOrder": "https://schema.org/ItemListOrderAscending",
        "numberOfItems": len(places),
        "itemListElement": [
            {"@type": "ListItem", "position": position, "item": tourist_attraction(place)}
            for position, place in enumerate(places, start=1)
        ],
    }


# --- Events, news posts, partners


def event(facts: dict) -> dict:
    """An event with the facts of its page: name, dates, place, page and link; no status.

    The agenda says whether an event is past or upcoming from its dates alone;
    it knows no more (the terminal's opening is the date announced in 2023),
    so no ``eventStatus`` is written. ``location``: the totem place, else the
    metropolis, the territory of every event of the agenda.
    """
    node = {
        "@type": "Event",
        "@id": facts["url"] + "#event",
        "name": facts["name"],
        "startDate": facts["start"],
        "endDate": facts["end"],
        "url": facts["url"],
        "location": facts["location"],
        "inLanguage": facts["language"],
    }
    if facts.get("description"):
        node["description"] = facts["description"]
    if facts.get("link"):
        node["sameAs"] = facts["link"]
    return node


def place_location(place: dict) -> dict:
    """Where an event happens: its totem place, with its locality and position."""
    return {
        "@type": "Place",
        "@id": place["url"] + "#place",
        "name": place["name"],
        "address": {"@type": "PostalAddress", "addressLocality": place["locality"], "addressCountry": "FR"},
        "geo": {"@type": "GeoCoordinates", "latitude": place["lat"], "longitude": place["lon"]},
    }


def territory_location(name: str, box: tuple) -> dict:
    """The metropolis as a place: its name and its bounding box (data/territory.yml)."""
    (south, north), (west, east) = box
    return {
        "@type": "AdministrativeArea",
        "name": name,
        "address": {"@type": "PostalAddress", "addressRegion": name, "addressCountry": "FR"},
        "geo": {"@type": "GeoShape", "box": f"{south} {west} {north} {east}"},
    }


def news_article(post: dict, agency_id: str) -> dict:
    """A news post: headline, summary, date of its facts, image; the agency wrote and published it."""
    return {
        "@type": "NewsArticle",
        "@id": post["url"] + "#article",
        "headline": post["title"],
        "description": post["summary"],
        "datePublished": post["date"],
        "image": [post["image"]],
        "inLanguage": post["language"],
        "url": post["url"],
        "mainEntityOfPage": {"@id": post["url"]},
        "author": {"@id": agency_id},
        "publisher": {"@id": agency_id},
    }


def organization(partner: dict) -> dict:
    """A partner: ``partner`` has ``id`` (its ``@id``), ``name``, ``description``, ``page``, ``logo``, maybe ``website``."""
    node = {"@type": "Organization", "@id": partner["id"], "name": partner["name"], "description": partner["description"], "logo": partner["logo"]}
    node["url"] = partner.get("website") or partner["page"]
    if partner.get("website"):
        node["subjectOf"] = {"@id": partner["page"]}
    return node


def dataset(facts: dict, agency_id: str) -> dict:
    """The open data files, one distribution per format; a licence only once the agency states one."""
    node = {
        "@type": "Dataset",
        "@id": facts["home"] + "#open-data",
        "name": facts["name"],
        "description": facts["description"],
        "url": facts["url"],
        "inLanguage": facts["language"],
        "isAccessibleForFree": True,
        "creator": {"@id": agency_id},
        "publisher": {"@id": agency_id},
        "spatialCoverage": facts["coverage"],
        "distribution": [
            {"@type": "DataDownload", "name": path.rsplit("/", 1)[-1], "encodingFormat": media_type, "contentUrl": address}
            for path, media_type, address in facts["files"]
        ],
    }
    if facts.get("license"):
        node["license"] = facts["license"]
    return node
