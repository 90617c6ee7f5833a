"""Laureates per région and per kind, and each territory's labels edition by edition.

Read from the `territories` and `territory_links` tables, so the report shows
the dataset's links, not a second reading of the names.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from html import escape
from pathlib import Path

import pyarrow as pa

from extract.report.data import EditionData, Row
from extract.store import read_table

NOT_LINKED = "(not linked)"


@dataclass(frozen=True)
class Territories:
    rows: dict[str, Row]  # territory_key -> territories row
    regions: dict[str, tuple[str, ...]]  # territory_key -> région names of its links


def load_territories(out: Path) -> Territories:
    """The two tables, or nothing for outputs written before they existed."""
    try:
        rows = read_table(out, "territories").to_pylist()
        links = read_table(out, "territory_links").to_pylist()
    except (OSError, pa.ArrowException):
        return Territories({}, {})
    regions: dict[str, set[str]] = defaultdict(set)
    for link in links:
        if link["region_name"]:
            regions[link["territory_key"]].add(link["region_name"])
    return Territories(
        {row["territory_key"]: row for row in rows},
        {key: tuple(sorted(names)) for key, names in regions.items()},
    )


def _count_table(title: str, counts: Counter[str]) -> str:
    rows = "".join(
        f'<tr><th>{escape(name)}</th><td class="n">{n}</td></tr>'
        for name, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )
    return (
        f'<table class="counts"><thead><tr><th>{escape(title)}</th><th>laureates</th></tr>'
        f"</thead><tbody>{rows}</tbody></table>"
    )


def per_region_and_kind(edition: EditionData, territories: Territories) -> str:
    """A joint laureate counts once in each région of its members."""
    if not territories.rows:
        return '<p class="empty">(no territories table: extract again)</p>'
    regions: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for laureate in edition.laureates:
        key = laureate.get("territory_key") or ""
        regions.update(territories.regions.get(key) or (NOT_LINKED,))
        row = territories.rows.get(key)
        kinds[row["kind"] if row else NOT_LINKED] += 1
    return (
        '<div class="side-by-side">'
        f"{_count_table('région', regions)}{_count_table('kind', kinds)}</div>"
    )


def across_editions(editions: list[EditionData], territories: Territories) -> str:
    """Each territory's tiers (and categories) per edition; empty for one edition."""
    if len(editions) < 2 or not territories.rows:
        return ""
    years = [e.year for e in editions]
    labels: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for edition in editions:
        for row in edition.laureates:
            labels[row.get("territory_key") or ""][edition.year].append(
                f"{row['tier']} ({row['category'].lower()})"
            )
    order = sorted(labels, key=lambda k: (-len(labels[k]), _name(territories, k), k))
    head = "".join(f"<th>{y}</th>" for y in years)
    body = []
    for key in order:
        cells = "".join(
            f"<td>{escape('; '.join(sorted(labels[key].get(y, []))) or '—')}</td>" for y in years
        )
        found = territories.rows.get(key)
        kind = f" <small>{escape(found['kind'])}</small>" if found else ""
        body.append(f"<tr><th>{escape(_name(territories, key))}{kind}</th>{cells}</tr>")
    return (
        '<section class="territories"><h2>Territories across editions</h2>'
        '<table class="laureates"><thead><tr><th>territory</th>'
        f"{head}</tr></thead><tbody>{''.join(body)}</tbody></table></section>"
    )


def _name(territories: Territories, key: str) -> str:
    row = territories.rows.get(key)
    return str(row["name"]) if row else key
