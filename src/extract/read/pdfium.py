"""The pypdfium2 backend: pdfium's characters, grouped into words as pdfplumber does.

pdfium only supplies positioned characters; words are then built with
pdfplumber's own rules (`WordExtractor` with x/y tolerance 3 and the extra
attributes size and fontname), so both backends hand the same words to
`words_to_lines`. Known gaps with pdfminer: pdfium keeps glyph widths as whole
font units (a font whose /Widths have decimals drifts by a fraction of a point
along a line); and it does not expose a font descriptor's /Descent, so those
are read with pdfminer from the font dictionaries alone. Inside one TJ array,
kerning wider than about half a space makes pdfium insert a space of its own
at the next glyph's origin; pdfminer has no such character, so it is left out
(see `_PageChars.char`).
"""

from __future__ import annotations

import collections
import ctypes
import dataclasses
import itertools
import operator
import re
from collections.abc import Container, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extract.errors import corrupt, encrypted
from extract.model import BBox, Page, Word
from extract.read.lines import shapes, words_to_lines
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
    """/Descent of the font descriptors (what pdfminer uses), by unprefixed base font name.

    pdfium replaces a zero /Descent with a glyph's bottom, so the descriptors are
    read here with pdfminer: only the page tree and font dictionaries, no content.
    They are read page by page as far as the first page that names the font
    asked for, and no further: a long directory uses the same few fonts from its
    first pages on, so most of its page tree is never parsed. The first
    descriptor met in page order wins, as when the whole tree is read.
    """

    def __init__(self, path: Path, password: str | None) -> None:
        self.known: dict[str, float] = {}
        self._pages = self._walk(path, password)

    def get(self, name: str) -> float | None:
        while name not in self.known:
            found = next(self._pages, None)
            if found is None:
                return None
            for font, descent in found:
                self.known.setdefault(font, descent)
        return self.known[name]

    def close(self) -> None:
        self._pages.close()

    @staticmethod
    def _walk(path: Path, password: str | None) -> Generator[list[tuple[str, float]], None, None]:
        """Each page's (unprefixed base font name, descent) pairs, in page order."""
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import resolve1

        with path.open("rb") as handle:
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
                        name = _unprefixed(str(getattr(named.get("BaseFont"), "name", "")))
                        found.append((name, descent))
                yield found


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
        self._width = ctypes.c_float()

    def get(self, key: int) -> tuple[str, float]:
        """Name and descent of the font at this address."""
        if key not in self.known:
            handle = ctypes.cast(key, raw.FPDF_FONT)
            self.known[key] = _font(handle, self.descents)
            self.handles[key] = handle
        return self.known[key]

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


