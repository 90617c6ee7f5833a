"""Summary entries and banners read from hand-built lines, one printed habit per test."""

from __future__ import annotations

from extract.entries import join_wrapped_tags, lines_to_entries
from extract.headings import join_headings
from extract.model import BBox, Line

LEAD = 14.0


def line(
    text: str,
    x: float = 60.0,
    row: float = 0.0,
    *,
    bold: bool = False,
    size: float = 10.0,
    block: int = 0,
    group: int = -1,
    page: int = 3,
) -> Line:
    """A line at column `x`, `row` lines down the page."""
    top = 100.0 + row * LEAD
    box = BBox(x, top, x + 4.5 * len(text), top + size)
    return Line(text, page, box, size, bold, block=block, group=group)


def fields(lines: list[Line]) -> list[tuple[str, str, str]]:
    return [(e.project, e.territory, e.tier) for e in lines_to_entries(lines)]


def test_a_tag_wrapped_in_its_cell_is_read_whole() -> None:
    lines = [
        line("Hublot", bold=True),
        line("Communauté de Communes des Portes", row=1),
        line("du Massif [LABEL", row=2),
        line("ARGENT]", row=3),
    ]
    assert len(join_wrapped_tags(lines)) == 3
    assert fields(lines) == [("Hublot", "Communauté de Communes des Portes du Massif", "argent")]


def test_a_tag_alone_in_a_narrow_cell_wraps_too() -> None:
    row = [
        line("[LABEL", 50, 0, block=1, group=1),
        line("BRONZE]", 50, 1, block=1, group=1),
        line("Ecol’Up", 160, 0, bold=True, block=2, group=1),
        line("CCAS de Castelbois", 380, 0, block=3, group=1),
    ]
    assert fields(row) == [("Ecol’Up", "CCAS de Castelbois", "bronze")]


def test_a_tag_cell_printed_up_to_the_territory_s_on_one_line() -> None:
    # A one-row table: tag, territory, bold title; the tag's cell ran into the
    # territory's, so one line holds both.
    row = [
        line("[LABEL BRONZE] Rivesaltine", 66, 0, block=1, group=0),
        line("Un réseau de tiers-lieux ruraux", 324, 0, bold=True, block=2, group=0),
    ]
    assert fields(row) == [("Un réseau de tiers-lieux ruraux", "Rivesaltine", "bronze")]


def test_table_cells_in_one_style_are_told_apart_by_place() -> None:
    """A title printed first needs no bold: the cells beside each other are parts."""
    rows = [
        line("La billettique unique", 70, 0, block=1, group=0),
        line("du territoire", 70, 1, block=1, group=0),
        line("Communauté de Communes du Val", 270, 0, block=2, group=0),
        line("de Brèche", 270, 1, block=2, group=0),
        line("[LABEL OR]", 450, 0, block=3, group=0),
        line("BALISE", 70, 2.5, block=4, group=1),
        line("Ville d’Ursanne", 270, 2.5, block=5, group=1),
        line("[LABEL BRONZE]", 450, 2.5, block=6, group=1),
    ]
    assert fields(rows) == [
        ("La billettique unique du territoire", "Communauté de Communes du Val de Brèche", "or"),
        ("BALISE", "Ville d’Ursanne", "bronze"),
    ]


def test_a_title_wrapped_before_a_dash_is_one_title() -> None:
    lines = [
        line("Communauté d’Agglomération", 60, 0),
        line("L’application de signalement citoyen", 230, 0, bold=True, block=1),
        line("– un dispositif mutualisé", 230, 1, bold=True, block=1),
        line("[label bronze]", 450, 0, block=2),
    ]
    assert fields(lines) == [
        (
            "L’application de signalement citoyen – un dispositif mutualisé",
            "Communauté d’Agglomération",
            "bronze",
        )
    ]


def test_a_territory_beside_its_tag_keeps_its_dash() -> None:
    lines = [
        line("Cit’Eau", bold=True),
        line("Ville de Vallon-les-Pins et Communauté", row=1),
        line("– Pôle numérique [LABEL BRONZE]", row=2),
    ]
    assert fields(lines) == [
        ("Cit’Eau", "Ville de Vallon-les-Pins et Communauté – Pôle numérique", "bronze")
    ]


