"""Printed names to territory keys and official entities, without a PDF.

Expected codes were looked up by hand in the package's JSON files (see
test_territories_2021.py), never produced by the code under test.
"""

from __future__ import annotations

import pytest

from extract.authorities import tokens
from extract.territories import link_names


def _key(*names: str) -> str:
    return link_names(tuple(names)).key


@pytest.mark.parametrize(
    ("printings", "key"),
    [
        (
            (
                "CA Pau Béarn Pyrénées",
                "Communauté d'Agglomération Pau-Béarn-Pyrénées",
                "COMMUNAUTE D’AGGLOMERATION PAU BEARN PYRENEES / ANCT",
            ),
            "epci:200067254",
        ),
        (("Saint-Étienne Métropole", "St Etienne Metropole", "Saint Étienne – Métropole"),
         "epci:244200770"),
        (("Ville de Saint-Quentin", "Ville de St Quentin", "Saint–Quentin"), "commune:02691"),
        (("CC Val de Cher Controis", "Communauté de communes du Val-de-Cher-Controis"),
         "epci:200072064"),
        (("CCAS de Montpellier", "Centre Communal d’Action Sociale de Montpellier"),
         "ccas:34172"),
        (("Département de la Gironde", "Conseil départemental de la Gironde"), "departement:33"),
        (("Région Bretagne", "Conseil régional de Bretagne"), "region:53"),
    ],
)  # fmt: skip
def test_printings_of_one_authority_have_one_key(printings: tuple[str, ...], key: str) -> None:
    assert {_key(p) for p in printings} == {key}


def test_a_ccas_is_not_its_city() -> None:
    assert _key("CCAS de Montpellier") != _key("Ville de Montpellier") == "commune:34172"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Syndicat mixte de la Loire", "syndicat"),  # not the département 42
        ("SPL Loire", "other"),
        ("SYDEV", "syndicat"),
        ("Samoa", "other"),
    ],
)
def test_bodies_outside_the_geography_are_never_linked(name: str, kind: str) -> None:
    territory = link_names((name,))
    assert territory.links == () and territory.kind == kind and territory.note
    assert territory.key.startswith("name:")


@pytest.mark.parametrize(
    "name",
    [
        "La Rochelle",  # communes 17300 and 70450, and the CA de La Rochelle
        "Lorient",  # the commune and Lorient Agglomération
        "Paris",  # the commune and the département
    ],
)
def test_a_name_that_fits_several_entities_stays_unlinked(name: str) -> None:
    territory = link_names((name,))
    assert territory.links == ()
    assert territory.note is not None and "ambiguous" in territory.note


def test_an_ambiguous_name_is_told_apart_by_its_parentheses() -> None:
    territory = link_names(("Ville de La Rochelle (Charente-Maritime)",))
    assert [(lk.entity.code, lk.method) for lk in territory.links] == [("17300", "context")]


def test_an_ambiguous_name_is_told_apart_by_the_records_other_name() -> None:
    assert _key("Ville de La Rochelle", "Ville et CA La Rochelle") == "commune:17300+epci:241700434"


def test_kind_words_choose_the_level() -> None:
    assert _key("Ville de Lorient") == "commune:56121"
    assert _key("Lorient Agglomération") == "epci:200042174"
    assert _key("Ville de Paris") == "commune:75056"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Rennes, Ville et Métropole", "commune:35238+epci:243500139"),
        ("Ville et Métropole de Rennes", "commune:35238+epci:243500139"),
        ("Montrouge et Malakoff", "commune:92046+commune:92049"),
        # separators inside official names do not cut them
        ("CC Monts, Rance et Rougier", "epci:200067163"),
        ("Grand Paris Seine et Oise", "epci:200059889"),
    ],
)
def test_joint_laureates_have_one_link_per_member(name: str, key: str) -> None:
    territory = link_names((name,))
    assert territory.key == key
    assert territory.kind == ("joint" if "+" in key else "communauté urbaine"
                              if key == "epci:200059889" else "communauté de communes")  # fmt: skip


@pytest.mark.parametrize(
    "name",
    [
        "Ville de Saint-Quentin-en-Yvelines",  # a hyphenated name is one name
        "Ville de Saint-Quentin en Yvelines",  # `en` continues the place name
        "Grand Lyon",  # the commune of Grand is not Lyon
    ],
)
def test_a_commune_name_at_the_start_is_not_enough(name: str) -> None:
    assert link_names((name,)).links == ()


def test_a_locality_after_the_commune_name() -> None:
    (link,) = link_names(("Antibes Juan-les-Pins",)).links
    assert (link.entity.code, link.method) == ("06004", "prefix")


def test_a_typo_is_linked_fuzzily_and_only_when_close() -> None:
    (link,) = link_names(("CC Maremme Adour Côte Sud",)).links
    assert link.entity.code == "244000865" and link.method == "fuzzy" and link.score >= 90
    assert link_names(("CC Maremme Adour",)).links == ()


def test_tokens_fold_what_does_not_tell_names_apart() -> None:
    assert tokens("Saint-Étienne") == tokens("ST ETIENNE") == ("st", "etienne")
    assert tokens("CA des 2 Baies") == ("ca", "des", "deux", "baies")
    assert tokens("Cœur d’Ostrevent") == ("coeur", "d", "ostrevent")
