"""Property tests: directories drawn by three producers, with their truth.

Each directory has its own content, categories, fonts, layout families and
wording (tests/gen). Three producers print them: reportlab (drawn page by page),
HTML/CSS printed by headless Chromium, and office documents converted by
LibreOffice. For every one the pipeline must recover every field of every
record and entry, find every injected inconsistency on the right record, report
no error on a clean directory, and read the same records with both backends.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from extract.pipeline import Failure, Options, Result, extract_many
from gen import INJECTION_KINDS, Layout, Truth
from gen.design import FAMILIES
from gen.draw import seed_layout
from gen.producers import PRODUCERS, make_directories
from test_backends import same_records
from truthcheck import hidden_breaks, mismatches

RANDOM_SEEDS = range(30)
# reportlab seeds beyond that range that once exposed a bug, drawn with the layouts
# they had then (tests/fixtures/README.md).
REGRESSION_SEEDS = (56, 80, 98, 124)
INJECTION_SEEDS: dict[str, tuple[int, ...]] = {
    "reportlab": (1000, 1001),
    "chromium": (1000,),
    "libreoffice": (1000,),
}
# Besides its own kind, what an injection legitimately also causes.
CONSEQUENCES: dict[str, set[str]] = {
    "category_mismatch": {"count_mismatch"},
    "missing_detail": {"count_mismatch"},
    "unlisted_detail": {"count_mismatch"},
    "duplicate_record": {"count_mismatch"},
}
COMBINED = Layout(
    detail_columns=2,
    long_records=True,
    long_names=True,
    summary_layout="cards",
    heading_case="title",
    heading_colon="none",
    apports_form="bare",
    statement_verb="décerné à",
    statement_form="bare",
    banner_dash="—",
    banner_case="title",
    summary_title="plain",
    summary_case="upper_noaccent",
    running="both",
    page_number_style="of_total",
    font_family="times",
    body_size=9.5,
)
Spec = tuple[str, str, int, Any, tuple[str, ...]]  # name, producer, seed, layout, injections


@dataclass(frozen=True)
class Case:
    truth: Truth
    outcome: Result | Failure
    # The same PDF read with the other backend (random seeds only).
    other: Result | Failure | None = None


def _specs() -> list[Spec]:
    specs: list[Spec] = []
    for producer in PRODUCERS:
        specs += [(f"{producer}-{s}", producer, s, None, ()) for s in RANDOM_SEEDS]
        specs += [
            (f"{producer}-inject-{kind}-{s}", producer, s, None, (kind,))
            for kind in INJECTION_KINDS
            for s in INJECTION_SEEDS[producer]
        ]
    specs += [
        (f"reportlab-{s}", "reportlab", s, seed_layout(s, families=False), ())
        for s in REGRESSION_SEEDS
    ]
    specs.append(("reportlab-combined", "reportlab", 7, COMBINED, ()))
    return specs


def _build(tmp: Path, specs: list[Spec]) -> dict[str, tuple[Path, Truth]]:
    built: dict[str, tuple[Path, Truth]] = {}
    for producer in PRODUCERS:
        mine = [s for s in specs if s[1] == producer]
        items = [
            (tmp / f"{name}.pdf", seed, layout, inject) for name, _, seed, layout, inject in mine
        ]
        truths = make_directories(producer, items)
        for (name, *_), (path, *_), truth in zip(mine, items, truths, strict=True):
            built[name] = (path, truth)
    return built


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    built = _build(tmp_path_factory.mktemp("generated"), _specs())
    names = list(built)
    paths = [built[name][0] for name in names]
    read = extract_many(paths, Options(jobs=2))
    plain = [n for n in names if "inject" not in n and "combined" not in n]
    other = extract_many([built[n][0] for n in plain], Options(backend="pdfplumber", jobs=2))
    others = dict(zip(plain, other, strict=True))
    return {
        name: Case(built[name][1], outcome, others.get(name))
        for name, outcome in zip(names, read, strict=True)
    }


def _result(outcome: Result | Failure | None) -> Result:
    assert isinstance(outcome, Result), outcome
    return outcome


RANDOM = [f"{p}-{s}" for p in PRODUCERS for s in RANDOM_SEEDS]
REGRESSIONS = [f"reportlab-{s}" for s in REGRESSION_SEEDS]


@pytest.mark.parametrize("name", RANDOM + REGRESSIONS)
def test_every_field_is_recovered(corpus: dict[str, Case], name: str) -> None:
    case = corpus[name]
    assert mismatches(case.truth, _result(case.outcome)) == []


@pytest.mark.parametrize("name", RANDOM)
def test_a_clean_directory_has_no_error(corpus: dict[str, Case], name: str) -> None:
    rec = _result(corpus[name].outcome).reconciliation
    assert [i.kind for i in rec.inconsistencies if i.severity != "info"] == []
    assert all(m.status == "matched" for m in rec.matches)


@pytest.mark.parametrize("name", RANDOM + REGRESSIONS)
def test_both_backends_read_the_same_records(corpus: dict[str, Case], name: str) -> None:
    case = corpus[name]
    problem = same_records(_result(case.other).tables, _result(case.outcome).tables)
    assert problem is None, problem


def test_combined_layout_features(corpus: dict[str, Case]) -> None:
    """Two-column flow, page-spanning records, cards, renamed categories, heading variants."""
    case = corpus["reportlab-combined"]
    result = _result(case.outcome)
    assert any(lau.page_end > lau.page_start for lau in case.truth.laureates)
    assert mismatches(case.truth, result) == []
    for table in result.tables.values():
        for row in table.to_pylist():
            for value in row.values():
                if isinstance(value, str):
                    assert not any(f in value for f in case.truth.footer_texts if len(f) > 8)


@pytest.mark.parametrize("producer", list(PRODUCERS))
def test_every_layout_family_is_drawn(corpus: dict[str, Case], producer: str) -> None:
    """The seeds of the run meet every value of every family with every producer."""
    seen = Counter(pair for s in RANDOM_SEEDS for pair in corpus[f"{producer}-{s}"].truth.families)
    missing = [(k, v) for k, values in FAMILIES.items() for v in values if not seen[(k, v)]]
    assert missing == []


# Share of paragraph breaks each producer's layouts may hide. Chromium balances
# CSS columns: a section of a few paragraphs is set in two short columns, so
# many more paragraphs end on a column's foot than with reportlab's or
# LibreOffice's flowing columns (1.4 % of breaks were lost on the 30 seeds when
# this was measured, against 0.15 % and 0.36 %).
HIDDEN_BREAKS = {"reportlab": 0.005, "libreoffice": 0.005, "chromium": 0.02}


@pytest.mark.parametrize("producer", list(PRODUCERS))
def test_paragraph_breaks_hidden_by_print_are_rare(corpus: dict[str, Case], producer: str) -> None:
    """A paragraph ending on a full line at the foot of a column is invisible in
    print; those are the only differences allowed, and they must stay rare."""
    lost = total = 0
    for s in RANDOM_SEEDS:
        case = corpus[f"{producer}-{s}"]
        missed, breaks = hidden_breaks(case.truth, _result(case.outcome))
        lost, total = lost + missed, total + breaks
    assert total > 1000
    assert lost <= HIDDEN_BREAKS[producer] * total, f"{lost} of {total} breaks lost"


INJECTED = [
    (f"{producer}-inject-{kind}-{s}", kind)
    for producer in PRODUCERS
    for kind in INJECTION_KINDS
    for s in INJECTION_SEEDS[producer]
]


@pytest.mark.parametrize(("name", "kind"), INJECTED)
def test_each_injected_inconsistency_is_found(
    corpus: dict[str, Case], name: str, kind: str
) -> None:
    case = corpus[name]
    result = _result(case.outcome)
    (injected,) = case.truth.injected
    found = [i for i in result.reconciliation.inconsistencies if i.kind == kind]
    assert found, f"{kind} not reported"
    if injected.category:
        found = [i for i in found if injected.category in (i.category, i.expected, i.found)]
    if injected.territory and kind != "order_mismatch":
        found = [i for i in found if injected.territory in (i.territory, i.expected, i.found)]
    if kind == "order_mismatch":
        found = [i for i in found if injected.territory in i.expected]
    assert found, f"{kind} reported, but not for {injected}"
    others = {
        i.kind
        for i in result.reconciliation.inconsistencies
        if i.severity != "info" and i.kind != kind
    }
    assert others <= CONSEQUENCES.get(kind, set())
    assert mismatches(case.truth, result) == []
