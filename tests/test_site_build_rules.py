"""Fixture sites built from the project's configuration: untranslated pages,
per-language search, a broken anchor that must stop the build, machine
translations. Bad input of every kind: tests/test_content_validation.py
(messages) and tests/test_bad_input_builds.py (the build stops, the published
site is kept)."""

from __future__ import annotations

import json

from conftest import run_build, write_files
from pages import page, text

HOME = "---\ntitle: Accueil\ntemplate: home.html\nhero:\n  kicker: K\n  title: T\n  lead: L\n---\n\nBienvenue.\n"


def _search_texts(site, folder):
    index = json.loads((site / folder / "search" / "search_index.json").read_text("utf-8"))
    return " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])


def test_untranslated_page_is_served_in_french_with_a_notice_in_the_readers_language(fixture_project, languages, ui_strings):
    write_files(fixture_project, {
        "docs/index.fr.md": HOME,
        "docs/seul.fr.md": "# Page seulement en français\n\nTexte original.\n",
    })
    build = run_build(fixture_project)
    assert build.ok, build.output
    for language in languages:
        code = language["locale"]
        folder = "" if language.get("default") else f"{code}/"
        soup = page(build.site, folder + "seul/")
        notice = soup.select(".op-notice--untranslated")
        if language.get("default"):
            assert notice == []
            continue
        assert [text(n) for n in notice] == [ui_strings["untranslated_notice"][code]]
        # The French text is marked as French inside the reader's-language page.
        assert soup.select_one("article div[lang=fr] h1") is not None
        # Search engines are sent to the French original.
        assert soup.find("link", rel="canonical")["href"] == "https://oneprovence.com/seul/"


def test_untranslated_page_is_not_advertised_as_a_translation(fixture_project):
    write_files(fixture_project, {
        "docs/index.fr.md": HOME,
        "docs/index.en.md": HOME.replace("Bienvenue", "Welcome"),
        "docs/seul.fr.md": "# Seulement en français\n",
    })
    build = run_build(fixture_project)
    assert build.ok, build.output
    sitemap = (build.site / "sitemap.xml").read_text("utf-8")
    assert "https://oneprovence.com/seul/" in sitemap
    assert "https://oneprovence.com/en/seul/" not in sitemap
    assert 'hreflang="en" href="https://oneprovence.com/en/"' in sitemap
    assert "<loc>https://oneprovence.com/en/</loc>" in (build.site / "en" / "sitemap.xml").read_text("utf-8")
    assert "Seulement" not in _search_texts(build.site, "en")


def test_search_index_of_each_language_holds_only_its_language(fixture_project):
    write_files(fixture_project, {
        "docs/index.fr.md": HOME,
        "docs/index.en.md": HOME.replace("Bienvenue", "Welcome"),
        "docs/index.zh.md": HOME.replace("Bienvenue", "欢迎"),
        "docs/lavande.fr.md": "# Lavande\n\nLes champs de lavande du plateau.\n",
        "docs/lavande.en.md": "# Lavender\n\nThe lavender fields of the plateau.\n",
        "docs/lavande.zh.md": "# 薰衣草\n\n高原上的薰衣草田和科技创新。\n",
    })
    build = run_build(fixture_project)
    assert build.ok, build.output
    french, english, chinese = (_search_texts(build.site, folder) for folder in ("", "en", "zh"))
    assert "champs de lavande" in french and "lavender fields" not in french
    assert "lavender fields" in english and "champs" not in english
    # Chinese text is segmented into words by jieba (zero-width spaces between words).
    assert "\u200b创新\u200b" in chinese or chinese.endswith("\u200b创新") or "\u200b创新" in chinese
    assert "lavender" not in chinese and "lavande" not in chinese


def test_a_broken_anchor_stops_the_build_naming_file_and_anchor(fixture_project):
    write_files(fixture_project, {
        "docs/index.fr.md": HOME + "\n[Voir](autre.md#nulle-part)\n",
        "docs/autre.fr.md": "# Autre\n\n## Quelque part\n",
    })
    build = run_build(fixture_project)
    assert not build.ok
    assert "index.fr.md" in build.output and "#nulle-part" in build.output


def test_machine_translation_is_labelled_until_reviewed(fixture_project, ui_strings):
    machine = "---\ntitle: Port\ntranslation:\n  machine_assisted: true\n  reviewed: {reviewed}\n---\n\n# Port\n"
    write_files(fixture_project, {
        "docs/index.fr.md": HOME,
        "docs/port.fr.md": "# Le port\n",
        "docs/port.de.md": machine.format(reviewed="false"),
        "docs/port.it.md": machine.format(reviewed="true"),
    })
    build = run_build(fixture_project)
    assert build.ok, build.output
    german = page(build.site, "de/port/").select(".op-notice--machine")
    assert [text(n) for n in german] == [ui_strings["machine_translation_notice"]["de"]]
    assert page(build.site, "it/port/").select(".op-notice--machine") == []
    assert page(build.site, "port/").select(".op-notice--machine") == []
