"""Shared fixtures: the real site built once per run, fixture sites built in
tmp_path from the project's own configuration, hooks and templates."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

# The variable that moves the social cards' cache (hooks/social_cards.py).
CARD_CACHE = "ONE_PROVENCE_CARD_CACHE"
# The one that moves the compiled templates' cache (provence/compiled.py), shared the same way.
TEMPLATE_CACHE = "ONE_PROVENCE_TEMPLATE_CACHE"
# Everything a site needs except its content.
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides", "templates", "server", "data")


@dataclass
class Build:
    """The outcome of one `mkdocs build`."""

    returncode: int
    output: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_build(project: Path, site: Path | None = None, env: dict[str, str] | None = None) -> Build:
    """Build a project with the same command as `make build`, in a subprocess (``env``: more variables)."""
    site = site or project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", **(env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    return Build(done.returncode, done.stdout + done.stderr, site)


def copy_project(target: Path, with_docs: bool = False) -> Path:
    """Copy the project's configuration, hooks, templates and data (and docs)."""
    target.mkdir(parents=True, exist_ok=True)
    parts = PROJECT_PARTS + (("docs",) if with_docs else ())
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    (target / "docs").mkdir(exist_ok=True)
    # The web editor's bundle comes from npm (hooks/admin.py): linked, not copied.
    if (ROOT / "node_modules").is_dir() and not (target / "node_modules").exists():
        (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    if not with_docs:
        drop_nav(target / "mkdocs.yml")
        drop_content_data(target / "data")
    return target


def drop_content_data(data: Path) -> None:
    """Fixture sites get the UI strings but not the real site's facts, whose
    references (budget funders, figures...) point at pages they do not have."""
    for path in data.iterdir():
        if path.name != "ui":
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def drop_nav(config_file: Path) -> None:
    """Fixture sites have their own few pages: the real site's tab list would point nowhere."""
    text = config_file.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^nav:\n(?:[ #].*\n|\n)*?(?=^\S)", "", text)
    config_file.write_text(text, encoding="utf-8")


def write_files(project: Path, files: dict[str, str]) -> None:
    """Write text files into a project, creating folders."""
    for relative, text in files.items():
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def shared_card_cache(tmp_path_factory):
    """One social-card cache and one compiled-template cache for every build of the run, all workers included.

    A card is named by a hash of its text and of its whole design (the
    drawing code, colours, art, fonts, libraries' versions), and written
    atomically, so a card in it is the card any build would render. The
    tests of the cache itself and the reproducibility gate pass a cache of
    their own. A compiled template is used only for the source it was
    compiled from (provence/compiled.py)."""
    if os.environ.get(CARD_CACHE):
        yield
        return
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    os.environ[CARD_CACHE] = str(shared / "cards")
    os.environ.setdefault(TEMPLATE_CACHE, str(shared / "templates"))
    try:
        yield
    finally:
        del os.environ[CARD_CACHE]


@pytest.fixture(scope="session")
def project_config():
    """mkdocs.yml as MkDocs reads it (the one declaration of languages lives there)."""
    from mkdocs.utils import yaml_load

    return yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def languages(project_config):
    """Built languages in declaration order: list of dicts with locale, name, default."""
    plugins = project_config["plugins"]
    i18n = next(plugin["i18n"] for plugin in plugins if isinstance(plugin, dict) and "i18n" in plugin)
    return [language for language in i18n["languages"] if language.get("build", True)]


@pytest.fixture(scope="session")
def ui_strings():
    """data/ui/*.yml merged, to compare the built pages against the source of the words."""
    strings = {}
    for path in sorted((ROOT / "data" / "ui").glob("*.yml")):
        strings.update(yaml.safe_load(path.read_text(encoding="utf-8")))
    return strings


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once per test run (per xdist worker)."""
    project = copy_project(tmp_path_factory.mktemp("real") / "project", with_docs=True)
    build = run_build(project)
    assert build.ok, build.output
    return build.site


@pytest.fixture(scope="session")
def parsed_pages(site) -> dict:
    """Every HTML page of the real site, parsed once: site path -> document."""
    from bs4 import BeautifulSoup
    from audit import site_pages

    parsed = {}
    for path in site_pages(site):
        file = site / (path + "index.html" if path.endswith("/") or path == "" else path)
        parsed[path] = BeautifulSoup(file.read_text("utf-8"), "html.parser")
    return parsed


@dataclass
class DiscoveryBuild(Build):
    """A fixture site's build for the sharing, alternates and structured data tests, with its project and card cache."""

    project: Path = None
    cache: Path = None


# A title an editor may write, with what JSON-LD in a <script> must escape (a tag in it stops the build).
UNSAFE_TITLE = "Fête du port <> Berre & Fos"


@pytest.fixture(scope="session")
def discovery_build(tmp_path_factory) -> DiscoveryBuild:
    """The small content set (some pages translated, others French only), its cards in a cache of its own."""
    from collections_content import page as markdown_page, site_files

    root = tmp_path_factory.mktemp("discovery")
    project, cache = copy_project(root / "project"), root / "cards"
    post = markdown_page(f"""
        title: "{UNSAFE_TITLE}"
        summary: Le port en fête.
        date: 2023-10-17
        image: {{src: ../assets/illustrations/vieux-port.svg, alt: Des bateaux pavoisés}}
        places: [vieux-port, calanques]
        """, "La fête.")
    write_files(project, site_files(**{"docs/actualites/fete-du-port.fr.md": post}))
    build = run_build(project, env={CARD_CACHE: str(cache)})
    assert build.ok, build.output
    return DiscoveryBuild(build.returncode, build.output, build.site, project, cache)


@pytest.fixture
def fixture_project(tmp_path):
    """A project with the real configuration and an empty docs folder."""
    return copy_project(tmp_path / "project")


def language_folder(language: dict) -> str:
    """'' for the default language, 'en/' for English."""
    return "" if language.get("default") else f"{language['locale']}/"


# One summary line per quality gate at the end of the run (tests/quality_report.py).
from quality_report import pytest_sessionfinish, pytest_terminal_summary, pytest_testnodedown  # noqa: E402,F401


@pytest.fixture(scope="session")
def served_site(site, tmp_path_factory):
    """The real site served by Debian's nginx with the project's own rules."""
    from nginx import nginx_server

    with nginx_server(site, tmp_path_factory.mktemp("nginx")) as base_url:
        yield base_url
