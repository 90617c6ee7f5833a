"""The layout stage on hand-placed words: one case per rule of blocks and reading order.

Each drawing is what some producer prints (a CSS grid, a ruled table, a margin
heading, a justified column); the expected order is what a reader follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from extract.layout import order_pages
from extract.layout.order import Item
from extract.model import BBox, Line, Page, Word
from extract.read.lines import words_to_lines
from extract.read.recut import recut

SIZE = 10.0
CHAR = 5.0  # width of a character in these drawings
PITCH = 12.0


def words(text: str, x: float, top: float, size: float = SIZE, bold: bool = False) -> list[Word]:
    out = []
    for token in text.split():
        width = CHAR * len(token) * size / SIZE
        out.append(Word(token, x, top, x + width, top + size, size, bold))
        x += width + 0.3 * size
    return out


def placed(
    text: str, x0: float, x1: float, top: float, size: float = SIZE, bold: bool = False
) -> Word:
    """A word where a reader measured it: its own edges, not widths drawn here."""
    return Word(text, x0, top, x1, top + size, size, bold)


def measured(spans: str, top: float, size: float = SIZE, bold: bool = False) -> list[Word]:
    """Words where a reader measured them, written `text:x0:x1` (a trailing `:B`
    sets one in bold)."""
    out = []
    for token in spans.split():
        parts = token.split(":")
        heavy = bold or parts[-1] == "B"
        *text, x0, x1 = parts[:-1] if parts[-1] == "B" else parts
        out.append(placed(":".join(text), float(x0), float(x1), top, size, heavy))
    return out


def measured_rows(rows: Sequence[tuple[float, str]], size: float) -> list[Word]:
    """Rows of words where a reader measured them, each as (top, `text:x0:x1` words)."""
    return [w for top, spans in rows for w in measured(spans, top, size)]


def spread(tokens: list[str], x0: float, x1: float, top: float) -> list[Word]:
    """A justified line: its words spread from x0 to x1."""
    widths = [CHAR * len(t) for t in tokens]
    space = (x1 - x0 - sum(widths)) / (len(tokens) - 1)
    out, x = [], x0
    for token, width in zip(tokens, widths, strict=True):
        out.append(Word(token, x, top, x + width, top + SIZE, SIZE, False))
        x += width + space
    return out


def page(drawn: list[Word], shapes: Sequence[BBox] = (), number: int = 1) -> Page:
    return Page(number, 595, 800, words_to_lines(drawn, number, shapes), tuple(shapes))


def read(drawn: list[Word], shapes: Sequence[BBox] = ()) -> tuple[Line, ...]:
    return order_pages((page(drawn, shapes),))[0].lines


def texts(lines: Sequence[Line]) -> list[str]:
    return [line.text for line in lines]


def column(prefix: str, x: float, top: float, n: int) -> list[Word]:
    return [w for i in range(n) for w in words(f"{prefix} ligne {i} du texte", x, top + PITCH * i)]


def test_wide_spaces_of_a_justified_column_do_not_cut_its_lines() -> None:
    drawn = []
    # Full lines with spaces of about half an em, and one line of three words.
    rows = [
        "le projet a pour but de relier tous les",
        "habitants aux services de leur commune",
        "avec des outils simples et partagés par",
        "aa bbbb cc",
        "une plateforme ouverte sur le territoire",
        "et les communes voisines du bassin de vie",
        "fin",
    ]
    for i, row in enumerate(rows[:-1]):
        drawn += spread(row.split(), 50, 250, 100 + PITCH * i)
    drawn += words(rows[-1], 50, 100 + PITCH * (len(rows) - 1))
    lines = read(drawn)
    assert texts(lines)[3] == "aa bbbb cc"  # 75 pt spaces, yet one line: words cover them
    assert len(lines) == 7


def test_a_gutter_the_rows_around_confirm_cuts_a_row() -> None:
    drawn = column("gauche", 50, 100, 6) + column("droite", 300, 100, 6)
    lines = read(drawn)
    assert texts(lines) == [f"gauche ligne {i} du texte" for i in range(6)] + [
        f"droite ligne {i} du texte" for i in range(6)
    ]


def test_two_columns_whose_paragraphs_end_together_are_read_column_by_column() -> None:
    # Both columns leave a paragraph gap at the same height: a horizontal cut there
    # would read across the columns.
    drawn = column("a", 50, 100, 3) + column("b", 50, 100 + 4 * PITCH, 3)
    drawn += column("c", 300, 100, 3) + column("d", 300, 100 + 4 * PITCH, 3)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == ["a"] * 3 + ["b"] * 3 + ["c"] * 3 + ["d"] * 3


def _card(label: str, x: float, top: float, lines: int = 2) -> list[Word]:
    drawn = words(f"Projet {label}", x, top, bold=True)
    for k in range(1, lines):
        drawn += words(f"suite {label}{k}", x, top + PITCH * k, bold=True)
    return drawn + words(f"Ville {label} [label or]", x, top + PITCH * lines)


def test_entries_side_by_side_without_frames_read_as_a_list_in_columns() -> None:
    drawn = _card("A", 50, 100) + _card("C", 300, 100) + _card("B", 50, 150) + _card("D", 300, 150)
    projects = [line.text for line in read(drawn) if line.text.startswith("Projet")]
    assert projects == ["Projet A", "Projet B", "Projet C", "Projet D"]


def test_framed_cards_whose_tops_align_read_row_by_row() -> None:
    frames = [BBox(40, 90, 280, 145), BBox(290, 90, 540, 145)]
    frames += [BBox(40, 150, 280, 205), BBox(290, 150, 540, 205)]
    drawn = _card("A", 50, 100) + _card("B", 300, 100) + _card("C", 50, 160) + _card("D", 300, 160)
    lines = read(drawn, frames)
    projects = [line.text for line in lines if line.text.startswith("Projet")]
    assert projects == ["Projet A", "Projet B", "Projet C", "Projet D"]
    groups = {line.text: line.group for line in lines}  # a row of cards is a group
    assert groups["Projet A"] == groups["Ville A [label or]"] == groups["Projet B"]
    assert groups["Projet A"] != groups["Projet C"]


def test_cells_that_wait_for_a_taller_neighbour_show_rows() -> None:
    # No frame, but card B is two lines taller and C starts under B, not under A.
    drawn = _card("A", 50, 100) + _card("B", 300, 100, lines=5)
    drawn += _card("C", 50, 100 + 7 * PITCH) + _card("D", 300, 100 + 7 * PITCH)
    projects = [line.text for line in read(drawn) if line.text.startswith("Projet")]
    assert projects == ["Projet A", "Projet B", "Projet C", "Projet D"]


def test_a_ruled_table_reads_row_by_row_and_rows_are_groups() -> None:
    rules = [BBox(40, y, 540, y + 0.5) for y in (95.0, 125.0, 155.0)]
    drawn = []
    for k, top in enumerate((100.0, 130.0)):
        drawn += words(f"Titre {k}", 50, top) + words(f"suite {k}", 50, top + PITCH)
        drawn += words(f"Ville {k}", 250, top) + words("[label or]", 450, top)
    lines = read(drawn, rules)
    assert texts(lines) == [
        "Titre 0",
        "suite 0",
        "Ville 0",
        "[label or]",
        "Titre 1",
        "suite 1",
        "Ville 1",
        "[label or]",
    ]
    assert len({line.group for line in lines[:4]}) == 1 != len({line.group for line in lines})


def test_headings_in_a_margin_column_come_before_the_text_beside_them() -> None:
    drawn = words("DESCRIPTION", 50, 100, bold=True) + column("un", 160, 100, 5)
    drawn += words("INNOVATION", 50, 100 + 7 * PITCH, bold=True)
    drawn += column("deux", 160, 100 + 7 * PITCH, 4)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == ["DESCRIPTION"] + ["un"] * 5 + ["INNOVATION"] + ["deux"] * 4


def test_headings_in_the_margin_of_the_second_column_of_a_flow() -> None:
    drawn = column("gauche", 50, 100, 10)
    drawn += column("haut", 380, 100, 3) + words("APPORTS", 290, 100 + 4 * PITCH, bold=True)
    drawn += column("bas", 380, 100 + 4 * PITCH, 3)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == ["gauche"] * 10 + ["haut"] * 3 + ["APPORTS"] + ["bas"] * 3


def test_a_left_column_running_to_the_foot_is_read_before_the_right_one() -> None:
    drawn = words("DESCRIPTION", 50, 100, size=13, bold=True) + words("PARTENAIRES", 300, 100)
    drawn += [w for i in range(50) for w in words(f"ligne {i} de la colonne", 50, 120 + PITCH * i)]
    order = texts(read(drawn))
    assert order[0] == "DESCRIPTION" and order[-1] == "PARTENAIRES"


def test_a_figure_holds_its_place_in_a_column() -> None:
    # Logos under a right-hand heading: the left column goes on beside them.
    drawn = words("DESCRIPTION", 50, 100, size=13, bold=True) + words("PARTENAIRES", 300, 100)
    drawn += column("texte", 50, 120, 12)
    logos = [BBox(300, 120, 380, 150), BBox(390, 120, 470, 150)]
    order = texts(read(drawn, logos))
    assert order[:2] == ["DESCRIPTION", "texte ligne 0 du texte"]
    assert order[-1] == "PARTENAIRES"


def test_a_centred_banner_wrapped_on_two_lines_is_one_block() -> None:
    first, second = "LABEL OR – ATTRACTIVITÉ ET", "DÉVELOPPEMENT ÉCONOMIQUE"
    drawn = words(first, 297 - 0.8 * CHAR * len(first), 60, size=16, bold=True)
    drawn += words(second, 297 - 0.8 * CHAR * len(second), 80, size=16, bold=True)
    drawn += words("Label d’or attribué à : Ville de Brest", 50, 120)
    lines = read(drawn)
    assert lines[0].block == lines[1].block != lines[2].block


def test_a_spilled_page_is_cut_at_the_gutters_other_pages_show() -> None:
    full = column("gauche", 50, 100, 12) + column("droite", 262, 100, 12)  # a 2 em gutter
    # The next page holds one line in each column, 12 pt apart only: too little to tell.
    spill = words("fin gauche", 50, 100) + words("et fin droite", 262, 100)
    spill += words("dernière ligne", 50, 112)
    pages = recut((page(full, number=1), page(spill, number=2)))
    assert texts(pages[1].lines)[:2] == ["fin gauche", "et fin droite"]


def test_a_section_in_two_columns_beside_a_wide_bold_label_reads_column_by_column() -> None:
    # Text columns 115 pt wide beside a bold label 81 pt wide (0.7 of them), whose
    # paragraphs end together; the last label has nothing beside it.
    drawn = words("APPORTS DU PROJET", 50, 100, bold=True)
    drawn += column("un texte", 150, 100, 3) + column("deux texte", 150, 100 + 5 * PITCH, 2)
    drawn += column("trois texte", 300, 100, 3) + column("quatre texte", 300, 100 + 5 * PITCH, 2)
    drawn += words("PARTENAIRES", 50, 100 + 9 * PITCH, bold=True)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == [
        *["APPORTS"] + ["un"] * 3 + ["deux"] * 2 + ["trois"] * 3 + ["quatre"] * 2,
        "PARTENAIRES",
    ]


def test_a_justified_line_alone_in_a_narrow_column_is_not_cut() -> None:
    # A subtitle justified over a narrow column (`Un service          public`, then
    # `réinventé`), from an office document; the rows below leave a river under
    # its wide space, and a third column far right stands beside it. Only words
    # near the space witness a gutter there.
    placed = {
        253.3: [("DESCRIPTION", 43, 129), ("Un", 143, 159), ("service", 186, 224),
                ("public", 251, 284), ("publiques", 400, 452), ("à", 466, 473),
                ("tous", 488, 510), ("les", 525, 540)],
        265.7: [("DU", 43, 61), ("PROJET", 65, 111), ("réinventé", 143, 194),
                ("acteurs", 400, 439), ("du", 446, 460), ("territoire", 467, 516),
                ("sur", 523, 540)],
        277.7: [("l’ensemble", 400, 457), ("du", 465, 478), ("bassin", 486, 520),
                ("de", 527, 540)],
        285.7: [("L’équipe", 143, 189), ("projet", 199, 231), ("propose", 241, 284),
                ("vie.", 400, 419)],
        298.0: [("de", 143, 156), ("lutter", 188, 217), ("contre", 249, 284)],
        310.2: [("l’isolement", 143, 201.6), ("des", 206, 224.4), ("personnes", 228.8, 283.5)],
    }  # fmt: skip
    drawn = [
        Word(text, x0, top, x1, top + 10.5, 10.5, text.isupper())
        for top, row in placed.items()
        for text, x0, x1 in row
    ]
    lines = texts(read(drawn))
    assert "Un service public" in lines
    assert "public" not in lines


def test_a_one_row_table_cuts_a_cell_printed_up_to_the_next_column() -> None:
    territory = "Syndicat mixte numérique du"
    # The territory ends 0.7 em before the tag column: more than twice its word spaces.
    x = 460 - 7.0 - (CHAR * len(territory.replace(" ", "")) + 0.3 * SIZE * 3)
    head = words("Projet", 80, 100, bold=True) + words("Territoire", x, 100, bold=True)
    head += words("Label", 460, 100, bold=True)
    row = words("Un projet", 80, 125) + words(territory, x, 125) + words("[Label Or]", 460, 125)
    row += words("Pays d’Orvanne", x, 125 + PITCH)
    lines = texts(read(head + row))
    assert "[Label Or]" in lines
    assert territory in lines


def test_a_small_caps_heading_keeps_its_taller_initial() -> None:
    # `L` at 10.3 pt, then `ES APPORTS DU PROJET` in 7.5 pt capitals, run into the
    # right column's text; the initial overlaps the left column's row above as
    # much as its own.
    at = placed

    drawn = words("positif. Une évaluation indépendante", 61, 268.0, size=9.49)
    drawn += words("prévue à l’horizon 2032.", 61, 280.0, size=9.49)
    drawn += [at("L", 304.7, 311.25, 272.65, 10.26, True)]
    drawn += [
        at(text, x0, x0 + 5.0 * len(text), 274.76, 7.5, True)
        for text, x0 in (("ES", 311.25), ("APPORTS", 325.4), ("DU", 368.1), ("PROJET", 384.0))
    ]
    drawn += words("Le coût global", 420.8, 273.24, size=9.49)
    lines = texts(read(drawn))
    assert "LES APPORTS DU PROJET Le coût global" in lines


def test_a_flow_in_two_columns_with_headings_in_each_margin_reads_column_by_column() -> None:
    # Each column has its margin of headings; the first section's text flows from
    # the foot of the left column to the top of the right one, beside the first
    # heading, and the second heading of each margin waits for its text.
    drawn = words("DESCRIPTION", 40, 100, bold=True) + column("un", 120, 100, 4)
    drawn += words("INNOVATION", 40, 100 + 6 * PITCH, bold=True)
    drawn += column("deux", 120, 100 + 6 * PITCH, 50)
    drawn += column("suite", 400, 100, 2)
    drawn += words("APPORTS", 320, 100 + 6 * PITCH, bold=True)
    drawn += column("trois", 400, 100 + 6 * PITCH, 3)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == [
        *["DESCRIPTION"] + ["un"] * 4 + ["INNOVATION"] + ["deux"] * 50 + ["suite"] * 2,
        *["APPORTS"] + ["trois"] * 3,
    ]


def test_a_small_caps_word_in_three_pieces_stays_in_its_column() -> None:
    # `P` and `:` at 11.3 pt around `ARTENAIRES` in 8.2 pt capitals: the tall pieces
    # overlap the left column's row, the small one does not.
    at = partial(placed, bold=True)

    drawn = words("services municipaux sur l’ensemble du bassin de vie.", 75, 365.26, 10.5)
    drawn += [at("P", 323.9, 332.2, 370.08, 11.34), at("ARTENAIRES", 332.2, 390.1, 372.44, 8.25)]
    drawn += [at(":", 390.1, 394.7, 370.08, 11.34)]
    lines = texts(read(drawn))
    assert "PARTENAIRES:" in lines
    assert "services municipaux sur l’ensemble du bassin de vie." in lines


def test_a_heading_run_into_a_justified_line_is_not_cut_at_its_spaces() -> None:
    # `DESCRIPTION    DU    PROJET    : Les` in bold 9.7 pt, stretched by
    # justification over the line of a 9 pt paragraph.
    def at(text: str, x0: float, size: float, bold: bool) -> Word:
        return Word(text, x0, 171.6, x0 + 4.5 * len(text), 171.6 + size, size, bold)

    drawn = [at("DESCRIPTION", 75.2, 9.72, True), at("DU", 173.1, 9.72, True)]
    drawn += [at("PROJET", 208.5, 9.72, True), at(":", 272.0, 9.0, False)]
    drawn += [at("Les", 300.4, 9.0, False)]
    tokens = ["«", "ambassadeurs", "»", "du", "projet", "animent", "73", "ateliers", "par"]
    for k in range(6):  # the paragraph, in 9 pt, justified from 75.2 to 313.9
        drawn += [
            Word(w.text, w.x0, w.top, w.x1, w.top + 9.0, 9.0, False)
            for w in spread(tokens, 75.2, 313.9, 185 + 12.7 * k)
        ]
    lines = texts(read(drawn))
    assert lines[0] == "DESCRIPTION DU PROJET : Les"


def test_a_margin_flow_whose_right_column_opens_mid_sentence_reads_left_column_first() -> None:
    # Headings in the left margin only; the first section ends its sentence beside
    # the right column's top, which goes on with the sentence the left column's
    # last section leaves open at its foot.
    drawn = words("DESCRIPTION", 40, 100, bold=True) + column("un", 130, 100, 3)
    drawn += words("fin de la description.", 130, 100 + 3 * PITCH)
    drawn += words("INNOVATION", 40, 100 + 6 * PITCH, bold=True)
    drawn += column("deux", 130, 100 + 6 * PITCH, 4) + words("et la phrase", 130, 100 + 10 * PITCH)
    drawn += words("se termine ici.", 380, 100) + column("trois", 380, 100 + 2 * PITCH, 3)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == [
        *["DESCRIPTION"] + ["un"] * 3 + ["fin", "INNOVATION"] + ["deux"] * 4 + ["et"],
        *["se"] + ["trois"] * 3,
    ]


def test_a_gutter_seen_low_on_the_page_does_not_cut_a_justified_row_far_above() -> None:
    # A narrow justified column; far below, two rows show a column at 326 beside
    # left text that ends at 279. A wide space up the page, ending in that
    # blank strip, is no gutter: the strip was measured in those rows only.
    def row(top: float, *placed: tuple[str, float, float]) -> list[Word]:
        return [Word(t, x0, top, x1, top + 11.0, 11.0, False) for t, x0, x1 in placed]

    drawn = row(263.4, ("municipaux", 154.3, 214.0), ("grâce", 219.5, 262.0), ("à", 267.5, 278.2))
    drawn += row(263.4, ("une", 289.3, 309.9))
    drawn += row(276.2, ("démarche", 154.3, 240.0), ("de", 246.0, 258.4), ("co-", 293.3, 309.9))
    for top in (378.6, 391.4):
        drawn += row(top, ("un", 154.3, 170.0), ("texte", 176.0, 210.0), ("assez", 216.0, 250.0))
        drawn += row(top, ("court", 256.0, 279.0), ("colonne", 326.1, 370.0), ("droite", 375, 410))
    assert "municipaux grâce à une" in texts(read(drawn))


def test_a_closing_heading_under_the_right_column_top_comes_after_it() -> None:
    # A spilled page: the left column runs down the page; the right one opens with
    # the end of the text, then the closing heading in its margin, nothing beside.
    drawn = column("gauche", 50, 100, 40) + column("droite", 380, 100, 3)
    drawn += words("Partenaires", 300, 100 + 5 * PITCH, bold=True)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == ["gauche"] * 40 + ["droite"] * 3 + ["Partenaires"]


def test_a_bullet_on_the_baseline_of_its_item_beside_a_taller_margin_heading() -> None:
    # `Du Projet` in 14 pt starts 8.5 pt above the row of the item beside it: the
    # item's text joined that row, its bullet (a hair lower) fell just short.
    def at(text: str, x0: float, x1: float, top: float, size: float) -> Word:
        return Word(text, x0, top, x1, top + size, size, size > 12)

    drawn = [at("Du", 75.0, 95.0, 196.17, 13.97), at("Projet", 97.5, 140.0, 196.17, 13.97)]
    drawn += [at("•", 406.3, 412.5, 205.09, 10.5), at("Une", 421.0, 441.0, 204.74, 10.5)]
    drawn += [at("hotline", 444.0, 480.0, 204.74, 10.5)]
    assert "• Une hotline" in texts(read(drawn))


def test_a_colon_after_small_capitals_stays_with_its_heading() -> None:
    # `L`+`ES APPORTS DU PROJET` then `:` in the taller size; the right column's
    # row, 4 pt higher, overlaps the tall pieces more than the small capitals do.
    at = placed

    drawn = [at("L", 54.0, 59.8, 403.9, 10.26, True), at("ES", 59.8, 70.0, 406.0, 7.5, True)]
    drawn += [at("APPORTS", 73.0, 110.0, 406.0, 7.5, True)]
    drawn += [
        at("DU", 113.0, 124.0, 406.0, 7.5, True),
        at("PROJET", 136.8, 170.1, 406.0, 7.5, True),
    ]
    drawn += [at(":", 173.6, 177.4, 403.9, 10.26, True)]
    drawn += words("numérique tout en respectant la", 301.2, 400.0, size=9.49)
    drawn += words("sobriété numérique du projet", 301.2, 412.0, size=9.49)
    lines = texts(read(drawn))
    assert "LES APPORTS DU PROJET :" in lines


def test_a_colon_a_space_after_small_capitals_stays_with_its_heading() -> None:
    # `L`+`ES`, `A`+`PPORTS`, `D`+`U`, `P`+`ROJET`, then ` :` in the initials' size
    # a word space further, the run-in text after it in plain type.
    at = partial(placed, bold=True)

    # The left column's heading, 5 pt higher, shares a row with the right one's
    # initials: its own pieces glue, the right one's colon stayed behind.
    drawn = []
    for initial, tail, x0, x1, end in (
        ("I", "NNOVATION", 84.2, 89.8, 148.4),
        ("D", "U", 152.5, 162.8, 170.0),
        ("P", "ROJET", 174.1, 183.0, 213.4),
    ):
        drawn += [at(initial, x0, x1, 398.16, 11.88), at(tail, x1, end, 400.94, 8.25)]
    drawn += [at(":", 217.5, 221.9, 398.16, 11.88)] + words("Les agents", 229.0, 398.84, size=10.99)
    for initial, tail, x0, x1, end in (
        ("L", "ES", 328.8, 337.1, 349.4),
        ("A", "PPORTS", 353.5, 362.7, 401.1),
        ("D", "U", 405.3, 415.6, 422.8),
        ("P", "ROJET", 426.9, 435.8, 466.2),
    ):
        drawn += [at(initial, x0, x1, 403.4, 11.88), at(tail, x1, end, 406.2, 8.25)]
    drawn += [at(":", 470.3, 474.7, 403.4, 11.88)]
    drawn += words("Cette expérimentation", 481.8, 404.1, size=10.99)
    lines = texts(read(drawn))
    assert any(line.startswith("LES APPORTS DU PROJET :") for line in lines)
    assert not any(line.startswith(":") for line in lines)


def test_a_colon_after_whole_words_in_small_capitals_stays_with_its_heading() -> None:
    # `I`+`NNOVATION`, then `DU` and `PROJET` in small capitals alone, then ` :`
    # in the initial's size on its row, with the run-in text.
    at = partial(placed, bold=True)

    drawn = [at("I", 62.2, 65.9, 478.0, 12.96), at("NNOVATION", 65.8, 118.5, 481.2, 9.0)]
    drawn += [at("DU", 122.1, 135.1, 481.2, 9.0), at("PROJET", 138.7, 174.7, 481.2, 9.0)]
    drawn += [at(":", 178.3, 182.6, 478.0, 12.96)]
    drawn += words("Le projet a pour", 189.8, 478.8, size=12.0)
    drawn += words("objectif d’ouvrir les données publiques", 62.2, 494.5, size=12.0)
    # The right column's rows, 5 pt higher: the initial's row joins the first.
    drawn += words("première à cette échelle. Les", 308.8, 473.5, size=12.0)
    drawn += words("« ambassadeurs » du projet animent 5", 308.8, 488.5, size=12.0)
    lines = texts(read(drawn))
    assert any(line.startswith("INNOVATION DU PROJET :") for line in lines)
    assert not any(line.startswith(":") for line in lines)


def test_rules_drawn_cell_by_cell_show_a_table_s_columns() -> None:
    # A one-row table whose rules are drawn per cell (HTML borders): the segments
    # meet at 105.75 and 318, the column borders, 1.2 em from the text.
    rules = [
        BBox(x0, y, x1, y + 0.75)
        for y in (131.25, 173.25)
        for x0, x1 in ((39.75, 105.75), (105.75, 318.0), (318.0, 530.25))
    ]
    drawn = words("Distinction", 45.7, 115.1, bold=True) + words(
        "Territoire", 111.8, 115.1, bold=True
    )
    drawn += words("Projet", 324.3, 115.1, bold=True)
    drawn += words("[LABEL OR]", 51.8, 138.4) + words("Communauté des Trois", 111.8, 138.4)
    drawn += words("BALISE – votre observatoire", 324.3, 139.1, bold=True)
    drawn += words("Collines", 111.8, 153.4)
    # A heading above the table, whose space falls over a border, is no cell.
    drawn += words("AGRICULTURE ET", 36.0, 92.0, bold=True) + words(
        "ALIMENTATION", 108.0, 92.0, bold=True
    )
    lines = texts(read(drawn, rules))
    assert {"[LABEL OR]", "Communauté des Trois", "Distinction", "Territoire"} <= set(lines)
    assert "AGRICULTURE ET ALIMENTATION" in lines


def test_rule_pieces_at_one_height_join_only_where_they_touch() -> None:
    from extract.layout import _rules

    # The rules under two columns' headings, half a point apart in height.
    pieces = (BBox(314.2, 597.8, 406.5, 598.5), BBox(59.2, 598.5, 165.0, 599.3))
    assert sorted((r.x0, r.x1) for r in _rules(pieces)) == [(59.2, 165.0), (314.2, 406.5)]
    # A border drawn cell by cell is one rule.
    cells = (BBox(40, 131, 106, 132), BBox(106, 131, 318, 132), BBox(318, 131, 530, 132))
    assert [(r.x0, r.x1) for r in _rules(cells)] == [(40, 530)]


def test_bold_margin_headings_beside_a_body_in_two_columns() -> None:
    # A heading 114 pt wide beside two text columns of 148 pt: each section reads
    # its heading, then its left column, then its right one.
    def section(prefix: str, top: float) -> list[Word]:
        return [
            w
            for i in range(3)
            for x, part in ((236, "a"), (403, "b"))
            for w in words(f"{prefix}{part} ligne {i} du texte courant ici", x, top + PITCH * i)
        ]

    drawn = words("LA DESCRIPTION DU PROJET", 78, 100, bold=True) + section("un", 100)
    drawn += words("INNOVATION DU PROJET", 78, 100 + 5 * PITCH, bold=True)
    drawn += section("deux", 100 + 5 * PITCH)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == ["LA", *["una"] * 3, *["unb"] * 3] + [
        "INNOVATION",
        *["deuxa"] * 3,
        *["deuxb"] * 3,
    ]


def test_an_item_of_a_flowed_list_that_starts_before_the_right_column_ends() -> None:
    # A list in two columns: the left column's second item starts a hair before
    # the right column's taller item ends, below a blank strip of its own column.
    drawn = column("A", 50, 116.8, 3) + column("C", 50, 186.0, 3) + column("B", 300, 116.8, 6)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == ["A"] * 3 + ["C"] * 3 + ["B"] * 6


def test_a_known_column_is_cut_across_a_wide_gap_over_narrow_padding() -> None:
    # Page 1 shows a column at 268 on four rows. On page 2 a table row's title
    # cell wraps to 259.4, 8.4 pt from that column (less than 0.8 em of 11.5 pt),
    # and its first line stops far before it.
    def row(top: float, *placed: tuple[str, float, float]) -> list[Word]:
        return [Word(t, x0, top, x1, top + 11.5, 11.5, False) for t, x0, x1 in placed]

    full = [
        w for i in range(4) for w in row(100 + 14 * i, ("gauche", 50, 150), ("droite", 268, 330))
    ]
    spill = row(112.8, ("Un", 50, 64), ("titre", 67, 94), ("des", 97, 194)) + row(
        112.8, ("Rivesaltine", 267.8, 330)
    )
    spill += row(126.8, ("qui", 50, 67), ("se", 70, 82), ("prolonge", 85, 259.4))
    pages = recut((page(full, number=1), page(spill, number=2)))
    assert "Rivesaltine" in texts(pages[1].lines)


def _sections_in_own_columns(two: int) -> list[Word]:
    """Three margin-headed sections of one paragraph each, kept whole in the first of
    their own two columns, except section `two`, whose second paragraph fills its
    second column; the last section runs past four fifths of the page."""
    drawn: list[Word] = []
    top = 100.0
    for k, (name, n) in enumerate((("DESCRIPTION", 8), ("INNOVATION", 9), ("APPORTS", 30))):
        drawn += words(name, 50, top, bold=True) + column(f"s{k}a", 160, top, n)
        if k == two:
            drawn += column(f"s{k}b", 380, top, n - 1)
        top += (n + 2) * PITCH
    return drawn


def test_a_later_section_alone_in_two_columns_reads_them_in_turn() -> None:
    # Only the second section has a second column: a flow across the page would
    # have opened it at the flow's top, beside the first section.
    order = [line.text.split()[0] for line in read(_sections_in_own_columns(1))]
    assert (
        order
        == (["DESCRIPTION"] + ["s0a"] * 8 + ["INNOVATION"] + ["s1a"] * 9 + ["s1b"] * 8)
        + ["APPORTS"]
        + ["s2a"] * 30
    )


def test_a_first_section_in_two_columns_above_a_column_ending_short_of_the_foot() -> None:
    # The first section's second column sits where a flow's would, but the first
    # column ends six lines above the foot that the document's other page reaches:
    # a full column would have gone on there.
    drawn = _sections_in_own_columns(0)
    first = page(drawn)
    other = page(column("autre", 50, 100, 56), number=2)  # text down to 772 pt
    lines = order_pages((first, other))[0].lines
    order = [line.text.split()[0] for line in lines]
    assert order[: 1 + 8 + 7 + 1] == ["DESCRIPTION"] + ["s0a"] * 8 + ["s0b"] * 7 + ["INNOVATION"]


def test_a_column_rule_beside_a_heading_under_the_right_column_keeps_it_in_the_left() -> None:
    # The last page of a record in two ruled columns: the left column holds the
    # end of one section, then the next section's heading and text; the right
    # column, shorter, goes on with that text. The rule runs down the whole gutter.
    heading = words("APPORTS DU PROJET", 50, 70 + 13 * PITCH, size=13, bold=True)
    drawn = column("fin", 50, 70, 12) + heading
    drawn += column("apports", 50, 70 + 15 * PITCH, 5) + column("Suite", 320, 70, 10)
    rule = BBox(310.0, 66.0, 310.7, 70 + 20 * PITCH)
    order = [line.text.split()[0] for line in read(drawn, [rule])]
    assert order == ["fin"] * 12 + ["APPORTS"] + ["apports"] * 5 + ["Suite"] * 10
    # Without the rule nothing says the heading is inside the columns.
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == ["fin"] * 12 + ["Suite"] * 10 + ["APPORTS"] + ["apports"] * 5


def test_a_right_column_opening_at_a_list_item_s_indent_goes_on_with_its_own_section() -> None:
    # Each section in two columns of its own: the first section's list breaks in
    # the middle of an item, whose last word opens the right column at the item's
    # hanging indent, while the last section stops mid-sentence at the page's foot.
    drawn = words("DESCRIPTION", 40, 100, bold=True) + column("Un", 130, 100, 3)
    drawn += words("• Un comité qui se réunit", 130, 100 + 4 * PITCH)
    drawn += words("chaque", 140, 100 + 5 * PITCH) + words("trimestre", 390, 100)
    drawn += column("Droite", 380, 100 + 2 * PITCH, 3)
    drawn += words("INNOVATION", 40, 100 + 8 * PITCH, bold=True)
    drawn += column("Deux", 130, 100 + 8 * PITCH, 3) + column("Face", 380, 100 + 8 * PITCH, 2)
    drawn += words("APPORTS", 40, 100 + 12 * PITCH, bold=True)
    drawn += column("Trois", 130, 100 + 12 * PITCH, 2) + words("et la", 130, 100 + 14 * PITCH)
    drawn += column("Bas", 380, 100 + 12 * PITCH, 2)
    order = [line.text.split()[0] for line in read(drawn)]
    assert (
        order
        == (["DESCRIPTION"] + ["Un"] * 3 + ["•", "chaque", "trimestre"] + ["Droite"] * 3)
        + ["INNOVATION"]
        + ["Deux"] * 3
        + ["Face"] * 2
        + ["APPORTS"]
        + ["Trois"] * 2
        + ["et"]
        + ["Bas"] * 2
    )


def test_a_bullet_after_a_wide_space_opens_an_item_of_the_next_column() -> None:
    # A justified column beside a list at 12 pt: each bullet stands 1.6 em after
    # the left line's end (under a gutter's width), the items' other lines hang
    # at the text's indent, and one item's justified words reach that indent too.
    def at(tokens: list[str], x0: float, x1: float | None, top: float) -> list[Word]:
        widths = [6.0 * len(t) for t in tokens]
        space = 3.6 if x1 is None else (x1 - x0 - sum(widths)) / (len(tokens) - 1)
        out, x = [], x0
        for token, width in zip(tokens, widths, strict=True):
            out.append(Word(token, x, top, x + width, top + 12.0, 12.0, False))
            x += width + space
        return out

    rows = [
        ("La plateforme cherche à", "• La réduction de 85"),
        ("valoriser les producteurs", "déplacements inutiles"),
        ("locaux et les circuits", "• Un accueil physique"),
        ("courts avec un budget", "chaque mairie"),
        ("des bâtiments publics", "• Une application mobile"),
        ("à une démarche de", "gratuite"),
    ]
    drawn: list[Word] = []
    for k, (left, right) in enumerate(rows):
        top = 100 + 15.75 * k
        drawn += at(left.split(), 244.6, 397.7, top)
        if right.startswith("•"):
            drawn.append(Word("•", 416.9, top, 421.1, top + 12.0, 12.0, False))
            end = 570.0 if k == 4 else None  # the justified item
            drawn += at(right.split()[1:], 432.5 if end else 431.3, end, top)
        else:
            drawn += at(right.split(), 431.3, None, top)
    assert texts(read(drawn)) == [left for left, _ in rows] + [right for _, right in rows]


def test_a_short_justified_line_beside_a_column_is_not_cut_at_its_stretched_spaces() -> None:
    # A tagline of four words justified across its column, wrapped over two
    # lines: its spaces stretch to 2.6 em, and the column beside it makes every
    # row around vote for a gutter there. Spaces stretched alike are no gutter.
    drawn = spread(["Quand", "le", "numérique"], 244.6, 397.7, 100)
    drawn += words("rapproche", 244.6, 100 + PITCH)
    drawn += column("Droite", 417, 100, 6)
    drawn += words("Une", 244.6, 100 + 3 * PITCH) + words("suite", 244.6, 100 + 4 * PITCH)
    assert texts(read(drawn))[:2] == ["Quand le numérique", "rapproche"]


def test_a_gutter_as_wide_as_the_spaces_beside_it_still_cuts_where_its_column_starts() -> None:
    # Two justified columns; on one row the left line's spaces come out 30 pt, as
    # wide as the gutter after it. The right column's words start at 230 in every
    # row: that space opens a column, it is not one of the line's spaces.
    drawn: list[Word] = []
    first = ["Une", "Deux", "Trois", "Quatre", "Cinq", "Six"]
    for k in range(6):
        left = ["aaaaaa", "bbbbbb", "cccccc"] if k == 2 else ["aaaa", "bbbb", "cccc"]
        drawn += spread(left, 50, 200, 100 + PITCH * k)
        drawn += spread([first[k], "ligne", f"n{k}"], 230, 380, 100 + PITCH * k)
    lines = read(drawn)
    assert "aaaaaa bbbbbb cccccc" in texts(lines)
    assert [line.text for line in lines if line.bbox.x0 >= 230] == [
        f"{first[k]} ligne n{k}" for k in range(6)
    ]


def test_the_last_word_of_a_justified_line_pushed_to_a_narrow_column_s_edge() -> None:
    # A justified column 131 pt wide beside another column: lines of two or three
    # words push their last word to the right edge, at x0 that vary from line to
    # line, while a column's words start at one x.
    rows = [
        ["Le", "projet", "vise", "à"],
        ["accompagner", "les"],
        ["publics", "éloignés", "du"],
        ["numérique", "en"],
        ["s’appuyant", "sur", "les"],
        ["données", "ouvertes", "du"],
        ["territoire.", "La", "plateforme"],
    ]
    drawn: list[Word] = []
    for k, tokens in enumerate(rows):
        drawn += spread(tokens, 158, 289, 100 + PITCH * k)
        drawn += words(f"Autre colonne {k}", 405, 100 + PITCH * k)
    left = [line.text for line in read(drawn) if line.bbox.x0 < 400]
    assert left == [" ".join(tokens) for tokens in rows]


def test_a_table_of_one_row_ruled_only_under_it_is_one_row() -> None:
    # The last page of a summary table ruled under each row: one row left, its tag,
    # a territory on two lines and a wider bold title, the rule drawn cell by cell.
    drawn = words("[LABEL ARGENT]", 84.2, 111.3) + words("Département de la", 193.5, 111.3)
    drawn += words("Ognelle", 193.5, 126.3)
    drawn += words("MonQuartier+, le service qui simplifie la", 310.3, 111.2, bold=True)
    drawn += words("vie des familles", 310.3, 127.7, bold=True)
    rules = [BBox(x0, 146.3, x1, 147.0) for x0, x1 in ((78, 187.5), (187.5, 304.5), (304.5, 550.5))]
    lines = read(drawn, rules)
    assert texts(lines)[0] == "[LABEL ARGENT]"
    assert len({line.group for line in lines}) == 1 and lines[0].group >= 0


def test_a_column_rule_ending_with_the_first_section_keeps_its_columns_its_own() -> None:
    # As above, but the first column runs to the page's foot: only the rule drawn
    # between the first section's columns, ending with them, tells they are its own.
    drawn = _sections_in_own_columns(0)
    rule = BBox(330.0, 98.0, 330.7, 100 + 8 * PITCH)
    order = [line.text.split()[0] for line in read(drawn, [rule])]
    assert order[: 1 + 8 + 7 + 1] == ["DESCRIPTION"] + ["s0a"] * 8 + ["s0b"] * 7 + ["INNOVATION"]
    # Without it, the page reads as one flow down the first column, then the second.
    order = [line.text.split()[0] for line in read(drawn)]
    assert order[-7:] == ["s0b"] * 7


def test_a_side_column_of_a_heading_and_logos_does_not_cut_the_text_beside_it() -> None:
    # A record's text in the left column, its partners' heading and logos in the
    # right one, beside the first paragraph only: the list and the sections under
    # that paragraph, a paragraph's space apart, go on with the left column, read
    # before the right one (the heading's small gap to its logos says nothing).
    drawn = column("Un", 53, 207, 5) + words("PARTENAIRES", 317, 207, bold=True)
    drawn += words("• Des ateliers", 53, 277) + words("• Une hotline", 53, 277 + PITCH)
    drawn += column("Deux", 53, 313, 6)
    logos = [BBox(x, 220.0, x + 50.0, 250.0) for x in (317.0, 380.0, 443.0)]
    order = [line.text.split()[0] for line in read(drawn, logos)]
    assert order == ["Un"] * 5 + ["•", "•"] + ["Deux"] * 6 + ["PARTENAIRES"]


def test_the_last_item_of_a_list_balanced_over_two_columns_comes_before_the_right_one() -> None:
    # Three summary entries, two in the left column and one in the right; an entry's
    # blocks are closer to each other than entries are, which one entry per column
    # cannot show, but each entry opens with a bullet as both columns do.
    def small(text: str, x: float, top: float) -> list[Word]:
        return words(text, x, top, size=9.0)  # the territory and tag, a size below the title

    drawn = words("• BALISE – un dispositif mutualisé", 48, 88.7, bold=True)
    drawn += words("petites communes rurales", 62, 101.9, bold=True)
    drawn += small("Communauté d’Agglomération du", 48, 115.1) + small("Bassin", 48, 128.3)
    drawn += small("[LABEL ARGENT]", 48, 141.5)
    drawn += words("• ParcoursFacile, la plateforme", 301, 88.7, bold=True)
    drawn += words("métropole", 315, 101.9, bold=True) + small("CCAS de Quimperlé", 301, 115.1)
    drawn += small("[LABEL BRONZE]", 301, 128.3)
    drawn += words("• AGORIA", 48, 162.6, bold=True) + small("Bellerive", 48, 175.8)
    drawn += small("[LABEL BRONZE]", 48, 189.0)
    titles = [line.text.split()[1] for line in read(drawn) if line.text.startswith("•")]
    assert titles == ["BALISE", "AGORIA", "ParcoursFacile,"]


def test_unframed_cards_flowed_in_columns_read_column_by_column() -> None:
    # Three cards without frames flowed in two CSS columns: territory (9 pt), bold
    # title (10.8 pt), tag. The third card opens under the first as each column
    # opens, further below than the lines of a card are apart.
    def card(territory: str, title: str, x: float, top: float) -> list[Word]:
        return (
            words(territory, x, top, size=9.0)
            + words(title, x, top + 13.6, size=10.8, bold=True)
            + words("des familles", x, top + 28.6, size=10.8, bold=True)
            + words("[label argent]", x, top + 42.7, size=9.0)
        )

    drawn = card("Syndicat mixte", "BALISE le service", 45, 112.4)
    drawn += card("Communauté d’Agglomération", "Les ateliers", 293, 112.4)
    drawn += card("Ville de Lavardel", "SentinelleVerte", 45, 181.4)
    titles = [line.text for line in read(drawn) if line.bold and line.text != "des familles"]
    assert titles == ["BALISE le service", "SentinelleVerte", "Les ateliers"]


def test_unframed_cards_flowed_in_three_columns_whose_bands_line_up_by_chance() -> None:
    # Tag, bold title, territory, as Chromium flowed them in three CSS columns:
    # each card 16 pt below its own column's last line. Blank strips across the
    # three columns cut the page into bands whose first lines start within 2 pt,
    # (151, 152 and 152; 176, 178 and 177), so the bands look like rows of a grid
    # in which the short first card waits for the tallest.
    tag, title, place = 9.49, 10.45, 9.49
    printed = [
        (54.0, 87.8, "[label or]", tag, False),
        (54.0, 100.6, "Titre A", title, True),
        (54.0, 113.3, "Syndicat mixte du Littoral des", place, False),
        (54.0, 124.6, "Dunes", place, False),
        (54.0, 150.8, "[label or]", tag, False),
        (54.0, 163.6, "Titre B", title, True),
        (54.0, 175.6, "Syndicat mixte du Haut-", place, False),
        (54.0, 187.6, "Lormois", place, False),
        (226.9, 87.8, "[label or]", tag, False),
        (226.9, 100.6, "Titre C – un dispositif", title, True),
        (226.9, 114.1, "mutualisé pour les petites", title, True),
        (226.9, 126.8, "communes rurales et leurs", title, True),
        (226.9, 139.6, "habitants", title, True),
        (226.9, 152.3, "Ville de Quimperlé-Ouest", place, False),
        (226.9, 177.8, "[label argent]", tag, False),
        (226.9, 190.6, "Titre D, la plateforme", title, True),
        (226.9, 203.3, "de la métropole", title, True),
        (226.9, 216.1, "Communauté d’Agglomération du", place, False),
        (226.9, 228.1, "Plateau de Sarrance", place, False),
        (399.8, 87.8, "[label argent]", tag, False),
        (399.8, 100.6, "Titre E de l’énergie", title, True),
        (399.8, 113.3, "Ville de Tournecourt", place, False),
        (399.8, 138.8, "[label bronze]", tag, False),
        (399.8, 151.6, "Titre F – la plateforme", title, True),
        (399.8, 164.3, "citoyenne de la métropole", title, True),
        (399.8, 177.1, "Écouvreuil", place, False),
    ]
    drawn = [w for x, top, text, size, bold in printed for w in words(text, x, top, size, bold)]
    titles = [
        line.text.split()[1].strip(",") for line in read(drawn) if line.text.startswith("Titre")
    ]
    assert titles == ["A", "B", "C", "D", "E", "F"]


def test_the_last_word_of_a_justified_item_pushed_into_the_blank_before_a_column() -> None:
    # A jury list in two columns, justified: one item's spaces stretch to 2.6 em and
    # push its last word to 276-294, in the blank strip left of the right column
    # (whose rows start at 313.8), past where the left lines around end.
    def at(tokens: list[tuple[str, float, float]], top: float) -> list[Word]:
        return [Word(t, x0, top, x1, top + 10.0, 10.0, False) for t, x0, x1 in tokens]

    drawn = at([("•", 54.0, 59.9), ("Capucine", 63.0, 250.1)], 192.6)
    drawn += at([("•", 54.0, 59.9), ("Yannick", 63.0, 264.1)], 207.6)
    drawn += at([("•", 54.0, 59.9), ("Zoé", 63.0, 251.4)], 222.6)
    for top in (192.6, 207.6, 222.6):
        drawn += at([("•", 313.8, 319.6), ("Nom", 322.8, 364.3), ("Fondation", 367.5, 429.1)], top)
    drawn += at(
        [
            ("•", 54.0, 59.9),
            ("Léonie", 86.2, 119.1),
            ("Morvillier,", 145.3, 194.6),
            ("Union", 220.9, 249.8),
            ("des", 276.0, 293.7),
        ],
        237.6,
    )
    drawn += words("Intercommunalités", 325.8, 237.6)
    drawn += words("Intercommunalités de", 66, 252.6) + words("• Édouard D", 313.8, 252.6)
    assert "• Léonie Morvillier, Union des" in texts(read(drawn))


def test_text_after_a_larger_run_in_heading_stays_on_its_line() -> None:
    # `Innovation du projet :` in 11.88 pt bold, then a tagline in 10.99 pt on the
    # same baseline; the right column's row, 5 pt higher, took the heading in.
    def at(
        tokens: list[tuple[str, float, float]], top: float, size: float, bold: bool
    ) -> list[Word]:
        return [Word(t, x0, top, x1, top + size, size, bold) for t, x0, x1 in tokens]

    drawn = at([("La", 302.0, 315.9), ("démarche", 324.9, 380.4)], 291.59, 10.99, False)
    drawn += at(
        [("Innovation", 48.0, 108.0), ("projet", 138.7, 171.7), (":", 180.0, 184.0)],
        296.63,
        11.88,
        True,
    )
    drawn += at([("L’innovation", 195.7, 262.5), ("au", 270.8, 284.4)], 297.59, 10.99, False)
    drawn += at([("démarches", 302.0, 363.2), ("des", 371.9, 390.0)], 305.09, 10.99, False)
    drawn += at(
        [("cœur", 48.0, 77.4), ("des", 80.9, 100.0), ("quartiers", 103.5, 154.8)],
        311.09,
        10.99,
        False,
    )
    for k in range(3):  # more rows of both columns: the right one starts at 302
        top = 324.6 + 13.5 * k
        drawn += at([("texte", 48.0, 80.0)], top, 10.99, False)
        drawn += at([("suite", 302.0, 330.0)], top, 10.99, False)
    lines = texts(read(drawn))
    assert lines.index("Innovation projet : L’innovation au") + 1 == lines.index(
        "cœur des quartiers"
    )


def test_a_justified_line_s_last_word_a_point_from_a_page_number_starts_no_column() -> None:
    # The page number of the running header starts 1 pt right of where the last
    # word of a justified line of the right column was pushed: no column starts
    # there, so the line stays whole.
    drawn = words("Annuaire des lauréats", 40, 19.4) + words("10", 530.2, 19.4)
    drawn += words("APPORTS DU PROJET", 55.7, 58.4, bold=True)
    left = ["La plateforme a pour objectif de", "mieux informer les usagers en"]
    left += ["temps réel grâce à une démarche de", "co-construction. La plateforme aide"]
    for n, text in enumerate(left):
        drawn += spread(text.split(), 188.0, 356.4, 58.4 + 13.5 * n)
    drawn += spread(["à", "mutualiser", "les", "moyens", "entre", "les"], 370.8, 539.2, 58.4)
    drawn += spread(["communes", "rurales", "tout", "en"], 370.8, 539.2, 71.9)
    drawn += words("respectant la sobriété numérique.", 370.8, 85.4)
    lines = texts(read(drawn))
    assert "en" not in lines  # (the page is read alone: its columns stay joined here)
    assert any(line.endswith("communes rurales tout en") for line in lines)


def test_a_right_column_opening_with_the_rest_of_a_list_item_goes_on_with_it() -> None:
    # A section in two columns of its own beside its margin heading: the right
    # column opens with the last word of the left column's last item, set at the
    # item's hanging indent, then a new item at the bullet's edge.
    drawn = words("DESCRIPTION DU", 55.7, 140.9, bold=True) + words(
        "PROJET", 55.7, 154.4, bold=True
    )
    body = ["Le dispositif propose de prévenir", "les risques d’inondation dans les"]
    body += ["quartiers exposés au plus près des", "besoins exprimés par les usagers."]
    for n, text in enumerate(body):
        drawn += spread(text.split(), 188.0, 356.4, 140.9 + 13.5 * n)
    drawn += spread(["•", "Un", "tableau", "de", "bord", "ouvert", "au"], 188.0, 356.4, 201.9)
    drawn += words("public", 198.8, 215.4)
    drawn += spread(["•", "Une", "charte", "de", "sobriété", "numérique"], 188.0, 356.4, 228.9)
    drawn += words("signée par tous les partenaires du", 198.8, 242.4)
    drawn += words("projet", 381.6, 140.9)
    drawn += words("• Un partenariat avec le tissu", 370.8, 154.4)
    drawn += words("associatif", 381.6, 167.9)
    right = ["Le programme aide à renforcer le", "lien entre les habitants et les"]
    right += ["services municipaux sur tout le", "territoire et chaque mois sans"]
    for n, text in enumerate(right):
        drawn += spread(text.split(), 370.8, 539.2, 189.6 + 13.5 * n)
    drawn += words("faute.", 370.8, 243.6)
    drawn += words("INNOVATION DU", 55.7, 270.1, bold=True) + words(
        "PROJET", 55.7, 283.6, bold=True
    )
    for n, text in enumerate(["Les « ambassadeurs » du projet", "animent 72 ateliers par an. Ce"]):
        drawn += spread(text.split(), 188.0, 356.4, 270.1 + 13.5 * n)
    drawn += words("service s’attache à réduire la", 188.0, 297.1)
    for n, text in enumerate(["consommation d’énergie des", "bâtiments publics grâce à une"]):
        drawn += spread(text.split(), 370.8, 539.2, 270.1 + 13.5 * n)
    drawn += words("démarche de co-construction.", 370.8, 297.1)
    order = texts(read(drawn))
    at = order.index("signée par tous les partenaires du")
    assert order[at + 1 : at + 3] == ["projet", "• Un partenariat avec le tissu"]
    assert order.index("INNOVATION DU") > order.index("faute.")


def test_a_label_crossing_its_own_gutter_does_not_end_two_labelled_columns() -> None:
    # Each column of the page is a column of labels beside its text. Below a blank
    # strip across the page, `PARTENAIRES` crosses the right column's label gutter:
    # the gutter between the page's two columns goes on, so the band goes on with
    # the zone above (it must, for the page to be read column after column).
    from extract.layout.order import _free, _gutters, _joins, _Zone

    def item(x0: float, top: float, x1: float, bottom: float, bold: bool = False) -> Item:
        return Item(
            BBox(x0, top, x1, bottom), 11.0, round((bottom - top) / 12.6), False, False, bold
        )

    above = [
        item(45.1, 142.2, 121.4, 165.8, bold=True),
        item(135.5, 142.2, 290.5, 414.5),
        item(394.4, 142.2, 547.2, 326.0),
        item(307.6, 340.0, 358.9, 376.3, bold=True),
        item(376.6, 340.0, 549.6, 414.2),
    ]
    below = [
        item(45.1, 428.5, 117.8, 452.2, bold=True),
        item(131.9, 428.5, 273.5, 464.8),
        item(307.6, 428.2, 386.4, 451.9, bold=True),
    ]
    strips = _free(above, 45.1, 549.6)
    zone = _Zone([above], strips, _gutters(above, strips))
    assert len(zone.gutters) == 3
    assert _joins(zone, below, _free(below, 45.1, 549.6))


def test_a_margin_label_is_cut_from_its_text_where_the_next_section_s_text_starts_left() -> None:
    # Right column: labels beside their text, each section a table of its own
    # widths. The text of the next section (APPORTS) starts 13 pt left of this
    # one's, inside the strip between `DU PROJET` and its text, and the left
    # column's lines keep the rows one run of text down to it.
    drawn: list[Word] = []
    for n in range(12):
        drawn += words(f"texte de gauche {n} assez long", 130.1, 204.8 + 12.1 * n)

    label = partial(placed, bold=True)
    drawn += [label("INNOVATION", 310.1, 379.4, 228.9)]
    drawn += [label("DU", 310.1, 325.3, 241.0), label("PROJET", 327.9, 369.2, 241.0)]
    for n, text in enumerate(
        ["L’outil propose de valoriser", "producteurs locaux et les", "courts et le reste"]
    ):
        drawn += words(text, 393.5, 228.9 + 12.1 * n)
    drawn += words("déchets avec un budget.", 393.5, 265.2)
    drawn += [label("APPORTS", 310.1, 359.0, 301.4)] + words("Les ambassadeurs", 380.4, 301.4)
    lines = texts(read(drawn))
    assert "DU PROJET" in lines
    assert "producteurs locaux et les" in lines


def test_the_last_line_of_a_card_below_its_neighbour_s_end_stays_in_its_column() -> None:
    # Two entries flowed in two columns: the left title takes two lines, so its
    # territory line starts below the right entry's end; nothing in the left
    # column is set like it, but the right entry's territory line is.
    drawn = words("• SentinelleVerte, le service qui", 70, 129.7, size=11.55, bold=True)
    drawn += words("des familles", 70, 146.9, size=11.55, bold=True)
    drawn += words("Mirecombe [LABEL OR]", 70, 163.5, size=10.5)
    drawn += words("• Kalipso", 314.2, 129.7, size=11.55, bold=True)
    drawn += words("Marvignac Métropole [LABEL OR]", 314.2, 146.3, size=10.5)
    assert texts(read(drawn)) == [
        "• SentinelleVerte, le service qui",
        "des familles",
        "Mirecombe [LABEL OR]",
        "• Kalipso",
        "Marvignac Métropole [LABEL OR]",
    ]


def test_a_cell_printed_up_to_the_next_is_cut_where_the_next_row_starts() -> None:
    # `[LABEL ARGENT]` then `Communauté de` 9.5 pt further (the row's spaces are
    # 3.5 pt), the territory's next lines starting right there.
    at = partial(placed, size=11.0)

    drawn = [at("[LABEL", 66.1, 104.6, 134.6), at("ARGENT]", 108.1, 157.9, 134.6)]
    drawn += [at("Communauté", 167.4, 241.9, 134.6), at("de", 245.4, 259.2, 134.6)]
    drawn += words("Communes des Portes du", 167.4, 147.4, size=11.0)
    drawn += words("Massif des Sarrances", 167.4, 160.2, size=11.0)
    lines = texts(read(drawn))
    assert "[LABEL ARGENT]" in lines
    assert "Communauté de" in lines


def test_a_column_s_next_paragraph_under_a_short_right_column_stays_in_it() -> None:
    # The right column holds only `PARTENAIRES:` and logos at the top; the left column's
    # next paragraph starts a paragraph's space under the first, further than its
    # heading stands over it.
    drawn = words("DESCRIPTION DU PROJET:", 63.0, 165.1, size=12.07, bold=True)
    drawn += words("PARTENAIRES:", 312.0, 165.1, size=12.07, bold=True)
    first = [
        "Le projet cherche à valoriser les",
        "les circuits courts au plus près",
        "par les usagers.",
    ]
    for n, text in enumerate(first):
        drawn += words(text, 63.0, 180.7 + 13.8 * n, size=10.5)
    then = ["Les agents ont été formés en 2030", "et le retour des usagers est très", "positif."]
    for n, text in enumerate(then):
        drawn += words(text, 63.0, 231.4 + 13.8 * n, size=10.5)
    logos = [BBox(312.0, 184.0, 392.0, 214.0)]  # the partners' logos under their heading
    order = texts(read(drawn, logos))
    assert order.index("PARTENAIRES:") > order.index("positif.")


def test_a_margin_label_s_second_line_nearly_as_wide_as_the_strip_is_cut_from_its_text() -> None:
    # LibreOffice seed 11038: `du projet :` under `Innovation` ends 15 pt
    # before its text (1.3 em: less than a gutter, more than the line's other
    # spaces, which are not stretched alike), and the next section's text
    # (`Mieux vivre ensemble`, beside a narrower label) starts inside the strip.
    # That column's start, 17 pt left, is the page's gutter: none is cut at 397.6.
    em = 11.5
    drawn: list[Word] = []
    for n in range(20):
        drawn += words(f"texte de gauche {n} long", 151.5, 229.2 + 13.4 * n, em)
    drawn += [placed("Innovation", 314.3, 383.5, 255.3, em, True)]
    drawn += words("Le projet vise à mieux", 397.6, 255.3, em)
    drawn += [
        placed("du", 314.3, 330.7, 268.7, em, True),
        placed("projet", 334.7, 373.7, 268.7, em, True),
        placed(":", 377.7, 382.3, 268.7, em, True),
        placed("informer", 397.6, 446.8, 268.7, em),
        placed("les", 455.7, 471.8, 268.7, em),
        placed("usagers", 480.6, 526.0, 268.7, em),
        placed("en", 534.8, 549.2, 268.7, em),
    ]
    for n, text in enumerate(["temps réel. Plus de 33", "habitants utilisent déjà", "service."]):
        drawn += words(text, 397.6, 282.1 + 13.4 * n, em)
    drawn += words("des agents formés", 418.8, 229.2, em)
    for n, text in enumerate(["Les", "apports", "du", "projet :"]):
        drawn += words(text, 314.3, 335.1 + 13.4 * n, em, bold=True)
    drawn += words("Mieux vivre ensemble", 380.1, 335.1, em)
    for n in range(6):
        drawn += words(f"Le dispositif {n} a pour objectif", 380.1, 388.7 + 13.4 * n, em)
    lines = texts(read(drawn))
    assert "du projet :" in lines
    assert "informer les usagers en" in lines


def test_a_dash_breaking_a_sentence_at_a_line_s_start_makes_no_list_item() -> None:
    # LibreOffice seed 11068: each section's label beside its text, the text
    # flowing from the left column's foot to the right column's top, where the
    # rest of the heading stands. The left column's last paragraph holds an
    # incise the line broke before (`– une première à`), set flush like its
    # other lines: it is running text, not a list whose last item goes on.
    drawn = words("DESCRIPTION", 40, 100, bold=True) + column("Un", 130, 100, 4)
    drawn += words("Une démarche qui valorise les", 130, 100 + 5 * PITCH)
    drawn += words("circuits courts", 130, 100 + 6 * PITCH)
    drawn += words("– une première à", 130, 100 + 7 * PITCH)
    drawn += words("cette échelle.", 130, 100 + 8 * PITCH)
    drawn += words("INNOVATION", 40, 100 + 9.5 * PITCH, bold=True)
    drawn += words("Les ambassadeurs", 130, 100 + 9.5 * PITCH)
    # The right column's label ends past where the next section's text starts,
    # and its text stands a hair higher than it.
    drawn += words("DU PROJET :", 310, 100, bold=True)
    drawn += words("du projet animent des", 380, 99.9) + column("ateliers", 380, 99.9 + PITCH, 3)
    drawn += words("APPORTS", 310, 100 + 5 * PITCH, bold=True) + column(
        "Bas", 355, 100 + 5 * PITCH, 3
    )
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == (
        ["DESCRIPTION"]
        + ["Un"] * 4
        + ["Une", "circuits", "–", "cette"]
        + ["INNOVATION", "Les", "DU", "du"]
        + ["ateliers"] * 3
        + ["APPORTS"]
        + ["Bas"] * 3
    )


def test_a_section_s_text_flows_on_to_a_right_column_of_labelled_sections_after_a_list() -> None:
    # LibreOffice seed 10045: the left column's first section ends on a list;
    # the next section starts at the column's foot and flows on to the top of
    # the right column, whose text opens at its own label's edge (right of the
    # next section's text there): not at a hanging indent of the list's last
    # item, since the right column's text all stands beside the first section.
    drawn = words("DESCRIPTION", 40, 100, bold=True) + column("Un", 130, 100, 4)
    drawn += words("• Un partenariat avec", 130, 100 + 5 * PITCH)
    drawn += words("le tissu associatif", 145, 100 + 6 * PITCH)
    drawn += words("• Un accueil physique", 130, 100 + 7 * PITCH)
    drawn += words("dans chaque mairie", 145, 100 + 8 * PITCH)
    drawn += words("INNOVATION", 40, 100 + 9.5 * PITCH, bold=True)
    drawn += words("Les ambassadeurs", 130, 100 + 9.5 * PITCH)
    drawn += words("du projet animent des", 380, 99.9) + column("ateliers", 380, 99.9 + PITCH, 3)
    drawn += words("APPORTS", 310, 100 + 5 * PITCH, bold=True) + column(
        "Bas", 355, 100 + 5 * PITCH, 3
    )
    drawn += words("PARTENAIRES", 310, 100 + 8.5 * PITCH, bold=True)  # across the label's gutter
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == (
        ["DESCRIPTION"]
        + ["Un"] * 4
        + ["•", "le", "•", "dans"]
        + ["INNOVATION", "Les", "du"]
        + ["ateliers"] * 3
        + ["APPORTS"]
        + ["Bas"] * 3
        + ["PARTENAIRES"]
    )


def test_a_section_flows_on_to_the_right_column_whose_last_label_stands_beside_the_next() -> None:
    # LibreOffice seed 10057: as above, but the right column runs down beside the
    # next section's label (its `PARTENAIRES` heading level with `INNOVATION`),
    # and its first text opens 2 pt right of the edge of the column's other
    # texts: at that edge, not at the hanging indent of the list's last item.
    drawn = words("DESCRIPTION", 40, 100, bold=True) + column("Un", 130, 100, 4)
    drawn += words("• Un partenariat avec", 130, 100 + 5 * PITCH)
    drawn += words("le tissu associatif", 145, 100 + 6 * PITCH)
    drawn += words("• Un accueil physique", 130, 100 + 7 * PITCH)
    drawn += words("INNOVATION", 40, 100 + 9 * PITCH, bold=True)
    drawn += words("Les ambassadeurs", 130, 100 + 9 * PITCH)
    drawn += words("du projet animent des", 364, 99.9) + column("ateliers", 364, 99.9 + PITCH, 3)
    drawn += words("APPORTS", 310, 100 + 5 * PITCH, bold=True) + column(
        "Bas", 362, 100 + 5 * PITCH, 3
    )
    drawn += words("PARTENAIRES", 310, 100 + 9 * PITCH, bold=True)  # across the labels' gutter
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == (
        ["DESCRIPTION"]
        + ["Un"] * 4
        + ["•", "le", "•"]
        + ["INNOVATION", "Les", "du"]
        + ["ateliers"] * 3
        + ["APPORTS"]
        + ["Bas"] * 3
        + ["PARTENAIRES"]
    )


def test_a_title_set_to_a_hair_of_the_right_column_does_not_narrow_the_columns_gutter() -> None:
    # LibreOffice seed 10047: the project's title ends 2 pt before the right
    # column's edge. Taken into the columns' zone, it left them a gutter of 2 pt,
    # which the band of the left column's last paragraph beside the partners'
    # heading (0.2 pt further left) no longer kept: that paragraph was read after
    # the right column's text.
    def text(name: str, x0: float, x1: float, top: float, n: int) -> list[Word]:
        return [placed(f"{name}-{k}", x0, x1, top + 11.0 * k, 9.5) for k in range(n)]

    drawn = [placed("Titre", 66.1, 315.7, 124.7, 10.5)]
    drawn += [placed("DESCRIPTION", 66.1, 203.6, 155.6, 10.5, True)]
    drawn += [placed("APPORTS", 317.8, 431.5, 155.6, 10.5, True)]
    drawn += text("gauche", 66.1, 301.4, 170.7, 7)
    drawn += [placed("INNOVATION", 66.1, 200.1, 260.0, 10.5, True)]
    drawn += text("milieu", 66.1, 301.4, 275.1, 7) + text("bas", 66.1, 301.4, 359.0, 6)
    drawn += text("droite", 317.8, 553.0, 170.7, 9) + text("suite", 317.8, 553.0, 276.5, 7)
    drawn += [placed("PARTENAIRES", 317.6, 396.1, 365.8, 10.5, True)]
    order = [line.text.split("-")[0] for line in read(drawn)]
    assert order == (
        ["Titre", "DESCRIPTION"]
        + ["gauche"] * 7
        + ["INNOVATION"]
        + ["milieu"] * 7
        + ["bas"] * 6
        + ["APPORTS"]
        + ["droite"] * 9
        + ["suite"] * 7
        + ["PARTENAIRES"]
    )


def test_a_label_printed_up_to_the_text_of_the_cell_beside_it_is_cut_from_it() -> None:
    # LibreOffice seed 11009: the label's cell is full (`Apports du` ends 8 pt,
    # 0.7 em, before the subtitle in the cell beside it), and the section's
    # text starts where the subtitle does two rows down.
    em = 11.0
    drawn = words("avec les associations locales.", 110.7, 602.2, em)
    drawn += [
        placed("Apports", 41.1, 83.2, 627.2, em, True),
        placed("du", 86.3, 99.7, 627.2, em, True),
    ]
    drawn += words("L’innovation au cœur des quartiers", 107.8, 627.2, em)
    drawn += [placed("projet:", 41.1, 75.2, 639.9, em, True)]
    for n, text in enumerate(
        ["La plateforme permet de", "le lien entre les", "services municipaux"]
    ):
        drawn += words(text, 107.8, 652.5 + 12.6 * n, em)
    lines = texts(read(drawn))
    assert "Apports du" in lines
    assert "L’innovation au cœur des quartiers" in lines


def test_a_heading_beside_a_paragraph_s_first_line_at_its_column_s_edge_starts_a_column() -> None:
    # LibreOffice seed 11099: a page holding a record's last lines, where the
    # right column has only its partners' heading, level with the left column's
    # first line, 16 pt (1.7 em) after it. The other lines of the paragraph end
    # where that line ends; the page number over them spans the space.
    drawn = [placed("page", 284.5, 301.5, 78.6, 9.5), placed("26", 303.8, 312.8, 78.6, 9.5)]
    drawn += [placed("/", 315.0, 317.5, 78.6, 9.5), placed("44", 319.8, 328.8, 78.6, 9.5)]
    first = "Ce service a pour objectif de simplifier les démarches"
    drawn += spread(first.split(), 65.1, 298.2, 98.9)
    drawn += [placed("PARTENAIRES", 314.6, 389.5, 98.8, 10.5, True)]
    for n, x1 in enumerate([298.0, 297.9, 298.3, 298.1]):
        drawn += spread(
            ["administratives", "des", "familles", "avec", "un", "budget"], 65.1, x1, 109.9 + 11 * n
        )
    lines = texts(read(drawn))
    assert "PARTENAIRES" in lines
    assert first in lines


def test_a_heading_below_a_short_text_beside_it_is_read_after_that_text() -> None:
    # LibreOffice seed 12072: a record's last words spill to the top of the right
    # column (`bassin de vie.`, in the text's column of a labelled layout), and
    # its partners' heading stands in the label column below them. The heading
    # is wider than that short line: no measure of a label's narrowness there.
    drawn: list[Word] = []
    for n in range(6):
        drawn += words(f"texte de gauche {n} assez long", 134.4, 59.5 + 12.6 * n, 11.0)
    drawn += words("bassin de vie.", 383.4, 59.5, 11.0)
    drawn += words("Partenaires", 318.1, 84.5, 11.0, bold=True)
    order = texts(read(drawn))
    assert order[-2:] == ["bassin de vie.", "Partenaires"]


def test_a_lone_table_row_s_rule_drawn_cell_by_cell_cuts_its_cells_apart() -> None:
    # Chromium seed 11067: a summary table spilled over, leaving one row on the
    # page. Its territory ends 15 pt (1.4 em) before the tag of the next cell,
    # less than a gutter, and no second row shows the column; the rule under
    # the row, drawn cell by cell, meets end to end between them.
    em = 10.5
    drawn = words("Écho’Mairie, l’application mobile au service", 90.2, 99.7, em, bold=True)
    drawn += words("de tous les habitants du bassin de vie", 90.2, 115.5, em, bold=True)
    drawn += [
        placed("Communauté", 331.4, 394.5, 99.7, em),
        placed("de", 397.4, 409.1, 99.7, em),
        placed("Communes", 412.0, 465.7, 99.7, em),
        placed("du", 468.6, 480.3, 99.7, em),
        placed("[Label", 495.4, 524.0, 99.7, em),
        placed("Or]", 526.9, 541.5, 99.7, em),
    ]
    drawn += words("Plateau de Sarrance", 331.4, 115.5, em)
    rules = [BBox(84.0, 132.8, 325.5, 133.5), BBox(325.5, 132.8, 489.8, 133.5)]
    rules += [BBox(489.8, 132.8, 547.5, 133.5)]
    lines = texts(read(drawn, rules))
    assert "Communauté de Communes du" in lines
    assert "[Label Or]" in lines


def test_a_run_in_heading_s_text_on_its_baseline_after_a_wide_space_stays_on_its_line() -> None:
    # Chromium seed 11077: `Les apports du projet` (bold, 11.9 pt) runs into
    # its section's subtitle, set 1.4 em after it. The taller heading shares the
    # row of the left column's line beside it; the subtitle's words, lower on
    # the same baseline, overlap that row just short of half their height.
    left = 11.0
    drawn: list[Word] = []
    for n in range(6):
        drawn += words(f"texte de gauche {n} assez long", 60.0, 303.8 + 13.5 * n, left)
    drawn += [
        placed("Les", 317.8, 338.0, 335.9, 11.88, True),
        placed("apports", 341.3, 385.0, 335.9, 11.88, True),
        placed("du", 388.3, 402.0, 335.9, 11.88, True),
        placed("projet", 405.3, 489.1, 335.9, 11.88, True),
        placed("Quand", 505.3, 541.6, 336.6, left),
        placed("le", 554.2, 564.0, 336.6, left),
    ]
    drawn += words("numérique rapproche", 317.8, 350.8, left)
    drawn += words("Plus de 9 habitants utilisent déjà le service", 317.8, 373.3, left)
    order = texts(read(drawn))
    heading = next(k for k, text in enumerate(order) if text.startswith("Les apports"))
    assert order[heading].endswith("Quand le") or order[heading + 1] == "Quand le"
    assert order.index("numérique rapproche") > heading + (
        0 if order[heading].endswith("le") else 1
    )


def test_a_right_column_opening_at_an_indent_other_than_the_list_s_hang_takes_the_flow() -> None:
    # LibreOffice seed 12085: the sections flow down the left column and on to
    # the right one; each section is a table of its own widths, so the right
    # column's first text (the second section's, going on) opens 19 pt right of
    # the next section's text, while the first section's list hangs 14 pt.
    drawn = words("DESCRIPTION", 40, 100, bold=True) + column("Un", 130, 100, 3)
    drawn += words("• Un comité d’usagers", 130, 100 + 3 * PITCH)
    drawn += words("se réunit chaque", 144, 100 + 4 * PITCH)
    drawn += words("INNOVATION", 40, 100 + 6 * PITCH, bold=True) + column(
        "Deux", 130, 100 + 6 * PITCH, 2
    )
    drawn += words("tournées de collecte des", 130, 100 + 8 * PITCH)
    drawn += words("déchets en lien étroit", 379, 100) + column("Suite", 379, 100 + PITCH, 2)
    drawn += words("APPORTS", 310, 100 + 3.5 * PITCH, bold=True)
    drawn += column("Trois", 360, 100 + 3.5 * PITCH, 2)
    drawn += words("• Des ateliers collectifs", 360, 100 + 6 * PITCH)
    drawn += words("mensuels", 374, 100 + 7 * PITCH)
    # Wider than the labels' strip: no gutter between labels and text there.
    drawn += words("PARTENAIRES", 310, 100 + 8.5 * PITCH, bold=True)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == (
        ["DESCRIPTION"]
        + ["Un"] * 3
        + ["•", "se", "INNOVATION"]
        + ["Deux"] * 2
        + ["tournées"]
        + ["déchets"]
        + ["Suite"] * 2
        + ["APPORTS"]
        + ["Trois"] * 2
        + ["•", "mensuels"]
        + ["PARTENAIRES"]
    )


def test_a_justified_item_s_stretched_space_on_a_known_gutter_is_not_cut() -> None:
    # Chromium seed 10023: other pages start a column at 340; on a spilled
    # page, a justified list item's last word starts right there after the
    # line's stretched spaces, over its item's next line at the hanging indent.
    full = column("g", 221.6, 100, 12) + column("droite", 340, 100, 12)
    spill = [
        placed("•", 221.6, 225.8, 61.1, 12.0),
        placed("Une", 239.5, 259.5, 61.1, 12.0),
        placed("application", 273.1, 326.5, 61.1, 12.0),
        placed("mobile", 340.1, 373.4, 61.1, 12.0),
        placed("gratuite", 236.0, 272.7, 76.8, 12.0),
    ]
    pages = recut((page(full, number=1), page(spill, number=2)))
    assert texts(pages[1].lines) == ["• Une application mobile", "gratuite"]


def test_a_bold_label_after_a_justified_line_s_space_is_cut_from_it() -> None:
    # LibreOffice seed 12057: the last line of a page's paragraph is stretched
    # to the column's edge, each space 16 pt, and the partners' label of the
    # column beside it starts 16 pt after its last word: a space as wide as the
    # line's own, but across a change of weight.
    drawn: list[Word] = []
    texts_above = [
        "L’équipe projet aide à lutter contre",
        "l’isolement des personnes âgées en",
        "s’appuyant sur les données ouvertes du",
        "territoire. Plus de 65 habitants utilisent",
    ]
    for n, text in enumerate(texts_above):
        drawn += spread(text.split(), 127.8, 294.0, 90.6 + 10.95 * n)
    drawn += [
        placed("le", 127.8, 134.6, 134.4, 9.5),
        placed("service", 150.9, 177.8, 134.4, 9.5),
        placed("chaque", 193.9, 220.8, 134.4, 9.5),
        placed("mois.", 237.0, 257.8, 134.4, 9.5),
        placed("Cette", 274.0, 294.0, 134.4, 9.5),
        placed("Partenaires:", 310.3, 360.3, 134.7, 9.5, True),
    ]
    lines = texts(read(drawn))
    assert "le service chaque mois. Cette" in lines
    assert "Partenaires:" in lines


def test_a_label_wrapped_onto_a_block_of_its_own_still_opens_its_row() -> None:
    # Chromium seed 10074: a small label on a wide line height (`LES APPORTS
    # DU` / `PROJET :`, 7.5 pt on 16.5 pt) is two blocks; its second stands
    # beside no text's top. The section before it flows on from the previous
    # page down both text columns, and the labelled section's text fills both.
    def text(name: str, x: float, top: float, n: int) -> list[Word]:
        return [
            w
            for k in range(n)
            for w in words(f"{name} ligne {k} du texte", x, top + 16.5 * k, 11.0)
        ]

    drawn = text("haut", 210, 62.8, 8) + text("droite", 385, 62.8, 8)
    drawn += words("LES APPORTS DU", 81.2, 456.6, 7.5, bold=True)
    drawn += words("PROJET :", 81.2, 473.1, 7.5, bold=True)
    drawn += text("bas", 210, 456.6, 6) + text("fin", 385, 456.6, 6)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == (["haut"] * 8 + ["droite"] * 8 + ["LES", "PROJET"] + ["bas"] * 6 + ["fin"] * 6)


def test_a_table_s_bold_header_over_a_bold_cell_is_no_wrapped_label() -> None:
    # LibreOffice seed 5063: a summary table's header (`Projet`, bold) stands
    # over the first row's project (`OPALE`, bold), at its start and in its size,
    # but further down than the lines of a cell: no label wrapped in two.
    em = 10.5
    drawn = words("Projet", 60.1, 82.3, em, bold=True) + words(
        "Territoire", 271.9, 82.3, em, bold=True
    )
    drawn += words("Distinction", 435.5, 82.3, em, bold=True)
    drawn += words("OPALE", 60.1, 103.1, em, bold=True)
    drawn += words("Communauté de Communes", 271.9, 103.1, em)
    drawn += words("du Plateau de Sarrance", 271.9, 115.3, em)
    drawn += words("[Label Argent]", 435.5, 103.1, em)
    rule = BBox(56.0, 97.5, 560.0, 98.0)  # the header's rule: header and cells are blocks apart
    order = texts(read(drawn, [rule]))
    assert order[:3] == ["Projet", "Territoire", "Distinction"]


def test_a_known_column_is_cut_right_on_its_start_after_a_space_wider_than_the_line_s() -> None:
    # reportlab seed 11031: a summary table spilled over with one row, its
    # title ending 9.8 pt (0.85 em) before the territory's cell, where other
    # pages start that column; the row's word spaces are 3.2 pt.
    em = 11.5
    full: list[Word] = []
    for n in range(4):
        full += words(f"Projet {n}", 67.0, 100 + 20 * n, em) + words(
            f"Ville {n}", 259.0, 100 + 20 * n, em
        )
    spill = [
        placed("Le", 67.0, 79.8, 156.3, em),
        placed("catalogue", 83.0, 132.8, 156.3, em),
        placed("des", 136.0, 154.6, 156.3, em),
        placed("données", 157.8, 201.9, 156.3, em),
        placed("ouvertes", 205.1, 249.2, 156.3, em),
        placed("CCAS", 259.0, 290.9, 156.3, em),
        placed("de", 294.1, 306.9, 156.3, em),
        placed("Villebrise", 310.1, 356.8, 156.3, em),
    ]
    pages = recut((page(full, number=1), page(spill, number=2)))
    assert texts(pages[1].lines) == ["Le catalogue des données ouvertes", "CCAS de Villebrise"]


def test_the_equal_gutters_of_a_grid_are_no_stretched_spaces() -> None:
    # reportlab seed 10018: three cards of one width side by side, no frames;
    # on one row the first two end their line with the same word, so the two
    # gutters after them come out equally wide (93 pt), like a justified line's
    # spaces, while the third card's line goes on with plain word spaces.
    em = 11.0
    drawn = words("• Ville de Marvignac et", 67.0, 103.1, em) + words(
        "• Ville de Joncières et", 225.8, 103.1, em
    )
    drawn += words("• Syndicat mixte", 384.5, 103.1, em)
    drawn += [
        placed("Communauté", 82.4, 148.4, 117.6, em),
        placed("Communauté", 241.2, 307.2, 117.6, em),
        placed("numérique", 399.9, 451.9, 117.6, em),
        placed("du", 454.9, 467.2, 117.6, em),
        placed("Val", 470.2, 486.1, 117.6, em),
        placed("Vert", 489.2, 509.4, 117.6, em),
    ]
    drawn += words("d’Agglomération des", 82.4, 132.1, em) + words(
        "d’Agglomération du", 241.2, 132.1, em
    )
    drawn += words("SentinelleVerte, votre", 384.5, 132.1, em, bold=True)
    lines = texts(read(drawn))
    assert "numérique du Val Vert" in lines
    assert lines.count("Communauté") == 2


def test_a_heading_below_a_short_text_is_read_after_it_whatever_logos_stand_beside() -> None:
    # LibreOffice seed 7014: as above, with the partners' logos beside the
    # heading, below the short text: they reach further down than the text,
    # but a figure says nothing of where the text ends.
    drawn: list[Word] = []
    for n in range(6):
        drawn += words(f"texte de gauche {n} assez long", 132.8, 93.5 + 13.3 * n, 11.5)
    drawn += words("numérique.", 383.5, 93.5, 11.5)
    drawn += words("Partenaires", 317.8, 119.5, 11.5, bold=True) + words(
        ":", 317.8, 132.8, 11.5, bold=True
    )
    logos = [BBox(394.2, 123.2, 435.6, 153.2), BBox(445.6, 123.2, 487.0, 153.2)]
    order = texts(read(drawn, logos))
    assert order[-3:] == ["numérique.", "Partenaires", ":"]


def test_a_label_s_row_broken_between_the_columns_flows_on_to_the_right_column() -> None:
    # LibreOffice seed 9007: the sections are table rows flowing down two
    # columns; the second section's row broke between them. `INNOVATION` and
    # its subtitle stand at the left column's foot, under the right column's
    # end; the rest of its label, `DU PROJET :`, opens the right column, its
    # text starting a line below.
    drawn = words("DESCRIPTION", 45.1, 142.2, bold=True) + column("Un", 135.5, 142.2, 12)
    drawn += words("DU PROJET :", 307.6, 142.2, bold=True)
    drawn += column("Suite", 394.4, 142.2 + 12.6, 5)
    drawn += words("APPORTS", 307.6, 240.0, bold=True) + column("Trois", 376.6, 240.0, 4)
    drawn += words("PARTENAIRES", 307.6, 300.0, bold=True)
    drawn += words("INNOVATION", 45.1, 300.0 + 14.0, bold=True)
    drawn += words("Des données au service", 131.9, 300.0 + 14.0)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == (
        ["DESCRIPTION"]
        + ["Un"] * 12
        + ["INNOVATION", "Des", "DU"]
        + ["Suite"] * 5
        + ["APPORTS"]
        + ["Trois"] * 4
        + ["PARTENAIRES"]
    )


def test_a_label_whose_rest_stands_under_it_is_cut_from_the_subtitle_beside_it() -> None:
    # LibreOffice seed 9053: `APPORTS` (bold) then the section's subtitle, 1.9
    # em further, in the cell beside it; the label goes on below (`DU`, then
    # `PROJET :`), while the section above has labels wider than this one's
    # cell, reaching over the space.
    em = 9.5
    drawn = [placed("INNOVATION", 44.1, 117.3, 363.3, em, True)] + words(
        "L’équipe projet", 131.4, 363.2, em
    )
    drawn += [
        placed("DU", 44.1, 60.6, 374.4, em, True),
        placed("PROJET", 63.9, 106.0, 374.4, em, True),
        placed(":", 109.3, 112.8, 374.4, em, True),
    ]
    drawn += words("contre", 131.4, 374.2, em)
    for n, text in enumerate(
        ["âgées. La démarche", "simplifier les", "administratives des familles."]
    ):
        drawn += words(text, 131.4, 385.3 + 11.05 * n, em)
    drawn += [placed("APPORTS", 44.1, 95.8, 429.8, em, True)] + words(
        "Mieux vivre ensemble", 113.7, 429.7, em
    )
    drawn += words("DU", 44.1, 440.9, em, bold=True) + words("PROJET :", 44.1, 452.1, em, bold=True)
    lines = texts(read(drawn))
    assert "APPORTS" in lines
    assert "Mieux vivre ensemble" in lines


def test_a_section_s_table_going_on_at_the_right_column_s_top_is_read_there() -> None:
    # LibreOffice seed 12051: each section is a table of its own widths. The
    # second one starts at the left column's foot, its text 83.4 pt right of
    # its label, and goes on at the right column's top with its text just as
    # far right of where the right column's labels stand (the third section's
    # text there is 68.3 pt from its label, the first's 87 pt).
    drawn = words("DESCRIPTION", 48.1, 169.4, bold=True) + column("Premier", 135.1, 169.4, 8)
    drawn += words("INNOVATION", 48.1, 280.0, bold=True) + column("Deuxième", 131.5, 280.0, 6)
    drawn += column("Suite", 391.5, 169.4, 5)
    drawn += words("APPORTS", 308.1, 240.0, bold=True) + column("Trois", 376.4, 240.0, 3)
    drawn += column("Encore", 376.4, 280.0, 4)
    drawn += [placed("PARTENAIRES", 308.1, 383.3, 340.0, bold=True)]  # across the labels' strip
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == (
        ["DESCRIPTION"]
        + ["Premier"] * 8
        + ["INNOVATION"]
        + ["Deuxième"] * 6
        + ["Suite"] * 5
        + ["APPORTS"]
        + ["Trois"] * 3
        + ["Encore"] * 4
        + ["PARTENAIRES"]
    )


def test_cards_drawn_without_frames_are_no_labels_of_the_column_beside_them() -> None:
    # Chromium seed 10050: a summary's cards flowed in two CSS columns, no
    # frames, each a bold title over its territory and tag. The left column's
    # items are narrow and each beside the top of one of the right's, like
    # labels, but set as they are: a grid read column after column.
    drawn = words("VéloLien", 62.2, 133.0, 10.45, bold=True) + words(
        "TerraPulse", 316.0, 133.0, 10.45, bold=True
    )
    drawn += words("Ville d’Orbessan [LABEL OR]", 62.2, 146.5, 9.49)
    drawn += words("Département de la Arnelle [LABEL OR]", 316.0, 146.5, 9.49)
    drawn += words("Graine de Data", 62.2, 173.5, 10.45, bold=True)
    drawn += [
        placed("Le", 316.0, 330.0, 173.5, 10.45, True),
        placed("guichet", 333.0, 545.6, 173.5, 10.45, True),
    ]
    drawn += words("Gravelonne [LABEL OR]", 62.2, 187.7, 9.49)
    drawn += words("Verdanson Métropole [LABEL BRONZE]", 316.0, 187.7, 9.49)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == [
        "VéloLien",
        "Ville",
        "Graine",
        "Gravelonne",
        "TerraPulse",
        "Département",
        "Le",
        "Verdanson",
    ]


def test_items_wrapped_alike_in_two_columns_are_no_word_pushed_to_an_edge() -> None:
    # Chromium seed 14025, the words of its jury as the reader measured them: a
    # list in two columns. On one row the left item's last words and the right
    # item's last word (`Territoires`, at its hanging indent) are all that
    # stand; that word ends where a first name of two other rows of the right
    # column ends, their items going on after it. Those rows do not end there,
    # and the other row ending there has the same space in it: nothing pushes
    # `Territoires` to an edge.
    rows = {
        153.5: (
            12.15,
            True,
            "Le:59.2:75.5 jury:79.7:106.4",
        ),
        175.4: (
            9.0,
            False,
            "Le:59.2:70.6 jury:73.4:91.4 a:94.2:99.6 entendu:102.5:139.9 "
            "les:142.8:155.6 territoires:158.4:205.0 au:207.9:219.0 "
            "cours:221.9:247.1 de:249.9:261.0 5:263.9:269.6 "
            "demi-journées:272.5:337.4 d’auditions.:340.3:393.9 Merci:396.7:423.5 "
            "à:426.4:431.7 ::434.6:437.6",
        ),
        192.6: (
            9.0,
            False,
            "•:59.2:64.6 Maëlle:67.4:98.4 Ollivro,:101.3:134.9 Institut:137.8:171.3 "
            "Cité:174.2:192.9 Demain:195.7:230.8 •:312.0:317.3 Hélène:320.2:352.7 "
            "Saint-Amans,:355.5:416.1 Numerix:418.9:458.7 Conseil:461.6:495.4",
        ),
        205.4: (
            9.0,
            False,
            "•:59.2:64.6 Maëlle:68.9:99.9 Bonnafoux,:104.2:155.7 Agence:160.1:193.8 "
            "Nationale:198.1:242.7 Fictive:247.0:278.1 du:282.4:294.0 •:312.0:317.3 "
            "Timothée:327.6:370.4 Labarthe,:380.7:425.1 Caisse:435.3:465.0 "
            "Régionale:475.3:520.8 des:531.0:546.7",
        ),
        218.1: (
            9.0,
            False,
            "Numérique:70.0:121.6 Public:124.5:152.9 Territoires:322.8:371.1",
        ),
        230.9: (
            9.0,
            False,
            "•:59.2:64.6 Anatole:69.2:104.1 Castagné,:108.8:154.4 "
            "Association:159.1:211.3 des:215.9:231.6 Élus:236.3:256.2 "
            "Ruraux:260.9:294.0 •:312.0:317.3 Capucine:328.9:371.8 "
            "Vasseur,:383.4:421.0 Caisse:432.6:462.3 Régionale:473.9:519.4 "
            "des:531.0:546.7",
        ),
        242.9: (
            9.0,
            False,
            "Connectés:70.0:117.9 Territoires:322.8:371.1",
        ),
        255.6: (
            9.0,
            False,
            "•:59.2:64.6 Léonie:67.4:98.1 Rigaudeau,:101.0:152.7 "
            "Institut:155.5:189.0 Cité:191.9:210.6 Demain:213.5:248.6 •:312.0:317.3 "
            "Inès:320.2:339.5 Ferrandi,:342.3:384.7 Numerix:387.5:427.3 "
            "Conseil:430.2:464.0",
        ),
        268.4: (
            9.0,
            False,
            "•:59.2:64.6 Inès:67.4:86.7 Le:89.6:100.9 Guennec,:103.7:146.9 "
            "Fondation:149.7:195.5 Océane:198.4:232.6",
        ),
        297.5: (
            12.15,
            True,
            "Les:59.2:82.4 critères:86.6:139.3 d’évaluation:143.5:227.3",
        ),
    }
    drawn = [w for top, (size, bold, row) in rows.items() for w in measured(row, top, size, bold)]
    lines = texts(read(drawn))
    assert "Numérique Public" in lines
    assert lines.count("Territoires") == 2


def test_the_last_word_of_a_two_word_justified_line_is_pushed_to_its_column_s_edge() -> None:
    # LibreOffice seed 11068: a subtitle of two words justified across a narrow
    # column (`Mieux      vivre`), over lines of two or three words stretched to
    # the same edge, whose wide spaces fall where the subtitle's space is. They
    # run across that space to the edge all the same: `vivre` is pushed there.
    rows = {
        241.2: "DESCRIPTION:63.1:157.3:B Mieux:171.4:207.5 vivre:267.7:296.6",
        254.7: "DU:63.1:83.1:B PROJET::87.1:142.3:B ensemble:171.4:227.0",
        276.6: "Le:171.4:185.8 dispositif:243.3:296.6",
        290.0: "contribue:171.4:227.5 à:240.8:247.7 ouvrir:261.0:296.5",
        303.4: "les:171.4:187.8 données:248.1:296.6",
        316.8: "publiques:171.4:228.3 à:234.9:241.8 tous:248.5:273.4 les:280.1:296.4",
    }
    drawn = [w for top, row in rows.items() for w in measured(row, top, 11.5)]
    assert "Mieux vivre" in texts(read(drawn))


def _table_row(gap: float) -> list[Word]:
    """A summary table's row: its title wrapped on two lines in its cell, the
    territory and tag after it on the first line, `gap` after its last word."""
    first = [("Graine", 69.0, 108.9), ("de", 112.7, 127.7), ("Data,", 131.5, 164.0)]
    first += [("un", 167.8, 183.0), ("outil", 186.8, 213.2), ("partagé", 217.0, 263.9)]
    drawn = [placed(t, x0, x1, 121.6, 12.0) for t, x0, x1 in first]
    drawn += words("Département de la Ognelle [LABEL OR]", 263.9 + gap, 121.6, 12.0)
    drawn += words("entre les communes du", 69.0, 137.4, 12.0)
    return drawn


def test_a_table_cell_wrapped_beside_the_next_one_printed_close_is_cut_from_it() -> None:
    # reportlab seeds 16002 and 16004: the title's cell wrapped, its next line
    # at the cell's start and short of the space; the territory's cell starts
    # 8.1 pt (0.7 em, twice the row's spaces) after the title, between the
    # table's rules; without them, a space that narrow is no cell's edge, but
    # one of an em, three times the row’s spaces, is.
    rules = [BBox(64.0, 113.7, 549.3, 115.7), BBox(64.5, 169.7, 548.8, 170.7)]
    assert "Graine de Data, un outil partagé" in texts(read(_table_row(8.1), rules))
    assert "Graine de Data, un outil partagé" not in texts(read(_table_row(8.1)))
    assert "Graine de Data, un outil partagé" in texts(read(_table_row(12.0)))


def test_a_bold_heading_run_into_a_justified_line_stays_on_it() -> None:
    # Chromium seed 16063: `Les apports du projet` runs into the section's
    # subtitle on a justified line; the heading's spaces stretch to 10.4 pt, the
    # subtitle's to 10.9 pt, and the space between them to 14 pt. Nothing
    # starts a column where the subtitle starts.
    em = 9.49
    drawn = words("s’attache à associer les jeunes aux décisions", 305.8, 261.2, em)
    drawn += words("qui les concernent sur l’ensemble du bassin de", 305.8, 274.7, em)
    drawn += words("vie.", 305.8, 287.5, em)
    heading = [("Les", 305.8, 321.2), ("apports", 331.7, 365.3), ("du", 375.7, 387.1)]
    heading += [("projet", 397.6, 424.2)]
    drawn += [placed(t, x0, x1, 311.5, 10.26, True) for t, x0, x1 in heading]
    subtitle = [("Un", 438.1, 451.1), ("service", 462.0, 496.0), ("public", 506.9, 535.5)]
    drawn += [placed(t, x0, x1, 312.2, em) for t, x0, x1 in subtitle]
    drawn += words("réinventé", 305.8, 325.7, em)
    assert "Les apports du projet Un service public" in texts(read(drawn))


def test_a_page_number_and_a_word_far_below_that_start_at_one_place_are_no_column() -> None:
    # Chromium seed 16056: the running header's page number (`– 55 –`) starts
    # where, 600 pt lower, the last word of a two-word justified line of a
    # narrow column starts; the word pushed to the edge on the line above is
    # no column's either.
    drawn = measured("Label:42.5:66.8 Annuaire:214.7:255.1 lauréats:277.8:314.4", 23.5, 9.0)
    drawn += measured("–:533.9:537.7 55:540.1:549.6 –:552.0:555.7", 23.5, 9.0)
    drawn += measured("construction.:387.0:467.3 La:540.6:555.7", 569.8, 12.0)
    drawn += measured(
        "plateforme:387.0:453.5 aide:457.4:483.2 à:487.1:494.2 simplifier:498.1:555.7", 585.6, 12.0
    )
    drawn += measured("les:387.0:404.1 démarches:489.0:555.7", 601.3, 12.0)
    drawn += measured("administratives:387.0:481.2 des:534.8:555.7", 617.1, 12.0)
    drawn += measured(
        "familles:387.0:434.8 en:440.4:455.2 lien:460.8:483.3 étroit:488.8:522.4", 632.8, 12.0
    )
    drawn += measured("avec:528.0:555.7", 632.8, 12.0)
    drawn += measured("les:387.0:404.1 associations:407.9:482.1 locales.:485.9:531.8", 647.8, 12.0)
    lines = texts(read(drawn))
    assert "les démarches" in lines
    assert "administratives des" in lines


def test_a_run_in_heading_over_its_text_s_wrapped_line_is_no_table_cell() -> None:
    # Chromium seed 16008: `Apports Du Projet:` runs into a justified subtitle
    # whose last word wraps under the heading's start (`rapproche`), beside a
    # list set with tight spaces. The space after the heading (9.9 pt) is three
    # times the row's usual space, but not the heading's own (7.2 pt).
    drawn = measured(
        "•:58.7:64.6 Une:67.8:88.6 hotline:91.8:127.0 tenue:130.2:158.9 par:162.1:179.2 "
        "des:182.4:199.8 agents:203.0:236.9 formés:240.0:275.1",
        337.4,
    )
    drawn += measured("Apports:315.2:362.7 Du:369.9:387.1 Projet::394.3:435.0", 338.2, 10.8, True)
    drawn += measured("Quand:444.9:478.4 le:485.0:494.1 numérique:500.7:555.7", 338.9)
    drawn += measured(
        "•:58.7:64.6 Un:70.6:85.4 comité:91.4:125.6 d’usagers:131.5:180.9 qui:186.8:202.8 "
        "se:208.8:219.8 réunit:225.8:256.6 chaque:262.5:299.2 rapproche:315.2:367.5",
        352.4,
    )
    drawn += measured("trimestre:70.7:118.0", 367.4)
    drawn += measured(
        "Le:315.2:327.8 dispositif:343.8:390.2 contribue:406.3:455.1 à:471.1:477.1 "
        "réduire:493.1:530.5 la:546.6:555.7",
        382.4,
    )
    assert "Apports Du Projet: Quand le numérique" in texts(read(drawn))


def test_a_small_bold_heading_run_into_a_slightly_justified_line_stays_on_it() -> None:
    # Chromium seed 16034: `DESCRIPTION DU PROJET` in 7.5 pt, its spaces 4.6 pt,
    # runs into a 10 pt subtitle whose spaces stretch to 4.4 pt, 7.7 pt after
    # it; the subtitle's last word wraps under the heading's start.
    heading = [("DESCRIPTION", 64.0, 118.5), ("DU", 123.1, 136.3), ("PROJET", 140.9, 172.5)]
    drawn = [placed(t, x0, x1, 186.5, 7.5, True) for t, x0, x1 in heading]
    subtitle = [("Des", 180.1, 195.7), ("données", 200.1, 232.8), ("au", 237.3, 246.7)]
    subtitle += [("service", 251.1, 279.4), ("de", 283.8, 293.2)]
    drawn += [placed(t, x0, x1, 187.2, 10.0) for t, x0, x1 in subtitle]
    drawn += words("tous", 64.0, 201.4, 10.0)
    drawn += words("Cette expérimentation s’attache à renforcer le lien", 64.0, 226.2, 10.0)
    assert "DESCRIPTION DU PROJET Des données au service de" in texts(read(drawn))


def test_a_left_column_s_next_paragraph_a_spacing_and_a_half_under_it_stays_in_it() -> None:
    # Chromium seed 16060: a record's last paragraphs spill onto a page whose
    # right column holds only the partners' heading; the left column's second
    # paragraph starts 13.8 pt (just over 1.5 em) under the first, below that heading.
    drawn: list[Word] = []
    texts_above = ["Le programme propose de faciliter l’accès aux", "sportifs et culturels avec un"]
    texts_above += ["à réduire la consommation d’énergie des"]
    for n, text in enumerate(texts_above):
        drawn += words(text, 57.0, 61.2 + 12.75 * n, 9.0)
    drawn += words("première à cette échelle.", 57.0, 98.7, 9.0)
    drawn += words("Partenaires:", 315.1, 61.4, 9.72, bold=True)
    drawn += words("Les ambassadeurs du projet animent 70 ateliers", 57.0, 121.5, 9.0)
    drawn += words("respectant la sobriété numérique.", 57.0, 134.2, 9.0)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == ["Le", "sportifs", "à", "première", "Les", "respectant", "Partenaires:"]


def test_a_label_s_row_broken_mid_sentence_between_the_columns_flows_on() -> None:
    # LibreOffice seed 16089: as seed 9007, but the text goes on beside the
    # rest of the label, mid-sentence (`DU PROJET` beside `75 communes…`).
    drawn = words("DESCRIPTION", 72.1, 227.8, bold=True) + column("Un", 166.0, 227.8, 12)
    drawn += words("DU PROJET", 311.8, 227.8, bold=True)
    drawn += words("75 communes voisines. La", 401.8, 227.8) + column("Suite", 401.8, 239.8, 4)
    drawn += words("LES APPORTS", 311.8, 300.0, bold=True) + column("Trois", 379.4, 300.0, 3)
    drawn += [placed("PARTENAIRES", 311.8, 394.2, 340.0, bold=True)]  # across the labels' strip
    drawn += words("INNOVATION", 72.1, 227.8 + 12 * PITCH + 14.0, bold=True)
    drawn += words("Cette approche a déjà séduit", 162.2, 227.8 + 12 * PITCH + 14.0)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == (
        ["DESCRIPTION"]
        + ["Un"] * 12
        + ["INNOVATION", "Cette", "DU", "75"]
        + ["Suite"] * 4
        + ["LES"]
        + ["Trois"] * 3
        + ["PARTENAIRES"]
    )


def test_a_wrapped_label_on_a_pitch_of_its_own_still_opens_its_row() -> None:
    # Chromium seed 16088: `DESCRIPTION DU` / `PROJET` in 6 pt, its lines 13.6 pt
    # apart, beside text 11.25 pt apart; each section in two columns of its own.
    def text(name: str, x: float, top: float, n: int) -> list[Word]:
        return [
            w
            for k in range(n)
            for w in words(f"{name} ligne {k} du texte", x, top + 11.25 * k, 9.0)
        ]

    drawn = words("DESCRIPTION DU", 42.8, 167.1, 6.0, bold=True)
    drawn += words("PROJET", 42.8, 180.7, 6.0, bold=True)
    # Paragraphs that break at heights of their own in each column: no rows.
    drawn += text("gauche", 148.0, 167.1, 3) + text("suite", 148.0, 210.0, 5)
    drawn += text("droite", 364.7, 167.1, 3) + text("autre", 364.7, 216.0, 5)
    drawn += words("INNOVATION DU PROJET", 42.8, 280.0, 6.0, bold=True)
    drawn += text("bas", 148.0, 280.0, 5) + text("fin", 364.7, 280.0, 4)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == (
        ["DESCRIPTION", "PROJET"]
        + ["gauche"] * 3
        + ["suite"] * 5
        + ["droite"] * 3
        + ["autre"] * 5
        + ["INNOVATION"]
        + ["bas"] * 5
        + ["fin"] * 4
    )


def test_a_justified_line_s_last_word_cut_off_on_a_spilled_page_is_joined_back() -> None:
    # LibreOffice seed 16059: the right column's text starts at 402.3 and ends
    # at 564.1 on the other pages; on a page holding its last lines, a line of
    # two words (`administratives        des`) shows no column to stop the cut.
    full = [
        w
        for k in range(8)
        for w in spread(["Un", "texte", "justifié", f"ligne{k}"], 402.3, 564.1, 100 + PITCH * k)
    ]
    full += column("gauche", 147.8, 100, 8)
    spill = [placed("administratives", 402.3, 492.5, 103.0, 11.5)]
    spill += [placed("des", 544.0, 564.1, 103.0, 11.5)]
    spill += words("familles.", 402.3, 116.4, 11.5)
    before = texts(page(spill, number=2).lines)
    assert "administratives" in before  # cut on its own page
    pages = recut((page(full, number=1), page(spill, number=2)))
    assert texts(pages[1].lines)[0] == "administratives des"


def test_a_heading_a_line_and_a_half_under_a_two_line_label_opens_a_row_of_its_own() -> None:
    # Chromium seed 11050: `LES APPORTS DU` / `PROJET:` (two lines 12 pt apart)
    # then, 20 pt under its last line, `PARTENAIRES:` with nothing beside it:
    # another label, read after the text beside the first.
    drawn = words("INNOVATION DU PROJET", 73.0, 253.4, 9.0, bold=True)
    drawn += column("Deux", 205.3, 253.2, 3) + column("Droite", 396.3, 253.2, 2)
    drawn += words("LES APPORTS DU", 73.0, 297.6, 9.0, bold=True)
    drawn += words("PROJET:", 73.0, 309.6, 9.0, bold=True)
    drawn += words("PARTENAIRES:", 73.0, 329.9, 9.0, bold=True)
    drawn += column("Trois", 205.3, 297.4, 2) + column("Fin", 396.3, 297.4, 2)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order.index("PARTENAIRES:") > order.index("Fin")


def test_a_justified_run_in_heading_s_text_spaced_wide_stays_on_its_row() -> None:
    # Chromium seed 15083: `Innovation  du  projet` runs into `Mieux  vivre`,
    # the line justified (15 pt spaces, 17.5 pt after the heading). A bullet
    # line of the next column, 5 pt higher, took the heading into its row; the
    # subtitle, lower by its smaller size, stood alone and was read after the
    # line under it.
    em = 9.49
    heading = [("Innovation", 84.2, 146.3), ("du", 161.3, 175.9), ("projet", 190.9, 225.2)]
    drawn = [placed(t, x0, x1, 369.4, 10.26, True) for t, x0, x1 in heading]
    drawn += [placed("Mieux", 242.7, 272.6, 370.0, em), placed("vivre", 287.0, 310.9, 370.0, em)]
    drawn += words("• Une charte de sobriété numérique signée", 326.1, 364.7, em)
    drawn += words("par tous les partenaires", 337.6, 376.7, em)
    drawn += words("ensemble", 84.2, 382.0, em)
    drawn += words("Le dispositif vise à optimiser les tournées de", 84.2, 401.5, em)
    order = texts(read(drawn))
    assert order.index("ensemble") > next(k for k, t in enumerate(order) if "Mieux vivre" in t)


def test_a_word_past_a_known_gutter_after_a_line_ended_at_its_column_s_edge_opens_the_column() -> (
    None
):
    # Chromium seed 17083: a justified line of a narrow column stretches its
    # spaces to 34 pt and ends at the column's edge (372.6); its row's next
    # word, a list item's wrapped line at its hanging indent, stands 33.6 pt
    # away, past the right column's start (391.8) that the rows around show.
    drawn = measured(
        "Innovation:54.0:126.6:B du:130.8:147.9:B Le:194.4:208.2 dispositif:226.6:280.6 "
        "cherche:299.0:346.9 à:365.2:372.6 •:391.8:398.9 Des:415.7:438.6 ateliers:455.4:500.1 "
        "collectifs:516.9:570.0",
        394.3,
    )
    drawn += measured(
        "projet::54.0:98.7:B prévenir:194.4:244.4 les:278.3:295.3 risques:329.2:372.6 "
        "mensuels:406.2:463.7",
        410.1,
    )
    drawn += measured("d’inondation:194.4:269.7 dans:298.2:327.1 les:355.6:372.6", 425.8)
    drawn += measured(
        "quartiers:194.4:248.5 exposés:264.0:313.1 –:328.5:334.5 une:350.0:372.6 "
        "L’outil:391.8:428.6 vise:438.9:462.9 à:473.2:480.5 valoriser:490.8:542.8 les:553.0:570.0",
        441.6,
    )
    drawn += measured(
        "première:194.4:248.5 à:254.8:262.2 cette:268.5:299.3 échelle.:305.6:352.4 "
        "Le:358.7:372.6 producteurs:391.8:464.1 locaux:476.6:515.9 et:528.4:540.5 "
        "les:553.0:570.0",
        457.3,
    )
    drawn += measured(
        "projet:194.4:229.4 propose:239.4:287.6 de:297.6:312.6 prévenir:322.6:372.6 "
        "circuits:391.8:434.9 courts:454.3:491.8 tout:511.2:535.6 en:555.0:570.0",
        472.3,
    )
    lines = texts(read(drawn))
    assert "prévenir les risques" in lines
    assert "mensuels" in lines


def test_a_heading_under_a_page_s_taller_second_column_is_read_after_it() -> None:
    # Chromium seed 18016: atop a page, a section goes on in two columns of its
    # own, the first ending 13 lines short of the second; the next section's
    # margin heading stands a blank line under the second column, and its text
    # runs to the foot. A flow would have left no blank lines in the first column.
    drawn = column("gauche", 160, 60, 5) + column("droite", 380, 60, 18)
    drawn += words("APPORTS", 50, 60 + 19 * PITCH, bold=True)
    drawn += column("apports", 160, 60 + 19 * PITCH, 40)
    order = [line.text.split()[0] for line in read(drawn)]
    assert order == ["gauche"] * 5 + ["droite"] * 18 + ["APPORTS"] + ["apports"] * 40


# Chromium seed 10073: a section's columns, justified, the right one set at
# another pitch (the rows share a top only at the subtitle, which ends short).
JUSTIFIED_AT_TWO_PITCHES = [
    (
        50.8,
        "LES:45.0:73.2:B APPORTS:79.4:150.6:B DU:156.8:178.6:B Mieux:221.4:259.1 vivre:262.9:293.2 "
        "ensemble:297.0:355.1 Ce:398.2:414.4 service:436.7:480.1 vise:502.4:526.3 à:548.6:555.7",
    ),
    (67.3, "PROJET:45.0:103.2:B valoriser:398.2:451.7 les:458.0:475.1 producteurs:481.4:555.7"),
    (77.1, "La:221.4:236.5 collectivité:249.9:316.6 a:330.0:337.2 pour:350.6:379.0"),
    (84.6, "locaux:398.2:437.6 et:452.1:464.0 les:478.5:495.6 circuits:510.2:555.7"),
    (94.3, "objectif:221.4:266.9 d’optimiser:279.8:349.0 les:361.9:379.0"),
    (
        101.1,
        "courts:398.2:436.5 en:441.7:456.5 lien:461.6:484.2 étroit:489.3:522.8 avec:528.0:555.7",
    ),
    (110.8, "tournées:221.4:275.0 de:281.9:296.7 collecte:303.7:351.1 des:358.0:379.0"),
    (118.3, "les:398.2:415.2 associations:425.5:499.6 locales.:509.9:555.7"),
    (127.3, "déchets:221.4:268.7 tout:304.1:328.7 en:364.1:379.0"),
    (134.8, "Le:398.2:413.2 programme:426.1:497.1 aide:510.0:535.7 à:548.6:555.7"),
    (144.6, "respectant:221.4:286.4 la:302.4:313.3 sobriété:329.3:379.0"),
    (151.3, "mutualiser:398.2:463.6 les:477.9:495.0 moyens:509.4:555.7"),
    (161.1, "numérique.:221.4:291.2 La:363.8:379.0"),
    (168.6, "entre:398.2:430.6 les:451.9:469.0 communes:490.3:555.7"),
    (178.3, "plateforme:221.4:287.9 a:315.6:322.8 pour:350.6:379.0"),
    (
        185.1,
        "rurales:398.2:441.6 en:445.5:460.3 lien:464.2:486.7 étroit:490.6:524.1 avec:528.0:555.7",
    ),
    (194.8, "objectif:221.4:266.9 de:291.8:306.6 faciliter:331.5:379.0"),
]


def test_a_justified_line_s_last_word_is_no_column_where_the_columns_share_one_row() -> None:
    # The last word of a two-word justified line (`numérique.   La`) stands 72 pt
    # after the first, at the column's right edge; the blank strip before the
    # right column is measured in all the rows the column runs through, not only
    # in the one row both columns share.
    drawn = measured_rows(JUSTIFIED_AT_TWO_PITCHES, 12.0)
    lines = texts(read(drawn))
    assert "numérique. La" in lines


def _balanced_then_foot() -> list[Word]:
    """A margin-headed section in two columns of 20 and 18 lines, then the next
    section's heading and text down to the foot of the page: read alone, as
    much a flow across the headings as two sections in columns of their own."""
    drawn = words("DESCRIPTION", 50, 60, bold=True)
    drawn += column("gauche", 160, 60, 20) + column("droite", 380, 60, 18)
    drawn += words("INNOVATION", 50, 60 + 21 * PITCH, bold=True)
    return drawn + column("innovation", 160, 60 + 21 * PITCH, 38)


def test_a_page_that_cannot_tell_a_flow_is_read_as_the_document_s_other_pages_show() -> None:
    # Chromium seeds 7094, 10073, 18016: the second column stands beside the first
    # section only, and the first column runs to the foot. Alone, the page reads as
    # a flow; another page, where a later section opens a second column of its own
    # beside its heading, shows sections in columns of their own.
    alone = [line.text.split()[0] for line in read(_balanced_then_foot())]
    assert alone[-18:] == ["droite"] * 18
    shows = words("DESCRIPTION", 50, 60, bold=True) + column("a", 160, 60, 5)
    shows += words("INNOVATION", 50, 60 + 7 * PITCH, bold=True)
    shows += column("b", 160, 60 + 7 * PITCH, 8) + column("c", 380, 60 + 7 * PITCH, 8)
    pages = order_pages((page(shows), page(_balanced_then_foot(), number=2)))
    order = [line.text.split()[0] for line in pages[1].lines]
    assert order[:40] == ["DESCRIPTION"] + ["gauche"] * 20 + ["droite"] * 18 + ["INNOVATION"]
    # A summary's table, its tags in plain type in a first column, shows no section.
    table = words("[or]", 50, 60) + column("a", 160, 60, 5)
    table += words("[argent]", 50, 60 + 7 * PITCH)
    table += column("b", 160, 60 + 7 * PITCH, 8) + column("c", 380, 60 + 7 * PITCH, 8)
    pages = order_pages((page(table), page(_balanced_then_foot(), number=2)))
    order = [line.text.split()[0] for line in pages[1].lines]
    assert order[-18:] == ["droite"] * 18


# Chromium seed 19009: a section's justified column beside its list's column.
PUSHED_WHERE_A_COLUMN_IS_KNOWN = [
    (287.1, "équipements:239.6:318.0 sportifs:326.1:372.1 et:380.3:392.2"),
    (296.8, "•:411.4:418.5 Une:424.3:449.2 hotline:455.0:497.3 tenue:503.1:537.6 par:543.4:564.0"),
    (303.6, "culturels:239.6:293.3 tout:323.0:347.6 en:377.4:392.2"),
    (313.3, "des:425.8:446.7 agents:450.6:491.2 formés:495.0:537.1"),
    (320.8, "respectant:239.6:304.7 la:318.1:329.1 sobriété:342.5:392.2"),
    (329.8, "•:411.4:418.5 Des:425.9:448.8 ateliers:456.1:501.9 collectifs:509.3:564.0"),
    (337.3, "numérique.:239.6:309.5 Les:371.0:392.2"),
    (347.1, "mensuels:425.8:483.0"),
    (353.8, "«:239.6:247.0 ambassadeurs:258.7:346.0 »:357.7:365.0 du:376.8:392.2"),
    (363.6, "•:411.4:418.5 Une:422.4:447.4 application:451.3:519.0 mobile:522.9:564.0"),
    (371.1, "projet:239.6:275.9 animent:301.6:351.3 52:376.9:392.2"),
]


def test_a_justified_line_s_last_word_is_no_known_column_s_start() -> None:
    # `numérique.        Les`: the last word of a two-word justified line, pushed
    # to the column's edge, starts where the document's other pages start a column.
    known = column("gauche", 100, 100, 4) + column("droite", 371.0, 100, 4)
    drawn = measured_rows(PUSHED_WHERE_A_COLUMN_IS_KNOWN, 12.0)
    assert "numérique. Les" in texts(page(drawn, number=2).lines)
    pages = recut((page(known, number=1), page(drawn, number=2)))
    assert "numérique. Les" in texts(pages[1].lines)


def test_flowed_cards_whose_titles_stand_level_with_the_other_column_s_territories() -> None:
    # Chromium seed 19098: cards (bold title, then territory and tag) flowed in two
    # CSS columns, 19.5 pt apart in both. Each card's title happens to stand level
    # with a territory line of the other column: no row of a grid starts there.
    title, place = 10.99, 10.0
    printed = [
        (54.0, 111.6, "• La conciergerie des aidants", title, True),
        (54.0, 125.6, "Département de la Orvanne [Label Or]", place, False),
        (54.0, 155.1, "• BALISE – la plateforme citoyenne de", title, True),
        (54.0, 170.1, "la métropole", title, True),
        (54.0, 184.9, "Ville de Marvignac [Label Argent]", place, False),
        (307.8, 111.6, "• FAROS, l’application mobile au", title, True),
        (307.8, 126.6, "service de tous les habitants du bassin", title, True),
        (307.8, 142.3, "de vie", title, True),
        (307.8, 156.4, "Ambrières-la-Neuve Métropole [Label Argent]", place, False),
        (307.8, 185.8, "• MonQuartier+ – un dispositif", title, True),
        (307.8, 200.8, "mutualisé pour les petites communes", title, True),
        (307.8, 216.6, "rurales et leurs habitants", title, True),
        (307.8, 230.6, "Communauté de Communes des Marches du Nord-", place, False),
        (307.8, 244.9, "Est [Label Bronze]", place, False),
    ]
    drawn = [w for x, top, text, size, bold in printed for w in words(text, x, top, size, bold)]
    titles = [line.text for line in read(drawn) if line.text.startswith("•")]
    assert titles == [
        "• La conciergerie des aidants",
        "• BALISE – la plateforme citoyenne de",
        "• FAROS, l’application mobile au",
        "• MonQuartier+ – un dispositif",
    ]


def test_a_heading_past_a_spilled_record_s_ragged_lines_is_cut_from_its_first_line() -> None:
    # LibreOffice seed 19088: a record's last four lines spilled to a page, ragged,
    # beside the next column's bold `PARTENAIRES :` level with the first of them;
    # the page number over the gap (`– 24 –`) covers the strip. The lines of the
    # text all end before the heading's side: it stands past their column.
    drawn = measured("–:299.4:303.9 24:306.1:315.1 –:317.3:321.8", 48.6, 9.0)
    drawn += measured(
        "La:69.1:79.1 collectivité:81.5:123.7 vise:126.1:141.3 à:143.6:147.8 lutter:150.2:170.3 "
        "contre:172.7:196.4 l’isolement:198.8:241.5 des:243.8:256.5 personnes:258.9:296.9",
        68.9,
        9.5,
    )
    drawn += measured("PARTENAIRES:318.6:393.5 ::396.0:399.5", 68.9, 10.5, bold=True)
    drawn += measured(
        "âgées:69.1:90.2 sur:92.6:104.1 l’ensemble:106.5:148.1 du:150.5:160.1 bassin:162.4:186.1 "
        "de:188.5:197.5 vie.:199.9:213.8 Le:216.2:226.2 dispositif:228.5:263.9 permet:266.3:292.6",
        79.9,
        9.5,
    )
    drawn += measured(
        "de:69.1:78.0 renforcer:80.4:115.2 le:117.5:124.4 lien:126.7:141.0 entre:143.4:162.3 "
        "les:164.7:175.3 habitants:177.7:211.9 et:214.3:221.1 les:223.5:234.0 services:236.4:267.0",
        90.8,
        9.5,
    )
    drawn += measured("municipaux.:69.1:116.2", 101.8, 9.5)
    lines = texts(page(drawn).lines)
    assert "PARTENAIRES :" in lines
    assert "La collectivité vise à lutter contre l’isolement des personnes" in lines


# LibreOffice seed 19073: a section's justified text at the left column's foot,
# beside the next column's bold `PARTENAIRES` whose colon wrapped under it.
PUSHED_BESIDE_A_COLON = [
    (
        594.7,
        "financée:139.3:180.8 par:213.5:229.4 des:262.1:279.8 optimiser:362.9:407.4 "
        "les:423.8:437.8 tournées:454.0:496.8 de:513.0:525.3",
    ),
    (
        607.4,
        "partenaires.:139.3:197.3 La:206.5:218.7 plateforme:227.8:279.7 collecte:362.9:400.2 "
        "des:409.8:427.5 déchets:437.1:475.6 tout:485.2:503.5 en:513.1:525.4",
    ),
    (
        620.0,
        "cherche:139.3:178.4 à:191.0:197.1 simplifier:209.7:253.1 les:265.6:279.7 "
        "respectant:362.9:414.2 la:446.0:454.5 sobriété:486.2:525.3",
    ),
    (632.7, "démarches:139.3:193.7 administratives:206.5:279.7 numérique.:362.9:417.9"),
    (
        645.3,
        "des:139.3:157.0 familles:164.9:202.2 en:210.0:222.3 lien:230.2:247.3 étroit:255.2:279.6",
    ),
    (658.0, "avec:139.3:162.5 les:183.9:197.9 associations:219.3:279.8 PARTENAIRES:295.8:374.6:B"),
    (670.6, "locales.:139.3:176.5 Cette:253.5:279.8 ::295.8:299.5:B"),
]


def test_a_justified_line_s_last_word_before_a_wrapped_colon_is_pushed_to_the_edge() -> None:
    # `locales.        Cette`: the word stands at the column's edge, where the lines
    # above end; the bold colon 16 pt after it is another column's heading, not
    # the line going on.
    drawn = measured_rows(PUSHED_BESIDE_A_COLON, 11.0)
    assert "locales. Cette" in texts(page(drawn).lines)


def test_a_small_capitals_word_ending_in_a_full_size_colon_keeps_its_letters_size() -> None:
    # Chromium seed 20073: `LES APPORTS DU` / `PROJET:` in small capitals, each
    # word's first letter at 9.49 pt, the rest at 6.75 pt; the colon has no small
    # form and stays at 9.49 pt. Both lines are one heading in one size.
    pieces = [("L", 78.2, 84.9, 9.49), ("ES", 84.9, 94.9, 6.75), ("A", 98.2, 105.6, 9.49)]
    pieces += [("PPORTS", 105.6, 137.0, 6.75), ("D", 140.3, 148.6, 9.49), ("U", 148.6, 154.5, 6.75)]
    drawn = [placed(t, x0, x1, 396.2, size, True) for t, x0, x1, size in pieces]
    pieces = [("P", 78.2, 85.4, 9.49), ("ROJET", 85.4, 110.2, 6.75), (":", 110.2, 113.7, 9.49)]
    drawn += [placed(t, x0, x1, 408.2, size, True) for t, x0, x1, size in pieces]
    lines = page(drawn).lines
    assert [(line.text, line.size) for line in lines] == [
        ("LES APPORTS DU", 6.75),
        ("PROJET:", 6.75),
    ]


def test_a_label_s_rest_printed_up_to_its_text_is_cut_where_the_text_above_starts() -> None:
    # LibreOffice seed 20006: `Apports` / `Du Projet :` in a table's cell, the
    # text beside it justified; on the second row the colon stands 9.3 pt before
    # the text, less than twice the row's stretched spaces (6 pt), but the text
    # starts where the text beside the label's first line starts.
    drawn = measured("simplifier:136.8:181.5 les:208.8:221.6 démarches:249.0:298.1", 674.5, 11.5)
    drawn += measured(
        "administratives:136.8:207.0 des:209.8:225.1 familles.:227.9:267.8", 687.7, 11.5
    )
    drawn += measured(
        "Apports:69.1:109.3:B Cette:133.3:157.5 approche:164.6:206.7 a:213.8:218.9 "
        "déjà:225.9:245.0 séduit:252.1:279.5 71:286.6:298.1",
        713.7,
        11.5,
    )
    drawn += measured(
        "Du:69.1:83.8:B Projet:86.7:117.3:B ::120.1:124.0:B communes:133.3:183.0 "
        "voisines.:189.0:229.5 La:235.4:247.5 démarche:253.5:298.1",
        727.0,
        11.5,
    )
    lines = texts(page(drawn).lines)
    assert "Du Projet :" in lines
    assert "communes voisines. La démarche" in lines


# reportlab seed 21060: summary cards in three columns, ragged; a title's second
# line (`dispositif mutualisé pour`) beside the next card's `connectée`.
TITLES_BESIDE_A_CARD = [
    (
        149.0,
        "et:52.0:61.1 du:63.9:75.3 Plateau:78.2:111.9 des:114.8:130.7 Mille:133.6:154.4 "
        "Étangs:157.3:188.1 du:191.0:202.4 Haut-Pays:220.7:266.4 Mauricien:269.2:313.1 "
        "et:316.0:325.1 des:327.9:343.8 Deux:346.7:370.2",
    ),
    (160.9, "Sud:52.0:69.1 Rivières:220.7:256.7 Réunies:259.6:295.5"),
    (172.7, "[Label:52.0:79.8 Or]:82.7:96.9 [Label:220.7:248.5 Argent]:251.3:285.2"),
    (
        191.8,
        "•:52.0:57.3 Graine:64.6:98.1:B de:101.2:113.8:B Data,:116.9:144.2:B un:147.4:160.2:B "
        "•:220.7:226.0 La:233.3:245.1:B cantine:248.2:285.9:B zéro:289.1:311.0:B "
        "gaspillage:314.2:366.3:B",
    ),
    (
        203.6,
        "dispositif:64.6:111.9:B mutualisé:115.0:165.2:B pour:168.3:191.8:B "
        "connectée:233.3:285.5:B",
    ),
    (215.5, "les:64.6:79.1:B petites:82.3:118.0:B communes:121.1:175.7:B Saint-Ardoin:220.7:276.2"),
    (
        227.4,
        "rurales:64.6:100.5:B et:103.6:114.0:B leurs:117.2:142.6:B habitants:145.7:194.2:B "
        "[Label:220.7:248.5 Bronze]:251.3:286.2",
    ),
    (239.3, "Département:52.0:112.0 de:114.9:126.1 la:129.0:137.0 Arnelle:139.8:171.5"),
    (251.2, "[Label:52.0:79.8 Argent]:82.7:116.5"),
]


def test_a_word_after_plain_spaces_and_a_gutter_is_no_justified_line_s_last() -> None:
    # `connectée` ends where two lines of its column happen to end, but the line
    # before it is set with plain spaces: no justified line pushed it there.
    drawn = measured_rows(TITLES_BESIDE_A_CARD, 9.0)
    lines = texts(page(drawn).lines)
    assert "dispositif mutualisé pour" in lines
    assert "connectée" in lines


def test_a_run_in_heading_s_subtitle_of_four_words_joins_its_baseline() -> None:
    # Chromium seed 21098: `Innovation Du Projet :` in 10.26 pt runs into its
    # subtitle in 9.49 pt, whose top stands 0.6 pt lower, in a row of its own;
    # the right column's line, 4.6 pt higher, joined the heading's row. The
    # subtitle has four words.
    heading = [("Innovation", 64.0, 115.8), ("Du", 120.3, 134.0), ("Projet", 138.4, 167.5)]
    heading += [(":", 172.0, 175.4)]
    drawn = [Word(t, x0, 599.39, x1, 609.65, 10.26, True) for t, x0, x1 in heading]
    right = [("moyens", 308.8, 342.1), ("entre", 344.7, 366.3), ("les", 369.0, 381.1)]
    right += [("communes", 383.7, 430.2), ("rurales.", 432.8, 464.5)]
    drawn += [Word(t, x0, 594.74, x1, 604.24, 9.49, False) for t, x0, x1 in right]
    subtitle = [("L’innovation", 182.7, 232.9), ("au", 237.1, 247.7), ("cœur", 251.9, 274.1)]
    subtitle += [("des", 278.3, 293.6)]
    drawn += [Word(t, x0, 599.99, x1, 609.49, 9.49, False) for t, x0, x1 in subtitle]
    drawn += measured("quartiers:64.0:100.9", 612.74, 9.49)
    assert "Innovation Du Projet : L’innovation au cœur des" in texts(page(drawn).lines)


def test_a_label_s_rest_beside_a_sentence_going_on_opens_no_label() -> None:
    # Chromium seed 22012: `LES APPORTS DU` / `PROJET`, 19 pt apart, small capitals;
    # the text beside the label's rest is the rest of the paragraph and of a list
    # item opened beside its first line, blocks of their own opening in lower case.
    from extract.layout.order import _label_heads

    def item(box: tuple[float, float, float, float], lines: int, bold: bool, lower: bool) -> Item:
        return Item(BBox(*box), 8.25 if bold else 11.5, lines, False, lower, bold)

    first = item((51.0, 562.7, 134.5, 574.2), 1, True, False)
    rest = item((51.0, 581.7, 84.7, 589.9), 1, True, False)
    texts_beside = [
        item((185.5, 563.2, 333.8, 574.7), 1, False, False),
        item((185.5, 578.9, 346.0, 783.9), 13, False, True),
        item((367.1, 563.2, 490.6, 574.7), 1, False, False),
        item((380.9, 579.7, 517.0, 606.9), 2, False, True),
    ]
    assert _label_heads([first, rest], texts_beside) == [first]
    # Text beside it that opens a sentence of its own is a row of its own.
    texts_beside[1] = item((185.5, 578.9, 346.0, 783.9), 13, False, False)
    assert _label_heads([first, rest], texts_beside) == [first, rest]


def test_a_bold_heading_past_a_spilled_item_s_one_ragged_line_is_cut_from_it() -> None:
    # LibreOffice seed 22065: a list item's last two lines spilled to a page, the
    # second ending far short; `Partenaires:` in bold stands 29 pt after the first,
    # under the page number (`page 31 / 36`) that covers the strip.
    drawn = measured("page:272.4:294.6 31:297.5:308.9 /:311.7:314.7 36:317.7:329.1", 48.7, 9.0)
    drawn += measured(
        "•:132.5:138.1 Un:145.8:159.9 partenariat:162.9:217.5 avec:220.5:242.4 le:245.4:254.1 "
        "tissu:257.1:279.8 Partenaires::308.8:374.1:B",
        69.1,
        9.5,
    )
    drawn += measured("associatif:145.8:191.3", 80.2, 9.5)
    lines = texts(page(drawn).lines)
    assert "• Un partenariat avec le tissu" in lines
    assert "Partenaires:" in lines


# LibreOffice seed 22065: a subtitle justified in a table's cell beside its label.
SUBTITLE_IN_A_CELL = [
    (200.7, "Description:70.1:132.0:B Quand:146.0:177.8 le:204.8:213.4 numérique:240.4:292.6"),
    (211.8, "du:70.1:83.6:B projet::86.9:122.3:B rapproche:146.0:195.6"),
    (229.9, "L’équipe:146.0:187.9 projet:204.9:233.7 vise:250.8:269.7 à:286.8:292.5"),
    (
        241.0,
        "renforcer:146.0:191.5 le:200.4:209.0 lien:217.8:235.6 entre:244.5:270.2 les:279.1:292.7",
    ),
    (252.0, "habitants:146.0:191.1 et:204.3:213.7 les:226.8:240.3 services:253.4:292.7"),
]


def test_a_justified_space_whose_next_word_is_no_column_s_start_stays_in_its_line() -> None:
    # `Quand   le   numérique`: spaces stretched alike to 27 pt. A line below
    # (`habitants et les services`, justified) has `et` where `le` starts, after
    # one of its own stretched spaces, whose next word lies past the words around.
    drawn = measured_rows(SUBTITLE_IN_A_CELL, 9.5)
    assert "Quand le numérique" in texts(page(drawn).lines)


def test_list_items_flowed_in_two_columns_are_no_labels_of_the_items_beside_them() -> None:
    # reportlab seed 23097: a summary's entries without frames, flowed in two
    # columns: bullet and bold title, territory, tag. The left column (the first
    # and third entries) is narrow, and its first item stands beside the top of
    # the second entry, as a label beside its text; but an item of a list opens
    # as the one beside it does: it labels nothing.
    def entry(title: str, territory: str, tier: str, x: float, top: float) -> list[Word]:
        return (
            words(f"• {title}", x, top, bold=True)
            + words(territory, x, top + 13.2)
            + words(f"[label {tier}]", x, top + 26.4)
        )

    drawn = entry("Solibus", "Ville de Rivesaltine", "argent", 69.0, 116.0)
    drawn += entry("VéloLien", "Communauté de Communes des Marches du Nord-Est", "bronze", 310, 116)
    drawn += entry("FAROS", "Gravelonne", "argent", 69.0, 163.5)
    titles = [line.text for line in read(drawn) if line.bold]
    assert titles == ["• Solibus", "• FAROS", "• VéloLien"]


def test_cards_of_mixed_weights_flowed_in_two_columns_are_no_labels() -> None:
    # Chromium seed 23009: a summary's cards without frames in two CSS columns,
    # each one block: plain territory, bold title, plain tag. The left column is
    # narrow enough to be a margin of labels, each beside the top of a card; but
    # each of its items prints the same run of weights as the card beside it.
    def card(territory: str, title: list[str], tier: str, x: float, top: float) -> list[Word]:
        drawn = words(territory, x, top, 11.5)
        for k, line in enumerate(title):
            drawn += words(line, x, top + 15.7 * (k + 1), 11.5, bold=True)
        return drawn + words(f"[label {tier}]", x, top + 15.7 * (len(title) + 1), 11.5)

    drawn = card("Département de la Lorme", ["AGORIA"], "or", 39.8, 111.7)
    drawn += card(
        "Département de la Sarrance",
        ["Un assistant vocal pour les seniors isolés"],
        "argent",
        299.1,
        111.7,
    )
    drawn += card("Joncières", ["ParcoursFacile"], "or", 39.8, 173.9)
    drawn += card(
        "Ville de Gravelonne",
        ["SentinelleVerte, un outil partagé entre les", "communes du territoire"],
        "bronze",
        299.1,
        173.9,
    )
    titles = [line.text.split()[0] for line in read(drawn) if line.bold]
    assert titles == ["AGORIA", "ParcoursFacile", "Un", "SentinelleVerte,", "communes"]


# LibreOffice seed 23008: sections as tables (label cell, text cell), flowed in
# two columns; `Innovation` ends the left column and the rest of its label,
# `Du Projet :`, opens the right one, printed 14 pt short of its text. The next
# section's table, lower down, has its text cell start 8 pt further left.
LABEL_REST_OVER_A_COLUMN_BREAK = [
    (235.2, "L’équipe:138.6:184.9 projet:205.1:236.8 vise:257.1:278.0 à:298.3:304.5"),
    (
        235.3,
        "Description:56.1:124.5:B Du:320.6:337.3:B Projet:341.0:376.7:B ::380.3:384.2:B "
        "licence:398.2:435.8 libre:454.7:479.4 afin:498.3:518.3 d’être:537.3:569.0",
    ),
    (
        247.5,
        "Du:56.1:72.8:B Projet:76.5:112.2:B ::115.8:119.7:B renforcer:138.6:188.9 le:199.6:209.1 "
        "lien:219.9:239.6 entre:250.3:278.7 les:289.4:304.3 réutilisé:398.2:442.1 "
        "ailleurs.:461.6:504.6 Les:524.3:542.8 «:562.4:568.8",
    ),
    (
        259.7,
        "habitants:138.6:188.5 et:204.2:214.7 les:230.3:245.3 services:261.0:304.4 "
        "ambassadeurs:398.2:474.4 »:488.7:495.1 du:509.4:522.9 projet:537.1:568.9",
    ),
    (
        272.0,
        "municipaux.:138.6:203.6 Ce:227.9:242.1 service:266.5:304.5 animent:398.2:441.7 "
        "52:445.0:458.3 ateliers:461.7:501.7 par:505.0:523.0 an.:526.4:542.7",
    ),
    (284.2, "s’attache:138.6:187.1 à:203.5:209.8 valoriser:226.3:273.1 les:289.5:304.5"),
    (
        296.2,
        "producteurs:138.6:203.6 locaux:217.3:251.7 et:265.4:275.8 les:289.5:304.5 "
        "Apports:320.6:366.7:B Les:390.2:408.8 agents:417.0:452.4 ont:460.6:477.9 "
        "été:486.1:502.7 formés:510.9:547.6 en:555.8:568.8",
    ),
    (
        308.5,
        "circuits:138.6:178.4 courts:186.0:219.6 en:227.2:240.2 lien:247.8:267.5 "
        "étroit:275.1:304.4 Du:320.6:337.3:B 2029:390.2:416.9 et:420.7:431.1 le:434.8:444.4 "
        "retour:448.2:481.7 des:485.5:503.9 usagers:507.6:549.3 est:553.1:568.9",
    ),
]


def test_a_label_s_rest_over_a_column_break_is_cut_from_its_justified_text() -> None:
    # The space after `:` is narrower than the stretched spaces of the text
    # beside it, and of the left column's row, but four times the label's own;
    # three rows of its block start where `licence` does. The next section's
    # text, under a blank row of that column, is no row of this block.
    drawn = measured_rows(LABEL_REST_OVER_A_COLUMN_BREAK, 10.5)
    lines = texts(page(drawn).lines)
    assert "Du Projet :" in lines
    assert "licence libre afin d’être" in lines


def _lines_of(
    name: str, x0: float, x1: float, top: float, n: int, size: float = 11.5, pitch: float = 13.4
) -> list[Word]:
    """n lines of a text block, one measured word each, `pitch` apart."""
    return [placed(f"{name}-{k}", x0, x1, top + pitch * k, size) for k in range(n)]


def _label(
    parts: list[tuple[str, float]], x0: float, top: float, size: float = 11.5, pitch: float = 13.5
) -> list[Word]:
    """A bold label's lines, each (text, right edge)."""
    return [placed(t, x0, x1, top + pitch * k, size, True) for k, (t, x1) in enumerate(parts)]


