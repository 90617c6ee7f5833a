"""The `annuaire` command's entry point: start the worker pool before the heavy imports.

`extract` and `check` read each PDF in a child forked from a forkserver that
has the pipeline imported. Importing it takes most of a second, and so does
importing the command line's own modules (pyarrow, pandas, scipy, pdfium).
Starting the forkserver first lets the two happen at once on two cores, so a
run is ready to read its first file about half a second sooner.

Ctrl-C and SIGTERM are routed to one handler before anything else (see
`extract.signals`), so from the first line on they end the run with exit code
130 and a one-line message, never with a traceback or a killed process.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from extract import signals
from extract.errors import ExitCode

_POOLED = frozenset({"extract", "check"})
_HELP = frozenset({"-h", "--help", "--version"})


def main(argv: Sequence[str] | None = None) -> int:
    try:
        signals.install({})  # kept to the process's end: nothing to restore
        args = list(sys.argv[1:] if argv is None else argv)
        if args and args[0] in _POOLED and _HELP.isdisjoint(args):
            from extract.workers import prestart

            prestart()
        from extract.cli import main as cli_main

        code = cli_main(args, restore_signals=False)
    except KeyboardInterrupt:  # before the command began: it had written nothing
        print("interrupted; earlier outputs are unchanged", file=sys.stderr)
        code = ExitCode.INTERRUPTED
    signals.ignore_until_exit()
    _forget_caught_interrupts()
    return code


def _forget_caught_interrupts() -> None:
    """Keep `python -m extract` from ending with SIGINT after an interrupt it caught.

    CPython 3.11 marks a KeyboardInterrupt as unhandled whenever one leaves code
    run by `exec()` from a string, as the methods of a dataclass are built
    while its module is imported, even if the program catches it afterwards.
    Under `python -m`, the interpreter then kills itself with SIGINT at exit
    instead of returning the program's code. Running a string through `exec()`
    resets that mark.
    """
    exec("")
