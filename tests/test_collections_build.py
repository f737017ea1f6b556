"""Fixture sites with content collections: listings, item pages, figures,
open data and breadcrumbs in all seven languages; bad input stops the build
with an editor's message and leaves the previous site untouched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest

from collections_content import NEW_PARTNER, site_files
from conftest import copy_project, language_folder, run_build, write_files
from pages import page, resolve, text

pytestmark = pytest.mark.xdist_group("collections")
PARTNER = "Armateur Exemple"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture content set plus one partner, built once for this module."""
    project = copy_project(tmp_path_factory.mktemp("collections") / "project")
    write_files(project, site_files(**NEW_PARTNER))
    build = run_build(project)
    assert build.ok, build.output
    return build.site


def _folders(languages):
    return [language_folder(language) for language in languages]


def test_a_new_partner_appears_in_the_directory_of_every_language_under_its_tier(built, languages, ui_strings):
    for language in languages:
        folder, code = language_folder(language), language["locale"]
        soup = page(built, folder + "partenaires/")
        tiers = {text(section.h2): [text(card.h3) for card in section.select(".op-card")] for section in soup.select(".op-tier")}
        strategic = "Strategic partners" if code == "en" else "Partenaires stratégiques"
        assert tiers[strategic] == [PARTNER], (code, tiers)
        card = soup.select_one(".op-tier:nth-of-type(2) .op-card")
        assert card["data-sectors"] == "sante"
        assert card.img["alt"] == "Logo de l'armateur"
        assert resolve(folder + "partenaires/", card.img["src"]) == "assets/logos/armateur.svg"
        assert resolve(folder + "partenaires/", card.h3.a["href"]) == folder + "partenaires/cma-cgm/"
        assert (built / folder / "partenaires/cma-cgm/index.html").exists()
        assert ui_strings["col_filter_by_sector"][code] in text(soup.select_one("nav.op-filter"))


def test_a_new_partner_appears_on_its_sectors_pages_and_in_partners_json(built, languages):
    for folder in _folders(languages):
        health = [text(card.h3) for card in page(built, folder + "filieres/sante/").select("#op-partners + ul .op-card")]
        assert health == ["Métropole Aix-Marseille-Provence" if folder != "en/" else "Aix-Marseille-Provence Metropolis", PARTNER]
        tourism = [text(card.h3) for card in page(built, folder + "filieres/tourisme/").select("#op-partners + ul .op-card")]
        assert PARTNER not in tourism
    partners = json.loads((built / "partners.json").read_text("utf-8"))["partners"]
    assert [partner["id"] for partner in partners] == ["metropole-amp", "cma-cgm"]
    assert partners[1]["tier"] == "strategiques" and partners[1]["sectors"] == ["sante"]
    assert partners[0]["name"]["en"] == "Aix-Marseille-Provence Metropolis" and partners[0]["name"]["zh"] == "Métropole Aix-Marseille-Provence"


def test_deleting_a_partner_file_removes_it_everywhere(fixture_project, languages):
    write_files(fixture_project, site_files())
    build = run_build(fixture_project)
    assert build.ok, build.output
    for folder in _folders(languages):
        assert PARTNER not in text(page(build.site, folder + "partenaires/"))
        assert PARTNER not in text(page(build.site, folder + "filieres/sante/"))
        assert not (build.site / folder / "partenaires/cma-cgm").exists()
    assert PARTNER not in (build.site / "partners.json").read_text("utf-8")


