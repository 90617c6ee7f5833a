"""Command line: arguments in, exit codes out; no parsing rules live here.

Stdout carries data (the `check` table); stderr carries progress, summaries
and errors, one line each. Errors are mapped to exit codes in one handler.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from extract import __version__, checkview, signals, store
from extract.errors import AnnuaireError, ExitCode
from extract.inputs import expand
from extract.output import NAME as MANIFEST_NAME
from extract.output import latest_per_edition, write_outputs
from extract.pipeline import Failure, Options, Result, extract_many, extract_opened
from extract.progress import Progress
from extract.read import BACKENDS, open_pdf
from extract.report import REPORT_NAME, build_report
from extract.report.cache import CropCache
from extract.report.crops import prerender
from extract.store import CSV_DIALECTS, ensure_writable

DESCRIPTION = (
    "Extract the « Label Territoire Innovant » directory (annuaire) from its PDF "
    "into Parquet and CSV tables, and check it for inconsistencies."
)
EXIT_CODES_HELP = "exit codes: " + ", ".join(f"{c.value} {c.name.lower()}" for c in ExitCode)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "pdfs",
        nargs="+",
        type=Path,
        metavar="PDF",
        help="directory PDF files, or folders: each stands for the *.pdf files in it, sorted",
    )
    parser.add_argument(
        "--recursive", action="store_true", help="search the folders given in their subfolders too"
    )
    parser.add_argument(
        "--backend",
        choices=sorted(BACKENDS),
        default="pdfium",
        help="reading library (default: pdfium, the fastest; both give the same records)",
    )
    parser.add_argument("--password", help="password of an encrypted PDF")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="parallel processes (default: cores)"
    )
    parser.add_argument(
        "--timeout", type=float, default=300.0, help="seconds allowed per file (default: 300)"
    )
    parser.add_argument(
        "--max-memory",
        type=int,
        default=4096,
        metavar="MB",
        help="address space allowed per file, in MB (default: 4096)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="tracebacks on errors")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annuaire", description=DESCRIPTION, epilog=EXIT_CODES_HELP
    )
    parser.add_argument("--version", action="version", version=f"annuaire {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    extract = commands.add_parser(
        "extract",
        help="extract PDFs into an output folder",
        description="Extract each PDF and merge its edition into the dataset in --out.",
        epilog=EXIT_CODES_HELP,
    )
    _common(extract)
    extract.add_argument("--out", type=Path, default=Path("data/out"), help="output folder")
    extract.add_argument(
        "--csv-dialect",
        choices=sorted(CSV_DIALECTS),
        default="plain",
        help="plain: comma, UTF-8; excel-fr: semicolon, UTF-8 with BOM",
    )
    check = commands.add_parser(
        "check",
        help="list a directory's inconsistencies; exit 1 if any is an error",
        description=(
            "Extract each PDF (writing nothing) and print its inconsistencies grouped by "
            "severity. Exit code 1 when any error-severity inconsistency exists."
        ),
        epilog=EXIT_CODES_HELP,
    )
    _common(check)
    check.add_argument(
        "--min-severity",
        choices=("error", "warning", "info"),
        default="info",
        help="hide what is less severe (default: show everything)",
    )
    report = commands.add_parser(
        "report",
        help="rebuild report.html in an output folder",
        description=(
            "Rebuild DIR/report.html from the tables and manifest in DIR, reusing the page "
            "crops cached in DIR/.report-crops.zip (the PDFs are only read for missing crops)."
        ),
        epilog=EXIT_CODES_HELP,
    )
    report.add_argument("dir", type=Path, metavar="DIR", help="output folder of annuaire extract")
    report.add_argument(
        "--password", help="password of an encrypted PDF, for crops not in the cache"
    )
    report.add_argument("-v", "--verbose", action="store_true", help="tracebacks on errors")
    return parser


def _summary_line(result: Result) -> str:
    edition = result.edition
    return (
        f"{Path(result.path).name}: edition {edition.year}, "
        f"{len(edition.laureates)} laureates, {len(edition.summary_entries)} summary entries, "
        f"{len(edition.categories)} categories, {result.seconds:.2f} s"
    )


def _options(args: argparse.Namespace) -> Options:
    return Options(
        backend=args.backend,
        password=args.password,
        jobs=args.jobs,
        csv_dialect=getattr(args, "csv_dialect", "plain"),
        timeout=args.timeout,
        max_memory_mb=args.max_memory,
    )


def extract_with_crops(path: Path, options: Options, cached: frozenset[str]) -> Result:
    """Extract one file and render its report crops, in the worker that read it.

    Both use the one `PdfFile` opened here, so the crops see the bytes that were
    read, unlocked by the same password.
    """
    pdf = open_pdf(path, options.password)
    result = extract_opened(pdf, options)
    evidence = [
        box for row in result.tables["inconsistencies"].to_pylist() for box in row["evidence"] or []
    ]
    crops = prerender(pdf, evidence, cached)
    return dataclasses.replace(result, crops=crops)


def _extract_all(
    args: argparse.Namespace, options: Options, job: Callable[[Path], Result] | None = None
) -> list[Result | Failure]:
    """Every input's outcome in the order given; a folder gives one per PDF it holds."""
    inputs = expand(args.pdfs, args.recursive)
    paths = [given for given in inputs if isinstance(given, Path)]
    progress = Progress(len(paths), sys.stderr)

    def done(_: int, outcome: Result | Failure) -> None:
        progress.step(Path(outcome.path).name)

    read = iter(extract_many(paths, options, done, job))
    progress.close()
    return [next(read) if isinstance(i, Path) else Failure(i.path, i) for i in inputs]


