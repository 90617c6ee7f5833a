"""Reading order and text assembly on hand-placed words, one case per layout rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.furniture import strip_furniture
from extract.layout import order_pages
from extract.layout.order import Context, Item, _flows_across
from extract.model import BBox, Line, Page, Word
from extract.read.lines import _boxes_of, words_to_lines
from extract.text import Metrics, join_wrapped, lines_to_text

SIZE = 10.0
CHAR = 5.0  # width of a character in these drawings


def words(text: str, x: float, top: float, size: float = SIZE) -> list[Word]:
    out = []
    for token in text.split():
        width = CHAR * len(token) * size / SIZE
        out.append(Word(token, x, top, x + width, top + size, size, False))
        x += width + 0.3 * size
    return out


def texts(lines: tuple[Line, ...]) -> list[str]:
    return [line.text for line in lines]


def read(drawn: list[Word], shapes: Sequence[BBox] = (), height: float = 800) -> tuple[Line, ...]:
    """Lines of one drawn page in reading order: the reader's lines, then the layout stage."""
    page = Page(1, 595, height, words_to_lines(drawn, 1, shapes), tuple(shapes))
    return order_pages((page,))[0].lines


def test_two_column_list_reads_left_column_then_right() -> None:
    drawn = (
        words("• Apples and pears", 50, 100)
        + words("• Dates", 300, 100)
        + words("• Bananas", 50, 114)
        + words("• Elderberries", 300, 114)
        + words("• Cherries", 50, 128)
    )
    assert texts(read(drawn)) == [
        "• Apples and pears",
        "• Bananas",
        "• Cherries",
        "• Dates",
        "• Elderberries",
    ]


def test_a_heading_after_a_balanced_list_is_not_read_inside_it() -> None:
    drawn = (
        words("• Ana Lopez, Ville", 50, 100)
        + words("• Eric Roy, Agence", 300, 100)
        + words("• Bo Chen, Mairie", 50, 114)
        + words("Les critères", 50, 160, size=16)
        + words("Une phrase qui traverse toute la largeur de la page jusqu au bout", 50, 190)
    )
    assert texts(read(drawn))[:4] == [
        "• Ana Lopez, Ville",
        "• Bo Chen, Mairie",
        "• Eric Roy, Agence",
        "Les critères",
    ]


def test_a_left_column_overflowing_into_the_right_one_is_read_first() -> None:
    left = [words(f"ligne {i} de la colonne gauche", 50, 100 + 14 * i) for i in range(30)]
    drawn = words("DESCRIPTION", 50, 86, size=14) + words("suite de la phrase", 300, 86)
    drawn += [w for line in left for w in line]
    lines = texts(read(drawn))
    assert lines[0] == "DESCRIPTION"
    assert lines[-1] == "suite de la phrase"
    assert lines[1] == "ligne 0 de la colonne gauche"


def test_a_narrow_gutter_is_cut_once_the_column_is_known() -> None:
    drawn = (
        words("court", 50, 100)
        + words("droite un", 300, 100)
        + words("une ligne pleine qui finit ici", 50, 114)  # ends at 198 + 0.9 em gap
        + words("droite deux", 300, 114)
    )
    # The second left line ends at x = 210, 90 pt from the column: a gutter there.
    assert texts(read(drawn)) == [
        "court",
        "une ligne pleine qui finit ici",
        "droite un",
        "droite deux",
    ]


def test_cards_in_a_grid_read_row_by_row() -> None:
    boxes = (
        BBox(40, 90, 280, 140),
        BBox(300, 90, 540, 140),
        BBox(40, 150, 280, 200),
        BBox(300, 150, 540, 200),
    )
    drawn = []
    for label, box in zip("ABCD", boxes, strict=True):
        drawn += words(f"• Projet {label}", box.x0 + 8, box.top + 8)
        drawn += words(f"Ville {label} [label or]", box.x0 + 8, box.top + 24)
    assert texts(read(drawn, boxes)) == [
        "• Projet A",
        "Ville A [label or]",
        "• Projet B",
        "Ville B [label or]",
        "• Projet C",
        "Ville C [label or]",
        "• Projet D",
        "Ville D [label or]",
    ]


