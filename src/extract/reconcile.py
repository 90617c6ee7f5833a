"""Summary entries ↔ detail records, paired one-to-one.

Each laureate is printed twice: in its category's summary list and on its
detail page. Entries and records are paired one-to-one by an optimal
assignment on a fuzzy score of territory and project (category only a hint),
then every disagreement is reported with the pages that show it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from extract.model import Edition, Inconsistency, Laureate, Match, SummaryEntry
from extract.names import name_key
from extract.rules import inconsistencies

# Below this score an entry and a record are not the same laureate.
MATCH_THRESHOLD = 60.0
CATEGORY_BONUS = 10.0


@dataclass(frozen=True)
class Reconciliation:
    matches: tuple[Match, ...]
    inconsistencies: tuple[Inconsistency, ...]

    def count(self, severity: str) -> int:
        return sum(1 for i in self.inconsistencies if i.severity == severity)


def _similarity(a: list[str], b: list[str]) -> np.ndarray:
    """Names printed twice: one may be a shortened or extended form of the other.

    Keys are computed once per name and scored all against all in rapidfuzz's
    native code, so matching stays fast for editions of hundreds of laureates.
    """
    ka, kb = [name_key(x) for x in a], [name_key(x) for x in b]
    full = process.cdist(ka, kb, scorer=fuzz.token_sort_ratio, dtype=np.float64)
    subset = process.cdist(ka, kb, scorer=fuzz.token_set_ratio, dtype=np.float64)
    score = np.maximum(full, 0.85 * subset)
    empty = np.array([not k for k in ka])[:, None] | np.array([not k for k in kb])[None, :]
    return np.where(empty, 0.0, score)


def score_matrix(entries: tuple[SummaryEntry, ...], laureates: tuple[Laureate, ...]) -> np.ndarray:
    territory = _similarity([e.territory for e in entries], [x.territory for x in laureates])
    project = _similarity([e.project for e in entries], [x.project for x in laureates])
    same = np.array([[e.category == x.category for x in laureates] for e in entries])
    return np.minimum(0.6 * territory + 0.4 * project + CATEGORY_BONUS * same, 100.0)


def match(entries: tuple[SummaryEntry, ...], laureates: tuple[Laureate, ...]) -> list[Match]:
    """Optimal one-to-one pairing; pairs under the threshold stay apart."""
    pairs: list[Match] = []
    used_entries: set[int] = set()
    used_laureates: set[int] = set()
    if entries and laureates:
        scores = score_matrix(entries, laureates)
        from scipy.optimize import linear_sum_assignment  # 0.3 s to import: only when used

        rows, cols = linear_sum_assignment(scores, maximize=True)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            if scores[r, c] >= MATCH_THRESHOLD:
                pairs.append(Match(entries[r], laureates[c], round(float(scores[r, c]), 2)))
                used_entries.add(r)
                used_laureates.add(c)
    pairs += [Match(e, None, 0.0) for i, e in enumerate(entries) if i not in used_entries]
    pairs += [Match(None, lau, 0.0) for i, lau in enumerate(laureates) if i not in used_laureates]
    return sorted(pairs, key=_match_order)


def _match_order(m: Match) -> tuple[int, int, int]:
    if m.laureate is not None:
        return (m.laureate.page_start, 0, m.laureate.order)
    assert m.summary is not None
    return (m.summary.page, 1, m.summary.position)


def reconcile(edition: Edition) -> Reconciliation:
    matches = match(edition.summary_entries, edition.laureates)
    return Reconciliation(tuple(matches), inconsistencies(edition, matches))
