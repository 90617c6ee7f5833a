"""Mutated bytes of a valid PDF: a result or a clean error, never a crash or a hang."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.errors import AnnuaireError, ExitCode
from extract.pipeline import Options, Result, extract_many
from gen import Layout, make_directory

LIMIT_SECONDS = 30.0


@pytest.fixture(scope="module")
def valid_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("fuzz") / "valid.pdf"
    make_directory(path, 5, Layout(long_records=False))
    return path.read_bytes()


MUTATION = st.tuples(
    st.sampled_from(["flip", "cut", "insert", "zero"]),
    st.floats(0.0, 1.0),
    st.binary(min_size=1, max_size=64),
)


def mutate(data: bytes, mutations: list[tuple[str, float, bytes]]) -> bytes:
    buffer = bytearray(data)
    for kind, where, chunk in mutations:
        at = int(where * (len(buffer) - 1))
        if kind == "flip":
            buffer[at : at + len(chunk)] = bytes(
                b ^ c for b, c in zip(buffer[at:], chunk, strict=False)
            )
        elif kind == "cut":
            del buffer[at : at + 1 + len(chunk) * 50]
        elif kind == "insert":
            buffer[at:at] = chunk
        else:
            buffer[at : at + len(chunk) * 20] = bytes(len(chunk) * 20)
    return bytes(buffer)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(batch=st.lists(st.lists(MUTATION, min_size=1, max_size=4), min_size=4, max_size=4))
def test_mutated_pdfs_give_a_result_or_a_clean_error(
    valid_pdf: bytes, tmp_path: Path, batch: list[list[tuple[str, float, bytes]]]
) -> None:
    paths = []
    for index, mutations in enumerate(batch):
        path = tmp_path / f"mutant-{index}.pdf"
        path.write_bytes(mutate(valid_pdf, mutations))
        paths.append(path)
    outcomes = extract_many(paths, Options(jobs=2, timeout=LIMIT_SECONDS))
    for outcome in outcomes:
        if isinstance(outcome, Result):
            continue
        error = outcome.error
        assert isinstance(error, AnnuaireError)
        assert error.exit_code not in (ExitCode.INTERNAL_ERROR, ExitCode.RESOURCE_LIMIT), error
        assert str(error).startswith(f"{outcome.path}: ")
        assert "\n" not in str(error)
