"""Model records to table rows, then to pyarrow Tables of the fixed schemas."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from extract.model import Edition, Inconsistency, Laureate, Match, SummaryEntry
from extract.names import category_key
from extract.reconcile import Reconciliation
from extract.tables import SCHEMAS
from extract.territories import record_key
from extract.territory_tables import territory_tables

Row = dict[str, Any]


def slug(*parts: object) -> str:
    return "-".join(p for p in (category_key(str(part)).replace(" ", "-") for part in parts) if p)


def record_ids(edition: Edition) -> tuple[str, ...]:
    """Slug of year, category and territory; a repeat gets `-2`, `-3`…"""
    ids: list[str] = []
    seen: dict[str, int] = {}
    for laureate in edition.laureates:
        base = slug(edition.year, laureate.category, laureate.territory)
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return tuple(ids)


def file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def territory_keys(rec: Reconciliation) -> dict[Laureate | SummaryEntry, str]:
    """One key per record: its summary line and detail page are linked together."""
    keys: dict[Laureate | SummaryEntry, str] = {}
    for m in rec.matches:
        printed = [x for x in (m.summary, m.laureate) if x is not None]
        key = record_key(x.territory for x in printed)
        keys.update((x, key) for x in printed)
    return keys


def _laureate_row(edition: Edition, rid: str, lau: Laureate, key: str) -> Row:
    return {
        "record_id": rid,
        "edition_year": edition.year,
        "category": lau.category,
        "tier": lau.tier,
        "tier_statement": lau.tier_statement,
        "territory": lau.territory,
        "territory_key": key,
        "project": lau.project,
        "project_subtitle": lau.project_subtitle,
        "description": lau.description,
        "innovation": lau.innovation,
        "contributions": lau.contributions,
        "has_partners": lau.has_partners,
        "page_start": lau.page_start,
        "page_end": lau.page_end,
        "source_file": file_name(edition.source_file),
        "source_sha256": edition.source_sha256,
    }


def _entry_row(edition: Edition, entry: SummaryEntry, key: str) -> Row:
    return {
        "edition_year": edition.year,
        "category": entry.category,
        "category_printed": entry.category_printed,
        "position": entry.position,
        "project": entry.project,
        "territory": entry.territory,
        "territory_key": key,
        "tier": entry.tier,
        "page": entry.page,
    }


def _match_row(edition: Edition, ids: tuple[str, ...], m: Match) -> Row:
    e, lau = m.summary, m.laureate
    return {
        "edition_year": edition.year,
        "record_id": ids[lau.order] if lau else None,
        "summary_category": e.category if e else None,
        "summary_tier": e.tier if e else None,
        "summary_territory": e.territory if e else None,
        "summary_project": e.project if e else None,
        "summary_position": e.position if e else None,
        "summary_page": e.page if e else None,
        "detail_category": lau.category if lau else None,
        "detail_tier": lau.tier if lau else None,
        "detail_territory": lau.territory if lau else None,
        "detail_project": lau.project if lau else None,
        "detail_page_start": lau.page_start if lau else None,
        "detail_page_end": lau.page_end if lau else None,
        "match_score": m.score,
        "match_status": m.status,
    }


def _issue_row(edition: Edition, ids: tuple[str, ...], i: Inconsistency) -> Row:
    return {
        "edition_year": edition.year,
        "kind": i.kind,
        "severity": i.severity,
        "record_id": ids[i.record_key] if i.record_key is not None else None,
        "category": i.category,
        "territory": i.territory,
        "project": i.project,
        "expected": i.expected,
        "found": i.found,
        "pages": list(i.pages),
        "message": i.message,
        "evidence": [
            # A tenth of a point is finer than a crop needs and than two
            # reading libraries agree on.
            {
                "page": page,
                "x0": round(b.x0, 1),
                "top": round(b.top, 1),
                "x1": round(b.x1, 1),
                "bottom": round(b.bottom, 1),
            }
            for page, b in i.evidence
        ],
    }


def _edition_row(edition: Edition, rec: Reconciliation) -> Row:
    return {
        "edition_year": edition.year,
        "source_file": file_name(edition.source_file),
        "source_sha256": edition.source_sha256,
        "pages": edition.pages,
        "stated_applications": edition.stated.applications,
        "stated_auditioned": edition.stated.auditioned,
        "stated_labelled": edition.stated.labelled,
        "found_laureates": len(edition.laureates),
        "found_summary_entries": len(edition.summary_entries),
        "found_categories": len(edition.categories),
        "errors": rec.count("error"),
        "warnings": rec.count("warning"),
        "infos": rec.count("info"),
        "criteria": list(edition.criteria),
    }


def to_table(name: str, rows: Sequence[Row]) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=SCHEMAS[name])


def edition_tables(edition: Edition, rec: Reconciliation) -> dict[str, pa.Table]:
    ids = record_ids(edition)
    keys = territory_keys(rec)
    rows: dict[str, list[Row]] = {
        "laureates": [
            _laureate_row(edition, rid, lau, keys[lau])
            for rid, lau in zip(ids, edition.laureates, strict=True)
        ],
        "summary_entries": [_entry_row(edition, e, keys[e]) for e in edition.summary_entries],
        "reconciliation": [_match_row(edition, ids, m) for m in rec.matches],
        "inconsistencies": [_issue_row(edition, ids, i) for i in rec.inconsistencies],
        "editions": [_edition_row(edition, rec)],
        "jury": [
            {
                "edition_year": edition.year,
                "position": n,
                "name": j.name,
                "organisation": j.organisation,
            }
            for n, j in enumerate(edition.jury, start=1)
        ],
    }
    tables = {name: to_table(name, table_rows) for name, table_rows in rows.items()}
    tables.update(territory_tables(tables["laureates"], tables["summary_entries"]))
    return tables
