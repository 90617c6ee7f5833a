"""The pypdfium2 backend: pdfium's characters, grouped into words as pdfplumber does.

pdfium only supplies positioned characters; words are then built with
pdfplumber's own rules (`WordExtractor` with x/y tolerance 3 and the extra
attributes size and fontname), so both backends hand the same words to
`words_to_lines`. Where pdfium's text page differs from pdfminer's characters,
this module undoes it:

- it does not expose a font descriptor's /Descent, and it truncates advances
  to whole font units (Chromium's /W and reportlab's /Widths have decimals),
  where pdfminer also measures standard fonts with its own AFM tables: those
  are read with pdfminer from the font dictionaries alone (`Descents`,
  `_PageChars._exact_advances`);
- it reads /ActualText in place of the glyphs (Chromium's ligatures and small
  capitals): `page_objects` takes it out of the page before the text page is built;
- it leaves out a text object that draws no ink (Chromium shows each space
  with a Tj of its own) and makes up spaces of its own between objects, and
  inside a TJ array where kerning is wide: those are left out, and the left-out
  spaces come back where pdfminer has them (`_PageChars.char`, `_blanks`);
- it orders the objects of a line by position, pdfminer by the content
  stream, which pdfplumber's words follow (`_PageChars._in_content_order`).

What stays: pdfium keeps matrices in float32, so sizes agree with pdfminer's
to about 1e-7, not to the bit; pdfplumber groups characters by exact size, so
where pdfminer's float64 noise gives two lines of one font different sizes,
its words can come in another order (never other words). A text object that
draws no ink but is not whitespace (a zero-width joiner) reads as a space.
pdfium keeps one of two copies of a text drawn over itself, pdfminer both.
"""

from __future__ import annotations

import collections
import ctypes
import dataclasses
import itertools
import math
import operator
import re
import unicodedata
from collections.abc import Container, Generator
from dataclasses import dataclass
from typing import Any, BinaryIO

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extract.errors import corrupt
from extract.model import BBox, Page, Word
from extract.read.lines import on_page, shapes, words_to_lines
from extract.read.plumber import is_bold
from extract.read.source import PdfFile

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
_BLANK_CODES = [ord(c) for c in _BLANKS]
# pdfium's code for a hyphen that ends a line; pdfminer reads the glyph's own character.
_UNICODE = {0x02: "-"}


@dataclass(slots=True)
class _Char:
    """One character, or a token of characters known to stay in one word (see `_PageChars`)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str
    upright: bool
    index: int  # pdfium's index of the (first) character
    last_x0: float  # x0 of the last character: x0 itself for a single character


@dataclass(frozen=True, slots=True)
class _Run:
    """What pdfium's text object says about all the characters it draws."""

    font: str
    size: float  # font size times the vertical scale, as pdfminer's LTChar.size
    descent: float  # below the baseline, in points (negative)
    upright: bool
    font_key: int  # address of pdfium's FPDF_FONT
    hscale: float  # points of advance per 1/1000 em


def _unprefixed(name: str) -> str:
    """A subset font's name without its "ABCDEF+" tag."""
    tag, plus, rest = name.partition("+")
    return rest if plus and len(tag) == 6 and tag.isupper() else name


class Descents:
    """/Descent of the font descriptors (what pdfminer uses), by unprefixed base font name;
    and where pdfium's advances differ from pdfminer's, pdfminer's (`exact_widths`).

    pdfium replaces a zero /Descent with a glyph's bottom, so the descriptors are
    read here with pdfminer: only the page tree and font dictionaries, no content
    (and, for a font whose advances pdfium gets wrong, its widths and ToUnicode).
    They are read page by page as far as the first page that names the font
    asked for, and no further: a long directory uses the same few fonts from its
    first pages on, so most of its page tree is never parsed. The first
    descriptor met in page order wins, as when the whole tree is read.
    """

    def __init__(self, pdf: PdfFile) -> None:
        self.known: dict[str, float] = {}
        self.specs: dict[str, Any] = {}  # each font's dictionary, by full base font name
        self.exact: dict[str, dict[str, float] | None] = {}
        # Open until `close`: a font's widths and ToUnicode are read when first asked for.
        self._file = pdf.stream()
        self._pages = self._walk(self._file, pdf.password)

    def get(self, name: str) -> float | None:
        while name not in self.known:
            if not self._next_page():
                return None
        return self.known[name]

    def exact_widths(self, name: str) -> dict[str, float] | None:
        """pdfminer's advances of the font of this base font name (see `_exact_widths`)."""
        if name not in self.exact:
            # pdfium gives some subset fonts' names without their tag ("ABCDEF+").
            while name not in self.specs and self._next_page():
                pass
            self.exact[name] = _exact_widths(self.specs.get(name))
        return self.exact[name]

    def _next_page(self) -> bool:
        found = next(self._pages, None)
        if found is None:
            return False
        for full, font, descent, spec in found:
            self.known.setdefault(font, descent)
            self.specs.setdefault(full, spec)
            self.specs.setdefault(font, spec)
        return True

    def close(self) -> None:
        self._pages.close()
        self._file.close()

    @staticmethod
    def _walk(
        handle: BinaryIO, password: str | None
    ) -> Generator[list[tuple[str, str, float, Any]], None, None]:
        """Each page's fonts: full and unprefixed base font name, descent, dictionary."""
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import resolve1

        document = PDFDocument(PDFParser(handle), password=password or "")
        for page in PDFPage.create_pages(document):
            found = []
            for ref in (resolve1((page.resources or {}).get("Font")) or {}).values():
                spec = resolve1(ref) or {}
                descendants = resolve1(spec.get("DescendantFonts")) or []
                # A Type0 font has no descriptor of its own: pdfminer reads its first
                # descendant's, and pdfium names it by the Type0 font's /BaseFont.
                font = resolve1(descendants[0]) or {} if descendants else spec
                descriptor = resolve1(font.get("FontDescriptor")) or {}
                descent = -abs(float(descriptor.get("Descent", 0) or 0))
                for named in (spec, font):
                    full = str(getattr(named.get("BaseFont"), "name", ""))
                    found.append((full, _unprefixed(full), descent, spec))
            yield found


