"""The pyarrow schemas, single source of the data dictionary, and model → Table.

Each field carries its description in the schema metadata; the README's data
dictionary is generated from here, so the two cannot drift apart.
"""

from __future__ import annotations

import pyarrow as pa

_DESC = b"description"


def _f(name: str, kind: pa.DataType, doc: str, nullable: bool = False) -> pa.Field:
    return pa.field(name, kind, nullable=nullable, metadata={_DESC: doc.encode()})


def _schema(doc: str, *fields: pa.Field) -> pa.Schema:
    return pa.schema(list(fields), metadata={_DESC: doc.encode()})


_YEAR = _f("edition_year", pa.int16(), "Year of the edition, read from the document itself.")
_CATEGORY = _f(
    "category", pa.string(), "Category, canonical form as printed on the banners (upper case)."
)

_TERRITORY_KEY = _f(
    "territory_key",
    pa.string(),
    "The territory as an entity, the same for every printing of one authority in every "
    "edition (see territories).",
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
    _TERRITORY_KEY,
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
    _TERRITORY_KEY,
    _f("tier", pa.string(), "Tier from the '[label …]' tag: or, argent or bronze."),
    _f("page", pa.int32(), "1-based page of the entry."),
)


def _side(prefix: str, what: str) -> list[pa.Field]:
    return [
        _f(f"{prefix}_category", pa.string(), f"Category on the {what}.", nullable=True),
        _f(f"{prefix}_tier", pa.string(), f"Tier on the {what}.", nullable=True),
        _f(f"{prefix}_territory", pa.string(), f"Territory as printed on the {what}.", True),
        _f(f"{prefix}_project", pa.string(), f"Project as printed on the {what}.", True),
    ]


RECONCILIATION = _schema(
    "One row per summary entry paired with its detail record, or left alone.",
    _YEAR,
    _f("record_id", pa.string(), "Detail record id (null when the entry has none).", True),
    *_side("summary", "summary list"),
    _f("summary_position", pa.int32(), "Position of the entry in its list.", nullable=True),
    _f("summary_page", pa.int32(), "Page of the summary entry.", nullable=True),
    *_side("detail", "detail page (banner)"),
    _f("detail_page_start", pa.int32(), "First page of the detail record.", nullable=True),
    _f("detail_page_end", pa.int32(), "Last page of the detail record.", nullable=True),
    _f("match_score", pa.float64(), "Similarity of the pair, 0-100 (0 when unmatched)."),
    _f("match_status", pa.string(), "matched, summary_only or detail_only."),
)

EVIDENCE = pa.struct(
    [
        pa.field("page", pa.int32(), nullable=False),
        pa.field("x0", pa.float32(), nullable=False),
        pa.field("top", pa.float32(), nullable=False),
        pa.field("x1", pa.float32(), nullable=False),
        pa.field("bottom", pa.float32(), nullable=False),
    ]
)

INCONSISTENCIES = _schema(
    "One row per disagreement found in an edition, with its evidence.",
    _YEAR,
    _f("kind", pa.string(), "Rule that found it, e.g. tier_mismatch (see README)."),
    _f("severity", pa.string(), "error, warning or info."),
    _f("record_id", pa.string(), "Detail record concerned, if any.", nullable=True),
    _f("category", pa.string(), "Category concerned (empty for edition-wide counts)."),
    _f("territory", pa.string(), "Territory concerned (empty for counts)."),
    _f("project", pa.string(), "Project concerned (empty for counts)."),
    _f("expected", pa.string(), "What the summary, banner or introduction says."),
    _f("found", pa.string(), "What the other printed place says."),
    _f("pages", pa.list_(pa.int32()), "Pages that show the evidence (CSV: separated by |)."),
    _f("message", pa.string(), "One readable sentence."),
    _f(
        "evidence",
        pa.list_(EVIDENCE),
        "Printed places shown as evidence: page and box in PDF points, top-left origin "
        "(CSV: page:x0,top,x1,bottom separated by |).",
    ),
)

EDITIONS = _schema(
    "One row per edition: stated and found counts, criteria, source.",
    _YEAR,
    _f("source_file", pa.string(), "File name of the PDF."),
    _f("source_sha256", pa.string(), "SHA-256 of the PDF."),
    _f("pages", pa.int32(), "Number of pages of the PDF."),
    _f("stated_applications", pa.int32(), "Applications stated in the introduction.", True),
    _f("stated_auditioned", pa.int32(), "Territories auditioned, as stated.", nullable=True),
    _f("stated_labelled", pa.int32(), "Territories labelled, as stated.", nullable=True),
    _f("found_laureates", pa.int32(), "Detail records found."),
    _f("found_summary_entries", pa.int32(), "Summary entries found."),
    _f("found_categories", pa.int32(), "Distinct categories found."),
    _f("errors", pa.int32(), "Inconsistencies of severity error."),
    _f("warnings", pa.int32(), "Inconsistencies of severity warning."),
    _f("infos", pa.int32(), "Inconsistencies of severity info."),
    _f("criteria", pa.list_(pa.string()), "Rating criteria listed (CSV: separated by |)."),
)

