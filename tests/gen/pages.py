"""Page builders: cover, intro, category summaries, detail records, closing page."""

from __future__ import annotations

import random

from . import texts
from . import wording as W
from .compose import BLACK, BULLET_FONT, GREY, WHITE, Composer, RectOp, TextOp, wrap
from .content import Edition, Lau
from .layout import width
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


def _entry_lines(c: Composer, lau: Lau, w: float) -> tuple[list[str], list[str]]:
    hang = c.fs * 1.4
    proj = wrap(lau.sum_project, c.bold, c.fs, w - hang)
    ter = wrap(f"{lau.sum_territory} {W.summary_tag(lau.sum_tier, c.layout)}", c.regular, c.fs, w)
    return proj, ter


def _entry(c: Composer, lau: Lau) -> None:
    proj, ter = _entry_lines(c, lau, c.frame()[1])
    c.ensure(c.lead(c.fs) * (len(proj) + len(ter)))
    c.bullet(lau.sum_project, font=c.bold)
    for line in ter:
        c.line(line, c.regular, c.fs)
    c.gap(c.lead(c.fs) * 0.6)


def _cards(c: Composer, entries: list[Lau]) -> list[int]:
    pages: list[int] = []
    pad, gap = 8.0, 14.0
    w = (c.full - gap) / 2
    lead = c.lead(c.fs)
    for k in range(0, len(entries), 2):
        row = [(lau, *_entry_lines(c, lau, w - 2 * pad)) for lau in entries[k : k + 2]]
        h = max(len(p) + len(t) for _, p, t in row) * lead + 2 * pad
        c.ensure(h + gap)
        pages.extend([c.page_no] * len(row))
        for i, (_, proj, ter) in enumerate(row):
            x = c.left + i * (w + gap)
            c.add(RectOp(x, c.y - h, w, h, (0.96, 0.96, 0.93), accent(c)))
            y = c.y - pad - c.fs
            c.add(TextOp(x + pad, y, "•", BULLET_FONT, c.fs))
            for j, line in enumerate(proj + ter):
                font, dx = (c.bold, c.fs * 1.4) if j < len(proj) else (c.regular, 0.0)
                c.add(TextOp(x + pad + dx, y - j * lead, line, font, c.fs))
        c.y -= h + gap
    return pages


def summary(c: Composer, cat: str, entries: list[Lau]) -> list[TEntry]:
    c.new_page()
    c.heading(W.summary_title(cat, c.layout), c.fs * c.layout.heading_scale * 1.3, accent(c))
    c.gap(c.lead(c.fs))
    pages = []
    mode = c.layout.summary_layout
    if mode == "cards":
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


def _banner(c: Composer, lau: Lau) -> None:
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
    c.gap(c.lead(c.fs) * 1.5)


def detail(c: Composer, lau: Lau) -> TLaureate:
    c.new_page()
    start = c.page_no
    _banner(c, lau)
    big = c.fs * 1.1
    c.labelled(W.statement_prefix(lau.tier_statement, c.layout), lau.territory, big)
    c.labelled(W.project_prefix(c.layout), lau.project, big)
    if lau.subtitle:
        c.line(lau.subtitle, c.regular, big)
    c.gap(c.lead(c.fs) * 1.2)
    if c.layout.detail_columns == 2:
        c.columns(2)
    hs = c.fs * c.layout.heading_scale
    for key in ("description", "innovation", "contributions"):
        c.heading(W.section_heading(key, c.layout), hs, accent(c))
        c.items(lau.sections[key])
        c.gap(c.lead(c.fs))
    if lau.has_partners:
        c.heading(W.section_heading("partners", c.layout), hs, accent(c), keep=3)
        n = 2 + len(lau.territory) % 3
        w = (c.frame()[1] - (n - 1) * 10) / n
        x, _ = c.frame()
        for i in range(n):
            c.add(RectOp(x + i * (w + 10), c.y - 36, w, 32, GREY))
        c.y -= 40
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


def closing(c: Composer, ed: Edition) -> None:
    heading, paragraph = texts.closing(ed)
    c.new_page()
    c.heading(heading, c.fs * 2.2, accent(c))
    c.gap(c.lead(c.fs))
    c.para(paragraph)


def decorate(c: Composer, header: str, footer: list[str]) -> None:
    """Running header/footer and page numbers on every decorated page."""
    lay, total = c.layout, len(c.pages)
    row = 1.4 * c.small
    top0 = c.page_h - lay.margin_top - c.small
    right = c.page_w - lay.margin_right
    for idx, ops in enumerate(c.pages):
        if not c.decorated[idx]:
            continue
        top_rows, bottom_rows = [], []
        number = W.page_number(idx + 1, total, lay)
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
            w = width(text, c.regular, c.small)
            x = {"left": c.left, "right": right - w, "centre": (c.left + right - w) / 2}[align]
            ops.append(
                TextOp(x, y, text, c.regular, c.small, (0.3, 0.3, 0.3) if text != number else BLACK)
            )
