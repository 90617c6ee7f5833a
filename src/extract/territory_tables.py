"""The `territories` and `territory_links` tables, from the laureates and entries of
every edition in the dataset.

They are computed again from the merged tables at every write, never merged
themselves: a territory's names and editions span editions extracted in
different runs, and re-extracting one edition must change them accordingly.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pyarrow as pa

from extract.authorities import tokens
from extract.geography import reference
from extract.tables import SCHEMAS
from extract.territories import Link, Territory, link_names

Row = dict[str, object]


def _printings(*tables: pa.Table) -> dict[str, dict[int, set[str]]]:
    """territory_key -> edition -> the names printed for it there."""
    seen: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for table in tables:
        columns = [table.column(c).to_pylist() for c in ("territory_key", "edition_year")]
        names = table.column("territory").to_pylist()
        for key, year, name in zip(*columns, names, strict=True):
            seen[key][int(year)].add(name)
    return seen


def _most_complete(names: set[str]) -> str:
    return max(sorted(names), key=lambda n: (len(tokens(n)), len(n)))


def _link_row(key: str, link: Link) -> Row:
    geo, e = reference(), link.entity
    return {
        "territory_key": key,
        "level": e.level,
        "code": e.code,
        "official_name": e.name,
        "member_kind": link.kind,
        "departement": e.departement,
        "departement_name": geo.name_of("departement", e.departement),
        "region": e.region,
        "region_name": geo.name_of("region", e.region),
        "population": e.population,
        "score": link.score,
        "method": link.method,
    }


def _territory(key: str, by_year: dict[int, set[str]]) -> tuple[Row, list[Row]]:
    # Each edition's names were linked together when its keys were made: link them
    # again edition by edition, so that the rows say what gave this key.
    outcomes: list[Territory] = [link_names(tuple(sorted(n))) for _, n in sorted(by_year.items())]
    kinds = Counter(t.kind for t in outcomes)
    kind = min(kinds, key=lambda k: (-kinds[k], k))
    best: dict[tuple[str, str], Link] = {}
    for outcome in outcomes:
        for link in outcome.links:
            at = (link.entity.level, link.entity.code)
            if at not in best or link.score > best[at].score:
                best[at] = link
    names = set().union(*by_year.values())
    row: Row = {
        "territory_key": key,
        "name": _most_complete(names),
        "kind": kind,
        "names": sorted(names),
        "editions": sorted(by_year),
        "links": len(best),
        "link_note": outcomes[-1].note,
    }
    return row, [_link_row(key, best[at]) for at in sorted(best)]


def territory_tables(laureates: pa.Table, entries: pa.Table) -> dict[str, pa.Table]:
    territories: list[Row] = []
    links: list[Row] = []
    for key, by_year in sorted(_printings(laureates, entries).items()):
        row, link_rows = _territory(key, by_year)
        territories.append(row)
        links.extend(link_rows)
    return {
        "territories": pa.Table.from_pylist(territories, schema=SCHEMAS["territories"]),
        "territory_links": pa.Table.from_pylist(links, schema=SCHEMAS["territory_links"]),
    }
