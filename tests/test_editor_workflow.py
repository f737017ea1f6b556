"""The editors' day: translations that know when they are out of date, a new
item started with `make new`, the content checks alone (pre-commit), the
preview of one language, and `make serve` following every folder an edit can
change. Each through the commands an editor runs, on a fixture site."""

from __future__ import annotations

import contextlib
import datetime
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
import yaml

from collections_content import site_files
from conftest import copy_project, run_build, write_files
from pages import page, resolve, text

FRENCH_PAGE = "docs/lieux/vieux-port.fr.md"
ENGLISH_PAGE = "docs/lieux/vieux-port.en.md"


def command(project, *args) -> subprocess.CompletedProcess:
    """One of the Makefile's editor commands (hooks/provence/commands.py), run in the project."""
    return subprocess.run([sys.executable, "hooks/provence/commands.py", *args], cwd=project, capture_output=True, text=True, timeout=300)


def notices(site, path: str) -> dict[str, str]:
    """The notices of a built page, by kind (stale, machine, untranslated)."""
    found = {}
    for notice in page(site, path).select(".op-notice"):
        kind = next(name.removeprefix("op-notice--") for name in notice["class"] if name.startswith("op-notice--"))
        found[kind] = notice
    return found


@pytest.fixture
def content(fixture_project):
    write_files(fixture_project, site_files(**{ENGLISH_PAGE: site_files()[ENGLISH_PAGE].replace(
        "---\n\n", "translation:\n  machine_assisted: true\n  reviewed: false\n---\n\n", 1)}))
    return fixture_project


def test_a_translation_knows_its_french_source_and_says_when_it_changed(content, ui_strings, tmp_path):
    recorded = command(content, "translated", "--unrecorded")
    assert recorded.returncode == 0, recorded.stderr
    assert "source: " in (content / ENGLISH_PAGE).read_text("utf-8")
    build = run_build(content, tmp_path / "before")
    assert build.ok, build.output
    assert set(notices(build.site, "en/lieux/vieux-port/")) == {"machine"}

    french = content / FRENCH_PAGE
    french.write_text(french.read_text("utf-8").replace("Le Vieux-Port.", "Le Vieux-Port, cœur de la ville."), "utf-8")
    build = run_build(content, tmp_path / "after")
    assert build.ok, build.output
    shown = notices(build.site, "en/lieux/vieux-port/")
    assert set(shown) == {"stale", "machine"}
    assert text(shown["stale"]) == f"{ui_strings['stale_translation_notice']['en']} {ui_strings['stale_translation_link']['en']}"
    assert resolve("en/lieux/vieux-port/", shown["stale"].a["href"]) == "lieux/vieux-port/"
    # A translation made from the current French text says nothing of the kind.
    assert "stale" not in notices(build.site, "en/lieux/")

    report = command(content, "translations")
    assert report.returncode == 0, report.stderr
    rows = {line.split()[0]: line.split()[1:] for line in report.stdout.splitlines()[2:9] if line.strip()}
    # language, up to date, stale, machine-assisted not reviewed, missing, no source recorded
    # The fixture's 8 English files (5 items, 3 news posts and listings): 7 up to date, 1 stale.
    assert rows["en"][:2] == ["7", "1"] and rows["en"][2] == "1"
    assert rows["de"][:4] == ["0", "0", "0", str(len([name for name in site_files() if name.endswith(".fr.md")]))]
    assert report.stdout.rstrip().endswith(f"1 stale translation (the French page changed since):\n  {ENGLISH_PAGE}")


def test_a_reviewed_translation_loses_its_ai_notice_until_the_french_text_changes(content, tmp_path):
    reviewed = command(content, "reviewed", ENGLISH_PAGE)
    assert reviewed.returncode == 0, reviewed.stderr
    record = yaml.safe_load((content / ENGLISH_PAGE).read_text("utf-8").split("---")[1])["translation"]
    assert record["reviewed"] is True and record["reviewed_on"] == datetime.date.today()
    assert record["machine_assisted"] is True and len(record["source"]) == 12
    build = run_build(content, tmp_path / "reviewed")
    assert build.ok, build.output
    assert notices(build.site, "en/lieux/vieux-port/") == {}

    french = content / FRENCH_PAGE
    french.write_text(french.read_text("utf-8").replace("summary: Le cœur de Marseille.", "summary: Le cœur historique de Marseille."), "utf-8")
    build = run_build(content, tmp_path / "changed")
    assert build.ok, build.output
    assert set(notices(build.site, "en/lieux/vieux-port/")) == {"stale", "machine"}


def test_a_change_to_a_non_text_field_does_not_make_a_translation_stale(content, tmp_path):
    command(content, "translated", "--unrecorded")
    french = content / FRENCH_PAGE
    french.write_text(french.read_text("utf-8").replace("lat: 43.2951", "lat: 43.2952"), "utf-8")
    build = run_build(content, tmp_path / "site")
    assert build.ok, build.output
    assert "stale" not in notices(build.site, "en/lieux/vieux-port/")


def test_a_wrong_translation_record_stops_the_build_naming_the_field(content):
    path = content / ENGLISH_PAGE
    path.write_text(path.read_text("utf-8").replace("reviewed: false", "reviewd: true"), "utf-8")
    build = run_build(content)
    assert not build.ok
    assert f"{ENGLISH_PAGE}: translation.reviewd: unknown field (value True); did you mean `reviewed`?" in build.output


