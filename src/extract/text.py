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
from extract.model import Line, Word, word_spaces

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


# A style prints at one size, but two styles may differ by less than a point (a
# 9.5 pt text, a 10.2 pt tagline, a 10.45 pt heading): sizes closer than this are one.
_SIZE_TOLERANCE = 0.15


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) < _SIZE_TOLERANCE


@dataclass
class Metrics:
    """Document-wide measures that paragraph inference is relative to.

    Edges are measured on the text that is not bold: a bold banner, label or
    heading is set on its own measure (centred, in a side column, across the
    page) and says nothing of where the text's lines end or begin.
    """

    leading: float
    _edges: dict[int, list[Line]] = field(default_factory=dict)
    _column_edges: dict[int, dict[float, float]] = field(default_factory=dict)
    # Per kind of item (dash or not): whether its wrapped lines hang past the bullet.
    hanging: dict[bool, bool] = field(default_factory=dict)
    _justified: dict[tuple[int, float], bool] = field(default_factory=dict)
    _measures: dict[tuple[int, float, int], float] = field(default_factory=dict)
    # (column, page, size) -> its right edge on that page, where most of its lines
    # end there (justified): the same column start may stand for a wider column on
    # other pages.
    _page_edges: dict[tuple[int, int, float], float] = field(default_factory=dict)
    # (column, page, size) -> the start of the next column beside it on that page,
    # and its edge short of that start (see `_within_page`).
    _capped: dict[tuple[int, int, float], tuple[float | None, float]] = field(default_factory=dict)

    @classmethod
    def of(cls, lines: Sequence[Line]) -> Metrics:
        pitches = [
            b.bbox.top - a.bbox.top
            for a, b in zip(lines, lines[1:], strict=False)
            if a.page == b.page
            and _same_size(a.size, b.size)
            and 0 < b.bbox.top - a.bbox.top < 2.5 * a.size
        ]
        leading = statistics.median(pitches) if pitches else 1.2 * _median_size(lines)
        by_page: dict[int, list[Line]] = defaultdict(list)
        columns: dict[int, dict[float, float]] = defaultdict(dict)
        on_pages: dict[tuple[int, int, float], list[float]] = defaultdict(list)
        for line in lines:
            if line.bold:
                continue
            by_page[line.page].append(line)
            if line.column:
                sizes = columns[line.column]
                size = round(line.size, 2)
                sizes[size] = max(sizes.get(size, 0.0), line.bbox.x1)
                on_pages[(line.column, line.page, size)].append(line.bbox.x1)
        metrics = cls(leading, dict(by_page), dict(columns))
        metrics._page_edges = {
            key: max(ends) for key, ends in on_pages.items() if _mostly_at(ends, max(ends))
        }
        metrics.hanging = _hanging(lines, metrics)
        return metrics

    def indent(self, line: Line) -> float:
        """How far a line starts right of its column's left edge: the leftmost
        start of the same-size text of its column on its page that it overlaps."""
        left = line.bbox.x0
        for other in self._edges.get(line.page, []):
            if (
                other.column == line.column
                and _same_size(other.size, line.size)
                and other.bbox.x0 < line.bbox.x1
                and other.bbox.x1 > line.bbox.x0
            ):
                left = min(left, other.bbox.x0)
        return line.bbox.x0 - left

    def column_indent(self, line: Line) -> float:
        """How far a line starts right of its column's left edge, as its page shows
        it, or, where no other line of its column does, as text of its size that
        starts up to 2.5 of its sizes further left and runs on under it shows it on
        any page: an item's continuation alone atop a column is indented from where
        that column's text starts on the other pages."""
        if any(
            other is not line
            and other.column == line.column
            and _same_size(other.size, line.size)
            and other.bbox.x0 < line.bbox.x1
            and other.bbox.x1 > line.bbox.x0
            for other in self._edges.get(line.page, [])
        ):
            return self.indent(line)
        starts = [
            other.bbox.x0
            for lines in self._edges.values()
            for other in lines
            if _same_size(other.size, line.size)
            and line.bbox.x0 - 2.5 * line.size <= other.bbox.x0 < line.bbox.x0 - 1.0
            and other.bbox.x1 > line.bbox.x0
        ]
        return line.bbox.x0 - min(starts, default=line.bbox.x0)

    def justified(self, line: Line) -> bool:
        """Most same-size lines around `line` (its column's on every page, or its
        page's that start where it starts) end at its right edge: justified text,
        in which a line that stops short of the edge is a paragraph's last."""
        # A column's measure from its pages, not one page's share of it: the
        # answer is kept for the column whichever of its lines asks first.
        edge = self.right_edge(line, within_page=False)
        if line.column:
            key = (line.column, round(line.size, 2))
            if key not in self._justified:
                ends = [
                    other.bbox.x1
                    for lines in self._edges.values()
                    for other in lines
                    if other.column == line.column and _same_size(other.size, line.size)
                ]
                self._justified[key] = _mostly_at(ends, edge)
            return self._justified[key]
        near = 12 * self.leading
        ends = [
            other.bbox.x1
            for other in self._edges.get(line.page, [])
            if abs(other.bbox.top - line.bbox.top) < near
            and _same_size(other.size, line.size)
            and abs(other.bbox.x0 - line.bbox.x0) <= 2.5 * line.size
        ]
        # Measured on every page: ragged lines may happen to end together on one
        # page, short of the measure the text reaches elsewhere.
        return _mostly_at(ends, max(edge, self._measure(line)))

    def _measure(self, line: Line) -> float:
        """The furthest right that text of this size starting where `line` starts
        reaches on any page."""
        key = (0, round(line.size, 2), round(line.bbox.x0))
        if key not in self._measures:
            self._measures[key] = max(
                (
                    other.bbox.x1
                    for lines in self._edges.values()
                    for other in lines
                    if not other.column
                    and _same_size(other.size, line.size)
                    and abs(other.bbox.x0 - line.bbox.x0) <= 2.5 * line.size
                ),
                default=line.bbox.x1,
            )
        return self._measures[key]

    def right_edge(self, line: Line, within_page: bool = True) -> float:
        """Right edge of the column a line stands in.

        A column of a multi-column region is measured over every page, since
        one page's lines may all stop short of the frame (and, `within_page`,
        kept short of the next column on the line's page); a full-width line
        only against the same-size lines around it on its page that start where
        it starts (a centred heading above is no measure of the text's width).
        """
        if line.column:
            own = self._page_edges.get((line.column, line.page, round(line.size, 2)))
            if own is not None:
                return max(own, line.bbox.x1)  # another page may set a wider column there
            sizes = self._column_edges.get(line.column, {})
            edges = [edge for size, edge in sizes.items() if _same_size(size, line.size)]
            edge = max(edges, default=line.bbox.x1)
            return self._within_page(line, edge) if within_page else edge
        edge = line.bbox.x1
        near = 12 * self.leading
        for other in self._edges.get(line.page, []):
            if (
                abs(other.bbox.top - line.bbox.top) < near
                and _same_size(other.size, line.size)
                and abs(other.bbox.x0 - line.bbox.x0) <= 2.5 * line.size
                and other.bbox.x1 > line.bbox.x0
            ):
                edge = max(edge, other.bbox.x1)
        return edge

    def _within_page(self, line: Line, edge: float) -> float:
        """A column's edge measured on other pages, kept short of the next column
        on this page: a page that holds a few lines of it (a record's last lines
        spilled over two columns) shows too few to measure it, and the same
        column start stands for a full-width text on other pages. Its lines
        there end before the next column starts: its edge is then the widest
        edge it has short of that start on a page where it is justified."""
        size = round(line.size, 2)
        key = (line.column, line.page, size)
        if key not in self._capped:
            own = [
                other
                for other in self._edges.get(line.page, [])
                if other.column == line.column and _same_size(other.size, line.size)
            ]
            reach = max((other.bbox.x1 for other in own), default=line.bbox.x1)
            top = min((other.bbox.top for other in own), default=line.bbox.top)
            bottom = max((other.bbox.bottom for other in own), default=line.bbox.bottom)
            starts = [
                other.bbox.x0
                for other in self._edges.get(line.page, [])
                if other.bbox.x0 > reach and other.bbox.top < bottom and other.bbox.bottom > top
            ]
            cap = min(starts, default=None)
            narrower = [
                e
                for (column, _, s), e in self._page_edges.items()
                if column == line.column
                and _same_size(s, line.size)
                and cap is not None
                and e < cap
            ]
            # Without such an edge (ragged text) the page says too little: the
            # furthest its lines reach is no measure of what fits after them.
            self._capped[key] = (cap, max(narrower)) if narrower else (None, 0.0)
        cap, short = self._capped[key]
        if cap is None or edge < cap:
            return edge
        return max(short, line.bbox.x1)


