"""Office documents converted to PDF by LibreOffice headless, with their truth.

truths = make_odf_directories([(path, seed, None, ()), ...])  # one soffice call
truth = make_odf_directory(path, seed)

The pages of the truth come from the PDF's outline: LibreOffice writes a bookmark
for every heading, body headings in document order after those of text frames.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .design import Design
from .odf import OdfDraft, draw_odf, with_pages
from .outline import marks
from .truth import Truth

SOFFICE = "soffice"
EXPORT = {"ExportBookmarks": {"type": "boolean", "value": "true"}}


def convert(items: Sequence[tuple[str, Path]], timeout: float = 900.0) -> None:
    """Write each flat ODF text to its PDF path, all in one LibreOffice run.

    A private user profile lets several conversions (parallel test runs) go at once.
    """
    if not items:
        return
    with tempfile.TemporaryDirectory(prefix="annuaire-lo-") as tmp:
        work = Path(tmp)
        sources = []
        for k, (text, _) in enumerate(items):
            source = work / "in" / f"d{k:04d}.fodt"
            source.parent.mkdir(exist_ok=True)
            source.write_text(text, encoding="utf-8")
            sources.append(source)
        out = work / "out"
        command = [
            SOFFICE,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export:" + json.dumps(EXPORT),
            "--outdir",
            str(out),
            *map(str, sources),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        for source, (_, target) in zip(sources, items, strict=True):
            pdf = out / (source.stem + ".pdf")
            if not pdf.exists():
                raise RuntimeError(
                    f"LibreOffice wrote no PDF for {target} (exit {done.returncode}): "
                    f"{done.stderr.strip()[-2000:]}"
                )
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(pdf, target)


def _key(title: str) -> str:
    return re.sub(r"[\W_]+", "", title).casefold()


def paged(draft: OdfDraft, pdf: Path) -> Truth:
    """The draft's truth with pages read from the PDF's outline.

    Bookmarks are matched to the draft's headings by order, frames' headings first
    (LibreOffice keeps them apart from the body's); titles must agree.
    """
    found = marks(pdf)
    order = [k for k, a in enumerate(draft.anchors) if a.in_frame]
    order += [k for k, a in enumerate(draft.anchors) if not a.in_frame]
    if len(found) != len(order):
        raise AssertionError(f"{pdf}: {len(found)} bookmarks for {len(order)} headings")
    pages = [0] * len(order)
    for mark, k in zip(found, order, strict=True):
        if _key(mark.title) != _key(draft.anchors[k].title):
            raise AssertionError(f"{pdf}: bookmark {mark.title!r} for {draft.anchors[k].title!r}")
        pages[k] = mark.page
    return with_pages(draft, pages)


def make_odf_directories(
    items: Sequence[tuple[Path, int, Design | None, tuple[str, ...]]],
) -> list[Truth]:
    """Draw every edition, convert them in one LibreOffice run, return their truths."""
    drafts = [draw_odf(seed, design, tuple(inject)) for _, seed, design, inject in items]
    targets = [Path(path) for path, *_ in items]
    convert([(d.fodt, t) for d, t in zip(drafts, targets, strict=True)])
    return [paged(d, t) for d, t in zip(drafts, targets, strict=True)]


def make_odf_directory(
    path: Path | str, seed: int, design: Design | None = None, inject: tuple[str, ...] = ()
) -> Truth:
    return make_odf_directories([(Path(path), seed, design, tuple(inject))])[0]
