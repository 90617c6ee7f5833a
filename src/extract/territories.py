"""Territories as entities: one key per authority, across printings and editions.

A record's names (its summary line and its detail page) are linked together,
so that each may tell the other's ambiguity apart and both get one key. The
key is built from what the territory is, not from how it was printed: the
codes of the official entities it is linked to (`epci:` and a SIREN,
`commune:` and an INSEE code plus an EPCI for a joint
laureate; a CCAS is its own body, `ccas:` and its commune's code), and
for what cannot be linked, its kind and normalised name
(`name:syndicat-numerique-val-vert`). So every edition, extracted alone in its
own process, gives the same key to the same authority.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from extract.authorities import (
    CCAS,
    DEPARTEMENT,
    JOINT,
    OTHER,
    REGION,
    SYNDICAT,
    UNLINKABLE,
    VILLE,
    Member,
    syndicat_acronym,
)
from extract.geography import EPCI_TYPE_KINDS, Entity
from extract.linking import Candidate, candidates, entity, members

_LEVEL_KINDS = {"commune": VILLE, "departement": DEPARTEMENT, "region": REGION}
_SLUG_KIND = {
    "communauté de communes": "cc",
    "communauté d'agglomération": "ca",
    "communauté urbaine": "cu",
    "métropole": "metropole",
    "epci": "epci",
    CCAS: "ccas",
    DEPARTEMENT: "departement",
    REGION: "region",
    SYNDICAT: "syndicat",
}


@dataclass(frozen=True)
class Link:
    """One official entity a territory is linked to, through one of its members."""

    entity: Entity
    kind: str  # the member's kind: from its words, else from the entity
    score: float
    method: str  # exact, fuzzy, prefix, or context (one of several, told apart)

    @property
    def key(self) -> str:
        prefix = CCAS if self.kind == CCAS else self.entity.level
        return f"{prefix}:{self.entity.code}"


@dataclass(frozen=True)
class Territory:
    """What a record's printed names say, linked."""

    key: str
    kind: str
    links: tuple[Link, ...]
    note: str | None  # why a member is not linked; None when all are


def _member_kind(m: Member, linked: Entity | None) -> str:
    if m.kind is not None and m.kind != "epci":
        return m.kind
    if linked is not None:
        if linked.level == "epci":
            return EPCI_TYPE_KINDS.get(linked.epci_type or "", OTHER)
        return _LEVEL_KINDS[linked.level]
    return SYNDICAT if syndicat_acronym(m.text) else OTHER


def _resolve(found: tuple[Candidate, ...], context: list[Entity]) -> Candidate | None:
    """One of several same-named entities, told apart by the record's other links."""
    epcis = {e.code for e in context if e.level == "epci"}
    communes_epcis = {e.epci for e in context if e.level == "commune"}
    departements = {e.departement for e in context if e.departement}
    tests: tuple[Callable[[Entity], bool], ...] = (
        lambda e: e.level == "commune" and e.epci in epcis,
        lambda e: e.level == "epci" and e.code in communes_epcis,
        lambda e: e.departement in departements,
    )
    for test in tests:
        kept = [c for c in found if test(entity(c.index))]
        if len(kept) == 1:
            return Candidate(kept[0].index, kept[0].score, "context")
    return None


def _why(m: Member, found: tuple[Candidate, ...], kind: str) -> str:
    if m.mixed:
        return f"{m.text}: names authorities of two levels at once"
    if len(found) > 1:
        shown = ", ".join(
            f"{e.level} {e.code} ({e.departement})"
            for e in sorted((entity(c.index) for c in found), key=lambda e: (e.level, e.code))
        )
        return f"{m.text}: ambiguous between {shown}; nothing else printed tells them apart"
    if kind == SYNDICAT or m.kind in UNLINKABLE:
        what = "a syndicat" if kind == SYNDICAT else "not a local authority"
        return f"{m.text}: {what}, so not in the official geography"
    where = m.level or "commune, EPCI, département or région"
    return (
        f"{m.text}: no current {where} of that name "
        "(renamed or merged since, or not a local authority)"
    )


@dataclass(frozen=True)
class _Name:
    text: str
    members: tuple[Member, ...]
    found: tuple[tuple[Candidate, ...], ...]


def _parse(text: str) -> tuple[_Name, list[Entity]]:
    found_members, hints = members(text)
    hint_links = [entity(c[0].index) for h in hints if len(c := candidates(h)) == 1]
    return _Name(text, found_members, tuple(candidates(m) for m in found_members)), hint_links


def _chosen(name: _Name, context: list[Entity]) -> list[tuple[Member, Candidate | None]]:
    chosen: list[tuple[Member, Candidate | None]] = []
    for m, found in zip(name.members, name.found, strict=True):
        pick = found[0] if len(found) == 1 else (_resolve(found, context) if found else None)
        chosen.append((m, pick))
    relevant = [(m, c) for m, c in chosen if c is not None or m.kind is not None]
    return relevant or chosen[:1]


def _slug(m: Member) -> str:
    words = [_SLUG_KIND[m.kind]] if m.kind in _SLUG_KIND else []
    return "name:" + "-".join(words + m.loose_key.split())


@functools.lru_cache(maxsize=4096)
def link_names(names: tuple[str, ...]) -> Territory:
    """The territory that the printed names of one record (or one key) designate."""
    parsed = [_parse(text) for text in sorted(set(names))]
    parsed = [(name, hints) for name, hints in parsed if name.members]
    if not parsed:
        return Territory("name:", OTHER, (), "no territory printed")
    context = [e for _, hints in parsed for e in hints]
    context += [entity(f[0].index) for name, _ in parsed for f in name.found if len(f) == 1]
    options = [(name, _chosen(name, context)) for name, _ in parsed]
    best_scores: dict[int, tuple[float, str]] = {}
    for _, chosen in options:
        for _, c in chosen:
            if c is not None and c.score > best_scores.get(c.index, (-1.0, ""))[0]:
                best_scores[c.index] = (c.score, c.method)
    name, chosen = max(
        options,
        key=lambda o: (sum(c is not None for _, c in o[1]), len(o[1]), len(o[0].text), o[0].text),
    )
    links: list[Link] = []
    parts: set[str] = set()
    notes: list[str] = []
    for (m, c), found in zip(chosen, (name.found[name.members.index(m)] for m, _ in chosen),
                             strict=True):  # fmt: skip
        if c is None:
            parts.add(_slug(m))
            notes.append(_why(m, found, _member_kind(m, None)))
            continue
        score, method = best_scores[c.index]
        link = Link(entity(c.index), _member_kind(m, entity(c.index)), score, method)
        links.append(link)
        parts.add(link.key)
    if len(chosen) > 1:
        kind = JOINT
    else:
        only, pick = chosen[0]
        kind = _member_kind(only, entity(pick.index) if pick else None)
    return Territory("+".join(sorted(parts)), kind, tuple(links), "; ".join(notes) or None)


def record_key(names: Iterable[str]) -> str:
    return link_names(tuple(sorted(set(names)))).key
