"""The one module that knows the internals of the plugins this site runs on:
mkdocs-static-i18n 1.3, Material for MkDocs 9.8 (its search plugin and its
page shell) and MkDocs 1.6's hook loading.

Every hook reaches those internals through the functions below, never
directly. Each function names the attribute or behaviour it relies on, and
tests/test_upstream_contracts.py checks each one against the installed
versions: after an upgrade, a broken assumption fails there, with a message
naming the upstream change, instead of silently breaking search or the
language switcher.
"""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path

I18N = "i18n"
SEARCH = "material/search"


# --- mkdocs-static-i18n


def i18n(config):
    """The i18n plugin instance of a loaded configuration."""
    return config.plugins[I18N]


def declared_languages(config) -> list:
    """The ``languages`` entries of the i18n plugin's configuration (locale, name, default, build)."""
    return list(i18n(config).config.languages)


def build_only(config, codes: set[str]) -> None:
    """Build only these languages in this build (a preview), keeping the others declared.

    Relies on: ``I18n.build_languages``, read from each language entry's
    ``build`` flag whenever it is needed (the passes, the switcher, the
    alternates): a flag turned off before i18n's ``on_config`` leaves that
    language out of the whole build.
    """
    for entry in i18n(config).config.languages:
        if entry.locale not in codes:
            entry.build = False


def building_language(config) -> str:
    """The language whose pass is running an event.

    Relies on: ``I18n.current_language`` (None before the first ``on_config``)
    and ``I18n.building``, True only while ``I18n.on_post_build`` runs the
    nested ``build()`` of each other language; outside them it is the default
    language's pass (``current_language`` is then left on the last language built).
    """
    plugin = i18n(config)
    if plugin.current_language is None or not plugin.building:
        return plugin.default_language
    return plugin.current_language


def default_language(config) -> str:
    """The default language's code (``I18n.default_language``)."""
    return i18n(config).default_language


def is_nested_pass(config) -> bool:
    """True in the passes of the other languages, which the default language's pass starts."""
    return bool(i18n(config).building)


def files_per_language(config) -> dict:
    """Language code -> the documentation files of that language's pass (``I18n.i18n_files_per_language``)."""
    return i18n(config).i18n_files_per_language


def file_language(file, default: str) -> str:
    """The language of a file's source (``File.locale``, set by i18n's ``reconfigure_files``)."""
    return getattr(file, "locale", default)


def neutral_source(file) -> str:
    """A file's source path without its language suffix (``File.norm_src_uri``, set by i18n)."""
    return getattr(file, "norm_src_uri", file.src_uri)


def translated_languages(file, languages: list[str]) -> list[str]:
    """The languages (of ``languages``, in that order) in which a page's source is really written.

    Relies on ``File.alternates``, which i18n's ``reconfigure_files_alternates``
    fills in every pass for every built language: the file of a real
    translation has that language as its ``locale``, a fallback has the
    default language's. Generated pages (registered below) are made in every
    language's pass, so each is a translation of the others.
    """
    if file.generated_by:
        return list(languages)
    alternates = getattr(file, "alternates", {})
    return [code for code in languages if code in alternates and alternates[code].locale == code]


def register_generated_page(config, file, code: str, neutral_src_uri: str) -> None:
    """Make a page generated in ``on_files`` look to the i18n plugin like a translation in ``code``.

    Relies on the attributes i18n's ``reconfigure_files`` sets on every File
    (``norm_src_uri``, ``locale``, ``locale_alternate_of``, ``localization``,
    ``alternates``) and on its per-language list, which feeds its sitemap
    data and Material's language switcher.
    """
    file.norm_src_uri = neutral_src_uri
    file.locale = code
    file.locale_alternate_of = code
    file.localization = code
    file.alternates = {code: file}
    files_per_language(config).setdefault(code, []).append(file)


# --- Material's search plugin


def search_plugin(config):
    """Material's search plugin, or None when the site has no search."""
    return config.plugins.get(SEARCH)


