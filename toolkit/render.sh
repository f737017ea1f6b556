#!/bin/sh
# Renders the toolkit downloads (docs/boite-a-outils/files/) from their sources
# with headless Chromium: PNG logos from the SVGs (transparent background) and
# the PDFs from toolkit/*.html. Run from the repository root after editing a
# source, then update the sizes written on docs/boite-a-outils/index.fr.md
# (tests/test_toolkit_downloads.py checks them).
set -eu
files=docs/boite-a-outils/files
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
render() { # svg, png, width, height
  printf '<html><body style="margin:0;background:transparent"><img src="%s" width="%s" height="%s"></body></html>' \
    "$(pwd)/$files/$1" "$3" "$4" > "$tmp/page.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --default-background-color=00000000 --window-size="$3,$4" \
    --screenshot="$files/$2" "file://$tmp/page.html" 2>/dev/null
}
render one-provence-logo.svg one-provence-logo.png 512 512
render one-provence-wordmark.svg one-provence-wordmark.png 1080 240
pdf() { # html source, pdf
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$files/$2" "file://$(pwd)/toolkit/$1" 2>/dev/null
}
pdf presentation.html one-provence-presentation.pdf
pdf charte.html one-provence-charte-graphique.pdf
