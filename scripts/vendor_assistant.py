"""Refresh the browser libraries of the question box ("Ask One Provence")
from the npm packages pinned in package.json / package-lock.json.

The site serves only its own files (the Content-Security-Policy allows no
other origin), so the libraries are copied, unchanged and with their licence,
into overrides/assets/javascripts/assistant/vendor/:

- MiniSearch (BM25+ ranking with field boosts): ``minisearch.js``;
- the Snowball stemmers of @orama/stemmers, one per site language that has
  one: ``stemmer-<code>.js``;
- the Snowball stop-word lists of @orama/stopwords: ``stopwords-<code>.js``.

The languages are read from mkdocs.yml (the one declaration of the site's
languages). tests/test_assistant_build.py checks that the copies equal the
installed packages.

Usage: npm ci && .venv/bin/python scripts/vendor_assistant.py
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
MODULES = ROOT / "node_modules"
VENDOR = ROOT / "overrides" / "assets" / "javascripts" / "assistant" / "vendor"


def site_languages() -> list[str]:
    """The codes of the languages mkdocs.yml builds."""
    # MkDocs' own loader: mkdocs.yml uses its tags (`!ENV`).
    from mkdocs.utils import yaml_load

    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    return [language["locale"] for language in i18n["languages"] if language.get("build", True)]


def copies(codes: list[str]) -> dict[str, Path]:
    """Vendored file name -> file of the installed package it copies."""
    files = {
        "minisearch.js": MODULES / "minisearch/dist/es/index.js",
        "LICENSE-minisearch.txt": MODULES / "minisearch/LICENSE.txt",
        "LICENSE-orama-stemmers.md": MODULES / "@orama/stemmers/LICENSE.md",
        "LICENSE-orama-stopwords.md": MODULES / "@orama/stopwords/LICENSE.md",
    }
    for code in codes:
        for kind, package in (("stemmer", "stemmers"), ("stopwords", "stopwords")):
            source = MODULES / "@orama" / package / "dist" / f"{code}.js"
            if source.is_file():
                files[f"{kind}-{code}.js"] = source
    return files


def versions() -> dict[str, str]:
    """The installed versions of the three packages."""
    return {
        name: json.loads((MODULES / name / "package.json").read_text(encoding="utf-8"))["version"]
        for name in ("minisearch", "@orama/stemmers", "@orama/stopwords")
    }


def main() -> int:
    if not (MODULES / "minisearch").is_dir():
        print("node_modules is missing: run `npm ci` first", file=sys.stderr)
        return 1
    if VENDOR.is_dir():
        shutil.rmtree(VENDOR)
    VENDOR.mkdir(parents=True)
    for name, source in copies(site_languages()).items():
        shutil.copyfile(source, VENDOR / name)
    (VENDOR / "versions.json").write_text(json.dumps(versions(), indent=2) + "\n", encoding="utf-8")
    print(f"{len(list(VENDOR.iterdir()))} files in {VENDOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
