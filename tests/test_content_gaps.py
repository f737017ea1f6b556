"""Every piece of information the agency still has to supply is declared.

The content marks a missing fact with "À compléter par l'agence." (or "à
compléter" / "TO BE COMPLETED" in a translation). The inventory of those gaps
lives in data/gaps.yml: a gap found in docs/ or data/ that is not declared there,
or a declared gap that has been filled, fails the test, so none ships unnoticed.

Some gaps carry no marker in their file (`marked: false`): a status or a fact
the site does not state (whether a launch-year announcement was carried out), or
a field left out whose gap a template shows (a partner's `member_since`) or
leaves out (a source's unknown publisher). Entries with `law:` name the legal
requirement behind the fact; those belong to the legal pages or to data, and
`make release` refuses to publish while one is listed (tests/test_release.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
INVENTORY = ROOT / "data" / "gaps.yml"
GAP_MARKER = re.compile(r"à compléter|to be completed", re.IGNORECASE)
UI_STRINGS = ROOT / "data" / "ui" / "site.yml"
HEADING = re.compile(r"^#{1,6}\s+(.*)$")


def _content_files() -> list[Path]:
    """The French pages and the data files, minus the inventory and the UI
    strings (which define the marker itself). Translations are checked
    against their French source below."""
    files = list((ROOT / "docs").rglob("*.fr.md")) + list((ROOT / "data").rglob("*.yml"))
    return sorted(path for path in files if path not in (INVENTORY, UI_STRINGS))


def _what_is_missing(line: str, heading: str) -> str:
    """The label in front of the marker ("Adresse du siège : À compléter"), the
    YAML key in front of it, or the section's heading when the line holds only
    the marker."""
    before = GAP_MARKER.split(line, maxsplit=1)[0]
    label = re.sub(r"[\s:\"'*]+$", "", re.sub(r"^[\s\-*]+", "", before))
    label = label.split(". ")[-1]
    return label or heading


def _gaps_in(path: Path) -> list[tuple[str, str]]:
    """(file, what is missing) for each marked line of one file."""
    relative = path.relative_to(ROOT).as_posix()
    heading, gaps = "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := HEADING.match(line):
            heading = match.group(1).strip()
        if GAP_MARKER.search(line):
            gaps.append((relative, _what_is_missing(line, heading)))
    return gaps


def find_gaps() -> list[tuple[str, str]]:
    """All the gaps in docs/ and data/, in file then line order."""
    return [gap for path in _content_files() for gap in _gaps_in(path)]


ENTRY_KEYS = {"file", "missing", "law", "marked"}


def inventory() -> list[dict]:
    """The entries of data/gaps.yml, as written."""
    return yaml.safe_load(INVENTORY.read_text(encoding="utf-8")) or []


def declared_gaps() -> list[tuple[str, str]]:
    """The gaps the inventory expects to see marked in the content, in the
    shape of find_gaps(). Entries with `marked: false` are inventory only."""
    return [(entry["file"], entry["missing"]) for entry in inventory() if entry.get("marked", True)]


def test_every_entry_says_where_and_what():
    malformed = [
        entry for entry in inventory()
        if not isinstance(entry, dict)
        or not isinstance(entry.get("file"), str) or not entry["file"].strip()
        or not isinstance(entry.get("missing"), str) or not entry["missing"].strip()
        or set(entry) - ENTRY_KEYS
        or entry.get("marked", True) not in (True, False)
        or ("law" in entry and (not isinstance(entry["law"], str) or not entry["law"].strip()))
    ]
    assert malformed == [], f"each entry needs file and missing (law, marked optional): {malformed}"


def test_every_entry_points_to_a_french_page_or_a_data_file():
    content = {path.relative_to(ROOT).as_posix() for path in _content_files()}
    elsewhere = [entry["file"] for entry in inventory() if entry["file"] not in content]
    assert elsewhere == [], "file: a docs/**/*.fr.md page or a data/*.yml file that exists"


def test_no_entry_is_declared_twice():
    keys = [(entry["file"], entry["missing"]) for entry in inventory()]
    assert sorted({key for key in keys if keys.count(key) > 1}) == []


def test_legal_requirements_are_on_legal_pages_or_in_data():
    misplaced = [
        (entry["file"], entry["missing"]) for entry in inventory()
        if "law" in entry and not entry["file"].startswith(("docs/legal/", "data/"))
    ]
    assert misplaced == [], "a fact the law requires belongs to docs/legal/ or data/"


def test_every_gap_is_declared_in_the_inventory_and_none_is_stale():
    found, declared = find_gaps(), declared_gaps()
    undeclared = [gap for gap in found if gap not in declared]
    filled = [gap for gap in declared if gap not in found]
    assert not undeclared, f"gaps to declare in data/gaps.yml: {undeclared}"
    assert not filled, f"gaps filled or moved, remove them from data/gaps.yml: {filled}"
    assert sorted(found) == sorted(declared)


def _unmarked() -> set[tuple[str, str]]:
    return {(entry["file"], entry["missing"]) for entry in inventory() if not entry.get("marked", True)}


def test_the_launch_article_publisher_is_unknown_left_out_and_declared():
    sources = yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))
    launch = next(source for source in sources if source["id"] == "launch-article")
    assert launch["publisher"] is None
    assert ("data/sources.yml", "publisher") in _unmarked()


def test_each_partner_without_the_year_it_joined_is_declared_and_no_other():
    missing = "member_since (année d'adhésion du partenaire)"
    without = set()
    for french in sorted((ROOT / "docs" / "partenaires").glob("*.fr.md")):
        meta = yaml.safe_load(french.read_text(encoding="utf-8").split("---")[1])
        if french.name != "index.fr.md" and "member_since" not in meta:
            without.add((french.relative_to(ROOT).as_posix(), missing))
    declared = {gap for gap in _unmarked() if gap[1] == missing}
    assert without == declared, "a partner without member_since needs its entry in data/gaps.yml; one with it, none"


def test_each_translation_keeps_the_gaps_of_its_french_source():
    markers = yaml.safe_load(UI_STRINGS.read_text(encoding="utf-8"))["gap_marker"]
    mismatched = []
    for french in sorted((ROOT / "docs").rglob("*.fr.md")):
        expected = french.read_text(encoding="utf-8").count(markers["fr"])
        for code, marker in markers.items():
            translation = french.with_name(french.name.replace(".fr.md", f".{code}.md"))
            if code == "fr" or not translation.exists():
                continue
            found = translation.read_text(encoding="utf-8").count(marker)
            if found != expected:
                mismatched.append((translation.relative_to(ROOT).as_posix(), expected, found))
    assert mismatched == [], "(file, gaps in French, gap markers found) — use the marker of data/ui/site.yml gap_marker"
