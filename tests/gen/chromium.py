"""Printing HTML documents to PDF with Debian's headless Chromium.

One browser for a whole batch (selenium + chromedriver, `Page.printToPDF`
through the DevTools protocol): starting Chromium costs about half a second,
printing a directory a few tenths. Without chromedriver, each document is
printed by its own `chromium --print-to-pdf` run.

Every PDF gets an outline (one bookmark per h1–h6, `generateDocumentOutline`)
from which the producers learn the page of each heading (gen/outline.py), and
the page size and margin boxes of the document's own `@page` rules.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# What this machine needs: no sandbox as root, and no background connections
# (the network is closed; Chromium would keep retrying).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--disable-extensions",
)
PRINT_OPTIONS = {
    "generateDocumentOutline": True,
    "preferCSSPageSize": True,
    "printBackground": True,
    "displayHeaderFooter": False,
}


def _missing() -> None:
    if not CHROMIUM.is_file():
        raise RuntimeError(f"{CHROMIUM} is missing: run `make producers` (apt chromium)")


def print_pdfs(docs: Sequence[tuple[str, Path]]) -> None:
    """Print each (html text, pdf path); the HTML must need nothing from the network."""
    _missing()
    if not docs:
        return
    with tempfile.TemporaryDirectory(prefix="gen-chromium-") as tmp:
        work = Path(tmp)
        pages = []
        for i, (html, _) in enumerate(docs):
            page = work / f"doc{i}.html"
            page.write_text(html, encoding="utf-8")
            pages.append(page)
        targets = [Path(pdf) for _, pdf in docs]
        if CHROMEDRIVER.is_file():
            _print_selenium(pages, targets, work / "profile")
        else:
            for page, pdf in zip(pages, targets, strict=True):
                _print_cli(page, pdf, work / "profile")


def _print_selenium(pages: list[Path], targets: list[Path], profile: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        for page, pdf in zip(pages, targets, strict=True):
            driver.get(page.as_uri())
            driver.execute_script("return document.fonts.ready.then(() => true)")
            printed = driver.execute_cdp_cmd("Page.printToPDF", PRINT_OPTIONS)
            pdf.write_bytes(base64.b64decode(printed["data"]))
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _print_cli(page: Path, pdf: Path, profile: Path) -> None:
    subprocess.run(
        [
            str(CHROMIUM),
            *FLAGS,
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            "--generate-pdf-document-outline",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    if not pdf.is_file():
        raise RuntimeError(f"chromium printed nothing for {page}")
