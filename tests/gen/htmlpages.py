"""The body of an HTML directory: cover, intro, summaries, detail records, closing page.

The `Builder` writes the markup of each part and lists, in document order, the
headings (h1–h3) that Chromium's outline will hold: the producer (gen/html.py)
learns every page from them.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from . import texts
from . import wording as W
from .content import Edition, Lau
from .design import Design
from .htmlcss import content_width_pt
from .htmlstyle import Style
from .truth import TIERS

DASHES = ("–", "—")
CLOSING_PUNCT = (":", ";", "!", "?", "»")
SECTION_KEYS = ("description", "innovation", "contributions")
COLUMN_NAMES = {"title": "Projet", "territory": "Territoire", "tag": "Distinction"}


@dataclass(frozen=True)
class Heading:
    """A heading that the PDF's outline must hold, in document order."""

    kind: str  # cover | intro | summary | entry | banner | closing
    title: str


# -- text ----------------------------------------------------------------------------


def _units(text: str) -> list[str]:
    """Words, with a dash, a closing mark or "»" glued to the word before, "«" to the next."""
    units: list[str] = []
    glue_next = False
    for word in text.split():
        open_tag = bool(units) and units[-1].startswith("[") and "]" not in units[-1]
        if units and (glue_next or open_tag or word in DASHES or word in CLOSING_PUNCT):
            units[-1] += " " + word
        else:
            units.append(word)
        glue_next = word == "«"
    return units


def inline(text: str) -> str:
    """Escaped text where no line breaks after "«", before a closing mark or a dash, nor
    after a dash inside a word ("2024–2026")."""
    out = []
    for unit in _units(text):
        safe = escape(unit, quote=False)
        if " " in unit or re.search(r"[–—]\S", unit):
            safe = f'<span class="nb">{safe}</span>'
        out.append(safe)
    return " ".join(out)


def _items(items: Sequence[str], lead: str = "") -> list[str]:
    """Paragraphs and "• " bullet items; `lead` (a run-in heading) opens the first paragraph."""
    out = []
    for i, item in enumerate(items):
        first = lead if i == 0 else ""
        if item.startswith("• "):
            out.append(f'<p class="bul">• {inline(item[2:])}</p>')
        else:
            out.append(f"<p>{first}{inline(item)}</p>")
    return out


# -- banners -------------------------------------------------------------------------

CHAR_EM = {"upper": 0.72, "mixed": 0.58}  # mean advance of a bold character, in em


class Banners:
    """Sizes and widths of banner boxes from their character counts (nothing measured)."""

    def __init__(self, style: Style, design: Design) -> None:
        self.style, self.design = style, design
        self.full = content_width_pt(style)
        self.base = style.body_size * style.banner_scale
        upper = style.wording.banner_case == "upper" or style.banner_transform
        self.em = CHAR_EM["upper" if upper else "mixed"]

    def width(self, text: str, size: float) -> float:
        return len(text) * (self.em * size + self.style.banner_spacing)

    def one_line(self, text: str) -> float:
        """A size at which `text` holds on one line with room to spare."""
        size = self.base
        while self.width(text, size) * 1.15 + 1.2 * size > self.full and size > 6:
            size *= 0.95
        return size

    def wrapped(self, text: str, lines: int) -> tuple[float, float]:
        """Size and box width for `text` to wrap on `lines` lines."""
        size = self.base
        while self.width(text, size) / (lines - 0.5) + 1.2 * size > self.full and size > 6:
            size *= 0.95
        longest = max(self.width(u, size) for u in _units(text)) * 1.1
        return size, max(longest, self.width(text, size) / (lines - 0.5))

    def html(self, lau: Lau) -> tuple[str, str]:
        """The banner's h1 and its text (the bookmark's title)."""
        wording, kind = self.style.wording, self.design.banner
        classes = f"banner t{TIERS.index(lau.tier)}"
        if kind == "split":
            first, second = f"LABEL {lau.tier.upper()}", lau.category
            if wording.banner_case == "title":
                first, second = W.title_case(first), W.title_case(second)
            size = self.one_line(second)
            inner = (
                f'<span class="part" style="font-size: {self.style.split_ratio}em">'
                f'{inline(first)}</span><span class="part">{inline(second)}</span>'
            )
            return f'<h1 class="{classes}" style="font-size: {size:.2f}pt">{inner}</h1>', (
                f"{first} {second}"
            )
        text = W.banner_text(lau.tier, lau.category, wording)
        if kind == "one_line":
            box = f"font-size: {self.one_line(text):.2f}pt"
        else:
            size, width = self.wrapped(text, 2 if kind == "two_lines" else 3)
            box = f"font-size: {size:.2f}pt; width: {width:.1f}pt"
            if self.style.banner_align == "center":
                classes += " centre"
        return f'<h1 class="{classes}" style="{box}">{inline(text)}</h1>', text


