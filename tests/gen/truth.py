"""Exact truth of a synthetic directory (what a perfect extractor recovers)."""

from __future__ import annotations

from dataclasses import dataclass

TIERS: tuple[str, ...] = ("or", "argent", "bronze")

INJECTION_KINDS: tuple[str, ...] = (
    "tier_mismatch",
    "tier_statement_mismatch",
    "category_mismatch",
    "missing_detail",
    "unlisted_detail",
    "duplicate_record",
    "count_mismatch",
    "order_mismatch",
    "territory_name_variant",
    "project_title_variant",
)


@dataclass(frozen=True)
class TLaureate:
    """One detail record (a banner page, possibly continued on following pages)."""

    category: str
    tier: str
    tier_statement: str
    territory: str
    project: str
    project_subtitle: str | None
    description: str
    innovation: str
    contributions: str
    has_partners: bool
    page_start: int
    page_end: int


@dataclass(frozen=True)
class TEntry:
    """One bullet of a category summary page."""

    category: str
    position: int
    project: str
    territory: str
    tier: str
    page: int


@dataclass(frozen=True)
class TInjected:
    """An inconsistency deliberately put into the directory.

    ``count_mismatch`` concerns no record: its category and territory are "".
    """

    kind: str
    category: str
    territory: str


@dataclass(frozen=True)
class Truth:
    edition_year: int
    laureates: tuple[TLaureate, ...]
    summary_entries: tuple[TEntry, ...]
    stated_applications: int | None
    stated_auditioned: int | None
    stated_labelled: int | None
    jury: tuple[tuple[str, str], ...]
    criteria: tuple[str, ...]
    injected: tuple[TInjected, ...]
    footer_texts: tuple[str, ...]
    # Which producer printed the directory, and the layout family drawn for each
    # dimension of design.FAMILIES, so that results can be told per family.
    producer: str = "reportlab"
    families: tuple[tuple[str, str], ...] = ()
