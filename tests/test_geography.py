"""The shipped extract of the official geography is what its script builds from its version."""

from __future__ import annotations

import importlib.util
import io
import json
import tarfile
from pathlib import Path
from types import ModuleType

import pyarrow.parquet as pq
import pytest

from conftest import ROOT

EXTRACT = ROOT / "src" / "extract" / "data" / "geography.parquet"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_geography", ROOT / "scripts" / "build_geography.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _meta() -> dict[str, str]:
    raw = pq.read_schema(EXTRACT).metadata or {}
    return {k.decode(): v.decode() for k, v in raw.items()}


def test_extract_records_the_pinned_package_version() -> None:
    meta = _meta()
    script = _script()
    assert meta["package"] == script.PACKAGE == "@etalab/decoupage-administratif"
    assert meta["version"] == script.VERSION
    assert meta["license"] == "MIT"
    assert meta["published"][:4].isdigit() and "T" in meta["published"]
    assert meta["integrity"].startswith("sha512-")


def test_extract_rows_are_the_ones_its_metadata_vouches_for() -> None:
    """An extract edited by hand, or half rebuilt, no longer has its recorded digest."""
    table = pq.read_table(EXTRACT)
    assert _script().content_digest(table) == _meta()["rows_sha256"]
    assert table.schema.remove_metadata().equals(_script().SCHEMA)


def test_extract_keys_are_the_ones_the_code_gives_today() -> None:
    """Linking reads each name's keys from the extract; after a change to how names
    are folded, this fails until the extract is rebuilt with its script."""
    from extract.geography import keys_of

    table = pq.read_table(EXTRACT, columns=["level", "name", "exact_key", "loose_key"])
    stale = [
        row["name"]
        for row in table.to_pylist()
        if keys_of(row["level"], row["name"]) != (row["exact_key"], row["loose_key"])
    ]
    assert stale == [], f"{len(stale)} stale keys: rebuild with scripts/build_geography.py"


def test_extract_is_compact() -> None:
    assert EXTRACT.stat().st_size < 3_000_000


def _fake_tarball(tmp: Path) -> Path:
    files = {
        "package/package.json": {
            "name": "@etalab/decoupage-administratif",
            "version": "9.9.9",
            "license": "MIT",
        },
        "package/data/communes.json": [
            {
                "code": "99001",
                "nom": "Aval",
                "type": "commune-actuelle",
                "departement": "99",
                "region": "98",
                "population": 100,
            },
            {
                "code": "99002",
                "nom": "Amont",
                "type": "commune-actuelle",
                "departement": "99",
                "region": "98",
                "population": 300,
            },
            {
                "code": "99003",
                "nom": "Ancien",
                "type": "commune-deleguee",
                "departement": "99",
                "region": "98",
            },
            {
                "code": "97001",
                "nom": "Loin",
                "type": "commune-actuelle",
                "departement": "97",
                "region": "98",
                "population": 50,
            },
        ],
        "package/data/epci.json": [
            {
                "code": "200000001",
                "nom": "CC des Deux Rives",
                "type": "CC",
                "populationMunicipale": 450,
                "populationTotale": 460,
                "membres": [{"code": "99001"}, {"code": "99002"}, {"code": "97001"}],
            },
        ],
        "package/data/departements.json": [
            {"code": "99", "nom": "Val", "region": "98"},
            {"code": "97", "nom": "Mont", "region": "98"},
        ],
        "package/data/regions.json": [{"code": "98", "nom": "Haut-Pays"}],
        "package/data/ept.json": [],
    }
    path = tmp / "fake.tgz"
    with tarfile.open(path, "w:gz") as archive:
        for name, content in files.items():
            data = json.dumps(content).encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def test_script_keeps_current_communes_and_derives_what_the_package_lacks(tmp_path: Path) -> None:
    script = _script()
    out = tmp_path / "geo.parquet"
    tarball = _fake_tarball(tmp_path)
    assert (
        script.main(["--tarball", str(tarball), "--published", "2031-01-02", "--out", str(out)])
        == 0
    )
    rows = {(r["level"], r["code"]): r for r in pq.read_table(out).to_pylist()}
    assert set(rows) == {
        ("commune", "99001"),
        ("commune", "99002"),
        ("commune", "97001"),
        ("epci", "200000001"),
        ("departement", "99"),
        ("departement", "97"),
        ("region", "98"),
    }  # the commune déléguée is not a current commune
    assert rows[("commune", "99001")]["epci"] == "200000001"
    epci = rows[("epci", "200000001")]
    # straddling two départements, counted under its most populous member's
    assert (epci["departement"], epci["region"], epci["population"]) == ("99", "98", 450)
    assert epci["epci_type"] == "CC"
    assert rows[("departement", "99")]["population"] == 400
    assert rows[("region", "98")]["population"] == 450
    meta = {k.decode(): v.decode() for k, v in (pq.read_schema(out).metadata or {}).items()}
    assert (meta["version"], meta["published"]) == ("9.9.9", "2031-01-02")
    first = out.read_bytes()
    script.main(["--tarball", str(tarball), "--published", "2031-01-02", "--out", str(out)])
    assert out.read_bytes() == first  # same package, same bytes


def test_script_needs_the_publication_date_offline(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        _script().main(["--tarball", str(_fake_tarball(tmp_path)), "--out", str(tmp_path / "x")])
