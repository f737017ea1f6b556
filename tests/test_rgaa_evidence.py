"""What the RGAA audit grid (data/rgaa.yml) states about the whole site and
that a parser can check on every built page of every language: criteria that
do not apply because the site has nothing they are about (frames, media,
forms beyond the search and the question box, complex or layout tables), and criteria that
hold on every page (the search in the header, a skip link to the content)."""

from __future__ import annotations

MEDIA = "video, audio, object, embed, applet, canvas, track, bgsound, marquee"


def test_no_page_has_a_frame(parsed_pages):
    """RGAA 2.1, 2.2 do not apply while no page has a frame."""
    assert [path for path, soup in parsed_pages.items() if soup.select("iframe, frame, frameset")] == []


def test_no_page_has_audio_video_or_embedded_media(parsed_pages):
    """RGAA 4.1 to 4.13 do not apply while no page has time-based or embedded media."""
    assert [(path, element.name) for path, soup in parsed_pages.items() for element in soup.select(MEDIA)] == []


# The site's forms: Material's search in every header, and the question box
# (overrides/assistant.html). Each is a search: one text field, its buttons.
SEARCH_FORMS = {"md-search__form": ["text"], "op-assistant__form": ["search"]}


def test_the_only_forms_are_searches_of_one_field(parsed_pages):
    """RGAA 1.4, 1.5 (CAPTCHA), 11.5 to 11.8 (groups of fields, lists of
    choices), 11.12 and 11.13 (forms that send data, personal data) do not
    apply while the only forms are the search and the question box: one text
    field and its buttons each, sending nothing but the words typed."""
    other = []
    for path, soup in parsed_pages.items():
        for form in soup.find_all("form"):
            fields = form.select("input:not([type=submit]):not([type=reset]):not([type=button]), select, textarea")
            expected = [SEARCH_FORMS[name] for name in form.get("class", []) if name in SEARCH_FORMS]
            if [field.get("type") for field in fields] not in expected or form.get("method", "get").lower() != "get":
                other.append((path, str(form)[:120]))
        other += [(path, str(field)[:120]) for field in soup.select("select, textarea, input") if not field.find_parent("form")
                  and not (field.name == "input" and "md-toggle" in field.get("class", []))]
    assert other == []


def test_no_data_table_is_complex(parsed_pages):
    """RGAA 5.1, 5.2 (summary of complex tables) do not apply while no table
    has merged headers or more than one row of column headers."""
    complex_tables = []
    for path, soup in parsed_pages.items():
        for table in soup.find_all("table"):
            merged = table.select("[colspan], [rowspan], [headers]")
            header_rows = table.select("thead tr")
            if [cell for cell in merged if cell.get("colspan", "1") != "1" or cell.get("rowspan", "1") != "1" or cell.get("headers")] or len(header_rows) > 1:
                complex_tables.append((path, (table.caption.get_text(" ", strip=True) if table.caption else "")[:60]))
    assert complex_tables == []


def test_every_table_is_a_data_table(parsed_pages):
    """RGAA 5.3, 5.8 (layout tables) do not apply while every table has headers."""
    assert [path for path, soup in parsed_pages.items() for table in soup.find_all("table") if not table.find("th")] == []


def test_every_page_offers_the_search_in_its_header(parsed_pages):
    """RGAA 12.5: the search is reached the same way on every page, from the header."""
    assert [path for path, soup in parsed_pages.items() if not soup.select_one("header.md-header .md-search form[name=search]")] == []


def test_every_page_starts_with_a_skip_link_to_its_content(parsed_pages):
    """RGAA 12.7: the first link of every page skips to its content, and leads somewhere on the page."""
    missing = []
    for path, soup in parsed_pages.items():
        first = soup.body.find(["a", "button", "input", "select", "textarea", "label"], href=True) if soup.body else None
        target = first.get("href", "")[1:] if first and first.get("href", "").startswith("#") else None
        if not first or "md-skip" not in first.get("class", []) or not target or not soup.find(id=target):
            missing.append((path, str(first)[:80]))
    assert missing == []