def test_the_route_lists_places_in_order_with_previous_and_next(built, languages):
    for folder in _folders(languages):
        route = [text(card.h3) for card in page(built, folder + "lieux/").select("ol.op-cards--route .op-card")]
        assert route == ["The Old Port" if folder == "en/" else "Le Vieux-Port", "La Sainte-Victoire", "Les Calanques"]
        nav = page(built, folder + "lieux/sainte-victoire/").select_one("nav.op-route-nav")
        assert resolve(folder + "lieux/sainte-victoire/", nav.select_one("a[rel=prev]")["href"]) == folder + "lieux/vieux-port/"
        assert resolve(folder + "lieux/sainte-victoire/", nav.select_one("a[rel=next]")["href"]) == folder + "lieux/calanques/"
        # The route has two ends: no wrap-around from the last stop to the first.
        first = page(built, folder + "lieux/vieux-port/").select_one("nav.op-route-nav")
        assert first.select_one("a[rel=prev]") is None
        assert [resolve(folder + "lieux/vieux-port/", link["href"]) for link in first.select("a")] == [folder + "lieux/sainte-victoire/"]
        last = page(built, folder + "lieux/calanques/").select_one("nav.op-route-nav")
        assert last.select_one("a[rel=next]") is None
        assert [resolve(folder + "lieux/calanques/", link["href"]) for link in last.select("a")] == [folder + "lieux/sainte-victoire/"]


def test_a_place_page_shows_its_details_in_the_readers_language(built, ui_strings):
    english = page(built, "en/lieux/vieux-port/").select_one("aside.op-facts")
    assert english.img["alt"] == "The harbour and its boats"
    assert "Metro line 1." in text(english) and "Heritage" in text(english)
    assert ui_strings["col_commune"]["en"] in text(english)
    # Coordinates to 4 decimals in the reader's locale; the machine value in full.
    assert "43.2951° N, 5.3740° E" in text(english)
    french = page(built, "lieux/vieux-port/").select_one("aside.op-facts data")
    assert text(french) == "43,2951° N, 5,3740° E" and french["value"] == "43.295100,5.374000"
    assert text(page(built, "zh/lieux/vieux-port/").select_one("aside.op-facts data")) == "北纬 43.2951°，东经 5.3740°"
    arabic = page(built, "ar/lieux/vieux-port/").select_one("aside.op-facts")
    assert ui_strings["col_commune"]["ar"] in text(arabic) and "Métro ligne 1." in text(arabic)
    sector_link = page(built, "zh/lieux/calanques/").select_one("aside.op-facts a[href*=filieres]")
    assert resolve("zh/lieux/calanques/", sector_link["href"]) in ("zh/filieres/tourisme/", "zh/filieres/sante/")


def test_a_sector_page_lists_its_figures_places_and_changemakers(built):
    soup = page(built, "en/filieres/sante/")
    assert [text(card.h3) for card in soup.select("#op-places + ul .op-card")] == ["Les Calanques"]
    assert "Marie Exemple" in text(soup.select_one("#op-changemakers + ul"))
    assert text(soup.select_one(".op-figures__label")) == "the 1st French-speaking university 1"


def test_figures_are_formatted_for_the_readers_locale_and_cite_their_source(built, ui_strings):
    expected = {"": "10 millions", "en/": "10 million", "de/": "10 Millionen", "zh/": "1000万"}
    for folder, value in expected.items():
        soup = page(built, folder + "filieres/")
        figure = soup.select_one(".op-figures__card")
        assert text(figure.select_one(".op-figures__value")) == value
        # The source is a numbered note, named in the reader's language, to the page's list of sources.
        note = figure.select_one("sup.op-note a")
        code = folder.strip("/") or "fr"
        assert text(note) == "1" and note["aria-label"] == ui_strings["col_note_label"][code].replace("{n}", "1")
        entry = soup.select_one(note["href"])
        assert entry is not None and entry.find_parent("section", class_="op-sources") is not None
        assert entry.select_one("a")["href"] == "https://example.org/lancement"
        assert entry.select_one("time")["datetime"] == "2023-10-17"
    # The Chinese page falls back to the French text; its figure is written for Chinese readers.
    inline = page(built, "zh/filieres/sante/").select_one(".op-figure")
    assert text(inline.select_one(".op-figure__value")) == "1000万"
    assert "[[figure" not in text(page(built, "zh/filieres/sante/"))
    # Search finds the figures as readers see them, never their markers nor their note numbers.
    for folder, value in expected.items():
        index = json.loads((built / folder / "search/search_index.json").read_text("utf-8"))
        words = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
        assert "[[" not in words and ui_strings["col_sources"]["fr"] not in words
    french = json.loads((built / "search/search_index.json").read_text("utf-8"))["docs"]
    figures_text = " ".join(doc["text"] for doc in french if doc["location"].startswith("filieres/"))
    assert "10 millions passagers" in figures_text and "10 millions1" not in figures_text
    assert "près de 1,5 million d'euros" in " ".join(doc["text"] for doc in french if doc["location"].startswith("partenaires/"))


