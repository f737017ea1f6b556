"""The route of totem places on a map, in the built site: the route page's
map and its list are exactly the place pages in route order, in every
language; their coordinates are those of places.geojson; the distances are
right against geopy; every place page has its locator with its neighbours and
its directions; the map's library is served from the site, with its licence,
and only where a map is shown; the policy allows exactly the detailed map's
tile origin; the backdrop puts every place on land."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from babel import Locale
from babel.numbers import format_decimal
from geopy.distance import great_circle

from conftest import ROOT, language_folder, run_build, write_files
from pages import page, resolve, text

PLACES = ROOT / "docs" / "lieux"
# One pixel of the backdrop at its closest zoom (13) at this latitude, in metres.
PIXEL_METRES = 14


def route_order() -> list[tuple[str, dict]]:
    """(slug, French front matter) of every totem place, in route order, read from the content files."""
    places = []
    for file in sorted(PLACES.glob("*.fr.md")):
        if file.name.startswith("index."):
            continue
        front = yaml.safe_load(file.read_text("utf-8").split("---\n")[1])
        places.append((file.name.removesuffix(".fr.md"), front))
    return sorted(places, key=lambda place: place[1]["route"])


@pytest.fixture(scope="module")
def route():
    return route_order()


def route_map(site: Path, folder: str):
    soup = page(site, folder + "lieux/")
    element = soup.select_one(".op-route-map")
    assert element is not None, folder + "lieux/ has no route map"
    return soup, element


def test_route_list_is_the_place_pages_in_route_order_in_every_language(site, languages, route):
    assert len(route) == 16
    for language in languages:
        folder = language_folder(language)
        _, element = route_map(site, folder)
        stops = element.select("ol.op-route-map__list > li")
        links = [resolve(folder + "lieux/", stop.a["href"]) for stop in stops]
        assert links == [f"{folder}lieux/{slug}/" for slug, _ in route], folder
        assert [int(stop["data-route"]) for stop in stops] == list(range(1, 17))
        # Each stop names its commune, and each link leads to a built place page titled as the list says.
        for stop, link in zip(stops, links):
            assert text(stop.select_one(".op-route-map__commune")), (folder, link)
            assert text(stop.a) == text(page(site, link).select_one("h1")), (folder, link)


def test_map_coordinates_are_those_of_places_geojson(site, languages):
    for language in languages:
        folder = language_folder(language)
        geojson = json.loads((site / folder / "places.geojson").read_text("utf-8"))
        expected = [(feature["id"], feature["geometry"]["coordinates"]) for feature in sorted(geojson["features"], key=lambda f: f["properties"]["route"])]
        _, element = route_map(site, folder)
        found = [
            (stop.a["href"].rstrip("/").rsplit("/", 1)[-1], [float(stop["data-lon"]), float(stop["data-lat"])])
            for stop in element.select("ol.op-route-map__list > li")
        ]
        assert found == expected, folder


def test_distances_are_great_circle_and_formatted_for_the_reader(site, languages, route):
    legs = [great_circle((a["coordinates"]["lat"], a["coordinates"]["lon"]), (b["coordinates"]["lat"], b["coordinates"]["lon"])).km
            for (_, a), (_, b) in zip(route, route[1:])]
    total = sum(legs)
    for language in languages:
        folder, locale = language_folder(language), Locale.parse(language["locale"])
        _, element = route_map(site, folder)
        shown = element.select("ol.op-route-map__list .op-route-map__leg data")
        assert len(shown) == 15
        for value, expected in zip(shown, legs):
            assert abs(float(value["value"]) - expected) < 0.001, (folder, value)
            assert format_decimal(round(expected, 1), format="#,##0.0", locale=locale) in text(value), (folder, text(value))
        total_shown = element.select_one(".op-route-map__total data")
        assert abs(float(total_shown["value"]) - total) < 0.005
        whole = format_decimal(round(total), format="#,##0", locale=locale) if total >= 100 else format_decimal(round(total, 1), format="#,##0.0", locale=locale)
        assert whole in text(total_shown) and whole in text(element.select_one(".op-route-map__summary")), folder


def test_every_place_page_shows_where_it_is_with_its_neighbours_and_directions(site, languages, route):
    slugs = [slug for slug, _ in route]
    for language in languages:
        folder = language_folder(language)
        for index, (slug, front) in enumerate(route):
            path = f"{folder}lieux/{slug}/"
            locator = page(site, path).select_one(".op-place-map")
            assert locator is not None and locator.select_one("svg.op-drawing[role=img][aria-label]"), path
            neighbours = [slugs[i] for i in (index - 1, index + 1) if 0 <= i < len(slugs)]
            links = [resolve(path, link["href"]) for link in locator.select(".op-place-map__list a")]
            assert links == [f"{folder}lieux/{other}/" for other in neighbours], path
            # The drawn map numbers exactly the stops its list names.
            numbers = [text(label) for label in locator.select("svg .op-drawing__stop text")]
            assert numbers == [str(slugs.index(other) + 1) for other in sorted(neighbours + [slug], key=slugs.index)], path
            lat, lon = f"{front['coordinates']['lat']:.5f}", f"{front['coordinates']['lon']:.5f}"
            directions = [link["href"] for link in locator.select(".op-place-map__directions a")]
            assert directions[0] == f"https://www.openstreetmap.org/directions?route=%3B{lat}%2C{lon}", path
            assert directions[1].startswith("https://www.geoportail.gouv.fr/carte?") and f"c={lon}%2C{lat}" in directions[1], path
            assert locator.select_one("iframe") is None


def test_route_page_offers_gpx_and_geojson_downloads(site, languages):
    for language in languages:
        folder = language_folder(language)
        _, element = route_map(site, folder)
        downloads = {link["type"]: resolve(folder + "lieux/", link["href"]) for link in element.select(".op-downloads a[download]")}
        assert set(downloads) == {"application/geo+json", "application/gpx+xml"}, folder
        assert all((site / target).is_file() for target in downloads.values()), downloads
        gpx = (site / downloads["application/gpx+xml"]).read_text("utf-8")
        assert gpx.count("<rtept") == 16


def test_the_map_library_is_served_from_the_site_only_where_a_map_is_shown(site, languages):
    route_pages = {f"{language_folder(language)}lieux/index.html" for language in languages}
    with_library = set()
    for file in site.rglob("*.html"):
        html = file.read_text("utf-8")
        if "leaflet" in html.lower():
            with_library.add(file.relative_to(site).as_posix())
        assert "unpkg.com" not in html and "cdn.jsdelivr" not in html
    assert with_library == route_pages
    home = page(site, "")
    assert [script["src"] for script in home.select("script[src]") if "leaflet" in script["src"] or "route-map" in script["src"]] == []
    assert home.select_one(".op-home-route svg.op-drawing") is not None


def test_vendored_leaflet_equals_the_pinned_package_with_its_licence():
    vendor = ROOT / "overrides" / "assets" / "map" / "leaflet"
    package = ROOT / "node_modules" / "leaflet"
    pinned = json.loads((ROOT / "package.json").read_text("utf-8"))["devDependencies"]["leaflet"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), "leaflet must be pinned exactly in package.json"
    assert json.loads((vendor / "versions.json").read_text("utf-8")) == {"leaflet": pinned}
    assert json.loads((package / "package.json").read_text("utf-8"))["version"] == pinned
    for name, source in {"leaflet.js": "dist/leaflet.js", "leaflet.css": "dist/leaflet.css", "LICENSE.txt": "LICENSE"}.items():
        assert (vendor / name).read_bytes() == (package / source).read_bytes(), name
    # Every image the stylesheet names is there, as the package ships it.
    named = set(re.findall(r"url\((images/[^)]+)\)", (vendor / "leaflet.css").read_text("utf-8")))
    assert len(named) >= 3
    for name in named:
        assert (vendor / name).read_bytes() == (package / "dist" / name).read_bytes(), name
    assert "BSD" in (vendor / "LICENSE.txt").read_text("utf-8")


def test_policy_allows_exactly_the_detailed_maps_tile_origin(site, languages):
    config = yaml.safe_load(re.sub(r"!ENV \[[^\]]*\]", "null", (ROOT / "mkdocs.yml").read_text("utf-8")))
    detailed = config["extra"]["map"]["detailed"]
    headers = (site / "_headers").read_text("utf-8")
    nginx = (site / "nginx.conf").read_text("utf-8")
    site_policy = re.search(r"^/\*\n  Content-Security-Policy: (.*)$", headers, re.M).group(1)
    images = dict(part.split(" ", 1) for part in site_policy.split("; "))["img-src"].split()
    assert images == ["'self'", "data:", detailed["origin"]]
    assert f"img-src 'self' data: {detailed['origin']};" in nginx
    for language in languages:
        _, element = route_map(site, language_folder(language))
        assert element["data-tiles"] == detailed["tiles"] and element["data-tiles"].startswith(detailed["origin"] + "/")
        assert element["data-tiles-origin"] == detailed["origin"]
        notice = text(element.select_one(".op-route-map__notice"))
        assert detailed["provider"] in notice and detailed["origin"] in notice


def test_tiles_from_another_origin_stop_the_build_naming_the_field(fixture_project):
    config = fixture_project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("      tiles: https://data.geopf.fr/", "      tiles: https://tiles.example.org/", 1), "utf-8")
    write_files(fixture_project, {"docs/index.fr.md": "# Accueil\n"})
    build = run_build(fixture_project)
    assert not build.ok
    assert "mkdocs.yml: extra.map.detailed" in build.output and "do not come from origin 'https://data.geopf.fr'" in build.output


def test_every_place_lies_on_the_backdrops_land(route):
    from shapely.geometry import Point, shape

    backdrop = json.loads((ROOT / "overrides" / "assets" / "map" / "backdrop.geojson").read_text("utf-8"))
    land = shape(backdrop["features"][0]["geometry"])
    metres_per_degree = 111_320 * 0.73  # a degree of longitude at 43.3° N, the shorter axis
    off_land = {}
    for slug, front in route:
        point = Point(front["coordinates"]["lon"], front["coordinates"]["lat"])
        if not land.contains(point):
            off_land[slug] = round(land.distance(point) * metres_per_degree)
    # A place may sit on the shore itself (the MuCEM's pier): never more than a pixel of the map off its land.
    assert all(metres <= PIXEL_METRES for metres in off_land.values()), off_land
    assert len(off_land) <= 1, off_land


def test_the_committed_backdrop_is_what_its_script_writes():
    import importlib.util

    spec = importlib.util.spec_from_file_location("map_backdrop", ROOT / "scripts" / "map_backdrop.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.build() == script.BACKDROP.read_text("utf-8")
