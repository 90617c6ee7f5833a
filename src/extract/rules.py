"""The inconsistency rules: every disagreement between printed places.

Given the pairs that matching made, each rule compares what two places of
the directory print about one laureate (or what the introduction states
against what was found) and says it with the pages and boxes that show it.
"""

from __future__ import annotations

from collections import defaultdict

from extract.model import (
    SEVERITY_ORDER,
    BBox,
    Edition,
    Inconsistency,
    Laureate,
    Match,
    SummaryEntry,
)
from extract.names import light_key, name_key
from extract.reading import READING_KINDS, reading


def _issue(
    kind: str,
    severity: str,
    laureate: Laureate | None,
    entry: SummaryEntry | None,
    expected: str,
    found: str,
    message: str,
) -> Inconsistency:
    pages = sorted(
        {p for p in (entry.page if entry else None, laureate.page_start if laureate else None) if p}
    )
    source = laureate or entry
    assert source is not None
    evidence: list[tuple[int, BBox]] = []
    if entry is not None:
        evidence.append((entry.page, entry.bbox))
    if laureate is not None:
        evidence.append((laureate.page_start, laureate.banner_bbox))
        if kind == "tier_statement_mismatch":
            evidence.append((laureate.statement_page, laureate.statement_bbox))
    return Inconsistency(
        kind=kind,
        severity=severity,
        category=source.category,
        territory=source.territory,
        project=source.project,
        expected=expected,
        found=found,
        pages=tuple(pages),
        message=message,
        record_key=laureate.order if laureate else None,
        evidence=tuple(evidence),
    )


def _pair_rules(e: SummaryEntry, lau: Laureate) -> list[Inconsistency]:
    where = f"summary p.{e.page} vs detail p.{lau.page_start}"
    found: list[Inconsistency] = []
    if e.tier != lau.tier:
        found.append(
            _issue(
                "tier_mismatch",
                "error",
                lau,
                e,
                e.tier,
                lau.tier,
                f"{lau.territory}: the summary says label {e.tier}, the banner says label "
                f"{lau.tier} ({where})",
            )
        )
    if e.category != lau.category:
        found.append(
            _issue(
                "category_mismatch",
                "error",
                lau,
                e,
                e.category,
                lau.category,
                f"{lau.territory}: listed under {e.category}, presented under {lau.category} "
                f"({where})",
            )
        )
    if light_key(e.territory) != light_key(lau.territory):
        found.append(
            _issue(
                "territory_name_variant",
                "info",
                lau,
                e,
                e.territory,
                lau.territory,
                f"territory printed '{e.territory}' in the summary, '{lau.territory}' on the "
                f"detail page ({where})",
            )
        )
    if light_key(e.project) != light_key(lau.project):
        found.append(
            _issue(
                "project_title_variant",
                "info",
                lau,
                e,
                e.project,
                lau.project,
                f"project printed '{e.project}' in the summary, '{lau.project}' on the detail "
                f"page ({where})",
            )
        )
    return found


def _statement_rules(lau: Laureate) -> list[Inconsistency]:
    if lau.tier_statement is None:
        return [
            _issue(
                "missing_statement",
                "warning",
                lau,
                None,
                "Label … attribué à",
                "",
                f"{lau.territory}: no 'Label … attribué à' sentence on p.{lau.page_start}",
            )
        ]
    if lau.tier_statement != lau.tier:
        return [
            _issue(
                "tier_statement_mismatch",
                "error",
                lau,
                None,
                lau.tier,
                lau.tier_statement,
                f"{lau.territory}: the banner says label {lau.tier}, the sentence says label "
                f"{lau.tier_statement} (p.{lau.statement_page})",
            )
        ]
    return []


def _identity(lau: Laureate) -> tuple[str, str, str]:
    return (lau.category, name_key(lau.territory), name_key(lau.project))


def duplicates(laureates: tuple[Laureate, ...]) -> dict[int, Laureate]:
    """Records presenting a laureate already presented, by order → first one."""
    first: dict[tuple[str, str, str], Laureate] = {}
    repeats: dict[int, Laureate] = {}
    for lau in laureates:
        key = _identity(lau)
        if key in first:
            repeats[lau.order] = first[key]
        else:
            first[key] = lau
    return repeats


