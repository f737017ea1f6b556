"""Details of the helpers that editors' input reaches, each pinned by an
example with its literal expected value: what mutation testing (make
mutation, benchmarks/results/mutation.md) showed the other tests let change.

Figures in every locale, the budget table, the site paths of each language,
the build context read from mkdocs.yml, the catalog's reading order and
references, and the exact words of the validation messages."""

from __future__ import annotations

import datetime

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from collections_content import site_files
from conftest import ROOT, write_files
from provence import catalog as catalog_module
from provence import context, models, yamlfile
from provence import figures as fmt
from provence import languages as langs
from provence.errors import Problem, raise_problems

FR, EN, AR = langs.Language("fr", "Français", True), langs.Language("en", "English", False), langs.Language("ar", "العربية", False)
CODES = ["fr", "en", "es", "it", "de", "ar", "zh"]
ORDINALS = yaml.safe_load((ROOT / "data" / "ordinals.yml").read_text("utf-8"))
TERRITORY = models.Territory.model_validate(yaml.safe_load((ROOT / "data" / "territory.yml").read_text("utf-8")))


# --- Figures: every value as a reader of each language reads it


@pytest.mark.parametrize(("value", "code", "shown"), [
    (1.1, "en", "1.1%"), (0.7, "fr", "0,7\u00a0%"), (12.5, "de", "12,5\u00a0%"), (100, "fr", "100\u00a0%"), (33.333, "en", "33.333%"),
])
def test_percentages_are_written_as_typed_in_the_readers_locale(value, code, shown):
    """1.1 must not read 1.1000000000000001 % (binary floating point)."""
    assert fmt.format_value(value, "percent", code, ORDINALS) == shown


@pytest.mark.parametrize(("value", "code", "shown"), [
    (1234.5, "fr", "1\u202f234\u00a0€"), (1_500_000, "de", "1.500.000\u00a0€"), (999, "en", "€999"), (0, "zh", "€0"),
])
def test_amounts_are_whole_euros_in_the_readers_locale(value, code, shown):
    assert fmt.format_euros(value, code) == shown


@pytest.mark.parametrize(("value", "code", "shown"), [
    (93_000, "fr", "93\u202f000"), (999_999, "de", "999.999"), (1_500_000, "fr", "1,5 million"), (2_500_000, "en", "2.5 million"),
    (-3_000_000, "en", "-3 million"), (12_000_000, "zh", "1200万"),
])
def test_counts_switch_to_words_from_a_million(value, code, shown):
    assert fmt.format_count(value, code) == shown


def test_years_and_whole_values_are_plain_numbers():
    assert fmt.format_value(2023, "year", "ar", ORDINALS) == "2023"
    assert fmt.format_value(2023.5, "year", "fr", ORDINALS) == "2023.5"


def test_a_rank_without_patterns_for_its_language_is_the_plain_number():
    assert fmt.format_rank(3, "fr", {}) == "3"
    assert fmt.format_rank(2, "en", {"en": {"other": "{n}th"}}) == "2th"


@pytest.mark.parametrize(("code", "shown"), [("fr", "17 octobre 2023"), ("de", "17. Oktober 2023"), ("zh", "2023年10月17日"), ("en", "October 17, 2023")])
def test_days_are_written_in_words_in_the_readers_language(code, shown):
    assert fmt.format_day(datetime.date(2023, 10, 17), code) == shown


def test_periods_are_written_as_one_span_in_the_readers_language():
    assert fmt.format_period(datetime.date(2023, 7, 28), datetime.date(2023, 8, 8), "fr") == "28 juil.\u2009–\u20098 août 2023"
    assert fmt.format_period(datetime.date(2023, 7, 28), datetime.date(2024, 8, 8), "de") == "28. Juli 2023\u2009–\u20098. Aug. 2024"
    assert fmt.format_period(datetime.date(2023, 7, 28), datetime.date(2023, 7, 28), "en") == "Jul 28, 2023"


def test_a_text_falls_back_to_the_default_language_then_to_nothing():
    assert fmt.translated({"fr": "Mer", "en": "Sea"}, "en", "fr") == "Sea"
    assert fmt.translated({"fr": "Mer", "en": ""}, "en", "fr") == "Mer"
    assert fmt.translated({"fr": "Mer"}, "de", "fr") == "Mer"
    assert fmt.translated({"en": "Sea"}, "de", "fr") == ""
    assert fmt.translated("One Provence", "zh", "fr") == "One Provence"


FIGURE = models.Figure(id="rank", value=1, unit="rank", label={"fr": "{value} port de Méditerranée", "en": "the {value} port of the Mediterranean"},
                       source="report", date=datetime.date(2023, 6, 1))
SOURCE = models.Source(id="report", title={"fr": "Rapport annuel", "en": "Annual report"}, publisher="Port de Marseille", url="https://example.org/r")


ABOUT = {"fr": "près de {value}", "en": "about {value}"}


def test_a_figure_view_has_everything_a_card_shows_in_the_readers_language():
    assert fmt.figure_view(FIGURE, "en", "fr", ORDINALS, {}, ABOUT["en"]) == {
        "id": "rank", "value": "1st", "unit": "rank", "label": "the 1st port of the Mediterranean", "ranked": True, "source": "report",
    }
    # German has no label of its own: the French one, with a German ordinal.
    german = fmt.figure_view(FIGURE, "de", "fr", ORDINALS, {}, ABOUT["fr"])
    assert (german["label"], german["ranked"]) == ("1. port de Méditerranée", True)


