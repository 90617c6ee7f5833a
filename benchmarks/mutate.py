"""Mutated copies of the sample through the real command line: a result or a documented error.

    .venv/bin/python benchmarks/mutate.py [--runs 1000] [--seed 12] [--jobs 2] [--limit 30]
                                          [--log runs.jsonl] [--only 17,42 --keep DIR]

Each run writes one mutated copy of data/raw/annuaire-2021.pdf and extracts it
with `python -m extract extract` in a fresh process (both backends in turn),
under a time limit enforced from outside, so a hang or a crash of the command
itself is caught, not only of its workers. The mutations:

- `bytes`: 1 to 32 bytes replaced anywhere (mostly inside compressed streams);
- `syntax`: 1 to 16 bytes replaced outside streams (dictionaries, numbers,
  references, the cross-reference table), often by digits or delimiters;
- `truncate`: the file cut anywhere; `truncate-marked`: cut, then given a new
  `%%EOF`, so that the parsers, not the input check, meet the cut file;
- `duplicate`: an object copied in front of another (every later offset moves);
- `overwrite`: an object's body replaced by another's, under its own number;
- `mixed`: two to four of the above.

A mutant depends only on `--seed` and its index, so the figures are the same on
every machine and a run can be replayed alone (`--only INDEX --keep DIR` keeps
the mutant and its outputs). A run fails when it overruns the limit (a hang),
prints a traceback, ends with 70 (internal error) or a code the README does not
document, or ends with an error that is not one line naming the file. The
script exits 1 when any run failed. It is not part of `make test`: 1000 runs
take about half an hour on two shared cores.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from extract.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw" / "annuaire-2021.pdf"
BACKENDS = ("pdfium", "pdfplumber")
OBJECT = re.compile(rb"(?m)^\d+ \d+ obj\b.*?\bendobj\b", re.S)
STREAM = re.compile(rb"\bstream\r?\n.*?\bendstream\b", re.S)
SYNTAX_BYTES = b"0123456789 /<>[]()RnobjRe\n"
CLI_LINES = ("error: ", "warning: ", "wrote ", "interrupted")

Mutation = Callable[[random.Random, bytes], bytes]


# --- mutations: each takes the run's generator and the bytes, returns new bytes -------------


def _bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 32)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _outside_streams(data: bytes) -> list[int]:
    """Offsets of the bytes that are PDF syntax, not stream content."""
    syntax, start = [], 0
    for stream in STREAM.finditer(data):
        syntax.extend(range(start, stream.start()))
        start = stream.end()
    syntax.extend(range(start, len(data)))
    return syntax


def _syntax(rng: random.Random, data: bytes) -> bytes:
    out, places = bytearray(data), _outside_streams(data)
    for _ in range(rng.randint(1, 16)):
        pool = SYNTAX_BYTES if rng.random() < 0.7 else bytes(range(256))
        out[rng.choice(places)] = rng.choice(pool)
    return bytes(out)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(1, len(data))]


def _truncate_marked(rng: random.Random, data: bytes) -> bytes:
    return _truncate(rng, data) + b"\n%%EOF\n"


def _objects(data: bytes) -> list[re.Match[bytes]]:
    return list(OBJECT.finditer(data))


def _duplicate(rng: random.Random, data: bytes) -> bytes:
    objects = _objects(data)
    if not objects:
        return _bytes(rng, data)
    copied, before = rng.choice(objects), rng.choice(objects)
    return data[: before.start()] + copied.group() + b"\n" + data[before.start() :]


def _overwrite(rng: random.Random, data: bytes) -> bytes:
    objects = _objects(data)
    if len(objects) < 2:
        return _bytes(rng, data)
    source, target = rng.sample(objects, 2)
    header = re.match(rb"\d+ \d+ obj", target.group())
    body = re.sub(rb"^\d+ \d+ obj", b"", source.group())
    assert header is not None
    return data[: target.start()] + header.group() + body + data[target.end() :]


SIMPLE: dict[str, Mutation] = {
    "bytes": _bytes,
    "syntax": _syntax,
    "truncate": _truncate,
    "truncate-marked": _truncate_marked,
    "duplicate": _duplicate,
    "overwrite": _overwrite,
}


def _mixed(rng: random.Random, data: bytes) -> bytes:
    names = [name for name in SIMPLE if name != "truncate"]  # a plain cut ends the story
    for name in rng.sample(names, rng.randint(2, 4)):
        data = SIMPLE[name](rng, data)
    return data


KINDS: dict[str, Mutation] = {**SIMPLE, "mixed": _mixed}


def mutant(seed: int, index: int, data: bytes) -> tuple[str, str, bytes]:
    """Kind, backend and bytes of run `index`: every kind runs with both backends in turn."""
    names = list(KINDS)
    kind = names[index % len(names)]
    backend = BACKENDS[(index // len(names)) % len(BACKENDS)]
    rng = random.Random(f"{seed}-{index}")  # str seeds hash the same on every machine
    return kind, backend, KINDS[kind](rng, data)


# --- one run: the real command line in its own process group ---------------------------------


def _run(cmd: list[str], limit: float) -> tuple[int | None, str]:
    """Exit code (None when killed at the limit) and stderr; the whole group is killed."""
    child = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        _, err = child.communicate(timeout=limit)
        return child.returncode, err.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        _, err = child.communicate()
        return None, err.decode("utf-8", "replace")
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()


def _problems(code: int | None, err: str, pdf: Path) -> list[str]:
    """What makes this run a failure; empty when it ended as documented."""
    problems = []
    documented = {c.value for c in ExitCode} - {ExitCode.INTERNAL_ERROR}
    if code is None:
        problems.append("hang")
    elif code not in documented:
        problems.append(f"exit {code}")
    if "Traceback (most recent call last)" in err:
        problems.append("traceback")
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    if code not in (None, ExitCode.OK) and (
        len(errors) != 1 or not errors[0].startswith(f"error: {pdf}: ")
    ):
        problems.append("error not one line naming the file")
    return problems


def run_one(index: int, args: argparse.Namespace, data: bytes, work: Path) -> dict[str, Any]:
    kind, backend, mutated = mutant(args.seed, index, data)
    pdf, out = work / f"mutant-{index:04d}.pdf", work / f"out-{index:04d}"
    pdf.write_bytes(mutated)
    cmd = [sys.executable, "-m", "extract", "extract", str(pdf), "--out", str(out)]
    cmd += ["--jobs", "1", "--backend", backend, "--timeout", f"{args.limit * 2 / 3:g}"]
    start = time.monotonic()
    code, err = _run(cmd, args.limit)
    seconds = time.monotonic() - start
    if not args.keep:
        pdf.unlink()
        shutil.rmtree(out, ignore_errors=True)
    stray = [line for line in err.splitlines() if line and not _from_cli(line, pdf)]
    return {
        "index": index,
        "kind": kind,
        "backend": backend,
        "bytes": len(mutated),
        "code": code,
        "seconds": round(seconds, 3),
        "problems": _problems(code, err, pdf),
        "stray_lines": stray[:5],
        "error": next((line for line in err.splitlines() if line.startswith("error: ")), ""),
    }


def _from_cli(line: str, pdf: Path) -> bool:
    """A line the command prints itself (the others come from a library)."""
    return line.startswith(CLI_LINES) or line.startswith(f"{pdf.name}: edition ")


# --- the batch and its figures -------------------------------------------------------------


def _machine() -> str:
    model = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.lower().startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} vCPU {model}, Linux {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def _code_name(code: int | None) -> str:
    if code is None:
        return "hang"
    try:
        return ExitCode(code).name.lower()
    except ValueError:
        return "undocumented"


def summary(records: list[dict[str, Any]], args: argparse.Namespace, started: str) -> str:
    codes = Counter(r["code"] for r in records)
    times = [r["seconds"] for r in records]
    slowest = max(records, key=lambda r: r["seconds"])
    failed = [r for r in records if r["problems"]]
    problems = Counter(p for r in failed for p in r["problems"])
    lines = [
        f"mutation runs  {len(records)} (seed {args.seed}, limit {args.limit:g} s, "
        f"{args.jobs} at a time), started {started}",
        f"machine        {_machine()}",
        "outcomes       "
        + ", ".join(
            f"{_code_name(c)} ({c}): {n}"
            for c, n in sorted(codes.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))
        ),
        f"time           median {statistics.median(times):.2f} s, max {slowest['seconds']:.2f} s "
        f"(run {slowest['index']}, {slowest['kind']}, {slowest['backend']})",
        f"failures       {len(failed)}: "
        + (", ".join(f"{p}: {n}" for p, n in sorted(problems.items())) or "none"),
        f"stray stderr   {sum(bool(r['stray_lines']) for r in records)} run(s) printed lines "
        "that are not the command's own",
        "by kind        "
        + "; ".join(
            f"{kind} " + " ".join(f"{c}:{n}" for c, n in sorted(per.items(), key=str))
            for kind, per in _by_kind(records).items()
        ),
    ]
    for record in failed[:20]:
        lines.append(
            f"  FAILED run {record['index']} ({record['kind']}, {record['backend']}): "
            f"{', '.join(record['problems'])}; exit {record['code']}; {record['error'][:160]}"
        )
    return "\n".join(lines)


def _by_kind(records: list[dict[str, Any]]) -> dict[str, Counter[Any]]:
    per: dict[str, Counter[Any]] = {kind: Counter() for kind in KINDS}
    for record in records:
        per[record["kind"]][record["code"]] += 1
    return per


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--jobs", type=int, default=2, help="runs at a time")
    parser.add_argument("--limit", type=float, default=30.0, help="seconds allowed per run")
    parser.add_argument("--log", type=Path, help="write every run's record here (JSON lines)")
    parser.add_argument("--only", help="comma-separated run indexes to replay")
    parser.add_argument("--keep", type=Path, help="folder to keep the mutants and outputs in")
    return parser.parse_args()


def main() -> int:
    args = _args()
    data = SAMPLE.read_bytes()
    indexes = [int(i) for i in args.only.split(",")] if args.only else list(range(args.runs))
    started = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    log = args.log.open("w", encoding="utf-8") if args.log else None
    with tempfile.TemporaryDirectory(prefix="annuaire-mutate-") as temp:
        work = args.keep or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        records: list[dict[str, Any]] = []
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for record in pool.map(lambda i: run_one(i, args, data, work), indexes):
                records.append(record)
                if log:  # as it goes, so a long batch can be watched
                    log.write(json.dumps(record) + "\n")
                    log.flush()
                if record["problems"]:
                    print(f"FAILED {json.dumps(record)}", file=sys.stderr, flush=True)
                if len(records) % 50 == 0:
                    print(f"{len(records)}/{len(indexes)} runs", file=sys.stderr, flush=True)
    if log:
        log.close()
    print(summary(records, args, started))
    return 1 if any(r["problems"] for r in records) else 0


if __name__ == "__main__":
    sys.exit(main())
