"""Printed names → official entities: exact, then fuzzy, then never a guess.

A printed name may hold several authorities (`Ville et CA X`), a
co-signer (`… / Agence X`), a parent body in parentheses, or separators that
belong to an official name (`CC Monts, Rance et Rougier`). Each way of cutting
it at its separators is tried, and the one that names the most official
entities, in the fewest pieces, is kept. A name that fits several entities is
told apart by the kind its words say and by the record's other names (a
commune of the EPCI printed beside it, the département of a neighbour);
otherwise it stays unlinked, with the reason: a wrong link is worse than none.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from extract.authorities import (
    EPCI_KINDS,
    LINKING_WORDS,
    VILLE,
    Member,
    Segment,
    member,
    segments,
    split_hints,
    tokens,
)
from extract.geography import EPCI_TYPE_KINDS, LEVELS, Entity, Geography, reference

FUZZY_MIN = 90.0  # a letter or two in a name of ten or more
FUZZY_MARGIN = 3.0  # the runner-up must be this far behind, or the name is ambiguous
MAX_SEGMENTS = 7  # beyond, each piece alone (2^6 cuts at most)


@dataclass(frozen=True)
class Candidate:
    index: int
    score: float
    method: str  # exact, fuzzy, prefix


def _prefer_kind(geo: Geography, m: Member, found: list[Candidate]) -> tuple[Candidate, ...]:
    """Among EPCI of one name, the one of the printed kind (a CA, not a CC)."""
    if m.kind in EPCI_KINDS and len(found) > 1:
        same = [c for c in found if EPCI_TYPE_KINDS.get(geo.entities[c.index].epci_type or "")
                == m.kind]  # fmt: skip
        if same:
            return tuple(same)
    return tuple(found)


def _fuzzy(geo: Geography, m: Member, levels: tuple[str, ...]) -> list[Candidate]:
    key = m.loose_key
    if len(key) < 6:
        return []
    hits: list[tuple[float, int]] = []
    for level in levels:
        keys, ids = geo.choices[level]
        for _, score, at in process.extract(
            key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN - FUZZY_MARGIN, limit=4
        ):
            hits.append((float(score), ids[at]))
    if not hits or max(s for s, _ in hits) < FUZZY_MIN:
        return []
    best = max(s for s, _ in hits)
    return [Candidate(i, round(s, 1), "fuzzy") for s, i in hits if s > best - FUZZY_MARGIN]


def _prefix(geo: Geography, m: Member) -> list[Candidate]:
    """`X Y-les-Z`: a commune's name, then a locality of it after a space:
    a name of two words at least (`Y-les-Z`) that is no entity's. Never after a
    hyphen, which makes one compound name, nor after `en`, `sur`…"""
    chunks = m.text.split()
    for cut in range(len(chunks) - 1, 0, -1):
        head = member(" ".join(chunks[:cut]))
        following = tokens(chunks[cut])
        if not head.words or head.kind not in (None, VILLE) or not following:
            continue
        found = geo.exact["commune"].get(head.key, ())
        if found and following[0] in LINKING_WORDS:
            return []
        rest = member(" ".join(chunks[cut:]))
        if found and (
            len(rest.words) < 2 or any(geo.exact[level].get(rest.key) for level in LEVELS)
        ):
            # A one-word qualifier makes another place (`Quimperlé Ouest`, `Kerlouan
            # Plage`), and `Grand Lyon` names Lyon, not the commune of Grand.
            return []
        if found:
            return [
                Candidate(i, round(fuzz.ratio(m.loose_key, head.loose_key), 1), "prefix")
                for i in found
            ]
    return []


@functools.lru_cache(maxsize=8192)
def candidates(m: Member) -> tuple[Candidate, ...]:
    """The entities `m` may be: exact (strict, then loose key), else fuzzy, else prefix."""
    if not m.linkable:
        return ()
    geo = reference()
    levels = (m.level,) if m.level else LEVELS
    for index, key in ((geo.exact, m.key), (geo.loose, m.loose_key)):
        found = [Candidate(i, 100.0, "exact") for lv in levels for i in index[lv].get(key, ())]
        if found:
            return _prefer_kind(geo, m, found)
    fuzzy = _fuzzy(geo, m, levels)
    if fuzzy:
        return _prefer_kind(geo, m, fuzzy)
    if "commune" in levels and m.kind in (None, VILLE):
        return tuple(_prefix(geo, m))
    return ()


def _borrow(infos: list[Member], at: int, used: set[int]) -> tuple[str, ...]:
    """The name a bare kind takes (`X, Ville et Métropole`; `Ville et CA X`)."""
    for i in range(at - 1, -1, -1):  # a bare name before it lends its name and goes
        if infos[i].words and infos[i].kind is None:
            used.add(i)
            return infos[i].words
    after = [i for i in range(at + 1, len(infos)) if infos[i].words]
    before = [i for i in range(at - 1, -1, -1) if infos[i].words]
    for i in after[:1] or before[:1]:
        if infos[i].kind is None:
            used.add(i)
        return infos[i].words
    return ()


def _best_cut(text: str, segs: list[Segment], group: list[int]) -> list[Member]:
    """Bare pieces as one name when they are one (`Marne et Gondoire`), else
    cut where that names the most entities, in the fewest runs (`Vanves et Malakoff`)."""
    whole = member(text[segs[group[0]].start : segs[group[-1]].end])
    if candidates(whole) or len(group) == 1:
        return [whole]
    if len(group) > MAX_SEGMENTS:
        return [member(text[segs[i].start : segs[i].end]) for i in group]
    best: tuple[tuple[int, int], list[Member]] | None = None
    for cuts in itertools.product((False, True), repeat=len(group) - 1):
        runs: list[Member] = []
        start = group[0]
        for position, cut in enumerate(cuts, start=1):
            if cut:
                runs.append(member(text[segs[start].start : segs[group[position - 1]].end]))
                start = group[position]
        runs.append(member(text[segs[start].start : segs[group[-1]].end]))
        # a piece counts when its name is an entity's, not merely begins like one
        named = sum(1 for r in runs if any(c.method != "prefix" for c in candidates(r)))
        score = (named, -len(runs))
        if best is None or score > best[0]:
            best = (score, runs)
    assert best is not None
    return best[1]


def _runs(text: str, segs: list[Segment], infos: list[Member], group: list[int]) -> list[Member]:
    """A piece with kind words starts an authority, and the bare pieces after it
    continue its name (`CA X – Y`, `CC Monts, Rance et
    Rougier`), except after a slash (a co-signer). Bare pieces before any kind
    are cut where that names the most entities."""
    blocks: list[list[int]] = []
    for i in group:
        starts = infos[i].kind is not None or segs[i].separator == "/"
        if not blocks or starts or infos[blocks[-1][0]].kind is None:
            if blocks and not starts and infos[blocks[-1][0]].kind is None:
                blocks[-1].append(i)  # bare after bare: cut below
                continue
            blocks.append([i])
        else:
            blocks[-1].append(i)
    runs: list[Member] = []
    for block in blocks:
        if infos[block[0]].kind is None:
            runs += _best_cut(text, segs, block)
        else:
            runs.append(member(text[segs[block[0]].start : segs[block[-1]].end]))
    return runs


@functools.lru_cache(maxsize=8192)
def members(printed: str) -> tuple[tuple[Member, ...], tuple[Member, ...]]:
    """(the authorities a printed name holds, in order; the hints in its parentheses)."""
    text, hints = split_hints(printed)
    segs = segments(text)
    infos = [member(text[s.start : s.end]) for s in segs]
    used: set[int] = set()
    bare_kinds: dict[int, Member] = {}
    for i, info in enumerate(infos):
        if info.kind is not None and not info.words:
            bare_kinds[i] = member(text[segs[i].start : segs[i].end], _borrow(infos, i, used))
    found: list[tuple[int, Member]] = list(bare_kinds.items())
    group: list[int] = []
    for i in [*range(len(infos)), None]:
        if i is None or i in bare_kinds or i in used:
            if group:
                found += [(group[0], m) for m in _runs(text, segs, infos, group)]
            group = []
            continue
        group.append(i)
    found.sort(key=lambda item: item[0])
    return tuple(m for _, m in found), tuple(member(h) for h in hints)


def entity(index: int) -> Entity:
    return reference().entities[index]