def test_a_source_view_has_the_title_in_the_readers_language_and_the_date_as_it_writes_it():
    dated = SOURCE.model_copy(update={"date": datetime.date(2023, 6, 1)})
    assert fmt.source_view(dated, "en", "fr") == {
        "title": "Annual report", "publisher": "Port de Marseille", "url": "https://example.org/r", "date": "June 1, 2023", "iso_date": "2023-06-01",
    }
    assert fmt.source_view(SOURCE, "de", "fr") == {
        "title": "Rapport annuel", "publisher": "Port de Marseille", "url": "https://example.org/r", "date": None, "iso_date": None,
    }


def test_an_approximate_figure_is_said_as_the_language_says_it():
    budget = models.Figure(id="b", value=1_500_000, unit="euros", approximate=True, label={"fr": "budget"}, source="report", date=datetime.date(2023, 1, 1))
    assert fmt.figure_view(budget, "en", "fr", ORDINALS, {}, ABOUT["en"])["value"] == "about 1.5 million euros"


def test_a_label_without_its_value_is_not_ranked():
    count = models.Figure(id="c", value=10_000_000, unit="count", label={"fr": "passagers"}, source="report", date=datetime.date(2023, 1, 1))
    view = fmt.figure_view(count, "zh", "fr", ORDINALS, {}, "{value}")
    assert (view["value"], view["label"], view["ranked"]) == ("1000万", "passagers", False)


def test_the_budget_table_orders_funders_by_amount_and_gives_shares_and_bars():
    budget = models.Budget(source="s", total="b", funders=[
        models.Funder(id="b", amount=500_000, label={"fr": "Entreprises"}),
        models.Funder(id="a", partner="metropole-amp", amount=1_000_000, label={"fr": "Métropole", "en": "Metropolis"}),
        models.Funder(id="c", amount=500_000, label={"fr": "État"}),
    ])
    partner = catalog_module.Item("partners", "metropole-amp", "docs/partenaires/metropole-amp.fr.md", None)
    assert fmt.budget_view(budget, {"metropole-amp": partner}, "en", "fr", {"b": {"value": "about 2 million euros"}}) == {
        "rows": [
            {"label": "Metropolis", "amount": "€1,000,000", "share": "50%", "bar": 100.0, "partner": "partenaires/metropole-amp/"},
            {"label": "Entreprises", "amount": "€500,000", "share": "25%", "bar": 50.0, "partner": None},
            {"label": "État", "amount": "€500,000", "share": "25%", "bar": 50.0, "partner": None},
        ],
        "total": "€2,000,000", "announced": "about 2 million euros", "source": "s",
    }


def test_an_empty_budget_has_no_share_and_no_announced_total():
    budget = models.Budget(source="s", funders=[models.Funder(id="z", amount=0, label={"fr": "Rien"})])
    assert fmt.budget_view(budget, {}, "fr", "fr", {}) == {
        "rows": [{"label": "Rien", "amount": "0\u00a0€", "share": "0\u00a0%", "bar": 0.0, "partner": None}],
        "total": "0\u00a0€", "announced": None, "source": "s",
    }


def test_a_marker_cites_its_figures_once_each_and_the_budget_none():
    assert fmt.marker_ids("figures: a, ,b,") == ["a", "b"]
    assert fmt.marker_ids("figure:x") == ["x"]
    assert fmt.marker_ids("budget") == []
    # A marker with a space is still a marker (then an unknown figure), never left as text.
    assert fmt.markers("<p>[[figure:a b]] [[figures:]] [[budgets]]</p>") == ["figure:a b", "figures:"]


def test_only_a_marker_alone_in_its_paragraph_is_a_block():
    html = "<p>Voir [[figures:a]]</p><p> [[budget]] </p>"
    assert fmt.replace_markers(html, lambda marker: f"<div>{marker}</div>", lambda figure_id: f"<b>{figure_id}</b>") == "<p>Voir [[figures:a]]</p><div>budget</div>"


# --- Site paths of each language


@pytest.mark.parametrize(("url", "language", "neutral"), [("en", EN, ""), ("en/", EN, ""), ("ar/lieux/", AR, "lieux/"), ("lieux/", FR, "lieux/")])
def test_a_language_folder_is_stripped_with_or_without_its_slash(url, language, neutral):
    assert langs.strip_language(url, language) == neutral


@pytest.mark.parametrize(("path", "language", "localized"), [("/lieux/", EN, "en/lieux/"), (".", EN, "en/"), (".", FR, "./"), ("/", AR, "ar/"), ("lieux/", FR, "lieux/")])
def test_a_site_path_is_put_in_the_language_folder(path, language, localized):
    assert langs.localize(path, language) == localized


@pytest.mark.parametrize(("base", "language", "expected"), [("../", EN, "../en/"), ("..", AR, "../ar/"), ("../", FR, "../")])
def test_the_language_root_is_relative_to_the_page(base, language, expected):
    assert langs.language_base(base, language) == expected


def test_a_language_is_found_by_its_code_only():
    assert langs.find_language([FR, EN, AR], "ar") is AR
    with pytest.raises(KeyError):
        langs.find_language([FR, EN], "pt")


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("he", "rtl"), ("fa-IR", "rtl"), ("en", "ltr"), ("zh", "ltr")])
def test_right_to_left_scripts(code, direction):
    assert langs.Language(code, code, False).direction == direction


