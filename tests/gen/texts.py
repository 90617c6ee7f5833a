"""What every producer prints besides the records: intro, closing page, running texts.

Producers (reportlab, HTML through Chromium, office documents through LibreOffice)
typeset the same words, so the truth never depends on the producer. The random
draws happen here, in a fixed order, before any geometry.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .content import Edition


@dataclass(frozen=True)
class Intro:
    """The introduction's headings and paragraphs, in reading order."""

    about_heading: str
    about: tuple[str, ...]  # paragraphs, the stated counts among them
    jury_heading: str
    jury_lead: str
    jury: tuple[str, ...]  # "Name, Organisation"
    criteria_heading: str
    criteria_lead: str
    criteria: tuple[str, ...]
    results_heading: str
    results: tuple[str, ...]  # the stated number of labelled territories, if any, first


def counts_paragraphs(ed: Edition, rng: random.Random) -> list[str]:
    out = []
    if ed.applications is not None:
        out.append(
            rng.choice(
                (
                    f"En tout, ce sont {ed.applications} dossiers qui ont été déposés.",
                    f"Au total, {ed.applications} dossiers de candidature ont été reçus.",
                )
            )
        )
    if ed.auditioned is not None:
        lead = rng.choice(("À l’issue de la présélection,", "Après une première lecture,"))
        out.append(
            f"{lead} {ed.auditioned} territoires ont été retenus et invités à auditionner "
            "devant le jury."
        )
    return out


def intro(ed: Edition, rng: random.Random) -> Intro:
    about = (
        f"Depuis {ed.year - rng.randint(3, 12)}, le Label distingue les collectivités qui "
        "mettent les usages numériques au service de leurs habitants. Il est remis chaque "
        f"année par {ed.organiser}."
    )
    counts = counts_paragraphs(ed, rng)
    jury_lead = (
        f"Le jury a entendu les territoires au cours de {rng.randint(2, 6)} demi-journées "
        "d’auditions. Merci à :"
    )
    criteria_heading = rng.choice(("Les critères de notation", "Les critères d’évaluation"))
    results = []
    if ed.labelled is not None:
        results.append(
            f"Parmi les projets auditionnés, seuls {ed.labelled} territoires ont été retenus "
            f"pour le Label « {ed.label_name} »."
        )
    results.append(
        "Les distinctions or, argent et bronze ont été remises lors de la cérémonie "
        "annuelle du réseau."
    )
    return Intro(
        about_heading=f"Qu’est-ce que le Label « {ed.label_name} » ?",
        about=(about, *counts),
        jury_heading="Le jury",
        jury_lead=jury_lead,
        jury=tuple(f"{name}, {org}" for name, org in ed.jury),
        criteria_heading=criteria_heading,
        criteria_lead="Pour évaluer les projets, le jury s’est appuyé sur les critères suivants :",
        criteria=tuple(ed.criteria),
        results_heading="Résultats de la sélection",
        results=tuple(results),
    )


def closing(ed: Edition) -> tuple[str, str]:
    """Heading and paragraph of the closing page (a call for next year's applications)."""
    return (
        f"Candidatez pour l’édition {ed.year + 1} !",
        f"Votre collectivité porte un projet numérique utile à ses habitants ? Les candidatures "
        f"au Label « {ed.label_name} » {ed.year + 1} ouvriront à l’automne. "
        f"Rendez-vous sur {ed.website}.",
    )


def running_texts(ed: Edition, running: str, rng: random.Random) -> tuple[str, list[str]]:
    """Running header and footer lines; `running` is "header", "footer" or "both"."""
    header = ""
    with_year = rng.random() < 0.85
    year = f" {ed.year}" if with_year else ""
    if running in ("header", "both"):
        header = f"Label « {ed.label_name} »{year} – Annuaire des lauréats"
    lines: list[str] = []
    if running in ("footer", "both"):
        footer = f"{ed.organiser} – www.{ed.website}"
        lines = [footer, f"contact@{ed.website}"] if rng.random() < 0.5 else [footer]
        if not header and with_year:
            lines.insert(0, f"ANNUAIRE{year} DES TERRITOIRES LAURÉATS")
    return header, lines