def test_a_bulleted_tag_opens_its_entry() -> None:
    lines = [
        line("• [Label Or]", row=0),
        line("Le guichet numérique", row=1, bold=True),
        line("Département de la Ognelle", row=2),
        line("• [Label Bronze]", row=3.5),
        line("Kalipso", row=4.5, bold=True),
        line("Ville de Lavardel", row=5.5),
    ]
    assert fields(lines) == [
        ("Le guichet numérique", "Département de la Ognelle", "or"),
        ("Kalipso", "Ville de Lavardel", "bronze"),
    ]


def test_one_row_cut_apart_does_not_turn_the_list_round() -> None:
    """The tag cell of the first row stands in a group of its own: the rows after
    it still open with their tag."""
    rows = [
        line("[LABEL OR]", 50, 0, block=1, group=1),
        line("Ville d’Aubrelac", 130, 0, block=2, group=2),
        line("La carte interactive", 330, 0, bold=True, block=3, group=2),
        line("[LABEL OR]", 50, 2, block=4, group=3),
        line("CCAS de Gravelonne", 130, 2, block=5, group=3),
        line("Ecol’Up", 330, 2, bold=True, block=6, group=3),
        line("[LABEL ARGENT]", 50, 4, block=7, group=4),
        line("Lavardel", 130, 4, block=8, group=4),
        line("Kalipso", 330, 4, bold=True, block=9, group=4),
    ]
    assert fields(rows)[1:] == [
        ("Ecol’Up", "CCAS de Gravelonne", "or"),
        ("Kalipso", "Lavardel", "argent"),
    ]


def test_a_hanging_line_goes_on_with_its_bulleted_title() -> None:
    lines = [
        line("• L’application de", 230, 0, bold=True, block=2),
        line("signalement citoyen", 247, 1, bold=True, block=3),
        line("Ambrières-la-Neuve", 230, 2, block=4),
        line("[LABEL ARGENT]", 230, 3, block=4),
    ]
    assert fields(lines) == [
        ("L’application de signalement citoyen", "Ambrières-la-Neuve", "argent")
    ]


def test_the_emphasised_part_is_the_title_wherever_it_stands() -> None:
    lines = [
        line("• CCAS de Quimperlé-Ouest", row=0),
        line("Le guichet numérique des associations", row=1, bold=True),
        line("[label or]", row=2),
    ]
    assert fields(lines) == [
        ("Le guichet numérique des associations", "CCAS de Quimperlé-Ouest", "or")
    ]


def test_a_banner_wrapped_word_by_word_in_a_narrow_box() -> None:
    banner = [
        line("Label", 280, 0, bold=True, size=7.2),
        line("Bronze –", 280, 1, bold=True, size=7.2),
        line("Habitat et", 280, 2, bold=True, size=7.2),
        line("Urbanisme", 280, 3, bold=True, size=7.2),
        line("Label bronze décerné à : CCAS de Joncières", 55, 5, size=6.6, block=1),
    ]
    joined = join_headings(banner)
    assert [x.text for x in joined] == [
        "Label Bronze – Habitat et Urbanisme",
        "Label bronze décerné à : CCAS de Joncières",
    ]


def test_a_banner_wrapped_at_a_compound_word_s_hyphen() -> None:
    banner = [
        line("Label Or -", bold=True, size=18),
        line("Sport et Bien-", row=1.6, bold=True, size=18),
        line("être", row=3.2, bold=True, size=18),
    ]
    assert [x.text for x in join_headings(banner)] == ["Label Or - Sport et Bien-être"]


def test_a_word_label_alone_that_opens_no_banner_stays() -> None:
    lines = [line("Label", bold=True), line("Collectivité Agile", row=1, bold=True)]
    assert [x.text for x in join_headings(lines)] == ["Label", "Collectivité Agile"]


def test_a_split_banner_whose_dash_wrapped_with_the_category() -> None:
    banner = [
        line("LABEL BRONZE", bold=True, size=12.8),
        line("- ÉNERGIE ET", row=1.2, bold=True, size=12.8),
        line("CLIMAT", row=2.4, bold=True, size=12.8),
    ]
    assert [x.text for x in join_headings(banner)] == ["LABEL BRONZE - ÉNERGIE ET CLIMAT"]


