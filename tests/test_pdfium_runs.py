"""The pdfium backend's bulk reading gives the very words its per-character reading gives.

`page_words(by_token=True)` reads a page in bulk and keeps runs of characters
together; `by_token=False` is the plain per-character reading that the
differential test holds equal to pdfplumber. They must agree word for word,
box for box, on every page: the 2021 sample, generated directories, and
pages written by hand with what text layers do in the wild: TJ kerning, gaps
wider than the word tolerance, text drawn backwards or overprinted, a narrow
glyph set inside a wide one, spaces kerned out of place or overprinted,
letters spaced by TJ kerning, letter and word spacing, horizontal scaling,
fonts changing inside a word, rotated and mirrored text, decomposed
ligatures, zero-width glyphs, line-end hyphens, text rise, characters outside
the BMP, control characters, right-to-left text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest
from pikepdf import Array, Dictionary, Name

from conftest import SAMPLE
from extract.model import Word
from extract.read import pdfium as reader
from extract.read.source import open_pdf
from gen import make_directory

_TO_UNICODE = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Odd def 1 begincodespacerange <00> <FF> endcodespacerange
3 beginbfchar <41> <D835DC00> <42> <0003> <43> <05D0> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""

_PAGE_ONE = b"""
q BT /F1 10 Tf 40 800 Td (Plain words on a line.) Tj ET Q
q BT /F1 10 Tf 40 780 Td [(Ke) -50 (rn) 30 (ed) -20 ( wo) 10 (rds)] TJ ET Q
q BT /F1 40 Tf 40 730 Td [(Split) -100 (here)] TJ ET Q
q BT /F1 10 Tf 40 700 Td [(Back) 3000 (ward)] TJ ET Q
q BT /F1 10 Tf 5 Tc 40 680 Td (Spaced) Tj ET Q
q BT /F1 10 Tf 50 Tz 40 660 Td (Squeezed text) Tj ET Q
q BT /F1 10 Tf 4 Tw 40 640 Td (Word spaced text) Tj ET Q
q BT /F1 10 Tf 40 620 Td (Mi) Tj /F2 10 Tf (xed) Tj /F1 10 Tf ( fonts) Tj ET Q
q BT /F1 10 Tf 40 600 Td (Overlap) Tj ET BT /F1 10 Tf 52 600 Td (Lapping) Tj ET Q
q BT /F1 10 Tf 0 1 -1 0 400 400 Tm (Rotated words) Tj ET Q
q BT /F3 10 Tf 40 580 Td (\\001ne \\002ow) Tj ET Q
q BT /F4 10 Tf 40 560 Td [(axb) 270 (c zero)] TJ ET Q
q BT /F1 10 Tf 40 540 Td (Clermont-) Tj ET BT /F1 10 Tf 40 528 Td (Ferrand here) Tj ET Q
q BT /F1 10 Tf 40 500 Td (Gap) Tj ET BT /F1 10 Tf 70 500 Td (between objects) Tj ET Q
q BT /F1 10 Tf 40 480 Td (Twice) Tj ET BT /F1 10 Tf 40 480 Td (Twice) Tj ET Q
q BT /F1 10 Tf 40 460 Td (Rise) Tj 3 Ts (up) Tj 0 Ts (down) Tj ET Q
q BT /F1 10 Tf -1 0 0 1 300 440 Tm (Mirrored) Tj ET Q
q BT /F1 10 Tf 40 420 Td [(W) 800 (i)] TJ ET Q
q BT /F1 10 Tf 40 400 Td (ab cd) Tj ET BT /F1 10 Tf 51.5 400 Td (X) Tj ET Q
q BT /F1 10 Tf 40 380 Td [(ab ) 300 (cd)] TJ ET Q
q BT /F1 10 Tf 40 360 Td [(ab) 700 ( cd)] TJ ET Q
q BT /F1 10 Tf -5 Tw 40 340 Td (ab cd) Tj ET Q
q BT /F1 10 Tf 40 320 Td [(T) -250 (r) -250 (a) -250 (c) -250 (k) -250 ( ) -250 (O)] TJ ET Q
"""
_PAGE_TWO = b"BT /F5 10 Tf 40 800 Td (AA xA) Tj ET BT /F1 10 Tf 40 780 Td (after) Tj ET"
_PAGE_THREE = b"BT /F5 10 Tf 40 800 Td (xBy z) Tj ET"
_PAGE_FOUR = b"BT /F5 10 Tf 40 800 Td (CCC abc) Tj ET"


# Each line sits in q ... Q: text state (Tc, Tw, Tz, Ts) outlives ET and would leak.


def _type1(base: str, **extra: Any) -> Dictionary:
    return Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name("/" + base), **extra)


def write_odd_pdf(path: Path) -> Path:
    """Pages whose text layers take the bulk reading off its common path."""
    pdf = pikepdf.new()
    zero_x = [278 if code != ord("x") else 0 for code in range(32, 127)]
    fonts = Dictionary(
        F1=_type1("Helvetica", Encoding=Name.WinAnsiEncoding),
        F2=_type1("Helvetica-Bold", Encoding=Name.WinAnsiEncoding),
        F3=_type1(
            "Helvetica",
            Encoding=Dictionary(
                Type=Name.Encoding,
                BaseEncoding=Name.WinAnsiEncoding,
                Differences=Array([1, Name("/fi"), Name("/fl")]),
            ),
        ),
        F4=_type1("Helvetica", FirstChar=32, LastChar=126, Widths=Array(zero_x)),
        F5=_type1(
            "Helvetica", Encoding=Name.WinAnsiEncoding, ToUnicode=pdf.make_stream(_TO_UNICODE)
        ),
    )
    for content in (_PAGE_ONE, _PAGE_TWO, _PAGE_THREE, _PAGE_FOUR):
        page = pikepdf.Page(
            Dictionary(
                Type=Name.Page,
                MediaBox=Array([0, 0, 595, 842]),
                Resources=Dictionary(Font=fonts),
                Contents=pdf.make_stream(content),
            )
        )
        pdf.pages.append(page)
    pdf.save(path)
    return path


def both_readings(path: Path) -> list[tuple[list[Word], list[Word], int]]:
    """Per page: words read in bulk, words read per character, and the runs kept whole."""
    out = []
    pdf = pdfium.PdfDocument(path)
    fonts, scratch = reader._Fonts(reader.Descents(open_pdf(path))), reader.Scratch()
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            height = page.get_size()[1]
            objects = reader.page_objects(page.raw, height)  # before the text page
            textpage = page.get_textpage()
            bulk = reader.page_words(textpage.raw, height, fonts, scratch, objects=objects)
            chars = reader.page_words(
                textpage.raw, height, fonts, scratch, by_token=False, objects=objects
            )
            pieces = reader._PageChars(textpage.raw, height, fonts, scratch)
            pieces.read(objects=objects)
            out.append((bulk, chars, len(pieces.pieces)))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return out


def assert_same_words(path: Path) -> int:
    """Both readings agree on every page; returns how many runs were kept whole."""
    runs = 0
    for number, (bulk, chars, kept) in enumerate(both_readings(path), start=1):
        assert bulk == chars, f"{path.name} page {number}: {_difference(bulk, chars)}"
        runs += kept
    return runs


def _difference(bulk: list[Word], chars: list[Word]) -> str:
    for a, b in zip(bulk, chars, strict=False):
        if a != b:
            return f"{a} != {b}"
    return f"{len(bulk)} words != {len(chars)}"


def test_sample_reads_the_same_in_bulk() -> None:
    runs = assert_same_words(SAMPLE)
    words = sum(len(chars) for _, chars, _ in both_readings(SAMPLE))
    # The bulk path must really be taken: most words of a plain page are one run.
    assert runs > 0.8 * words


@pytest.mark.parametrize("seed", [3, 17, 42])
def test_generated_directories_read_the_same_in_bulk(tmp_path: Path, seed: int) -> None:
    path = tmp_path / f"gen-{seed}.pdf"
    make_directory(path, seed)
    assert assert_same_words(path) > 0


def test_odd_text_layers_read_the_same_in_bulk(tmp_path: Path) -> None:
    path = write_odd_pdf(tmp_path / "odd.pdf")
    assert_same_words(path)
    pages = [[w.text for w in chars] for _, chars, _ in both_readings(path)]
    first = pages[0]
    # The constructs are really there, as pdfplumber would split them.
    assert "Kerned" in first  # kerning a few thousandths of an em keeps a word whole
    assert "Split" in first and "here" in first  # a 4 pt gap in one TJ splits it
    assert {"S", "p", "a", "c", "e", "d"} <= set(first)  # 5 pt letter spacing
    assert "Mixed" not in first and "Mi" in first  # a font change splits pdfplumber's words
    assert any(text.startswith("fi") for text in first)  # the decomposed ligature
    assert "Clermont-" in first  # pdfium's line-end hyphen read back as '-'
    assert "\U0001d400\U0001d400" in pages[1]  # a character outside the BMP
    assert any("\u05d0" in text for text in pages[3])  # right-to-left text


def test_runs_read_as_characters_when_a_line_needs_it(tmp_path: Path) -> None:
    """Overprinted text forces the line's runs back into characters, and still agrees."""
    path = write_odd_pdf(tmp_path / "odd.pdf")
    pdf = pdfium.PdfDocument(path)
    page = pdf[0]
    textpage = page.get_textpage()
    fonts, scratch = reader._Fonts(reader.Descents(open_pdf(path))), reader.Scratch()
    pieces = reader._PageChars(textpage.raw, page.get_size()[1], fonts, scratch)
    chars = pieces.read()
    tops = {round(c.top) for c in chars if c.text in ("Overlap", "Lapping")}
    line = sorted((c for c in chars if round(c.top) in tops), key=lambda c: c.x0)
    assert not pieces.settled(line)
    exploded = [c for piece in line for c in pieces.explode(piece)]
    assert "".join(c.text for c in exploded if c.text.strip()) == "OverlapLapping"
    assert all(len(c.text) == 1 for c in exploded)
    textpage.close()
    page.close()
    pdf.close()