def test_a_small_bullet_stays_with_its_larger_text() -> None:
    drawn = [Word("•", 50, 102, 54, 110, 8.0, False), *words("Projet Lumière", 64, 100, 13)]
    assert texts(read(drawn)) == ["• Projet Lumière"]


def test_hyphens_kept_soft_hyphens_dropped() -> None:
    assert join_wrapped(["la Ville de Clermont-", "Ferrand"]) == "la Ville de Clermont-Ferrand"
    assert join_wrapped(["une infor\u00ad", "mation"]) == "une information"
    assert join_wrapped(["Paris –", "Lyon"]) == "Paris – Lyon"
    assert join_wrapped(["  deux   espaces ", " ici"]) == "deux espaces ici"


def _line(text: str, x: float, top: float, page: int = 1, bold: bool = False) -> Line:
    width = CHAR * len(text)
    first = CHAR * len(text.split()[0])
    return Line(text, page, BBox(x, top, x + width, top + SIZE), SIZE, bold, first)


def _body(number: int, x: float = 50, top: float = 100) -> tuple[Line, ...]:
    """Ten lines of text, each page's its own: nothing in them repeats."""
    return tuple(
        _line(f"texte {chr(64 + number) * (i + 1)} différent", x, top + 13 * i, number)
        for i in range(10)
    )


def test_paragraphs_items_and_continuations() -> None:
    lines = [
        _line("Un paragraphe assez long pour remplir la ligne jusqu au bord", 50, 100),
        _line("droit, puis fini.", 50, 113),
        _line("Un autre paragraphe commence ici et va aussi jusqu au bord droit", 50, 126),
        _line("• Premier point qui continue sur la ligne suivante et encore", 50, 139),
        _line("ici avec un retrait", 64, 152),
        _line("• Second point", 50, 165),
        _line("Retour au texte courant après la liste, sur toute la largeur", 50, 178),
    ]
    text = lines_to_text(lines, Metrics.of(lines))
    assert text.split("\n") == [
        "Un paragraphe assez long pour remplir la ligne jusqu au bord droit, puis fini.",
        "Un autre paragraphe commence ici et va aussi jusqu au bord droit",
        "• Premier point qui continue sur la ligne suivante et encore ici avec un retrait",
        "• Second point",
        "Retour au texte courant après la liste, sur toute la largeur",
    ]


def test_furniture_is_found_by_repetition_not_by_its_text() -> None:
    pages = []
    for number in range(1, 6):
        body = _body(number)
        footer = (
            _line("Un pied de page quelconque", 150, 780, number),
            _line(str(number), 500, 800, number),
        )
        banner = (_line("LABEL OR – CULTURE", 100, 60, number),)
        pages.append(Page(number, 595, 842, banner + body + footer))
    body_pages, removed = strip_furniture(tuple(pages), lambda t: t.startswith("LABEL"))
    assert {line.text for line in removed} == {
        "Un pied de page quelconque",
        "1",
        "2",
        "3",
        "4",
        "5",
    }
    assert all(page.lines[0].text == "LABEL OR – CULTURE" for page in body_pages)
    assert all(len(page.lines) == 11 for page in body_pages)


def test_a_running_header_cut_in_two_on_some_pages_is_still_furniture() -> None:
    # On the two pages of two columns the reader cut the header at the gutter, and
    # the page number `page N / M` at its wide space: too few pages for the pieces
    # to repeat on their own.
    pages = []
    for number in range(1, 7):
        body = _body(number)
        if number not in (2, 4):
            furniture = (
                _line("Label 2027 – Annuaire des lauréats", 60, 26, number),
                _line(f"page {number} / 6", 270, 814, number),
            )
        else:
            furniture = (
                _line("Label 2027 – Annuaire des", 60, 26, number),
                _line("lauréats", 310, 26, number),
                _line(f"page {number}", 270, 814, number),
                _line("/ 6", 306, 814, number),
            )
        pages.append(Page(number, 595, 842, furniture + body))
    body_pages, removed = strip_furniture(tuple(pages))
    assert all(len(page.lines) == 10 for page in body_pages)
    assert {line.text for line in removed} >= {"lauréats", "/ 6", "Label 2027 – Annuaire des"}


