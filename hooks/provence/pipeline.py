"""The order of the hooks' work, in one place.

Every event function of ``hooks/*.py`` is decorated with :func:`step`, which
gives it the priority written here: MkDocs runs an event's handlers from the
highest priority to the lowest, so each event below reads top to bottom in
the order it runs. The plugins' own handlers are listed among them (``plugin``
steps) because several hooks must run before or after them; their priorities
are theirs, and tests/test_upstream_contracts.py checks them against the
installed versions. No two steps of an event share a priority, so the order
never depends on the order of ``hooks:`` in mkdocs.yml.

The i18n plugin builds the default language first; its ``on_post_build``
(-100) then runs a full nested build for each other language. So every event
but the last steps of ``on_post_build`` runs once per language, and a step
that must run once per build says so (first pass or final pass).

Where a new concern goes: a hook file of its own in ``hooks/``, listed in
mkdocs.yml, with one line per event function here saying why it runs where
it does (ARCHITECTURE.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from provence.upstream import hook_name


@dataclass(frozen=True)
class Step:
    """One handler of one event: the hook (or plugin) it belongs to, its priority and why it runs there."""

    event: str
    owner: str
    priority: float
    why: str
    plugin: bool = False


def _plugin(event: str, owner: str, priority: float, why: str) -> Step:
    return Step(event, owner, priority, why, plugin=True)


PIPELINE = (
    # --- on_config: once per language pass
    Step("on_config", "build_context", 110, "first pass: a new build context; every later step reads it"),
    Step("on_config", "atomic_build", 100, "first pass: the build goes to a staging folder, before any plugin reads site_dir"),
    Step("on_config", "ui_strings", 90, "first pass: read and check data/ui/*.yml, which templates and errors need"),
    Step("on_config", "analytics", 80, "first pass: refuse any audience measurement that is not first-party Matomo"),
    Step("on_config", "release", 70, "first pass: a release build stops at once while a fact the law requires is missing"),
    Step("on_config", "template_cache", 60, "before Material's search renders its settings: every environment the theme makes shares the compiled templates"),
    _plugin("on_config", "material/search", 0, "derives search settings from the theme language, before i18n changes it"),
    _plugin("on_config", "i18n", -100, "sets this pass's language: theme language, per-language overrides"),
    Step("on_config", "search_index", -150, "after i18n: search settings derived from this pass's theme language"),
    Step("on_config", "sitemap", -160, "first pass: MkDocs' own sitemap.xml is not rendered (this site writes its own)"),
    # --- on_pre_build
    Step("on_pre_build", "collections", 50, "first pass: read and check every collection and data file, all problems together"),
    Step("on_pre_build", "route_map", 45, "first pass: checks extra.map and draws the route's maps from the places just read"),
    Step("on_pre_build", "assistant", 40, "first pass: read and check data/assistant.yml, against the collections read just before"),
    Step("on_pre_build", "accessibility", 37, "first pass: read and check data/rgaa.yml, the grid the accessibility statement shows, before the second process is forked"),
    Step("on_pre_build", "showcase", 35, "first pass: read and check data/home.yml, against the key figures read just before"),
    Step("on_pre_build", "parallel_languages", 30, "first pass, after every check: a second process builds half of the languages"),
    # --- on_files
    Step("on_files", "front_matter", 60, "first pass: front matter MkDocs would drop silently stops the build, before anything reads it"),
    Step("on_files", "languages", 50, "first pass: a file in an unconfigured language stops the build, before i18n drops it silently"),
    _plugin("on_files", "i18n", -100, "keeps this language's files and records them in i18n_files_per_language"),
    Step("on_files", "theme_pages", -200, "after i18n: generated pages join this language's files (a page added before would be dropped)"),
    Step("on_files", "news", -210, "after i18n: the news listing's later pages join this language's files, as the theme pages do"),
    Step("on_files", "alternates", -220, "after i18n kept the theme's files: Material's bundle without its alternate lookup replaces the stock one"),
    # --- on_env: once per pass, before any page is rendered
    Step("on_env", "languages", 30, "the language of the pass and its path helpers, which the later globals use"),
    Step("on_env", "ui_strings", 20, "ui() bound to the language of the pass"),
    Step("on_env", "search_index", 10, "the search worker's name and the language folder of the search index"),
    Step("on_env", "alternates", 5, "the page shell's bundle, published by alternates.on_files"),
    Step("on_env", "accessibility", 3, "this language's files: the accessibility statement names its sample pages by their titles"),
    _plugin("on_env", "i18n", 0, "adds Jinja's loop controls for its sitemap template"),
    Step("on_env", "news", -5, "the language's feed and latest posts (every page's head, the home's band), before collections copies the globals"),
    Step("on_env", "collections", -10, "after every global is set: the collections' environment copies them"),
    Step("on_env", "route_map", -20, "after collections made this language's views: adds the route, its distances and drawn maps"),
    # --- on_page_content
    Step("on_page_content", "figures", 0, "an unknown figure marker stops the build, naming the page"),
    Step("on_page_content", "accessibility", -5, "an unknown [[rgaa:...]] marker stops the build, naming the page"),
    # --- on_page_context: the page's HTML is final from here on
    _plugin("on_page_context", "i18n", 50, "page context of the i18n plugin (alternates of Material's switcher)"),
    Step("on_page_context", "route_map", 20, "marks the route page, whose head loads the map's library"),
    Step("on_page_context", "languages", 10, "switcher, translation status and canonical address of the page"),
    Step("on_page_context", "alternates", 8, "after languages (fallback or not): the page's real translations and hreflang links"),
    Step("on_page_context", "breadcrumbs", 5, "the trail from the language's home to the page"),
    Step("on_page_context", "social_cards", 4, "after breadcrumbs (the section's title) and alternates (the other locales): the card and sharing tags"),
    Step("on_page_context", "structured_data", 3, "after breadcrumbs, alternates and social_cards: the page's JSON-LD graph"),
    _plugin("on_page_context", "material/search", 0, "indexes the page's HTML as written"),
    Step("on_page_context", "search_index", -10, "notes the pages served untranslated, which their language's index leaves out"),
    Step("on_page_context", "collections", -50, "after search read the page: listings and details boxes, indexed as text (cheaper)"),
    Step("on_page_context", "showcase", -55, "after collections, before figures: the home's showcase, whose figure cards get their source notes"),
    Step("on_page_context", "figures", -60, "after collections: every figure marker, in the page and its search entries, becomes the figure"),
    Step("on_page_context", "accessibility", -65, "after figures: the statement's grid markers become the grid, in the page and its search entries"),
    Step("on_page_context", "assistant", -70, "the page is final (listings, figures, the statement's grid): its passages for the question box's index"),
    Step("on_page_context", "machine_text", -80, "the page is final (listings, figures): its Markdown twin"),
    # --- on_template_context (static templates: the 404 page)
    _plugin("on_template_context", "i18n", 50, "i18n's template variables"),
    Step("on_template_context", "languages", 0, "the 404 page's switcher leads to the 404 page of each language"),
    # --- on_post_template (the 404 page)
    Step("on_post_template", "markup", 10, "valid HTML for Material's page shell"),
    Step("on_post_template", "languages", 0, "dir on the html element"),
    Step("on_post_template", "not_found", -10, "keeps this language's finished 404 page for the final pass"),
    # --- on_post_page
    Step("on_post_page", "markup", 10, "valid HTML for Material's page shell"),
    Step("on_post_page", "languages", 0, "dir on the html element"),
    _plugin("on_post_page", "i18n", -100, "nothing for this site (with-pdf support)"),
    # --- on_post_build: once per pass; after i18n, the default pass's steps are the final pass
    _plugin("on_post_build", "material/search", 0, "writes a combined search index at the root, replaced below"),
    _plugin("on_post_build", "i18n", -100, "default pass: builds the other languages of this process, each a nested build"),
    Step("on_post_build", "parallel_languages", -150, "final pass: waits for the second process and takes its languages' results"),
    Step("on_post_build", "search_index", -200, "keeps this language's entries; final pass: writes one index per language"),
    Step("on_post_build", "assistant", -205, "this language's knowledge index for the question box, once its pages are all read"),
    Step("on_post_build", "not_found", -210, "final pass: each language's 404 page in its own folder"),
    Step("on_post_build", "sitemap", -220, "keeps this language's real translations; final pass: sitemaps of every language, robots.txt"),
    Step("on_post_build", "open_data", -230, "final pass: GeoJSON, GPX, iCalendar and JSON of every language"),
    Step("on_post_build", "news", -240, "final pass: the Atom feed of every language, before cdn gives the feeds their media type"),
    Step("on_post_build", "social_cards", -242, "final pass: every page's card, from the cache or rendered"),
    Step("on_post_build", "machine_text", -244, "final pass: the Markdown twins, llms.txt and llms-full.txt of every language"),
    Step("on_post_build", "admin", -250, "final pass: the web editor at /admin/, its configuration generated from the models and data"),
    Step("on_post_build", "cdn", -300, "final pass, after every writer: hashes the final pages' inline scripts, lists the assets"),
    Step("on_post_build", "atomic_build", -1000, "final pass, last: the staging folder replaces the published site"),
)


def steps_of(event: str) -> list[Step]:
    """The steps of one event, in the order MkDocs runs them."""
    return sorted((step for step in PIPELINE if step.event == event), key=lambda step: -step.priority)


def step(function):
    """Give a hook's event function the priority of its step in :data:`PIPELINE`."""
    owner, event = hook_name(function.__module__), function.__name__
    found = [entry for entry in PIPELINE if entry.event == event and entry.owner == owner and not entry.plugin]
    if len(found) != 1:
        raise LookupError(
            f"hooks/{owner}.py: {event} is not a step of the pipeline; add it to PIPELINE in "
            "hooks/provence/pipeline.py, saying where it runs and why"
        )
    function.mkdocs_priority = found[0].priority
    return function
