"""Every laureate of the 2021 sample that is a commune, an EPCI or a joint of them is
linked to the right official entities.

Each expected code below was looked up by hand in the JSON files of
@etalab/decoupage-administratif 6.0.0 (communes.json, epci.json,
departements.json), not produced by the code under test: e.g. `La Rochelle` is
17300 (Charente-Maritime) and 70450 (Haute-Saône), and only 17300 is a member
of the CA de La Rochelle (241700434).
"""

from __future__ import annotations

import pytest

from extract.pipeline import Result

# page of the detail record -> {(level, code)} of its territory
EXPECTED: dict[int, set[tuple[str, str]]] = {
    7: {("commune", "34172")},  # CCAS de Montpellier: its commune
    8: {("epci", "200069029")},  # CA des Deux Baies en Montreuillois (printed `2 baies`)
    9: {("commune", "92049")},  # Montrouge
    10: {("commune", "74010")},  # Annecy
    12: {("epci", "246700488")},  # Eurométropole de Strasbourg
    # CA Portes de France-Thionville, Saint-Avold, CA Saint-Avold Synergie
    13: {("epci", "245701362"), ("commune", "57606"), ("epci", "200067502")},
    14: {("epci", "200054807")},  # Métropole d'Aix-Marseille-Provence
    15: {("epci", "200023414")},  # Métropole Rouen Normandie
    17: {("commune", "62041")},  # Arras (the commune, not the CU d'Arras)
    18: {("commune", "63113")},  # Clermont-Ferrand
    19: {("commune", "75056")},  # Paris (the commune, not the département 75)
    20: {("commune", "35238"), ("epci", "243500139")},  # Rennes, Ville et Métropole
    22: {("epci", "200067254")},  # CA Pau Béarn Pyrénées (/ ANCT is a co-signer)
    23: {("commune", "17300"), ("epci", "241700434")},  # La Rochelle, Ville and CA
    24: {("commune", "06004")},  # Antibes (printed Antibes Juan-les-Pins)
    26: {("epci", "200072064")},  # CC Val-de-Cher-Controis
    27: {("epci", "200042174")},  # CA Lorient Agglomération (not the commune 56121)
    28: {("epci", "244000865")},  # CC Maremne Adour Côte Sud (summary: `Maremme`)
    29: {("commune", "02691")},  # Saint-Quentin, Aisne (not the CA du Saint-Quentinois)
    30: {("commune", "92063")},  # Rueil-Malmaison
    32: {("epci", "245701404")},  # CC du Pays Haut Val d'Alzette
    34: {("epci", "244200770")},  # Saint-Étienne Métropole (not the commune 42218)
    36: {("epci", "243100518")},  # Toulouse Métropole
}
UNLINKED = {33: "Samoa", 35: "SIEL-TE"}  # an SPL and a syndicat: not in the geography


def _by_page(result: Result) -> dict[int, str]:
    rows = result.tables["laureates"].to_pylist()
    return {row["page_start"]: row["territory_key"] for row in rows}


def _links(result: Result) -> dict[str, list[dict[str, object]]]:
    links: dict[str, list[dict[str, object]]] = {}
    for row in result.tables["territory_links"].to_pylist():
        links.setdefault(str(row["territory_key"]), []).append(row)
    return links


def test_every_laureate_is_linked_to_the_hand_checked_codes(sample_result: Result) -> None:
    keys, links = _by_page(sample_result), _links(sample_result)
    assert set(keys) == set(EXPECTED) | set(UNLINKED)
    for page, expected in EXPECTED.items():
        got = {(str(r["level"]), str(r["code"])) for r in links.get(keys[page], [])}
        assert got == expected, (page, keys[page])


@pytest.mark.parametrize("page", sorted(UNLINKED))
def test_bodies_outside_the_geography_stay_unlinked(sample_result: Result, page: int) -> None:
    key = _by_page(sample_result)[page]
    assert key.startswith("name:") and key not in _links(sample_result)
    territories = {r["territory_key"]: r for r in sample_result.tables["territories"].to_pylist()}
    assert territories[key]["links"] == 0 and territories[key]["link_note"]
    assert territories[key]["kind"] == ("other" if page == 33 else "syndicat")


def test_ambiguous_commune_is_told_apart_by_its_ca(sample_result: Result) -> None:
    (commune,) = [
        r for r in _links(sample_result)[_by_page(sample_result)[23]] if r["level"] == "commune"
    ]
    assert (commune["departement"], commune["region"]) == ("17", "75")
    assert commune["departement_name"] == "Charente-Maritime"
    assert commune["region_name"] == "Nouvelle-Aquitaine"
    assert commune["method"] == "context"


def test_summary_line_and_detail_page_share_one_key(sample_result: Result) -> None:
    keys = set(_by_page(sample_result).values())
    entries = sample_result.tables["summary_entries"].to_pylist()
    assert {row["territory_key"] for row in entries} == keys
    assert len(keys) == 25  # no two laureates of 2021 are one authority


def test_territories_kinds_read_from_the_names(sample_result: Result) -> None:
    rows = {r["territory_key"]: r for r in sample_result.tables["territories"].to_pylist()}
    keys = _by_page(sample_result)
    kinds = {page: rows[keys[page]]["kind"] for page in keys}
    assert kinds[7] == "ccas" and kinds[9] == "ville" and kinds[30] == "ville"
    assert kinds[8] == kinds[22] == kinds[27] == "communauté d'agglomération"
    assert kinds[26] == kinds[28] == kinds[32] == "communauté de communes"
    assert kinds[12] == kinds[34] == kinds[36] == "métropole"
    assert kinds[13] == kinds[20] == kinds[23] == "joint"
    pau = rows[keys[22]]
    assert pau["name"] == "Communauté d’Agglomération Pau Béarn Pyrénées / ANCT"
    assert pau["names"] == [
        "CA Pau Béarn Pyrénées",
        "Communauté d’Agglomération Pau Béarn Pyrénées / ANCT",
    ]
    assert pau["editions"] == [2021]
