"""The pyarrow schemas, single source of the data dictionary, and model → Table.

Each field carries its description in the schema metadata; the README's data
dictionary is generated from here, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pyarrow as pa

from extract.model import Edition, Laureate, SummaryEntry
from extract.names import category_key

_DESC = b"description"


def _f(name: str, kind: pa.DataType, doc: str, nullable: bool = False) -> pa.Field:
    return pa.field(name, kind, nullable=nullable, metadata={_DESC: doc.encode()})


def _schema(doc: str, *fields: pa.Field) -> pa.Schema:
    return pa.schema(list(fields), metadata={_DESC: doc.encode()})


_YEAR = _f("edition_year", pa.int16(), "Year of the edition, read from the document itself.")
_CATEGORY = _f(
    "category", pa.string(), "Category, canonical form as printed on the banners (upper case)."
)

LAUREATES = _schema(
    "One row per detail page (or run of pages) presenting a laureate.",
    _f("record_id", pa.string(), "Stable id: slug of year, category and territory."),
    _YEAR,
    _CATEGORY,
    _f("tier", pa.string(), "Label tier from the banner: or, argent or bronze."),
    _f(
        "tier_statement",
        pa.string(),
        "Tier named by the 'Label … attribué à' sentence (null if the sentence is missing).",
        nullable=True,
    ),
    _f("territory", pa.string(), "Territory as printed after 'attribué à :'."),
    _f("project", pa.string(), "Project title as printed after 'Pour le projet :'."),
    _f(
        "project_subtitle",
        pa.string(),
        "Line in parentheses printed under the project title, if any.",
        nullable=True,
    ),
    _f("description", pa.string(), "DESCRIPTION DU PROJET; paragraphs and bullets split by \\n."),
    _f("innovation", pa.string(), "INNOVATION DU PROJET; paragraphs and bullets split by \\n."),
    _f("contributions", pa.string(), "LES APPORTS DU PROJET; paragraphs and bullets split by \\n."),
    _f("has_partners", pa.bool_(), "Whether a PARTENAIRES section (logos) is printed."),
    _f("page_start", pa.int32(), "1-based page of the banner."),
    _f("page_end", pa.int32(), "1-based last page of the record."),
    _f("source_file", pa.string(), "File name of the PDF the record was read from."),
    _f("source_sha256", pa.string(), "SHA-256 of that PDF."),
)

SUMMARY_ENTRIES = _schema(
    "One row per bullet of a category's summary list.",
    _YEAR,
    _CATEGORY,
    _f("category_printed", pa.string(), "The summary title exactly as printed."),
    _f("position", pa.int32(), "1-based position of the entry in its category's list."),
    _f("project", pa.string(), "Project title as printed in the list."),
    _f("territory", pa.string(), "Territory as printed in the list (without the tag)."),
    _f("tier", pa.string(), "Tier from the '[label …]' tag: or, argent or bronze."),
    _f("page", pa.int32(), "1-based page of the entry."),
)

SCHEMAS: dict[str, pa.Schema] = {
    "laureates": LAUREATES,
    "summary_entries": SUMMARY_ENTRIES,
}

# Columns that order each table's rows, so that output is deterministic.
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "laureates": ("edition_year", "page_start", "record_id"),
    "summary_entries": ("edition_year", "page", "category", "position"),
}


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


def _laureate_row(edition: Edition, rid: str, lau: Laureate) -> dict[str, Any]:
    return {
        "record_id": rid,
        "edition_year": edition.year,
        "category": lau.category,
        "tier": lau.tier,
        "tier_statement": lau.tier_statement,
        "territory": lau.territory,
        "project": lau.project,
        "project_subtitle": lau.project_subtitle,
        "description": lau.description,
        "innovation": lau.innovation,
        "contributions": lau.contributions,
        "has_partners": lau.has_partners,
        "page_start": lau.page_start,
        "page_end": lau.page_end,
        "source_file": _file_name(edition.source_file),
        "source_sha256": edition.source_sha256,
    }


def _entry_row(edition: Edition, entry: SummaryEntry) -> dict[str, Any]:
    return {
        "edition_year": edition.year,
        "category": entry.category,
        "category_printed": entry.category_printed,
        "position": entry.position,
        "project": entry.project,
        "territory": entry.territory,
        "tier": entry.tier,
        "page": entry.page,
    }


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def to_table(name: str, rows: Sequence[dict[str, Any]]) -> pa.Table:
    schema = SCHEMAS[name]
    return pa.Table.from_pylist(list(rows), schema=schema)


def edition_tables(
    edition: Edition, extra: dict[str, list[dict[str, Any]]] | None = None
) -> dict[str, pa.Table]:
    ids = record_ids(edition)
    rows: dict[str, list[dict[str, Any]]] = {
        "laureates": [
            _laureate_row(edition, rid, lau)
            for rid, lau in zip(ids, edition.laureates, strict=True)
        ],
        "summary_entries": [_entry_row(edition, e) for e in edition.summary_entries],
    }
    rows.update(extra or {})
    return {name: to_table(name, table_rows) for name, table_rows in rows.items()}


def describe(schema: pa.Schema) -> str:
    meta = schema.metadata or {}
    return str(meta.get(_DESC, b"").decode())


def field_description(field: pa.Field) -> str:
    meta = field.metadata or {}
    return str(meta.get(_DESC, b"").decode())


RowMaker = Callable[[Edition], list[dict[str, Any]]]
