"""Unit tests of the news section: what the validation layer says of bad
posts (every problem together, each naming the file, the field and the fix),
the listing's pages and the Atom feed."""

from __future__ import annotations

import datetime

import feedparser
import pytest

from collections_content import site_files
from conftest import write_files
from provence import models, news
from provence.catalog import Item, load_catalog
from provence.languages import Language

CODES = ["fr", "en", "es", "it", "de", "ar", "zh"]
POST = "docs/actualites/port-2023.fr.md"
LAUNCH = "docs/actualites/lancement.fr.md"


def _problems(tmp_path, **changes) -> list[str]:
    """The problems of the fixture content set with some files changed (None deletes a file)."""
    files = site_files(**{path: text for path, text in changes.items() if text is not None})
    for path in [path for path, text in changes.items() if text is None]:
        files.pop(path)
    write_files(tmp_path, files)
    _, problems = load_catalog(tmp_path / "docs", tmp_path / "data", CODES)
    return [str(problem) for problem in problems]


def _edit(path: str, old: str, new: str) -> dict:
    text = site_files()[path]
    assert old in text, old
    return {path: text.replace(old, new)}


# --- Bad input

BAD_POSTS = {
    "unknown field": (
        _edit(POST, "summary: Le port en juin.", "sumary: Le port en juin."),
        [f"{POST}: summary: required field is missing; add it",
         f"{POST}: sumary: unknown field (value 'Le port en juin.'); did you mean `summary`? Expected one of: title, description, translation, hide, search, template, icon, status, summary, date, image, sectors, places"],
    ),
    "unknown sector": (
        _edit(POST, "sectors: [tourisme]", "sectors: [tourisme, peche]"),
        [f"{POST}: sectors: 'peche' does not exist in docs/filieres/; expected one of: sante, tourisme"],
    ),
    "unknown place": (
        _edit(LAUNCH, "places: [vieux-port]", "places: [vieux-porc]"),
        [f"{LAUNCH}: places: 'vieux-porc' does not exist in docs/lieux/; expected one of: calanques, sainte-victoire, vieux-port"],
    ),
    "a place that is not an id": (
        _edit(LAUNCH, "places: [vieux-port]", "places: [Vieux Port]"),
        [f"{LAUNCH}: places[0]: 'Vieux Port' is not an id; expected lowercase letters, digits and hyphens (e.g. 'vieux-port')"],
    ),
    "script in the title": (
        _edit(POST, "title: Le port au printemps", "title: \"<script>alert('x')</script>\""),
        [f"{POST}: title: contains HTML ('<script>'); write plain text: text fields are shown exactly as typed, never as HTML"],
    ),
    "image without alt text": (
        _edit(POST, ", alt: Le port au printemps}", "}"),
        [f"{POST}: image.alt: required field is missing; add it"],
    ),
    "missing image file": (
        _edit(POST, "illustrations/vieux-port.svg", "illustrations/absent.svg"),
        [f"{POST}: image.src: '../assets/illustrations/absent.svg': no such file (looked for docs/assets/illustrations/absent.svg); expected a path relative to this page, e.g. ../assets/logos/name.svg"],
    ),
    "a date that is not a date": (
        _edit(POST, "date: 2023-06-01", "date: 1er juin 2023"),
        [f"{POST}: date: '1er juin 2023' is not a date; expected a date written YYYY-MM-DD, e.g. 2023-10-17"],
    ),
    "missing date": (
        _edit(POST, "date: 2023-06-01\n", ""),
        [f"{POST}: date: required field is missing; add it"],
    ),
    "translation disagreeing with the French file": (
        _edit("docs/actualites/lancement.en.md", "image: {alt: The harbour celebrating}", "image: {alt: The harbour celebrating}\ndate: 2024-01-01"),
        ["docs/actualites/lancement.en.md: date: 2024-01-01 disagrees with the French file (2023-10-17); write non-text fields only in the French file"],
    ),
    "HTML in a translated alt text": (
        _edit("docs/actualites/lancement.en.md", "image: {alt: The harbour celebrating}", "image: {alt: <img src=x onerror=alert(1)>}"),
        ["docs/actualites/lancement.en.md: image.alt: contains HTML ('<img src=x onerror=alert(1)>'); write plain text: text fields are shown exactly as typed, never as HTML"],
    ),
    "duplicate slug": (
        {"docs/actualites/Lancement.fr.md": site_files()[LAUNCH]},
        [f"{LAUNCH}: file name: slug 'lancement' duplicates docs/actualites/Lancement.fr.md; expected one file per item"],
    ),
    "translation without its French file": (
        {"docs/actualites/seul.en.md": site_files()["docs/actualites/lancement.en.md"]},
        ["docs/actualites/seul.en.md: file name: there is no French file docs/actualites/seul.fr.md; every item starts with its French file"],
    ),
    "post taking the listing pages' folder": (
        {"docs/actualites/page.fr.md": site_files()[POST]},
        ["docs/actualites/page.fr.md: file name: 'page' is kept for the later pages of the news listing (actualites/page/<n>/); give the news post another file name"],
    ),
    "posts without their listing page": (
        {"docs/actualites/index.fr.md": None, "docs/actualites/index.en.md": None},
        ["docs/actualites/index.fr.md: listing: the news posts of docs/actualites/ need their listing page: write this file with `listing: news` in its front matter"],
    ),
}