def _fractional(spec: Any) -> bool:
    """Whether some advance of the font's /Widths (or its CID font's /W) has decimals."""
    from pdfminer.pdftypes import resolve1

    descendants = resolve1(spec.get("DescendantFonts")) or []
    font = resolve1(descendants[0]) or {} if descendants else spec
    pending = [resolve1(font.get("W" if descendants else "Widths"))]
    while pending:
        value = pending.pop()
        if isinstance(value, list):
            pending.extend(resolve1(item) for item in value)
        elif isinstance(value, float) and not value.is_integer():
            return True
    return False


def _exact_widths(spec: Any) -> dict[str, float] | None:
    """pdfminer's advances in 1/1000 em, by the text it gives each code, where pdfium's may differ.

    That is for a standard font, which pdfminer measures with its own AFM table
    even when the PDF gives /Widths, and for a font whose /Widths (or /W) have
    decimals, which pdfium truncates to whole units; otherwise None. A text two
    codes draw with different advances is left out; a ligature's text is also
    found by the letters pdfium splits it into ('fi' for 'ﬁ').
    """
    from pdfminer.fontmetrics import FONT_METRICS

    if not spec or spec.get("Subtype") is None:
        return None
    standard = FONT_METRICS.get(str(getattr(spec.get("BaseFont"), "name", "")))
    if standard is not None and spec.get("Subtype").name in ("Type1", "MMType1", "TrueType"):
        return {text: float(width) for text, width in standard[1].items()}  # by text already
    if not _fractional(spec):
        return None
    texts = _widths_by_text(spec)
    if texts is None:
        return None
    exact = {text: widths.pop() for text, widths in texts.items() if len(widths) == 1}
    for text, width in list(exact.items()):
        if len(text) == 1 and 0xFB00 <= ord(text) <= 0xFB06:
            exact.setdefault(unicodedata.normalize("NFKC", text), width)
    return exact


def _widths_by_text(spec: Any) -> dict[str, set[float]] | None:
    """The advances pdfminer gives each text of the font (None: it cannot build it)."""
    from pdfminer.pdfinterp import PDFResourceManager

    texts: dict[str, set[float]] = {}
    try:
        font = PDFResourceManager(caching=False).get_font(None, spec)
        if font.is_vertical() or getattr(font, "hscale", 0.001) != 0.001:  # Type3
            return None
        for cid, width in font.widths.items():
            try:  # a standard font's widths are by text already
                text = cid if isinstance(cid, str) else font.to_unichr(cid)
            except Exception:  # no text for this code: pdfminer writes (cid:N)
                continue
            if width is not None:
                texts.setdefault(text, set()).add(float(width))
    except Exception:  # a font pdfminer cannot build: pdfium's advances stay
        return None
    return texts


def _font(handle: Any, descents: Descents) -> tuple[str, float]:
    """Base font name and descent in 1/1000 em."""
    buf = ctypes.create_string_buffer(256)
    raw.FPDFFont_GetBaseFontName(handle, buf, 256)
    name = buf.value.decode("utf-8", "replace")
    if name in _STANDARD_DESCENT:
        return name, _STANDARD_DESCENT[name]
    described = descents.get(_unprefixed(name))
    if described is not None:
        return name, described
    descent = ctypes.c_float()
    if not raw.FPDFFont_GetDescent(handle, ctypes.c_float(1000.0), ctypes.byref(descent)):
        return name, 0.0
    return name, -abs(descent.value)


class _Fonts:
    """Name, descent and advance widths of each font handle, found once per document."""

    def __init__(self, descents: Descents) -> None:
        self.descents = descents
        self.known: dict[int, tuple[str, float]] = {}
        self.handles: dict[int, Any] = {}
        self.runs: dict[tuple[int, float, float, float, float, float], _Run] = {}
        # Advance of a character in 1/1000 em, by font key and character (font 0: none).
        self.widths: dict[tuple[int, str], float] = {}
        self.exact_of: dict[int, dict[str, float] | None] = {}
        self.agreed: dict[int, set[str]] = {}  # texts pdfium measures as pdfminer does
        self._width = ctypes.c_float()

    def get(self, key: int) -> tuple[str, float]:
        """Name and descent of the font at this address."""
        if key not in self.known:
            handle = ctypes.cast(key, raw.FPDF_FONT)
            self.known[key] = _font(handle, self.descents)
            self.handles[key] = handle
        return self.known[key]

    def exact(self, font_key: int) -> dict[str, float] | None:
        """pdfminer's advances by text where they differ from pdfium's (see `_exact_widths`)."""
        if font_key not in self.exact_of:
            name = self.get(font_key)[0] if font_key else ""
            table = self.descents.exact_widths(name) if name else None
            if table is not None:  # only where pdfium's advance differs, or may
                single = {(font_key, text) for text in table if len(text) == 1}
                self.measure(single)
                self.agreed[font_key] = {t for f, t in single if table[t] == self.widths[(f, t)]}
                table = {t: width for t, width in table.items() if t not in self.agreed[font_key]}
            self.exact_of[font_key] = table or None
        return self.exact_of[font_key]

    def advance(self, run: _Run, char: str) -> float:
        """The character's advance in 1/1000 em, as the PDF's /Widths give it."""
        key = (run.font_key, char)
        if key not in self.widths:
            self.measure({key})
        return self.widths[key]

    def measure(self, pairs: set[tuple[int, str]]) -> None:
        """Make sure `widths` knows these (font key, character) pairs."""
        for font_key, char in pairs.difference(self.widths):
            width = 0.0
            handle = self.handles.get(font_key)
            if handle is not None and raw.FPDFFont_GetGlyphWidth(
                handle, ord(char), 1000.0, self._width
            ):
                width = self._width.value
            self.widths[(font_key, char)] = width


def _run(key: int, m: Any, fonts: _Fonts) -> _Run:
    """The run of text object `key`, drawn with matrix `m` (text matrix times CTM).

    Most objects of a page share font, size and matrix with others (a line, a
    word each): the run is built once per distinct set of those values.
    """
    obj, size = ctypes.c_void_p(key), ctypes.c_float()
    font_key = _TEXT_FONT(obj)
    _FONT_SIZE(obj, ctypes.byref(size))
    values = (font_key, size.value, m.a, m.b, m.c, m.d)
    run = fonts.runs.get(values)
    if run is None:
        name, descent = fonts.get(font_key)
        points = size.value * (abs(m.d) if m.b == 0 == m.c else (m.c**2 + m.d**2) ** 0.5)
        upright = m.a * m.d > 0 and m.b * m.c <= 0 and m.b == 0
        hscale = size.value * m.a / 1000.0
        run = _Run(name, points, descent * points / 1000.0, upright, font_key, hscale)
        fonts.runs[values] = run
    return run


