"""Directories written as HTML/CSS and printed by headless Chromium, with their exact truth.

draft = draw_html(seed)                  # content, design, style, HTML text, truth without pages
truths = make_html_directories([(path, seed, None, ())])   # print all, pages from the outline

The same content as the reportlab producer (gen/content.py, gen/inject.py,
gen/texts.py, gen/wording.py), drawn from the seed, typeset by Chromium in a
random `Design` (gen/design.py) and `Style` (gen/htmlstyle.py), its markup
written by gen/htmlpages.py. Chromium
paginates on its own: every page-starting element and every summary entry's
title is a heading (h1–h3), so the PDF's outline tells the page of each
(gen/outline.py); the truth never comes from reading the page text, which is
only read to check that every word of the truth was printed (gen/printed.py).
"""

from __future__ import annotations

import dataclasses
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import phrases as P
from . import texts
from .chromium import print_pdfs
from .content import Edition, Lau, edition
from .design import Design, random_design
from .draw import _check_nfc
from .htmlcss import body_css, page_rules
from .htmlpages import Builder, Heading
from .htmlstyle import VARIETIES, Style, random_style
from .inject import apply_injections
from .outline import Mark, marks
from .printed import check_printed
from .truth import TEntry, TLaureate, Truth

PRODUCER = "chromium-html"
PAGE_STARTS = ("summary", "banner", "closing")


@dataclass(frozen=True)
class HtmlDraft:
    html: str
    truth: Truth  # every page 0 until placed from the printed PDF's outline
    headings: tuple[Heading, ...]
    design: Design
    style: Style

    def place(self, found: list[Mark]) -> Truth:
        """The truth with the pages of the printed PDF whose outline is `found`."""
        if len(found) != len(self.headings):
            raise AssertionError(f"{len(found)} bookmarks for {len(self.headings)} headings")
        for mark, heading in zip(found, self.headings, strict=True):
            if _loose(mark.title) != _loose(heading.title):
                raise AssertionError(f"bookmark {mark.title!r} for heading {heading.title!r}")
        starts = [
            (h.kind, m.page)
            for h, m in zip(self.headings, found, strict=True)
            if h.kind in PAGE_STARTS
        ]
        spans = []
        for k, (kind, page) in enumerate(starts):
            if kind == "banner":
                spans.append((page, starts[k + 1][1] - 1))
        entry_pages = [
            m.page for h, m in zip(self.headings, found, strict=True) if h.kind == "entry"
        ]
        laureates = tuple(
            dataclasses.replace(lau, page_start=a, page_end=b)
            for lau, (a, b) in zip(self.truth.laureates, spans, strict=True)
        )
        entries = tuple(
            dataclasses.replace(e, page=p)
            for e, p in zip(self.truth.summary_entries, entry_pages, strict=True)
        )
        return dataclasses.replace(self.truth, laureates=laureates, summary_entries=entries)


def _loose(text: str) -> str:
    """Letters and digits only, case folded: a bookmark loses spaces where a heading wraps."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())


# -- drawing, printing, placing ------------------------------------------------------


def _variety(rng: random.Random, design: Design | None) -> str:
    if design is None:
        return rng.choice(VARIETIES)
    fits = {"1": ("styled", "plain"), "2": ("styled", "magazine")}[design.detail_columns]
    return rng.choice(fits)


def _with_long_category(ed: Edition, rng: random.Random) -> None:
    """Rename a category after a long one, so that some banner really wraps."""
    if any(c in P.LONG_CATEGORIES for c in ed.categories):
        return
    index = rng.randrange(len(ed.categories))
    old, new = ed.categories[index], rng.choice(P.LONG_CATEGORIES)
    ed.categories[index] = new
    ed.summary[new] = ed.summary.pop(old)
    ed.details[new] = ed.details.pop(old)
    for lau in ed.summary[new]:
        lau.category = new


def _printed(header: str, design: Design) -> str:
    """The running header as printed: "small capitals" print every letter as a capital."""
    return header.upper() if design.running_header == "smallcaps" else header


def _laureate(lau: Lau) -> TLaureate:
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
        page_start=0,
        page_end=0,
    )


def draw_html(seed: int, design: Design | None = None, inject: Sequence[str] = ()) -> HtmlDraft:
    """The directory of `seed` as an HTML document, with its truth (pages still 0)."""
    rng = random.Random(seed)
    style_rng = random.Random(rng.random())
    variety = _variety(style_rng, design)
    if design is None:
        design = random_design(style_rng)
        columns = {"magazine": "2", "plain": "1"}.get(variety, design.detail_columns)
        design = dataclasses.replace(design, detail_columns=columns)
    style = random_style(style_rng, design, variety)
    categories = P.CATEGORIES + P.LONG_CATEGORIES
    ed = edition(rng, (style.long_names, design.spill == "yes"), tuple(inject), categories)
    if design.banner in ("two_lines", "three_lines"):
        _with_long_category(ed, rng)
    injected = apply_injections(ed, rng, tuple(inject))
    header, footer = texts.running_texts(ed, style.running, rng)
    b = Builder(style, design, random.Random(style_rng.random()))
    b.cover(ed)
    b.intro(texts.intro(ed, rng))
    laureates, entries = [], []
    for cat in ed.categories:
        b.summary(cat, ed.summary[cat])
        entries += [
            TEntry(cat, k + 1, lau.sum_project, lau.sum_territory, lau.sum_tier, 0)
            for k, lau in enumerate(ed.summary[cat])
        ]
        for lau in ed.details[cat]:
            b.record(lau)
            laureates.append(_laureate(lau))
    b.closing(ed)
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
        footer_texts=tuple(t for t in (_printed(header, design), *footer) if t),
        producer=PRODUCER,
        families=design.families() + style.families(),
    )
    _check_nfc(truth)
    css = page_rules(style, design, header, footer) + body_css(style, design)
    html = (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<title>Annuaire {ed.year}</title><style>{css}</style></head><body>\n"
        + "\n".join(b.parts)
        + "\n</body></html>\n"
    )
    return HtmlDraft(html, truth, tuple(b.headings), design, style)


def make_html_directories(
    items: Sequence[tuple[Path, int, Design | None, tuple[str, ...]]],
) -> list[Truth]:
    """Draw every directory, print them all with one browser, place each truth's pages.

    Each PDF must show every word of its truth (gen/printed.py): Chromium drops
    text without a warning when a box clips it, and that must never pass silently.
    """
    drafts = [draw_html(seed, design, inject) for _, seed, design, inject in items]
    paths = [Path(path) for path, *_ in items]
    print_pdfs([(draft.html, path) for draft, path in zip(drafts, paths, strict=True)])
    truths = [draft.place(marks(path)) for draft, path in zip(drafts, paths, strict=True)]
    failures = []
    for truth, path, (_, seed, *_) in zip(truths, paths, items, strict=True):
        try:
            check_printed(truth, path, seed)
        except AssertionError as failure:
            failures.append(str(failure))
    if failures:
        raise AssertionError("\n".join(failures))
    return truths


def make_html_directory(
    path: Path | str, seed: int, design: Design | None = None, inject: Sequence[str] = ()
) -> Truth:
    """One directory (a browser started for it alone: prefer make_html_directories)."""
    return make_html_directories([(Path(path), seed, design, tuple(inject))])[0]
