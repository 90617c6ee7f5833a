"""Layout options of a synthetic directory, drawn at random or from hypothesis."""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import reportlab
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

Color = tuple[float, float, float]

FONT_FAMILIES: dict[str, tuple[str, str]] = {
    "helvetica": ("Helvetica", "Helvetica-Bold"),
    "times": ("Times-Roman", "Times-Bold"),
    # Bitstream Vera ships with reportlab and has ’ – — • « » œ é É.
    "vera": ("Vera", "VeraBd"),
}
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "Letter": LETTER}

# Tier colours (or, argent, bronze) and an accent colour, per palette.
PALETTES: tuple[tuple[Color, Color, Color, Color], ...] = (
    ((0.80, 0.62, 0.10), (0.50, 0.52, 0.56), (0.60, 0.36, 0.16), (0.10, 0.30, 0.55)),
    ((0.93, 0.55, 0.05), (0.35, 0.45, 0.60), (0.55, 0.27, 0.07), (0.55, 0.10, 0.35)),
    ((0.70, 0.55, 0.00), (0.40, 0.40, 0.40), (0.70, 0.40, 0.20), (0.05, 0.45, 0.35)),
    ((0.85, 0.20, 0.25), (0.20, 0.35, 0.75), (0.30, 0.55, 0.20), (0.25, 0.25, 0.25)),
)

TRACKINGS = (0.0, 0.0, 2.2)
CHOICES: dict[str, tuple[Any, ...]] = {
    "page_size": ("A4", "Letter"),
    "font_family": tuple(FONT_FAMILIES),
    "detail_columns": (1, 2),
    "summary_layout": ("list", "columns", "cards"),
    "running": ("header", "footer", "both"),
    "page_number_style": ("plain", "page", "of_total", "dashes", "none"),
    "page_number_pos": ("left", "right", "centre", "outer"),
    "page_number_place": ("top", "bottom"),
    "banner_style": ("band", "plain"),
    "banner_dash": ("–", "—", "-"),
    "banner_case": ("upper", "title"),
    "heading_case": ("upper", "title", "sentence"),
    "heading_colon": ("space", "tight", "none"),
    "apports_form": ("les", "bare"),
    "statement_form": ("elided", "bare"),
    "statement_verb": ("attribué à", "décerné à"),
    "statement_colon": (" :", ":"),
    "summary_title": ("prefixed", "plain"),
    "summary_case": ("upper", "upper_noaccent", "title", "sentence"),
    "summary_tag_case": ("lower", "title", "upper"),
    "jury_columns": (1, 2),
    "long_names": (False, True),
    "long_records": (False, True),
    "palette": tuple(range(len(PALETTES))),
}
# Choices added later, drawn after every field above so that earlier seeds keep
# their draws (the layout families of gen/design.py, in reportlab's idiom).
LATER_CHOICES: dict[str, tuple[Any, ...]] = {
    # one_line, wrapped on 2 or 3 lines (balanced breaks), or "LABEL OR" above the category
    "banner_form": ("one_line", "two_lines", "three_lines", "split"),
    "banner_box": ("full", "narrow", "centred"),  # width and place of a wrapped/split banner
    "banner_align": ("left", "centre"),  # lines of a wrapped/split banner
    "banner_long": (False, True),  # wrapped banners: long categories in the content
    "split_scale": (0.6, 0.75, 1.0),  # size of the "LABEL OR" line of a split banner
    "summary_table": (False, False, True),  # a table with rules instead of summary_layout
    "table_vrules": (False, True),
    "table_header": (False, True),  # a header row "Projet | Territoire | Label"
    "card_columns": (2, 3),
    "card_frame": (True, False),  # a framed card, or whitespace only
    "card_gap": ("normal", "narrow"),  # 14 pt, or 1 to 1.5 em
    "entry_order": (
        "title/territory+tag",
        "title/territory/tag",
        "tag/title/territory",
        "territory/title/tag",
        "tag/territory/title",
    ),
    "section_heading": ("above", "margin", "runin"),
    "spill": (False, True),  # some records end with 1 to 4 lines on a page of their own
    "running_style": ("plain", "letterspaced", "smallcaps"),  # the running header
    "page_of_total": (False, False, True),  # "page 12 / 30" instead of page_number_style
}


