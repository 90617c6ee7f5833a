"""The command line in-process: exact exit codes, messages and outputs."""

from __future__ import annotations

import json
import shutil
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


def _folder_of_pdfs(root: Path) -> Path:
    """Two copies of the sample (one ending in .PDF), and what a folder input must skip."""
    folder = root / "raw"
    (folder / "drafts").mkdir(parents=True)
    shutil.copyfile(SAMPLE, folder / "b-annuaire.pdf")
    shutil.copyfile(SAMPLE, folder / "a-annuaire.PDF")
    (folder / "notes.txt").write_text("not a PDF")
    (folder / ".hidden.pdf").write_text("hidden, as the shell's *.pdf leaves it out")
    (folder / "drafts" / "draft.pdf").write_text("not a PDF either")
    return folder


def _inputs(out: Path) -> list[tuple[str, str]]:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return [(entry["file"], entry["outcome"]) for entry in manifest["inputs"]]


def test_a_folder_stands_for_its_pdfs_sorted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder_of_pdfs(tmp_path)
    out = tmp_path / "out"
    assert main(["extract", str(folder), "--out", str(out), "--jobs", "1"]) == ExitCode.OK
    assert _inputs(out) == [("a-annuaire.PDF", "ok"), ("b-annuaire.pdf", "ok")]
    err = capsys.readouterr().err
    assert "error:" not in err
    assert f"warning: {folder / 'a-annuaire.PDF'}: another file of the same run" in err


def test_recursive_searches_a_folder_s_subfolders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder_of_pdfs(tmp_path)
    args = ["check", str(folder), "--recursive", "--jobs", "2", "--min-severity", "error"]
    assert main(args) == ExitCode.SOME_FILES_FAILED
    captured = capsys.readouterr()
    draft = folder / "drafts" / "draft.pdf"
    assert [line for line in captured.err.splitlines() if line.startswith("error:")] == [
        f"error: {draft}: not a PDF (no %PDF- header); give the directory's PDF file itself"
    ]
    checked = [line for line in captured.out.splitlines() if "(edition 2021)" in line]
    assert [line.split(" ")[0] for line in checked] == ["a-annuaire.PDF", "b-annuaire.pdf"]


def test_a_folder_without_pdf_has_its_own_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(SAMPLE), "--out", str(out), "--jobs", "1"]) == ExitCode.OK
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    folder = tmp_path / "raw"
    (folder / "2021").mkdir(parents=True)
    shutil.copyfile(SAMPLE, folder / "2021" / SAMPLE.name)  # in a subfolder: not searched
    capsys.readouterr()
    code = main(["extract", str(folder), "--out", str(out), "--jobs", "1"])
    assert code == ExitCode.NO_PDF_IN_FOLDER == 13
    assert capsys.readouterr().err.splitlines() == [
        f"error: {folder}: no PDF in this folder (no *.pdf directly in it); "
        "give the PDF files themselves, or --recursive to search its subfolders"
    ]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_folder_without_pdf_in_a_batch_is_listed_with_the_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "out"
    code = main(["extract", str(empty), str(SAMPLE), "--out", str(out), "--jobs", "1"])
    assert code == ExitCode.SOME_FILES_FAILED
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {empty}: no PDF in this folder (no *.pdf directly in it); "
        "give the PDF files themselves, or --recursive to search its subfolders"
    ]
    assert _inputs(out) == [("empty", "error"), (SAMPLE.name, "ok")]
