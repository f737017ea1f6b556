"""Unit tests of the pure helpers behind the language hooks."""

from __future__ import annotations

from pathlib import Path

import pytest

import atomic_build
import languages as languages_hook
import search_index
import sitemap
import ui_strings
from provence import languages as langs

FR = langs.Language("fr", "Français", True)
EN = langs.Language("en", "English", False)
AR = langs.Language("ar", "العربية", False)
ALL = [FR, EN, AR]


@pytest.mark.parametrize(("name", "suffix"), [
    ("a/b.en.md", "en"), ("page.pt.md", "pt"), ("logo.svg", None), ("jquery.min.js", None),
    ("index.md", None), ("img.zh-Hans.png", "zh-Hans"), ("doc.v2.pdf", None),
])
def test_language_suffix(name, suffix):
    assert langs.language_suffix(name) == suffix


def test_unknown_language_files_reports_only_unconfigured_suffixes():
    found = langs.unknown_language_files(["a.fr.md", "b.pt.md", "c.md", "d.de.svg"], ["fr", "en"])
    assert found == [("b.pt.md", "pt"), ("d.de.svg", "de")]


def test_direction_and_prefix():
    assert (FR.direction, FR.prefix) == ("ltr", "")
    assert (AR.direction, AR.prefix) == ("rtl", "ar/")


@pytest.mark.parametrize(("url", "language", "neutral"), [
    ("en/lieux/", EN, "lieux/"), ("en/", EN, ""), ("lieux/", FR, "lieux/"), ("entree/", EN, "entree/"),
])
def test_strip_language(url, language, neutral):
    assert langs.strip_language(url, language) == neutral


@pytest.mark.parametrize(("path", "language", "localized"), [
    ("lieux/", EN, "en/lieux/"), ("", EN, "en/"), ("", FR, "./"), ("404.html", AR, "ar/404.html"),
])
def test_localize(path, language, localized):
    assert langs.localize(path, language) == localized


@pytest.mark.parametrize(("base", "language", "expected"), [
    ("../..", EN, "../../en/"), (".", EN, "./en/"), ("/", AR, "/ar/"), ("../..", FR, "../.."),
])
def test_language_base(base, language, expected):
    assert langs.language_base(base, language) == expected


def test_switcher_entries_lead_to_the_same_page_everywhere():
    entries = languages_hook.switcher_entries(ALL, EN, "lieux/vieux-port/")
    assert [(e["code"], e["path"], e["current"]) for e in entries] == [
        ("fr", "lieux/vieux-port/", False), ("en", "en/lieux/vieux-port/", True), ("ar", "ar/lieux/vieux-port/", False),
    ]


def test_html_dir_is_added_once():
    html = '<html lang="ar" class="no-js"><body></body></html>'
    once = languages_hook.langs_html_dir(html, AR)
    assert once.startswith('<html lang="ar" dir="rtl" class="no-js">')
    assert languages_hook.langs_html_dir(once, AR) == once


def test_ui_strings_check_reports_missing_and_unknown_languages():
    problems = ui_strings.check_strings({"a": {"fr": "x", "pt": "y"}, "b": "oops"}, ["fr", "en"], "data/ui.yml")
    assert sorted(str(p) for p in problems) == [
        "data/ui.yml: a.en: missing the 'en' text; add `en: ...` under `a`",
        "data/ui.yml: a.pt: 'pt' is not a language of the site (fr, en)",
        "data/ui.yml: b: expected one text per language, e.g. `fr: ...`",
    ]


def test_ui_translate_unknown_key_is_an_error():
    with pytest.raises(Exception, match="UI string 'nope'"):
        ui_strings.translate({"a": {"fr": "x"}}, "fr", "nope")


def test_search_entries_are_split_by_language_and_relocated():
    entries = [
        {"location": "", "title": "Accueil", "text": ""},
        {"location": "en/", "title": "Home", "text": ""},
        {"location": "en/lieux/#top", "title": "Places", "text": ""},
        {"location": "en/seul/", "title": "Seul", "text": ""},
        {"location": "en/seul/#horaires-douverture", "title": "Horaires d'ouverture", "text": ""},
        {"location": "ar/", "title": "الرئيسية", "text": ""},
    ]
    assert [e["location"] for e in search_index.entries_for_language(entries, FR, ALL)] == [""]
    english = search_index.entries_for_language(entries, EN, ALL, untranslated={"en/seul/"})
    assert [e["location"] for e in english] == ["", "lieux/#top"]


def test_sitemap_urls_carry_alternates_of_real_translations_only():
    pages = [("fr", "a.md", "a/"), ("en", "a.md", "en/a/"), ("fr", "b.md", "b/")]
    urls = sitemap.sitemap_urls(pages, "https://x.org/", ALL)
    by_loc = {url["loc"]: url["alternates"] for url in urls}
    assert by_loc["https://x.org/a/"] == [("fr", "https://x.org/a/"), ("en", "https://x.org/en/a/"), ("x-default", "https://x.org/a/")]
    assert by_loc["https://x.org/b/"] == [("fr", "https://x.org/b/"), ("x-default", "https://x.org/b/")]
    assert "https://x.org/en/b/" not in by_loc


def test_publish_swaps_folders(tmp_path: Path):
    target, staging = tmp_path / "site", tmp_path / "site.partial"
    target.mkdir()
    (target / "old.html").write_text("old")
    staging.mkdir()
    (staging / "new.html").write_text("new")
    atomic_build.publish(staging, target)
    assert [p.name for p in target.iterdir()] == ["new.html"]
    assert not staging.exists() and not (tmp_path / "site.previous").exists()


def test_front_matter_problems():
    from provence.yamlfile import front_matter_problem

    assert front_matter_problem("---\ntitle: 'A : B'\n---\n\nx", "p.md") is None
    assert front_matter_problem("# no front matter\n", "p.md") is None
    assert str(front_matter_problem("---\ntitle: x\n", "p.md")) == "p.md: front matter: starts with '---' but has no closing '---' line"
    assert str(front_matter_problem("---\n- a\n---\n", "p.md")) == "p.md: front matter: expected fields such as `title: ...`, got ['a']"


def test_eliding_languages_split_words_on_apostrophes():
    assert search_index.word_separator("[\\s\\-]+", "fr") == "[\\s\\-'\u2019]+"
    assert search_index.word_separator("[\\s\\-]+", "it") == "[\\s\\-'\u2019]+"
    assert search_index.word_separator("[\\s\\-]+", "en") == "[\\s\\-]+"
    assert search_index.word_separator("[\\s\\u200b\\-]+", "zh") == "[\\s\\u200b\\-]+"
