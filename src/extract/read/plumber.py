"""The pdfplumber backend: pdfminer.six's characters, grouped into words."""

from __future__ import annotations

import functools
import logging
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from extract.errors import AnnuaireError, CorruptPdfError, corrupt, encrypted
from extract.model import BBox, Page, Word
from extract.read.lines import on_page, shapes, words_to_lines
from extract.read.source import PdfFile

_BOLD_MARKS = ("bold", "black", "heavy", "semibold", "demi")

# pdfminer logs each oddity of a damaged file as a warning (a line per font, per
# object), and with no logging set up Python prints them on stderr around the
# one-line error or summary. A handler of our own keeps them off stderr; an
# application that sets up logging still receives them through its own handlers.
for _library in ("pdfminer", "pdfplumber"):
    logging.getLogger(_library).addHandler(logging.NullHandler())


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
    except (MemoryError, RecursionError, AnnuaireError):
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure is a damaged file
        raise corrupt(pdf.path, exc) from exc


def _check_page_count(source: PdfFile, pdf: Any) -> None:
    """pdfminer passes over a page whose dictionary is damaged and numbers the next
    pages one less, where pdfium refuses the file. Fewer pages than the page tree
    lists is therefore a damaged file here too: no page number shifts silently,
    and both backends agree."""
    from pdfminer.pdftypes import resolve1

    tree = resolve1(pdf.doc.catalog.get("Pages"))
    listed = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
    found = len(pdf.pages)
    if isinstance(listed, int) and found < listed:
        raise CorruptPdfError(
            str(source.path),
            f"the PDF is damaged (its page tree lists {listed} pages, {found} can be read)",
            "download it again or repair it (e.g. `qpdf in.pdf out.pdf`)",
        )


def _read(source: PdfFile) -> tuple[tuple[Page, ...], str]:
    pages: list[Page] = []
    with pdfplumber.open(source.stream(), password=source.password or "") as pdf:
        title = str((pdf.metadata or {}).get("Title", "") or "")
        _check_page_count(source, pdf)
        for number, page in enumerate(pdf.pages, start=1):
            raw = page.extract_words(extra_attrs=["size", "fontname"])
            width, height = float(page.width), float(page.height)
            words = on_page((_word(w) for w in raw), width, height)
            drawn = shapes([_box(o) for o in (*page.rects, *page.curves, *page.lines)], width)
            lines = words_to_lines(words, number, drawn)
            pages.append(Page(number, width, height, lines, drawn))
            page.close()
    return tuple(pages), title
