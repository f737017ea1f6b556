"""Every page exists, really translated, in every language, with the
glossary's terms: what a reader of each language gets."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT, language_folder
from language_detect import detect
from pages import page, text

DOCS = ROOT / "docs"


def french_sources():
    return sorted(DOCS.rglob("*.fr.md"))


def built_path(source, folder: str) -> str:
    """Site path of a page from its French source: lieux/vieux-port.fr.md -> lieux/vieux-port/."""
    relative = source.relative_to(DOCS).as_posix().removesuffix(".fr.md")
    if relative == "index":
        return folder
    if relative.endswith("/index"):
        return folder + relative.removesuffix("index")
    return folder + relative + "/"


def article_text(soup) -> str:
    """The text a reader reads in the article, without the site's notices."""
    article = soup.select_one("article.md-content__inner") or soup.select_one(".op-home")
    for notice in article.select(".op-notice"):
        notice.decompose()
    # Passages marked in a language of their own (the RGAA's criteria, quoted
    # in French on the accessibility statement) are not the page's language.
    for quoted in article.select("[lang]"):
        quoted.decompose()
    return text(article)


@pytest.fixture(scope="module")
def glossary():
    return yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))


def test_every_french_page_exists_in_every_language(languages):
    missing = [
        source.relative_to(ROOT).as_posix().replace(".fr.md", f".{language['locale']}.md")
        for source in french_sources()
        for language in languages
        if not language.get("default")
        and not source.with_name(source.name.replace(".fr.md", f".{language['locale']}.md")).exists()
    ]
    assert missing == []


def test_no_built_page_is_served_untranslated(site):
    untranslated = sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if "op-notice--untranslated" in path.read_text(encoding="utf-8")
    )
    assert untranslated == []


@pytest.fixture(scope="module")
def articles(site, languages) -> dict[str, str]:
    """The article's text of every page built from a French source, in every language, each page parsed once."""
    paths = [built_path(source, language_folder(language)) for language in languages for source in french_sources()]
    return {path: article_text(page(site, path)) for path in paths}


def test_each_page_reads_in_its_own_language(languages, articles):
    wrong = []
    for language in languages:
        for source in french_sources():
            path = built_path(source, language_folder(language))
            detected = detect(articles[path])
            if detected not in (language["locale"], None):
                wrong.append((path, detected))
    assert wrong == []


def test_most_pages_have_enough_text_to_tell_their_language(languages, articles):
    for language in languages:
        undetermined = [
            source for source in french_sources()
            if detect(articles[built_path(source, language_folder(language))]) is None
        ]
        assert len(undetermined) <= len(french_sources()) // 10, (language["locale"], undetermined)


def test_glossary_terms_are_translated_consistently(languages, glossary, articles):
    inconsistent = []
    for source in french_sources():
        french = articles[built_path(source, "")].lower()
        page_id = source.relative_to(DOCS).as_posix().removesuffix(".fr.md")
        for term in glossary:
            # Each language may list its accepted forms (singular, plural...), French too.
            french_forms = term["fr"] if isinstance(term["fr"], list) else [term["fr"]]
            if not any(form.lower() in french for form in french_forms) or page_id in term.get("not_on", []):
                continue
            for language in languages:
                code = language["locale"]
                if language.get("default"):
                    continue
                forms = term[code] if isinstance(term[code], list) else [term[code]]
                translated = articles[built_path(source, language_folder(language))].lower()
                if not any(form.lower() in translated for form in forms):
                    inconsistent.append((built_path(source, language_folder(language)), term["id"], forms[0]))
    assert inconsistent == [], "\n".join(map(str, inconsistent))
