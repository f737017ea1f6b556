"""A 404 page per language: ``/404.html`` in French and ``/<lang>/404.html``.

Stock mkdocs-static-i18n renders 404.html once per language into the same
file, so the last language built wins. Each rendering is kept here and
written to its own language folder once all languages are built.
"""

from __future__ import annotations

from pathlib import Path

from provence.context import context_of, is_final_pass
from provence.output import write_if_changed
from provence.pipeline import step

# --- Hooks


@step
def on_post_template(output, template_name, config):
    """Keep the 404 page rendered for the language being built."""
    if template_name == "404.html":
        context_of(config).current(config).not_found = output
    return output


@step
def on_post_build(config):
    """Write each language's 404 page into its own folder."""
    if not is_final_pass(config):
        return
    build = context_of(config)
    for language in build.languages:
        write_if_changed(Path(config.site_dir) / language.prefix / "404.html", build.passes[language.code].not_found)
