"""Findings about the reading itself: what looks read only in part.

A summary list whose entries mostly came out without a territory, or that
matches almost none of its category's detail records, was most likely not
understood (a layout the reader did not follow), not printed with a dozen
errors: it gives one `layout_not_understood` finding, and the per-entry errors
it would have caused are left out. A detail record with an empty field gives a
warning on that record. Both come first wherever findings are shown, since
every other finding rests on them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from extract.model import Edition, Inconsistency, Laureate, Match, SummaryEntry

READING_KINDS: tuple[str, ...] = ("layout_not_understood", "incomplete_record")
# A list is not understood when at least this share of its entries has no
# territory, or when less than this share of them matches a detail record.
NO_TERRITORY_SHARE = 0.5
MATCHED_SHARE = 1 / 3
_FIELDS = ("territory", "project", "description", "innovation", "contributions")


@dataclass(frozen=True)
class Reading:
    findings: tuple[Inconsistency, ...]
    # Categories whose per-entry matching errors the findings replace.
    not_understood: frozenset[str]


def _incomplete(lau: Laureate) -> Inconsistency | None:
    empty = [name for name in _FIELDS if not getattr(lau, name)]
    if not empty:
        return None
    return Inconsistency(
        kind="incomplete_record",
        severity="warning",
        category=lau.category,
        territory=lau.territory,
        project=lau.project,
        expected=", ".join(empty),
        found="",
        pages=(lau.page_start,),
        message=f"p.{lau.page_start}: nothing was read for {', '.join(empty)} of this record",
        record_key=lau.order,
        evidence=((lau.page_start, lau.banner_bbox),),
    )


def _list_finding(
    category: str, entries: list[SummaryEntry], matched: int, shown: int
) -> Inconsistency | None:
    blank = sum(1 for e in entries if not e.territory)
    missing: list[str] = []
    if blank >= NO_TERRITORY_SHARE * len(entries):
        missing.append(f"{blank} of {len(entries)} entries have no territory")
    if shown and len(entries) >= 2 and matched < MATCHED_SHARE * len(entries):
        missing.append(f"{matched} of {len(entries)} entries match a detail record")
    if not missing:
        return None
    pages = tuple(sorted({e.page for e in entries}))
    box = entries[0].bbox
    for entry in entries[1:]:
        if entry.page == entries[0].page:
            box = box.union(entry.bbox)
    return Inconsistency(
        kind="layout_not_understood",
        severity="error",
        category=category,
        territory="",
        project="",
        expected=f"{len(entries)} entries with a territory, each matching a detail record",
        found="; ".join(missing),
        pages=pages,
        message=f"{category}: the summary list on p.{pages[0]} was not read as printed "
        f"({'; '.join(missing)}); its entries are not checked one by one",
        evidence=((pages[0], box),),
    )


def _no_summary(edition: Edition) -> Inconsistency:
    first = edition.laureates[0]
    return Inconsistency(
        kind="layout_not_understood",
        severity="error",
        category="",
        territory="",
        project="",
        expected="summary lists with '[label …]' entries",
        found="none",
        pages=(first.page_start,),
        message=f"{len(edition.laureates)} detail records were read but no summary entry: "
        "the summary lists were not understood, and are not checked against the records",
        evidence=((first.page_start, first.banner_bbox),),
    )


def reading(edition: Edition, matches: list[Match]) -> Reading:
    findings = [f for f in map(_incomplete, edition.laureates) if f is not None]
    if edition.laureates and not edition.summary_entries:
        return Reading((_no_summary(edition), *findings), frozenset(edition.categories))
    listed: dict[str, list[SummaryEntry]] = defaultdict(list)
    for entry in edition.summary_entries:
        listed[entry.category].append(entry)
    shown: dict[str, int] = defaultdict(int)
    for lau in edition.laureates:
        shown[lau.category] += 1
    matched: dict[str, int] = defaultdict(int)
    for m in matches:
        if m.summary is not None and m.laureate is not None:
            matched[m.summary.category] += 1
    lost: set[str] = set()
    for category, entries in listed.items():
        finding = _list_finding(category, entries, matched[category], shown[category])
        if finding is not None:
            findings.insert(0, finding)
            lost.add(category)
    return Reading(tuple(findings), frozenset(lost))
