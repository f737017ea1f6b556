"""Key figures in pages: ``[[figure:id]]`` (the value in the reader's locale
and its source note), ``[[figures:a,b]]`` (cards) and ``[[budget]]`` (the
agency's budget as an accessible chart with its data table), from
data/figures.yml, data/sources.yml and data/budget.yml.

A figure cites its source with a numbered note, a superscript link to the
list of sources that ends the page (one entry per source). Templates write a
placeholder where they cite a source (``partials/op-notes.html``); once
every addition of the page is in place (listings, details boxes, figures),
this hook numbers the notes in reading order and appends the list."""

from __future__ import annotations

from functools import partial

from provence import upstream
from provence.context import context_of
from provence.errors import Problem, raise_problems
from provence.figures import budget_view, marker_ids, markers, number_notes, replace_markers, source_view
from provence.links import page_href
from provence.pipeline import step
from provence.search_text import indexed_text, rewrite_entries

# --- Hooks


@step
def on_page_content(html, page, config, files):
    """Check the figure markers of a page: an unknown figure stops the build."""
    found = markers(html)
    catalog = context_of(config).catalog
    if found and catalog is not None:
        raise_problems(unknown_markers(found, catalog, f"docs/{page.file.src_uri}"), "the figures of a page")
    return html


@step
def on_page_context(context, page, config, nav):
    """Replace the figure markers of a page, and of its search entries, with the figures;
    then number the page's source notes and end it with its sources."""
    build = context_of(config)
    if build.catalog is None or not page.content:
        return context
    if markers(page.content):
        rendered = {}
        page.content = render_markers(build, page.content, page, config, rendered)
        segment = upstream.chinese_segmenter(config)
        rewrite_entries(upstream.page_search_entries(config, page.url), partial(searchable_markers, rendered=rendered, segment=segment))
    page.content = cite_sources(build, page.content, build.current_language(config).code)
    return context


# --- Helper functions


def render_markers(build, html: str, page, config, rendered: dict) -> str:
    """The page's HTML with its figures, cards and budget chart; ``rendered`` keeps each marker's HTML."""
    language = build.current_language(config)
    figures = build.current(config).views["figure_views"]
    href = partial(page_href, language=language, page_url=page.url)

    def block(marker):
        rendered[marker] = render_block(build, marker, language.code, figures, href)
        return rendered[marker]

    def inline(figure_id):
        rendered[f"figure:{figure_id}"] = render(build, "partials/op-figure.html", figure=figures[figure_id])
        return rendered[f"figure:{figure_id}"]

    return replace_markers(html, block, inline)


def cite_sources(build, html: str, code: str) -> str:
    """The page with its source notes numbered and, if it has any, its list of sources at the end."""
    # A fresh module per page: its macros read the UI strings of the language being built.
    notes = build.env.get_template("partials/op-notes.html").make_module()
    html, cited = number_notes(html, notes.note)
    if not cited:
        return html
    catalog = build.catalog
    sources = [{**source_view(catalog.sources[source], code, catalog.default), "first": first} for source, first in cited]
    return html + render(build, "partials/op-sources.html", sources=sources)


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


def render_block(build, marker: str, code: str, figures: dict, href) -> str:
    """Figure cards or the budget chart."""
    catalog = build.catalog
    if marker == "budget":
        budget = budget_view(catalog.budget, catalog.collections["partners"], code, catalog.default, figures)
        return render(build, "partials/op-budget.html", budget=budget, href=href)
    return render(build, "partials/op-figure-cards.html", figures=[figures[figure_id] for figure_id in marker_ids(marker)])


def render(build, template: str, **values) -> str:
    """A figures template (autoescaped: data text is shown as typed)."""
    return build.env.get_template(template).render(**values)
