"""The inconsistency list, each row with crops of the printed places it cites.

A crop used by several rows is embedded once: later rows point at the first
copy (`data-same`) and a line of script fills them in, which keeps the file
small when many info rows cite the same summary line.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from html import escape

from PIL import Image

from extract.report.crops import SCALE, Box
from extract.report.data import Row

CropLookup = Callable[[Box], bytes | None]
DISPLAY_ZOOM = 1.5  # CSS pixels per PDF point


class Evidence:
    """Turns evidence boxes into <figure>s, embedding each distinct crop once."""

    def __init__(self, year: int, lookup: CropLookup) -> None:
        self.year = year
        self.lookup = lookup
        self.seen: set[str] = set()

    def figure(self, evidence: Row) -> str:
        box = Box.of(evidence)
        caption = f"<figcaption>page {box.page}</figcaption>"
        ident = f"crop-{self.year}-{box.key}"
        alt = f"page {box.page} of the {self.year} directory, around the cited text"
        if ident in self.seen:
            image = f'<img data-same="{ident}" alt="{escape(alt)} (same crop as above)">'
            return f'<figure class="crop">{image}{caption}</figure>'
        data = self.lookup(box)
        if data is None:
            missing = (
                f'<div class="missing" role="img" aria-label="{escape(alt)}">'
                "source PDF not available</div>"
            )
            return f'<figure class="crop">{missing}{caption}</figure>'
        self.seen.add(ident)
        src = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
        size = _display_size(data)
        image = f'<img id="{ident}" src="{src}" {size}alt="{escape(alt)}">'
        return f'<figure class="crop">{image}{caption}</figure>'


def _display_size(png: bytes) -> str:
    """Show crops a little larger than print size; the extra pixels serve zoom and hi-dpi."""
    try:
        with Image.open(io.BytesIO(png)) as image:
            width, height = image.size
    except (OSError, ValueError):
        return ""
    factor = DISPLAY_ZOOM / SCALE
    return f'width="{round(width * factor)}" height="{round(height * factor)}" '


def _field(label: str, value: str | None) -> str:
    if not value:
        return ""
    return f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>"


def _issue(row: Row, evidence: Evidence) -> str:
    severity = escape(row["severity"])
    pages = ", ".join(str(p) for p in row["pages"] or [])
    figures = "".join(evidence.figure(e) for e in row["evidence"] or [])
    fields = "".join(
        (
            _field("category", row["category"]),
            _field("territory", row["territory"]),
            _field("project", row["project"]),
            _field("expected", row["expected"]),
            _field("found", row["found"]),
            _field("pages", pages),
        )
    )
    return (
        f'<article class="issue sev-{severity}" data-kind="{escape(row["kind"])}" '
        f'data-severity="{severity}">'
        f'<header><span class="badge {severity}">{severity}</span> '
        f'<code>{escape(row["kind"])}</code> <span class="msg">{escape(row["message"])}</span>'
        f"</header><dl>{fields}</dl>"
        f'<div class="crops">{figures}</div></article>'
    )


def issues_section(rows: list[Row], year: int, lookup: CropLookup) -> str:
    """Errors and warnings in view; info notes folded away below them.

    One `Evidence` serves both parts, in document order, so a crop shared with
    an info note is embedded in the error row above it.
    """
    if not rows:
        return '<p class="empty">No inconsistencies found.</p>'
    evidence = Evidence(year, lookup)
    serious = "\n".join(_issue(r, evidence) for r in rows if r["severity"] != "info")
    infos = [_issue(r, evidence) for r in rows if r["severity"] == "info"]
    if not infos:
        return serious
    return (
        f'{serious}\n<details class="infos"><summary>{len(infos)} info note(s): name variants, '
        "page order</summary>\n" + "\n".join(infos) + "</details>"
    )
