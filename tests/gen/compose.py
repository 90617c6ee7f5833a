"""A small typesetter: wraps on spaces only and flows lines through columns and pages.

It produces the list of drawing operations of every page, so that the page of every
record is known exactly before anything is rendered.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from .layout import Color, Layout, width

BLACK: Color = (0.0, 0.0, 0.0)
WHITE: Color = (1.0, 1.0, 1.0)
GREY: Color = (0.75, 0.75, 0.75)
DASHES = ("-", "–", "—")
CLOSING_PUNCT = (":", ";", "!", "?", "»")
# reportlab encodes "•" as 0x7F in the standard fonts, which pdfminer reads as "(cid:127)":
# bullets are always drawn with the bundled Vera TTF (a separate bullet font is common anyway).
BULLET_FONT = "Vera"


@dataclass(frozen=True)
class TextOp:
    x: float
    y: float
    text: str
    font: str
    size: float
    color: Color = BLACK
    char_space: float = 0.0  # PDF Tc, points added after each glyph


@dataclass(frozen=True)
class RectOp:
    x: float
    y: float
    w: float
    h: float
    fill: Color | None
    stroke: Color | None = None


@dataclass(frozen=True)
class LineOp:
    """A stroked rule (table rules), from (x1, y1) to (x2, y2)."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.6
    color: Color = BLACK


Op = TextOp | RectOp | LineOp


def _units(text: str) -> list[str]:
    """Break units: words, with dash tokens, « and closing punctuation glued to a neighbour."""
    units: list[str] = []
    glue_next = False
    for word in text.split():
        open_tag = bool(units) and units[-1].startswith("[") and "]" not in units[-1]
        glue_prev = word in DASHES or word in CLOSING_PUNCT or open_tag
        if units and (glue_prev or glue_next):
            units[-1] += " " + word
        else:
            units.append(word)
        glue_next = word in DASHES or word == "«" or word.endswith(DASHES)
    return units


def _split_wide(unit: str, font: str, size: float, limit: float) -> list[str]:
    """A unit wider than a line, split at its spaces: a dash then starts the next line
    (a line never ends with it), « keeps its word, closing punctuation stays behind."""
    if " " not in unit or width(unit, font, size) <= limit:
        return [unit]
    out: list[str] = []
    for word in unit.split(" "):
        if out and (out[-1] in DASHES or out[-1] == "«" or word in CLOSING_PUNCT):
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def wrap(text: str, font: str, size: float, first: float, rest: float | None = None) -> list[str]:
    """Greedy wrap on spaces: first line within `first` points, later ones within `rest`.

    When the first unit does not fit within `first`, the first line is "" (a run-in
    heading or label then stands alone on its line).
    """
    lines: list[str] = []
    current, cur_w = "", 0.0
    limit, space = first, width(" ", font, size)
    widest = rest if rest is not None else first
    units = [p for u in _units(text) for p in _split_wide(u, font, size, widest)]
    if units and rest is not None and width(units[0], font, size) > first:
        lines.append("")
        limit = rest
    for unit in units:
        unit_w = width(unit, font, size)
        if current and cur_w + space + unit_w > limit:
            lines.append(current)
            current, cur_w = unit, unit_w
            limit = rest if rest is not None else first
        elif current:
            current, cur_w = f"{current} {unit}", cur_w + space + unit_w
        else:
            current, cur_w = unit, unit_w
    if current:
        lines.append(current)
    return lines


def balanced(units: list[str], n: int, measure: Callable[[str], float]) -> list[str]:
    """`units` on `n` lines (fewer if there are fewer units), the widest line narrowest."""
    n = min(n, len(units))
    best: tuple[float, list[str]] | None = None
    for cuts in itertools.combinations(range(1, len(units)), n - 1):
        bounds = (0, *cuts, len(units))
        lines = [" ".join(units[a:b]) for a, b in itertools.pairwise(bounds)]
        widest = max(measure(line) for line in lines)
        if best is None or widest < best[0]:
            best = (widest, lines)
    assert best is not None
    return best[1]