# -- pages ---------------------------------------------------------------------------


class Builder:
    """The body of the document, with the headings its outline will list."""

    def __init__(self, style: Style, design: Design, spill_rng: random.Random) -> None:
        self.style, self.design, self.spill_rng = style, design, spill_rng
        self.wording = style.wording
        self.parts: list[str] = []
        self.headings: list[Heading] = []
        self.banners = Banners(style, design)

    def heading(self, kind: str, title: str) -> None:
        self.headings.append(Heading(kind, title))

    def cover(self, ed: Edition) -> None:
        label, year = f"Label « {ed.label_name} »", f"Annuaire {ed.year}"
        self.heading("cover", year)
        self.parts.append(
            f'<section class="cover"><div class="band"><p class="label">{inline(label)}</p>'
            f'<h1>{year}</h1></div><p class="org">{inline(ed.organiser)}</p></section>'
        )

    def intro(self, text: texts.Intro) -> None:
        out = ['<section class="intro">']
        self.heading("intro", text.about_heading)
        out += [f"<h2>{inline(text.about_heading)}</h2>", *_items(text.about)]
        self.heading("intro", text.jury_heading)
        out += [f"<h2>{inline(text.jury_heading)}</h2>", f"<p>{inline(text.jury_lead)}</p>"]
        out += ['<div class="jury">', *_items(["• " + j for j in text.jury]), "</div>"]
        self.heading("intro", text.criteria_heading)
        out += [f"<h2>{inline(text.criteria_heading)}</h2>", f"<p>{inline(text.criteria_lead)}</p>"]
        out += ['<div class="crit">', *_items(["• " + c for c in text.criteria]), "</div>"]
        self.heading("intro", text.results_heading)
        out += [f"<h2>{inline(text.results_heading)}</h2>", *_items(text.results), "</section>"]
        self.parts.append("\n".join(out))

    # -- summaries
    def groups(self) -> list[list[str]]:
        return [group.split("+") for group in self.design.entry_order.split("/")]

    def part(self, name: str, lau: Lau) -> str:
        if name == "title":
            return inline(lau.sum_project)
        if name == "territory":
            return inline(lau.sum_territory)
        return f'<span class="nb">{escape(W.summary_tag(lau.sum_tier, self.wording))}</span>'

    def lines(self, lau: Lau, bullet: bool) -> str:
        out = []
        for k, group in enumerate(self.groups()):
            lead = "• " if bullet and k == 0 else ""
            text = " ".join(self.part(name, lau) for name in group)
            if group == ["title"]:
                self.heading("entry", lau.sum_project)
                out.append(f'<h3 class="et">{lead}{text}</h3>')
            else:
                out.append(f"<p>{lead}{text}</p>")
        return "".join(out)

    def table(self, entries: list[Lau]) -> str:
        groups = self.groups()
        out = ['<table class="sum">']
        if self.style.table_header:
            names = [COLUMN_NAMES[g[0]] for g in groups]
            out.append("<thead><tr>" + "".join(f"<th>{n}</th>" for n in names) + "</tr></thead>")
        out.append("<tbody>")
        for lau in entries:
            cells = []
            for group in groups:
                text = " ".join(self.part(name, lau) for name in group)
                if group == ["title"]:
                    self.heading("entry", lau.sum_project)
                    text = f'<h3 class="et">{text}</h3>'
                cells.append(f"<td>{text}</td>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        return "".join(out) + "</tbody></table>"

    def summary(self, category: str, entries: list[Lau]) -> None:
        title = W.summary_title(category, self.wording)
        self.heading("summary", title)
        out = [f'<section class="summary"><h1 class="sumtitle">{inline(title)}</h1>']
        kind = self.design.summary
        if kind == "list":
            out += [f'<div class="entry">{self.lines(lau, True)}</div>' for lau in entries]
        elif kind == "table":
            out.append(self.table(entries))
        else:
            cards = [
                f'<div class="card">{self.lines(lau, self.style.card_bullet)}</div>'
                for lau in entries
            ]
            out.append(f'<div class="cards">{"".join(cards)}</div>')
        self.parts.append("\n".join(out) + "</section>")

    # -- detail records
    def section(self, key: str, items: Sequence[str], continued: bool = False) -> str:
        """A section's heading and items; `continued`: its last items, after a page break."""
        heading = "" if continued else inline(W.section_heading(key, self.wording))
        if key == "partners":
            logos = "".join('<div class="logo"></div>' for _ in items)
            body = f'<div class="logos">{logos}</div>'
        elif self.design.section_heading == "runin" and heading and not items[0].startswith("•"):
            return "".join(_items(items, f'<span class="sh">{heading}</span> '))
        else:
            body = "".join(_items(items))
        if self.design.section_heading == "margin":
            two = " two" if self.design.detail_columns == "2" else ""
            inner = f'<div class="mbody{two}">{body}</div>'
            return f'<div class="msec"><div class="sh">{heading}</div>{inner}</div>'
        return (f'<p class="sh">{heading}</p>' if heading else "") + body

    def sections(self, lau: Lau) -> str:
        keyed: list[tuple[str, Sequence[str], bool]] = [
            (k, lau.sections[k], False) for k in SECTION_KEYS
        ]
        if lau.has_partners:
            keyed.append(("partners", ("",) * (2 + len(lau.territory) % 3), False))
        head, tail = keyed, []
        if self.spill_rng.random() < self.style.spill_share:  # the last item on a page of its own
            key, items, _ = keyed[2]
            if len(items) >= 2:
                head = [*keyed[:2], (key, items[:-1], False)]
                tail = [(key, items[-1:], True), *keyed[3:]]
            else:
                head, tail = keyed[:2], keyed[2:]
        two = (
            " two"
            if self.design.detail_columns == "2" and self.design.section_heading != "margin"
            else ""
        )
        out = []
        for chunk, extra in ((head, ""), (tail, " brk")):
            if chunk:
                body = "".join(self.section(k, items, cont) for k, items, cont in chunk)
                out.append(f'<div class="sections{two}{extra}">{body}</div>')
        return "".join(out)

    def record(self, lau: Lau) -> None:
        banner, title = self.banners.html(lau)
        self.heading("banner", title)
        prefix = W.statement_prefix(lau.tier_statement, self.wording)
        out = [
            '<article class="record">',
            banner,
            f'<p class="stmt"><b>{inline(prefix)}</b> {inline(lau.territory)}</p>',
            f'<p class="stmt"><b>{inline(W.project_prefix(self.wording))}</b> '
            f"{inline(lau.project)}</p>",
        ]
        if lau.subtitle:
            out.append(f'<p class="subtitle">{inline(lau.subtitle)}</p>')
        out += [self.sections(lau), "</article>"]
        self.parts.append("\n".join(out))

    def closing(self, ed: Edition) -> None:
        heading, paragraph = texts.closing(ed)
        self.heading("closing", heading)
        self.parts.append(
            f'<section class="closing"><h1>{inline(heading)}</h1>'
            f"<p>{inline(paragraph)}</p></section>"
        )
