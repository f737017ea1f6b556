"""The shape of an address tells its template (tests/templates.py), so that a
new section of the site is checked by every template-wide test the day it is built."""

from __future__ import annotations

from templates import neutral_path, template_of

CODES = ["fr", "en", "es", "it", "de", "ar", "zh"]


def test_the_shape_of_an_address_tells_its_template():
    assert template_of("") == "home"
    assert template_of("404.html") == template_of("zh/404.html") == "404"
    assert template_of("lieux/") == "lieux/"
    assert template_of("lieux/vieux-port/") == "lieux/*"
    assert template_of("lieux/themes/mer/") == "lieux/themes/*"
    assert template_of("actualites/2026-lancement/") == "actualites/*"


def test_a_translation_is_the_same_address_in_its_language_folder():
    assert neutral_path("en/lieux/", CODES) == "lieux/"
    assert neutral_path("zh/", CODES) == ""
    assert neutral_path("ar/404.html", CODES) == "404.html"
    assert neutral_path("lieux/", CODES) == "lieux/"
