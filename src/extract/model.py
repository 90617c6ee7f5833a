"""Frozen records that flow between the pipeline's stages.

Every stage takes and returns these, so a stage can be tested alone and the
report can crop its evidence from the provenance the records carry, without
parsing the PDF again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

TIERS: tuple[str, ...] = ("or", "argent", "bronze")
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
SEVERITY_ORDER: dict[str, int] = {severity: rank for rank, severity in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class BBox:
    """A box in PDF points, origin top-left (pdfplumber's convention)."""

    x0: float
    top: float
    x1: float
    bottom: float

    def __post_init__(self) -> None:
        if self.x0 > self.x1 + 1e-6 or self.top > self.bottom + 1e-6:
            raise ValueError(f"inverted bbox {self}")

    def union(self, other: BBox) -> BBox:
        return BBox(
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )


@dataclass(frozen=True)
class Word:
    """One word as the reader sees it; lines are built from words."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool


def word_spaces(words: Sequence[Word]) -> list[float]:
    """The spaces between consecutive words, left to right (words that touch or
    overlap leave none)."""
    return [b.x0 - a.x1 for a, b in zip(words, words[1:], strict=False) if b.x0 > a.x1]


@dataclass(frozen=True)
class Line:
    """A run of words on one visual row and in one column of one page."""

    text: str
    page: int  # 1-based
    bbox: BBox
    size: float
    bold: bool
    # Width of the first word, so a later stage can tell whether it would have
    # fitted at the end of the previous line (a paragraph-break clue).
    first_word_width: float = 0.0
    # Set by the layout stage: 0 outside columns read one after the other, else
    # where the line's column starts (its left edge in whole points, at least 1),
    # so that one design's column is the same column on every page.
    column: int = 0
    # Characters at the start of `text` printed in bold (a heading run into its text).
    bold_lead: int = 0
    # Set by the layout stage: the block (lines that belong together: a paragraph, a
    # card, a cell, a wrapped heading), numbered in reading order on its page; and
    # the group it belongs to (a row of a grid or table, or a framed box), -1 for none.
    block: int = -1
    group: int = -1
    # The words the line was made of, so that a later pass can cut it again.
    words: tuple[Word, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: tuple[Line, ...]
    # Drawn shapes that may structure the text: frames (cards, bands, cells) and rules.
    shapes: tuple[BBox, ...] = ()


@dataclass(frozen=True)
class Document:
    path: str
    sha256: str
    pages: tuple[Page, ...]
    metadata_title: str = ""


def _check_tier(tier: str, what: str) -> None:
    if tier not in TIERS:
        raise ValueError(f"{what} must be one of {TIERS}, got {tier!r}")


@dataclass(frozen=True)
class SummaryEntry:
    category: str  # canonical (as on the banners)
    category_printed: str  # the summary title as printed
    position: int  # 1-based within its category
    project: str
    territory: str
    tier: str
    page: int
    bbox: BBox

    def __post_init__(self) -> None:
        _check_tier(self.tier, "summary tier")
        if self.position < 1:
            raise ValueError("position is 1-based")


@dataclass(frozen=True)
class Section:
    text: str
    page: int
    bbox: BBox


@dataclass(frozen=True)
class Laureate:
    category: str
    tier: str
    tier_statement: str | None
    territory: str
    project: str
    project_subtitle: str | None
    description: str
    innovation: str
    contributions: str
    has_partners: bool
    page_start: int
    page_end: int
    banner_bbox: BBox
    statement_page: int
    statement_bbox: BBox
    order: int  # 0-based position among the edition's detail records

    def __post_init__(self) -> None:
        _check_tier(self.tier, "banner tier")
        if self.tier_statement is not None:
            _check_tier(self.tier_statement, "statement tier")
        if self.page_end < self.page_start:
            raise ValueError("page_end before page_start")


@dataclass(frozen=True)
class JuryMember:
    name: str
    organisation: str


@dataclass(frozen=True)
class StatedCounts:
    applications: int | None = None
    auditioned: int | None = None
    labelled: int | None = None
    labelled_page: int | None = None
    labelled_bbox: BBox | None = None


@dataclass(frozen=True)
class Edition:
    year: int
    source_file: str
    source_sha256: str
    pages: int
    summary_entries: tuple[SummaryEntry, ...]
    laureates: tuple[Laureate, ...]
    stated: StatedCounts = field(default_factory=StatedCounts)
    jury: tuple[JuryMember, ...] = ()
    criteria: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def categories(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for entry in self.summary_entries:
            seen.setdefault(entry.category, None)
        for laureate in self.laureates:
            seen.setdefault(laureate.category, None)
        return tuple(seen)


@dataclass(frozen=True)
class Match:
    """A summary entry paired with a detail record, or one side alone."""

    summary: SummaryEntry | None
    laureate: Laureate | None
    score: float

    @property
    def status(self) -> str:
        if self.summary and self.laureate:
            return "matched"
        return "summary_only" if self.summary else "detail_only"


@dataclass(frozen=True)
class Inconsistency:
    kind: str
    severity: str
    category: str
    territory: str
    project: str
    expected: str
    found: str
    pages: tuple[int, ...]
    message: str
    record_key: int | None = None  # index of the laureate in Edition.laureates
    # Where each side is printed: (page, box) of the summary line, the banner,
    # the statement or the stated count, so the report can crop its evidence.
    evidence: tuple[tuple[int, BBox], ...] = ()

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {SEVERITIES}")
