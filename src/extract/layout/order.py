"""Blocks in reading order: a recursive cut of the page along its whitespace.

As in the recursive XY-cut of the layout-analysis literature, a set of blocks
is cut into bands along horizontal strips of whitespace, and a band into
columns along vertical ones. The literature's weak point is a page whose two
columns happen to leave a horizontal strip free at the same height (their
paragraphs end together): cut there first, it would be read across the
columns. So consecutive bands that share a gutter are taken together as one
zone, and the zone is read column by column (running text, a list flowed in
columns) unless the page shows rows: cells or cards in drawn frames whose tops
align, rules between the rows, labels in a narrow column beside their text,
or items whose tops align across the gutter while their heights differ.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from extract.model import BBox

# Tops within this many points are aligned.
TOP_TOLERANCE = 3.0
# A strip of whitespace narrower than this is no gutter.
MIN_GUTTER = 2.0
# A label column is at most this share of the width of the text beside it, or
# of BOLD_LABEL_SHARE when its labels are in bold beside text that is not.
LABEL_SHARE = 0.6
BOLD_LABEL_SHARE = 0.75
# Bold labels in each of a flow's columns only need be narrower than their text:
# the other columns' labels vouch for them (a narrow column leaves its labels
# nearly as wide as its text).
PAIRED_LABEL_SHARE = 0.9
# A column that runs down past this share of the page height runs to its foot.
FOOT_SHARE = 0.8
# A column ends this many lines above the foot of the text area at most when
# it is full (its text went on in the next column).
FULL_LINES = 3.0
# The next item of a list in columns stands at most this many sizes below the last.
LIST_GAP_EM = 2.5
# A cell waits for a taller neighbour when it starts this many font sizes lower
# than its own column's last item would have it (a paragraph's spacing is less).
WAIT_EM = 1.5


@dataclass
class Item:
    """A block, or a framed box of items, with what ordering needs to know of it."""

    box: BBox  # around its text
    size: float  # font size of its first line
    lines: int  # number of text lines
    framed: bool  # a framed box (card, cell), not a single block
    lowercase_start: bool  # its text opens in lower case (a sentence going on)
    bold: bool = False  # all its lines in bold
    open_end: bool = False  # its text stops without ending a sentence
    listed: bool = False  # it holds list items (which end without a stop)
    first_x0: float | None = None  # where its first line starts, when not at its box's left
    hang: float | None = None  # how far its last list item's next line starts right of its bullet
    pitch: float | None = None  # the distance from one of its lines' top to the next's
    upper_start: bool = False  # its text opens with a capital (a sentence or a name)
    weights: tuple[bool, ...] = ()  # its lines' weights (bold or not), each run once
    children: list[Item] = field(default_factory=list)
    ref: object = None  # the block it stands for, when not framed

    @property
    def opens_at(self) -> float:
        return self.box.x0 if self.first_x0 is None else self.first_x0

    @property
    def width(self) -> float:
        return self.box.x1 - self.box.x0

    @property
    def height(self) -> float:
        return self.box.bottom - self.box.top


@dataclass
class Flows:
    """How a document sets text in two columns beside margin labels, as its
    pages show it: a second column running on past a label, or opening away from
    any label, is a flow across the labels; a later section's second column of text
    opening beside its bold label is a section in two columns of its own. One page
    may show neither (`ambiguous`): its second column beside its first row only,
    its first column running to the foot. It is read as a flow unless the other
    pages show sections in columns of their own, and none a flow."""

    across: int = 0
    own: int = 0
    ambiguous: bool = False  # the page being read was one such
    settled_own: bool = False  # read such pages as sections in columns of their own

    def own_columns(self) -> bool:
        return self.own > 0 and self.across == 0


@dataclass
class Context:
    rules: Sequence[BBox]  # horizontal rules of the page
    page_height: float
    foot: float  # lowest bottom of text on any page of this height: the text area's foot
    seps: Sequence[BBox] = ()  # vertical rules of the page (column rules)
    zones: list[list[list[Item]]] = field(default_factory=list)  # row-major zones: bands
    # What the document's pages show of labelled text in two columns (see `Flows`).
    flows: Flows = field(default_factory=Flows)
    columns: list[list[list[Item]]] = field(default_factory=list)  # columns read in turn


def _bands(items: list[Item]) -> list[list[Item]]:
    """Items grouped into horizontal bands separated by whitespace."""
    bands: list[list[Item]] = []
    bottom = float("-inf")
    for item in sorted(items, key=lambda i: (i.box.top, i.box.x0)):
        if bands and item.box.top < bottom - 1.0:
            bands[-1].append(item)
            bottom = max(bottom, item.box.bottom)
        else:
            bands.append([item])
            bottom = item.box.bottom
    return bands


def _free(items: list[Item], left: float, right: float) -> list[tuple[float, float]]:
    """Strips of [left, right] that no item covers."""
    strips: list[tuple[float, float]] = []
    edge = left
    for item in sorted(items, key=lambda i: i.box.x0):
        if item.box.x0 - edge >= MIN_GUTTER:
            strips.append((edge, item.box.x0))
        edge = max(edge, item.box.x1)
    if right - edge >= MIN_GUTTER:
        strips.append((edge, right))
    return strips


def _intersect(
    a: list[tuple[float, float]], b: list[tuple[float, float]]
) -> list[tuple[float, float]]:
    out = []
    for a0, a1 in a:
        for b0, b1 in b:
            lo, hi = max(a0, b0), min(a1, b1)
            if hi - lo >= MIN_GUTTER:
                out.append((lo, hi))
    return out


def _gutters(items: list[Item], strips: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The strips that have items on both sides: real gutters, not margins."""
    return [
        (lo, hi)
        for lo, hi in strips
        if any(i.box.x1 <= lo + 0.5 for i in items) and any(i.box.x0 >= hi - 0.5 for i in items)
    ]


