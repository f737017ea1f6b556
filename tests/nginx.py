"""Debian's nginx serving a built site with the project's own rules
(``nginx.conf`` written by hooks/cdn.py), on 127.0.0.1 at a free port."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

# The main configuration a production server would have around the site's rules.
MAIN_CONFIG = """\
{user}
daemon off;
worker_processes 2;
pid {state}/nginx.pid;
error_log {state}/error.log warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    client_body_temp_path {state}/body;
    proxy_temp_path {state}/proxy;
    fastcgi_temp_path {state}/fastcgi;
    uwsgi_temp_path {state}/uwsgi;
    scgi_temp_path {state}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {site};
        include {site}/nginx.conf;
    }}
}}
"""


def nginx_path() -> str:
    """Debian's nginx binary."""
    path = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(path).exists():
        raise RuntimeError("Debian's nginx is not installed: run `make system-deps`")
    return path


@contextlib.contextmanager
def nginx_server(site: Path, state: Path):
    """Serve ``site`` with its nginx.conf; yields the base URL ('http://127.0.0.1:port/')."""
    state.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    # Workers read the site as root when the tests run as root (files in a private tmp folder).
    user = "user root;" if os.geteuid() == 0 else ""
    config = state / "nginx-main.conf"
    config.write_text(MAIN_CONFIG.format(user=user, state=state, port=port, site=site.resolve()), "utf-8")
    command = [nginx_path(), "-p", str(state), "-e", str(state / "error.log"), "-c", str(config)]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(port, process, state)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, state: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = (state / "error.log").read_text("utf-8", "replace") if (state / "error.log").exists() else ""
            raise RuntimeError(f"nginx stopped at start:\n{log}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.05)
    raise RuntimeError("nginx did not start listening within 15 s")
