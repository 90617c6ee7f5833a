"""Atomic, deterministic writes of the dataset, merged across editions.

Every table is written to a temporary file beside its destination and moved
into place only when all of them are complete, with signals held during the
moves: an error, Ctrl-C or SIGTERM leaves the previous outputs whole.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import io
import os
import secrets
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from extract import signals
from extract.errors import OutputNotWritableError
from extract.tables import DERIVED, SCHEMAS, SORT_KEYS

CSV_DIALECTS: dict[str, dict[str, Any]] = {
    "plain": {"delimiter": ",", "encoding": "utf-8", "lineterminator": "\n", "formulas": False},
    "excel-fr": {
        "delimiter": ";",
        "encoding": "utf-8-sig",
        "lineterminator": "\r\n",
        "formulas": True,  # opened in a spreadsheet: see `_inert`
    },
}
# A spreadsheet runs a cell starting with one of these as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_LOCK_NAME = ".annuaire.lock"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "|".join(_cell(v) for v in value)
    if isinstance(value, dict) and "page" in value:
        box = ",".join(f"{value[k]:.1f}" for k in ("x0", "top", "x1", "bottom"))
        return f"{value['page']}:{box}"
    return str(value)


def _inert(value: object) -> str:
    """The cell as text a spreadsheet shows and never runs, as OWASP recommends.

    The text comes from a printed document anyone could have written, and the
    people who open `excel-fr` files open them in Excel or LibreOffice, which
    run a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return as
    a formula (`=HYPERLINK(…)`, `-2+3+cmd|…`). A leading `'` makes it text.
    A number is left as it is: it runs nothing, and must stay a number.
    """
    text = _cell(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return text
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(table: pa.Table, dialect: str = "plain") -> bytes:
    """The table as CSV: the exact text for `plain`, formula cells made inert for `excel-fr`."""
    spec = CSV_DIALECTS[dialect]
    cell = _inert if spec["formulas"] else _cell
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=spec["delimiter"], lineterminator=spec["lineterminator"])
    writer.writerow(table.column_names)
    columns = [table.column(name).to_pylist() for name in table.column_names]
    for row in zip(*columns, strict=True):
        writer.writerow([cell(v) for v in row])
    return buffer.getvalue().encode(spec["encoding"])


def parquet_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd", use_dictionary=True, write_statistics=True)
    return bytes(sink.getvalue().to_pybytes())


def _existing(path: Path, schema: pa.Schema) -> pa.Table | None:
    if not path.exists():
        return None
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowException):
        return None
    if not table.schema.equals(schema, check_metadata=False):
        return None  # written by another version: replaced whole
    return table.cast(schema)


def merge(old: pa.Table | None, new: pa.Table, years: set[int], name: str) -> pa.Table:
    """Old rows of other editions, plus the new rows, in a stable order."""
    parts = [new]
    if old is not None and old.num_rows:
        keep = pc.invert(pc.is_in(old.column("edition_year"), pa.array(sorted(years), pa.int16())))
        parts.insert(0, old.filter(keep))
    return _sorted(pa.concat_tables(parts).combine_chunks(), name)


def _sorted(table: pa.Table, name: str) -> pa.Table:
    keys = [(k, "ascending") for k in SORT_KEYS.get(name, ()) if k in table.column_names]
    return table.sort_by(keys) if keys else table


def _not_writable(out: Path, exc: OSError) -> OutputNotWritableError:
    return OutputNotWritableError(
        str(out), f"the output folder cannot be written ({exc.strerror})", "choose another --out"
    )


def ensure_writable(out: Path) -> None:
    """Fail before any parsing work when the outputs could not be saved."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        raise _not_writable(out, exc) from exc


def _remove_stale_temps(out: Path) -> None:
    """Temporary files of a run that was killed outright (SIGKILL, power loss)."""
    for stale in out.glob(".*.tmp"):
        stale.unlink(missing_ok=True)


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """One writer at a time per output folder."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        handle = (out / _LOCK_NAME).open("a")
    except OSError as exc:
        raise _not_writable(out, exc) from exc
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        _remove_stale_temps(out)
        yield


_WRITTEN: list[str] = []  # names of the files this process moved into place, in order


def written() -> tuple[str, ...]:
    """The names of the files `write_files` has moved into place so far in this process."""
    return tuple(_WRITTEN)


class WrittenThenInterrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM came while files were being moved into place.

    The signal is held until every file is in place, then delivered: the new
    files (`names`) are all there, and a caller must not report the old ones as kept.
    """

    def __init__(self, names: tuple[str, ...]) -> None:
        super().__init__(names)
        self.names = names


def write_files(out: Path, files: Mapping[str, bytes]) -> None:
    """Write every file to a temporary sibling, then move them all into place."""
    temps: dict[str, str] = {}
    try:
        for name, data in files.items():
            # Named before it exists, so an interrupt at any point leaves no file unlisted.
            temps[name] = temp = str(out / f".{name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
            with Path(temp).open("xb") as handle:
                os.fchmod(handle.fileno(), 0o644)
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        try:
            with signals.held():
                for name, temp in temps.items():
                    Path(temp).replace(out / name)
                _WRITTEN.extend(temps)
                temps.clear()
        except KeyboardInterrupt as stop:
            if temps:
                raise
            raise WrittenThenInterrupted(tuple(files)) from stop
    except OSError as exc:
        raise _not_writable(out, exc) from exc
    finally:
        for temp in temps.values():
            Path(temp).unlink(missing_ok=True)


Derive = Callable[[Mapping[str, pa.Table]], Mapping[str, pa.Table]]


def dataset_files(
    out: Path,
    tables: Mapping[str, pa.Table],
    years: set[int],
    dialect: str = "plain",
    derive: Derive | None = None,
) -> dict[str, bytes]:
    """The bytes of every table's Parquet and CSV, merged with what is in `out`.

    The DERIVED tables are `derive`d from the merged others (all editions), not
    merged: what they hold spans editions."""
    merged: dict[str, pa.Table] = {}
    for name, schema in SCHEMAS.items():
        if name not in DERIVED:
            new = tables.get(name, schema.empty_table())
            merged[name] = merge(_existing(out / f"{name}.parquet", schema), new, years, name)
    derived = derive(merged) if derive is not None else {}
    for name, schema in SCHEMAS.items():
        if name in DERIVED:
            merged[name] = _sorted(derived.get(name, schema.empty_table()), name)
    files: dict[str, bytes] = {}
    for name in SCHEMAS:
        files[f"{name}.parquet"] = parquet_bytes(merged[name])
        files[f"{name}.csv"] = csv_bytes(merged[name], dialect)
    return files


def read_table(out: Path, name: str) -> pa.Table:
    return pq.read_table(out / f"{name}.parquet", schema=SCHEMAS[name])