def test_bulk_text_falls_back_when_pdfium_leaves_characters_out(tmp_path: Path) -> None:
    """pdfium keeps control characters out of its page text: the count tells."""
    path = write_odd_pdf(tmp_path / "odd.pdf")
    pdf = pdfium.PdfDocument(path)
    page = pdf[2]
    textpage = page.get_textpage()
    count = raw.FPDFText_CountChars(textpage.raw)
    fonts, scratch = reader._Fonts({}), reader.Scratch()
    pieces = reader._PageChars(textpage.raw, page.get_size()[1], fonts, scratch)
    text = pieces._text(count, bulk=True)
    assert len(text) == count
    assert "\x03" in text
    textpage.close()
    page.close()
    pdf.close()


_TRACKED = b"""
q BT /F1 10 Tf 40 800 Td [(L)-250(A)-250(B)-250(E)-250(L)-250( )-250(O)-250(R)] TJ ET Q
q BT /F1 10 Tf 40 780 Td [(LABEL) -280 (OR)] TJ ET Q
q BT /F1 10 Tf 40 760 Td [(ab) -300 ( cd)] TJ ET Q
q BT /F1 6 Tf 40 740 Td [(ab) -200 ( cd)] TJ ET Q
q BT /F1 10 Tf 40 720 Td [(Tracked) -150 ( ) -150 (words)] TJ ET Q
"""


