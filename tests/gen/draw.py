"""Drawing a whole edition: content, injections, typesetting and exact truth."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import fields
from pathlib import Path

from . import pages, texts
from . import phrases as P
from .authorities import Cast
from .compose import Composer
from .content import edition
from .inject import apply_injections
from .layout import Layout, families, plain_families, random_layout
from .render import Spec, render_pdf
from .truth import TEntry, TLaureate, Truth


def _check_nfc(truth: Truth) -> None:
    def walk(value: object) -> None:
        if isinstance(value, str):
            lines = value.split("\n")
            if unicodedata.normalize("NFC", value) != value or any(
                " ".join(line.split()) != line for line in lines
            ):
                raise AssertionError(f"truth string not normalized: {value!r}")
        elif isinstance(value, tuple):
            for v in value:
                walk(v)
        elif hasattr(value, "__dataclass_fields__"):
            for f in fields(value):  # type: ignore[arg-type]
                walk(getattr(value, f.name))

    walk(truth)


def seed_layout(seed: int, families: bool = True) -> Layout:
    """The layout draw_edition(seed) draws; without `families`, the one drawn before the
    layout families (layout.plain_families), whose pages are those of that time."""
    layout = random_layout(random.Random(random.Random(seed).random()))
    return layout if families else plain_families(layout)


def draw_edition(
    seed: int,
    layout: Layout | None = None,
    inject: tuple[str, ...] = (),
    cast: Cast | None = None,
) -> tuple[Truth, Spec]:
    """Draw an edition for `seed` (deterministic) and typeset it; layout None = from the seed.

    With a `cast`, the laureates are its authorities, printed in forms drawn afresh
    (see authorities.py); without, the territories are those the seed always drew."""
    rng = random.Random(seed)
    layout_rng = random.Random(rng.random())
    if layout is None:
        layout = random_layout(layout_rng)
    categories = P.CATEGORIES
    if layout.banner_long and layout.banner_form in ("two_lines", "three_lines"):
        categories = P.CATEGORIES + P.LONG_CATEGORIES  # only then: other seeds keep their content
    ed = edition(rng, (layout.long_names, layout.long_records), tuple(inject), categories)
    if cast is not None:
        cast.apply(ed, random.Random(f"cast {seed}"))
    injected = apply_injections(ed, rng, tuple(inject))
    header, footer = texts.running_texts(ed, layout.running, rng)
    numbered = layout.page_number_style != "none"
    top_rows = int(bool(header)) + int(numbered and layout.page_number_place == "top")
    bottom_rows = len(footer) + int(numbered and layout.page_number_place == "bottom")
    c = Composer(layout, top_rows, bottom_rows)
    pages.cover(c, ed)
    pages.intro(c, ed, rng)
    laureates: list[TLaureate] = []
    entries: list[TEntry] = []
    spill_rng = random.Random(f"spill {seed}")
    spills: list[int] = []  # columns holding the last lines of each record that spills
    for cat in ed.categories:
        entries.extend(pages.summary(c, cat, ed.summary[cat]))
        for lau in ed.details[cat]:
            if layout.spill and (not spills or spill_rng.random() < 0.4):
                want, both = spill_rng.randint(1, pages.MAX_SPILL), spill_rng.random() < 0.5
                record = pages.spilled_detail(c, lau, want, both)
            else:
                record = pages.detail(c, lau)
            laureates.append(record)
            # A spill: a record whose last page (not its first) holds a few lines only.
            if record.page_end > record.page_start and pages.tail_lines(c) <= pages.MAX_SPILL:
                spills.append(pages.tail_columns(c))
    pages.closing(c, ed)
    pages.decorate(c, header, footer)
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
        footer_texts=tuple(t for t in (pages.printed_header(header, layout), *footer) if t),
        producer="reportlab",
        families=families(layout, header, spills),
    )
    _check_nfc(truth)
    spec = Spec(layout, f"Annuaire {ed.year}", tuple(tuple(ops) for ops in c.pages))
    return truth, spec


def make_directory(
    path: Path | str, seed: int, layout: Layout | None = None, inject: tuple[str, ...] = ()
) -> Truth:
    """Draw the edition for `seed` and render it to `path`; returns its truth."""
    truth, spec = draw_edition(seed, layout, inject)
    render_pdf(spec, Path(path))
    return truth
