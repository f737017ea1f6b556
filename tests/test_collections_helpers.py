"""Unit tests of the collection helpers: front matter, validation messages,
translations, references, figures formatting, open data and breadcrumbs."""

from __future__ import annotations

import datetime
import json
import xml.etree.ElementTree as ET

import icalendar
import pytest
from jinja2 import DictLoader, Environment

from breadcrumbs import trail
import figures as figures_hook
from conftest import ROOT, write_files
from collections_content import site_files
import yaml

from provence import figures as fmt
from provence import models
from provence import search_text
from provence.catalog import deep_merge, disagreements, load_catalog
from provence.languages import Language
from provence.opendata import build_date, events_ics, places_geojson, route_points, split_agenda
from provence.templates import file_templates
from provence.upstream import trailing_entries
from provence.yamlfile import front_matter as parse_front_matter

FR, EN = Language("fr", "Français", True), Language("en", "English", False)
CODES = ["fr", "en", "es", "it", "de", "ar", "zh"]
# How ranks are written, as the site's data file says.
ORDINALS = yaml.safe_load((ROOT / "data" / "ordinals.yml").read_text("utf-8"))
# How the site's languages join an amount in words and its currency (data/amounts.yml).
AMOUNTS = yaml.safe_load((ROOT / "data" / "amounts.yml").read_text("utf-8"))


def _messages(problems):
    return [str(problem) for problem in problems]


def _catalog(tmp_path, **changes):
    """Load the fixture content set with some files changed (None deletes a file)."""
    files = {path: text for path, text in site_files(**{k: v for k, v in changes.items() if v is not None}).items()}
    for path in [path for path, text in changes.items() if text is None]:
        files.pop(path)
    write_files(tmp_path, files)
    return load_catalog(tmp_path / "docs", tmp_path / "data", CODES)


# --- Front matter


def test_malformed_front_matter_names_the_line_of_the_file():
    _, problems = parse_front_matter("---\ntitle: A\nsummary: [oops\n---\n", "docs/lieux/a.fr.md")
    assert len(problems) == 1
    assert str(problems[0]).startswith("docs/lieux/a.fr.md: line ")
    assert "invalid YAML in the front matter" in str(problems[0])


def test_a_file_without_front_matter_is_reported():
    _, problems = parse_front_matter("# Titre\n", "docs/lieux/a.fr.md")
    assert _messages(problems) == ["docs/lieux/a.fr.md: front matter: missing; start the file with a `---` line, the fields, and a closing `---` line"]


# --- Models


PLACE = {
    "title": "Le Vieux-Port", "summary": "S", "commune": "Marseille", "coordinates": {"lat": 43.2951, "lon": 5.374},
    "route": 1, "image": {"src": "../a.svg", "alt": "Le port"},
}
PARTNER = {
    "title": "P", "summary": "S", "tier": "fondateurs", "website": "https://example.org/", "member_since": 2023,
    "logo": {"src": "../a.svg", "alt": "Logo"},
}


# The territory as the site's data file declares it.
TERRITORY = models.Territory.model_validate(yaml.safe_load((ROOT / "data" / "territory.yml").read_text("utf-8")))


def _problems(model, raw):
    _, problems = models.validate(model, raw, "docs/x.fr.md", context={"territory": TERRITORY})
    return _messages(problems)


def test_a_typo_in_a_field_name_is_an_unknown_field_with_a_suggestion():
    raw = {**PARTNER, "teir": "fondateurs"}
    del raw["tier"]
    found = _problems(models.Partner, raw)
    assert "docs/x.fr.md: tier: required field is missing; add it" in found
    assert any(message.startswith("docs/x.fr.md: teir: unknown field (value 'fondateurs'); did you mean `tier`?") for message in found)


def test_a_missing_required_field_is_named():
    raw = dict(PLACE)
    del raw["commune"]
    assert _problems(models.Place, raw) == ["docs/x.fr.md: commune: required field is missing; add it"]


