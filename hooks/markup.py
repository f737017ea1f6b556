"""Valid HTML where Material's page shell has no block to override: the two
toggle checkboxes of ``base.html`` carry ``autocomplete="off"``, an attribute
HTML allows on text-like inputs only, and the section labels of the
navigation carry an empty ``tabindex`` (Nu HTML checker errors on every page).
Fixed here rather than in copies of Material's templates."""

from __future__ import annotations

import re

# The exact tags Material 9.8 writes; anything else is left as it is.
TOGGLES = [
    ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'),
    ('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'),
]

# A navigation section label with an empty tabindex (partials/nav-item.html).
EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*_label") tabindex=""')

# --- Hooks


def on_post_page(output, page, config):
    """Fix the page shell of every page."""
    return valid_toggles(output)


def on_post_template(output, template_name, config):
    """Fix the page shell of the 404 page (rendered as a static template)."""
    return valid_toggles(output) if template_name == "404.html" else output


# --- Helper functions


def valid_toggles(html: str) -> str:
    """The page without autocomplete on Material's two toggle checkboxes, nor empty tabindex on nav labels."""
    for invalid, valid in TOGGLES:
        html = html.replace(invalid, valid, 1)
    return EMPTY_TABINDEX.sub(r"\1", html)
