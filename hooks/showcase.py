"""The home page as the territory's showcase: after the hero, four key figures
with their sources (data/home.yml chooses them from data/figures.yml), a
light preview of the route of totem places (drawn at build, no map library),
the upcoming events counted from the build date, and, after the page's own
text, the latest news (the band of hooks/news.py) and the partners' logos
linking to the directory.

The showcase joins the page's content before hooks/figures.py numbers the
page's source notes, so the figures cite their sources like every page's.
"""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from provence import models, yamlfile
from provence.context import context_of, is_first_pass
from provence.errors import Problem, raise_problems
from provence.links import page_helpers
from provence.pipeline import step

HOME_FILE = "data/home.yml"

# --- Hooks


@step
def on_pre_build(config):
    """Read and check data/home.yml against the key figures (first pass, once per build)."""
    build = context_of(config)
    if not is_first_pass(config) or build.catalog is None:
        return
    build.showcase = load_showcase(build.project, build.catalog)


@step
def on_page_context(context, page, config, nav):
    """Put the showcase around the home page's own text, in every language."""
    build = context_of(config)
    if build.catalog is None or page.content is None or not is_home(page.file.src_uri):
        return context
    # The news band's links use the theme's `url` filter, which reads the page and its base.
    values = {"showcase": build.showcase, "base_url": get_relative_url(".", page.url)}
    before = render(build, page, config, part="before", **values)
    after = render(build, page, config, part="after", **values)
    page.content = before + page.content + after
    return context


# --- Helper functions


def is_home(src_uri: str) -> bool:
    """True for the home page's source in any language: ``index.fr.md``, ``index.en.md`` ..."""
    return "/" not in src_uri and src_uri.startswith("index.")


def load_showcase(project, catalog) -> models.HomeShowcase:
    """data/home.yml, its figures checked against data/figures.yml; without the file, the
    home shows no figures band (a fixture site), everything else from the collections."""
    raw, problems = yamlfile.read(project / HOME_FILE, HOME_FILE)
    if raw is None and not problems:
        # No band rather than a band of figures the site does not have: built unchecked, defaults kept.
        return models.HomeShowcase.model_construct(figures=[])
    showcase, found = models.validate(models.HomeShowcase, raw, HOME_FILE) if not problems else (None, [])
    problems += found
    if showcase is not None:
        known = ", ".join(sorted(catalog.figures)) or "none yet"
        problems += [
            Problem(HOME_FILE, "figures", f"{figure_id!r} is not a figure of data/figures.yml; expected one of: {known}")
            for figure_id in showcase.figures if figure_id not in catalog.figures
        ]
    raise_problems(problems, HOME_FILE)
    return showcase


def render(build, page, config, **values) -> str:
    """A part of the showcase, with the collections' views and link helpers of the page."""
    template = build.env.get_template("partials/op-home-showcase.html")
    return template.render(**page_helpers(build, page, config), page=page, **values)
