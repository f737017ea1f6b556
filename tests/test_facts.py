"""What readers read on the real site is what the sources say, and reads the
way people write it in each language: amounts in words, sources as numbered
notes with a list of sources at the end of the page, nothing unknown printed
as a value, communes by their names in the reader's language, and the budget
as a readable table on a phone and a desktop, left to right and right to left."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from conftest import ROOT, language_folder
from pages import page, resolve, text

MARKERS = yaml.safe_load((ROOT / "data" / "ui" / "site.yml").read_text(encoding="utf-8"))["gap_marker"]

# The France 2030 projects (14e9 euros) and the agency's budget ("près de 1,5 million d'euros").
AMOUNTS = {
    "fr": ("14 milliards d'euros", "près de 1,5 million d'euros"),
    "en": ("14 billion euros", "about 1.5 million euros"),
    "es": ("14 mil millones de euros", "cerca de 1,5 millones de euros"),
    "it": ("14 miliardi di euro", "circa 1,5 milioni di euro"),
    "de": ("14 Milliarden Euro", "rund 1,5 Millionen Euro"),
    "ar": ("14 مليار يورو", "نحو 1.5 مليون يورو"),
    "zh": ("140亿欧元", "约150万欧元"),
}


def folder_of(code: str) -> str:
    return "" if code == "fr" else f"{code}/"


def article(soup):
    return soup.select_one("article.md-content__inner")


def html_pages(site):
    """(site path, language code) of every built page."""
    codes = {code for code in AMOUNTS if code != "fr"}
    for path in sorted(site.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        relative = "" if relative == "." else relative + "/"
        first = relative.split("/")[0]
        yield relative, first if first in codes else "fr"


@pytest.mark.parametrize("code", list(AMOUNTS))
def test_the_energy_page_writes_its_amount_as_the_press_does(site, code):
    billions, _ = AMOUNTS[code]
    soup = page(site, folder_of(code) + "filieres/energie/")
    values = [text(value) for value in soup.select(".op-figure__value, .op-figures__value")]
    assert billions in values
    assert "000 000" not in text(article(soup)) and "000,000" not in text(article(soup))


@pytest.mark.parametrize("code", list(AMOUNTS))
def test_the_agency_budget_reads_the_same_in_the_text_the_chart_and_its_table(site, code):
    _, budget = AMOUNTS[code]
    soup = page(site, folder_of(code) + "agence/")
    inline = [text(value) for value in soup.select(".op-figure__value")]
    assert inline == [budget]
    assert [text(total) for total in soup.select(".op-budget__announced")] == [budget, budget]
    assert soup.select_one("figure.op-budget figcaption .op-budget__announced") is not None
    assert soup.select_one("table.op-budget__table caption .op-budget__announced") is not None


def test_the_agency_page_names_no_president(site):
    words = {"fr": "présid", "en": "president", "es": "presid", "it": "presid", "de": "präsident"}
    for code in AMOUNTS:
        body = text(article(page(site, folder_of(code) + "agence/")))
        assert "Deflesselles" not in body
        if code in words:
            assert words[code] not in body.lower(), code


def test_no_gap_marker_sits_in_a_sentence_or_a_citation_outside_the_legal_pages(site, parsed_pages):
    """A gap shows only where the missing fact belongs: a details box, or a line of its own ("Contact : ...")."""
    misplaced = []
    for path, code in html_pages(site):
        if "legal/" in path:
            continue
        soup = parsed_pages[path] if path in parsed_pages else page(site, path)
        for found in soup.find_all(string=lambda string: MARKERS[code] in string):
            block = found.find_parent(["dd", "p", "li", "td", "th", "figcaption", "caption", "h1", "h2", "h3", "blockquote"])
            if found.find_parent(["cite", "section"]) is not None or found.find_parent(class_=re.compile("op-figure|op-sources|op-note")) is not None:
                misplaced.append((path, "citation"))
            elif block.name == "dd" and block.find_parent("aside", class_="op-facts") is not None:
                continue
            elif block.name in ("p", "li"):
                label = " ".join(block.get_text(" ").split()).replace(MARKERS[code], "").strip()
                if not re.fullmatch(r"[^.!?。]*[:：]", label):
                    misplaced.append((path, label))
            else:
                misplaced.append((path, block.name))
    assert misplaced == []


def test_every_page_with_figures_ends_with_its_sources_and_each_note_resolves(site, parsed_pages):
    checked = 0
    for path, code in html_pages(site):
        soup = parsed_pages[path] if path in parsed_pages else page(site, path)
        notes = soup.select("sup.op-note a")
        if not notes:
            assert soup.select_one("section.op-sources") is None, path
            continue
        checked += 1
        content = [child for child in article(soup).children if getattr(child, "name", None)]
        sources = soup.select_one("section.op-sources")
        assert sources is not None and content[-1] is sources, path
        for note in notes:
            entry = soup.select_one(note["href"])
            assert entry is not None and entry.find_parent("section") is sources, (path, note["href"])
            assert note["aria-label"].endswith(text(note))
        for back in sources.select(".op-sources__back"):
            assert "op-note" in soup.select_one(back["href"])["class"], path
        # One entry per source, and nothing unknown shown as if it were known.
        entries = sources.select("li")
        assert len(entries) == len({note["href"] for note in notes})
        assert MARKERS[code] not in text(sources) and "compléter" not in text(sources)
    assert checked >= 7 * 15


def test_search_text_holds_the_figures_but_not_their_note_numbers(site):
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    energy = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("filieres/energie/"))
    assert "accueillir 14 milliards d'euros de projets nouveaux" in energy
    assert "euros1" not in energy and "Retour au texte" not in energy
    english = json.loads((site / "en/search/search_index.json").read_text("utf-8"))
    words = " ".join(doc["text"] for doc in english["docs"] if doc["location"].startswith("agence/"))
    assert "about 1.5 million euros" in words and "Source 1" not in words


@pytest.mark.parametrize("code, name", [
    ("fr", "Marseille"), ("en", "Marseille"), ("es", "Marsella"), ("it", "Marsiglia"), ("de", "Marseille"), ("ar", "مرسيليا"), ("zh", "马赛"),
])
def test_the_vieux_port_is_in_marseille_in_the_readers_language(site, code, name):
    folder = folder_of(code)
    details = page(site, folder + "lieux/vieux-port/").select_one("aside.op-facts dl")
    terms = {text(term): text(term.find_next_sibling("dd")) for term in details.select("dt")}
    assert name in terms.values()
    route = page(site, folder + "lieux/").select("ol.op-cards--route .op-card__meta")
    assert text(route[0]).endswith(f"· {name}")
    features = json.loads((site / folder / "places.geojson").read_text("utf-8"))["features"]
    assert {feature["id"]: feature["properties"]["commune"] for feature in features}["vieux-port"] == name


def test_arabic_and_chinese_readers_get_aix_en_provence_as_their_press_writes_it(site):
    assert text(page(site, "ar/lieux/cours-mirabeau/").select_one("aside.op-facts dd")) == "إكس أون بروفانس"
    assert text(page(site, "zh/lieux/cours-mirabeau/").select_one("aside.op-facts dd")) == "艾克斯普罗旺斯"


def test_partners_show_the_unknown_year_they_joined_as_a_gap_in_the_readers_language(site, ui_strings):
    for code in AMOUNTS:
        details = page(site, folder_of(code) + "partenaires/metropole-amp/").select_one("aside.op-facts")
        terms = {text(term): text(term.find_next_sibling("dd")) for term in details.select("dt")}
        assert terms[ui_strings["col_member_since"][code]] == MARKERS[code]
    partners = json.loads((site / "partners.json").read_text("utf-8"))["partners"]
    assert partners and all(partner["member_since"] is None for partner in partners)


# Sentences no source gives: they were removed or reduced to what the launch article says.
UNSUPPORTED = {
    "lieux/vieux-port/": ["flamme olympique", "Belem"],
    "lieux/technopole-arbois/": ["CES", "Las Vegas"],
    "partenaires/metropole-amp/": ["2016"],
    "filieres/energie/": ["hydrogène vert", "panneaux solaires", "électricité renouvelable"],
    "territoire/transition-energetique/": ["hydrogène", "Jupiter 1000 et MassHylia explorent"],
    "lieux/zone-industrialo-portuaire-fos/": ["Piicto", "panneaux solaires"],
}


def test_claims_that_no_source_gives_are_gone(site):
    found = [(path, claim) for path, claims in UNSUPPORTED.items() for claim in claims if claim in text(article(page(site, path)))]
    assert found == []


def test_every_place_commune_has_a_name_in_every_language(site, languages):
    communes = yaml.safe_load((ROOT / "data" / "communes.yml").read_text(encoding="utf-8"))
    for language in languages:
        folder, code = language_folder(language), language["locale"]
        cards = page(site, folder + "lieux/").select("ol.op-cards--route .op-card__meta")
        names = {commune["name"][code] for commune in communes}
        assert all(text(card).split("· ")[-1] in names for card in cards), code
        assert resolve(folder + "lieux/", "vieux-port/") == folder + "lieux/vieux-port/"
