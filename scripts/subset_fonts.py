"""Subset the site's web fonts to the characters its pages use (fontTools).

The fonts come from the npm packages pinned in package.json
(@fontsource-variable/montserrat, @fontsource-variable/noto-sans-arabic): the
full files of one script each (Latin, Latin Extended, Arabic), 38 to 166 KB.
A reader downloads a font only for a character in its ``unicode-range``
(overrides/assets/stylesheets/fonts.css), and from it needs only the glyphs of
that page's text. This script reads every character of a built site (the
pages, the search and question-box indexes whose text the pages show), keeps
those of each font's ``unicode-range`` plus a margin (the script's letters and
digits, so that a new page rarely needs a new subset) and writes the subsets,
variable weight axis and OpenType features kept, into
overrides/assets/fonts/. The subsets are committed: the build does not pay.

tests/test_reader_fonts.py checks that every character the built pages use
is in the subset of its font, so a page with a new character says to run:

    make build  # or any build into a folder
    .venv/bin/python scripts/subset_fonts.py site
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "overrides" / "assets" / "fonts"
CSS = ROOT / "overrides" / "assets" / "stylesheets" / "fonts.css"
PACKAGES = ROOT / "node_modules" / "@fontsource-variable"
# The package each font file of fonts.css comes from.
SOURCES = {
    "montserrat-latin-wght-normal.woff2": "montserrat",
    "montserrat-latin-ext-wght-normal.woff2": "montserrat",
    "noto-sans-arabic-arabic-wght-normal.woff2": "noto-sans-arabic",
}
# Kept whatever the pages say today: printable ASCII, Latin-1 and Latin
# Extended-A (what a reader types in the search field, names of people and
# places of Europe), the Arabic letters, marks, digits and punctuation
# (U+060C-U+066D).
MARGIN = {*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x060C, 0x066E)}
FACE = re.compile(r"@font-face\s*{(.*?)}", re.S)
TAG = re.compile(r"<[^>]*>")
ATTRIBUTE_TEXT = re.compile(r'\b(?:alt|title|aria-label|placeholder|content)="([^"]*)"')


def font_ranges(css: str) -> dict[str, set[int]]:
    """Font file name -> code points of its ``unicode-range`` in fonts.css."""
    ranges = {}
    for face in FACE.findall(css):
        name = re.search(r'url\("\.\./fonts/([^"]+)"\)', face).group(1)
        points = set()
        for part in re.search(r"unicode-range:\s*([^;]+);", face).group(1).split(","):
            start, _, end = part.strip().removeprefix("U+").partition("-")
            points.update(range(int(start, 16), int(end or start, 16) + 1))
        ranges[name] = points
    return ranges


def site_characters(site: Path) -> set[int]:
    """Every character of the built pages' text and attributes, and of the JSON indexes they show."""
    points = set()
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        points.update(map(ord, html.unescape(TAG.sub(" ", text))))
        for value in ATTRIBUTE_TEXT.findall(text):
            points.update(map(ord, html.unescape(value)))
    for path in [*site.rglob("search_index.json"), *site.rglob("knowledge.json")]:
        points.update(map(ord, json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)))
    return points


def subset_font(source: Path, target: Path, points: set[int]) -> None:
    """Write the woff2 subset of ``source`` with the glyphs of ``points`` (and what their shaping needs)."""
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # kerning, ligatures, Arabic joining forms
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(points))
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(target)


def main(site: Path) -> None:
    used = site_characters(site)
    for name, points in font_ranges(CSS.read_text(encoding="utf-8")).items():
        source = PACKAGES / SOURCES[name] / "files" / name
        target = FONTS / name
        subset_font(source, target, (used | MARGIN) & points)
        print(f"{name}: {source.stat().st_size} -> {target.stat().st_size} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 2 or not Path(sys.argv[1], "index.html").is_file():
        sys.exit("usage: scripts/subset_fonts.py <built site folder>")
    main(Path(sys.argv[1]))
