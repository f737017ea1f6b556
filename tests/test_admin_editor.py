"""The web editor at /admin/ (Decap CMS), used as an editor uses it: the built
site served by nginx with its own rules (so the editor's Content-Security-
Policy is enforced), the local git backend (decap-server) writing into a
project, and Chromium filling in the forms."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from browser import browser
from collections_content import LANGUAGES, SVG, site_files
from conftest import ROOT, copy_project, run_build, write_files
from nginx import nginx_server
from pages import page as built_page, text

pytestmark = pytest.mark.xdist_group("admin")

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => window.__csp.push(`${event.violatedDirective} ${event.blockedURI}`));
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def local_git_backend(project: Path, port: int):
    """decap-server on 127.0.0.1:port, reading and writing the project's files, as `make admin` runs it."""
    environment = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(project), "MODE": "fs"}
    server = subprocess.Popen(["node", str(DECAP_SERVER)], env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            assert server.poll() is None, server.stdout.read()
            time.sleep(0.05)
        yield
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """(project, base URL of /admin/, browser context) with the small content set."""
    root = tmp_path_factory.mktemp("admin")
    project = copy_project(root / "project")
    write_files(project, site_files())
    port = _free_port()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("extra:\n", f"extra:\n  admin:\n    local_port: {port}\n", 1), "utf-8")
    build = run_build(project, root / "site")
    assert build.ok, build.output
    with local_git_backend(project, port), nginx_server(build.site, root / "nginx") as base, browser() as context:
        context.add_init_script(WATCH_CSP)
        yield project, base + "admin/", context


def signed_in(context, admin_url: str):
    """A new tab on the editor, signed in as an editor signs in. The module's tests share one browser
    profile, and the editor keeps its session (and unsaved drafts) in it: each test starts signed out."""
    page = context.new_page()
    page.goto(admin_url)
    page.evaluate("window.localStorage.clear()")
    page.reload()
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("link", name="partners (docs/partenaires/)").first.wait_for()
    return page


def open_new_partner(context, admin_url: str):
    page = signed_in(context, admin_url)
    page.goto(admin_url + "#/collections/partners/new")
    page.locator("label", has_text=re.compile(r"^title")).first.wait_for()
    return page


def field(page, label: str):
    """The French pane's control of a field, found by its label (the field's name as the build says it)."""
    target = page.locator("label", has_text=re.compile(f"^{re.escape(label)}( \\(optionnel\\))?$")).first.get_attribute("for")
    return page.locator(f"[id='{target}']")


def replace(control, value: str):
    """Replace what a field holds, as a person does: select it all, then type."""
    control.click()
    control.press("Control+A")
    control.press("Delete")
    control.type(value)


def choose(page, label: str, option: str):
    field(page, label).click()
    page.get_by_text(option, exact=False).first.click()


def upload_logo(page, logo: Path):
    """Upload an image through the editor's media library and choose it."""
    logo.write_text(SVG, "utf-8")
    page.get_by_role("button", name="Choisir une image").first.click()
    page.locator("input[type=file]").set_input_files(str(logo))
    page.get_by_text(logo.name).wait_for()
    page.get_by_role("button", name="Choisir les éléments sélectionnés").click()


def publish(page):
    page.get_by_role("button", name="Publier").first.click()
    page.get_by_text("Publier maintenant").click()


