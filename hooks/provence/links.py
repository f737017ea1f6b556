"""Links from a page to other pages and files, right in every language folder."""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from provence.catalog import picture_site_path
from provence.languages import localize


def page_href(path: str, language, page_url: str) -> str:
    """A link from a page to a language-neutral site path, in the page's language folder."""
    return get_relative_url(localize(path, language), page_url)


def picture_href(view, page_url: str) -> str:
    """A link from a page to an item's image or logo (docs assets are published at the root)."""
    return get_relative_url(picture_site_path(view), page_url)
