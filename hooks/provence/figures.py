"""Key figures for readers of every language: numbers, amounts and dates
formatted by Babel with the conventions of the reader's locale, and the
``[[figure:id]]`` / ``[[figures:a,b]]`` / ``[[budget]]`` markers of pages."""

from __future__ import annotations

import datetime
import functools
import re

from babel import Locale
from babel.dates import format_date, format_interval
from babel.numbers import format_compact_decimal, format_currency, format_decimal, format_percent

# Site language code -> Babel locale (Chinese is written in simplified characters).
BABEL_LOCALES = {"zh": "zh_Hans"}
# From this value on, counts and amounts read better in words: "10 millions", "1000万".
COMPACT_FROM = 1_000_000

INLINE = re.compile(r"\[\[figure:([^\]\s]+)\]\]")
# Block markers stand alone in their paragraph.
BLOCK = re.compile(r"<p>\s*\[\[(figures:[^\]]*|budget)\]\]\s*</p>")
ANY = re.compile(r"\[\[(figures?:[^\]]*|budget)\]\]")


@functools.lru_cache(maxsize=None)
def babel_locale(code: str) -> Locale:
    """The Babel locale of a site language code (parsed once: parsing is slow)."""
    return Locale.parse(BABEL_LOCALES.get(code, code.replace("-", "_")))


def format_count(value: float, code: str) -> str:
    """A count: ``10 millions`` / ``10 million`` / ``1000万``; ``93 000`` below a million."""
    locale = babel_locale(code)
    if abs(value) >= COMPACT_FROM:
        return format_compact_decimal(value, format_type=_compact_type(locale), locale=locale, fraction_digits=1)
    return format_decimal(value, locale=locale)


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
    """An amount in euros, in full and without cents: ``1 000 000 €`` / ``€1,000,000``."""
    locale = babel_locale(code)
    pattern = locale.currency_formats["standard"].pattern.replace(".00", "")
    return format_currency(value, "EUR", format=pattern, locale=locale, currency_digits=False)


def format_percent_value(value: float, code: str) -> str:
    """A percentage written as a number of percent in the data (12.5 -> ``12,5 %``)."""
    return format_percent(value / 100, locale=babel_locale(code), decimal_quantization=False)


def format_value(value: float, unit: str, code: str, ordinals: dict) -> str:
    """A figure's value in its unit; ranks as ordinals (data/ordinals.yml), years as plain numbers."""
    if unit == "count":
        return format_count(value, code)
    if unit == "euros":
        return format_euros(value, code)
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


def figure_view(figure, source, code: str, default: str, ordinals: dict) -> dict:
    """Everything a template shows of a figure: value, label, source and date."""
    return {
        "id": figure.id,
        "value": format_value(figure.value, figure.unit, code, ordinals),
        "unit": figure.unit,
        "label": figure_label(figure, code, default, ordinals),
        "ranked": "{value}" in translated(figure.label, code, default),
        "date": format_day(figure.date, code),
        "iso_date": figure.date.isoformat(),
        "source": source_view(source, code, default),
    }


def source_view(source, code: str, default: str) -> dict:
    """A source's title, publisher and address (if any) in a language."""
    return {"title": translated(source.title, code, default), "publisher": source.publisher, "url": source.url}


def budget_view(budget, partners: dict, code: str, default: str) -> dict:
    """The budget chart and table data: each funder's amount, share and bar length."""
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
    total_label = translated(budget.total_label, code, default) if budget.total_label else None
    return {"rows": rows, "total": format_euros(total, code), "total_label": total_label}


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
