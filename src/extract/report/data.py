"""Loading an output folder into plain records for the report.

The report works from the written tables and manifest only, so that it can be
rebuilt long after the run, on another machine, without the parser.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from extract.errors import MissingFileError
from extract.model import SEVERITY_ORDER
from extract.reading import READING_KINDS
from extract.store import read_table

Row = dict[str, Any]
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Source:
    """Where an edition's PDF was read from, so crops can be rendered again."""

    file: str
    path: Path | None
    sha256: str


@dataclass(frozen=True)
class EditionData:
    """Everything the report shows for one edition year."""

    year: int
    info: Row
    laureates: list[Row]
    inconsistencies: list[Row]
    source: Source


def _missing(out: Path, cause: str) -> MissingFileError:
    return MissingFileError(str(out), cause, "run annuaire extract first")


def _rows(out: Path, name: str) -> list[Row]:
    try:
        table: pa.Table = read_table(out, name)
    except FileNotFoundError as exc:
        raise _missing(out, f"no outputs found ({name}.parquet missing)") from exc
    except (OSError, pa.ArrowException) as exc:
        raise MissingFileError(
            str(out / f"{name}.parquet"),
            f"the table cannot be read ({type(exc).__name__})",
            "run annuaire extract again",
        ) from exc
    rows: list[Row] = table.to_pylist()
    return rows


def _manifest_sources(out: Path) -> dict[int, Source]:
    """Sources by year; an absent or damaged manifest only costs the crops."""
    try:
        editions = json.loads((out / MANIFEST).read_text(encoding="utf-8")).get("editions", {})
    except (OSError, ValueError, AttributeError):
        return {}
    sources: dict[int, Source] = {}
    for year, entry in editions.items() if isinstance(editions, dict) else ():
        if isinstance(entry, dict) and str(year).isdigit():
            path = entry.get("path")
            sources[int(year)] = Source(
                file=str(entry.get("file", "")),
                path=Path(path) if isinstance(path, str) and path else None,
                sha256=str(entry.get("sha256", "")),
            )
    return sources


def _severity_key(row: Row) -> tuple[bool, int, list[int], str, str, str]:
    """What was not read as printed first (the rest rests on it), then by severity."""
    return (
        row["kind"] not in READING_KINDS,
        SEVERITY_ORDER.get(row["severity"], 9),
        list(row["pages"] or []),
        row["kind"],
        row["territory"],
        row["message"],
    )


def load(out: Path) -> list[EditionData]:
    """The editions of `out`, oldest first, each with its sorted inconsistencies."""
    if not (out / "laureates.parquet").is_file():
        raise _missing(out, "no outputs found (laureates.parquet missing)")
    editions = _rows(out, "editions")
    laureates = _rows(out, "laureates")
    problems = _rows(out, "inconsistencies")
    sources = _manifest_sources(out)
    loaded = []
    for info in sorted(editions, key=lambda r: int(r["edition_year"])):
        year = int(info["edition_year"])
        fallback = Source(info["source_file"], None, info["source_sha256"])
        loaded.append(
            EditionData(
                year=year,
                info=info,
                laureates=[r for r in laureates if r["edition_year"] == year],
                inconsistencies=sorted(
                    (r for r in problems if r["edition_year"] == year), key=_severity_key
                ),
                source=sources.get(year, fallback),
            )
        )
    return loaded