def test_a_partner_may_leave_out_the_year_it_joined():
    raw = dict(PARTNER)
    del raw["member_since"]
    assert _problems(models.Partner, raw) == []


def test_a_wrong_type_names_the_value_and_the_expectation():
    assert _problems(models.Partner, {**PARTNER, "member_since": "deux mille"}) == [
        "docs/x.fr.md: member_since: 'deux mille' is not valid: input should be a valid integer, unable to parse string as an integer"
    ]


def test_coordinates_outside_the_metropolis_are_refused():
    found = _problems(models.Place, {**PLACE, "coordinates": {"lat": 48.85, "lon": 2.35}})
    assert found == ["docs/x.fr.md: coordinates: (48.85, 2.35) is outside the Aix-Marseille-Provence metropolis (lat 43.15–43.80, lon 4.80–5.85)"]


@pytest.mark.parametrize("town, lat, lon", [("Nice", 43.70, 7.26), ("Avignon", 43.95, 4.81), ("Gap", 44.56, 6.08), ("Sète", 43.40, 3.70)])
def test_coordinates_with_one_axis_outside_the_metropolis_are_refused(town, lat, lon):
    """Nice is inside on latitude, Avignon on longitude: both axes must be inside."""
    found = _problems(models.Place, {**PLACE, "coordinates": {"lat": lat, "lon": lon}})
    assert found == [f"docs/x.fr.md: coordinates: ({lat}, {lon}) is outside the Aix-Marseille-Provence metropolis (lat 43.15–43.80, lon 4.80–5.85)"], town


@pytest.mark.parametrize("commune, lat, lon", [
    ("Fos-sur-Mer", 43.4378, 4.9447), ("La Ciotat", 43.1748, 5.6046), ("Pertuis", 43.6942, 5.5019),
    ("Aix-en-Provence", 43.5297, 5.4474), ("Marseille", 43.2965, 5.3698), ("Salon-de-Provence", 43.6403, 5.0973),
    ("Martigues", 43.4045, 5.0476), ("Istres", 43.5150, 4.9895),
])
def test_the_territory_covers_the_communes_of_the_metropolis(commune, lat, lon):
    assert _problems(models.Place, {**PLACE, "commune": commune, "coordinates": {"lat": lat, "lon": lon}}) == []


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "Le <b>port</b>", "<img src=x onerror=alert(1)>"])
def test_html_in_a_text_field_is_refused(text):
    found = _problems(models.Place, {**PLACE, "summary": text})
    assert len(found) == 1 and found[0].startswith("docs/x.fr.md: summary: contains HTML (")
    assert found[0].endswith("write plain text: text fields are shown exactly as typed, never as HTML")


def test_plain_text_with_angle_brackets_and_ampersands_is_accepted():
    assert _problems(models.Place, {**PLACE, "summary": "Prix < 5 € & accès 2 > 1"}) == []


def test_an_image_without_alt_text_is_refused():
    assert _problems(models.Place, {**PLACE, "image": {"src": "../a.svg"}}) == ["docs/x.fr.md: image.alt: required field is missing; add it"]


def test_an_event_ending_before_it_starts_is_refused():
    raw = {"title": "E", "start": datetime.date(2024, 5, 2), "end": datetime.date(2024, 5, 1)}
    assert _problems(models.Event, raw) == ["docs/x.fr.md: end (2024-05-01) is before start (2024-05-02); expected end on or after start"]


# --- Translations and references


def test_a_translation_repeating_a_non_text_field_differently_disagrees():
    french = {"title": "Le port", "tier": "fondateurs", "logo": {"src": "a.svg", "alt": "Logo"}}
    english = {"title": "The port", "tier": "strategiques", "logo": {"src": "a.svg", "alt": "The logo"}}
    assert _messages(disagreements(french, english, models.text_paths(models.Partner), "docs/p.en.md")) == [
        "docs/p.en.md: tier: 'strategiques' disagrees with the French file ('fondateurs'); write non-text fields only in the French file"
    ]