@pytest.mark.parametrize(("site_url", "path", "absolute"), [
    ("https://oneprovence.com/", "./", "https://oneprovence.com/"), ("https://oneprovence.com", ".", "https://oneprovence.com/"),
    ("https://oneprovence.com/", "/en/lieux/", "https://oneprovence.com/en/lieux/"), ("https://oneprovence.com/", "en/", "https://oneprovence.com/en/"),
])
def test_absolute_addresses(site_url, path, absolute):
    assert langs.absolute_url(site_url, path) == absolute


# --- The build context, from the one declaration of languages


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    """The project's configuration as a build loads it (the docs folder does not matter here)."""
    return load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(tmp_path_factory.mktemp("docs")))


def test_the_languages_are_those_declared_in_mkdocs_yml_default_first(config):
    assert context.declared_languages(config) == [
        langs.Language("fr", "Français", True), langs.Language("en", "English", False), langs.Language("es", "Español", False),
        langs.Language("it", "Italiano", False), langs.Language("de", "Deutsch", False), langs.Language("ar", "العربية", False),
        langs.Language("zh", "简体中文", False),
    ]


def test_a_build_context_is_attached_to_its_configuration(config):
    build = context.start(config)
    assert context.context_of(config) is build
    assert build.project == ROOT and build.default == FR and build.language("ar") == AR
    assert build.current_language(config) == FR
    french = build.current(config)
    assert french.code == "fr" and build.current(config) is french and build.passes == {"fr": french}
    with pytest.raises(KeyError):
        build.language("pt")
    assert context.is_first_pass(config) and context.is_final_pass(config)


def test_without_a_context_the_error_says_which_hook_must_come_first():
    with pytest.raises(RuntimeError) as raised:
        context.context_of(object())
    assert str(raised.value) == "no build context: hooks/build_context.py must be the first hook of mkdocs.yml's pipeline"


# --- The catalog


def _catalog(tmp_path, **changes):
    write_files(tmp_path, site_files(**changes))
    found, problems = catalog_module.load_catalog(tmp_path / "docs", tmp_path / "data", CODES)
    assert problems == []
    return found


def test_item_pages_are_told_from_index_and_other_pages():
    assert catalog_module.item_of("lieux/vieux-port.fr.md") == ("places", "vieux-port")
    assert catalog_module.item_of("agenda/salon-2030.zh.md") == ("events", "salon-2030")
    assert catalog_module.item_of("reseau/marie.md") == ("changemakers", "marie")
    assert catalog_module.item_of("lieux/index.fr.md") == (None, None)
    assert catalog_module.item_of("lieux/themes/mer.fr.md") == (None, None)
    assert catalog_module.item_of("blog/vieux-port.fr.md") == (None, None)


def test_pictures_are_found_next_to_their_page_and_never_outside_the_docs():
    assert catalog_module.picture_path("lieux/a.fr.md", "../assets/x.svg") == "assets/x.svg"
    assert catalog_module.picture_path("lieux/a.fr.md", "img/x.svg") == "lieux/img/x.svg"
    assert catalog_module.picture_path("lieux/a.fr.md", "../../x.svg") is None
    assert catalog_module.picture_path("lieux/a.fr.md", "/x.svg") is None
    assert catalog_module.picture_path("lieux/a.fr.md", "https://example.org/x.svg") is None


def test_the_catalog_reads_in_reading_order_and_by_sector(tmp_path):
    found = _catalog(tmp_path, **{"docs/reseau/alain.fr.md": site_files()["docs/reseau/marie-curie.fr.md"].replace("Marie Exemple", "alain Exemple").replace("sector: sante", "sector: tourisme")})
    assert [item.slug for item in found.items("places", "fr")] == ["vieux-port", "sainte-victoire", "calanques"]
    assert [item.slug for item in found.items("events", "fr")] == ["voile-2024", "salon-2030"]
    assert [item.slug for item in found.items("changemakers", "fr")] == ["alain", "marie-curie"]
    assert [item.slug for item in found.items("sectors", "en")] == ["sante", "tourisme"]
    assert [item.title for item in found.items("sectors", "en")] == ["Health", "Tourisme"]
    places = found.items("places", "fr")
    assert [item.slug for item in catalog_module.in_sector(places, "places", "sante")] == ["calanques"]
    people = found.items("changemakers", "fr")
    assert [item.slug for item in catalog_module.in_sector(people, "changemakers", "sante")] == ["marie-curie"]
    assert [theme.id for theme in found.themes_in_use()] == ["mer", "patrimoine"]
    assert catalog_module.picture_site_path(found.collections["places"]["vieux-port"]) == "assets/illustrations/vieux-port.svg"
    assert catalog_module.picture_site_path(found.collections["partners"]["metropole-amp"]) == "assets/logos/metropole-amp.svg"
    assert found.collections["places"]["vieux-port"].path == "lieux/vieux-port/"


def test_partners_are_listed_by_tier_then_name(tmp_path):
    second = site_files()["docs/partenaires/metropole-amp.fr.md"].replace("Métropole Aix-Marseille-Provence", "aéroport").replace("tier: fondateurs", "tier: strategiques")
    third = site_files()["docs/partenaires/metropole-amp.fr.md"].replace("Métropole Aix-Marseille-Provence", "Zénith")
    found = _catalog(tmp_path, **{"docs/partenaires/aeroport.fr.md": second, "docs/partenaires/zenith.fr.md": third})
    assert [item.slug for item in found.items("partners", "fr")] == ["metropole-amp", "zenith", "aeroport"]


