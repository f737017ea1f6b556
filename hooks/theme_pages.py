"""Theme pages of the route: one generated page per theme of data/themes.yml,
in every language, at ``lieux/themes/<theme>/``, listing the totem places of
that theme (the listing itself is rendered by hooks/collections.py).

No editor writes these pages: adding a theme to data/themes.yml and citing
it from a place adds its page in seven languages. They are built as
mkdocs-static-i18n would build a translated page, so that the language
switcher, search, the sitemap and the breadcrumbs treat them as written
pages (../shared/research/stack.md, "Hook-generated pages with i18n").
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from provence import build_state
from provence import languages as langs
from provence.catalog import THEME_FOLDER as FOLDER
from provence.figures import translated


# --- Hooks


# After the i18n plugin (-100) has chosen this language's files: a page
# generated before it would be dropped or crash its file mapping.
@event_priority(-200)
def on_files(files, config):
    """Add this language's theme pages to the build and to the i18n plugin's page list."""
    catalog = build_state.catalog
    if catalog is None:
        return files
    code = langs.current_language(config)
    language = langs.find_language(langs.site_languages(config), code)
    plugin = langs.i18n_plugin(config)
    for theme in catalog.themes_in_use():
        file = theme_file(config, language, theme.id, page_source(translated(theme.label, code), theme.id))
        files.append(file)
        plugin.i18n_files_per_language.setdefault(code, []).append(file)
    return files


# --- Helper functions


def page_source(title: str, theme_id: str) -> str:
    """The Markdown of a theme page: its title and its theme (the listing comes from hooks/collections.py)."""
    return f"---\ntitle: {_yaml_string(title)}\nop_theme: {theme_id}\n---\n\n# {_markdown_text(title)}\n"


def theme_file(config, language, theme_id: str, source: str) -> File:
    """A generated page that looks to the i18n plugin like a translation in ``language``."""
    neutral = f"{FOLDER}/{theme_id}.md"
    file = File.generated(config, f"{FOLDER}/{theme_id}.{language.code}.md", content=source)
    file.dest_uri = f"{language.prefix}{FOLDER}/{theme_id}/index.html"
    file.name = theme_id
    file.url = f"{language.prefix}{FOLDER}/{theme_id}/"
    file.norm_src_uri = neutral
    file.locale = language.code
    file.locale_alternate_of = language.code
    file.localization = language.code
    file.alternates = {language.code: file}
    return file


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _markdown_text(text: str) -> str:
    """Data text shown as typed: HTML and Markdown characters escaped."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join("\\" + char if char in "\\`*_[]#!|" else char for char in escaped)
