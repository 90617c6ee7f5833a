"""The introduction: stated counts, jury, criteria, and the edition year."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from extract import grammar
from extract.model import JuryMember, Line, Page, StatedCounts
from extract.text import Metrics, collapse, lines_to_text


@dataclass(frozen=True)
class IntroText:
    stated: StatedCounts
    jury: tuple[JuryMember, ...]
    criteria: tuple[str, ...]


def _blocks(lines: list[Line]) -> list[tuple[Line, list[Line]]]:
    """Intro lines grouped under the heading they follow (bold or larger)."""
    if not lines:
        return []
    body = Counter(round(line.size) for line in lines).most_common(1)[0][0]
    blocks: list[tuple[Line, list[Line]]] = []
    for line in lines:
        is_heading = (line.size > body + 1 or line.bold) and not grammar.BULLET.match(line.text)
        if is_heading or not blocks:
            blocks.append((line, []))
        else:
            blocks[-1][1].append(line)
    return blocks


def _items(lines: list[Line], metrics: Metrics) -> list[str]:
    text = lines_to_text(lines, metrics)
    return [
        grammar.BULLET.sub("", item, count=1).strip()
        for item in text.split("\n")
        if grammar.BULLET.match(item)
    ]


def _stated(text: str, lines: list[Line]) -> StatedCounts:
    def number(pattern: regex.Pattern[str]) -> int | None:
        found = pattern.search(text)
        if not found:
            return None
        return int(next(g for g in found.groups() if g is not None))

    labelled_line = next((li for li in lines if "seul" in li.text.casefold()), None)
    return StatedCounts(
        applications=number(grammar.STATED_APPLICATIONS),
        auditioned=number(grammar.STATED_AUDITIONED),
        labelled=number(grammar.STATED_LABELLED),
        labelled_page=labelled_line.page if labelled_line else None,
        labelled_bbox=labelled_line.bbox if labelled_line else None,
    )


def read_intro(lines: list[Line], metrics: Metrics) -> IntroText:
    jury: list[JuryMember] = []
    criteria: list[str] = []
    for heading, block in _blocks(lines):
        if grammar.JURY_HEADING.match(heading.text):
            for item in _items(block, metrics):
                name, _, organisation = item.partition(",")
                jury.append(JuryMember(name.strip(), organisation.strip()))
        elif grammar.CRITERIA_HEADING.search(heading.text):
            criteria.extend(_items(block, metrics))
    text = collapse(" ".join(line.text for line in lines))
    return IntroText(_stated(text, lines), tuple(jury), tuple(criteria))


def _years(texts: list[str]) -> Counter[int]:
    return Counter(int(y) for text in texts for y in grammar.YEAR.findall(text))


def edition_year(
    body: tuple[Page, ...], furniture: tuple[Line, ...], title: str, lines: list[Line]
) -> int | None:
    """The year the document names most prominently.

    In order: the largest text of the first page with text (the cover title),
    the running header or footer, the PDF's metadata title, then banners and
    headings. The file name is never used: it is whatever the user saved.
    """
    first = next((page.lines for page in body if page.lines), ())
    largest = max((line.size for line in first), default=0.0)
    sources = [
        [line.text for line in first if line.size >= largest - 0.5],
        [line.text for line in furniture],
        [title],
        [line.text for line in lines if grammar.BANNER.match(line.text) or line.size > largest - 2],
    ]
    for texts in sources:
        years = _years(texts)
        if years:
            return max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return None
