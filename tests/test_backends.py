"""Differential test: every reading backend yields the very same records.

The pdfplumber backend is the reference; any other backend must produce
identical rows in every table, on the 2021 sample and on a small directory
drawn here with reportlab. tests/test_generated.py holds the same comparison
on every generated directory of every producer (`same_records`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from conftest import SAMPLE
from extract.pipeline import Options, extract_pdf
from extract.read import BACKENDS

REFERENCE = "pdfplumber"
OTHERS = sorted(set(BACKENDS) - {REFERENCE})


def _first_difference(expected: list[dict[str, Any]], found: list[dict[str, Any]]) -> str:
    if len(expected) != len(found):
        return f"{len(expected)} rows vs {len(found)}"
    for number, (want, got) in enumerate(zip(expected, found, strict=True)):
        if want != got:
            keys = sorted(k for k in want.keys() | got.keys() if want.get(k) != got.get(k))
            return f"row {number}: " + "; ".join(
                f"{k}: {want.get(k)!r} != {got.get(k)!r}" for k in keys
            )
    return "equal"


# Evidence boxes are geometry: two libraries measure glyph widths a fraction of a
# point apart (pdfium rounds a font's widths to whole units). Everything else must
# be identical.
BOX_TOLERANCE = 1.0


def _boxes_close(a: list[dict[str, float]], b: list[dict[str, float]]) -> bool:
    return len(a) == len(b) and all(
        x["page"] == y["page"]
        and all(abs(x[k] - y[k]) <= BOX_TOLERANCE for k in ("x0", "top", "x1", "bottom"))
        for x, y in zip(a, b, strict=True)
    )


def same_records(
    expected_tables: dict[str, pa.Table], found_tables: dict[str, pa.Table]
) -> str | None:
    """None when two readings give the same rows in every table (boxes within
    BOX_TOLERANCE), else where they first differ."""
    if sorted(found_tables) != sorted(expected_tables):
        return f"other tables: {sorted(found_tables)}"
    for name in expected_tables:
        want, got = expected_tables[name].to_pylist(), found_tables[name].to_pylist()
        if want and "evidence" in want[0]:
            if len(want) != len(got):
                return f"table {name}: {len(want)} rows vs {len(got)}"
            for a, b in zip(want, got, strict=True):
                if not _boxes_close(a["evidence"], b["evidence"]):
                    return f"table {name}: evidence {a['evidence']} vs {b['evidence']}"
            want = [{k: v for k, v in row.items() if k != "evidence"} for row in want]
            got = [{k: v for k, v in row.items() if k != "evidence"} for row in got]
        if want != got:
            return f"table {name}: {_first_difference(want, got)}"
    return None


def assert_same_records(path: Path) -> None:
    expected = extract_pdf(path, Options(backend=REFERENCE, jobs=1)).tables
    for backend in OTHERS:
        found = extract_pdf(path, Options(backend=backend, jobs=1)).tables
        problem = same_records(expected, found)
        assert problem is None, f"{path.name}, {backend}: {problem}"


def test_there_is_a_backend_to_compare() -> None:
    assert REFERENCE in BACKENDS and OTHERS


def test_sample_2021_same_records() -> None:
    assert_same_records(SAMPLE)


# --- a two-page directory drawn here -----------------------------------------------------------

BODY = (
    "Le projet rassemble les habitants, les associations et les services municipaux "
    "autour d’un lieu unique d’accueil « santé et solidarités » ouvert six jours sur "
    "sept, avec une équipe de médiateurs numériques et un bus itinérant qui dessert "
    "les hameaux éloignés du centre-ville."
)


def _draw(path: Path, font: str, bold: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    from gen.layout import ensure_fonts

    ensure_fonts()
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle("Label « Territoire Innovant » - Annuaire 2030")
    width, height = A4

    def footer(number: int) -> None:
        pdf.setFont(font, 8)
        pdf.drawString(60, 40, "LABEL « TERRITOIRE INNOVANT » 2030 – Les Interconnectés")
        pdf.drawRightString(width - 60, 40, str(number))

    def paragraph(y: float, text: str) -> float:
        pdf.setFont(font, 10.5)
        for line in simpleSplit(text, font, 10.5, width - 120):
            pdf.drawString(60, y, line)
            y -= 13
        return y - 6

    pdf.setFont(bold, 14)
    pdf.drawString(60, height - 80, "CATÉGORIE – SANTÉ ET SOLIDARITÉS")
    # reportlab writes "•" of a standard font as code 0x7F, which pdfminer cannot map
    # ("(cid:127)") and pdfium can: bullets are drawn with Vera, as in tests/gen.
    for y, project, territory in (
        (110, "Un bus pour la santé de tous", "Ville de Lorgues [label or]"),
        (145, "Le répit des aidants", "Commune d’Épinal [label bronze]"),
    ):
        pdf.setFont("Vera", 11)
        pdf.drawString(70, height - y, "•")
        pdf.setFont(font, 11)
        pdf.drawString(80, height - y, project)
        pdf.drawString(80, height - y - 15, territory)
    footer(1)
    pdf.showPage()
    pdf.setFont(bold, 13)
    pdf.drawString(60, height - 80, "LABEL OR – SANTÉ ET SOLIDARITÉS")
    pdf.setFont(bold, 11)
    pdf.drawString(60, height - 105, "Label d’or attribué à : Ville de Lorgues")
    pdf.drawString(60, height - 120, "Pour le projet : Un bus pour la santé de tous")
    y = height - 150
    for heading in ("DESCRIPTION DU PROJET :", "INNOVATION DU PROJET :", "LES APPORTS DU PROJET :"):
        pdf.setFont(bold, 10.5)
        pdf.drawString(60, y, heading)
        y = paragraph(y - 15, BODY)
    footer(2)
    pdf.showPage()
    pdf.save()


@pytest.mark.parametrize(("font", "bold"), [("Helvetica", "Helvetica-Bold"), ("Vera", "VeraBd")])
def test_drawn_directory_same_records(tmp_path: Path, font: str, bold: str) -> None:
    path = tmp_path / f"annuaire-2030-{font}.pdf"
    _draw(path, font, bold)
    assert_same_records(path)
