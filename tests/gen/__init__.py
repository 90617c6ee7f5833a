"""Synthetic « annuaire » directories rendered to PDF with their exact truth.

truth, spec = draw_edition(seed, layout=None, inject=("tier_mismatch",))
render_pdf(spec, path)
truth = make_directory(path, seed)
"""

from __future__ import annotations

from .draw import draw_edition, make_directory
from .layout import CHOICES, Layout, layouts, random_layout
from .render import Spec, render_pdf
from .truth import INJECTION_KINDS, TIERS, TEntry, TInjected, TLaureate, Truth

__all__ = [
    "CHOICES",
    "INJECTION_KINDS",
    "TIERS",
    "Layout",
    "Spec",
    "TEntry",
    "TInjected",
    "TLaureate",
    "Truth",
    "draw_edition",
    "layouts",
    "make_directory",
    "random_layout",
    "render_pdf",
]

# The HTML/CSS producer: documents printed by headless Chromium.
from .chromium import print_pdfs  # noqa: E402
from .html import HtmlDraft, draw_html, make_html_directories, make_html_directory  # noqa: E402

__all__ += ["HtmlDraft", "draw_html", "make_html_directories", "make_html_directory", "print_pdfs"]

# The LibreOffice producer: flat ODF documents converted to PDF by soffice.
from .odf import OdfDraft, draw_odf  # noqa: E402
from .office import convert, make_odf_directories, make_odf_directory  # noqa: E402

__all__ += ["OdfDraft", "convert", "draw_odf", "make_odf_directories", "make_odf_directory"]
