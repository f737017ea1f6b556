"""The route of totem places on a map and on the ground.

The route page (``lieux/``) shows the stops on an interactive map (Leaflet,
vendored by scripts/vendor_map.py) with the path between them, and next to it
the map's text equivalent: the stops in order, with their commune and the
distance from the previous stop. The map is drawn from the site's own backdrop
(data/map.yml, overrides/assets/map/backdrop.geojson) until the reader asks for
the detailed map, whose one origin the route page's Content-Security-Policy
adds (hooks/cdn.py). Without script, and in print, the route page shows the
same map drawn at build; each place page shows such a locator with its
neighbours on the route, and links for directions.

This hook reads the map's data once per build and gives the collections'
templates (``op-listing-places.html``, ``op-item-places.html``) each
language's view of the route; the theme loads the map's library only on the
route pages (``op_route_map`` in their context, ``partials/op-map-head.html``).
"""

from __future__ import annotations

from pathlib import Path

from provence import models, yamlfile
from provence.catalog import COLLECTIONS
from provence.context import context_of, is_first_pass
from provence.errors import Problem, raise_problems
from provence.pipeline import step
from provence.routemap import (
    BACKDROP_MAX_ZOOM, BACKDROP_PATH, directions, drawn_map, format_km, legs, load_backdrop, neighbours,
    territory_window, window_around,
)

MAP_FILE = "data/map.yml"
# The route page: the listing page of the places' folder, in every language.
ROUTE_FOLDER = COLLECTIONS["places"][0]

# --- Hooks


@step
def on_pre_build(config):
    """Read data/map.yml and the backdrop, and draw the route's maps (first pass, once per build)."""
    build = context_of(config)
    if not is_first_pass(config) or build.catalog is None:
        return
    settings = load_settings(build.project)
    land = load_backdrop(build.project / "overrides" / BACKDROP_PATH)
    places = build.catalog.items("places", build.default.code)
    build.route_map = {"settings": settings, "drawings": drawings(places, land, build.catalog.territory)}


@step
def on_env(env, config, files):
    """Give the collections' templates this language's route: stops, distances and drawn maps."""
    build = context_of(config)
    if build.route_map is None:
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
        context["op_route_map"] = map_settings_view(build.route_map["settings"])
    return context


# --- Helper functions


def load_settings(project: Path) -> models.MapSettings:
    """data/map.yml, checked; a problem stops the build naming the field."""
    raw, problems = yamlfile.read(project / MAP_FILE, MAP_FILE)
    if raw is None and not problems:
        problems = [Problem(MAP_FILE, "", "missing; the route map needs its detailed tiles (detailed: provider, origin, tiles, attribution, max_zoom)")]
    settings, found = models.validate(models.MapSettings, raw, MAP_FILE) if not problems else (None, [])
    raise_problems(problems + found, MAP_FILE)
    return settings


def is_route_page(src_uri: str) -> bool:
    """True for the route page's source in any language: ``lieux/index.fr.md``, ``lieux/index.en.md`` ..."""
    folder, _, name = src_uri.rpartition("/")
    return folder == ROUTE_FOLDER and name.startswith("index.")


def drawings(places: list, land: list, territory) -> dict:
    """The maps drawn at build: the whole route, and each place's locator with its neighbours."""
    route = drawn_map(territory_window(territory), land, places)
    locators = {}
    for place in places:
        shown = [stop for stop in neighbours(places, place.slug) if stop is not None]
        locators[place.slug] = drawn_map(window_around([stop.coordinates for stop in shown]), land, shown)
    return {"route": route, "locators": locators}


def route_view(places: list, code: str, route_map: dict) -> dict:
    """The route in one language: each stop with its distance from the previous one, and the total."""
    distances = legs(places)
    stops = [
        {"place": place, "km": km, "distance": format_km(km, code) if km is not None else None, "directions": directions(place)}
        for place, km in zip(places, distances)
    ]
    total = sum(km for km in distances if km is not None)
    return {
        "stops": stops,
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