def search_settings(config) -> dict:
    """Material's search settings (lang, separator, pipeline, fields) for the language of this pass.

    Material derives them once, in its ``on_config``, from the theme language;
    the i18n plugin changes the theme language per pass after that. They are
    cleared and derived again from the current theme language.
    """
    from copy import deepcopy

    search = search_plugin(config)
    search.config.lang = None
    search.config.separator = None
    search.config.pipeline = None
    search.on_config(config)
    return {key: deepcopy(search.config[key]) for key in ("lang", "separator", "pipeline", "fields")}


def search_entries(config) -> list | None:
    """The entries of the search index being built (``SearchIndex.entries``), or None without search."""
    search = search_plugin(config)
    index = getattr(search, "search_index", None) if search is not None else None
    return None if index is None else index.entries


def page_search_entries(config, page_url: str) -> list:
    """The search entries of one page, while its ``on_page_context`` runs after Material's.

    Relies on Material's ``on_page_context`` appending the page's entries to
    the end of ``SearchIndex.entries``: they are the last ones, and those
    whose location is the page's URL (``page/`` or ``page/#section``).
    """
    return trailing_entries(search_entries(config) or [], page_url)


def trailing_entries(entries: list[dict], page_url: str) -> list[dict]:
    """The entries at the end of ``entries`` that belong to the page at ``page_url``."""
    start = len(entries)
    while start > 0 and entries[start - 1]["location"].split("#")[0] == page_url:
        start -= 1
    return entries[start:]


def add_page_search_entries(config, page_url: str, added: list[dict]) -> None:
    """Index more sections of the page whose ``on_page_context`` is running (after the page's own entries)."""
    if added:
        entries = search_entries(config)
        assert entries and entries[-1]["location"].split("#")[0] == page_url, "the page's entries are not the last ones"
        entries.extend(added)


def chinese_segmenter(config):
    """Material's segmentation of Han text into words (jieba), or None when jieba is not installed.

    Relies on the private ``SearchIndex._segment_chinese`` and the search
    module's ``jieba`` import: the text the hooks add to the index is then
    segmented exactly as Material segments the text of written pages.
    """
    from material.plugins.search import plugin as search_module

    search = search_plugin(config)
    index = getattr(search, "search_index", None) if search is not None else None
    if index is None or not search_module.jieba:
        return None
    return index._segment_chinese


# --- Material's theme files

# Material's script calls, on every page, the function that fetches
# `sitemap.xml` next to the address of every <link rel="alternate"> of the
# page (its language switcher's links to the same page in another language).
# This site's switcher links each language to the same page already
# (overrides/partials/alternate.html), and its pages list their language
# versions, their feed and their Markdown twin with absolute <link
# rel="alternate">: that lookup would cost a request per link and page view,
# to the production host. It is taken out of the bundle by blanking its call.
BUNDLE = "assets/javascripts/bundle.a5f9d56c.min.js"
ALTERNATE_LOOKUP = 'function ui({document$:e}){let t=new Map;e.pipe(b(()=>M("link[rel=alternate]")),m(r=>new URL(r.href))'
ALTERNATE_LOOKUP_CALL = "ui({document$:ct});"


def bundle_without_alternate_lookup(bundle: str) -> str:
    """Material's bundle with the call of its alternate lookup blanked (same length: its source map still holds)."""
    if bundle.count(ALTERNATE_LOOKUP) != 1 or bundle.count(ALTERNATE_LOOKUP_CALL) != 1:
        raise LookupError(
            f"Material's bundle ({BUNDLE}) no longer defines and calls its alternate lookup as this site expects "
            f"({ALTERNATE_LOOKUP_CALL!r}); see ALTERNATE_LOOKUP in hooks/provence/upstream.py"
        )
    return bundle.replace(ALTERNATE_LOOKUP_CALL, " " * len(ALTERNATE_LOOKUP_CALL))


def search_worker(theme_dirs: list[str]) -> str:
    """The theme-relative path of Material's search worker, whose name carries its content hash."""
    for folder in theme_dirs:
        found = sorted(Path(folder).glob("assets/javascripts/workers/search.*.min.js"))
        if found:
            return found[0].relative_to(folder).as_posix()
    raise LookupError(f"Material's search worker (assets/javascripts/workers/search.*.min.js) is not in {theme_dirs}")


