"""CDN behaviour with the site served by Debian's nginx using the rules the
build writes (nginx.conf), checked against the rules written for Netlify and
Cloudflare Pages (_headers, _redirects): security headers, caching, 404 page
per language, French at /, trailing slashes, redirects of old addresses, the
media types of the news feeds and the GeoJSON files."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from bs4 import BeautifulSoup

from audit import site_pages
from cdn import expected_headers, get, header_rules, redirect_rules
from conftest import language_folder, run_build, write_files
from nginx import nginx_server
from quality_report import record



HOME = "---\ntitle: Accueil\ntemplate: home.html\nhero:\n  kicker: K\n  title: T\n  lead: L\n---\n\nBienvenue.\n"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "public, max-age=0, must-revalidate"
REQUIRED = {"Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options",
            "Referrer-Policy", "Permissions-Policy"}


def _check(failures: list, checks: int) -> None:
    record("cdn", checks=checks, failures=len(failures))
    assert failures == []


def _lang(body: bytes) -> str:
    return BeautifulSoup(body, "html.parser").find("html")["lang"]


def test_root_serves_french_and_each_language_its_folder(served_site, languages):
    failures = []
    for language in languages:
        status, _, body = get(served_site, "/" + language_folder(language))
        if status != 200 or _lang(body) != language["locale"]:
            failures.append((language["locale"], status))
    _check(failures, len(languages))


def test_unknown_address_gets_its_languages_404_page_with_status_404(served_site, languages, ui_strings):
    failures = []
    for language in languages:
        code = language["locale"]
        status, _, body = get(served_site, "/" + language_folder(language) + "pas/ici/")
        title = BeautifulSoup(body, "html.parser").find("h1")
        if status != 404 or _lang(body) != code or title.get_text(strip=True) != ui_strings["not_found_title"][code]:
            failures.append((code, status))
    _check(failures, len(languages))


def test_a_folder_without_its_slash_is_redirected_to_it(served_site, site):
    folders = [path for path in site_pages(site) if path.endswith("/")]
    failures = []
    for folder in folders:
        status, headers, _ = get(served_site, "/" + folder.rstrip("/") + "?q=1")
        if status != 301 or headers["Location"] != "/" + folder + "?q=1":
            failures.append((folder, status, headers["Location"]))
    _check(failures, len(folders))


def test_nginx_sends_the_headers_of_the_headers_file(served_site, site):
    """Same rules on both servers, on pages, assets, errors and redirects."""
    rules = header_rules(site)
    fingerprinted = [pattern for pattern in rules if "*" not in pattern]
    paths = ["/", "/en/lieux/", "/ar/", "/de/pas-ici", "/lieux", "/assets/stylesheets/brand.css",
             "/assets/javascripts/partners.js", "/sitemap.xml", "/zh/search/search_index.json",
             "/admin/", "/admin/config.yml", "/admin/decap-cms.js",
             "/actualites/feed.atom", "/ar/actualites/feed.atom", *fingerprinted]
    failures = []
    for path in paths:
        _, headers, _ = get(served_site, path)
        expected = {"Cache-Control": REVALIDATE, **expected_headers(rules, path)}
        if not REQUIRED <= set(expected):
            failures.append((path, "missing in _headers", REQUIRED - set(expected)))
        for name, value in expected.items():
            if headers.get(name) != value:
                failures.append((path, name, headers.get(name), value))
    _check(failures, len(paths))


def test_fingerprinted_assets_are_immutable_and_pages_short_lived(served_site, site):
    fingerprinted = sorted(
        "/" + path.relative_to(site).as_posix() for path in site.rglob("*.min.*")
        if re.search(r"\.[0-9a-f]{8,}\.min\.(css|js)$", path.name)
    )
    assert fingerprinted, "Material's fingerprinted assets were not found"
    failures = []
    for path in fingerprinted:
        if get(served_site, path)[1]["Cache-Control"] != IMMUTABLE:
            failures.append(path)
    for path in ["/", "/en/", "/assets/stylesheets/brand.css"]:
        if get(served_site, path)[1]["Cache-Control"] != REVALIDATE:
            failures.append(path)
    _check(failures, len(fingerprinted) + 3)


# Files whose media type the rules send (Debian's nginx and some CDNs know neither), with the files
# there must be: the news feeds, and the open data of every language with the route map's backdrop
# (fetched by the route page on load).
TYPED = {
    "atom": ("application/atom+xml; charset=utf-8", lambda folders: {f"/{folder}actualites/feed.atom" for folder in folders}),
    "geojson": ("application/geo+json; charset=utf-8",
                lambda folders: {f"/{folder}places.geojson" for folder in folders} | {"/assets/map/backdrop.geojson"}),
}


@pytest.mark.parametrize("suffix", list(TYPED))
def test_files_of_a_type_hosts_may_not_know_are_served_with_it_in_utf_8_and_compressed(served_site, site, languages, suffix):
    media_type, expected = TYPED[suffix]
    files = sorted("/" + path.relative_to(site).as_posix() for path in site.rglob(f"*.{suffix}"))
    assert expected([language_folder(language) for language in languages]) <= set(files)
    failures = []
    # Netlify and Cloudflare Pages are told the same type.
    rules = header_rules(site)
    for path in files:
        status, headers, body = get(served_site, path)
        if (status, headers["Content-Type"]) != (200, media_type) or body != (site / path.lstrip("/")).read_bytes():
            failures.append((path, status, headers["Content-Type"]))
        _, headers, _ = get(served_site, path, {"Accept-Encoding": "gzip"})
        if headers.get("Content-Encoding") != "gzip":
            failures.append((path, "not compressed"))
        if rules.get(path, {}).get("Content-Type") != media_type:
            failures.append((path, "_headers"))
    _check(failures, 3 * len(files))


# The types under which a browser runs a <script> (HTML Standard, "prepare the
# script element"): none or empty, a JavaScript MIME type, or "module".
JAVASCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript", "application/x-ecmascript",
                    "application/x-javascript", "text/ecmascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
                    "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
                    "text/x-ecmascript", "text/x-javascript"}


def _executable_inline_scripts(html: str) -> list[str]:
    """The text of each script a browser would run from the page itself."""
    soup = BeautifulSoup(html, "html.parser")
    return [script.string or "" for script in soup.find_all("script")
            if not script.has_attr("src") and script.get("type", "").strip().lower() in JAVASCRIPT_TYPES]


def _csp_source(script: str) -> str:
    """The CSP hash source of a script (CSP Level 3: base64 of the SHA-256 of its UTF-8 text)."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def test_csp_allows_every_inline_script_by_hash_and_nothing_inline_otherwise(site):
    policy = header_rules(site)["/*"]["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    failures = [name for name in ("script-src", "style-src") if "'unsafe-inline'" in directives[name]]
    failures += [name for name in ("frame-ancestors", "object-src") if directives[name] != "'none'"]
    allowed = directives["script-src"].split()
    pages = sorted(site.rglob("*.html"))
    scripts = 0
    for page in pages:
        for script in _executable_inline_scripts(page.read_text("utf-8")):
            scripts += 1
            if _csp_source(script) not in allowed:
                failures.append((page.relative_to(site).as_posix(), script[:60]))
    # Material's pages have inline scripts: a check that found none would prove nothing.
    assert scripts >= len(pages)
    _check(failures, len(pages))


def test_the_web_editor_has_its_own_policy_and_the_pages_keep_theirs(served_site, site):
    site_policy = header_rules(site)["/*"]["Content-Security-Policy"]
    failures = []
    for path in ("/", "/en/partenaires/", "/404.html"):
        if get(served_site, path)[1]["Content-Security-Policy"] != site_policy:
            failures.append((path, "not the site's policy"))
    _, headers, _ = get(served_site, "/admin/")
    editor = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    # What Decap CMS needs (ajv compiles its schema; emotion writes styles), and nothing inline to run.
    expected = {"script-src": "'self' 'unsafe-eval'", "style-src": "'self' 'unsafe-inline'", "frame-ancestors": "'none'", "object-src": "'none'"}
    failures += [(name, editor.get(name)) for name, value in expected.items() if editor.get(name) != value]
    if "http://localhost:8081" not in editor["connect-src"].split():
        failures.append(("connect-src", "the local git backend is not allowed"))
    if headers["Cross-Origin-Opener-Policy"] != "same-origin-allow-popups":
        failures.append(("Cross-Origin-Opener-Policy", headers["Cross-Origin-Opener-Policy"]))
    if "'unsafe-eval'" in site_policy or "'unsafe-inline'" in site_policy:
        failures.append(("site policy", "weakened"))
    status, headers, _ = get(served_site, "/admin/config.yml")
    if status != 200 or not headers["Content-Type"].startswith("text/yaml"):
        failures.append(("config.yml", status, headers["Content-Type"]))
    _check(failures, 6)


def test_server_rule_files_are_not_served(served_site):
    failures = [name for name in ("_headers", "_redirects", "nginx.conf") if get(served_site, name)[0] != 404]
    _check(failures, 3)


def test_old_addresses_are_redirected_on_both_servers(fixture_project, tmp_path):
    write_files(fixture_project, {
        "docs/index.fr.md": HOME,
        "docs/lieux/index.fr.md": "# Lieux\n",
        "data/redirects.yml": "redirects:\n  - from: /ancien-site/lieux/\n    to: /lieux/\n  - from: /plan.html\n    to: /en/\n",
    })
    build = run_build(fixture_project)
    assert build.ok, build.output
    expected = [("/ancien-site/lieux", "/lieux/"), ("/ancien-site/lieux/", "/lieux/"), ("/plan.html", "/en/")]
    failures = [] if redirect_rules(build.site) == [(old, new, "301") for old, new in expected] else ["_redirects"]
    with nginx_server(build.site, tmp_path / "nginx") as base:
        for old, new in expected:
            status, headers, _ = get(base, old)
            if (status, headers["Location"]) != (301, new):
                failures.append((old, status, headers["Location"]))
    _check(failures, len(expected) + 1)
