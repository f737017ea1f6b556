"""One build's state, created at the start of each build and reached explicitly.

MkDocs keeps hook modules loaded from one build to the next under
``mkdocs serve``, so nothing of a build may live in a module: it lives in the
:class:`BuildContext` that ``hooks/build_context.py`` attaches to the
configuration object at the first pass of each build. The i18n plugin runs
the passes of the other languages on that same configuration object, and
``mkdocs serve`` loads a new configuration for every rebuild: the context
lives exactly as long as one build.

What a language's pass leaves for the final pass (its search entries, its 404
page...) is kept in that language's :class:`LanguagePass`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

from provence import upstream
from provence.languages import Language, find_language

ATTRIBUTE = "provence_build"
# The environment variable that makes a build preview one language (README, "Previewing").
PREVIEW_VARIABLE = "PREVIEW_LANGUAGE"


@dataclass
class LanguagePass:
    """What one language's pass computed, for its own pages and for the final pass."""

    code: str
    # Search settings of this language (hooks/search_index.py).
    search_settings: dict | None = None
    # Pages of this pass served in the default language because they are not translated.
    untranslated: set = field(default_factory=set)
    # This language's search entries, kept for the final pass.
    search_docs: list | None = None
    # This language's rendering of the 404 page (hooks/not_found.py).
    not_found: str | None = None
    # What the collections' templates show in this language (hooks/collections.py).
    views: dict | None = None
    # Site path -> title of the pages of this language's navigation (hooks/breadcrumbs.py).
    nav_titles: dict | None = None
    # This language's files, whose pages the accessibility statement names (hooks/accessibility.py).
    files: object = None
    # (language, neutral source path, site URL) of this language's real translations (hooks/sitemap.py).
    pages: list | None = None
    # The passages of this language's pages, and whether it has the question box's page (hooks/assistant.py).
    assistant_pages: list = field(default_factory=list)
    assistant_page: bool = False
    # The site's description in this language, for pages without their own (hooks/social_cards.py).
    site_description: str | None = None
    # The Markdown twins of this language's pages, for its llms.txt (hooks/machine_text.py).
    twins: list = field(default_factory=list)
    # Card name -> what it says, for this language's pages (hooks/social_cards.py): kept
    # per pass, so that a pass built in another process hands its cards back with it.
    cards: dict = field(default_factory=dict)


@dataclass
class BuildContext:
    """Everything the hooks share during one build."""

    project: Path
    # The languages this build writes: all the declared ones, or the default
    # language and the one being previewed (PREVIEW_LANGUAGE, `make serve lang=en`).
    languages: list[Language]
    # Every language mkdocs.yml declares: content and UI strings are checked for all of them.
    declared: list[Language] = field(default_factory=list)
    # The default language's site description, read before any pass (the
    # languages built in a second process fall back to it, hooks/social_cards.py).
    site_description: str | None = None
    # Where `mkdocs build` publishes, and where it writes until then (hooks/atomic_build.py).
    target: Path | None = None
    staging: Path | None = None
    # Counts the build's warnings in strict mode, which will abort it after the last step.
    warnings: object = None
    # The content collections and data files, read and checked once (hooks/collections.py).
    catalog: object = None
    build_date: datetime.date | None = None
    # The RGAA audit grid, data/rgaa.yml (hooks/accessibility.py).
    rgaa: object = None
    # UI strings: key -> language -> text (hooks/ui_strings.py).
    ui: dict = field(default_factory=dict)
    # How the question box understands questions: data/assistant.yml (hooks/assistant.py).
    assistant: object = None
    # The route map: extra.map checked and the drawn maps of the route (hooks/route_map.py).
    route_map: object = None
    # What the home page shows after its hero: data/home.yml (hooks/showcase.py).
    showcase: object = None
    # The Jinja environment of the collections' markup, shared by all languages.
    env: object = None
    # Compiled templates (theme and collections), shared by the language passes and kept on disk (provence/compiled.py).
    compiled_templates: dict = field(default_factory=dict)
    passes: dict = field(default_factory=dict)
    # Translation files (src_uri) that hold nothing, left out of every pass (hooks/languages.py).
    empty_translations: set = field(default_factory=set)
    # French page (docs path) -> version of its text, which its translations compare with theirs (hooks/languages.py).
    french_versions: dict = field(default_factory=dict)
    # The social cards' design, loaded once per build (hooks/social_cards.py).
    card_design: object = None
    # The last build's Markdown twins, per language (hooks/machine_text.py).
    twins_cache: object = None
    # Anything a step registers to undo when the build ends, whatever the outcome.
    cleanups: list = field(default_factory=list)
    # The second process building half of the languages (hooks/parallel_languages.py).
    helper: object = None

    @property
    def default(self) -> Language:
        """The default language (French, served at the root)."""
        return self.languages[0]

    def language(self, code: str) -> Language:
        """The configured language with this code."""
        return find_language(self.languages, code)

    def current(self, config) -> LanguagePass:
        """The pass of the language being built."""
        code = upstream.building_language(config)
        return self.passes.setdefault(code, LanguagePass(code))

    def current_language(self, config) -> Language:
        """The language being built."""
        return self.language(upstream.building_language(config))


def declared_languages(config) -> list[Language]:
    """The built languages of the i18n plugin's one declaration, default language first."""
    languages = [
        Language(entry.locale, entry.name, bool(entry.default))
        for entry in upstream.declared_languages(config)
        if entry.build
    ]
    return sorted(languages, key=lambda language: not language.default)


def start(config, preview: str | None = None) -> BuildContext:
    """A new context for the build that is starting, attached to its configuration.

    ``preview``: a language code; the build then writes only the default
    language and that one (the i18n plugin is told before it configures itself).
    """
    declared = declared_languages(config)
    languages = declared
    if preview:
        codes = [language.code for language in declared]
        if preview not in codes[1:]:
            raise PluginError(f"{PREVIEW_VARIABLE}={preview!r}: not a language of the site to preview; expected one of: {', '.join(codes[1:])}")
        languages = [language for language in declared if language.default or language.code == preview]
        upstream.build_only(config, {language.code for language in languages})
    context = BuildContext(project=Path(config.config_file_path).resolve().parent, languages=languages, declared=declared,
                           site_description=config.site_description)
    setattr(config, ATTRIBUTE, context)
    return context


def context_of(config) -> BuildContext:
    """The context of the build a configuration belongs to."""
    context = getattr(config, ATTRIBUTE, None)
    if context is None:
        raise RuntimeError("no build context: hooks/build_context.py must be the first hook of mkdocs.yml's pipeline")
    return context


def is_first_pass(config) -> bool:
    """True in the default language's pass, which starts the build (and the other passes)."""
    return not upstream.is_nested_pass(config)


def is_final_pass(config) -> bool:
    """True in the last ``on_post_build`` call, once every language has been built."""
    return not upstream.is_nested_pass(config)
