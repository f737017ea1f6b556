"""Social cards: the 1200×630 PNG a page shows when its link is shared
(Open Graph, X, LinkedIn, WhatsApp), drawn from the page's title and section
in the brand's look.

Pillow draws the text; its libraqm shapes it (HarfBuzz) and orders it (GNU
FriBidi), so that Arabic is joined and right to left, with the Latin brand
names it quotes left to right inside it. Chinese uses Noto Sans CJK SC and
breaks between ideographs. The brand's art is its own SVG files
(overrides/assets/brand/), rendered by resvg; its colours are read from
brand.css. Every font comes from a package the project installs: Montserrat
from npm (@expo-google-fonts/montserrat), Noto Sans Arabic and Noto Sans CJK
from Debian (fonts-noto-core, fonts-noto-cjk; .ci/system-deps).

A card is named by a hash of everything that makes it (:func:`card_key`):
its text, and the design (this file, the colours, the art, the fonts and the
libraries' versions). The cache keeps rendered cards under that name, so a
build renders only the cards whose text or design changed.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

WIDTH, HEIGHT = 1200, 630
MARGIN = 64
# The brand's art fills a panel at the card's far edge (the left one in right-to-left languages).
ART_WIDTH = 420
LOGO_SIZE = 76
# Title sizes tried from the largest down; the first at which the title fits is used.
TITLE_SIZES = (64, 58, 52, 46, 42)
LINE_HEIGHT = 1.22
TITLE_TOP, TITLE_BOTTOM = 232, 528
SECTION_SIZE = 30
FOOTER_SIZE = 26
ELLIPSIS = "…"

# The custom properties of brand.css the card uses.
BRAND_COLOURS = ("blue", "sun", "sand")
BRAND_PROPERTY = re.compile(r"--op-(?P<name>[a-z]+):\s*(?P<value>#[0-9a-fA-F]{6})\s*;")

MONTSERRAT = "node_modules/@expo-google-fonts/montserrat"
NOTO_ARABIC = Path("/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
CJK_FAMILY = "Noto Sans CJK SC"
# Where each font comes from, for the message when one is missing.
FONT_PACKAGES = {
    "montserrat": "the npm package @expo-google-fonts/montserrat: run `npm ci`",
    "arabic": "Debian's fonts-noto-core: run `make system-deps`",
    "cjk": "Debian's fonts-noto-cjk: run `make system-deps`",
}

# Characters after which a line of Chinese must not end, and before which it must not start.
CJK_OPENING = set("（〔［｛〈《「『【‘“(")
CJK_CLOSING = set("）〕］｝〉》」』】’”，。、；：！？…·)")


class CardError(Exception):
    """A card that cannot be drawn (a missing font, a character no font has)."""


@dataclass(frozen=True)
class Card:
    """What a card says: the page's title, its section, the site, in one language."""

    title: str
    section: str | None
    language: str
    direction: str
    site_name: str
    domain: str


@dataclass(frozen=True)
class Design:
    """Everything a card looks like, whatever it says; its fingerprint is part of every card's name."""

    colours: dict
    logo_svg: str
    art_svg: str
    fonts: dict
    cjk_index: int
    fingerprint: str
    # Font name -> the characters it draws, and the art drawn once: filled when a card is first drawn.
    characters: dict = field(default_factory=dict, compare=False)
    images: dict = field(default_factory=dict, compare=False)

    def face(self, name: str) -> int:
        """The face of a font file to use (a collection's Chinese face)."""
        return self.cjk_index if name == "cjk" else 0

    def draws(self, name: str, text: str) -> bool:
        """True when the font has a glyph for every character of the text but spaces."""
        if name not in self.characters:
            from fontTools.ttLib import TTFont

            self.characters[name] = frozenset(TTFont(self.fonts[name], fontNumber=self.face(name), lazy=True).getBestCmap())
        return all(ord(char) in self.characters[name] for char in text if not char.isspace())


# --- The design


