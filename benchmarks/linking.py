"""Speed of linking territories to the official geography.

    .venv/bin/python benchmarks/linking.py [--repeat 5]

Each repeat runs in a fresh interpreter (this script with --worker) and
measures, after the imports: loading and indexing the shipped geography
(once per process: each extraction worker pays it once), then linking every
record of the 2021 sample (its 25 summary lines and detail pages, read once
beforehand) and building the `territories` and `territory_links` tables, with
every cache of names emptied; then the same for 300 records of invented names
printed by the test generator (two printings each), where almost every name
goes through the fuzzy scan of all communes, the slow path.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw" / "annuaire-2021.pdf"


def _clear() -> None:
    from extract import authorities, linking, territories

    for cached in (authorities.tokens, linking.candidates, linking.members, territories.link_names):
        cached.cache_clear()


def _worker() -> dict[str, float]:
    import random

    sys.path.insert(0, str(ROOT / "tests"))
    from extract.geography import reference
    from extract.pipeline import Options, extract_edition
    from extract.read import open_pdf
    from extract.reconcile import reconcile
    from extract.rows import edition_tables
    from extract.territories import record_key
    from gen.authorities import pool, printing

    edition = extract_edition(open_pdf(SAMPLE), Options(jobs=1))
    rec = reconcile(edition)
    start = time.perf_counter()
    reference()
    loaded = time.perf_counter() - start
    edition_tables(edition, rec)  # imports what building tables imports (pandas), once
    _clear()
    start = time.perf_counter()
    tables = edition_tables(edition, rec)  # every record linked, and its two tables built
    sample = time.perf_counter() - start
    assert tables["territories"].num_rows == 25
    rng = random.Random(2021)
    authorities = pool(rng, size=48)
    records = [[printing(a, rng), printing(a, rng)] for a in rng.choices(authorities, k=300)]
    _clear()
    start = time.perf_counter()
    for names in records:
        record_key(names)
    invented = time.perf_counter() - start
    return {"load": loaded, "sample": sample, "invented_300": invented}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(_worker()))
        return 0
    runs = []
    for _ in range(args.repeat):
        done = subprocess.run(
            [sys.executable, __file__, "--worker"], check=True, capture_output=True, text=True
        )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    for measure in ("load", "sample", "invented_300"):
        values = [run[measure] for run in runs]
        print(
            f"{measure}: median {statistics.median(values):.3f} s, "
            f"min {min(values):.3f} s, max {max(values):.3f} s ({args.repeat} runs)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
