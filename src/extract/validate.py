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


def check_input(path: Path) -> None:
    if not path.exists():
        raise MissingFileError(str(path), "file not found", "check the path and try again")
    if not path.is_file():
        raise MissingFileError(str(path), "not a regular file", "give the path of a PDF file")
    if path.stat().st_size == 0:
        raise EmptyFileError(str(path), "the file is empty (0 bytes)", "download it again")
    with path.open("rb") as handle:
        head = handle.read(_HEADER_WINDOW)
        handle.seek(max(0, path.stat().st_size - _TRAILER_WINDOW))
        tail = handle.read()
    if b"%PDF-" not in head:
        raise NotAPdfError(
            str(path), "not a PDF (no %PDF- header)", "give the directory's PDF file itself"
        )
    if b"%%EOF" not in tail:
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
