"""A summary list's lines to its entries: project, territory and tier.

Designers print an entry in many ways: a bullet list ("• Project" then
"Territory [label or]"), cards in a grid, rows of a table; the tag first or
last, the territory above or below the title. The layout stage says which
lines stand together (a framed card, a row of a table): an entry never spans
two such groups. Inside a group, tags divide the entries: each entry ends with
its tag, or, when the list's entries open with one, starts with it. Within an
entry, the lines fall into parts (a table's cells are blocks of their own; a
change of style starts a part): the part that carries the tag beside text is
the territory's; otherwise the title is the most emphasised part (bold, a
larger size, a bullet), and when all look alike the title comes first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from extract import grammar
from extract.model import BBox, Line
from extract.text import join_wrapped

SAME_SIZE = 0.3


@dataclass(frozen=True)
class RawEntry:
    """An entry as printed, before its category is matched to the banners'."""

    project: str
    territory: str
    tier: str
    page: int
    bbox: BBox


def _tag(line: Line) -> tuple[str, str] | None:
    """(tier, text beside the tag) when the line carries a "[label …]" tag."""
    found = grammar.SUMMARY_TAG.search(line.text) or grammar.SUMMARY_TAG_LEAD.match(line.text)
    if found is None:
        return None
    beside = (line.text[: found.start()] + " " + line.text[found.end() :]).strip()
    if not grammar.BULLET.sub("", beside, count=1).strip():
        beside = ""  # "• [label or]": a bullet is no text beside the tag
    return grammar.tier_of(found), beside


def is_tagged(line: Line) -> bool:
    return _tag(line) is not None


def _wraps_tag(line: Line, after: Line) -> bool:
    """`line` ends with a tag that a narrow cell wrapped onto `after`."""
    return (
        after.page == line.page
        and after.block == line.block
        and grammar.SUMMARY_TAG_OPEN.search(line.text) is not None
        and grammar.SUMMARY_TAG_CLOSE.match(after.text) is not None
        and grammar.SUMMARY_TAG.search(f"{line.text} {after.text}") is not None
    )


def join_wrapped_tags(lines: Sequence[Line]) -> list[Line]:
    """Lines with each tag wrapped inside its cell ("… Maritime [LABEL" over
    "ARGENT]") made whole on the line where it opens, so that a tag is always
    read on one line."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if index + 1 < len(lines) and _wraps_tag(line, lines[index + 1]):
            after = lines[index + 1]
            line = replace(
                line,
                text=f"{line.text.rstrip()} {after.text.strip()}",
                bbox=line.bbox.union(after.bbox),
                words=line.words + after.words,
            )
            index += 1
        out.append(line)
        index += 1
    return out


def _groups(lines: Sequence[Line]) -> list[list[Line]]:
    """Runs of lines the layout stage put in one group (a card, a table row)."""
    runs: list[list[Line]] = []
    for line in lines:
        if runs and runs[-1][-1].group == line.group:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _leads_with_tag(line: Line) -> bool:
    """The line opens with a tag, maybe after a bullet."""
    return grammar.SUMMARY_TAG_LEAD.match(grammar.BULLET.sub("", line.text, count=1)) is not None


def _tag_first(groups: list[list[Line]]) -> bool:
    """Whether the list's entries open with their tag: most groups that hold a
    tag and more start with it (one group cut apart by mistake does not turn
    the whole list round)."""
    votes = 0
    for group in groups:
        if len(group) > 1 and any(map(is_tagged, group)):
            votes += 1 if _leads_with_tag(group[0]) else -1
    return votes > 0


def _split(group: list[Line], tag_first: bool) -> list[list[Line]]:
    pieces: list[list[Line]] = [[]]
    for line in group:
        tagged = is_tagged(line)
        if tagged and tag_first and pieces[-1]:
            pieces.append([])
        pieces[-1].append(line)
        if tagged and not tag_first:
            pieces.append([])
    return [p for p in pieces if any(map(is_tagged, p))]


def _same_style(a: Line, b: Line) -> bool:
    return abs(a.size - b.size) < SAME_SIZE and a.bold == b.bold


def _under(upper: Line, lower: Line) -> bool:
    """`lower` is the next line down in `upper`'s column (not the top of the
    next cell of a table row, which stands beside it)."""
    return (
        lower.page == upper.page
        and 0 < lower.bbox.top - upper.bbox.top <= 2 * max(upper.size, lower.size)
        and lower.bbox.x0 < upper.bbox.x1
        and lower.bbox.x1 > upper.bbox.x0
    )


def _next_column(part: list[Line], line: Line) -> bool:
    """`line` goes on with `part` at the top of the next column or page: a list
    flowed in columns broke an entry's field there. (A table's next cell stands
    beside the part's first line, not above it, and opens its own text.)"""
    first, last = part[0], part[-1]
    if line.page == last.page + 1:
        return True
    # A line opening in lower case goes on mid-sentence: at the next column's top
    # even level with the part's first line (columns that start a little apart).
    top = first.bbox.top + (0.5 if line.text[:1].islower() else -0.5) * line.size
    return line.page == last.page and line.bbox.x0 >= last.bbox.x1 and line.bbox.top < top