def test_a_footer_of_five_lines_is_furniture_whole() -> None:
    # The page number set in a narrow box, `–`, `N`, `–` on three lines, above two
    # lines of address: its first dash is not among the page's last four lines.
    pages = []
    for number in range(1, 6):
        body = _body(number)
        footer = tuple(
            _line(text, x, top, number)
            for text, x, top in (
                ("–", 296, 805),
                (str(number), 296, 813),
                ("–", 296, 821),
                ("ANNUAIRE DES TERRITOIRES LAURÉATS", 68, 827),
                ("Les Communes Connectées – www.example", 68, 835),
            )
        )
        pages.append(Page(number, 595, 842, body + footer))
    body_pages, removed = strip_furniture(tuple(pages))
    assert all(len(page.lines) == 10 for page in body_pages)
    assert len(removed) == 25


def test_a_margin_heading_on_two_lines_at_one_place_on_every_page_is_never_furniture() -> None:
    # `DESCRIPTION` over `DU PROJET :`: each line alone names no section, together
    # they do, and every record sets them at the same height.
    from extract import grammar

    pages = []
    for number in range(1, 6):
        lines = (
            _line(f"Label décerné à : Ville {'abcde'[number - 1]}", 45, 97, number),
            _line("DESCRIPTION", 45, 142, number, bold=True),
            _line("DU PROJET :", 45, 155, number, bold=True),
            *_body(number, 135, 142),
        )
        pages.append(Page(number, 595, 842, lines))
    body_pages, removed = strip_furniture(tuple(pages), grammar.is_structural)
    assert not removed
    assert all(len(page.lines) == 13 for page in body_pages)


def test_a_page_number_that_wraps_from_page_10_on_is_still_furniture() -> None:
    # `– 9 –` on one line; from page 10 on, `– 10` a line higher and its last dash
    # on the row of the address below it, which then ends with `–`.
    pages = []
    for number in range(1, 25):
        body = _body(number)
        if number < 10:
            footer = (
                _line(f"– {number} –", 283, 807.6, number),
                _line("ANNUAIRE 2018 DES TERRITOIRES LAURÉATS", 51, 814.4, number),
            )
        else:
            footer = (
                _line(f"– {number}", 284, 802.4, number),
                _line("ANNUAIRE 2018 DES TERRITOIRES LAURÉATS –", 51, 812.1, number),
            )
        pages.append(Page(number, 595, 842, body + footer))
    body_pages, removed = strip_furniture(tuple(pages))
    assert all(len(page.lines) == 10 for page in body_pages)
    assert len(removed) == 48


def test_a_page_n_of_m_wrapped_in_a_narrow_box_is_furniture_on_every_page() -> None:
    # `page` / `N /` / `31` on three lines of a narrow box beside a footer of three
    # lines: from page 10 on, the box takes one line more and its pieces fall on
    # other rows of the footer, which stands 4.5 pt higher.
    pages = []
    for number in range(1, 32):
        body = list(_body(number))
        if number == 7:  # a year alone at the foot of the text is no page number
            body.append(_line("2019.", 50, 240, number))
        if number < 10:
            footer = [
                ("page", 293.4, 791.9),
                (f"{number} /", 293.4, 802.4),
                ("ANNUAIRE 2029 DES TERRITOIRES LAURÉATS 31", 53.8, 812.1),
                ("Association Territoires en Réseau", 53.8, 822.6),
                ("contact@territoires-en-reseau.example", 53.8, 833.1),
            ]
        else:
            footer = [
                ("page", 293.4, 786.6),
                (str(number), 293.4, 797.1),
                ("ANNUAIRE 2029 DES TERRITOIRES LAURÉATS /", 53.8, 807.6),
                ("Association Territoires en Réseau 31", 53.8, 818.1),
                ("contact@territoires-en-reseau.example", 53.8, 833.1),
            ]
        lines = body + [_line(text, x, top, number) for text, x, top in footer]
        pages.append(Page(number, 595, 842, tuple(lines)))
    body_pages, removed = strip_furniture(tuple(pages))
    assert len(removed) == 5 * 31
    assert all(len(page.lines) == (11 if page.number == 7 else 10) for page in body_pages)


