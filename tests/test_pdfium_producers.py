"""Differential test: the pdfium backend reads Chromium's and LibreOffice's PDFs word for word
as pdfplumber does.

Designers print directories from HTML (Chromium, through Skia) and from office
documents (LibreOffice). Their PDFs differ from reportlab's in ways that once
made pdfium's words differ: a Tj per glyph and per space, a scaled and
flipped CTM, CID fonts whose /W have decimals, /ActualText on ligatures and
synthesized small capitals, margin boxes drawn out of reading order. Two small
documents with what designers use are printed here (one Chromium process, one
soffice call), and every word of every page must match pdfplumber's: text and
bold flag exactly, size to float32 precision (pdfium keeps matrices in
float32, pdfminer in float64), box within 0.05 pt, in the same order; in bulk
and character by character. It fails (never skips) without the producers:
`make unit` installs them first.

One thing pdfium cannot reproduce is the float64 noise in pdfminer's sizes:
two lines of one font at 9 pt can measure 8.999999625 and 8.999999625000001,
and pdfplumber, which groups characters by exact size, then puts their words
in another order. Where the order alone differs, it must be the order
pdfplumber gives once sizes equal to 1e-9 are made equal.
"""

from __future__ import annotations

import math
import subprocess
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pdfplumber.utils import extract_words

from extract.model import Word
from extract.read.plumber import is_bold
from test_pdfium_runs import both_readings, write_chromium_like_pdf

CHROMIUM = Path("/usr/bin/chromium")
SOFFICE = Path("/usr/bin/soffice")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)
BOX_TOLERANCE = 0.05  # points
SIZE_TOLERANCE = 1e-6  # relative: float32 against float64 arithmetic

# Strings designers' directories are made of; both documents use them all.
PHRASES = (
    "Label d’or attribué à\u00a0: Ville de Lorgues",
    "Pour le projet\u00a0: Projet CRM – Un tigre structure la relation",
    "Team ESport, E-sport, Team E-Sport et Team ESport\u202f; période 2024–2026, 2024 – 2026,"
    " 2024—2026 — fin.",
    "Efficace, officiel, affluence, fluide, coffre, difficile, suffixe. AVATAR, WAVE, Toyota.",
    "• https://www.exemple-ville.fr/projets/2024?id=42 — contact@mairie-lorgues.fr —"
    " 04 94 12 34 56",
    "«\u00a0Territoire innovant\u00a0» : 12 communes, 3\u202f400 habitants, 1,5\u00a0M€.",
)
BODY = (
    "Le projet rassemble les habitants, les associations et les services municipaux autour"
    " d’un lieu unique d’accueil «\u00a0santé et solidarités\u00a0» ouvert six jours sur sept,"
    " avec une équipe de médiateurs numériques et un bus itinérant qui dessert les hameaux"
    " éloignés du centre-ville."
)