def test_a_source_whose_publisher_is_unknown_leaves_it_out(built):
    soup = page(built, "filieres/sante/")
    entries = [" ".join(entry.get_text("").split()) for entry in soup.select(".op-sources li")]
    assert entries == ["Article de lancement, One Provence, 17 octobre 2023 ↑", "Rapport annuel ↑"]
    # Each note resolves to its entry, each entry leads back to its first note.
    for note in soup.select("sup.op-note a"):
        assert soup.select_one(note["href"]) is not None
    for back in soup.select(".op-sources__back"):
        assert soup.select_one(back["href"]).name == "sup"


def test_the_budget_is_a_chart_with_its_data_table(built):
    soup = page(built, "en/partenaires/")
    table = soup.select_one("table.op-budget__table")
    assert text(table.caption) == "The agency's budget by funder — about 1.5 million euros 1"
    assert text(soup.select_one("figure.op-budget figcaption")) == text(table.caption)
    rows = [[text(cell) for cell in row.select("th, td")] for row in table.select("tbody tr")]
    assert rows == [["Metropolis", "€1,000,000", "67%"], ["Companies", "€500,000", "33%"]]
    assert [cell["class"] for cell in table.select("tbody tr:first-child td")] == [["op-number"], ["op-number"]]
    assert resolve("en/partenaires/", table.select_one("tbody a")["href"]) == "en/partenaires/metropole-amp/"
    assert [text(row) for row in soup.select(".op-bars__row")][0] == "Metropolis €1,000,000 (67%)"
    french = page(built, "partenaires/")
    assert text(french.select_one("table.op-budget__table tbody td")) == "1 000 000 €"
    assert text(french.select_one(".op-budget__announced")) == "près de 1,5 million d'euros"


def test_a_partner_without_the_year_it_joined_shows_the_gap_in_the_readers_language(built, languages, ui_strings):
    for language in languages:
        folder, code = language_folder(language), language["locale"]
        details = page(built, folder + "partenaires/cma-cgm/").select_one("aside.op-facts")
        terms = {text(term): text(term.find_next_sibling("dd")) for term in details.select("dt")}
        assert terms[ui_strings["col_member_since"][code]] == ui_strings["gap_marker"][code]
        known = page(built, folder + "partenaires/metropole-amp/").select_one("aside.op-facts")
        assert "2023" in text(known) and ui_strings["gap_marker"][code] not in text(known)
    partners = {partner["id"]: partner for partner in json.loads((built / "partners.json").read_text("utf-8"))["partners"]}
    assert partners["cma-cgm"]["member_since"] is None and partners["metropole-amp"]["member_since"] == 2023


def test_communes_are_shown_in_the_readers_language(built):
    names = {"": "Marseille", "es/": "Marsella", "it/": "Marsiglia", "ar/": "مرسيليا", "zh/": "马赛"}
    for folder, name in names.items():
        details = page(built, folder + "lieux/vieux-port/").select_one("aside.op-facts dd")
        assert text(details) == name
        card = page(built, folder + "lieux/").select_one("ol.op-cards--route .op-card__meta")
        assert text(card).endswith(f"· {name}")
        geojson = json.loads((built / folder / "places.geojson").read_text("utf-8"))
        assert {feature["id"]: feature["properties"]["commune"] for feature in geojson["features"]}["vieux-port"] == name
        calendar = icalendar.Calendar.from_ical((built / folder / "events.ics").read_bytes())
        sailing = next(event for event in calendar.walk("VEVENT") if str(event["uid"]).startswith("voile-2024"))
        assert str(sailing["location"]).endswith(f", {name}")


