"""Small builders of model records for unit tests that need no PDF."""

from __future__ import annotations

from extract.model import BBox, Edition, Laureate, StatedCounts, SummaryEntry

BOX = BBox(10, 10, 100, 20)


def entry(
    territory: str,
    project: str,
    tier: str = "or",
    category: str = "SANTÉ",
    position: int = 1,
    page: int = 3,
) -> SummaryEntry:
    return SummaryEntry(category, category, position, project, territory, tier, page, BOX)


def laureate(
    territory: str,
    project: str,
    tier: str = "or",
    category: str = "SANTÉ",
    order: int = 0,
    page: int = 4,
    statement: str | None = "",
) -> Laureate:
    return Laureate(
        category=category,
        tier=tier,
        tier_statement=tier if statement == "" else statement,
        territory=territory,
        project=project,
        project_subtitle=None,
        description="d",
        innovation="i",
        contributions="c",
        has_partners=False,
        page_start=page,
        page_end=page,
        banner_bbox=BOX,
        statement_page=page,
        statement_bbox=BOX,
        order=order,
    )


def edition(
    entries: list[SummaryEntry], laureates: list[Laureate], labelled: int | None = None
) -> Edition:
    return Edition(
        year=2030,
        source_file="x.pdf",
        source_sha256="0" * 64,
        pages=10,
        summary_entries=tuple(entries),
        laureates=tuple(laureates),
        stated=StatedCounts(labelled=labelled),
    )
