"""Killing a run in the middle of writing leaves the previous outputs whole."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT
from extract.cli import main
from extract.errors import ExitCode
from extract.progress import Progress
from extract.store import WrittenThenInterrupted, read_table, write_files

# A child that writes three files slowly, so that it can be stopped mid-write:
# the mapping sleeps before handing over each file's bytes.
WRITER = """
import sys, time
from collections.abc import Mapping
from pathlib import Path
from extract import signals
from extract.store import write_files
import signal

class Slow(Mapping):
    def __init__(self, files): self.files = files
    def __getitem__(self, key): return self.files[key]
    def __iter__(self): return iter(self.files)
    def __len__(self): return len(self.files)
    def items(self):
        for key, value in self.files.items():
            print("writing", key, flush=True)
            time.sleep(0.6)
            yield key, value

signals.install({})
out = Path(sys.argv[1])
files = {f"t{i}.csv": f"new {i}\\n".encode() * 1000 for i in range(3)}
try:
    write_files(out, Slow(files))
except KeyboardInterrupt:
    sys.exit(130)
"""


def test_sigterm_while_writing_keeps_old_files_and_no_temporaries(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"t{i}.csv").write_bytes(f"old {i}\n".encode())
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE, env=env, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().startswith("writing t0")
    assert child.stdout.readline().startswith("writing t1")  # t0 is on disk, as a temporary
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=30) == 130
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert after == before


def test_progress_bar_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    quiet, loud = io.StringIO(), Tty()
    for stream in (quiet, loud):
        bar = Progress(3, stream)
        for name in ("a.pdf", "b.pdf", "c.pdf"):
            bar.step(name)
            time.sleep(0)
        bar.close()
    assert quiet.getvalue() == ""
    assert "3/3" in loud.getvalue() and "c.pdf" in loud.getvalue()


def _signal_during_moves(monkeypatch: pytest.MonkeyPatch, signum: int) -> None:
    """Send `signum` to this process while write_files moves its first file into place."""
    replace = Path.replace
    sent: list[int] = []

    def replace_and_signal(self: Path, target: Path) -> Path:
        if not sent:
            sent.append(signum)
            signal.raise_signal(signum)  # held: write_files blocks it while moving
        return replace(self, target)

    monkeypatch.setattr(Path, "replace", replace_and_signal)


@pytest.fixture
def usual_sigint() -> Iterator[None]:
    """The interpreter's own Ctrl-C handler for the test. A shell that starts a
    command in the background hands it SIGINT ignored, and a signal ignored before
    the moves stays ignored during them (as it should): such a run of the suite
    failed this test while CI's passed."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def test_a_signal_held_during_the_moves_says_the_files_were_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, usual_sigint: None
) -> None:
    _signal_during_moves(monkeypatch, signal.SIGINT)
    files = {f"t{i}.csv": f"new {i}\n".encode() for i in range(3)}
    with pytest.raises(WrittenThenInterrupted):
        write_files(tmp_path, files)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == files


def test_sigterm_as_the_tables_land_is_not_reported_as_outputs_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    _signal_during_moves(monkeypatch, signal.SIGTERM)
    code = main(["extract", str(ROOT / "data" / "raw" / "annuaire-2021.pdf"), "--out", str(out)])
    assert code == ExitCode.OK
    assert "interrupted; tables written" in capsys.readouterr().err
    assert read_table(out, "laureates").num_rows == 25
    assert not (out / "report.html").exists()  # the interrupt only skipped the report