def summary_categories(title: list[Line], first_row: int) -> list[tuple[str, str]]:
    """(category, tier) of the two entries listed under `title` on page 3, after a
    page of text that sets the body size."""
    from extract.model import Document, Page
    from extract.segment import segment

    entries = [
        line(f"Projet {n} – Ville de Saint-{n} [Label Or]", row=first_row + k, block=2 + k)
        for k, n in enumerate(("Alpha", "Beta"))
    ]
    text = [line("Une phrase du texte courant, assez longue pour donner sa taille.", row=8, page=2)]
    pages = (Page(2, 595, 842, tuple(text)), Page(3, 595, 842, tuple(title + entries)))
    edition = segment(Document("t.pdf", "0" * 64, pages), pages, ())
    return [(e.category, e.tier) for e in edition.summary_entries]


def categories_over_a_page_break(head: str, rest: str) -> list[str]:
    """The category of the two entries listed on page 4 after a summary title
    `head` alone on page 3, and `rest` in its style atop page 4."""
    from extract.model import Document, Page
    from extract.segment import segment

    text = [line("Une phrase du texte courant, assez longue pour donner sa taille.", row=8, page=2)]
    entries = [
        line(f"Projet {n} – Ville de Saint-{n} [Label Or]", row=3 + k, block=2 + k, page=4)
        for k, n in enumerate(("Alpha", "Beta"))
    ]
    pages = (
        Page(2, 595, 842, tuple(text)),
        Page(3, 595, 842, (line(head, bold=True, size=19.2, page=3),)),
        Page(4, 595, 842, (line(rest, bold=True, size=19.2, page=4), *entries)),
    )
    edition = segment(Document("t.pdf", "0" * 64, pages), pages, ())
    return [e.category for e in edition.summary_entries]


def test_a_summary_title_broken_by_the_page_after_an_open_line_is_one_category() -> None:
    category = "INCLUSION NUMERIQUE ET ACCOMPAGNEMENT DES PUBLICS FRAGILES"
    assert (
        categories_over_a_page_break(
            "CATEGORIE – INCLUSION NUMERIQUE ET", "ACCOMPAGNEMENT DES PUBLICS FRAGILES"
        )
        == [category] * 2
    )


def test_a_summary_title_going_on_in_lower_case_atop_the_next_page_is_one_category() -> None:
    # Chromium seed 14044: the page breaks a title set in title case after a
    # word that can end it; its next line, in its style, opens the next page
    # in lower case (`et Relation aux Usagers`).
    category = (
        "MODERNISATION DE L’ACTION PUBLIQUE ET RELATION AUX USAGERS"  # categories are upper case
    )
    assert (
        categories_over_a_page_break(
            "Catégorie – Modernisation de L’action Publique", "et Relation aux Usagers"
        )
        == [category] * 2
    )


def test_a_summary_title_alone_on_its_page_goes_on_atop_the_next() -> None:
    # Chromium seed 26078: a title without prefix or accents fills a page on its
    # own (`ATTRACTIVITE ET DEVELOPPEMENT ECONOMIQUE`, a word that can end it);
    # the next page opens with its last words in its style, then the entries.
    category = "ATTRACTIVITE ET DEVELOPPEMENT ECONOMIQUE DES TERRITOIRES"
    assert (
        categories_over_a_page_break("ATTRACTIVITE ET DEVELOPPEMENT ECONOMIQUE", "DES TERRITOIRES")
        == [category] * 2
    )


def test_a_summary_title_alone_on_its_page_then_another_title_are_two_lists() -> None:
    # A category listed with no entry, and the next page opening with the next
    # category's own title (its prefix says so): the entries are the second's.
    assert (
        categories_over_a_page_break("CATÉGORIE – SANTÉ", "CATÉGORIE – CULTURE") == ["CULTURE"] * 2
    )


def test_a_summary_title_on_widely_spaced_lines_is_one_category() -> None:
    title = [
        line("CATÉGORIE – MODERNISATION DE L’ACTION PUBLIQUE ET", bold=True, size=12.0),
        line("RELATION AUX USAGERS", row=2, bold=True, size=12.0, block=1),  # 28 pt below
    ]
    category = "MODERNISATION DE L’ACTION PUBLIQUE ET RELATION AUX USAGERS"
    assert summary_categories(title, first_row=4) == [(category, "or")] * 2


