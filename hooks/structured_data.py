"""Structured data: one JSON-LD graph per page (provence/structured_data.py
builds it as data), for search engines and answer engines: the site, the
agency, the page and its trail, and what the page is about (a totem place,
the route, an event, a news post, a partner, the open data files).

It describes the page at its own address, in the language of its text. It
is written into the page's head by overrides/partials/discovery-head.html.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page

from provence import languages as langs
from provence import structured_data as sd
from provence.catalog import funders_and_members, item_of, picture_site_path
from provence.context import context_of
from provence.pipeline import step

# Pages that describe the agency itself, which carry its funders and members.
AGENCY_PAGES = ("", "agence/", "partenaires/")

# --- Hooks


@step
def on_page_context(context, page, config, nav):
    """The page's graph, serialised for its head."""
    if not isinstance(page, Page) or not config.site_url:
        return context
    build = context_of(config)
    language = build.current_language(config)
    nodes = page_nodes(build, page, context, config, language)
    context["structured_data"] = sd.json_ld(sd.graph(nodes))
    return context


# --- Helper functions


def page_nodes(build, page, context, config, language) -> list[dict]:
    """Every node of a page's graph: the site, the agency, the page, its trail and its subject."""
    site = site_facts(build, config, language, context)
    neutral = langs.strip_language(page.url, language)
    page_facts = {
        "url": langs.absolute_url(config.site_url, page.url),
        "title": str(page.title),
        "language": context["page_language"]["source"],
        "description": context.get("social", {}).get("description"),
    }
    crumbs = breadcrumb_crumbs(build, page, context, config)
    subject, main = subject_nodes(build, page, language, site, page_facts)
    nodes = [sd.website(site), agency_node(build, site, language, neutral in AGENCY_PAGES)]
    breadcrumb = sd.breadcrumb_list(page_facts["url"], crumbs) if crumbs else None
    nodes.append(sd.web_page(page_facts, site, breadcrumb and breadcrumb["@id"], main))
    if breadcrumb:
        nodes.append(breadcrumb)
    if neutral in AGENCY_PAGES:
        nodes += partner_nodes(build, language, config.site_url, None)
    return nodes + subject


def site_facts(build, config, language, context) -> dict:
    """The site's addresses and names in the language of the pass."""
    root = langs.absolute_url(config.site_url, "")
    return {
        "root": root,
        "home": langs.absolute_url(config.site_url, language.prefix),
        "agency": root + "#organization",
        "name": config.site_name,
        "language": language.code,
        "description": config.site_description,
        "logo": langs.absolute_url(config.site_url, config.theme["logo"]),
        "site_url": config.site_url,
    }


def breadcrumb_crumbs(build, page, context, config) -> list[tuple[str, str]]:
    """(name, absolute address) of each crumb of the page's trail, the page last; none on the home page."""
    trail = context.get("breadcrumbs") or []
    if not trail:
        return []
    home = build.ui["home"][build.current_language(config).code]
    crumbs = [(crumb["title"] or home, langs.absolute_url(config.site_url, crumb["path"])) for crumb in trail]
    return crumbs + [(str(page.title), langs.absolute_url(config.site_url, page.url))]


def agency_node(build, site, language, full: bool) -> dict:
    """The agency; on the pages about it, with its parent, funders and members."""
    catalog = build.catalog
    if catalog is None or catalog.agency is None:
        return sd.agency(site)
    parent = partner_id(site["site_url"], language, catalog.agency.parent)
    if not full:
        return sd.agency(site, parent)
    funders, members = funders_and_members(catalog)
    return sd.agency(site, parent, [partner_id(site["site_url"], language, slug) for slug in funders], [partner_id(site["site_url"], language, slug) for slug in members])


def partner_id(site_url: str, language, slug: str) -> str:
    """The ``@id`` of a partner: its page in the language, as an organisation."""
    return langs.absolute_url(site_url, langs.localize(f"partenaires/{slug}/", language)) + "#organization"


def partner_nodes(build, language, site_url: str, only: str | None) -> list[dict]:
    """The partners as organisations (all of them, or ``only`` one)."""
    if build.catalog is None:
        return []
    return [
        sd.organization({
            "id": partner_id(site_url, language, partner.slug),
            "name": partner.title,
            "description": partner.summary,
            "page": langs.absolute_url(site_url, langs.localize(partner.path, language)),
            "logo": langs.absolute_url(site_url, picture_site_path(partner)),
            "website": partner.website,
        })
        for partner in build.catalog.items("partners", language.code)
        if only is None or partner.slug == only
    ]


