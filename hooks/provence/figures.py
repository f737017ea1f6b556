"""Key figures for readers of every language: numbers, amounts and dates
formatted by Babel with the conventions of the reader's locale, the
``[[figure:id]]`` / ``[[figures:a,b]]`` / ``[[budget]]`` markers of pages,
and the numbered notes that cite their sources."""

from __future__ import annotations

import datetime
import functools
import itertools
import re
from decimal import Decimal
from html import unescape

from babel import Locale
from babel.dates import format_date, format_interval
from babel.numbers import (
    format_compact_decimal, format_currency, format_decimal, format_percent, get_currency_name, get_currency_unit_pattern,
)

# Site language code -> Babel locale (Chinese is written in simplified characters).
BABEL_LOCALES = {"zh": "zh_Hans"}
# From this value on, counts and amounts read better in words: "10 millions", "1000万".
COMPACT_FROM = 1_000_000
CURRENCY = "EUR"

INLINE = re.compile(r"\[\[figure:([^\]\s]+)\]\]")
# Block markers stand alone in their paragraph.
BLOCK = re.compile(r"<p>\s*\[\[(figures:[^\]]*|budget)\]\]\s*</p>")
ANY = re.compile(r"\[\[(figures?:[^\]]*|budget)\]\]")
# Where a template cites a source (partials/op-notes.html): numbered once the page is complete.
NOTE = re.compile(r'<sup class="op-note" data-source="([^"]+)"></sup>')


@functools.lru_cache(maxsize=None)
def babel_locale(code: str) -> Locale:
    """The Babel locale of a site language code (parsed once: parsing is slow)."""
    return Locale.parse(BABEL_LOCALES.get(code, code.replace("-", "_")))


def format_count(value: float, code: str) -> str:
    """A count: ``10 millions`` / ``10 million`` / ``1000万``; ``93 000`` below a million."""
    locale = babel_locale(code)
    if abs(value) >= COMPACT_FROM:
        return in_words(value, locale)
    return format_decimal(value, locale=locale)


def in_words(value: float, locale: Locale) -> str:
    """A large number with CLDR's scale words: ``14 milliards``, ``1,5 million``, ``140亿``."""
    # An integral value as an integer: Babel would read 1e6 as "1.0", plural "other" (German "1 Millionen").
    number = Decimal(int(value)) if float(value).is_integer() else Decimal(str(value))
    formats = locale.compact_decimal_formats[_compact_type(locale)]
    # Babel 2.18 writes "1 millions": for exactly one unit of a scale it takes CLDR's explicit "1"
    # form, which French gives only for "mille", and falls back on "other" instead of "one".
    single = formats.get("one", {}).get(str(number)) if "1" in formats and str(number) not in formats["1"] else None
    if single is not None and single.pattern.count("0") == 1:
        return format_decimal(1, format=single.pattern, locale=locale)
    return format_compact_decimal(number, format_type=_compact_type(locale), locale=locale, fraction_digits=1)


def format_amount(value: float, code: str, amounts: dict) -> str:
    """An amount in euros as the press writes it: ``14 milliards d'euros``, ``14 billion euros``, ``140亿欧元``.

    The words and the currency's name come from CLDR (Babel), joined by
    CLDR's currency pattern, or, after a scale word, by the language's
    pattern of data/amounts.yml (CLDR leaves out the "de" of "d'euros").
    Below a million: ``350 000 euros``.
    """
    locale = babel_locale(code)
    currency = get_currency_name(CURRENCY, count=value, locale=locale)
    if abs(value) >= COMPACT_FROM:
        amount = in_words(value, locale)
        if code in amounts:
            return amounts[code].format(amount=amount, currency=currency)
    else:
        amount = format_decimal(value, locale=locale)
    return get_currency_unit_pattern(CURRENCY, count=value, locale=locale).format(amount, currency)


def format_rank(value: float, code: str, ordinals: dict) -> str:
    """A rank as an ordinal: ``7e`` / ``7th`` / ``7.º`` / ``7.``.

    Babel knows each language's ordinal categories (CLDR: "one", "two",
    "few", "other"); data/ordinals.yml says how each is written. A language
    without patterns writes the plain number (its labels carry their own
    ordinal words, such as 第{value}).
    """
    number = int(value)
    patterns = ordinals.get(code, {})
    category = babel_locale(code).ordinal_form(number)
    return patterns.get(category, patterns.get("other", "{n}")).format(n=number)


def format_euros(value: float, code: str) -> str:
    """An amount in euros in a table, in full and without cents: ``1 000 000 €`` / ``€1,000,000``."""
    locale = babel_locale(code)
    pattern = locale.currency_formats["standard"].pattern.replace(".00", "")
    return format_currency(value, CURRENCY, format=pattern, locale=locale, currency_digits=False)


def format_percent_value(value: float, code: str) -> str:
    """A percentage written as a number of percent in the data (12.5 -> ``12,5 %``)."""
    # In decimal: 1.1 / 100 in binary floating point prints as 1.1000000000000001 %.
    return format_percent(Decimal(str(value)) / 100, locale=babel_locale(code), decimal_quantization=False)