def test_a_narrow_column_s_labels_nearly_as_wide_as_its_text_in_a_flow_of_labelled_columns() -> (
    None
):
    # LibreOffice seed 19024, page 9: sections as tables flowed in two columns,
    # each column a column of bold labels and one of text. The left column's
    # labels are 80 % as wide as its text: too wide for labels on their own,
    # not beside the right column's labels, which vouch for them.
    drawn = _label([("DESCRIPTION", 161.3), ("DU", 87.1), ("PROJET", 150.3)], 67.1, 180.5)
    drawn += _lines_of("desc", 175.4, 288.2, 180.4, 22)
    drawn += _label([("INNOVATION", 155.8), ("DU", 87.1), ("PROJET", 150.3)], 67.1, 488.0)
    drawn += _lines_of("innov", 169.9, 288.2, 487.9, 12)
    drawn += _lines_of("suite", 407.0, 525.3, 180.4, 11)
    drawn += _label([("APPORTS", 366.9), ("DU", 324.3), ("PROJET", 363.5)], 304.3, 340.6)
    drawn += _lines_of("apports", 380.9, 525.3, 340.5, 11)
    order = [line.text.split("-")[0] for line in read(drawn)]
    assert order == (
        ["DESCRIPTION", "DU", "PROJET"]
        + ["desc"] * 22
        + ["INNOVATION", "DU", "PROJET"]
        + ["innov"] * 12
        + ["suite"] * 11
        + ["APPORTS", "DU", "PROJET"]
        + ["apports"] * 11
    )


