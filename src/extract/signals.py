"""Ctrl-C and SIGTERM: one way to stop a run, wherever the signal lands.

Python runs a signal's handler in the main thread at the next check between
bytecodes, so a signal can land on any line, including the lines that swap
handlers or the first line inside a `try`. Swapping handlers to hold or
ignore signals therefore leaves windows where a handler stays swapped or an
interrupt escapes as a traceback. Instead the command line installs a single
handler, `interrupt`, for both signals once, and every later decision (hold
the signal while files are moved, ignore it once the tables are in place) is
a flag that handler reads: setting a flag cannot be interrupted half-way.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

SIGNALS = (signal.SIGINT, signal.SIGTERM)


@dataclass
class _State:
    holding: int = 0  # inside `held`: note the signal, act on it at the end of the block
    caught: list[int] = field(default_factory=list)
    stopping: bool = False  # one interrupt was raised: the run is unwinding
    ignoring: bool = False  # the outcome is decided: signals no longer change it


_STATE = _State()


def interrupt(signum: int, frame: FrameType | None) -> None:
    """Raise KeyboardInterrupt once; later signals are noted and let the clean-up finish.

    SIGTERM unwinds like Ctrl-C, so temporary files are removed and the worker
    processes ended; the unwinding takes milliseconds, and a second signal
    raised in the middle of it would only cut it short.
    """
    if _STATE.ignoring or _STATE.stopping:
        return
    if _STATE.holding:
        _STATE.caught.append(signum)
        return
    _STATE.stopping = True
    raise KeyboardInterrupt


def install(previous: dict[int, Any]) -> None:
    """Route Ctrl-C and SIGTERM to `interrupt` with a fresh state.

    The handlers it replaces go into `previous` before any is replaced, so
    that `restore` can put them back even if a signal cut this call short.
    """
    global _STATE
    _STATE = _State()
    previous.update({signum: signal.getsignal(signum) for signum in SIGNALS})
    for signum in SIGNALS:
        signal.signal(signum, interrupt)


def restore(previous: dict[int, Any]) -> None:
    """Put back the handlers `install` replaced (the Python API and the tests call the
    command line in-process; the `annuaire` process itself keeps `interrupt` to its end)."""
    for signum, handler in previous.items():
        if handler is not None:  # None: set from C, nothing Python can restore
            signal.signal(signum, handler)


def ignore() -> None:
    """Ctrl-C and SIGTERM no longer change the run's outcome (the tables are in place)."""
    _STATE.ignoring = True


def ignore_until_exit() -> None:
    """The outcome is reported: from here to the process's end, signals are ignored.

    The flag is set first, so a signal during the swap does nothing; then the
    kernel ignores them too, because the interpreter's shutdown puts the default
    action back on every Python handler, and a late Ctrl-C would otherwise turn
    a finished run into one killed by a signal.
    """
    ignore()
    for signum in SIGNALS:
        signal.signal(signum, signal.SIG_IGN)


def installed() -> bool:
    return all(signal.getsignal(signum) is interrupt for signum in SIGNALS)


def held() -> contextlib.AbstractContextManager[None]:
    """Defer Ctrl-C and SIGTERM to the end of the block, then act on them.

    Under the command line this only sets a flag. Called from elsewhere (the
    Python API), it installs `interrupt` for the block and, at its end, does
    what the handlers it replaced would have done with a signal caught meanwhile.
    """
    if threading.current_thread() is not threading.main_thread():
        return contextlib.nullcontext()  # no handler runs in this thread, nor is set from it
    return _held_by_flag() if installed() else _held_by_swap()


@contextlib.contextmanager
def _held_by_flag() -> Iterator[None]:
    _STATE.holding += 1
    try:
        yield
    finally:
        _STATE.holding -= 1
        if _STATE.caught and not _STATE.holding:
            _STATE.caught.clear()
            interrupt(signal.SIGINT, None)


@contextlib.contextmanager
def _held_by_swap() -> Iterator[None]:
    global _STATE
    saved = _STATE
    previous: dict[int, Any] = {}
    try:
        install(previous)
        _STATE.holding = 1
        yield
    finally:
        restore(previous)
        caught, _STATE = _STATE.caught, saved
        if caught:
            _deliver(caught[0], previous[caught[0]])


def _deliver(signum: int, handler: Any) -> None:
    """Do what `handler` would have done with `signum`."""
    if callable(handler):
        handler(signum, None)
    elif handler == signal.SIG_DFL:
        signal.raise_signal(signum)  # the default action: the process ends
    # SIG_IGN: ignored, as it would have been
