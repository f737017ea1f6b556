"""The intrinsic size of the site's images, written on every <img> as width
and height so that the browser reserves their space before they load."""

from __future__ import annotations

import re
from pathlib import Path

# The root <svg> element and the attributes that give its size.
SVG_ROOT = re.compile(r"<svg\b[^>]*>", re.S)
ATTRIBUTE = re.compile(r'\b(width|height|viewBox)\s*=\s*["\']([^"\']*)["\']')
# A length in user units or pixels ("320", "320px"); "100%" or "20em" say nothing of the ratio.
PIXELS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$")


def intrinsic_size(path: Path) -> tuple[int, int] | None:
    """(width, height) of an image in CSS pixels; None when the file does not say."""
    if path.suffix.lower() != ".svg":
        return raster_size(path)
    return svg_size(path)


def raster_size(path: Path) -> tuple[int, int] | None:
    """(width, height) of a PNG, JPEG, WebP... from its header (Pillow reads no more than that)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return image.size
    except (UnidentifiedImageError, OSError):
        return None


def svg_size(path: Path) -> tuple[int, int] | None:
    """(width, height) of an SVG from its width/height attributes, else its viewBox; None when it has neither."""
    root = SVG_ROOT.search(path.read_text(encoding="utf-8", errors="replace")[:4096])
    if root is None:
        return None
    attributes = dict(ATTRIBUTE.findall(root.group(0)))
    width, height = (PIXELS.match(attributes.get(name, "")) for name in ("width", "height"))
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    box = attributes.get("viewBox", "").replace(",", " ").split()
    if len(box) == 4:
        return round(float(box[2])), round(float(box[3]))
    return None


def picture_size(view, docs_dir: Path) -> dict:
    """The width and height of an item's image or logo (docs assets are published at the root)."""
    from provence.catalog import picture_site_path

    width, height = intrinsic_size(Path(docs_dir) / picture_site_path(view)) or (None, None)
    return {"width": width, "height": height}
