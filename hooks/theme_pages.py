"""Theme pages of the route: one generated page per theme of data/themes.yml,
in every language, at ``lieux/themes/<theme>/``, listing the totem places of
that theme (the listing itself is rendered by hooks/collections.py).

No editor writes these pages: adding a theme to data/themes.yml and citing
it from a place adds its page in seven languages (provence/generated.py).
"""

from __future__ import annotations

from provence.catalog import theme_path
from provence.context import context_of
from provence.figures import translated
from provence.generated import generated_page, page_source, page_template
from provence.pipeline import step

# --- Hooks


@step
def on_files(files, config):
    """Add this language's theme pages to the build and to the i18n plugin's page list."""
    build = context_of(config)
    if build.catalog is None:
        return files
    language = build.current_language(config)
    template = page_template(build.project)
    for theme in build.catalog.themes_in_use():
        title = translated(theme.label, language.code, build.catalog.default)
        source = page_source(template, {"title": title, "op_theme": theme.id})
        files.append(generated_page(config, language, theme_path(theme.id), source))
    return files
