"""The build runs the passes of half of the languages in a second process
(hooks/parallel_languages.py): the site it publishes is byte for byte the
site of a build in one process, and a problem found in the second process
stops the build with its message, publishing nothing."""

from __future__ import annotations

from collections_content import site_files
import parallel_languages
from conftest import copy_project, run_build, write_files


def _files(site):
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_two_processes_publish_the_site_of_one(tmp_path):
    project = copy_project(tmp_path / "project")
    write_files(project, site_files())
    one = run_build(project, tmp_path / "one", env={"OP_BUILD_JOBS": "1"})
    two = run_build(project, tmp_path / "two", env={"OP_BUILD_JOBS": "2"})
    assert one.ok and two.ok, one.output + two.output
    files_one, files_two = _files(one.site), _files(two.site)
    # The second process's languages are there, with their search index and 404 page.
    for folder in ("es/", "de/", "zh/"):
        assert {f"{folder}index.html", f"{folder}404.html", f"{folder}search/search_index.json"} <= set(files_two)
    assert sorted(files_two) == sorted(files_one)
    assert [path for path in files_one if files_one[path] != files_two[path]] == []


def test_a_problem_in_a_language_of_the_second_process_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    write_files(project, site_files())
    assert run_build(project, env={"OP_BUILD_JOBS": "2"}).ok
    published = _files(project / "site")
    # Italian is built by the second process (every second language from English), and a
    # figure marker is checked only when its page renders, in its language's pass.
    italian = site_files()["docs/filieres/tourisme.fr.md"] + "\nVedi [[figure:visitatori-2030]].\n"
    write_files(project, {"docs/filieres/tourisme.it.md": italian})
    build = run_build(project, env={"OP_BUILD_JOBS": "2"})
    assert not build.ok
    assert "docs/filieres/tourisme.it.md: [[figure:visitatori-2030]]: figure 'visitatori-2030' does not exist in data/figures.yml" in build.output
    assert _files(project / "site") == published
    assert not list(project.glob("site.partial*"))


def test_the_second_process_takes_every_second_language_from_the_first():
    assert parallel_languages.languages_for_second_process(["en", "es", "it", "de", "ar", "zh"], 2) == ["en", "it", "ar"]
    # A preview: French here, its language there.
    assert parallel_languages.languages_for_second_process(["en"], 2) == ["en"]
    assert parallel_languages.languages_for_second_process(["en", "es", "it", "de", "ar", "zh"], 1) == []
    assert parallel_languages.languages_for_second_process([], 2) == []