def _fast(function: Any, restype: Any) -> Any:
    """`function` called without ctypes' argument conversion.

    Reading costs a few native calls per character; skipping the conversion
    makes each call about 40 % cheaper. Callers pass handles as c_void_p,
    indices as ints and out-parameters by reference, as pdfium's C API takes them.
    """
    address = ctypes.cast(function, ctypes.c_void_p).value
    assert address is not None
    return ctypes.CFUNCTYPE(restype)(address)


_OBJECT = _fast(raw.FPDFText_GetTextObject, ctypes.c_size_t)  # 0 for none
_ORIGIN = _fast(raw.FPDFText_GetCharOrigin, ctypes.c_int)
_TEXT_FONT = _fast(raw.FPDFTextObj_GetFont, ctypes.c_size_t)
_FONT_SIZE = _fast(raw.FPDFTextObj_GetFontSize, ctypes.c_int)
_CHAR_MATRIX = _fast(raw.FPDFText_GetMatrix, ctypes.c_int)
_LOOSE_BOX = _fast(raw.FPDFText_GetLooseCharBox, ctypes.c_int)
_IS_GENERATED = _fast(raw.FPDFText_IsGenerated, ctypes.c_int)
_UNICODE_AT = _fast(raw.FPDFText_GetUnicode, ctypes.c_uint)
_COUNT_OBJECTS = _fast(raw.FPDFPage_CountObjects, ctypes.c_int)
_GET_OBJECT = _fast(raw.FPDFPage_GetObject, ctypes.c_void_p)
_COUNT_FORM_OBJECTS = _fast(raw.FPDFFormObj_CountObjects, ctypes.c_int)
_GET_FORM_OBJECT = _fast(raw.FPDFFormObj_GetObject, ctypes.c_void_p)
_OBJECT_TYPE = _fast(raw.FPDFPageObj_GetType, ctypes.c_int)
_OBJECT_BOUNDS = _fast(raw.FPDFPageObj_GetBounds, ctypes.c_int)
_OBJECT_MATRIX = _fast(raw.FPDFPageObj_GetMatrix, ctypes.c_int)
_COUNT_MARKS = _fast(raw.FPDFPageObj_CountMarks, ctypes.c_int)
_GET_MARK = _fast(raw.FPDFPageObj_GetMark, ctypes.c_void_p)
_REMOVE_MARK_PARAM = _fast(raw.FPDFPageObjMark_RemoveParam, ctypes.c_int)

# In its page text pdfium writes U+FFFE for a line-end hyphen and for a glyph with no Unicode;
# those few characters are asked for one by one.
_UNKNOWN = "\ufffe"
_ATTRS = operator.attrgetter("upright", "size", "font")  # pdfplumber's word attributes
_X0 = operator.attrgetter("x0")
_CODES = 0x110000  # code points
_SPACE = ord(" ")
# str.isspace by code point; every code point from 0x3001 on maps to the last, False, entry.
_IS_SPACE = np.array([chr(c).isspace() for c in range(0x3002)], np.bool_)
_IS_SPACE[-1] = False
_SURROGATE = re.compile("[\ud800-\udfff]")
# pdfium reorders right-to-left runs within a line: such pages are read character by character.
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_FORM_DEPTH = 14  # pypdfium2's default max_depth of 15, less the page itself
# A text object starting this close to where pdfium ended the previous one continues it.
_CONTINUED = 1e-3


def _handle(pointer: Any) -> ctypes.c_void_p:
    """A typed pdfium pointer as the untyped handle the `_fast` functions take."""
    return ctypes.c_void_p(ctypes.cast(pointer, ctypes.c_void_p).value)


class Scratch:
    """Out-parameters for pdfium's per-character calls, kept from page to page.

    `map` drives the calls from C, with no Python frame per character; each
    call writes its origin into its own slot of two arrays.
    """

    def __init__(self) -> None:
        self.size = 0
        self.xs: Any = None
        self.ys: Any = None
        self.refs: tuple[list[Any], list[Any]] = ([], [])

    def origins(self, handle: ctypes.c_void_p, count: int) -> tuple[list[float], list[float]]:
        if count > self.size:
            self.size = max(count, 2 * self.size, 1024)
            self.xs, self.ys = (ctypes.c_double * self.size)(), (ctypes.c_double * self.size)()
            step = ctypes.sizeof(ctypes.c_double)
            self.refs = (
                [ctypes.byref(self.xs, step * i) for i in range(self.size)],
                [ctypes.byref(self.ys, step * i) for i in range(self.size)],
            )
        calls = map(_ORIGIN, itertools.repeat(handle, count), range(count), *self.refs)
        collections.deque(calls, maxlen=0)
        return self.xs[:count], self.ys[:count]

    def arrays(self, count: int) -> tuple[Any, Any]:
        """The last `origins` as numpy arrays, without copying (valid until the next page)."""
        return np.frombuffer(self.xs, np.float64, count), np.frombuffer(self.ys, np.float64, count)


