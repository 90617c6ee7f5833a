"""Self-checks of the synthetic directory generator in tests/gen (no extractor involved)."""

from __future__ import annotations

import dataclasses
import functools
import random
import re
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings

from gen import (
    INJECTION_KINDS,
    Layout,
    Truth,
    draw_edition,
    layouts,
    make_directory,
    random_layout,
    render_pdf,
)
from gen import wording as W
from gen.compose import TextOp
from gen.design import FAMILIES
from gen.draw import seed_layout
from gen.layout import width
from gen.phrases import CATEGORIES, LONG_CATEGORIES
from gen.render import Spec
from gen.truth import TLaureate

SEEDS = list(range(20))
# Layouts of the PDF checks, by seed: between them they draw every value of every
# dimension of design.FAMILIES (test_every_family_is_drawn).
VARIED: list[dict[str, object]] = [
    {
        "detail_columns": 2,
        "summary_layout": "cards",
        "font_family": "vera",
        "card_frame": True,
        "card_columns": 2,
        "summary_table": False,
        "banner_form": "one_line",
        "entry_order": "title/territory+tag",
        "section_heading": "above",
        "spill": False,
        "running": "header",
        "running_style": "plain",
        "page_number_style": "plain",
        "page_of_total": False,
    },
    {
        "detail_columns": 1,
        "summary_layout": "columns",
        "font_family": "times",
        "summary_table": False,
        "banner_form": "two_lines",
        "banner_long": True,
        "banner_box": "narrow",
        "banner_align": "left",
        "banner_style": "band",
        "entry_order": "title/territory/tag",
        "section_heading": "margin",
        "spill": True,
        "running": "both",
        "running_style": "letterspaced",
        "page_number_style": "plain",
        "page_of_total": True,
    },
    {
        "detail_columns": 2,
        "summary_layout": "list",
        "long_names": True,
        "long_records": True,
        "summary_table": True,
        "table_vrules": True,
        "table_header": True,
        "banner_form": "three_lines",
        "banner_box": "centred",
        "banner_align": "centre",
        "banner_style": "plain",
        "entry_order": "tag/title/territory",
        "section_heading": "runin",
        "spill": True,
        "running": "header",
        "running_style": "smallcaps",
        "page_number_style": "dashes",
    },
    {
        "summary_layout": "cards",
        "page_size": "Letter",
        "running": "both",
        "jury_columns": 2,
        "summary_table": False,
        "card_columns": 3,
        "card_frame": False,
        "card_gap": "narrow",
        "banner_form": "split",
        "banner_box": "full",
        "banner_style": "band",
        "split_scale": 0.6,
        "entry_order": "territory/title/tag",
        "section_heading": "margin",
        "detail_columns": 2,
        "spill": False,
        "running_style": "smallcaps",
        "page_number_style": "none",
    },
    {
        "summary_table": True,
        "table_vrules": False,
        "table_header": False,
        "banner_form": "split",
        "banner_box": "centred",
        "banner_align": "centre",
        "banner_style": "plain",
        "entry_order": "tag/territory/title",
        "section_heading": "runin",
        "detail_columns": 1,
        "spill": True,
        "running": "footer",
        "page_number_style": "of_total",
        "page_of_total": False,
    },
    {
        "summary_table": False,
        "summary_layout": "cards",
        "card_columns": 3,
        "card_frame": True,
        "card_gap": "normal",
        "banner_form": "two_lines",
        "banner_long": True,
        "banner_box": "centred",
        "banner_style": "band",
        "entry_order": "title/territory+tag",
        "section_heading": "margin",
        "detail_columns": 2,
        "spill": True,
        "running": "both",
        "running_style": "plain",
        "page_number_style": "page",
        "long_names": True,
    },
    {
        "summary_table": False,
        "summary_layout": "list",
        "banner_form": "three_lines",
        "banner_long": True,
        "banner_box": "narrow",
        "banner_align": "left",
        "banner_style": "band",
        "banner_tracking": 2.2,
        "entry_order": "tag/territory/title",
        "section_heading": "above",
        "detail_columns": 1,
        "spill": False,
        "running": "header",
        "running_style": "letterspaced",
        "page_number_style": "plain",
        "page_of_total": True,
    },
]


@functools.cache
def _drawn(seed: int, varied: bool) -> tuple[Truth, Spec]:
    """Drawn once for all the tests: with the layout of the PDF checks, or from the seed."""
    return draw_edition(seed, _layout(seed) if varied else None)


def _layout(seed: int) -> Layout:
    layout = random_layout(random.Random(1000 + seed))
    return dataclasses.replace(layout, **VARIED[seed % len(VARIED)])  # type: ignore[arg-type]


def _words(text: str) -> set[str]:
    return set(text.split())


def _flat(text: str) -> str:
    return " ".join(text.split())


def _key(territory: str, project: str) -> tuple[str, str]:
    return territory, project


