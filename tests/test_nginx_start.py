"""The test server starts even when the free port it picked is taken before
nginx binds it, as happens when pytest-xdist workers start servers at once."""

from __future__ import annotations

import socket

import nginx
from cdn import get


def test_nginx_starts_on_another_port_when_its_port_was_taken(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>Ici</title>\n", "utf-8")
    (site / "nginx.conf").write_text("", "utf-8")
    with socket.socket() as other_server:
        other_server.bind(("127.0.0.1", 0))
        other_server.listen()
        taken = other_server.getsockname()[1]
        ports = [taken]
        free_port = nginx._free_port
        monkeypatch.setattr(nginx, "_free_port", lambda: ports.pop(0) if ports else free_port())
        with nginx.nginx_server(site, tmp_path / "nginx") as base:
            assert not base.endswith(f":{taken}/")
            status, _, body = get(base, "/")
    assert (status, body) == (200, b"<!doctype html><title>Ici</title>\n")
    assert "Address already in use" not in (tmp_path / "nginx" / "error.log").read_text("utf-8")
