"""The `annuaire` command's entry point: start the worker pool before the heavy imports.

`extract` and `check` read each PDF in a child forked from a forkserver that
has the pipeline imported. Importing it takes most of a second, and so does
importing the command line's own modules (pyarrow, pandas, scipy, pdfium).
Starting the forkserver first lets the two happen at once on two cores, so a
run is ready to read its first file about half a second sooner.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

_POOLED = frozenset({"extract", "check"})
_HELP = frozenset({"-h", "--help", "--version"})


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in _POOLED and _HELP.isdisjoint(args):
        from extract.workers import prestart

        prestart()
    from extract.cli import ignore_interrupts
    from extract.cli import main as cli_main

    code = cli_main(args, restore_signals=False)
    # The outcome is decided and reported: a signal during interpreter shutdown
    # (modules freed, the pool stopped) must not turn it into a killed run.
    ignore_interrupts()
    return code