@pytest.mark.parametrize("case", list(BAD_POSTS))
def test_a_bad_post_is_reported_with_the_file_the_field_and_the_fix(tmp_path, case):
    changes, expected = BAD_POSTS[case]
    assert sorted(_problems(tmp_path, **changes)) == sorted(expected)


def test_every_problem_of_the_news_is_reported_together(tmp_path):
    post = site_files()[POST].replace("sectors: [tourisme]", "sectors: [tourisme, peche]").replace("date: 2023-06-01", "date: 2023-06-31")
    changes = {POST: post, **BAD_POSTS["translation disagreeing with the French file"][0], **BAD_POSTS["post taking the listing pages' folder"][0]}
    found = _problems(tmp_path, **changes)
    # The impossible date makes the front matter unreadable: its sector is not checked as well.
    assert sorted(found) == sorted([
        f"{POST}: line 4, column 7: invalid YAML in the front matter: '2023-06-31' is not a date (day is out of range for month); expected a date that exists, as YYYY-MM-DD",
        *BAD_POSTS["translation disagreeing with the French file"][1],
        *BAD_POSTS["post taking the listing pages' folder"][1],
    ])


def test_the_fixture_content_set_has_no_problem(tmp_path):
    assert _problems(tmp_path) == []


# --- The listing's pages


def _post(slug: str, day: datetime.date, title: str = "Titre", summary: str = "Résumé.") -> Item:
    fields = models.News(title=title, summary=summary, date=day, image={"src": "../assets/a.svg", "alt": "A"})
    return Item("news", slug, f"docs/actualites/{slug}.fr.md", fields, language="fr")


def test_the_listing_has_nine_posts_a_page_and_one_empty_page_without_posts():
    posts = [_post(f"p{number}", datetime.date(2023, 1, 1)) for number in range(19)]
    assert [len(page) for page in news.listing_pages(posts)] == [9, 9, 1]
    assert [len(page) for page in news.listing_pages(posts[:9])] == [9]
    assert news.listing_pages([]) == [[]]
    assert news.page_of(posts, "p8") == 1 and news.page_of(posts, "p9") == 2 and news.page_of(posts, "p18") == 3


def test_listing_pages_have_their_addresses():
    assert [news.page_path(number) for number in (1, 2, 10)] == ["actualites/", "actualites/page/2/", "actualites/page/10/"]


def test_text_in_another_language_is_marked_with_its_language_and_direction():
    french = _post("p", datetime.date(2023, 1, 1))
    direction = {"fr": "ltr", "ar": "rtl"}.get
    assert news.foreign_text(french, "fr", direction) == {}
    assert news.foreign_text(french, "ar", direction) == {"lang": "fr", "dir": "ltr"}


# --- The feed


def _atom(posts, code="fr", build_date=datetime.date(2026, 12, 1)) -> str:
    texts = {"title": "One Provence — Actualités", "rights": "© One Provence", "categories": lambda post: ["Santé"]}
    language = Language(code, code, code == "fr")
    return news.atom_feed(posts, language, "https://oneprovence.com/", texts, lambda path: 123, build_date)


def test_the_feed_shows_editor_text_exactly_as_typed():
    post = _post("rd", datetime.date(2024, 3, 10), title='Fos & Berre : « R&D » < 2 "ans"', summary="Moins de 5 % < 10 % & plus.")
    feed = feedparser.parse(_atom([post]).encode("utf-8"))
    assert not feed.bozo
    entry = feed.entries[0]
    assert entry.title == 'Fos & Berre : « R&D » < 2 "ans"'
    assert entry.summary == "Moins de 5 % &lt; 10 % &amp; plus." and entry.summary_detail.type == "text/html"
    assert entry.link == entry.id == "https://oneprovence.com/actualites/rd/"
    assert entry.published == "2024-03-10T00:00:00+00:00"
    enclosure = next(link for link in entry.links if link.rel == "enclosure")
    assert (enclosure.href, enclosure.length, enclosure.type) == ("https://oneprovence.com/assets/a.svg", "123", "image/svg+xml")


def test_the_feed_is_the_same_whenever_it_is_built():
    posts = [_post("b", datetime.date(2024, 1, 2)), _post("a", datetime.date(2023, 5, 6))]
    assert _atom(posts) == _atom(posts)
    assert feedparser.parse(_atom(posts)).feed.updated == "2024-01-02T00:00:00+00:00"
    assert feedparser.parse(_atom([])).feed.updated == "2026-12-01T00:00:00+00:00"


def test_a_languages_feed_carries_its_real_translations_only():
    french, english = _post("fr-only", datetime.date(2024, 1, 1)), _post("both", datetime.date(2023, 1, 1))
    english = Item("news", "both", english.file, english.fields, language="en")
    assert news.feed_posts([french, english], "en") == [english]
    assert news.feed_posts([french, english], "fr") == [french]
