"""Words to lines in reading order, shared by every backend.

A backend only has to produce positioned words; grouping them into rows,
cutting rows at column gutters and ordering the columns is the same problem
whatever library read the characters, so it is solved once here.
"""

from __future__ import annotations

import statistics
import unicodedata
from collections.abc import Iterable, Sequence

from extract.model import BBox, Line, Word

# A gap wider than this many font sizes between two words of one row is a
# column gutter, not a word space. Justified text stretches spaces to about
# 1.2 em at worst; gutters are several em wide.
GUTTER_EM = 1.8
# Start positions of right-hand segments within this many points are one gutter.
ALIGN_TOLERANCE = 4.0

_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "\xa0": " "})


def clean_text(text: str) -> str:
    """NFC with typographic ligatures spelled out and no-break spaces made plain."""
    return unicodedata.normalize("NFC", text.translate(_LIGATURES))


def _rows(words: Sequence[Word]) -> list[list[Word]]:
    """Group words whose vertical extents overlap by half into rows."""
    rows: list[list[Word]] = []
    spans: list[tuple[float, float]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        height = max(word.bottom - word.top, 0.1)
        placed = False
        for index in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            top, bottom = spans[index]
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap >= 0.5 * min(height, bottom - top):
                rows[index].append(word)
                spans[index] = (min(top, word.top), max(bottom, word.bottom))
                placed = True
                break
        if not placed:
            rows.append([word])
            spans.append((word.top, word.bottom))
    return [sorted(row, key=lambda w: w.x0) for row in rows]


def _segments(row: list[Word]) -> list[list[Word]]:
    """Cut a row where the gap between two words is a gutter."""
    segments: list[list[Word]] = [[row[0]]]
    for previous, word in zip(row, row[1:], strict=False):
        if word.x0 - previous.x1 > GUTTER_EM * max(previous.size, word.size):
            segments.append([word])
        else:
            segments[-1].append(word)
    return segments


def _make_line(words: list[Word], page: int) -> Line:
    sizes = [w.size for w in words for _ in w.text]
    bold_chars = sum(len(w.text) for w in words if w.bold)
    box = BBox(
        min(w.x0 for w in words),
        min(w.top for w in words),
        max(w.x1 for w in words),
        max(w.bottom for w in words),
    )
    return Line(
        text=clean_text(" ".join(w.text for w in words)),
        page=page,
        bbox=box,
        size=round(statistics.median(sizes), 2),
        bold=bold_chars * 2 > len(sizes),
        first_word_width=words[0].x1 - words[0].x0,
    )


def _gutters(rows: list[list[Line]]) -> list[float]:
    """x positions where a right-hand segment starts, clustered."""
    starts = sorted(seg.bbox.x0 for row in rows if len(row) > 1 for seg in row[1:])
    clusters: list[list[float]] = []
    for x in starts:
        if clusters and x - clusters[-1][-1] <= ALIGN_TOLERANCE:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [min(c) for c in clusters if len(c) >= 2]


def _crosses(line: Line, gutter: float) -> bool:
    return line.bbox.x0 < gutter - ALIGN_TOLERANCE and line.bbox.x1 > gutter - 1.0


def _region_end(rows: list[list[Line]], start: int, gutter: float) -> int:
    """Last row of the two-column region that starts at `start`."""
    end = start
    for index in range(start, len(rows)):
        if any(_crosses(seg, gutter) for seg in rows[index]):
            break
        if any(seg.bbox.x0 >= gutter - ALIGN_TOLERANCE for seg in rows[index]):
            end = index
    return _absorb_left_tail(rows, start, end, gutter)


def _absorb_left_tail(rows: list[list[Line]], start: int, end: int, gutter: float) -> int:
    """Extend a region over rows that carry on its left column alone.

    When the left column is the longer one, its last rows have nothing on the
    right; they still belong before the right column. They are told from what
    follows the region by their pitch, alignment and weight.
    """
    left = [s for r in rows[start : end + 1] for s in r if s.bbox.x0 < gutter - ALIGN_TOLERANCE]
    if len(left) < 2:
        return end
    pitch = statistics.median(b.bbox.top - a.bbox.top for a, b in zip(left, left[1:], strict=False))
    starts = {round(s.bbox.x0) for s in left}
    bold = sum(s.bold for s in left) * 2 > len(left)
    previous = left[-1]
    for index in range(end + 1, len(rows)):
        row = rows[index]
        line = row[0]
        if (
            len(row) != 1
            or _crosses(line, gutter)
            or line.bbox.x0 >= gutter - ALIGN_TOLERANCE
            or not any(abs(line.bbox.x0 - x) <= 1.5 for x in starts)
            or line.bold != bold
            or line.bbox.top - previous.bbox.top > 1.6 * max(pitch, 1.0)
        ):
            break
        end, previous = index, line
    return end


def _order(rows: list[list[Line]]) -> list[Line]:
    """Read rows top to bottom, but a two-column region column by column."""
    gutters = _gutters(rows)
    ordered: list[Line] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        gutter = next(
            (g for g in gutters if any(abs(s.bbox.x0 - g) <= ALIGN_TOLERANCE for s in row[1:])),
            None,
        )
        if gutter is None:
            ordered.extend(row)
            index += 1
            continue
        end = _region_end(rows, index, gutter)
        region = [seg for r in rows[index : end + 1] for seg in r]
        left = [s for s in region if s.bbox.x0 < gutter - ALIGN_TOLERANCE]
        right = [s for s in region if s.bbox.x0 >= gutter - ALIGN_TOLERANCE]
        ordered.extend(left + right)
        index = end + 1
    return ordered


def words_to_lines(words: Iterable[Word], page: int) -> tuple[Line, ...]:
    """Lines of one page in reading order (columns read one after the other)."""
    kept = [w for w in words if w.text.strip()]
    if not kept:
        return ()
    rows = [[_make_line(seg, page) for seg in _segments(row)] for row in _rows(kept)]
    return tuple(_order(rows))
