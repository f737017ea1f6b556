"""Links from a page to other pages and files, right in every language folder."""

from __future__ import annotations

from functools import partial

from provence.pictures import picture_size

from mkdocs.utils import get_relative_url

from provence.catalog import picture_site_path
from provence.languages import localize


def page_href(path: str, language, page_url: str) -> str:
    """A link from a page to a language-neutral site path, in the page's language folder."""
    return get_relative_url(localize(path, language), page_url)


def picture_href(view, page_url: str) -> str:
    """A link from a page to an item's image or logo (docs assets are published at the root)."""
    return get_relative_url(picture_site_path(view), page_url)


def page_helpers(build, page, config) -> dict:
    """What every collections template of a page uses: the language's views and the page's link helpers."""
    language = build.current_language(config)
    return {
        **build.current(config).views,
        "href": partial(page_href, language=language, page_url=page.url),
        "root": partial(get_relative_url, other=page.url),
        "picture": partial(picture_href, page_url=page.url),
        "picture_size": partial(picture_size, docs_dir=config.docs_dir),
    }
