"""Where a producer put each heading: the PDF's outline (bookmarks), read with pikepdf.

Chromium (`--generate-pdf-document-outline`) and LibreOffice (Writer's outline
levels) both write one bookmark per heading, with the page and the height it
stands at. Producers that paginate on their own learn from it the page of
every record and summary entry, without reading the page text: the truth of a
generated directory never comes from the code under test or from any text
extraction.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pikepdf


@dataclass(frozen=True)
class Mark:
    title: str
    page: int  # 1-based
    y: float  # height of the heading's top from the top of the page, in points
    level: int  # 0 for a top-level bookmark


def _page_of(dest: object, numbers: dict[tuple[int, int], int]) -> tuple[int, float | None]:
    array = dest if isinstance(dest, pikepdf.Array) else None
    if array is None or len(array) < 1:
        raise ValueError(f"unsupported outline destination {dest!r}")
    page = array[0]
    number = numbers[page.objgen] if isinstance(page, pikepdf.Dictionary) else int(page) + 1
    top = None
    if len(array) >= 4 and str(array[1]) == "/XYZ" and array[3] is not None:
        top = float(array[3])
    return number, top


def marks(path: Path) -> list[Mark]:
    """Every bookmark in document order (depth first), with its page and height."""
    with pikepdf.open(path) as pdf:
        numbers = {page.obj.objgen: index + 1 for index, page in enumerate(pdf.pages)}
        heights = [float(page.mediabox[3]) for page in pdf.pages]
        found: list[Mark] = []
        with pdf.open_outline() as outline:

            def walk(items: list[pikepdf.OutlineItem], level: int) -> None:
                for item in items:
                    dest = item.destination
                    if dest is None and item.action is not None:
                        dest = item.action.get("/D")
                    if isinstance(dest, (pikepdf.String, pikepdf.Name, str)):
                        dest = _named(pdf, str(dest))
                    number, top = _page_of(dest, numbers)
                    y = heights[number - 1] - top if top is not None else 0.0
                    found.append(Mark(str(item.title), number, y, level))
                    walk(list(item.children), level + 1)

            walk(list(outline.root), 0)
        return found


def _named(pdf: pikepdf.Pdf, name: str) -> object:
    """A named destination's array (from the /Dests name tree or the catalog's /Dests)."""
    names = pdf.Root.get("/Names")
    if names is not None and "/Dests" in names:
        tree = pikepdf.NameTree(names.Dests)
        if name.lstrip("/") in tree:
            value = tree[name.lstrip("/")]
            return value.get("/D", value) if isinstance(value, pikepdf.Dictionary) else value
    dests = pdf.Root.get("/Dests")
    if dests is not None and name in dests:
        value = dests[name]
        return value.get("/D", value) if isinstance(value, pikepdf.Dictionary) else value
    raise ValueError(f"named destination {name!r} not found")
