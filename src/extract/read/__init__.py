"""Backends that turn a PDF into pages of `Line`s in reading order."""

from __future__ import annotations

from extract.read.api import BACKENDS, read_pdf

__all__ = ["BACKENDS", "read_pdf"]
