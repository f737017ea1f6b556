"""Contracts with the plugins' internals, checked against the installed versions.

Every touch of mkdocs-static-i18n's and Material's internals goes through
hooks/provence/upstream.py; each test here pins one assumption of that module
and, when an upgrade breaks it, fails with a message naming the upstream
change and what on this site would break. The pipeline's order (one table,
hooks/provence/pipeline.py) is checked against what MkDocs really dispatches.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from conftest import ROOT, copy_project, run_build, write_files
from provence import pipeline, upstream

I18N_VERSION = importlib.metadata.version("mkdocs-static-i18n")
MATERIAL_VERSION = importlib.metadata.version("mkdocs-material")
MATERIAL = Path(importlib.import_module("material").__file__).parent / "templates"


def _i18n(change: str) -> str:
    return f"mkdocs-static-i18n {I18N_VERSION}: {change} (hooks/provence/upstream.py relies on it)"


def _material(change: str) -> str:
    return f"mkdocs-material {MATERIAL_VERSION}: {change} (hooks/provence/upstream.py relies on it)"


@pytest.fixture(scope="module")
def config():
    """The project's configuration, loaded as `mkdocs build` loads it (hooks imported, plugins created)."""
    return load_config(str(ROOT / "mkdocs.yml"))


# --- The pipeline


def _owner(handler, config) -> str:
    """The pipeline name of an event handler: a hook's concern or a plugin's name."""
    if hasattr(handler, "__self__"):
        return next(name for name, plugin in config.plugins.items() if plugin is handler.__self__)
    return upstream.hook_name(handler.__module__)


def test_mkdocs_runs_every_event_in_the_order_of_the_pipeline_table(config):
    """The table is the truth about the order: what MkDocs dispatches is exactly it."""
    # MkDocs names its events without the "on_" of the handlers.
    hooked = {f"on_{event}" for event, handlers in config.plugins.events.items() if any(not hasattr(handler, "__self__") for handler in handlers)}
    events = {step.event for step in pipeline.PIPELINE} | hooked
    for event in sorted(events):
        dispatched = [_owner(handler, config) for handler in config.plugins.events[event.removeprefix("on_")]]
        owners = [step.owner for step in pipeline.steps_of(event)]
        assert dispatched == owners, f"{event}: MkDocs runs {dispatched}, the pipeline says {owners}"


def test_no_two_steps_of_an_event_share_a_priority():
    """Equal priorities would fall back to the order of mkdocs.yml: the table alone decides."""
    for event in {step.event for step in pipeline.PIPELINE}:
        priorities = [step.priority for step in pipeline.steps_of(event)]
        assert len(priorities) == len(set(priorities)), event


def test_a_hook_event_outside_the_table_cannot_be_registered():
    def on_page_markdown(markdown, page, config, files):
        return markdown

    on_page_markdown.__module__ = "hooks/collections.py"
    with pytest.raises(LookupError, match="hooks/collections.py: on_page_markdown is not a step of the pipeline"):
        pipeline.step(on_page_markdown)


@pytest.mark.parametrize("step", [step for step in pipeline.PIPELINE if step.plugin], ids=lambda step: f"{step.owner}.{step.event}")
def test_the_plugins_run_at_the_priorities_the_pipeline_says(config, step):
    plugin = config.plugins[step.owner]
    priority = getattr(getattr(type(plugin), step.event), "mkdocs_priority", 0)
    upstream_name = _i18n if step.owner == "i18n" else _material
    assert priority == step.priority, upstream_name(
        f"{step.event} now runs at priority {priority}, not {step.priority}; the hooks placed around it "
        f"({', '.join(other.owner for other in pipeline.steps_of(step.event) if not other.plugin)}) must be placed again"
    )


# --- mkdocs-static-i18n: passes, files and the building flag