def test_the_agenda_splits_upcoming_and_past_events_on_the_build_date(built):
    soup = page(built, "en/agenda/")
    assert [text(card.h3) for card in soup.select("#op-upcoming + ul .op-card")] == ["Salon de l'avenir"]
    assert [text(card.h3) for card in soup.select("#op-past + ul .op-card")] == ["Épreuves de voile"]
    assert text(soup.select_one("#op-past + ul time")) == "Jul 28 – Aug 8, 2023"


def test_open_data_files_are_valid_in_every_language(built, languages):
    for folder in _folders(languages):
        geojson = json.loads((built / folder / "places.geojson").read_text("utf-8"))
        assert geojson["type"] == "FeatureCollection" and "crs" not in geojson
        first = geojson["features"][0]
        assert first["geometry"] == {"type": "Point", "coordinates": [5.374, 43.2951]}
        assert first["properties"]["name"] == ("The Old Port" if folder == "en/" else "Le Vieux-Port")
        calendar = icalendar.Calendar.from_ical((built / folder / "events.ics").read_bytes())
        assert sorted(str(event["uid"]) for event in calendar.walk("VEVENT")) == ["salon-2030@oneprovence.com", "voile-2024@oneprovence.com"]
    gpx = ET.fromstring((built / "route.gpx").read_bytes())
    names = [node.text for node in gpx.iter("{http://www.topografix.com/GPX/1/1}name")][1:]
    assert names == ["Le Vieux-Port", "La Sainte-Victoire", "Les Calanques"]


def test_collection_pages_have_breadcrumbs_switcher_search_and_sitemap_in_every_language(built, languages, ui_strings):
    for language in languages:
        folder, code = language_folder(language), language["locale"]
        soup = page(built, folder + "lieux/calanques/")
        crumbs = soup.select_one("nav.op-breadcrumbs")
        assert crumbs["aria-label"] == ui_strings["breadcrumbs"][code]
        targets = [resolve(folder + "lieux/calanques/", link["href"]) for link in crumbs.select("a")]
        assert targets == [folder, folder + "lieux/", folder + "lieux/calanques/"]
        switcher = {link["hreflang"]: resolve(folder + "lieux/calanques/", link["href"]) for link in soup.select("a.md-select__link")}
        assert switcher == {other["locale"]: language_folder(other) + "lieux/calanques/" for other in languages}
    english = json.loads((built / "en/search/search_index.json").read_text("utf-8"))
    route = next(doc for doc in english["docs"] if doc["location"] == "lieux/#op-route")
    assert route["title"] == ui_strings["col_route"]["en"]
    assert "The Old Port" in route["text"] and "Les Calanques" in route["text"]
    details = " ".join(doc["text"] for doc in english["docs"] if doc["location"].startswith("lieux/vieux-port/"))
    assert "Metro line 1." in details and "Municipality" in details
    assert "https://oneprovence.com/en/lieux/vieux-port/" in (built / "sitemap.xml").read_text("utf-8")


