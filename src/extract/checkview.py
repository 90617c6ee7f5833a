"""The readable table `annuaire check` prints: inconsistencies by severity."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from extract.model import SEVERITY_ORDER, Inconsistency
from extract.reading import READING_KINDS

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


def _section(title: str, chosen: Sequence[Inconsistency]) -> list[str]:
    out = ["", f"{title} ({len(chosen)})"]
    out.append("  " + "  ".join(c.ljust(_WIDTH[c]) for c in _COLUMNS).rstrip())
    for issue in chosen:
        cells = _cells(issue)
        row = "  ".join(_clip(cells[c], _WIDTH[c]).ljust(_WIDTH[c]) for c in _COLUMNS)
        out.append("  " + row.rstrip())
    return out


def render(path: str, year: int, issues: Sequence[Inconsistency], min_severity: str) -> str:
    """Findings about the reading itself first (every other finding rests on
    them), then the inconsistencies by severity."""
    limit = SEVERITY_ORDER[min_severity]
    counts = {s: sum(1 for i in issues if i.severity == s) for s in SEVERITY_ORDER}
    head = ", ".join(f"{n} {s}" for s, n in counts.items())
    out = [f"{Path(path).name} (edition {year}): {head}"]
    shown = [i for i in issues if SEVERITY_ORDER[i.severity] <= limit]
    reading = [i for i in shown if i.kind in READING_KINDS]
    if reading:
        out += _section("NOT READ AS PRINTED", reading)
    for severity in SEVERITY_ORDER:
        chosen = [i for i in shown if i.severity == severity and i.kind not in READING_KINDS]
        if chosen:
            out += _section(severity.upper(), chosen)
    return "\n".join(out) + "\n"
