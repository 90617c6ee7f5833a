"""Reading and pipeline speed, peak memory and multi-file scaling.

    .venv/bin/python benchmarks/bench.py [--repeat 3] [--json results.json]

Every measurement runs in a fresh interpreter (this script with --worker), so
peak memories (VmHWM) do not mix. Times exclude interpreter start-up and
imports (the workers' pool included), except the command-line runs, which
are timed end to end. Machines here are shared and their speed drifts, so
the kinds are measured in turn within each repeat, and each ratio is the
median of the ratios of one repeat.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw" / "annuaire-2021.pdf"
KINDS = ("bare-pdfplumber", "pipeline-pdfplumber", "pipeline-pdfium", "pdftotext")


# --- worker side: one measurement, printed as JSON -------------------------------------------


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bare(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.close()
        return len(pdf.pages)


def _pipeline(path: Path, backend: str) -> int:
    from extract.pipeline import Options, extract_pdf

    return extract_pdf(path, Options(backend=backend, jobs=1)).edition.pages


def _pdftotext(path: Path) -> tuple[int, float]:
    import pypdfium2

    subprocess.run(["pdftotext", "-layout", str(path), os.devnull], check=True)
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return len(pypdfium2.PdfDocument(path)), child


def _import_everything() -> None:
    """What a run imports, before the clock starts: the pipeline imports its readers and
    scipy lazily, and pyarrow imports pandas on its first conversion of rows. Not
    `extract.warm`: loading the official geography is work a run does, so the clock
    counts it (the command line does it in the forkserver, beside its own imports)."""
    import importlib

    import pdfplumber  # noqa: F401

    from extract.workers import PRELOAD

    for module in PRELOAD:
        if module != "extract.warm":
            importlib.import_module(module)


def _many(paths: list[Path], jobs: int) -> float:
    from extract.pipeline import Failure, Options, extract_many

    start = time.perf_counter()
    outcomes = extract_many(paths, Options(jobs=jobs))
    seconds = time.perf_counter() - start
    failed = [o for o in outcomes if isinstance(o, Failure)]
    if failed:
        raise SystemExit(f"benchmark batch failed: {failed[0].error}")
    return seconds


def scaling_worker(paths: list[Path], repeat: int) -> dict[str, Any]:
    """extract_many with 1 and 2 jobs, in turn, after the pool has started."""
    _import_everything()
    _many(paths[:1], 1)  # starts the forkserver and waits for its imports
    runs: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(repeat):
        for jobs in (1, 2):
            runs[jobs].append(_many(paths, jobs))
    return {"runs": runs}


def worker(kind: str, path: Path) -> dict[str, Any]:
    if kind == "pdftotext":
        import pypdfium2  # noqa: F401  (imported before the clock starts)
    else:
        _import_everything()
    start = time.perf_counter()
    peak = None
    if kind == "bare-pdfplumber":
        pages = _bare(path)
    elif kind == "pdftotext":
        pages, peak = _pdftotext(path)
    else:
        pages = _pipeline(path, kind.removeprefix("pipeline-"))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "pages": pages, "peak_mb": peak if peak else _peak_mb()}


# --- driver side -------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    model = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "cpu_model": model,
    }


def _run_worker(kind: str, path: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", kind, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def measure_file(path: Path, kinds: list[str], repeat: int) -> dict[str, Any]:
    """Each kind once per repeat, in turn, so that drift hits them alike."""
    runs: dict[str, list[dict[str, Any]]] = {kind: [] for kind in kinds}
    for _ in range(repeat):
        for kind in kinds:
            runs[kind].append(_run_worker(kind, path))
    by_kind: dict[str, Any] = {}
    for kind, results in runs.items():
        seconds = statistics.median(r["seconds"] for r in results)
        pages = results[0]["pages"]
        by_kind[kind] = {
            "seconds": seconds,
            "pages": pages,
            "pages_per_s": pages / seconds,
            "ms_per_page": 1000 * seconds / pages,
            "peak_mb": max(r["peak_mb"] for r in results),
            "runs": [r["seconds"] for r in results],
        }
    return by_kind


def paired_ratio(by_kind: dict[str, Any], slow: str, fast: str) -> float:
    """Median over repeats of slow/fast, each pair measured back to back."""
    pairs = zip(by_kind[slow]["runs"], by_kind[fast]["runs"], strict=True)
    return statistics.median(a / b for a, b in pairs)


def big_file(directory: Path, copies: int) -> Path:
    """The sample's pages `copies` times over: a long directory the pipeline still parses."""
    import pypdfium2

    source = pypdfium2.PdfDocument(SAMPLE)
    target = pypdfium2.PdfDocument.new()
    for _ in range(copies):
        target.import_pages(source)
    path = directory / f"annuaire-2021-x{copies}.pdf"
    target.save(path)
    target.close()
    source.close()
    return path


