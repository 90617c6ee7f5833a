"""Matching and inconsistency rules on hand-built editions (no PDF)."""

from __future__ import annotations

from extract.reconcile import match, reconcile
from factories import edition, entry, laureate


def kinds(ed_) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.kind for i in reconcile(ed_).inconsistencies]


def test_abbreviations_typos_and_shortened_titles_still_match() -> None:
    entries = [
        entry("CA du Val Vert", "AGORA", position=1),
        entry("CC Haute Marne-Sud", "Plateforme Ondine", position=2),
        entry("Ville de Brissac", "Cartes partagées", position=3),
    ]
    laureates = [
        laureate("Communauté de communes Haute Marme Sud", "ONDINE, la plateforme", order=0),
        laureate("Brissac", "Les cartes partagées du quartier", order=1),
        laureate(
            "Communauté d’Agglomération du Val Vert", "AGORA, la plateforme citoyenne", order=2
        ),
    ]
    pairs = {
        (m.summary.territory, m.laureate.order)
        for m in match(tuple(entries), tuple(laureates))
        if m.summary and m.laureate
    }
    assert pairs == {("CA du Val Vert", 2), ("CC Haute Marne-Sud", 0), ("Ville de Brissac", 1)}


def test_assignment_is_optimal_not_greedy() -> None:
    # The first entry is closer to both records than the second, but only the
    # one-to-one optimum pairs each entry with its own record.
    entries = [
        entry("Ville de Saint-Alban", "Saint-Alban connecté"),
        entry("Saint-Alban-les-Eaux", "Eaux connectées", position=2),
    ]
    laureates = [
        laureate("Saint-Alban-les-Eaux", "Saint-Alban, les eaux connectées", order=0),
        laureate("Saint-Alban", "Saint-Alban connecté", order=1),
    ]
    pairs = {
        (m.summary.territory, m.laureate.territory)
        for m in match(tuple(entries), tuple(laureates))
        if m.summary and m.laureate
    }
    assert pairs == {
        ("Ville de Saint-Alban", "Saint-Alban"),
        ("Saint-Alban-les-Eaux", "Saint-Alban-les-Eaux"),
    }


def test_unrelated_names_stay_unmatched() -> None:
    ed = edition(
        [entry("Ville de Quimper", "Mobilité douce")],
        [laureate("Métropole de Nancy", "Archives ouvertes")],
    )
    statuses = sorted(m.status for m in reconcile(ed).matches)
    assert statuses == ["detail_only", "summary_only"]
    assert sorted(kinds(ed)) == ["missing_detail", "unlisted_detail"]


def test_clean_edition_has_no_inconsistency() -> None:
    ed = edition(
        [entry("Ville de Lorgues", "Lorgues en ligne")],
        [laureate("Ville de Lorgues", "Lorgues en ligne")],
        labelled=1,
    )
    assert kinds(ed) == []


def test_tier_mismatch_names_both_pages() -> None:
    ed = edition(
        [entry("Ville de Lorgues", "Lorgues en ligne", tier="argent", page=3)],
        [laureate("Ville de Lorgues", "Lorgues en ligne", tier="or", page=5)],
    )
    (issue,) = reconcile(ed).inconsistencies
    assert (issue.kind, issue.severity, issue.expected, issue.found, issue.pages) == (
        "tier_mismatch",
        "error",
        "argent",
        "or",
        (3, 5),
    )


def test_statement_mismatch_and_missing_statement() -> None:
    ed = edition(
        [entry("A-ville", "Projet A"), entry("B-bourg", "Projet B", position=2)],
        [
            laureate("A-ville", "Projet A", tier="or", statement="bronze"),
            laureate("B-bourg", "Projet B", order=1, statement=None),
        ],
    )
    assert sorted(kinds(ed)) == ["missing_statement", "tier_statement_mismatch"]


def test_category_mismatch_is_found_across_categories() -> None:
    ed = edition(
        [entry("Ville de Lorgues", "Lorgues en ligne", category="SANTÉ")],
        [laureate("Ville de Lorgues", "Lorgues en ligne", category="CULTURE")],
    )
    found = kinds(ed)
    assert "category_mismatch" in found
    assert found.count("count_mismatch") == 2  # one per category, both off by one


def test_duplicate_record_is_one_error_not_an_unlisted_page() -> None:
    ed = edition(
        [entry("Ville de Lorgues", "Lorgues en ligne")],
        [
            laureate("Ville de Lorgues", "Lorgues en ligne", page=4),
            laureate("Ville de Lorgues", "Lorgues en ligne", page=5, order=1),
        ],
        labelled=1,
    )
    found = kinds(ed)
    assert "duplicate_record" in found
    assert "unlisted_detail" not in found
    duplicate = next(i for i in reconcile(ed).inconsistencies if i.kind == "duplicate_record")
    assert duplicate.record_key == 1 and duplicate.pages == (5,)


def test_stated_count_mismatch() -> None:
    ed = edition(
        [entry("Ville de Lorgues", "Lorgues en ligne")],
        [laureate("Ville de Lorgues", "Lorgues en ligne")],
        labelled=3,
    )
    (issue,) = reconcile(ed).inconsistencies
    assert (issue.kind, issue.expected, issue.found) == ("count_mismatch", "3", "1")


def test_order_and_name_variants_are_info() -> None:
    ed = edition(
        [entry("CA du Val Vert", "AGORA", position=1), entry("Brissac", "Cartes", position=2)],
        [
            laureate("Brissac", "Cartes", order=0),
            laureate("Communauté d’Agglomération du Val Vert", "AGORA, la plateforme", order=1),
        ],
    )
    issues = reconcile(ed).inconsistencies
    assert {i.kind for i in issues} == {
        "order_mismatch",
        "territory_name_variant",
        "project_title_variant",
    }
    assert all(i.severity == "info" for i in issues)


def test_punctuation_case_and_accents_are_not_variants() -> None:
    ed = edition(
        [entry("Saint Etienne Metropole", "MOBI-LITE")],
        [laureate("Saint-Étienne Métropole", "Mobi lite")],
    )
    assert kinds(ed) == []


def test_incomplete_reading_is_a_warning_of_the_edition() -> None:
    from extract.intro import IntroText
    from extract.model import StatedCounts
    from extract.segment import _warnings

    empty = laureate("Ville de Lorgues", "Lorgues en ligne")
    empty = type(empty)(**{**empty.__dict__, "innovation": ""})
    listed = entry("Ville de Lorgues", "Lorgues en ligne", category="SANTE ET SPORT")
    found = _warnings((empty,), (listed,), ["SANTÉ"], IntroText(StatedCounts(), (), ()))
    assert found == (
        "p.4 Ville de Lorgues: no text under innovation",
        "summary title 'SANTE ET SPORT' names no category of the banners",
        "no stated number of labelled territories found in the introduction",
    )
