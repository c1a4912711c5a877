"""Reading raw bytes from disk with the checks every reader needs first."""

from __future__ import annotations

from pathlib import Path

from storyscope.errors import Errors, InputFailure

#: Largest single document we read into memory (HTML page, text file, JSON file).
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

_BINARY_MAGIC = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip data",
    b"\x7fELF": "executable",
}


def read_bytes(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """Read a whole document, refusing missing, empty and oversized files."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise InputFailure(Errors.E001.format()) from exc
    if size == 0:
        raise InputFailure(Errors.E002.format())
    if size > limit:
        raise InputFailure(Errors.E006.format(size=size / 2**20, limit=limit / 2**20))
    return path.read_bytes()


def check_not_binary(data: bytes) -> None:
    """Refuse data that is clearly not text (known magic numbers or NUL bytes)."""
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputFailure(Errors.E003.format(detail=kind))
    if b"\x00" in data[:8192]:
        raise InputFailure(Errors.E003.format(detail="contains NUL bytes"))


def decode_utf8(data: bytes) -> str:
    """Strict UTF-8 (a leading BOM is dropped); the error names the byte offset."""
    check_not_binary(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputFailure(Errors.E004.format(position=exc.start)) from exc
    return text.removeprefix("\ufeff")
