"""The question box's knowledge index, as the build writes it: one per
language, within its size budget, holding the site's pages, figures written
as the pages write them, and the items of the collections; its question words
checked; its browser libraries equal to the pinned npm packages."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, language_folder, run_build, write_files

sys.path.insert(0, str(ROOT / "scripts"))
import vendor_assistant  # noqa: E402

BUDGET = 150 * 1024


def knowledge(site: Path, folder: str) -> dict:
    return json.loads((site / folder / "assistant" / "knowledge.json").read_text("utf-8"))


def test_every_language_has_its_index_within_the_budget(site, languages):
    for language in languages:
        data = (site / language_folder(language) / "assistant" / "knowledge.json").read_bytes()
        assert len(gzip.compress(data, 9)) < BUDGET, language["locale"]
        assert json.loads(data)["language"] == language["locale"]


def test_the_index_holds_every_page_but_the_box_itself(site, languages):
    for language in languages:
        folder = language_folder(language)
        paths = {page["path"] for page in knowledge(site, folder)["pages"]}
        assert {"", "agence/", "lieux/vieux-port/", "partenaires/"} <= paths, language["locale"]
        assert "assistant/" not in paths


def test_a_figure_is_written_as_its_page_writes_it(site, languages):
    for language in languages:
        folder = language_folder(language)
        page = BeautifulSoup((site / folder / "agence" / "index.html").read_text("utf-8"), "html.parser")
        shown = page.select_one("[data-figure=agency-budget] .op-figure__value").get_text()
        figure = next(f for f in knowledge(site, folder)["figures"] if f["id"] == "agency-budget")
        assert figure["value"] == shown, language["locale"]
        index = knowledge(site, folder)
        citing = {index["pages"][p["page"]]["path"] for p in index["passages"] if "agency-budget" in p.get("figures", [])}
        assert "agence/" in citing, language["locale"]


def test_items_carry_their_facts_in_the_language(site):
    places = {item["slug"]: item for item in knowledge(site, "en/")["items"] if item["collection"] == "places"}
    facts = {fact["label"]: fact["value"] for fact in places["sainte-victoire"]["facts"]}
    assert facts == {"Municipality": "Vauvenargues", "The route of totem places": "Stop 9"}


def test_chinese_passages_are_segmented_into_words(site):
    sentences = [s for p in knowledge(site, "zh/")["passages"] for s in p["sentences"]]
    assert any("\u200b" in sentence for sentence in sentences)


ASSISTANT_PAGE = "---\ntitle: Question\ntemplate: assistant.html\n---\n\nTexte.\n"


def test_a_missing_language_in_the_question_words_stops_the_build(fixture_project):
    words = (ROOT / "data" / "assistant.yml").read_text("utf-8").replace("  zh: [哪, 什么, 何, 有没有]\n", "")
    write_files(fixture_project, {"docs/index.fr.md": "# Accueil\n", "docs/assistant/index.fr.md": ASSISTANT_PAGE, "data/assistant.yml": words})
    build = run_build(fixture_project)
    assert not build.ok
    assert "data/assistant.yml: which.zh: missing the 'zh' list; add `zh: [...]`" in build.output


def test_the_box_without_its_question_words_stops_the_build(fixture_project):
    write_files(fixture_project, {"docs/index.fr.md": "# Accueil\n", "docs/assistant/index.fr.md": ASSISTANT_PAGE})
    build = run_build(fixture_project)
    assert not build.ok
    assert "data/assistant.yml: missing; the question box (a page with `template: assistant.html`) needs its question words" in build.output


def test_vendored_libraries_equal_the_pinned_packages():
    if not (ROOT / "node_modules" / "minisearch").is_dir():
        pytest.fail("node_modules is missing: run `npm ci` (make test does)")
    copies = vendor_assistant.copies(vendor_assistant.site_languages())
    for name, source in copies.items():
        assert (vendor_assistant.VENDOR / name).read_bytes() == source.read_bytes(), f"{name}: run `make vendor-assistant`"
    assert json.loads((vendor_assistant.VENDOR / "versions.json").read_text("utf-8")) == vendor_assistant.versions()


def test_everyday_words_come_from_the_cache_until_wordfreq_or_the_settings_change(tmp_path):
    """Reading wordfreq's lists costs about 0.3 s per language and build: hooks/assistant.py keeps them."""
    import assistant as hook

    cache = tmp_path / ".cache" / "common-words" / "it.json"
    cache.parent.mkdir(parents=True)
    cache.write_text(json.dumps({"version": "it wordfreq 0.0 (another version)", "words": {"bands": ["stale"]}}), "utf-8")
    words = hook.everyday_words(tmp_path, "it")
    assert "stale" not in words["bands"] and "di" in " ".join(words["bands"]).split()
    kept = json.loads(cache.read_text("utf-8"))
    assert kept["words"] == words and kept["version"] != "it wordfreq 0.0 (another version)"
    cache.write_text(json.dumps({**kept, "words": {"bands": ["from the cache"]}}), "utf-8")
    assert hook.everyday_words(tmp_path, "it") == {"bands": ["from the cache"]}
