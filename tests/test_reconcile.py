"""Matching and inconsistency rules on hand-built editions (no PDF)."""

from __future__ import annotations

from dataclasses import replace

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


def test_what_concerns_no_record_is_a_warning_of_the_edition() -> None:
    from extract.intro import IntroText
    from extract.model import StatedCounts
    from extract.segment import _warnings

    listed = entry("Ville de Lorgues", "Lorgues en ligne", category="SANTE ET SPORT")
    found = _warnings((listed,), ["SANTÉ"], IntroText(StatedCounts(), (), ()))
    assert found == (
        "summary title 'SANTE ET SPORT' names no category of the banners",
        "no stated number of labelled territories found in the introduction",
    )


def test_a_record_read_in_part_is_a_warning_on_that_record_shown_first() -> None:
    empty = laureate("Ville de Lorgues", "Lorgues en ligne", page=9)
    empty = replace(empty, innovation="", contributions="")
    other = laureate("Ville de Brest", "Brest ouvert", tier="argent", order=1, page=10)
    ed = edition(
        [entry("Ville de Lorgues", "Lorgues en ligne"), entry("Ville de Brest", "Brest ouvert")],
        [empty, other],
    )
    issues = reconcile(ed).inconsistencies
    assert issues[0].kind == "incomplete_record"
    assert issues[0].severity == "warning"
    assert (issues[0].record_key, issues[0].pages) == (0, (9,))
    assert issues[0].expected == "innovation, contributions"
    assert [i.kind for i in issues[1:]] == ["tier_mismatch"]  # the listed tier is "or"


def test_a_summary_list_not_understood_is_one_finding_not_one_per_entry() -> None:
    names = [f"Ville de {town}" for town in ("Lorgues", "Brest", "Arles", "Sète", "Vannes")]
    entries = [entry("", f"{n} {k}", position=k + 1) for k, n in enumerate(names)]
    records = [laureate(n, f"Projet {k}", order=k, page=4 + k) for k, n in enumerate(names)]
    issues = reconcile(edition(entries, records)).inconsistencies
    assert [i.kind for i in issues] == ["layout_not_understood"]
    assert issues[0].severity == "error" and issues[0].pages == (3,)
    assert "5 of 5 entries have no territory" in issues[0].found


def test_a_list_matching_almost_no_record_is_not_understood() -> None:
    towns = ["Lorgues", "Brest", "Arles", "Sète"]
    others = ["Quimperlé", "Dunkerque", "Villeurbanne", "Mulhouse"]
    entries = [entry(f"Ville de {t}", f"Portail {t}", position=k + 1) for k, t in enumerate(towns)]
    records = [laureate(t, f"Service {t}", order=k, page=4 + k) for k, t in enumerate(others)]
    issues = reconcile(edition(entries, records)).inconsistencies
    assert [i.kind for i in issues if i.severity != "info"] == ["layout_not_understood"]
    assert "of 4 entries match a detail record" in issues[0].found


def test_one_real_missing_detail_is_still_reported_one_by_one() -> None:
    names = ["Lorgues", "Brest", "Arles", "Sète"]
    entries = [entry(f"Ville de {n}", f"Projet {n}", position=k + 1) for k, n in enumerate(names)]
    records = [laureate(f"Ville de {n}", f"Projet {n}", order=k) for k, n in enumerate(names[:3])]
    kinds_found = sorted(i.kind for i in reconcile(edition(entries, records)).inconsistencies)
    assert kinds_found == ["count_mismatch", "missing_detail"]


def test_records_without_any_summary_list_are_one_finding() -> None:
    records = [laureate(f"Ville de X{k}", f"Projet {k}", order=k) for k in range(3)]
    issues = reconcile(edition([], records)).inconsistencies
    assert [i.kind for i in issues] == ["layout_not_understood"]
