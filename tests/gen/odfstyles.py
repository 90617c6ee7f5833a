"""Styles of an ODF edition: named paragraph styles, automatic ones made on demand, pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import odfxml as X
from .layout import PALETTES
from .truth import TIERS

if TYPE_CHECKING:
    from .design import Design
    from .odf import Look

PAGE_SIZES = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}
BOLD = 'fo:font-weight="bold"'
KEEP = 'fo:keep-with-next="always"'
BREAK = 'fo:break-before="page"'
BANNER_PAD = 6.0
COLUMN_GAP = 16.0

BODY = "Body"
STRONG = "Strong"
RUNIN = "RunIn"
BULLET_LIST = "Bullets"
COVER_LABEL, COVER_YEAR, COVER_ORG = "CoverLabel", "CoverYear", "CoverOrg"
INTRO_HEADING, INTRO_FIRST = "IntroHeading", "IntroFirst"
SUMMARY_TITLE, CLOSING_HEADING = "SummaryTitle", "ClosingHeading"
STATEMENT, STATEMENT_LAST = "Statement", "StatementLast"
SECTION_HEADING, SECTION_HEADING_BREAK = "SectionHeading", "SectionHeadingBreak"
MARGIN_HEADING = "MarginHeading"
TABLE_HEAD, CELL_TEXT, CELL_TITLE = "TableHead", "CellText", "CellTitle"
CARD_TITLE, CARD_TEXT, CARD_ROW, CARD_FRAME, CARD_CELL = (
    "CardTitle",
    "CardText",
    "CardRow",
    "CardFrame",
    "CardCell",
)
EMPTY_CELL, MARGIN_HEAD_CELL, MARGIN_TEXT_CELL = "EmptyCell", "MarginHeadCell", "MarginTextCell"
KEEP_ROW, GAP_ROW, PLAIN_ROW = "KeepRow", "GapRow", "PlainRow"
TINY, LOGO_ROW, LOGO_FRAME = "Tiny", "LogoRow", "LogoFrame"
TWO_COLUMNS = "TwoColumns"
RUN_HEADER, RUN_FOOTER, PAGE_NO = "RunHeader", "RunFooter", "PageNo"


def hex_color(rgb: tuple[float, float, float], tint: float = 0.0) -> str:
    return "#" + "".join(f"{round(255 * (c + (1 - c) * tint)):02x}" for c in rgb)


class Styles:
    def __init__(self, design: Design, look: Look) -> None:
        self.design, self.look = design, look
        self.fs = look.body_size
        self.page_w, self.page_h = PAGE_SIZES[look.page_size]
        top, right, bottom, left = look.margins
        self.width = self.page_w - left - right
        colors = PALETTES[look.palette]
        self.tier_colors = {t: hex_color(c) for t, c in zip(TIERS, colors, strict=False)}
        self.accent = hex_color(colors[3])
        self.auto: list[str] = []
        self.made: dict[tuple[str, ...], str] = {}
        self.lead = self.fs * 1.17
        self.gap = self.lead * 0.65
        self.hang = self.fs * 1.4
        self.transform = ' fo:text-transform="uppercase"' if look.transform == "upper" else ""
        self.align = 'fo:text-align="justify"' if look.justify == "justify" else ""

    def auto_p(self, parent: str, par: str = "", txt: str = "", extra: str = "") -> str:
        """An automatic paragraph style (made once per distinct set of properties)."""
        key = ("p", parent, par, txt, extra)
        if key not in self.made:
            self.made[key] = f"P{len(self.made) + 1}"
            self.auto.append(X.pstyle(self.made[key], parent, par, txt, extra))
        return self.made[key]

    def auto_raw(self, key: tuple[str, ...], make: object) -> str:
        if key not in self.made:
            self.made[key] = f"A{len(self.made) + 1}"
            self.auto.append(make(self.made[key]))  # type: ignore[operator]
        return self.made[key]

    # -- paragraph styles chosen per use ---------------------------------------------------
    def body_style(self, brk: bool = False) -> str:
        return self.auto_p(BODY, BREAK) if brk else BODY

    def list_item(self, last: bool, brk: bool) -> str:
        par = f'fo:margin-bottom="{X.pt(self.gap if last else 0.0)}" fo:text-align="start"'
        return self.auto_p(BODY, par + (" " + BREAK if brk else ""))

    def typed_bullet(self, last: bool, brk: bool) -> str:
        par = (
            f'fo:margin-left="{X.pt(self.hang)}" fo:text-indent="{X.pt(-self.hang)}" '
            f'fo:margin-bottom="{X.pt(self.gap if last else 0.0)}" fo:text-align="start"'
        )
        par += " " + BREAK if brk else ""
        return self.auto_p(BODY, par)

    def entry_style(self, kind: str, first: bool, last: bool) -> str:
        parent = "EntryTitle" if kind == "title" else "EntryText"
        par = f'fo:margin-bottom="{X.pt(self.gap)}"' if last else KEEP
        if self.look.bullets == "typed":
            par += f' fo:margin-left="{X.pt(self.hang)}"'
            if first:
                par += f' fo:text-indent="{X.pt(-self.hang)}"'
        elif not first:  # in a list item (a heading there would lose the list's indent)
            par += f' fo:margin-left="{X.pt(self.hang)}" fo:text-indent="0pt"'
        else:  # a heading that opens a list item shows the bullet only with this
            return self.auto_p(parent, par, extra=f' style:list-style-name="{BULLET_LIST}"')
        return self.auto_p(parent, par)

    def table_cell(self, head: bool) -> str:
        line = "0.5pt solid #404040"
        if self.look.table_rules == "grid":
            props = f'fo:border="{line}"'
        else:
            width = "1.2pt" if head else "0.5pt"
            props = (
                f'fo:border-bottom="{width} solid #404040" fo:border-top="none" '
                'fo:border-left="none" fo:border-right="none"'
            )
        if head:
            props += f' fo:background-color="{hex_color((0.5, 0.5, 0.5), 0.8)}"'
        props += ' fo:padding="4pt"'
        return self.auto_raw(("cell", props), lambda n: X.cell_style(n, props))

    def banner_paragraph(self, tier: str, size: float, inner: float) -> tuple[str, str]:
        """First (page-starting, bookmarked) and following paragraph styles of a banner."""
        color = self.tier_colors[tier]
        spare = max(0.0, self.width - inner - 2 * BANNER_PAD)
        txt = f'{BOLD} fo:font-size="{X.pt(size)}"{self.transform}'
        if self.look.banner_box == "shaded":
            left = spare / 2 if self.look.banner_align == "center" else 0.0
            par = (
                f'fo:background-color="{color}" fo:padding="{X.pt(BANNER_PAD)}" '
                f'fo:margin-left="{X.pt(left)}" fo:margin-right="{X.pt(spare - left)}"'
            )
            txt += ' fo:color="#ffffff"'
        else:  # centred text between two rules
            par = (
                f'fo:text-align="center" fo:border-top="1.5pt solid {color}" '
                f'fo:border-bottom="1.5pt solid {color}" fo:padding="{X.pt(BANNER_PAD)}" '
                f'fo:margin-left="{X.pt(spare / 2)}" fo:margin-right="{X.pt(spare / 2)}"'
            )
            txt += f' fo:color="{color}"'
        par += ' fo:margin-top="0pt" fo:margin-bottom="0pt" ' + KEEP
        rest = self.auto_p("Standard", par, txt)
        last_gap = f' fo:margin-bottom="{X.pt(self.lead * 1.2)}"'
        first_par = par.replace(' fo:margin-bottom="0pt"', "") + " " + BREAK
        if self.design.banner != "split":
            first_par += last_gap
        else:
            rest = self.auto_p("Standard", par.replace(' fo:margin-bottom="0pt"', last_gap), txt)
            first_par += ' fo:margin-bottom="0pt"'
        return self.auto_p("Standard", first_par, txt), rest

    def banner_frame_text(self, tier: str, size: float) -> str:
        align = 'fo:text-align="start"'
        return self.auto_p(
            "Standard",
            align,
            f'{BOLD} fo:font-size="{X.pt(size)}" fo:color="#ffffff"{self.transform}',
        )

    def banner_frame(self, tier: str) -> str:
        color = self.tier_colors[tier]
        props = (
            f'fo:background-color="{color}" fo:padding="{X.pt(BANNER_PAD)}" fo:border="none" '
            'fo:margin-left="0pt" fo:margin-right="0pt"'
        )
        return self.auto_raw(("frame", tier), lambda n: X.frame_style(n, props))

    def banner_anchor(self) -> str:
        align = "center" if self.look.banner_align == "center" else "start"
        par = f'fo:text-align="{align}" {BREAK} fo:margin-bottom="{X.pt(self.lead * 1.2)}"'
        return self.auto_p("Standard", par, 'fo:font-size="2pt"')

    # -- the document's named styles and pages ----------------------------------------------
    def named_styles(self) -> str:
        fs, lead, gap, accent = self.fs, self.lead, self.gap, self.accent
        font = X.FONTS[self.look.font]
        up = self.transform
        p = X.pstyle
        out = [
            '<style:default-style style:family="paragraph">'
            '<style:paragraph-properties fo:orphans="2" fo:widows="2"/>'
            f'<style:text-properties style:font-name="{font}" fo:font-size="{X.pt(fs)}" '
            'fo:language="fr" fo:country="FR" fo:hyphenate="false" style:letter-kerning="false"/>'
            "</style:default-style>",
            '<style:style style:name="Frame" style:family="graphic"/>',
            p("Standard", None),
            p(BODY, "Standard", f'fo:margin-bottom="{X.pt(gap)}" {self.align}'.strip()),
            X.tstyle(STRONG, BOLD),
            X.tstyle(RUNIN, f'{BOLD} fo:color="{accent}"{up}'),
            self.list_style(),
            p(
                COVER_LABEL,
                "Standard",
                'fo:margin-top="170pt" fo:margin-bottom="14pt"',
                f'{BOLD} fo:font-size="26pt" fo:color="{accent}"',
            ),
            p(COVER_YEAR, "Standard", 'fo:margin-bottom="60pt"', f'{BOLD} fo:font-size="36pt"'),
            p(COVER_ORG, "Standard", "", 'fo:font-size="14pt"'),
            p(
                INTRO_HEADING,
                "Standard",
                f'fo:margin-top="{X.pt(lead * 0.9)}" fo:margin-bottom="{X.pt(lead * 0.4)}" {KEEP}',
                f'{BOLD} fo:font-size="{X.pt(fs * 1.45)}" fo:color="{accent}"',
            ),
            p(
                SUMMARY_TITLE,
                "Standard",
                f'{BREAK} fo:margin-bottom="{X.pt(lead)}" {KEEP}',
                f'{BOLD} fo:font-size="{X.pt(fs * self.look.heading_scale * 1.3)}" '
                f'fo:color="{accent}"{up}',
            ),
            p("EntryTitle", "Standard", "", BOLD),
            p("EntryText", "Standard"),
            p(
                CLOSING_HEADING,
                "Standard",
                f'{BREAK} fo:margin-bottom="{X.pt(lead)}"',
                f'{BOLD} fo:font-size="{X.pt(fs * 2)}" fo:color="{accent}"',
            ),
            p(STATEMENT, "Standard", 'fo:margin-bottom="2pt"', f'fo:font-size="{X.pt(fs * 1.1)}"'),
            p(STATEMENT_LAST, STATEMENT, f'fo:margin-bottom="{X.pt(lead * 1.2)}"'),
            p(
                SECTION_HEADING,
                "Standard",
                f'fo:margin-top="{X.pt(lead * 0.5)}" fo:margin-bottom="3pt" {KEEP}',
                f'{BOLD} fo:font-size="{X.pt(fs * 1.1)}" fo:color="{accent}"{up}',
            ),
            p(SECTION_HEADING_BREAK, SECTION_HEADING, BREAK),
            p(MARGIN_HEADING, "Standard", "", f'{BOLD} fo:color="{accent}"{up}'),
            p(TABLE_HEAD, "Standard", "", BOLD),
            p(CELL_TEXT, "Standard"),
            p(CELL_TITLE, "Standard", "", BOLD),
            p(CARD_TITLE, "Standard", 'fo:margin-bottom="2pt"', BOLD),
            p(CARD_TEXT, "Standard", 'fo:margin-bottom="2pt"'),
            p(CARD_ROW, "Standard", 'fo:margin-bottom="10pt"', 'fo:font-size="2pt"'),
            p(TINY, "Standard", 'fo:margin-bottom="0pt"', 'fo:font-size="2pt"'),
            p(
                LOGO_ROW,
                "Standard",
                f'fo:margin-top="3pt" fo:margin-bottom="{X.pt(gap)}"',
                'fo:font-size="2pt"',
            ),
            p(RUN_HEADER, "Standard", 'fo:margin-bottom="0pt"', self.header_text()),
            p(
                RUN_FOOTER,
                "Standard",
                'fo:text-align="center"',
                'fo:font-size="8pt" fo:color="#4d4d4d"',
            ),
            p(
                PAGE_NO,
                "Standard",
                f'fo:text-align="{self.look.number_align}"',
                'fo:font-size="9pt"',
            ),
        ]
        return "".join(out)

    def header_text(self) -> str:
        txt = 'fo:font-size="8pt" fo:color="#4d4d4d"'
        if self.design.running_header == "letterspaced":
            txt += ' fo:letter-spacing="1.2pt"'
        elif self.design.running_header == "smallcaps":
            txt += ' fo:font-variant="small-caps"'
        return txt

    def list_style(self) -> str:
        return (
            f'<text:list-style style:name="{BULLET_LIST}">'
            '<text:list-level-style-bullet text:level="1" text:bullet-char="•">'
            "<style:list-level-properties "
            'text:list-level-position-and-space-mode="label-alignment">'
            '<style:list-level-label-alignment text:label-followed-by="listtab" '
            f'text:list-tab-stop-position="{X.pt(self.hang)}" fo:text-indent="{X.pt(-self.hang)}" '
            f'fo:margin-left="{X.pt(self.hang)}"/></style:list-level-properties>'
            "</text:list-level-style-bullet></text:list-style>"
        )

    def fixed_auto_styles(self) -> str:
        """Automatic styles every document has: pages, first intro heading, cells, frames."""
        top, right, bottom, left = self.look.margins
        accent = self.accent
        tint = hex_color(PALETTES[self.look.palette][3], 0.9)
        page = (
            f'fo:page-width="{X.pt(self.page_w)}" fo:page-height="{X.pt(self.page_h)}" '
            f'fo:margin-top="{X.pt(top)}" fo:margin-bottom="{X.pt(bottom)}" '
            f'fo:margin-left="{X.pt(left)}" fo:margin-right="{X.pt(right)}"'
        )
        hf = '<style:header-footer-properties fo:min-height="0pt" fo:margin-{}="10pt"/>'
        return "".join(
            (
                f'<style:page-layout style:name="PLCover"><style:page-layout-properties {page}/>'
                "</style:page-layout>",
                f'<style:page-layout style:name="PL"><style:page-layout-properties {page}/>'
                f"<style:header-style>{hf.format('bottom')}</style:header-style>"
                f"<style:footer-style>{hf.format('top')}</style:footer-style></style:page-layout>",
                X.pstyle(
                    INTRO_FIRST,
                    INTRO_HEADING,
                    'fo:margin-top="0pt"',
                    "",
                    ' style:master-page-name="Annuaire"',
                ),
                X.columns_style(TWO_COLUMNS, 2, COLUMN_GAP),
                X.cell_style(
                    CARD_CELL,
                    f'fo:background-color="{tint}" '
                    f'fo:border="0.75pt solid {accent}" fo:padding="6pt"',
                ),
                X.cell_style(EMPTY_CELL, 'fo:border="none" fo:padding="0pt"'),
                X.cell_style(
                    MARGIN_HEAD_CELL, 'fo:border="none" fo:padding="0pt" fo:padding-right="8pt"'
                ),
                X.cell_style(MARGIN_TEXT_CELL, 'fo:border="none" fo:padding="0pt"'),
                X.row_style(KEEP_ROW, 'fo:keep-together="always"'),
                X.row_style(GAP_ROW, 'style:row-height="10pt"'),
                X.row_style(PLAIN_ROW, ""),
                X.frame_style(
                    CARD_FRAME,
                    f'fo:background-color="{tint}" fo:padding="6pt" '
                    f'fo:border="0.75pt solid {accent}" fo:margin-left="0pt" '
                    'fo:margin-right="12pt"',
                ),
                X.frame_style(
                    LOGO_FRAME,
                    'fo:background-color="#b3b3b3" fo:border="none" '
                    'fo:padding="0pt" fo:margin-left="0pt" fo:margin-right="10pt"',
                ),
            )
        )

    def masters(self, header: str, footer: list[str]) -> str:
        number = {
            "none": "",
            "plain": "{n}",
            "page_of_total": "page {n} / {t}",
            "dashes": "– {n} –",
        }[self.design.page_number].format(
            n='<text:page-number text:select-page="current">1</text:page-number>',
            t="<text:page-count>1</text:page-count>",
        )
        top = [X.para(RUN_HEADER, X.esc(header))] if header else []
        bottom = [X.para(RUN_FOOTER, X.esc(line)) for line in footer]
        if number:
            (top if self.look.number_place == "header" else bottom).append(X.para(PAGE_NO, number))
        parts = ""
        if top:
            parts += f"<style:header>{''.join(top)}</style:header>"
        if bottom:
            parts += f"<style:footer>{''.join(bottom)}</style:footer>"
        return (
            '<style:master-page style:name="Standard" style:page-layout-name="PLCover"/>'
            f'<style:master-page style:name="Annuaire" style:page-layout-name="PL">{parts}'
            "</style:master-page>"
        )
