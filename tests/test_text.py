"""Section lines to text: paragraph breaks, items and dashes, on hand-placed lines."""

from __future__ import annotations

from extract.model import BBox, Line
from extract.text import Metrics, lines_to_text

SIZE = 10.0
CHAR = 5.0  # width of a character in these drawings
LEAD = 13.0


def line(
    text: str,
    x: float,
    top: float,
    *,
    page: int = 1,
    column: int = 0,
    bold: bool = False,
    right: float | None = None,
) -> Line:
    """A line of `text` starting at `x`; `right` stretches it to a justified edge."""
    width = CHAR * len(text) if right is None else right - x
    first = CHAR * len(text.split()[0])
    return Line(text, page, BBox(x, top, x + width, top + SIZE), SIZE, bold, first, column=column)


def paragraphs(lines: list[Line], others: list[Line] = ()) -> list[str]:  # type: ignore[assignment]
    """The section's text, measured against the whole document's lines."""
    metrics = Metrics.of([*others, *lines])
    return lines_to_text(lines, metrics).split("\n")


def test_a_bold_banner_across_the_page_is_no_measure_of_the_text() -> None:
    banner = line("LABEL ARGENT — TRANSITION ÉNERGÉTIQUE, BIODIVERSITÉ", 53, 80, bold=True)
    text = [
        line("Cette expérimentation vise à réduire", 44, 170, right=296),
        line("la consommation des bâtiments publics", 44, 170 + LEAD, right=290),
        line("tout en respectant la sobriété.", 44, 170 + 2 * LEAD),
    ]
    assert paragraphs(text, [banner]) == [
        "Cette expérimentation vise à réduire la consommation des bâtiments publics "
        "tout en respectant la sobriété."
    ]


def test_a_bold_label_beside_a_list_does_not_shift_its_indents() -> None:
    label = line("APPORTS DU PROJET", 62, 420, bold=True, column=62)
    items = [
        line("• Des données publiées en open", 126, 420),
        line("data", 140, 420 + LEAD),
        line("• Une application mobile gratuite", 126, 420 + 2 * LEAD),
    ]
    assert paragraphs(items, [label]) == [
        "• Des données publiées en open data",
        "• Une application mobile gratuite",
    ]


def test_an_item_goes_on_in_the_next_column_of_the_same_row() -> None:
    # The last page holds one line in each column, both ending the item.
    items = [
        line("• Une charte de sobriété", 405, 750, column=405, right=528),
        line("numérique signée par tous", 166, 80, page=2, column=166),
        line("les partenaires du projet", 418, 80, page=2, column=418),
    ]
    assert paragraphs(items) == [
        "• Une charte de sobriété numérique signée par tous les partenaires du projet"
    ]


def test_an_item_continued_at_the_top_of_a_column_keeps_its_lines() -> None:
    # A side column of text, further down the first page, sets the column's left edge.
    left = [line("Un texte courant du premier cadre, assez long", 105, 700, column=105)]
    items = [
        line("• Une charte de sobriété", 155, 656, column=105, right=283),
        line("numérique signée par", 169, 669, column=105),
        line("tous les partenaires du", 427, 175, column=322),
        line("projet", 427, 175 + LEAD, column=322),
        line("• Des ateliers collectifs", 413, 175 + 2 * LEAD, column=322),
        line("mensuels", 427, 175 + 3 * LEAD, column=322),
    ]
    assert paragraphs(items, left) == [
        "• Une charte de sobriété numérique signée par tous les partenaires du projet",
        "• Des ateliers collectifs mensuels",
    ]


def test_a_dash_wrapped_inside_an_item_is_no_item() -> None:
    items = [
        line("• Un comité d’usagers qui se réunit chaque", 50, 100, right=280),
        line("trimestre pour suivre les usages réels du", 64, 100 + LEAD, right=280),
        line("– une première à cette échelle", 64, 100 + 2 * LEAD),
        line("• Un second point", 50, 100 + 3 * LEAD),
    ]
    assert paragraphs(items) == [
        "• Un comité d’usagers qui se réunit chaque trimestre pour suivre les usages "
        "réels du – une première à cette échelle",
        "• Un second point",
    ]


def test_a_dash_at_the_top_of_a_column_after_a_full_line_goes_on() -> None:
    text = [
        line("La démarche vise à réduire la consommation", 50, 740, column=50, right=280),
        line("– une première à cette échelle.", 300, 100, column=300),
    ]
    assert paragraphs(text) == [
        "La démarche vise à réduire la consommation – une première à cette échelle."
    ]


def test_in_a_dash_list_a_dash_at_the_top_of_a_column_opens_an_item() -> None:
    text = [
        line("Le projet prévoit :", 50, 714, column=50),
        line("- La mise en œuvre d’un outil puissant de", 50, 727, column=50, right=280),
        line("stockage et d’analyse des données ouvertes", 50, 740, column=50, right=280),
        line("- La capacité de publier les données", 300, 100, column=300),
    ]
    assert paragraphs(text) == [
        "Le projet prévoit :",
        "- La mise en œuvre d’un outil puissant de stockage et d’analyse des données ouvertes",
        "- La capacité de publier les données",
    ]


def test_a_full_line_ending_with_a_colon_introduces_a_dash_list() -> None:
    text = [
        line("Le projet s’appuie sur trois outils complémentaires :", 50, 100, right=280),
        line("- un réseau partagé", 50, 100 + LEAD),
    ]
    assert paragraphs(text) == [
        "Le projet s’appuie sur trois outils complémentaires :",
        "- un réseau partagé",
    ]