class _PageChars:
    """pdfium's characters of one page, as pdfplumber's word builder sees them.

    Reading character by character costs two native calls and a few Python
    objects each, which kept this backend only a few times faster than
    pdfminer. So the page is read in bulk (its text, and each character's
    object and origin through `map`), and numpy finds the runs of characters
    that pdfplumber could not split: same upright object, no blank, each
    origin strictly right of the previous one (an equal origin is a
    decomposed ligature) and within the word tolerance of its advance, one
    baseline, the right edge never going back. Each run becomes one `_Char`
    with the box its characters give (origin of the first, origin plus advance
    of the last); every other character is handled alone, exactly as
    `by_token=False` handles the whole page with one native call per value.
    A plain space between two runs is left out and marks the second run as
    starting a word (see `settled` for when it must come back). The test
    suite checks that both readings give the same words.
    """

    def __init__(self, textpage: Any, height: float, fonts: _Fonts, scratch: Scratch) -> None:
        self.textpage = textpage  # pdfium's FPDF_TEXTPAGE
        self.handle = _handle(textpage)
        self.height = height
        self.fonts = fonts
        self.scratch = scratch
        self.runs: dict[int, _Run] = {}
        self.previous = (0, -1.0)
        self.chars: list[_Char] = []
        self.pieces: dict[int, int] = {}  # last index of each run `_Char`, by first index
        self.folded: dict[int, int] = {}  # the plain space left out before a run, by run
        self.text = ""
        self.objs: list[int] = []
        self.xs: list[float] = []
        self.placed_xs: list[float] = []  # pdfium's origins (`xs`: pdfminer's)
        self.ys: list[float] = []
        self.rights: list[float] = []
        self.exact: dict[int, float] = {}  # pdfminer's advance (1/1000 em), where pdfium's differs
        self.unique: tuple[Any, Any, Any] | None = None  # see `_unique`
        self.ranks: Any = None  # each character's place in content order (see `rank`)
        self.obj: Any = None  # `objs` as an array (see `_unique`)
        self.codes: Any = None  # see `_codes`
        self.blank_ranks: dict[int, int] = {}  # the rank of each blank `_Char`, by its index
        self.box = raw.FS_RECTF()

    def read(self, by_token: bool = True, objects: PageObjects | None = None) -> list[_Char]:
        """The page's characters in content order, blank text objects' spaces included.

        Without `objects` (see `page_objects`), in pdfium's order and with no blanks.
        """
        count = raw.FPDFText_CountChars(self.textpage)
        if count <= 0:  # no text layer (-1: pdfium could not count)
            return self.chars
        text = self.text = self._text(count, by_token)
        handle = self.handle
        bulk = by_token and not _RIGHT_TO_LEFT.search(text)
        if bulk:
            self.objs = list(map(_OBJECT, itertools.repeat(handle, count), range(count)))
            self.xs, self.ys = self.scratch.origins(handle, count)
        else:  # one native call per value
            ox, oy = ctypes.c_double(), ctypes.c_double()
            for index in range(count):
                _ORIGIN(handle, index, ctypes.byref(ox), ctypes.byref(oy))
                self.objs.append(_OBJECT(handle, index))
                self.xs.append(ox.value)
                self.ys.append(oy.value)
        self.placed_xs = self.xs
        self._exact_advances()
        if bulk:
            self._read_bulk(count)
        else:
            objs, xs, ys = self.objs, self.xs, self.ys
            for index, char in enumerate(text):
                self.char(index, char, objs[index], xs[index], ys[index])
        if objects is not None:
            self._in_content_order(objects)
        return self.chars

    def _read_bulk(self, count: int) -> None:
        """Runs as one `_Char` each, folded spaces noted, every other character alone."""
        text, objs, xs, ys = self.text, self.objs, self.xs, self.ys
        spans, plain = self._spans()
        rights, runs, pieces, folded = self.rights, self.runs, self.pieces, self.folded
        append, height = self.chars.append, self.height
        done, piece_end = 0, -2
        for first, last in spans:
            if first == done + 1 and piece_end == done - 1 and plain[done]:
                folded[first] = done  # a plain space between two runs: see `settled`
                self.previous = (objs[done], xs[done])
            else:
                for index in range(done, first):
                    self.char(index, text[index], objs[index], xs[index], ys[index])
            key, done, piece_end = objs[first], last + 1, -2
            if (key, xs[first]) == self.previous:  # continues the previous character's ligature
                for index in range(first, done):
                    self.char(index, text[index], key, xs[index], ys[index])
                continue
            run = runs[key]
            bottom = height - (ys[first] + run.descent)
            attrs = (run.size, run.font, True, first, xs[last])
            append(
                _Char(text[first:done], xs[first], bottom - run.size, rights[last], bottom, *attrs)
            )
            pieces[first], piece_end = last, last
            self.previous = (key, xs[last])
        for index in range(done, count):
            self.char(index, text[index], objs[index], xs[index], ys[index])

    def _exact_advances(self) -> None:
        """Origins and advances as pdfminer has them, where pdfium's advances differ.

        pdfium truncates each advance to whole 1/1000 em (and has its own metrics
        for the standard fonts), and places every glyph of a string by the advances
        of the glyphs before it; pdfminer takes /W or /Widths as written (or its
        AFM tables). So each glyph moves right by what the glyphs before it lost,
        and keeps pdfminer's advance in `exact`: the glyphs before it in its text
        object, and in the objects before that one where each starts where the
        previous one ended (a Tj after a Tj, as Chromium shows a ligature between
        two strings); an object placed anew (Td, Tm) starts where pdfminer has it.
        A glyph pdfium split into letters (a ligature) counts once, with the
        advance of the text pdfminer gives it; a space pdfium made up has none.
        Characters of no object (line breaks and spaces pdfium made up) are skipped.
        """
        tables = self._exact_tables()
        if not any(tables.values()):
            return
        keys, _, which = self._unique()
        real = np.flatnonzero(self.obj != 0)
        runs = [self.runs[key] if key else None for key in keys.tolist()]
        of = which[real]
        upright = np.array([bool(r and r.upright) for r in runs])[of]
        scale = np.array([r.hscale if r else 0.0 for r in runs])[of]
        x, y, obj = np.array(self.xs)[real], np.array(self.ys)[real], self.obj[real]
        codes = self._codes()[real]
        blank = np.isin(codes, _BLANK_CODES)
        # A glyph's letters: one object, one origin, none blank (as `char` glues them).
        piece = np.zeros(len(real), np.bool_)
        piece[1:] = (obj[1:] == obj[:-1]) & (x[1:] == x[:-1]) & ~blank[1:] & ~blank[:-1]
        short, placed = self._shortfalls(real, piece, blank, upright, runs, tables)
        if not short.any():
            return
        glyph = np.maximum.accumulate(np.where(piece, 0, np.arange(len(real))))
        ends = x + placed[glyph] * scale  # where pdfium ends each glyph
        # A new object starts a new string unless it starts where the last glyph ended.
        fresh = ~upright
        fresh[0] = True
        fresh[1:] |= (obj[1:] != obj[:-1]) & ~(
            (y[1:] == y[:-1]) & (np.abs(x[1:] - ends[:-1]) < _CONTINUED)
        )
        lost = short * scale
        before = np.cumsum(lost) - lost  # what the glyphs before each one lost
        string = np.maximum.accumulate(np.where(fresh, np.arange(len(real)), 0))
        moved = np.array(self.xs)
        moved[real] = x + np.where(upright, before[glyph] - before[string], 0.0)
        self.placed_xs, self.xs = self.xs, moved.tolist()

    def _shortfalls(
        self,
        real: Any,
        piece: Any,
        blank: Any,
        upright: Any,
        runs: list[_Run | None],
        tables: dict[int, dict[str, float] | None],
    ) -> tuple[Any, Any]:
        """For each character of `real` that starts a glyph: how far pdfium's advance falls
        short of pdfminer's, in 1/1000 em (0 where they agree or pdfminer's is not known),
        and pdfium's advance; pdfminer's advances go into `exact`, by index."""
        count = len(real)
        short, placed = np.zeros(count), np.zeros(count)
        whole = ~piece
        whole[:-1] &= ~piece[1:]  # a glyph of one character
        font_keys = sorted({r.font_key for r in runs if r} | {0})
        font_of = np.array([font_keys.index(r.font_key) if r else 0 for r in runs], np.int64)
        chosen = np.flatnonzero(whole)
        keyed = font_of[self._unique()[2][real[chosen]]] * _CODES + self._codes()[real[chosen]]
        pairs, where = np.unique(keyed, return_inverse=True)
        wanted = [(font_keys[pair // _CODES], chr(pair % _CODES)) for pair in pairs.tolist()]
        self.fonts.measure(set(wanted))
        placed[chosen] = np.array([self.fonts.widths[pair] for pair in wanted])[where]
        exact = np.array([(tables.get(f) or {}).get(c, np.nan) for f, c in wanted])[where]
        known = ~np.isnan(exact) & upright[chosen]
        for spot in np.flatnonzero(known & blank[chosen]).tolist():
            if _IS_GENERATED(self.handle, int(real[chosen[spot]])):
                known[spot] = False  # a space pdfium made up inside a TJ array: no glyph
        short[chosen[known]] = exact[known] - placed[chosen[known]]
        self.exact.update(zip(real[chosen[known]].tolist(), exact[known].tolist(), strict=True))
        for first in np.flatnonzero(~piece & ~whole).tolist():  # ligatures: a few a page
            self._ligature(real, piece, first, upright, short, placed, tables)
        return short, placed

    def _ligature(
        self,
        real: Any,
        piece: Any,
        first: int,
        upright: Any,
        short: Any,
        placed: Any,
        tables: dict[int, dict[str, float] | None],
    ) -> None:
        """`_shortfalls` of a glyph pdfium split into letters, whose first is at `first`.

        Letters pdfminer knows one by one and not together are glyphs of their own
        at one origin, all but the last of no advance (a combining accent).
        """
        end = first + 1
        while end < len(real) and piece[end]:
            end += 1
        indices = real[first:end].tolist()
        run = self.runs[self.objs[indices[0]]]
        letters = [self.text[i] for i in indices]
        table = (tables.get(run.font_key) or {}) if upright[first] else {}
        width = table.get("".join(letters))
        if width is not None:
            placed[first] = math.trunc(width)  # pdfium truncates the /Widths value
            short[first] = width - placed[first]
            self.exact[indices[0]] = width
        elif all(t in table or t in self.fonts.agreed.get(run.font_key, ()) for t in letters):
            self.fonts.measure({(run.font_key, letter) for letter in letters})
            for index, letter in zip(indices, letters, strict=True):
                own = self.fonts.widths[(run.font_key, letter)]
                placed[first] += own
                short[first] += table.get(letter, own) - own
                self.exact[index] = table.get(letter, own)
        else:
            right = self._loose_box(indices[0]).right
            placed[first] = (right - self.xs[indices[0]]) / (run.hscale or 1.0)

    def _exact_tables(self) -> dict[int, dict[str, float] | None]:
        """`_Fonts.exact` of the font of each upright run of the page, by font key."""
        keys, firsts, _ = self._unique()
        tables: dict[int, dict[str, float] | None] = {}
        for key, first in zip(keys.tolist(), firsts.tolist(), strict=True):
            if key:
                run = self._run_of(key, first)
                if run.upright and run.font_key not in tables:
                    tables[run.font_key] = self.fonts.exact(run.font_key)
        return tables

    def _codes(self) -> Any:
        """Each character's code point, as an array (found once)."""
        if self.codes is None:
            encoded = self.text.encode("utf-32-le", "surrogatepass")
            self.codes = np.frombuffer(encoded, np.uint32).astype(np.int64)
        return self.codes

    def _unique(self) -> tuple[Any, Any, Any]:
        """The page's distinct text objects: addresses, first index of each, object of each
        character (numpy's unique of `objs`, found once)."""
        if self.unique is None:
            self.obj = np.fromiter(self.objs, np.uint64, len(self.objs))
            self.unique = np.unique(self.obj, return_index=True, return_inverse=True)
        return self.unique

    def _in_content_order(self, objects: PageObjects) -> None:
        """The characters in the order of the content stream, blank objects' spaces included.

        pdfium's text page orders the objects of one line by position (a page
        number drawn right of a footer, and before it, comes first); pdfminer
        keeps the order of the content stream. The order decides which characters
        pdfplumber groups together (runs of one font and size), so that of its words.
        """
        keys, _, which = self._unique()
        order, addresses = objects.order, keys.tolist()
        ranks = [order.get(key, -1) if key else 0 for key in addresses]
        if min(ranks, default=0) < 0:
            return  # an object the walk did not meet: pdfium's order stays
        self.ranks = (np.array(ranks, np.int64)[which] << 32) + np.arange(len(self.objs))
        placed = self.ranks[self.obj != 0]
        in_order = bool((placed[1:] >= placed[:-1]).all())
        if in_order and len(order) == len(addresses) - (addresses[0] == 0):
            return  # pdfium's order is the content stream's, and no object was left out
        chars = self.chars
        found = self.ranks[np.fromiter((c.index for c in chars), np.int64, len(chars))]
        if not in_order:
            ordered = np.argsort(found, kind="stable")
            chars[:] = [chars[i] for i in ordered.tolist()]
            found = found[ordered]
        present = set(addresses)
        blanks = self._blanks(
            [(address, rank) for address, rank in order.items() if address not in present],
            objects.forms,
        )
        places = np.searchsorted(found, [blank_rank for blank_rank, _ in blanks]).tolist()
        for offset, (place, (_, blank)) in enumerate(zip(places, blanks, strict=True)):
            chars.insert(place + offset, blank)

    def _blanks(
        self, left_out: list[tuple[int, int]], forms: dict[int, _Matrix]
    ) -> list[tuple[int, _Char]]:
        """A space for each text object pdfium's text page left out, where pdfminer has it.

        pdfium leaves out a text object whose glyphs have no ink (Chromium shows
        each space with a Tj of its own) and often makes up a space between the
        objects on either side, at a place of its own (the previous glyph's origin
        plus its advance at the unscaled font size: after the next glyph, under a
        scaled CTM). pdfminer has the real character at its origin, with its own
        font and size; every whitespace character ends a word for pdfplumber.
        `left_out`: (address, rank) of the text objects the text page has no character
        of; only those narrower than `_NARROWEST` are blank (pdfium also leaves out
        one drawn over its like). Returns (rank, space) pairs, in content order.
        """
        m, found = raw.FS_MATRIX(), []
        bounds = [ctypes.c_float() for _ in range(4)]
        refs, matrix = [ctypes.byref(value) for value in bounds], ctypes.byref(m)
        left, _, right, _ = bounds
        for number, (address, rank) in enumerate(left_out):
            obj = ctypes.c_void_p(address)
            if not _OBJECT_BOUNDS(obj, *refs) or abs(right.value - left.value) >= _NARROWEST:
                continue
            if not _OBJECT_MATRIX(obj, matrix):
                continue
            e, f = m.e, m.f
            if address in forms:
                m.a, m.b, m.c, m.d, e, f = _times((m.a, m.b, m.c, m.d, e, f), forms[address])
            run = _run(address, m, self.fonts)
            index = -1 - number
            self.blank_ranks[index] = rank << 32
            # A space's right edge never counts for pdfplumber: it ends a word, whatever its box.
            attrs = (run.size, run.font, run.upright, index, e)
            bottom = self.height - (f + run.descent if run.upright else f)
            top = bottom - run.size if run.upright else bottom
            found.append((rank << 32, _Char(" ", e, top, e, bottom, *attrs)))
        return found

    def rank(self, index: int) -> int:
        """The character's place in content order: its object's rank, then pdfium's index."""
        if index < 0:
            return self.blank_ranks[index]
        return index if self.ranks is None else int(self.ranks[index])

    def _text(self, count: int, bulk: bool) -> str:
        """The page's characters, one per index: in one call unless pdfium's text disagrees."""
        text = ""
        if bulk and count:
            buffer = (ctypes.c_ushort * (count + 1))()
            written = raw.FPDFText_GetText(self.textpage, 0, count, buffer) - 1  # less the NUL
            text = bytes(buffer)[: 2 * max(written, 0)].decode("utf-16-le", "surrogatepass")
        if len(text) != count:  # a control character pdfium keeps out of its text
            text = "".join(chr(_UNICODE_AT(self.handle, i)) for i in range(count))
        elif _UNKNOWN in text:
            text = "".join(
                chr(_UNICODE_AT(self.handle, i)) if c == _UNKNOWN else c for i, c in enumerate(text)
            )
        for code, replacement in _UNICODE.items():
            text = text.replace(chr(code), replacement)
        return text

    def _run_of(self, key: int, index: int) -> _Run:
        run = self.runs.get(key)
        if run is None:
            m = raw.FS_MATRIX()
            _CHAR_MATRIX(self.handle, index, ctypes.byref(m))
            run = self.runs[key] = _run(key, m, self.fonts)
        return run

    def _spans(self) -> tuple[list[tuple[int, int]], list[bool]]:
        """First and last index of each run of two or more characters that stay together,
        and which characters are plain spaces: a space of the object of the characters
        on both sides, on their baseline, not left of the one before and strictly left
        of the one after."""
        count = len(self.text)
        keys, firsts, which = self._unique()
        obj = self.obj
        runs = [
            self._run_of(k, i) if k else None
            for k, i in zip(keys.tolist(), firsts.tolist(), strict=True)
        ]
        scale = np.array([r.hscale if r and r.upright and r.hscale > 0 else 0.0 for r in runs])
        scale = scale[which]
        codes = self._codes()
        font_keys = sorted({r.font_key for r in runs if r} | {0})
        font_of = np.array([font_keys.index(r.font_key if r else 0) for r in runs], np.int64)
        # One width per (font, character) pair of the page: `_CODES` fits any code point.
        pairs, where = np.unique(font_of[which] * _CODES + codes, return_inverse=True)
        wanted = [(font_keys[pair // _CODES], chr(pair % _CODES)) for pair in pairs.tolist()]
        self.fonts.measure(set(wanted))
        advance = np.array([self.fonts.widths[pair] for pair in wanted])[where]
        x, y = self.scratch.arrays(count)
        if self.exact:  # origins moved by `_exact_advances`
            x = np.array(self.xs)
            advance[list(self.exact)] = list(self.exact.values())
        right = x + advance * scale  # each character's x1, as `char` computes it
        self.rights = right.tolist()
        solid = ~_IS_SPACE[np.minimum(codes, len(_IS_SPACE) - 1)]
        joins = (
            (obj[1:] == obj[:-1])
            & (scale[:-1] > 0)
            & solid[:-1]
            & solid[1:]
            & (x[1:] > x[:-1])
            & (x[1:] <= right[:-1] + X_TOLERANCE)
            & (y[1:] == y[:-1])
            & (right[1:] >= right[:-1])
        )
        edges = np.diff(np.concatenate(([0], joins.astype(np.int8), [0])))
        starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        plain = np.zeros(count, np.bool_)
        plain[1:-1] = (
            (codes[1:-1] == _SPACE)
            & (obj[:-2] == obj[1:-1])
            & (obj[1:-1] == obj[2:])
            & (scale[1:-1] > 0)
            & (y[:-2] == y[1:-1])
            & (y[1:-1] == y[2:])
            & (x[:-2] <= x[1:-1])
            & (x[1:-1] < x[2:])
        )
        return list(zip(starts.tolist(), ends.tolist(), strict=True)), plain.tolist()

    def char(self, index: int, text: str, key: int, ox: float, oy: float) -> None:
        """One character: decomposed ligatures and rotated glyphs included.

        pdfium makes up spaces, which pdfminer does not have. Between two text
        objects (key 0: no object) where their gap looks wide: they are left out,
        and the gap decides as it does for pdfplumber; a space pdfium left out
        with its text object comes back from `_blanks`. Inside a TJ array where
        kerning is wide (letter-spaced titles): it sits at the next glyph's
        origin, and is left out too; one that stands for a real space pdfium
        dropped stays (see `_kerning_space`).
        x0 is the origin and x1 the origin plus the advance (pdfium's loose box also
        covers ink that overhangs), as pdfminer has them.
        """
        if not key or (text == " " and self._kerning_space(index, key, ox, oy)):
            return
        run = self._run_of(key, index)
        chars = self.chars
        if (key, ox) == self.previous and text not in _BLANKS:
            chars[-1].text += text  # one ligature glyph, decomposed by pdfium
            own = self.exact.get(index)
            if own is not None:  # a glyph of its own after all (see `_ligature`)
                right = ox + own * run.hscale
            else:  # pdfium's box: the glyph's advance, from where pdfium placed it
                right = self._loose_box(index).right + ox - self.placed_xs[index]
            chars[-1].x1 = max(chars[-1].x1, right)
        elif run.upright:
            bottom = self.height - (oy + run.descent)
            advance = self.exact.get(index)
            if advance is None:
                advance = self.fonts.advance(run, text)
            x1 = ox + advance * run.hscale
            attrs = (run.size, run.font, True)
            chars.append(_Char(text, ox, bottom - run.size, x1, bottom, *attrs, index, ox))
        else:
            box = self._loose_box(index)
            top, bottom = self.height - box.top, self.height - box.bottom
            attrs = (run.size, run.font, False)
            chars.append(_Char(text, box.left, top, box.right, bottom, *attrs, index, box.left))
        self.previous = (key, ox)

    def _kerning_space(self, index: int, key: int, ox: float, oy: float) -> bool:
        """A space pdfium generated inside a text object, at the next glyph's own origin.

        A generated space that stands for a real one (pdfium drops a real space right
        after one it made up) lies a space's width before the next glyph, and stays.
        """
        if index + 1 >= len(self.text):
            return False
        following = (self.objs[index + 1], self.xs[index + 1], self.ys[index + 1])
        return following == (key, ox, oy) and bool(_IS_GENERATED(self.handle, index))

    def _loose_box(self, index: int) -> Any:
        _LOOSE_BOX(self.handle, index, ctypes.byref(self.box))
        return self.box

    def explode(self, piece: _Char) -> list[_Char]:
        """A run `_Char` as the characters it stands for, and the space folded before it."""
        last = self.pieces.get(piece.index)
        if last is None:
            return [piece]
        xs, rights, attrs = self.xs, self.rights, (piece.size, piece.font, True)
        first = self.folded.get(piece.index, piece.index)  # the space, if one was folded
        return [
            _Char(self.text[i], xs[i], piece.top, rights[i], piece.bottom, *attrs, i, xs[i])
            for i in range(first, last + 1)
        ]

    def settled(self, line: list[_Char]) -> bool:
        """Whether the line's runs and singles, sorted by x0, stand for its characters sorted.

        True unless something starts inside a run (overprinted or overlapping text),
        or something came between a folded space's two runs: the space splits them
        only when they end up side by side.
        """
        pieces, folded = self.pieces, self.folded
        for a, b in itertools.pairwise(line):
            if a.last_x0 > b.x0 or (a.last_x0 == b.x0 and self.rank(a.index) > self.rank(b.index)):
                return False
            if b.index in folded and pieces.get(a.index) != folded[b.index] - 1:
                return False
        return not line or line[0].index not in folded


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
        return [sorted(lines[k], key=_X0) for k in sorted(lines)]
    return [sorted(lines[k], key=lambda c: (c.top, c.bottom)) for k in sorted(lines)]


def _new_word(previous: _Char, char: _Char, upright: bool) -> bool:
    if upright:
        ax, bx, cx, ay, cy = previous.last_x0, previous.x1, char.x0, previous.top, char.top
        x, y = X_TOLERANCE, Y_TOLERANCE
    else:
        ax, bx, cx, ay, cy = previous.top, previous.bottom, char.top, previous.x0, char.x0
        x, y = Y_TOLERANCE, X_TOLERANCE
    return cx < ax or cx > bx + x or abs(cy - ay) > y


def _line_words(
    line: list[_Char], upright: bool, folded: Container[int], words: list[Word]
) -> None:
    """pdfplumber's split of one sorted line into words, each merged onto `words`."""
    word: list[_Char] = []
    for char in line:
        if char.text.isspace():
            if word:
                words.append(_merge(word))
            word = []
        elif word and (char.index in folded or _new_word(word[-1], char, upright)):
            words.append(_merge(word))
            word = [char]
        else:
            word.append(char)
    if word:
        words.append(_merge(word))


def _merge(chars: list[_Char]) -> Word:
    if len(chars) == 1:  # most words: one token
        c = chars[0]
        return Word(c.text, c.x0, c.top, c.x1, c.bottom, c.size, is_bold(c.font))
    return Word(
        text="".join(c.text for c in chars),
        x0=min(c.x0 for c in chars),
        top=min(c.top for c in chars),
        x1=max(c.x1 for c in chars),
        bottom=max(c.bottom for c in chars),
        size=chars[0].size,
        bold=is_bold(chars[0].font),
    )


def page_words(
    textpage: Any,
    height: float,
    fonts: _Fonts,
    scratch: Scratch,
    by_token: bool = True,
    objects: PageObjects | None = None,
) -> list[Word]:
    """Words as pdfplumber's extract_words(extra_attrs=["size", "fontname"]) makes them.

    `objects` is what `page_objects` found on the page before its text page was built.
    """
    reader = _PageChars(textpage, height, fonts, scratch)
    words: list[Word] = []
    grouped = itertools.groupby(reader.read(by_token, objects), _ATTRS)
    for (upright, _, _), group in grouped:
        for line in _cluster(list(group), upright):
            folded: Container[int] = reader.folded
            if upright and not reader.settled(line):
                chars = [char for piece in line for char in reader.explode(piece)]
                line, folded = sorted(chars, key=lambda c: (c.x0, reader.rank(c.index))), ()
            _line_words(line, upright, folded, words)
    if _SURROGATE.search(reader.text):
        words = [dataclasses.replace(w, text=_paired(w.text)) for w in words]
    return words


def _paired(text: str) -> str:
    """Text with UTF-16 surrogate pairs made whole and strays replaced.

    pdfium gives a character outside the BMP mapped by a ToUnicode CMap as two
    surrogate halves at one origin, which `char` glues together as a ligature.
    """
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# pdfium's text page leaves out a text object narrower than this (CPDF_TextPage's kSizeEpsilon).
_NARROWEST = 0.01


def _times(m: _Matrix, n: _Matrix) -> _Matrix:
    """m then n, as PDF composes matrices."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


@dataclass(slots=True)
class PageObjects:
    """What one walk over a page's objects finds, before its text page is built.

    `boxes`: bounds of the path objects (rectangles, rounded cards), top-left origin.
    `order`: each text object's rank in content order, by address. pdfium's text
    page puts the objects of one line in order of position, pdfminer keeps the
    order of the content stream, and pdfplumber's words follow it.
    `forms`: the matrix of the form XObject a text object is drawn in, by address.
    """

    boxes: list[BBox] = dataclasses.field(default_factory=list)
    order: dict[int, int] = dataclasses.field(default_factory=dict)
    forms: dict[int, _Matrix] = dataclasses.field(default_factory=dict)


def page_objects(page: Any, height: float) -> PageObjects:
    """Walk the page's objects once: path boxes, and the order of the text objects.

    It also takes every /ActualText out of the marked content of the text
    objects: pdfium's text page reads it in place of the glyphs (Chromium marks
    its ligatures and synthesized small capitals so), and pdfminer never does.
    The page is only changed in memory, so call this before building its text page.
    Form XObjects are searched 14 levels deep, as pypdfium2's `get_objects` does,
    but without building a Python object per page object.
    """
    walk = _Walk(height)
    walk.visit(_COUNT_OBJECTS, _GET_OBJECT, _handle(page), 0, _IDENTITY)
    return walk.found


class _Walk:
    """The state of `page_objects`: out-parameters, and what it found so far."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.found = PageObjects()
        self.bounds = [ctypes.c_float() for _ in range(4)]
        self.refs = [ctypes.byref(value) for value in self.bounds]
        self.matrix = raw.FS_MATRIX()

    def visit(
        self, count: Any, get: Any, parent: ctypes.c_void_p, level: int, form: _Matrix
    ) -> None:
        total = count(parent)
        if total < 0:
            raise pdfium.PdfiumError("Failed to get number of pageobjects.")
        order, forms = self.found.order, self.found.forms
        for index in range(total):
            address = get(parent, index)
            if not address:
                raise pdfium.PdfiumError("Failed to get pageobject.")
            obj = ctypes.c_void_p(address)
            kind = _OBJECT_TYPE(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                self.path(obj)
            elif kind == raw.FPDF_PAGEOBJ_TEXT:  # its rank; no /ActualText
                order[address] = len(order)
                if form is not _IDENTITY:
                    forms[address] = form
                for mark in range(_COUNT_MARKS(obj)):
                    _REMOVE_MARK_PARAM(obj, ctypes.c_void_p(_GET_MARK(obj, mark)), b"ActualText")
            elif kind == raw.FPDF_PAGEOBJ_FORM and level < _FORM_DEPTH:
                inner, m = form, self.matrix
                if _OBJECT_MATRIX(obj, ctypes.byref(m)):
                    inner = _times((m.a, m.b, m.c, m.d, m.e, m.f), form)
                self.visit(_COUNT_FORM_OBJECTS, _GET_FORM_OBJECT, obj, level + 1, inner)

    def path(self, obj: ctypes.c_void_p) -> None:
        if not _OBJECT_BOUNDS(obj, *self.refs):
            raise pdfium.PdfiumError("Failed to locate pageobject.")
        left, bottom, right, top = (value.value for value in self.bounds)
        self.found.boxes.append(BBox(left, self.height - top, right, self.height - bottom))


def read_pages(source: PdfFile) -> tuple[tuple[Page, ...], str]:
    """Every page read once and closed before the next one is opened.

    Failures of the native parser (and of pdfminer reading font descriptors)
    on a damaged file all mean "this PDF cannot be read": one clear error.
    """
    pdf = source.pdfium()
    try:
        return _read(source, pdf)
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:  # any parser failure is a damaged file
        raise corrupt(source.path, exc) from exc
    finally:
        pdf.close()


def _read(source: PdfFile, pdf: Any) -> tuple[tuple[Page, ...], str]:
    """Pages through pdfium's own handles: pypdfium2's wrappers cost 0.25 ms a page."""
    title = str(pdf.get_metadata_dict().get("Title", "") or "")
    descents = Descents(source)
    try:
        return _read_each(pdf, _Fonts(descents)), title
    finally:
        descents.close()


def _read_each(pdf: Any, fonts: _Fonts) -> tuple[Page, ...]:
    pages: list[Page] = []
    scratch = Scratch()
    for index in range(len(pdf)):
        page = raw.FPDF_LoadPage(pdf.raw, index)
        if not page:
            raise pdfium.PdfiumError(f"Failed to load page {index + 1}.")
        try:
            width, height = raw.FPDF_GetPageWidthF(page), raw.FPDF_GetPageHeightF(page)
            objects = page_objects(page, height)  # before the text page: see `page_objects`
            textpage = raw.FPDFText_LoadPage(page)
            if not textpage:
                raise pdfium.PdfiumError(f"Failed to read the text of page {index + 1}.")
            try:
                words = page_words(textpage, height, fonts, scratch, objects=objects)
            finally:
                raw.FPDFText_ClosePage(textpage)
            drawn = shapes(objects.boxes, width)
        finally:
            raw.FPDF_ClosePage(page)
        number = index + 1
        lines = words_to_lines(on_page(words, width, height), number, drawn)
        pages.append(Page(number, width, height, lines, drawn))
    return tuple(pages)