def test_a_translation_keeps_french_non_text_fields_under_its_text():
    merged = deep_merge({"image": {"src": "a.svg", "alt": "Le port"}, "route": 1}, {"image": {"alt": "The port"}})
    assert merged == {"image": {"src": "a.svg", "alt": "The port"}, "route": 1}


def test_the_fixture_content_set_is_valid(tmp_path):
    catalog, problems = _catalog(tmp_path)
    assert problems == []
    assert [view.slug for view in catalog.items("places", "en")] == ["vieux-port", "sainte-victoire", "calanques"]
    assert catalog.collections["places"]["vieux-port"].localized("en").image.src == "../assets/illustrations/vieux-port.svg"
    assert catalog.collections["places"]["vieux-port"].localized("en").image.alt == "The harbour and its boats"
    assert catalog.collections["places"]["vieux-port"].localized("de").title == "Le Vieux-Port"


def test_every_problem_of_a_run_is_reported_together(tmp_path):
    bad_place = site_files()["docs/lieux/calanques.fr.md"].replace("sectors: [tourisme, sante]", "sectors: [tourisme, peche]")
    bad_partner = site_files()["docs/partenaires/metropole-amp.fr.md"].replace("metropole-amp.svg", "absent.svg")
    _, problems = _catalog(tmp_path, **{
        "docs/lieux/calanques.fr.md": bad_place,
        "docs/partenaires/metropole-amp.fr.md": bad_partner,
        "data/themes.yml": None,
    })
    assert sorted(_messages(problems)) == [
        "docs/lieux/calanques.fr.md: sectors: 'peche' does not exist in docs/filieres/; expected one of: sante, tourisme",
        "docs/lieux/calanques.fr.md: themes: 'mer' does not exist in data/themes.yml; expected one of: none yet",
        "docs/lieux/vieux-port.fr.md: themes: 'mer' does not exist in data/themes.yml; expected one of: none yet",
        "docs/lieux/vieux-port.fr.md: themes: 'patrimoine' does not exist in data/themes.yml; expected one of: none yet",
        "docs/partenaires/metropole-amp.fr.md: logo.src: '../assets/logos/absent.svg': no such file (looked for docs/assets/logos/absent.svg); "
        "expected a path relative to this page, e.g. ../assets/logos/name.svg",
    ]


def test_duplicate_ids_and_route_positions_are_reported(tmp_path):
    data = site_files()["data/tiers.yml"].replace("id: strategiques", "id: fondateurs")
    place = site_files()["docs/lieux/calanques.fr.md"].replace("route: 3", "route: 1")
    _, problems = _catalog(tmp_path, **{"data/tiers.yml": data, "docs/lieux/calanques.fr.md": place})
    assert "data/tiers.yml: id: 'fondateurs' is used twice; expected each id once" in _messages(problems)
    assert "docs/lieux/vieux-port.fr.md: route: 1 is already the position of docs/lieux/calanques.fr.md; expected each place at its own position on the route" in _messages(problems)


def test_a_translation_without_its_french_file_is_reported(tmp_path):
    _, problems = _catalog(tmp_path, **{"docs/lieux/orphelin.en.md": "---\ntitle: Orphan\n---\n"})
    assert _messages(problems) == ["docs/lieux/orphelin.en.md: file name: there is no French file docs/lieux/orphelin.fr.md; every item starts with its French file"]


def test_missing_data_files_are_empty_and_a_site_without_collections_is_valid(tmp_path):
    (tmp_path / "docs").mkdir()
    catalog, problems = load_catalog(tmp_path / "docs", tmp_path / "data", CODES)
    assert problems == [] and catalog.figures == {} and catalog.budget is None


# --- Figures


