"""Rebuild src/extract/data/geography.parquet from Etalab's « découpage administratif ».

The tool links printed territories to the official geography without ever
reaching a network, so it ships a compact extract of the npm package
`@etalab/decoupage-administratif` (MIT; data under Licence Ouverte). This
script is the only way that extract is made: it packs the pinned version with
`npm pack`, checks the tarball against the registry's integrity, keeps the
columns that linking needs and records the version, its publication date and
the tarball's integrity in the Parquet metadata, where
tests/test_geography.py checks them.

    .venv/bin/python scripts/build_geography.py            # the pinned version
    .venv/bin/python scripts/build_geography.py --tarball etalab-...tgz --published 2026-...

To move to a newer millésime, change VERSION, run the script, run the tests
(the 2021 links are checked code by code) and commit the new extract.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from extract.geography import keys_of

PACKAGE = "@etalab/decoupage-administratif"
VERSION = "6.0.0"
ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "extract" / "data" / "geography.parquet"

SCHEMA = pa.schema(
    [
        pa.field("level", pa.string(), nullable=False),  # commune, epci, departement, region
        pa.field("code", pa.string(), nullable=False),  # INSEE code; SIREN for an EPCI
        pa.field("name", pa.string(), nullable=False),
        pa.field("departement", pa.string()),  # code; an EPCI's: its most populous member's
        pa.field("region", pa.string()),  # code
        pa.field("population", pa.int64()),
        pa.field("epci_type", pa.string()),  # CA, CC, CU, METRO, MET69 (EPCI only)
        pa.field("epci", pa.string()),  # SIREN of a commune's EPCI
        # The name's look-up keys, as extract.geography.keys_of gives them: stored so
        # that a process reads them instead of folding 36,000 names (0.4 s) each run.
        pa.field("exact_key", pa.string(), nullable=False),
        pa.field("loose_key", pa.string(), nullable=False),
    ]
)


def _members(data: bytes) -> Any:
    return json.loads(data.decode("utf-8"))


def read_package(tarball: Path) -> dict[str, Any]:
    """The package's JSON files and package.json, read straight from the tarball."""
    wanted = {"communes", "epci", "departements", "regions"}
    found: dict[str, Any] = {}
    with tarfile.open(tarball, "r:gz") as archive:
        for member in archive.getmembers():
            name = member.name.removeprefix("package/")
            stem = name.removeprefix("data/").removesuffix(".json")
            if name == "package.json" or (name.startswith("data/") and stem in wanted):
                handle = archive.extractfile(member)
                if handle is not None:
                    found["package" if name == "package.json" else stem] = _members(handle.read())
    missing = (wanted | {"package"}) - set(found)
    if missing:
        raise SystemExit(f"{tarball}: no {', '.join(sorted(missing))} in the package")
    return found


def _epci_rows(epcis: list[dict[str, Any]], communes: dict[str, dict[str, Any]]) -> list[dict]:
    rows = []
    for epci in epcis:
        members = [communes[m["code"]] for m in epci["membres"] if m["code"] in communes]
        # An EPCI may straddle départements: its seat's (in practice its most populous
        # member's) is the one analysts count it under.
        seat = max(members, key=lambda c: (c.get("population") or 0, c["code"]), default=None)
        rows.append(
            {
                "level": "epci",
                "code": epci["code"],
                "name": epci["nom"],
                "departement": seat["departement"] if seat else None,
                "region": seat["region"] if seat else None,
                "population": epci.get("populationMunicipale"),
                "epci_type": epci["type"],
                "epci": None,
            }
        )
    return rows


