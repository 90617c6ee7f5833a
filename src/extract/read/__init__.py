"""Backends that turn a PDF into pages of `Line`s in reading order."""

from __future__ import annotations

from extract.read.api import BACKENDS, read_pdf
from extract.read.source import PdfFile, open_pdf

__all__ = ["BACKENDS", "PdfFile", "open_pdf", "read_pdf"]
