"""Columns seen on the document's other pages, cut on a page that shows too little of them.

A record that spills onto a page with a few lines in each column gives too few
rows to show a narrow gutter on that page alone, and its lines run across it.
The gutters the other pages show (column starts that recur from row to row) are
known on every page: a line with a word starting on one of them, after more than
a word space, and with the rows around it blank there, is cut in two. The
other way round, a justified line's last word that such a page shows cut off
(`administratives        des`) is joined back where the document's lines of
that column end.
"""

from __future__ import annotations

from collections import Counter

from extract.model import Line, Page, Word
from extract.read.columns import ALIGN_TOLERANCE
from extract.read.lines import (
    BULLETS,
    NARROW_GUTTER_EM,
    gutter_between,
    justified_space,
    make_line,
    rows_of,
    usual_space,
)

# A gutter is known when a column starts there in this many rows of the document.
MIN_ROWS = 3
# A right edge is known where this many lines of one start end...
EDGE_LINES = 5
# ...and a page showing this many lines of that start at most shows too few to tell.
FEW_LINES = 3
# A word within this many points of a known column's start starts right on it...
ON_START = 1.0
# ...and a space this many times the line's usual one sets it apart from the last.
WIDER_THAN_SPACES = 2.5


def _rows_of_lines(page: Page) -> list[list[Line]]:
    rows: list[list[Line]] = []
    for line in sorted(page.lines, key=lambda line: (line.bbox.top, line.bbox.x0)):
        if rows and abs(line.bbox.top - rows[-1][0].bbox.top) <= 2.0:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda line: line.bbox.x0) for row in rows]


def known_gutters(pages: tuple[Page, ...]) -> list[float]:
    """Where columns start in the document: right-hand lines of a row, after a
    gutter, at one position in at least MIN_ROWS rows."""
    starts: Counter[float] = Counter()
    for page in pages:
        for row in _rows_of_lines(page):
            for left, right in zip(row, row[1:], strict=False):
                if right.bbox.x0 - left.bbox.x1 > NARROW_GUTTER_EM * right.size:
                    starts[round(right.bbox.x0)] += 1
    gutters: list[float] = []
    for x in sorted(starts):
        near = sum(n for other, n in starts.items() if abs(other - x) <= ALIGN_TOLERANCE)
        if near >= MIN_ROWS and not any(abs(g - x) <= ALIGN_TOLERANCE for g in gutters):
            gutters.append(float(x))
    return gutters


def _cut(line: Line, rows: list[list[Word]], index: int, gutters: list[float]) -> list[Line]:
    words = list(line.words)
    parts: list[list[Word]] = [[words[0]]]
    space = usual_space(words) or 0.0
    for previous, word in zip(words, words[1:], strict=False):
        gap = word.x0 - previous.x1
        em = max(previous.size, word.size)
        after_bullet = len(parts[-1]) == 1 and previous.text in BULLETS
        # Across a known gutter, a gutter's width; into another weight, or right
        # on the column's start after a space wider than the line's others (a
        # table's cells padded close: `ouvertes  CCAS`), half an em.
        on_start = any(abs(word.x0 - g) <= ON_START for g in gutters)
        if word.bold != previous.bold or (on_start and gap >= WIDER_THAN_SPACES * space):
            wide = 0.5
        else:
            wide = NARROW_GUTTER_EM
        if (
            not after_bullet
            and gap > wide * em
            and any(abs(word.x0 - g) <= ALIGN_TOLERANCE for g in gutters)
            # The column is known from other rows: across a wide gap, its cells'
            # padding may leave a narrow blank strip (not so a tracked heading's spaces).
            and gutter_between(rows, index, previous, word, strip_em=0.5 if gap > 1.5 * em else 0.8)
            # A justified line's space, however the document's other pages set a
            # column there: one of its stretched spaces where no column starts in
            # the rows around (`• Une   application   mobile` over its item's next
            # line), or the one before its last word pushed to the column's edge
            # (`numérique.        Les`).
            and not justified_space(rows, index, _position(rows[index], word))
        ):
            parts.append([word])
        else:
            parts[-1].append(word)
    if len(parts) == 1:
        return [line]
    return [make_line(part, line.page) for part in parts]


