"""Reading what makes a built page found, shared and cited: its head's
sharing tags, language links and JSON-LD, and its social card's pixels next
to HarfBuzz's own drawing of the same text (uharfbuzz shapes, fontTools
draws the glyph outlines, resvg fills them): nothing of the site's card code
is used to make the expected image."""

from __future__ import annotations

import io
import json
from pathlib import Path

from audit import site_pages

SITE_URL = "https://oneprovence.com/"
NOTO_ARABIC = Path("/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
# ISO 15924 scripts of the languages whose cards are checked glyph by glyph.
SCRIPTS = {"ar": "Arab", "zh": "Hani", "fr": "Latn"}
# A pixel of a card's title: the title is the only white text below the wordmark.
INK = 160


def shared_pages(site: Path) -> list[str]:
    """Every page a reader can share: all built pages but the 404 pages (an error is not shared)."""
    return [path for path in site_pages(site) if not path.endswith("404.html")]


def meta_properties(soup) -> dict[str, list[str]]:
    """The head's Open Graph and X tags: property (or name) -> its values, in order."""
    found: dict[str, list[str]] = {}
    for tag in soup.head.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key and key.startswith(("og:", "twitter:")):
            found.setdefault(key, []).append(tag["content"])
    return found


def hreflang_links(soup) -> dict[str, str]:
    """The head's language links: hreflang -> address."""
    return {link["hreflang"]: link["href"] for link in soup.head.select('link[rel="alternate"][hreflang]') if not link.get("type")}


def canonical(soup) -> str | None:
    link = soup.head.select_one('link[rel="canonical"]')
    return link["href"] if link else None


def site_path(url: str) -> str:
    """The site path of an absolute address of the site ('en/lieux/')."""
    assert url.startswith(SITE_URL), f"{url} is not an absolute address of the site"
    return url.removeprefix(SITE_URL)


def json_ld_blocks(soup) -> list[dict]:
    """Every JSON-LD block of the page, parsed."""
    return [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]


# --- A card's title next to HarfBuzz's drawing of it


def cjk_face_index(path: Path, family: str = "Noto Sans CJK SC") -> int:
    """The index of a family in a font collection."""
    from fontTools.ttLib import TTCollection

    names = [font["name"].getDebugName(1) for font in TTCollection(str(path), lazy=True).fonts]
    return names.index(family)


def harfbuzz_drawing(text: str, font_path: Path, language: str, index: int = 0, shaped: bool = True):
    """The text's ink as HarfBuzz shapes it (``shaped=False``: each character's own glyph, in
    visual order, as an unshaping renderer would draw it), as a black-and-white mask."""
    import resvg_py
    import uharfbuzz as hb
    from fontTools.pens.svgPathPen import SVGPathPen
    from fontTools.ttLib import TTFont

    font_file = TTFont(str(font_path), fontNumber=index, lazy=True)
    glyphs, order = font_file.getGlyphSet(), font_file.getGlyphOrder()
    rtl = language == "ar"
    if shaped:
        buffer = hb.Buffer()
        buffer.add_str(text)
        buffer.direction, buffer.language, buffer.script = ("rtl" if rtl else "ltr"), language, SCRIPTS[language]
        hb.shape(hb.Font(hb.Face(hb.Blob.from_file_path(str(font_path)), index)), buffer)
        run = [(order[info.codepoint], position.x_advance, position.x_offset, position.y_offset)
               for info, position in zip(buffer.glyph_infos, buffer.glyph_positions)]
    else:
        cmap = font_file.getBestCmap()
        names = [cmap[ord(char)] for char in (text[::-1] if rtl else text)]
        run = [(name, font_file["hmtx"][name][0], 0, 0) for name in names]
    paths, x = [], 0
    for name, advance, dx, dy in run:
        pen = SVGPathPen(glyphs)
        glyphs[name].draw(pen)
        if pen.getCommands():
            paths.append(f'<path transform="translate({x + dx},{dy})" d="{pen.getCommands()}"/>')
        x += advance
    em = font_file["head"].unitsPerEm
    # 64 pixels to the em, about a card title's size: the masks are compared at one size anyway.
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{x * 64 // em}" height="{64 * 16 // 10}" '
           f'viewBox="0 {-em * 11 // 10} {x} {em * 16 // 10}"><g transform="scale(1,-1)">{"".join(paths)}</g></svg>')
    return _ink(_open(bytes(resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True))).getchannel("A"))


def card_title_ink(png: Path, box: tuple[int, int, int, int]):
    """The white ink in a box of a card (its title's column and rows), as a black-and-white mask."""
    from PIL import ImageChops

    red, green, blue = _open(png.read_bytes()).convert("RGB").crop(box).split()
    # The darkest channel of a pixel: white text is high in all three, the brand's blue and sun are not.
    return _ink(ImageChops.darker(ImageChops.darker(red, green), blue))


def overlap(card_ink, reference) -> float:
    """Intersection over union of two masks, the reference scaled to the card's box."""
    from PIL import ImageChops

    scaled = reference.resize(card_ink.size).point(lambda value: 255 if value >= 128 else 0)
    inter = ImageChops.logical_and(card_ink.convert("1"), scaled.convert("1"))
    union = ImageChops.logical_or(card_ink.convert("1"), scaled.convert("1"))
    return _count(inter) / max(_count(union), 1)


def _open(data: bytes):
    from PIL import Image

    return Image.open(io.BytesIO(data))


def _ink(mask):
    """A mask cropped to its ink, in black and white."""
    binary = mask.point(lambda value: 255 if value >= INK else 0)
    return binary.crop(binary.getbbox())


def _count(mask) -> int:
    return mask.convert("L").histogram()[255]
