"""The crop cache: one zip file in the output folder.

One file rather than a folder of PNGs keeps the output folder flat (its other
entries are all plain files, which tools and tests list and read as such) and
is removed or copied in one step. Members are named `<pdf sha256>/<box>.png`,
so crops of different PDFs never mix and a changed PDF never reuses them.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path

from extract.errors import OutputNotWritableError
from extract.store import write_files

CACHE_NAME = ".report-crops.zip"
_EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed member dates: same crops, same archive bytes


class CropCache:
    """Crops by member name, read once from the zip, written back only when new ones came."""

    def __init__(self, out: Path) -> None:
        self.path = out / CACHE_NAME
        self.members: dict[str, bytes] = {}
        self.added = False
        try:
            with zipfile.ZipFile(self.path) as archive:
                for name in archive.namelist():
                    self.members[name] = archive.read(name)
        except (OSError, zipfile.BadZipFile):
            self.members = {}  # absent or damaged: crops are rendered again

    @staticmethod
    def names(out: Path) -> frozenset[str]:
        """The cached crops' names, from the zip's directory alone (no crop is read)."""
        try:
            with zipfile.ZipFile(out / CACHE_NAME) as archive:
                return frozenset(archive.namelist())
        except (OSError, zipfile.BadZipFile):
            return frozenset()

    def get(self, name: str) -> bytes | None:
        return self.members.get(name)

    def put(self, name: str, data: bytes) -> None:
        self.members[name] = data
        self.added = True

    def save(self) -> None:
        """Rewrite the zip if crops were added; a read-only folder just keeps no cache."""
        if not self.added:
            return
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            for name in sorted(self.members):
                archive.writestr(zipfile.ZipInfo(name, _EPOCH), self.members[name])
        with contextlib.suppress(OutputNotWritableError):
            write_files(self.path.parent, {CACHE_NAME: buffer.getvalue()})
            self.added = False