def _position(row: list[Word], word: Word) -> int:
    return next(k for k, other in enumerate(row) if other is word)


def known_edges(pages: tuple[Page, ...]) -> dict[int, list[float]]:
    """Where the lines starting at each place end on a justified edge: right
    edges at which at least EDGE_LINES lines of one start end, by start."""
    ends: dict[int, Counter[float]] = {}
    for page in pages:
        for line in page.lines:
            ends.setdefault(round(line.bbox.x0), Counter())[round(line.bbox.x1)] += 1
    return {
        start: [float(x1) for x1, n in counter.items() if n >= EDGE_LINES]
        for start, counter in ends.items()
    }


def _pushed_word(
    left: Line, right: Line, edges: dict[int, list[float]], starts: list[float]
) -> bool:
    """`right`, a word in lower case cut from `left` on its row, ends on the edge where
    the document's lines starting at `left`'s start end, and starts no known
    column: the last word of a short justified line pushed to its column's edge
    (`administratives        des`) on a page that shows too few lines of that
    column to tell."""
    if len(right.words) != 1 or not right.text[:1].islower():
        return False  # one word of running text (a tag, a name in a grid's cell are not)
    if abs(left.size - right.size) > 0.6 or right.bbox.x0 <= left.bbox.x1:
        return False
    if abs(right.bbox.top - left.bbox.top) > 2.0:
        return False
    if any(abs(right.bbox.x0 - x) <= ALIGN_TOLERANCE for x in starts):
        return False  # where a known column, or another line of its page, starts
    near = (round(left.bbox.x0) + d for d in (-1, 0, 1))
    return any(abs(right.bbox.x1 - e) <= 1.0 for start in near for e in edges.get(start, []))


def _rejoined(
    lines: list[Line], row_of: dict[int, int], edges: dict[int, list[float]], gutters: list[float]
) -> list[Line]:
    """The lines in their order, each row's pushed words joined back to the line
    before them on the row, where the page shows few lines of that line's start."""
    by_row: dict[int, list[Line]] = {}
    for line in lines:
        by_row.setdefault(row_of[id(line.words[0])], []).append(line)
    shown = Counter(round(line.bbox.x0) for line in lines)
    joined: dict[int, Line] = {}  # id of a line -> the line it became
    dropped: set[int] = set()
    for row in by_row.values():
        ordered = sorted(row, key=lambda line: line.bbox.x0)
        for left, right in zip(ordered, ordered[1:], strict=False):
            current = joined.get(id(left), left)
            few = sum(shown[round(left.bbox.x0) + d] for d in (-1, 0, 1)) <= FEW_LINES
            if not few or id(left) in dropped:
                continue
            others = gutters + [line.bbox.x0 for line in lines if line is not right]
            if _pushed_word(current, right, edges, others):
                joined[id(left)] = make_line([*current.words, *right.words], right.page)
                dropped.add(id(right))
    return [joined.get(id(line), line) for line in lines if id(line) not in dropped]


def recut(pages: tuple[Page, ...]) -> tuple[Page, ...]:
    """Pages with their lines cut at the document's known gutters, and a justified
    line's last word cut off it on a page that showed too little joined back."""
    gutters = known_gutters(pages)
    edges = known_edges(pages)
    out: list[Page] = []
    for page in pages:
        rows = rows_of([w for line in page.lines for w in line.words])
        index = {id(w): k for k, row in enumerate(rows) for w in row}
        lines: list[Line] = []
        for line in page.lines:
            if len(line.words) < 2 or not gutters:
                lines.append(line)
            else:
                lines += _cut(line, rows, index[id(line.words[0])], gutters)
        lines = _rejoined(lines, index, edges, gutters)
        out.append(Page(page.number, page.width, page.height, tuple(lines), page.shapes))
    return tuple(out)