def banner_units(text: str) -> list[str]:
    """Break units of a banner: a dash is glued to the word before it (a break may follow
    "OR –", whose dash a space follows), never to the word after it."""
    units: list[str] = []
    for word in text.split():
        if units and (word in DASHES or word in CLOSING_PUNCT):
            units[-1] += " " + word
        else:
            units.append(word)
    return units


class Composer:
    def __init__(self, layout: Layout, top_rows: int, bottom_rows: int) -> None:
        self.layout = layout
        self.page_w, self.page_h = layout.size
        self.left = layout.margin_left
        self.full = self.page_w - layout.margin_left - layout.margin_right
        self.fs = layout.body_size
        self.small = max(7.0, self.fs - 2)
        self.regular, self.bold = layout.fonts
        self.top = self.page_h - layout.margin_top - top_rows * 1.4 * self.small - self.fs
        self.bottom = layout.margin_bottom + bottom_rows * 1.4 * self.small + self.fs
        self.pages: list[list[Op]] = []
        self.decorated: list[bool] = []
        self.ncols = 1
        self.col = 0
        self.col_top = self.y = self.low = self.top
        self.indent = 0.0  # text beside a margin column: frames shrink by this much
        self.floors: dict[int, float] = {}  # pages whose columns end higher (balanced)

    # -- dry runs ---------------------------------------------------------
    def checkpoint(self) -> tuple[int, tuple[float, ...]]:
        """The state to roll back to: later pages are dropped, the current one must not grow."""
        state = (self.ncols, self.col, self.col_top, self.y, self.low, self.indent)
        return len(self.pages), tuple(float(v) for v in state)

    def rollback(self, point: tuple[int, tuple[float, ...]]) -> None:
        n, (ncols, col, col_top, y, low, indent) = point
        del self.pages[n:]
        del self.decorated[n:]
        self.floors = {k: v for k, v in self.floors.items() if k <= n}
        self.ncols, self.col = int(ncols), int(col)
        self.col_top, self.y, self.low, self.indent = col_top, y, low, indent

    # -- pages and frames -------------------------------------------------
    @property
    def page_no(self) -> int:
        return len(self.pages)

    def new_page(self, decorated: bool = True) -> None:
        self.pages.append([])
        self.decorated.append(decorated)
        self.ncols, self.col = 1, 0
        self.col_top = self.y = self.low = self.top

    def columns(self, n: int) -> None:
        self.ncols, self.col, self.col_top = n, 0, self.y
        self.low = self.y

    def end_columns(self) -> None:
        """Back to one full-width frame, below the lowest column."""
        self.y = min(self.low, self.y)
        self.ncols, self.col, self.col_top = 1, 0, self.top

    def frame(self) -> tuple[float, float]:
        gap = 18.0
        w = (self.full - gap * (self.ncols - 1)) / self.ncols
        return self.left + self.col * (w + gap) + self.indent, w - self.indent

    def next_frame(self) -> None:
        if self.col + 1 < self.ncols:
            self.col += 1
            self.y = self.col_top
        else:
            ncols = self.ncols
            self.new_page(self.decorated[-1])
            self.columns(ncols)

    def ensure(self, h: float) -> None:
        if self.y - h < self.floors.get(self.page_no, self.bottom) and self.y < self.col_top:
            self.next_frame()

    def gap(self, h: float) -> None:
        if self.y < self.col_top:
            self.y -= h

    def add(self, op: Op) -> None:
        self.pages[-1].append(op)

    # -- text -------------------------------------------------------------
    def lead(self, size: float) -> float:
        return size * 1.32

    def line(
        self, text: str, font: str, size: float, dx: float = 0.0, color: Color = BLACK
    ) -> None:
        self.ensure(self.lead(size))
        x, _ = self.frame()
        self.add(TextOp(x + dx, self.y - size, text, font, size, color))
        self.y -= self.lead(size)
        self.low = min(self.low, self.y)

    def para(
        self, text: str, font: str | None = None, size: float | None = None, **kw: float
    ) -> None:
        """A wrapped block; `indent` shifts every line, `color` is not supported here."""
        font, size = font or self.regular, size or self.fs
        indent = kw.get("indent", 0.0)
        for line in wrap(text, font, size, self.frame()[1] - indent):
            self.line(line, font, size, indent)

    def bullet(self, text: str, indent: float = 0.0, font: str | None = None) -> None:
        font = font or self.regular
        hang = self.fs * 1.4
        lines = wrap(text, font, self.fs, self.frame()[1] - indent - hang)
        self.ensure(self.lead(self.fs))
        x, _ = self.frame()
        self.add(TextOp(x + indent, self.y - self.fs, "•", BULLET_FONT, self.fs))
        for line in lines:
            self.line(line, font, self.fs, indent + hang)

    def items(
        self,
        items: tuple[str, ...] | list[str],
        gap_lines: float = 0.7,
        lead_in: tuple[str, Color] | None = None,
    ) -> None:
        """Paragraphs (separated by a gap) and "• " bullet items (no gap between bullets).

        `lead_in`: a bold heading (and its colour) run into the first paragraph.
        """
        previous_bullet = False
        for i, item in enumerate(items):
            is_bullet = item.startswith("• ")
            if i and not (is_bullet and previous_bullet):
                self.gap(self.lead(self.fs) * gap_lines)
            if i == 0 and lead_in is not None and not is_bullet:
                self.run_in(lead_in[0], item, lead_in[1])
            elif i == 0 and lead_in is not None:
                self.line(lead_in[0], self.bold, self.fs, 0.0, lead_in[1])
                self.bullet(item[2:])
            elif is_bullet:
                self.bullet(item[2:])
            else:
                self.para(item)
            previous_bullet = is_bullet

    def run_in(self, heading: str, text: str, color: Color = BLACK) -> None:
        """A bold heading, then the text in the regular font on the same line, wrapping below."""
        x, w = self.frame()
        hw = width(heading + " ", self.bold, self.fs)
        lines = wrap(text, self.regular, self.fs, w - hw, w)
        self.ensure(self.lead(self.fs) * min(2, len(lines)))
        x, _ = self.frame()
        self.add(TextOp(x, self.y - self.fs, heading, self.bold, self.fs, color))
        if lines[0]:
            self.add(TextOp(x + hw, self.y - self.fs, lines[0], self.regular, self.fs))
        self.y -= self.lead(self.fs)
        self.low = min(self.low, self.y)
        for line in lines[1:]:
            self.line(line, self.regular, self.fs)

    def margin_heading(
        self, lines: list[str], size: float, color: Color, margin: float, beside: float
    ) -> tuple[int, int, float]:
        """Heading lines in a left margin column; what follows (at least `beside` points
        high, kept with it) goes beside them, tops aligned, until `end_margin`.
        Returns where the heading ends."""
        self.ensure(max(len(lines) * self.lead(size), beside))
        x, _ = self.frame()
        for k, line in enumerate(lines):
            self.add(TextOp(x, self.y - size - k * self.lead(size), line, self.bold, size, color))
        self.indent = margin
        return self.page_no, self.col, self.y - len(lines) * self.lead(size)

    def end_margin(self, mark: tuple[int, int, float]) -> None:
        self.indent = 0.0
        page, col, bottom = mark
        if (page, col) == (self.page_no, self.col):
            self.y = min(self.y, bottom)
            self.low = min(self.low, self.y)

    def heading(self, text: str, size: float, color: Color = BLACK, keep: int = 2) -> None:
        lines = wrap(text, self.bold, size, self.frame()[1])
        self.ensure(len(lines) * self.lead(size) + keep * self.lead(self.fs))
        for line in lines:
            self.line(line, self.bold, size, 0.0, color)

    def labelled(self, prefix: str, value: str, size: float) -> None:
        """Bold prefix then the value; continuation lines start at the left margin."""
        x, w = self.frame()
        pw = width(prefix + " ", self.bold, size)
        lines = wrap(value, self.regular, size, w - pw, w)
        self.ensure(self.lead(size) * len(lines))
        self.add(TextOp(x, self.y - size, prefix, self.bold, size))
        if lines[0]:
            self.add(TextOp(x + pw, self.y - size, lines[0], self.regular, size))
        self.y -= self.lead(size)
        for line in lines[1:]:
            self.line(line, self.regular, size)
