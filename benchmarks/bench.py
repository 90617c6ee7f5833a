"""Reading and pipeline speed, peak memory and multi-file scaling.

    .venv/bin/python benchmarks/bench.py [--repeat 3] [--json results.json]

Every measurement runs in a fresh interpreter (this script with --worker), so
peak memories (VmHWM) do not mix; times are medians of --repeat runs and
exclude interpreter start-up and imports (the CLI scaling runs include them).
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


def worker(kind: str, path: Path) -> dict[str, Any]:
    if kind == "pdftotext":
        import pypdfium2  # noqa: F401  (imported before the clock starts)
    else:
        import pdfplumber  # noqa: F401

        import extract.pipeline  # noqa: F401
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


def measure(kind: str, path: Path, repeat: int) -> dict[str, Any]:
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, __file__, "--worker", kind, str(path)],
            check=True,
            capture_output=True,
            text=True,
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    seconds = statistics.median(r["seconds"] for r in runs)
    pages = runs[0]["pages"]
    return {
        "seconds": seconds,
        "pages": pages,
        "pages_per_s": pages / seconds,
        "ms_per_page": 1000 * seconds / pages,
        "peak_mb": max(r["peak_mb"] for r in runs),
        "runs": [r["seconds"] for r in runs],
    }


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


def scaling(directory: Path, files: int, repeat: int) -> dict[str, Any]:
    batch = directory / "batch"
    batch.mkdir()
    paths = []
    for number in range(files):
        paths.append(batch / f"annuaire-2021-{number}.pdf")
        shutil.copy(SAMPLE, paths[-1])
    times: dict[int, float] = {}
    for jobs in (1, 2):
        runs = []
        for attempt in range(repeat):
            out = directory / f"out-{jobs}-{attempt}"
            command = [sys.executable, "-m", "extract", "extract", *map(str, paths)]
            start = time.perf_counter()
            subprocess.run(
                [*command, "--out", str(out), "--jobs", str(jobs)],
                check=True,
                capture_output=True,
                cwd=ROOT,
            )
            runs.append(time.perf_counter() - start)
        times[jobs] = statistics.median(runs)
    return {
        "files": files,
        "jobs1_s": times[1],
        "jobs2_s": times[2],
        "speedup": times[1] / times[2],
    }


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
        bare, plumb, pdfium = (by_kind[k] for k in KINDS[:3])
        print(
            f"{name}: pipeline(pdfplumber)/bare pdfplumber = "
            f"{plumb['seconds'] / bare['seconds']:.2f}x   "
            f"pipeline pdfplumber/pdfium = {plumb['seconds'] / pdfium['seconds']:.1f}x"
        )
    names = list(results["files"])
    for kind in KINDS[1:3]:
        small, big = (results["files"][n][kind]["ms_per_page"] for n in names)
        print(
            f"ms/page {kind}: {names[0]} {small:.1f} -> {names[1]} {big:.1f} ({big / small:.2f}x)"
        )
    scale = results["scaling"]
    print(
        f"CLI, {scale['files']} copies of the sample: --jobs 1 {scale['jobs1_s']:.2f} s, "
        f"--jobs 2 {scale['jobs2_s']:.2f} s, speed-up {scale['speedup']:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=11, help="sample copies in the big file")
    parser.add_argument("--files", type=int, default=6, help="files in the --jobs batch")
    parser.add_argument("--json", type=Path, help="also save the results here")
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "PDF"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker[0], Path(args.worker[1]))))
        return
    results: dict[str, Any] = {"machine": machine(), "repeat": args.repeat, "files": {}}
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        big = big_file(directory, args.copies)
        for name, path in (("sample", SAMPLE), (f"x{args.copies}", big)):
            by_kind: dict[str, Any] = {}
            for kind in KINDS:
                if kind == "pdftotext" and not shutil.which("pdftotext"):
                    by_kind[kind] = None
                    continue
                by_kind[kind] = measure(kind, path, args.repeat)
            results["files"][name] = by_kind
        results["scaling"] = scaling(directory, args.files, args.repeat)
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
