"""Words to lines in reading order, shared by every backend.

A backend only has to produce positioned words; grouping them into rows,
cutting rows at column gutters and ordering the columns is the same problem
whatever library read the characters, so it is solved once here.
"""

from __future__ import annotations

import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from operator import attrgetter

import numpy as np

from extract.model import BBox, Line, Word
from extract.read.columns import ALIGN_TOLERANCE, column_gutters, reading_order

# A gap wider than this many font sizes between two words of one row is a
# column gutter, not a word space. Justified text stretches spaces to about
# 1.2 em at worst; gutters are several em wide.
GUTTER_EM = 1.8
# ...but a gap of this many font sizes is a gutter where a column is known to start.
NARROW_GUTTER_EM = 0.9

_DASHES = frozenset("–—-")
_BULLETS = frozenset("•●▪■◦‣∙·-–")
_TOP_LEFT = attrgetter("top", "x0")
_LEFT = attrgetter("x0")
_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "\xa0": " "})


def clean_text(text: str) -> str:
    """NFC with typographic ligatures spelled out and no-break spaces made plain."""
    return unicodedata.normalize("NFC", text.translate(_LIGATURES))


def _rows(words: Sequence[Word]) -> list[list[Word]]:
    """Group words into rows: each joins the recent row it overlaps most.

    A row's span is that of its first word and does not grow, so that two
    columns whose baselines are offset cannot chain lines together. (This
    runs for every word of every page: comparisons are spelled out rather
    than calling min and max.)
    """
    rows: list[list[Word]] = []
    spans: list[tuple[float, float, float]] = []  # top, bottom, height of each row
    for word in sorted(words, key=_TOP_LEFT):
        top, bottom = word.top, word.bottom
        height = bottom - top if bottom - top > 0.1 else 0.1
        best, best_share = -1, 0.5
        for index in range(len(rows) - 1, max(len(rows) - 5, -1), -1):
            row_top, row_bottom, row_height = spans[index]
            if row_bottom <= top:
                continue  # no overlap: a share of zero or less never wins
            overlap = (row_bottom if row_bottom < bottom else bottom) - (
                row_top if row_top > top else top
            )
            share = overlap / (height if height < row_height else row_height)
            if share >= best_share:
                best, best_share = index, share
        if best >= 0:
            rows[best].append(word)
        else:
            rows.append([word])
            spans.append((top, bottom, bottom - top if bottom - top > 0.1 else 0.1))
    return [sorted(row, key=_LEFT) for row in rows]


def _segments(row: list[Word]) -> list[list[Word]]:
    """Cut a row where the gap between two words is a gutter."""
    segments: list[list[Word]] = [[row[0]]]
    for previous, word in zip(row, row[1:], strict=False):
        gap = word.x0 - previous.x1
        em = min(previous.size, word.size)
        # A change of type size across a wide space is a column, not a phrase.
        restyled = abs(previous.size - word.size) > 1.0 and gap > em
        if len(segments[-1]) == 1 and previous.text in _BULLETS:
            segments[-1].append(word)  # a bullet and its item's text
        elif gap > GUTTER_EM * em or restyled:
            segments.append([word])
        else:
            segments[-1].append(word)
    return segments


def _first_unit(words: list[Word]) -> Word:
    """Last word of the line's first unbreakable unit.

    French typography glues punctuation to its word with a no-break space
    (`« ambassadeurs`, `numérique –`, `projet :`), so the unit that could not
    fit at the end of the previous line includes such marks.
    """
    index = 0
    while index < len(words) - 1 and not _is_wordlike(words[index]):
        index += 1  # opening marks stick to the word after them
    last = words[index]
    for word in words[index + 1 :]:
        if _is_wordlike(word):
            if last.text in _DASHES:  # `numérique – une`: the dash holds on to both sides
                return word
            break
        last = word
    return last


def _is_wordlike(word: Word) -> bool:
    return any(ch.isalnum() for ch in word.text)


def _support(word_rows: list[list[list[Word]]], gutter: float) -> int:
    """Rows in which something starts on the gutter: a segment, or a word
    after more than a word space (a narrower gutter the first pass missed)."""
    count = 0
    for row in word_rows:
        for segment in row:
            if abs(segment[0].x0 - gutter) <= ALIGN_TOLERANCE or any(
                abs(word.x0 - gutter) <= 1.5
                and word.x0 - previous.x1 > NARROW_GUTTER_EM * max(previous.size, word.size)
                for previous, word in zip(segment, segment[1:], strict=False)
            ):
                count += 1
                break
    return count


def _cut_at_gutters(segment: list[Word], gutters: list[float]) -> list[list[Word]]:
    """Cut a segment where a word starts exactly on a known gutter.

    Gutters narrower than GUTTER_EM go unnoticed on a single row; once other
    rows have shown where the right column starts, a word starting right
    there after more than a word space begins that column.
    """
    parts: list[list[Word]] = [[segment[0]]]
    for previous, word in zip(segment, segment[1:], strict=False):
        gap = word.x0 - previous.x1
        on_gutter = any(abs(word.x0 - g) <= 1.5 for g in gutters)
        # The text of an item after its bullet, not a column.
        after_bullet = len(parts[-1]) == 1 and previous.text in _BULLETS
        if (
            on_gutter
            and not after_bullet
            and gap > NARROW_GUTTER_EM * max(previous.size, word.size)
        ):
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


