"""The dataset across runs: merging editions, re-runs, determinism, round trips."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLE
from extract.cli import main
from extract.store import csv_bytes, parquet_bytes
from extract.tables import SCHEMAS, SORT_KEYS
from gen import make_directory

TABLES = tuple(SCHEMAS)


def _snapshot(out: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes() for p in sorted(out.glob("*.parquet")) + sorted(out.glob("*.csv"))
    }


def _two_editions(tmp: Path) -> tuple[Path, Path]:
    years: dict[int, Path] = {}
    seed = 300
    while len(years) < 2:
        path = tmp / f"edition-{seed}.pdf"
        truth = make_directory(path, seed)
        years.setdefault(truth.edition_year, path)
        seed += 1
    first, second = sorted(years)
    return years[first], years[second]


def test_re_extracting_one_edition_replaces_only_its_rows(tmp_path: Path) -> None:
    one, two = _two_editions(tmp_path)
    out = tmp_path / "out"
    assert main(["extract", str(one), str(two), "--out", str(out), "--jobs", "2"]) == 0
    together = _snapshot(out)
    assert main(["extract", str(two), "--out", str(out), "--jobs", "1"]) == 0
    assert _snapshot(out) == together
    laureates = pq.read_table(out / "laureates.parquet").to_pylist()
    ids = [row["record_id"] for row in laureates]
    assert len(ids) == len(set(ids))
    assert len({row["edition_year"] for row in laureates}) == 2
    editions = pq.read_table(out / "editions.parquet").to_pylist()
    assert len(editions) == 2


def test_same_input_same_bytes(tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert main(["extract", str(SAMPLE), "--out", str(tmp_path / name), "--jobs", "1"]) == 0
    first, second = _snapshot(tmp_path / "a"), _snapshot(tmp_path / "b")
    assert len(first) == 2 * len(TABLES)
    assert first == second


def test_excel_fr_dialect(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(SAMPLE), "--out", str(out), "--csv-dialect", "excel-fr"]) == 0
    raw = (out / "laureates.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:3] == ["record_id", "edition_year", "category"]
    assert len(rows) == 26
    plain = tmp_path / "plain"
    assert main(["extract", str(SAMPLE), "--out", str(plain)]) == 0
    assert not (plain / "laureates.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_manifest_describes_the_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(SAMPLE), "--out", str(out), "--jobs", "1", "--password", "x"]) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    (entry,) = manifest["inputs"]
    assert entry["file"] == "annuaire-2021.pdf" and entry["outcome"] == "ok"
    assert entry["pages"] == 37 and entry["edition_year"] == 2021
    assert entry["counts"]["laureates"] == 25 and entry["counts"]["errors"] == 1
    assert len(entry["sha256"]) == 64 and entry["seconds"] > 0
    assert "password" not in manifest["options"]
    assert set(manifest["editions"]) == {"2021"}
    assert "laureates.parquet" in manifest["tables"]


# --- round trip: what is written reads back equal --------------------------------------

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"),
    max_size=40,
)
ROW = st.fixed_dictionaries(
    {
        "record_id": TEXT,
        "edition_year": st.integers(1990, 2100),
        "category": TEXT,
        "tier": st.sampled_from(["or", "argent", "bronze"]),
        "tier_statement": st.none() | st.sampled_from(["or", "argent", "bronze"]),
        "territory": TEXT,
        "territory_key": TEXT,
        "project": TEXT,
        "project_subtitle": st.none() | TEXT,
        "description": TEXT,
        "innovation": TEXT,
        "contributions": TEXT,
        "has_partners": st.booleans(),
        "page_start": st.integers(1, 5000),
        "page_end": st.integers(1, 5000),
        "source_file": TEXT,
        "source_sha256": TEXT,
    }
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(rows=st.lists(ROW, max_size=6), dialect=st.sampled_from(["plain", "excel-fr"]))
def test_laureates_round_trip_through_parquet_and_csv(
    rows: list[dict[str, object]], dialect: str
) -> None:
    table = pa.Table.from_pylist(rows, schema=SCHEMAS["laureates"])
    back = pq.read_table(pa.BufferReader(parquet_bytes(table)))
    assert back.to_pylist() == rows
    encoding, delimiter = ("utf-8-sig", ";") if dialect == "excel-fr" else ("utf-8", ",")
    text = csv_bytes(table, dialect).decode(encoding)
    parsed = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert len(parsed) == len(rows)
    for got, want in zip(parsed, rows, strict=True):
        for key, value in want.items():
            if value is None:
                assert got[key] == ""
            elif isinstance(value, bool):
                assert got[key] == ("true" if value else "false")
            else:
                assert got[key] == str(value)


@pytest.mark.parametrize("name", TABLES)
def test_every_table_sorts_on_its_own_columns(name: str) -> None:
    assert set(SORT_KEYS[name]) <= set(SCHEMAS[name].names)
