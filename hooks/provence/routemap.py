"""The route of totem places on a map and on the ground: great-circle
distances between stops, directions links, and the light maps drawn at build
(the route's map without script and in print, the place pages' locators, the
home page's preview) from the backdrop the site ships
(overrides/assets/map/backdrop.geojson, scripts/map_backdrop.py)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from babel.units import format_unit

from provence import models
from provence.errors import raise_problems
from provence.figures import babel_locale

# The mean radius of the Earth (IUGG), in kilometres: the great-circle distance's sphere.
EARTH_RADIUS_KM = 6371.0088
# The backdrop file, under overrides/ and at the same path in the built site.
BACKDROP_PATH = "assets/map/backdrop.geojson"
# The backdrop is simplified to about 15 m: the interactive map goes no closer
# without the detailed map (scripts/map_backdrop.py).
BACKDROP_MAX_ZOOM = 13
# Width of the drawn maps' coordinate space; heights follow the window's shape.
DRAWING_WIDTH = 1000
# A locator shows at least this much of the territory (degrees of latitude, about 9 km).
LOCATOR_SPAN = 0.08


# --- Settings


def map_settings(raw) -> models.MapSettings:
    """``extra.map`` of mkdocs.yml, checked; a problem stops the build naming the field."""
    settings, problems = models.validate(models.MapSettings, raw or {}, "mkdocs.yml", prefix=("extra", "map"))
    raise_problems(problems, "mkdocs.yml")
    return settings


# --- On the ground


def great_circle_km(a, b) -> float:
    """The great-circle distance between two coordinates (``.lat``, ``.lon``), in km (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def legs(places: list) -> list[float | None]:
    """For each stop, the distance from the previous one in km (None for the first)."""
    return [None] + [great_circle_km(before.coordinates, after.coordinates) for before, after in zip(places, places[1:])]


def format_km(value: float, code: str) -> str:
    """A distance in the reader's locale: ``3,4 km``, ``3.4公里``; whole kilometres from 100 km."""
    pattern = "#,##0" if value >= 100 else "#,##0.0"
    return format_unit(value, "length-kilometer", length="short", format=pattern, locale=babel_locale(code))


def directions(place) -> dict[str, str]:
    """Plain links that open directions to a place on OpenStreetMap and on Géoportail."""
    lat, lon = f"{place.coordinates.lat:.5f}", f"{place.coordinates.lon:.5f}"
    return {
        # OpenStreetMap's directions with the destination set and the start left to the reader.
        "osm": "https://www.openstreetmap.org/directions?" + urlencode({"route": f";{lat},{lon}"}),
        # Géoportail's map centred on the place, where its route tool ("Itinéraire") starts.
        "geoportail": "https://www.geoportail.gouv.fr/carte?" + urlencode({"c": f"{lon},{lat}", "z": "16", "permalink": "yes"}),
    }


# --- Drawn maps


@dataclass(frozen=True)
class Window:
    """The part of the territory a drawn map shows: (west, south, east, north) in degrees."""

    west: float
    south: float
    east: float
    north: float


def window_around(points: list, span: float = LOCATOR_SPAN, margin: float = 0.3, aspect: float = 1.5) -> Window:
    """The smallest window showing every point (``.lat``, ``.lon``) with a margin, ``aspect`` times
    wider than high on the ground, and at least ``span`` degrees of latitude high."""
    lats, lons = [point.lat for point in points], [point.lon for point in points]
    middle_lat, middle_lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    # A degree of longitude is shorter than a degree of latitude by the cosine of the latitude.
    stretch = 1 / math.cos(math.radians(middle_lat))
    half = max(span / 2, (max(lats) - min(lats)) * (1 + margin) / 2, (max(lons) - min(lons)) * (1 + margin) / 2 / stretch / aspect)
    return Window(middle_lon - half * aspect * stretch, middle_lat - half, middle_lon + half * aspect * stretch, middle_lat + half)


def mercator_y(lat: float) -> float:
    """The Web Mercator ordinate of a latitude (the interactive map's projection too)."""
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


@dataclass(frozen=True)
class Drawing:
    """Projects coordinates into a drawn map's coordinate space (x east, y south)."""

    window: Window

    @property
    def scale(self) -> float:
        return DRAWING_WIDTH / math.radians(self.window.east - self.window.west)

    @property
    def height(self) -> int:
        return round((mercator_y(self.window.north) - mercator_y(self.window.south)) * self.scale)

    def point(self, lat: float, lon: float) -> tuple[float, float]:
        """(x, y) of a coordinate, to a tenth of a unit."""
        x = math.radians(lon - self.window.west) * self.scale
        y = (mercator_y(self.window.north) - mercator_y(lat)) * self.scale
        return round(x, 1), round(y, 1)

    def path(self, rings: list) -> str:
        """An SVG path of polygon rings given as GeoJSON ``[lon, lat]`` positions."""
        parts = []
        for ring in rings:
            # Whole units (a thousandth of the map's width): finer than the drawing shows, and
            # points that fall on the same unit are written once, which keeps the pages light.
            points = [tuple(round(value) for value in self.point(lat, lon)) for lon, lat in ring]
            kept = _without_repeats(points)
            if len(kept) >= 3:
                parts.append("M" + "L".join(f"{x} {y}" for x, y in kept) + "Z")
        return "".join(parts)


def _without_repeats(points: list) -> list:
    kept = points[:1]
    for point in points[1:]:
        if point != kept[-1]:
            kept.append(point)
    return kept


def load_backdrop(path: Path) -> list:
    """The land polygons of the backdrop: a list of polygons, each a list of ``[lon, lat]`` rings."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [polygon for feature in data["features"] for polygon in feature["geometry"]["coordinates"]]


def land_path(drawing: Drawing, land: list) -> str:
    """The land of the window as one SVG path (polygons outside the window left out)."""
    window = drawing.window
    rings = []
    for polygon in land:
        lons = [lon for lon, _ in polygon[0]]
        lats = [lat for _, lat in polygon[0]]
        if max(lons) < window.west or min(lons) > window.east or max(lats) < window.south or min(lats) > window.north:
            continue
        rings += polygon
    return drawing.path(rings)


def drawn_map(window: Window, land: list, places: list) -> dict:
    """What a drawn map's template needs: its size, its land, and each stop's position."""
    drawing = Drawing(window)
    stops = [{"place": place, "x": drawing.point(place.coordinates.lat, place.coordinates.lon)[0],
              "y": drawing.point(place.coordinates.lat, place.coordinates.lon)[1]} for place in places]
    return {
        "width": DRAWING_WIDTH,
        "height": drawing.height,
        "land": land_path(drawing, land),
        "stops": stops,
        "line": " ".join(f"{stop['x']:g},{stop['y']:g}" for stop in stops),
    }


def neighbours(places: list, slug: str) -> tuple:
    """(previous, place, next) on the route; None where the route starts or ends."""
    index = next(position for position, place in enumerate(places) if place.slug == slug)
    previous = places[index - 1] if index > 0 else None
    following = places[index + 1] if index + 1 < len(places) else None
    return previous, places[index], following
