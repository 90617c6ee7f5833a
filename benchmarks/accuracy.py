"""Accuracy off the test suite: many generated directories per producer, scored field by field.

    .venv/bin/python benchmarks/accuracy.py --seeds 100 [--start 5000] [--backends ...]

Draws `--seeds` directories with each producer of tests/gen (reportlab, Chromium,
LibreOffice), extracts each with every backend asked for, and prints, per
producer and per layout family, how many directories come out with a field
that differs from the truth, and how many disagree between backends. Seeds
start past the property suite's (`--start`), so the figures are about
directories the tests never looked at. Paragraph breaks that print cannot show
(see tests/truthcheck.py) are not counted as differences.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from extract.pipeline import Options, Result, extract_many  # noqa: E402
from gen.producers import PRODUCERS, make_directories  # noqa: E402
from gen.truth import Truth  # noqa: E402
from test_backends import same_records  # noqa: E402
from truthcheck import mismatches  # noqa: E402


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=100, help="directories per producer")
    parser.add_argument("--start", type=int, default=5000, help="first seed")
    parser.add_argument("--backends", default="pdfium,pdfplumber", help="comma-separated")
    parser.add_argument("--producers", default=",".join(PRODUCERS), help="comma-separated")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", type=int, default=3, help="mismatch lines shown per directory")
    return parser.parse_args()


Item = tuple[Path, int, None, tuple[()]]


def _draw(producer: str, wanted: list[tuple[Path, int]]) -> tuple[list[Item], list[Truth]]:
    """The directories the producer draws, ten at a time; a seed whose printed pages
    the generator refuses (its self-check finds words of the truth missing) is told
    and left out, and the others are drawn one by one."""
    items: list[Item] = []
    truths: list[Truth] = []
    for start in range(0, len(wanted), 10):
        chunk: list[Item] = [(path, seed, None, ()) for path, seed in wanted[start : start + 10]]
        try:
            truths += make_directories(producer, chunk)
            items += chunk
            continue
        except AssertionError:
            pass
        for item in chunk:
            try:
                truths += make_directories(producer, [item])
                items.append(item)
            except AssertionError as refused:
                print(f"{producer} seed {item[1]}: not drawn ({str(refused)[:160]})")
    return items, truths


def main() -> int:
    args = _args()
    backends = args.backends.split(",")
    seeds = range(args.start, args.start + args.seeds)
    bad_total = 0
    for producer in args.producers.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            items, truths = _draw(producer, [(Path(tmp) / f"{producer}-{s}.pdf", s) for s in seeds])
            drawn = time.perf_counter() - started
            reads = {
                b: extract_many([i[0] for i in items], Options(backend=b, jobs=args.jobs))
                for b in backends
            }
        families: Counter[tuple[str, str]] = Counter()
        failing: Counter[tuple[str, str]] = Counter()
        bad = disagree = 0
        for k, truth in enumerate(truths):
            first = reads[backends[0]][k]
            problems = (
                mismatches(truth, first) if isinstance(first, Result) else [f"failed: {first}"]
            )
            for other in backends[1:]:
                second = reads[other][k]
                if isinstance(first, Result) and isinstance(second, Result):
                    diff = same_records(first.tables, second.tables)
                else:
                    diff = "a backend failed"
                if diff:
                    disagree += 1
                    problems.append(f"{backends[0]} vs {other}: {diff}")
            for pair in truth.families:
                families[pair] += 1
                failing[pair] += bool(problems)
            if problems:
                bad += 1
                print(f"{producer} seed {items[k][1]}: {len(problems)} problem(s)")
                for line in problems[: args.show]:
                    print(f"    {line[:300]}")
        bad_total += bad
        print(
            f"{producer}: {len(truths) - bad}/{len(truths)} directories exact, "
            f"{disagree} backend disagreement(s), drawn in {drawn:.0f} s"
        )
        for pair in sorted(families):
            print(f"    {pair[0]}={pair[1]}: {failing[pair]}/{families[pair]} with a mismatch")
    return 1 if bad_total else 0


if __name__ == "__main__":
    raise SystemExit(main())
