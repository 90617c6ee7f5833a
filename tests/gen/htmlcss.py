"""The style sheet of an HTML directory, for Chromium's print: @page rules and body CSS.

Running header and footer, page numbers ("page N / M" through counter(pages))
are CSS margin boxes of @page; the cover is a named page without them.
Chromium ignores font-variant in margin boxes: a "small caps" running header is
printed as capitals of a smaller size.

Headings in DejaVu (banners too) are set at a line height of at least 1.4: at 1.25
or 1.3 an accented capital ("É") of DejaVu rises above its line box, and Chromium's
outline then holds that line of the heading twice ("MOBILITÉS DURABLESMOBILITÉS
DURABLES") when the heading opens a page, or when a multi-column block after it
moves on to the next, though the page shows the line once. Liberation's capitals
keep within their line boxes.
"""

from __future__ import annotations

from .design import Design
from .htmlstyle import PAGE_MM, PT_PER_MM, Style
from .layout import PALETTES

# -- colours -------------------------------------------------------------------


def rgb(color: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in color)


def tier_colour(style: Style, tier_index: int) -> str:
    return rgb(PALETTES[style.palette][tier_index]) if style.coloured else "#000000"


def accent(style: Style) -> str:
    return rgb(PALETTES[style.palette][3]) if style.coloured else "#000000"


def font_stack(name: str) -> str:
    generic = "serif" if "Serif" in name else "sans-serif"
    return f'"{name}", "DejaVu {"Serif" if generic == "serif" else "Sans"}", {generic}'


def content_width_pt(style: Style) -> float:
    _, right, _, left = style.margins
    width = (PAGE_MM[style.page_size][0] - left - right) * PT_PER_MM
    return width - (16.0 if style.variety == "magazine" else 0.0)


# -- style sheet -----------------------------------------------------------------


def heading_lead(style: Style, lead: float) -> float:
    """A heading's line height: room for the accents of DejaVu's capitals."""
    return max(lead, 1.4) if style.heading_font.startswith("DejaVu") else lead


NUMBER_CONTENT = {
    "plain": "counter(page)",
    "page_of_total": '"page " counter(page) " / " counter(pages)',
    "dashes": '"– " counter(page) " –"',
}


def css_string(text: str) -> str:
    """A CSS string literal; lines are joined by line feeds (shown with white-space: pre)."""
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
    return f'"{body}"'


def _box(name: str, content: str, rules: str) -> str:
    return f"@{name} {{ content: {content}; {rules} }}"


def _header_rules(style: Style, design: Design) -> str:
    base = f"font-family: {font_stack(style.font)}; font-size: {style.header_size}pt; color: #444;"
    if design.running_header == "letterspaced":
        return base + f" letter-spacing: {style.header_spacing}pt;"
    if design.running_header == "smallcaps":
        # Margin boxes ignore font-variant: capitals of a smaller size stand in for small caps.
        small = round(style.header_size * 0.85, 1)
        return base + f" text-transform: uppercase; font-size: {small}pt; letter-spacing: 0.4pt;"
    return base


def page_rules(style: Style, design: Design, header: str, footer: list[str]) -> str:
    """@page rules: size, margins, running header and footer, page numbers; none on the cover."""
    top, right, bottom, left = style.margins
    size = "A4" if style.page_size == "A4" else "letter"
    small = f"font-family: {font_stack(style.font)}; font-size: {style.header_size}pt;"
    boxes, used = [], []
    if header:
        boxes.append(_box(style.header_box, css_string(header), _header_rules(style, design)))
        used.append(style.header_box)
    if footer:
        rules = small + " white-space: pre; color: #444; vertical-align: bottom;"
        boxes.append(_box(style.footer_box, css_string("\n".join(footer)), rules))
        used.append(style.footer_box)
    sides = ""
    if design.page_number != "none":
        number = NUMBER_CONTENT[design.page_number]
        if style.number_box == "outer":
            sides = (
                f"@page :right {{ {_box('bottom-right', number, small)} }}\n"
                f"@page :left {{ {_box('bottom-left', number, small)} }}\n"
            )
            used += ["bottom-right", "bottom-left"]
        else:
            boxes.append(_box(style.number_box, number, small))
            used.append(style.number_box)
    none = " ".join(f"@{name} {{ content: none; }}" for name in used)
    return (
        f"@page {{ size: {size}; margin: {top}mm {right}mm {bottom}mm {left}mm; "
        + " ".join(boxes)
        + " }\n"
        + sides
        + f"@page cover {{ {none} }}\n"
    )