def format_value(value: float, unit: str, code: str, ordinals: dict, amounts: dict | None = None) -> str:
    """A figure's value in its unit; ranks as ordinals (data/ordinals.yml), amounts in words
    (data/amounts.yml), years as plain numbers."""
    if unit == "count":
        return format_count(value, code)
    if unit == "euros":
        return format_amount(value, code, amounts or {})
    if unit == "percent":
        return format_percent_value(value, code)
    if unit == "rank":
        return format_rank(value, code, ordinals)
    return str(int(value)) if float(value).is_integer() else str(value)


def format_coordinate(value: float, code: str) -> str:
    """A latitude or longitude in decimal degrees, to 4 decimals (about 10 m), in the reader's locale."""
    return format_decimal(value, format="#,##0.0000", locale=babel_locale(code))


def format_day(day: datetime.date, code: str) -> str:
    """A date in words: ``17 octobre 2023`` / ``October 17, 2023``."""
    return format_date(day, format="long", locale=babel_locale(code))


def format_period(start: datetime.date, end: datetime.date, code: str) -> str:
    """A span of days: ``28 juil. – 8 août 2024``, or one day."""
    return format_interval(start, end, "yMMMd", locale=babel_locale(code))


def translated(texts, code: str, default: str) -> str:
    """A per-language text (or one text for all languages), in a language or else in the default one."""
    if isinstance(texts, str):
        return texts
    return texts.get(code) or texts.get(default) or ""


def figure_label(figure, code: str, default: str, ordinals: dict) -> str:
    """A figure's label; for ranks, ``{value}`` in the label receives the formatted rank."""
    label = translated(figure.label, code, default)
    if "{value}" in label:
        return label.replace("{value}", format_value(figure.value, figure.unit, code, ordinals))
    return label


def figure_view(figure, code: str, default: str, ordinals: dict, amounts: dict, about: str) -> dict:
    """Everything a template shows of a figure: value, label and the source it cites.

    ``about``: how the language says an approximate value (``près de {value}``).
    """
    value = format_value(figure.value, figure.unit, code, ordinals, amounts)
    return {
        "id": figure.id,
        "value": about.replace("{value}", value) if figure.approximate else value,
        "unit": figure.unit,
        "label": figure_label(figure, code, default, ordinals),
        "ranked": "{value}" in translated(figure.label, code, default),
        "source": figure.source,
    }


def source_view(source, code: str, default: str) -> dict:
    """A source's entry in a page's list of sources: title, publisher, date and address, as far as known."""
    return {
        "title": translated(source.title, code, default),
        "publisher": source.publisher,
        "url": source.url,
        "date": format_day(source.date, code) if source.date else None,
        "iso_date": source.date.isoformat() if source.date else None,
    }


def budget_view(budget, partners: dict, code: str, default: str, figures: dict) -> dict:
    """The budget chart and table data: each funder's amount, share and bar length.

    ``figures``: the figure views of the language; the announced total is one of them.
    """
    total = sum(funder.amount for funder in budget.funders)
    largest = max((funder.amount for funder in budget.funders), default=0) or 1
    rows = [
        {
            "label": translated(funder.label, code, default),
            "amount": format_euros(funder.amount, code),
            "share": format_percent(funder.amount / total if total else 0, locale=babel_locale(code)),
            "bar": round(100 * funder.amount / largest, 1),
            "partner": partners[funder.partner].path if funder.partner in partners else None,
        }
        for funder in sorted(budget.funders, key=lambda funder: (-funder.amount, funder.id))
    ]
    announced = figures[budget.total]["value"] if budget.total else None
    return {"rows": rows, "total": format_euros(total, code), "announced": announced, "source": budget.source}


def number_notes(html: str, render_note) -> tuple[str, list[tuple[str, int]]]:
    """Number the source notes of a page in reading order, one number per source.

    ``render_note(number, citation)`` gives the markup of a note (``citation``
    counts every note of the page, for its id). Returns the page and, for each
    source in the order of its first note, (source id, its first citation).
    """
    first: dict[str, int] = {}
    citations = itertools.count(1)

    def number(match):
        citation, source = next(citations), unescape(match.group(1))
        first.setdefault(source, citation)
        return render_note(list(first).index(source) + 1, citation)

    return NOTE.sub(number, html), list(first.items())


def markers(html: str) -> list[str]:
    """The figure markers of a rendered page: ``figure:a``, ``figures:a,b``, ``budget``."""
    return ANY.findall(html)


def marker_ids(marker: str) -> list[str]:
    """The figure ids a marker cites (none for ``budget``)."""
    name, _, ids = marker.partition(":")
    return [] if name == "budget" else [part.strip() for part in ids.split(",") if part.strip()]


def replace_markers(html: str, render_block, render_inline) -> str:
    """Block markers replace their paragraph; inline markers replace themselves."""
    html = BLOCK.sub(lambda match: render_block(match.group(1)), html)
    return INLINE.sub(lambda match: render_inline(match.group(1)), html)


def _compact_type(locale: Locale) -> str:
    # Some locales (Chinese) only have the short compact forms (万, 亿), which are words already.
    return "long" if "long" in locale.compact_decimal_formats else "short"