def _columns(items: list[Item], gutters: list[tuple[float, float]]) -> list[list[Item]]:
    cuts = sorted((lo + hi) / 2 for lo, hi in gutters)
    columns: list[list[Item]] = [[] for _ in range(len(cuts) + 1)]
    for item in items:
        centre = (item.box.x0 + item.box.x1) / 2
        columns[sum(1 for c in cuts if centre > c)].append(item)
    return [c for c in columns if c]


@dataclass
class _Zone:
    bands: list[list[Item]]
    strips: list[tuple[float, float]]  # whitespace strips common to all its bands
    gutters: list[tuple[float, float]]  # those strips with items on both sides

    @property
    def items(self) -> list[Item]:
        return [i for band in self.bands for i in band]


def _span(items: list[Item]) -> tuple[float, float]:
    return min(i.box.x0 for i in items), max(i.box.x1 for i in items)


def _two_sided(band: list[Item], gutters: list[tuple[float, float]]) -> bool:
    return len(_columns(band, gutters)) > 1


def _continues(zone: _Zone, tail: list[list[Item]], ctx: Context) -> bool:
    """Whether the first of bands left of the gutter only, under a zone whose
    right column has ended, still belongs to the zone's left column rather than
    follow the zone.

    It does when the left column runs on down to the foot of the page, or a
    column rule in the gutter runs on beside the band, or the
    band starts before the right column ends (no row of a grid starts before
    the taller cell of the row above has ended), or the right column opens in
    the middle of a sentence (text that flowed on from
    the left column's foot), or with an item set unlike the left column's first
    but like a later one (the rest of an entry the column broke after its first
    lines), or when the band is set like that column's items
    and as close to its last item as the zone's items are to each other in a
    column, or opens as every column does (the last item of a list balanced over
    two columns).
    """
    columns = _columns(zone.items, zone.gutters)
    left, right = columns[0], columns[-1]
    if max(i.box.bottom for band in tail for i in band) >= FOOT_SHARE * ctx.page_height:
        return True
    if _ruled_gutter(zone, tail[0], ctx):
        return True
    if min(i.box.top for i in tail[0]) < max(i.box.bottom for i in right) + TOP_TOLERANCE:
        return True  # it starts before the right column ends: no row of a grid does
    if _opens_inside(left, right):
        return True
    first = min(tail[0], key=lambda i: i.box.top)
    last = max(left, key=lambda i: i.box.bottom)
    if not first.lines or not last.lines:  # a figure
        return False
    if not any(i.lines and abs(first.size - i.size) <= 0.6 for i in zone.items):
        # Set unlike anything in the columns: a heading after them. (Set like a line
        # of the other column only, it may be the next line of a card whose title
        # took one more line than its neighbour's.)
        return False
    edge = min(i.box.x0 for i in left)
    if not edge - 2.0 <= first.box.x0 <= edge + 2.0 * first.size:  # an indent at most
        return False
    heads = [min(column, key=lambda i: i.box.top) for column in columns]
    if all(_alike(first, h) for h in heads):
        # An item opening as every column does: the next item of a list balanced over
        # the columns, whose spacing between items the columns are too short to show.
        return first.box.top - last.box.bottom <= LIST_GAP_EM * first.size
    gaps = []
    for column in columns:
        texts = [i for i in column if i.lines]  # a heading's gap to its logos says nothing
        tops = sorted(i.box.top for i in texts)
        bottoms = sorted(i.box.bottom for i in texts)
        gaps += [t - b for b, t in zip(bottoms, tops[1:], strict=False)]
    # At least a paragraph's spacing: the zone's items may all stand closer (a
    # heading right over its text) than the paragraphs of the column going on.
    allowed = max(max(gaps) + 0.5 * first.size if gaps else 0.0, PARAGRAPH_SPACE_EM * first.size)
    return first.box.top - last.box.bottom <= allowed


def _opens_inside(left: list[Item], right: list[Item]) -> bool:
    """The right column opens in the middle of what the left one holds: of a
    sentence, or of an entry (an item set unlike the left column's first but
    like a later one): the left column flowed into it from its foot."""
    right_head, left_head = (min(c, key=lambda i: i.box.top) for c in (right, left))
    if right_head.lowercase_start:
        return True
    return not _alike(right_head, left_head) and any(
        _alike(right_head, i) for i in left if i is not left_head
    )


def _alike(item: Item, head: Item) -> bool:
    """Set as a column's first item is: both open a list item, or neither does and
    both are in one size and weight (a card's territory line, a summary's title)."""
    if item.listed or head.listed:
        return item.listed and head.listed
    return abs(item.size - head.size) <= 0.6 and item.bold == head.bold and head.lines > 0


