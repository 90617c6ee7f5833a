"""Two editions that print the same authorities differently give one key per authority.

The generator's `Cast` draws invented authorities and prints each one afresh in
every place (summary and detail page) of every edition; its truth says which
authority each printing names.
"""

from __future__ import annotations

import random
from html import escape
from pathlib import Path

import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.cli import main
from extract.territories import record_key
from gen import draw_edition, render_pdf
from gen.authorities import Cast, pool, printing


@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 10**6))
def test_printings_of_one_authority_share_a_key_and_others_do_not(seed: int) -> None:
    rng = random.Random(seed)
    authorities = pool(rng, size=6)
    keys = {a.ident: {record_key([printing(a, rng)]) for _ in range(4)} for a in authorities}
    for ident, found in keys.items():
        assert len(found) == 1, (ident, found)
    assert len({next(iter(k)) for k in keys.values()}) == len(authorities)


def _editions(tmp: Path, cast: Cast) -> dict[int, tuple[Path, object]]:
    editions: dict[int, tuple[Path, object]] = {}
    seed = 1300
    while len(editions) < 2:
        truth, spec = draw_edition(seed, cast=cast)
        if truth.edition_year not in editions:
            path = tmp / f"edition-{seed}.pdf"
            render_pdf(spec, path)
            editions[truth.edition_year] = (path, truth)
        seed += 1
    return editions


def test_two_generated_editions_give_one_key_per_authority(tmp_path: Path) -> None:
    cast = Cast(pool(random.Random(13), size=40))
    editions = _editions(tmp_path, cast)
    out = tmp_path / "out"
    paths = [str(path) for path, _ in editions.values()]
    assert main(["extract", *paths, "--out", str(out), "--jobs", "2"]) == 0
    # which authority each extracted row is, from the truth of its record
    truth_of: dict[tuple[int, str, int], str] = {}
    for year, (_, truth) in editions.items():
        for lau in truth.laureates:  # type: ignore[attr-defined]
            truth_of[(year, "detail", lau.page_start)] = cast.printed[lau.territory]
        for entry in truth.summary_entries:  # type: ignore[attr-defined]
            truth_of[(year, entry.category, entry.position)] = cast.printed[entry.territory]
    keys_of: dict[str, set[str]] = {}
    printed_as: dict[str, set[str]] = {}
    for row in pq.read_table(out / "laureates.parquet").to_pylist():
        ident = truth_of[(row["edition_year"], "detail", row["page_start"])]
        keys_of.setdefault(ident, set()).add(row["territory_key"])
        printed_as.setdefault(ident, set()).add(row["territory"])
    for row in pq.read_table(out / "summary_entries.parquet").to_pylist():
        ident = truth_of[(row["edition_year"], row["category"], row["position"])]
        keys_of.setdefault(ident, set()).add(row["territory_key"])
        printed_as.setdefault(ident, set()).add(row["territory"])
    assert {ident: len(keys) for ident, keys in keys_of.items() if len(keys) != 1} == {}
    assert len({next(iter(k)) for k in keys_of.values()}) == len(keys_of)
    # the test means something: authorities in both editions, printed in several ways
    years_of = {ident: {y for (y, _, _), i in truth_of.items() if i == ident} for ident in keys_of}
    both = [ident for ident, years in years_of.items() if len(years) == 2]
    assert len(both) >= 3 and sum(len(printed_as[i]) > 1 for i in both) >= 3
    territories = {
        r["territory_key"]: r for r in pq.read_table(out / "territories.parquet").to_pylist()
    }
    assert len(territories) == len(keys_of)
    for ident in both:
        (key,) = keys_of[ident]
        assert territories[key]["editions"] == sorted(editions)
        assert set(territories[key]["names"]) == printed_as[ident]
    # the report shows each of these territories' labels in both editions
    html = (out / "report.html").read_text(encoding="utf-8")
    section = html[html.index("<h2>Territories across editions</h2>") :]
    for ident in both:
        (key,) = keys_of[ident]
        name = escape(territories[key]["name"])
        row = section[section.index(f"<tr><th>{name} <small>") :]
        row = row[: row.index("</tr>")]
        assert row.count("<td>") == 2 and "<td>—</td>" not in row, row
