"""Reading the CDN rule files the build writes, and asking a server for a
path without following its redirects."""

from __future__ import annotations

import http.client
from pathlib import Path
from urllib.parse import urlsplit


def header_rules(site: Path) -> dict[str, dict[str, str | None]]:
    """_headers as {path pattern: {header name: value}}, in file order; None for
    a header the rule drops (``! name``, Cloudflare Pages' syntax)."""
    rules: dict[str, dict[str, str | None]] = {}
    current = None
    for line in (site / "_headers").read_text("utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0].isspace() and line.strip().startswith("!"):
            rules[current][line.strip()[1:].strip()] = None
        elif line[0].isspace():
            name, value = line.strip().split(":", 1)
            rules[current][name.strip()] = value.strip()
        else:
            current = line.strip()
            rules[current] = {}
    return rules


def expected_headers(rules: dict[str, dict[str, str]], path: str) -> dict[str, str]:
    """Headers the CDN sends for a path: every rule whose pattern matches it."""
    headers: dict[str, str] = {}
    for pattern, values in rules.items():
        if pattern == path or (pattern.endswith("*") and path.startswith(pattern[:-1])):
            headers.update(values)
    return {name: value for name, value in headers.items() if value is not None}


def redirect_rules(site: Path) -> list[tuple[str, str, str]]:
    """_redirects as (from, to, status) lines."""
    lines = (site / "_redirects").read_text("utf-8").splitlines()
    return [tuple(line.split()) for line in lines if line.strip() and not line.startswith("#")]


def get(base_url: str, path: str, headers: dict[str, str] | None = None):
    """(status, headers, body) of one request, redirects not followed."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", "/" + path.lstrip("/"), headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()
