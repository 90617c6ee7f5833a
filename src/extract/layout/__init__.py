"""The layout stage: each page's lines cut into blocks and put in reading order.

Every producer's quirks meet here (cards side by side, columns, tables, labels
in a margin, banners wrapped in a band), so that `segment` reads blocks in
order and never guesses geometry. Knows nothing of the directory's words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extract.layout.blocks import Block, innermost, lines_to_blocks, pitches
from extract.layout.order import Context, Flows, Item, order, walk
from extract.model import BBox, Line, Page
from extract.read.lines import BULLETS, is_frame


def _contains(outer: BBox, inner: BBox) -> bool:
    return (
        outer.x0 <= inner.x0 + 1.0
        and outer.top <= inner.top + 1.0
        and outer.x1 >= inner.x1 - 1.0
        and outer.bottom >= inner.bottom - 1.0
    )


def _parents(frames: Sequence[BBox]) -> list[int]:
    """Each frame's smallest enclosing frame, -1 for none."""
    area = [(f.x1 - f.x0) * (f.bottom - f.top) for f in frames]
    parents = []
    for index, frame in enumerate(frames):
        around = [
            k
            for k, other in enumerate(frames)
            if k != index and (area[k], k) > (area[index], index) and _contains(other, frame)
        ]
        parents.append(min(around, key=lambda k: area[k], default=-1))
    return parents


# A text whose last line ends so has ended its sentence.
SENTENCE_ENDS = (".", "!", "?", "…", ":")


# A dash opens a line of running text as well as a list item (`– une première à
# cette échelle`, an incise the line broke before); other bullets open items only.
_DASHES = frozenset("–—-")


def _listed(block: Block) -> bool:
    return any(_opens_item(block.lines, k) for k in range(len(block.lines)))


def _opens_item(lines: Sequence[Line], k: int) -> bool:
    """Line k opens a list item: a bullet leads it; a dash, only where an item
    shows it: the lines after it hang right of it, or it opens the block or
    follows a closed sentence or another dash's line (items set flush, one line
    each). In running text a dash's line follows a line that ends mid-sentence
    and is set flush with the next."""
    lead = lines[k].text[:1]
    if lead not in BULLETS:
        return False
    if lead not in _DASHES:
        return True
    line = lines[k]
    if k + 1 < len(lines) and lines[k + 1].bbox.x0 > line.bbox.x0 + 0.5 * line.size:
        return True  # a hanging indent
    if k == 0:
        return True
    before = lines[k - 1].text.rstrip()
    return before.endswith((*SENTENCE_ENDS, ";")) or before[:1] in _DASHES


def _open_end(block: Block) -> bool:
    """Its text stops mid-sentence (a list's items end without a stop)."""
    return not _listed(block) and not block.lines[-1].text.rstrip().endswith(SENTENCE_ENDS)


def _block_item(block: Block) -> Item:
    first = block.lines[0]
    return Item(
        box=block.box,
        size=first.size,
        lines=len(block.lines),
        framed=False,
        lowercase_start=first.text[:1].islower(),
        upper_start=first.text[:1].isupper(),
        bold=all(line.bold for line in block.lines),
        open_end=_open_end(block),
        listed=_listed(block),
        first_x0=first.bbox.x0,
        hang=_hang(block),
        pitch=_pitch(block),
        weights=_weights(block),
        ref=block,
    )


def _weights(block: Block) -> tuple[bool, ...]:
    """Its lines' weights from the top, a run of lines in one weight told once."""
    runs: list[bool] = []
    for line in block.lines:
        if not runs or runs[-1] != line.bold:
            runs.append(line.bold)
    return tuple(runs)


