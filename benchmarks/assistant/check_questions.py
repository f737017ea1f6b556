"""Check the evaluation set of the "Ask One Provence" assistant.

Reads benchmarks/assistant/questions.yml (or the file given as argument) and
checks it against the site's content:

- the YAML parses and has exactly the site's seven languages;
- every question has `q`, `kind` and `page`, and only the keys of its kind;
- per language: at least 6 figure, 6 place, 4 date, 4 who and 6 passage
  questions, and exactly 5 `none` questions (`page: null`); no question twice;
- every `page` and `also` page exists in French (`docs/<page>index.fr.md` or
  `docs/<path>.fr.md`, "" being the home page) and in the question's language;
- a figure id exists in data/figures.yml, is not excluded, and is cited by the
  expected page (or one of `also`) in that language, inline or as cards;
- a place is a page of docs/lieux/ and the expected page is its own page;
- an event is a page of docs/agenda/ and the expected page is its own page;
- partners are pages of docs/partenaires/;
- Arabic questions are written in Arabic script, Chinese ones in Han characters.

Prints the counts per language and kind, then every problem found; exits 1
when there is one.

Usage: .venv/bin/python benchmarks/assistant/check_questions.py [questions.yml]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
LANGUAGES = ("fr", "en", "es", "it", "de", "ar", "zh")
KINDS = ("figure", "place", "date", "who", "passage", "none")
MINIMUM = {"figure": 6, "place": 6, "date": 4, "who": 4, "passage": 6}
NONE_EXACTLY = 5
# Keys a question of each kind may carry besides q, page, kind and also.
KIND_KEYS = {"figure": {"figure"}, "place": {"place"}, "date": {"event"}, "who": {"partners"}, "passage": set(), "none": set()}
# Facts the site is correcting: no question may expect them.
EXCLUDED_FIGURES = {"provence-promotion-foreign-share": "being removed from the site"}
EXCLUDED_EVENTS = {"coeur-aerogare": "the terminal's opening date is being corrected (unknown)"}
SCRIPTS = {"ar": re.compile(r"[\u0600-\u06FF]"), "zh": re.compile(r"[\u4E00-\u9FFF]")}


def page_file(page: str, lang: str) -> Path | None:
    """The Markdown file of a site path in one language, or None."""
    if page != "" and not page.endswith("/"):
        return None
    candidates = [DOCS / f"{page}index.{lang}.md"]
    if page:
        candidates.append(DOCS / f"{page[:-1]}.{lang}.md")
    return next((path for path in candidates if path.is_file()), None)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def cites(page: str, lang: str, figure: str) -> bool:
    """Whether the page shows the figure in that language (inline, cards, or its front matter's `figures`)."""
    path = page_file(page, lang)
    if path is None:
        return False
    text = path.read_text(encoding="utf-8")
    if f"[[figure:{figure}]]" in text:
        return True
    if any(figure in [i.strip() for i in ids.split(",")] for ids in re.findall(r"\[\[figures:([^\]]*)\]\]", text)):
        return True
    return figure in (front_matter(page_file(page, "fr")).get("figures") or [])


def check(questions: object) -> tuple[list[str], dict[str, Counter]]:
    problems: list[str] = []
    counts: dict[str, Counter] = {}
    figures = {f["id"] for f in yaml.safe_load((ROOT / "data" / "figures.yml").read_text(encoding="utf-8"))}
    places = {p.name[: -len(".fr.md")] for p in (DOCS / "lieux").glob("*.fr.md")} - {"index"}
    events = {p.name[: -len(".fr.md")] for p in (DOCS / "agenda").glob("*.fr.md")} - {"index"}
    partners = {p.name[: -len(".fr.md")] for p in (DOCS / "partenaires").glob("*.fr.md")} - {"index"}
    if not isinstance(questions, dict):
        return ["the file is not a mapping of languages"], counts
    if set(questions) != set(LANGUAGES):
        problems.append(f"languages {sorted(questions)} instead of {list(LANGUAGES)}")
    for lang in LANGUAGES:
        items = questions.get(lang) or []
        counts[lang] = Counter()
        seen: set[str] = set()
        for n, item in enumerate(items, 1):
            where = f"{lang}#{n}"
            if not isinstance(item, dict) or not isinstance(item.get("q"), str) or not item["q"].strip():
                problems.append(f"{where}: no question text `q`")
                continue
            where = f"{lang}#{n} {item['q']!r}"
            kind = item.get("kind")
            if kind not in KINDS:
                problems.append(f"{where}: kind {kind!r} is not one of {KINDS}")
                continue
            counts[lang][kind] += 1
            if item["q"] in seen:
                problems.append(f"{where}: asked twice")
            seen.add(item["q"])
            extra = set(item) - {"q", "page", "kind", "also"} - KIND_KEYS[kind]
            missing = KIND_KEYS[kind] - set(item)
            if extra:
                problems.append(f"{where}: keys {sorted(extra)} do not belong to kind {kind}")
            if missing:
                problems.append(f"{where}: kind {kind} needs {sorted(missing)}")
            if lang in SCRIPTS and not SCRIPTS[lang].search(item["q"]):
                problems.append(f"{where}: not written in the script of {lang}")
            if "page" not in item:
                problems.append(f"{where}: no `page` (use null for a question the site does not answer)")
                continue
            page = item["page"]
            if kind == "none":
                if page is not None or item.get("also"):
                    problems.append(f"{where}: a `none` question has `page: null` and no `also`")
                continue
            pages = [page] + list(item.get("also") or [])
            for p in pages:
                if not isinstance(p, str):
                    problems.append(f"{where}: page {p!r} is not a site path")
                elif page_file(p, "fr") is None:
                    problems.append(f"{where}: page {p!r} has no docs/{p}index.fr.md nor docs/{p.rstrip('/')}.fr.md")
                elif page_file(p, lang) is None:
                    problems.append(f"{where}: page {p!r} has no {lang} translation")
            if len(set(map(str, pages))) != len(pages):
                problems.append(f"{where}: `also` repeats a page")
            if kind == "figure":
                figure = item.get("figure")
                if figure not in figures:
                    problems.append(f"{where}: figure {figure!r} is not in data/figures.yml")
                elif figure in EXCLUDED_FIGURES:
                    problems.append(f"{where}: figure {figure!r} is excluded: {EXCLUDED_FIGURES[figure]}")
                elif not any(isinstance(p, str) and cites(p, lang, figure) for p in pages):
                    problems.append(f"{where}: no expected page cites figure {figure!r} in {lang}")
            elif kind == "place":
                place = item.get("place")
                if place not in places:
                    problems.append(f"{where}: place {place!r} is not a page of docs/lieux/")
                elif page != f"lieux/{place}/":
                    problems.append(f"{where}: a place question expects the place's own page lieux/{place}/ first")
            elif kind == "date":
                event = item.get("event")
                if event not in events:
                    problems.append(f"{where}: event {event!r} is not a page of docs/agenda/")
                elif event in EXCLUDED_EVENTS:
                    problems.append(f"{where}: event {event!r} is excluded: {EXCLUDED_EVENTS[event]}")
                elif page != f"agenda/{event}/":
                    problems.append(f"{where}: a date question expects the event's own page agenda/{event}/ first")
            elif kind == "who":
                named = item.get("partners")
                if not isinstance(named, list) or not named:
                    problems.append(f"{where}: `partners` must be a non-empty list")
                else:
                    for slug in named:
                        if slug not in partners:
                            problems.append(f"{where}: partner {slug!r} is not a page of docs/partenaires/")
        for kind, least in MINIMUM.items():
            if counts[lang][kind] < least:
                problems.append(f"{lang}: {counts[lang][kind]} {kind} questions, at least {least} expected")
        if counts[lang]["none"] != NONE_EXACTLY:
            problems.append(f"{lang}: {counts[lang]['none']} none questions, exactly {NONE_EXACTLY} expected")
    return problems, counts


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("questions.yml")
    try:
        questions = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        print(f"{path}: YAML does not parse: {error}")
        return 1
    problems, counts = check(questions)
    print("lang  " + "  ".join(f"{k:>7}" for k in KINDS) + "  answerable  total")
    for lang, c in counts.items():
        answerable = sum(c[k] for k in KINDS if k != "none")
        print(f"{lang:<4}  " + "  ".join(f"{c[k]:>7}" for k in KINDS) + f"  {answerable:>10}  {sum(c.values()):>5}")
    for problem in problems:
        print(f"PROBLEM {problem}")
    print(f"{path.name}: {'OK' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
