"""What a new reader downloads, checked on the built site without a browser:
the weight budget of each template (benchmarks/budgets.yml) in each measured
language, the size of every image written on its <img> (nothing moves when
it loads), and fonts that hold every character the pages show."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
import yaml
from fontTools.ttLib import TTFont

from conftest import ROOT
from weights import first_load

BUDGETS = yaml.safe_load((ROOT / "benchmarks" / "budgets.yml").read_text(encoding="utf-8"))
FONTS_CSS = ROOT / "overrides" / "assets" / "stylesheets" / "fonts.css"
# Text a reader sees besides the page's text nodes: what the search field shows before typing.
SHOWN_ATTRIBUTES = ("placeholder", "value")


def _folder(code, languages):
    language = next(language for language in languages if language["locale"] == code)
    return "" if language.get("default") else f"{code}/"


def test_the_measured_languages_are_languages_of_the_site(languages):
    assert set(BUDGETS["languages"]) <= {language["locale"] for language in languages}


@pytest.mark.parametrize("template", list(BUDGETS["templates"]))
def test_each_template_keeps_to_its_weight_budget(site, languages, template):
    budget = BUDGETS["templates"][template]
    over = []
    for code, extra in BUDGETS["languages"].items():
        page = _folder(code, languages) + budget["page"]
        load = first_load(site, page)
        limit_kb = budget["gzip_kb"] + extra.get("gzip_kb", 0)
        limit_requests = budget["requests"] + extra.get("requests", 0)
        if load.gzip_bytes > limit_kb * 1024 or load.requests > limit_requests:
            heaviest = sorted(load.files.items(), key=lambda item: -(item[1] or 0))[:5]
            over.append(f"/{page}: {load.gzip_bytes / 1024:.1f} KiB (budget {limit_kb}), {load.requests} requests "
                        f"(budget {limit_requests}); heaviest: {heaviest}")
    assert over == [], "\n".join(over)


def test_every_image_of_every_page_has_its_width_and_height(parsed_pages):
    """Every page a reader can reach (the web editor's page is not one)."""
    missing = []
    for path, soup in parsed_pages.items():
        for image in soup.find_all("img"):
            if not (str(image.get("width", "")).isdigit() and str(image.get("height", "")).isdigit()):
                missing.append(f"{path or 'index.html'}: {image}")
    assert missing == [], f"{len(missing)} images without width and height, e.g.\n" + "\n".join(missing[:10])


def _shown_characters(site, parsed_pages) -> set[int]:
    """The characters the pages draw (the web editor's page aside): their text, the search field's, and the indexes' text that search and the question box show."""
    characters = set()
    for soup in parsed_pages.values():
        for string in soup.find_all(string=True):
            if string.parent.name not in {"script", "style", "title"}:
                characters.update(map(ord, string))
        for name in SHOWN_ATTRIBUTES:
            for element in soup.find_all(attrs={name: True}):
                characters.update(map(ord, element[name]))
    for path in [*site.rglob("search_index.json"), *site.rglob("knowledge.json")]:
        characters.update(map(ord, json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)))
    return characters


def _faces():
    """(family, font file, code points of its unicode-range) of each @font-face of fonts.css."""
    for face in re.findall(r"@font-face\s*{(.*?)}", FONTS_CSS.read_text(encoding="utf-8"), re.S):
        family = re.search(r'font-family:\s*"([^"]+)"', face).group(1)
        name = re.search(r'url\("\.\./fonts/([^"]+)"\)', face).group(1)
        points = set()
        for part in re.search(r"unicode-range:\s*([^;]+);", face).group(1).split(","):
            start, _, end = part.strip().removeprefix("U+").partition("-")
            points.update(range(int(start, 16), int(end or start, 16) + 1))
        yield family, name, points


def test_each_font_holds_every_character_the_pages_show_in_its_ranges(site, parsed_pages):
    """Per family: a character of one of its faces' ranges is drawn by one of its faces
    (the browser tries each face whose range has it). Invisible format characters
    (U+200E, the direction marks) and spaces need no glyph."""
    shown = {point for point in _shown_characters(site, parsed_pages) if not chr(point).isspace() and unicodedata.category(chr(point)) != "Cf"}
    ranges, glyphs = {}, {}
    for family, name, points in _faces():
        ranges.setdefault(family, set()).update(points)
        glyphs.setdefault(family, set()).update(TTFont(site / "assets" / "fonts" / name).getBestCmap() or {})
    lacking = {family: "".join(map(chr, sorted((shown & ranges[family]) - glyphs[family]))) for family in ranges}
    assert {family: text for family, text in lacking.items() if text} == {}, (
        "characters of the pages missing from the font subsets; run scripts/subset_fonts.py on a built site")


def test_the_arabic_font_is_a_subset_of_a_fraction_of_the_full_font(site):
    """The full Noto Sans Arabic (the npm package's file) is 166 KB; the subset must stay well below."""
    size = (site / "assets" / "fonts" / "noto-sans-arabic-arabic-wght-normal.woff2").stat().st_size
    assert size < 60_000, size
