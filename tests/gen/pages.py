"""Page builders: cover, intro, category summaries, detail records, closing page."""

from __future__ import annotations

import random

from . import texts
from . import wording as W
from .compose import (
    BLACK,
    BULLET_FONT,
    GREY,
    WHITE,
    Composer,
    LineOp,
    RectOp,
    TextOp,
    balanced,
    banner_units,
    wrap,
)
from .content import Edition, Lau
from .design import page_number_text
from .layout import Color, width
from .truth import TIERS, TEntry, TLaureate


def accent(c: Composer) -> tuple[float, float, float]:
    return c.layout.colors[3]


def cover(c: Composer, ed: Edition) -> None:
    c.new_page(decorated=False)
    big = c.fs * 3
    c.add(RectOp(0, c.page_h * 0.55, c.page_w, big * 4, accent(c)))
    c.add(
        TextOp(
            c.left,
            c.page_h * 0.55 + big * 2.2,
            f"Label « {ed.label_name} »",
            c.bold,
            big * 0.7,
            WHITE,
        )
    )
    c.add(TextOp(c.left, c.page_h * 0.55 + big * 0.9, f"Annuaire {ed.year}", c.bold, big, WHITE))
    c.add(TextOp(c.left, c.page_h * 0.3, ed.organiser, c.regular, c.fs * 1.4))


def intro(c: Composer, ed: Edition, rng: random.Random) -> None:
    text = texts.intro(ed, rng)
    c.new_page()
    hs = c.fs * c.layout.heading_scale * 1.2
    c.heading(text.about_heading, hs, accent(c))
    c.items(list(text.about))
    c.gap(c.lead(c.fs))
    c.heading(text.jury_heading, hs, accent(c))
    c.para(text.jury_lead)
    c.gap(c.lead(c.fs) * 0.5)
    jury = list(text.jury)
    if c.layout.jury_columns == 2:
        c.columns(2)
        half = (len(jury) + 1) // 2
        for k, item in enumerate(jury):
            if k == half:
                c.next_frame()
            c.bullet(item)
        c.end_columns()
    else:
        for item in jury:
            c.bullet(item)
    c.gap(c.lead(c.fs))
    c.heading(text.criteria_heading, hs, accent(c))
    c.para(text.criteria_lead)
    c.items(["• " + crit for crit in text.criteria])
    c.gap(c.lead(c.fs))
    c.heading(text.results_heading, hs, accent(c))
    *stated, last = text.results
    for paragraph in stated:
        c.para(paragraph)
    c.gap(c.lead(c.fs) * 0.7)
    c.para(last)


def _entry_parts(c: Composer, lau: Lau) -> list[tuple[str, str]]:
    """An entry's parts in the layout's order, with their fonts (the title in bold)."""
    tag = W.summary_tag(lau.sum_tier, c.layout)
    if c.layout.entry_order == "title/territory+tag":
        return [(lau.sum_project, c.bold), (f"{lau.sum_territory} {tag}", c.regular)]
    parts = {
        "title": (lau.sum_project, c.bold),
        "territory": (lau.sum_territory, c.regular),
        "tag": (tag, c.regular),
    }
    return [parts[key] for key in c.layout.entry_order.split("/")]


def _entry_lines(c: Composer, lau: Lau, w: float) -> list[tuple[str, str, float]]:
    """(text, font, indent) of an entry's lines: the first part beside its bullet."""
    hang = c.fs * 1.4
    out: list[tuple[str, str, float]] = []
    for k, (text, font) in enumerate(_entry_parts(c, lau)):
        dx = hang if k == 0 else 0.0
        out.extend((line, font, dx) for line in wrap(text, font, c.fs, w - dx))
    return out


def _entry(c: Composer, lau: Lau) -> None:
    lines = _entry_lines(c, lau, c.frame()[1])
    c.ensure(c.lead(c.fs) * len(lines))
    c.ensure(c.lead(c.fs))
    x, _ = c.frame()
    c.add(TextOp(x, c.y - c.fs, "•", BULLET_FONT, c.fs))
    for text, font, dx in lines:
        c.line(text, font, c.fs, dx)
    c.gap(c.lead(c.fs) * 0.6)


