"""Page crops shown as evidence, rendered once and cached beside the outputs.

Crops are cached (see `cache.py`) keyed by the PDF's SHA-256 and the evidence
box, so a rebuild reads them back byte for byte (the report stays identical)
and never needs the PDF again. The PDF is only opened when a crop is missing,
and only if the file at the manifest's path still has the recorded hash: a
different file there would show evidence that the tables do not describe.
An encrypted PDF is opened with the run's password (`PdfFile`, `CropSource`).
"""

from __future__ import annotations

import contextlib
import io
import math
from collections.abc import Container, Iterable
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
from PIL import Image

from extract.errors import AnnuaireError
from extract.read.source import PdfFile, open_pdf
from extract.report.cache import CropCache
from extract.report.data import Source

# Bump when the crop geometry or encoding changes, so old cached crops are not reused.
RENDER_VERSION = "r2"
SCALE = 2.0  # 144 dpi: sharp text, still only a few kB per crop as a palette PNG
COLOURS = 48  # palette size of the PNG; enough for anti-aliased coloured text
CONTEXT = 24.0  # points of page above and below the box, before trimming to a line gap
SIDE = 0.09  # the crop spans the text width: the page minus this share on each side
PAD = 6.0


@dataclass(frozen=True)
class Box:
    """An evidence box in PDF points, top-left origin, page 1-based."""

    page: int
    x0: int
    top: int
    x1: int
    bottom: int

    @classmethod
    def of(cls, evidence: dict[str, Any]) -> Box:
        return cls(
            int(evidence["page"]),
            math.floor(evidence["x0"]),
            math.floor(evidence["top"]),
            math.ceil(evidence["x1"]),
            math.ceil(evidence["bottom"]),
        )

    @property
    def key(self) -> str:
        return f"{self.page}-{self.x0}-{self.top}-{self.x1}-{self.bottom}"


def _encode(image: Image.Image) -> bytes:
    """A small palette PNG: text crops compress far better this way than as JPEG."""
    small = image.convert("RGB").quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT)
    buffer = io.BytesIO()
    small.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _blank(grey: Image.Image, y: int) -> bool:
    """A pixel row of one shade (white page or a flat banner): a gap between lines."""
    low, high = grey.crop((0, y, grey.width, y + 1)).getextrema()
    assert isinstance(low, int) and isinstance(high, int)  # single band ("L")
    return high - low < 24


def _trim(image: Image.Image, box_top: int, box_bottom: int) -> Image.Image:
    """Cut the context back to the nearest gap between lines, so no line shows half-cut."""
    grey = image.convert("L")
    top = 0
    while top < box_top and not _blank(grey, top):
        top += 1
    bottom = image.height - 1
    while bottom > box_bottom and not _blank(grey, bottom):
        bottom -= 1
    return image.crop((0, top, image.width, bottom + 1))


def render_crop(page: Any, box: Box) -> bytes:
    """Render the page region around `box`: the text width, a little context above and below."""
    width, height = page.get_size()
    left = max(0.0, min(box.x0 - PAD, width * SIDE))
    right = min(width, max(box.x1 + PAD, width * (1 - SIDE)))
    top = max(0.0, box.top - CONTEXT)
    bottom = min(height, box.bottom + CONTEXT)
    bitmap = page.render(scale=SCALE, crop=(left, height - bottom, width - right, top))
    image: Image.Image = bitmap.to_pil()
    inner_top = int((box.top - top) * SCALE)
    inner_bottom = int((box.bottom - top) * SCALE)
    return _encode(_trim(image, inner_top, inner_bottom))


def member_name(sha256: str, box: Box) -> str:
    """The crop's name in the cache: the PDF's hash, the box and the render version."""
    return f"{sha256}/{box.key}.{RENDER_VERSION}.png"


def prerender(
    pdf: PdfFile, evidence: Iterable[dict[str, Any]], cached: Container[str] = ()
) -> dict[str, bytes]:
    """Every crop the report will show for this PDF, rendered where the PDF is being read.

    The command line calls this in the worker that extracted the file, with the
    `PdfFile` the reader opened (and its password), so crops of a batch render
    in parallel instead of one edition after another when the report is built.
    Crops already cached are skipped.
    """
    boxes = sorted({Box.of(e) for e in evidence}, key=lambda b: b.key)
    wanted = [(member_name(pdf.sha256, b), b) for b in boxes]
    wanted = [(name, box) for name, box in wanted if name not in cached]
    if not wanted:
        return {}
    crops: dict[str, bytes] = {}
    document = pdf.pdfium()
    try:
        for name, box in wanted:
            if 1 <= box.page <= len(document):
                with contextlib.suppress(pdfium.PdfiumError):  # a damaged page: no crop,
                    crops[name] = render_crop(document[box.page - 1], box)  # as in `crop`
    finally:
        document.close()
    return crops


@dataclass
class CropSource:
    """The crops of one edition: from the cache, else from the verified PDF.

    `password` opens the PDF when it is encrypted (the manifest never keeps it).
    """

    cache: CropCache
    source: Source
    password: str | None = None
    _pdf: Any = None
    _checked: bool = False

    def crop(self, box: Box) -> bytes | None:
        """PNG bytes of the crop, or None when neither cache nor source PDF has it."""
        if not self.source.sha256:
            return None
        name = member_name(self.source.sha256, box)
        cached = self.cache.get(name)
        if cached is not None:
            return cached
        pdf = self._open()
        if pdf is None or not 1 <= box.page <= len(pdf):
            return None
        try:
            data = render_crop(pdf[box.page - 1], box)
        except pdfium.PdfiumError:
            return None
        self.cache.put(name, data)
        return data

    def _open(self) -> Any:
        if self._checked:
            return self._pdf
        self._checked = True
        path = self.source.path
        if path is None:
            return None
        try:
            pdf = open_pdf(path, self.password)
            if pdf.sha256 == self.source.sha256:
                self._pdf = pdf.pdfium()
        except AnnuaireError:  # moved, changed, or locked by another password: no crop
            self._pdf = None
        return self._pdf

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
