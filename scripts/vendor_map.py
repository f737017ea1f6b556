"""Refresh the route map's library, Leaflet, from the npm package pinned in
package.json / package-lock.json.

The site serves only its own files (the Content-Security-Policy allows no
other script origin), so Leaflet's built script and stylesheet are copied,
unchanged and with their licence, into overrides/assets/map/leaflet/. The
route page alone loads them (hooks/route_map.py). The images the stylesheet
names are copied with it, so every address it holds answers (the map's own
markers are the route's numbered links, drawn in HTML, and never fetch them).
tests/test_route_map_build.py checks that the copies equal the installed package.

Usage: npm ci && .venv/bin/python scripts/vendor_map.py
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "node_modules" / "leaflet"
VENDOR = ROOT / "overrides" / "assets" / "map" / "leaflet"
# Vendored file name -> file of the installed package it copies.
COPIES = {
    "leaflet.js": "dist/leaflet.js",
    "leaflet.css": "dist/leaflet.css",
    "LICENSE.txt": "LICENSE",
    **{f"images/{name}": f"dist/images/{name}" for name in (
        "layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png")},
}


def main() -> int:
    if not PACKAGE.is_dir():
        print("node_modules/leaflet is missing: run `npm ci` first", file=sys.stderr)
        return 1
    if VENDOR.is_dir():
        shutil.rmtree(VENDOR)
    (VENDOR / "images").mkdir(parents=True)
    for name, source in COPIES.items():
        shutil.copyfile(PACKAGE / source, VENDOR / name)
    version = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]
    (VENDOR / "versions.json").write_text(json.dumps({"leaflet": version}, indent=2) + "\n", encoding="utf-8")
    print(f"Leaflet {version}: {len(COPIES) + 1} files in {VENDOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
