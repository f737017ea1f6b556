"""Open data published with the site, written once every language is built:
``places.geojson`` (root in French, ``<lang>/places.geojson``), ``route.gpx``,
``events.ics`` (root and per language) and ``partners.json``. Deterministic:
stable ordering, no timestamp but the build date."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from provence import build_state
from provence import languages as langs
from provence.catalog import picture_site_path
from provence.opendata import dump_json, events_ics, partners_json, places_geojson, route_gpx
from provence.output import write_if_changed

# --- Hooks


@event_priority(-200)  # after the i18n plugin has built every language
def on_post_build(config):
    """Write the open data files of every language."""
    if not langs.is_final_pass(config) or build_state.catalog is None:
        return
    site = Path(config.site_dir)
    for path, content in open_data_files(build_state.catalog, langs.site_languages(config), config.site_url or "/", build_state.build_date).items():
        write_if_changed(site / path, content)


# --- Helper functions


def open_data_files(catalog, languages, site_url: str, build_date) -> dict[str, str | bytes]:
    """Site path -> content of every open data file."""
    def asset_url(view):
        return langs.absolute_url(site_url, picture_site_path(view))

    french = languages[0].code
    files = {
        "route.gpx": route_gpx(catalog.items("places", french), site_url),
        "partners.json": dump_json(partners_json(
            catalog.items("partners", french), catalog.tiers, [language.code for language in languages],
            lambda slug, code: catalog.collections["partners"][slug].localized(code), site_url, asset_url,
        )),
    }
    for language in languages:
        code, prefix = language.code, language.prefix
        geojson = places_geojson(catalog.items("places", code), site_url, prefix, asset_url)
        files[prefix + "places.geojson"] = dump_json(geojson)
        places_here = {view.slug: view for view in catalog.items("places", code)}
        files[prefix + "events.ics"] = events_ics(catalog.items("events", code), site_url, prefix, build_date, places_here)
    return files
