"""Ctrl-C or SIGTERM, wherever it lands, ends a run with a true exit code and message.

Python runs a signal's handler in the main thread at its next call or loop
jump. These tests deliver one signal, through the handler in place at that
moment, at each call site of the command's own modules in turn (`sys.settrace`
with opcode events), and check every outcome: exit 130 with every earlier output
unchanged, or the run's own code with the new tables all in place; never an
exception escaping, never a temporary file left behind.
"""

from __future__ import annotations

import dis
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import pikepdf
import pytest

from conftest import ROOT, SAMPLE
from extract import launch, signals
from extract.errors import ExitCode

SRC = str(ROOT / "src" / "extract")
# The modules that decide what a run writes and how it ends; the stages they call
# are interrupted through their call sites here.
WATCHED = {"launch", "cli", "signals", "store", "output", "workers", "pipeline", "progress"}
CHECKPOINTS = {"CALL", "JUMP_BACKWARD"}  # where CPython runs pending signal handlers
OLD_REPORT = b"<!-- the report of an earlier run -->"


class Deliver:
    """A trace function that delivers `signum` at the first call or loop jump of the
    `at`-th distinct line reached (every instruction of a line is inside the same
    `try` blocks, so one per line is enough)."""

    def __init__(self, at: int, signum: int) -> None:
        self.at, self.signum = at, signum
        self.sites: set[tuple[str, int]] = set()
        self.where: tuple[str, int] | None = None

    def __call__(self, frame: FrameType, event: str, arg: Any) -> Any:
        filename = frame.f_code.co_filename
        if not filename.startswith(SRC):
            return None
        frame.f_trace_opcodes = True
        if event == "opcode" and Path(filename).stem in WATCHED:
            op = dis.opname[frame.f_code.co_code[frame.f_lasti]]
            site = (filename, frame.f_lineno)
            if op in CHECKPOINTS and site not in self.sites:
                self.sites.add(site)
                if len(self.sites) == self.at:
                    self._deliver(frame)
                    return None
        return self

    def _deliver(self, frame: FrameType) -> None:
        sys.settrace(None)
        frame.f_trace = None
        self.where = (Path(frame.f_code.co_filename).name, frame.f_lineno)
        handler = signal.getsignal(self.signum)
        if callable(handler):  # SIG_IGN: nothing happens; SIG_DFL: the kernel ends the process
            handler(self.signum, frame)


@dataclass
class Outcome:
    code: int | None
    escaped: BaseException | None
    err: str
    where: tuple[str, int] | None


@pytest.fixture(scope="module")
def small_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's first pages: a whole run takes a few hundredths of a second."""
    path = tmp_path_factory.mktemp("small") / "small.pdf"
    with pikepdf.open(SAMPLE) as src, pikepdf.new() as dst:
        dst.pages.extend(src.pages[:8])
        dst.save(path, deterministic_id=True)
    return path


@pytest.fixture
def handlers() -> Iterator[None]:
    """`annuaire` keeps its handlers to the process's end; pytest gets its own back."""
    saved = {signum: signal.getsignal(signum) for signum in signals.SIGNALS}
    yield
    for signum, handler in saved.items():
        signal.signal(signum, handler)


def _run(args: list[str], at: int, capsys: pytest.CaptureFixture[str]) -> Outcome:
    saved = {signum: signal.getsignal(signum) for signum in signals.SIGNALS}
    tracer = Deliver(at, signal.SIGTERM if at % 2 else signal.SIGINT)
    capsys.readouterr()
    code: int | None = None
    escaped: BaseException | None = None
    sys.settrace(tracer)
    try:
        code = launch.main(args)
    except BaseException as exc:  # what escapes is the finding
        escaped = exc
    finally:
        sys.settrace(None)
        for signum, handler in saved.items():
            signal.signal(signum, handler)
    return Outcome(code, escaped, capsys.readouterr().err, tracer.where)


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != ".annuaire.lock"}


def _judge_extract(outcome: Outcome, before: dict[str, bytes], after: dict[str, bytes]) -> str:
    """What is wrong with this outcome of `extract`, or ''."""
    if outcome.escaped is not None:
        return f"{outcome.escaped!r} escaped"
    if [name for name in after if name.endswith(".tmp")]:
        return "temporary files left"
    last = outcome.err.strip().splitlines()[-1] if outcome.err.strip() else ""
    if outcome.code == ExitCode.INTERRUPTED:
        if after != before:
            return "exit 130 but outputs changed"
        return "" if last == "interrupted; earlier outputs are unchanged" else f"said {last!r}"
    if outcome.code != ExitCode.OK:
        return f"exit code {outcome.code}"
    old = [n for n in after if n.endswith(".csv") and after[n].startswith(b"\xef\xbb\xbf")]
    if old or after["manifest.json"] == before["manifest.json"]:
        return f"exit 0 but {old or 'the manifest'} are the old ones"
    if after["report.html"] == OLD_REPORT and "tables written, run" not in outcome.err:
        return "old report, and the message does not say so"
    return ""