JURY = _schema(
    "One row per jury member listed in the introduction.",
    _YEAR,
    _f("position", pa.int32(), "1-based order of reading."),
    _f("name", pa.string(), "Name as printed."),
    _f("organisation", pa.string(), "Organisation as printed after the comma."),
)


TERRITORIES = _schema(
    "One row per territory (territory_key) of every edition in the dataset.",
    _f(
        "territory_key",
        pa.string(),
        "Codes of the official entities it is linked to (commune:INSEE, epci:SIREN, "
        "departement:, region:, ccas:INSEE for a commune's CCAS; joined by + for a joint "
        "laureate), or name: and its normalised name when it cannot be linked.",
    ),
    _f("name", pa.string(), "Its most complete printed form."),
    _f(
        "kind",
        pa.string(),
        "ville, ccas, communauté de communes, communauté d'agglomération, communauté "
        "urbaine, métropole, département, région, syndicat, other, or joint (several "
        "authorities together: their kinds are in territory_links).",
    ),
    _f("names", pa.list_(pa.string()), "Every printed form seen (CSV: separated by |)."),
    _f("editions", pa.list_(pa.int16()), "Editions it is labelled or listed in (CSV: |)."),
    _f("links", pa.int32(), "Official entities it is linked to (rows of territory_links)."),
    _f(
        "link_note",
        pa.string(),
        "Why it (or one of its members) is not linked: not in the official geography, "
        "ambiguous, or no current entity of that name; null when every member is linked.",
        nullable=True,
    ),
)

TERRITORY_LINKS = _schema(
    "One row per official entity a territory is linked to (a joint laureate has several). "
    "Reference: Etalab's découpage administratif, version in src/extract/data's metadata.",
    _f("territory_key", pa.string(), "The territory (see territories)."),
    _f("level", pa.string(), "commune, epci, departement or region."),
    _f("code", pa.string(), "INSEE code of a commune, département or région; SIREN of an EPCI."),
    _f("official_name", pa.string(), "Name in the official geography."),
    _f(
        "member_kind",
        pa.string(),
        "Kind of this member: from the printed words (Ville, CCAS, CA…), else from the entity.",
    ),
    _f(
        "departement",
        pa.string(),
        "Département code (an EPCI's: that of its most populous commune).",
        nullable=True,
    ),
    _f("departement_name", pa.string(), "Département name.", nullable=True),
    _f("region", pa.string(), "Région code.", nullable=True),
    _f("region_name", pa.string(), "Région name.", nullable=True),
    _f(
        "population",
        pa.int64(),
        "Municipal population (summed over communes for a département or région).",
        nullable=True,
    ),
    _f("score", pa.float64(), "Name similarity, 0-100 (100: exact once normalised)."),
    _f(
        "method",
        pa.string(),
        "exact, fuzzy (a letter or two apart), prefix (the commune's name then a locality "
        "of it) or context (one of same-named entities, told apart by the record's other "
        "names).",
    ),
)

SCHEMAS: dict[str, pa.Schema] = {
    "laureates": LAUREATES,
    "summary_entries": SUMMARY_ENTRIES,
    "reconciliation": RECONCILIATION,
    "inconsistencies": INCONSISTENCIES,
    "editions": EDITIONS,
    "jury": JURY,
    "territories": TERRITORIES,
    "territory_links": TERRITORY_LINKS,
}
# Tables computed from the merged others (all editions), never merged themselves.
DERIVED: tuple[str, ...] = ("territories", "territory_links")

# Columns that order each table's rows, so that output is deterministic.
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "laureates": ("edition_year", "page_start", "record_id"),
    "summary_entries": ("edition_year", "page", "category", "position"),
    "reconciliation": ("edition_year", "detail_page_start", "summary_page", "summary_position"),
    "inconsistencies": ("edition_year",),
    "editions": ("edition_year",),
    "jury": ("edition_year", "position"),
    "territories": ("territory_key",),
    "territory_links": ("territory_key", "level", "code"),
}


def describe(schema: pa.Schema) -> str:
    meta = schema.metadata or {}
    return str(meta.get(_DESC, b"").decode())


def field_description(field: pa.Field) -> str:
    meta = field.metadata or {}
    return str(meta.get(_DESC, b"").decode())
