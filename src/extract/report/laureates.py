"""The laureates table: searchable, sortable, each row opening its full record.

Every laureate is its own <tbody> (summary row plus hidden record row), so
sorting and filtering move or hide the pair as one unit.
"""

from __future__ import annotations

from html import escape

from extract.report.data import Row

TIER_RANK = {"or": 0, "argent": 1, "bronze": 2}
COLUMNS = ("Category", "Tier", "Territory", "Project", "Pages")
SECTIONS = (
    ("description", "Description du projet"),
    ("innovation", "Innovation du projet"),
    ("contributions", "Les apports du projet"),
)


def _paragraphs(text: str | None) -> str:
    if not text:
        return '<p class="empty">(not printed)</p>'
    return "".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line.strip())


def _pages(row: Row) -> str:
    start, end = row["page_start"], row["page_end"]
    return f"{start}–{end}" if end != start else str(start)


def _record(row: Row) -> str:
    facts = [
        ("Record id", row["record_id"]),
        ("Tier (banner)", row["tier"]),
        ("Tier ('attribué à' sentence)", row["tier_statement"] or "(missing)"),
        ("Subtitle", row["project_subtitle"] or ""),
        ("Partners printed", "yes" if row["has_partners"] else "no"),
        ("Source", f"{row['source_file']}, page(s) {_pages(row)}"),
    ]
    dl = "".join(
        f"<dt>{escape(label)}</dt><dd>{escape(str(value))}</dd>" for label, value in facts if value
    )
    sections = "".join(
        f"<h4>{escape(title)}</h4>{_paragraphs(row[key])}" for key, title in SECTIONS
    )
    return f'<dl class="facts">{dl}</dl>{sections}'


def _cell(html: str, sort_key: str) -> str:
    return f'<td data-sort="{escape(sort_key)}">{html}</td>'


def _row(row: Row) -> str:
    tier = row["tier"]
    pages = _pages(row)
    tds = "".join(
        (
            _cell(escape(row["category"]), row["category"]),
            _cell(
                f'<span class="tier {escape(tier)}">{escape(tier)}</span>',
                str(TIER_RANK.get(tier, 9)),
            ),
            _cell(escape(row["territory"]), row["territory"]),
            _cell(escape(row["project"]), row["project"]),
            _cell(pages, f"{row['page_start']:05d}"),
        )
    )
    return (
        '<tbody class="rec">'
        f'<tr class="row"><td><button type="button" class="open" aria-expanded="false" '
        f'aria-label="show the full record">▸</button></td>{tds}</tr>'
        f'<tr class="full" hidden><td></td><td colspan="{len(COLUMNS)}">{_record(row)}</td></tr>'
        "</tbody>"
    )


def laureates_section(rows: list[Row], year: int) -> str:
    """The search box and the table of one edition's laureates."""
    if not rows:
        return '<p class="empty">No laureates.</p>'
    table_id = f"laureates-{year}"
    heads = "".join(
        f'<th><button type="button" class="sort" data-col="{i + 1}">{escape(name)}</button></th>'
        for i, name in enumerate(COLUMNS)
    )
    body = "\n".join(_row(row) for row in rows)
    return (
        f'<p class="tools"><label>Search <input type="search" class="search" '
        f'id="search-{year}" data-table="{table_id}" autocomplete="off" '
        f'placeholder="territory, project, category, tier"></label> '
        f'<span class="shown" aria-live="polite">{len(rows)} of {len(rows)} shown</span></p>'
        f'<table class="laureates" id="{table_id}"><thead><tr><th></th>{heads}</tr></thead>'
        f"\n{body}\n</table>"
    )