def test_each_cited_theme_gets_a_generated_page_in_every_language(built, languages, ui_strings):
    """Theme pages are generated (no Markdown file) and behave like written pages."""
    sitemap = (built / "sitemap.xml").read_text("utf-8")
    for language in languages:
        folder, code = language_folder(language), language["locale"]
        path = folder + "lieux/themes/mer/"
        soup = page(built, path)
        assert soup.html["lang"] == code and soup.html["dir"] == ("rtl" if code == "ar" else "ltr")
        title = "Sea" if code == "en" else "Mer"
        assert text(soup.select_one("article h1")).removesuffix("¶").strip() == title
        assert ui_strings["col_theme_intro"][code].replace("{theme}", title) in text(soup.select_one("article"))
        cards = [text(card.h3) for card in soup.select("ol.op-cards--route .op-card")]
        assert cards == ["The Old Port" if code == "en" else "Le Vieux-Port", "Les Calanques"]
        crumbs = [resolve(path, link["href"]) for link in soup.select("nav.op-breadcrumbs a")]
        assert crumbs == [folder, folder + "lieux/", path]
        switcher = {link["hreflang"]: resolve(path, link["href"]) for link in soup.select("a.md-select__link")}
        assert switcher == {other["locale"]: language_folder(other) + "lieux/themes/mer/" for other in languages}
        assert f"<loc>https://oneprovence.com/{path}</loc>" in sitemap
        index = json.loads((built / folder / "search/search_index.json").read_text("utf-8"))
        entries = [doc for doc in index["docs"] if doc["location"].startswith("lieux/themes/mer/")]
        assert [doc["location"] for doc in entries] == ["lieux/themes/mer/", "lieux/themes/mer/#op-route"]
        assert entries[0]["title"] == title and "Les Calanques" in entries[1]["text"]
        # Chinese text is segmented into words, as Material segments written pages.
        intro = ui_strings["col_theme_intro"][code].replace("{theme}", title)
        assert intro in entries[1]["text"].replace("\u200b", "") and ("\u200b" in entries[1]["text"]) == (code == "zh")
        # A place links to its themes' pages; a theme no place cites has no page.
        link = page(built, folder + "lieux/vieux-port/").select_one("aside.op-facts a[href*=themes]")
        assert resolve(folder + "lieux/vieux-port/", link["href"]) == path
    assert not (built / "lieux/themes/nature").exists()
    assert "<loc>https://oneprovence.com/lieux/themes/patrimoine/</loc>" in sitemap


# Editor text that is legal but looks like markup: quotes, ampersands, "<3",
# comparisons, entity-like text, Markdown links and Jinja expressions. A page
# must show each exactly as typed, and no element may come from it.
TRICKY = {
    "place title": 'Le "Vieux" Port & <3',
    "place summary": "a < b > c & \"d\" 'e'",
    "place alt": 'Le port "bleu" & ses <3 bateaux',
    "place access": "[plan](x) puis {{ config.site_name }} {% raw %}",
    "place accessibility": "&amp; &lt;b&gt;gras&lt;/b&gt; &#60;3",
    "english title": 'The "Old" Port & <3',
    "english alt": "The 'blue' harbour & \"boats\"",
    "english access": "[map](x) {{ page.title }}",
    "partner summary": 'R&D <3 "Innovation" & {{ x }}',
    "partner alt": 'Logo "AMP" & <3',
    "role": "Chercheuse « senior » & <3 \"R&D\"",
    "statement": "{{ 7 * 7 }} vaut-il 49 ? a < b > c, [voir](https://example.org/)",
    "theme": 'Mer & "côte" [bleue](x) {{ y }} <3 *gras* _ici_',
    "event summary": "Voiles & <3 &copy; {# pas un commentaire #}",
}


def tricky_files() -> dict[str, str]:
    """The fixture content set with TRICKY text in text fields (JSON strings are YAML scalars)."""
    quoted = {name: json.dumps(value, ensure_ascii=False) for name, value in TRICKY.items()}
    files = site_files()
    replacements = {
        "docs/lieux/vieux-port.fr.md": [
            ("title: Le Vieux-Port", f"title: {quoted['place title']}"),
            ("summary: Le cœur de Marseille.", f"summary: {quoted['place summary']}"),
            ("alt: Le port et ses bateaux}", f"alt: {quoted['place alt']}}}"),
            ("access: Métro ligne 1.", f"access: {quoted['place access']}"),
            ("accessibility: Quais accessibles.", f"accessibility: {quoted['place accessibility']}"),
        ],
        "docs/lieux/vieux-port.en.md": [
            ("title: The Old Port", f"title: {quoted['english title']}"),
            ("image: {alt: The harbour and its boats}", f"image: {{alt: {quoted['english alt']}}}"),
            ("access: Metro line 1.", f"access: {quoted['english access']}"),
        ],
        "docs/partenaires/metropole-amp.fr.md": [
            ("summary: La collectivité qui finance l'agence.", f"summary: {quoted['partner summary']}"),
            ("alt: Logo de la Métropole}", f"alt: {quoted['partner alt']}}}"),
        ],
        "docs/reseau/marie-curie.fr.md": [
            ("role: Chercheuse", f"role: {quoted['role']}"),
            ("statement: La santé avance ici.", f"statement: {quoted['statement']}"),
        ],
        "docs/agenda/voile-2024.fr.md": [("summary: Les JO à Marseille.", f"summary: {quoted['event summary']}")],
        "data/themes.yml": [('label: {fr: "Mer", en: "Sea"', f"label: {{fr: {quoted['theme']}, en: \"Sea\""), ],
    }
    for path, changes in replacements.items():
        for old, new in changes:
            assert old in files[path], (path, old)
            files[path] = files[path].replace(old, new)
    return files


