"""The 2021 sample against its golden records and the text of the original."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from conftest import GOLDEN, SEED
from extract.pipeline import Result

IDENTITY = ("category", "tier", "tier_statement", "territory", "project")
FOOTER_2021 = (
    "LABEL « TERRITOIRE INNOVANT » 2021",
    "Association Réseau des Territoires Innovants - Les Interconnectés",
    "www.interconnectes.com - contact@interconnectes.com - 04.28.29.98.24",
)
SUMMARY_TITLES_2021 = (
    "CATÉGORIE – INCLUSION SOCIALE",
    "DÉVELOPPEMENT ÉCONOMIQUE",
    "Relations aux citoyens",
    "MODERNISER LE SERVICE PUBLIC",
    "NUMERIQUE ET ENVIRONNEMENT",
    "TERRITOIRE DURABLE ET CONNECTÉ",
)
SECTION_HEADINGS = {
    "description": "DESCRIPTION DU PROJET :",
    "innovation": "INNOVATION DU PROJET :",
    "contributions": "LES APPORTS DU PROJET :",
    "partners": "PARTENAIRES :",
}


def golden() -> dict[str, Any]:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def seed_records() -> list[dict[str, str]]:
    """The detail records of the original text, cut by its banners and headings."""
    lines = [
        line
        for line in SEED.read_text(encoding="utf-8").splitlines()
        if line.strip() not in FOOTER_2021 and not line.strip().isdigit()
    ]
    text = "\n".join(lines)
    text = text[: text.index("Votre collectivité porte un projet innovant")]
    blocks = re.split(r"^\s*LABEL (?:OR|ARGENT|BRONZE) – .*$", text, flags=re.M)[1:]
    records = []
    for block in blocks:
        block = re.split(
            "^\\s*(?:" + "|".join(map(re.escape, SUMMARY_TITLES_2021)) + ")\\s*$", block, flags=re.M
        )[0]
        marks = sorted((block.index(h), name) for name, h in SECTION_HEADINGS.items() if h in block)
        record = {}
        for (start, name), nxt in zip(marks, [*marks[1:], (len(block), "")], strict=True):
            record[name] = block[start + len(SECTION_HEADINGS[name]) : nxt[0]]
        records.append(record)
    return records


def test_golden_is_grounded_in_the_original_text() -> None:
    """The expected values are the printed text, not whatever the code said."""
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    expected = golden()
    banners = re.findall(r"LABEL (OR|ARGENT|BRONZE) – ([^\n]+?)\s*$", SEED.read_text(), re.M)
    assert [(t.lower(), c.strip()) for t, c in banners] == [
        (r["tier"], r["category"]) for r in expected["laureates"]
    ]
    for record in expected["laureates"]:
        assert record["territory"] in seed
        assert record["project"] in seed
    for entry in expected["summary_entries"]:
        assert f"{entry['territory']} [label {entry['tier']}]" in seed
        assert entry["project"] in seed


def test_counts_and_order(sample_result: Result) -> None:
    edition = sample_result.edition
    assert edition.year == 2021
    assert len(edition.laureates) == 25
    assert len(edition.summary_entries) == 25
    assert len(edition.categories) == 6
    assert [lau.page_start for lau in edition.laureates] == sorted(
        lau.page_start for lau in edition.laureates
    )


def test_laureates_match_golden(sample_result: Result) -> None:
    rows = sample_result.tables["laureates"].to_pylist()
    expected = golden()["laureates"]
    assert len(rows) == len(expected)
    for row, want in zip(rows, expected, strict=True):
        for key, value in want.items():
            assert row[key] == value, (want["territory"], key)


def test_summary_entries_match_golden(sample_result: Result) -> None:
    rows = sample_result.tables["summary_entries"].to_pylist()
    expected = golden()["summary_entries"]
    assert len(rows) == len(expected)
    for row, want in zip(rows, expected, strict=True):
        for key, value in want.items():
            assert row[key] == value, (want["territory"], key)


def test_summary_titles_printed_otherwise_get_the_banner_form(sample_result: Result) -> None:
    printed = {e.category_printed: e.category for e in sample_result.edition.summary_entries}
    assert printed["Relations aux citoyens"] == "RELATIONS AUX CITOYENS"
    assert printed["NUMERIQUE ET ENVIRONNEMENT"] == "NUMÉRIQUE ET ENVIRONNEMENT"
    assert printed["CATÉGORIE – INCLUSION SOCIALE"] == "INCLUSION SOCIALE"


@pytest.mark.parametrize("name", ["description", "innovation", "contributions"])
def test_sections_equal_the_original_text(sample_result: Result, name: str) -> None:
    """Every character of every section, compared with spacing ignored."""
    seeds = seed_records()
    laureates = sample_result.edition.laureates
    assert len(seeds) == len(laureates)
    for seed, laureate in zip(seeds, laureates, strict=True):
        assert squash(getattr(laureate, name)) == squash(seed[name]), laureate.territory


def test_partners_pages(sample_result: Result) -> None:
    seeds = seed_records()
    flags = [lau.has_partners for lau in sample_result.edition.laureates]
    assert flags == ["partners" in seed for seed in seeds]
    assert sum(flags) == 2


def test_two_column_list_reads_column_by_column(sample_result: Result) -> None:
    arras = next(lau for lau in sample_result.edition.laureates if "Arras" in lau.territory)
    items = arras.contributions.split("\n")
    assert len(items) == 11
    assert all(item.startswith("• ") for item in items)
    assert items[1] == "• Proposer une offre de loisirs innovante et moderne"
    assert items[5] == "• Équilibrer l’offre sur tous les quartiers de la Ville"
    assert items[6] == "• Faire découvrir des lieux culturels de la ville au public éloigné"


def test_no_footer_text_in_any_field(sample_result: Result) -> None:
    for table in sample_result.tables.values():
        for row in table.to_pylist():
            for value in row.values():
                if isinstance(value, str):
                    assert not any(f in value for f in FOOTER_2021)
                    assert "interconnectes.com" not in value


def test_paragraphs_are_lines_and_whitespace_is_collapsed(sample_result: Result) -> None:
    montpellier = sample_result.edition.laureates[0]
    assert montpellier.description.split("\n")[0] == (
        "Un CCAS porteur d’un Tiers-lieu numérique et social"
    )
    for laureate in sample_result.edition.laureates:
        for text in (laureate.description, laureate.innovation, laureate.contributions):
            assert text and "  " not in text and text == text.strip()
