"""What a printed directory must show: every word that its truth says is there.

A producer that lets its typesetter paginate (Chromium, LibreOffice) can lose
text without a word of warning: a box that clips what overflows it, a
multi-column block whose overflow columns are never painted, a line pushed off
the page. The truth would then hold sentences that no reader can see. After
printing, `check_printed` compares the words of the truth's texts (record
sections, territories, projects, subtitles, summary entries, jury, criteria)
with the words on the PDF's pages, as multisets: case, accents' composition and
punctuation aside, every word must be printed at least as often as the truth
holds it. The words come from pdfium's text of each page, less the lines
that stand off the page's box (about 40 ms for a directory of 30 pages); where
they seem to lack a word, from pdfplumber's words within the page's box, as
pdfium breaks some lines inside words (`plumbed_words`). Text painted
but hidden under a clip path inside the page would still count as printed:
this check finds text that was never painted, or painted off the page.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from .truth import Truth

WORD = re.compile(r"\w+")
WORD_CHAR = re.compile(r"\w")
SECTIONS = ("description", "innovation", "contributions")


def words(text: str) -> Counter[str]:
    """Words as a multiset: letters and digits only, NFKC, case folded."""
    return Counter(WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def truth_texts(truth: Truth) -> list[tuple[str, str]]:
    """(where, text) of every text the truth says is printed."""
    out = []
    for k, lau in enumerate(truth.laureates):
        out += [(f"laureate[{k}].{key}", getattr(lau, key)) for key in SECTIONS]
        out += [
            (f"laureate[{k}].territory", lau.territory),
            (f"laureate[{k}].project", lau.project),
        ]
        if lau.project_subtitle:
            out.append((f"laureate[{k}].project_subtitle", lau.project_subtitle))
    for k, entry in enumerate(truth.summary_entries):
        out += [(f"entry[{k}].project", entry.project), (f"entry[{k}].territory", entry.territory)]
    out += [(f"jury[{k}]", f"{name} {org}") for k, (name, org) in enumerate(truth.jury)]
    out += [(f"criteria[{k}]", text) for k, text in enumerate(truth.criteria)]
    return out


def pdf_words(path: Path) -> Counter[str]:
    """The words printed on the PDF's pages, less those of any line off the page's box."""
    found: Counter[str] = Counter()
    pdf = pdfium.PdfDocument(path)
    try:
        for page in pdf:
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            found.update(words(text))
            within = textpage.get_text_bounded(*page.get_bbox())
            if len(WORD_CHAR.findall(within)) < len(WORD_CHAR.findall(text)):
                found -= _off_page(page, textpage)
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return found


def _off_page(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> Counter[str]:
    """Words of the text lines that lie, if only in part, outside the page's box.

    (A page's words are read from its whole text: pdfium's text within bounds loses
    the line break after a line that ends with a hyphen, and glues two words.)
    """
    left, bottom, right, top = page.get_bbox()
    off: Counter[str] = Counter()
    for k in range(textpage.count_rects()):
        x0, y0, x1, y1 = textpage.get_rect(k)
        if x0 < left - 1 or y0 < bottom - 1 or x1 > right + 1 or y1 > top + 1:
            off.update(words(textpage.get_text_bounded(x0, y0, x1, y1)))
    return off


def plumbed_words(path: Path) -> Counter[str]:
    """The words pdfplumber reads from the characters that lie within their page's box.

    pdfium's page text breaks the line inside a word where a glyph starts left of
    where the previous one ended: Chromium sets a justified line's last letter as
    a text object of its own, a point back (`entr` / `e`), and on some pages every
    letter, though all stand side by side on one baseline. pdfplumber groups
    characters by their distance, and reads those words whole; it is slower, and
    only asked when pdfium's text seems to lack words."""
    found: Counter[str] = Counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            inside = page.within_bbox(page.bbox)
            found.update(words(" ".join(w["text"] for w in inside.extract_words())))
    return found


def missing_words(truth: Truth, path: Path) -> Counter[str]:
    """Words of the truth printed fewer times than the truth holds them, with the shortfall."""
    needed: Counter[str] = Counter()
    for _, text in truth_texts(truth):
        needed.update(words(text))
    missing = needed - pdf_words(path)
    return needed - plumbed_words(path) if missing else missing


def check_printed(truth: Truth, path: Path, seed: int) -> None:
    """Raise an AssertionError naming the seed and the missing words if any word is missing."""
    missing = missing_words(truth, path)
    if not missing:
        return
    hits = [(len(set(words(text)) & set(missing)), name) for name, text in truth_texts(truth)]
    where = [name for n, name in sorted(hits, key=lambda h: -h[0]) if n]
    shown = ", ".join(f"{w}×{n}" if n > 1 else w for w, n in sorted(missing.items()))
    raise AssertionError(
        f"seed {seed}: {path.name} lacks {sum(missing.values())} words of its truth "
        f"({truth.producer}): {shown}; most of them in {', '.join(where[:4])}"
        + (" …" if len(where) > 4 else "")
    )
