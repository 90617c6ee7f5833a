"""Layout families every producer draws, each in its own idiom.

A family is a way designers print one part of a directory. The producers
(reportlab, HTML/CSS through Chromium, office documents through LibreOffice)
each map a `Design` onto their own means (a rect and a text op, a CSS grid, an
ODF table), so that every family is met in PDFs written by every producer. The
truth never depends on the design: only the words and the pages do.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, fields

# Values of each dimension; the first is the plainest.
FAMILIES: dict[str, tuple[str, ...]] = {
    # A detail banner: one line; wrapped on two or three lines (a long category in a
    # narrow or centred box); or split, "LABEL OR" above the category on a line of its own.
    "banner": ("one_line", "two_lines", "three_lines", "split"),
    # A category's summary: a list; a table with rules; a grid of 2 or 3 cards a row.
    "summary": ("list", "table", "cards2", "cards3"),
    # Order of an entry's parts: title, territory and the "[label …]" tag, which
    # shares the territory's line in "title/territory+tag" and stands alone otherwise.
    # The title is printed in a style of its own (bold, larger) whenever it is not first.
    "entry_order": (
        "title/territory+tag",
        "title/territory/tag",
        "tag/title/territory",
        "territory/title/tag",
        "tag/territory/title",
    ),
    # A section heading: above its text, beside it in a margin column, or run into
    # the first line of its text (bold, the text going on after it).
    "section_heading": ("above", "margin", "runin"),
    # Detail records in one column, or flowing through two.
    "detail_columns": ("1", "2"),
    # Whether some records spill onto a following page that holds only a few lines.
    "spill": ("no", "yes"),
    # The running header: none, plain, letter-spaced, or in small capitals.
    "running_header": ("none", "plain", "letterspaced", "smallcaps"),
    # Page numbers: none, "12", "page 12 / 30", "– 12 –".
    "page_number": ("none", "plain", "page_of_total", "dashes"),
}


@dataclass(frozen=True)
class Design:
    banner: str = "one_line"
    summary: str = "list"
    entry_order: str = "title/territory+tag"
    section_heading: str = "above"
    detail_columns: str = "1"
    spill: str = "no"
    running_header: str = "plain"
    page_number: str = "plain"

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) not in FAMILIES[f.name]:
                raise ValueError(f"Design.{f.name}={getattr(self, f.name)!r}")

    def families(self) -> tuple[tuple[str, str], ...]:
        return tuple((f.name, getattr(self, f.name)) for f in fields(self))


def random_design(rng: random.Random) -> Design:
    return Design(**{name: rng.choice(values) for name, values in FAMILIES.items()})


def page_number_text(style: str, n: int, total: int) -> str:
    return {
        "none": "",
        "plain": str(n),
        "page_of_total": f"page {n} / {total}",
        "dashes": f"– {n} –",
    }[style]
