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

from extract.errors import corrupt, encrypted
from extract.model import BBox, Page, Word
from extract.read.lines import frames, words_to_lines
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
# pdfium's code for a hyphen that ends a line; pdfminer reads the glyph's own character.
_UNICODE = {0x02: "-"}


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
    handle: Any  # pdfium's FPDF_FONT
    font_key: int
    hscale: float  # points of advance per 1/1000 em


def _unprefixed(name: str) -> str:
    """A subset font's name without its "ABCDEF+" tag."""
    tag, plus, rest = name.partition("+")
    return rest if plus and len(tag) == 6 and tag.isupper() else name


def descriptor_descents(path: Path, password: str | None) -> dict[str, float]:
    """/Descent of every font descriptor (what pdfminer uses), by unprefixed base font name.

    pdfium replaces a zero /Descent with a glyph's bottom, so the descriptors are
    read here; only the page tree and font dictionaries are parsed, no content.
    """
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    descents: dict[str, float] = {}
    with path.open("rb") as handle:
        document = PDFDocument(PDFParser(handle), password=password or "")
        for page in PDFPage.create_pages(document):
            for ref in (resolve1((page.resources or {}).get("Font")) or {}).values():
                spec = resolve1(ref) or {}
                fonts = [spec, *[resolve1(d) for d in resolve1(spec.get("DescendantFonts")) or []]]
                for font in fonts:
                    descriptor = resolve1(font.get("FontDescriptor")) or {}
                    name = _unprefixed(str(getattr(font.get("BaseFont"), "name", "")))
                    descents.setdefault(name, -abs(float(descriptor.get("Descent", 0) or 0)))
    return descents


def _font(handle: Any, descents: dict[str, float]) -> tuple[str, float]:
    """Base font name and descent in 1/1000 em."""
    buf = ctypes.create_string_buffer(256)
    raw.FPDFFont_GetBaseFontName(handle, buf, 256)
    name = buf.value.decode("utf-8", "replace")
    if name in _STANDARD_DESCENT:
        return name, _STANDARD_DESCENT[name]
    if _unprefixed(name) in descents:
        return name, descents[_unprefixed(name)]
    descent = ctypes.c_float()
    if not raw.FPDFFont_GetDescent(handle, ctypes.c_float(1000.0), ctypes.byref(descent)):
        return name, 0.0
    return name, -abs(descent.value)


class _Fonts:
    """Name, descent and advance widths of each font handle, found once per document."""

    def __init__(self, descents: dict[str, float]) -> None:
        self.descents = descents
        self.known: dict[int, tuple[str, float]] = {}
        self.widths: dict[tuple[int, int], float] = {}
        self._width = ctypes.c_float()

    def get(self, handle: Any) -> tuple[str, float]:
        key = ctypes.cast(handle, ctypes.c_void_p).value or 0
        if key not in self.known:
            self.known[key] = _font(handle, self.descents)
        return self.known[key]

    def advance(self, run: _Run, code: int) -> float:
        """The character's advance in 1/1000 em, as the PDF's /Widths give it."""
        key = (run.font_key, code)
        if key not in self.widths:
            found = raw.FPDFFont_GetGlyphWidth(run.handle, code, 1000.0, self._width)
            self.widths[key] = self._width.value if found else 0.0
        return self.widths[key]


def _run(textpage: Any, index: int, obj: Any, fonts: _Fonts) -> _Run:
    handle = raw.FPDFTextObj_GetFont(obj)
    name, descent = fonts.get(handle)
    size = ctypes.c_float()
    raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
    m = raw.FS_MATRIX()
    raw.FPDFText_GetMatrix(textpage, index, ctypes.byref(m))
    points = size.value * (abs(m.d) if m.b == 0 == m.c else (m.c**2 + m.d**2) ** 0.5)
    upright = m.a * m.d > 0 and m.b * m.c <= 0 and m.b == 0
    key = ctypes.cast(handle, ctypes.c_void_p).value or 0
    hscale = size.value * m.a / 1000.0
    return _Run(name, points, descent * points / 1000.0, upright, handle, key, hscale)