def test_letter_spacing_by_kerning_reads_as_pdfplumber_reads_it(tmp_path: Path) -> None:
    """pdfium makes up a space inside a TJ array where kerning exceeds half a space.

    A letter-spaced banner must not come out as 'L A B E L': the made-up space sits at
    the next glyph's origin and is left out, so the gap decides, as in pdfplumber; one
    that stands for a real space pdfium dropped (a space's width before the next glyph)
    still splits, even in 6 pt type where the gap alone would not.
    """
    pdf = pikepdf.new()
    fonts = Dictionary(F1=_type1("Helvetica", Encoding=Name.WinAnsiEncoding))
    page = Dictionary(
        Type=Name.Page,
        MediaBox=Array([0, 0, 595, 842]),
        Resources=Dictionary(Font=fonts),
        Contents=pdf.make_stream(_TRACKED),
    )
    pdf.pages.append(pikepdf.Page(page))
    path = tmp_path / "tracked.pdf"
    pdf.save(path)
    import pdfplumber

    with pdfplumber.open(path) as plumbed:
        expected = [w["text"] for w in plumbed.pages[0].extract_words()]
    ((bulk, chars, _),) = both_readings(path)
    assert [w.text for w in bulk] == [w.text for w in chars] == expected
    assert expected[:3] == ["LABEL", "OR", "LABELOR"]


