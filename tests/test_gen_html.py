"""Self-checks of the HTML/CSS producer (tests/gen/html.py), without the extractor.

Its directories are printed by Debian's headless Chromium, all in one batch
(one browser); the truth's pages come from the PDF's outline, and the page
text read here with pdfplumber must hold each entry and record where the
truth says.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from gen import INJECTION_KINDS, Truth
from gen.design import FAMILIES, Design
from gen.html import PRODUCER, draw_html, make_html_directories
from gen.htmlstyle import PT_PER_MM, VARIETIES
from gen.outline import marks
from gen.phrases import CATEGORIES, LONG_CATEGORIES
from gen.printed import check_printed, missing_words, pdf_words, plumbed_words

# The first twelve seeds draw every value of every family (test_every_family_is_drawn).
SEEDS = tuple(range(12))
ALL_INJECTED = 12  # one more directory, with every injection at once
READ_FULLY = (0, 9)  # seeds whose every entry and record is looked for in the page text
# Headings in DejaVu Serif at a line height of 1.25 whose outline once held a line with an
# accented capital twice: the summary title it opens a page with ("MOBILITÉS DURABLES"), and
# the second line of one before cards in columns that go on over the next page.
ACCENTED_TITLES = {
    5020: "MOBILITÉS DURABLES",
    5104: "Catégorie – Attractivité et Développement Économique des Territoires",
}
# Margin headings beside a body in two columns, once a grid: a record's section that
# went on over a page break lost its lines there, and the whole document was shrunk.
CLIPPED = (5038, 5049, 5058, 5088)
# Letters set a point back, as text objects of their own: pdfium's page text breaks the
# line inside the word. Seed: (page, the word as pdfium's text has it).
LETTERS_SET_BACK = {
    17083: (36, "entr\r\ne"),  # a justified line's last letter
    18051: (5, "7\r\n9\r\n0\r\n0\r\n0"),  # every letter of the page
}


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Truth, Path]]:
    tmp = tmp_path_factory.mktemp("html")
    items: list[tuple[Path, int, Design | None, tuple[str, ...]]] = [
        (tmp / f"html-{seed}.pdf", seed, None, ()) for seed in SEEDS
    ]
    items += [
        (tmp / f"html-{seed}.pdf", seed, None, ())
        for seed in (*ACCENTED_TITLES, *CLIPPED, *LETTERS_SET_BACK)
    ]
    items.append((tmp / "html-injected.pdf", ALL_INJECTED, None, INJECTION_KINDS))
    truths = make_html_directories(items)
    return {seed: (truth, path) for (path, seed, *_), truth in zip(items, truths, strict=True)}


@pytest.mark.parametrize("seed", ACCENTED_TITLES)
def test_an_accented_heading_has_one_bookmark(
    printed: dict[int, tuple[Truth, Path]], seed: int
) -> None:
    _, path = printed[seed]
    style = draw_html(seed).style
    assert (style.heading_font, style.line_height) == ("DejaVu Serif", 1.25)
    title = "".join(ACCENTED_TITLES[seed].split())  # a bookmark loses the spaces of wraps
    found = ["".join(m.title.split()) for m in marks(path)]
    assert [t for t in found if title in t] == [title]


@pytest.mark.parametrize("seed", CLIPPED)
def test_margin_sections_in_two_columns_print_every_word(
    printed: dict[int, tuple[Truth, Path]], seed: int
) -> None:
    truth, path = printed[seed]
    style = draw_html(seed).style
    assert dict(truth.families)["section_heading"] == "margin"
    assert dict(truth.families)["detail_columns"] == "2"
    assert missing_words(truth, path) == Counter()
    with pdfplumber.open(path) as pdf:  # printed at its own size, not shrunk to fit
        record = pdf.pages[truth.laureates[0].page_start - 1]
        sizes = Counter(round(char["size"], 1) for char in record.chars)
    assert sizes.most_common(1)[0][0] == pytest.approx(style.body_size, abs=0.05)


@pytest.mark.parametrize("seed", LETTERS_SET_BACK)
def test_a_word_broken_by_pdfium_s_text_is_printed(
    printed: dict[int, tuple[Truth, Path]], seed: int
) -> None:
    truth, path = printed[seed]
    number, broken = LETTERS_SET_BACK[seed]
    pdf = pdfium.PdfDocument(path)
    try:
        text = pdf[number - 1].get_textpage().get_text_range()
    finally:
        pdf.close()
    assert broken in text
    assert (
        pdf_words(path)[broken.replace("\r\n", "")]
        < plumbed_words(path)[broken.replace("\r\n", "")]
    )
    assert missing_words(truth, path) == Counter()


def test_a_word_not_printed_is_named(printed: dict[int, tuple[Truth, Path]]) -> None:
    truth, path = printed[0]
    check_printed(truth, path, 0)
    lau = truth.laureates[-1]
    ghost = dataclasses.replace(lau, contributions=lau.contributions + " Fantômal fantômal.")
    lost = dataclasses.replace(truth, laureates=(*truth.laureates[:-1], ghost))
    with pytest.raises(AssertionError, match=r"seed 0: .* lacks 2 words .*fantômal×2"):
        check_printed(lost, path, 0)


def _words(text: str) -> set[str]:
    """Words, also cut at hyphens: a line may break after "Saint-"."""
    return {w for w in re.split(r"[\s-]+", text) if w}


def test_every_family_is_drawn() -> None:
    drawn = Counter(pair for seed in SEEDS for pair in draw_html(seed).truth.families)
    wanted = [(name, value) for name, values in FAMILIES.items() for value in values]
    wanted += [("variety", v) for v in VARIETIES]
    assert [pair for pair in wanted if not drawn[pair]] == []


def _consistent(truth: Truth) -> None:
    pairs = [(e.category, e.tier, e.territory, e.project) for e in truth.summary_entries]
    detail = [(lau.category, lau.tier, lau.territory, lau.project) for lau in truth.laureates]
    assert pairs == detail
    assert all(lau.tier == lau.tier_statement for lau in truth.laureates)
    assert truth.stated_labelled == len(truth.laureates)
    for cat in {e.category for e in truth.summary_entries}:
        positions = [e.position for e in truth.summary_entries if e.category == cat]
        assert positions == list(range(1, len(positions) + 1))


@pytest.mark.parametrize("seed", range(20))
def test_without_injection_fully_consistent(seed: int) -> None:
    draft = draw_html(seed)
    truth = draft.truth
    _consistent(truth)
    assert truth.injected == () and truth.producer == PRODUCER
    assert {lau.category for lau in truth.laureates} <= set(CATEGORIES + LONG_CATEGORIES)
    if draft.design.banner in ("two_lines", "three_lines"):
        assert any(lau.category in LONG_CATEGORIES for lau in truth.laureates)
    for lau in truth.laureates:
        fields = (lau.territory, lau.project, lau.description, lau.innovation, lau.contributions)
        assert not any(footer in f for f in fields for footer in truth.footer_texts)
    # Bullets are text, never list markers; no hyphenation; no web font.
    assert "<li" not in draft.html and "hyphens: auto" not in draft.html
    assert "url(" not in draft.html and "http" not in draft.html
    assert draft.html == draw_html(seed).html


def _reflected(kind: str, truth: Truth) -> bool:  # noqa: C901 - one check per kind
    inj = next(i for i in truth.injected if i.kind == kind)
    entries = {e.territory: e for e in truth.summary_entries}
    details = {lau.territory: lau for lau in truth.laureates}
    e, d = entries.get(inj.territory), details.get(inj.territory)
    if kind == "count_mismatch":
        return truth.stated_labelled != len({(x.territory, x.project) for x in truth.laureates})
    if kind == "order_mismatch":
        listed = [x.territory for x in truth.summary_entries if x.category == inj.category]
        printed = [x.territory for x in truth.laureates if x.category == inj.category]
        return listed != printed and sorted(listed) == sorted(printed)
    if kind == "missing_detail":
        return e is not None and d is None
    if kind == "unlisted_detail":
        return d is not None and e is None
    if kind == "territory_name_variant":
        assert d is not None
        return next(x for x in truth.summary_entries if x.project == d.project).territory != (
            inj.territory
        )
    assert e is not None and d is not None, kind
    if kind == "duplicate_record":
        return Counter(x.territory for x in truth.laureates)[inj.territory] == 2
    return {
        "tier_mismatch": e.tier != d.tier,
        "tier_statement_mismatch": d.tier != d.tier_statement,
        "category_mismatch": e.category != d.category == inj.category,
        "project_title_variant": e.project != d.project and d.project.startswith(e.project),
    }[kind]


@pytest.mark.parametrize("kind", INJECTION_KINDS)
def test_each_injection_reflected(kind: str) -> None:
    for seed in range(6):
        truth = draw_html(seed, inject=(kind,)).truth
        assert [i.kind for i in truth.injected] == [kind]
        assert _reflected(kind, truth), (seed, truth.injected)


def test_all_injections_together() -> None:
    for seed in range(4):
        truth = draw_html(seed, inject=INJECTION_KINDS).truth
        assert sorted(i.kind for i in truth.injected) == sorted(INJECTION_KINDS)
        for kind in INJECTION_KINDS:
            assert _reflected(kind, truth), (seed, kind)


def test_a_given_design_is_kept() -> None:
    design = Design(banner="split", summary="table", detail_columns="2", spill="yes")
    for seed in range(5):
        draft = draw_html(seed, design)
        assert draft.design == design
        assert dict(draft.truth.families)["variety"] in ("styled", "magazine")


def _pages(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def test_pages_are_plausible(printed: dict[int, tuple[Truth, Path]]) -> None:
    spans = []
    for truth, path in printed.values():
        total = _pages(path)
        categories = list(dict.fromkeys(e.category for e in truth.summary_entries))
        assert 3 + len(categories) + len(truth.laureates) <= total
        starts = [lau.page_start for lau in truth.laureates]
        assert starts == sorted(set(starts)) and starts[0] >= 4
        for lau, following in zip(truth.laureates, [*starts[1:], total], strict=True):
            assert lau.page_start <= lau.page_end < following
        entry_pages = [e.page for e in truth.summary_entries]
        assert entry_pages == sorted(entry_pages) and not set(entry_pages) & set(starts)
        spans += [lau.page_end - lau.page_start for lau in truth.laureates]
    assert max(spans) >= 1 and Counter(spans)[0] > len(spans) / 3


def _text_of(pdf: pdfplumber.PDF) -> dict[int, set[str]]:
    return {n: _words(page.extract_text()) for n, page in enumerate(pdf.pages, 1)}


@pytest.mark.parametrize("seed", READ_FULLY)
def test_pdf_text_holds_truth(printed: dict[int, tuple[Truth, Path]], seed: int) -> None:
    truth, path = printed[seed]
    with pdfplumber.open(path) as pdf:
        words = _text_of(pdf)
        cover = pdf.pages[0].extract_text()
        intro = pdf.pages[1].extract_text()
    assert f"Annuaire {truth.edition_year}" in cover and "Label «" in cover
    assert intro.count("•") >= len(truth.jury) + len(truth.criteria)
    for entry in truth.summary_entries:
        assert _words(entry.project) | _words(entry.territory) <= words[entry.page], entry
    for lau in truth.laureates:
        assert _words(lau.territory) | _words(lau.project) <= words[lau.page_start], lau
        span = set().union(*(words[p] for p in range(lau.page_start, lau.page_end + 1)))
        sections = f"{lau.description} {lau.innovation} {lau.contributions}"
        assert _words(sections) <= span, lau
    for page in range(2, len(words) + 1):
        for running in truth.footer_texts:
            assert _words(running) <= words[page], (page, running)
    assert not any(_words(running) <= words[1] for running in truth.footer_texts)


def test_spills_leave_a_few_lines(printed: dict[int, tuple[Truth, Path]]) -> None:
    """With spill="yes", some record's last page holds a few lines of body text only."""
    short = 0
    for seed in SEEDS:
        truth, path = printed[seed]
        style = draw_html(seed).style
        if dict(truth.families)["spill"] != "yes":
            continue
        top, _, bottom, _ = (mm * PT_PER_MM for mm in style.margins)
        pdf = pdfium.PdfDocument(path)
        for lau in truth.laureates:
            if lau.page_end > lau.page_start:
                page = pdf[lau.page_end - 1]
                width, height = page.get_size()
                text = page.get_textpage().get_text_bounded(0, bottom, width, height - top + 2)
                short += 1 <= len([line for line in text.splitlines() if line.strip()]) <= 6
        pdf.close()
    assert short >= 3


def test_first_entries_on_their_pages(printed: dict[int, tuple[Truth, Path]]) -> None:
    for seed in SEEDS:
        truth, path = printed[seed]
        with pdfplumber.open(path) as pdf:
            for entry in truth.summary_entries[:4]:
                text = _words(pdf.pages[entry.page - 1].extract_text())
                assert _words(entry.project) <= text, (seed, entry)
