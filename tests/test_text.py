"""Section lines to text: paragraph breaks, items and dashes, on hand-placed lines."""

from __future__ import annotations

from dataclasses import replace

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


def worded(text: str, x: float, top: float, right: float | None = None, **kw: object) -> Line:
    """A line with its words: spaced 3 pt, or spread to a justified `right` edge."""
    from dataclasses import replace

    from extract.model import Word

    tokens = text.split()
    widths = [CHAR * len(t) for t in tokens]
    space = 3.0 if right is None else (right - x - sum(widths)) / (len(tokens) - 1)
    words, at = [], x
    for token, width in zip(tokens, widths, strict=True):
        words.append(Word(token, at, top, at + width, top + SIZE, SIZE, False))
        at += width + space
    made = line(text, x, top, right=words[-1].x1, **kw)  # type: ignore[arg-type]
    return replace(made, words=tuple(words))


def _column_of(x: float, right: float, last: str, *, justified: bool) -> list[Line]:
    texts = [  # set ragged, the first reaches 363, the others 327 to 356
        "Le dispositif propose de prévenir les",
        "risques d’inondation dans les",
        "exposés au plus près des besoins des",
        "habitants avec un budget maîtrisé.",
    ]
    lines = [
        worded(t, x, 100 + LEAD * n, right if justified else None, column=int(x))
        for n, t in enumerate(texts)
    ]
    return lines + [worded(last, x, 100 + LEAD * len(texts), column=int(x))]


def test_a_justified_column_s_short_last_line_ends_its_paragraph() -> None:
    # The last line stops 12 pt short of the edge every other line reaches; the
    # next column's first word (15 pt) would not have fitted, yet in justified
    # text only a paragraph's last line stops short.
    left = _column_of(188, 363, "formés et le retour est si positif.", justified=True)
    right = [worded("Une évaluation indépendante est", 410, 100, 612, column=410)]
    assert paragraphs(left + right)[-1] == "Une évaluation indépendante est"


def test_a_ragged_column_s_short_last_line_goes_on_in_the_next() -> None:
    left = _column_of(188, 363, "formés et le retour est si positif.", justified=False)
    right = [worded("Une évaluation indépendante est", 410, 100, column=410)]
    assert len(paragraphs(left + right)) == 1


def test_ragged_lines_that_end_together_on_one_page_are_not_justified() -> None:
    # Page 2: three of four lines end at one point, 30 pt short of the measure the
    # same text reaches on page 1: no justified text, so the short line after them
    # (its room would not hold the next word) goes on.
    reach = [worded("Une phrase assez longue pour atteindre la mesure", 40, 100, 330)]
    lines = [
        worded("Les agents ont été formés en 2021 et", 40, 100, 300, page=2),
        worded("usagers est très positif. Le coût", 40, 100 + LEAD, 300, page=2),
        worded("euros, dont une part financée par", 40, 100 + 2 * LEAD, 300, page=2),
        worded("« ambassadeurs » du projet animent quatre ateliers", 40, 100 + 3 * LEAD, page=2),
        worded("Encore une ligne", 40, 100 + 4 * LEAD, page=2),
    ]
    assert len(paragraphs(lines, reach)) == 1


def test_a_word_alone_on_a_justified_line_goes_on() -> None:
    # A narrow justified column: a word alone has no space to stretch, and the
    # long word after it could not follow it on its line.
    texts = ["Le dispositif propose", "de prévenir les", "risques d’inondation", "exposés au plus"]
    lines = [worded(t, 188, 100 + LEAD * n, 300, column=188) for n, t in enumerate(texts)]
    lines += [
        worded("démarches", 188, 100 + 4 * LEAD, column=188),
        worded("administratives des", 188, 100 + 5 * LEAD, 300, column=188),
    ]
    assert len(paragraphs(lines)) == 1


# Four lines of a column 233 pt wide, justified (LibreOffice seed 11099, page 4).
PAGE_4 = [
    "Le projet propose de mutualiser les moyens entre les",
    "communes rurales grâce à une démarche partagée.",
    "Plus de 26 habitants utilisent déjà le service chaque",
    "mois. La collectivité a pour objectif d’ouvrir les",
]