def _descents_of_every_page(path: Path) -> dict[str, float]:
    """The rule spelled out: every page's font descriptors, the first met in page order."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    found: dict[str, float] = {}
    with path.open("rb") as handle:
        for page in PDFPage.create_pages(PDFDocument(PDFParser(handle))):
            for ref in (resolve1(page.resources.get("Font")) or {}).values():
                spec = resolve1(ref)
                descendants = resolve1(spec.get("DescendantFonts")) or []
                # A Type0 font: its first descendant's descriptor, under either name.
                font = resolve1(descendants[0]) if descendants else spec
                descriptor = resolve1(font.get("FontDescriptor")) or {}
                for named in (spec, font):
                    name = reader._unprefixed(named["BaseFont"].name)
                    found.setdefault(name, -abs(float(descriptor.get("Descent", 0))))
    return found


def test_descents_read_as_far_as_needed_equal_those_of_every_page(tmp_path: Path) -> None:
    # A generated directory's pages after the sample's: its fonts are first named late.
    generated = tmp_path / "gen.pdf"
    make_directory(generated, 5)
    both = tmp_path / "both.pdf"
    with pikepdf.open(SAMPLE) as first, pikepdf.open(generated) as second:
        first.pages.extend(second.pages)
        first.save(both)
    every = _descents_of_every_page(both)
    assert len(every) >= 4
    for names in (sorted(every), sorted(every, reverse=True)):
        descents = reader.Descents(open_pdf(both))
        try:
            assert {name: descents.get(name) for name in names} == every
            assert descents.get("NoSuchFont") is None
        finally:
            descents.close()
    # The laziness is real: the sample's first font is found on the first pages.
    descents = reader.Descents(open_pdf(both))
    first_name = next(iter(_descents_of_every_page(SAMPLE)))
    descents.get(first_name)
    assert set(descents.known) < set(every)
    descents.close()


# --- text laid out as Chromium (Skia) prints it -------------------------------------------------

# Helvetica's advances plus a fraction, as Chromium writes /W: pdfium truncates them.
_FRACTION = 0.39


def _advance(char: str, bold: bool) -> float:
    from pdfminer.fontmetrics import FONT_METRICS

    widths = FONT_METRICS["Helvetica-Bold" if bold else "Helvetica"][1]
    return widths.get(char, 556) + _FRACTION


def _glyph_by_glyph(text: str, size: float, spacing: float = 0.0, bold: bool = False) -> bytes:
    """One Tj per glyph, each placed by Td, a space shown by its own Tj: Skia's way."""
    out = []
    for char in text:
        code = "01" if char == "\ufb01" else char.encode("cp1252").hex()
        shown = f"<{code}> Tj"
        if char == "\ufb01":  # Chromium marks a ligature with the letters it stands for
            shown = f"/Span <</ActualText (fi)>> BDC {shown} EMC"
        step = _advance(char, bold) * size / 1000 + spacing
        out.append(f"{shown} {step:.4f} 0 Td")
    return " ".join(out).encode()


