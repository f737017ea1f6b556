"""News (actualités) on fixture sites and on the real site: the paginated
listing in every language, the home page's latest posts, the posts of each
sector and place, a post's page, the Atom feeds (read with feedparser) and
what bad input does to the build."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import feedparser
import pytest

from collections_content import news_archive, site_files
from conftest import ROOT, copy_project, language_folder, run_build, write_files
from pages import page, resolve, text

pytestmark = pytest.mark.xdist_group("news")

HOME = "---\ntitle: Accueil\ntemplate: home.html\nhero:\n  kicker: K\n  title: T\n  lead: L\n---\n\nBienvenue.\n"
SITE_URL = "https://oneprovence.com/"
# The fixture's posts newest first (NEWS, then 15 archive posts): 9 on a page.
ORDER = ["sante-2024", "fete-du-port", "lancement", "port-2023"] + [f"archive-{number:02d}" for number in range(15, 0, -1)]
PAGES = [ORDER[:9], ORDER[9:18], ORDER[18:]]
TRANSLATED = {"en": {"lancement", "sante-2024"}}
REAL_POSTS = {
    "aeroport-coeur-aerogare": "Aéroport Marseille Provence : un nouveau cœur d'aérogare annoncé pour le 17 juin 2024",
    "budget-annuel": "Le budget annuel de One Provence",
    "feuille-de-route-premiere-annee": "Fédérer, rayonner, mesurer : la feuille de route de la première année",
    "france-2030-decarbonation": "Décarbonation : Fos et l'étang de Berre peuvent accueillir de nouveaux projets France 2030",
    "jeux-olympiques-2024": "Jeux olympiques de 2024 : capitaliser sur les grands événements",
    "lancement-one-provence": "One Provence officiellement lancée à la Casa Delauze",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture content set, 19 news posts (three pages) and a home page, built once."""
    project = copy_project(tmp_path_factory.mktemp("news") / "project")
    write_files(project, site_files(**news_archive(15), **{"docs/index.fr.md": HOME}))
    build = run_build(project)
    assert build.ok, build.output
    return build.site


def _slug(href: str, here: str) -> str:
    return resolve(here, href).rstrip("/").rsplit("/", 1)[-1]


def _page_path(folder: str, number: int) -> str:
    return folder + ("actualites/" if number == 1 else f"actualites/page/{number}/")


def _site_path(url: str) -> str:
    """The site path of an absolute address of the site."""
    assert url.startswith(SITE_URL), url
    return url.removeprefix(SITE_URL)


def _is_built(site, path: str) -> bool:
    return (site / path / "index.html").is_file() if path.endswith("/") or not path else (site / path).is_file()


# --- The listing


def test_the_listing_shows_every_post_newest_first_nine_a_page_in_every_language(built, languages):
    for language in languages:
        folder = language_folder(language)
        for number, expected in enumerate(PAGES, start=1):
            here = _page_path(folder, number)
            soup = page(built, here)
            cards = soup.select("ul.op-cards--news > li.op-card--news")
            assert [_slug(card.h2.a["href"], here) for card in cards] == expected, (here, language["locale"])
            assert soup.html["lang"] == language["locale"]
        assert not (built / folder / "actualites/page/4").exists()
        assert not (built / folder / "actualites/page/1").exists()


def test_the_listing_pages_link_to_each_other(built, languages, ui_strings):
    for language in languages:
        folder, code = language_folder(language), language["locale"]
        for number in (1, 2, 3):
            here = _page_path(folder, number)
            nav = page(built, here).select_one("nav.op-pagination")
            assert nav["aria-label"] == ui_strings["news_pages"][code]
            numbered = {text(link): resolve(here, link["href"]) for link in nav.select("a:not([rel])")}
            assert numbered == {str(other): _page_path(folder, other) for other in (1, 2, 3)}
            assert [text(link) for link in nav.select("a[aria-current=page]")] == [str(number)]
            previous, following = nav.select_one("a[rel=prev]"), nav.select_one("a[rel=next]")
            assert (resolve(here, previous["href"]) if previous else None) == (_page_path(folder, number - 1) if number > 1 else None)
            assert (resolve(here, following["href"]) if following else None) == (_page_path(folder, number + 1) if number < 3 else None)