def _unmatched_rules(m: Match, repeats: dict[int, Laureate]) -> list[Inconsistency]:
    if m.summary is not None and m.laureate is None:
        e = m.summary
        return [
            _issue(
                "missing_detail",
                "error",
                None,
                e,
                "a detail page",
                "none",
                f"{e.territory} ({e.project}) is listed in {e.category} on p.{e.page} but "
                "has no detail page",
            )
        ]
    lau = m.laureate
    assert lau is not None
    if lau.order in repeats:
        original = repeats[lau.order]
        return [
            _issue(
                "duplicate_record",
                "error",
                lau,
                None,
                f"p.{original.page_start}",
                f"p.{lau.page_start}",
                f"{lau.territory} is presented twice, p.{original.page_start} and "
                f"p.{lau.page_start}",
            )
        ]
    return [
        _issue(
            "unlisted_detail",
            "error",
            lau,
            None,
            "a summary entry",
            "none",
            f"{lau.territory} ({lau.project}) has a detail page p.{lau.page_start} but no "
            f"entry in the {lau.category} summary",
        )
    ]


def _count_rules(edition: Edition, lost: frozenset[str]) -> list[Inconsistency]:
    found: list[Inconsistency] = []
    stated = edition.stated.labelled
    if stated is not None and stated != len(edition.laureates):
        found.append(
            Inconsistency(
                kind="count_mismatch",
                severity="error",
                category="",
                territory="",
                project="",
                expected=str(stated),
                found=str(len(edition.laureates)),
                pages=tuple(p for p in (edition.stated.labelled_page,) if p),
                message=f"the introduction states {stated} labelled territories, "
                f"{len(edition.laureates)} detail records were found",
                evidence=_stated_evidence(edition),
            )
        )
    listed: dict[str, list[SummaryEntry]] = defaultdict(list)
    shown: dict[str, list[Laureate]] = defaultdict(list)
    for e in edition.summary_entries:
        listed[e.category].append(e)
    for lau in edition.laureates:
        shown[lau.category].append(lau)
    for category in edition.categories:
        n_listed, n_shown = len(listed[category]), len(shown[category])
        if n_listed != n_shown and category not in lost:
            pages = sorted(
                {e.page for e in listed[category]} | {x.page_start for x in shown[category]}
            )
            found.append(
                Inconsistency(
                    kind="count_mismatch",
                    severity="error",
                    category=category,
                    territory="",
                    project="",
                    expected=str(n_listed),
                    found=str(n_shown),
                    pages=tuple(pages),
                    message=f"{category}: {n_listed} summary entries but {n_shown} detail pages",
                )
            )
    return found


def _stated_evidence(edition: Edition) -> tuple[tuple[int, BBox], ...]:
    page, box = edition.stated.labelled_page, edition.stated.labelled_bbox
    return ((page, box),) if page is not None and box is not None else ()


def _order_rules(matches: list[Match]) -> list[Inconsistency]:
    by_category: dict[str, list[Match]] = defaultdict(list)
    for m in matches:
        if m.summary and m.laureate and m.summary.category == m.laureate.category:
            by_category[m.laureate.category].append(m)
    found: list[Inconsistency] = []
    for category, pairs in by_category.items():
        listed = sorted(pairs, key=lambda m: m.summary.position if m.summary else 0)
        shown = sorted(pairs, key=lambda m: m.laureate.order if m.laureate else 0)
        if [id(m) for m in listed] == [id(m) for m in shown]:
            continue
        first = next(a for a, b in zip(listed, shown, strict=True) if a is not b)
        assert first.laureate is not None
        expected = " | ".join(m.laureate.territory for m in listed if m.laureate)
        got = " | ".join(m.laureate.territory for m in shown if m.laureate)
        issue = _issue(
            "order_mismatch",
            "info",
            first.laureate,
            first.summary,
            expected,
            got,
            f"{category}: detail pages are not in the order of the summary list",
        )
        found.append(issue)
    return found


def _sort_key(i: Inconsistency) -> tuple[bool, int, tuple[int, ...], str, str]:
    return (i.kind not in READING_KINDS, SEVERITY_ORDER[i.severity], i.pages, i.kind, i.territory)


def _category_of(m: Match) -> str:
    side = m.summary or m.laureate
    assert side is not None
    return side.category


def inconsistencies(edition: Edition, matches: list[Match]) -> tuple[Inconsistency, ...]:
    """Every inconsistency of an edition: what was not read first, then errors, then by page.

    The entries of a summary list that was not understood are not reported one by
    one as missing or unlisted: one `layout_not_understood` finding says so instead.
    """
    read = reading(edition, matches)
    repeats = duplicates(edition.laureates)
    found: list[Inconsistency] = list(read.findings)
    for m in matches:
        if m.summary and m.laureate:
            found += _pair_rules(m.summary, m.laureate)
        elif _category_of(m) not in read.not_understood:
            found += _unmatched_rules(m, repeats)
    for lau in edition.laureates:
        found += _statement_rules(lau)
    found += _count_rules(edition, read.not_understood)
    found += _order_rules(matches)
    return tuple(sorted(found, key=_sort_key))
