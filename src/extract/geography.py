"""The official geography, loaded once per process from the shipped extract.

`data/geography.parquet` is Etalab's « découpage administratif » reduced to
what linking needs (see scripts/build_geography.py): every current commune,
EPCI, département and région with its code, département, région and
population. Names are indexed by the same keys as printed names
(`authorities.tokens`), exact and loose, so that linking a whole edition is a
few dictionary look-ups and, for the rest, one fuzzy scan per name.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

from extract.authorities import fold, loose, strip_kinds

LEVELS: tuple[str, ...] = ("commune", "epci", "departement", "region")
EPCI_TYPE_KINDS = {
    "CC": "communauté de communes",
    "CA": "communauté d'agglomération",
    "CU": "communauté urbaine",
    "METRO": "métropole",
    "MET69": "métropole",
}


class Entity(NamedTuple):  # a tuple: 36,000 of them are made in 0.02 s, not 0.12
    level: str
    code: str
    name: str
    departement: str | None
    region: str | None
    population: int | None
    epci_type: str | None
    epci: str | None  # a commune's EPCI (SIREN)


@dataclass(frozen=True)
class Geography:
    entities: tuple[Entity, ...]
    exact: dict[str, dict[str, list[int]]]  # level -> key -> entity indexes
    loose: dict[str, dict[str, list[int]]]
    choices: dict[str, tuple[list[str], list[int]]]  # level -> (loose keys, indexes) to scan
    by_code: dict[tuple[str, str], int]
    metadata: dict[str, str]

    def get(self, level: str, code: str) -> Entity | None:
        index = self.by_code.get((level, code))
        return None if index is None else self.entities[index]

    def name_of(self, level: str, code: str | None) -> str | None:
        entity = self.get(level, code) if code else None
        return entity.name if entity else None


def official_words(entity_level: str, name: str) -> tuple[str, ...]:
    """An official name's words as a printed one's: an EPCI's kind words go
    (`CA Montélimar Agglomération` is printed `Montélimar Agglomération`); a commune's
    name is all name (`La Ville-du-Bois` keeps its `ville`)."""
    words = fold(name)  # not cached: each official name is folded once
    if entity_level == "epci":
        core = strip_kinds(words)[1]
        return core or words
    return words


def keys_of(level: str, name: str) -> tuple[str, str]:
    """An official name's exact and loose look-up keys. The extract stores them
    (its script calls this), and a test holds them equal to what this gives."""
    words = official_words(level, name)
    return " ".join(words), loose(words)


def _index(entities: tuple[Entity, ...], keys: list[tuple[str, str]]) -> Geography:
    exact: dict[str, dict[str, list[int]]] = {level: {} for level in LEVELS}
    loose_index: dict[str, dict[str, list[int]]] = {level: {} for level in LEVELS}
    for i, (entity, (exact_key, loose_key)) in enumerate(zip(entities, keys, strict=True)):
        exact[entity.level].setdefault(exact_key, []).append(i)
        loose_index[entity.level].setdefault(loose_key, []).append(i)
    choices: dict[str, tuple[list[str], list[int]]] = {}
    for level, by_key in loose_index.items():
        flat_keys: list[str] = []
        flat_ids: list[int] = []
        for key, ids in by_key.items():
            for i in ids:
                flat_keys.append(key)
                flat_ids.append(i)
        choices[level] = (flat_keys, flat_ids)
    return Geography(
        entities=entities,
        exact=exact,
        loose=loose_index,
        choices=choices,
        by_code={(e.level, e.code): i for i, e in enumerate(entities)},
        metadata={},
    )


@functools.lru_cache(maxsize=1)
def reference() -> Geography:
    """The shipped geography (read and indexed once per process, about 0.2 s)."""
    import pyarrow.parquet as pq

    with resources.as_file(resources.files("extract") / "data" / "geography.parquet") as path:
        table = pq.ParquetFile(path).read()  # read_table would import pyarrow.dataset (0.5 s)
    columns = {name: table.column(name).to_pylist() for name in table.column_names}
    entities = tuple(map(Entity._make, zip(*(columns[f] for f in Entity._fields), strict=True)))
    geography = _index(entities, list(zip(columns["exact_key"], columns["loose_key"], strict=True)))
    meta = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
    geography.metadata.update(meta)
    return geography
