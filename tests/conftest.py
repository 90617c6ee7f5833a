from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Options, Result, extract_pdf

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw" / "annuaire-2021.pdf"
# The text of the original 2021 PDF, as extracted from it (copied from the
# project brief), against which the golden values and sections are checked.
SEED = Path(__file__).resolve().parent / "golden" / "annuaire-2021.txt"
GOLDEN = Path(__file__).resolve().parent / "golden" / "annuaire-2021.json"


@pytest.fixture(scope="session")
def sample_result() -> Result:
    return extract_pdf(SAMPLE, Options(jobs=1))
