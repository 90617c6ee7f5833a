"""Bad input gets one clear line and its own exit code; earlier outputs survive."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import bad_inputs
from conftest import SAMPLE
from extract.cli import main
from extract.errors import ExitCode, MissingFileError
from extract.read import open_pdf, read_pdf
from extract.report.cache import CACHE_NAME
from extract.report.crops import Box, member_name, prerender


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(args)
    err = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error:")]
    return code, err


@pytest.mark.parametrize(
    ("make", "code", "cause"),
    [
        (lambda p: p, ExitCode.MISSING_FILE, "file not found"),
        (lambda p: (p.write_bytes(b""), p)[1], ExitCode.EMPTY_FILE, "the file is empty"),
        (lambda p: (p.write_text("hello"), p)[1], ExitCode.NOT_A_PDF, "not a PDF"),
        (bad_inputs.truncated, ExitCode.CORRUPT_PDF, "truncated"),
        (bad_inputs.encrypted, ExitCode.ENCRYPTED_PDF, "encrypted; give its password"),
        (bad_inputs.image_only, ExitCode.NO_TEXT_LAYER, "ocrmypdf"),
        (bad_inputs.unrelated_text, ExitCode.NOT_A_DIRECTORY, "no 'LABEL OR/ARGENT/BRONZE"),
    ],
    ids=["missing", "empty", "not-pdf", "truncated", "encrypted", "image-only", "unrelated"],
)
def test_each_bad_input_has_its_code_and_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make, code: int, cause: str
) -> None:  # type: ignore[no-untyped-def]
    pdf = make(tmp_path / "bad.pdf")
    out = tmp_path / "out"
    got, errors = run(["extract", str(pdf), "--out", str(out), "--jobs", "1"], capsys)
    assert got == code
    assert len(errors) == 1
    assert errors[0].startswith(f"error: {pdf}: ") and cause in errors[0]
    assert not any(out.glob("*.parquet"))  # nothing written for a run with no good file


def test_an_unreadable_file_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)  # root reads any file: say it cannot
    with pytest.raises(MissingFileError) as raised:
        open_pdf(SAMPLE)
    assert str(raised.value) == (
        f"{SAMPLE}: the file cannot be read (Permission denied); check its permissions"
    )
    assert raised.value.exit_code == ExitCode.MISSING_FILE


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_a_page_that_cannot_be_loaded_is_a_damaged_pdf_with_either_backend(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    # pdfplumber used to pass over the page and number the next ones one less.
    pdf = bad_inputs.page_not_a_page(tmp_path / "bad.pdf")
    args = ["extract", str(pdf), "--out", str(tmp_path / "out"), "--backend", backend]
    code, errors = run([*args, "--jobs", "1"], capsys)
    assert code == ExitCode.CORRUPT_PDF
    assert len(errors) == 1 and errors[0].startswith(f"error: {pdf}: the PDF is damaged")


def test_a_crop_of_a_page_pdfium_cannot_load_is_left_out(tmp_path: Path) -> None:
    pdf = open_pdf(bad_inputs.page_not_a_page(tmp_path / "bad.pdf"))
    boxes = [
        {"page": page, "x0": 60.0, "top": 100.0, "x1": 300.0, "bottom": 120.0} for page in (3, 4)
    ]
    crops = prerender(pdf, boxes)
    assert list(crops) == [member_name(pdf.sha256, Box.of(boxes[1]))]
    assert crops[member_name(pdf.sha256, Box.of(boxes[1]))].startswith(b"\x89PNG")


def test_a_parser_s_warnings_stay_off_stderr(tmp_path: Path) -> None:
    # In a process of its own: the workers write to the stderr their forkserver was given.
    pdf = bad_inputs.fonts_without_bbox(tmp_path / "odd-fonts.pdf")
    args = ["extract", str(pdf), "--out", str(tmp_path / "out"), "--backend", "pdfplumber"]
    cmd = [sys.executable, "-m", "extract", *args, "--jobs", "1"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == ExitCode.OK, done.stderr
    err = done.stderr.splitlines()
    assert err[0].startswith("odd-fonts.pdf: edition 2021, 25 laureates"), err
    assert [line.split(" ")[0] for line in err[1:]] == ["wrote", "wrote"]


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_a_word_thrown_far_off_the_page_is_not_read(tmp_path: Path, backend: str) -> None:
    # Found by benchmarks/mutate.py: one such word made the gutter search beside it
    # probe every point of the gap, and the run took minutes.
    pdf = open_pdf(bad_inputs.word_far_off_the_page(tmp_path / "far.pdf"))
    lines = [line.text for line in read_pdf(pdf, backend).pages[0].lines]
    assert lines == [f"Label du projet, ligne {row} du texte" for row in range(12)]


def test_exit_codes_are_distinct() -> None:
    values = [c.value for c in ExitCode]
    assert len(values) == len(set(values))
    assert ExitCode.OK == 0 and ExitCode.INCONSISTENT == 1 and ExitCode.USAGE == 2


def test_password_opens_an_encrypted_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = bad_inputs.encrypted(tmp_path / "locked.pdf", "s3cret")
    wrong, errors = run(["check", str(pdf), "--password", "nope", "--jobs", "1"], capsys)
    assert wrong == ExitCode.ENCRYPTED_PDF and "password does not open it" in errors[0]
    code, _ = run(["check", str(pdf), "--password", "s3cret", "--jobs", "1"], capsys)
    assert code == ExitCode.INCONSISTENT  # read fine: the sample has one error


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_the_right_password_extracts_an_encrypted_directory_with_its_crops(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    pdf = bad_inputs.encrypted(tmp_path / "locked.pdf", "s3cret")
    out = tmp_path / "out"
    args = ["extract", str(pdf), "--password", "s3cret", "--backend", backend, "--jobs", "1"]
    code, errors = run([*args, "--out", str(out)], capsys)
    assert (code, errors) == (ExitCode.OK, [])
    laureates = pq.read_table(out / "laureates.parquet")
    assert laureates.num_rows == 25
    boxes = {
        Box.of(e).key
        for row in pq.read_table(out / "inconsistencies.parquet").to_pylist()
        for e in row["evidence"] or []
    }
    with zipfile.ZipFile(out / CACHE_NAME) as archive:
        cached = {name.split("/")[1].split(".")[0] for name in archive.namelist()}
    assert boxes and cached == boxes
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "source PDF not available" not in html
    assert html.count("data:image/png;base64,") == len(boxes)


def test_output_folder_not_writable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code, errors = run(["extract", str(SAMPLE), "--out", str(blocker / "out")], capsys)
    assert code == ExitCode.OUTPUT_NOT_WRITABLE
    assert "output folder cannot be written" in errors[0]


def test_a_bad_file_does_not_stop_the_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = bad_inputs.truncated(tmp_path / "bad.pdf")
    out = tmp_path / "out"
    code, errors = run(["extract", str(bad), str(SAMPLE), "--out", str(out), "--jobs", "2"], capsys)
    assert code == ExitCode.SOME_FILES_FAILED
    assert len(errors) == 1 and "bad.pdf" in errors[0]
    assert (out / "laureates.parquet").exists()
    manifest = (out / "manifest.json").read_text(encoding="utf-8")
    assert '"outcome": "error"' in manifest and '"exit_code": 6' in manifest


def test_time_limit_stops_a_slow_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, errors = run(["check", str(SAMPLE), "--timeout", "0.05", "--jobs", "1"], capsys)
    assert code == ExitCode.RESOURCE_LIMIT
    assert "longer than 0.05 s" in errors[0]


def _greedy(path: Path) -> int:
    """A reading that swallows memory (the sample itself now fits in the smallest limit)."""
    hoard = [bytearray(64 * 1024 * 1024) for _ in range(64)]
    return len(hoard)


def test_memory_limit_stops_a_greedy_file() -> None:
    from extract.errors import ResourceLimitError
    from extract.pipeline import Failure, Options, extract_many

    [outcome] = extract_many([SAMPLE], Options(jobs=1, max_memory_mb=300), job=_greedy)
    assert isinstance(outcome, Failure)
    assert isinstance(outcome.error, ResourceLimitError)
    assert outcome.error.exit_code == ExitCode.RESOURCE_LIMIT
    assert "more than 300 MB" in str(outcome.error)


def test_verbose_shows_a_traceback_otherwise_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    main(["extract", str(SAMPLE), "--out", str(blocker / "o")])
    assert "Traceback" not in capsys.readouterr().err
    main(["extract", str(SAMPLE), "--out", str(blocker / "o"), "-v"])
    assert "Traceback" in capsys.readouterr().err


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != ".annuaire.lock"}


def test_sigterm_mid_run_leaves_previous_outputs_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [
        sys.executable,
        "-m",
        "extract",
        "extract",
        str(SAMPLE),
        "--out",
        str(out),
        "--jobs",
        "1",
    ]
    subprocess.run([*cmd, "--csv-dialect", "excel-fr"], check=True, env=env, capture_output=True)
    before = _snapshot(out)
    for delay in (0.5, 1.5, 2.5, 3.5):
        child = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, stdout=subprocess.PIPE)
        time.sleep(delay)
        child.send_signal(signal.SIGTERM)
        _, err = child.communicate(timeout=60)
        after = _snapshot(out)
        assert not [name for name in after if name.endswith(".tmp")]
        if child.returncode in (ExitCode.INTERRUPTED, -signal.SIGTERM):
            # Interrupted (or killed while the interpreter started, before `annuaire`
            # set its handler): every file is still the old one (the excel-fr CSVs).
            assert after == before
        else:
            # Finished before the signal: every table was replaced together.
            assert child.returncode == 0, err.decode()
            assert all(
                not after[n].startswith(b"\xef\xbb\xbf") for n in after if n.endswith(".csv")
            )
            return