def _run(textpage: ctypes.c_void_p, index: int, key: int, fonts: _Fonts) -> _Run:
    """The run of text object `key`, whose first character is at `index`.

    Most objects of a page share font, size and matrix with others (a line, a
    word each): the run is built once per distinct set of those values.
    """
    obj, size, m = ctypes.c_void_p(key), ctypes.c_float(), raw.FS_MATRIX()
    font_key = _TEXT_FONT(obj)
    _FONT_SIZE(obj, ctypes.byref(size))
    _CHAR_MATRIX(textpage, index, ctypes.byref(m))
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
        self.run: _Run | None = None
        self.previous = (0, -1.0)
        self.chars: list[_Char] = []
        self.pieces: dict[int, int] = {}  # last index of each run `_Char`, by first index
        self.folded: dict[int, int] = {}  # the plain space left out before a run, by run
        self.text = ""
        self.objs: list[int] = []
        self.xs: list[float] = []
        self.ys: list[float] = []
        self.rights: list[float] = []
        self.box = raw.FS_RECTF()

    def read(self, by_token: bool = True) -> list[_Char]:
        count = raw.FPDFText_CountChars(self.textpage)
        if count <= 0:  # no text layer (-1: pdfium could not count)
            return self.chars
        text = self.text = self._text(count, by_token)
        if not by_token or _RIGHT_TO_LEFT.search(text):
            ox, oy = ctypes.c_double(), ctypes.c_double()
            for index, char in enumerate(text):
                _ORIGIN(self.handle, index, ctypes.byref(ox), ctypes.byref(oy))
                self.char(index, char, _OBJECT(self.handle, index), ox.value, oy.value)
            return self.chars
        self._read_bulk(count)
        return self.chars

    def _read_bulk(self, count: int) -> None:
        """Runs as one `_Char` each, folded spaces noted, every other character alone."""
        text, handle = self.text, self.handle
        objs = self.objs = list(map(_OBJECT, itertools.repeat(handle, count), range(count)))
        xs, ys = self.xs, self.ys = self.scratch.origins(handle, count)
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
            self.run, self.previous = run, (key, xs[last])
        for index in range(done, count):
            self.char(index, text[index], objs[index], xs[index], ys[index])

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
            run = self.runs[key] = _run(self.handle, index, key, self.fonts)
        return run

    def _spans(self) -> tuple[list[tuple[int, int]], list[bool]]:
        """First and last index of each run of two or more characters that stay together,
        and which characters are plain spaces: a space of the object of the characters
        on both sides, on their baseline, not left of the one before and strictly left
        of the one after."""
        count = len(self.text)
        obj = np.fromiter(self.objs, np.uint64, count)
        keys, firsts, which = np.unique(obj, return_index=True, return_inverse=True)
        runs = [
            self._run_of(k, i) if k else None
            for k, i in zip(keys.tolist(), firsts.tolist(), strict=True)
        ]
        scale = np.array([r.hscale if r and r.upright and r.hscale > 0 else 0.0 for r in runs])
        scale = scale[which]
        codes = np.frombuffer(self.text.encode("utf-32-le", "surrogatepass"), np.uint32).astype(
            np.int64
        )
        font_keys = sorted({r.font_key for r in runs if r} | {0})
        font_of = np.array([font_keys.index(r.font_key if r else 0) for r in runs], np.int64)
        # One width per (font, character) pair of the page: `_CODES` fits any code point.
        pairs, where = np.unique(font_of[which] * _CODES + codes, return_inverse=True)
        wanted = [(font_keys[pair // _CODES], chr(pair % _CODES)) for pair in pairs.tolist()]
        self.fonts.measure(set(wanted))
        advance = np.array([self.fonts.widths[pair] for pair in wanted])[where]
        x, y = self.scratch.arrays(count)
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
        """One character: generated spaces, decomposed ligatures and rotated glyphs included.

        pdfium reports some real spaces, and a no-break space it dropped, as generated
        spaces: every space still ends a word, as any whitespace does for pdfplumber.
        The exception is the space pdfium makes up inside a TJ array where kerning
        is wide (letter-spaced titles): it sits at the next glyph's origin, and is
        left out, so that the gap decides as it does for pdfplumber.
        x0 is the origin and x1 the origin plus the advance (pdfium's loose box also
        covers ink that overhangs), as pdfminer has them.
        """
        if text == " " and key and self._kerning_space(index, key, ox, oy):
            return
        run = self._run_of(key, index) if key else None
        self.run = run or self.run
        chars = self.chars
        if self.run is None or (not key and (text in "\r\n" or not chars)):
            return
        if run is None:  # a space pdfium made up: it has no position of its own
            last, left = chars[-1], self._loose_box(index).left
            attrs = (last.size, last.font, last.upright)
            chars.append(_Char(" ", left, last.top, left, last.bottom, *attrs, index, left))
        elif (key, ox) == self.previous and text not in _BLANKS:
            chars[-1].text += text  # one ligature glyph, decomposed by pdfium
            chars[-1].x1 = max(chars[-1].x1, self._loose_box(index).right)
        elif run.upright:
            bottom = self.height - (oy + run.descent)
            x1 = ox + self.fonts.advance(run, text) * run.hscale
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
        if self.objs:  # read in bulk
            following = (self.objs[index + 1], self.xs[index + 1], self.ys[index + 1])
        else:
            nx, ny = ctypes.c_double(), ctypes.c_double()
            _ORIGIN(self.handle, index + 1, ctypes.byref(nx), ctypes.byref(ny))
            following = (_OBJECT(self.handle, index + 1), nx.value, ny.value)
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
            if a.last_x0 > b.x0 or (a.last_x0 == b.x0 and a.index > b.index):
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
    textpage: Any, height: float, fonts: _Fonts, scratch: Scratch, by_token: bool = True
) -> list[Word]:
    """Words as pdfplumber's extract_words(extra_attrs=["size", "fontname"]) makes them."""
    reader = _PageChars(textpage, height, fonts, scratch)
    words: list[Word] = []
    grouped = itertools.groupby(reader.read(by_token), _ATTRS)
    for (upright, _, _), group in grouped:
        for line in _cluster(list(group), upright):
            folded: Container[int] = reader.folded
            if upright and not reader.settled(line):
                chars = [char for piece in line for char in reader.explode(piece)]
                line, folded = sorted(chars, key=lambda c: (c.x0, c.index)), ()
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


def _path_boxes(page: Any, height: float) -> list[BBox]:
    """Bounds of the page's path objects (rectangles, rounded cards), top-left origin.

    Form XObjects are searched 14 levels deep, as pypdfium2's `get_objects` does,
    but without building a Python object per page object.
    """
    boxes: list[BBox] = []
    bounds = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(value) for value in bounds]

    def visit(count: Any, get: Any, parent: ctypes.c_void_p, level: int) -> None:
        total = count(parent)
        if total < 0:
            raise pdfium.PdfiumError("Failed to get number of pageobjects.")
        for index in range(total):
            address = get(parent, index)
            if not address:
                raise pdfium.PdfiumError("Failed to get pageobject.")
            obj = ctypes.c_void_p(address)
            kind = _OBJECT_TYPE(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                if not _OBJECT_BOUNDS(obj, *refs):
                    raise pdfium.PdfiumError("Failed to locate pageobject.")
                left, bottom, right, top = (value.value for value in bounds)
                boxes.append(BBox(left, height - top, right, height - bottom))
            elif kind == raw.FPDF_PAGEOBJ_FORM and level < _FORM_DEPTH:
                visit(_COUNT_FORM_OBJECTS, _GET_FORM_OBJECT, obj, level + 1)

    visit(_COUNT_OBJECTS, _GET_OBJECT, _handle(page), 0)
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
    """Pages through pdfium's own handles: pypdfium2's wrappers cost 0.25 ms a page."""
    title = str(pdf.get_metadata_dict().get("Title", "") or "")
    descents = Descents(path, password)
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
            textpage = raw.FPDFText_LoadPage(page)
            if not textpage:
                raise pdfium.PdfiumError(f"Failed to read the text of page {index + 1}.")
            try:
                words = page_words(textpage, height, fonts, scratch)
            finally:
                raw.FPDFText_ClosePage(textpage)
            drawn = shapes(_path_boxes(page, height), width)
        finally:
            raw.FPDF_ClosePage(page)
        number = index + 1
        pages.append(Page(number, width, height, words_to_lines(words, number, drawn), drawn))
    return tuple(pages)