def brand_colours(css: str) -> dict[str, str]:
    """The brand colours the card uses, read from brand.css's custom properties."""
    found = {match["name"]: match["value"].lower() for match in BRAND_PROPERTY.finditer(css)}
    missing = [name for name in BRAND_COLOURS if name not in found]
    if missing:
        raise CardError(f"overrides/assets/stylesheets/brand.css: no --op-{missing[0]} colour; the social cards use --op-{', --op-'.join(BRAND_COLOURS)}")
    return {name: found[name] for name in BRAND_COLOURS}


def font_files(project: Path) -> dict[str, Path]:
    """The font files of the cards, each checked to be installed."""
    fonts = {
        "montserrat": project / MONTSERRAT / "700Bold" / "Montserrat_700Bold.ttf",
        "montserrat_semibold": project / MONTSERRAT / "600SemiBold" / "Montserrat_600SemiBold.ttf",
        "arabic": NOTO_ARABIC,
        "cjk": NOTO_CJK,
    }
    for name, path in fonts.items():
        if not path.is_file():
            package = FONT_PACKAGES[name.split("_")[0]]
            raise CardError(f"the social cards need the font {path}, from {package}")
    return fonts


def load_design(project: Path, cache: Path) -> Design:
    """The cards' design: colours, art, fonts (the Arabic one merged with Montserrat, cached)."""
    brand = project / "overrides" / "assets"
    colours = brand_colours((brand / "stylesheets" / "brand.css").read_text(encoding="utf-8"))
    logo = (brand / "brand" / "logo.svg").read_text(encoding="utf-8")
    art = (brand / "brand" / "hero.svg").read_text(encoding="utf-8")
    fonts = font_files(project)
    digest = hashlib.sha256()
    for part in (Path(__file__).read_bytes(), json.dumps(colours, sort_keys=True).encode(), logo.encode(), art.encode(), _library_versions().encode()):
        digest.update(hashlib.sha256(part).digest())
    for name in sorted(fonts):
        digest.update(name.encode() + _file_digest(fonts[name]))
    fingerprint = digest.hexdigest()
    fonts["arabic_latin"] = merged_arabic_font(fonts["montserrat"], fonts["arabic"], cache / "fonts", fingerprint[:16])
    return Design(colours, logo, art, {name: str(path) for name, path in fonts.items()}, cjk_face(fonts["cjk"]), fingerprint)


def merged_arabic_font(latin: Path, arabic: Path, folder: Path, version: str) -> Path:
    """Noto Sans Arabic with Montserrat's Latin letters, as one font (built once, then cached).

    Arabic titles quote Latin names ("One Provence"), which Noto Sans Arabic
    has no glyphs for: with both scripts in one font, libraqm shapes and
    orders a mixed line in one run, as a browser would.
    """
    target = folder / f"arabic-latin-{version}.ttf"
    if target.is_file():
        return target
    from fontTools.merge import Merger, Options

    merged = Merger(Options(drop_tables=["vmtx", "vhea", "MATH"])).merge([str(latin), str(arabic)])
    buffer = io.BytesIO()
    merged.save(buffer)
    write_atomically(target, buffer.getvalue())
    return target


def cjk_face(path: Path) -> int:
    """The index of Noto Sans CJK SC (simplified Chinese) in Debian's font collection."""
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(path), lazy=True)
    for index, font in enumerate(collection.fonts):
        if font["name"].getDebugName(1) == CJK_FAMILY:
            return index
    raise CardError(f"{path} has no {CJK_FAMILY} face")


# --- A card's name