@dataclass(frozen=True)
class Layout:
    page_size: str = "A4"
    margin_left: float = 56.0
    margin_right: float = 56.0
    margin_top: float = 50.0
    margin_bottom: float = 50.0
    font_family: str = "helvetica"
    body_size: float = 10.0
    heading_scale: float = 1.25
    detail_columns: int = 1
    summary_layout: str = "list"
    running: str = "footer"  # running text: "header", "footer" or "both"
    page_number_style: str = "plain"  # "12", "Page 12", "12 / 30", "– 12 –" or none
    page_number_pos: str = "right"  # "outer" alternates right (odd) / left (even)
    page_number_place: str = "bottom"
    banner_style: str = "band"
    banner_dash: str = "–"
    banner_case: str = "upper"
    heading_case: str = "upper"
    heading_colon: str = "space"
    apports_form: str = "les"
    statement_form: str = "elided"  # "Label d’or" vs "Label or"
    statement_verb: str = "attribué à"
    statement_colon: str = " :"
    summary_title: str = "prefixed"  # "CATÉGORIE – NAME" vs "NAME"
    summary_case: str = "upper"
    summary_tag_case: str = "lower"
    jury_columns: int = 1
    long_names: bool = False  # some territories / projects wrap onto a second line
    long_records: bool = False  # some records continue on the next page
    palette: int = 0
    # Letter spacing of band banners, in points (PDF Tc): below pdfplumber's 3 pt word
    # gap, above half a space in most banner sizes, where pdfium makes up spaces.
    banner_tracking: float = 0.0
    # -- drawn after everything above (LATER_CHOICES) --
    banner_form: str = "one_line"
    banner_box: str = "full"
    banner_align: str = "left"
    banner_long: bool = False
    split_scale: float = 0.75
    summary_table: bool = False
    table_vrules: bool = False
    table_header: bool = True
    card_columns: int = 2
    card_frame: bool = True
    card_gap: str = "normal"
    entry_order: str = "title/territory+tag"
    section_heading: str = "above"
    spill: bool = False
    running_style: str = "plain"
    page_of_total: bool = False
    # Letter spacing of a letter-spaced running header (PDF Tc), and the width of a
    # narrow card gap in ems; drawn last of all.
    running_tracking: float = 1.2
    narrow_gap_em: float = 1.2

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in CHOICES and value not in CHOICES[f.name]:
                raise ValueError(f"Layout.{f.name}={value!r}")
            if f.name in LATER_CHOICES and value not in LATER_CHOICES[f.name]:
                raise ValueError(f"Layout.{f.name}={value!r}")
        if not 0.5 <= self.running_tracking < 2:
            raise ValueError("running_tracking must be within 0.5..2 pt")
        if not 1 <= self.narrow_gap_em <= 1.5:
            raise ValueError("narrow_gap_em must be within 1..1.5 em")
        if not 9 <= self.body_size <= 12:
            raise ValueError("body_size must be within 9..12 pt")
        if not 0 <= self.banner_tracking < 3:
            raise ValueError("banner_tracking must be within 0..3 pt (a word gap from 3)")

    @property
    def size(self) -> tuple[float, float]:
        return PAGE_SIZES[self.page_size]

    @property
    def fonts(self) -> tuple[str, str]:
        return FONT_FAMILIES[self.font_family]

    @property
    def colors(self) -> tuple[Color, Color, Color, Color]:
        return PALETTES[self.palette]


def random_layout(rng: random.Random) -> Layout:
    kw: dict[str, Any] = {name: rng.choice(opts) for name, opts in CHOICES.items()}
    kw["margin_left"] = float(rng.randint(40, 80))
    kw["margin_right"] = float(rng.randint(40, 80))
    kw["margin_top"] = float(rng.randint(36, 70))
    kw["margin_bottom"] = float(rng.randint(36, 70))
    kw["body_size"] = rng.choice((9.0, 9.5, 10.0, 10.5, 11.0, 11.5, 12.0))
    kw["heading_scale"] = rng.choice((1.15, 1.25, 1.4))
    kw["banner_tracking"] = rng.choice(TRACKINGS)
    # Drawn after the fields above: earlier seeds keep those draws.
    kw.update({name: rng.choice(opts) for name, opts in LATER_CHOICES.items()})
    kw["running_tracking"] = round(rng.uniform(0.6, 1.8), 1)
    kw["narrow_gap_em"] = round(rng.uniform(1.0, 1.5), 2)
    return Layout(**kw)