def _html() -> str:
    phrases = "\n".join(f"<p>{p}</p>" for p in PHRASES)
    return f"""<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Annuaire</title>
<style>
@page {{ size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-center {{ content: "Annuaire des labels – édition 2024–2026"; font: 8pt "DejaVu Sans"; }}
  @bottom-right {{ content: "Page " counter(page) " / " counter(pages);
                   font: italic 8pt "Liberation Serif"; }}
  @bottom-left {{ content: "LABEL « TERRITOIRE INNOVANT »"; font: 7pt "Liberation Sans";
                  letter-spacing: 1pt; }} }}
html {{ print-color-adjust: exact; -webkit-print-color-adjust: exact; }}
body {{ font: 10pt "DejaVu Sans"; }}
h1 {{ font-size: 16pt; text-align: center; background: #c90; color: #fff; padding: 6pt; }}
h2 {{ font: bold 14pt "Liberation Serif"; }}
.band {{ background: #235; color: #fff; padding: 4pt 8pt; font-weight: bold; }}
.just {{ text-align: justify; font-family: "DejaVu Serif"; }}
.sans {{ font-family: "Liberation Sans"; }} .serif {{ font-family: "Liberation Serif"; }}
.t05 {{ letter-spacing: 0.5pt; }} .t1 {{ letter-spacing: 1pt; }} .t2 {{ letter-spacing: 2pt; }}
.sc {{ font-variant: small-caps; }} .up {{ text-transform: uppercase; }}
.kern {{ font-kerning: normal; font-feature-settings: "kern" 1, "liga" 1; }}
.cols {{ columns: 2; column-gap: 14pt; }}
.cards {{ display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 8pt; }}
.card {{ border: 1px solid #999; padding: 6pt; font-size: 9pt; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #777; padding: 3pt 5pt; }}
.small {{ font-size: 7pt; }} .next {{ break-before: page; }}
</style></head><body>
<h1>LABEL OR – ATTRACTIVITÉ ET DÉVELOPPEMENT ÉCONOMIQUE</h1>
{phrases}
<p class="kern serif">Efficace, officiel, affluence, fluide, fjord, coffre, difficile.</p>
<p class="just">{BODY} {BODY}</p>
<p class="sans t05">Espacement léger : Team ESport à 0,5 pt.</p>
<p class="serif t1">Espacement moyen : Projet CRM – Un tigre.</p>
<p class="t2">ESPACEMENT LARGE – LABEL ARGENT 2024–2026</p>
<p class="sc">Communauté d’Agglomération du Val Vert</p>
<p class="up serif">Communauté de communes du pays d’Arles</p>
<p class="band">Santé et solidarités • Team ESport • 2024–2026</p>
<p><i>Italique : l’Agence «&nbsp;Numérique&nbsp;» 2025</i> et <b><i>gras italique</i></b>,
<span class="serif"><b>Serif gras</b> <i>Serif italique</i></span>, <b>ESport</b>.</p>
<p class="small">Petit texte 7 pt : Team ESport, CRM – Un, 2024–2026.</p>
<h1 class="next">LABEL ARGENT – SANTÉ ET SOLIDARITÉS</h1>
<div class="cols">
<h2>DESCRIPTION DU PROJET :</h2><p>{BODY}</p>
<h2>INNOVATION DU PROJET :</h2><p>Innovant. Team ESport pour tous. L’efficacité d’abord.</p>
<p class="sans">{PHRASES[2]}</p>
</div>
<div class="cards">
<div class="card"><b>Un bus pour la santé</b><div>Ville de Lorgues</div><div>[label or]</div></div>
<div class="card"><b>Team ESport</b><div>Ville d’Arras</div><div>[label bronze]</div></div>
<div class="card"><b>Projet CRM – Un tigre</b><div>Métropole du Grand Nancy</div>
<div>[label argent]</div></div>
</div>
<h2 class="next">Tableau des lauréats</h2>
<table><tr><th>Collectivité</th><th>Projet</th><th>Label</th></tr>
<tr><td>Ville de Lorgues</td><td>Team ESport</td><td>Or</td></tr>
<tr><td class="serif">Communauté d’Agglomération</td><td>Projet CRM – Un tigre</td>
<td>Argent</td></tr>
<tr><td class="sans">Ville d’Arras</td><td class="t1">E-sport 2024–2026</td><td>Bronze</td></tr>
</table>
<p class="band" style="background: #a22">LABEL BRONZE – CITOYENNETÉ</p>
</body></html>
"""


