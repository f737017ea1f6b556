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
from provence.search_text import indexed_text, material_search, rewrite_page

# --- Hooks


def on_page_content(html, page, config, files):
    """Check the figure markers of a page: an unknown figure stops the build."""
    found = markers(html)
    if found and build_state.catalog is not None:
        raise_problems(unknown_markers(found, build_state.catalog, f"docs/{page.file.src_uri}"), "the figures of a page")
    return html


# After material/search (priority 0) has indexed the page with its markers:
# the markers of its search entries are then replaced with the figures' text
# (the indexer's HTML parser is slow on the figures' markup, provence/search_text.py).
@event_priority(-50)
def on_page_context(context, page, config, nav):
    """Replace the figure markers of a page, and of its search entries, with the figures."""
    if build_state.catalog is not None and page.content and markers(page.content):
        rendered = {}
        page.content = render_markers(page.content, page, config, rendered)
        search = material_search(config)
        if search is not None:
            entries, segment = search
            rewrite_page(entries, page.url, partial(searchable_markers, rendered=rendered, segment=segment))
    return context


# --- Helper functions


def render_markers(html: str, page, config, rendered: dict) -> str:
    """The page's HTML with its figures, cards and budget chart; ``rendered`` keeps each marker's HTML."""
    code = langs.current_language(config)
    language = langs.find_language(langs.site_languages(config), code)
    href = partial(page_href, language=language, page_url=page.url)

    def block(marker):
        rendered[marker] = render_block(marker, code, href)
        return rendered[marker]

    def inline(figure_id):
        rendered[f"figure:{figure_id}"] = render("partials/op-figure.html", figure=view(figure_id, code))
        return rendered[f"figure:{figure_id}"]

    return replace_markers(html, block, inline)


def searchable_markers(text: str, rendered: dict, segment) -> str:
    """Search text with each marker replaced by the text of the figure it became on the page."""
    if "[[" not in text:
        return text
    return replace_markers(
        text,
        lambda marker: indexed_text(rendered.get(marker, ""), segment),
        lambda figure_id: indexed_text(rendered.get(f"figure:{figure_id}", ""), segment),
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
