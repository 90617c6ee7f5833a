"""Compare what the pipeline extracted with the generator's truth, field by field."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from extract.pipeline import Result
from gen import TEntry, TLaureate, Truth

LAUREATE_FIELDS = [f.name for f in fields(TLaureate)]
ENTRY_FIELDS = [f.name for f in fields(TEntry)]


TEXT_FIELDS = ("description", "innovation", "contributions")


def missed_breaks(expected: str, actual: str) -> int | None:
    """How many paragraph breaks `actual` lost, if that is its only difference.

    A paragraph whose last line is full and that ends at the foot of a column
    or page leaves no trace in print: nothing tells it from one that goes on.
    Such a break can only be missed, never invented; any other difference
    returns None.
    """
    if len(expected) != len(actual):
        return None
    lost = 0
    for want, got in zip(expected, actual, strict=True):
        if want == got:
            continue
        if (want, got) != ("\n", " "):
            return None
        lost += 1
    return lost


def _diff(kind: str, index: int, want: Any, got: Any, names: list[str]) -> list[str]:
    out = []
    for name in names:
        expected, actual = getattr(want, name), getattr(got, name)
        if expected != actual:
            if name in TEXT_FIELDS and missed_breaks(expected, actual):
                continue  # counted by hidden_breaks(), not a mismatch
            out.append(f"{kind}[{index}].{name}: expected {expected!r}, got {actual!r}")
    return out


def hidden_breaks(truth: Truth, result: Result) -> tuple[int, int]:
    """(paragraph breaks missed, paragraph breaks in the truth) over all sections."""
    lost = total = 0
    for want, got in zip(truth.laureates, result.edition.laureates, strict=False):
        for name in TEXT_FIELDS:
            expected, actual = getattr(want, name), getattr(got, name)
            total += expected.count("\n")
            lost += missed_breaks(expected, actual) or 0
    return lost, total


def mismatches(truth: Truth, result: Result) -> list[str]:
    edition = result.edition
    problems: list[str] = []
    if edition.year != truth.edition_year:
        problems.append(f"year: expected {truth.edition_year}, got {edition.year}")
    if len(edition.laureates) != len(truth.laureates):
        problems.append(
            f"laureates: expected {len(truth.laureates)}, got {len(edition.laureates)}: "
            f"{[lau.territory for lau in edition.laureates]}"
        )
    if len(edition.summary_entries) != len(truth.summary_entries):
        problems.append(
            f"summary entries: expected {len(truth.summary_entries)}, "
            f"got {len(edition.summary_entries)}"
        )
    for i, (want, got) in enumerate(zip(truth.laureates, edition.laureates, strict=False)):
        problems += _diff("laureate", i, want, got, LAUREATE_FIELDS)
    for i, (want, got) in enumerate(
        zip(truth.summary_entries, edition.summary_entries, strict=False)
    ):
        problems += _diff("entry", i, want, got, ENTRY_FIELDS)
    stated = (truth.stated_applications, truth.stated_auditioned, truth.stated_labelled)
    got_stated = (edition.stated.applications, edition.stated.auditioned, edition.stated.labelled)
    if stated != got_stated:
        problems.append(f"stated: expected {stated}, got {got_stated}")
    jury = tuple((j.name, j.organisation) for j in edition.jury)
    if jury != truth.jury:
        problems.append(f"jury: expected {truth.jury}, got {jury}")
    if edition.criteria != truth.criteria:
        problems.append(f"criteria: expected {truth.criteria}, got {edition.criteria}")
    return problems
