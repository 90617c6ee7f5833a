"""One way to ask any producer for directories: the truth never depends on which.

reportlab typesets page by page itself; Chromium prints HTML/CSS and LibreOffice
converts office documents, each in one process for a whole batch. Tests name a
producer and get PDFs with their truth, so a producer can be added here without
touching any assertion.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from .design import Design
from .draw import make_directory
from .html import make_html_directories
from .layout import Layout
from .office import make_odf_directories
from .truth import Truth

Item = tuple[Path, int, "Design | Layout | None", tuple[str, ...]]


def _reportlab(items: Sequence[Item]) -> list[Truth]:
    truths = []
    for path, seed, layout, inject in items:
        assert layout is None or isinstance(layout, Layout)
        truths.append(make_directory(path, seed, layout, inject))
    return truths


def _designed(make: Callable[..., list[Truth]]) -> Callable[[Sequence[Item]], list[Truth]]:
    def run(items: Sequence[Item]) -> list[Truth]:
        for _, _, design, _ in items:
            assert design is None or isinstance(design, Design)
        return make(items)

    return run


PRODUCERS: dict[str, Callable[[Sequence[Item]], list[Truth]]] = {
    "reportlab": _reportlab,
    "chromium": _designed(make_html_directories),
    "libreoffice": _designed(make_odf_directories),
}


def make_directories(producer: str, items: Sequence[Item]) -> list[Truth]:
    """Draw and print each (path, seed, layout or design, injections) with `producer`."""
    return PRODUCERS[producer](items)