def _ruled_gutter(zone: _Zone, band: list[Item], ctx: Context) -> bool:
    """A column rule drawn in the zone's gutter runs on beside `band`: the columns
    it separates go on down there (a rule is drawn as tall as its columns)."""
    lo, hi = zone.gutters[0]
    top = min(i.box.top for i in band)
    bottom = max(i.box.bottom for i in band)
    return any(
        lo <= (r.x0 + r.x1) / 2 <= hi and r.top < top and r.bottom >= bottom - TOP_TOLERANCE
        for r in ctx.seps
    )


def _settle(zone: _Zone, ctx: Context) -> list[_Zone]:
    """A zone is bands read column by column or row by row; bands that only
    touch its gutter are not all of it.

    Without a band across its gutter it is no zone. Its first bands, when left
    of the gutter only, read the same inside or above it, and stay above (a
    short line over the columns is no part of them); when right of it only, they
    stay in it when they touch the band below (a column opening a little higher
    than the others). Its last bands, when left of the gutter only, stay in it
    when they continue its left column.
    """
    sides = [_two_sided(band, zone.gutters) for band in zone.bands]
    if not any(sides):
        return [_Zone([band], [], []) for band in zone.bands]
    cut = zone.gutters[0][0]
    right = [k for k, band in enumerate(zone.bands) if any(i.box.x0 >= cut for i in band)]
    start = min(sides.index(True), right[0])
    while start < sides.index(True) and not _touches(zone.bands[start], zone.bands[start + 1]):
        start += 1  # a line right of the gutter well above the columns: read before them
    stop = right[-1] + 1
    head = [_Zone([band], [], []) for band in zone.bands[:start]]
    core = _Zone(zone.bands[start:stop], zone.strips, zone.gutters)
    tail = zone.bands[stop:]
    while tail and _continues(core, tail, ctx):
        core.bands.append(tail.pop(0))
    return [*head, core, *(_Zone([band], [], []) for band in tail)]


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return min(a[1], b[1]) - max(a[0], b[0]) > 0


def _joins(zone: _Zone, band: list[Item], strips: list[tuple[float, float]]) -> bool:
    """Whether a band goes on with a zone: they share a gutter, and together they
    keep the widest gutter of the zone's two-sided bands (or every gutter of the
    band, when the zone has none yet: a short line over columns does not make
    them one column less)."""
    common = _intersect(zone.strips, strips)
    gutters = _gutters(zone.items + band, common)
    if not gutters:
        return False
    if any(_two_sided(b, zone.gutters) for b in zone.bands):
        # The zone's widest gutter goes on (labels beside each section's text may
        # stand in columns of their own widths from one section to the next, and a
        # wider label may cross its own: the gutter between a column of labels and
        # its text is not the one that has to go on, when there is another).
        needed = [max(_main_gutters(zone), key=lambda g: g[1] - g[0])]
    else:
        needed = _gutters(band, strips)
        if not needed and not _staggered(zone, band):
            return False
        # A line over the columns that runs on into their gutter, to a hair of
        # the right column (a project's title set wide), is no short line over
        # the left column: the gutter left beside it, narrower than an em, is
        # not one the columns below could keep.
        em = max(i.size for i in band)
        return all(
            any(_overlap_width(g, kept) >= min(em, 0.5 * (g[1] - g[0])) for kept in gutters)
            for g in needed
        )
    return all(any(_overlap(g, kept) for kept in gutters) for g in needed)


def _overlap_width(a: tuple[float, float], b: tuple[float, float]) -> float:
    return min(a[1], b[1]) - max(a[0], b[0])


def _main_gutters(zone: _Zone) -> list[tuple[float, float]]:
    """The zone's gutters but those between a column of labels and its text."""
    columns = _columns(zone.items, zone.gutters)
    if len(columns) != len(zone.gutters) + 1:
        return zone.gutters
    main = [
        gutter
        for k, gutter in enumerate(zone.gutters)
        if not _labels_of(columns[k], columns[k + 1])
        and not _bold_margin(columns[k], columns[k + 1])
    ]
    return main or zone.gutters


def _bold_margin(left: list[Item], right: list[Item]) -> bool:
    """A narrow column of bold headings only, beside plain text: labels, even when
    none stands beside the top of a text (a label's rest atop a column, its
    text's next paragraph a little lower)."""
    texts = [i for i in right if i.lines]
    if not texts or any(i.bold for i in texts) or not all(i.bold and i.lines for i in left):
        return False
    lo, hi = _span(texts)
    return max(i.width for i in left) <= BOLD_LABEL_SHARE * (hi - lo)


def _touches(upper: list[Item], lower: list[Item]) -> bool:
    """Two bands are the staggered tops of columns only when they touch (a heading
    opening one column a few points above the other's)."""
    size = max(i.size for i in lower)
    return min(i.box.top for i in lower) - max(i.box.bottom for i in upper) <= size


def _staggered(zone: _Zone, band: list[Item]) -> bool:
    return _touches(zone.items, band)


