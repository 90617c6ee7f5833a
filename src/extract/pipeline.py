"""The public Python API: one PDF in, one edition's records out.

`extract_pdf` chains the stages for one file; `extract_many` runs files in
parallel processes; `output.write_outputs` merges results into a folder.
The CLI is a thin layer over these.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa

from extract import grammar, store
from extract.errors import AnnuaireError, StructureNotFoundError
from extract.furniture import strip_furniture
from extract.layout import order_pages
from extract.model import Edition
from extract.read import BACKENDS, PdfFile, open_pdf, read_pdf
from extract.reconcile import Reconciliation, reconcile
from extract.rows import edition_tables
from extract.segment import segment
from extract.validate import check_text_layer
from extract.workers import Limits, run_isolated


@dataclass(frozen=True)
class Options:
    """Every setting of a run, validated once, shared by the CLI and the API."""

    backend: str = "pdfium"
    password: str | None = None
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    csv_dialect: str = "plain"
    timeout: float = 300.0
    max_memory_mb: int = 4096

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise ValueError(f"backend must be one of {sorted(BACKENDS)}")
        if self.csv_dialect not in store.CSV_DIALECTS:
            raise ValueError(f"csv dialect must be one of {sorted(store.CSV_DIALECTS)}")
        if self.jobs < 1:
            raise ValueError("jobs must be at least 1")
        if self.timeout <= 0 or self.max_memory_mb <= 0:
            raise ValueError("limits must be positive")


@dataclass(frozen=True)
class Result:
    path: str
    edition: Edition
    reconciliation: Reconciliation
    tables: dict[str, pa.Table]
    seconds: float
    # Report crops rendered with the extraction (cache member name -> PNG), when asked.
    crops: dict[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class Failure:
    path: str
    error: AnnuaireError


def extract_edition(pdf: PdfFile, options: Options) -> Edition:
    """Read, strip furniture, segment: the edition one PDF describes."""
    document = read_pdf(pdf, options.backend)
    check_text_layer(document)
    body, furniture = strip_furniture(document.pages, grammar.is_structural)
    edition = segment(document, order_pages(body), furniture)
    if not edition.laureates and not edition.summary_entries:
        raise StructureNotFoundError(
            str(pdf.path),
            "no 'LABEL OR/ARGENT/BRONZE – CATEGORY' banner and no '[label …]' summary entry found",
            "check that this PDF is a « Label Territoire Innovant » directory",
        )
    if edition.year == 0:
        raise StructureNotFoundError(
            str(pdf.path),
            "no edition year found in the title, running header/footer or metadata",
            "check that this PDF is a « Label Territoire Innovant » directory",
        )
    return edition


def extract_opened(pdf: PdfFile, options: Options) -> Result:
    """The records of a PDF already opened: for callers that use the file again after.

    The command line renders the report's crops from the same `PdfFile`, so the
    password that opened it for reading opens it for the crops too.
    """
    start = time.perf_counter()
    edition = extract_edition(pdf, options)
    rec = reconcile(edition)
    tables = edition_tables(edition, rec)
    return Result(str(pdf.path), edition, rec, tables, time.perf_counter() - start)


def extract_pdf(path: Path, options: Options | None = None) -> Result:
    options = options or Options()
    return extract_opened(open_pdf(Path(path), options.password), options)


def extract_many(
    paths: Sequence[Path],
    options: Options,
    on_done: Callable[[int, Result | Failure], None] | None = None,
    job: Callable[[Path], Result] | None = None,
) -> list[Result | Failure]:
    """Every file's outcome, in the order given; a bad file does not stop the rest.

    Each file is read in its own process under the options' time and memory
    limits, `options.jobs` at a time. `job` replaces `extract_pdf` with the
    options (it must be picklable: a module-level function or a partial of one).
    """
    limits = Limits(options.timeout, options.max_memory_mb)

    def outcome(path: Path, raw: tuple[str, Any]) -> Result | Failure:
        kind, value = raw
        return value if kind == "ok" else Failure(str(path), value)

    def done(index: int, raw: tuple[str, Any]) -> None:
        if on_done is not None:
            on_done(index, outcome(paths[index], raw))

    job = job or partial(extract_pdf, options=options)
    raws = run_isolated(paths, job, options.jobs, limits, done)
    return [outcome(path, raw) for path, raw in zip(paths, raws, strict=True)]
