"""The README is generated where it can be, and its examples run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE
from extract.cli import main
from extract.docs import render

README = ROOT / "README.md"


def test_generated_sections_are_up_to_date() -> None:
    text = README.read_text(encoding="utf-8")
    assert render(text) == text, "run: .venv/bin/python -m extract.docs README.md"


def _examples() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### Loading the outputs") : text.index("### Inconsistencies")]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_there_are_pandas_duckdb_and_polars_examples() -> None:
    joined = "\n".join(_examples())
    assert "import pandas" in joined and "import duckdb" in joined and "import polars" in joined


@pytest.mark.parametrize("index", range(len(_examples())))
def test_loading_examples_run_on_real_outputs(
    tmp_path_factory: pytest.TempPathFactory, index: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path_factory.mktemp("readme")
    assert main(["extract", str(SAMPLE), "--out", str(work / "data" / "out"), "--jobs", "1"]) == 0
    monkeypatch.chdir(work)
    scope: dict[str, object] = {}
    exec(compile(_examples()[index], f"README example {index}", "exec"), scope)  # noqa: S102
    produced = [v for k, v in scope.items() if not k.startswith("__") and not callable(v)]
    assert produced  # each example binds something real
    for value in produced:
        if hasattr(value, "__len__") and not isinstance(value, str | type(Path())):
            assert len(value) > 0  # type: ignore[arg-type]
