"""Lines to blocks: the lines a reader takes in one glance (a paragraph, a card,
a table cell, a wrapped heading).

As in pdfminer's layout analysis, a line joins the block just above it when
they are set in the same size, close enough for the document's leading, and
aligned (left, right or centred) or one inside the other's width. On top of
that, a block never crosses a drawn rule, and never leaves the frame (card,
band, cell) its first line stands in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from extract.model import BBox, Line

# Sizes closer than this are one size (small caps and rounding included).
SAME_SIZE = 0.6
# A line goes on a block when it is at most this much further below than the
# document's usual pitch for its size, in font sizes.
PITCH_SLACK = 0.3
# Without enough lines to measure a pitch, assume this leading.
DEFAULT_LEADING = 1.25
# Edges closer than this many font sizes are aligned.
ALIGN_EM = 0.6


@dataclass
class Block:
    lines: list[Line]
    frame: int  # index of the innermost frame around it, -1 for none
    box: BBox = field(init=False)

    def __post_init__(self) -> None:
        self.box = self.lines[0].bbox

    def add(self, line: Line) -> None:
        self.lines.append(line)
        self.box = self.box.union(line.bbox)

    @property
    def last(self) -> Line:
        return self.lines[-1]


def pitches(lines: Sequence[Line]) -> dict[float, float]:
    """The usual distance from one line's top to the next, per font size.

    Measured over a whole document, between lines of one size that stand one
    under the other; the most common value is the leading of running text.
    """
    by_size: dict[float, Counter[float]] = {}
    rows = sorted(lines, key=lambda line: (line.page, line.bbox.top))
    for index, line in enumerate(rows):
        for other in rows[index + 1 : index + 6]:
            if other.page != line.page:
                break
            step = other.bbox.top - line.bbox.top
            if step <= 0.5 * line.size:
                continue
            if (
                abs(other.size - line.size) <= SAME_SIZE
                and other.bbox.x0 < line.bbox.x1
                and other.bbox.x1 > line.bbox.x0
            ):
                if step <= 2.0 * line.size:
                    size = round(line.size * 2) / 2
                    by_size.setdefault(size, Counter())[round(step, 1)] += 1
                break
    return {size: steps.most_common(1)[0][0] for size, steps in by_size.items()}


def _pitch(line: Line, known: dict[float, float]) -> float:
    return known.get(round(line.size * 2) / 2, DEFAULT_LEADING * line.size)


def _aligned(a: BBox, b: BBox, tolerance: float) -> bool:
    return (
        abs(a.x0 - b.x0) <= tolerance
        or abs(a.x1 - b.x1) <= tolerance
        or abs((a.x0 + a.x1) - (b.x0 + b.x1)) <= 2 * tolerance
        or (b.x0 >= a.x0 - tolerance and b.x1 <= a.x1 + tolerance)
        or (a.x0 >= b.x0 - tolerance and a.x1 <= b.x1 + tolerance)
    )


def _ruled(upper: Line, lower: Line, rules: Sequence[BBox]) -> bool:
    """Whether a horizontal rule runs between two lines."""
    left, right = max(upper.bbox.x0, lower.bbox.x0), min(upper.bbox.x1, lower.bbox.x1)
    return any(
        upper.bbox.bottom - 1.0 <= (r.top + r.bottom) / 2 <= lower.bbox.top + 1.0
        and r.x0 < right
        and r.x1 > left
        for r in rules
    )


def _fits(block: Block, line: Line, known: dict[float, float], rules: Sequence[BBox]) -> bool:
    last = block.last
    size = max(line.size, last.size)
    if abs(line.size - last.size) > SAME_SIZE:
        return False
    step = line.bbox.top - last.bbox.top
    pitch = max(_pitch(line, known), _pitch(last, known))
    if step <= 0.3 * size or step > pitch + PITCH_SLACK * size:
        return False
    if not (line.bbox.x0 < last.bbox.x1 and line.bbox.x1 > last.bbox.x0):
        return False
    tolerance = ALIGN_EM * size
    aligned = _aligned(last.bbox, line.bbox, tolerance) or _aligned(block.box, line.bbox, tolerance)
    return aligned and not _ruled(last, line, rules)


def innermost(box: BBox, frames: Sequence[BBox]) -> int:
    """Index of the smallest frame around the centre of `box`, -1 for none."""
    x, y = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
    best, area = -1, float("inf")
    for index, frame in enumerate(frames):
        if frame.x0 <= x <= frame.x1 and frame.top <= y <= frame.bottom:
            size = (frame.x1 - frame.x0) * (frame.bottom - frame.top)
            if size < area:
                best, area = index, size
    return best


def lines_to_blocks(
    lines: Sequence[Line],
    frames: Sequence[BBox],
    rules: Sequence[BBox],
    known: dict[float, float],
) -> list[Block]:
    """Blocks of one page's lines (given from the top), in no particular order.

    Lines are taken row by row; a line joins the block whose last line it
    follows, unless another line of its row follows the same one (two columns
    opening under a full-width line: neither continues it).
    """
    blocks: list[Block] = []
    open_blocks: list[Block] = []
    ordered = sorted(lines, key=lambda line: (line.bbox.top, line.bbox.x0))
    index = 0
    while index < len(ordered):
        top = ordered[index].bbox.top
        row = []
        while index < len(ordered) and ordered[index].bbox.top - top <= 2.0:
            row.append(ordered[index])
            index += 1
        choices: list[tuple[Line, Block | None, int]] = []
        for line in row:
            frame = innermost(line.bbox, frames)
            candidates = [
                b for b in open_blocks if b.frame == frame and _fits(b, line, known, rules)
            ]
            # Under two blocks side by side, a line spans both: it goes on with neither.
            best = candidates[0] if len(candidates) == 1 else None
            choices.append((line, best, frame))
        taken = Counter(id(block) for _, block, _ in choices if block is not None)
        for line, block, frame in choices:
            if block is not None and taken[id(block)] == 1:
                block.add(line)
            else:
                fresh = Block([line], frame)
                blocks.append(fresh)
                open_blocks.append(fresh)
        # A block whose last line is far above cannot grow any more.
        open_blocks = [b for b in open_blocks if top - b.last.bbox.bottom < 3 * b.last.size]
    return blocks