def test_a_flow_s_second_column_with_a_label_of_its_own_is_read_after_the_first() -> None:
    # LibreOffice seed 19024, page 8: the same flow. The left column holds the
    # end of a section's text, then the `APPORTS` label and its subtitle; the
    # right column the rest of that section's text, then the `PARTENAIRES`
    # label, so wide that it reaches over the column's text. The right column
    # is no more text beside the left one's label: it has a label of its own.
    drawn = _lines_of("fin", 169.9, 288.2, 63.2, 8)
    drawn += _label([("APPORTS", 129.7), ("DU", 87.1), ("PROJET", 126.3)], 67.1, 183.3)
    drawn += [placed("sous-titre", 143.8, 288.2, 183.2, 11.5)]
    drawn += [placed("réinventé", 143.8, 199.3, 196.6, 11.5)]
    drawn += _lines_of("suite", 380.9, 525.3, 63.2, 8)
    drawn += _label([("PARTENAIRES", 400.2), (":", 308.5)], 304.3, 183.3)
    order = [line.text.split("-")[0] for line in read(drawn)]
    assert order == (
        ["fin"] * 8
        + ["APPORTS", "DU", "PROJET", "sous", "réinventé"]
        + ["suite"] * 8
        + ["PARTENAIRES", ":"]
    )