def _flowed(c: Composer, entries: list[Lau]) -> list[int]:
    """Entries with no frame to show rows: a list flowed in 2 or 3 columns, read
    column after column (see the README)."""
    n = c.layout.card_columns
    c.columns(n)
    per = -(-len(entries) // n)
    pages = []
    for k, lau in enumerate(entries):
        if k and k % per == 0:
            c.next_frame()
        _entry(c, lau)
        pages.append(c.page_no)
    c.end_columns()
    return pages


def _cards(c: Composer, entries: list[Lau]) -> list[int]:
    """A grid of 2 or 3 framed cards a row; without frames, a list in columns."""
    lay = c.layout
    if not lay.card_frame:
        return _flowed(c, entries)
    pages: list[int] = []
    n = lay.card_columns
    pad = 8.0 if lay.card_frame else 0.0
    gap = 14.0 if lay.card_gap == "normal" else c.fs * lay.narrow_gap_em
    w = (c.full - gap * (n - 1)) / n
    lead = c.lead(c.fs)
    for k in range(0, len(entries), n):
        row = [_entry_lines(c, lau, w - 2 * pad) for lau in entries[k : k + n]]
        h = max(len(lines) for lines in row) * lead + 2 * pad
        c.ensure(h + gap)
        pages.extend([c.page_no] * len(row))
        for i, lines in enumerate(row):
            x = c.left + i * (w + gap)
            if lay.card_frame:
                c.add(RectOp(x, c.y - h, w, h, (0.96, 0.96, 0.93), accent(c)))
            y = c.y - pad - c.fs
            c.add(TextOp(x + pad, y, "•", BULLET_FONT, c.fs))
            for j, (text, font, dx) in enumerate(lines):
                c.add(TextOp(x + pad + dx, y - j * lead, text, font, c.fs))
        c.y -= h + gap
    return pages


TABLE_HEADS = {"title": "Projet", "territory": "Territoire", "tag": "Label"}
TABLE_WEIGHTS = {"title": 0.42, "territory": 0.38, "tag": 0.2, "territory+tag": 0.58}
TABLE_PAD = 4.0
TABLE_RULE = (0.35, 0.35, 0.35)
Cell = list[tuple[str, str]]  # (line, font)


def _table_columns(c: Composer, keys: list[str]) -> list[float]:
    """Left edges of the columns and the table's right edge."""
    widths = [c.full * TABLE_WEIGHTS[k] / sum(TABLE_WEIGHTS[k] for k in keys) for k in keys]
    if "tag" in keys:  # a tag is one unit: its column holds the widest one
        tags = (W.summary_tag(t, c.layout) for t in TIERS)
        tag_w = max(width(tag, c.regular, c.fs) for tag in tags) + 2 * TABLE_PAD + 2
        i = keys.index("tag")
        others = (c.full - max(widths[i], tag_w)) / (c.full - widths[i])
        widths = [max(w, tag_w) if k == i else w * others for k, w in enumerate(widths)]
    return [c.left + sum(widths[:i]) for i in range(len(keys) + 1)]


def _table_row(c: Composer, xs: list[float], cells: list[Cell], fill: Color | None) -> None:
    lead = c.lead(c.fs)
    h = max(len(cell) for cell in cells) * lead + 2 * TABLE_PAD
    if fill is not None:
        c.add(RectOp(c.left, c.y - h, c.full, h, fill))
    for i, cell in enumerate(cells):
        for j, (text, font) in enumerate(cell):
            y = c.y - TABLE_PAD - c.fs - j * lead
            c.add(TextOp(xs[i] + TABLE_PAD, y, text, font, c.fs))
    if c.layout.table_vrules:
        for x in xs:
            c.add(LineOp(x, c.y, x, c.y - h, 0.5, TABLE_RULE))
    c.add(LineOp(c.left, c.y - h, c.left + c.full, c.y - h, 0.5, TABLE_RULE))
    c.y -= h


def _table_head(c: Composer, xs: list[float], keys: list[str]) -> None:
    c.add(LineOp(c.left, c.y, c.left + c.full, c.y, 1.0, TABLE_RULE))
    if c.layout.table_header:  # "territory+tag" is headed "Territoire"
        names = [TABLE_HEADS[key.split("+")[0]] for key in keys]
        _table_row(c, xs, [[(name, c.bold)] for name in names], (0.92, 0.92, 0.92))


def _table(c: Composer, entries: list[Lau]) -> list[int]:
    """A table with a rule between rows (maybe vertical ones, maybe a header row, repeated
    on each page); the title in bold unless it comes first."""
    keys = c.layout.entry_order.split("/")
    xs = _table_columns(c, keys)
    pages: list[int] = []
    _table_head(c, xs, keys)
    for lau in entries:
        cells = []
        for i, (text, font) in enumerate(_entry_parts(c, lau)):
            if keys[i] == "title" and i == 0:
                font = c.regular  # first: bold is not needed to tell it apart
            cells.append([(line, font) for line in wrap(text, font, c.fs, xs[i + 1] - xs[i] - 8)])
        page = c.page_no
        c.ensure(max(len(cell) for cell in cells) * c.lead(c.fs) + 2 * TABLE_PAD)
        if c.page_no != page:
            _table_head(c, xs, keys)
        pages.append(c.page_no)
        _table_row(c, xs, cells, None)
    return pages


def summary(c: Composer, cat: str, entries: list[Lau]) -> list[TEntry]:
    c.new_page()
    c.heading(W.summary_title(cat, c.layout), c.fs * c.layout.heading_scale * 1.3, accent(c))
    c.gap(c.lead(c.fs))
    pages = []
    mode = c.layout.summary_layout
    if c.layout.summary_table:
        pages = _table(c, entries)
    elif mode == "cards":
        pages = _cards(c, entries)
    else:
        if mode == "columns":
            c.columns(2)
        half = (len(entries) + 1) // 2
        for k, lau in enumerate(entries):
            if mode == "columns" and k == half:
                c.next_frame()
            _entry(c, lau)
            pages.append(c.page_no)
    return [
        TEntry(cat, k + 1, lau.sum_project, lau.sum_territory, lau.sum_tier, page)
        for k, (lau, page) in enumerate(zip(entries, pages, strict=True))
    ]


def _one_line_banner(c: Composer, lau: Lau) -> None:
    tier_color = c.layout.colors[TIERS.index(lau.tier)]
    text = W.banner_text(lau.tier, lau.category, c.layout)
    size = c.fs * c.layout.heading_scale * 1.2
    size = min(size, size * (c.full - size * 1.5) / width(text, c.bold, size))  # one line
    if c.layout.banner_style == "band":
        h = size * 2.2
        track = c.layout.banner_tracking
        while track and width(text, c.bold, size) + track * len(text) > c.full - size * 1.5:
            size *= 0.95  # letter spacing widens the banner: keep it on one line
        c.add(RectOp(c.left, c.y - h, c.full, h, tier_color))
        y = c.y - h / 2 - size * 0.35
        c.add(TextOp(c.left + size * 0.6, y, text, c.bold, size, WHITE, track))
        c.y -= h
    else:
        c.line(text, c.bold, size, 0.0, tier_color)


BANNER_BOX = {"full": 1.0, "narrow": 0.62, "centred": 0.7}


def _banner_lines(c: Composer, lau: Lau, size: float, track: float) -> list[tuple[str, float]]:
    """(text, size) of each line of a wrapped or split banner."""
    lay = c.layout
    if lay.banner_form == "split":
        label, category = W.banner_parts(lau.tier, lau.category, lay)
        return [(label, size * lay.split_scale), (category, size)]
    text = W.banner_text(lau.tier, lau.category, lay)
    n = 2 if lay.banner_form == "two_lines" else 3
    lines = balanced(banner_units(text), n, lambda s: width(s, c.bold, size) + track * len(s))
    return [(line, size) for line in lines]


def _banner(c: Composer, lau: Lau) -> None:
    lay = c.layout
    if lay.banner_form == "one_line":
        _one_line_banner(c, lau)
        c.gap(c.lead(c.fs) * 1.5)
        return
    band = lay.banner_style == "band"
    track = lay.banner_tracking if band else 0.0
    size = c.fs * lay.heading_scale * 1.2
    box_w = c.full * BANNER_BOX[lay.banner_box]
    box_x = c.left + (c.full - box_w) / 2 if lay.banner_box == "centred" else c.left
    inset = size * 0.6 if band or lay.banner_align == "centre" else 0.0

    def measure(text: str, s: float) -> float:
        return width(text, c.bold, s) + track * len(text)

    lines = _banner_lines(c, lau, size, track)
    while max(measure(t, s) for t, s in lines) > box_w - 2 * inset:  # shrink to fit its box
        lines = [(t, s * 0.97) for t, s in lines]
    pad = max(s for _, s in lines) * (0.55 if band else 0.1)
    h = 2 * pad + sum(s * 1.22 for _, s in lines) - lines[-1][1] * 0.22
    tier_color = lay.colors[TIERS.index(lau.tier)]
    if band:
        c.add(RectOp(box_x, c.y - h, box_w, h, tier_color))
    y = c.y - pad
    for text, s in lines:
        y -= s * 0.92
        w = measure(text, s)
        x = box_x + inset if lay.banner_align == "left" else box_x + (box_w - w) / 2
        c.add(TextOp(x, y, text, c.bold, s, WHITE if band else tier_color, track))
        y -= s * 0.30
    c.y -= h
    c.low = min(c.low, c.y)
    c.gap(c.lead(c.fs) * 1.5)


def _margin(c: Composer) -> tuple[float, float]:
    """Width of the margin column (heading and gutter) and the size of its headings,
    small enough for every heading to fit on two lines."""
    _, w = c.frame()
    col = w * (0.26 if c.ncols == 1 else 0.34)
    size = c.fs * c.layout.heading_scale
    keys = ("description", "innovation", "contributions", "partners")
    texts = [W.section_heading(key, c.layout) for key in keys]
    while size > c.fs * 0.8 and any(
        len(wrap(t, c.bold, size, col)) > 2 or max(width(u, c.bold, size) for u in t.split()) > col
        for t in texts
    ):
        size *= 0.95
    while any(max(width(u, c.bold, size) for u in t.split()) > col for t in texts):
        col += 4.0  # the longest word must fit on its own
    return col + c.fs, size


LOGOS_H = 40.0


def _logos(c: Composer, seed: str) -> None:
    n = 2 + len(seed) % 3
    c.ensure(LOGOS_H)
    x, w = c.frame()
    w = (w - (n - 1) * 10) / n
    for i in range(n):
        c.add(RectOp(x + i * (w + 10), c.y - 36, w, 32, GREY))
    c.y -= LOGOS_H
    c.low = min(c.low, c.y)


def _section(c: Composer, key: str, items: tuple[str, ...], seed: str) -> None:
    """A section (or the partners' logos when `items` is empty), its heading as the layout says."""
    text = W.section_heading(key, c.layout)
    style = c.layout.section_heading
    beside = 2 * c.lead(c.fs) if items else LOGOS_H  # kept with the heading
    if style == "margin":
        margin, size = _margin(c)
        lines = wrap(text, c.bold, size, margin - c.fs)
        mark = c.margin_heading(lines, size, accent(c), margin, beside)
        if items:
            c.items(items)
        else:
            _logos(c, seed)
        c.end_margin(mark)
    elif style == "runin" and items:
        c.items(items, lead_in=(text, accent(c)))
    else:
        size = c.fs * c.layout.heading_scale if style == "above" else c.fs
        if not items:
            c.ensure(len(wrap(text, c.bold, size, c.frame()[1])) * c.lead(size) + LOGOS_H)
        c.heading(text, size, accent(c), keep=3 if key == "partners" else 2)
        if items:
            c.items(items)
        else:
            _logos(c, seed)
    if items:
        c.gap(c.lead(c.fs))


def detail(c: Composer, lau: Lau, picture: float = 0.0) -> TLaureate:
    """A record from a new page; `picture`: the height of an illustration above the sections."""
    c.new_page()
    start = c.page_no
    _banner(c, lau)
    big = c.fs * 1.1
    c.labelled(W.statement_prefix(lau.tier_statement, c.layout), lau.territory, big)
    c.labelled(W.project_prefix(c.layout), lau.project, big)
    if lau.subtitle:
        c.line(lau.subtitle, c.regular, big)
    c.gap(c.lead(c.fs) * 1.2)
    picture = min(picture, c.y - c.bottom - 4 * c.lead(c.fs))
    if picture > 0:
        c.add(RectOp(c.left, c.y - picture, c.full * 0.75, picture, (0.84, 0.87, 0.9)))
        c.y -= picture
        c.gap(c.lead(c.fs) * 1.2)
    if c.layout.detail_columns == 2:
        c.columns(2)
    for key in ("description", "innovation", "contributions"):
        _section(c, key, lau.sections[key], lau.territory)
    if lau.has_partners:
        _section(c, "partners", (), lau.territory)
    return TLaureate(
        category=lau.category,
        tier=lau.tier,
        tier_statement=lau.tier_statement,
        territory=lau.territory,
        project=lau.project,
        project_subtitle=lau.subtitle,
        description="\n".join(lau.sections["description"]),
        innovation="\n".join(lau.sections["innovation"]),
        contributions="\n".join(lau.sections["contributions"]),
        has_partners=lau.has_partners,
        page_start=start,
        page_end=c.page_no,
    )


def tail_lines(c: Composer) -> int:
    """Text lines (distinct baselines) on the last page typeset so far."""
    return len({round(op.y, 2) for op in c.pages[-1] if isinstance(op, TextOp)})


def tail_columns(c: Composer) -> int:
    """In how many columns of a two-column frame the last page has text."""
    if c.ncols == 1:
        return 1
    half = c.left + c.full / 2
    return len({op.x > half for op in c.pages[-1] if isinstance(op, TextOp)})


MAX_SPILL = 4


def spilled_detail(c: Composer, lau: Lau, want: int, both: bool) -> TLaureate:
    """A record whose last `want` lines or so (1 to 4) land alone on a page of their own,
    pushed there by an illustration of the right height; a plain record if none does.
    `both`: two detail columns share those lines (the last page's columns balanced)."""
    point = c.checkpoint()

    def trial(h: float, floor: float | None = None) -> tuple[int, int, int]:
        if floor is not None:
            c.floors[point[0] + pages0 + 1] = floor
        detail(c, lau, h)
        out = (c.page_no - point[0], tail_lines(c), tail_columns(c))
        c.rollback(point)
        return out

    pages0 = 0
    pages0, _, _ = trial(0.0)
    lo, hi = 24.0, c.top - c.bottom

    def spills(h: float) -> bool:
        pages, lines, _ = trial(h)
        return pages > pages0 and lines >= want

    if not spills(hi):
        return detail(c, lau)
    if not spills(lo):
        while hi - lo > 0.5:
            mid = (lo + hi) / 2
            lo, hi = (lo, mid) if spills(mid) else (mid, hi)
    pages, lines, _ = trial(hi)
    if not (pages > pages0 and 1 <= lines <= MAX_SPILL):
        return detail(c, lau)
    if both and c.layout.detail_columns == 2 and lines >= 2:
        # The first column of the last page ends after half the lines: the rest go beside.
        floor = c.top - ((lines + 1) // 2) * c.lead(c.fs) - 0.5
        if trial(hi, floor)[::2] == (pages, 2):
            c.floors[point[0] + pages0 + 1] = floor
    return detail(c, lau, hi)


def closing(c: Composer, ed: Edition) -> None:
    heading, paragraph = texts.closing(ed)
    c.new_page()
    c.heading(heading, c.fs * 2.2, accent(c))
    c.gap(c.lead(c.fs))
    c.para(paragraph)


SMALL_CAPS = 0.78  # size of the small capitals, against the capitals


def printed_header(header: str, layout: object) -> str:
    """The running header as printed: small capitals print every letter as a capital."""
    return header.upper() if getattr(layout, "running_style", "plain") == "smallcaps" else header


def small_caps(text: str, size: float) -> list[tuple[str, float]]:
    """Runs of (text, size): capitals at `size`, lower-case letters as smaller capitals."""
    runs: list[tuple[str, float]] = []
    for ch in text:
        s = size * SMALL_CAPS if ch != ch.upper() else size
        if runs and runs[-1][1] == s:
            runs[-1] = (runs[-1][0] + ch.upper(), s)
        else:
            runs.append((ch.upper(), s))
    return runs


def _running_ops(
    c: Composer, text: str, style: str, x_of: dict[str, float], align: str, y: float
) -> list[TextOp]:
    """The running header's text operations: plain, letter-spaced or in small capitals."""
    grey = (0.3, 0.3, 0.3)
    if style == "smallcaps":
        runs = small_caps(text, c.small)
        w = sum(width(t, c.regular, s) for t, s in runs)
    else:
        track = c.layout.running_tracking if style == "letterspaced" else 0.0
        runs = [(text, c.small)]
        w = width(text, c.regular, c.small) + track * len(text)
    x = {"left": x_of["left"], "right": x_of["right"] - w, "centre": x_of["centre"] - w / 2}[align]
    if style == "letterspaced":
        return [TextOp(x, y, text, c.regular, c.small, grey, c.layout.running_tracking)]
    ops = []
    for t, s in runs:
        ops.append(TextOp(x, y, t, c.regular, s, grey))
        x += width(t, c.regular, s)
    return ops


def decorate(c: Composer, header: str, footer: list[str]) -> None:
    """Running header/footer and page numbers on every decorated page."""
    lay, total = c.layout, len(c.pages)
    row = 1.4 * c.small
    top0 = c.page_h - lay.margin_top - c.small
    right = c.page_w - lay.margin_right
    x_of = {"left": c.left, "right": right, "centre": (c.left + right) / 2}
    for idx, ops in enumerate(c.pages):
        if not c.decorated[idx]:
            continue
        top_rows, bottom_rows = [], []
        number = W.page_number(idx + 1, total, lay)
        if number and lay.page_of_total:
            number = page_number_text("page_of_total", idx + 1, total)
        pos = lay.page_number_pos
        if pos == "outer":
            pos = "right" if (idx + 1) % 2 else "left"
        if number:
            (top_rows if lay.page_number_place == "top" else bottom_rows).append((number, pos))
        if header:
            top_rows.append((header, "centre" if lay.palette % 2 else "left"))
        bottom_rows.extend((line, "centre") for line in reversed(footer))
        placed = [(t, a, top0 - k * row) for k, (t, a) in enumerate(top_rows)]
        placed += [(t, a, lay.margin_bottom + k * row) for k, (t, a) in enumerate(bottom_rows)]
        for text, align, y in placed:
            if text == header and text != number:
                ops.extend(_running_ops(c, text, lay.running_style, x_of, align, y))
                continue
            w = width(text, c.regular, c.small)
            x = {"left": c.left, "right": right - w, "centre": (c.left + right - w) / 2}[align]
            ops.append(
                TextOp(x, y, text, c.regular, c.small, (0.3, 0.3, 0.3) if text != number else BLACK)
            )
