"""The toolkit page offers real files, and the size it announces is theirs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLKIT = ROOT / "docs" / "boite-a-outils"
# A download link followed by its description: [label](files/name.ext) (FORMAT, ..., 12 Ko)
DOWNLOAD = re.compile(r"\]\((files/[^)]+)\) \(([A-Z]+),[^)]*?([\d,]+) Ko\)")


def _french_kilobytes(size: int) -> str:
    """Sizes as the page writes them: one decimal under 10 Ko, else whole Ko."""
    kilobytes = size / 1024
    if kilobytes < 10:
        return f"{kilobytes:.1f}".replace(".", ",")
    return str(int(kilobytes + 0.5))


def _downloads() -> list[tuple[str, str, str]]:
    return DOWNLOAD.findall((TOOLKIT / "index.fr.md").read_text(encoding="utf-8"))


def test_every_toolkit_file_is_offered_on_the_toolkit_page():
    offered = {Path(link).name for link, _, _ in _downloads()}
    on_disk = {path.name for path in (TOOLKIT / "files").iterdir()}
    assert offered == on_disk


def test_each_download_announces_its_real_format_and_size():
    for link, file_format, size in _downloads():
        path = TOOLKIT / link
        assert path.suffix.lstrip(".").upper() == file_format, link
        assert _french_kilobytes(path.stat().st_size) == size, f"{link}: the page says {size} Ko"


def test_pdfs_and_pngs_are_real_files_of_their_format():
    signatures = {".pdf": b"%PDF-", ".png": b"\x89PNG\r\n\x1a\n"}
    for path in (TOOLKIT / "files").iterdir():
        if path.suffix in signatures:
            assert path.read_bytes().startswith(signatures[path.suffix]), path.name