def test_a_partner_of_an_unknown_tier_comes_first_and_is_reported(tmp_path):
    write_files(tmp_path, site_files(**{"docs/partenaires/metropole-amp.fr.md": site_files()["docs/partenaires/metropole-amp.fr.md"].replace("tier: fondateurs", "tier: mecenes")}))
    found, problems = catalog_module.load_catalog(tmp_path / "docs", tmp_path / "data", CODES)
    assert [str(problem) for problem in problems] == [
        "docs/partenaires/metropole-amp.fr.md: tier: 'mecenes' does not exist in data/tiers.yml; expected one of: fondateurs, strategiques"
    ]
    assert catalog_module._tier_order(found, "mecenes") == (0, "mecenes")
    assert catalog_module._tier_order(found, "strategiques") == (2, "strategiques")


# --- YAML: where the problem is


def test_a_control_character_is_located_on_its_line_and_column():
    assert [str(problem) for problem in yamlfile.parse("title: Port\nsummary: a\x1fb\n", "data/x.yml")[1]] == [
        "data/x.yml: line 2, column 11: invalid YAML: the character '\\x1f' (#x001f) is not allowed; delete it (it may be invisible)"
    ]
    assert [str(problem) for problem in yamlfile.front_matter("---\nx: \x08\n---\n", "docs/a.fr.md")[1]] == [
        "docs/a.fr.md: line 2, column 4: invalid YAML in the front matter: the character '\\x08' (#x0008) is not allowed; delete it (it may be invisible)"
    ]


def test_a_data_file_that_does_not_exist_yet_is_not_a_problem(tmp_path):
    assert yamlfile.read(tmp_path / "absent.yml", "data/absent.yml") == (None, [])


def test_front_matter_without_fields_is_empty_and_fine():
    assert yamlfile.front_matter("---\n\n---\n\n# Page\n", "docs/a.fr.md") == ({}, [])
    assert yamlfile.front_matter("---\n# only a comment\n...\n", "docs/a.fr.md") == ({}, [])


def test_a_syntax_error_suggests_quotes_only_for_an_unquoted_colon():
    [colon] = yamlfile.parse("title: Fos : le port\n", "data/x.yml")[1]
    [bracket] = yamlfile.parse("title: [Fos\n", "data/x.yml")[1]
    assert str(colon) == "data/x.yml: line 1, column 12: invalid YAML: mapping values are not allowed in this context (a value containing ': ' must be in quotes)"
    assert str(bracket) == "data/x.yml: line 2, column 1: invalid YAML: did not find expected ',' or ']'"


# --- Problems, reported together


def test_problems_are_reported_together_sorted_with_their_count():
    problems = [Problem("docs/b.fr.md", "title", "missing"), Problem("data/a.yml", "", "expected a list")]
    with pytest.raises(PluginError) as raised:
        raise_problems(problems, "the content files")
    assert str(raised.value) == "2 problems in the content files:\n  - data/a.yml: expected a list\n  - docs/b.fr.md: title: missing"
    with pytest.raises(PluginError) as raised:
        raise_problems(problems[:1], "front matter")
    assert str(raised.value) == "1 problem in front matter:\n  - docs/b.fr.md: title: missing"
    assert raise_problems([], "front matter") is None


# --- Models: the exact words


def _messages(model, raw, label="docs/x.fr.md"):
    return [str(problem) for problem in models.validate(model, raw, label, context={"territory": TERRITORY})[1]]


PLACE = {"title": "Le Vieux-Port", "summary": "S", "commune": "Marseille", "coordinates": {"lat": 43.2951, "lon": 5.374},
         "route": 1, "image": {"src": "../a.svg", "alt": "Le port"}}


@pytest.mark.parametrize(("field", "value", "message"), [
    ("summary", "   ", "docs/x.fr.md: summary: is empty; write a text"),
    ("website", "www.marseille.fr", "docs/x.fr.md: website: 'www.marseille.fr' is not a web address; expected an address starting with https:// or http://"),
    ("website", "https://a b.fr/", "docs/x.fr.md: website: 'https://a b.fr/' is not a web address; expected an address starting with https:// or http://"),
    ("themes", ["Mer"], "docs/x.fr.md: themes[0]: 'Mer' is not an id; expected lowercase letters, digits and hyphens (e.g. 'vieux-port')"),
    ("themes", ["mer-"], "docs/x.fr.md: themes[0]: 'mer-' is not an id; expected lowercase letters, digits and hyphens (e.g. 'vieux-port')"),
    ("route", 0, "docs/x.fr.md: route: 0 is not valid: input should be greater than or equal to 1"),
    ("summary", "Le <!-- caché -->", "docs/x.fr.md: summary: contains HTML ('<!-- caché -->'); write plain text: text fields are shown exactly as typed, never as HTML"),
    ("summary", "Le </b", "docs/x.fr.md: summary: contains HTML ('</b'); write plain text: text fields are shown exactly as typed, never as HTML"),
])
def test_each_field_type_says_what_is_expected(field, value, message):
    assert _messages(models.Place, {**PLACE, field: value}) == [message]


@pytest.mark.parametrize("text", ["Prix < 5 € & accès 2 > 1", "a < b > c", "<3", "5 <= 7", "R&D", "x<1", "Lire : « < »"])
def test_plain_text_that_a_browser_reads_as_text_is_accepted(text):
    assert _messages(models.Place, {**PLACE, "summary": text}) == []