def _zones(bands: list[list[Item]], lo: float, hi: float, ctx: Context) -> list[_Zone]:
    """Consecutive bands taken together when they share their gutters."""
    zones: list[_Zone] = []
    for band in bands:
        strips = _free(band, lo, hi)
        if zones and _joins(zones[-1], band, strips):
            zone = zones[-1]
            zone.bands.append(band)
            zone.strips = _intersect(zone.strips, strips)
            zone.gutters = _gutters(zone.items, zone.strips)
            continue
        zones.append(_Zone([band], strips, _gutters(band, strips)))
    return [settled for zone in zones for settled in _settle(zone, ctx)]


def _heads(band: list[Item], gutters: list[tuple[float, float]]) -> list[Item]:
    """The first item of each column of a band."""
    return [min(c, key=lambda i: i.box.top) for c in _columns(band, gutters)]


def _aligned_rows(zone: _Zone) -> bool:
    """In every band, the columns' first items start at one height."""
    for band in zone.bands:
        tops = [head.box.top for head in _heads(band, zone.gutters)]
        if max(tops) - min(tops) > TOP_TOLERANCE:
            return False
    return True


def _waited(zone: _Zone) -> bool:
    """Some column's item starts further below its own column than the row before
    it needed: it waited for a taller neighbour, as the cells of a row do. (The
    items of a list flowed in columns each follow their own column's last item.)"""
    whole = _columns(zone.items, zone.gutters)
    labels = {
        id(i)
        for k in range(len(whole) - 1)
        if all(x.bold for x in whole[k]) and _labels_of(whole[k], whole[k + 1])
        for i in whole[k]
    }
    for upper, lower in zip(zone.bands, zone.bands[1:], strict=False):
        if len(_columns(lower, zone.gutters)) < len(zone.gutters) + 1:
            continue  # a row has a cell in every column; items of some go on with theirs
        above = _columns(upper, zone.gutters)
        row_bottom = max(i.box.bottom for i in upper)
        row_top = min(i.box.top for i in lower)
        size = max(i.size for i in lower)
        for head in _heads(lower, zone.gutters):
            if id(head) in labels:
                continue  # a heading in a margin waits for its own text, not for a row
            own = [c for c in above if _same_column(c, head)]
            if own:
                bottom = max(i.box.bottom for i in own[0])
                if head.box.top - bottom > row_top - row_bottom + WAIT_EM * size:
                    return True
    return False


def _same_column(column: list[Item], item: Item) -> bool:
    lo, hi = _span(column)
    return item.box.x0 < hi and item.box.x1 > lo


def _framed_rows(zone: _Zone) -> bool:
    """Cards or cells in frames, the tops of each row's frames aligned."""
    rows = 0
    for band in zone.bands:
        columns = _columns(band, zone.gutters)
        if len(columns) < 2:
            continue
        heads = [min(c, key=lambda i: i.box.top) for c in columns]
        if not all(h.framed for h in heads):
            return False
        if max(h.box.top for h in heads) - min(h.box.top for h in heads) > TOP_TOLERANCE:
            return False
        rows += 1
    return rows >= 1


def _rule_across(zone: _Zone, top: float, bottom: float, ctx: Context) -> bool:
    """A rule between heights `top` and `bottom` runs across all of the zone's gutters."""
    lo, hi = zone.gutters[0][0], zone.gutters[-1][1]
    return any(
        top <= (r.top + r.bottom) / 2 <= bottom and r.x0 < lo and r.x1 > hi for r in ctx.rules
    )


def _ruled_rows(zone: _Zone, ctx: Context) -> bool:
    """A rule runs across the gutters between two of the zone's bands, or, for a
    zone of one band, right below it (a table of one row, ruled under each row as
    tables are; a heading's underline never crosses a gutter)."""
    if len(zone.bands) == 1:
        items = zone.items
        bottom = max(i.box.bottom for i in items)
        size = max(i.size for i in items)
        return _rule_across(zone, bottom - 1.0, bottom + 2.0 * size, ctx)
    for upper, lower in zip(zone.bands, zone.bands[1:], strict=False):
        top = max(i.box.bottom for i in upper) - 1.0
        bottom = min(i.box.top for i in lower) + 1.0
        if _rule_across(zone, top, bottom, ctx):
            return True
    return False


def _labels_of(
    labels: list[Item], texts: list[Item], body: list[Item] | None = None, paired: bool = False
) -> bool:
    """Whether `labels` (a column) are labels of `texts` (the columns right of it):
    narrow, each beside the top of some text or below them all. Bold labels
    beside plain text are measured against the whole `body` they label (a
    body in two columns), others against `texts`; `paired`, they are one of
    a flow's columns of labels, each beside its own text."""
    if not labels or not texts or any(not i.lines for i in labels):
        return False
    if _mirrored(labels, texts):
        return False  # cards side by side, not labels beside their text
    if _entries_beside(labels, texts):
        return False
    bold = all(i.bold for i in labels) and not any(i.bold for i in texts if i.lines)
    end = max(i.box.bottom for i in texts)
    written = [i.box.bottom for i in texts if i.lines]  # figures say nothing
    if bold and written and all(a.box.top >= max(written) for a in labels):
        # Bold headings all below the text beside them (a partners' heading
        # under a paragraph's last line, spilled to the top of the column, and
        # its logos beside it): that text is too short to say how narrow a
        # label is.
        return True
    lo, hi = _span(body if bold and body else texts)
    share = (PAIRED_LABEL_SHARE if paired else BOLD_LABEL_SHARE) if bold else LABEL_SHARE
    if max(i.width for i in labels) > share * (hi - lo):
        return False
    heads = _label_heads(labels, texts)
    beside = [a for a in heads if any(_beside(a, b) for b in texts)]
    # The last heading of the margin may have nothing beside it (its logos follow).
    return all(a in beside or a.box.top >= end for a in heads)


