"""The fault table of README.md ("What fails how") names only tests that exist, so it cannot drift from the suite.

Each row is a fault, what the user sees, and the tests that prove it, written as
`tests/<path>.py::<test function>`. A test renamed or removed without the table
following fails here.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEADING = "## What fails how"
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)::(test_\w+)`")


def fault_rows() -> list[list[str]]:
    """The table's rows below its header, as lists of cells."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert HEADING in readme, f"README.md has no {HEADING!r} section"
    section = readme.split(HEADING, 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    assert len(lines) > 2, "the section has no table"
    header, separator, *rows = lines
    assert [cell.strip() for cell in header.strip("|").split("|")] == ["Fault", "What you see", "Proved by"]
    assert set(separator) <= set("|- ")
    # cells hold no unescaped "|": split on the column bars
    return [[cell.strip() for cell in row.strip().strip("|").split(" | ")] for row in rows]


@cache
def functions_in(path: str) -> frozenset[str]:
    """The module-level test functions of a test file."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    return frozenset(
        node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.name.startswith("test_")
    )


def test_every_row_says_the_fault_what_the_user_sees_and_names_a_test() -> None:
    rows = fault_rows()
    assert len(rows) >= 20
    for row in rows:
        assert len(row) == 3, row
        fault, seen, proved_by = row
        assert fault and seen, row
        references = REFERENCE.findall(proved_by)
        assert references, f"no test named for: {fault}"
        # nothing else in the last column but the references and their separators
        assert REFERENCE.sub("", proved_by).replace(",", "").strip() == "", proved_by


def test_every_test_the_table_names_exists() -> None:
    missing = []
    for fault, _, proved_by in fault_rows():
        for path, name in REFERENCE.findall(proved_by):
            if not (ROOT / path).is_file():
                missing.append(f"{path} (for: {fault})")
            elif name not in functions_in(path):
                missing.append(f"{path}::{name} (for: {fault})")
    assert missing == [], "the fault table names tests that do not exist:\n" + "\n".join(missing)
