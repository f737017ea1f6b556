"""The question box as readers use it, in Chromium, on the real site served
by nginx with the site's own rules (so the Content-Security-Policy holds):
in every language, a figure question asked through the box shows the figure
as the site's page writes it, with its source; a place question asked by
address (?q=) shows the place and links to its page; the index loads only
once a question is started; no request leaves the site, nothing breaks the
CSP, and the answered page has zero axe violations."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from audit import AXE, AXE_TAGS, RUN_AXE, WATCH_CSP
from browser import browser
from conftest import language_folder

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("assistant-browser")]

FIGURE = {
    "fr": "Quel est le budget de l'agence ?",
    "en": "How much is the agency's annual budget?",
    "es": "¿Cuál es el presupuesto de la agencia?",
    "it": "Qual è il budget dell'agenzia?",
    "de": "Wie hoch ist das Budget der Agentur?",
    "ar": "كم مسافرًا عبر مطار مرسيليا بروفانس في عام 2023؟",
    "zh": "本机构的预算是多少？",
}
FIGURE_PAGE = {"ar": ("lieux/aeroport-marseille-provence/", "airport-passengers-2023")}
PLACE = {
    "fr": "Où voir des éoliennes flottantes ?",
    "en": "Where can I see floating wind turbines?",
    "es": "¿Dónde se pueden ver aerogeneradores flotantes?",
    "it": "Dove si possono vedere le eoliche galleggianti?",
    "de": "Wo kann man schwimmende Windräder sehen?",
    "ar": "أين يمكن رؤية توربينات الرياح العائمة؟",
    "zh": "在哪里可以看到漂浮式风力发电机？",
}


@pytest.fixture(scope="module")
def reader(served_site):
    with browser() as context:
        context.add_init_script(WATCH_CSP)
        context.add_init_script(path=str(AXE))
        yield served_site, context


def _open(context, url):
    tab = context.new_page()
    tab.set_default_timeout(30000)
    requests, errors = [], []
    tab.on("request", lambda request: requests.append(request.url))
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(url)
    return tab, requests, errors


def _tab_to(tab, element_id, presses=80):
    """Press Tab until the element has the focus (a reader without a mouse); fails if it never does."""
    for _ in range(presses):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    pytest.fail(f"#{element_id} is not reachable with the Tab key")


def _shown_figure(site, folder, page, figure):
    html = (site / folder / page / "index.html").read_text("utf-8")
    node = BeautifulSoup(html, "html.parser").select_one(f"[data-figure={figure}] .op-figure__value")
    return node.get_text() if node else None


@pytest.mark.parametrize("code", list(FIGURE))
def test_a_figure_question_through_the_box(reader, site, code):
    base, context = reader
    folder = "" if code == "fr" else f"{code}/"
    tab, requests, errors = _open(context, f"{base}{folder}assistant/")
    tab.wait_for_load_state("networkidle")
    assert not any("knowledge.json" in url for url in requests), "the index loads before any question"
    # By keyboard alone: Tab to the box (the skip link and the header first), type, Enter.
    _tab_to(tab, "op-assistant-question")
    tab.keyboard.type(FIGURE[code])
    tab.keyboard.press("Enter")
    answer = tab.locator("[data-assistant-answer] article")
    answer.wait_for()
    page, figure = FIGURE_PAGE.get(code, ("agence/", "agency-budget"))
    expected = _shown_figure(site, folder, page, figure)
    assert expected and tab.locator(".op-assistant__value").inner_text() == expected
    sources = tab.locator("[data-assistant-sources] a").evaluate_all("links => links.map(a => a.href)")
    assert sources and sources[0].startswith(f"{base}{folder}{page}")
    assert tab.locator(".op-assistant__note").inner_text().strip()
    assert tab.evaluate(RUN_AXE, AXE_TAGS) == []
    assert [url for url in requests if not url.startswith(base)] == []
    assert tab.evaluate("window.__op_csp") == [] and errors == []
    tab.close()


@pytest.mark.parametrize("code", list(PLACE))
def test_a_place_question_by_address(reader, code):
    base, context = reader
    folder = "" if code == "fr" else f"{code}/"
    from urllib.parse import quote

    tab, requests, errors = _open(context, f"{base}{folder}assistant/?q={quote(PLACE[code])}")
    tab.locator("[data-assistant-answer] article").wait_for()
    title = tab.locator(".op-assistant__item-title a")
    assert title.get_attribute("href").endswith("lieux/zone-industrialo-portuaire-fos/")
    sources = tab.locator("[data-assistant-sources] a").evaluate_all("links => links.map(a => a.href)")
    assert sources[0].startswith(f"{base}{folder}lieux/zone-industrialo-portuaire-fos/")
    # The question stays in the address, so that the answer can be shared; Material's search stays closed.
    assert "q=" in tab.url and not tab.locator("#__search").is_checked()
    assert tab.evaluate(RUN_AXE, AXE_TAGS) == []
    assert [url for url in requests if not url.startswith(base)] == []
    assert tab.evaluate("window.__op_csp") == [] and errors == []
    tab.close()


def test_a_question_the_site_does_not_cover_gets_the_closest_pages(reader):
    base, context = reader
    tab, _, _ = _open(context, f"{base}assistant/?q=Quel%20temps%20fera-t-il%20demain%20%C3%A0%20Marseille%20%3F")
    tab.locator("[data-assistant-answer] article").wait_for()
    assert tab.locator(".op-assistant__none").is_visible()
    assert tab.locator("[data-assistant-sources]").count() == 0
    assert tab.locator("[data-assistant-closest] a").count() >= 1
    tab.close()


def test_every_page_links_to_the_box_in_its_language(site, languages):
    for language in languages:
        folder = language_folder(language)
        html = (site / folder / "agence" / "index.html").read_text("utf-8")
        link = BeautifulSoup(html, "html.parser").select_one("header a.op-assistant-link")
        assert link is not None and link["href"] == "../assistant/", language["locale"]


WHO = {
    "fr": ("Qui finance One Provence ?", ""),
    "ar": ("من يموّل وكالة One Provence؟", "ar/"),
    "zh": ("One Provence 有哪些战略合作伙伴？", "zh/"),
}


@pytest.mark.parametrize("code", list(WHO))
def test_a_who_answer_on_a_phone_lists_the_partners_and_fits_the_screen(reader, code):
    from urllib.parse import quote

    served_site, context = reader
    question, folder = WHO[code]
    tab, requests, errors = _open(context, "about:blank")
    tab.set_viewport_size({"width": 360, "height": 740})
    tab.goto(f"{served_site}{folder}assistant/?q={quote(question)}")
    tab.locator("[data-assistant-answer] article").wait_for()
    partners = tab.locator(".op-assistant__item-title a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(partners) >= 2 and all("/partenaires/" in href for href in partners)
    sources = tab.locator("[data-assistant-sources] a").evaluate_all("links => links.map(a => a.href)")
    assert sources[0].startswith(f"{served_site}{folder}partenaires/")
    # Nothing wider than the phone's screen; Arabic reads right to left, the card's rule on its right.
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    direction = tab.evaluate("document.documentElement.dir || getComputedStyle(document.body).direction")
    card = tab.locator(".op-assistant__card")
    if code == "ar":
        assert direction == "rtl"
        assert card.evaluate("card => getComputedStyle(card).borderRightWidth") == "4px"
    else:
        assert card.evaluate("card => getComputedStyle(card).borderLeftWidth") == "4px"
    assert tab.evaluate(RUN_AXE, AXE_TAGS) == []
    assert [url for url in requests if not url.startswith(served_site)] == []
    assert tab.evaluate("window.__op_csp") == [] and errors == []
    tab.close()