# Lines of justified text end within this many points of their column's edge...
JUSTIFIED_TOLERANCE = 0.5
# ...at least this share of them, and at least JUSTIFIED_LINES lines.
JUSTIFIED_SHARE = 0.6
JUSTIFIED_LINES = 4


def _mostly_at(ends: Sequence[float], edge: float) -> bool:
    full = sum(1 for end in ends if end >= edge - JUSTIFIED_TOLERANCE)
    return len(ends) >= JUSTIFIED_LINES and full >= JUSTIFIED_SHARE * len(ends)


def _hanging(lines: Sequence[Line], metrics: Metrics) -> dict[bool, bool]:
    """How the document sets each kind of list: the line after a full item line
    either hangs past the bullet or starts back at its edge. Without knowing
    which, a line at the bullet's edge after a full line could be either the
    item going on or a paragraph after it."""
    votes: dict[bool, int] = defaultdict(int)
    for a, b in zip(lines, lines[1:], strict=False):
        if (
            BULLET.match(a.text)
            and not BULLET.match(b.text)
            and a.page == b.page
            and a.column == b.column
            and _same_size(a.size, b.size)
            and 0 < b.bbox.top - a.bbox.top <= metrics.leading + 0.35 * b.size
        ):
            dash = _is_dash(a)
            if metrics.indent(b) >= metrics.indent(a) + 2:
                votes[dash] += 1
            elif not _stopped_short(a, b, metrics):
                votes[dash] -= 1
    return {dash: vote >= 0 for dash, vote in votes.items()}


