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

import yaml
from mkdocs.structure.files import File

from provence import upstream
from provence.catalog import THEME_FOLDER as FOLDER
from provence.context import context_of
from provence.figures import translated
from provence.pipeline import step
from provence.templates import file_templates

# --- Hooks


@step
def on_files(files, config):
    """Add this language's theme pages to the build and to the i18n plugin's page list."""
    build = context_of(config)
    if build.catalog is None:
        return files
    language = build.current_language(config)
    template = file_templates(build.project).get_template("theme-page.md")
    for theme in build.catalog.themes_in_use():
        title = translated(theme.label, language.code, build.catalog.default)
        file = theme_file(config, language, theme.id, page_source(template, title, theme.id))
        upstream.register_generated_page(config, file, language.code, f"{FOLDER}/{theme.id}.md")
        files.append(file)
    return files


# --- Helper functions


def page_source(template, title: str, theme_id: str) -> str:
    """The Markdown source of a theme page (templates/theme-page.md): its title and its theme."""
    front_matter = yaml.safe_dump({"title": title, "op_theme": theme_id}, allow_unicode=True, sort_keys=False)
    return template.render(front_matter=front_matter, title=title)


def theme_file(config, language, theme_id: str, source: str) -> File:
    """A generated page at its address in ``language``'s folder."""
    file = File.generated(config, f"{FOLDER}/{theme_id}.{language.code}.md", content=source)
    file.dest_uri = f"{language.prefix}{FOLDER}/{theme_id}/index.html"
    file.name = theme_id
    file.url = f"{language.prefix}{FOLDER}/{theme_id}/"
    return file
