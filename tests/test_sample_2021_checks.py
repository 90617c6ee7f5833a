"""Issue 3's done criteria on the 2021 sample: matches, the one error, intro tables."""

from __future__ import annotations

from extract.pipeline import Result


def test_all_25_pairs_match(sample_result: Result) -> None:
    statuses = [m.status for m in sample_result.reconciliation.matches]
    assert statuses == ["matched"] * 25


def test_exactly_one_error_montpellier_tier_mismatch(sample_result: Result) -> None:
    errors = [i for i in sample_result.reconciliation.inconsistencies if i.severity == "error"]
    assert len(errors) == 1
    (error,) = errors
    assert error.kind == "tier_mismatch"
    assert error.territory == "CCAS de Montpellier"
    assert (error.expected, error.found) == ("argent", "or")
    assert error.pages == (6, 7)
    row = sample_result.tables["inconsistencies"].to_pylist()[0]
    assert row["record_id"] == "2021-inclusion-sociale-ccas-de-montpellier"


def test_name_variants_are_listed_as_info(sample_result: Result) -> None:
    infos = [i for i in sample_result.reconciliation.inconsistencies if i.severity == "info"]
    variants = {(i.kind, i.expected, i.found) for i in infos}
    assert (
        "territory_name_variant",
        "CC Maremme Adour Côte Sud",
        "Communauté de communes Maremne Adour Côte Sud",
    ) in variants
    assert (
        "project_title_variant",
        "MOOVIZY",
        "Saint-Etienne, 1ère métropole de France à proposer une application MaaS avec Moovizy",
    ) in variants
    assert not any(i.kind == "territory_name_variant" and "Quentin" in i.found for i in infos)


def test_editions_table_stated_and_found(sample_result: Result) -> None:
    (row,) = sample_result.tables["editions"].to_pylist()
    assert (row["stated_applications"], row["stated_auditioned"], row["stated_labelled"]) == (
        55,
        39,
        25,
    )
    assert row["found_laureates"] == 25 and row["errors"] == 1
    assert len(row["criteria"]) == 5


def test_jury_has_16_members_with_organisations(sample_result: Result) -> None:
    rows = sample_result.tables["jury"].to_pylist()
    assert len(rows) == 16
    assert all(r["name"] and r["organisation"] for r in rows)
    members = {(r["name"], r["organisation"]) for r in rows}
    assert ("François Panouillé", "Banque des Territoires") in members
    assert ("Marie Nardonne", "Veolia") in members


def test_reconciliation_rows_side_by_side(sample_result: Result) -> None:
    rows = sample_result.tables["reconciliation"].to_pylist()
    montpellier = next(r for r in rows if r["record_id"].endswith("ccas-de-montpellier"))
    assert (montpellier["summary_tier"], montpellier["detail_tier"]) == ("argent", "or")
    assert (montpellier["summary_page"], montpellier["detail_page_start"]) == (6, 7)
    assert all(r["match_status"] == "matched" and r["match_score"] >= 60 for r in rows)


def test_evidence_boxes_frame_each_printed_place(sample_result: Result) -> None:
    (row,) = [
        r for r in sample_result.tables["inconsistencies"].to_pylist() if r["severity"] == "error"
    ]
    summary, banner = row["evidence"]
    assert (summary["page"], banner["page"]) == (6, 7)
    # The summary entry is two printed lines; the banner one.
    assert 15 < summary["bottom"] - summary["top"] < 45
    assert 8 < banner["bottom"] - banner["top"] < 25


def test_the_sample_reads_without_warnings(sample_result: Result) -> None:
    assert sample_result.edition.warnings == ()
