"""Pages that no editor writes (the theme pages of the route, the later pages
of the news listing), built as mkdocs-static-i18n builds a translated page,
so that the language switcher, search, the sitemap and the breadcrumbs treat
them as written pages (../shared/research/stack.md, "Hook-generated pages
with i18n"). Their Markdown source is templates/generated-page.md."""

from __future__ import annotations

import yaml
from mkdocs.structure.files import File

from provence import upstream
from provence.templates import file_templates

TEMPLATE = "generated-page.md"


def page_template(project):
    """The template of the generated pages' Markdown source."""
    return file_templates(project).get_template(TEMPLATE)


def page_source(template, meta: dict) -> str:
    """The Markdown source of a generated page: its front matter and its title as a heading."""
    front_matter = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return template.render(front_matter=front_matter, title=meta["title"])


def generated_page(config, language, path: str, source: str) -> File:
    """A page at the language-neutral site path ``path`` (``lieux/themes/mer/``), in ``language``'s folder.

    Registered with the i18n plugin as a page of that language; the caller
    adds it to the pass's files.
    """
    neutral = path.strip("/")
    file = File.generated(config, f"{neutral}.{language.code}.md", content=source)
    file.dest_uri = f"{language.prefix}{neutral}/index.html"
    file.name = neutral.rsplit("/", 1)[-1]
    file.url = f"{language.prefix}{neutral}/"
    upstream.register_generated_page(config, file, language.code, f"{neutral}.md")
    return file
