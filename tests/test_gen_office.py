"""Self-checks of the LibreOffice producer in tests/gen (odf, office), without the extractor."""

from __future__ import annotations

import random
import re
import shutil
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import pdfplumber
import pytest

from gen import INJECTION_KINDS, TEntry, TLaureate, Truth
from gen.design import FAMILIES, Design, random_design
from gen.odf import LOOKS, draw_odf
from gen.office import make_odf_directories

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)

DRAFT_SEEDS = range(40)
BANNER_LINES = {"one_line": 1, "two_lines": 2, "three_lines": 3, "split": 2}


def _cycled(k: int) -> Design:
    """The k-th design of a batch that draws every value of every family in 5 documents."""
    base = random_design(random.Random(500 + k))
    return replace(base, **{name: values[k % len(values)] for name, values in FAMILIES.items()})


# Seeds of short editions whose looks differ (fonts, banner boxes, cards, bullets).
CYCLED_SEEDS = (330, 311, 309, 322, 333)
BATCH: list[tuple[str, int, Design | None, tuple[str, ...]]] = [
    (f"cycled-{k}", seed, _cycled(k), ()) for k, seed in enumerate(CYCLED_SEEDS)
]
BATCH.append(("random-injected", 38, None, ("duplicate_record", "category_mismatch")))
# "LABEL ARGENT – ATTRACTIVITÉ ET DÉVELOPPEMENT ÉCONOMIQUE DES TERRITOIRES" in DejaVu Serif
# capitals, on two lines of a narrow A4 page: it needs a banner smaller than 0.7 of its size.
LONG_BANNER = 5019
LONG_BANNER_DESIGN = Design(
    banner="two_lines", summary="table", entry_order="title/territory/tag", section_heading="runin"
)  # the seed's own
BATCH.append(("long-banner", LONG_BANNER, LONG_BANNER_DESIGN, ()))


@dataclass(frozen=True)
class Made:
    path: Path
    truth: Truth
    design: Design | None


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> list[Made]:
    tmp = tmp_path_factory.mktemp("office")
    items = [(tmp / f"{name}.pdf", seed, design, inject) for name, seed, design, inject in BATCH]
    truths = make_odf_directories(items)
    return [Made(path, t, d) for (path, _, d, _), t in zip(items, truths, strict=True)]


def _words(text: str) -> set[str]:
    """Words, also cut at hyphens (a name may wrap after one)."""
    return {w for w in re.split(r"[\s\-]+", text.casefold()) if w}


def _consistent(truth: Truth) -> None:
    pairs = [(e.category, e.tier, e.territory, e.project) for e in truth.summary_entries]
    detail = [(lau.category, lau.tier, lau.territory, lau.project) for lau in truth.laureates]
    assert pairs == detail
    assert all(lau.tier == lau.tier_statement for lau in truth.laureates)
    assert truth.stated_labelled == len(truth.laureates)
    assert truth.injected == ()
    for cat in {e.category for e in truth.summary_entries}:
        positions = [e.position for e in truth.summary_entries if e.category == cat]
        assert positions == list(range(1, len(positions) + 1))


def _reflected(kind: str, truth: Truth) -> bool:
    """Whether the truth shows the injected inconsistency of `kind` (one injection)."""
    inj = truth.injected[0]
    entries = {e.territory: e for e in truth.summary_entries}
    details = {lau.territory: lau for lau in truth.laureates}
    e, d = entries.get(inj.territory), details.get(inj.territory)
    in_summary = [x.territory for x in truth.summary_entries if x.category == inj.category]
    in_detail = [x.territory for x in truth.laureates if x.category == inj.category]
    distinct = {(lau.territory, lau.project) for lau in truth.laureates}

    def entry_of(lau: TLaureate | None) -> TEntry:
        assert lau is not None
        return next(x for x in truth.summary_entries if x.project == lau.project)

    checks = {
        "tier_mismatch": lambda: e.tier != d.tier,
        "tier_statement_mismatch": lambda: d.tier != d.tier_statement,
        "category_mismatch": lambda: e.category != d.category == inj.category,
        "missing_detail": lambda: e is not None and d is None,
        "unlisted_detail": lambda: d is not None and e is None,
        "duplicate_record": lambda: (
            Counter((lau.territory, lau.project) for lau in truth.laureates)[
                (inj.territory, d.project)
            ]
            == 2
        ),
        "count_mismatch": lambda: truth.stated_labelled != len(distinct),
        "order_mismatch": lambda: (
            in_summary != in_detail and sorted(in_summary) == sorted(in_detail)
        ),
        "territory_name_variant": lambda: entry_of(d).territory != inj.territory,
        "project_title_variant": lambda: e.project != d.project and d.project.startswith(e.project),
    }
    return bool(checks[kind]())  # type: ignore[no-untyped-call]


