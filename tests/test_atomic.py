"""Killing a run in the middle of writing leaves the previous outputs whole."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT
from extract.progress import Progress

# A child that writes three files slowly, so that it can be stopped mid-write:
# the mapping sleeps before handing over each file's bytes.
WRITER = """
import sys, time
from collections.abc import Mapping
from pathlib import Path
from extract.cli import _terminate
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

signal.signal(signal.SIGTERM, _terminate)
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