def test_a_category_set_larger_under_its_banner_head_is_never_furniture() -> None:
    # `LABEL OR` (protected) with the category under it in a larger bold type, on
    # every page of that category, at the same height.
    pages = []
    for number in range(1, 6):
        head = (
            replace(_line("LABEL OR", 70, 74, number), bold=True, size=12.6),
            replace(_line("Santé et Solidarités", 70, 93, number), bold=True, size=15.8),
        )
        body = tuple(
            _line(f"texte {'abcde'[number - 1] * (i + 1)}", 50, 140 + 13 * i, number)
            for i in range(10)
        )
        pages.append(Page(number, 595, 842, head + body))
    body_pages, removed = strip_furniture(tuple(pages), lambda t: t.startswith("LABEL"))
    assert removed == ()
    assert all(page.lines[1].text == "Santé et Solidarités" for page in body_pages)


def _smallest_box_around(word: Word, boxes: list[BBox]) -> int:
    """The rule, spelled out: the smallest box containing the word's centre, first on a tie."""
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    around = [
        ((b.x1 - b.x0) * (b.bottom - b.top), i)
        for i, b in enumerate(boxes)
        if b.x0 <= x <= b.x1 and b.top <= y <= b.bottom
    ]
    return min(around)[1] if around else -1


_COORD = st.sampled_from([0.0, 5.0, 10.0, 45.5, 50.0, 100.0, 150.25, 300.0])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(_COORD, _COORD, _COORD, _COORD), min_size=1, max_size=5),
    st.lists(st.tuples(_COORD, _COORD, st.sampled_from([0.0, 5.0, 10.0])), max_size=20),
)
def test_each_word_goes_to_the_smallest_frame_around_its_centre(
    corners: list[tuple[float, float, float, float]], spots: list[tuple[float, float, float]]
) -> None:
    boxes = [BBox(min(a, c), min(b, d), max(a, c), max(b, d)) for a, b, c, d in corners]
    words = [Word("w", x, y, x + w, y + 10, 10.0, False) for x, y, w in spots]
    if words:
        assert _boxes_of(words, boxes) == [_smallest_box_around(w, boxes) for w in words]


def test_labels_drawn_without_width_on_the_gutter_are_no_first_column() -> None:
    """A damaged font's words have no width: labels then stand on the gutter itself,
    and no text is left of it (found by benchmarks/mutate.py on the sample)."""
    labels = [Item(BBox(85.2, top, 85.2, top + 10), SIZE, 1, False, False) for top in (237, 280)]
    text = [Item(BBox(99.2, top, 209.9, top + 13), SIZE, 1, False, False) for top in (234, 277)]
    assert _flows_across([[*labels, *text]], 85.2, Context([], 842.0, foot=800.0)) is False


@settings(max_examples=300, deadline=None)
@given(
    spans=st.lists(
        st.tuples(st.integers(0, 60), st.integers(-2, 20)).map(lambda s: (s[0], s[0] + s[1])),
        max_size=8,
    ),
    probe=st.integers(0, 160).map(lambda x: x / 2),
)
def test_a_rows_witness_answers_as_its_words(spans: list[tuple[int, int]], probe: float) -> None:
    """The bisection `gutter_between` asks a row with gives each word's own answer:
    words that overlap, touch, nest or have no width included."""
    from extract.read.lines import _covers, _flanks, _Witness

    row = [Word("w", x0, 0, x1, 10, SIZE, False) for x0, x1 in spans]
    witness = _Witness(row)
    assert witness.covers(probe) == _covers(row, probe)
    assert witness.flanks(probe) == _flanks(row, probe)
