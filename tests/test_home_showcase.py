"""The home page as the territory's showcase, in every language: after the
hero, the four key figures of data/home.yml with their sources, the route's
static preview linking to the route (no map library), the upcoming events
counted from the build date, the latest news, and the partners' logos
linking to the directory, all from the data: an event or a partner added in
a fixture site appears there."""

from __future__ import annotations

import datetime

import pytest
import yaml

from collections_content import NEW_PARTNER, page as content_page, site_files
from conftest import ROOT, language_folder, run_build, write_files
from pages import page, resolve, text

# The build date of every test build (tests/conftest.py: SOURCE_DATE_EPOCH=1700000000).
BUILD_DATE = datetime.date(2023, 11, 14)


def front_matter(file):
    return yaml.safe_load(file.read_text("utf-8").split("---\n")[1])


def upcoming_events(docs) -> list[str]:
    """The slugs of the events not yet ended on the build date, soonest first, read from the content files."""
    events = []
    for file in (docs / "agenda").glob("*.fr.md"):
        if file.name.startswith("index."):
            continue
        front = front_matter(file)
        end = front.get("end") or front["start"]
        if end >= BUILD_DATE:
            events.append((front["start"], file.name.removesuffix(".fr.md")))
    return [slug for _, slug in sorted(events)]


def partner_slugs(docs) -> set[str]:
    return {file.name.removesuffix(".fr.md") for file in (docs / "partenaires").glob("*.fr.md") if not file.name.startswith("index.")}


def test_the_home_shows_the_four_figures_of_data_home_with_their_sources(site, languages):
    chosen = yaml.safe_load((ROOT / "data" / "home.yml").read_text("utf-8"))["figures"]
    figures = {figure["id"]: figure for figure in yaml.safe_load((ROOT / "data" / "figures.yml").read_text("utf-8"))}
    sources = {source["id"]: source for source in yaml.safe_load((ROOT / "data" / "sources.yml").read_text("utf-8"))}
    assert len(chosen) == 4
    for language in languages:
        folder, code = language_folder(language), language["locale"]
        soup = page(site, folder)
        band = soup.select_one(".op-home-figures")
        # Right after the hero: the first thing of the page's content (after the translation notice).
        content = [child for child in soup.select_one("article").children if getattr(child, "name", None)]
        assert [child for child in content if "op-notice" not in child.get("class", [])][0] is band, folder
        cards = band.select("[data-figure]")
        assert [card["data-figure"] for card in cards] == chosen, folder
        for card in cards:
            label = figures[card["data-figure"]]["label"][code].split("{value}")[0].strip()
            assert label[:12] in text(card), (folder, card["data-figure"])
            note = card.select_one("sup.op-note a[href^='#op-source-']")
            assert note is not None, (folder, card["data-figure"])
            entry = soup.select_one(note["href"])
            title = sources[figures[card["data-figure"]]["source"]]["title"]
            title = title.get(code, title["fr"]) if isinstance(title, dict) else title
            assert entry is not None and title in text(entry), (folder, note["href"])


def test_the_home_shows_the_upcoming_events_the_route_preview_the_news_and_the_partners(site, languages):
    docs = ROOT / "docs"
    soonest = upcoming_events(docs)[:3]
    partners = partner_slugs(docs)
    for language in languages:
        folder = language_folder(language)
        soup = page(site, folder)
        events = [resolve(folder, card.h3.a["href"]) for card in soup.select(".op-home-events .op-card--event")]
        assert events == [f"{folder}agenda/{slug}/" for slug in soonest], folder
        route = soup.select_one(".op-home-route")
        assert route.select_one("svg.op-drawing[aria-hidden=true]") is not None
        assert len(route.select("svg .op-drawing__stop")) == 16
        assert {resolve(folder, link["href"]).split("#")[0] for link in route.select("a[href]")} == {folder + "lieux/"}
        assert len(soup.select(".op-home-news .op-card--news")) == 3, folder
        logos = soup.select(".op-home-partners__logos a")
        assert {resolve(folder, link["href"]) for link in logos} == {f"{folder}partenaires/{slug}/" for slug in partners}, folder
        assert all(link.img["alt"] for link in logos)
        assert any(resolve(folder, link["href"]) == folder + "partenaires/" for link in soup.select(".op-home-partners > p a"))
        assert not [script for script in soup.select("script[src]") if "leaflet" in script["src"]]


@pytest.fixture(scope="module")
def showcase_site(tmp_path_factory):
    """The small content set, with the home's figures chosen, a new partner and a new upcoming event."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("showcase") / "project")
    files = site_files(**NEW_PARTNER)
    fourth = ("- id: calanques-visitors\n  value: 3000000\n  unit: count\n  label: {fr: visiteurs, en: visitors}\n"
              "  source: launch-article\n  date: 2023-10-17\n")
    write_files(project, {**files, **{
        "data/figures.yml": files["data/figures.yml"] + fourth,
        "data/home.yml": "figures: [airport-passengers-2023, university-rank, budget-total, calanques-visitors]\n",
        "docs/agenda/fete-du-vent.fr.md": content_page("""
            title: Fête du vent
            summary: Des cerfs-volants sur la plage.
            start: 2024-03-02
            end: 2024-03-03
            place: calanques
            """),
    }})
    build = run_build(project)
    assert build.ok, build.output
    return project, build.site


def test_an_event_and_a_partner_added_to_the_data_appear_on_the_home(showcase_site):
    project, built = showcase_site
    for folder in ("", "en/", "ar/"):
        soup = page(built, folder)
        events = [text(card.h3) for card in soup.select(".op-home-events .op-card--event")]
        # Upcoming on the build date, soonest first: the new event before the 2030 fair; the 2023 regatta is past.
        assert events == ["Fête du vent", "Salon de l'avenir"], folder
        logos = [resolve(folder, link["href"]) for link in soup.select(".op-home-partners__logos a")]
        assert f"{folder}partenaires/cma-cgm/" in logos and f"{folder}partenaires/metropole-amp/" in logos
        assert [card["data-figure"] for card in soup.select(".op-home-figures [data-figure]")] == [
            "airport-passengers-2023", "university-rank", "budget-total", "calanques-visitors"]


def test_a_figure_listed_twice_in_data_home_stops_the_build_naming_it(fixture_project):
    write_files(fixture_project, site_files(**{"data/home.yml": "figures: [airport-passengers-2023, university-rank, budget-total, university-rank]\n"}))
    build = run_build(fixture_project)
    assert not build.ok
    assert "data/home.yml" in build.output and "university-rank listed twice; expected four different figures" in build.output


def test_an_unknown_figure_in_data_home_stops_the_build_naming_it(fixture_project):
    write_files(fixture_project, site_files(**{"data/home.yml": "figures: [airport-passengers-2023, university-rank, budget-total, tourists-2099]\n"}))
    build = run_build(fixture_project)
    assert not build.ok
    assert "data/home.yml: figures: 'tourists-2099' is not a figure of data/figures.yml" in build.output
