"""Running headers, footers and page numbers, found by repetition and place.

A line is furniture when the same text (digits masked, so page numbers count
as one text) stands at the same height near the top or bottom of many pages.
No string of any edition is known here; the caller may protect lines that
must never be dropped (a banner repeated at the same place, say).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable

import regex

from extract.model import Line, Page

# Furniture sits among the first or last few lines of a page.
EDGE_LINES = 4
# ... and repeats on at least this share of the pages.
MIN_SHARE = 0.4
Y_TOLERANCE = 2.5

_DIGITS = regex.compile(r"\d+")
_NUMBER_ONLY = regex.compile(r"[#\s\p{P}\p{S}]*#[#\s\p{P}\p{S}]*")
_SPACES = regex.compile(r"\s+")


# Marks and page numbers alone between spaces (`–`, `/`, `31`; not a year, not
# `2019.`): the pieces of a page number that a narrow box wrapped onto several
# lines join one row or another, page by page.
_LONE_MARKS = regex.compile(r"(?:(?<=\s)|^)(?:[\p{P}\p{S}]+|\d{1,3})(?=\s|$)")


def furniture_key(text: str) -> str:
    folded = text.casefold()
    bare = _SPACES.sub(" ", _LONE_MARKS.sub(" ", folded)).strip()
    if not bare:  # a page number and its marks alone
        return "#" if _DIGITS.search(folded) else _SPACES.sub(" ", folded).strip()
    # A number of four digits or more (a year) is no page number: `####`, not `#`.
    return _DIGITS.sub(lambda m: "#" if len(m.group()) <= 3 else "####", bare)


def _edge_lines(page: Page) -> list[Line]:
    by_height = sorted(page.lines, key=lambda line: line.bbox.top)
    if len(by_height) <= 2 * EDGE_LINES:
        return by_height
    return by_height[:EDGE_LINES] + by_height[-EDGE_LINES:]


def _protected(page: Page, protect: Callable[[str], bool]) -> set[int]:
    """Lines never taken for furniture: the protected ones, and the lines that go on
    right under one in its style, or in bold under a bold one (a banner's category
    wrapped onto the next lines, or set larger under `LABEL OR`, repeats on every
    record of its category, at the same height)."""
    ordered = sorted(page.lines, key=lambda line: line.bbox.top)
    kept: list[Line] = []
    for line in ordered:
        if protect(line.text) or any(_goes_on(above, line) for above in kept):
            kept.append(line)
    # A line that is structural only with the lines under it in its style (a margin
    # heading `DESCRIPTION` over `DU PROJET :`, at the same place on every record).
    for k, line in enumerate(ordered):
        run = [line]
        for below in ordered[k + 1 :]:
            if below.bbox.top - run[-1].bbox.top > 1.6 * max(below.size, run[-1].size):
                break  # lines are in order of height: none further down goes on
            if _goes_on(run[-1], below):
                run.append(below)
                if protect(" ".join(x.text for x in run)):
                    kept += run
                    break
    return {id(line) for line in kept}


def _goes_on(above: Line, line: Line) -> bool:
    """`line` is set right under `above`, in its style: the same text going on."""
    return (
        line.bold == above.bold
        and (abs(line.size - above.size) <= 0.6 or line.bold)
        and 0 < line.bbox.top - above.bbox.top <= 1.6 * max(line.size, above.size)
        and line.bbox.x0 < above.bbox.x1
        and line.bbox.x1 > above.bbox.x0
    )


def _row_keys(lines: list[Line]) -> dict[int, str]:
    """Each line's row as one text: a running header cut in two at a column's
    gutter on some pages (`… Annuaire des` + `lauréats`) still reads as itself."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda line: line.bbox.top):
        if rows and abs(line.bbox.top - rows[-1][0].bbox.top) <= 1.0:
            rows[-1].append(line)
        else:
            rows.append([line])
    keys: dict[int, str] = {}
    for row in rows:
        if len(row) > 1:
            text = " ".join(line.text for line in sorted(row, key=lambda line: line.bbox.x0))
            keys.update((id(line), furniture_key(text)) for line in row)
    return keys