# How Material 9.8's bundle asks for the search index: an XMLHttpRequest for
# ``search/search_index.json`` under the configured base, sent as soon as the
# page loads, and again read by search.highlight on a page reached from a
# result (``?h=<terms>``); ``#__search`` is the toggle opening search (the
# search key, the magnifier and the field all check it). The page shell holds
# that request until the reader opens search (partials/search-on-demand.html).
SEARCH_REQUEST = {"index": "search/search_index.json", "toggle": "__search", "highlight": "h"}


def search_request() -> dict:
    """What the page shell needs to recognise Material's request for the search index."""
    return dict(SEARCH_REQUEST)


# Material 9.8's base.html puts autocomplete="off" on its two toggle checkboxes
# (HTML allows it on text inputs only) and nav-item.html gives section labels an
# empty tabindex; neither sits in a block a template can override.
SHELL_FIXES = (
    ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'),
    ('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'),
)
EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*_label") tabindex=""')


def valid_page_shell(html: str) -> str:
    """A page without the invalid attributes of Material's page shell."""
    for invalid, valid in SHELL_FIXES:
        html = html.replace(invalid, valid, 1)
    return EMPTY_TABINDEX.sub(r"\1", html)


# --- MkDocs


def prepare_theme_environments(theme, prepare) -> None:
    """Call ``prepare(env)`` on every Jinja environment ``theme`` makes from now on.

    MkDocs' ``Theme.get_env`` makes a new environment at each call: one per
    language pass, and several for Material's search plugin, which renders
    its settings' translations at each pass's ``on_config``. Wrapping the
    class's method (not the instance's) makes a second call replace the first.
    """
    make = type(theme).get_env

    def get_env():
        env = make(theme)
        prepare(env)
        return env

    theme.get_env = get_env


def hook_name(module_name: str) -> str:
    """The concern a hook module serves: MkDocs loads ``hooks/collections.py`` as a module named by its path."""
    return Path(module_name).stem


# --- Building languages in another process (hooks/parallel_languages.py)


def build_nested_passes(config, codes: list[str]) -> None:
    """Run the passes of ``codes`` here, as i18n's ``on_post_build`` runs the passes of the other languages.

    Relies on ``I18n.on_post_build``'s loop: ``building`` set, ``current_language``
    set to each language before a nested ``build(config)``, and
    ``mkdocs.utils.clean_directory`` disabled so that a pass keeps the others' files.
    """
    from mkdocs import utils
    from mkdocs.commands.build import build

    plugin = i18n(config)
    plugin.building = True
    utils.clean_directory = lambda directory: directory
    for code in codes:
        plugin.current_language = code
        build(config)


def leave_passes(config, codes: list[str]) -> None:
    """Make i18n's loop skip the passes of ``codes`` (another process builds them) in this build.

    Relies on ``I18n.on_post_build`` calling, once per language after setting
    ``current_language``, the ``build`` that ``mkdocs_static_i18n.plugin``
    imported. That name is wrapped once per process; the wrapper skips the
    languages this plugin instance was told to leave. The languages stay
    declared and built (their ``build`` flags untouched), so the switcher,
    ``File.alternates`` and the sitemap of this process's passes know them.
    The list lives on the plugin instance: it dies with the build's configuration.
    """
    module = sys.modules[type(i18n(config)).__module__]
    if not getattr(module.build, "leaves_passes", False):
        module.build = _build_unless_left(module.build)
    i18n(config).left_passes = set(codes)


def restore_passes(config) -> None:
    """Undo :func:`leave_passes`: i18n's loop builds every language again."""
    i18n(config).left_passes = set()


def _build_unless_left(build):
    @functools.wraps(build)
    def build_unless_left(config, **options):
        if i18n(config).current_language in getattr(i18n(config), "left_passes", ()):
            return None
        return build(config, **options)

    build_unless_left.leaves_passes = True
    return build_unless_left
