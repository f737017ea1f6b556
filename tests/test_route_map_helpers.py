"""The route map's pure helpers (hooks/provence/routemap.py), without a build:
distances, their formatting in each locale, the windows and the projection of
the drawn maps, the directions links and the map's settings."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from geopy.distance import great_circle

from mkdocs.exceptions import PluginError
from provence.routemap import Drawing, directions, format_km, great_circle_km, legs, map_settings, window_around

VIEUX_PORT = SimpleNamespace(lat=43.2951, lon=5.374)
SAINTE_VICTOIRE = SimpleNamespace(lat=43.531, lon=5.575)
TILES = {"provider": "IGN", "origin": "https://data.geopf.fr", "tiles": "https://data.geopf.fr/t/{z}/{x}/{y}.png",
         "attribution": "© IGN", "max_zoom": 18}


def test_great_circle_distance_agrees_with_geopy_to_the_metre():
    assert abs(great_circle_km(VIEUX_PORT, SAINTE_VICTOIRE) - great_circle((43.2951, 5.374), (43.531, 5.575)).km) < 0.001


def test_each_stop_has_the_distance_from_the_previous_one_and_the_first_none():
    places = [SimpleNamespace(coordinates=point) for point in (VIEUX_PORT, SAINTE_VICTOIRE, VIEUX_PORT)]
    first, second, third = legs(places)
    assert first is None and second == pytest.approx(third) and second > 30


@pytest.mark.parametrize(("code", "value", "expected"), [
    ("fr", 3.44, "3,4\u00a0km"), ("en", 3.44, "3.4 km"), ("de", 1234.6, "1.235 km"),
    ("zh", 3.44, "3.4公里"), ("ar", 181.2, "181 كم"),
])
def test_distances_are_written_the_readers_way(code, value, expected):
    assert format_km(value, code).replace("\u200f", "").replace("\u202f", "\u00a0") in (expected, expected.replace(" ", "\u00a0"))


def test_a_window_holds_its_points_with_the_aspect_asked():
    window = window_around([VIEUX_PORT, SAINTE_VICTOIRE], margin=0.1, aspect=1.5)
    assert window.west < 5.374 < 5.575 < window.east and window.south < 43.2951 < 43.531 < window.north
    drawing = Drawing(window)
    width, height = 1000, drawing.height
    assert width / height == pytest.approx(1.5, rel=0.02)
    # East is right, north is up: the projection is never mirrored.
    (x1, y1), (x2, y2) = drawing.point(43.2951, 5.374), drawing.point(43.531, 5.575)
    assert x1 < x2 and y1 > y2 and 0 <= x1 <= width and 0 <= y2 <= height


def test_directions_are_plain_links_to_openstreetmap_and_geoportail():
    links = directions(SimpleNamespace(coordinates=VIEUX_PORT))
    assert links["osm"] == "https://www.openstreetmap.org/directions?route=%3B43.29510%2C5.37400"
    assert links["geoportail"] == "https://www.geoportail.gouv.fr/carte?c=5.37400%2C43.29510&z=16&permalink=yes"


@pytest.mark.parametrize(("change", "message"), [
    ({"origin": "https://data.geopf.fr/wmts"}, "is not an origin"),
    ({"tiles": "https://tiles.example.org/{z}/{x}/{y}.png"}, "do not come from origin"),
    ({"tiles": "https://data.geopf.fr/t/{z}.png"}, "lack {x}, {y}"),
])
def test_wrong_tile_settings_are_refused_naming_the_field(change, message):
    with pytest.raises(PluginError) as error:
        map_settings({"detailed": {**TILES, **change}})
    assert "mkdocs.yml: extra.map.detailed" in str(error.value) and message in str(error.value)