PROBE = '''
import json, pathlib
import jinja2
from mkdocs.plugins import event_priority
from provence import upstream
LOG = pathlib.Path(__file__).parent / "probe.json"
seen = []

# Every template compiled in this process: its name and whether its environment is the theme's (no trim_blocks).
_compile = jinja2.Environment.compile
def _counted(self, source, name=None, filename=None, raw=False, defer_init=False):
    if name:
        seen.append(["compiled", name, self.trim_blocks])
    return _compile(self, source, name, filename, raw, defer_init)
jinja2.Environment.compile = _counted

@event_priority(-150)
def on_config(config):
    seen.append(["config", upstream.building_language(config), upstream.is_nested_pass(config)])

@event_priority(-150)
def on_files(files, config):
    page = next(f for f in files.documentation_pages() if f.src_uri.startswith("port."))
    attributes = sorted(name for name in ("norm_src_uri", "locale", "locale_alternate_of", "localization", "alternates") if hasattr(page, name))
    seen.append(["files", upstream.building_language(config), page.src_uri, upstream.file_language(page, "?"), upstream.neutral_source(page), attributes])

@event_priority(-10)
def on_page_context(context, page, config, nav):
    entries = upstream.search_entries(config)
    mine = [index for index, entry in enumerate(entries) if entry["location"].split("#")[0] == page.url]
    trailing = upstream.page_search_entries(config, page.url)
    seen.append(["page", upstream.building_language(config), page.url, len(mine), len(trailing), bool(mine) and mine[-1] == len(entries) - 1])
    if page.file.src_uri.startswith("port."):
        seen.append(["translations", upstream.building_language(config), upstream.translated_languages(page.file, [entry.locale for entry in upstream.declared_languages(config)])])
    return context

@event_priority(-250)
def on_post_build(config):
    seen.append(["post_build", upstream.building_language(config), upstream.is_nested_pass(config), sorted(upstream.files_per_language(config))])
    if not upstream.is_nested_pass(config):
        segment = upstream.chinese_segmenter(config)
        seen.append(["segment", segment("马赛港推动科技创新") if segment else None])
        LOG.write_text(json.dumps(seen, ensure_ascii=False))
'''


def probe_build(root: Path, jobs: str, more: dict | None = None):
    """A build of a small site with a probe hook recording what the adapter reports at each step of this process."""
    project = copy_project(root / "project")
    write_files(project, (more or {}) | {
        "docs/index.fr.md": "# Accueil\n",
        "docs/port.fr.md": "# Le port\n\nTexte.\n\n## Horaires\n\nMatin.\n",
        "docs/port.zh.md": "# 港口\n\n马赛港。\n\n## 时间\n\n上午。\n",
        "hooks/probe.py": PROBE,
    })
    config_file = project / "mkdocs.yml"
    config_file.write_text(config_file.read_text("utf-8").replace("hooks:\n", "hooks:\n  - hooks/probe.py\n", 1), "utf-8")
    build = run_build(project, env={"OP_BUILD_JOBS": jobs})
    assert build.ok, build.output
    return json.loads((project / "hooks" / "probe.json").read_text("utf-8")), build.site


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    """One process: the probe watches i18n's own passes, which a second process
    (hooks/parallel_languages.py) would run out of its sight."""
    return probe_build(tmp_path_factory.mktemp("contracts"), "1")


@pytest.fixture(scope="module")
def probe_two_processes(tmp_path_factory):
    """Two processes: the probe sees the passes of the first one only; the page has an Arabic
    translation too, which the second process builds."""
    return probe_build(tmp_path_factory.mktemp("contracts-two"), "2", {"docs/port.ar.md": "# الميناء\n\nنص.\n"})


def test_each_language_has_one_pass_the_default_first_the_others_nested(probe, languages):
    seen, _ = probe
    passes = [(language, nested) for kind, language, nested in (entry for entry in seen if entry[0] == "config")]
    codes = [language["locale"] for language in languages]
    assert passes == [(codes[0], False)] + [(code, True) for code in codes[1:]], _i18n(
        "the language passes changed: building_language/is_nested_pass read I18n.current_language and I18n.building"
    )


def test_the_last_post_build_step_comes_after_every_language(probe, languages):
    seen, _ = probe
    steps = [entry for entry in seen if entry[0] == "post_build"]
    codes = sorted(language["locale"] for language in languages)
    assert steps[-1][1:] == [languages[0]["locale"], False, codes], _i18n(
        "the default language's on_post_build no longer follows the nested builds of every language: the final-pass writers would miss languages"
    )
    assert all(nested for _, _, nested, _ in steps[:-1])


