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


# A port found free can be taken by another test's server before nginx binds
# it (pytest-xdist runs several at once): nginx then exits, and starts again on
# another port.
ATTEMPTS = 5
PORT_TAKEN = "Address already in use"


class PortTaken(RuntimeError):
    """nginx could not bind the port it was given: another server took it first."""


@contextlib.contextmanager
def nginx_server(site: Path, state: Path):
    """Serve ``site`` with its nginx.conf; yields the base URL ('http://127.0.0.1:port/')."""
    state.mkdir(parents=True, exist_ok=True)
    for attempt in range(1, ATTEMPTS + 1):
        port = _free_port()
        process = _start(site, state, port)
        try:
            _wait_for(port, process, state)
            break
        except PortTaken:
            _stop(process)
            if attempt == ATTEMPTS:
                raise
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        _stop(process)


def _start(site: Path, state: Path, port: int) -> subprocess.Popen:
    """nginx in the foreground on ``port``, its log and pid file in ``state`` (both new)."""
    # Workers read the site as root when the tests run as root (files in a private tmp folder).
    user = "user root;" if os.geteuid() == 0 else ""
    config = state / "nginx-main.conf"
    config.write_text(MAIN_CONFIG.format(user=user, state=state, port=port, site=site.resolve()), "utf-8")
    for leftover in (state / "error.log", state / "nginx.pid"):
        leftover.unlink(missing_ok=True)
    command = [nginx_path(), "-p", str(state), "-e", str(state / "error.log"), "-c", str(config)]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _stop(process: subprocess.Popen) -> None:
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
    """Until this nginx listens: its pid file is written once it has bound the port
    (a connection alone could reach another server that took the port)."""
    pid_file, log = state / "nginx.pid", state / "error.log"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            errors = log.read_text("utf-8", "replace") if log.exists() else ""
            if PORT_TAKEN in errors:
                raise PortTaken(f"port {port}: {errors.strip()}")
            raise RuntimeError(f"nginx stopped at start:\n{errors}")
        if _pid(pid_file) == process.pid:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        time.sleep(0.05)
    raise RuntimeError("nginx did not start listening within 15 s")


def _pid(pid_file: Path) -> int | None:
    with contextlib.suppress(OSError, ValueError):
        return int(pid_file.read_text("ascii").strip())
    return None