@pytest.mark.parametrize("code, expected", [
    ("fr", "10 millions"), ("en", "10 million"), ("es", "10 millones"), ("de", "10 Millionen"), ("zh", "1000万"), ("ar", "10 ملايين"),
])
def test_counts_are_written_in_words_in_every_locale(code, expected):
    assert fmt.format_value(10_000_000, "count", code, ORDINALS) == expected


@pytest.mark.parametrize("code, billions, millions", [
    ("fr", "14 milliards d'euros", "1,5 million d'euros"),
    ("en", "14 billion euros", "1.5 million euros"),
    ("es", "14 mil millones de euros", "1,5 millones de euros"),
    ("it", "14 miliardi di euro", "1,5 milioni di euro"),
    ("de", "14 Milliarden Euro", "1,5 Millionen Euro"),
    ("ar", "14 مليار يورو", "1.5 مليون يورو"),
    ("zh", "140亿欧元", "150万欧元"),
])
def test_large_amounts_read_as_the_press_writes_them(code, billions, millions):
    assert fmt.format_value(14_000_000_000, "euros", code, ORDINALS, AMOUNTS) == billions
    assert fmt.format_value(1_500_000, "euros", code, ORDINALS, AMOUNTS) == millions


@pytest.mark.parametrize("code, expected", [
    ("fr", "1 million"), ("en", "1 million"), ("es", "1 millón"), ("it", "1 milione"), ("de", "1 Million"), ("zh", "100万"),
])
def test_one_million_is_singular(code, expected):
    """Babel 2.18 alone writes "1 millions" (French) and "1 Millionen" (German, for 1e6 as a float)."""
    assert fmt.format_value(1e6, "count", code, ORDINALS) == expected
    assert fmt.format_value(1_000_000_000, "euros", "fr", ORDINALS, AMOUNTS) == "1 milliard d'euros"


def test_amounts_below_a_million_percentages_years_and_small_counts_follow_the_locale():
    assert fmt.format_value(350_000, "euros", "fr", ORDINALS, AMOUNTS) == "350\u202f000 euros"
    assert fmt.format_value(350_000, "euros", "de", ORDINALS, AMOUNTS) == "350.000 Euro"
    assert fmt.format_euros(1_000_000, "fr") == "1\u202f000\u202f000\u00a0€"
    assert fmt.format_euros(1_000_000, "en") == "€1,000,000"
    assert fmt.format_value(12.5, "percent", "fr", ORDINALS) == "12,5\u00a0%"
    assert fmt.format_value(12.5, "percent", "en", ORDINALS) == "12.5%"
    assert fmt.format_value(2023, "year", "de", ORDINALS) == "2023"
    assert fmt.format_value(93_000, "count", "en", ORDINALS) == "93,000"


@pytest.mark.parametrize(("rank", "code", "ordinal"), [
    (1, "fr", "1er"), (7, "fr", "7e"), (1, "en", "1st"), (2, "en", "2nd"), (3, "en", "3rd"),
    (7, "en", "7th"), (11, "en", "11th"), (7, "es", "7.º"), (7, "it", "7º"), (7, "de", "7."),
    (7, "ar", "7"), (7, "zh", "7"),
])
def test_ranks_are_ordinals_in_each_language(rank, code, ordinal):
    assert fmt.format_value(rank, "rank", code, ORDINALS) == ordinal


def test_a_rank_goes_where_its_label_says():
    figure = models.Figure(id="r", value=1, unit="rank", label={"fr": "{value} parc du monde", "en": "the world's {value} park"}, source="s", date=datetime.date(2023, 1, 1))
    view = fmt.figure_view(figure, "en", "fr", ORDINALS, AMOUNTS, "about {value}")
    assert view["label"] == "the world's 1st park" and view["ranked"] is True
    assert view["value"] == "1st" and view["source"] == "s"
    assert fmt.figure_view(figure, "fr", "fr", ORDINALS, AMOUNTS, "près de {value}")["label"] == "1er parc du monde"


