"""The random look of an HTML directory (its style sheet is written by gen/htmlcss.py).

A `Style` holds the wording of the fixed phrases (the attributes gen/wording.py
reads) and every typographic choice the HTML producer makes besides the
`Design` families: variety, fonts, sizes, page size and margins, colours,
banners, cards, tables, section headings, justification, margin boxes.

Nothing is measured: banner boxes (gen/htmlpages.py) get their widths from the
number of characters they hold, in em of the banner's own size, wide enough for
one, two or three lines of text.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .design import Design
from .layout import CHOICES, PALETTES

# On a fresh machine after `apt-get install chromium chromium-driver libreoffice-writer-nogui`
# (Recommends installed, as apt does by default): fonts-dejavu-core comes with fontconfig
# (a hard dependency), fonts-liberation with chromium-common and fonts-liberation2 with
# libreoffice-core (both Recommends). Every stack ends in DejaVu, then the generic family.
FONTS = ("DejaVu Sans", "DejaVu Serif", "Liberation Sans", "Liberation Serif")
VARIETIES = ("styled", "magazine", "plain")
PAGE_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
PT_PER_MM = 72 / 25.4
WORDING_FIELDS = (
    "heading_case",
    "heading_colon",
    "apports_form",
    "banner_dash",
    "banner_case",
    "statement_form",
    "statement_verb",
    "statement_colon",
    "summary_title",
    "summary_case",
    "summary_tag_case",
)


@dataclass(frozen=True)
class Wording:
    """How fixed phrases are printed (see gen/wording.py)."""

    heading_case: str
    heading_colon: str
    apports_form: str
    banner_dash: str
    banner_case: str
    statement_form: str
    statement_verb: str
    statement_colon: str
    summary_title: str
    summary_case: str
    summary_tag_case: str


@dataclass(frozen=True)
class Style:
    variety: str  # styled | magazine (two-column body, side bars) | plain (one column, bare)
    page_size: str
    margins: tuple[int, int, int, int]  # mm: top, right, bottom, left
    font: str
    heading_font: str
    body_size: float  # pt
    line_height: float
    para_gap: float  # em between paragraphs (at least half a line)
    justify: bool
    palette: int
    banner_align: str  # left | center
    banner_scale: float
    banner_spacing: float  # pt of letter-spacing
    banner_transform: bool  # title-case source shown upper case by CSS
    split_ratio: float  # size of the "LABEL OR" line of a split banner, to the category's
    card_style: str  # border | fill | both | none
    card_grid: str  # grid | flex
    card_bullet: bool
    table_header: bool
    table_rules: str  # grid | rows
    title_size: float  # entry titles, em
    section_style: str  # bold | colour | smallcaps | spaced | rule
    margin_width: float  # em of the heading column in "margin" sections
    break_inside: str  # auto | avoid (paragraphs)
    header_box: str  # top-center | top-left
    header_size: float
    header_spacing: float  # pt (letterspaced running header)
    number_box: str  # bottom-right | bottom-center | bottom-left | top-right | outer
    footer_box: str  # bottom-center | bottom-left
    jury_columns: int
    long_names: bool
    spill_share: float  # share of records forced to spill a last item onto a page of its own
    running: str  # texts.running_texts: header | footer | both
    wording: Wording

    @property
    def coloured(self) -> bool:
        return self.variety != "plain"

    def families(self) -> tuple[tuple[str, str], ...]:
        return (
            ("variety", self.variety),
            ("font", self.font),
            ("page_size", self.page_size),
            ("banner_align", self.banner_align),
            ("banner_band", "band" if self.coloured else "text"),
            ("card_style", self.card_style),
            ("table_header", "yes" if self.table_header else "no"),
            ("justify", "yes" if self.justify else "no"),
            ("section_style", self.section_style),
        )


def _wording(rng: random.Random) -> Wording:
    return Wording(**{name: rng.choice(CHOICES[name]) for name in WORDING_FIELDS})


def _boxes(rng: random.Random, design: Design, running: str) -> dict[str, str]:
    header_box = rng.choice(("top-center", "top-center", "top-left"))
    footer_box = rng.choice(("bottom-center", "bottom-center", "bottom-left"))
    taken = set()
    if design.running_header != "none":
        taken.add(header_box)
    if running in ("footer", "both"):
        taken.add(footer_box)
    free = [
        b
        for b in ("bottom-right", "bottom-center", "bottom-left", "top-right", "outer")
        if b not in taken and not (b == "outer" and "bottom-left" in taken)
    ]
    return {"header_box": header_box, "footer_box": footer_box, "number_box": rng.choice(free)}


def random_style(rng: random.Random, design: Design, variety: str) -> Style:
    wording = _wording(rng)
    font = rng.choice(FONTS)
    plain = variety == "plain"
    running = "footer" if design.running_header == "none" else rng.choice(("header", "both"))
    return Style(
        variety=variety,
        page_size=rng.choice(("A4", "Letter")),
        margins=(
            rng.randint(16, 26),
            rng.randint(14, 24),
            rng.randint(16, 26),
            rng.randint(14, 24),
        ),
        font=font,
        heading_font=font if plain or rng.random() < 0.5 else rng.choice(FONTS),
        body_size=rng.choice((9.0, 9.5, 10.0, 10.5, 11.0, 11.5, 12.0)),
        line_height=rng.choice((1.25, 1.3, 1.4, 1.5)),
        para_gap=rng.choice((0.8, 0.9, 1.1)),
        justify=rng.random() < 0.5,
        palette=rng.randrange(len(PALETTES)),
        banner_align=rng.choice(("left", "center")),
        banner_scale=rng.choice((1.2, 1.35, 1.5)),
        banner_spacing=rng.choice((0.0, 0.0, 0.6, 1.2)),
        banner_transform=wording.banner_case == "title" and rng.random() < 0.5,
        split_ratio=rng.choice((0.8, 1.0, 1.3)),
        card_style="none" if plain else rng.choice(("border", "fill", "both", "none")),
        card_grid=rng.choice(("grid", "flex")),
        card_bullet=rng.random() < 0.5,
        table_header=rng.random() < 0.5,
        table_rules=rng.choice(("grid", "rows")),
        title_size=rng.choice((1.0, 1.0, 1.1, 1.2)),
        section_style="bold"
        if plain
        else rng.choice(("bold", "colour", "smallcaps", "spaced", "rule")),
        margin_width=rng.choice((10.5, 12.0, 13.5)),
        break_inside=rng.choice(("auto", "avoid")),
        header_size=rng.choice((7.5, 8.0, 9.0)),
        header_spacing=rng.choice((0.8, 1.2, 1.6)),
        jury_columns=rng.choice((1, 2)),
        long_names=rng.random() < 0.5,
        spill_share=0.4 if design.spill == "yes" else 0.0,
        running=running,
        wording=wording,
        **_boxes(rng, design, running),
    )