def test_i18n_marks_each_file_with_its_language_and_neutral_source(probe, languages):
    seen, _ = probe
    files = {entry[1]: entry[2:] for entry in seen if entry[0] == "files"}
    expected = ["alternates", "locale", "locale_alternate_of", "localization", "norm_src_uri"]
    assert files["zh"] == ["port.zh.md", "zh", "port.md", expected], _i18n("File.locale / norm_src_uri of a translation changed")
    assert files["en"] == ["port.fr.md", "fr", "port.md", expected], _i18n("a fallback page no longer keeps the default language as File.locale")


def test_a_pages_search_entries_are_the_last_ones_when_the_hooks_run(probe):
    seen, _ = probe
    pages = [entry for entry in seen if entry[0] == "page" and entry[3]]
    assert pages, "the probe saw no indexed page"
    for _, language, url, mine, trailing, last in pages:
        assert last and trailing == mine, _material(
            f"the search entries of {language}:{url} are not the last ones after Material's on_page_context "
            "(page_search_entries finds them at the end: listings and figures would be indexed on the wrong page)"
        )


def test_a_pages_real_translations_are_the_same_in_every_pass(probe, languages):
    seen, _ = probe
    found = {entry[1]: entry[2] for entry in seen if entry[0] == "translations"}
    assert set(found) == {language["locale"] for language in languages}
    assert set(map(tuple, found.values())) == {("fr", "zh")}, _i18n(
        f"File.alternates no longer tell a translation (its own locale) from a fallback (the default's): {found}"
    )


def test_the_passes_left_to_the_second_process_are_skipped_here_and_still_known(probe_two_processes):
    """upstream.leave_passes: i18n's loop skips en, it, ar in the first process, whose passes still know them."""
    seen, site = probe_two_processes
    passes = [entry[1] for entry in seen if entry[0] == "config"]
    assert passes == ["fr", "es", "de", "zh"], _i18n(
        f"I18n.on_post_build no longer calls mkdocs_static_i18n.plugin.build once per language: passes run here {passes}")
    found = {entry[1]: entry[2] for entry in seen if entry[0] == "translations"}
    assert found == {code: ["fr", "ar", "zh"] for code in passes}, _i18n(
        f"a language built by the second process is missing from File.alternates of the first one's passes: {found}")
    switcher = BeautifulSoup((site / "de/port/index.html").read_text("utf-8"), "html.parser")
    assert sorted(link["hreflang"] for link in switcher.select(".md-select__link[hreflang]")) == ["ar", "de", "en", "es", "fr", "it", "zh"]
    for code in ("en", "it", "ar"):
        assert (site / code / "port/index.html").is_file(), code


def test_materials_segmenter_splits_chinese_into_words(probe):
    seen, _ = probe
    (segmented,) = [entry[1] for entry in seen if entry[0] == "segment"]
    assert segmented and "\u200b" in segmented and segmented.replace("\u200b", "") == "马赛港推动科技创新", _material(
        "SearchIndex._segment_chinese changed or jieba is not installed: added text would not be found by Chinese search"
    )


def test_search_settings_follow_the_language_of_each_pass(probe):
    _, site = probe
    config = {folder: json.loads((site / folder / "search/search_index.json").read_text("utf-8"))["config"] for folder in ("", "de", "zh")}
    assert (config[""]["lang"], config["de"]["lang"]) == (["fr"], ["de"]), _material("search settings no longer derive from the theme language in on_config")
    assert "\\u200b" in config["zh"]["separator"], _material("the Chinese separator no longer splits on zero-width spaces")


def test_no_template_is_compiled_twice_in_a_build(probe):
    """Every environment the theme makes (each pass's, those Material's search plugin makes to
    render its settings) shares the build's compiled templates (hooks/template_cache.py)."""
    seen, _ = probe
    compiled = [(entry[1], entry[2]) for entry in seen if entry[0] == "compiled"]
    twice = sorted({name for name, options in compiled if compiled.count((name, options)) > 1})
    assert twice == [], _material(
        f"{twice} are compiled more than once in one build: Theme.get_env no longer makes every environment"
        " of the theme, or hooks/template_cache.py no longer reaches them"
    )


# --- Material's theme files


def test_the_search_worker_found_is_the_one_materials_base_template_loads():
    found = upstream.search_worker([str(MATERIAL)])
    referenced = re.search(r'"search": "(assets/javascripts/workers/search\.[0-9a-f]+\.min\.js)"', (MATERIAL / "base.html").read_text("utf-8"))
    assert referenced and found == referenced.group(1), _material(f"base.html loads {referenced and referenced.group(1)}, the adapter finds {found}")