def test_an_approximate_figure_reads_as_its_source_gives_it():
    figure = models.Figure(id="b", value=1_500_000, unit="euros", label={"fr": "de budget"}, source="s", date=datetime.date(2023, 1, 1), approximate=True)
    assert fmt.figure_view(figure, "fr", "fr", ORDINALS, AMOUNTS, "près de {value}")["value"] == "près de 1,5 million d'euros"
    assert fmt.figure_view(figure, "zh", "fr", ORDINALS, AMOUNTS, "约{value}")["value"] == "约150万欧元"


def test_a_source_entry_leaves_out_what_is_not_known():
    source = models.Source(id="s", title={"fr": "Rapport", "en": "Report"}, date=datetime.date(2023, 10, 17))
    assert source.publisher is None
    assert fmt.source_view(source, "en", "fr") == {"title": "Report", "publisher": None, "url": None, "date": "October 17, 2023", "iso_date": "2023-10-17"}


def test_notes_are_numbered_in_reading_order_one_number_per_source():
    cite = '<sup class="op-note" data-source="{}"></sup>'.format
    html = f"<p>a{cite('b-source')} b{cite('a-source')} c{cite('b-source')}</p>"
    numbered, cited = fmt.number_notes(html, lambda number, citation: f"[{number}#{citation}]")
    assert numbered == "<p>a[1#1] b[2#2] c[1#3]</p>"
    assert cited == [("b-source", 1), ("a-source", 2)]
    assert fmt.number_notes("<p>no note</p>", lambda number, citation: "") == ("<p>no note</p>", [])


def test_markers_are_found_and_replaced():
    html = "<p>[[figures:a, b]]</p><p>Il y a [[figure:c]] visiteurs.</p><p>[[budget]]</p>"
    assert fmt.markers(html) == ["figures:a, b", "figure:c", "budget"]
    assert fmt.marker_ids("figures:a, b") == ["a", "b"]
    out = fmt.replace_markers(html, lambda marker: f"<div>{marker}</div>", lambda figure_id: f"<b>{figure_id}</b>")
    assert out == "<div>figures:a, b</div><p>Il y a <b>c</b> visiteurs.</p><div>budget</div>"


# --- Templates escape editor text


def test_listing_cards_escape_editor_text():
    env = Environment(loader=DictLoader({"partials/op-cards.html": (ROOT / "overrides/partials/op-cards.html").read_text("utf-8")}), autoescape=True)
    env.globals["ui"] = lambda key: key
    card = env.from_string('{% import "partials/op-cards.html" as c %}{{ c.sector(s, href) }}').render(
        s={"title": "<script>alert(1)</script>", "summary": "a < b & c", "path": "filieres/x/"}, href=lambda path: path)
    assert "<script>" not in card
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in card and "a &lt; b &amp; c" in card


# --- Open data


class _Place:
    def __init__(self, slug, route, lat, lon):
        self.slug, self.route, self.path = slug, route, f"lieux/{slug}/"
        self.title, self.summary, self.commune = f"Lieu & {slug}", "S", "Marseille"
        self.coordinates = models.Coordinates(lat=lat, lon=lon)
        self.themes, self.sectors, self.website = [], [], None


