"""Open data published with the site, written once every language is built:
``places.geojson`` (root in French, ``<lang>/places.geojson``), ``route.gpx``,
``events.ics`` (root and per language) and ``partners.json``. Deterministic:
stable ordering, no timestamp but the build date."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from provence import languages as langs
from provence.catalog import commune_name, picture_site_path
from provence.context import context_of, is_final_pass
from provence.opendata import dump_json, events_ics, partners_json, places_geojson, route_points
from provence.output import write_if_changed
from provence.pipeline import step
from provence.templates import file_templates

# --- Hooks


@step
def on_post_build(config):
    """Write the open data files of every language."""
    build = context_of(config)
    if not is_final_pass(config) or build.catalog is None:
        return
    site = Path(config.site_dir)
    files = open_data_files(build.catalog, build.languages, config.site_url or "/", build.build_date)
    files["route.gpx"] = file_templates(build.project).get_template("route.gpx").render(
        places=route_points(build.catalog.items("places", build.default.code), config.site_url or "/"),
    )
    for path, content in files.items():
        write_if_changed(site / path, content)


# --- Helper functions


def open_data_files(catalog, languages, site_url: str, build_date) -> dict[str, str | bytes]:
    """Site path -> content of every open data file but the GPX route (a template)."""
    def asset_url(item):
        return langs.absolute_url(site_url, picture_site_path(item))

    default = languages[0].code
    files = {
        "partners.json": dump_json(partners_json(
            catalog.items("partners", default), catalog.tiers, [language.code for language in languages],
            lambda slug, code: catalog.collections["partners"][slug].localized(code), site_url, asset_url,
        )),
    }
    for language in languages:
        code, prefix = language.code, language.prefix
        commune = partial(commune_name, catalog.communes, code=code)
        geojson = places_geojson(catalog.items("places", code), site_url, prefix, asset_url, commune)
        files[prefix + "places.geojson"] = dump_json(geojson)
        places_here = {place.slug: place for place in catalog.items("places", code)}
        files[prefix + "events.ics"] = events_ics(catalog.items("events", code), site_url, prefix, build_date, places_here, commune)
    return files