_ODF_NS = " ".join(
    f'xmlns:{prefix}="urn:oasis:names:tc:opendocument:xmlns:{name}"'
    for prefix, name in (
        ("office", "office:1.0"),
        ("text", "text:1.0"),
        ("style", "style:1.0"),
        ("fo", "xsl-fo-compatible:1.0"),
        ("table", "table:1.0"),
        ("draw", "drawing:1.0"),
        ("svg", "svg-compatible:1.0"),
    )
)
_ODF_STYLES = """
<office:font-face-decls>
<style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/>
<style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'"/>
<style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"/>
<style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
</office:font-face-decls>
<office:styles>
<style:style style:name="Standard" style:family="paragraph"><style:text-properties
 style:font-name="Liberation Serif" fo:font-size="10pt" fo:language="fr" fo:country="FR"/>
</style:style>
<style:style style:name="Titre" style:family="paragraph"><style:paragraph-properties
 fo:background-color="#cc9900" fo:text-align="center" fo:padding="4pt"/><style:text-properties
 style:font-name="DejaVu Sans" fo:font-size="16pt" fo:font-weight="bold" fo:color="#ffffff"/>
</style:style>
<style:style style:name="Suite" style:family="paragraph" style:parent-style-name="Titre">
<style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="Corps" style:family="paragraph" style:parent-style-name="Standard">
<style:paragraph-properties fo:text-align="justify" fo:margin-bottom="4pt"/>
<style:text-properties style:font-name="DejaVu Serif"/></style:style>
<style:style style:name="Sans" style:family="paragraph" style:parent-style-name="Standard">
<style:text-properties style:font-name="Liberation Sans"/></style:style>
<style:style style:name="DejaVu" style:family="paragraph" style:parent-style-name="Standard">
<style:text-properties style:font-name="DejaVu Sans"/></style:style>
<style:style style:name="Bande" style:family="paragraph"><style:paragraph-properties
 fo:background-color="#223355" fo:padding="3pt"/><style:text-properties
 style:font-name="Liberation Sans" fo:font-size="11pt" fo:font-weight="bold" fo:color="#ffffff"
 fo:letter-spacing="1pt"/></style:style>
<style:style style:name="Pied" style:family="paragraph"><style:text-properties
 style:font-name="DejaVu Sans" fo:font-size="8pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/>
</style:style>
<style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/>
</style:style>
<style:style style:name="T3" style:family="text"><style:text-properties fo:letter-spacing="0.5pt"/>
</style:style>
<style:style style:name="T4" style:family="text"><style:text-properties fo:letter-spacing="2pt"/>
</style:style>
<style:style style:name="T5" style:family="text"><style:text-properties
 fo:font-variant="small-caps"/></style:style>
<style:style style:name="T6" style:family="text"><style:text-properties
 fo:text-transform="uppercase"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties
 fo:border="0.5pt solid #777777" fo:padding="2pt"/></style:style>
<style:style style:name="Shade" style:family="table-cell"><style:table-cell-properties
 fo:background-color="#ddeeff" fo:border="0.5pt solid #777777" fo:padding="2pt"/></style:style>
<style:style style:name="fr1" style:family="graphic"><style:graphic-properties
 fo:border="0.5pt solid #000000" fo:padding="3pt" fo:background-color="#ffeecc" style:wrap="none"
 style:vertical-pos="from-top" style:horizontal-pos="from-left" style:vertical-rel="paragraph"
 style:horizontal-rel="paragraph"/></style:style>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm"
 fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm"
 fo:margin-right="2cm"/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:footer><text:p text:style-name="Pied">LABEL « TERRITOIRE INNOVANT » – page
 <text:page-number text:select-page="current">1</text:page-number> sur
 <text:page-count>2</text:page-count></text:p></style:footer></style:master-page>
</office:master-styles>
"""


def _cell(text: str, style: str = "Cell", paragraph: str = "Standard") -> str:
    return (
        f'<table:table-cell table:style-name="{style}">'
        f'<text:p text:style-name="{paragraph}">{text}</text:p></table:table-cell>'
    )


