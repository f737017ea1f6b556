"""Unit tests of hooks/sitemap.py's choice of pages: only real translations
are advertised, never a French page served in another language's folder,
and never a file that is not a page."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

import sitemap


def _config(tmp_path) -> MkDocsConfig:
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig()
    config.load_dict({"site_name": "One Provence", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    errors, _ = config.validate()
    assert errors == []
    return config


def _file(config, src_uri: str, url: str, locale: str, neutral: str, page: bool = True) -> File:
    """A docs file as mkdocs-static-i18n leaves it in a language's list (url, locale, norm_src_uri)."""
    file = File(src_uri, config.docs_dir, config.site_dir, use_directory_urls=True)
    file.url = url
    file.locale, file.norm_src_uri = locale, neutral
    if page:
        Page(None, file, config)
    return file


def test_only_real_translations_that_are_pages_are_listed(tmp_path):
    config = _config(tmp_path)
    files = {
        "fr": [
            _file(config, "index.fr.md", "", "fr", "index.md"),
            _file(config, "lieux/vieux-port.fr.md", "lieux/vieux-port/", "fr", "lieux/vieux-port.md"),
            _file(config, "assets/logo.svg", "assets/logo.svg", "fr", "assets/logo.svg", page=False),
        ],
        "en": [
            _file(config, "index.en.md", "en/", "en", "index.md"),
            # Not translated: the French file, served under /en/.
            _file(config, "lieux/vieux-port.fr.md", "en/lieux/vieux-port/", "fr", "lieux/vieux-port.md"),
            # A generated theme page, registered as an English translation.
            _file(config, "lieux/themes/mer.en.md", "en/lieux/themes/mer/", "en", "lieux/themes/mer.md"),
        ],
        "ar": [_file(config, "lieux/vieux-port.fr.md", "ar/lieux/vieux-port/", "fr", "lieux/vieux-port.md")],
    }
    assert sitemap.translated_pages(files, "fr") == [
        ("fr", "index.md", ""),
        ("fr", "lieux/vieux-port.md", "lieux/vieux-port/"),
        ("en", "index.md", "en/"),
        ("en", "lieux/themes/mer.md", "en/lieux/themes/mer/"),
    ]


def test_a_file_without_a_language_mark_belongs_to_the_default_language(tmp_path):
    """A file i18n did not mark (no ``locale``) is in the default language: listed in its pass only."""
    config = _config(tmp_path)
    plain = File("contact.md", config.docs_dir, config.site_dir, use_directory_urls=True)
    Page(None, plain, config)
    assert sitemap.translated_pages({"fr": [plain], "en": [plain]}, "fr") == [("fr", "contact.md", "contact/")]