def test_a_signal_anywhere_in_extract_ends_it_cleanly(
    small_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], handlers: None
) -> None:
    base = tmp_path / "before"
    # The earlier outputs: the same file in the other CSV dialect (so every new CSV and
    # the manifest differ from their old versions) and a report marked as old. Its page
    # crops stay cached, so each run takes a few hundredths of a second.
    args = ["extract", str(small_pdf), "--out", str(base), "--csv-dialect", "excel-fr"]
    assert launch.main(args) == ExitCode.OK
    (base / "report.html").write_bytes(OLD_REPORT)
    before = _snapshot(base)
    out = tmp_path / "out"
    failures: list[str] = []
    codes: dict[str, int] = {}
    at = 0
    while True:
        at += 1
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(base, out)
        outcome = _run(["extract", str(small_pdf), "--out", str(out), "--jobs", "1"], at, capsys)
        if outcome.where is None:  # every call site has had its signal
            break
        wrong = _judge_extract(outcome, before, _snapshot(out))
        if wrong:
            failures.append(f"signal at {outcome.where}: {wrong}")
        kind = "written" if "tables written" in outcome.err else str(outcome.code)
        codes[kind] = codes.get(kind, 0) + 1
    assert not failures, "\n".join(failures)
    # Every way a run can end was reached: stopped before writing, stopped while the
    # tables were moved into place, and finished with the signal ignored.
    assert at > 150 and codes.get("130", 0) > 50 and codes.get("written", 0) > 0, codes
    assert codes.get("0", 0) > 0, codes


def test_a_signal_anywhere_in_check_gives_its_code_or_130(
    small_pdf: Path, capsys: pytest.CaptureFixture[str], handlers: None
) -> None:
    args = ["check", str(small_pdf), "--jobs", "1"]
    expected = _run(args, 0, capsys).code
    assert expected in (ExitCode.OK, ExitCode.INCONSISTENT)
    failures = []
    at = 0
    while True:
        at += 1
        outcome = _run(args, at, capsys)
        if outcome.where is None:
            break
        if outcome.escaped is not None or outcome.code not in (expected, ExitCode.INTERRUPTED):
            failures.append(f"signal at {outcome.where}: {outcome.code} {outcome.escaped!r}")
    assert not failures, "\n".join(failures)
    assert at > 50


def test_a_signal_anywhere_in_report_keeps_the_old_report_or_writes_the_new(
    small_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], handlers: None
) -> None:
    out = tmp_path / "out"
    assert launch.main(["extract", str(small_pdf), "--out", str(out), "--jobs", "1"]) == 0
    new = (out / "report.html").read_bytes()
    failures = []
    at = 0
    while True:
        at += 1
        (out / "report.html").write_bytes(OLD_REPORT)
        outcome = _run(["report", str(out)], at, capsys)
        if outcome.where is None:
            break
        report = (out / "report.html").read_bytes()
        if outcome.escaped is not None or (outcome.code, report) not in {
            (ExitCode.INTERRUPTED, OLD_REPORT),
            (ExitCode.OK, new),
        }:
            failures.append(f"signal at {outcome.where}: {outcome.code} {outcome.escaped!r}")
    assert not failures, "\n".join(failures)
    assert at > 20


def test_once_the_outcome_is_reported_the_kernel_ignores_both_signals(
    small_pdf: Path, handlers: None
) -> None:
    """The interpreter's shutdown puts the default action back on every Python handler:
    a Ctrl-C there would turn a finished run into one killed by a signal (exit -2)."""
    assert launch.main(["check", str(small_pdf), "--jobs", "1"]) in (0, ExitCode.INCONSISTENT)
    assert [signal.getsignal(s) for s in signals.SIGNALS] == [signal.SIG_IGN, signal.SIG_IGN]


# A signal that lands while a module defines a dataclass leaves through code that
# `dataclasses` runs with exec(); CPython 3.11 then marks it as unhandled even once
# caught, and `python -m` would end with SIGINT instead of exit code 130.
_EXEC_INTERRUPTED = """
import sys
import extract.workers
from extract import launch

def prestart():
    exec("raise KeyboardInterrupt")  # as from a dataclass being defined

extract.workers.prestart = prestart
sys.exit(launch.main(sys.argv[1:]))
"""


def test_an_interrupt_caught_after_exec_ends_python_m_with_130(
    small_pdf: Path, tmp_path: Path
) -> None:
    (tmp_path / "exec_interrupted.py").write_text(_EXEC_INTERRUPTED, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT / "src")])}
    args = ["extract", str(small_pdf), "--out", str(tmp_path / "out")]
    done = subprocess.run(
        [sys.executable, "-m", "exec_interrupted", *args], env=env, capture_output=True, text=True
    )
    assert (done.returncode, done.stderr) == (
        ExitCode.INTERRUPTED,
        "interrupted; earlier outputs are unchanged\n",
    )
    assert not (tmp_path / "out").exists()