@pytest.mark.parametrize(("lat", "lon"), [(43.15, 4.80), (43.80, 5.85), (43.15, 5.85), (43.80, 4.80)])
def test_the_territory_includes_its_edges(lat, lon):
    assert _messages(models.Place, {**PLACE, "coordinates": {"lat": lat, "lon": lon}}) == []


def test_coordinates_are_checked_only_when_the_territory_is_known():
    assert models.validate(models.Coordinates, {"lat": 48.85, "lon": 2.35}, "docs/x.fr.md")[1] == []


def test_an_event_may_last_one_day():
    assert _messages(models.Event, {"title": "E", "start": datetime.date(2024, 5, 1), "end": datetime.date(2024, 5, 1)}) == []


def test_a_year_outside_1800_2100_is_refused():
    partner = {"title": "P", "summary": "S", "tier": "fondateurs", "member_since": 1799, "logo": {"src": "../a.svg", "alt": "Logo"}}
    assert _messages(models.Partner, partner) == ["docs/x.fr.md: member_since: 1799 is not valid: input should be greater than or equal to 1800"]
    assert _messages(models.Partner, {**partner, "member_since": 2101}) == ["docs/x.fr.md: member_since: 2101 is not valid: input should be less than or equal to 2100"]
    assert _messages(models.Partner, {**partner, "member_since": 1800}) == _messages(models.Partner, {**partner, "member_since": 2100}) == []


def test_a_value_outside_a_list_of_choices_names_the_choices():
    assert _messages(models.Changemaker, {"title": "M", "kind": "robot", "role": "R", "sector": "sante", "statement": "S", "link": "https://x.org/"}) == [
        "docs/x.fr.md: kind: 'robot' is not allowed; expected 'person' or 'organisation'"
    ]


def test_an_unknown_field_without_a_close_name_lists_the_fields():
    assert _messages(models.Coordinates, {"lat": 43.3, "lon": 5.4, "altitude": 12}) == [
        "docs/x.fr.md: altitude: unknown field (value 12) Expected one of: lat, lon"
    ]
    assert _messages(models.Place, {**PLACE, "image": {"src": "a.svg", "alt": "A", "tilte": "x"}}) == [
        "docs/x.fr.md: image.tilte: unknown field (value 'x') Expected one of: src, alt"
    ]


def test_an_unknown_field_deep_in_a_list_suggests_nothing():
    assert _messages(models.Budget, {"source": "s", "funders": [{"id": "a", "amount": 1, "label": {"fr": "A"}, "amout": 2}]}, "data/budget.yml") == [
        "data/budget.yml: funders[0].amout: unknown field (value 2)"
    ]


def test_field_names_of_nested_positions():
    assert models.field_name(("funders", 0, "label", "fr")) == "funders[0].label.fr"
    assert models.field_name((0, "id")) == "[0].id"
    assert models.field_name(()) == ""


def test_an_ordinal_pattern_says_where_the_number_goes():
    assert [str(problem) for problem in models.validate(models.Ordinals, {"one": "er", "other": "{n}e"}, "data/ordinals.yml", prefix=("fr",))[1]] == [
        "data/ordinals.yml: fr.one: 'er' has no {n}; write where the number goes, e.g. '{n}e'"
    ]


def test_audience_measurement_is_a_path_of_the_site_only():
    for url in ("/matomo", "//stats.example.org/", "matomo/"):
        assert _messages(models.Matomo, {"provider": "matomo", "url": url, "site_id": 1}, "mkdocs.yml") == [
            f"mkdocs.yml: url: '{url}' is not a path of this site; expected a path ending with '/', such as /matomo/ (no other origin)"
        ]
    assert _messages(models.Matomo, {"provider": "matomo", "url": "/matomo/", "site_id": 1}, "mkdocs.yml") == []


@pytest.mark.parametrize("path", ["//x.org/", "/a b/", "/a?b", "/a#b", "/a'b", "/a;b", "/a{b}"])
def test_a_redirect_is_between_paths_of_the_site(path):
    assert _messages(models.Redirect, {"from": path, "to": "/"}, "data/redirects.yml") == [
        f"data/redirects.yml: from: {path!r} is not a site path; expected a path starting with '/', without spaces, quotes, '#' or '?'"
    ]


def test_the_root_redirects_once():
    assert models.Redirect.model_validate({"from": "/", "to": "/fr/"}).sources == ["/"]


def test_a_translation_sets_only_its_text_and_per_file_fields():
    assert models.text_paths(models.Place) == {"title", "summary", "description", "translation", "hide", "search", "template", "icon", "status",
                                               "image.alt", "access", "accessibility"}
    assert models.text_paths(models.Sector) == models.FrontMatter.PER_FILE


# --- Data files and translations, through the catalog: the complete list of messages

S = site_files()
PARTNER_FR, PARTNER_EN = "docs/partenaires/metropole-amp.fr.md", "docs/partenaires/metropole-amp.en.md"
PLACE_FR, PLACE_EN = "docs/lieux/vieux-port.fr.md", "docs/lieux/vieux-port.en.md"
NOT_TEXT = "write non-text fields only in the French file"

