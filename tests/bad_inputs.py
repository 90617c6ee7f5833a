"""Bad PDFs drawn in the tests, each named after what it reproduces."""

from __future__ import annotations

from pathlib import Path

import pikepdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from conftest import SAMPLE


def truncated(path: Path) -> Path:
    data = SAMPLE.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def encrypted(path: Path, password: str = "secret") -> Path:
    with pikepdf.open(SAMPLE) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user=password, owner="owner-" + password))
    return path


def image_only(path: Path) -> Path:
    """A 'scanned' directory: pages of shapes, no text layer."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for page in range(3):
        pdf.setFillColorRGB(0.2, 0.3, 0.4)
        for row in range(30):
            pdf.rect(60, 780 - row * 24, 400 - (row * 7 + page) % 120, 12, fill=1, stroke=0)
        pdf.showPage()
    pdf.save()
    return path


def unrelated_text(path: Path) -> Path:
    """A PDF with text, but not a directory of the label."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for page in range(2):
        pdf.setFont("Helvetica", 11)
        for row in range(20):
            pdf.drawString(
                60, 780 - row * 16, f"Compte rendu du conseil, page {page + 1}, ligne {row}"
            )
        pdf.showPage()
    pdf.save()
    return path


def page_not_a_page(path: Path) -> Path:
    """The sample with page 3's /Type damaged: pdfminer passes over it, pdfium cannot load it."""
    with pikepdf.open(SAMPLE) as pdf:
        pdf.pages[2].obj["/Type"] = pikepdf.Name("/Annot")
        pdf.save(path)
    return path


def fonts_without_bbox(path: Path) -> Path:
    """The sample with its font descriptors' /FontBBox removed: pdfminer warns about each."""
    with pikepdf.open(SAMPLE) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
                del obj["/FontBBox"]
        pdf.save(path)
    return path


def word_far_off_the_page(path: Path, x: float = -200_000.0) -> Path:
    """Rows of text with one word thrown far left of the page, as a damaged text matrix does."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setFont("Helvetica", 11)
    for row in range(12):
        pdf.drawString(71, 700 - row * 14, f"Label du projet, ligne {row} du texte")
    pdf.drawString(x, 700 - 5 * 14, ":")
    pdf.showPage()
    pdf.save()
    return path
