"""Unit tests of hooks/atomic_build.py: a build writes into a staging folder
of its own; only a build that ends without error (and, in strict mode,
without warning) replaces the published site, and whatever way a build ends,
its staging folder and its warning counter are gone afterwards."""

from __future__ import annotations

import gc
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config

import atomic_build
import build_context
from conftest import ROOT

PUBLISHED = {"index.html": b"<!doctype html><title>Avant</title>\n", "en/index.html": b"<!doctype html><title>Before</title>\n"}


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def _published_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for name, body in PUBLISHED.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(body)
    return site


def _start_build(site: Path, strict: bool):
    """The first steps of a build (`mkdocs build [--strict]`): its context, then its staging folder."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=strict)
    config = build_context.on_config(config)
    return atomic_build.on_config(config)


def _counters() -> list:
    return [handler for handler in logging.getLogger("mkdocs").handlers if isinstance(handler, atomic_build.WarningCounter)]


def _half_build(config) -> Path:
    staging = Path(config.site_dir)
    (staging / "index.html").write_text("<!doctype html><title>À moitié</title>\n", "utf-8")
    return staging


@pytest.mark.parametrize("strict", [False, True])
def test_a_build_writes_into_a_new_staging_folder_next_to_the_site(tmp_path, strict):
    site = _published_site(tmp_path)
    config = _start_build(site, strict)
    staging = Path(config.site_dir)
    assert staging.parent == tmp_path and staging.name.startswith("site.partial-") and staging.is_dir()
    assert list(staging.iterdir()) == []
    assert len(_counters()) == (1 if strict else 0)
    atomic_build.discard(staging, config.provence_build.warnings)


# A build that fails in the middle of a language pass: `mkdocs build` ends with
# the error, no post-build step having run.
FAILING_BUILD = """
import pathlib, sys
from mkdocs.config import load_config
sys.path.append(sys.argv[1] + "/hooks")
import atomic_build, build_context
config = atomic_build.on_config(build_context.on_config(load_config(sys.argv[1] + "/mkdocs.yml", site_dir=sys.argv[2], strict=True)))
pathlib.Path(config.site_dir, "index.html").write_text("half-built", encoding="utf-8")
print(config.site_dir)
raise RuntimeError("the build failed")
"""


def test_a_failed_build_leaves_the_published_site_byte_identical_and_removes_its_staging_folder(tmp_path):
    site = _published_site(tmp_path)
    done = subprocess.run([sys.executable, "-c", FAILING_BUILD, str(ROOT), str(site)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "RuntimeError: the build failed" in done.stderr
    staging = Path(done.stdout.strip())
    assert staging.parent == tmp_path and staging.name.startswith("site.partial-")
    assert _files(site) == PUBLISHED
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_under_serve_a_failed_builds_staging_folder_goes_when_the_next_build_starts(tmp_path):
    """`mkdocs serve` loads a new configuration per build: the failed build's context is then let go."""
    site = _published_site(tmp_path)
    failed = _start_build(site, strict=True)
    staging = _half_build(failed)
    del failed
    following = _start_build(site, strict=True)
    gc.collect()
    assert not staging.exists()
    assert _files(site) == PUBLISHED
    assert _counters() == [following.provence_build.warnings]
    atomic_build.discard(Path(following.site_dir), following.provence_build.warnings)


def test_a_build_without_warning_is_published_and_leaves_nothing_behind(tmp_path):
    site = _published_site(tmp_path)
    config = _start_build(site, strict=True)
    staging = _half_build(config)
    atomic_build.on_post_build(config)
    assert _files(site) == {"index.html": "<!doctype html><title>À moitié</title>\n".encode()}
    assert not staging.exists() and sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    assert _counters() == []


def test_in_strict_mode_a_build_with_a_warning_is_not_published(tmp_path):
    """MkDocs aborts a strict build with warnings after the last post-build step: publishing first would be too early."""
    site = _published_site(tmp_path)
    config = _start_build(site, strict=True)
    staging = _half_build(config)
    logging.getLogger("mkdocs.structure.pages").warning("Doc file 'index.fr.md' contains a link to 'introuvable.md'")
    assert config.provence_build.warnings.count == 1
    atomic_build.on_post_build(config)
    assert _files(site) == PUBLISHED
    assert not staging.exists() and sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    assert _counters() == []


def test_without_strict_mode_a_warning_does_not_stop_the_publication(tmp_path):
    site = _published_site(tmp_path)
    config = _start_build(site, strict=False)
    _half_build(config)
    logging.getLogger("mkdocs.structure.pages").warning("a warning that does not fail the build")
    atomic_build.on_post_build(config)
    assert _files(site) == {"index.html": "<!doctype html><title>À moitié</title>\n".encode()}


def test_the_warning_counter_counts_warnings_and_errors_only():
    counter = atomic_build.WarningCounter()
    logger = logging.getLogger("mkdocs.test_atomic_build")
    logger.addHandler(counter)
    try:
        logger.info("built in 3 s")
        logger.warning("one")
        logger.error("two")
    finally:
        logger.removeHandler(counter)
    assert counter.count == 2


def test_discard_removes_the_staging_folder_and_the_counter_and_tolerates_a_published_one(tmp_path):
    staging = tmp_path / "site.partial-x"
    (staging / "en").mkdir(parents=True)
    (staging / "en" / "index.html").write_text("x", "utf-8")
    counter = atomic_build.WarningCounter()
    logging.getLogger("mkdocs").addHandler(counter)
    atomic_build.discard(staging, counter)
    assert not staging.exists() and counter not in logging.getLogger("mkdocs").handlers
    # Once published, the staging folder is gone: discarding it again is harmless.
    atomic_build.discard(staging, None)


def test_publish_swaps_the_site_and_removes_the_previous_one(tmp_path):
    site = _published_site(tmp_path)
    staging = tmp_path / "site.partial-x"
    (staging / "new.html").parent.mkdir(parents=True)
    (staging / "new.html").write_text("new", "utf-8")
    # A leftover of an interrupted publication does not stop the next one.
    (tmp_path / "site.previous").mkdir()
    atomic_build.publish(staging, site)
    assert _files(site) == {"new.html": b"new"}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_the_first_publication_creates_the_site(tmp_path):
    staging = tmp_path / "site.partial-x"
    staging.mkdir()
    (staging / "index.html").write_text("premier", "utf-8")
    atomic_build.publish(staging, tmp_path / "site")
    assert _files(tmp_path / "site") == {"index.html": "premier".encode()}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_the_staging_folder_is_readable_by_the_web_server(tmp_path):
    staging = atomic_build.staging_dir(tmp_path / "site")
    assert staging.stat().st_mode & 0o755 == 0o755
