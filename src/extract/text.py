"""Lines to text: paragraphs, bullet items and hyphenation.

Printed directories do not mark paragraphs, so breaks are inferred the way a
reader does: a wider gap above a line, a bullet, or a previous line that
stopped short although the next word would have fitted on it.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from extract.grammar import BULLET
from extract.model import Line

SOFT_HYPHEN = "\u00ad"
_SPACES = regex.compile(r"\s+")
_HYPHENATED = regex.compile(r"\p{L}[\-\u2010]$")


def collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def join_wrapped(parts: Iterable[str]) -> str:
    """Join the lines of one paragraph or item.

    A soft hyphen at a line end was added by the typesetter and goes; a real
    hyphen belongs to the word (`Clermont-` + `Ferrand`) and stays, glued.
    """
    out = ""
    for raw in parts:
        part = collapse(raw)
        if not part:
            continue
        if not out:
            out = part
        elif out.endswith(SOFT_HYPHEN):
            out = out[:-1] + part
        elif _HYPHENATED.search(out):
            out += part
        else:
            out += " " + part
    return out.replace(SOFT_HYPHEN, "")


@dataclass
class Metrics:
    """Document-wide measures that paragraph inference is relative to."""

    leading: float
    _edges: dict[int, list[Line]] = field(default_factory=dict)
    _column_edges: dict[tuple[int, int], float] = field(default_factory=dict)

    @classmethod
    def of(cls, lines: Sequence[Line]) -> Metrics:
        pitches = [
            b.bbox.top - a.bbox.top
            for a, b in zip(lines, lines[1:], strict=False)
            if a.page == b.page
            and abs(a.size - b.size) < 0.6
            and 0 < b.bbox.top - a.bbox.top < 2.5 * a.size
        ]
        leading = statistics.median(pitches) if pitches else 1.2 * _median_size(lines)
        by_page: dict[int, list[Line]] = defaultdict(list)
        columns: dict[tuple[int, int], float] = {}
        for line in lines:
            by_page[line.page].append(line)
            if line.column:
                key = (line.column, round(line.size))
                columns[key] = max(columns.get(key, 0.0), line.bbox.x1)
        return cls(leading, dict(by_page), columns)

    def indent(self, line: Line) -> float:
        """How far a line starts right of its column's left edge."""
        left = line.bbox.x0
        for other in self._edges.get(line.page, []):
            if (
                abs(other.size - line.size) < 0.6
                and other.bbox.x0 < line.bbox.x1
                and other.bbox.x1 > line.bbox.x0
            ):
                left = min(left, other.bbox.x0)
        return line.bbox.x0 - left

    def right_edge(self, line: Line) -> float:
        """Right edge of the column a line stands in.

        A column of a multi-column region is measured over every page, since
        one page's lines may all stop short of the frame; a full-width line
        only against the same-size lines around it on its page that start where
        it starts (a centred heading above is no measure of the text's width).
        """
        if line.column:
            return self._column_edges.get((line.column, round(line.size)), line.bbox.x1)
        edge = line.bbox.x1
        near = 12 * self.leading
        for other in self._edges.get(line.page, []):
            if (
                abs(other.bbox.top - line.bbox.top) < near
                and abs(other.size - line.size) < 0.6
                and abs(other.bbox.x0 - line.bbox.x0) <= 2.5 * line.size
                and other.bbox.x1 > line.bbox.x0
            ):
                edge = max(edge, other.bbox.x1)
        return edge


def _median_size(lines: Sequence[Line]) -> float:
    return statistics.median(line.size for line in lines) if lines else 10.0


def _starts_block(previous: Line, line: Line, metrics: Metrics, item: Line | None) -> bool:
    """Whether `line` opens a new paragraph or item after `previous`.

    `item` is the bullet line of the item being read, if any: a line indented
    past its bullet goes on with the item, one back at its edge does not.
    """
    if BULLET.match(line.text):
        return not _wrapped_dash(previous, line, metrics)
    moved = line.page != previous.page or line.bbox.top < previous.bbox.top
    if moved and line.text[:1].islower():
        return False  # mid-sentence at the top of a column or page: it goes on
    if item is not None:
        if not moved and line.bbox.top - previous.bbox.top > metrics.leading + 0.35 * line.size:
            return True
        # Indents are compared within each line's column, so that an item
        # continued at the top of the next column or page is still followed.
        return metrics.indent(line) < metrics.indent(item) + 2
    if line.page != previous.page or line.bbox.top < previous.bbox.top:
        # A new page or column: only a short previous line ends the paragraph.
        return _stopped_short(previous, line, metrics)
    if line.bbox.top - previous.bbox.top > metrics.leading + 0.35 * line.size:
        return True
    return _stopped_short(previous, line, metrics)


def _wrapped_dash(previous: Line, line: Line, metrics: Metrics) -> bool:
    """A line opening with " – une …" that is no dash item: the previous line is
    full (the dash and its word could not have stood at its end), in the same
    paragraph (no gap) and at the same left edge (an item would be indented or
    follow a short line)."""
    return (
        line.text.lstrip()[:1] in "-\u2013"
        and line.page == previous.page
        and 0 < line.bbox.top - previous.bbox.top <= metrics.leading + 0.35 * line.size
        and abs(line.bbox.x0 - previous.bbox.x0) <= 1.0
        and not _stopped_short(previous, line, metrics)
    )


def _stopped_short(previous: Line, line: Line, metrics: Metrics) -> bool:
    room = metrics.right_edge(previous) - previous.bbox.x1
    return room > 0.3 * previous.size + line.first_word_width + 1.0


def lines_to_text(lines: Sequence[Line], metrics: Metrics) -> str:
    """Paragraphs and bullet items, one per text line, whitespace collapsed."""
    blocks: list[list[str]] = []
    previous: Line | None = None
    item: Line | None = None
    for line in lines:
        if previous is None or _starts_block(previous, line, metrics, item):
            blocks.append([])
            item = line if BULLET.match(line.text) else None
        blocks[-1].append(line.text)
        previous = line
    texts = (join_wrapped(block) for block in blocks)
    return "\n".join(_bullet_spacing(t) for t in texts if t)


def _bullet_spacing(text: str) -> str:
    """'•item' and '•   item' both read '• item'."""
    return regex.sub(r"^([\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2219\u00b7])\s*", r"\1 ", text)