def _is_dash(line: Line) -> bool:
    return line.text.lstrip()[:1] in "-\u2013"


def _median_size(lines: Sequence[Line]) -> float:
    return statistics.median(line.size for line in lines) if lines else 10.0


@dataclass
class _Item:
    """The bullet item being read: where its continuation lines must start (an
    indent within their column), and whether it opened with a dash."""

    edge: float
    dash: bool


def _moved(previous: Line, line: Line) -> bool:
    """Read after `previous` but printed elsewhere: on a later page, or higher up
    or on the same row (the top of the next column, which may hold one line)."""
    return line.page != previous.page or line.bbox.top < previous.bbox.top + 0.5 * line.size


def _starts_block(previous: Line, line: Line, metrics: Metrics, item: _Item | None) -> bool:
    """Whether `line` opens a new paragraph or item after `previous`.

    In an item, a line indented as far as its continuation lines goes on with
    it, one back at its bullet's edge does not.
    """
    if BULLET.match(line.text):
        return not _wrapped_dash(previous, line, metrics, item)
    if _moved(previous, line):
        # A new page or column: a sentence going on, or a full previous line,
        # goes on; only a short previous line ends the paragraph or item, or,
        # where items hang, a line at its column's edge ends the item.
        if line.text[:1].islower():
            return False
        if (
            item is not None
            and metrics.hanging.get(item.dash, True)
            and metrics.column_indent(line) < item.edge
        ):
            return True
        return _stopped_short(previous, line, metrics)
    if line.bbox.top - previous.bbox.top > metrics.leading + 0.35 * line.size:
        return True
    if item is not None:
        if metrics.indent(line) >= item.edge:
            return False
        if metrics.hanging.get(item.dash, True):
            return True  # back at the bullet's edge: the item has ended
    return _stopped_short(previous, line, metrics)