def test_truth_consistent_without_injection() -> None:
    for seed in DRAFT_SEEDS:
        draft = draw_odf(seed)
        _consistent(draft.truth)
        assert draft.truth.producer == "libreoffice"
        assert draft.fodt == draw_odf(seed).fodt
        cats = {e.category for e in draft.truth.summary_entries}
        assert 2 <= len(cats) <= 6


@pytest.mark.parametrize("kind", INJECTION_KINDS)
def test_each_injection_reflected(kind: str) -> None:
    for seed in range(6):
        truth = draw_odf(seed, inject=(kind,)).truth
        assert [i.kind for i in truth.injected] == [kind]
        assert _reflected(kind, truth), (seed, truth.injected)


def test_every_family_drawn() -> None:
    seen: dict[str, set[str]] = {}
    for seed in DRAFT_SEEDS:
        for name, value in draw_odf(seed).truth.families:
            seen.setdefault(name, set()).add(value)
    for name, values in {**FAMILIES, **LOOKS}.items():
        assert seen[name] == set(values), name


def test_batch_draws_every_design_value(made: list[Made]) -> None:
    for name, values in FAMILIES.items():
        drawn = {dict(m.truth.families)[name] for m in made}
        assert drawn >= set(values), name


class Pages:
    def __init__(self, path: Path) -> None:
        self.pdf = pdfplumber.open(path)
        self.cache: dict[int, str] = {}

    def text(self, page: int) -> str:
        if page not in self.cache:
            self.cache[page] = self.pdf.pages[page - 1].extract_text()
        return self.cache[page]

    def words(self, *pages: int) -> set[str]:
        return set().union(*(_words(self.text(p)) for p in pages))


def _banner_lines(text: str, lau_words: set[str]) -> int:
    """Lines just above the statement ("… attribué à") made only of banner words."""
    lines = text.splitlines()
    at = next(k for k, line in enumerate(lines) if _words(line) & {"attribué", "décerné"})
    count = 0
    while at - count - 1 >= 0 and _words(lines[at - count - 1]) <= lau_words:
        count += 1
    return count


def _check(m: Made, pages: Pages) -> None:
    truth = m.truth
    n_pages = len(pages.pdf.pages)
    assert "Annuaire" in pages.text(1) and str(truth.edition_year) in pages.text(1)
    for entry in truth.summary_entries:
        assert _words(entry.project) | _words(entry.territory) <= pages.words(entry.page), entry
    if m.design is not None and m.design.summary == "list":  # a real "•" before every entry
        for page in {e.page for e in truth.summary_entries}:
            listed = sum(e.page == page for e in truth.summary_entries)
            assert pages.text(page).count("•") == listed, page
    starts = sorted(
        {e.page for e in truth.summary_entries} | {lau.page_start for lau in truth.laureates}
    )
    assert len(starts) == len({e.category for e in truth.summary_entries}) + len(truth.laureates)
    for lau in truth.laureates:
        assert 1 < lau.page_start <= lau.page_end < n_pages
        first = pages.words(lau.page_start)
        assert _words(lau.territory) | _words(lau.project) <= first, lau
        body = _words(" ".join((lau.description, lau.innovation, lau.contributions)))
        assert body <= pages.words(*range(lau.page_start, lau.page_end + 1)), lau
        if m.design is not None:
            banner = _words(f"label {lau.tier} – — {lau.category}")
            found = _banner_lines(pages.text(lau.page_start), banner)
            assert found == BANNER_LINES[m.design.banner], (lau.page_start, m.design.banner)
    for page in pages.cache:
        if page > 1:
            for text in truth.footer_texts:
                assert _words(text) <= _words(pages.text(page)), (page, text)


@pytest.mark.parametrize("index", range(len(BATCH)))
def test_pdf_holds_truth(made: list[Made], index: int) -> None:
    m = made[index]
    pages = Pages(m.path)
    try:
        _check(m, pages)
        page2 = pages.text(2)
        assert "•" in page2  # jury and criteria bullets: a real U+2022 in the text layer
        assert not re.search("[\u2060\ue000-\uf8ff]", page2)
    finally:
        pages.pdf.close()