def test_materials_bundle_asks_for_the_search_index_as_the_page_shell_holds_it():
    """partials/search-on-demand.html holds an XMLHttpRequest for the index until search opens."""
    request = upstream.search_request()
    bundle = next((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")).read_text("utf-8")
    assert f'new URL("{request["index"]}",' in bundle, _material(f"the bundle no longer asks for {request['index']} under its base")
    requester = re.search(r"function (\w+)\(e,t\)\{return new \w+\(r=>\{let o=new XMLHttpRequest", bundle)
    assert requester and re.search(rf'{requester.group(1)}\(e,t\)\.pipe\(b\(r=>r\.text\(\)\),m\(r=>JSON\.parse', bundle), _material(
        "the bundle no longer fetches JSON with XMLHttpRequest: the search index would load with every page")
    assert f'searchParams.get("{request["highlight"]}")' in bundle, _material("search.highlight no longer reads ?h=: the shell would hold its index")
    base = (MATERIAL / "base.html").read_text("utf-8")
    assert f'data-md-toggle="search" type="checkbox" id="{request["toggle"]}"' in base, _material(f"the search toggle is no longer #{request['toggle']}: search would open without its index")


def test_the_page_shell_markup_the_hooks_correct_is_still_materials():
    base = (MATERIAL / "base.html").read_text("utf-8")
    for invalid, _ in upstream.SHELL_FIXES:
        assert invalid in base, _material(f"base.html no longer writes {invalid!r}: SHELL_FIXES must follow")
    nav_item = (MATERIAL / "partials" / "nav-item.html").read_text("utf-8")
    assert 'id="{{ path }}_label" tabindex="{{ tabindex }}"' in nav_item, _material("nav-item.html changed its section labels: EMPTY_TABINDEX must follow")


def test_the_bundle_the_page_shell_loads_is_materials_with_its_alternate_lookup():
    referenced = re.search(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js", (MATERIAL / "base.html").read_text("utf-8"))
    assert referenced and referenced.group(0) == upstream.BUNDLE, _material(f"base.html loads {referenced and referenced.group(0)}, not upstream.BUNDLE")
    bundle = (MATERIAL / upstream.BUNDLE).read_text("utf-8")
    patched = upstream.bundle_without_alternate_lookup(bundle)
    assert len(patched) == len(bundle) and upstream.ALTERNATE_LOOKUP_CALL not in patched, _material("the alternate lookup's call could not be blanked")
    scripts = re.search(r"{% block scripts %}(.*?){% endblock %}", (MATERIAL / "base.html").read_text("utf-8"), re.S).group(1)
    assert "extra_javascript" in scripts and scripts.count("<script") == 1, _material(
        "base.html's scripts block changed: overrides/main.html's copy of it must follow"
    )
def test_the_nav_item_override_is_materials_partial_with_only_the_toc_toggle_moved():
    """overrides/partials/nav-item.html copies Material's partial to render the
    #__toc checkbox only with its label (HTML_CodeSniffer F68/H91 on pages
    without a table of contents); any other difference is an upstream change
    the copy missed."""
    toggle = '      <input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n'
    theirs = (MATERIAL / "partials" / "nav-item.html").read_text("utf-8")
    ours = (ROOT / "overrides" / "partials" / "nav-item.html").read_text("utf-8")
    body = ours.split("-#}\n", 1)[1]
    assert toggle in theirs, _material("nav-item.html no longer writes the #__toc toggle where the override moved it from")
    moved = theirs.replace(toggle, "", 1).replace("      {% if toc %}\n        <label", "      {% if toc %}\n  " + toggle + "        <label", 1)
    assert body == moved, _material("nav-item.html changed: copy it again into overrides/partials/ and move the #__toc toggle inside {% if toc %}")


def test_a_language_turned_off_before_i18n_configures_itself_is_left_out_of_the_build():
    """upstream.build_only: the preview of one language (`make serve lang=en`)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = upstream.i18n(config)
    upstream.build_only(config, {"fr", "en"})
    assert plugin.build_languages == ["fr", "en"], _i18n("I18n.build_languages no longer follows each language's `build` flag")
    assert [entry.locale for entry in upstream.declared_languages(config)][2:] == ["es", "it", "de", "ar", "zh"], _i18n("languages not built are no longer declared")
