"""Reading built pages the way a reader's browser would."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup


def page(site: Path, path: str) -> BeautifulSoup:
    """Parse a built page given its site path ('en/lieux/' or 'en/404.html')."""
    file = site / path
    if path.endswith("/") or path == "":
        file = file / "index.html"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def resolve(page_path: str, href: str) -> str:
    """The site path a link leads to, from the page it is on."""
    base = "http://site/" + page_path
    return urljoin(base, href).removeprefix("http://site/")


def text(soup) -> str:
    """Visible text of an element, whitespace folded."""
    return " ".join(soup.get_text(" ").split())
