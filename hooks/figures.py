"""Key figures in pages: ``[[figure:id]]`` (the value in the reader's locale
and its linked source), ``[[figures:a,b]]`` (cards) and ``[[budget]]`` (the
agency's budget as an accessible chart with its data table), from
data/figures.yml, data/sources.yml and data/budget.yml."""

from __future__ import annotations

from functools import partial

from mkdocs.plugins import event_priority

from provence import build_state
from provence import languages as langs
from provence.errors import Problem, raise_problems
from provence.figures import budget_view, marker_ids, markers, replace_markers, source_view
from provence.links import page_href

# --- Hooks


def on_page_content(html, page, config, files):
    """Check the figure markers of a page: an unknown figure stops the build."""
    found = markers(html)
    if found and build_state.catalog is not None:
        raise_problems(unknown_markers(found, build_state.catalog, f"docs/{page.file.src_uri}"), "the figures of a page")
    return html


# Rendered once on_env has given the environment its globals (`ui`), before
# material/search (priority 0) indexes page.content.
@event_priority(50)
def on_page_context(context, page, config, nav):
    """Replace the figure markers of a page with the figures."""
    if build_state.catalog is not None and page.content and markers(page.content):
        page.content = render_markers(page.content, page, config)
    return context


# --- Helper functions


def render_markers(html: str, page, config) -> str:
    """The page's HTML with its figures, cards and budget chart."""
    code = langs.current_language(config)
    language = langs.find_language(langs.site_languages(config), code)
    href = partial(page_href, language=language, page_url=page.url)
    return replace_markers(
        html,
        lambda marker: render_block(marker, code, href),
        lambda figure_id: render("partials/op-figure.html", figure=view(figure_id, code)),
    )


def unknown_markers(found: list[str], catalog, page_file: str) -> list[Problem]:
    """Markers citing a figure that data/figures.yml does not hold, or a missing budget."""
    problems = []
    for marker in found:
        if marker == "budget" and catalog.budget is None:
            problems.append(Problem(page_file, "[[budget]]", "there is no data/budget.yml; add it or remove the marker"))
        for figure_id in marker_ids(marker):
            if figure_id not in catalog.figures:
                known = ", ".join(sorted(catalog.figures)) or "none yet"
                problems.append(Problem(page_file, f"[[{marker}]]", f"figure {figure_id!r} does not exist in data/figures.yml; expected one of: {known}"))
    return problems


def render_block(marker: str, code: str, href) -> str:
    """Figure cards or the budget chart."""
    catalog = build_state.catalog
    if marker == "budget":
        source = catalog.sources[catalog.budget.source]
        budget = budget_view(catalog.budget, catalog.collections["partners"], code)
        return render("partials/op-budget.html", budget=budget, source=source_view(source, code), href=href)
    return render("partials/op-figure-cards.html", figures=[view(figure_id, code) for figure_id in marker_ids(marker)])


def view(figure_id: str, code: str) -> dict:
    """A figure as the templates show it (formatted once per language, hooks/collections.py)."""
    return build_state.views["figure_views"][figure_id]


def render(template: str, **values) -> str:
    """A figures template (autoescaped: data text is shown as typed)."""
    return build_state.env.get_template(template).render(**values)
