"""Where a page's columns start, so that rows are cut at their gutters.

Works on rows of line segments (a row cut where a gap is a gutter); knows
nothing of words or of what the text says. The order in which columns are
read is the layout stage's business.
"""

from __future__ import annotations

from extract.model import Line

# Start positions of right-hand segments within this many points are one gutter.
ALIGN_TOLERANCE = 4.0
# Starts closer than this to a column's edge are indents within that column.
INDENT_SPAN = 24.0


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
