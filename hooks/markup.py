"""Valid HTML where Material's page shell has no block to override (Nu HTML
checker errors on every page otherwise): fixed here, through the adapter that
knows Material's markup (provence/upstream.py), rather than in copies of
Material's templates."""

from __future__ import annotations

from provence.pipeline import step
from provence.upstream import valid_page_shell

# --- Hooks


@step
def on_post_page(output, page, config):
    """Fix the page shell of every page."""
    return valid_page_shell(output)


@step
def on_post_template(output, template_name, config):
    """Fix the page shell of the 404 page (rendered as a static template)."""
    return valid_page_shell(output) if template_name == "404.html" else output