def _wrapped_dash(previous: Line, line: Line, metrics: Metrics, item: _Item | None) -> bool:
    """A line opening with " – une …" that is no dash item.

    The previous line is full (the dash and its word could not have stood at its
    end) and introduces no list (no colon); on the same page, with no gap, the
    line starts where the previous one does or where the item's lines go on (an
    item would be indented or follow a short line); at the top of a new column,
    the text before is no dash item (in a dash list, a dash opens the next one).
    """
    if not _is_dash(line) or previous.text.rstrip().endswith(":"):
        return False
    if _stopped_short(previous, line, metrics):
        return False
    if _moved(previous, line):
        return item is None or not item.dash
    if not 0 < line.bbox.top - previous.bbox.top <= metrics.leading + 0.35 * line.size:
        return False
    if item is not None and not item.dash and metrics.indent(line) >= item.edge:
        return True
    return abs(line.bbox.x0 - previous.bbox.x0) <= 1.0 and not (item is not None and item.dash)


def _stopped_short(previous: Line, line: Line, metrics: Metrics) -> bool:
    """The next line's first word, and a space, would have fitted at the end of
    `previous`: it ended its paragraph there. The space is the line's own (its
    narrowest), up to 0.3 em: a font with narrow spaces leaves little room."""
    room = metrics.right_edge(previous) - previous.bbox.x1
    words = previous.words
    if room > previous.size and len(words) > 1 and metrics.justified(previous):
        return True  # justified text fills every line but a paragraph's last (one word can't)
    # The spaces of the text the line ends with: a heading run into it (small
    # capitals, another size) has spaces of its own.
    space = min([0.3 * previous.size, *word_spaces(_trailing_run(words))])
    return room > space + line.first_word_width + STOP_SLACK


def _trailing_run(words: Sequence[Word]) -> Sequence[Word]:
    """The line's last words in the last word's size and weight."""
    start = len(words)
    while start > 0 and (
        words[start - 1].bold == words[-1].bold
        and abs(words[start - 1].size - words[-1].size) <= 0.6
    ):
        start -= 1
    return words[start:]


# Points of room beyond the next word and its space that a short line leaves.
STOP_SLACK = 0.5


def lines_to_text(lines: Sequence[Line], metrics: Metrics) -> str:
    """Paragraphs and bullet items, one per text line, whitespace collapsed."""
    blocks: list[list[str]] = []
    previous: Line | None = None
    item: _Item | None = None
    for line in lines:
        if previous is None or _starts_block(previous, line, metrics, item):
            blocks.append([])
            item = _item(line, metrics)
        elif item is not None and _moved(previous, line):
            # The item goes on in another column: its lines there start here.
            item = _Item(metrics.indent(line) - 2, item.dash)
        blocks[-1].append(line.text)
        previous = line
    texts = (join_wrapped(block) for block in blocks)
    return "\n".join(_bullet_spacing(t) for t in texts if t)


def _item(line: Line, metrics: Metrics) -> _Item | None:
    if not BULLET.match(line.text):
        return None
    return _Item(metrics.indent(line) + 2, _is_dash(line))


def _bullet_spacing(text: str) -> str:
    """'•item' and '•   item' both read '• item'."""
    return regex.sub(r"^([\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2219\u00b7])\s*", r"\1 ", text)