def _banner_words(lau: TLaureate, layout: Layout) -> set[str]:
    if layout.banner_form == "split":
        return _words(" ".join(W.banner_parts(lau.tier, lau.category, layout)))
    return _words(W.banner_text(lau.tier, lau.category, layout))


def _spills(spec: Spec, truth: Truth) -> list[TLaureate]:
    """Records whose last page (not their first) holds 1 to 4 lines, read from the ops."""
    out = []
    for lau in truth.laureates:
        ops = [op for op in spec.pages[lau.page_end - 1] if isinstance(op, TextOp)]
        body = {round(op.y) for op in ops if op.size >= spec.layout.body_size}
        if lau.page_end > lau.page_start and 1 <= len(body) <= 4:
            out.append(lau)
    return out


@pytest.mark.parametrize("seed", SEEDS)
def test_pdf_holds_truth(seed: int, tmp_path: Path) -> None:  # noqa: C901 - one check per part
    truth, spec = _drawn(seed, True)
    layout = spec.layout
    families = dict(truth.families)
    path = tmp_path / "dir.pdf"
    render_pdf(spec, path)
    n_min = 3 + len({e.category for e in truth.summary_entries}) + len(truth.laureates)
    # Everything on seed 0; on the others (pdfplumber is slow) two categories and three records.
    laureates, entries = truth.laureates, truth.summary_entries
    if seed:
        laureates = laureates[:: max(1, len(laureates) // 2)]
        cats = (entries[0].category, entries[-1].category)
        entries = tuple(e for e in entries if e.category in cats)
    spilled = _spills(spec, truth)
    assert (families["spill"] == "yes") == bool(spilled)
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == len(spec.pages)
        assert n_min <= len(pdf.pages) <= 3 * n_min
        cache: dict[int, str] = {}

        def text(page: int) -> str:
            if page not in cache:
                cache[page] = pdf.pages[page - 1].extract_text()
            return cache[page]

        for entry in entries:
            assert _words(entry.project) <= _words(text(entry.page)), entry
            assert _words(entry.territory) <= _words(text(entry.page)), entry
            tag = W.summary_tag(entry.tier, layout)
            assert _words(tag) <= _words(text(entry.page)), entry
        for lau in laureates:
            page = _flat(text(lau.page_start))
            assert lau.territory in page and lau.project in page, lau
            assert _banner_words(lau, layout) <= _words(page), lau
            assert lau.page_start <= lau.page_end
            if lau.page_end == lau.page_start and not lau.has_partners:
                assert lau.contributions.split()[-1] in _words(page), lau
        for lau in spilled[:1]:  # its last lines alone under the running header
            if not lau.has_partners:
                assert lau.contributions.split()[-1] in _words(text(lau.page_end)), lau
            furniture = [*truth.footer_texts, *(f"page {lau.page_end} /", f"– {lau.page_end} –")]
            lines = [
                line
                for line in text(lau.page_end).splitlines()
                if not any(f in line for f in furniture)
                and line.strip() != str(lau.page_end)
                and not re.fullmatch(r"(Page )?\d+( / \d+)?", line.strip())
            ]
            assert 1 <= len(lines) <= 4, (lau, lines)
        total = len(spec.pages)
        for page in cache:
            for footer in truth.footer_texts:
                assert footer in text(page), (page, footer)
            if families["page_number"] == "page_of_total" and layout.page_of_total:
                assert f"page {page} / {total}" in text(page)
    assert truth.stated_labelled == len(truth.laureates)


def test_every_family_is_drawn() -> None:
    """The seeds of the PDF checks, and the random seeds, draw every layout family."""
    for seeds, varied in ((SEEDS, True), (range(40), False)):
        seen: dict[str, set[str]] = {name: set() for name in FAMILIES}
        for seed in seeds:
            truth, _ = _drawn(seed, varied)
            assert truth.producer == "reportlab"
            assert [name for name, _ in truth.families[: len(FAMILIES)]] == list(FAMILIES)
            for name, value in truth.families[: len(FAMILIES)]:
                seen[name].add(value)
        assert seen == {name: set(values) for name, values in FAMILIES.items()}


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


@pytest.mark.parametrize("seed", range(40))
def test_without_injection_fully_consistent(seed: int) -> None:
    truth, spec = _drawn(seed, False)
    _consistent(truth)
    assert 2 <= len({e.category for e in truth.summary_entries}) <= 6
    for lau in truth.laureates:
        assert lau.category in CATEGORIES + LONG_CATEGORIES
        fields = (lau.territory, lau.project, lau.description, lau.innovation, lau.contributions)
        for footer in truth.footer_texts:
            assert all(footer not in f for f in fields)
    layout = spec.layout
    right = layout.size[0] - layout.margin_right + 0.5
    for ops in spec.pages[1:]:
        for op in ops:
            if not isinstance(op, TextOp):
                continue
            # Never wrap after a hyphen or a dash, but for a banner's spaced dash ("LABEL OR –").
            if not re.fullmatch(r"[–\d ]+", op.text) and op.text.endswith(("-", "–", "—")):
                assert op.font == layout.fonts[1] and re.search(r" [-–—]$", op.text), op.text
                assert op.text.upper().startswith("LABEL "), op.text
            if "•" in op.text:  # pdfminer: (cid:127) in std fonts
                assert op.font == "Vera", op
            # Within the margins.
            assert op.x >= layout.margin_left - 0.5, op
            assert op.x + width(op.text, op.font, op.size) + op.char_space * len(op.text) <= right
            assert op.y >= layout.margin_bottom - 0.5, op


def test_plain_families() -> None:
    """seed_layout() is the layout a seed draws; plain_families() the one it drew before the
    layout families (checked against that time's generator: same pages on every seed)."""
    for seed in range(6):
        assert draw_edition(seed, seed_layout(seed))[0] == _drawn(seed, False)[0]
        truth, _ = draw_edition(seed, seed_layout(seed, families=False))
        drawn = dict(truth.families)
        assert drawn["banner"] == "one_line" and drawn["section_heading"] == "above"
        assert drawn["entry_order"] == "title/territory+tag"
        assert drawn["summary"] in ("list", "cards2") and drawn["running_header"] != "smallcaps"


def test_deterministic_bytes(tmp_path: Path) -> None:
    for seed, layout in ((3, _layout(0)), (7, None)):
        a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
        assert make_directory(a, seed, layout, ("tier_mismatch",)) == make_directory(
            b, seed, layout, ("tier_mismatch",)
        )
        assert a.read_bytes() == b.read_bytes()


def _by_ter(truth: Truth) -> tuple[dict[str, object], dict[str, object]]:
    return {e.territory: e for e in truth.summary_entries}, {
        lau.territory: lau for lau in truth.laureates
    }


def _reflected(kind: str, truth: Truth) -> bool:  # noqa: C901 - one check per kind
    entries, details = _by_ter(truth)
    inj = next(i for i in truth.injected if i.kind == kind)
    e, d = entries.get(inj.territory), details.get(inj.territory)
    if kind == "tier_mismatch":
        return e.tier != d.tier  # type: ignore[union-attr]
    if kind == "tier_statement_mismatch":
        return d.tier != d.tier_statement  # type: ignore[union-attr]
    if kind == "category_mismatch":
        return e.category != d.category == inj.category  # type: ignore[union-attr]
    if kind == "missing_detail":
        return e is not None and d is None
    if kind == "unlisted_detail":
        return d is not None and e is None
    if kind == "duplicate_record":
        counts = Counter((lau.territory, lau.project) for lau in truth.laureates)
        return counts[(inj.territory, d.project)] == 2  # type: ignore[union-attr]
    if kind == "count_mismatch":
        distinct = {(lau.territory, lau.project) for lau in truth.laureates}
        return truth.stated_labelled != len(distinct)
    if kind == "order_mismatch":
        in_summary = [x.territory for x in truth.summary_entries if x.category == inj.category]
        in_detail = [x.territory for x in truth.laureates if x.category == inj.category]
        return in_summary != in_detail and sorted(in_summary) == sorted(in_detail)
    if kind == "territory_name_variant":
        lau = details[inj.territory]
        entry = next(x for x in truth.summary_entries if x.project == lau.project)  # type: ignore[attr-defined]
        return entry.territory != inj.territory
    lau = details[inj.territory]
    return e.project != lau.project and lau.project.startswith(e.project)  # type: ignore[attr-defined,union-attr]


@pytest.mark.parametrize("kind", INJECTION_KINDS)
def test_each_injection_reflected(kind: str) -> None:
    for seed in range(6):
        truth, _ = draw_edition(seed, inject=(kind,))
        assert [i.kind for i in truth.injected] == [kind]
        assert _reflected(kind, truth), (seed, truth.injected)


def test_all_injections_together() -> None:
    for seed in range(5):
        truth, _ = draw_edition(seed, inject=INJECTION_KINDS)
        assert sorted(i.kind for i in truth.injected) == sorted(INJECTION_KINDS)
        territories = [i.territory for i in truth.injected if i.kind != "count_mismatch"]
        assert len(set(territories)) == len(territories)


def test_no_reference_categories() -> None:
    banned = {
        "INCLUSION SOCIALE",
        "DÉVELOPPEMENT ÉCONOMIQUE",
        "RELATIONS AUX CITOYENS",
        "MODERNISER LE SERVICE PUBLIC",
        "NUMÉRIQUE ET ENVIRONNEMENT",
        "TERRITOIRE DURABLE ET CONNECTÉ",
    }
    assert len(CATEGORIES) >= 12 and not banned & set(CATEGORIES)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layout=layouts())
def test_any_layout_typesets(layout: Layout) -> None:
    truth, spec = draw_edition(11, layout, ("order_mismatch", "duplicate_record"))
    assert spec.layout == layout and len(truth.laureates) >= 2
    assert all(1 <= lau.page_start <= lau.page_end <= len(spec.pages) for lau in truth.laureates)
