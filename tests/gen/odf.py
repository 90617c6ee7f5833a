"""An edition as a flat ODF text document (.fodt) for LibreOffice, with its truth.

The content, injections and fixed wordings are the reportlab producer's
(content, inject, texts, wording); the layout families of design.py are
expressed the way office documents do it: paragraph styles, shaded paragraphs,
text frames, tables, sections with columns, header and footer with fields.
LibreOffice paginates, so the pages of the truth are left at 0 here and read
afterwards from the PDF's outline (office.py): every element whose page the
truth needs is a heading (`text:h` with an outline level).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from . import odfpages, texts
from . import phrases as P
from .content import edition
from .design import Design, random_design
from .inject import apply_injections
from .layout import CHOICES
from .odfpages import Anchor
from .odfxml import FONTS
from .truth import TEntry, TLaureate, Truth

# Producer-specific dimensions, reported in Truth.families next to the Design's.
LOOKS: dict[str, tuple[str, ...]] = {
    "font": tuple(FONTS),
    "page_size": ("A4", "Letter"),
    # A banner's box: a shaded paragraph (white text), a shaded text frame, or centred
    # coloured text between two rules.
    "banner_box": ("shaded", "frame", "centred"),
    # A summary card: a shaded table cell, or a text frame with a border.
    "card": ("cell", "frame"),
    "table_header": ("no", "yes"),
    "table_rules": ("grid", "rows"),
    "justify": ("left", "justify"),
    # Bullet items: a list with a bullet character, or "•" typed before a tab.
    "bullets": ("list", "typed"),
    # Banners, summary titles and section headings through fo:text-transform.
    "transform": ("none", "upper"),
}

WORDING_KEYS = (
    "heading_case",
    "heading_colon",
    "apports_form",
    "banner_dash",
    "banner_case",
    "statement_form",
    "statement_verb",
    "statement_colon",
    "summary_title",
    "summary_case",
    "summary_tag_case",
)


@dataclass(frozen=True)
class Wording:
    """The wording attributes gen.wording reads (named as in gen.layout.Layout)."""

    heading_case: str
    heading_colon: str
    apports_form: str
    banner_dash: str
    banner_case: str
    statement_form: str
    statement_verb: str
    statement_colon: str
    summary_title: str
    summary_case: str
    summary_tag_case: str


@dataclass(frozen=True)
class Look:
    """How this producer draws a Design: fonts, page, boxes, sizes, colours."""

    font: str
    page_size: str
    banner_box: str
    card: str
    table_header: str
    table_rules: str
    justify: str
    bullets: str
    transform: str
    body_size: float
    heading_scale: float
    margins: tuple[float, float, float, float]  # top, right, bottom, left
    palette: int
    running: str  # "header", "footer" or "both" (texts.running_texts)
    number_place: str  # "header" or "footer"
    number_align: str  # "start", "center" or "end"
    banner_align: str  # a frame or shaded paragraph: "start" or "center"
    jury_columns: int
    long_names: bool
    long_records: bool
    wording: Wording

    def families(self) -> tuple[tuple[str, str], ...]:
        return tuple((name, getattr(self, name)) for name in LOOKS)


def random_look(rng: random.Random, design: Design) -> Look:
    kw: dict[str, object] = {name: rng.choice(values) for name, values in LOOKS.items()}
    wording = Wording(**{key: rng.choice(CHOICES[key]) for key in WORDING_KEYS})
    running, place = rng.choice(("header", "both")), rng.choice(("header", "footer"))
    running = "footer" if design.running_header == "none" else running
    return Look(
        **kw,  # type: ignore[arg-type]
        body_size=rng.choice((9.5, 10.0, 10.5, 11.0, 11.5)),
        heading_scale=rng.choice((1.25, 1.4, 1.6)),
        margins=tuple(float(rng.randint(40, 75)) for _ in range(4)),  # type: ignore[arg-type]
        palette=rng.randrange(4),
        running=running,
        number_place=place if running != "footer" else "footer",
        number_align=rng.choice(("start", "center", "end")),
        banner_align=rng.choice(("start", "center")),
        jury_columns=rng.choice((1, 2)),
        long_names=rng.random() < 0.5,
        long_records=rng.random() < 0.5,
        wording=wording,
    )


@dataclass(frozen=True)
class OdfDraft:
    fodt: str
    truth: Truth  # pages are 0 until office.paged() reads them from the PDF
    design: Design
    look: Look
    anchors: tuple[Anchor, ...]  # every heading, in document order
    entry_anchors: tuple[int, ...]  # per truth.summary_entries: its title's anchor
    starts: tuple[int, ...]  # anchors of page-starting elements: summaries, records, closing
    record_starts: tuple[int, ...]  # per truth.laureates: its index in `starts`


def draw_odf(seed: int, design: Design | None = None, inject: tuple[str, ...] = ()) -> OdfDraft:
    """Draw the edition for `seed` (deterministic) as a flat ODF document and its truth."""
    rng = random.Random(seed)
    design_rng = random.Random(rng.random())
    drawn = random_design(design_rng)  # drawn even when given, so the look keeps the seed's
    design = design or drawn
    look = random_look(design_rng, design)
    ed = edition(
        rng,
        (look.long_names, look.long_records),
        tuple(inject),
        categories=P.CATEGORIES + P.LONG_CATEGORIES,
    )
    injected = apply_injections(ed, rng, tuple(inject))
    header, footer = texts.running_texts(ed, look.running, rng)
    doc = odfpages.Document(design, look, random.Random(design_rng.random()))
    doc.cover(ed)
    doc.intro(texts.intro(ed, rng))
    entries: list[TEntry] = []
    entry_anchors: list[int] = []
    laureates: list[TLaureate] = []
    record_starts: list[int] = []
    for cat in ed.categories:
        for entry, anchor in doc.summary(cat, ed.summary[cat]):
            entries.append(entry)
            entry_anchors.append(anchor)
        for lau in ed.details[cat]:
            laureates.append(doc.detail(lau))
            record_starts.append(len(doc.starts) - 1)
    doc.closing(texts.closing(ed))
    truth = Truth(
        edition_year=ed.year,
        laureates=tuple(laureates),
        summary_entries=tuple(entries),
        stated_applications=ed.applications,
        stated_auditioned=ed.auditioned,
        stated_labelled=ed.labelled,
        jury=tuple(ed.jury),
        criteria=tuple(ed.criteria),
        injected=tuple(injected),
        footer_texts=tuple(t for t in (header, *footer) if t),
        producer="libreoffice",
        families=design.families() + look.families(),
    )
    return OdfDraft(
        fodt=doc.fodt(header, footer),
        truth=truth,
        design=design,
        look=look,
        anchors=tuple(doc.anchors),
        entry_anchors=tuple(entry_anchors),
        starts=tuple(doc.starts),
        record_starts=tuple(record_starts),
    )


def with_pages(draft: OdfDraft, pages: list[int]) -> Truth:
    """The truth with the page of every anchor (in `draft.anchors` order) filled in."""
    starts = [pages[a] for a in draft.starts]
    laureates = []
    for lau, k in zip(draft.truth.laureates, draft.record_starts, strict=True):
        laureates.append(replace(lau, page_start=starts[k], page_end=starts[k + 1] - 1))
    entries = [
        replace(entry, page=pages[a])
        for entry, a in zip(draft.truth.summary_entries, draft.entry_anchors, strict=True)
    ]
    return replace(draft.truth, laureates=tuple(laureates), summary_entries=tuple(entries))
