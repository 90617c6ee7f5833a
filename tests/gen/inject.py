"""Deliberate inconsistencies applied to an edition's content."""

from __future__ import annotations

import random
from collections.abc import Callable

from . import phrases as P
from .content import Edition, Lau
from .truth import INJECTION_KINDS, TIERS, TInjected

Pred = Callable[[Edition, Lau], bool]


def _listed(ed: Edition, lau: Lau) -> bool:
    return lau in ed.summary[lau.category] and len(ed.summary[lau.category]) >= 2


def _detailed(ed: Edition, lau: Lau) -> bool:
    return lau in ed.details[lau.category] and len(ed.details[lau.category]) >= 2


def _any(ed: Edition, lau: Lau) -> bool:
    return True


PREDICATES: dict[str, Pred] = {
    "category_mismatch": _listed,
    "unlisted_detail": _listed,
    "missing_detail": _detailed,
}


def _other_tier(rng: random.Random, tier: str) -> str:
    return rng.choice([t for t in TIERS if t != tier])


def territory_variant(ter: str, rng: random.Random, taken: set[str]) -> str:
    """An abbreviation ("CA du …"), with/without "Ville de", or a one-letter typo."""
    for long, short in (
        ("Communauté d’Agglomération ", "CA "),
        ("Communauté de Communes ", "CC "),
        ("Ville de ", ""),
        ("Ville d’", ""),
    ):
        if ter.startswith(long) and short + ter[len(long) :] not in taken:
            return short + ter[len(long) :]
    if " " not in ter and f"Ville de {ter}" not in taken:
        return f"Ville de {ter}"
    while True:  # a one-letter typo inside a long enough word
        words = ter.split(" ")
        i = rng.choice([k for k, w in enumerate(words) if len(w) >= 5])
        word = words[i]
        pos = rng.randrange(1, len(word) - 1)
        letter = rng.choice([c for c in "aeilnorstu" if c != word[pos]])
        words[i] = word[:pos] + letter + word[pos + 1 :]
        variant = " ".join(words)
        if variant not in taken:
            return variant


def _short_title(lau: Lau, rng: random.Random, taken: set[str]) -> str:
    """The head of a "BRAND, tail" title (made so if needed), unused by any other title."""
    for sep in (", ", " – "):
        head = lau.project.split(sep)[0]
        if sep in lau.project and head not in taken:
            return head
    brand = rng.choice([b for b in P.BRANDS if not any(t.startswith(b) for t in taken)])
    lau.project = f"{brand}, {lau.project[0].lower()}{lau.project[1:]}"
    return brand


class Injector:
    def __init__(self, ed: Edition, rng: random.Random) -> None:
        self.ed, self.rng = ed, rng
        self.all = [lau for cat in ed.categories for lau in ed.summary[cat]]
        self.touched: set[int] = set()
        self.count_delta = 0
        self.reserved: set[str] = set()  # categories whose order was changed

    def pick(self, ok: Pred) -> Lau:
        cands = [lau for lau in self.all if id(lau) not in self.touched and ok(self.ed, lau)]
        if not cands:
            raise RuntimeError("no laureate left to inject into")
        lau = self.rng.choice(cands)
        self.touched.add(id(lau))
        return lau

    def apply(self, kind: str) -> TInjected:
        if kind not in INJECTION_KINDS:
            raise ValueError(f"unknown injection kind {kind!r}")
        if kind == "count_mismatch":
            self.count_delta = self.rng.choice((-2, -1, 1, 2, 3))
            return TInjected(kind, "", "")
        if kind == "order_mismatch":
            return self.order_mismatch()
        lau = self.pick(PREDICATES.get(kind, _any))
        self.modify(kind, lau)
        return TInjected(kind, lau.category, lau.territory)

    def modify(self, kind: str, lau: Lau) -> None:
        ed, rng = self.ed, self.rng
        if kind == "missing_detail":
            ed.details[lau.category].remove(lau)
        elif kind == "tier_mismatch":
            lau.sum_tier = _other_tier(rng, lau.tier)
        elif kind == "tier_statement_mismatch":
            lau.tier_statement = _other_tier(rng, lau.tier)
        elif kind == "category_mismatch":
            ed.summary[lau.category].remove(lau)
            others = [c for c in ed.categories if c != lau.category]
            pure = [c for c in others if c not in self.reserved] or others
            target = ed.summary[rng.choice(pure)]
            target.insert(rng.randint(0, len(target)), lau)
        elif kind == "unlisted_detail":
            ed.summary[lau.category].remove(lau)
        elif kind == "duplicate_record":
            details = ed.details[lau.category]
            details.insert(details.index(lau) + 1, lau)
        elif kind == "territory_name_variant":
            taken = {x.territory for x in self.all} | {x.sum_territory for x in self.all}
            lau.sum_territory = territory_variant(lau.territory, rng, taken)
        else:  # project_title_variant
            taken = {x.project for x in self.all} | {x.sum_project for x in self.all}
            lau.sum_project = _short_title(lau, rng, taken)

    def order_mismatch(self) -> TInjected:
        ed = self.ed
        cats = [
            c
            for c in ed.categories
            if len(ed.details[c]) >= 2 and not any(id(x) in self.touched for x in ed.details[c])
        ]
        if not cats:
            raise RuntimeError("no category left for order_mismatch")
        cat = self.rng.choice(cats)
        self.reserved.add(cat)
        details = ed.details[cat]
        self.touched.update(id(x) for x in details)
        i, j = sorted(self.rng.sample(range(len(details)), 2))
        details[i], details[j] = details[j], details[i]
        return TInjected("order_mismatch", cat, details[i].territory)


def apply_injections(ed: Edition, rng: random.Random, inject: tuple[str, ...]) -> list[TInjected]:
    """Apply the injections (order_mismatch first) and set the stated labelled count."""
    injector = Injector(ed, rng)
    ordered = sorted(inject, key=lambda k: k != "order_mismatch")
    done = [injector.apply(kind) for kind in ordered]
    distinct = {id(lau) for cat in ed.categories for lau in ed.details[cat]}
    ed.labelled = len(distinct) + injector.count_delta
    if ed.auditioned is not None and ed.auditioned <= ed.labelled:
        ed.auditioned = ed.labelled + 4
        if ed.applications is not None:
            ed.applications = max(ed.applications, ed.auditioned + 5)
    return done