def _fodt() -> str:
    def p(text: str, style: str = "Standard") -> str:
        return f'<text:p text:style-name="{style}">{text}</text:p>'

    rows = [
        [
            _cell(f'<text:span text:style-name="T1">{t}</text:span>', "Shade", "Sans")
            for t in ("Collectivité", "Projet", "Label")
        ],
        [_cell("Ville de Lorgues"), _cell("Team ESport"), _cell("Or")],
        [
            _cell("Communauté d’Agglomération", paragraph="Sans"),
            _cell("Projet CRM – Un tigre"),
            _cell("Argent"),
        ],
    ]
    table = (
        '<table:table table:name="Laureats"><table:table-column table:number-columns-repeated="3"/>'
        + "".join(f"<table:table-row>{''.join(row)}</table:table-row>" for row in rows)
        + "</table:table>"
    )
    frame = (
        '<draw:frame draw:style-name="fr1" draw:name="Cadre" text:anchor-type="paragraph"'
        ' svg:x="0cm" svg:y="0.2cm" svg:width="8cm" draw:z-index="0"><draw:text-box'
        ' fo:min-height="1cm">'
        + p("Encadré : Team ESport – Projet CRM", "Sans")
        + "</draw:text-box></draw:frame>"
    )
    body = [
        p("LABEL OR – ATTRACTIVITÉ ET DÉVELOPPEMENT", "Titre"),
        *(
            p(phrase, style)
            for phrase, style in zip(PHRASES, ("Standard", "Sans", "DejaVu") * 2, strict=True)
        ),
        p(f"{BODY} {BODY}", "Corps"),
        p(
            '<text:span text:style-name="T3">Espacement léger : Team ESport.</text:span> '
            '<text:span text:style-name="T4">LARGE – LABEL ARGENT 2024–2026</text:span>'
        ),
        p(
            '<text:span text:style-name="T5">Communauté d’Agglomération du Val Vert</text:span> et '
            '<text:span text:style-name="T6">communauté de communes</text:span>'
        ),
        p("Santé et solidarités • Team ESport", "Bande"),
        p(
            '<text:span text:style-name="T2">l’Agence « Numérique »</text:span> et '
            '<text:span text:style-name="T1">ESport</text:span>'
        ),
        p(frame + "Texte à côté du cadre."),
        p(""),
        p(""),
        p(""),
        table,
        p("LABEL BRONZE – CITOYENNETÉ", "Suite"),
        p("Deuxième page : Team ESport, CRM – Un, 2024–2026.", "Corps"),
    ]
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {_ODF_NS} office:version="1.3"'
        ' office:mimetype="application/vnd.oasis.opendocument.text">'
        f"{_ODF_STYLES}<office:body><office:text>{''.join(body)}</office:text></office:body>"
        "</office:document>\n"
    )


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The two documents, printed side by side: Chromium's and LibreOffice's PDFs."""
    for binary in (CHROMIUM, SOFFICE):
        if not binary.is_file():
            pytest.fail(f"{binary} is missing: run `make producers` (apt chromium, libreoffice)")
    folder = tmp_path_factory.mktemp("producers")
    html, fodt = folder / "chromium.html", folder / "writer.fodt"
    html.write_text(_html(), encoding="utf-8")
    fodt.write_text(_fodt(), encoding="utf-8")
    pdfs = {"chromium": folder / "chromium.pdf", "libreoffice": folder / "writer.pdf"}
    commands = [
        [
            str(CHROMIUM),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={folder / 'chromium-profile'}",
            f"--print-to-pdf={pdfs['chromium']}",
            html.as_uri(),
        ],
        [
            str(SOFFICE),
            f"-env:UserInstallation={(folder / 'soffice-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(fodt),
        ],
    ]
    running = [
        subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for c in commands
    ]
    try:
        for process in running:
            process.wait(timeout=180)
    finally:
        for process in running:
            if process.poll() is None:
                process.kill()
                process.wait()
    for name, pdf in pdfs.items():
        assert pdf.is_file(), f"{name} printed nothing"
    return pdfs


def _plumbed(path: Path, denoised: bool = False) -> list[list[Word]]:
    """The reference: pdfplumber's words, as the pdfplumber backend reads them.

    `denoised`: from characters whose sizes equal to 1e-9 are made equal first.
    """
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = page.chars
            if denoised:
                chars, sizes = [dict(char) for char in chars], []
                for char in chars:
                    same = (s for s in sizes if math.isclose(s, char["size"], rel_tol=1e-9))
                    char["size"] = next(same, char["size"])
                    if char["size"] not in sizes:
                        sizes.append(char["size"])
            words = extract_words(chars, extra_attrs=["size", "fontname"])
            pages.append([_word(w) for w in words])
    return pages


def _word(raw: dict[str, Any]) -> Word:
    box = [float(raw[side]) for side in ("x0", "top", "x1", "bottom")]
    return Word(str(raw["text"]), *box, float(raw["size"]), is_bold(str(raw["fontname"])))


def _same(expected: Word, found: Word) -> bool:
    return (
        expected.text == found.text
        and expected.bold == found.bold
        and math.isclose(expected.size, found.size, rel_tol=SIZE_TOLERANCE)
        and all(
            abs(getattr(expected, side) - getattr(found, side)) <= BOX_TOLERANCE
            for side in ("x0", "top", "x1", "bottom")
        )
    )


def _first_difference(expected: list[Word], found: list[Word]) -> str:
    for number, (want, got) in enumerate(zip(expected, found, strict=False)):
        if not _same(want, got):
            return f"word {number}: {want} != {got}"
    return f"{len(expected)} words != {len(found)}"


def _equal(expected: list[Word], found: list[Word]) -> bool:
    return len(expected) == len(found) and all(map(_same, expected, found))


def _reordered(expected: list[Word], found: list[Word]) -> bool:
    """Whether `found` has the words of `expected`, in some order."""
    pool = list(found)
    for want in expected:
        match = next((k for k, got in enumerate(pool) if _same(want, got)), None)
        if match is None:
            return False
        del pool[match]
    return not pool


def assert_words_as_pdfplumber(path: Path) -> list[list[Word]]:
    """Every page's words, in bulk and character by character, as pdfplumber's; returns them.

    In pdfplumber's order, or where only the order differs, in the order it gives
    without the noise of pdfminer's sizes (see the module's docstring).
    """
    expected, calm = _plumbed(path), _plumbed(path, denoised=True)
    readings = both_readings(path)
    assert len(readings) == len(expected)
    for number, (want, (bulk, chars, _)) in enumerate(zip(expected, readings, strict=True), 1):
        for mode, found in (("bulk", bulk), ("per character", chars)):
            where = f"{path.name} page {number}, {mode}"
            if _equal(want, found):
                continue
            assert _reordered(want, found), f"{where}: {_first_difference(want, found)}"
            noiseless = calm[number - 1]
            assert _equal(noiseless, found), f"{where}: {_first_difference(noiseless, found)}"
    return expected


@pytest.mark.parametrize("producer", ["chromium", "libreoffice"])
def test_every_word_as_pdfplumber_reads_it(printed: dict[str, Path], producer: str) -> None:
    pages = assert_words_as_pdfplumber(printed[producer])
    texts = [w.text for page in pages for w in page]
    # The constructs are really there, as pdfplumber splits them.
    assert len(pages) >= 2
    for word in ("ESport", "E-sport,", "E-Sport", "CRM", "–", "2024–2026", "—", "d’Agglomération"):
        assert word in texts, word
    assert "officiel," in texts and "difficile," in texts  # ligatures, read as their letters
    assert any(w.bold for page in pages for w in page)
    assert len({round(w.size, 1) for page in pages for w in page}) >= 4


def test_producers_are_the_ones_meant(printed: dict[str, Path]) -> None:
    for name, mark in (("chromium", "Skia"), ("libreoffice", "LibreOffice")):
        with pdfplumber.open(printed[name]) as pdf:
            assert mark in str(pdf.metadata.get("Producer", "")), name


def _pdfium_texts(path: Path) -> list[list[str]]:
    return [[w.text for w in bulk] for bulk, _, _ in both_readings(path)]


def test_page_numbers_of_margin_boxes_and_fields(printed: dict[str, Path]) -> None:
    """Chromium draws "Page n / N" before the footer text left of it, on the same line:
    in content order, its words come first."""
    chromium = _pdfium_texts(printed["chromium"])
    for number, texts in enumerate(chromium, start=1):
        footer = texts.index("Page")
        assert texts[footer : footer + 4] == ["Page", str(number), "/", str(len(chromium))]
        assert texts[footer + 4 : footer + 7] == ["LABEL", "«", "TERRITOIRE"]
    writer = _pdfium_texts(printed["libreoffice"])
    assert [texts[-4:] for texts in writer] == [
        ["page", "1", "sur", "2"],
        ["page", "2", "sur", "2"],
    ]


def test_chromium_small_capitals_are_their_glyphs(printed: dict[str, Path]) -> None:
    """Chromium draws small capitals as smaller capitals, marked with /ActualText."""
    texts = [text for page in _pdfium_texts(printed["chromium"]) for text in page]
    assert "OMMUNAUTÉ" in texts and "ommunauté" not in texts  # after a 'C' of the full size


def test_text_laid_out_as_chromium_does(tmp_path: Path) -> None:
    """The constructs of Chromium's PDFs on a page written by hand: no producer needed."""
    assert_words_as_pdfplumber(write_chromium_like_pdf(tmp_path / "skia.pdf"))
