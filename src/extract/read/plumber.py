"""The pdfplumber backend: pdfminer.six's characters, grouped into words."""

from __future__ import annotations

import functools
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from extract.errors import corrupt, encrypted
from extract.model import BBox, Page, Word
from extract.read.lines import shapes, words_to_lines
from extract.read.source import PdfFile

_BOLD_MARKS = ("bold", "black", "heavy", "semibold", "demi")


@functools.cache
def is_bold(fontname: str) -> bool:
    return any(mark in fontname.lower() for mark in _BOLD_MARKS)


def _box(raw: dict[str, Any]) -> BBox:
    return BBox(float(raw["x0"]), float(raw["top"]), float(raw["x1"]), float(raw["bottom"]))


def _word(raw: dict[str, Any]) -> Word:
    return Word(
        text=str(raw["text"]),
        x0=float(raw["x0"]),
        top=float(raw["top"]),
        x1=float(raw["x1"]),
        bottom=float(raw["bottom"]),
        size=float(raw["size"]),
        bold=is_bold(str(raw["fontname"])),
    )


def read_pages(pdf: PdfFile) -> tuple[tuple[Page, ...], str]:
    """Every page parsed once, then released (pdfplumber caches per page).

    pdfminer raises many kinds of exception on damaged files, from deep inside
    its parser; at this boundary every one of them means "this PDF cannot be
    read", so they all become one clear error.
    """
    try:
        return _read(pdf)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise encrypted(pdf.path, pdf.password) from exc
        raise corrupt(pdf.path, cause) from exc
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure is a damaged file
        raise corrupt(pdf.path, exc) from exc


def _read(source: PdfFile) -> tuple[tuple[Page, ...], str]:
    pages: list[Page] = []
    with pdfplumber.open(source.stream(), password=source.password or "") as pdf:
        title = str((pdf.metadata or {}).get("Title", "") or "")
        for number, page in enumerate(pdf.pages, start=1):
            raw = page.extract_words(extra_attrs=["size", "fontname"])
            words = [_word(w) for w in raw]
            width, height = float(page.width), float(page.height)
            drawn = shapes([_box(o) for o in (*page.rects, *page.curves, *page.lines)], width)
            lines = words_to_lines(words, number, drawn)
            pages.append(Page(number, width, height, lines, drawn))
            page.close()
    return tuple(pages), title