def _spin(_: int) -> int:
    total = 0
    for i in range(5_000_000):
        total += i
    return total


def ceiling(repeat: int) -> float:
    """What two processes can give on this machine: a pure-Python loop, 1 then 2 at a time.

    Virtual cores are often hyperthreads or shared: this is the bound for the
    --jobs figures below.
    """
    import multiprocessing

    ratios = []
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_spin, range(2))  # started and warm
        for _ in range(repeat):
            start = time.perf_counter()
            for n in range(4):
                _spin(n)
            one = time.perf_counter() - start
            start = time.perf_counter()
            pool.map(_spin, range(4), chunksize=1)
            ratios.append(one / (time.perf_counter() - start))
    return statistics.median(ratios)


def batch(directory: Path, files: int) -> list[Path]:
    """A batch of distinct editions: the 2021 sample and generated directories of other years.

    Copies of one PDF would be one edition: the outputs keep the last, and the
    report renders its crops once, which is not what a batch of years costs.
    """
    sys.path.insert(0, str(ROOT / "tests"))
    from gen import make_directory  # the test suite's generator (reportlab)

    folder = directory / "batch"
    folder.mkdir()
    paths = [folder / SAMPLE.name]
    shutil.copy(SAMPLE, paths[0])
    years = {2021}
    seed = 0
    while len(paths) < files:
        path = folder / f"generated-{seed}.pdf"
        truth = make_directory(path, seed)
        seed += 1
        if truth.edition_year in years:
            path.unlink()
            continue
        years.add(truth.edition_year)
        paths.append(path)
    return paths


def scaling(directory: Path, paths: list[Path], repeat: int) -> dict[str, Any]:
    """--jobs 1 against --jobs 2: extract_many in one process, and the CLI end to end."""
    out = subprocess.run(
        [sys.executable, __file__, "--scaling", str(repeat), *map(str, paths)],
        check=True,
        capture_output=True,
        text=True,
    )
    raw = json.loads(out.stdout.strip().splitlines()[-1])["runs"]
    inner = {int(jobs): runs for jobs, runs in raw.items()}  # JSON keys are strings
    cli: dict[int, list[float]] = {1: [], 2: []}
    for attempt in range(repeat):
        for jobs in (1, 2):
            target = directory / f"out-{jobs}-{attempt}"
            command = [sys.executable, "-m", "extract", "extract", *map(str, paths)]
            start = time.perf_counter()
            subprocess.run(
                [*command, "--out", str(target), "--jobs", str(jobs)],
                check=True,
                capture_output=True,
                cwd=ROOT,
            )
            cli[jobs].append(time.perf_counter() - start)
    pages = 0
    import pypdfium2

    for path in paths:
        pdf = pypdfium2.PdfDocument(path)
        pages += len(pdf)
        pdf.close()

    def summary(runs: dict[int, list[float]]) -> dict[str, float]:
        one, two = runs[1], runs[2]
        return {
            "jobs1_s": statistics.median(one),
            "jobs2_s": statistics.median(two),
            "speedup": statistics.median(a / b for a, b in zip(one, two, strict=True)),
        }

    return {"files": len(paths), "pages": pages, "many": summary(inner), "cli": summary(cli)}


