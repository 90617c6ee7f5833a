"""README sections generated from the code, so that they cannot drift.

`python -m extract.docs README.md` rewrites the sections between the
`<!-- name:start -->` and `<!-- name:end -->` markers; a test fails when
the README differs from what this module generates.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow as pa

from extract.errors import EXIT_CODE_MEANINGS, ExitCode
from extract.tables import SCHEMAS, describe, field_description


def _type_name(kind: pa.DataType) -> str:
    if pa.types.is_list(kind):
        return f"list<{_type_name(kind.value_type)}>"
    if pa.types.is_struct(kind):
        inner = ", ".join(f"{f.name}: {_type_name(f.type)}" for f in kind)
        return f"struct<{inner}>"
    return str(kind)


def data_dictionary() -> str:
    parts: list[str] = []
    for name, schema in SCHEMAS.items():
        parts.append(f"### `{name}`\n\n{describe(schema)}\n")
        parts.append("| column | type | null | meaning |\n|---|---|---|---|")
        for field in schema:
            null = "yes" if field.nullable else "no"
            meaning = field_description(field).replace("|", "\\|")
            parts.append(f"| `{field.name}` | {_type_name(field.type)} | {null} | {meaning} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def exit_codes() -> str:
    rows = ["| code | name | meaning |", "|---|---|---|"]
    for code in ExitCode:
        rows.append(f"| {code.value} | `{code.name.lower()}` | {EXIT_CODE_MEANINGS[code]} |")
    return "\n".join(rows) + "\n"


SECTIONS = {"data-dictionary": data_dictionary, "exit-codes": exit_codes}


def render(text: str) -> str:
    """The README text with every generated section brought up to date."""
    for name, make in SECTIONS.items():
        start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
        head, found, rest = text.partition(start)
        if not found:
            raise ValueError(f"README has no {start} marker")
        _, found, tail = rest.partition(end)
        if not found:
            raise ValueError(f"README has no {end} marker")
        text = f"{head}{start}\n{make()}{end}{tail}"
    return text


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "README.md")
    path.write_text(render(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
