"""Writing a run's outputs: the merged tables and manifest.json.

The manifest says what a run read, with which options, and how it went. It
sits beside the tables and is written in the same atomic batch. It is the
one output that holds timings, so it is the one that differs between two
runs on the same input; the tables never do.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow as pa

from extract import __version__, store
from extract.pipeline import Failure, Options, Result
from extract.read.api import sha256_of
from extract.rows import file_name
from extract.territory_tables import territory_tables

NAME = "manifest.json"


def _result_entry(result: Result) -> dict[str, Any]:
    edition, rec = result.edition, result.reconciliation
    return {
        "file": file_name(result.path),
        "path": str(Path(result.path).resolve()),
        "sha256": edition.source_sha256,
        "pages": edition.pages,
        "edition_year": edition.year,
        "counts": {
            "laureates": len(edition.laureates),
            "summary_entries": len(edition.summary_entries),
            "categories": len(edition.categories),
            "errors": rec.count("error"),
            "warnings": rec.count("warning"),
            "infos": rec.count("info"),
        },
        "warnings": list(edition.warnings),
        "seconds": round(result.seconds, 3),
        "outcome": "ok",
    }


def _failure_entry(failure: Failure) -> dict[str, Any]:
    path = Path(failure.path)
    return {
        "file": file_name(failure.path),
        "sha256": sha256_of(path) if path.is_file() else None,
        "outcome": "error",
        "exit_code": int(failure.error.exit_code),
        "error": str(failure.error),
    }


def _previous_editions(out: Path) -> dict[str, Any]:
    try:
        data = json.loads((out / NAME).read_text(encoding="utf-8"))
        editions = data.get("editions", {})
        return editions if isinstance(editions, dict) else {}
    except (OSError, ValueError):
        return {}


def manifest_bytes(
    out: Path,
    outcomes: Sequence[Result | Failure],
    options: Options,
    files: Mapping[str, bytes],
) -> bytes:
    inputs = [_result_entry(o) if isinstance(o, Result) else _failure_entry(o) for o in outcomes]
    editions = _previous_editions(out)
    for entry in inputs:
        if entry["outcome"] == "ok":
            editions[str(entry["edition_year"])] = {
                k: entry[k] for k in ("file", "path", "sha256", "pages", "counts")
            }
    settings = {k: v for k, v in asdict(options).items() if k != "password"}
    document = {
        "tool": "annuaire",
        "version": __version__,
        "options": settings,
        "inputs": inputs,
        "editions": dict(sorted(editions.items())),
        "tables": {
            name: {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in sorted(files.items())
        },
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _territories(merged: Mapping[str, pa.Table]) -> Mapping[str, pa.Table]:
    return territory_tables(merged["laureates"], merged["summary_entries"])


def latest_per_edition(results: Sequence[Result]) -> list[Result]:
    """One result per edition year: when two files claim one year, the later wins."""
    by_year: dict[int, Result] = {}
    for result in results:
        by_year[result.edition.year] = result
    return [r for r in results if by_year[r.edition.year] is r]


def write_outputs(
    out: Path, outcomes: Sequence[Result | Failure], options: Options
) -> dict[str, bytes]:
    """Merge the good results into `out` atomically, with the run's manifest.

    Nothing is touched when no file succeeded: earlier results stay as they were.
    """
    results = latest_per_edition([o for o in outcomes if isinstance(o, Result)])
    if not results:
        return {}
    tables: dict[str, list[pa.Table]] = {}
    for result in results:
        for name, table in result.tables.items():
            tables.setdefault(name, []).append(table)
    merged = {name: pa.concat_tables(parts) for name, parts in tables.items()}
    years = {result.edition.year for result in results}
    with store.locked(out):
        files = store.dataset_files(out, merged, years, options.csv_dialect, _territories)
        files[NAME] = manifest_bytes(out, outcomes, options, files)
        store.write_files(out, files)
    return files