def test_a_later_page_of_the_listing_is_a_page_of_its_language(built, languages, ui_strings):
    sitemap = (built / "sitemap.xml").read_text("utf-8")
    for language in languages:
        folder, code = language_folder(language), language["locale"]
        here = _page_path(folder, 2)
        soup = page(built, here)
        title = ui_strings["news_page_title"][code].replace("{n}", "2")
        assert text(soup.select_one("article h1")).removesuffix("¶").strip() == title
        crumbs = [resolve(here, link["href"]) for link in soup.select("nav.op-breadcrumbs a")]
        assert crumbs == [folder, folder + "actualites/", here]
        switcher = {link["hreflang"]: resolve(here, link["href"]) for link in soup.select("a.md-select__link")}
        assert switcher == {other["locale"]: _page_path(language_folder(other), 2) for other in languages}
        assert f"<loc>{SITE_URL}{here}</loc>" in sitemap
        # Search finds the posts, not the pages that list them again (other generated pages are found).
        index = json.loads((built / folder / "search/search_index.json").read_text("utf-8"))
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert "actualites/page/2/" not in locations and "lieux/themes/mer/" in locations


def test_a_card_in_french_on_another_languages_listing_says_so(built):
    soup = page(built, "en/actualites/")
    cards = {_slug(card.h2.a["href"], "en/actualites/"): card for card in soup.select("li.op-card--news")}
    assert text(cards["lancement"].h2) == "Launch of the agency" and not cards["lancement"].h2.has_attr("lang")
    assert text(cards["fete-du-port"].h2) == "Fête du port"
    for element in (cards["fete-du-port"].h2, cards["fete-du-port"].img, cards["fete-du-port"].select("p")[-1]):
        assert (element["lang"], element["dir"]) == ("fr", "ltr")
    # The date is written for the reader, whatever the language of the post.
    assert text(cards["fete-du-port"].time) == "October 17, 2023"
    arabic = page(built, "ar/actualites/").select_one("li.op-card--news h2")
    assert (arabic["lang"], arabic["dir"]) == ("fr", "ltr")


# --- The home page, sectors and places


def test_the_home_page_shows_the_latest_three_posts_in_every_language(built, languages, ui_strings):
    for language in languages:
        folder, code = language_folder(language), language["locale"]
        band = page(built, folder).select_one("section.op-home-news")
        assert text(band.h2) == ui_strings["news_latest"][code]
        cards = band.select("li.op-card--news")
        assert [_slug(card.h3.a["href"], folder) for card in cards] == ORDER[:3]
        for card in cards:
            assert _is_built(built, resolve(folder, card.h3.a["href"]))
            assert _is_built(built, resolve(folder, card.img["src"]))
        links = {text(link): resolve(folder, link["href"]) for link in band.select(".op-home-news__more a")}
        assert links == {ui_strings["news_all"][code]: folder + "actualites/", ui_strings["news_subscribe"][code]: folder + "actualites/feed.atom"}
    english = page(built, "en/").select_one("section.op-home-news li.op-card--news")
    assert text(english.h3) == "A year for health" and english.img["alt"] == "A calanque in the sun"


def test_sector_and_place_pages_show_the_posts_that_concern_them(built, languages, ui_strings):
    expected = {
        "filieres/tourisme/": ["lancement", "port-2023"],
        "filieres/sante/": ["sante-2024"],
        "lieux/vieux-port/": ["fete-du-port", "lancement"],
        "lieux/calanques/": ["fete-du-port"],
    }
    for language in languages:
        folder, code = language_folder(language), language["locale"]
        for path, slugs in expected.items():
            here = folder + path
            soup = page(built, here)
            heading = soup.select_one("#op-news")
            assert text(heading) == ui_strings["news_of_sector" if path.startswith("filieres") else "news_of_place"][code]
            assert [_slug(card.h3.a["href"], here) for card in heading.find_next_sibling("ul").select("li")] == slugs
        assert page(built, folder + "lieux/sainte-victoire/").select_one("#op-news") is None


# --- A post's page