@pytest.fixture(scope="module")
def tricky(tmp_path_factory):
    """The fixture content set (without the new partner) with TRICKY editor text, built once."""
    project = copy_project(tmp_path_factory.mktemp("tricky") / "project")
    write_files(project, tricky_files())
    build = run_build(project)
    assert build.ok, build.output
    return build.site


def _tags(element) -> list:
    """Every element under ``element``, as (name, sorted attribute names): what markup made."""
    return [(tag.name, sorted(tag.attrs)) for tag in element.find_all(True)]


# (page, CSS selector, attribute (None: the element's text), TRICKY key, UI string
# shown before the text on that element, if any)
TRICKY_PLACES = [
    ("lieux/vieux-port/", "title", None, "place title", None),
    ("lieux/vieux-port/", "article h1", None, "place title", None),
    ("lieux/vieux-port/", "aside.op-facts", "aria-label", "place title", None),
    ("lieux/vieux-port/", "aside.op-facts img", "alt", "place alt", None),
    ("lieux/vieux-port/", "aside.op-facts dd:nth-of-type(6)", None, "place access", None),
    ("lieux/vieux-port/", "aside.op-facts dd:nth-of-type(7)", None, "place accessibility", None),
    ("lieux/vieux-port/", "aside.op-facts a[href*=themes]", None, "theme", None),
    ("lieux/", "ol.op-cards--route li:nth-of-type(1) h3", None, "place title", None),
    ("lieux/", "ol.op-cards--route li:nth-of-type(1) p:nth-of-type(2)", None, "place summary", None),
    ("lieux/", "ol.op-cards--route li:nth-of-type(1) img", "alt", "place alt", None),
    ("lieux/sainte-victoire/", "nav.op-route-nav a[rel=prev]", None, "place title", "col_previous"),
    ("en/lieux/vieux-port/", "article h1", None, "english title", None),
    ("en/lieux/vieux-port/", "aside.op-facts img", "alt", "english alt", None),
    ("en/lieux/vieux-port/", "aside.op-facts dd:nth-of-type(6)", None, "english access", None),
    ("de/lieux/vieux-port/", "aside.op-facts img", "alt", "place alt", None),
    ("partenaires/", ".op-card--partner p:nth-of-type(1)", None, "partner summary", None),
    ("partenaires/", ".op-card--partner img", "alt", "partner alt", None),
    ("partenaires/metropole-amp/", "aside.op-facts img", "alt", "partner alt", None),
    ("reseau/marie-curie/", "aside.op-facts dd:nth-of-type(1)", None, "role", "col_person"),
    ("reseau/marie-curie/", "aside.op-facts blockquote", None, "statement", None),
    ("reseau/", ".op-card--changemaker blockquote", None, "statement", None),
    ("lieux/themes/mer/", "article h1", None, "theme", None),
    ("agenda/", "#op-past + ul .op-card p:nth-of-type(2)", None, "event summary", None),
    ("agenda/", "#op-past + ul .op-card p.op-card__meta a", None, "place title", None),
]