SECTION_STYLES = {
    "bold": "",
    "colour": "color: {accent};",
    "smallcaps": "font-variant: small-caps;",
    "spaced": "text-transform: uppercase; letter-spacing: 1pt;",
    "rule": "border-bottom: 1px solid {accent}; padding-bottom: 1pt;",
}
CARD_STYLES = {
    "border": "border: 1px solid {accent}; padding: 6pt 8pt;",
    "fill": "background: #f2f0e8; padding: 6pt 8pt;",
    "both": "border: 1.5pt solid {accent}; background: #f5f7fa; padding: 6pt 8pt;",
    "none": "padding: 2pt 0;",
}


def _tier_rules(style: Style) -> str:
    out = []
    for i in range(3):
        colour = tier_colour(style, i)
        look = f"background: {colour}; color: #ffffff;" if style.coloured else "color: #000000;"
        out.append(f".banner.t{i} {{ {look} }}")
    return "\n".join(out)


def _summary_rules(style: Style, design: Design) -> str:
    acc = accent(style)
    n = 3 if design.summary == "cards3" else 2
    cell = "border: 0.75pt solid #777;" if style.table_rules == "grid" else ""
    rows = "border-bottom: 0.75pt solid #777;" if style.table_rules == "rows" else ""
    card = CARD_STYLES[style.card_style].format(accent=acc)
    grid = (
        f".cards {{ display: grid; grid-template-columns: repeat({n}, 1fr); gap: 10pt 12pt; }}"
        if style.card_grid == "grid"
        else f".cards {{ display: flex; flex-wrap: wrap; gap: 10pt 12pt; }} "
        f".cards .card {{ width: calc((100% - {(n - 1) * 12}pt) / {n}); box-sizing: border-box; }}"
    )
    if style.card_style == "none":
        # Entries side by side with nothing to show rows are read as a list flowed
        # in columns, column after column: they are printed so (see the README).
        grid = (
            f".cards {{ columns: {n}; column-gap: 14pt; }} "
            ".cards .card { break-inside: avoid; margin-bottom: 10pt; }"
        )
    return f"""
.entry {{ padding-left: 1.3em; margin-bottom: 0.8em; break-inside: avoid; text-align: left; }}
.entry > :first-child {{ text-indent: -1.3em; }}
.et {{ font-weight: bold; font-size: {style.title_size}em; }}
{grid}
.card {{ break-inside: avoid; text-align: left; {card} }}
table.sum {{ border-collapse: collapse; width: 100%; text-align: left; }}
table.sum td, table.sum th {{ padding: 4pt 6pt; vertical-align: top; {cell} }}
table.sum tr {{ break-inside: avoid; {rows} }}
table.sum th {{ font-weight: bold; color: {acc}; }}
"""


def _margin_rules(style: Style, design: Design) -> str:
    """Sections whose heading stands in a column of its own, left of the body.

    A body in two CSS columns is a block beside a floated heading, never a grid
    item: Chromium sizes a grid row before it cuts the grid into pages, so the
    part of a multi-column body that went on over a page break got a height of a
    line or two there, and its other lines went into overflow columns beside the
    page, never printed (seeds 5038, 5049, 5058, 5088). Those columns also made
    the document wider than its page, and Chromium then shrank every page of it
    to about 0.7 (seeds 7, 10, 11, 13, 29 of the first thirty).
    """
    width, gap = style.margin_width, 1.2
    if design.detail_columns == "2":
        return (
            ".msec { display: flow-root; margin-top: 1em; }\n"
            f".msec > .sh {{ float: left; width: {width}em; margin: 0; font-size: 1em; }}\n"
            f".msec > .mbody {{ margin-left: {width + gap:.1f}em; }}"
        )
    return (
        f".msec {{ display: grid; grid-template-columns: {width}em 1fr; column-gap: {gap}em;\n"
        "  margin-top: 1em; }\n"
        ".msec > .sh { margin: 0; font-size: 1em; }"
    )


