"""report.html without a browser: size, self-containment, determinism, cache, escaping."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import bad_inputs
from extract.cli import _write_report, main
from extract.errors import ExitCode
from extract.report import REPORT_NAME, build_report
from extract.report.cache import CACHE_NAME
from extract.store import read_table

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "raw" / "annuaire-2021.pdf"
PLACEHOLDER = "source PDF not available"
# A src/href (or CSS url()) that would make the browser fetch something from the network.
EXTERNAL = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']?|url\(\s*["']?)\s*(?:https?:)?//""", re.I)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One extraction of the sample, from a copy of the PDF this module may move away."""
    base = tmp_path_factory.mktemp("report")
    pdf = base / "pdf" / SAMPLE.name
    pdf.parent.mkdir()
    shutil.copyfile(SAMPLE, pdf)
    folder = base / "out"
    assert main(["extract", str(pdf), "--out", str(folder), "--jobs", "1"]) == ExitCode.OK
    return folder


def _copy(out: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    return copy


def _move_pdf_away(out: Path, tmp_path: Path) -> None:
    """Point the manifest at a path that no longer exists, as after moving the PDF."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for edition in manifest["editions"].values():
        edition["path"] = str(tmp_path / "moved-away.pdf")
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def test_extract_writes_a_small_report(out: Path) -> None:
    report = out / REPORT_NAME
    assert report.is_file()
    assert report.stat().st_size < 5_000_000
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<svg" in html and 'id="laureates-2021"' in html
    assert html.count('class="rec"') == 25
    assert PLACEHOLDER not in html
    assert not list(out.glob(".*.tmp"))


def test_report_loads_nothing_from_the_network(out: Path) -> None:
    html = (out / REPORT_NAME).read_text(encoding="utf-8")
    assert EXTERNAL.findall(html) == []
    assert "@import" not in html
    sources = re.findall(r"""\bsrc\s*=\s*["']([^"']*)""", html)
    assert sources and all(s.startswith("data:image/png;base64,") for s in sources)


def test_crops_are_cached_by_pdf_hash(out: Path) -> None:
    sha = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["editions"]["2021"][
        "sha256"
    ]
    with zipfile.ZipFile(out / CACHE_NAME) as archive:
        crops = archive.namelist()
    assert crops and all(name.startswith(f"{sha}/") and name.endswith(".png") for name in crops)
    assert any(name.startswith(f"{sha}/6-") for name in crops)  # the Montpellier summary line
    assert all(p.is_file() for p in out.iterdir())  # the folder stays flat


def test_rebuild_is_byte_identical(out: Path) -> None:
    before = (out / REPORT_NAME).read_bytes()
    assert build_report(out) == out / REPORT_NAME
    assert (out / REPORT_NAME).read_bytes() == before
    assert main(["report", str(out)]) == ExitCode.OK
    assert (out / REPORT_NAME).read_bytes() == before


def test_report_command_uses_cached_crops(out: Path, tmp_path: Path) -> None:
    copy = _copy(out, tmp_path)
    (copy / REPORT_NAME).unlink()
    _move_pdf_away(copy, tmp_path)
    assert main(["report", str(copy)]) == ExitCode.OK
    assert (copy / REPORT_NAME).read_bytes() == (out / REPORT_NAME).read_bytes()


def test_placeholder_without_cache_nor_pdf(out: Path, tmp_path: Path) -> None:
    copy = _copy(out, tmp_path)
    (copy / CACHE_NAME).unlink()
    _move_pdf_away(copy, tmp_path)
    assert main(["report", str(copy)]) == ExitCode.OK
    html = (copy / REPORT_NAME).read_text(encoding="utf-8")
    assert PLACEHOLDER in html
    assert "data:image/png" not in html


def test_a_different_pdf_at_the_path_is_not_used(out: Path, tmp_path: Path) -> None:
    copy = _copy(out, tmp_path)
    (copy / CACHE_NAME).unlink()
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    other = tmp_path / "other.pdf"
    other.write_bytes(SAMPLE.read_bytes() + b"\n%changed\n")
    manifest["editions"]["2021"]["path"] = str(other)
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    build_report(copy)
    assert PLACEHOLDER in (copy / REPORT_NAME).read_text(encoding="utf-8")


def test_report_renders_an_encrypted_pdf_s_crops_with_its_password(tmp_path: Path) -> None:
    pdf = bad_inputs.encrypted(tmp_path / "locked.pdf", "s3cret")
    out = tmp_path / "out"
    args = ["extract", str(pdf), "--password", "s3cret", "--out", str(out), "--jobs", "1"]
    assert main(args) == ExitCode.OK
    whole = (out / REPORT_NAME).read_bytes()
    assert PLACEHOLDER.encode() not in whole
    (out / CACHE_NAME).unlink()
    assert main(["report", str(out)]) == ExitCode.OK  # the manifest never keeps the password
    assert PLACEHOLDER in (out / REPORT_NAME).read_text(encoding="utf-8")
    assert main(["report", str(out), "--password", "s3cret"]) == ExitCode.OK
    assert (out / REPORT_NAME).read_bytes() == whole


@pytest.mark.parametrize("make", [False, True], ids=["missing", "empty"])
def test_report_without_outputs_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: bool
) -> None:
    folder = tmp_path / "nothing"
    if make:
        folder.mkdir()
    assert main(["report", str(folder)]) == ExitCode.MISSING_FILE
    err = capsys.readouterr().err
    assert err == (
        f"error: {folder}: no outputs found (laureates.parquet missing); "
        "run annuaire extract first\n"
    )
    assert not (folder / REPORT_NAME).exists()


def test_report_failure_inside_extract_is_only_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_report(tmp_path)  # no outputs there: must warn, not raise
    assert capsys.readouterr().err.startswith("warning: report not written: ")


def _replace(out: Path, name: str, column: str, value: str) -> None:
    table = read_table(out, name)
    values = table.column(column).to_pylist()
    values[0] = value
    index = table.schema.get_field_index(column)
    table = table.set_column(index, table.schema.field(index), pa.array(values, pa.string()))
    pq.write_table(table, out / f"{name}.parquet")


def test_text_is_escaped(out: Path, tmp_path: Path) -> None:
    copy = _copy(out, tmp_path)
    nasty = '<script>alert("x")</script> & l\'« Agglo »'
    _replace(copy, "laureates", "territory", nasty)
    _replace(copy, "inconsistencies", "message", nasty)
    _replace(copy, "laureates", "description", "a <b>\n</p></td></tr></table>")
    html = build_report(copy).read_text(encoding="utf-8")
    assert "<script>alert" not in html and "</p></td></tr></table>" not in html
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#x27;« Agglo »"
    assert html.count(escaped) >= 2
    assert html.count("<script>") == 1  # the report's own script
