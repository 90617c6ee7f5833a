"""A summary list's lines to its entries: project, territory and tier.

Designers print an entry in many ways: a bullet list ("• Project" then
"Territory [label or]"), cards in a grid, rows of a table; the tag first or
last, the territory above or below the title. The layout stage says which
lines stand together (a framed card, a row of a table): an entry never spans
two such groups. Inside a group, tags divide the entries: each entry ends with
its tag, or, when the list opens with a tag, starts with it. Within an entry,
the line that carries the tag beside text is the territory's; otherwise the
title is told from the territory by its emphasis (a bullet, bold, a larger
size), and when both look alike the title comes first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extract import grammar
from extract.model import BBox, Line
from extract.text import join_wrapped


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
    return grammar.tier_of(found), grammar.BULLET.sub("", beside, count=1).strip()


def _groups(lines: Sequence[Line]) -> list[list[Line]]:
    """Runs of lines the layout stage put in one group (a card, a table row)."""
    runs: list[list[Line]] = []
    for line in lines:
        if runs and runs[-1][-1].group == line.group:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _tag_first(groups: list[list[Line]]) -> bool:
    """Whether the list's entries open with their tag: the first group with a
    tag starts with a line that is nothing but a tag, and goes on after it."""
    for group in groups:
        tagged = [k for k, line in enumerate(group) if _tag(line)]
        if tagged:
            first = _tag(group[tagged[0]])
            assert first is not None
            return tagged[0] == 0 and not first[1] and len(group) > 1
    return False


def _split(group: list[Line], tag_first: bool) -> list[list[Line]]:
    pieces: list[list[Line]] = [[]]
    for line in group:
        tagged = _tag(line) is not None
        if tagged and tag_first and pieces[-1]:
            pieces.append([])
        pieces[-1].append(line)
        if tagged and not tag_first:
            pieces.append([])
    return [p for p in pieces if any(_tag(line) for line in p)]


def _emphasis(line: Line) -> tuple[bool, float, bool]:
    """Bold, then size, then a bullet: a bullet may open whatever part comes first."""
    return (line.bold, line.size, bool(grammar.BULLET.match(line.text)))


def _same_style(a: Line, b: Line) -> bool:
    return abs(a.size - b.size) < 0.3 and a.bold == b.bold


def _runs(lines: list[Line]) -> list[list[Line]]:
    """Consecutive lines of one style; a bullet opens a run of its own."""
    runs: list[list[Line]] = []
    for line in lines:
        if runs and _same_style(runs[-1][-1], line) and not grammar.BULLET.match(line.text):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _fields(lines: list[Line]) -> tuple[list[str], list[str]]:
    """(project lines, territory lines) of an entry's lines, its tag line left out."""
    tag_index = next(k for k, line in enumerate(lines) if _tag(line))
    tag = _tag(lines[tag_index])
    assert tag is not None
    others = [line for k, line in enumerate(lines) if k != tag_index]
    if tag[1]:  # the tag stands beside the territory (or its last line)
        split = tag_index
        while split > 0 and _same_style(lines[split - 1], lines[tag_index]):
            split -= 1
        if split == 0:  # one style for both: the first line is the project
            split = 1 if tag_index > 0 else 0
        project = [line.text for line in lines[:split]]
        territory = [line.text for line in lines[split:tag_index]] + [tag[1]]
        return project, territory
    runs = _runs(others)
    if len(runs) < 2:
        texts = [line.text for line in others]
        return texts[:1], texts[1:]
    title = max(runs, key=lambda run: _emphasis(run[0]))
    if all(_emphasis(run[0]) == _emphasis(title[0]) for run in runs):
        title = runs[0]  # alike: the title comes first
    return [line.text for line in title], [
        line.text for run in runs if run is not title for line in run
    ]


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
    groups = _groups(lines)
    tag_first = _tag_first(groups)
    return [_entry(piece) for group in groups for piece in _split(group, tag_first)]


def is_tagged(line: Line) -> bool:
    return _tag(line) is not None