def plain_families(layout: Layout) -> Layout:
    """`layout` with every field of LATER_CHOICES at its default: a layout as drawn before
    the layout families, which typesets the same pages as then (old seeds keep their PDFs)."""
    later = {f.name: f.default for f in fields(Layout) if f.name in LATER_CHOICES}
    later.update(running_tracking=Layout.running_tracking, narrow_gap_em=Layout.narrow_gap_em)
    return replace(layout, **later)


def layouts() -> Any:
    """Hypothesis strategy producing Layout values."""
    from hypothesis import strategies as st

    kw = {name: st.sampled_from(opts) for name, opts in (CHOICES | LATER_CHOICES).items()}
    margin = st.integers(40, 80).map(float)
    return st.builds(
        Layout,
        margin_left=margin,
        margin_right=margin,
        margin_top=st.integers(36, 70).map(float),
        margin_bottom=st.integers(36, 70).map(float),
        body_size=st.sampled_from((9.0, 10.0, 11.0, 12.0)),
        heading_scale=st.sampled_from((1.15, 1.25, 1.4)),
        banner_tracking=st.sampled_from(TRACKINGS),
        running_tracking=st.sampled_from((0.6, 1.2, 1.8)),
        narrow_gap_em=st.sampled_from((1.0, 1.25, 1.5)),
        **kw,
    )


PAGE_NUMBER_FAMILY = {
    "plain": "plain",
    "page": "plain",  # "Page 12"
    "of_total": "page_of_total",  # "12 / 30"
    "dashes": "dashes",
    "none": "none",
}


def families(layout: Layout, header: str, spills: list[int]) -> tuple[tuple[str, str], ...]:
    """The design.FAMILIES dimensions this layout draws, then reportlab's own ones.

    `header`: the running header printed (none when ""); `spills`: for each record that
    ended with a few lines alone on a page, in how many columns (the composer tells).
    """
    lay = layout
    if lay.summary_table:
        summary = "table"
    elif lay.summary_layout == "cards":
        summary = f"cards{lay.card_columns}"
    else:
        summary = "list"  # "columns" is a list in two columns
    number = PAGE_NUMBER_FAMILY[lay.page_number_style]
    if lay.page_of_total and number != "none":
        number = "page_of_total"
    design = (
        ("banner", lay.banner_form),
        ("summary", summary),
        ("entry_order", lay.entry_order),
        ("section_heading", lay.section_heading),
        ("detail_columns", str(lay.detail_columns)),
        ("spill", "yes" if spills else "no"),
        ("running_header", lay.running_style if header else "none"),
        ("page_number", number),
    )
    own = [
        ("font_family", lay.font_family),
        ("banner_style", lay.banner_style),
        ("banner_tracking", "yes" if lay.banner_tracking and lay.banner_style == "band" else "no"),
    ]
    if lay.banner_form != "one_line":
        own += [("banner_box", lay.banner_box), ("banner_align", lay.banner_align)]
    if lay.banner_form in ("two_lines", "three_lines"):
        own.append(("banner_long", "yes" if lay.banner_long else "no"))
    if spills:
        own.append(("spill_columns", str(max(spills))))
    if summary == "list":
        own.append(("summary_columns", "2" if lay.summary_layout == "columns" else "1"))
    elif summary == "table":
        own += [
            ("table_rules", "hv" if lay.table_vrules else "h"),
            ("table_header", "yes" if lay.table_header else "no"),
        ]
    else:
        own += [
            ("card_frame", "yes" if lay.card_frame else "no"),
            ("card_gap", lay.card_gap),
        ]
    style = "page_of_total" if lay.page_of_total and number != "none" else lay.page_number_style
    own += [
        ("page_number_style", style),  # "page 12 / 30", or "12", "Page 12", "12 / 30", …
        ("running", lay.running),
        ("jury_columns", str(lay.jury_columns)),
        ("long_names", "yes" if lay.long_names else "no"),
        ("long_records", "yes" if lay.long_records else "no"),
    ]
    return design + tuple(own)


_REGISTERED: set[str] = set()


def ensure_fonts() -> None:
    """Register reportlab's bundled Vera TTFs (idempotent)."""
    if _REGISTERED:
        return
    font_dir = Path(reportlab.__file__).parent / "fonts"
    for name, file in (("Vera", "Vera.ttf"), ("VeraBd", "VeraBd.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(font_dir / file)))
        _REGISTERED.add(name)


@functools.lru_cache(maxsize=65536)
def width(text: str, font: str, size: float) -> float:
    ensure_fonts()
    return float(pdfmetrics.stringWidth(text, font, size))