def write_chromium_like_pdf(path: Path) -> Path:
    """A page with what made pdfium's words differ from pdfplumber's on Chromium's PDFs.

    A scaled, flipped CTM; a Tj per glyph and per space (pdfium leaves a text
    object with no ink out of its text page, then makes up a space of its own
    after the next glyph); letter spacing by Td; a ligature marked with
    /ActualText; widths with decimals, in one Tj too, and in Tj after Tj; a
    page number drawn before the footer on its left, in another font.
    """
    lines = [
        (36, "F1", 13.33, 0.0, "Team ESport – CRM 2024–2026 E-sport"),
        (60, "F1", 13.33, 2.0 / 0.75, "LABEL ARGENT"),
        (84, "F1", 13.33, 0.0, "Un \ufb01n e\ufb03cace"),
    ]
    body = [b".75 0 0 -.75 0 842 cm", b"BT"]
    for top, font, size, spacing, text in lines:
        body.append(f"/{font} {size} Tf 1 0 0 -1 40 {top} Tm".encode())
        body.append(_glyph_by_glyph(text.replace("\ufb03", "ffi"), size, spacing))
    body.append(b"/F1 13.33 Tf 1 0 0 -1 40 108 Tm (Solidarit\xe9s num\xe9riques et territoires) Tj")
    # One string, a ligature, the rest of the string: each Tj goes on where the last ended.
    body.append(b"1 0 0 -1 300 108 Tm (les pro) Tj /Span <</ActualText (fi)>> BDC <01> Tj EMC")
    # A combining accent (no advance) and the letter after it share an origin.
    body.append(
        b"(ls, cafe\002s) Tj ( de l\222e) Tj /Span <</ActualText (ffi)>> BDC (f) Tj <01> Tj EMC"
    )
    body.append(b"(cacit\xe9) Tj")
    body.append(b"/F2 13.33 Tf 1 0 0 -1 480 132 Tm")
    body.append(_glyph_by_glyph("12", 13.33, bold=True))
    body.append(b"/F1 10 Tf 1 0 0 -1 40 132 Tm")
    body.append(_glyph_by_glyph("Annuaire des labels", 10))
    body.append(b"ET")
    pdf = pikepdf.new()

    def font(name: str, bold: bool) -> Dictionary:
        shown = [bytes([code]).decode("cp1252", "replace") for code in range(32, 256)]
        widths = [_advance(char, bold) if char != "\ufffd" else 0 for char in shown]
        return Dictionary(
            Type=Name.Font,
            Subtype=Name.TrueType,
            BaseFont=Name("/" + name),  # not a standard font: pdfminer reads /Widths
            FirstChar=1,
            LastChar=255,
            Widths=Array([_advance("\ufb01", bold)] + [0] * 30 + widths),  # /acutecomb: 0
            Encoding=Dictionary(
                Type=Name.Encoding,
                BaseEncoding=Name.WinAnsiEncoding,
                Differences=Array([1, Name("/fi"), Name("/acutecomb")]),
            ),
            FontDescriptor=Dictionary(
                Type=Name.FontDescriptor,
                FontName=Name("/" + name),
                Flags=32,
                FontBBox=Array([-200, -220, 1000, 900]),
                ItalicAngle=0,
                Ascent=905,
                Descent=-212,
                CapHeight=716,
                StemV=80,
            ),
        )

    page = Dictionary(
        Type=Name.Page,
        MediaBox=Array([0, 0, 595, 842]),
        Resources=Dictionary(
            Font=Dictionary(F1=font("ArialMT", False), F2=font("Arial-BoldMT", True))
        ),
        Contents=pdf.make_stream(b"\n".join(body)),
    )
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(path)
    return path


def test_text_laid_out_as_chromium_does_reads_the_same_in_bulk(tmp_path: Path) -> None:
    """Blank objects' spaces, content order and exact advances, in both readings."""
    path = write_chromium_like_pdf(tmp_path / "skia.pdf")
    assert_same_words(path)
    ((_, chars, _),) = both_readings(path)
    texts = [w.text for w in chars]
    assert texts[:4] == ["Team", "ESport", "–", "CRM"]  # no space made up inside "ESport"
    assert texts[texts.index("LABEL") : texts.index("LABEL") + 2] == ["LABEL", "ARGENT"]
    assert "fin" in texts and "efficace" in texts  # the glyphs, not the /ActualText
    assert "profils," in texts and "l’efficacité" in texts and "cafe\u0301s" in texts
    assert texts[-4:] == ["12", "Annuaire", "des", "labels"]  # the content stream's order
