"""Laureates per category and tier as an inline SVG bar chart.

SVG written by hand keeps the report free of scripts and libraries for its
one chart, and prints and zooms crisply.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from extract.report.data import Row

TIERS = ("or", "argent", "bronze")
TIER_COLOURS = {"or": "#b8860b", "argent": "#8a939c", "bronze": "#a0522d"}
LABEL_W = 260
BAR_W = 360
ROW_H = 26
TOP = 28


def _bar(y: int, category: str, counts: Counter[str], unit: float) -> list[str]:
    parts = [f'<text x="{LABEL_W - 8}" y="{y + 17}" text-anchor="end">{escape(category)}</text>']
    x = float(LABEL_W)
    for tier in TIERS:
        n = counts.get(tier, 0)
        if not n:
            continue
        w = n * unit
        parts.append(
            f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{ROW_H - 6}" '
            f'fill="{TIER_COLOURS[tier]}"><title>{escape(category)}: {n} {tier}</title></rect>'
        )
        parts.append(
            f'<text x="{x + w / 2:.1f}" y="{y + 17}" text-anchor="middle" class="bar-n">{n}</text>'
        )
        x += w
    parts.append(f'<text x="{x + 6:.1f}" y="{y + 17}">{sum(counts.values())}</text>')
    return parts


def _legend() -> list[str]:
    parts = []
    for i, tier in enumerate(TIERS):
        x = LABEL_W + i * 90
        parts.append(f'<rect x="{x}" y="6" width="14" height="14" fill="{TIER_COLOURS[tier]}"/>')
        parts.append(f'<text x="{x + 19}" y="18">{tier}</text>')
    return parts


def tier_chart(laureates: list[Row], year: int) -> str:
    """One horizontal bar per category, split by tier, with counts written on it."""
    by_category: dict[str, Counter[str]] = {}
    for row in laureates:
        by_category.setdefault(row["category"], Counter())[row["tier"]] += 1
    if not by_category:
        return '<p class="empty">No laureates.</p>'
    widest = max(sum(c.values()) for c in by_category.values())
    unit = BAR_W / widest
    height = TOP + ROW_H * len(by_category) + 6
    width = LABEL_W + BAR_W + 40
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-labelledby="chart-title-{year}">',
        f'<title id="chart-title-{year}">Laureates per category and tier, {year}</title>',
        *_legend(),
    ]
    for i, category in enumerate(sorted(by_category)):
        parts.extend(_bar(TOP + i * ROW_H, category, by_category[category], unit))
    parts.append("</svg>")
    return "\n".join(parts)