def _detail_rules(style: Style, design: Design) -> str:
    acc = accent(style)
    two = "columns: 2; column-gap: 1.6em;" + (
        " column-rule: 0.5pt solid #bbb;" if style.variety == "magazine" else ""
    )
    section = SECTION_STYLES[style.section_style].format(accent=acc)
    side = f"border-left: 6pt solid {acc}; padding-left: 10pt;"
    return f"""
.banner {{ font-family: {font_stack(style.heading_font)}; font-weight: bold;
  line-height: {heading_lead(style, 1.25)}; padding: 0.4em 0.6em; margin: 0 0 1em 0;
  text-align: {style.banner_align};
  letter-spacing: {style.banner_spacing}pt; box-sizing: content-box;
  {"text-transform: uppercase;" if style.banner_transform else ""} }}
.banner.centre {{ margin-left: auto; margin-right: auto; }}
.banner .part {{ display: block; }}
{_tier_rules(style)}
.stmt {{ font-size: 1.1em; margin-top: 0.3em; text-align: left; }}
.subtitle {{ font-size: 1.05em; margin-top: 0.2em; }}
.sections {{ margin-top: 1.2em; }}
.sh {{ font-family: {font_stack(style.heading_font)}; font-weight: bold; font-size: 1.08em;
  margin: 1em 0 0.35em 0; break-after: avoid; text-align: left; {section} }}
.sections > .sh:first-child, .msec:first-child {{ margin-top: 0; }}
.two {{ {two} }}
{_margin_rules(style, design)}
span.sh {{ display: inline; margin: 0 0.3em 0 0; }}
.brk {{ break-before: page; }}
.logos {{ margin-top: 0.4em; break-inside: avoid; white-space: nowrap; line-height: 0; }}
.logo {{ display: inline-block; width: 22%; margin-right: 2%; height: 30pt;
  background: #c8c8c8; }}
{".record, .summary { " + side + " }" if style.variety == "magazine" else ""}
"""


def body_css(style: Style, design: Design) -> str:
    acc = accent(style)
    lead = style.line_height
    title = {"smallcaps": "font-variant: small-caps;", "spaced": "letter-spacing: 1pt;"}.get(
        style.section_style, ""
    )
    return f"""
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ margin: 0; font-family: {font_stack(style.font)}; font-size: {style.body_size}pt;
  line-height: {lead}; color: #111111; text-align: {"justify" if style.justify else "left"};
  hyphens: manual; }}
p {{ margin: 0; orphans: 2; widows: 2; break-inside: {style.break_inside}; }}
p + p, p + .logos {{ margin-top: {style.para_gap}em; }}
p.bul + p.bul {{ margin-top: 0; }}
.bul {{ padding-left: 1.2em; text-indent: -1.2em; }}
.nb {{ white-space: nowrap; }}
h1, h2, h3 {{ margin: 0; break-after: avoid; text-align: left;
  line-height: {heading_lead(style, lead)}; font-family: {font_stack(style.heading_font)}; }}
.cover {{ page: cover; }}
.cover .band {{ margin-top: 45mm; padding: 14mm 10mm; color: #ffffff;
  background: {acc if style.coloured else "#ffffff"}; {"" if style.coloured else "color: #000;"} }}
.cover .label {{ font-size: 26pt; font-weight: bold; }}
.cover h1 {{ font-size: 40pt; margin-top: 6mm; }}
.cover .org {{ margin-top: 25mm; font-size: 14pt; }}
.intro, .summary, .record, .closing {{ break-before: page; }}
.intro h2 {{ font-size: 1.35em; color: {acc}; margin: 1.3em 0 0.5em 0; }}
.intro h2:first-child {{ margin-top: 0; }}
.jury {{ margin-top: 0.5em; {"columns: 2; column-gap: 2em;" if style.jury_columns == 2 else ""} }}
.jury .bul, .crit .bul {{ break-inside: avoid; }}
.sumtitle {{ font-size: 1.6em; color: {acc}; margin-bottom: 1em; {title} }}
.closing h1 {{ font-size: 2em; color: {acc}; margin-bottom: 0.8em; }}
{_summary_rules(style, design)}
{_detail_rules(style, design)}
"""