@pytest.mark.parametrize(("path", "selector", "attribute", "key", "label"), TRICKY_PLACES)
def test_text_that_looks_like_markup_is_shown_exactly_as_typed(tricky, ui_strings, path, selector, attribute, key, label):
    element = page(tricky, path).select_one(selector)
    assert element is not None, (path, selector)
    shown = element[attribute] if attribute else text(element).removesuffix("¶").strip()
    code = path.split("/")[0] if path.startswith(("en/", "de/")) else "fr"
    expected = TRICKY[key]
    if selector == "title":
        expected += " - One Provence"
    if label == "col_previous":
        expected = f"{ui_strings[label][code]} {expected}"
    elif label:
        expected = f"{ui_strings[label][code]} · {expected}"
    assert shown == expected, (path, selector)


# The same parts of the same pages, with plain text (`built`) and with TRICKY text.
TRICKY_PARTS = [
    ("lieux/vieux-port/", "head"), ("lieux/vieux-port/", "article"), ("en/lieux/vieux-port/", "article"),
    ("de/lieux/vieux-port/", "article"), ("lieux/", "article"), ("lieux/sainte-victoire/", "article"),
    ("partenaires/", ".op-tier"), ("partenaires/metropole-amp/", "article"), ("reseau/", "article"),
    ("reseau/marie-curie/", "article"), ("lieux/themes/mer/", "article"), ("agenda/", "article"),
]


@pytest.mark.parametrize(("path", "part"), TRICKY_PARTS)
def test_text_that_looks_like_markup_adds_no_element_to_the_page(tricky, built, path, part):
    """Every element and attribute of the page comes from the templates, none from the text."""
    assert _tags(page(tricky, path).select_one(part)) == _tags(page(built, path).select_one(part))


def test_two_builds_of_the_same_content_give_identical_collections_and_open_data(built, languages):
    again = run_build(built.parent, site=built.parent / "site-again")
    assert again.ok, again.output
    outputs = ["route.gpx", "partners.json"]
    for folder in _folders(languages):
        outputs += [folder + name for name in ("places.geojson", "events.ics", "agenda/index.html", "partenaires/index.html", "lieux/vieux-port/index.html")]
    for output in outputs:
        assert (again.site / output).read_bytes() == (built / output).read_bytes(), output


COUNT_READS = """
import collections, json, pathlib, sys
reads = collections.Counter()
read_text = pathlib.Path.read_text
def counted(self, *args, **kwargs):
    reads[str(self)] += 1
    return read_text(self, *args, **kwargs)
pathlib.Path.read_text = counted
from mkdocs.__main__ import cli
try:
    cli(["build", "-q", "-f", sys.argv[1], "-d", sys.argv[2]])
finally:
    pathlib.Path(sys.argv[3]).write_text(json.dumps(reads))
"""


def test_each_content_and_data_file_is_read_once_per_build_not_once_per_language(fixture_project, languages):
    write_files(fixture_project, site_files())
    log = fixture_project / "reads.json"
    # One process: the reads of the languages a second process would build are counted too.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", "OP_BUILD_JOBS": "1"}
    done = subprocess.run(
        [sys.executable, "-c", COUNT_READS, str(fixture_project / "mkdocs.yml"), str(fixture_project / "site"), str(log)],
        cwd=fixture_project, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert len(languages) == 7 and (fixture_project / "site/zh/lieux/vieux-port/index.html").exists()
    reads = {
        Path(path).relative_to(fixture_project).as_posix(): count
        for path, count in json.loads(log.read_text("utf-8")).items()
        if Path(path).is_relative_to(fixture_project)
    }
    collection_files = [name for name in site_files() if name.endswith(".md") and name.count("/") == 2]
    data_files = [name for name in reads if name.startswith("data/") and name.endswith(".yml")]
    assert collection_files and data_files
    # Read by the checks of the first pass (front matter MkDocs would drop, an
    # empty translation, the item's validation, a listing), a fixed number of
    # times: never once per language (7 and more).
    counts = {name: reads.get(name, 0) for name in collection_files}
    assert all(1 <= count < len(languages) for count in counts.values()), counts
    assert {name: reads[name] for name in data_files} == {name: 1 for name in data_files}
