"""Rendering a typeset Spec to PDF with reportlab (byte-deterministic)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from .compose import LineOp, Op, TextOp
from .layout import Layout, ensure_fonts


@dataclass(frozen=True)
class Spec:
    """Everything needed to render: the layout and the drawing operations of each page."""

    layout: Layout
    title: str
    pages: tuple[tuple[Op, ...], ...]


def render_pdf(spec: Spec, path: Path) -> None:
    ensure_fonts()
    canvas = Canvas(str(path), pagesize=spec.layout.size, invariant=1, pageCompression=1)
    canvas.setTitle(spec.title)
    canvas.setAuthor("tests.gen")
    for ops in spec.pages:
        for op in ops:
            if isinstance(op, TextOp) and op.char_space:
                canvas.saveState()  # Tc is graphics state: it would outlive the text object
                canvas.setFillColorRGB(*op.color)
                text = canvas.beginText(op.x, op.y)
                text.setFont(op.font, op.size)
                text.setCharSpace(op.char_space)
                text.textOut(op.text)
                canvas.drawText(text)
                canvas.restoreState()
            elif isinstance(op, LineOp):
                canvas.saveState()
                canvas.setStrokeColorRGB(*op.color)
                canvas.setLineWidth(op.width)
                canvas.line(op.x1, op.y1, op.x2, op.y2)
                canvas.restoreState()
            elif isinstance(op, TextOp):
                canvas.setFillColorRGB(*op.color)
                canvas.setFont(op.font, op.size)
                canvas.drawString(op.x, op.y, op.text)
            else:
                if op.fill is not None:
                    canvas.setFillColorRGB(*op.fill)
                if op.stroke is not None:
                    canvas.setStrokeColorRGB(*op.stroke)
                canvas.rect(
                    op.x,
                    op.y,
                    op.w,
                    op.h,
                    stroke=int(op.stroke is not None),
                    fill=int(op.fill is not None),
                )
        canvas.showPage()
    canvas.save()