def _chars(textpage: Any, height: float, fonts: _Fonts) -> list[_Char]:
    """Every character pdfium read; generated line breaks are left out.

    pdfium reports some real spaces, and a no-break space it dropped, as generated
    spaces: every space still ends a word, as any whitespace does for pdfplumber.
    x0 is the origin and x1 the origin plus the advance (pdfium's loose box also
    covers ink that overhangs), as pdfminer has them.
    """
    chars: list[_Char] = []
    runs: dict[int, _Run] = {}
    box, ox, oy = raw.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    get_unicode, get_object = raw.FPDFText_GetUnicode, raw.FPDFText_GetTextObject
    run: _Run | None = None
    previous = (0, -1.0)
    for index in range(raw.FPDFText_CountChars(textpage)):
        code = get_unicode(textpage, index)
        text = _UNICODE.get(code) or chr(code)
        key = ctypes.cast(get_object(textpage, index), ctypes.c_void_p).value or 0
        if key and key not in runs:
            runs[key] = _run(textpage, index, get_object(textpage, index), fonts)
        run = runs[key] if key else run
        if run is None or (not key and (text in "\r\n" or not chars)):
            continue
        raw.FPDFText_GetLooseCharBox(textpage, index, box)
        raw.FPDFText_GetCharOrigin(textpage, index, ox, oy)
        if not key:  # a space pdfium made up: it has no position of its own
            last = chars[-1]
            chars.append(_Char(" ", box.left, last.top, box.left, last.bottom, *_attrs(last)))
        elif (key, ox.value) == previous and text not in _BLANKS:
            chars[-1].text += text  # one ligature glyph, decomposed by pdfium
            chars[-1].x1 = max(chars[-1].x1, box.right)
        elif run.upright:
            bottom = height - (oy.value + run.descent)
            x1 = ox.value + fonts.advance(run, ord(text[0])) * run.hscale
            chars.append(_Char(text, ox.value, bottom - run.size, x1, bottom, *_attrs(run)))
        else:
            top, bottom = height - box.top, height - box.bottom
            chars.append(_Char(text, box.left, top, box.right, bottom, *_attrs(run)))
        previous = (key, ox.value)
    return chars


def _attrs(source: _Run | _Char) -> tuple[float, str, bool]:
    return source.size, source.font, source.upright


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


def page_words(textpage: Any, height: float, fonts: _Fonts) -> list[Word]:
    """Words as pdfplumber's extract_words(extra_attrs=["size", "fontname"]) makes them."""
    words: list[Word] = []
    chars = _chars(textpage, height, fonts)
    grouped = itertools.groupby(chars, lambda c: (c.upright, c.size, c.font))
    for (upright, _, _), group in grouped:
        for line in _cluster(list(group), upright):
            words.extend(_merge(chars) for chars in _split(line, upright))
    return words


def _path_boxes(page: Any, height: float) -> list[BBox]:
    """Bounds of the page's path objects (rectangles, rounded cards), top-left origin."""
    boxes = []
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,)):
        left, bottom, right, top = obj.get_bounds()
        boxes.append(BBox(float(left), height - float(top), float(right), height - float(bottom)))
    return boxes


def read_pages(path: Path, password: str | None = None) -> tuple[tuple[Page, ...], str]:
    """Every page read once and closed before the next one is opened.

    Failures of the native parser (and of pdfminer reading font descriptors)
    on a damaged file all mean "this PDF cannot be read": one clear error.
    """
    try:
        pdf = pdfium.PdfDocument(path, password=password)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise encrypted(path, password) from exc
        raise corrupt(path, exc) from exc
    try:
        return _read(path, password, pdf)
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:  # any parser failure is a damaged file
        raise corrupt(path, exc) from exc
    finally:
        pdf.close()


def _read(path: Path, password: str | None, pdf: Any) -> tuple[tuple[Page, ...], str]:
    pages: list[Page] = []
    title = str(pdf.get_metadata_dict().get("Title", "") or "")
    fonts = _Fonts(descriptor_descents(path, password))
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                words = page_words(textpage, height, fonts)
            finally:
                textpage.close()
            boxes = frames(_path_boxes(page, height), width)
        finally:
            page.close()
        number = index + 1
        pages.append(Page(number, width, height, words_to_lines(words, number, height, boxes)))
    return tuple(pages), title
