"""Unit tests of the pure helpers behind the CDN rules, the Content-Security-
Policy, the markup fixes and the quality summary."""

from __future__ import annotations

from collections import Counter

from provence import cdn
from provence.models import Redirect
from provence.upstream import valid_page_shell
from quality_report import summary_lines


def test_only_executable_inline_scripts_are_hashed():
    html = ('<script>a()</script><script src="x.js"></script><script id="__config" type="application/json">{}</script>'
            '<script type="module">b()</script><SCRIPT type="text/javascript">c()</SCRIPT>')
    assert cdn.inline_scripts(html) == ["a()", "b()", "c()"]


def test_script_hash_is_the_csp_sha256_of_the_exact_text():
    # echo -n 'alert(1)' | openssl sha256 -binary | base64
    assert cdn.script_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"


def test_policy_allows_inline_scripts_by_hash_only_and_no_framing():
    policy = dict(part.split(" ", 1) for part in cdn.content_security_policy(["'sha256-x'"]).split("; "))
    assert policy["script-src"] == "'self' 'sha256-x'"
    assert policy["frame-ancestors"] == "'none'" and policy["frame-src"] == "'none'"
    assert all("unsafe" not in sources for sources in policy.values())


def test_an_old_folder_redirects_with_and_without_its_slash():
    assert Redirect.model_validate({"from": "/a/b/", "to": "/c/"}).sources == ["/a/b", "/a/b/"]
    assert Redirect.model_validate({"from": "/plan.html", "to": "/c/"}).sources == ["/plan.html"]


def test_malformed_redirects_file_is_described():
    redirects, problems = cdn.parse_redirects(["/a/"], "data/redirects.yml")
    assert redirects == [] and "expected `redirects:`" in str(problems[0])


def test_navigation_labels_lose_an_empty_tabindex_only():
    empty = '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">'
    kept = '<label class="md-nav__link md-nav__container" for="__nav_3" id="__nav_3_label" tabindex="0">'
    assert valid_page_shell(empty + kept) == '<label class="md-nav__link" for="__nav_2" id="__nav_2_label">' + kept


def test_toggle_checkboxes_lose_autocomplete_once():
    html = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
    assert "autocomplete" not in valid_page_shell(html)
    assert valid_page_shell(valid_page_shell(html)) == valid_page_shell(html)


def test_summary_has_one_line_per_gate_and_says_what_did_not_run():
    lines = summary_lines({"html": Counter(pages=3, errors=0, seconds=2.4), "pa11y": Counter(pages=2, errors=0, seconds=3, cpu=5.6)})
    assert "html: 3 pages, 0 errors (2 s)" in lines
    assert "pa11y: 2 pages (HTML_CodeSniffer, WCAG2AA), 0 excepted, 0 errors (3 s, 6 s CPU)" in lines
    assert "accessibility: not run" in lines
    # The gates, counted by hand: the six of the accessibility checks added to main's nine.
    assert len(lines) == 15
    assert "language offer: not run" in lines