def _repeated_spots(pages: tuple[Page, ...], safes: dict[int, set[int]]) -> set[tuple[str, int]]:
    """(key, rounded top) of every repeated edge line (`safes`: each page's
    protected lines)."""
    seen: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for page in pages:
        safe = safes[page.number]
        edge = [line for line in _edge_lines(page) if id(line) not in safe]
        rows = _row_keys(edge)
        for line in edge:
            seen[furniture_key(line.text)].append((line.bbox.top, page.number))
            if id(line) in rows:
                seen[rows[id(line)]].append((line.bbox.top, page.number))
    needed = max(2, math.ceil(MIN_SHARE * len(pages)))
    spots: set[tuple[str, int]] = set()
    for key, places in seen.items():
        places.sort()
        if _NUMBER_ONLY.fullmatch(key) and len({p for _, p in places}) >= needed:
            # A page number alone among a page's edge lines, wherever it stands: a
            # number wrapped in a narrow box rises a line on pages of two digits.
            spots.update((key, round(top)) for top, _ in places)
            continue
        clusters: list[list[tuple[float, int]]] = []
        for place in places:
            if clusters and place[0] - clusters[-1][0][0] <= Y_TOLERANCE:
                clusters[-1].append(place)
            else:
                clusters.append([place])
        repeated = [c for c in clusters if len({p for _, p in c}) >= needed]
        for cluster in clusters:
            # A line repeated at one place goes on being furniture a few points up or
            # down on other pages (the page number's box above it took a line more).
            if any(abs(cluster[0][0] - other[0][0]) <= SHIFT for other in repeated):
                spots.update((key, round(top)) for top, _ in cluster)
    return spots


# Points a repeated edge line may stand higher or lower on some pages.
SHIFT = 12.0


# Furniture is peeled off the page's edges at most this many times.
PEELS = 3


def strip_furniture(
    pages: tuple[Page, ...], protect: Callable[[str], bool] = lambda _: False
) -> tuple[tuple[Page, ...], tuple[Line, ...]]:
    """Body pages without furniture, and the furniture lines that were removed.

    Furniture is looked for again at the edges of what is left, until none is
    found: a footer of more lines than EDGE_LINES (a page number set in a narrow
    box, `–`, `4`, `–` on three lines, over two lines of address) hides its first
    lines from the first look.
    """
    place = {id(line): (page.number, k) for page in pages for k, line in enumerate(page.lines)}
    known: dict[str, bool] = {}

    def protected(text: str) -> bool:  # each text asked once, not once a look per page
        if text not in known:
            known[text] = protect(text)
        return known[text]

    removed: list[Line] = []
    for _ in range(PEELS):
        pages, found = _strip_once(pages, protected)
        if not found:
            break
        removed += found
    return pages, tuple(sorted(removed, key=lambda line: place[id(line)]))


def _strip_once(
    pages: tuple[Page, ...], protect: Callable[[str], bool]
) -> tuple[tuple[Page, ...], list[Line]]:
    safes = {page.number: _protected(page, protect) for page in pages}
    spots = _repeated_spots(pages, safes)
    body: list[Page] = []
    removed: list[Line] = []
    for page in pages:
        kept: list[Line] = []
        safe = safes[page.number]
        rows = _row_keys([line for line in _edge_lines(page) if id(line) not in safe])
        for line in page.lines:
            top = round(line.bbox.top)
            if id(line) not in safe and (
                (furniture_key(line.text), top) in spots or (rows.get(id(line)), top) in spots
            ):
                removed.append(line)
            else:
                kept.append(line)
        body.append(Page(page.number, page.width, page.height, tuple(kept), page.shapes))
    return tuple(body), removed
