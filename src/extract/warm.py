"""Imported by the forkserver alone (see `workers.PRELOAD`): loads what every child
would otherwise load for itself.

Each file is read in a child forked from the forkserver, and every child links
its territories to the official geography. Loading it takes about 0.2 s: done
here once, the children inherit it with the fork instead of paying it per file.
Nothing else imports this module, so a process that never links pays nothing.
"""

from __future__ import annotations

from extract.geography import reference

reference()
