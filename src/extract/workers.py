"""Running one job per file, in parallel processes when asked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
Opt = TypeVar("Opt")


def run_all(paths: Sequence[Path], options: Opt, job: Callable[[Path, Opt], T]) -> list[T]:
    jobs = min(getattr(options, "jobs", 1), len(paths))
    if jobs <= 1:
        return [job(path, options) for path in paths]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(job, path, options) for path in paths]
        return [future.result() for future in futures]