def test_an_editor_adds_a_partner_that_the_build_publishes_in_every_language(editor, tmp_path):
    project, admin_url, context = editor
    page = open_new_partner(context, admin_url)
    field(page, "title").fill("Armateur Exemple")
    field(page, "summary").fill("Un armateur du port de Marseille.")
    choose(page, "tier", "Partenaires stratégiques (strategiques)")
    choose(page, "sectors", "Santé (sante)")
    field(page, "website").fill("https://example.com/")
    field(page, "member_since").fill("2024")
    upload_logo(page, tmp_path / "armateur.svg")
    field(page, "logo.alt").fill("Logo de l'armateur")
    publish(page)
    saved = project / "docs/partenaires/armateur-exemple.fr.md"
    page.get_by_text("Entrée enregistrée").first.wait_for(timeout=30_000)
    assert page.evaluate("window.__csp") == []

    assert (project / "docs/assets/logos/armateur.svg").read_text("utf-8").strip() == SVG.strip()
    assert "logo:\n  src: ../assets/logos/armateur.svg\n  alt: Logo de l'armateur" in saved.read_text("utf-8")
    checked = subprocess.run([sys.executable, "hooks/provence/commands.py", "check"], cwd=project, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    build = run_build(project, tmp_path / "site")
    assert build.ok, build.output
    for code in LANGUAGES:
        folder = "" if code == "fr" else f"{code}/"
        listing = text(built_page(build.site, f"{folder}partenaires/"))
        assert "Armateur Exemple" in listing, code
        assert (build.site / f"{folder}partenaires/armateur-exemple/index.html").is_file()


def test_an_invalid_partner_is_refused_with_the_builds_message(editor, tmp_path):
    project, admin_url, context = editor
    page = open_new_partner(context, admin_url)
    field(page, "title").fill("Partenaire incomplet")
    field(page, "summary").fill("Un partenaire <b>important</b>.")
    choose(page, "tier", "Partenaires stratégiques (strategiques)")
    field(page, "website").fill("ampmetropole.fr")
    field(page, "member_since").fill("2024")
    upload_logo(page, tmp_path / "incomplet.svg")
    # The form's own rules first (patterns from the models), then, once they pass, the French text required.
    publish(page)
    page.get_by_text("website:").first.wait_for()
    shown = page.locator("body").text_content()
    replace(field(page, "summary"), "Un partenaire important.")
    replace(field(page, "website"), "https://www.ampmetropole.fr/")
    publish(page)
    page.get_by_text("logo.alt:").first.wait_for()
    shown += page.locator("body").text_content()
    assert not (project / "docs/partenaires/partenaire-incomplet.fr.md").exists()

    # The same entry written by hand: the build's own messages for the same mistakes.
    written = project / "docs/partenaires/partenaire-incomplet.fr.md"
    write_files(project, {"docs/partenaires/partenaire-incomplet.fr.md": (
        "---\ntitle: Partenaire incomplet\nsummary: Un partenaire <b>important</b>.\ntier: strategiques\n"
        "website: ampmetropole.fr\nmember_since: 2024\nlogo:\n  src: ../assets/logos/metropole-amp.svg\n---\n")})
    try:
        build = run_build(project, tmp_path / "site")
    finally:
        written.unlink()
    assert not build.ok
    said = [line.split("partenaire-incomplet.fr.md: ", 1)[1] for line in build.output.splitlines() if "partenaire-incomplet.fr.md: " in line]
    # The editor shows the value in the field itself; the build quotes it.
    expected = sorted(re.sub(r" \('[^']*'\)|'[^']*' ", "", message) for message in said)
    assert expected == [
        "logo.alt: required field is missing; add it",
        "summary: contains HTML; write plain text: text fields are shown exactly as typed, never as HTML",
        "website: is not a web address; expected an address starting with https:// or http://",
    ]
    for message in expected:
        assert message in shown, (message, shown)


def test_the_editors_fields_follow_the_models(fixture_project):
    """A model changed in a copy of the project: the editor's configuration changes with it."""
    models = fixture_project / "hooks/provence/models.py"
    source = models.read_text("utf-8")
    changed = source.replace('kind: Literal["person", "organisation"]', 'kind: Literal["person", "organisation", "collective"]')
    changed = changed.replace('    link: Url | None = Field(None, description="the event\'s page, https://...")\n',
                              '    link: Url | None = Field(None, description="the event\'s page, https://...")\n'
                              '    capacity: int = Field(ge=1, description="how many people it welcomes")\n')
    assert changed.count("collective") == 1 and "capacity" in changed
    models.write_text(changed, "utf-8")
    write_files(fixture_project, site_files(**{"docs/agenda/voile-2024.fr.md": site_files()["docs/agenda/voile-2024.fr.md"].replace("end:", "capacity: 500\nend:"),
                                               "docs/agenda/salon-2030.fr.md": site_files()["docs/agenda/salon-2030.fr.md"].replace("end:", "capacity: 80\nend:")}))
    build = run_build(fixture_project)
    assert build.ok, build.output
    config = yaml.safe_load((build.site / "admin/config.yml").read_text("utf-8"))
    collections = {collection["name"]: collection for collection in config["collections"]}
    kind = next(field for field in collections["changemakers"]["fields"] if field["name"] == "kind")
    assert kind["options"] == ["person", "organisation", "collective"]
    capacity = next(field for field in collections["events"]["fields"] if field["name"] == "capacity")
    assert capacity | {"hint": None} == {"name": "capacity", "label": "capacity", "required": True, "hint": None,
                                         "widget": "number", "value_type": "int", "min": 1, "i18n": False}
    tier = next(field for field in collections["partners"]["fields"] if field["name"] == "tier")
    assert [option["value"] for option in tier["options"]] == ["fondateurs", "strategiques"]


def test_editing_a_translation_in_the_editor_keeps_its_record(editor):
    """What the editor does not show (the translation's record, the layout keys) is written back as it was."""
    project, admin_url, context = editor
    english = project / "docs/partenaires/metropole-amp.en.md"
    english.write_text(english.read_text("utf-8").replace(
        "---\n\n", "translation:\n  machine_assisted: true\n  reviewed: false\n  source: 0123456789ab\n---\n\n", 1), "utf-8")
    page = signed_in(context, admin_url)
    page.goto(admin_url + "#/collections/partners/entries/metropole-amp")
    summaries = page.locator("label", has_text=re.compile(r"^summary"))
    summaries.nth(1).wait_for()
    replace(page.locator(f"[id='{summaries.nth(1).get_attribute('for')}']"), "The local authority that funds the agency, edited.")
    publish(page)
    page.get_by_text("Entrée enregistrée").first.wait_for(timeout=30_000)
    saved = english.read_text("utf-8")
    assert "The local authority that funds the agency, edited." in saved
    assert "translation:\n  machine_assisted: true\n  reviewed: false\n  source: 0123456789ab" in saved