def test_a_post_shows_its_date_image_summary_text_and_what_it_concerns(built, languages, ui_strings):
    dates = {"fr": "17 octobre 2023", "en": "October 17, 2023", "de": "17. Oktober 2023", "zh": "2023年10月17日", "ar": "17 أكتوبر 2023"}
    for language in languages:
        folder, code = language_folder(language), language["locale"]
        here = folder + "actualites/lancement/"
        article = page(built, here).select_one("article")
        heading = article.select_one("h1")
        date = heading.find_next_sibling("p")
        assert date["class"] == ["op-news-lead__date"] and date.time["datetime"] == "2023-10-17"
        assert text(date) == f"{ui_strings['news_published'][code]} {dates.get(code, text(date.time))}"
        image = date.find_next_sibling("img")
        assert resolve(here, image["src"]) == "assets/illustrations/vieux-port.svg"
        summary = image.find_next_sibling("p")
        english = code == "en"
        assert image["alt"] == ("The harbour celebrating" if english else "Le port en fête")
        assert text(summary) == ("The agency is launched." if english else "L'agence est lancée.")
        assert ("The launch." if english else "Le lancement.") in text(summary.find_next_sibling("p"))
        about = article.select_one("aside.op-news-about")
        assert text(about.h2) == ui_strings["news_about"][code]
        targets = [resolve(here, link["href"]) for link in about.select("a")]
        assert targets == [folder + "filieres/tourisme/", folder + "lieux/vieux-port/"]
        back = article.select_one("p.op-news-back a")
        assert text(back) == ui_strings["news_back"][code] and resolve(here, back["href"]) == folder + "actualites/"
    # A post without a heading of its own gets the theme's title, then its lead.
    heading = page(built, "actualites/fete-du-port/").select_one("article h1")
    assert text(heading) == "Fête du port" and heading.find_next_sibling("p")["class"] == ["op-news-lead__date"]


def test_a_post_links_back_to_the_page_of_the_listing_that_shows_it(built):
    for slug, number in (("archive-06", 2), ("archive-01", 3)):
        here = f"de/actualites/{slug}/"
        back = page(built, here).select_one("p.op-news-back a")
        assert resolve(here, back["href"]) == _page_path("de/", number)


# --- Feeds