def _pitch(block: Block) -> float | None:
    """The median distance between its lines' tops (None for one line)."""
    steps = sorted(
        b.bbox.top - a.bbox.top for a, b in zip(block.lines, block.lines[1:], strict=False)
    )
    return steps[len(steps) // 2] if steps else None


def _hang(block: Block) -> float | None:
    """How far right of its bullet the line after the block's last list item
    starts: its hanging indent (None without such a line)."""
    opening = [k for k in range(len(block.lines)) if _opens_item(block.lines, k)]
    if not opening or opening[-1] + 1 >= len(block.lines):
        return None
    k = opening[-1]
    return block.lines[k + 1].bbox.x0 - block.lines[k].bbox.x0


def _frame_item(children: list[Item]) -> Item:
    box = children[0].box
    for child in children[1:]:
        box = box.union(child.box)
    first = min(children, key=lambda i: (i.box.top, i.box.x0))
    return Item(
        box=box,
        size=first.size,
        lines=sum(c.lines for c in children),
        framed=True,
        lowercase_start=first.lowercase_start,
        bold=all(c.bold for c in children),
        children=children,
    )


def _figure_item(frame: BBox) -> Item:
    return Item(box=frame, size=0.0, lines=0, framed=True, lowercase_start=False)


def _items(blocks: list[Block], frames: Sequence[BBox]) -> list[Item]:
    """The page's top-level items: loose blocks and framed boxes of items."""
    parents = _parents(frames)
    content: dict[int, list[Item]] = {}
    for block in blocks:
        content.setdefault(block.frame, []).append(_block_item(block))
    # Smallest frames first, so a frame is complete before it goes into its parent.
    for index in sorted(
        (k for k in range(len(frames))),
        key=lambda k: (frames[k].x1 - frames[k].x0) * (frames[k].bottom - frames[k].top),
    ):
        children = content.pop(index, [])
        if children:
            content.setdefault(parents[index], []).append(_frame_item(children))
        else:  # a figure (a logo, a picture): it holds its place in a column
            content.setdefault(parents[index], []).append(_figure_item(frames[index]))
    return content.get(-1, [])


def _ordered(items: list[Item], ctx: Context) -> list[Item]:
    result = order(items, ctx)
    for item in result:
        if item.children:
            item.children = _ordered(item.children, ctx)
    return result


def _groups(top: list[Item], ctx: Context) -> dict[int, int]:
    """Group of each item: the row of the outermost zone read row by row around it
    (a table's row, whatever its cells hold), else the outermost framed box around
    it (a card, a panel of cards)."""
    groups: dict[int, int] = {}
    count = 0
    for item in top:
        if item.framed:
            for inner in walk(item.children):
                groups[id(inner)] = count
            count += 1
    rowed: set[int] = set()
    for bands in ctx.zones:  # outer zones come first: inner ones do not split their rows
        for band in bands:
            fresh = [inner for inner in walk(band) if id(inner) not in rowed]
            for inner in fresh:
                groups[id(inner)] = count
                rowed.add(id(inner))
            count += bool(fresh)
    return groups


def _columns(ctx: Context) -> dict[int, int]:
    """Column of each item read column by column, known by where it starts, so
    that the same column of one design is one column from page to page."""
    columns: dict[int, int] = {}
    for zone_columns in ctx.columns:
        for column in zone_columns:
            left = max(1, round(min(item.box.x0 for item in column)))
            for inner in walk(column):
                columns[id(inner)] = left
    return columns


def _rules(shapes: tuple[BBox, ...]) -> list[BBox]:
    """Horizontal rules, pieces drawn end to end on one line joined (a table's
    border is often drawn cell by cell); pieces of one height that do not touch
    (the rules under two columns' headings) stay apart."""
    pieces = sorted(
        (s for s in shapes if not is_frame(s) and s.x1 - s.x0 > s.bottom - s.top),
        key=lambda s: (s.top + s.bottom) / 2,
    )
    heights: list[list[BBox]] = []
    for piece in pieces:
        mid = (piece.top + piece.bottom) / 2
        if heights and abs((heights[-1][0].top + heights[-1][0].bottom) / 2 - mid) <= 1.0:
            heights[-1].append(piece)
        else:
            heights.append([piece])
    rules: list[BBox] = []
    for group in heights:
        group.sort(key=lambda s: s.x0)
        rule = group[0]
        for piece in group[1:]:
            if piece.x0 <= rule.x1 + 1.0:
                rule = rule.union(piece)
            else:
                rules.append(rule)
                rule = piece
        rules.append(rule)
    return rules


def _lines(page: Page, known: dict[float, float], foot: float, flows: Flows) -> tuple[Line, ...]:
    frames = [s for s in page.shapes if is_frame(s)]
    rules = _rules(page.shapes)
    blocks = lines_to_blocks(page.lines, frames, rules, known)
    seps = [s for s in page.shapes if not is_frame(s) and s.bottom - s.top > s.x1 - s.x0]
    ctx = Context(rules, page.height, foot, seps, flows=flows)
    top = _ordered(_items(blocks, frames), ctx)
    groups, columns = _groups(top, ctx), _columns(ctx)
    out: list[Line] = []
    blocks_in_order = [item for item in walk(top) if isinstance(item.ref, Block)]
    for number, item in enumerate(blocks_in_order):
        assert isinstance(item.ref, Block)
        group, column = groups.get(id(item), -1), columns.get(id(item), 0)
        out += [replace(line, block=number, group=group, column=column) for line in item.ref.lines]
    return tuple(out)


def order_pages(pages: tuple[Page, ...]) -> tuple[Page, ...]:
    """Each page with its lines in reading order, each line knowing its block."""
    known = pitches([line for page in pages for line in page.lines])
    feet = _feet(pages)
    flows = Flows()
    out, ambiguous = [], []
    for k, page in enumerate(pages):
        flows.ambiguous = False
        out.append(replace(page, lines=_lines(page, known, feet[page.height], flows)))
        if flows.ambiguous:
            ambiguous.append(k)
    if ambiguous and flows.own_columns():
        # The pages that could not tell are read as the others show the document.
        flows.settled_own = True
        for k in ambiguous:
            out[k] = replace(pages[k], lines=_lines(pages[k], known, feet[pages[k].height], flows))
    return tuple(out)


def _feet(pages: tuple[Page, ...]) -> dict[float, float]:
    """The foot of the text area for each page height: the lowest text of the
    document's pages of that height (running footers were stripped before), so
    that a column can be told full or ended early."""
    feet: dict[float, float] = {}
    for page in pages:
        low = max((line.bbox.bottom for line in page.lines), default=0.0)
        feet[page.height] = max(feet.get(page.height, 0.0), low)
    return feet


__all__ = ["innermost", "order_pages"]