def _mirrored(left: list[Item], right: list[Item]) -> bool:
    """Two columns of more than one item, each item beside one of the other's,
    set alike (bold beside bold, plain beside plain), in both weights: the
    cards of a grid drawn without frames, a bold title over plain text in each.
    Labels beside their text are set unlike it."""
    if len(left) != len(right) or len(left) < 2:
        return False
    pairs = list(
        zip(
            sorted(left, key=lambda i: i.box.top),
            sorted(right, key=lambda i: i.box.top),
            strict=True,
        )
    )
    return len({a.bold for a, _ in pairs}) == 2 and all(
        abs(a.box.top - b.box.top) <= TOP_TOLERANCE and a.bold == b.bold and a.lines and b.lines
        for a, b in pairs
    )


def _entries_beside(left: list[Item], right: list[Item]) -> bool:
    """Each item of the left column that stands beside one of the right's is set
    as that one is: both open a list item, or both print their lines in the same
    run of weights (a plain territory, a bold title, a plain tag) in one size.
    Entries of a list flowed in columns (cards without frames, a bullet list in
    two columns), not labels: a label is set unlike the text it names."""
    pairs = [(a, b) for a in left for b in right if b.lines and _beside(a, b)]
    return bool(pairs) and all(_entry_alike(a, b) for a, b in pairs)


def _entry_alike(a: Item, b: Item) -> bool:
    if a.listed or b.listed:
        return a.listed and b.listed
    return len(a.weights) > 1 and a.weights == b.weights and abs(a.size - b.size) <= 0.6


def _label_heads(labels: list[Item], texts: list[Item]) -> list[Item]:
    """The labels that open a label, from the top: not the rest of one wrapped
    onto a block of its own (`LES APPORTS DU` / `PROJET :`, set small on a wide
    line height), right under it, at its start, in its size and weight, with no
    text of its own beside it (a table's bold header over a bold cell stands
    over the cell's row, whose text starts beside the cell); text beside it that
    opens in lower case goes on from the label above."""
    heads: list[Item] = []
    previous: Item | None = None
    for label in sorted(labels, key=lambda i: i.box.top):
        goes_on = previous is not None and _label_goes_on(previous, label)
        if not goes_on or any(_beside(label, text) and not text.lowercase_start for text in texts):
            heads.append(label)
        previous = label
    return heads


def _label_goes_on(above: Item, label: Item) -> bool:
    if not (above.bold and label.bold and above.lines and label.lines):
        return False
    last_top = above.box.top + (above.lines - 1) * (above.pitch or 0.0)  # its last line's
    # One line down: as far as the label's own lines stand apart, when it shows it.
    reach = above.pitch + PITCH_SLACK if above.pitch else LABEL_PITCH_EM * label.size
    return (
        abs(above.box.x0 - label.box.x0) <= ALIGN
        and abs(above.size - label.size) <= 0.5
        and 0 < label.box.top - last_top <= reach
    )


def _beside(label: Item, item: Item) -> bool:
    """A label stands beside the top of a text, or of a figure (logos under a
    "Partenaires" heading), whose frame may start a little above or below."""
    slack = TOP_TOLERANCE if item.lines else max(TOP_TOLERANCE, label.size)
    return abs(label.box.top - item.box.top) <= slack


def _labelled(zone: _Zone) -> bool:
    """Labels in a narrow first column, each beside the top of the text it names,
    and no other column of labels (then each labels its own column of a flow)."""
    columns = _columns(zone.items, zone.gutters)
    if any(_labels_of(a, b) for a, b in zip(columns[1:], columns[2:], strict=False)):
        return False
    body = [i for c in columns[1:] for i in c]
    if len(columns) < 2 or not _labels_of(columns[0], columns[1], body):
        return False
    return _labels_of(columns[0], body)


def _column_units(zone: _Zone, ctx: Context) -> list[Item]:
    """Columns read one after the other; a narrow column of labels beside the next
    one (headings in the margin of the second column of a page) is read with it."""
    columns = _columns(zone.items, zone.gutters)
    ctx.columns.append(columns)
    paired = _label_pairs(zone)
    out: list[Item] = []
    k = 0
    while k < len(columns):
        if k + 1 < len(columns) and _labels_of(columns[k], columns[k + 1], paired=paired):
            pair = columns[k] + columns[k + 1]
            lo = max(i.box.x1 for i in columns[k])
            hi = min(i.box.x0 for i in columns[k + 1])
            out += _labelled_rows(_Zone([pair], [], [(lo, hi)]), ctx)
            k += 2
        else:
            out += order(columns[k], ctx)
            k += 1
    return out


