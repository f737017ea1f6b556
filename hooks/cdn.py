"""CDN rules written with the site: ``_headers`` and ``_redirects`` (the
format Netlify and Cloudflare Pages read) and ``nginx.conf`` (to include in
an nginx ``server {}`` whose ``root`` is the site), from the same data and
the templates of ``server/``.

Security headers with a Content-Security-Policy that allows inline scripts by
their hash only (computed here from the built pages), long immutable caching
for fingerprinted assets, revalidation for everything else, the media types
of the news feeds and GeoJSON files, the 404 page of each language with status 404, and the
redirects of ``data/redirects.yml``.
"""

from __future__ import annotations

from pathlib import Path

from provence import cdn, cms, models, yamlfile
from provence.machine_text import TWIN
from provence.routemap import map_settings
from provence.context import context_of, is_final_pass
from provence.errors import raise_problems
from provence.output import write_if_changed
from provence.pipeline import step
from provence.templates import file_templates

REDIRECTS_FILE = "data/redirects.yml"
# The web editor's folder (hooks/admin.py): its own Content-Security-Policy.
ADMIN_FOLDER = "admin"
# Files that configure the server: never served as pages.
RULE_FILES = ("_headers", "_redirects", "nginx.conf")

# --- Hooks


@step
def on_post_build(config):
    """Once all languages are built, hash the inline scripts and write the rules."""
    if not is_final_pass(config):
        return
    build = context_of(config)
    site = Path(config.site_dir)
    redirects = load_redirects(build.project, site)
    hashes = cdn.site_script_hashes(sorted(path for path in site.rglob("*.html") if not _in_admin(site, path)))
    headers = cdn.security_headers(cdn.content_security_policy(hashes, image_sources=tile_origins(config)))
    values = {
        "headers": headers,
        "admin": admin_rules(config, headers),
        "immutable": cdn.IMMUTABLE,
        "revalidate": cdn.REVALIDATE,
        "fingerprinted": cdn.fingerprinted_assets(site),
        "immutable_folders": cdn.IMMUTABLE_FOLDERS,
        "twin": TWIN,
        "typed": cdn.explicitly_typed(site),
        "explicit_types": sorted(cdn.EXPLICIT_TYPES.values()),
        "redirects": redirects,
        "languages": build.languages,
        "rule_files": RULE_FILES,
    }
    templates = file_templates(build.project)
    for name in RULE_FILES:
        write_if_changed(site / name, templates.get_template(name).render(values))


# --- Helper functions


def admin_rules(config, headers: list) -> dict:
    """The web editor's folder and its headers: the site's, with its own policy (hooks/admin.py)."""
    settings = models.Admin.model_validate(config.extra.get("admin") or {})
    policy = cdn.admin_content_security_policy(cms.connect_sources(settings))
    admin = cdn.admin_headers(headers, policy)
    return {"path": f"/{ADMIN_FOLDER}/", "headers": admin, "changed": [pair for pair in admin if pair not in headers]}


def tile_origins(config) -> list[str]:
    """The origin of the route map's detailed tiles (``extra.map``), loaded only on the reader's request."""
    return [map_settings(config.extra.get("map")).detailed.origin.rstrip("/")]


def _in_admin(site: Path, path: Path) -> bool:
    return path.relative_to(site).parts[0] == ADMIN_FOLDER


def load_redirects(project: Path, site: Path) -> list:
    """The redirects of data/redirects.yml, checked against the built site."""
    raw, problems = yamlfile.read(project / REDIRECTS_FILE, REDIRECTS_FILE)
    redirects, found = cdn.parse_redirects(raw, REDIRECTS_FILE)
    problems += found + cdn.check_redirects(redirects, site, REDIRECTS_FILE)
    raise_problems(problems, REDIRECTS_FILE)
    return redirects
