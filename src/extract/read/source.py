"""A PDF opened once: its bytes, their SHA-256 and the password that unlocks them.

Every stage that needs the file takes this object, never a path: the reader
(either backend), the crops rendered for the report in the worker, and the
report when it renders a crop again. The password travels with the bytes, so
a stage added later cannot open the file without it (the crop renderer once
did, and a right password ended in an internal error). All stages also see
the very bytes the hash describes, even if the file changes on disk during
the run.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.errors import corrupt, encrypted
from extract.validate import read_input


@dataclass(frozen=True)
class PdfFile:
    path: Path
    data: bytes = field(repr=False)
    sha256: str
    password: str | None = field(default=None, repr=False)

    def stream(self) -> io.BytesIO:
        """A fresh file object over the bytes, for pdfminer and pdfplumber."""
        return io.BytesIO(self.data)

    def pdfium(self) -> Any:
        """A pypdfium2 document of the bytes, unlocked with the password; close it after use.

        pdfium is imported here, not at the top: the process that only writes
        outputs never pays for it.
        """
        import pypdfium2 as pdfium

        try:
            return pdfium.PdfDocument(self.data, password=self.password)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise encrypted(self.path, self.password) from exc
            raise corrupt(self.path, exc) from exc


def open_pdf(path: Path, password: str | None = None) -> PdfFile:
    """Read the file once, refusing what is not a whole PDF (see `validate.read_input`)."""
    data = read_input(path)
    return PdfFile(path, data, hashlib.sha256(data).hexdigest(), password)