def build_table(package: dict[str, Any]) -> pa.Table:
    """The rows linking needs: current communes, EPCI, départements and régions."""
    communes = {c["code"]: c for c in package["communes"] if c["type"] == "commune-actuelle"}
    epci_of = {m["code"]: e["code"] for e in package["epci"] for m in e["membres"]}
    rows: list[dict[str, Any]] = [
        {
            "level": "commune",
            "code": c["code"],
            "name": c["nom"],
            "departement": c["departement"],
            "region": c["region"],
            "population": c.get("population"),
            "epci_type": None,
            "epci": epci_of.get(c["code"]),
        }
        for c in communes.values()
    ]
    rows += _epci_rows(package["epci"], communes)
    # Populations of départements and régions are not in the package: the sum of
    # their communes' (municipal populations), which is how INSEE states them too.
    by_dep: Counter[str] = Counter()
    by_reg: Counter[str] = Counter()
    for c in communes.values():
        by_dep[c["departement"]] += c.get("population") or 0
        by_reg[c["region"]] += c.get("population") or 0
    for d in package["departements"]:
        rows.append(
            {
                "level": "departement",
                "code": d["code"],
                "name": d["nom"],
                "departement": d["code"],
                "region": d["region"],
                "population": by_dep.get(d["code"]) or None,
                "epci_type": None,
                "epci": None,
            }
        )
    for r in package["regions"]:
        rows.append(
            {
                "level": "region",
                "code": r["code"],
                "name": r["nom"],
                "departement": None,
                "region": r["code"],
                "population": by_reg.get(r["code"]) or None,
                "epci_type": None,
                "epci": None,
            }
        )
    order = {"commune": 0, "epci": 1, "departement": 2, "region": 3}
    rows.sort(key=lambda row: (order[row["level"]], row["code"]))
    for row in rows:
        row["exact_key"], row["loose_key"] = keys_of(row["level"], row["name"])
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def content_digest(table: pa.Table) -> str:
    """SHA-256 of the rows as JSON: what the extract says, whatever Parquet's bytes."""
    text = json.dumps(table.to_pylist(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def integrity_of(tarball: Path) -> str:
    digest = hashlib.sha512(tarball.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode("ascii")


def with_metadata(table: pa.Table, package: dict[str, Any], published: str, integrity: str):
    meta = {
        "package": package["package"]["name"],
        "version": package["package"]["version"],
        "license": package["package"].get("license", ""),
        "published": published,
        "integrity": integrity,
        "rows_sha256": content_digest(table),
        "built_by": "scripts/build_geography.py",
    }
    return table.replace_schema_metadata({k: v.encode("utf-8") for k, v in meta.items()})


def parquet_bytes(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd", compression_level=19, use_dictionary=True)
    return sink.getvalue()


def _npm(*args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(["npm", *args], cwd=cwd, check=True, capture_output=True, text=True)
    return done.stdout


def fetch(version: str, into: Path) -> tuple[Path, str, str]:
    """Pack the pinned version; its tarball, publication date and registry integrity."""
    spec = f"{PACKAGE}@{version}"
    packed = json.loads(_npm("pack", spec, "--json", "--pack-destination", str(into)))
    tarball = into / packed[0]["filename"]
    times = json.loads(_npm("view", spec, "time", "--json"))
    expected = json.loads(_npm("view", spec, "dist.integrity", "--json"))
    return tarball, str(times[version]), str(expected)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="a tarball already packed (offline)")
    parser.add_argument("--published", help="its publication date (with --tarball)")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.tarball:
            if not args.published:
                parser.error("--tarball needs --published (npm view PACKAGE@VERSION time)")
            tarball, published, expected = args.tarball, args.published, None
        else:
            tarball, published, expected = fetch(VERSION, Path(tmp))
        integrity = integrity_of(tarball)
        if expected is not None and integrity != expected:
            raise SystemExit(f"{tarball.name}: integrity {integrity} is not the registry's")
        package = read_package(tarball)
        if package["package"]["version"] != VERSION:
            print(f"warning: packed {package['package']['version']}, pinned {VERSION}")
        table = with_metadata(build_table(package), package, published, integrity)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    data = parquet_bytes(table)
    args.out.write_bytes(data)
    levels = Counter(table.column("level").to_pylist())
    print(f"{args.out}: {len(data)} bytes, {dict(sorted(levels.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