def test_a_column_justified_on_its_page_is_measured_there() -> None:
    # Column 65 is 233 pt wide on page 4, justified; on page 9 the same start
    # stands for a column 324 pt wide. Page 4's full lines are full.
    lines = [worded(t, 65, 100 + LEAD * n, 298, page=4, column=65) for n, t in enumerate(PAGE_4)]
    lines.append(worded("données publiques.", 65, 100 + LEAD * 4, page=4, column=65))
    wide = [worded("Une ligne bien plus large sur une autre page du document", 65, 100, 389)]
    wide = [replace(x, page=9, column=65) for x in wide]
    assert len(paragraphs(lines, wide)) == 1


def test_a_column_with_few_lines_on_a_page_is_measured_short_of_the_next_column() -> None:
    # LibreOffice seed 11099: page 5 holds a record's last paragraph, three lines
    # in each of two columns, too few to measure them there. Column 65 is 233 pt
    # wide on page 4, and stands for a text 324 pt wide on page 9; on page 5 the
    # next column starts at 315, so its lines end at its page-4 edge: full.
    page4 = [worded(t, 65, 100 + LEAD * n, 298.3, page=4, column=65) for n, t in enumerate(PAGE_4)]
    page4 += [
        worded(t, 315, 100 + LEAD * n, 547.8, page=4, column=315) for n, t in enumerate(PAGE_4)
    ]
    wide = [
        worded("Une ligne bien plus large sur une autre page du document", 65, 100, 389, page=9)
    ]
    wide = [replace(x, column=65) for x in wide]
    left = [
        worded("La plateforme a pour objectif de mutualiser les", 65, 99, 298.0, page=5, column=65),
        worded(
            "les communes rurales en lien étroit avec les", 65, 99 + LEAD, 298.1, page=5, column=65
        ),
        worded(
            "locales. Les ambassadeurs du projet animent 84",
            65,
            99 + 2 * LEAD,
            298.2,
            page=5,
            column=65,
        ),
    ]
    right = [
        worded("par an. L’équipe projet aide à optimiser les", 315, 99, 547.5, page=5, column=315),
        worded(
            "collecte des déchets en s’appuyant sur les", 315, 99 + LEAD, 547.7, page=5, column=315
        ),
        worded("du territoire.", 315, 99 + 2 * LEAD, page=5, column=315),
    ]
    assert len(paragraphs(left + right, page4 + wide)) == 1


def test_a_summary_s_entries_are_no_measure_of_the_text_set_in_their_column() -> None:
    # Chromium seed 26078: a summary's cards and a record's ragged text start at
    # the same x on different pages. A card's line reaches 0.7 pt past the text's
    # widest line: measured with it, `La` seemed to leave room for `démarche`
    # and a space, and the paragraph was cut there.
    from extract.model import Document, Page
    from extract.segment import segment

    def at(text: str, page: int, top: float, x1: float, size: float = 11.5, **kw: object) -> Line:
        first = kw.pop("first", 5.0 * len(text.split()[0]))
        return Line(text, page, BBox(64.0, top, x1, top + size), size, False, first, **kw)  # type: ignore[arg-type]

    summary = [
        replace(at("CATÉGORIE – SANTÉ", 2, 60, 250, 18.0), bold=True),
        at(
            "Projet Alpha – Communauté de Communes du Littoral [Label Or]",
            2,
            100,
            294.07,
            column=64,
        ),
    ]
    record = [
        replace(at("LABEL OR – SANTÉ", 3, 50, 250, 16.0), bold=True),
        at("Label d’or attribué à : Communauté de Communes du Littoral", 3, 80, 400),
        at("Pour le projet : Projet Alpha", 3, 97, 250),
        replace(at("DESCRIPTION DU PROJET", 3, 130, 220), bold=True),
        at("La démarche aide à prévenir les risques", 3, 150, 293.4, column=64),
        at("d’inondation dans les quartiers exposés", 3, 167.3, 293.4, column=64),
        at("exprimés par les usagers. La", 3, 184.6, 232.0, column=64),
        at("démarche vise à renforcer le lien entre", 3, 201.9, 292.0, column=64, first=58.06),
        at("les habitants.", 3, 219.2, 150.0, column=64),
    ]
    pages = (Page(2, 595, 842, tuple(summary)), Page(3, 595, 842, tuple(record)))
    edition = segment(Document("t.pdf", "0" * 64, pages), pages, ())
    assert "\n" not in edition.laureates[0].description


