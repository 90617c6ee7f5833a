from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Options, Result, extract_pdf

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw" / "annuaire-2021.pdf"
SEED = ROOT.parent / "shared" / "seeds" / "annuaire-2021.txt"
GOLDEN = Path(__file__).resolve().parent / "golden" / "annuaire-2021.json"


@pytest.fixture(scope="session")
def sample_result() -> Result:
    return extract_pdf(SAMPLE, Options(jobs=1))