DATA_AND_TRANSLATIONS = {
    "a changemaker in an unknown sector": (
        {"docs/reseau/marie-curie.fr.md": S["docs/reseau/marie-curie.fr.md"].replace("sector: sante", "sector: peche")},
        ["docs/reseau/marie-curie.fr.md: sector: 'peche' does not exist in docs/filieres/; expected one of: sante, tourisme"],
    ),
    "a figure citing an unknown source": (
        {"data/figures.yml": S["data/figures.yml"].replace("  source: annual-report", "  source: rapport")},
        ["data/figures.yml (id 'university-rank'): source: 'rapport' does not exist in data/sources.yml; expected one of: annual-report, launch-article"],
    ),
    "a budget citing an unknown source": (
        {"data/budget.yml": S["data/budget.yml"].replace("source: launch-article", "source: rapport")},
        ["data/budget.yml: source: 'rapport' does not exist in data/sources.yml; expected one of: annual-report, launch-article"],
    ),
    "two funders with one id": (
        {"data/budget.yml": S["data/budget.yml"].replace("id: entreprises", "id: metropole")},
        ["data/budget.yml: funders.id: 'metropole' is used twice; expected each id once"],
    ),
    "a funder without its amount": (
        {"data/budget.yml": S["data/budget.yml"].replace("    amount: 500000\n", "")},
        ["data/budget.yml: funders[1].amount: required field is missing; add it"],
    ),
    "an unreadable data file, cited": (
        {"data/tiers.yml": S["data/tiers.yml"].replace("  order: 2\n", "  order: [2\n")},
        ["data/tiers.yml: line 7, column 8: invalid YAML: did not find expected ',' or ']'"],
    ),
    "a data file that is not a list, cited": (
        {"data/themes.yml": "mer: Mer\n"},
        ["data/themes.yml: expected a list of entries (`- id: ...`), got dict"],
    ),
    "invalid entries of two files, cited": (
        {"data/figures.yml": S["data/figures.yml"].replace("unit: rank", "unit: kilos"),
         "data/tiers.yml": S["data/tiers.yml"].replace("  order: 1\n", "  order: premier\n")},
        ["data/figures.yml entry 2 (id 'university-rank'): unit: 'kilos' is not allowed; expected 'count', 'euros', 'percent', 'rank' or 'year'",
         "data/tiers.yml entry 1 (id 'fondateurs'): order: 'premier' is not valid: input should be a valid integer, unable to parse string as an integer"],
    ),
    "an invalid territory": (
        {"data/territory.yml": "name: Métropole\nlat: [43.15]\nlon: [4.8, 5.85]\n"},
        ["data/territory.yml: lat[1]: required field is missing; add it"],
    ),
    "places without a territory": (
        {"data/territory.yml": None},
        ["data/territory.yml: missing; the places of docs/lieux/ need the territory's bounds (name, lat, lon)"],
    ),
    "ordinals of a language the site does not build": (
        {"data/ordinals.yml": S["data/ordinals.yml"] + "pt: {other: '{n}º'}\n"},
        ["data/ordinals.yml: pt: 'pt' is not a language of the site (fr, en, es, it, de, ar, zh)"],
    ),
    "ordinals that are not per language": (
        {"data/ordinals.yml": "- fr\n"},
        ["data/ordinals.yml: expected one entry per language, e.g. `fr: ...`"],
    ),
    "ordinal patterns without a number or without `other`": (
        {"data/ordinals.yml": "fr: {one: er, other: '{n}e'}\nde: {one: '{n}.'}\n"},
        ["data/ordinals.yml: de.other: required field is missing; add it",
         "data/ordinals.yml: fr.one: 'er' has no {n}; write where the number goes, e.g. '{n}e'"],
    ),
    "malformed YAML in a translation": (
        {PARTNER_EN: S[PARTNER_EN].replace("title: Aix-Marseille-Provence Metropolis", "title: [Aix")},
        ["docs/partenaires/metropole-amp.en.md: line 3, column 8: invalid YAML in the front matter: did not find expected ',' or ']'"],
    ),
    "a translation moving a place outside the territory": (
        {PLACE_EN: S[PLACE_EN].replace("access: Metro line 1.", "access: Metro line 1.\ncoordinates: {lat: 48.85, lon: 2.35}")},
        [f"docs/lieux/vieux-port.en.md: coordinates.lat: 48.85 disagrees with the French file (43.2951); {NOT_TEXT}",
         f"docs/lieux/vieux-port.en.md: coordinates.lon: 2.35 disagrees with the French file (5.374); {NOT_TEXT}",
         "docs/lieux/vieux-port.en.md: coordinates: (48.85, 2.35) is outside the Aix-Marseille-Provence metropolis (lat 43.15–43.80, lon 4.80–5.85)"],
    ),
    "a translation with a wrong non-text list": (
        {PARTNER_EN: S[PARTNER_EN].replace("logo: {alt: Metropolis logo}", "logo: {alt: Metropolis logo}\nsectors: [Peche]")},
        [f"docs/partenaires/metropole-amp.en.md: sectors: ['Peche'] disagrees with the French file (['sante', 'tourisme']); {NOT_TEXT}",
         "docs/partenaires/metropole-amp.en.md: sectors[0]: 'Peche' is not an id; expected lowercase letters, digits and hyphens (e.g. 'vieux-port')"],
    ),
    "a French image without its file, under a translated alt": (
        {PLACE_FR: S[PLACE_FR].replace("image: {src: ../assets/illustrations/vieux-port.svg, alt: Le port et ses bateaux}", "image: {alt: Le port et ses bateaux}")},
        ["docs/lieux/vieux-port.fr.md: image.src: required field is missing; add it"],
    ),
    "a data entry that is a word": (
        {"data/figures.yml": "- idée\n" + S["data/figures.yml"]},
        ["data/figures.yml entry 1: expected `id: …`, `value: …`, `unit: …`, `label: …`, `source: …`, `date: YYYY-MM-DD`, `approximate: true|false`, got 'idée'"],
    ),
    "an invalid first entry, the next ones cited": (
        {"data/figures.yml": S["data/figures.yml"].replace("unit: count", "unit: kilos")},
        ["data/figures.yml entry 1 (id 'airport-passengers-2023'): unit: 'kilos' is not allowed; expected 'count', 'euros', 'percent', 'rank' or 'year'"],
    ),
    "malformed YAML in the budget": (
        {"data/budget.yml": S["data/budget.yml"].replace("amount: 500000", "amount: [500000")},
        ["data/budget.yml: line 10, column 10: invalid YAML: did not find expected ',' or ']'"],
    ),
    "malformed YAML in the territory": (
        {"data/territory.yml": "name: [x\n"},
        ["data/territory.yml: line 2, column 1: invalid YAML: did not find expected ',' or ']'"],
    ),
    "malformed YAML in the ordinals": (
        {"data/ordinals.yml": "fr: {one: '{n}er'\n"},
        ["data/ordinals.yml: line 2, column 1: invalid YAML: did not find expected ',' or '}'"],
    ),
    "each file's own translation status": (
        {PARTNER_FR: S[PARTNER_FR].replace("member_since: 2023", "member_since: 2023\ntranslation: {machine_assisted: false}"),
         PARTNER_EN: S[PARTNER_EN].replace("logo: {alt: Metropolis logo}", "logo: {alt: Metropolis logo}\ntranslation: {machine_assisted: true, reviewed: false}")},
        [],
    ),
}