def command(path: Path, directory: Path, repeat: int) -> float:
    """One file through the whole command, as a user runs it: a fresh process, its
    start-up, imports and worker pool, the report's crops; the median of `repeat`."""
    runs = []
    for attempt in range(repeat):
        target = directory / f"command-{path.stem}-{attempt}"
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "extract", "extract", str(path), "--out", str(target)],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def _row(name: str, kind: str, result: dict[str, Any] | None) -> str:
    if result is None:
        return f"{name:<10} {kind:<22} not installed"
    return (
        f"{name:<10} {kind:<22} {result['pages']:>5} {result['seconds']:>9.2f} "
        f"{result['pages_per_s']:>8.1f} {result['ms_per_page']:>8.1f} {result['peak_mb']:>8.0f}"
    )


def report(results: dict[str, Any]) -> None:
    info = results["machine"]
    print(f"date     {info['date']}")
    print(f"machine  {info['platform']}, Python {info['python']}")
    print(f"cpu      {info['cpu_model']} x {info['cpus']}   repeats {results['repeat']}")
    print()
    print(
        f"{'file':<10} {'measure':<22} {'pages':>5} {'s(med)':>9} {'pages/s':>8} "
        f"{'ms/page':>8} {'peak MB':>8}"
    )
    for name, by_kind in results["files"].items():
        for kind in KINDS:
            print(_row(name, kind, by_kind.get(kind)))
    print()
    for name, by_kind in results["files"].items():
        native = ""
        if by_kind.get("pdftotext"):
            native = (
                "   pipeline pdfium/pdftotext = "
                f"{paired_ratio(by_kind, 'pipeline-pdfium', 'pdftotext'):.1f}x"
            )
        print(
            f"{name}: pipeline(pdfplumber)/bare pdfplumber = "
            f"{paired_ratio(by_kind, 'pipeline-pdfplumber', 'bare-pdfplumber'):.2f}x   "
            f"pipeline pdfplumber/pdfium = "
            f"{paired_ratio(by_kind, 'pipeline-pdfplumber', 'pipeline-pdfium'):.1f}x{native}"
        )
    names = list(results["files"])
    for kind in KINDS[1:3]:
        small, big = (results["files"][n][kind]["ms_per_page"] for n in names)
        print(
            f"ms/page {kind}: {names[0]} {small:.1f} -> {names[1]} {big:.1f} ({big / small:.2f}x)"
        )
    scale = results["scaling"]
    whole = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in results["command"].items())
    print(f"whole command, one file (annuaire extract FILE, start-up included): {whole}")
    print(f"2 processes of a Python loop against 1 (this machine's bound): {scale['ceiling']:.2f}x")
    head = f"{scale['files']} editions, {scale['pages']} pages"
    for label, key in (("extract_many", "many"), ("CLI end to end", "cli")):
        row = scale[key]
        print(
            f"{label}, {head}: --jobs 1 {row['jobs1_s']:.2f} s, "
            f"--jobs 2 {row['jobs2_s']:.2f} s, speed-up {row['speedup']:.2f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=11, help="sample copies in the big file")
    parser.add_argument("--files", type=int, default=12, help="editions in the --jobs batch")
    parser.add_argument("--json", type=Path, help="also save the results here")
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "PDF"), help=argparse.SUPPRESS)
    parser.add_argument("--scaling", nargs="+", metavar="ARG", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker[0], Path(args.worker[1]))))
        return
    if args.scaling:
        repeat, *paths = args.scaling
        print(json.dumps(scaling_worker([Path(p) for p in paths], int(repeat))))
        return
    results: dict[str, Any] = {"machine": machine(), "repeat": args.repeat, "files": {}}
    kinds = [k for k in KINDS if k != "pdftotext" or shutil.which("pdftotext")]
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        big = big_file(directory, args.copies)
        for name, path in (("sample", SAMPLE), (f"x{args.copies}", big)):
            by_kind: dict[str, Any] = dict.fromkeys(KINDS)
            by_kind.update(measure_file(path, kinds, args.repeat))
            results["files"][name] = by_kind
            results.setdefault("command", {})[name] = command(path, directory, args.repeat)
        results["scaling"] = scaling(directory, batch(directory, args.files), args.repeat)
        results["scaling"]["ceiling"] = ceiling(args.repeat)
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
