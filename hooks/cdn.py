"""CDN rules written with the site: ``_headers`` and ``_redirects`` (the
format Netlify and Cloudflare Pages read) and ``nginx.conf`` (to include in
an nginx ``server {}`` whose ``root`` is the site), from the same data.

Security headers with a Content-Security-Policy that allows inline scripts by
their hash only (computed here from the built pages), long immutable caching
for fingerprinted assets, revalidation for everything else, the 404 page of
each language with status 404, and the redirects of ``data/redirects.yml``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from provence import cdn
from provence import languages as langs
from provence.datafiles import load_yaml
from provence.errors import raise_problems
from provence.output import write_if_changed

REDIRECTS_FILE = "data/redirects.yml"
# Files that configure the server: never served as pages.
RULE_FILES = ("_headers", "_redirects", "nginx.conf")

# --- Hooks


@event_priority(-300)  # after every other final-pass writer (404 pages, sitemaps)
def on_post_build(config):
    """Once all languages are built, hash the inline scripts and write the rules."""
    if not langs.is_final_pass(config):
        return
    site = Path(config.site_dir)
    redirects = load_redirects(Path(config.config_file_path).parent, site)
    hashes = cdn.site_script_hashes(sorted(site.rglob("*.html")))
    context = {
        "headers": cdn.security_headers(cdn.content_security_policy(hashes)),
        "immutable": cdn.IMMUTABLE,
        "revalidate": cdn.REVALIDATE,
        "fingerprinted": cdn.fingerprinted_assets(site),
        "redirects": redirects,
        "languages": langs.site_languages(config),
        "rule_files": RULE_FILES,
    }
    env = config.theme.get_env()
    for name in RULE_FILES:
        write_if_changed(site / name, env.get_template(f"hooks/{name}").render(context) + "\n")


# --- Helper functions


def load_redirects(project: Path, site: Path) -> list[cdn.Redirect]:
    """The redirects of data/redirects.yml, checked against the built site."""
    path = project / REDIRECTS_FILE
    if not path.exists():
        return []
    redirects, problems = cdn.parse_redirects(load_yaml(path, REDIRECTS_FILE), REDIRECTS_FILE)
    problems += cdn.check_redirects(redirects, site, REDIRECTS_FILE)
    raise_problems(problems, REDIRECTS_FILE)
    return redirects