def _load(tmp_path, changes):
    files = site_files(**{path: text for path, text in changes.items() if text is not None})
    for path in [path for path, text in changes.items() if text is None]:
        files.pop(path)
    write_files(tmp_path, files)
    return catalog_module.load_catalog(tmp_path / "docs", tmp_path / "data", CODES)


@pytest.mark.parametrize("case", list(DATA_AND_TRANSLATIONS))
def test_data_files_and_translations_get_every_message_and_no_second_one(tmp_path, case):
    changes, messages = DATA_AND_TRANSLATIONS[case]
    _, problems = _load(tmp_path, changes)
    assert sorted(str(problem) for problem in problems) == messages


def test_the_catalog_holds_what_the_data_files_say(tmp_path):
    found, problems = _load(tmp_path, {"docs/index.fr.md": "---\ntitle: Accueil\nlisting: places\n---\n"})
    assert problems == [] and found.default == "fr"
    assert found.ordinals["fr"] == {"one": "{n}er", "other": "{n}e"}
    assert found.territory.name == "the Aix-Marseille-Provence metropolis"
    assert [funder.id for funder in found.budget.funders] == ["metropole", "entreprises"]
    assert sorted(found.figures) == ["airport-passengers-2023", "budget-total", "university-rank"]
    assert found.listings == {"": "places", "lieux": "places", "filieres": "sectors", "partenaires": "partners", "reseau": "changemakers", "agenda": "events", "actualites": "news"}


def test_a_non_text_field_only_a_translation_writes_is_kept_in_that_language(tmp_path):
    """A non-text field only a translation writes is not compared (there is nothing to compare it with)."""
    found, problems = _load(tmp_path, {"docs/lieux/calanques.en.md": "---\ntitle: The Calanques\nwebsite: https://www.calanques-parcnational.fr/\n---\n"})
    assert problems == []
    assert found.collections["places"]["calanques"].localized("en").website == "https://www.calanques-parcnational.fr/"
    assert found.collections["places"]["calanques"].website is None


def test_a_translation_replaces_a_mapping_it_writes_as_a_value():
    assert catalog_module.deep_merge({"image": {"src": "a.svg", "alt": "A"}}, {"image": "b.svg"}) == {"image": "b.svg"}
    assert catalog_module.deep_merge({"route": 1}, {"route": {"n": 2}}) == {"route": {"n": 2}}


# --- YAML: shapes no check can walk, dates that do not exist


def test_an_alias_inside_its_own_anchor_names_the_field_or_the_entry():
    alias = "invalid YAML{}: an alias (*name) stands for a mapping or list that contains it; write the values out"
    assert [str(problem) for problem in yamlfile.parse("- id: a\n- &b [1, *b]\n", "data/figures.yml")[1]] == [
        "data/figures.yml: entry 2: " + alias.format("")
    ]
    assert [str(problem) for problem in yamlfile.front_matter("---\ntitle: T\nimage: &i {alt: *i}\n---\n", "docs/a.fr.md")[1]] == [
        "docs/a.fr.md: image: " + alias.format(" in the front matter")
    ]


def test_shared_aliases_and_nesting_up_to_the_limit_are_fine():
    data, problems = yamlfile.parse("a: &s {k: [1, 2]}\nb: *s\nc: [*s, *s]\n", "data/x.yml")
    assert problems == [] and data == {"a": {"k": [1, 2]}, "b": {"k": [1, 2]}, "c": [{"k": [1, 2]}, {"k": [1, 2]}]}
    deepest = "a: " + "[" * yamlfile.MAX_DEPTH + "]" * yamlfile.MAX_DEPTH
    assert yamlfile.parse(deepest, "data/x.yml")[1] == []
    assert [str(problem) for problem in yamlfile.parse("a: " + "[" * (yamlfile.MAX_DEPTH + 1) + "]" * (yamlfile.MAX_DEPTH + 1), "data/x.yml")[1]] == [
        "data/x.yml: a: invalid YAML: nested more than 50 levels deep"
    ]
    assert yamlfile.parse("- [1, [2, [3]]]\n- 4\n", "data/x.yml") == ([[1, [2, [3]]], 4], [])