def _label_rows(items: list[Item], cut: float) -> list[list[Item]]:
    """Items in rows that each open with a label (left of `cut`): a row runs from
    its label's top down to the next label's; items above the first label come first."""
    labels = _label_heads(
        [i for i in items if i.box.x1 <= cut + 0.5], [i for i in items if i.box.x1 > cut + 0.5]
    )
    tops = [label.box.top - TOP_TOLERANCE for label in labels]
    rows: list[list[Item]] = [[] for _ in range(len(labels) + 1)]
    for item in items:
        rows[sum(1 for t in tops if item.box.top >= t)].append(item)
    return [row for row in rows if row]


def _labelled_rows(zone: _Zone, ctx: Context) -> list[Item]:
    """Each label, then the text beside it down to the next label, read on its own
    (it may flow in columns of its own), unless the text flows in columns across
    the labels (see `_flows_across`)."""
    cut = zone.gutters[0][0]
    rows = _label_rows(zone.items, cut)
    if len(zone.gutters) > 1 and (
        _flows_across(rows, zone.gutters[1][0], ctx)
        or _flows_on(rows, cut, zone.gutters[1][0])
        or _row_split(rows, cut, zone.gutters[1][0])
        or _table_goes_on(rows, cut, zone.gutters[1][0])
        or _labels_of_its_own(zone.items, cut, zone.gutters[1][0])
    ):
        inner = zone.gutters[1][0]
        left = [i for i in zone.items if i.box.x1 <= inner + 0.5]
        right = [i for i in zone.items if i.box.x1 > inner + 0.5]
        ctx.columns.append([right])
        return _labelled_rows(_Zone([left], zone.strips, zone.gutters[:1]), ctx) + order(right, ctx)
    out: list[Item] = []
    for row in rows:
        labels = [i for i in row if i.box.x1 <= cut + 0.5]
        rest = [i for i in row if i.box.x1 > cut + 0.5]
        ctx.zones.append([row])
        if labels:
            ctx.columns.append([labels])
        out += sorted(labels, key=lambda i: i.box.top) + order(rest, ctx)
    return out


def _labels_of_its_own(items: list[Item], cut: float, inner: float) -> bool:
    """Right of `inner`, a bold item set as the labels left of `cut` stands at
    that part's left edge, and all its text starts further right: the part is a
    column of a flow with labels of its own (whose labels and text overlap, a
    wide label over a narrow strip), not more text beside the first labels."""
    labels = [i for i in items if i.box.x1 <= cut + 0.5]
    right = [i for i in items if i.box.x1 > inner + 0.5]
    edge = min(i.box.x0 for i in right)
    texts = [i for i in right if i.lines and not i.bold]
    return bool(texts) and any(
        i.bold
        and abs(i.box.x0 - edge) <= ALIGN
        and any(_alike(i, label) for label in labels)
        and all(t.box.x0 > i.box.x0 + i.size for t in texts)
        for i in right
    )


def _flows_on(rows: list[list[Item]], cut: float, inner: float) -> bool:
    """The text right of `inner` opens mid-sentence beside a section whose text
    ends its sentence, while the last text left of it stops mid-sentence: the
    left column flows on to the top of the right one."""
    right = [i for row in rows for i in row if i.box.x0 >= inner]
    if not right:
        return False
    first = min(right, key=lambda i: (i.box.top, i.box.x0))
    if not first.lowercase_start:
        return False
    texts = [i for i in _row_of(rows, first) if cut < i.box.x0 and i.box.x1 <= inner + 0.5]
    column = [i for row in rows for i in row if cut < i.box.x0 and i.box.x1 <= inner + 0.5]
    if not texts or not column:
        return False
    own = max(texts, key=lambda i: i.box.bottom)
    last = max(column, key=lambda i: i.box.bottom)
    text_edge = min((i.box.x0 for i in right if not i.bold), default=first.box.x0)
    indent = first.opens_at - text_edge
    if (
        own.listed
        and indent > 0.5 * first.size
        and (own.hang is None or abs(indent - own.hang) <= HANG_TOLERANCE)
        and any(i.box.x0 >= inner for row in rows if row is not _row_of(rows, first) for i in row)
    ):
        # It opens at a list item's hanging indent (own's, where own shows it),
        # right of the column's text (its labels are no edge), and the other
        # sections have second columns of their own: own's last item goes on.
        # (When all the right column stands beside own's section, its text opens
        # at the edge of its own labels, whatever own holds; a section set in a
        # table of its own widths opens at an indent of its own.)
        return False
    return own is not last and not own.open_end and last.open_end


def _row_split(rows: list[list[Item]], cut: float, inner: float) -> bool:
    """The right column opens with the rest of a label: a bold label whose text
    starts a line below it, or goes on beside it mid-sentence (`DU PROJET`
    beside `75 communes…`), while the last row left of `inner` is a label's and
    has nothing right of it. A section's row of a table broke between the
    columns (`INNOVATION` and its subtitle at the left column's foot, `DU
    PROJET :` and the text at the right column's top): the left column flows on
    to the right one."""
    right = [i for row in rows for i in row if i.box.x0 >= inner]
    if not right or len(rows) < 2:
        return False
    first = min(right, key=lambda i: (i.box.top, i.box.x0))
    if not (first.bold and first.lines):
        return False
    texts = [i for i in right if i.lines and not i.bold and i is not first]
    beside = [i for i in texts if abs(i.box.top - first.box.top) <= TOP_TOLERANCE]
    if beside:
        if any(i.upper_start for i in beside):
            return False  # text opening beside it: a label of the right column's own
    elif not any(0 < i.box.top - first.box.top <= 2 * first.size for i in texts):
        return False
    last = rows[-1]
    labels = [i for i in last if i.box.x1 <= cut + 0.5]
    return (
        bool(labels)
        and all(i.bold and i.lines for i in labels)
        and not any(i.box.x0 >= inner for i in last)
    )


