"""Reproducible builds: two builds of one commit, from two different folders,
give byte-identical sites (SOURCE_DATE_EPOCH fixes the dates, as `make`
does from the last commit)."""

from __future__ import annotations

from conftest import CARD_CACHE, copy_project, run_build
from quality_report import record


def _files(site):
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_two_builds_of_one_commit_are_byte_identical(site, tmp_path):
    # Its own empty card cache: every card is drawn again, and must come out the same.
    again = run_build(copy_project(tmp_path / "elsewhere" / "project", with_docs=True), env={CARD_CACHE: str(tmp_path / "cards")})
    assert again.ok, again.output
    first, second = _files(site), _files(again.site)
    differing = sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))
    record("reproducible", files=len(first.keys() | second.keys()), differing=len(differing))
    assert differing == []
