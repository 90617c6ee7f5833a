"""The command line in-process: exact exit codes, messages and outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SAMPLE
from extract.cli import build_parser, main
from extract.errors import ExitCode


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(commands) >= {"extract", "check"}
    for command in [[], *([c] for c in commands)]:
        with pytest.raises(SystemExit) as done:
            main([*command, "--help"])
        assert done.value.code == 0
        assert "usage: annuaire" in capsys.readouterr().out


def test_extract_writes_every_table_and_prints_a_summary_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["extract", str(SAMPLE), "--out", str(tmp_path), "--jobs", "1"])
    assert code == ExitCode.OK
    err = capsys.readouterr().err
    assert "annuaire-2021.pdf: edition 2021, 25 laureates, 25 summary entries, 6 categories" in err
    for name in (
        "laureates",
        "summary_entries",
        "reconciliation",
        "inconsistencies",
        "editions",
        "jury",
    ):
        assert (tmp_path / f"{name}.parquet").stat().st_size > 0
        header = (tmp_path / f"{name}.csv").read_text(encoding="utf-8").split("\n", 1)[0]
        assert "edition_year" in header.split(",")


def test_check_exits_1_on_errors_and_prints_them(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(SAMPLE), "--jobs", "1", "--min-severity", "error"])
    assert code == ExitCode.INCONSISTENT == 1
    out = capsys.readouterr().out
    assert "ERROR (1)" in out and "tier_mismatch" in out and "CCAS de Montpellier" in out
    assert "INFO" not in out


def test_missing_file_is_one_line_with_its_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.pdf"
    code = main(["extract", str(missing), "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert code == ExitCode.MISSING_FILE
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"error: {missing}: file not found; check the path and try again"]


def test_bad_arguments_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["extract"])
    assert done.value.code == ExitCode.USAGE