def test_a_cell_printed_up_to_the_next_whose_lines_both_go_on() -> None:
    # reportlab seed 17022: a summary table ruled only between its rows. The
    # title's cell ends 8 pt (0.7 em) short of the territory's, and both wrap:
    # on the next row, the territory's cell goes on where `Communauté` starts,
    # after the title's own next line.
    drawn = measured(
        "Graine:66.0:97.3 de:100.2:111.0 Data:113.9:135.6 –:138.5:144.2 un:147.1:158.6 "
        "outil:161.5:182.6 partagé:185.5:219.3 entre:222.2:245.2 les:248.0:260.8 "
        "Communauté:269.0:330.9 de:333.8:344.7 Communes:347.6:399.9 des:402.8:418.2 "
        "[label:452.6:478.8 or]:481.7:495.1",
        130.8,
        11.5,
    )
    drawn += measured(
        "communes:66.0:115.8 du:118.7:130.2 territoire:133.1:173.3 "
        "Marches:269.0:308.6 du:311.4:322.9 Nord-Est:325.8:368.0",
        146.0,
        11.5,
    )
    lines = texts(page(drawn).lines)
    assert "Graine de Data – un outil partagé entre les" in lines
    assert "Communauté de Communes des" in lines


def test_a_justified_line_s_word_over_another_stretched_line_s_word_is_no_cell() -> None:
    # Chromium seed 9049: a run-in heading in small capitals, then `Une` and
    # `évaluation` 7 pt apart, justified, beside a column set with narrow
    # spaces. On the next row, also justified, `2035.` starts where `évaluation`
    # does, after one of its stretched spaces: a coincidence of two justified
    # lines, not a cell going on below.
    drawn = measured("Description:78.2:151.5:B Du:160.1:177.6:B Projet:186.2:224.9:B", 199.8, 11.34)
    drawn += measured("Une:235.6:253.1 évaluation:260.3:304.1", 200.3, 10.5)
    drawn += measured(
        "La:320.9:332.0 collectivité:334.9:381.5 vise:384.5:401.4 à:404.3:409.0 "
        "valoriser:411.9:448.7 les:451.6:463.3 producteurs:466.2:515.8 locaux:518.7:546.7",
        199.5,
        10.5,
    )
    drawn += measured(
        "indépendante:78.2:134.2 est:142.8:154.5 prévue:163.1:191.7 à:200.3:205.0 "
        "l’horizon:213.6:252.1 2035.:260.8:284.4 Le:293.0:304.1",
        216.8,
        10.5,
    )
    drawn += measured(
        "et:320.9:328.5 les:331.7:343.4 circuits:346.6:377.5 courts:380.7:406.4 sur:409.6:422.4 "
        "l’ensemble:425.6:471.7 du:474.9:485.4 bassin:488.7:514.9 de:518.1:528.0 vie.:531.3:546.7",
        215.3,
        10.5,
    )
    drawn += measured(
        "programme:78.2:126.6 propose:136.2:169.5 d’associer:179.1:221.6 les:231.2:242.9 "
        "jeunes:252.5:279.3 aux:288.9:304.1",
        232.5,
        10.5,
    )
    assert any(line.endswith("Une évaluation") for line in texts(page(drawn).lines))