def test_a_justified_summary_title_spaced_wide_is_one_category() -> None:
    # Its first line fills the measure (to the right margin the text reaches), its
    # last word leaves nothing open, and its lines stand 28 pt apart, blocks apart.
    title = [
        line(
            "CATÉGORIE – TRANSITION ÉNERGÉTIQUE, BIODIVERSITÉ ET RESSOURCES", bold=True, size=12.0
        ),
        line("NATURELLES", row=2, bold=True, size=12.0, block=1),
    ]
    category = "TRANSITION ÉNERGÉTIQUE, BIODIVERSITÉ ET RESSOURCES NATURELLES"
    assert summary_categories(title, first_row=4) == [(category, "or")] * 2


def test_a_summary_title_whose_next_word_could_not_follow_on_its_line_is_one_category() -> None:
    # Chromium seed 15088: the title's first line stops short of the text's
    # right margin (22.5 pt here, more than its size), its lines spaced wide (a
    # block apart); `NATURELLES`, 50 pt wide, could not have stood at its end.
    from dataclasses import replace

    first = line(
        "CATÉGORIE – TRANSITION ÉNERGÉTIQUE, BIODIVERSITÉ, RESSOURCES", bold=True, size=12.0
    )
    rest = replace(line("NATURELLES", row=2, bold=True, size=12.0, block=1), first_word_width=50.0)
    category = "TRANSITION ÉNERGÉTIQUE, BIODIVERSITÉ, RESSOURCES NATURELLES"
    assert summary_categories([first, rest], first_row=4) == [(category, "or")] * 2


def test_a_small_caps_summary_title_full_up_to_a_full_size_space_is_one_category() -> None:
    # Chromium seed 24037: the title in small capitals (12 pt letters here,
    # too small for a heading beside the text, the initials larger), its lines
    # 27 pt apart. Its first line stops 108 pt short of the text's right
    # margin: room for `ÉCONOMIQUE` (103.5 pt) after 0.3 of its letters' size,
    # but not after a space of the line's own (6.7 pt, set at the full size).
    # The word could not have followed on it.
    from dataclasses import replace

    from extract.model import Word

    spans = [
        ("CATÉGORIE", 51.0, 140.1),
        ("–", 146.8, 156.4),
        ("ATTRACTIVITÉ", 163.1, 275.5),
        ("ET", 282.2, 300.6),
        ("DÉVELOPPEMENT", 307.3, 439.2),
    ]
    words = tuple(Word(t, x0, 68.4, x1, 80.4, 12.0, True) for t, x0, x1 in spans)
    first = Line(
        " ".join(t for t, _, _ in spans), 3, BBox(51.0, 64.1, 439.2, 83.3), 12.0, True, words=words
    )
    rest = replace(
        line("ÉCONOMIQUE DES TERRITOIRES", row=2, bold=True, size=12.0, block=1),
        bbox=BBox(51.0, 95.4, 297.3, 108.9),
        first_word_width=103.5,
    )
    margin = replace(line("Texte", row=5, block=9), bbox=BBox(51.0, 170.0, 547.5, 180.0))
    category = "ATTRACTIVITÉ ET DÉVELOPPEMENT ÉCONOMIQUE DES TERRITOIRES"
    assert summary_categories([first, rest, margin], first_row=4) == [(category, "or")] * 2


def test_partners_logos_alone_on_the_next_page_belong_to_the_record() -> None:
    from extract.model import Document, Page
    from extract.segment import segment

    record = [
        line("LABEL OR – MOBILITÉS DURABLES", bold=True, size=16.0, page=5),
        line("Label d’or attribué à : Ville de Brest", row=2, page=5, block=1),
        line("Pour le projet : Le vélo partagé", row=3, page=5, block=1),
        line("DESCRIPTION DU PROJET", row=5, bold=True, page=5, block=2),
        line("Un service de vélos en libre accès, ouvert à tous.", row=6, page=5, block=3),
        line("PARTENAIRES :", row=8, bold=True, page=5, block=4),
    ]
    logos = (BBox(60, 60, 140, 90), BBox(150, 60, 230, 90))

    def page_end(next_shapes: tuple[BBox, ...]) -> int:
        pages = (Page(5, 595, 842, tuple(record)), Page(6, 595, 842, (), next_shapes))
        return segment(Document("t.pdf", "0" * 64, pages), pages, ()).laureates[0].page_end

    assert page_end(logos) == 6
    assert page_end(()) == 5


