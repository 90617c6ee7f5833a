"""Checks that turn unusable input into one clear error before parsing."""

from __future__ import annotations

from pathlib import Path

from extract.errors import (
    CorruptPdfError,
    EmptyFileError,
    MissingFileError,
    NotAPdfError,
    NoTextLayerError,
)
from extract.model import Document

_HEADER_WINDOW = 1024
_TRAILER_WINDOW = 4096


def read_input(path: Path) -> bytes:
    """The file's bytes, once they look like a whole PDF."""
    if not path.exists():
        raise MissingFileError(str(path), "file not found", "check the path and try again")
    if not path.is_file():
        raise MissingFileError(str(path), "not a regular file", "give the path of a PDF file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MissingFileError(
            str(path), f"the file cannot be read ({exc.strerror})", "check its permissions"
        ) from exc
    check_bytes(path, data)
    return data


def check_bytes(path: Path, data: bytes) -> None:
    if not data:
        raise EmptyFileError(str(path), "the file is empty (0 bytes)", "download it again")
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise NotAPdfError(
            str(path), "not a PDF (no %PDF- header)", "give the directory's PDF file itself"
        )
    if b"%%EOF" not in data[-_TRAILER_WINDOW:]:
        # Some parsers rebuild a cut file and read its first pages happily;
        # a partial directory must not pass for a whole one.
        raise CorruptPdfError(
            str(path),
            "the PDF is truncated (no %%EOF end marker)",
            "download it again; the copy stops before its end",
        )


def check_text_layer(document: Document) -> None:
    if document.pages and not any(page.lines for page in document.pages):
        raise NoTextLayerError(
            document.path,
            "no text layer (a scanned or image-only PDF)",
            "run OCR first, e.g. `ocrmypdf in.pdf out.pdf`, then extract out.pdf",
        )
