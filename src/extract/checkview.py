"""The readable table `annuaire check` prints: inconsistencies by severity."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from extract.model import SEVERITY_ORDER, Inconsistency

_COLUMNS = ("kind", "pages", "category", "territory", "expected", "found")
_WIDTH = {"kind": 24, "pages": 9, "category": 28, "territory": 34, "expected": 26, "found": 26}


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _cells(issue: Inconsistency) -> dict[str, str]:
    return {
        "kind": issue.kind,
        "pages": ", ".join(str(p) for p in issue.pages),
        "category": issue.category,
        "territory": issue.territory,
        "expected": issue.expected,
        "found": issue.found,
    }


def render(path: str, year: int, issues: Sequence[Inconsistency], min_severity: str) -> str:
    limit = SEVERITY_ORDER[min_severity]
    counts = {s: sum(1 for i in issues if i.severity == s) for s in SEVERITY_ORDER}
    head = ", ".join(f"{n} {s}" for s, n in counts.items())
    out = [f"{Path(path).name} (edition {year}): {head}"]
    for severity, rank in SEVERITY_ORDER.items():
        chosen = [i for i in issues if i.severity == severity]
        if rank > limit or not chosen:
            continue
        out.append("")
        out.append(f"{severity.upper()} ({len(chosen)})")
        out.append("  " + "  ".join(c.ljust(_WIDTH[c]) for c in _COLUMNS).rstrip())
        for issue in chosen:
            cells = _cells(issue)
            row = "  ".join(_clip(cells[c], _WIDTH[c]).ljust(_WIDTH[c]) for c in _COLUMNS)
            out.append("  " + row.rstrip())
    return "\n".join(out) + "\n"