def card_key(card: Card, design: Design) -> str:
    """The card's name: a hash of its text and of the design (same name, same image)."""
    text = json.dumps({"card": asdict(card), "design": design.fingerprint}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


# --- Rendering


def render(card: Card, design: Design) -> bytes:
    """The card as PNG bytes (deterministic: same card and design, same bytes)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), design.colours["blue"])
    rtl = card.direction == "rtl"
    text_left, text_right = (ART_WIDTH + 56, WIDTH - MARGIN) if rtl else (MARGIN, WIDTH - ART_WIDTH - 56)
    if "art" not in design.images:
        design.images["art"] = art_panel(design)
        design.images["logo"] = svg_image(design.logo_svg, LOGO_SIZE, LOGO_SIZE)
    image.paste(design.images["art"], (0 if rtl else WIDTH - ART_WIDTH, 0))
    draw = ImageDraw.Draw(image)
    fonts = Fonts(design)
    logo_x = text_right - LOGO_SIZE if rtl else text_left
    image.paste(design.images["logo"], (logo_x, 56), design.images["logo"])
    wordmark = fonts.font("montserrat", 34)
    mark_x = logo_x - 20 if rtl else logo_x + LOGO_SIZE + 20
    draw.text((mark_x, 56 + LOGO_SIZE // 2), card.site_name, font=wordmark, fill="#ffffff", anchor="rm" if rtl else "lm")
    bar_x = text_right - 88 if rtl else text_left
    draw.rectangle((bar_x, 168, bar_x + 88, 175), fill=design.colours["sun"])
    if card.section:
        section = fonts.for_text(card.section, card.language, SECTION_SIZE, semibold=True)
        draw_line(draw, card.section, section, (text_left, text_right), 190, design.colours["sun"], card)
    for line, font, top in title_layout(card, fonts, text_right - text_left):
        draw_line(draw, line, font, (text_left, text_right), top, "#ffffff", card)
    footer = fonts.font("montserrat_semibold", FOOTER_SIZE)
    draw.text((text_right if rtl else text_left, HEIGHT - 58), card.domain, font=footer, fill=design.colours["sand"], anchor="rs" if rtl else "ls")
    # 256 colours are all a card has (flat brand colours, anti-aliased text): half the bytes of full colour.
    buffer = io.BytesIO()
    image.quantize(256, dither=Image.Dither.NONE).save(buffer, format="PNG")
    return buffer.getvalue()


def draw_line(draw, text: str, font, column: tuple[int, int], top: int, colour: str, card: Card) -> None:
    """One line of text in the column, from its start edge (the right one in right-to-left languages)."""
    rtl = card.direction == "rtl"
    x = column[1] if rtl else column[0]
    draw.text((x, top), text, font=font, fill=colour, anchor="ra" if rtl else "la", **shaping(card))


def shaping(card: Card) -> dict:
    """What libraqm needs to shape a card's text: its direction and language."""
    return {"direction": card.direction, "language": card.language}


def title_layout(card: Card, fonts: "Fonts", width: int) -> list[tuple[str, object, int]]:
    """(line, font, top) of each line of the title, at the largest size at which it fits."""
    for size in TITLE_SIZES:
        font = fonts.for_text(card.title, card.language, size)
        height = round(size * LINE_HEIGHT)
        most = (TITLE_BOTTOM - TITLE_TOP) // height
        lines = wrap(card.title, lambda text: font.getlength(text, **shaping(card)), width)
        if len(lines) <= most or size == TITLE_SIZES[-1]:
            lines = shorten(lines, most, lambda text: font.getlength(text, **shaping(card)), width)
            return [(line, font, TITLE_TOP + index * height) for index, line in enumerate(lines)]
    raise AssertionError("unreachable: the smallest size always returns")


def wrap(text: str, length, width: int) -> list[str]:
    """The text in lines no wider than ``width`` (``length(text)``: its width once shaped)."""
    lines: list[str] = []
    for glue, token in tokens(text):
        if lines and length(lines[-1] + glue + token) <= width:
            lines[-1] += glue + token
        else:
            lines.append(token)
    return lines


def shorten(lines: list[str], most: int, length, width: int) -> list[str]:
    """At most ``most`` lines; a longer text ends with an ellipsis on the last one."""
    if len(lines) <= most:
        return lines
    last = lines[most - 1]
    while last and length(last + ELLIPSIS) > width:
        last = last[:-1].rstrip()
    return lines[: most - 1] + [last + ELLIPSIS]


def tokens(text: str) -> list[tuple[str, str]]:
    """(glue, token) pairs where a line may break: between words, after a hyphen, between ideographs.

    ``glue`` is what joins the token to the one before it on the same line.
    """
    found: list[tuple[str, str]] = []
    for position, word in enumerate(text.split()):
        glue = " " if position else ""
        for part in _word_parts(word):
            found.append((glue, part))
            glue = ""
    return found


def _word_parts(word: str) -> list[str]:
    """A word cut where a line may break inside it: after its hyphens, between its ideographs."""
    parts: list[str] = [""]
    for char in word:
        previous = parts[-1][-1:] if parts[-1] else ""
        if previous and _breaks_between(previous, char):
            parts.append("")
        parts[-1] += char
    return [part for part in parts if part]


def _breaks_between(before: str, after: str) -> bool:
    if after in CJK_CLOSING or before in CJK_OPENING:
        return False
    if before == "-" and not _is_ideograph(after):
        return True
    return _is_ideograph(before) or _is_ideograph(after)


def _is_ideograph(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


class Fonts:
    """The design's fonts at the sizes a card asks for; each text gets the font that has all its characters."""

    # Fonts tried for a text, in order, by the language the card is written in.
    BY_LANGUAGE = {"ar": ("arabic_latin",), "zh": ("cjk",)}
    FALLBACKS = ("montserrat", "arabic_latin", "cjk")

    def __init__(self, design: Design):
        self.design = design
        self._fonts: dict = {}

    def font(self, name: str, size: int):
        """One font of the design at one size."""
        from PIL import ImageFont

        key = (name, size)
        if key not in self._fonts:
            self._fonts[key] = ImageFont.truetype(self.design.fonts[name], size, index=self.design.face(name), layout_engine=ImageFont.Layout.RAQM)
        return self._fonts[key]

    def for_text(self, text: str, language: str, size: int, semibold: bool = False):
        """The first font of the language's choice, then of the others, that draws every character of ``text``."""
        names = self.BY_LANGUAGE.get(language, ("montserrat",))
        names += tuple(name for name in self.FALLBACKS if name not in names)
        for name in names:
            if self.design.draws(name, text):
                return self.font("montserrat_semibold" if name == "montserrat" and semibold else name, size)
        missing = sorted({char for char in text if not any(self.design.draws(name, char) for name in self.FALLBACKS)})
        raise CardError(f"no font of the social cards draws {' '.join(missing)!r}")


def art_panel(design: Design):
    """The brand's illustration (hero.svg) as the card's side panel: full height, its sunny end kept."""
    from PIL import Image

    source = Image.open(io.BytesIO(_svg_png(design.art_svg, height=HEIGHT))).convert("RGB")
    return source.crop((source.width - ART_WIDTH, 0, source.width, HEIGHT))


def svg_image(svg: str, width: int, height: int):
    """An SVG drawn at a size, with its transparency (for pasting onto the card)."""
    from PIL import Image

    return Image.open(io.BytesIO(_svg_png(svg, width=width, height=height))).convert("RGBA")


def _svg_png(svg: str, width: int | None = None, height: int | None = None) -> bytes:
    import resvg_py

    # The brand's SVG files draw no text: no system font is looked up.
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=width, height=height, skip_system_fonts=True))


# --- The cache


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file so that no reader ever sees it half-written (two builds may share a cache)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def cached_card(card: Card, design: Design, cache: Path) -> tuple[bytes, bool]:
    """The card's PNG, from the cache or rendered (then kept there); True when it was rendered."""
    path = cache / f"{card_key(card, design)}.png"
    if path.is_file():
        return path.read_bytes(), False
    data = render(card, design)
    write_atomically(path, data)
    return data, True


def _file_digest(path: Path) -> bytes:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.digest()


def _library_versions() -> str:
    import fontTools
    import PIL
    from importlib.metadata import version

    return f"pillow {PIL.__version__}; fonttools {fontTools.version}; resvg-py {version('resvg-py')}"
