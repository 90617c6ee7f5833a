"""Headings and banners printed on several lines, joined into one.

A banner wraps when its category is long or its box narrow
("LABEL OR – ATTRACTIVITÉ ET" / "DÉVELOPPEMENT ÉCONOMIQUE"; in a very narrow
box even "LABEL" / "BRONZE –" / "HABITAT ET" / "URBANISME"), or is split by
design ("LABEL OR" above the category); a section heading wraps in a narrow
column ("DESCRIPTION DU" / "PROJET"). The layout stage has put the lines a
reader sees together in one block: the lines of a banner's block in the
banner's style are its category, and a banner head alone on its line takes
the block just under it.
"""

from __future__ import annotations

from dataclasses import replace

from extract import grammar
from extract.model import Line
from extract.text import join_wrapped

SAME_SIZE = 0.6
_SEPARATORS = frozenset(":-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")


def _same_style(a: Line, b: Line) -> bool:
    return abs(a.size - b.size) <= SAME_SIZE and a.bold == b.bold


def _structural(line: Line) -> bool:
    return grammar.is_structural(line.text)


def _under(upper: Line, lower: Line) -> bool:
    """`lower` stands right under `upper`, in the same column."""
    gap = lower.bbox.top - upper.bbox.bottom
    size = max(upper.size, lower.size)
    return (
        lower.page == upper.page
        and -0.5 * size <= gap <= 1.5 * size
        and lower.bbox.x0 < upper.bbox.x1
        and lower.bbox.x1 > upper.bbox.x0
    )


def _prominent(line: Line, head: Line) -> bool:
    return line.bold or line.size >= head.size - 1


def _banner_parts(lines: list[Line], start: int) -> list[Line]:
    """The lines of the banner that opens at `start`."""
    head = lines[start]
    parts = [head]
    split = grammar.BANNER_HEAD.match(head.text) is not None
    for line in lines[start + 1 :]:
        last = parts[-1]
        if _structural(line) or line.page != head.page:
            break
        same_block = line.block == last.block and line.block >= 0
        if same_block and _same_style(line, parts[1] if len(parts) > 1 else head):
            parts.append(line)
        elif split and len(parts) == 1 and _under(head, line) and _prominent(line, head):
            parts.append(line)  # the category, in a block of its own under the head
        elif split and len(parts) > 1 and same_block and _same_style(line, parts[1]):
            parts.append(line)
        else:
            break
    return parts


def _merge(parts: list[Line]) -> Line:
    head = parts[0]
    texts = [part.text.strip() for part in parts]
    if len(parts) > 1 and grammar.BANNER_HEAD.match(head.text):
        # "LABEL OR" over "CATÉGORIE": said as one banner reads.
        texts[0] = grammar.BANNER_HEAD.match(head.text).group(0).strip()  # type: ignore[union-attr]
        if texts[0][-1:] not in _SEPARATORS and texts[1][:1] not in _SEPARATORS:
            texts[0] += " –"  # unless the dash wrapped with the category ("- ÉNERGIE")
    box = head.bbox
    for part in parts[1:]:
        box = box.union(part.bbox)
    # Glued where a compound word wrapped at its hyphen ("BIEN-" / "ÊTRE").
    return replace(head, text=join_wrapped(texts), bbox=box)


def _wrapped_head(line: Line, after: Line) -> Line | None:
    """A banner's head wrapped before its tier ("LABEL" over "BRONZE –", a narrow box)
    made one line, when the two read as a banner's start."""
    if not (
        grammar.LABEL_WORD.match(line.text)
        and after.page == line.page
        and (after.block == line.block >= 0 or _under(line, after))
        and _same_style(line, after)
    ):
        return None
    text = f"{line.text.strip()} {after.text.strip()}"
    if not (grammar.BANNER.match(text) or grammar.BANNER_HEAD.match(text)):
        return None
    return replace(line, text=text, bbox=line.bbox.union(after.bbox))


