"""The news section: the listing's pages and the Atom feed of each language.

The listing shows the posts newest first, :data:`PAGE_SIZE` a page: page 1
is the written page ``actualites/`` (``docs/actualites/index.<lang>.md``),
the later ones are generated at ``actualites/page/<n>/``. Each language has
its feed, ``<lang>/actualites/feed.atom``, written with feedgenerator (the
feed writer of Pelican, Django's syndication code as a standalone package):
it escapes the text, writes RFC 3339 dates and IRIs as URIs, which a
hand-written template would have to get right by itself.
"""

from __future__ import annotations

import datetime
import html
import mimetypes

from feedgenerator import Atom1Feed, Enclosure

from provence.catalog import COLLECTIONS, NEWS_PAGES_FOLDER, picture_site_path
from provence.languages import absolute_url, localize

FOLDER = COLLECTIONS["news"][0]
# Nine cards: three full rows of the card grid on a wide screen.
PAGE_SIZE = 9
# The home page shows the latest posts.
LATEST = 3
# A feed carries the latest posts, as feed readers expect, not the whole archive.
FEED_SIZE = 20
FEED_PATH = f"{FOLDER}/feed.atom"
FEED_TYPE = "application/atom+xml"


# --- The listing's pages


def page_path(number: int) -> str:
    """The language-neutral site path of a page of the listing: ``actualites/``, ``actualites/page/2/``."""
    return f"{FOLDER}/" if number == 1 else f"{NEWS_PAGES_FOLDER}/{number}/"


def listing_pages(posts: list) -> list[list]:
    """The posts of each page of the listing, in order; one empty page when there is no post."""
    return [posts[start:start + PAGE_SIZE] for start in range(0, len(posts), PAGE_SIZE)] or [[]]


def page_of(posts: list, slug: str) -> int:
    """The number of the listing's page that shows a post."""
    position = next(index for index, post in enumerate(posts) if post.slug == slug)
    return position // PAGE_SIZE + 1


def foreign_text(item, code: str, direction) -> dict:
    """The ``lang`` and ``dir`` of an item's text where it is not in the page's language (else nothing)."""
    if item.language == code:
        return {}
    return {"lang": item.language, "dir": direction(item.language)}


# --- Feeds


class NewsFeed(Atom1Feed):
    """An Atom 1.0 feed whose date never comes from the clock.

    feedgenerator dates a feed with its latest entry, or with the current
    time when it has none: an empty feed is dated with the build date
    (``SOURCE_DATE_EPOCH``) instead, so that two builds are identical.
    """

    def latest_post_date(self):
        return super().latest_post_date() if self.items else self.feed["build_time"]


def feed_posts(posts: list, code: str) -> list:
    """The posts of a language's feed: its real translations only (as in its sitemap), newest first."""
    return [post for post in posts if post.language == code][:FEED_SIZE]


def atom_feed(posts: list, language, site_url: str, texts: dict, picture_size, build_date: datetime.date) -> str:
    """A language's Atom feed, every link absolute.

    ``texts``: the feed's ``title`` and ``rights``, and ``categories(post)``,
    the names of the sectors and places a post concerns; ``picture_size(path)``:
    the size in bytes of a published image.
    """
    feed = NewsFeed(
        title=texts["title"],
        link=absolute_url(site_url, localize(page_path(1), language)),
        description=None,
        language=language.code,
        author_name="One Provence",
        feed_url=absolute_url(site_url, localize(FEED_PATH, language)),
        feed_guid=absolute_url(site_url, localize(FEED_PATH, language)),
        feed_copyright=texts["rights"],
        build_time=_midnight(build_date),
    )
    for post in posts:
        address = absolute_url(site_url, localize(post.path, language))
        picture = picture_site_path(post)
        feed.add_item(
            title=post.title,
            link=address,
            unique_id=address,
            # Atom's summary is HTML: the plain text of the post, escaped.
            description=html.escape(post.summary, quote=False),
            pubdate=_midnight(post.date),
            updateddate=_midnight(post.date),
            categories=texts["categories"](post),
            enclosures=[Enclosure(absolute_url(site_url, picture), str(picture_size(picture)), mimetypes.guess_type(picture)[0] or "application/octet-stream")],
        )
    return feed.writeString("utf-8") + "\n"


def _midnight(day: datetime.date) -> datetime.datetime:
    # A post is dated by its day: midnight UTC, the same instant in every build.
    return datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=datetime.timezone.utc)
