"""The changes of language of every built page (RGAA 8.8, 8.10): a passage
marked in a language reads in it, and carries that language's reading
direction. (Unmarked foreign passages, RGAA 8.7, are left to a person: the
function-word detector takes a French proper name inside an English sentence
for French.)"""

from __future__ import annotations

from language_detect import detect

RIGHT_TO_LEFT = {"ar", "he", "fa", "ur"}


def declared_language(element) -> str:
    """The language an element's markup declares: its own lang, or the nearest ancestor's."""
    holder = element if element.has_attr("lang") else element.find_parent(attrs={"lang": True})
    return holder["lang"].split("-")[0] if holder else ""


def declared_direction(element) -> str:
    holder = element if element.has_attr("dir") else element.find_parent(attrs={"dir": True})
    return holder["dir"] if holder else "ltr"


def test_every_passage_marked_in_another_language_reads_in_it(parsed_pages):
    wrong = []
    for path, soup in parsed_pages.items():
        for element in soup.find_all(attrs={"lang": True}):
            if element.name == "html":
                continue
            detected = detect(element.get_text(" ", strip=True))
            if detected is not None and detected != declared_language(element):
                wrong.append((path, element.name, element["lang"], detected))
    assert wrong == []


def test_every_language_change_carries_its_reading_direction(parsed_pages):
    wrong = []
    for path, soup in parsed_pages.items():
        for element in soup.find_all(attrs={"lang": True}):
            expected = "rtl" if declared_language(element) in RIGHT_TO_LEFT else "ltr"
            if declared_direction(element) != expected:
                wrong.append((path, element.name, element["lang"], declared_direction(element)))
    assert wrong == []
