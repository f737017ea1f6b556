"""Social cards on the built site: every shared page's Open Graph and X tags
in every language, absolute, with the locales of its real translations
only; its 1200x630 PNG card, whose Arabic title is shaped and right to left
and whose Chinese title is drawn with a CJK font (compared with HarfBuzz's
own drawing of the same text); and the card cache, which lets a rebuild
with nothing changed render no card."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from conftest import ROOT, language_folder, run_build
from discovery import (
    NOTO_ARABIC, NOTO_CJK, SITE_URL, canonical, card_title_ink, cjk_face_index, harfbuzz_drawing, hreflang_links,
    meta_properties, overlap, shared_pages, site_path,
)
from pages import page

pytestmark = pytest.mark.xdist_group("discovery")

REQUIRED = ("og:type", "og:site_name", "og:title", "og:url", "og:image", "og:image:alt", "og:locale", "twitter:card")
# Open Graph's locales of the site's languages (language_territory, as Facebook lists them).
LOCALES = {"fr": "fr_FR", "en": "en_US", "es": "es_ES", "it": "it_IT", "de": "de_DE", "ar": "ar_EG", "zh": "zh_CN"}
CARD_LOG = re.compile(r"social cards: (\d+) rendered, (\d+) from the cache")
# The rows of a card where its title is drawn (below the section, above the address).
TITLE_ROWS = (225, 540)
# The text column of a card: the half away from the art (on the left in right-to-left languages).
COLUMNS = {"rtl": (440, 1200), "ltr": (0, 760)}
# A card's title and HarfBuzz's drawing of it, scaled to one box, cover the same pixels to this share at least.
SAME_INK = 0.85


def _tags(site: Path, path: str) -> dict[str, list[str]]:
    return meta_properties(page(site, path))


def _card_file(site: Path, tags: dict) -> Path:
    return site / site_path(tags["og:image"][0])


MONTSERRAT = ROOT / "node_modules/@expo-google-fonts/montserrat/700Bold/Montserrat_700Bold.ttf"


# --- The tags


def test_every_shared_page_has_its_open_graph_and_x_tags_with_absolute_addresses(site, parsed_pages):
    missing, relative = [], []
    for path in shared_pages(site):
        tags = meta_properties(parsed_pages[path])
        missing += [(path, key) for key in REQUIRED if not tags.get(key)]
        relative += [(path, key) for key in ("og:url", "og:image") if tags.get(key) and not tags[key][0].startswith(SITE_URL)]
    assert missing == [] and relative == []


def test_every_page_shares_its_own_address_heading_and_a_description(site, languages):
    for language in languages:
        for path in (language_folder(language), language_folder(language) + "lieux/vieux-port/"):
            soup = page(site, path)
            tags = meta_properties(soup)
            assert tags["og:url"] == [SITE_URL + path] == [canonical(soup)]
            assert tags["og:title"] == [" ".join(soup.h1.get_text(" ").split())]
            assert tags["og:description"][0].strip()
            assert tags["og:site_name"] == ["One Provence"]
            assert tags["twitter:card"] == ["summary_large_image"]


def test_og_locale_is_the_pages_language_and_its_alternates_its_real_translations(site, parsed_pages):
    for path in shared_pages(site):
        soup = parsed_pages[path]
        tags = meta_properties(soup)
        own = soup.html["lang"]
        others = {LOCALES[code] for code in hreflang_links(soup) if code not in ("x-default", own)}
        assert tags["og:locale"] == [LOCALES[own]], path
        assert set(tags.get("og:locale:alternate", [])) == others, path


def test_an_untranslated_page_shares_the_french_page_and_lists_only_real_translations(discovery_build):
    site = discovery_build.site
    # lancement is written in French and English, fete-du-port in French only.
    assert _tags(site, "actualites/lancement/")["og:locale:alternate"] == ["en_US"]
    assert _tags(site, "en/actualites/lancement/")["og:locale"] == ["en_US"]
    assert _tags(site, "en/actualites/lancement/")["og:locale:alternate"] == ["fr_FR"]
    served_in_french = _tags(site, "es/actualites/lancement/")
    assert served_in_french["og:locale"] == ["fr_FR"]
    assert served_in_french["og:url"] == [SITE_URL + "actualites/lancement/"]
    assert served_in_french["og:image"] == _tags(site, "actualites/lancement/")["og:image"]
    assert "og:locale:alternate" not in _tags(site, "actualites/fete-du-port/")
    assert "og:locale:alternate" not in _tags(site, "zh/actualites/fete-du-port/")


# --- The cards


def test_every_card_is_a_1200_by_630_png_in_the_site(site, parsed_pages):
    sizes = {}
    for path in shared_pages(site):
        card = _card_file(site, meta_properties(parsed_pages[path]))
        with Image.open(card) as image:
            sizes[card.name] = (image.format, image.size)
    assert set(sizes.values()) == {("PNG", (1200, 630))}


@pytest.mark.parametrize("language, title", [("ar", "الميناء القديم"), ("zh", "旧港"), ("fr", "Le Vieux-Port")])
def test_a_cards_title_is_drawn_as_harfbuzz_shapes_it(site, language, title):
    folder = "" if language == "fr" else f"{language}/"
    tags = _tags(site, folder + "lieux/vieux-port/")
    assert tags["og:title"] == [title]
    direction = "rtl" if language == "ar" else "ltr"
    ink = card_title_ink(_card_file(site, tags), (COLUMNS[direction][0], TITLE_ROWS[0], COLUMNS[direction][1], TITLE_ROWS[1]))
    font, index = {"ar": (NOTO_ARABIC, 0), "zh": (NOTO_CJK, cjk_face_index(NOTO_CJK)), "fr": (MONTSERRAT, 0)}[language]
    assert overlap(ink, harfbuzz_drawing(title, font, language, index)) >= SAME_INK
    if language == "ar":
        # Letters drawn one by one, unjoined, would not match: the comparison tells shaped text from unshaped.
        assert overlap(ink, harfbuzz_drawing(title, font, language, index, shaped=False)) < SAME_INK / 2


def test_an_arabic_card_starts_at_the_right_and_a_french_one_at_the_left(site):
    for folder, direction in (("ar/", "rtl"), ("", "ltr")):
        card = _card_file(site, _tags(site, folder + "lieux/vieux-port/"))
        left, right = COLUMNS[direction]
        with Image.open(card) as image:
            title = image.convert("L").crop((left, TITLE_ROWS[0], right, TITLE_ROWS[1])).point(lambda v: 255 if v > 200 else 0)
            ink_left, _, ink_right, _ = title.getbbox()
        # The margin on the side where a line starts is the narrow one.
        margins = {"left": ink_left, "right": (right - left) - ink_right}
        start, end = ("right", "left") if direction == "rtl" else ("left", "right")
        assert margins[start] < margins[end], (folder, margins)


# --- The cache


def test_a_rebuild_with_nothing_changed_renders_no_card_and_a_changed_title_one(discovery_build, tmp_path):
    first = CARD_LOG.search(discovery_build.output)
    assert first and int(first[1]) > 0 and int(first[2]) == 0, discovery_build.output[-2000:]
    cards = sorted(discovery_build.cache.glob("*.png"))
    assert len(cards) == int(first[1])
    times = {card.name: card.stat().st_mtime_ns for card in cards}
    project = tmp_path / "project"
    shutil.copytree(discovery_build.project, project, symlinks=True, ignore=shutil.ignore_patterns("site", ".cache"))
    cache = {"ONE_PROVENCE_CARD_CACHE": str(discovery_build.cache)}

    again = run_build(project, env=cache)
    assert again.ok, again.output
    assert CARD_LOG.search(again.output).groups() == ("0", first[1])
    assert {card.name: card.stat().st_mtime_ns for card in discovery_build.cache.glob("*.png")} == times
    published = {card.name: card.read_bytes() for card in (again.site / "assets" / "cards").iterdir()}
    assert published == {card.name: card.read_bytes() for card in (discovery_build.site / "assets" / "cards").iterdir()}
    assert set(published) == set(times)

    post = project / "docs" / "actualites" / "port-2023.fr.md"
    post.write_text(post.read_text("utf-8").replace("title: Le port au printemps", "title: Le port en juin"), "utf-8")
    changed = run_build(project, env=cache)
    assert changed.ok, changed.output
    assert CARD_LOG.search(changed.output)[1] == "1"