def _parts(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines one under the other in one style: a table's cells, or the
    title and the territory told apart by their emphasis. A bullet opens a part
    of its own; a line opening with a dash goes on with the part above, since it
    is as often the " – subtitle" of a wrapped title as an item's mark."""
    parts: list[list[Line]] = []
    for line in lines:
        last = parts[-1][-1] if parts else None
        if (
            last is not None
            and (_under(last, line) or _next_column(parts[-1], line))
            and _same_style(last, line)
            and not grammar.GLYPH_BULLET.match(line.text)
        ):
            parts[-1].append(line)
        else:
            parts.append([line])
    return parts


def _more_emphasised(a: Line, b: Line) -> bool:
    """Bold, then size, then a bullet: a bullet may open whatever part comes first."""
    if a.bold != b.bold:
        return a.bold
    if abs(a.size - b.size) >= SAME_SIZE:
        return a.size > b.size
    return bool(grammar.BULLET.match(a.text)) and not grammar.BULLET.match(b.text)


def _texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


def _beside_tag(lines: list[Line], tag_index: int, beside: str) -> tuple[list[str], list[str]]:
    """(project, territory) when the tag shares its line with the territory's end."""
    parts = _parts(lines[: tag_index + 1])
    if len(parts) == 1:  # one style for both: the first line is the project
        split = 1 if tag_index > 0 else 0
        return _texts(lines[:split]), [*_texts(lines[split:tag_index]), beside]
    territory = parts[-1]
    project = [line for part in parts[:-1] for line in part]
    return _texts(project), [*_texts(territory[:-1]), beside]


def _fields(lines: list[Line]) -> tuple[list[str], list[str]]:
    """(project lines, territory lines) of an entry's lines, its tag left out."""
    tag_index = next(k for k, line in enumerate(lines) if is_tagged(line))
    tag = _tag(lines[tag_index])
    assert tag is not None
    rest = [line for k, line in enumerate(lines) if k != tag_index]
    if tag[1] and _leads_with_tag(lines[tag_index]):
        # `[LABEL BRONZE] Rivesaltine`: a tag cell printed up to the next cell; the
        # text after the tag is a field's line of its own, told apart as the others.
        rest.insert(tag_index, replace(lines[tag_index], text=tag[1]))
    elif tag[1]:
        return _beside_tag(lines, tag_index, tag[1])
    parts = _parts(rest)
    if len(parts) < 2:
        texts = [text for part in parts for text in _texts(part)]
        return texts[:1], texts[1:]
    title = parts[0]
    for part in parts[1:]:
        if _more_emphasised(part[0], title[0]):
            title = part
    return _texts(title), [text for part in parts if part is not title for text in _texts(part)]


def _entry(lines: list[Line]) -> RawEntry:
    project, territory = _fields(lines)
    tag = next(t for t in map(_tag, lines) if t)
    box = lines[0].bbox
    for line in lines[1:]:
        if line.page == lines[0].page:
            box = box.union(line.bbox)
    return RawEntry(
        project=grammar.BULLET.sub("", join_wrapped(project), count=1).strip(),
        territory=grammar.BULLET.sub("", join_wrapped(territory), count=1).strip(),
        tier=tag[0],
        page=lines[0].page,
        bbox=box,
    )


def lines_to_entries(lines: Sequence[Line]) -> list[RawEntry]:
    """The entries of one summary list, in the order they are read."""
    groups = _groups(join_wrapped_tags(lines))
    tag_first = _tag_first(groups)
    return [_entry(piece) for group in groups for piece in _split(group, tag_first)]