def test_a_label_s_rest_atop_a_flow_s_second_column_leaves_the_gutter_between_columns() -> None:
    # LibreOffice seed 25092: sections as tables flowed in two columns. The last
    # label of the left column (`LES APPORTS DU`) wrapped its rest, `PROJET :`,
    # to the top of the right column, whose text starts a paragraph lower, so
    # that the rest stands beside no text's top; its gutter was taken for the
    # columns' (1 pt wider than theirs), and the band of the left column's last
    # label, crossed there by `PARTENAIRES`, was read apart, after the right
    # column.
    text = partial(_lines_of, size=11.0, pitch=12.85)
    label = partial(_label, size=11.0, pitch=12.9)
    drawn = text("fin", 179.3, 298.1, 39.4, 5)
    drawn += label([("INNOVATION", 159.9), ("DU", 94.2), ("PROJET", 154.7)], 75.1, 115.7)
    drawn += text("innov", 174.0, 298.0, 115.6, 12)
    drawn += text("suite", 174.0, 298.0, 350.0, 11) + text("encore", 174.0, 298.0, 499.0, 10)
    drawn += label([("LES", 99.1), ("APPORTS", 135.0), ("DU", 94.2)], 75.1, 639.5)
    drawn += [placed("sous-titre", 149.1, 271.5, 639.4, 11.0)]
    drawn += label([("PROJET", 370.7)], 314.1, 39.4)
    drawn += text("apports", 388.1, 537.0, 52.1, 22)
    drawn += text("plus", 388.1, 537.0, 342.1, 12) + text("fin2", 388.1, 537.0, 504.0, 9)
    drawn += label([("PARTENAIRES", 405.8), (":", 318.2)], 314.1, 631.7)
    order = [line.text.split("-")[0] for line in read(drawn)]
    assert order == (
        ["fin"] * 5
        + ["INNOVATION", "DU", "PROJET"]
        + ["innov"] * 12
        + ["suite"] * 11
        + ["encore"] * 10
        + ["LES", "APPORTS", "DU", "sous"]
        + ["PROJET"]
        + ["apports"] * 22
        + ["plus"] * 12
        + ["fin2"] * 9
        + ["PARTENAIRES", ":"]
    )