def subject_nodes(build, page, language, site, page_facts) -> tuple[list[dict], str | None]:
    """The nodes of what the page is about, and the ``@id`` of its main one."""
    catalog = build.catalog
    if catalog is None:
        return [], None
    kind, slug = item_of(page.file.src_uri)
    if kind and slug in catalog.collections[kind]:
        return item_nodes(build, kind, catalog.collections[kind][slug].localized(language.code), language, site, page_facts)
    listing = page_listing(catalog, page)
    nodes = []
    if listing == "places":
        places = [place_facts(build, place, language, site["site_url"]) for place in catalog.items("places", language.code)]
        nodes.append(sd.route(page_facts["url"], str(page.title), places))
    if listing in sd.OPEN_DATA_LISTINGS:
        nodes.append(dataset_node(build, language, site, page_facts))
    return nodes, nodes[0]["@id"] if nodes else None


def page_listing(catalog, page) -> str | None:
    """The listing a page shows: its own, or its French index page's (as hooks/collections.py reads it)."""
    folder, _, name = page.file.src_uri.rpartition("/")
    return page.meta.get("listing") or (catalog.listings.get(folder) if name.startswith("index.") else None)


def item_nodes(build, kind, item, language, site, page_facts) -> tuple[list[dict], str | None]:
    """A collection item's node: a totem place, an event, a news post or a partner."""
    site_url = site["site_url"]
    if kind == "places":
        node = sd.tourist_attraction(place_facts(build, item, language, site_url))
    elif kind == "events":
        node = sd.event(event_facts(build, item, language, site_url, page_facts))
    elif kind == "news":
        node = sd.news_article({
            "url": page_facts["url"], "title": item.title, "summary": item.summary, "date": item.date.isoformat(),
            "image": langs.absolute_url(site_url, picture_site_path(item)), "language": page_facts["language"],
        }, site["agency"])
    elif kind == "partners":
        node = partner_nodes(build, language, site_url, item.slug)[0]
    else:
        return [], None
    return [node], node["@id"]


def place_facts(build, place, language, site_url: str) -> dict:
    """What the structured data says of a totem place, in the language."""
    return {
        "url": langs.absolute_url(site_url, langs.localize(place.path, language)),
        "name": place.title,
        "description": place.summary,
        "image": langs.absolute_url(site_url, picture_site_path(place)),
        "lat": place.coordinates.lat,
        "lon": place.coordinates.lon,
        "locality": build.catalog.communes[place.commune].name[language.code],
        "website": place.website,
    }


def event_facts(build, event, language, site_url: str, page_facts: dict) -> dict:
    """What the structured data says of an event: the facts of its page."""
    catalog = build.catalog
    if event.place in catalog.collections["places"]:
        location = sd.place_location(place_facts(build, catalog.collections["places"][event.place].localized(language.code), language, site_url))
    else:
        location = sd.territory_location(territory_name(build, language), (catalog.territory.lat, catalog.territory.lon))
    return {
        "url": page_facts["url"], "name": event.title, "start": event.start.isoformat(), "end": event.end.isoformat(),
        "location": location, "language": page_facts["language"], "description": event.summary, "link": event.link,
    }


def territory_name(build, language) -> str:
    """The metropolis's name in the language: its page's title (the partner that is the agency's parent)."""
    catalog = build.catalog
    if catalog.agency and catalog.agency.parent in catalog.collections["partners"]:
        return catalog.collections["partners"][catalog.agency.parent].localized(language.code).title
    return catalog.territory.name


def dataset_node(build, language, site, page_facts) -> dict:
    """The open data files offered for download, in the language's versions."""
    site_url, code = site["site_url"], language.code
    files = [
        (path, media_type, langs.absolute_url(site_url, (language.prefix if per_language else "") + path))
        for path, media_type, per_language in sd.OPEN_DATA
    ]
    catalog = build.catalog
    return sd.dataset({
        "home": site["home"],
        "name": build.ui["sd_dataset_name"][code],
        "description": build.ui["sd_dataset_description"][code],
        "url": page_facts["url"],
        "language": code,
        "coverage": sd.territory_location(territory_name(build, language), (catalog.territory.lat, catalog.territory.lon)),
        "files": files,
        "license": catalog.agency.open_data.license if catalog.agency else None,
    }, site["agency"])
