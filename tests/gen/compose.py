"""A small typesetter: wraps on spaces only and flows lines through columns and pages.

It produces the list of drawing operations of every page, so that the page of every
record is known exactly before anything is rendered.
"""

from __future__ import annotations

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


Op = TextOp | RectOp


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


def wrap(text: str, font: str, size: float, first: float, rest: float | None = None) -> list[str]:
    """Greedy wrap on spaces: first line within `first` points, later ones within `rest`."""
    lines: list[str] = []
    current, cur_w = "", 0.0
    limit, space = first, width(" ", font, size)
    for unit in _units(text):
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
        return self.left + self.col * (w + gap), w

    def next_frame(self) -> None:
        if self.col + 1 < self.ncols:
            self.col += 1
            self.y = self.col_top
        else:
            ncols = self.ncols
            self.new_page(self.decorated[-1])
            self.columns(ncols)

    def ensure(self, h: float) -> None:
        if self.y - h < self.bottom and self.y < self.col_top:
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

    def items(self, items: tuple[str, ...] | list[str], gap_lines: float = 0.7) -> None:
        """Paragraphs (separated by a gap) and "• " bullet items (no gap between bullets)."""
        previous_bullet = False
        for i, item in enumerate(items):
            is_bullet = item.startswith("• ")
            if i and not (is_bullet and previous_bullet):
                self.gap(self.lead(self.fs) * gap_lines)
            if is_bullet:
                self.bullet(item[2:])
            else:
                self.para(item)
            previous_bullet = is_bullet

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
        self.add(TextOp(x + pw, self.y - size, lines[0], self.regular, size))
        self.y -= self.lead(size)
        for line in lines[1:]:
            self.line(line, self.regular, size)