def test_a_blank_page_before_the_next_record_belongs_to_the_record() -> None:
    from extract.model import Document, Page
    from extract.segment import segment

    def record(page: int, town: str) -> list[Line]:
        return [
            line("LABEL OR – MOBILITÉS DURABLES", bold=True, size=16.0, page=page),
            line(f"Label d’or attribué à : Ville de {town}", row=2, page=page, block=1),
            line("Pour le projet : Le vélo partagé", row=3, page=page, block=1),
            line("DESCRIPTION DU PROJET", row=5, bold=True, page=page, block=2),
            line("Un service de vélos en libre accès.", row=6, page=page, block=3),
        ]

    first = Page(5, 595, 842, tuple(record(5, "Brest")))
    second = Page(7, 595, 842, tuple(record(7, "Vannes")))
    blank = Page(6, 595, 842, ())
    pages = (first, blank, second)
    laureates = segment(Document("t.pdf", "0" * 64, pages), pages, ()).laureates
    assert [lau.page_end for lau in laureates] == [6, 7]
    # A blank page at the end of the document is nobody's.
    pages = (first, blank)
    laureates = segment(Document("t.pdf", "0" * 64, pages), pages, ()).laureates
    assert [lau.page_end for lau in laureates] == [5]


def test_a_margin_heading_split_by_the_page_is_one_heading() -> None:
    # A table row split by the page: `Apports` and the first words of its text at
    # the foot of page 10, `du projet` and the rest at the top of page 11.
    lines = [
        line("Apports", x=326.0, row=40, bold=True, page=10),
        line("Le programme s’attache à", x=393.0, row=40, page=10, block=1),
        line("du projet", x=69.0, row=0, bold=True, page=11, block=2),
        line("ouvrir les données publiques.", x=136.0, row=0, page=11, block=3),
    ]
    assert [x.text for x in join_headings(lines)] == [
        "Apports du projet",
        "Le programme s’attache à",
        "ouvrir les données publiques.",
    ]
    # Not when the next page opens with something else.
    lines[2:3] = [line("Une phrase", x=69.0, row=0, page=11, block=2), lines[2]]
    assert [x.text for x in join_headings(lines)][0] == "Apports"


def test_a_small_margin_heading_on_the_text_s_line_height_is_one_heading() -> None:
    # 7.5 pt capitals set on the body's 16.5 pt lines: 2.2 sizes apart.
    step = 16.5 / LEAD
    lines = [
        line("DESCRIPTION DU", x=81.0, bold=True, size=7.5, block=1),
        line("PROJET :", x=81.0, row=step, bold=True, size=7.5, block=2),
        line("La plateforme propose", x=210.0, size=11.0, block=3),
    ]
    assert [x.text for x in join_headings(lines)] == [
        "DESCRIPTION DU PROJET :",
        "La plateforme propose",
    ]


def test_the_rest_of_a_margin_heading_over_the_page_may_stand_on_two_lines() -> None:
    # The margin is narrow: `du` and `projet :` on two lines at the top of page 25.
    lines = [
        line("APPORTS", x=45.0, row=40, bold=True, page=24),
        line("Cette expérimentation permet de", x=114.0, row=40, page=24, block=1),
        line("DU", x=308.0, row=0, bold=True, page=25, block=2),
        line("PROJET :", x=308.0, row=1, bold=True, page=25, block=2),
        line("faciliter l’accès aux équipements", x=377.0, row=0, page=25, block=3),
    ]
    assert [x.text for x in join_headings(lines)][:2] == [
        "APPORTS DU PROJET :",
        "Cette expérimentation permet de",
    ]


def test_a_title_broken_by_the_column_of_a_flowed_list_stays_the_title() -> None:
    # Cards flowed in CSS columns: the tag, then the title, whose last lines open
    # the next column, then the territory there.
    lines = [
        line("[LABEL OR]", x=68.0, row=0),
        line("Écho’Mairie, l’application mobile au", x=68.0, row=1, bold=True, block=1),
        line("service de tous les", x=68.0, row=2, bold=True, block=1),
        line("habitants du bassin de vie", x=232.0, row=-1, bold=True, block=2),
        line("Communauté de Communes des Coteaux", x=232.0, row=0, block=3),
    ]
    assert fields(lines) == [
        (
            "Écho’Mairie, l’application mobile au service de tous les habitants du bassin de vie",
            "Communauté de Communes des Coteaux",
            "or",
        )
    ]


