"""Flat ODF (.fodt) pieces: escaping, elements, font metrics of the system fonts.

LibreOffice lays the document out itself; the generator only measures the
few lines whose count it must control (banners on one, two or three lines),
with the same TrueType files LibreOffice uses (found with fc-match).
"""

from __future__ import annotations

import functools
import re
import subprocess

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

NAMESPACES = " ".join(
    (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
        'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
        'xmlns:xlink="http://www.w3.org/1999/xlink"',
        'office:version="1.3"',
        'office:mimetype="application/vnd.oasis.opendocument.text"',
    )
)

# Families installed with LibreOffice on Debian (fonts-dejavu-core, fonts-liberation2).
FONTS: dict[str, str] = {
    "dejavu_sans": "DejaVu Sans",
    "dejavu_serif": "DejaVu Serif",
    "liberation_sans": "Liberation Sans",
    "liberation_serif": "Liberation Serif",
}

WORD_JOINER = "\u2060"
_GLUED_DASH = re.compile(r"([–—])(?=[^\s\u2060])")


def esc(text: str) -> str:
    """XML text; a word joiner after a dash glued to the next word keeps "2024–2026" whole.

    LibreOffice (ICU) may break a line after an en dash; the joiner forbids it and
    leaves no trace in the PDF's text layer.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _GLUED_DASH.sub(r"\1" + WORD_JOINER, text)


def attr(value: str) -> str:
    return esc(value).replace('"', "&quot;")


def para(style: str, content: str) -> str:
    return f'<text:p text:style-name="{style}">{content}</text:p>'


def heading(style: str, level: int, content: str) -> str:
    """A heading: LibreOffice writes a PDF bookmark for it (even in a table cell or frame)."""
    return f'<text:h text:style-name="{style}" text:outline-level="{level}">{content}</text:h>'


def span(style: str, content: str) -> str:
    return f'<text:span text:style-name="{style}">{content}</text:span>'


def pstyle(name: str, parent: str | None, par: str = "", txt: str = "", extra: str = "") -> str:
    """A paragraph style; `par` and `txt` are attribute strings of its two property sets."""
    parent_attr = f' style:parent-style-name="{parent}"' if parent else ""
    body = ""
    if par:
        body += f"<style:paragraph-properties {par}/>"
    if txt:
        body += f"<style:text-properties {txt}/>"
    return (
        f'<style:style style:name="{name}" style:family="paragraph"{parent_attr}{extra}>'
        f"{body}</style:style>"
    )


def tstyle(name: str, txt: str) -> str:
    return (
        f'<style:style style:name="{name}" style:family="text">'
        f"<style:text-properties {txt}/></style:style>"
    )


def pt(value: float) -> str:
    return f"{value:.2f}pt"


def frame(style: str, name: str, width: float, content: str, min_height: float = 8.0) -> str:
    """A text frame placed like a character (it moves with its line, across pages too)."""
    return (
        f'<draw:frame draw:style-name="{style}" draw:name="{name}" text:anchor-type="as-char" '
        f'svg:width="{pt(width)}" draw:z-index="0">'
        f'<draw:text-box fo:min-height="{pt(min_height)}">{content}</draw:text-box></draw:frame>'
    )


def frame_style(name: str, props: str) -> str:
    """A Writer text frame's style (the parent "Frame" makes it a frame, not a drawing shape)."""
    return (
        f'<style:style style:name="{name}" style:family="graphic" style:parent-style-name="Frame">'
        f'<style:graphic-properties style:vertical-pos="top" style:vertical-rel="line" {props}/>'
        "</style:style>"
    )


def table(name: str, style: str, columns: list[str], rows: list[str], header: str = "") -> str:
    cols = "".join(f'<table:table-column table:style-name="{c}"/>' for c in columns)
    head = f"<table:table-header-rows>{header}</table:table-header-rows>" if header else ""
    return (
        f'<table:table table:name="{name}" table:style-name="{style}">{cols}{head}'
        f"{''.join(rows)}</table:table>"
    )


def row(cells: list[str], style: str) -> str:
    return f'<table:table-row table:style-name="{style}">{"".join(cells)}</table:table-row>'