def test_a_column_opening_inside_an_entry_goes_on_from_the_other_column_s_foot() -> None:
    # Chromium seed 26051: cards without frames flowed in two CSS columns, each
    # a tag, a territory and a bold title. The columns broke the last card after
    # its tag: the right column opens with a territory, set unlike the left
    # column's first item but like its second. The left column runs on below
    # the right one's end, further than its own items stand apart.
    drawn = words("• [LABEL ARGENT]", 48.0, 109.2, 9.0)
    drawn += words("Communauté de Communes des Portes du Massif des", 48.0, 132.4, 9.0)
    drawn += words("Sarrances et des Côtes", 48.0, 145.9, 9.0)
    drawn += words("L’observatoire partagé", 48.0, 159.5, 10.8, bold=True)
    drawn += words("• [LABEL BRONZE]", 48.0, 189.4, 9.0)
    drawn += words("Orbessan", 48.0, 212.7, 9.0)
    drawn += words("Le catalogue des données", 48.0, 226.2, 10.8, bold=True)
    drawn += words("• [LABEL BRONZE]", 48.0, 289.2, 9.0)
    drawn += words("Val de Brèche", 311.5, 106.9, 9.0)
    drawn += words("BALISE – un outil partagé", 311.5, 120.5, 10.8, bold=True)
    order = [line.text for line in read(drawn)]
    assert order == [
        "• [LABEL ARGENT]",
        "Communauté de Communes des Portes du Massif des",
        "Sarrances et des Côtes",
        "L’observatoire partagé",
        "• [LABEL BRONZE]",
        "Orbessan",
        "Le catalogue des données",
        "• [LABEL BRONZE]",
        "Val de Brèche",
        "BALISE – un outil partagé",
    ]