def _join_wrapped_heads(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        joined = _wrapped_head(line, lines[index + 1]) if index + 1 < len(lines) else None
        out.append(joined or line)
        index += 2 if joined else 1
    return out


# A heading's next line stands less than this many sizes under the last: a small
# heading set on the text's line height (7.5 pt on 16.5 pt) is 2.2 sizes apart.
HEAD_PITCH = 2.5


def _section_parts(lines: list[Line], start: int) -> list[Line]:
    """A section heading's lines, as a narrow column wrapped it ("APPORTS" / "DU" /
    "PROJET :"): each line under the last in its style, the heading still unfinished."""
    parts = [lines[start]]
    while grammar.SECTION_START.match(" ".join(p.text for p in parts)) and len(parts) < 4:
        if start + len(parts) >= len(lines):
            return [parts[0]]
        last, nxt = parts[-1], lines[start + len(parts)]
        if not (
            nxt.page == last.page
            and _same_style(last, nxt)
            and 0 < nxt.bbox.top - last.bbox.top < HEAD_PITCH * nxt.size
        ):
            return [parts[0]]
        parts.append(nxt)
    text = " ".join(p.text for p in parts)
    if not grammar.section_of(text):
        return [parts[0]]
    return _with_colon(lines, start, parts)


def _with_colon(lines: list[Line], start: int, parts: list[Line]) -> list[Line]:
    """A complete heading and, when it wrapped alone onto the next line, its colon."""
    end = start + len(parts)
    found = grammar.section_of(" ".join(p.text for p in parts))
    if found is None or found[1] or end >= len(lines):
        return parts
    last, nxt = parts[-1], lines[end]
    if (
        nxt.text.strip() == ":"
        and nxt.page == last.page
        and _same_style(last, nxt)
        and 0 < nxt.bbox.top - last.bbox.top < HEAD_PITCH * nxt.size
    ):
        return [*parts, nxt]
    return parts


def _head_lines(lines: list[Line], start: int) -> list[Line]:
    """The lines of an unfinished section heading wrapped in its column."""
    parts = [lines[start]]
    while start + len(parts) < len(lines):
        last, nxt = parts[-1], lines[start + len(parts)]
        if not (
            nxt.page == last.page
            and _same_style(last, nxt)
            and 0 < nxt.bbox.top - last.bbox.top < HEAD_PITCH * nxt.size
            and grammar.SECTION_START.match(" ".join(p.text for p in [*parts, nxt]))
        ):
            break
        parts.append(nxt)
    return parts


def _opens_next_column(before: Line, line: Line, head: Line) -> bool:
    """`line` is the first of the next page, or tops the next column of the page."""
    if line.page == head.page + 1:
        return before.page != line.page
    return (
        line.page == head.page
        and line.bbox.top < before.bbox.top - line.size
        and line.bbox.x0 > head.bbox.x1
    )


def _rest_over_break(lines: list[Line], start: int, parts: list[Line]) -> list[int]:
    """Where the rest of a section heading left unfinished at a column's or page's
    foot stands: the margin heading of a table row split by the break
    (`Apports` / `du projet`), the first lines of the next column or page, in its
    style and each right under the last (`du` / `projet :` in a narrow margin),
    after the text of the row's other cell."""
    head = parts[0]
    text = " ".join(p.text.strip() for p in parts)
    after = start + len(parts)
    for index in range(after, min(after + len(parts) + 4, len(lines))):
        line = lines[index]
        if not (_opens_next_column(lines[index - 1], line, head) and _same_style(head, line)):
            continue
        rest = [index]
        while True:
            if grammar.section_of(" ".join([text, *(lines[k].text.strip() for k in rest)])):
                return rest
            nxt = rest[-1] + 1
            if not (
                len(rest) < REST_LINES
                and nxt < len(lines)
                and lines[nxt].page == line.page
                and _same_style(line, lines[nxt])
                and 0 < lines[nxt].bbox.top - lines[nxt - 1].bbox.top < HEAD_PITCH * line.size
            ):
                break
            rest.append(nxt)
    return []


# The rest of a heading over a break stands on this many lines at most.
REST_LINES = 3


def _join_split_heads(lines: list[Line]) -> list[Line]:
    out = list(lines)
    index = 0
    while index < len(out):
        if grammar.SECTION_START.match(out[index].text):
            parts = _head_lines(out, index)
            rest = _rest_over_break(out, index, parts)
            if rest:
                text = " ".join(p.text.strip() for p in [*parts, *(out[k] for k in rest)])
                out[index] = replace(parts[0], text=text)
                for k in reversed(rest):
                    del out[k]
                del out[index + 1 : index + len(parts)]
        index += 1
    return out


def join_headings(lines: list[Line]) -> list[Line]:
    """Lines with each banner and wrapped section heading made one line."""
    lines = _join_split_heads(_join_wrapped_heads(lines))
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if grammar.BANNER.match(line.text) or grammar.BANNER_HEAD.match(line.text):
            parts = _banner_parts(lines, index)
        else:
            parts = _section_parts(lines, index)
        out.append(_merge(parts) if len(parts) > 1 else line)
        index += len(parts)
    return out
