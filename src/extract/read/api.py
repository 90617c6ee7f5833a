"""One entry point over the reading backends."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from extract.model import Document, Page

Reader = Callable[[Path, str | None], tuple[tuple[Page, ...], str]]


# The backends are imported when first used: the process that only writes outputs
# (the command line's parent) never pays for pdfminer, pdfium or numpy.
def _pdfplumber(path: Path, password: str | None) -> tuple[tuple[Page, ...], str]:
    from extract.read import plumber

    return plumber.read_pages(path, password)


def _pdfium(path: Path, password: str | None) -> tuple[tuple[Page, ...], str]:
    from extract.read import pdfium

    return pdfium.read_pages(path, password)


BACKENDS: dict[str, Reader] = {"pdfplumber": _pdfplumber, "pdfium": _pdfium}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_pdf(path: Path, backend: str = "pdfplumber", password: str | None = None) -> Document:
    from extract.read.recut import recut

    pages, title = BACKENDS[backend](path, password)
    return Document(
        path=str(path), sha256=sha256_of(path), pages=recut(pages), metadata_title=title
    )