def test_a_date_that_does_not_exist_is_located():
    assert [str(problem) for problem in yamlfile.parse("- id: a\n  date: 2023-02-30\n", "data/figures.yml")[1]] == [
        "data/figures.yml: line 2, column 9: invalid YAML: '2023-02-30' is not a date (day is out of range for month); expected a date that exists, as YYYY-MM-DD"
    ]
    assert yamlfile.parse("date: 2024-02-29\n", "data/x.yml") == ({"date": datetime.date(2024, 2, 29)}, [])


def test_a_value_where_fields_were_expected_is_described_in_words():
    assert [str(problem) for problem in models.validate(models.Figure, 3, "data/figures.yml entry 1")[1]] == [
        "data/figures.yml entry 1: expected `id: …`, `value: …`, `unit: …`, `label: …`, `source: …`, `date: YYYY-MM-DD`, `approximate: true|false`, got 3"
    ]


def test_a_million_is_the_first_count_in_words():
    assert fmt.format_count(1_000_000, "en") == "1 million"
    assert fmt.format_count(999_999.9, "en") == "999,999.9"


def test_a_control_character_on_a_later_line_after_a_blank_one_is_located():
    text = "\ntitle: Le port\nsummary: Un\x07 port\n"
    assert [str(problem) for problem in yamlfile.parse(text, "data/x.yml")[1]] == [
        "data/x.yml: line 3, column 12: invalid YAML: the character '\\x07' (#x0007) is not allowed; delete it (it may be invisible)"
    ]


def test_an_unknown_language_is_named_in_the_error():
    with pytest.raises(KeyError) as raised:
        langs.find_language([FR, EN], "pt")
    assert raised.value.args == ("pt",)


def test_a_label_is_ranked_in_the_readers_language_only_where_it_places_the_value():
    figure = models.Figure(id="r", value=2, unit="rank", label={"fr": "{value} port", "en": "a leading port"}, source="report", date=datetime.date(2023, 1, 1))
    english, french = fmt.figure_view(figure, "en", "fr", ORDINALS, {}, "{value}"), fmt.figure_view(figure, "fr", "fr", ORDINALS, {}, "{value}")
    assert (english["label"], english["ranked"]) == ("a leading port", False)
    assert (french["label"], french["ranked"]) == ("2e port", True)


def test_budget_bars_are_rounded_to_a_tenth_and_shares_written_in_the_readers_locale():
    budget = models.Budget(source="s", funders=[
        models.Funder(id="a", amount=1_000_000, label={"fr": "Métropole"}), models.Funder(id="b", amount=333_333, label={"fr": "Région"}),
    ])
    view = fmt.budget_view(budget, {}, "de", "fr", {})
    assert [row["bar"] for row in view["rows"]] == [100.0, 33.3]
    assert [row["share"] for row in view["rows"]] == ["75\u00a0%", "25\u00a0%"]
    assert view["total"] == "1.333.333\u00a0€"


def test_a_budget_without_funders_is_an_empty_table():
    assert fmt.budget_view(models.Budget(source="s", funders=[]), {}, "fr", "fr", {}) == {"rows": [], "total": "0\u00a0€", "announced": None, "source": "s"}


def test_ordinals_after_an_unknown_language_are_still_read(tmp_path):
    found, problems = _load(tmp_path, {"data/ordinals.yml": "pt: {other: '{n}º'}\n" + S["data/ordinals.yml"]})
    assert [str(problem) for problem in problems] == ["data/ordinals.yml: pt: 'pt' is not a language of the site (fr, en, es, it, de, ar, zh)"]
    assert sorted(found.ordinals) == ["de", "en", "es", "fr", "it"]


def test_a_picture_next_to_its_page_and_web_addresses():
    assert catalog_module.picture_path("lieux/a.fr.md", "http://example.org/x.svg") is None
    place = models.Place.model_validate({**PLACE, "image": {"src": "img/port.svg", "alt": "Le port"}}, context={"territory": TERRITORY})
    assert catalog_module.picture_site_path(catalog_module.Item("places", "port", "docs/lieux/port.fr.md", place)) == "lieux/img/port.svg"


def test_counts_in_words_keep_one_decimal_and_years_no_decimal():
    assert fmt.format_count(2_550_000, "en") == "2.6 million"
    assert fmt.format_value(2023.0, "year", "fr", ORDINALS) == "2023"


def test_every_invalid_entry_of_a_data_file_is_reported():
    raw = yaml.safe_load(S["data/figures.yml"].replace("unit: count", "unit: kilos").replace("unit: euros", "unit: francs"))
    _, problems = catalog_module.load_data_list(raw, "data/figures.yml", models.Figure)
    assert [problem.file for problem in problems] == ["data/figures.yml entry 1 (id 'airport-passengers-2023')", "data/figures.yml entry 3 (id 'budget-total')"]


def test_an_alias_inside_its_own_anchor_is_found_after_a_plain_value():
    assert [problem.field for problem in yamlfile.parse("x: [&a [*a], 1]\n", "data/x.yml")[1]] == ["x"]