# LibreOffice seed 26099: sections as tables flowed in two columns, each table
# with its own column widths. The last table's first row ends the left column
# (`APPORTS`, then its text 17 pt further, nearer than the earlier tables' text
# starts); its label's rest and text go on in the right column.
LABEL_AT_A_COLUMN_S_FOOT = [
    (
        308.3,
        "DU:64.1:79.3:B PROJET:81.9:123.2:B ::125.9:129.3:B communes:147.5:192.9 "
        "voisines.:195.5:232.5 Une:235.1:252.6 évaluation:255.3:298.9 première:382.8:420.0 "
        "à:422.7:427.3 cette:430.0:449.7 échelle.:452.4:484.6",
    ),
    (
        320.4,
        "indépendante:147.5:203.4 est:206.0:217.6 prévue:220.3:248.8 à:251.4:256.0 "
        "l’horizon:258.7:297.2",
    ),
    (332.5, "2024.:147.5:171.1 PARTENAIRES:316.6:391.8:B"),
    (344.6, "::316.6:320.1:B"),
    (
        356.6,
        "APPORTS:64.1:113.0:B La:130.3:141.4 démarche:144.0:184.7 cherche:187.4:220.0 "
        "à:222.6:227.3 optimiser:229.8:269.5 les:272.1:283.8",
    ),
]


