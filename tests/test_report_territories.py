"""The report's laureates per région and per kind, on the 2021 sample.

Régions of each laureate were read by hand from the package's departements.json
and regions.json (see test_territories_2021.py for the codes).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.cli import main
from extract.errors import ExitCode
from extract.report import REPORT_NAME

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "raw" / "annuaire-2021.pdf"

# Nouvelle-Aquitaine: La Rochelle (17), Pau (64), Maremne Adour Côte Sud (40).
# Grand Est: Strasbourg (67), Portes de France-Thionville/Saint-Avold (57), Pays Haut (57).
# Île-de-France: Montrouge, Paris, Rueil-Malmaison. Bretagne: Rennes, Lorient.
# Hauts-de-France: Deux Baies (62), Arras (62), Saint-Quentin (02).
# Auvergne-Rhône-Alpes: Annecy (74), Clermont-Ferrand (63), Saint-Étienne (42).
REGIONS = {
    "Nouvelle-Aquitaine": 3,
    "Grand Est": 3,
    "Île-de-France": 3,
    "Bretagne": 2,
    "Hauts-de-France": 3,
    "Auvergne-Rhône-Alpes": 3,
    "(not linked)": 2,  # Samoa, SIEL-TE
}


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("report-territories")
    assert main(["extract", str(SAMPLE), "--out", str(out), "--jobs", "1"]) == ExitCode.OK
    return (out / REPORT_NAME).read_text(encoding="utf-8")


def _counts(html: str, title: str) -> dict[str, int]:
    start = html.index(f"<thead><tr><th>{title}</th><th>laureates</th></tr></thead>")
    body = html[html.index("<tbody>", start) : html.index("</table>", start)]
    rows = re.findall(r'<tr><th>(.*?)</th><td class="n">(\d+)</td></tr>', body)
    return {name.replace("&#x27;", "'"): int(n) for name, n in rows}


def test_laureates_per_region(html: str) -> None:
    counts = _counts(html, "région")
    assert {k: counts.get(k) for k in REGIONS} == REGIONS
    # Occitanie: CCAS de Montpellier, Toulouse; PACA: Aix-Marseille, Antibes
    assert counts["Occitanie"] == 2 and counts["Provence-Alpes-Côte d'Azur"] == 2
    assert counts["Normandie"] == 1 and counts["Centre-Val de Loire"] == 1
    assert sum(counts.values()) == 25  # no joint laureate of 2021 spans two régions


def test_laureates_per_kind(html: str) -> None:
    assert _counts(html, "kind") == {
        "ville": 8,
        "métropole": 5,
        "communauté d'agglomération": 3,
        "communauté de communes": 3,
        "joint": 3,
        "ccas": 1,
        "syndicat": 1,
        "other": 1,
    }


def test_one_edition_has_no_table_across_editions(html: str) -> None:
    assert "Territories across editions" not in html
