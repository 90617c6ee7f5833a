"""What a run does before and around its files: lazy imports, the early pool, crops in workers.

None of this is timed here (benchmarks/bench.py measures); these tests pin the
structure the timings rest on, so that a change which undoes it fails.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import extract.report.crops as crops_module
from extract.cli import extract_with_crops, main
from extract.errors import ExitCode
from extract.pipeline import Options
from extract.report.cache import CACHE_NAME
from extract.store import read_table

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw" / "annuaire-2021.pdf"
HEAVY = ("scipy", "pdfplumber", "pdfminer", "extract.read.pdfium", "pandas")


def test_the_command_line_imports_no_reader() -> None:
    """The parent process only writes outputs: readers load in the workers' forkserver."""
    code = "import sys, extract.cli; print(sorted(m for m in {} if m in sys.modules))"
    found = subprocess.run(
        [sys.executable, "-c", code.format(HEAVY)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.strip()
    assert found == "[]"


_POOL_AFTER = """
import contextlib, sys
from multiprocessing import forkserver
from extract import launch
with contextlib.redirect_stdout(None), contextlib.redirect_stderr(None):
    with contextlib.suppress(SystemExit):
        launch.main(sys.argv[1:])
print(forkserver._forkserver._forkserver_pid is not None)
"""


@pytest.mark.parametrize(
    ("argv", "started"),
    [
        (["extract", "--help"], False),
        (["report", "nowhere"], False),
        (["extract", "missing.pdf", "--out", "nowhere"], True),
        (["check", "missing.pdf"], True),
    ],
)
def test_the_pool_starts_before_the_imports_only_when_files_are_read(
    argv: list[str], started: bool
) -> None:
    run = subprocess.run(
        [sys.executable, "-c", _POOL_AFTER, *argv],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.stdout.strip() == str(started)


def _geography_already_loaded(_: Path) -> int:
    from extract.geography import reference

    return reference.cache_info().currsize


def test_workers_inherit_the_official_geography() -> None:
    """Each file's worker finds the geography loaded by the forkserver: read per
    file, it cost 0.2 s a file."""
    from extract.workers import Limits, run_isolated

    outcomes = run_isolated([SAMPLE, SAMPLE], _geography_already_loaded, 2, Limits(60, 2048))
    assert outcomes == [("ok", 1), ("ok", 1)]


def test_module_entry_point_runs_an_extraction(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-m", "extract", "extract", str(SAMPLE), "--out", str(out), "--jobs", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == ExitCode.OK, run.stderr
    assert read_table(out, "laureates").num_rows == 25


def test_workers_render_the_crops_the_report_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parent never renders: with rendering broken in it, the report still has its crops."""

    def broken(*_: object) -> bytes:
        raise AssertionError("the parent process rendered a crop")

    monkeypatch.setattr(crops_module, "render_crop", broken)
    out = tmp_path / "out"
    assert main(["extract", str(SAMPLE), "--out", str(out), "--jobs", "1"]) == ExitCode.OK
    sha256 = read_table(out, "editions").to_pylist()[0]["source_sha256"]
    expected = {
        crops_module.member_name(sha256, crops_module.Box.of(e))
        for row in read_table(out, "inconsistencies").to_pylist()
        for e in row["evidence"] or []
    }
    with zipfile.ZipFile(out / CACHE_NAME) as archive:
        names = archive.namelist()
    assert expected and set(names) == expected
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "source PDF not available" not in html
    assert html.count("data:image/png;base64,") == len(names)


def test_cached_crops_are_not_rendered_again() -> None:
    options = Options(jobs=1)
    first = extract_with_crops(SAMPLE, options, frozenset())
    assert first.crops
    again = extract_with_crops(SAMPLE, options, frozenset(first.crops))
    assert again.crops == {}


def test_a_worker_whose_parent_stopped_listening_ends_quietly() -> None:
    """An interrupted run closes its end of the pipe; the worker must not print a traceback."""
    from extract.workers import _child, _context

    ctx = _context()
    listening, sending = ctx.Pipe(duplex=False)
    listening.close()
    worker = ctx.Process(target=_child, args=(sending, str, SAMPLE, 1024))
    worker.start()
    sending.close()
    worker.join(timeout=60)
    assert worker.exitcode == 0
