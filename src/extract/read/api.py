"""One entry point over the reading backends."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from extract.model import Document, Page
from extract.read.source import PdfFile

Reader = Callable[[PdfFile], tuple[tuple[Page, ...], str]]


# The backends are imported when first used: the process that only writes outputs
# (the command line's parent) never pays for pdfminer, pdfium or numpy.
def _pdfplumber(pdf: PdfFile) -> tuple[tuple[Page, ...], str]:
    from extract.read import plumber

    return plumber.read_pages(pdf)


def _pdfium(pdf: PdfFile) -> tuple[tuple[Page, ...], str]:
    from extract.read import pdfium

    return pdfium.read_pages(pdf)


BACKENDS: dict[str, Reader] = {"pdfplumber": _pdfplumber, "pdfium": _pdfium}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_pdf(pdf: PdfFile, backend: str = "pdfplumber") -> Document:
    from extract.read.recut import recut

    pages, title = BACKENDS[backend](pdf)
    return Document(path=str(pdf.path), sha256=pdf.sha256, pages=recut(pages), metadata_title=title)