def test_make_new_writes_a_french_file_that_builds_once_its_placeholders_are_replaced(content, tmp_path):
    created = command(content, "new", "place=fort-saint-jean")
    assert created.returncode == 0, created.stderr
    path = content / "docs/lieux/fort-saint-jean.fr.md"
    written = path.read_text("utf-8")
    assert "# the commune of the metropolis where the place is, as written in French\ncommune: À REMPLIR" in written
    build = run_build(content, tmp_path / "unfilled")
    assert not build.ok
    assert ("docs/lieux/fort-saint-jean.fr.md: coordinates.lat: still holds the placeholder 'À REMPLIR'; "
            "replace the placeholder with latitude, e.g. 43.2951") in build.output
    assert "docs/lieux/fort-saint-jean.fr.md: body: still holds the placeholder 'À REMPLIR'" in build.output
    filled = {
        "title: À REMPLIR": "title: Le fort Saint-Jean", "summary: À REMPLIR": "summary: Un fort à l'entrée du port.",
        "commune: À REMPLIR": "commune: Marseille", "lat: À REMPLIR": "lat: 43.2956", "lon: À REMPLIR": "lon: 5.3611",
        "route: À REMPLIR": "route: 4", "src: À REMPLIR": "src: ../assets/illustrations/vieux-port.svg",
        "alt: À REMPLIR": "alt: Les remparts du fort", "À REMPLIR: the text of the page (Markdown).": "Le fort garde le port.",
    }
    for placeholder, value in filled.items():
        written = written.replace(placeholder, value)
    path.write_text(written, "utf-8")
    build = run_build(content, tmp_path / "filled")
    assert build.ok, build.output
    assert "Le fort Saint-Jean" in text(page(build.site, "lieux/fort-saint-jean/"))
    assert "Le fort Saint-Jean" in text(page(build.site, "en/lieux/"))
    assert command(content, "new", "place=fort-saint-jean").returncode == 1


def test_the_content_checks_alone_say_what_the_build_says(content):
    write_files(content, {
        "docs/partenaires/erreur.fr.md": "---\ntitle: Erreur\nsummary: <i>x</i>\ntier: inconnu\nmember_since: 2024\nlogo: {src: ../assets/logos/metropole-amp.svg, alt: Logo}\n---\n",
        "docs/page.pt.md": "# Página\n",
    })
    checked = command(content, "check")
    assert checked.returncode == 1
    build = run_build(content)
    assert not build.ok
    # The build stops at its first failing step: its message is one of the check's, word for word.
    first = [line for line in build.output.splitlines() if line.startswith("  - ")]
    assert first and all(line in checked.stderr.splitlines() for line in first)
    assert "docs/partenaires/erreur.fr.md: summary: contains HTML ('<i>')" in checked.stderr
    assert "docs/page.pt.md: file name: language 'pt' is not configured" in checked.stderr


def test_a_preview_of_one_language_builds_french_and_that_language_only(content, tmp_path, languages):
    environment = {**os.environ, "PREVIEW_LANGUAGE": "en", "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")], cwd=content, env=environment,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site"
    folders = {language["locale"] for language in languages if not language.get("default") and (site / language["locale"]).is_dir()}
    assert folders == {"en"}
    english = page(site, "en/lieux/vieux-port/")
    assert "The Old Port" in text(english)
    # Its language menu offers the languages built, and no page that does not exist.
    assert [link["hreflang"] for link in english.select("a.md-select__link[hreflang]")] == ["fr", "en"]


def test_the_real_site_previews_in_one_language_with_every_data_file(tmp_path, languages):
    """The real project, data files included: what is written for every language (UI strings, the question
    box's words, figures) is checked against the declared languages, not against the two a preview builds."""
    project = copy_project(tmp_path / "project", with_docs=True)
    build = run_build(project, env={"PREVIEW_LANGUAGE": "ar"})
    assert build.ok, build.output[-3000:]
    built = {language["locale"] for language in languages if not language.get("default") and (build.site / language["locale"]).is_dir()}
    assert built == {"ar"}
    assert page(build.site, "ar/lieux/vieux-port/").html["dir"] == "rtl"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _served(url: str) -> str:
    with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")
    return ""


def _wait_until(url: str, wanted: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if wanted in _served(url):
            return
        time.sleep(0.1)
    raise AssertionError(f"{url} never showed {wanted!r}")


@pytest.mark.xdist_group("serve")
def test_make_serve_follows_every_folder_an_edit_can_change(content):
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    server = subprocess.Popen([sys.executable, "hooks/provence/commands.py", "serve", "--lang", "en", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=content, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until(base + "en/lieux/vieux-port/", "The Old Port")
        # folder: (file, text replaced, its replacement, page that shows it, what the page then shows)
        edits = {
            "docs": ("docs/lieux/vieux-port.en.md", "The Old Port.", "The Old Port, edited.", "en/lieux/vieux-port/", "The Old Port, edited."),
            "data": ("data/ui/site.yml", 'en: "Page not found"', 'en: "Nothing here"', "en/404.html", "Nothing here"),
            "overrides": ("overrides/partials/footer.html", "</footer>", "<p>edited-footer</p></footer>", "en/lieux/vieux-port/", "edited-footer"),
            "templates": ("templates/robots.txt", "User-agent: *", "# edited-robots\nUser-agent: *", "robots.txt", "edited-robots"),
            "server": ("server/_redirects", "\n", "\n# edited-redirects\n", "_redirects", "edited-redirects"),
            # A hook's code: the preview restarts, as MkDocs keeps hook modules loaded.
            "hooks": ("hooks/provence/cdn.py", '("X-Content-Type-Options", "nosniff"),', '("X-Content-Type-Options", "nosniff"), ("X-Edited", "hooks"),',
                      "_headers", "X-Edited: hooks"),
        }
        for folder, (relative, old, new, url, shown) in edits.items():
            path = content / relative
            before = path.read_text("utf-8")
            assert old in before, folder
            path.write_text(before.replace(old, new, 1), "utf-8")
            _wait_until(base + url, shown)
    finally:
        server.terminate()
        server.wait(timeout=30)
