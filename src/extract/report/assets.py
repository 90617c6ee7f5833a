"""The report's inline style and script, kept apart from the markup builders.

Both are inlined so the report is one file that works offline; the script
only adds comfort (search, sort, opening records, shared crops).
"""

from __future__ import annotations

STYLE = """
:root { --ink: #1d2733; --muted: #5b6673; --line: #d8dde3; --accent: #124a73; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: #f6f7f9; }
header.top { background: var(--accent); color: #fff; padding: 14px 24px; }
header.top h1 { margin: 0; font-size: 22px; }
header.top nav a { color: #fff; margin-right: 14px; }
main { max-width: 1180px; margin: 0 auto; padding: 8px 24px 48px; }
section.edition { background: #fff; border: 1px solid var(--line); border-radius: 6px;
  padding: 4px 20px 20px; margin-top: 20px; }
h2 { color: var(--accent); } h3 { margin-top: 28px; border-bottom: 1px solid var(--line); }
.source, .empty, figcaption, .shown { color: var(--muted); }
table { border-collapse: collapse; }
.side-by-side { display: flex; flex-wrap: wrap; gap: 32px; align-items: flex-start; }
table.counts td, table.counts th { padding: 4px 14px 4px 0; text-align: left; }
table.counts td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.counts tr.diff td { color: #a11; font-weight: 600; }
.chart text { font-size: 13px; fill: var(--ink); } .chart text.bar-n { fill: #fff; }
article.issue { border: 1px solid var(--line); border-left: 6px solid #999; border-radius: 4px;
  padding: 8px 12px; margin: 10px 0; }
article.sev-error { border-left-color: #c0392b; }
article.sev-warning { border-left-color: #e08e0b; }
article.sev-info { border-left-color: #7f8c8d; }
.badge { display: inline-block; padding: 0 7px; border-radius: 9px; color: #fff;
  font-size: 12px; text-transform: uppercase; background: #7f8c8d; }
.badge.error { background: #c0392b; } .badge.warning { background: #e08e0b; }
article.issue dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px;
  margin: 8px 0; }
dt { color: var(--muted); } dd { margin: 0; }
.crops { display: flex; flex-direction: column; gap: 8px; }
figure.crop { margin: 0; } figure.crop img { max-width: 100%; border: 1px solid var(--line); }
.missing { width: 420px; max-width: 100%; padding: 18px; border: 2px dashed #c0392b;
  color: #c0392b; background: #fdf2f1; text-align: center; }
details.infos > summary { cursor: pointer; margin: 10px 0; font-weight: 600; }
.tools input { font: inherit; padding: 4px 8px; width: 320px; max-width: 60vw; }
table.laureates { width: 100%; margin-top: 8px; }
table.laureates th { text-align: left; border-bottom: 2px solid var(--line); }
table.laureates th button { font: inherit; font-weight: 600; border: 0; background: none;
  cursor: pointer; padding: 4px 0; color: var(--accent); }
th[aria-sort=ascending] button::after { content: " ▲"; }
th[aria-sort=descending] button::after { content: " ▼"; }
table.laureates td { padding: 4px 8px 4px 0; vertical-align: top; }
tbody.rec { border-bottom: 1px solid var(--line); }
tr.row { cursor: pointer; } tr.row:hover { background: #eef3f8; }
button.open { border: 0; background: none; cursor: pointer; font-size: 15px; }
tr.full td { padding-bottom: 12px; } tr.full h4 { margin: 10px 0 2px; color: var(--accent); }
tr.full p { margin: 2px 0; } dl.facts { display: grid; grid-template-columns: max-content 1fr;
  gap: 1px 12px; }
.tier { padding: 0 6px; border-radius: 8px; color: #fff; font-size: 13px; }
.tier.or { background: #b8860b; } .tier.argent { background: #8a939c; }
.tier.bronze { background: #a0522d; }
"""

SCRIPT = """
"use strict";
(function () {
  for (const img of document.querySelectorAll("img[data-same]")) {
    const first = document.getElementById(img.dataset.same);
    if (first) img.src = first.src;
  }
  const fold = (s) => s.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase();
  const collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });

  function filter(input, table, shown) {
    const words = fold(input.value).split(/\\s+/).filter(Boolean);
    const records = Array.from(table.tBodies);
    let n = 0;
    for (const rec of records) {
      const hit = words.every((w) => rec.dataset.text.includes(w));
      rec.hidden = !hit;
      if (hit) n += 1;
    }
    shown.textContent = n + " of " + records.length + " shown";
  }

  function toggle(row) {
    const full = row.nextElementSibling;
    const button = row.querySelector("button.open");
    full.hidden = !full.hidden;
    button.setAttribute("aria-expanded", String(!full.hidden));
    button.textContent = full.hidden ? "\\u25b8" : "\\u25be";
  }

  function sortBy(table, button) {
    const th = button.parentElement;
    const ascending = th.getAttribute("aria-sort") !== "ascending";
    for (const other of table.tHead.rows[0].cells) other.removeAttribute("aria-sort");
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const col = Number(button.dataset.col);
    const key = (rec) => rec.rows[0].cells[col].dataset.sort;
    const records = Array.from(table.tBodies);
    records.sort((a, b) => (ascending ? 1 : -1) * collator.compare(key(a), key(b)));
    for (const rec of records) table.appendChild(rec);
  }

  for (const table of document.querySelectorAll("table.laureates")) {
    for (const rec of table.tBodies) rec.dataset.text = fold(rec.rows[0].textContent);
    table.addEventListener("click", (event) => {
      const sort = event.target.closest("button.sort");
      const row = event.target.closest("tr.row");
      if (sort) sortBy(table, sort);
      else if (row) toggle(row);
    });
  }
  for (const input of document.querySelectorAll("input.search")) {
    const table = document.getElementById(input.dataset.table);
    const shown = input.closest(".tools").querySelector(".shown");
    input.addEventListener("input", () => filter(input, table, shown));
  }
})();
"""
