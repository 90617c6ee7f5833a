"""One child process per file, with a time and a memory limit.

A PDF can make a parser loop or swallow memory. Each file is therefore read
in its own process (started from a forkserver that has the pipeline already
imported, so starting one is cheap), with an address-space limit set inside
it and a deadline enforced from outside; a file that breaks either is
reported and the run goes on.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import signal
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing import forkserver
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from extract.errors import AnnuaireError, InternalError, ResourceLimitError

_CONTEXT: Any = None
_REPORT = "please report it with the file and the output of -v"


# What the forkserver imports once, so that each child starts with it loaded: the
# pipeline, its lazily imported readers (see read/api.py), the crop renderer the
# command line runs in the children, and the official geography (see warm.py).
PRELOAD = [
    "extract.pipeline",
    "extract.read.plumber",
    "extract.read.pdfium",
    "scipy.optimize",
    "extract.report.crops",
    "pandas",  # pyarrow imports it on its first conversion of Python rows
    "extract.warm",
]


def _context() -> Any:
    global _CONTEXT
    if _CONTEXT is None:
        _CONTEXT = mp.get_context("forkserver")
        _CONTEXT.set_forkserver_preload(PRELOAD)
    return _CONTEXT


def prestart() -> None:
    """Start the forkserver now, so its imports overlap the caller's own."""
    _context()
    forkserver.ensure_running()


@dataclass(frozen=True)
class Limits:
    seconds: float
    memory_mb: int


def _child(conn: Connection, job: Callable[[Path], Any], path: Path, memory_mb: int) -> None:
    # Ctrl-C reaches the whole process group: the parent handles it and ends the children.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        outcome: Any = ("ok", job(path))
    except MemoryError:
        outcome = ("error", _too_big(path, memory_mb))
    except AnnuaireError as error:
        outcome = ("error", error)
    except Exception as exc:  # a bug: reported as such, the batch goes on
        detail = "".join(traceback.format_exception_only(exc)).strip()
        outcome = ("error", InternalError(str(path), f"unexpected error ({detail})", _REPORT))
    try:
        conn.send(outcome)
    except OSError:  # the parent was interrupted and stopped listening: nothing to report
        pass
    finally:
        conn.close()


def _too_big(path: Path, memory_mb: int) -> ResourceLimitError:
    return ResourceLimitError(
        str(path),
        f"reading it needed more than {memory_mb} MB of memory",
        "raise --max-memory if the file is genuine",
    )


def _too_slow(path: Path, seconds: float) -> ResourceLimitError:
    return ResourceLimitError(
        str(path),
        f"reading it took longer than {seconds:g} s and was stopped",
        "raise --timeout if the file is genuine",
    )


def _died(path: Path, exitcode: int | None) -> ResourceLimitError:
    return ResourceLimitError(
        str(path),
        f"the process reading it ended unexpectedly (exit code {exitcode})",
        "run again with --jobs 1 -v; from Python, call extract_many under "
        "`if __name__ == '__main__':`",
    )


@dataclass
class _Running:
    index: int
    path: Path
    process: BaseProcess
    conn: Connection
    deadline: float


def _start(index: int, path: Path, job: Callable[[Path], Any], limits: Limits) -> _Running:
    ctx = _context()
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(child, job, path, limits.memory_mb), daemon=True)
    process.start()
    child.close()
    return _Running(index, path, process, parent, time.monotonic() + limits.seconds)


def _collect(run: _Running, limits: Limits) -> Any:
    """The outcome a finished (or overdue) child gives, as ("ok"|"error", value)."""
    try:
        if run.conn.poll():
            return run.conn.recv()
    except (EOFError, OSError):
        pass
    if time.monotonic() >= run.deadline:
        return ("error", _too_slow(run.path, limits.seconds))
    run.process.join()
    if run.process.exitcode == -signal.SIGKILL:  # the kernel's answer to memory exhaustion
        return ("error", _too_big(run.path, limits.memory_mb))
    return ("error", _died(run.path, run.process.exitcode))


def _finish(run: _Running) -> None:
    if run.process.is_alive():
        run.process.kill()
    run.process.join()
    run.conn.close()


def run_isolated(
    paths: Sequence[Path],
    job: Callable[[Path], Any],
    jobs: int,
    limits: Limits,
    on_done: Callable[[int, Any], None] | None = None,
) -> list[tuple[str, Any]]:
    """Every file's ("ok", value) or ("error", AnnuaireError), in input order."""
    outcomes: list[Any] = [None] * len(paths)
    queue = list(enumerate(paths))
    running: list[_Running] = []
    try:
        while queue or running:
            while queue and len(running) < jobs:
                index, path = queue.pop(0)
                running.append(_start(index, path, job, limits))
            timeout = max(0.0, min(r.deadline for r in running) - time.monotonic())
            ready = wait([r.conn for r in running] + [r.process.sentinel for r in running], timeout)
            now = time.monotonic()
            for run in list(running):
                if run.conn in ready or run.process.sentinel in ready or now >= run.deadline:
                    outcomes[run.index] = _collect(run, limits)
                    _finish(run)
                    running.remove(run)
                    if on_done:
                        on_done(run.index, outcomes[run.index])
    finally:
        for run in running:
            _finish(run)
    return outcomes
