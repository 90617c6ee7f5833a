"""Columns of a page: where they start, where a region of them ends, and
in which order their lines are read.

Works on rows of line segments (a row cut where a gap is a gutter); knows
nothing of words or of what the text says.
"""

from __future__ import annotations

import statistics
from dataclasses import replace

from extract.model import Line

# Start positions of right-hand segments within this many points are one gutter.
ALIGN_TOLERANCE = 4.0
# Starts closer than this to a column's edge are indents within that column.
INDENT_SPAN = 24.0
# A few rows below this share of the page height are running footers.
FOOT_SHARE = 0.8
FOOT_ROWS = 4


def _column_edge(seg: Line, segments: list[Line]) -> float:
    """A column's edge is its leftmost start near a split: the split may only
    show an indent (a bullet's text, a hanging line)."""
    near = [
        s.bbox.x0
        for s in segments
        if seg.bbox.x0 - INDENT_SPAN <= s.bbox.x0 <= seg.bbox.x0
        and abs(s.bbox.top - seg.bbox.top) <= 3 * seg.size
        and abs(s.size - seg.size) <= 1.0
    ]
    return round(min(near, default=seg.bbox.x0), 1)


def column_gutters(rows: list[list[Line]], min_starts: int = 1) -> list[float]:
    """x positions where a right-hand column starts.

    A candidate is the start of a segment cut off a row by a wide gap; it is
    kept when at least `min_starts` lines start there, split or not.
    """
    segments = [seg for row in rows for seg in row]
    starts = [seg.bbox.x0 for seg in segments]
    candidates = sorted(
        {_column_edge(seg, segments) for row in rows if len(row) > 1 for seg in row[1:]}
    )
    gutters: list[float] = []
    for x in candidates:
        if gutters and x - gutters[-1] <= INDENT_SPAN:
            continue  # the text indent of the same column's bullets
        if sum(1 for s in starts if abs(s - x) <= ALIGN_TOLERANCE) >= min_starts:
            gutters.append(x)
    return gutters


def _crosses(line: Line, gutter: float) -> bool:
    return line.bbox.x0 < gutter - ALIGN_TOLERANCE and line.bbox.x1 > gutter - 1.0


def _region_end(rows: list[list[Line]], start: int, gutter: float, height: float) -> int:
    """Last row of the two-column region that starts at `start`."""
    end = start
    for index in range(start, len(rows)):
        if any(_crosses(seg, gutter) for seg in rows[index]):
            break
        if any(seg.bbox.x0 >= gutter - ALIGN_TOLERANCE for seg in rows[index]):
            end = index
    return _absorb_left_tail(rows, start, end, gutter, height)


def _left_only(row: list[Line], gutter: float) -> bool:
    line = row[0]
    return len(row) == 1 and not _crosses(line, gutter) and line.bbox.x0 < gutter - ALIGN_TOLERANCE


def _absorb_left_tail(
    rows: list[list[Line]], start: int, end: int, gutter: float, height: float
) -> int:
    """Extend a region over rows that carry on its left column alone.

    When the left column is the longer one, its last rows have nothing on the
    right; they still belong before the right column. Two cases:
    - running text that fills the left column and overflows into the right
      one: the left column runs down to the foot of the page (or the right
      column opens mid-sentence), and all of it comes first;
    - a list balanced over two columns, with more below it: only the left
      column's last item, as tight as the rows before it, comes first.
    """
    region = [s for r in rows[start : end + 1] for s in r]
    left = [s for s in region if s.bbox.x0 < gutter - ALIGN_TOLERANCE]
    right = [s for s in region if s.bbox.x0 >= gutter - ALIGN_TOLERANCE]
    starts = {round(s.bbox.x0) for s in left}
    stop = end + 1
    while stop < len(rows) and _left_only(rows[stop], gutter):
        stop += 1
    rest = rows[stop:]
    reaches_foot = len(rest) <= FOOT_ROWS and all(
        r[0].bbox.top >= FOOT_SHARE * height for r in rest
    )
    if reaches_foot or (right and right[0].text[:1].islower()):
        return stop - 1
    tops = sorted(s.bbox.top for s in (left or region))
    steps = [b - a for a, b in zip(tops, tops[1:], strict=False) if b - a > 1.0]
    size = statistics.median(s.size for s in left) if left else region[0].size
    widest = (max(steps) if steps else 1.5 * size) + 0.5 * size
    previous = tops[-1]
    for index in range(end + 1, stop):
        line = rows[index][0]
        aligned = min(starts) - 1.5 <= line.bbox.x0 <= max(starts) + INDENT_SPAN
        if not aligned or abs(line.size - size) > 0.6 or line.bbox.top - previous > widest:
            break
        end, previous = index, line.bbox.top
    return end


def reading_order(rows: list[list[Line]], height: float) -> list[Line]:
    """Read rows top to bottom, but a two-column region column by column."""
    gutters = column_gutters(rows)
    ordered: list[Line] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        gutter = next(
            (g for g in gutters if any(-1 <= s.bbox.x0 - g <= INDENT_SPAN for s in row[1:])),
            None,
        )
        if gutter is None:
            ordered.extend(row)
            index += 1
            continue
        end = _region_end(rows, index, gutter, height)
        region = [seg for r in rows[index : end + 1] for seg in r]
        left = [replace(s, column=1) for s in region if s.bbox.x0 < gutter - ALIGN_TOLERANCE]
        right = [replace(s, column=2) for s in region if s.bbox.x0 >= gutter - ALIGN_TOLERANCE]
        ordered.extend(left + right)
        index = end + 1
    return ordered