def test_a_label_in_a_column_of_labels_is_cut_from_the_text_of_its_last_row() -> None:
    # `APPORTS` opens its row where the label above (`DU PROJET :`) does; the
    # text after it is set with 2.6 pt spaces, 17 pt away: no run-in heading.
    drawn = measured_rows(LABEL_AT_A_COLUMN_S_FOOT, 10.5)
    lines = texts(page(drawn).lines)
    assert "APPORTS" in lines
    assert "La démarche cherche à optimiser les" in lines


def test_a_title_over_a_table_ruled_cell_by_cell_is_not_cut_at_its_borders() -> None:
    # Chromium seed 27045: a summary table ruled cell by cell under each row;
    # its column borders, which no line draws, reach half a row above its first
    # rule for a header row. The summary's title, in small capitals 20 pt above
    # the rule, has a word space (4 pt, as all its others) over a border.
    drawn = measured(
        "CATÉGORIE:57.0:128.4:B –:132.4:140.4:B CULTURE:144.4:201.8:B ET:205.8:220.8:B "
        "PATRIMOINE:224.8:297.5:B",
        55.7,
        11.25,
    )
    drawn += words("[label argent]", 63.8, 95.9) + words("Le jumeau", 145.7, 96.4, bold=True)
    drawn += words("Ville d’Écouvreuil", 321.6, 95.9)
    drawn += words("[label argent]", 63.8, 149.1) + words("Hublot", 145.7, 149.6, bold=True)
    drawn += words("Ursanne", 321.6, 149.1)
    rules = [
        BBox(x0, top, x1, top + 0.7)
        for top in (87.8, 141.8, 200.3)
        for x0, x1 in ((57.0, 139.5), (139.5, 315.8), (315.8, 531.0))
    ]
    lines = texts(read(drawn, rules))
    assert "CATÉGORIE – CULTURE ET PATRIMOINE" in lines
    assert "[label argent]" in lines and "Le jumeau" in lines


# Chromium seed 27049: a record's text justified in two narrow columns 18 pt
# (1.6 em) apart; the left column's short lines spread their few words to its
# edge (372.4).
NARROW_JUSTIFIED_COLUMNS = [
    (
        51.2,
        "aux:230.0:251.2 décisions:262.5:315.8 qui:327.1:344.9 les:356.2:372.4 "
        "voisines.:390.8:441.0 Le:463.7:477.0 projet:499.6:533.2",
    ),
    (
        68.5,
        "concernent:230.0:294.7 en:358.1:372.4 propose:390.8:437.0 de:441.2:455.5 "
        "simplifier:459.7:512.8 les:517.0:533.2",
    ),
    (85.7, "s’appuyant:230.0:294.2 sur:316.2:334.2 les:356.2:372.4 démarches:390.8:454.6"),
    (
        103.0,
        "données:230.0:279.1 ouvertes:293.2:343.7 du:357.8:372.4 "
        "administratives:390.8:479.9 des:512.9:533.2",
    ),
    (120.2, "territoire.:230.0:284.0 familles:390.8:435.8 tout:465.6:489.0 en:518.9:533.2"),
]


def test_short_words_pushed_to_a_narrow_justified_column_s_edge_start_no_column() -> None:
    # `en` and `du` start within a point of each other, each after a stretched
    # space, and end on the column's edge: a justified line's last words, not a
    # column that the rows would show.
    drawn = measured_rows(NARROW_JUSTIFIED_COLUMNS, 11.5)
    lines = texts(page(drawn).lines)
    assert "données ouvertes du" in lines


JUSTIFIED_BESIDE_A_NARROW_GUTTER = [
    (
        609.9,
        "Le:230.0:243.3 coût:248.6:273.7 global:279.0:314.0 s’élève:319.3:360.1 à:365.4:372.4 "
        "les:390.8:407.1 producteurs:416.7:486.0 locaux:495.5:533.2",
    ),
    (
        627.2,
        "79000:230.0:266.6 euros,:274.1:309.6 dont:317.1:343.3 une:350.8:372.4 et:390.8:402.4 "
        "les:408.2:424.4 circuits:430.2:471.5 courts:477.2:513.1 en:518.9:533.2",
    ),
    (
        644.4,
        "part:230.0:253.6 financée:263.6:313.0 par:323.0:342.0 des:352.1:372.4 "
        "lien:390.8:411.6 étroit:427.4:458.1 avec:473.9:501.2 les:517.0:533.2",
    ),
    (
        661.7,
        "partenaires.:230.0:299.4 L’équipe:323.1:372.4 associations:390.8:461.5 "
        "locales.:465.1:508.6",
    ),
    (
        678.9,
        "projet:230.0:263.6 vise:273.3:296.3 à:306.0:313.0 valoriser:322.6:372.4 sur:390.8:408.0",
    ),
]


def test_a_justified_line_s_last_word_is_pushed_to_its_edge_beside_a_narrow_gutter() -> None:
    # `partenaires.   L’équipe`: two words spread over the left column, the
    # second ending on its edge, where the lines around end too. The right
    # column's words stand a narrow gutter after them on every row: the next
    # column, not the line going on.
    # Another page of the document starts a column where `L’equipe` starts.
    drawn = measured_rows(JUSTIFIED_BESIDE_A_NARROW_GUTTER, 11.5)
    other = [
        w
        for k in range(4)
        for w in measured("gauche:230.0:300.0 droite:323.0:372.4", 100.0 + 14 * k, 11.5)
    ]
    pages = recut((page(drawn), page(other, number=2)))
    assert "partenaires. L’équipe" in texts(pages[0].lines)


# Chromium seed 29025: a heading in small capitals run into its subtitle,
# justified (`DESCRIPTION DU PROJET :   Mieux vivre`), the subtitle's last word on
# the next line; the section's text below, justified too.
RUN_IN_SUBTITLE = [
    (181.5, "D:64.0:73.4:B D:139.6:148.9:B P:166.7:174.8:B ::213.7:217.7:B"),
    (184.0, "ESCRIPTION:73.4:128.3:B U:148.9:155.5:B ROJET:174.8:202.4:B"),
    (182.1, "Mieux:231.6:263.0 vivre:273.7:298.9"),
    (194.9, "ensemble:64.0:112.4"),
    (
        215.1,
        "Le:64.0:76.6 projet:83.9:114.2 aide:121.5:143.0 à:150.4:156.4 réduire:163.7:201.2 "
        "la:208.5:217.7 consommation:225.1:298.9",
    ),
    (
        227.9,
        "d’énergie:64.0:112.1 des:129.6:147.1 bâtiments:164.6:215.1 publics:232.6:269.0 "
        "en:286.5:298.9",
    ),
    (
        239.9,
        "s’appuyant:64.0:119.6 sur:129.5:145.9 les:155.8:170.1 données:180.0:222.3 "
        "ouvertes:232.2:276.1 du:286.0:298.9",
    ),
]


def test_a_heading_run_into_a_justified_line_beside_words_that_start_there_by_chance() -> None:
    # `ouvertes` starts 0.6 pt from `Mieux`, but after one of its line's
    # stretched spaces (9.9 pt, as all of them): no column starts there, though
    # the two words around the space alone could not show it.
    size = {181.5: 10.8, 184.0: 7.5}
    drawn = [w for top, spans in RUN_IN_SUBTITLE for w in measured(spans, top, size.get(top, 10.0))]
    assert texts(read(drawn))[:2] == ["DESCRIPTION DU PROJET : Mieux vivre", "ensemble"]
