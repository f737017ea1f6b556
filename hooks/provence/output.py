"""Writing generated files deterministically."""

from __future__ import annotations

import json
from pathlib import Path


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write a file only when its content differs, so `mkdocs serve` does not loop."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = Path(path)
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def cached_mapping(path: Path) -> dict:
    """A cache file's JSON object (.cache/...): nothing when the file is missing, unreadable or not an object."""
    try:
        cached = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return cached if isinstance(cached, dict) else {}