def test_a_summary_title_wrapped_in_its_block_is_one_category() -> None:
    title = [
        line("TRANSITION ÉNERGÉTIQUE, BIODIVERSITÉ ET RESSOURCES", bold=True, size=11.0),
        line("NATURELLES", row=1, bold=True, size=11.0),  # same block, no word left open
    ]
    category = "TRANSITION ÉNERGÉTIQUE, BIODIVERSITÉ ET RESSOURCES NATURELLES"
    assert summary_categories(title, first_row=3) == [(category, "or")] * 2


def test_a_heading_s_colon_wrapped_alone_belongs_to_it() -> None:
    lines = [
        line("Les Apports Du Projet", x=313.8, row=0, bold=True, block=1),
        line(":", x=313.8, row=1, bold=True, block=1),
        line("Le programme s’attache à ouvrir les données.", x=400.0, row=0, block=2),
    ]
    assert [x.text for x in join_headings(lines)][0] == "Les Apports Du Projet :"


def test_a_margin_heading_split_by_the_column_is_one_heading() -> None:
    # `APPORTS` / `DU` at the foot of the left column, `PROJET` tops the right one.
    lines = [
        line("APPORTS", x=43.0, row=40, bold=True, page=4),
        line("DU", x=43.0, row=41, bold=True, page=4),
        line("Le programme s’attache à", x=140.0, row=40, page=4, block=1),
        line("PROJET", x=300.0, row=0, bold=True, page=4, block=2),
        line("ouvrir les données publiques.", x=380.0, row=0, page=4, block=3),
    ]
    assert [x.text for x in join_headings(lines)] == [
        "APPORTS DU PROJET",
        "Le programme s’attache à",
        "ouvrir les données publiques.",
    ]


def test_a_heading_s_colon_wrapped_alone_to_the_next_column_is_no_text() -> None:
    # LibreOffice seed 14089: `APPORTS` / `DU PROJET` at the left column's foot,
    # its colon wrapped alone to the top of the right column, where the text
    # goes on after it.
    from extract.model import Document, Page
    from extract.segment import segment

    record = [
        line("LABEL OR – MOBILITÉS DURABLES", bold=True, size=16.0),
        line("Label d’or attribué à : Ville de Brest", row=2, block=1),
        line("Pour le projet : Le vélo partagé", row=3, block=1),
        line("APPORTS", row=5, bold=True, block=2),
        line("DU PROJET", row=6, bold=True, block=2),
        line("Le programme contribue à associer les jeunes aux décisions", x=115, row=5, block=3),
        line(":", x=308, row=0, bold=True, block=4),
        line("qui les concernent.", x=377, row=0, block=5),
    ]
    pages = (Page(3, 595, 842, tuple(record)),)
    laureate = segment(Document("t.pdf", "0" * 64, pages), pages, ()).laureates[0]
    assert laureate.contributions == (
        "Le programme contribue à associer les jeunes aux décisions qui les concernent."
    )


def test_an_entry_s_title_going_on_atop_the_next_column_level_with_its_start_is_one_title() -> None:
    # Chromium seed 15043: one entry flowed in three CSS columns; its bold title
    # breaks after `tous les` and goes on at the next column's top, 2 pt higher
    # than it started (`habitants du bassin de` / `vie`), then the territory,
    # then the tag in the third column.
    lines = [
        line("Le jumeau numérique", x=59.2, row=0, bold=True),
        line("du réseau d’eau –", x=59.2, row=1, bold=True),
        line("au service de tous les", x=59.2, row=2, bold=True),
        line("habitants du bassin de", x=220.9, row=-0.15, bold=True),
        line("vie", x=220.9, row=0.85, bold=True),
        line("CCAS de Kerlouan-Plage", x=220.9, row=1.85),
        line("[LABEL BRONZE]", x=382.6, row=-0.15),
    ]
    assert fields(lines) == [
        (
            "Le jumeau numérique du réseau d’eau – au service de tous les habitants du "
            "bassin de vie",
            "CCAS de Kerlouan-Plage",
            "bronze",
        )
    ]
