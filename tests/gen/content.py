"""Random, invented content of one edition (before injections and typesetting)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import phrases as P
from .truth import TIERS

TIER_RANK = {t: i for i, t in enumerate(TIERS)}


@dataclass
class Lau:
    """A laureate; the ``sum_*`` fields are what its summary entry prints."""

    category: str
    tier: str
    territory: str
    project: str
    subtitle: str | None
    sections: dict[str, tuple[str, ...]]  # items: paragraphs, or bullets "• text"
    has_partners: bool
    tier_statement: str = ""
    sum_tier: str = ""
    sum_territory: str = ""
    sum_project: str = ""

    def __post_init__(self) -> None:
        self.tier_statement = self.tier_statement or self.tier
        self.sum_tier = self.sum_tier or self.tier
        self.sum_territory = self.sum_territory or self.territory
        self.sum_project = self.sum_project or self.project


@dataclass
class Edition:
    year: int
    label_name: str
    organiser: str
    website: str
    categories: list[str]
    summary: dict[str, list[Lau]]  # category -> entries in summary order
    details: dict[str, list[Lau]]  # category -> detail pages in document order
    applications: int | None
    auditioned: int | None
    labelled: int | None
    jury: list[tuple[str, str]]
    criteria: list[str]
    header_text: str = ""
    footer_lines: list[str] = field(default_factory=list)


def _de(name: str) -> str:
    return f"d’{name}" if name[0] in "AEIOUÉÈÊH" else f"de {name}"


def territory(rng: random.Random, long: bool) -> str:
    town, pays = rng.choice(P.TOWNS), rng.choice(P.PAYS)
    if long:
        return rng.choice(
            (
                f"Communauté de Communes {rng.choice(P.PAYS_LONG)}",
                f"Ville {_de(town)} et Communauté d’Agglomération {pays} – Pôle numérique",
            )
        )
    return rng.choice(
        (
            f"Ville {_de(town)}",
            f"Communauté d’Agglomération {pays}",
            f"Communauté de Communes {pays}",
            f"{town} Métropole",
            f"Département de la {rng.choice(P.RIVERS)}",
            f"CCAS {_de(town)}",
            town,
            f"Syndicat mixte numérique {pays}",
        )
    )


def project(rng: random.Random, long: bool) -> str:
    brand, noun = rng.choice(P.BRANDS), rng.choice(P.PROJECT_NOUNS)
    if long:
        tail = rng.choice(P.PROJECT_TAILS[-2:])
        return rng.choice((f"{brand}, {tail}", f"{noun} – {tail}"))
    tail = rng.choice(P.PROJECT_TAILS)
    return rng.choice((brand, f"{brand}, {tail}", f"{brand} – {tail}", noun, noun))


def _fill(template: str, rng: random.Random, year: int) -> str:
    return template.format(n=rng.randint(2, 95), y=year + rng.randint(-3, 2))


def paragraph(rng: random.Random, year: int) -> str:
    sentences = []
    for _ in range(rng.randint(2, 4)):
        if rng.random() < 0.25:
            sentences.append(_fill(rng.choice(P.EXTRAS), rng, year))
        else:
            sub, verb, obj = rng.choice(P.SUBJECTS), rng.choice(P.VERBS), rng.choice(P.OBJECTS)
            if verb.endswith(" de") and obj[0] in "aeiouéh":
                verb = verb[:-3] + " d’"
            sentences.append(f"{sub} {verb} {obj}{rng.choice(P.TAILS)}.".replace("’ ", "’"))
    return " ".join(sentences)


def section(rng: random.Random, year: int, long: bool) -> tuple[str, ...]:
    items: list[str] = []
    if rng.random() < 0.15:
        items.append(rng.choice(P.TAGLINES))
    for _ in range(rng.randint(3, 5) if long else rng.randint(1, 2)):
        items.append(paragraph(rng, year))
        if rng.random() < 0.2:
            chosen = rng.sample(P.BULLETS, rng.randint(2, 4))
            items.extend("• " + _fill(b, rng, year).capitalize() for b in chosen)
    return tuple(items)


def laureate(
    rng: random.Random, category: str, year: int, used: set[str], layout_long: tuple[bool, bool]
) -> Lau:
    long_names, long_records = layout_long
    while True:
        ter = territory(rng, long_names and rng.random() < 0.4)
        proj = project(rng, long_names and rng.random() < 0.4)
        if ter not in used and proj not in used:
            break
    used.update((ter, proj))
    long = long_records and rng.random() < 0.35
    return Lau(
        category=category,
        tier=rng.choice(TIERS),
        territory=ter,
        project=proj,
        subtitle=rng.choice(P.SUBTITLES) if rng.random() < 0.15 else None,
        sections={
            k: section(rng, year, long) for k in ("description", "innovation", "contributions")
        },
        has_partners=rng.random() < 0.4,
    )


def _sizes(rng: random.Random, inject: tuple[str, ...]) -> list[int]:
    """Laureates per category, enough for the injections to touch distinct laureates."""
    n_cats = rng.randint(2, 6)
    if "category_mismatch" in inject:  # a target category besides the reordered ones
        n_cats = max(n_cats, min(6, inject.count("order_mismatch") + 2))
    sizes = [rng.randint(1, 6) for _ in range(n_cats)]
    wants = set(inject)
    n_inject = len(inject)
    if wants & {"category_mismatch", "missing_detail", "unlisted_detail", "order_mismatch"}:
        sizes = [max(2, s) for s in sizes]
    while sum(sizes) < 2 * n_inject + 2:
        small = [i for i, s in enumerate(sizes) if s < 6]
        if small:
            sizes[rng.choice(small)] += 1
        else:
            sizes.append(2)
    return sizes


def edition(
    rng: random.Random,
    long: tuple[bool, bool],
    inject: tuple[str, ...],
    categories: tuple[str, ...] = P.CATEGORIES,
) -> Edition:
    year = rng.randint(2015, 2035)
    sizes = _sizes(rng, inject)
    cats = rng.sample(categories, len(sizes))
    used: set[str] = set()
    summary: dict[str, list[Lau]] = {}
    for cat, n in zip(cats, sizes, strict=True):
        laus = [laureate(rng, cat, year, used, long) for _ in range(n)]
        summary[cat] = sorted(laus, key=lambda lau: TIER_RANK[lau.tier])
    n = sum(sizes)
    auditioned = n + rng.randint(4, 25)
    organiser, site = rng.choice(P.ORGANISERS)
    names = {f"{rng.choice(P.FIRST_NAMES)} {rng.choice(P.LAST_NAMES)}" for _ in range(14)}
    jury = [(name, rng.choice(P.ORGANISATIONS)) for name in sorted(names)]
    jury = rng.sample(jury, min(len(jury), rng.randint(4, 14)))
    return Edition(
        year=year,
        label_name=rng.choice(P.LABEL_NAMES),
        organiser=organiser,
        website=site,
        categories=cats,
        summary=summary,
        details={c: list(v) for c, v in summary.items()},
        applications=None if rng.random() < 0.15 else auditioned + rng.randint(5, 40),
        auditioned=auditioned,
        labelled=n,
        jury=jury,
        criteria=rng.sample(P.CRITERIA, rng.randint(4, 7)),
    )