def _exit_code(outcomes: Sequence[Result | Failure]) -> int:
    failures = [o for o in outcomes if isinstance(o, Failure)]
    for failure in failures:
        print(f"error: {failure.error}", file=sys.stderr)
    if not failures:
        return ExitCode.OK
    if len(outcomes) == 1:
        return failures[0].error.exit_code
    print(f"{len(failures)} of {len(outcomes)} file(s) failed", file=sys.stderr)
    return ExitCode.SOME_FILES_FAILED


def _run_extract(args: argparse.Namespace) -> int:
    options = _options(args)
    ensure_writable(args.out)
    cached = CropCache.names(args.out)
    outcomes = _extract_all(
        args, options, partial(extract_with_crops, options=options, cached=cached)
    )
    results = [o for o in outcomes if isinstance(o, Result)]
    for result in results:
        print(_summary_line(result), file=sys.stderr)
    kept = latest_per_edition(results)
    for result in results:
        if result not in kept:
            print(
                f"warning: {result.path}: another file of the same run is also edition "
                f"{result.edition.year}; the later one was kept",
                file=sys.stderr,
            )
    if not results:
        return _exit_code(outcomes)
    args.outcomes = outcomes  # for `_interrupted`, should a signal land once they are written
    write_outputs(args.out, outcomes, options)
    signals.ignore()  # the tables are in place: what follows cannot change the outcome
    print(f"wrote {len(kept)} edition(s) to {args.out}", file=sys.stderr)
    _write_report(args.out, {k: v for r in kept for k, v in r.crops.items()}, options.password)
    return _exit_code(outcomes)


def _write_report(
    out: Path, crops: Mapping[str, bytes] | None = None, password: str | None = None
) -> None:
    """The report is a by-product of extract: its failure must not change the exit code.

    It runs once the tables are in place, with interrupts ignored (`signals.ignore`).
    """
    try:
        _report_written(build_report(out, crops or {}, password))
    except AnnuaireError as error:
        print(f"warning: report not written: {error}", file=sys.stderr)


def _report_written(path: Path) -> None:
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


def _run_report(args: argparse.Namespace) -> int:
    _report_written(build_report(args.dir, password=args.password))
    return ExitCode.OK


def _run_check(args: argparse.Namespace) -> int:
    outcomes = _extract_all(args, _options(args))
    any_error = False
    for outcome in outcomes:
        if isinstance(outcome, Result):
            rec = outcome.reconciliation
            any_error = any_error or rec.count("error") > 0
            sys.stdout.write(
                checkview.render(
                    outcome.path, outcome.edition.year, rec.inconsistencies, args.min_severity
                )
            )
    code = _exit_code(outcomes)
    if code == ExitCode.OK and any_error:
        return ExitCode.INCONSISTENT
    return code


COMMANDS = {"extract": _run_extract, "check": _run_check, "report": _run_report}


@dataclass
class _Run:
    """What an interrupt needs to report the run's true state."""

    written: int  # how many files `store.written()` listed as the run began
    args: argparse.Namespace | None = None


def main(argv: Sequence[str] | None = None, restore_signals: bool = True) -> int:
    """Run one command and return its exit code; Ctrl-C and SIGTERM end it with 130.

    `restore_signals=False` (the `annuaire` process itself) keeps the run's
    signal handler to the end, so no signal finds another one between the
    outcome and the exit.
    """
    run = _Run(len(store.written()))
    previous: dict[int, Any] = {}
    try:
        signals.install(previous)
        return _main(argv, run)
    except KeyboardInterrupt:  # wherever it landed: `_interrupted` tells what was written
        return _interrupted(run)
    finally:
        if restore_signals:
            signals.restore(previous)


def _main(argv: Sequence[str] | None, run: _Run) -> int:
    parser = build_parser()
    run.args = args = parser.parse_args(argv)
    try:
        options_error = _validate(args)
        if options_error:
            parser.error(options_error)
        code = COMMANDS[args.command](args)
    except AnnuaireError as error:
        if args.verbose:
            traceback.print_exc()
        print(f"error: {error}", file=sys.stderr)
        code = error.exit_code
    signals.ignore()  # the outcome is decided
    return code


def _interrupted(run: _Run) -> int:
    """Exit code and message of a run stopped by Ctrl-C or SIGTERM, from what it wrote."""
    written = set(store.written()[run.written :])
    args = run.args
    if args is not None and args.command == "extract" and MANIFEST_NAME in written:
        # The tables landed: the run keeps its own code; only the report is missing.
        hint = f"run `annuaire report {args.out}` for the report"
        print(f"interrupted; tables written, {hint}", file=sys.stderr)
        return _exit_code(args.outcomes)
    if args is not None and args.command == "report" and REPORT_NAME in written:
        print(f"interrupted; {args.dir / REPORT_NAME} written", file=sys.stderr)
        return ExitCode.OK
    print("interrupted; earlier outputs are unchanged", file=sys.stderr)
    return ExitCode.INTERRUPTED


def _validate(args: argparse.Namespace) -> str:
    if args.command == "report":
        return ""
    if args.jobs < 1:
        return "--jobs must be at least 1"
    if args.timeout <= 0:
        return "--timeout must be positive"
    if args.max_memory < 256:
        return "--max-memory must be at least 256 (MB)"
    return ""


if __name__ == "__main__":
    sys.exit(main())
