"""No SQL is built by string formatting from user input: every f-string handed to SQLite
interpolates only table names, column lists and placeholder lists the code itself defines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    path for folder in ("pipeline", "extractors", "flows") for path in (ROOT / folder).rglob("*.py")
)
SQL_METHODS = {"execute", "executemany", "executescript", "query"}
# What an f-string of SQL may interpolate: names of tables, indexes and columns chosen by the
# code from fixed tables, and "?, ?, ?" placeholder lists; user values always go as parameters.
SAFE_INTERPOLATIONS = {
    "table",
    "index",
    "names",
    "placeholders",
    "marks",
    "assignments",
    "columns",
    "SCHEMA_VERSION",
}
SQL_WORDS = ("SELECT ", "INSERT ", "UPDATE ", "DELETE ", " WHERE ", "PRAGMA ")


def sql_fstrings(path: Path) -> list[tuple[int, str]]:
    """(line, interpolated expression) for each f-string of SQL in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        literal = "".join(
            part.value for part in node.values if isinstance(part, ast.Constant)
        ).upper()
        if not any(word in literal for word in SQL_WORDS):
            continue
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                found.append((node.lineno, ast.unparse(part.value)))
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_sql_fstrings_interpolate_only_code_defined_names(path: Path) -> None:
    unsafe = [
        (line, expression)
        for line, expression in sql_fstrings(path)
        if expression not in SAFE_INTERPOLATIONS
    ]
    assert unsafe == []


def test_sql_text_is_never_built_with_percent_or_format() -> None:
    offenders = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
                left = node.left
                if (
                    isinstance(left, ast.Constant)
                    and isinstance(left.value, str)
                    and any(word in left.value.upper() for word in SQL_WORDS)
                ):
                    offenders.append((path.name, node.lineno))
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"
                and isinstance(node.func.value, ast.Constant)
                and isinstance(node.func.value.value, str)
                and any(word in node.func.value.value.upper() for word in SQL_WORDS)
            ):
                offenders.append((path.name, node.lineno))
    assert offenders == []