def _table_goes_on(rows: list[list[Item]], cut: float, inner: float) -> bool:
    """The right column opens with text set as the last section left of `inner`
    sets its text: each section is a table of its own widths (label, then text),
    and the right column's first text stands as far from the right column's
    labels as the last section's text from the left column's labels, and not as
    far as the first section's, with no label beside it: that table went on
    from the left column's foot to the right column's top."""
    right = [i for row in rows for i in row if i.box.x0 >= inner]
    right_labels = [i for i in right if i.bold and i.lines]
    labelled = [row for row in rows if any(i.box.x1 <= cut + 0.5 for i in row)]
    if not right_labels or len(labelled) < 2:
        return False
    first = min(right, key=lambda i: (i.box.top, i.box.x0))
    if first.bold or not first.lines:
        return False
    if any(abs(a.box.top - first.box.top) <= TOP_TOLERANCE for a in right_labels):
        return False  # a label of the right column's own beside it
    edge = min(i.box.x0 for row in labelled for i in row if i.box.x1 <= cut + 0.5)

    def offset(row: list[Item]) -> float | None:
        texts = [i for i in row if cut < i.box.x0 and i.box.x1 <= inner + 0.5 and i.lines]
        return min(i.box.x0 for i in texts) - edge if texts else None

    own = first.opens_at - min(i.box.x0 for i in right_labels)
    last, head = offset(labelled[-1]), offset(labelled[0])
    return (
        last is not None and abs(own - last) <= ALIGN and (head is None or abs(own - head) > ALIGN)
    )


def _row_of(rows: list[list[Item]], item: Item) -> list[Item]:
    return next(row for row in rows if any(i is item for i in row))


def _flows_across(rows: list[list[Item]], inner: float, ctx: Context) -> bool:
    """Labels beside the first of two text columns that run down the page on their
    own, rather than each section flowing in two columns of its own.

    Sections in columns of their own open their second column beside their label,
    end it before the next label, and any of them with a few lines fills both
    (columns are balanced). So the text flows across when the second column's
    text runs on past a label, or opens elsewhere than beside one, or stands
    beside the first row only while the first column runs on beside the others
    down to the foot of the page (a flow's second column opens at the flow's
    top; a section of one paragraph kept whole fills its first column only, so
    a later section alone with a second column has columns of its own).
    """
    labels_top = [
        min(i.box.top for i in row if i.box.x1 <= inner)
        for row in rows
        if any(i.box.x1 <= inner and i.box.x0 < inner for i in row)
    ]
    right_items = [i for row in rows for i in row if i.box.x0 >= inner]
    if any(
        i.box.top < t - TOP_TOLERANCE and i.box.bottom > t + TOP_TOLERANCE
        for i in right_items
        for t in labels_top
    ):
        ctx.flows.across += 1
        return True  # the second column's text runs on past a label: one flow
    right_rows = []
    for k, row in enumerate(rows):
        labels = [i for i in row if i.box.x1 <= inner and i.box.x0 < inner]
        right = [i for i in row if i.box.x0 >= inner]
        if right:
            right_rows.append(k)
        if labels and right:
            top = min(i.box.top for i in labels)
            if abs(min(i.box.top for i in right) - top) > TOP_TOLERANCE:
                ctx.flows.across += 1
                return True
    left = [i for row in rows for i in row if i.box.x0 < inner]
    if not left:
        # Labels drawn without width (a font whose widths were lost) stand on the
        # gutter itself: no text is left of it, so no first column runs on.
        return False
    bottom = max(i.box.bottom for i in left)
    size = max(i.size for i in left)
    # A flow's second column opens at the top of the flow, beside its first row,
    # once the first is full: the first column ends at the foot of the text area,
    # and a rule between the columns, if drawn, runs on past the first row; the
    # next label follows the first column's text (a flow leaves no blank lines),
    # not the second column's, far below it (a row's columns of its own).
    if any(k > 0 and _own_second_column(rows[k], inner) for k in right_rows):
        ctx.flows.own += 1
    if not (
        right_rows == [0]
        and not _waits_for_second(rows, inner)
        and len(rows) >= 2
        and bottom >= FOOT_SHARE * ctx.page_height
        and bottom >= ctx.foot - FULL_LINES * size
        and not _rule_stops(rows, inner, right_items, ctx)
    ):
        return False
    ctx.flows.ambiguous = True
    return not ctx.flows.settled_own


def _own_second_column(row: list[Item], inner: float) -> bool:
    """A later section's second column of text beside its heading, in bold (a
    summary's table, its tags in a first column, shows no section)."""
    left = [i for i in row if i.box.x1 <= inner]
    if not left:
        return False
    edge = min(i.box.x0 for i in left)
    labels = [i for i in left if i.box.x0 <= edge + ALIGN]
    return all(i.bold for i in labels) and sum(i.lines for i in row if i.box.x0 >= inner) > 1