def _feed(site, folder: str):
    parsed = feedparser.parse((site / folder / "actualites/feed.atom").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_each_language_has_an_atom_feed_of_its_posts_newest_first(built, languages):
    for language in languages:
        folder, code = language_folder(language), language["locale"]
        feed = _feed(built, folder)
        assert feed.version == "atom10"
        assert feed.feed.language == code
        assert _site_path(feed.feed.link) == folder + "actualites/"
        assert next(link.href for link in feed.feed.links if link.rel == "self") == f"{SITE_URL}{folder}actualites/feed.atom"
        # A language's feed carries its real translations only, as its sitemap does.
        expected = [slug for slug in ORDER if language.get("default") or slug in TRANSLATED.get(code, set())]
        assert [_site_path(entry.link).split("/")[-2] for entry in feed.entries] == expected, code
        published = [entry.published_parsed for entry in feed.entries]
        assert published == sorted(published, reverse=True)
        for entry in feed.entries:
            assert _is_built(built, _site_path(entry.link)), entry.link
            assert entry.id == entry.link
            enclosure = next(link for link in entry.links if link.rel == "enclosure")
            assert enclosure.type == "image/svg+xml" and _is_built(built, _site_path(enclosure.href))
        if feed.entries:
            assert feed.feed.updated_parsed == feed.entries[0].updated_parsed
    french = _feed(built, "").entries
    assert french[0].title == "Une année pour la santé" and french[0].summary == "La filière santé en 2024."
    assert french[0].published_parsed[:3] == (2024, 3, 10)
    assert [tag.term for tag in french[2].tags] == ["Tourisme", "Le Vieux-Port"]
    english = _feed(built, "en/").entries
    assert [entry.title for entry in english] == ["A year for health", "Launch of the agency"]
    assert [tag.term for tag in english[1].tags] == ["Tourisme", "The Old Port"]


def test_a_feed_without_a_post_is_dated_with_the_build_date(built):
    # SOURCE_DATE_EPOCH=1700000000 (run_build): 14 November 2023.
    feed = _feed(built, "zh/")
    assert feed.entries == [] and feed.feed.updated_parsed[:3] == (2023, 11, 14)


def test_every_page_announces_its_languages_feed(built, languages, ui_strings):
    for language in languages:
        folder, code = language_folder(language), language["locale"]
        for path in ("", "lieux/calanques/", "actualites/page/2/", "404.html"):
            here = folder + path
            links = page(built, here).select('head link[rel=alternate][type="application/atom+xml"]')
            assert len(links) == 1, here
            link = links[0]
            assert (link["hreflang"], link["title"]) == (code, ui_strings["news_feed_title"][code])
            # The 404 page is served at any address: its links are absolute paths.
            target = link["href"].lstrip("/") if path == "404.html" else resolve(here, link["href"])
            assert target == folder + "actualites/feed.atom" and (built / target).is_file()
            # Material's scripts fetch a sitemap.xml next to every alternate link.
            assert (built / folder / "actualites/sitemap.xml").is_file()


def test_the_news_section_sitemap_lists_the_section_only(built):
    sitemap = (built / "en/actualites/sitemap.xml").read_text("utf-8")
    locations = [line.strip().removeprefix("<loc>").removesuffix("</loc>") for line in sitemap.splitlines() if "<loc>" in line]
    assert f"{SITE_URL}en/actualites/" in locations and f"{SITE_URL}en/actualites/sante-2024/" in locations
    assert all(location.startswith(f"{SITE_URL}en/actualites/") for location in locations)
    # Untranslated posts are not advertised as English.
    assert f"{SITE_URL}en/actualites/fete-du-port/" not in locations


def test_two_builds_write_identical_feeds_and_listings(built, languages):
    again = run_build(built.parent, site=built.parent / "site-again")
    assert again.ok, again.output
    for language in languages:
        folder = language_folder(language)
        for output in ("actualites/feed.atom", "actualites/index.html", "actualites/page/2/index.html", "actualites/lancement/index.html"):
            assert (again.site / folder / output).read_bytes() == (built / folder / output).read_bytes(), folder + output


# --- Bad input, in a real build


def test_news_mistakes_stop_the_build_naming_each_file_and_field(fixture_project):
    files = site_files()
    write_files(fixture_project, site_files(**{
        "docs/actualites/port-2023.fr.md": files["docs/actualites/port-2023.fr.md"].replace("date: 2023-06-01", "date: 01/06/2023"),
        "docs/actualites/fete-du-port.fr.md": files["docs/actualites/fete-du-port.fr.md"].replace("places: [vieux-port, calanques]", "places: [vieux-porc]"),
        "docs/actualites/lancement.en.md": files["docs/actualites/lancement.en.md"].replace("image: {alt: The harbour celebrating}", "image: {alt: <b>Harbour</b>}"),
    }))
    build = run_build(fixture_project)
    assert not build.ok
    assert "3 problems in the content files:" in build.output
    for message in (
        "docs/actualites/port-2023.fr.md: date: '01/06/2023' is not a date; expected a date written YYYY-MM-DD, e.g. 2023-10-17",
        "docs/actualites/fete-du-port.fr.md: places: 'vieux-porc' does not exist in docs/lieux/; expected one of: calanques, sainte-victoire, vieux-port",
        "docs/actualites/lancement.en.md: image.alt: contains HTML ('<b>'); write plain text",
    ):
        assert message in build.output, build.output[-3000:]
    assert not (fixture_project / "site").exists()


# --- The real site


def test_the_real_site_has_its_six_posts_in_seven_languages(site, languages):
    for slug, title in REAL_POSTS.items():
        for language in languages:
            code = language["locale"]
            source = ROOT / "docs/actualites" / f"{slug}.{code}.md"
            assert source.is_file(), source
            if not language.get("default"):
                assert "machine_assisted: true" in source.read_text("utf-8") and "reviewed: false" in source.read_text("utf-8")
            soup = page(site, language_folder(language) + f"actualites/{slug}/")
            assert soup.html["lang"] == code and not soup.select(".op-notice--untranslated")
            assert soup.select_one(".op-news-lead__date time")["datetime"] == "2023-10-17"
        assert text(page(site, f"actualites/{slug}/").select_one("article h1")).removesuffix("¶").strip() == title


def test_the_real_feeds_carry_the_six_posts_in_every_language(site, languages):
    for language in languages:
        feed = _feed(site, language_folder(language))
        assert feed.feed.language == language["locale"]
        assert sorted(_site_path(entry.link).split("/")[-2] for entry in feed.entries) == sorted(REAL_POSTS)
        assert {entry.published_parsed[:3] for entry in feed.entries} == {(2023, 10, 17)}
        for entry in feed.entries:
            assert urlsplit(entry.link).netloc == "oneprovence.com" and _is_built(site, _site_path(entry.link))


def test_the_real_home_page_shows_three_posts_in_every_language(site, languages):
    for language in languages:
        folder = language_folder(language)
        cards = page(site, folder).select("section.op-home-news li.op-card--news")
        assert [_slug(card.h3.a["href"], folder) for card in cards] == sorted(REAL_POSTS)[:3]
