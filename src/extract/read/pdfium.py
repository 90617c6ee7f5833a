"""The pypdfium2 backend: pdfium's characters, grouped into words as pdfplumber does.

pdfium only supplies positioned characters; words are then built with
pdfplumber's own rules (`WordExtractor` with x/y tolerance 3 and the extra
attributes size and fontname), so both backends hand the same words to
`words_to_lines`. Known gaps with pdfminer: pdfium keeps glyph widths as whole
font units (a font whose /Widths have decimals drifts by a fraction of a point
along a line), and it cannot see a font descriptor's /Descent, so the top and
bottom of an embedded font use pdfium's descent (pdfminer's for the standard 14).
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extract.model import Page, Word
from extract.read.lines import words_to_lines
from extract.read.plumber import is_bold

X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
# pdfminer takes the standard fonts' metrics from its AFM table (descent in 1/1000 em).
_STANDARD_DESCENT: dict[str, float] = {
    f"{family}{style}": descent
    for family, styles, descent in (
        ("Courier", ("", "-Bold", "-Oblique", "-BoldOblique"), -194.0),
        ("Helvetica", ("", "-Bold", "-Oblique", "-BoldOblique"), -207.0),
        ("Times", ("-Roman", "-Bold", "-Italic", "-BoldItalic"), -217.0),
        ("Arial", ("", ",Bold", ",Italic", ",BoldItalic"), -207.0),
        ("CourierNew", ("", ",Bold", ",Italic", ",BoldItalic"), -194.0),
        ("TimesNewRoman", ("", ",Bold", ",Italic", ",BoldItalic"), -217.0),
    )
    for style in styles
} | {"Symbol": 0.0, "ZapfDingbats": 0.0}
_BLANKS = frozenset(" \r\n\t\xa0\u3000")


@dataclass(slots=True)
class _Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str
    upright: bool


@dataclass(frozen=True, slots=True)
class _Run:
    """What pdfium's text object says about all the characters it draws."""

    font: str
    size: float  # font size times the vertical scale, as pdfminer's LTChar.size
    descent: float  # below the baseline, in points (negative)
    upright: bool


def _font(handle: Any) -> tuple[str, float]:
    """Base font name and descent in 1/1000 em."""
    buf = ctypes.create_string_buffer(256)
    raw.FPDFFont_GetBaseFontName(handle, buf, 256)
    name = buf.value.decode("utf-8", "replace")
    if name in _STANDARD_DESCENT:
        return name, _STANDARD_DESCENT[name]
    descent = ctypes.c_float()
    if not raw.FPDFFont_GetDescent(handle, ctypes.c_float(1000.0), ctypes.byref(descent)):
        return name, 0.0
    return name, -abs(descent.value)


def _run(textpage: Any, index: int, obj: Any, fonts: dict[int, tuple[str, float]]) -> _Run:
    handle = raw.FPDFTextObj_GetFont(obj)
    key = ctypes.cast(handle, ctypes.c_void_p).value or 0
    if key not in fonts:
        fonts[key] = _font(handle)
    name, descent = fonts[key]
    size = ctypes.c_float()
    raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
    matrix = raw.FS_MATRIX()
    raw.FPDFText_GetMatrix(textpage, index, ctypes.byref(matrix))
    scale = abs(matrix.d) if matrix.b == 0 == matrix.c else (matrix.c**2 + matrix.d**2) ** 0.5
    points = size.value * scale
    upright = matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0
    return _Run(name, points, descent * points / 1000.0, upright)


