"""The pages of an ODF edition: cover, intro, summaries, detail records, closing page."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import odfstyles as S
from . import odfxml as X
from . import wording as W
from .content import Edition, Lau
from .texts import Intro
from .truth import TEntry, TLaureate

if TYPE_CHECKING:
    from .design import Design
    from .odf import Look

SECTION_KEYS = ("description", "innovation", "contributions")
PART_HEADS = {"title": "Projet", "territory": "Territoire", "tag": "Distinction", "text": "Lauréat"}
CELL_STYLES = {
    "title": S.CELL_TITLE,
    "territory": S.CELL_TEXT,
    "tag": S.CELL_TEXT,
    "text": S.CELL_TEXT,
}


@dataclass(frozen=True)
class Anchor:
    """A heading whose page the PDF outline tells."""

    title: str
    in_frame: bool  # LibreOffice lists the headings of text frames before the body's


class Document(S.Styles):
    """Body XML in the making, with the headings (anchors) whose page the truth needs."""

    def __init__(self, design: Design, look: Look, rng: random.Random) -> None:
        super().__init__(design, look)
        self.rng = rng
        self.body: list[str] = []
        self.anchors: list[Anchor] = []
        self.starts: list[int] = []
        self.names = 0
        self.spilled = False

    def name(self, prefix: str) -> str:
        self.names += 1
        return f"{prefix}{self.names}"

    def mark(self, title: str, in_frame: bool = False) -> int:
        self.anchors.append(Anchor(title, in_frame))
        return len(self.anchors) - 1

    def heading(self, style: str, level: int, text: str, in_frame: bool = False) -> str:
        self.mark(text, in_frame)
        return X.heading(style, level, X.esc(text))

    # -- runs of items --------------------------------------------------------------
    def bullets(self, items: list[str], first_break: bool = False) -> str:
        """Bullet items (a gap after the last): a list with a bullet character, or "•" and
        a tab typed in."""
        out = []
        for k, item in enumerate(items):
            last = k == len(items) - 1
            brk = first_break and k == 0
            if self.look.bullets == "list":
                body = X.para(self.list_item(last, brk), X.esc(item))
                out.append(f"<text:list-item>{body}</text:list-item>")
            else:
                out.append(X.para(self.typed_bullet(last, brk), "•<text:tab/>" + X.esc(item)))
        if self.look.bullets == "list":
            return f'<text:list text:style-name="{S.BULLET_LIST}">{"".join(out)}</text:list>'
        return "".join(out)

    def items(self, items: tuple[str, ...], runin: str = "", break_at: int = -1) -> str:
        """Paragraphs (a gap after each) and runs of "• " bullets (tight, a gap after the run).

        `runin` is a bold heading that starts the first paragraph; `break_at` the index of
        an item that starts a new page.
        """
        out, run = [], []
        run_start = 0
        for k, item in enumerate(items):
            if item.startswith("• "):
                run_start = k if not run else run_start
                run.append(item[2:])
                continue
            if run:
                out.append(self.bullets(run, first_break=run_start == break_at))
                run = []
            style = self.body_style(brk=k == break_at)
            prefix = X.span(S.RUNIN, X.esc(runin)) + " " if runin and k == 0 else ""
            out.append(X.para(style, prefix + X.esc(item)))
        if run:
            out.append(self.bullets(run, first_break=run_start == break_at))
        return "".join(out)

    # -- cover and intro ------------------------------------------------------------
    def cover(self, ed: Edition) -> None:
        """The title page (no header or footer): the label and the year in the largest type."""
        self.body.append(X.para(S.COVER_LABEL, X.esc(f"Label « {ed.label_name} »")))
        self.body.append(X.para(S.COVER_YEAR, X.esc(f"Annuaire {ed.year}")))
        self.body.append(X.para(S.COVER_ORG, X.esc(ed.organiser)))

    def intro(self, text: Intro) -> None:
        b = self.body
        b.append(self.heading(S.INTRO_FIRST, 1, text.about_heading))
        b.append(self.items(text.about))
        b.append(self.heading(S.INTRO_HEADING, 1, text.jury_heading))
        b.append(X.para(S.BODY, X.esc(text.jury_lead)))
        jury = self.bullets(list(text.jury))
        if self.look.jury_columns == 2:
            jury = X.section(self.name("Jury"), S.TWO_COLUMNS, jury)
        b.append(jury)
        b.append(self.heading(S.INTRO_HEADING, 1, text.criteria_heading))
        b.append(X.para(S.BODY, X.esc(text.criteria_lead)))
        b.append(self.bullets(list(text.criteria)))
        b.append(self.heading(S.INTRO_HEADING, 1, text.results_heading))
        b.append(self.items(text.results))

    def closing(self, words: tuple[str, str]) -> None:
        self.starts.append(len(self.anchors))
        self.body.append(self.heading(S.CLOSING_HEADING, 1, words[0]))
        self.body.append(X.para(S.BODY, X.esc(words[1])))

    # -- summaries --------------------------------------------------------------------
    def parts(self, lau: Lau) -> list[tuple[str, str]]:
        """(kind, text) of an entry's paragraphs in the design's order."""
        tag = W.summary_tag(lau.sum_tier, self.look.wording)
        order = self.design.entry_order
        if order == "title/territory+tag":
            return [("title", lau.sum_project), ("text", f"{lau.sum_territory} {tag}")]
        text = {"title": lau.sum_project, "territory": lau.sum_territory, "tag": tag}
        return [(kind, text[kind]) for kind in order.split("/")]

    def part(
        self, kind: str, text: str, style: str, anchors: list[int], frame: bool, prefix: str = ""
    ) -> str:
        """One paragraph of an entry; the title is a heading (a bookmark tells its page)."""
        if kind == "title":
            anchors.append(self.mark(text, frame))
            return X.heading(style, 2, prefix + X.esc(text))
        return X.para(style, prefix + X.esc(text))

    def summary(self, cat: str, entries: list[Lau]) -> list[tuple[TEntry, int]]:
        self.starts.append(len(self.anchors))
        title = W.summary_title(cat, self.look.wording)
        self.body.append(self.heading(S.SUMMARY_TITLE, 1, title))
        anchors: list[int] = []
        mode = self.design.summary
        if mode == "list":
            self.body.extend(self.list_entry(lau, anchors) for lau in entries)
        elif mode == "table":
            self.body.append(self.summary_table(entries, anchors))
        elif self.look.card == "cell":
            self.body.append(self.card_table(entries, int(mode[-1]), anchors))
        else:
            self.body.extend(self.card_rows(entries, int(mode[-1]), anchors))
        return [
            (TEntry(cat, k + 1, lau.sum_project, lau.sum_territory, lau.sum_tier, 0), a)
            for k, (lau, a) in enumerate(zip(entries, anchors, strict=True))
        ]

    def list_entry(self, lau: Lau, anchors: list[int]) -> str:
        parts = self.parts(lau)
        out = []
        for k, (kind, text) in enumerate(parts):
            style = self.entry_style(kind, k == 0, k == len(parts) - 1)
            typed = k == 0 and self.look.bullets == "typed"
            prefix = "•<text:tab/>" if typed else ""
            out.append(self.part(kind, text, style, anchors, False, prefix))
        xml = "".join(out)
        if self.look.bullets == "list":
            xml = f'<text:list text:style-name="{S.BULLET_LIST}"><text:list-item>{xml}'
            xml += "</text:list-item></text:list>"
        return xml

    def summary_table(self, entries: list[Lau], anchors: list[int]) -> str:
        kinds = [kind for kind, _ in self.parts(entries[0])]
        share = {"title": 0.44, "text": 0.56, "territory": 0.34, "tag": 0.22}
        widths = [self.width * share[k] / sum(share[k] for k in kinds) for k in kinds]
        name = self.name("Sum")
        self.auto.append(X.table_styles(name, self.width, widths, 'fo:margin-top="4pt"'))
        header = ""
        if self.look.table_header == "yes":
            cells = [
                X.cell(self.table_cell(True), X.para(S.TABLE_HEAD, PART_HEADS[k])) for k in kinds
            ]
            header = X.row(cells, S.KEEP_ROW)
        rows = []
        for lau in entries:
            cells = [
                X.cell(
                    self.table_cell(False),
                    self.part(kind, text, CELL_STYLES[kind], anchors, False),
                )
                for kind, text in self.parts(lau)
            ]
            rows.append(X.row(cells, S.KEEP_ROW))
        cols = [f"{name}.{k}" for k in range(len(kinds))]
        return X.table(name, name, cols, rows, header)

    def card_body(self, lau: Lau, anchors: list[int], frame: bool) -> str:
        out = []
        for kind, text in self.parts(lau):
            style = S.CARD_TITLE if kind == "title" else S.CARD_TEXT
            out.append(self.part(kind, text, style, anchors, frame))
        return "".join(out)

    def card_table(self, entries: list[Lau], n: int, anchors: list[int]) -> str:
        gap = 12.0
        w = (self.width - (n - 1) * gap) / n
        widths = [w if k % 2 == 0 else gap for k in range(2 * n - 1)]
        name = self.name("Cards")
        self.auto.append(X.table_styles(name, self.width, widths, 'fo:margin-top="6pt"'))
        rows = []
        for k in range(0, len(entries), n):
            if k:
                rows.append(
                    X.row([X.cell(S.EMPTY_CELL, X.para(S.TINY, ""))] * len(widths), S.GAP_ROW)
                )
            cells = []
            for j in range(n):
                if j:
                    cells.append(X.cell(S.EMPTY_CELL, X.para(S.TINY, "")))
                if k + j < len(entries):
                    cells.append(
                        X.cell(S.CARD_CELL, self.card_body(entries[k + j], anchors, False))
                    )
                else:
                    cells.append(X.cell(S.EMPTY_CELL, X.para(S.TINY, "")))
            rows.append(X.row(cells, S.KEEP_ROW))
        cols = [f"{name}.{k}" for k in range(len(widths))]
        return X.table(name, name, cols, rows)

    def card_rows(self, entries: list[Lau], n: int, anchors: list[int]) -> list[str]:
        """Rows of text frames placed like characters: a row moves to the next page whole."""
        gap = 12.0
        w = (self.width - n * gap - 2.0) / n
        rows = []
        for k in range(0, len(entries), n):
            frames = [
                X.frame(S.CARD_FRAME, self.name("Card"), w, self.card_body(lau, anchors, True))
                for lau in entries[k : k + n]
            ]
            rows.append(X.para(S.CARD_ROW, "".join(frames)))
        return rows

    # -- detail records -------------------------------------------------------------------
    def detail(self, lau: Lau) -> TLaureate:
        self.starts.append(len(self.anchors))
        self.banner(lau)
        wording = self.look.wording
        b = self.body
        territory = X.span(S.STRONG, X.esc(W.statement_prefix(lau.tier_statement, wording)))
        b.append(X.para(S.STATEMENT, f"{territory} {X.esc(lau.territory)}"))
        project = X.span(S.STRONG, X.esc(W.project_prefix(wording)))
        last = S.STATEMENT_LAST if not lau.subtitle else S.STATEMENT
        b.append(X.para(last, f"{project} {X.esc(lau.project)}"))
        if lau.subtitle:
            b.append(X.para(S.STATEMENT_LAST, X.esc(lau.subtitle)))
        spill = self.design.spill == "yes" and (not self.spilled or self.rng.random() < 0.35)
        self.spilled = self.spilled or spill
        sections = "".join(self.sections(lau, spill))
        if self.design.detail_columns == "2":
            sections = X.section(self.name("Record"), S.TWO_COLUMNS, sections)
        b.append(sections)
        return TLaureate(
            category=lau.category,
            tier=lau.tier,
            tier_statement=lau.tier_statement,
            territory=lau.territory,
            project=lau.project,
            project_subtitle=lau.subtitle,
            description="\n".join(lau.sections["description"]),
            innovation="\n".join(lau.sections["innovation"]),
            contributions="\n".join(lau.sections["contributions"]),
            has_partners=lau.has_partners,
            page_start=0,
            page_end=0,
        )

    def sections(self, lau: Lau, spill: bool) -> list[str]:
        """The three sections (and partners); a spill puts the last item on a new page."""
        out = []
        for key in SECTION_KEYS:
            items = lau.sections[key]
            brk = -1
            if spill and key == "contributions":
                brk = len(items) - 1  # the whole section when it has one item
            out.append(self.section(W.section_heading(key, self.look.wording), items, brk))
        if lau.has_partners:
            head = W.section_heading("partners", self.look.wording)
            if self.design.section_heading == "margin":
                width = self.column_width() - self.margin_left(head)
                out.append(self.margin_table(head, [self.logos(lau, width)], False))
            else:
                out.append(
                    X.para(S.SECTION_HEADING, X.esc(head)) + self.logos(lau, self.column_width())
                )
        return out

    def section(self, head: str, items: tuple[str, ...], brk: int) -> str:
        mode = self.design.section_heading
        if mode == "runin":
            return self.items(items, runin=head, break_at=brk)
        if mode == "above":
            style = S.SECTION_HEADING_BREAK if brk == 0 else S.SECTION_HEADING
            return X.para(style, X.esc(head)) + self.items(items, break_at=brk if brk > 0 else -1)
        if brk <= 0:
            return self.margin_table(head, self.groups(items), brk == 0)
        # The heading's table, then a table of its own for the item on the next page.
        first = self.margin_table(head, self.groups(items[:brk]), False)
        return first + self.margin_table(head, self.groups(items[brk:]), True, blank=True)

    def groups(self, items: tuple[str, ...]) -> list[str]:
        """Each paragraph, and each run of bullets, set apart (a table row each)."""
        runs: list[list[str]] = []
        for item in items:
            if runs and item.startswith("• ") and runs[-1][-1].startswith("• "):
                runs[-1].append(item)
            else:
                runs.append([item])
        return [self.items(tuple(run)) for run in runs]

    def column_width(self) -> float:
        return self.width if self.design.detail_columns == "1" else (self.width - S.COLUMN_GAP) / 2

    def margin_table(
        self, head: str, contents: list[str], page_break: bool, blank: bool = False
    ) -> str:
        """A borderless two-column table: the heading in the first row's left cell (`blank`:
        measured, not printed, for the rest of a section), the text at right, a row for
        each paragraph or run of bullets (LibreOffice misplaces long rows split across
        the columns of a section).
        """
        w = self.column_width()
        left = self.margin_left(head)
        name = self.name("Margin")
        extra = 'fo:margin-bottom="4pt"' + (' fo:break-before="page"' if page_break else "")
        self.auto.append(X.table_styles(name, w, [left, w - left], extra))
        rows = []
        for k, content in enumerate(contents):
            label = X.esc(head) if k == 0 and not blank else ""
            cells = [
                X.cell(S.MARGIN_HEAD_CELL, X.para(S.MARGIN_HEADING, label)),
                X.cell(S.MARGIN_TEXT_CELL, content),
            ]
            rows.append(X.row(cells, S.PLAIN_ROW))
        return X.table(name, name, [f"{name}.0", f"{name}.1"], rows)

    def margin_left(self, head: str) -> float:
        """The margin column's width: 28 % of the text's, or the heading's longest word."""
        shown = head.upper() if self.look.transform == "upper" else head
        font = X.FONTS[self.look.font]
        longest = max(X.text_width(word, font, True, self.fs) for word in shown.split())
        return max(self.column_width() * 0.28, longest + 14.0)

    def logos(self, lau: Lau, width: float) -> str:
        """Grey boxes standing for the partners' logos, in one row `width` wide."""
        n = 2 + len(lau.territory) % 3
        gap = 10.0
        w = (width - n * gap - 4.0) / n
        frames = [
            X.frame(S.LOGO_FRAME, self.name("Logo"), w, X.para(S.TINY, ""), 30.0) for _ in range(n)
        ]
        return X.para(S.LOGO_ROW, "".join(frames))

    # -- banners ------------------------------------------------------------------------
    def banner(self, lau: Lau) -> None:
        lines = [W.banner_text(lau.tier, lau.category, self.look.wording)]
        if self.design.banner == "split":
            lines = list(W.banner_parts(lau.tier, lau.category, self.look.wording))
        n = {"one_line": 1, "two_lines": 2, "three_lines": 3, "split": 1}[self.design.banner]
        size, inner = self.banner_geometry(lines, n)
        box = self.look.banner_box
        if box == "frame":
            style = self.banner_frame_text(lau.tier, size)
            paras = [self.heading(style, 1, lines[0], in_frame=True)]
            paras += [X.para(style, X.esc(line)) for line in lines[1:]]
            frame = X.frame(
                self.banner_frame(lau.tier),
                self.name("Banner"),
                inner + 2 * S.BANNER_PAD,
                "".join(paras),
            )
            self.body.append(X.para(self.banner_anchor(), frame))
            return
        first, rest = self.banner_paragraph(lau.tier, size, inner)
        self.body.append(self.heading(first, 1, lines[0]))
        self.body.extend(X.para(rest, X.esc(line)) for line in lines[1:])

    def banner_geometry(self, lines: list[str], n: int) -> tuple[float, float]:
        """Type size and text width that set the longest line on exactly `n` lines."""
        font = X.FONTS[self.look.font]
        size = self.fs * self.look.heading_scale * 1.15
        avail = self.width - 2 * S.BANNER_PAD - 4.0
        shown = [line.upper() if self.look.transform == "upper" else line for line in lines]
        text = max(shown, key=lambda line: X.text_width(line, font, True, size))
        if n == 1:
            while X.text_width(text, font, True, size) > avail * 0.92:
                size *= 0.95
            if self.look.banner_box == "centred" or self.design.banner == "split":
                return size, avail
            return size, min(avail, X.text_width(text, font, True, size) + 40.0)
        # Larger sizes first (a narrower box), then smaller ones down to the body's size:
        # a long category in wide capitals on a narrow page needs them for two lines.
        factors = (1.0, 1.1, 1.2, 1.35, 1.5, 0.9, 0.8, 0.7, 0.65, 0.6, 0.55, 0.5)
        for factor in (f for f in factors if size * f >= self.fs):
            inner = X.width_for_lines(text, font, size * factor, n, avail)
            if inner is not None and inner >= 90.0:
                return size * factor, inner
        raise RuntimeError(f"no size from {self.fs}pt up sets {text!r} on {n} lines")

    def fodt(self, header: str, footer: list[str]) -> str:
        return X.document(
            X.font_faces(),
            self.named_styles(),
            self.fixed_auto_styles() + "".join(self.auto),
            self.masters(header, footer),
            "\n".join(self.body),
        )
