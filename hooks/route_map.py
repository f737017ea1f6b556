"""The route of totem places on a map and on the ground.

The route page (``lieux/``) shows the stops on an interactive map (Leaflet,
vendored by scripts/vendor_map.py) with the path between them, and next to it
the map's text equivalent: the stops in order, as links, with their commune
and the distance from the previous stop. The map is drawn from the site's own
backdrop (overrides/assets/map/backdrop.geojson, scripts/map_backdrop.py)
until the reader asks for the detailed map (``extra.map`` of mkdocs.yml),
whose one origin the site's Content-Security-Policy adds (hooks/cdn.py).
Without script, and in print, the route page shows the same map drawn at
build; each place page shows such a locator with its neighbours on the route,
and plain links for directions.

This hook draws the maps once per build and gives the collections' templates
(``op-listing-places.html``, ``op-item-places.html``) each language's view of
the route; the theme loads the map's library only on the route pages
(``op_route_map`` in their context, ``main.html``).
"""

from __future__ import annotations

from provence import models
from provence.catalog import COLLECTIONS
from provence.context import context_of, is_first_pass
from provence.pipeline import step
from provence.routemap import (
    BACKDROP_MAX_ZOOM, BACKDROP_PATH, directions, drawn_map, format_km, legs, load_backdrop, map_settings, neighbours,
    window_around,
)

# The route page: the listing page of the places' folder, in every language.
ROUTE_FOLDER = COLLECTIONS["places"][0]
# Room around the route's stops on its drawn map (a share of their extent).
ROUTE_MARGIN = 0.12
# The map's library and script, served from the site (scripts/vendor_map.py).
LIBRARY = {
    "styles": ["assets/map/leaflet/leaflet.css"],
    "scripts": ["assets/map/leaflet/leaflet.js", "assets/javascripts/route-map.js"],
}

# --- Hooks


@step
def on_pre_build(config):
    """Check ``extra.map`` and draw the route's maps from the backdrop (first pass, once per build)."""
    build = context_of(config)
    if not is_first_pass(config) or build.catalog is None:
        return
    settings = map_settings(config.extra.get("map"))
    places = build.catalog.items("places", build.default.code)
    if not places:
        build.route_map = None
        return
    land = load_backdrop(build.project / "overrides" / BACKDROP_PATH)
    build.route_map = {"settings": settings, "drawings": drawings(places, land)}


@step
def on_env(env, config, files):
    """Give the collections' templates this language's route: stops, distances and drawn maps."""
    build = context_of(config)
    if build.route_map is None or build.catalog is None:
        return env
    code = build.current_language(config).code
    views = build.current(config).views
    views["route_map"] = route_view(views["items"]("places"), code, build.route_map)
    return env


@step
def on_page_context(context, page, config, nav):
    """Mark the route page, whose head loads the map's library, styles and script."""
    build = context_of(config)
    if build.route_map is not None and is_route_page(page.file.src_uri):
        context["op_route_map"] = LIBRARY
    return context


# --- Helper functions


def is_route_page(src_uri: str) -> bool:
    """True for the route page's source in any language: ``lieux/index.fr.md``, ``lieux/index.en.md`` ..."""
    folder, _, name = src_uri.rpartition("/")
    return folder == ROUTE_FOLDER and name.startswith("index.")


def drawings(places: list, land: list) -> dict:
    """The maps drawn at build: the whole route, and each place's locator with its neighbours."""
    route = drawn_map(window_around([place.coordinates for place in places], margin=ROUTE_MARGIN), land, places)
    locators = {}
    for place in places:
        shown = [stop for stop in neighbours(places, place.slug) if stop is not None]
        locators[place.slug] = drawn_map(window_around([stop.coordinates for stop in shown]), land, shown)
    return {"route": route, "locators": locators}


def route_view(places: list, code: str, route_map: dict) -> dict:
    """The route in one language: each stop with its distance from the previous one, its
    neighbours and its directions, and the total."""
    distances = legs(places)
    stops = [
        {
            "place": place, "km": km, "distance": format_km(km, code) if km is not None else None,
            "directions": directions(place),
            "previous": places[index - 1] if index > 0 else None,
            "next": places[index + 1] if index + 1 < len(places) else None,
        }
        for index, (place, km) in enumerate(zip(places, distances))
    ]
    total = sum(km for km in distances if km is not None)
    return {
        "stops": stops,
        "by_slug": {stop["place"].slug: stop for stop in stops},
        "total_km": total,
        "total": format_km(total, code),
        "drawing": route_map["drawings"]["route"],
        "locators": route_map["drawings"]["locators"],
        "settings": map_settings_view(route_map["settings"]),
    }


def map_settings_view(settings: models.MapSettings) -> dict:
    """What the map's script reads from the page: the backdrop and the detailed tiles."""
    detailed = settings.detailed
    return {
        "backdrop": BACKDROP_PATH,
        "backdrop_max_zoom": BACKDROP_MAX_ZOOM,
        "provider": detailed.provider,
        "origin": detailed.origin.rstrip("/"),
        "tiles": detailed.tiles,
        "attribution": detailed.attribution,
        "max_zoom": detailed.max_zoom,
    }