def _chars(textpage: Any, height: float) -> list[_Char]:
    """Every character pdfium read, generated spaces and line breaks left out."""
    chars: list[_Char] = []
    runs: dict[int, _Run] = {}
    fonts: dict[int, tuple[str, float]] = {}
    box, ox, oy = raw.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    get_unicode, get_object = raw.FPDFText_GetUnicode, raw.FPDFText_GetTextObject
    previous_obj = previous_x0 = None
    for index in range(raw.FPDFText_CountChars(textpage)):
        text = chr(get_unicode(textpage, index))
        if text in _BLANKS and raw.FPDFText_IsGenerated(textpage, index):
            continue
        obj = get_object(textpage, index)
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        if key not in runs:
            runs[key] = _run(textpage, index, obj, fonts)
        run = runs[key]
        raw.FPDFText_GetLooseCharBox(textpage, index, box)
        if chars and key == previous_obj and box.left == previous_x0 and text not in _BLANKS:
            chars[-1].text += text  # one ligature glyph, decomposed by pdfium
            continue
        previous_obj, previous_x0 = key, box.left
        if run.upright:
            raw.FPDFText_GetCharOrigin(textpage, index, ox, oy)
            bottom = height - (oy.value + run.descent)
            top = bottom - run.size
        else:
            top, bottom = height - box.top, height - box.bottom
        chars.append(_Char(text, box.left, top, box.right, bottom, run.size, run.font, run.upright))
    return chars


def _cluster(chars: list[_Char], upright: bool) -> list[list[_Char]]:
    """pdfplumber's line clustering: sorted positions chained within the tolerance."""
    tolerance = Y_TOLERANCE if upright else X_TOLERANCE
    cluster_of: dict[float, int] = {}
    number, last = -1, float("-inf")
    for value in sorted({c.top if upright else c.x0 for c in chars}):
        if value > last + tolerance:
            number += 1
        cluster_of[value], last = number, value
    lines: dict[int, list[_Char]] = {}
    for char in chars:
        lines.setdefault(cluster_of[char.top if upright else char.x0], []).append(char)
    if upright:
        return [sorted(lines[k], key=lambda c: c.x0) for k in sorted(lines)]
    return [sorted(lines[k], key=lambda c: (c.top, c.bottom)) for k in sorted(lines)]


def _new_word(previous: _Char, char: _Char, upright: bool) -> bool:
    if upright:
        ax, bx, cx, ay, cy = previous.x0, previous.x1, char.x0, previous.top, char.top
        x, y = X_TOLERANCE, Y_TOLERANCE
    else:
        ax, bx, cx, ay, cy = previous.top, previous.bottom, char.top, previous.x0, char.x0
        x, y = Y_TOLERANCE, X_TOLERANCE
    return cx < ax or cx > bx + x or abs(cy - ay) > y


def _split(line: list[_Char], upright: bool) -> Iterator[list[_Char]]:
    word: list[_Char] = []
    for char in line:
        if char.text.isspace():
            if word:
                yield word
            word = []
        elif word and _new_word(word[-1], char, upright):
            yield word
            word = [char]
        else:
            word.append(char)
    if word:
        yield word


def _merge(chars: list[_Char]) -> Word:
    return Word(
        text="".join(c.text for c in chars),
        x0=min(c.x0 for c in chars),
        top=min(c.top for c in chars),
        x1=max(c.x1 for c in chars),
        bottom=max(c.bottom for c in chars),
        size=chars[0].size,
        bold=is_bold(chars[0].font),
    )


def page_words(textpage: Any, height: float) -> list[Word]:
    """Words as pdfplumber's extract_words(extra_attrs=["size", "fontname"]) makes them."""
    words: list[Word] = []
    grouped = itertools.groupby(_chars(textpage, height), lambda c: (c.upright, c.size, c.font))
    for (upright, _, _), group in grouped:
        for line in _cluster(list(group), upright):
            words.extend(_merge(chars) for chars in _split(line, upright))
    return words


def read_pages(path: Path, password: str | None = None) -> tuple[tuple[Page, ...], str]:
    """Every page read once and closed before the next one is opened."""
    pages: list[Page] = []
    pdf = pdfium.PdfDocument(path, password=password)
    try:
        title = str(pdf.get_metadata_dict().get("Title", "") or "")
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    words = page_words(textpage, height)
                finally:
                    textpage.close()
            finally:
                page.close()
            number = index + 1
            pages.append(Page(number, width, height, words_to_lines(words, number)))
    finally:
        pdf.close()
    return tuple(pages), title
