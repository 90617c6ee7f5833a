"""Assemble report.html from an output folder and write it atomically.

The page depends only on the tables, the manifest's sources and the crop
bytes, with every collection sorted, so the same outputs give the same bytes:
the report can be diffed and committed like the tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from pathlib import Path

from extract.report.assets import SCRIPT, STYLE
from extract.report.cache import CropCache
from extract.report.chart import tier_chart
from extract.report.crops import CropSource
from extract.report.data import EditionData, Row, load
from extract.report.issues import issues_section
from extract.report.laureates import laureates_section
from extract.report.territories import (
    Territories,
    across_editions,
    load_territories,
    per_region_and_kind,
)
from extract.store import write_files

REPORT_NAME = "report.html"
TITLE = "Label « Territoire Innovant » — extraction report"


def _count_row(label: str, stated: object, found: object) -> str:
    differs = stated is not None and found is not None and stated != found
    shown = ["—" if v is None else str(v) for v in (stated, found)]
    return (
        f"<tr{' class=diff' if differs else ''}><th>{escape(label)}</th>"
        f'<td class="n">{shown[0]}</td><td class="n">{shown[1]}</td></tr>'
    )


def _counts(info: Row) -> str:
    rows = [
        _count_row("Applications", info["stated_applications"], None),
        _count_row("Territories auditioned", info["stated_auditioned"], None),
        _count_row(
            "Territories labelled (detail pages)", info["stated_labelled"], info["found_laureates"]
        ),
        _count_row("Summary list entries", info["stated_labelled"], info["found_summary_entries"]),
        _count_row("Categories", None, info["found_categories"]),
    ]
    criteria = ", ".join(info["criteria"] or [])
    return (
        '<table class="counts"><thead><tr><th></th><th>stated</th><th>found</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        + (f"<p>Rating criteria: {escape(criteria)}</p>" if criteria else "")
    )


def _edition(
    edition: EditionData, cache: CropCache, territories: Territories, password: str | None
) -> str:
    info, year = edition.info, edition.year
    crops = CropSource(cache, edition.source, password)
    try:
        issues = issues_section(edition.inconsistencies, year, crops.crop)
    finally:
        crops.close()
    heading = (
        f"Inconsistencies ({info['errors']} error(s), {info['warnings']} warning(s), "
        f"{info['infos']} info)"
    )
    return (
        f'<section class="edition" id="edition-{year}"><h2>Edition {year}</h2>'
        f'<p class="source">{escape(info["source_file"])} · {info["pages"]} pages · '
        f"SHA-256 <code>{escape(info['source_sha256'][:16])}…</code></p>"
        f"<h3>Stated and found counts</h3>{_counts(info)}"
        f"<h3>Laureates per category and tier</h3>{tier_chart(edition.laureates, year)}"
        f"<h3>Laureates per région and per kind</h3>{per_region_and_kind(edition, territories)}"
        f"<h3>{escape(heading)}</h3>{issues}"
        f"<h3>Laureates ({len(edition.laureates)})</h3>"
        f"{laureates_section(edition.laureates, year)}</section>"
    )


def render(out: Path, crops: Mapping[str, bytes] | None = None, password: str | None = None) -> str:
    """The whole page for the outputs in `out`; `crops` are already rendered ones to cache.

    `password` opens an encrypted source PDF for a crop that is not cached.
    """
    editions = load(out)
    cache = CropCache(out)
    for name, data in (crops or {}).items():
        if cache.get(name) is None:
            cache.put(name, data)
    nav = " ".join(f'<a href="#edition-{e.year}">{e.year}</a>' for e in editions)
    territories = load_territories(out)
    body = "\n".join(_edition(e, cache, territories, password) for e in editions)
    body += across_editions(editions, territories)
    cache.save()
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{escape(TITLE)}</title><link rel="icon" href="data:,">'
        f"<style>{STYLE}</style></head>\n<body>"
        f'<header class="top"><h1>{escape(TITLE)}</h1><nav>Editions: {nav}</nav></header>'
        f"<main>\n{body}\n</main><script>{SCRIPT}</script></body></html>\n"
    )


def build_report(
    out: Path, crops: Mapping[str, bytes] | None = None, password: str | None = None
) -> Path:
    """Write `out/report.html` from the outputs in `out`; return its path.

    `crops` are crops rendered during extraction (see `crops.prerender`), cached
    here so the report does not render them again; `password` opens an encrypted
    source PDF for the crops that are neither given nor cached. Raises MissingFileError when
    `out` holds no outputs, OutputNotWritableError when the report cannot be saved.
    """
    data = render(out, crops, password).encode("utf-8")
    write_files(out, {REPORT_NAME: data})  # atomic, like the tables
    return out / REPORT_NAME
