"""The accessibility statement, rendered from the RGAA audit grid
(data/rgaa.yml): ``[[rgaa:results]]`` shows what the automated tests decide
and the sample they apply to, ``[[rgaa:to-check]]`` lists every criterion
still to be checked by a person, with the sample pages to check it on. The
grid and the page are one source: a change of the grid changes the page.
"""

from __future__ import annotations

import re
from functools import partial

from babel.dates import format_date

from provence import upstream, yamlfile
from provence.context import context_of, is_first_pass
from provence.errors import Problem, raise_problems
from provence.figures import babel_locale
from provence.languages import strip_language
from provence.links import page_href
from provence.models import AuditGrid, validate
from provence.pipeline import step
from provence.search_text import indexed_text, rewrite_entries

GRID = "data/rgaa.yml"
MARKERS = ("results", "to-check")
BLOCK = re.compile(r"<p>\s*\[\[rgaa:([a-z-]+)\]\]\s*</p>")
ANY = re.compile(r"\[\[rgaa:([^\]]*)\]\]")

# --- Hooks


@step
def on_pre_build(config):
    """Read and check the audit grid, in the first pass only."""
    if not is_first_pass(config):
        return
    build = context_of(config)
    path = build.project / GRID
    if path.exists():
        build.rgaa = load_grid(path)


@step
def on_env(env, config, files):
    """Keep this language's files: the statement names its sample pages by their titles."""
    context_of(config).current(config).files = files
    return env


@step
def on_page_content(html, page, config, files):
    """An unknown grid marker, or a marker without data/rgaa.yml, stops the build."""
    found = ANY.findall(html)
    if found:
        raise_problems(marker_problems(found, context_of(config).rgaa, f"docs/{page.file.src_uri}"), "the accessibility statement")
    return html


@step
def on_page_context(context, page, config, nav):
    """Replace the grid markers of the statement, in the page and its search entries."""
    build = context_of(config)
    if build.rgaa is None or not page.content or "[[rgaa:" not in page.content:
        return context
    rendered = {name: render(build, name, page, config) for name in set(BLOCK.findall(page.content))}
    page.content = BLOCK.sub(lambda match: rendered[match.group(1)], page.content)
    segment = upstream.chinese_segmenter(config)
    searchable = partial(searchable_markers, rendered=rendered, segment=segment)
    rewrite_entries(upstream.page_search_entries(config, page.url), searchable)
    return context


# --- Helper functions


def load_grid(path) -> AuditGrid:
    """data/rgaa.yml as an :class:`AuditGrid`, or an error naming the field and the fix."""
    raw, problems = yamlfile.read(path, GRID)
    grid, found = validate(AuditGrid, raw, GRID) if not problems else (None, [])
    raise_problems(problems + found, "the RGAA audit grid")
    return grid


def marker_problems(found: list[str], grid, page_file: str) -> list[Problem]:
    """Markers that are not a part of the statement, or that have no grid to show."""
    problems = [Problem(page_file, f"[[rgaa:{name}]]", f"unknown part of the grid; expected one of: {', '.join(MARKERS)}")
                for name in found if name not in MARKERS]
    if grid is None:
        problems.append(Problem(page_file, "[[rgaa:...]]", f"there is no {GRID}; add the grid or remove the marker"))
    return problems


def statement_view(grid: AuditGrid, code: str, titles: dict, href) -> dict:
    """What the statement shows in one language: counts, the criteria by status, the sample."""
    by_status = {status: [criterion for criterion in grid.criteria if criterion.status == status]
                 for status in ("tool", "person", "not_applicable")}
    sample = {entry.id: {"id": entry.id, "part": entry.part, "href": href(entry.path),
                         "title": titles.get(entry.path)} for entry in grid.sample}
    topics = sorted({criterion.topic for criterion in grid.criteria})
    return {
        "grid": grid, "date": format_date(grid.evaluated, format="long", locale=babel_locale(code)),
        "by_status": by_status, "sample": list(sample.values()),
        "to_check": [(topic, [(criterion, [sample[page] for page in criterion.pages if page != "all"])
                              for criterion in by_status["person"] if criterion.topic == topic]) for topic in topics],
    }


def sample_titles(files, language) -> dict:
    """Language-neutral site path -> title of this language's page at that path."""
    titles = {}
    for file in files.documentation_pages():
        if file.page is not None and file.page.title:
            path = strip_language(file.url, language)
            # MkDocs writes the default language's home as './' (the others' as 'en/').
            titles["" if path == "./" else path] = file.page.title
    return titles


def render(build, name: str, page, config) -> str:
    """One part of the statement (partials/op-rgaa-<name>.html), autoescaped."""
    language = build.current_language(config)
    titles = sample_titles(build.current(config).files, language)
    view = statement_view(build.rgaa, language.code, titles, partial(page_href, language=language, page_url=page.url))
    return build.env.get_template(f"partials/op-rgaa-{name}.html").render(**view)


def searchable_markers(text: str, rendered: dict, segment) -> str:
    """Search text with each grid marker replaced by the text it became."""
    return ANY.sub(lambda match: indexed_text(rendered.get(match.group(1), ""), segment), text)