def cell(style: str, content: str) -> str:
    return (
        f'<table:table-cell table:style-name="{style}" office:value-type="string">'
        f"{content}</table:table-cell>"
    )


def table_styles(name: str, width: float, columns: list[float], extra: str = "") -> str:
    """The table's style (its width and `extra` properties) and one style per column."""
    out = [
        f'<style:style style:name="{name}" style:family="table">'
        f'<style:table-properties style:width="{pt(width)}" table:align="left" {extra}/>'
        "</style:style>"
    ]
    for k, w in enumerate(columns):
        out.append(
            f'<style:style style:name="{name}.{k}" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{pt(w)}"/></style:style>'
        )
    return "".join(out)


def cell_style(name: str, props: str) -> str:
    return (
        f'<style:style style:name="{name}" style:family="table-cell">'
        f"<style:table-cell-properties {props}/></style:style>"
    )


def row_style(name: str, props: str) -> str:
    return (
        f'<style:style style:name="{name}" style:family="table-row">'
        f"<style:table-row-properties {props}/></style:style>"
    )


def section(name: str, style: str, content: str) -> str:
    return f'<text:section text:style-name="{style}" text:name="{name}">{content}</text:section>'


def columns_style(name: str, count: int, gap: float) -> str:
    return (
        f'<style:style style:name="{name}" style:family="section"><style:section-properties>'
        f'<style:columns fo:column-count="{count}" fo:column-gap="{pt(gap)}"/>'
        "</style:section-properties></style:style>"
    )


def document(fonts: str, styles: str, automatic: str, masters: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<office:document {NAMESPACES}>\n"
        f"<office:font-face-decls>{fonts}</office:font-face-decls>\n"
        f"<office:styles>{styles}</office:styles>\n"
        f"<office:automatic-styles>{automatic}</office:automatic-styles>\n"
        f"<office:master-styles>{masters}</office:master-styles>\n"
        f"<office:body><office:text>\n{body}\n</office:text></office:body></office:document>\n"
    )


def font_faces() -> str:
    return "".join(
        f'<style:font-face style:name="{name}" svg:font-family="&apos;{name}&apos;"/>'
        for name in FONTS.values()
    )


# -- metrics ---------------------------------------------------------------------------


@functools.cache
def face(family: str, bold: bool) -> str:
    """Register the TrueType file fontconfig gives for `family` with reportlab; its name."""
    pattern = f"{family}:{'bold' if bold else 'regular'}"
    path = subprocess.run(
        ["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=True
    ).stdout.strip()
    if family.split()[0].lower() not in path.lower():
        raise RuntimeError(f"font {family!r} is not installed (fc-match gave {path!r})")
    name = f"odf-{family}-{'bold' if bold else 'regular'}"
    pdfmetrics.registerFont(TTFont(name, path))
    return name


def text_width(text: str, family: str, bold: bool, size: float, tracking: float = 0.0) -> float:
    return float(pdfmetrics.stringWidth(text, face(family, bold), size)) + tracking * len(text)


def count_lines(words: list[float], space: float, width: float) -> int:
    """Lines of a greedy wrap at spaces of words of the given widths."""
    lines, current = 1, -space
    for w in words:
        if current + space + w > width and current > 0:
            lines, current = lines + 1, w
        else:
            current += space + w
    return lines


def width_for_lines(
    text: str, family: str, size: float, n: int, limit: float, tracking: float = 0.0
) -> float | None:
    """A box width, at most `limit`, in the middle of the widest range of widths where
    `text` wraps onto exactly n lines (so that small differences in layout keep n)."""
    words = [text_width(w, family, True, size, tracking) for w in text.split(" ")]
    space = text_width(" ", family, True, size, tracking)
    ranges: list[tuple[float, float]] = []
    start = None
    w = max(words) + 1.0
    while w <= limit:
        if count_lines(words, space, w) == n:
            start = w if start is None else start
        elif start is not None:
            ranges.append((start, w))
            start = None
        w += 1.0
    if start is not None:
        ranges.append((start, limit))
    best = max(ranges, key=lambda r: r[1] - r[0], default=None)
    if best is None or best[1] - best[0] < 14.0:
        return None
    return (best[0] + best[1]) / 2