def test_a_line_at_a_column_s_edge_after_an_item_that_hangs_opens_a_paragraph() -> None:
    # Chromium seed 26078: a list of items whose lines hang ends at the foot
    # of the left column; the right column opens with a paragraph, at its edge.
    # The item's last line is full enough that `Cette` could not have followed
    # on it, but an item going on there would hang as its lines do.
    lines = [
        line("• Un tableau de bord ouvert au public", 64, 465, column=64, right=293),
        line("• Un comité d’usagers qui se réunit", 64, 478, column=64, right=272),
        line("chaque trimestre", 77.8, 491, column=64),
        line("• Des ateliers collectifs mensuels", 64, 504, column=64, right=268),
        line("Cette expérimentation contribue à", 312, 183, column=312, right=540),
        line("ouvrir les données publiques.", 312, 196, column=312),
    ]
    assert paragraphs(lines) == [
        "• Un tableau de bord ouvert au public",
        "• Un comité d’usagers qui se réunit chaque trimestre",
        "• Des ateliers collectifs mensuels",
        "Cette expérimentation contribue à ouvrir les données publiques.",
    ]


def test_a_paragraph_at_a_page_s_column_edge_after_an_item_even_beside_text_further_left() -> None:
    # Chromium seed 29019: items that hang end a page; the next page opens a
    # paragraph at its column's edge (70), which its other lines show. Text on
    # another page starting 6 pt further left, and running under it, says
    # nothing of where this page's column starts.
    lines = [
        line("• Une application mobile gratuite", 329.1, 568, column=329, right=573),
        line("• Un comité d’usagers qui se réunit", 329.1, 580, column=329),
        line("trimestre", 340.5, 592.7, column=329),
        line("• La réduction de 28 % des déplacements", 329.1, 604.7, column=329, right=566.3),
        line("L’outil cherche à optimiser les tournées", 70, 52.7, page=2, column=70, right=312.8),
        line("des déchets tout en respectant la sobriété.", 70, 64.7, page=2, column=70),
    ]
    elsewhere = [line("Un texte courant qui commence plus à gauche", 64, 100, page=3, right=300)]
    assert paragraphs(lines, elsewhere) == [
        "• Une application mobile gratuite",
        "• Un comité d’usagers qui se réunit trimestre",
        "• La réduction de 28 % des déplacements",
        "L’outil cherche à optimiser les tournées des déchets tout en respectant la sobriété.",
    ]


def test_a_line_after_a_run_in_heading_is_measured_by_its_text_s_spaces() -> None:
    # Chromium seed 29019: `Les Apports Du Projet : L’outil contribue à ouvrir`,
    # the heading in small capitals with 2 pt spaces, the text with 3 pt ones.
    # `les` (13.4 pt) and a space of the text would not fit in the 16.1 pt left.
    from extract.model import Word

    spans = [
        ("Les", 329.1, 344.5, 10.26, True),
        ("Apports", 346.5, 382.4, 10.26, True),
        ("Du", 384.9, 398.0, 10.26, True),
        ("Projet", 400.6, 427.7, 10.26, True),
        (":", 430.3, 433.7, 10.26, True),
        ("L’outil", 439.8, 468.9, 9.5, False),
        ("contribue", 472.0, 517.1, 9.5, False),
        ("à", 520.2, 526.0, 9.5, False),
        ("ouvrir", 529.0, 556.9, 9.5, False),
    ]
    words = tuple(
        Word(t, x0, 265.0, x1, 265.0 + size, size, bold) for t, x0, x1, size, bold in spans
    )
    first = Line(
        "L’outil contribue à ouvrir",
        1,
        BBox(329.1, 265.0, 556.9, 275.3),
        9.5,
        False,
        29.1,
        column=329,
        words=words,
    )
    rest = replace(
        line("les données publiques à tous les acteurs du", 329.1, 277.7, column=329),
        bbox=BBox(329.1, 277.7, 537.5, 287.2),
        size=9.5,
        first_word_width=13.4,
    )
    edge = replace(
        line("administratives des familles grâce à une", 329.1, 320, column=329),
        bbox=BBox(329.1, 320.0, 573.0, 329.5),
        size=9.5,
    )
    assert paragraphs([first, rest], [edge]) == [
        "L’outil contribue à ouvrir les données publiques à tous les acteurs du"
    ]