def _make_line(words: list[Word], page: int) -> Line:
    first = words[0]
    x0, top, x1, bottom, size = first.x0, first.top, first.x1, first.bottom, first.size
    chars = bold_chars = 0
    mixed = False
    for w in words:  # one pass: this runs for every word of every page
        x0 = w.x0 if w.x0 < x0 else x0
        top = w.top if w.top < top else top
        x1 = w.x1 if w.x1 > x1 else x1
        bottom = w.bottom if w.bottom > bottom else bottom
        mixed = mixed or w.size != size
        chars += len(w.text)
        bold_chars += len(w.text) if w.bold else 0
    if mixed:  # the median character's size
        size = statistics.median([w.size for w in words for _ in w.text])
    return Line(
        text=clean_text(" ".join(w.text for w in words)),
        page=page,
        bbox=BBox(x0, top, x1, bottom),
        size=round(size, 2),
        bold=bold_chars * 2 > chars,
        first_word_width=_first_unit(words).x1 - first.x0,
    )


def _lines(words: list[Word], page: int, height: float) -> list[Line]:
    word_rows = [_segments(row) for row in _rows(words)]
    rows = [[_make_line(seg, page) for seg in row] for row in word_rows]
    gutters = [g for g in column_gutters(rows) if _support(word_rows, g) >= 2]
    if gutters:
        word_rows = [[p for seg in row for p in _cut_at_gutters(seg, gutters)] for row in word_rows]
        rows = [[_make_line(seg, page) for seg in row] for row in word_rows]
    return reading_order(rows, height)


def frames(boxes: Iterable[BBox], page_width: float) -> tuple[BBox, ...]:
    """Drawn shapes big enough to frame text: cards, bands, panels."""
    return tuple(
        b for b in boxes if 40 <= b.x1 - b.x0 <= 0.98 * page_width and b.bottom - b.top >= 14
    )


def _boxes_of(words: Sequence[Word], boxes: Sequence[BBox]) -> list[int]:
    """Index of the smallest box around each word's centre, or -1 (the first on a tie).

    Every word of a page with frames is tested against every frame: numpy does it
    in one pass rather than a loop per word.
    """
    cx = np.array([(w.x0 + w.x1) / 2 for w in words])[:, None]
    cy = np.array([(w.top + w.bottom) / 2 for w in words])[:, None]
    frame = np.array([(b.x0, b.top, b.x1, b.bottom) for b in boxes]).T[:, None, :]
    x0, top, x1, bottom = frame
    inside = (x0 <= cx) & (cx <= x1) & (top <= cy) & (cy <= bottom)
    areas = np.where(inside, (x1 - x0) * (bottom - top), np.inf)
    best = areas.argmin(axis=1)
    best[~inside.any(axis=1)] = -1
    return [int(i) for i in best]


def _row_major(boxes: list[tuple[BBox, list[Line]]]) -> list[tuple[BBox, list[Line]]]:
    """Boxes read like text: by rows of boxes whose tops align, left to right."""
    ordered = sorted(boxes, key=lambda item: item[0].top)
    bands: list[list[tuple[BBox, list[Line]]]] = []
    for item in ordered:
        if bands and abs(item[0].top - bands[-1][0][0].top) <= ALIGN_TOLERANCE:
            bands[-1].append(item)
        else:
            bands.append([item])
    return [item for band in bands for item in sorted(band, key=lambda i: i[0].x0)]


def words_to_lines(
    words: Iterable[Word], page: int, height: float, boxes: Sequence[BBox] = ()
) -> tuple[Line, ...]:
    """Lines of one page in reading order.

    Columns are read one after the other; text framed in boxes (cards of a
    grid) is read box by box, row of boxes by row of boxes, each box where
    its top falls among the other lines.
    """
    kept = [w for w in words if w.text.strip()]
    if not kept:
        return ()
    framed: dict[int, list[Word]] = {}
    loose: list[Word] = [] if boxes else kept
    for word, index in zip(kept, _boxes_of(kept, boxes) if boxes else (), strict=False):
        if index < 0:
            loose.append(word)
        else:
            framed.setdefault(index, []).append(word)
    if len(framed) < 2:  # a lone box (a banner band) is no grid
        loose, framed = kept, {}
    ordered = _lines(loose, page, height) if loose else []
    for box, lines in reversed(
        _row_major([(boxes[i], _lines(ws, page, height)) for i, ws in framed.items()])
    ):
        at = next((k for k, line in enumerate(ordered) if line.bbox.top > box.top), len(ordered))
        ordered[at:at] = lines
    return tuple(ordered)
