"""A 404 page per language: ``/404.html`` in French and ``/<lang>/404.html``.

Stock mkdocs-static-i18n renders 404.html once per language into the same
file, so the last language built wins. Each rendering is kept here and
written to its own language folder once all languages are built.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from provence import languages as langs
from provence.output import write_if_changed

_pages: dict[str, str] = {}

# --- Hooks


@event_priority(-10)  # after hooks/languages.py has set the page direction
def on_post_template(output, template_name, config):
    """Keep the 404 page rendered for the language being built."""
    if template_name == "404.html":
        _pages[langs.current_language(config)] = output
    return output


@event_priority(-200)  # after the i18n plugin has built every language
def on_post_build(config):
    """Write each language's 404 page into its own folder."""
    if not langs.is_final_pass(config):
        return
    for language in langs.site_languages(config):
        write_if_changed(Path(config.site_dir) / language.prefix / "404.html", _pages[language.code])