def test_places_geojson_follows_rfc_7946():
    places = [_Place("a", 1, 43.3, 5.4)]
    data = places_geojson(places, "https://oneprovence.com/", "es/", lambda place: "https://oneprovence.com/a.svg", {"Marseille": "Marsella"}.get)
    assert data["type"] == "FeatureCollection" and "crs" not in data
    feature = data["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [5.4, 43.3]}
    assert feature["properties"]["url"] == "https://oneprovence.com/es/lieux/a/"
    assert feature["properties"]["commune"] == "Marsella"
    json.dumps(data)


def test_route_gpx_lists_the_places_in_order_and_escapes_names():
    points = route_points([_Place("a", 1, 43.3, 5.4), _Place("b", 2, 43.5, 5.5)], "https://oneprovence.com/")
    gpx = file_templates(ROOT).get_template("route.gpx").render(places=points)
    ns = {"g": "http://www.topografix.com/GPX/1/1"}
    points = ET.fromstring(gpx.encode()).findall("g:rte/g:rtept", ns)
    assert [(p.get("lat"), p.get("lon"), p.find("g:name", ns).text) for p in points] == [("43.3", "5.4", "Lieu & a"), ("43.5", "5.5", "Lieu & b")]


class _Event:
    def __init__(self, slug, start, end):
        self.slug, self.path, self.start, self.end = slug, f"agenda/{slug}/", start, end
        self.title, self.summary, self.place, self.link = "Fête, ; \"x\"", None, None, None


def test_events_ics_is_valid_icalendar_with_a_reproducible_stamp():
    events = [_Event("a", datetime.date(2024, 7, 28), datetime.date(2024, 8, 8))]
    ics = events_ics(events, "https://oneprovence.com/", "", datetime.date(2023, 11, 14), {}, str)
    assert ics == events_ics(events, "https://oneprovence.com/", "", datetime.date(2023, 11, 14), {}, str)
    calendar = icalendar.Calendar.from_ical(ics)
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Fête, ; \"x\""
    assert event.decoded("dtstart") == datetime.date(2024, 7, 28)
    assert event.decoded("dtend") == datetime.date(2024, 8, 9)
    assert event.decoded("dtstamp") == datetime.datetime(2023, 11, 14, tzinfo=datetime.timezone.utc)
    assert str(event["uid"]) == "a@oneprovence.com"


def test_the_build_date_comes_from_source_date_epoch_then_the_config():
    assert build_date({"SOURCE_DATE_EPOCH": "1700000000"}, "2020-01-01") == datetime.date(2023, 11, 14)
    assert build_date({}, "2020-01-01") == datetime.date(2020, 1, 1)
    assert build_date({}, datetime.date(2021, 2, 3)) == datetime.date(2021, 2, 3)


def test_the_agenda_splits_on_the_build_date():
    events = [_Event("old", datetime.date(2020, 1, 1), datetime.date(2020, 1, 2)), _Event("now", datetime.date(2023, 11, 10), datetime.date(2023, 11, 14))]
    upcoming, past = split_agenda(events, datetime.date(2023, 11, 14))
    assert [e.slug for e in upcoming] == ["now"] and [e.slug for e in past] == ["old"]


# --- Breadcrumbs


def test_breadcrumbs_lead_from_the_language_home_through_the_section():
    titles = {"en/lieux/": "Totem places"}
    assert trail("en/lieux/vieux-port/", EN, titles) == [{"path": "en/", "title": None}, {"path": "en/lieux/", "title": "Totem places"}]
    assert trail("lieux/", FR, {}) == [{"path": "./", "title": None}]
    assert trail("", FR, {}) == [] and trail("en/", EN, {}) == []


# --- Search text of the markup added after the indexer


def test_plain_text_drops_tags_decodes_entities_and_collapses_spaces():
    markup = '<ol class="op-cards">\n  <li><h3><a href="x/">Le Vieux-Port</a></h3>\n<p>Marseille &amp; <em>Aix</em></p></li>\n</ol>'
    assert search_text.plain_text(markup) == "Le Vieux-Port Marseille & Aix"
    assert search_text.plain_text("<aside>\n <img src='a.svg' alt='x'>\n</aside>") == ""
    # Inline tags join words as a browser shows them; no-break spaces stay.
    assert search_text.plain_text("<p>(<a href='x'>Source</a>, <time>2023</time>)</p><p>1\u202f000&nbsp;€</p>") == "(Source, 2023) 1\u202f000\xa0€"


def test_added_text_goes_to_the_last_entry_of_its_page_escaped_and_segmented():
    entries = [
        {"location": "en/", "title": "Home", "text": "Welcome"},
        {"location": "en/lieux/", "title": "Places", "text": "<p>The route.</p>"},
        {"location": "en/lieux/#map", "title": "Map", "text": ""},
    ]
    added = search_text.append_to_page(trailing_entries(entries, "en/lieux/"), "en/lieux/", "<li>The Old Port 中文 &lt;script&gt;</li>", lambda text: f"[{text}]")
    assert added == []
    assert entries[2]["text"] == "[The Old Port 中文 &lt;script&gt;]"
    assert entries[1]["text"] == "<p>The route.</p>" and entries[0]["text"] == "Welcome"


def test_each_heading_with_an_id_in_added_markup_opens_a_section_as_material_does():
    entries = [{"location": "en/partenaires/", "title": "Partners", "text": "Who funds us."}]
    markup = (
        '<p class="op-filter">Filter</p><nav aria-label="Themes"><a href="x/">Sea</a></nav><h2 id="tier-founders">Founding <em>funders</em></h2>'
        '<ul><li><h3>Port of Marseille</h3></li></ul>\n<h2 class="x" id="tier-members">Members</h2><ul><li>CCI</li></ul>'
    )
    added = search_text.append_to_page(entries, "en/partenaires/", markup)
    assert entries == [{"location": "en/partenaires/", "title": "Partners", "text": "Who funds us. Filter"}]
    assert added == [
        {"location": "en/partenaires/#tier-founders", "title": "Founding funders", "text": "Port of Marseille"},
        {"location": "en/partenaires/#tier-members", "title": "Members", "text": "CCI"},
    ]


def test_added_text_is_dropped_when_the_page_has_no_entry_of_its_own():
    entries = [{"location": "en/", "title": "Home", "text": "Welcome"}]
    assert trailing_entries(entries, "en/lieux/") == []
    assert search_text.append_to_page([], "en/lieux/", "<p>The Old Port</p><h2 id='a'>A</h2>") == []
    assert search_text.append_to_page(entries, "en/", "<aside><img alt='x'></aside>") == []
    assert entries == [{"location": "en/", "title": "Home", "text": "Welcome"}]


def test_coordinates_keep_four_decimals_in_the_readers_locale():
    assert fmt.format_coordinate(43.230000000000004, "fr") == "43,2300"
    assert fmt.format_coordinate(5.215, "en") == "5.2150"
    assert fmt.format_coordinate(43.29651, "de") == "43,2965"


def test_figure_markers_in_search_text_become_the_figures_text():
    rendered = {
        "figure:passengers": '<span class="op-figure"><strong>10 millions</strong> <small>(<a href="x">Aéroport</a>)</small></span>',
        "figures:a,b": "<ul><li><p>1000万</p></li></ul>",
    }
    text = "<p>Il a accueilli [[figure:passengers]] de passagers.</p><p>[[figures:a,b]]</p>"
    searchable = figures_hook.searchable_markers(text, rendered=rendered, segment=lambda words: words.replace("万", "\u200b万"))
    assert searchable == "<p>Il a accueilli 10 millions (Aéroport) de passagers.</p>1000\u200b万"
    assert figures_hook.searchable_markers("no marker", rendered={}, segment=None) == "no marker"


def test_rewriting_a_pages_search_entries_leaves_the_other_pages_alone():
    entries = [
        {"location": "filieres/", "title": "Filières", "text": "[[figure:a]]"},
        {"location": "filieres/sante/", "title": "Santé", "text": "[[figure:a]]"},
        {"location": "filieres/sante/#chiffres", "title": "Chiffres [[figure:a]]", "text": "x"},
    ]
    page_entries = trailing_entries(entries, "filieres/sante/")
    assert len(page_entries) == 2
    search_text.rewrite_entries(page_entries, lambda words: words.replace("[[figure:a]]", "10"))
    assert [(entry["title"], entry["text"]) for entry in entries] == [("Filières", "[[figure:a]]"), ("Santé", "10"), ("Chiffres 10", "x")]
