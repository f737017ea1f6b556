"""Valid HTML where Material's page shell has no block to override: the two
toggle checkboxes of ``base.html`` carry ``autocomplete="off"``, an attribute
HTML allows on text-like inputs only (Nu HTML checker error on every page)."""

from __future__ import annotations

# The exact tags Material 9.8 writes; anything else is left as it is.
TOGGLES = [
    ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'),
    ('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'),
]

# --- Hooks


def on_post_page(output, page, config):
    """Fix the page shell of every page."""
    return valid_toggles(output)


def on_post_template(output, template_name, config):
    """Fix the page shell of the 404 page (rendered as a static template)."""
    return valid_toggles(output) if template_name == "404.html" else output


# --- Helper functions


def valid_toggles(html: str) -> str:
    """The page without autocomplete on Material's two toggle checkboxes."""
    for invalid, valid in TOGGLES:
        html = html.replace(invalid, valid, 1)
    return html