def _waits_for_second(rows: list[list[Item]], inner: float) -> bool:
    """The second row opens just below the first row's text right of `inner`, whose
    text left of it ended more than WAIT_EM sizes higher: that row's columns are
    its own (a section's text going on in two columns atop a page, its first column
    shorter), and the second row waited for the taller one."""
    first_left = [i for i in rows[0] if i.box.x1 <= inner and i.box.x0 < inner]
    first_right = [i for i in rows[0] if i.box.x0 >= inner]
    if not first_left or not first_right or len(rows) < 2:
        return False
    top = min(i.box.top for i in rows[1])
    right_end = max(i.box.bottom for i in first_right)
    left_end = max(i.box.bottom for i in first_left)
    size = max(i.size for i in rows[1])
    return right_end <= top and top - left_end > top - right_end + WAIT_EM * size


def _rule_stops(rows: list[list[Item]], inner: float, right: list[Item], ctx: Context) -> bool:
    """A column rule between the text columns ends above the second row: the
    columns are the first row's own."""
    edge = min(i.box.x0 for i in right)
    top = min(i.box.top for i in right)
    below = min(i.box.top for i in rows[1]) - TOP_TOLERANCE
    return any(
        inner - 1.0 <= (r.x0 + r.x1) / 2 <= edge + 1.0 and top < r.bottom < below for r in ctx.seps
    )


def _row_major(zone: _Zone, ctx: Context) -> bool:
    if _ruled_rows(zone, ctx):
        return True
    if len(zone.bands) < 2:
        return False  # one band: its columns read the same either way
    if _framed_rows(zone):
        return True
    if _label_pairs(zone):
        return False  # each label waits for its own text, not for a row
    if _flowed(zone):
        return False
    return _aligned_rows(zone) and _waited(zone)


# The lines of one label stand at most this many of its sizes apart, or this many
# points further apart than its lines already do.
LABEL_PITCH_EM = 2.5
PITCH_SLACK = 1.5


# A paragraph's spacing stands at most this many of its sizes below the last.
PARAGRAPH_SPACE_EM = 2.0


# Two starts within this many points are one.
ALIGN = 1.0


# A list item's lines in another column hang as far as in the first, within
# this many points.
HANG_TOLERANCE = 2.0


# Two spaces between items within this many points are the same spacing.
SAME_SPACING = 1.0


def _flowed(zone: _Zone) -> bool:
    """Items flowed column after column, each set below its own column's last item.

    Such a list leaves one spacing between its items (an entry's margin) in every
    column, wherever the item before it happened to end, so its items start at
    heights of their own: some wide space of one column ends where no item of
    any other column starts. A table's rows start at one height in every column,
    and a cell that waited for a taller neighbour has a wider space than the
    others. The columns' bands then line up only by chance, and a short entry
    seems to wait for its neighbour: `_waited` would read the list across.
    """
    columns = _columns(zone.items, zone.gutters)
    breaks: list[tuple[float, Item, int]] = []  # (space, the item after it, column)
    for k, column in enumerate(columns):
        items = sorted(column, key=lambda i: i.box.top)
        for above, below in zip(items, items[1:], strict=False):
            space = below.box.top - above.box.bottom
            if space > below.size:
                breaks.append((space, below, k))
    if len({k for _, _, k in breaks}) < 2:
        return False
    spaces = [space for space, _, _ in breaks]
    if max(spaces) - min(spaces) > SAME_SPACING:
        return False
    starts = [(i, k) for k, column in enumerate(columns) for i in column]
    # An item set otherwise starting level with it (a card's territory line beside
    # the next card's title) is no row's start either.
    return any(
        all(
            abs(item.box.top - other.box.top) > TOP_TOLERANCE or not _alike(other, item)
            for other, j in starts
            if j != k
        )
        for _, item, k in breaks
    )


def _label_pairs(zone: _Zone) -> bool:
    """Columns in pairs, each a column of labels and the text beside them: a
    flow in columns with headings in the margin of each."""
    columns = _columns(zone.items, zone.gutters)
    return (
        len(columns) >= 4
        and len(columns) % 2 == 0
        and all(
            _labels_of(columns[k], columns[k + 1], paired=True) for k in range(0, len(columns), 2)
        )
    )


def order(items: list[Item], ctx: Context) -> list[Item]:
    """Items in reading order (framed boxes are ordered inside by the caller)."""
    if len(items) <= 1:
        return list(items)
    lo, hi = _span(items)
    out: list[Item] = []
    for zone in _zones(_bands(items), lo, hi, ctx):
        if not zone.gutters:  # one band, one column
            out += sorted(zone.items, key=lambda i: (i.box.top, i.box.x0))
        elif _labelled(zone):
            out += _labelled_rows(zone, ctx)
        elif _row_major(zone, ctx):
            ctx.zones.append(zone.bands)
            if len(zone.bands) == 1:  # one row of a table: its cells left to right
                out += _column_units(zone, ctx)
                continue
            ctx.columns.append(_columns(zone.items, zone.gutters))
            for band in zone.bands:
                out += order(band, ctx)
        else:
            out += _column_units(zone, ctx)
    return out


def walk(items: Sequence[Item]) -> Iterator[Item]:
    """Every item and, inside framed boxes, their items, depth first."""
    for item in items:
        yield item
        yield from walk(item.children)
