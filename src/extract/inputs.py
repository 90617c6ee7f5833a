"""The PDFs a command names: a file as given, a folder as the PDFs inside it.

People type the folder their PDFs are in. A folder stands for its `*.pdf`
files as the shell would expand them (hidden names left out), with the suffix
matched in any case since files saved on Windows or by scanners often end in
`.PDF`, and in a sorted order so that the same folder gives the same run.
Subfolders are searched only when asked (`--recursive`): a folder of old
drafts beside the published files must not slip into a dataset unnoticed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from extract.errors import AnnuaireError, MissingFileError, NoPdfInFolderError


def _visible(path: Path, folder: Path) -> bool:
    return not any(part.startswith(".") for part in path.relative_to(folder).parts)


def pdfs_in(folder: Path, recursive: bool = False) -> list[Path]:
    """The folder's PDF files, sorted; raises when it holds none or cannot be listed."""
    try:
        listed = list(folder.rglob("*") if recursive else folder.iterdir())
    except OSError as exc:
        raise MissingFileError(
            str(folder), f"the folder cannot be read ({exc.strerror})", "check its permissions"
        ) from exc
    found = sorted(
        p for p in listed if p.suffix.lower() == ".pdf" and _visible(p, folder) and p.is_file()
    )
    if not found:
        where = "in it or its subfolders" if recursive else "directly in it"
        remedy = (
            "give the folder or the files that hold the directory PDFs"
            if recursive
            else "give the PDF files themselves, or --recursive to search its subfolders"
        )
        raise NoPdfInFolderError(str(folder), f"no PDF in this folder (no *.pdf {where})", remedy)
    return found


def expand(inputs: Sequence[Path], recursive: bool = False) -> list[Path | AnnuaireError]:
    """Each input in the order given, a folder replaced by its PDFs or by its error.

    A folder's error takes its place in the run like a bad file's, so the other
    inputs are still read and the failure is listed with theirs.
    """
    expanded: list[Path | AnnuaireError] = []
    for given in inputs:
        if not given.is_dir():
            expanded.append(given)  # a missing or bad file is reported by its reader
            continue
        try:
            expanded.extend(pdfs_in(given, recursive))
        except AnnuaireError as error:
            expanded.append(error)
    return expanded
