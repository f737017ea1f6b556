"""Unit tests of the language detector used by the translation checks."""

import pytest

from language_detect import detect

SAMPLES = {
    "fr": "Le Vieux-Port est le cœur historique de la ville et des quais où les bateaux accostent pour la journée.",
    "en": "The Old Port is the historic heart of the city and the quays where the boats dock for the day.",
    "es": "El Puerto Viejo es el corazón histórico de la ciudad y de los muelles donde atracan los barcos para el día.",
    "it": "Il Porto Vecchio è il cuore storico della città e delle banchine dove attraccano le barche per la giornata.",
    "de": "Der Alte Hafen ist das historische Herz der Stadt und der Kais, an denen die Boote für den Tag anlegen.",
    "ar": "الميناء القديم هو القلب التاريخي للمدينة والأرصفة التي ترسو فيها القوارب طوال اليوم.",
    "zh": "老港是这座城市和码头的历史中心，船只整天在这里停靠。",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_detects_each_site_language(code):
    assert detect(SAMPLES[code]) == code


def test_a_french_text_with_brand_names_in_an_arabic_page_is_still_french():
    assert detect("One Provence fédère les acteurs de la métropole Aix-Marseille-Provence pour le territoire et ses entreprises.") == "fr"


def test_too_short_to_tell():
    assert detect("One Provence") is None
