"""Rows out as an aligned table, CSV or JSON: the one output helper every command uses."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

import click

FORMATS = ("table", "csv", "json")
MAX_CELL_CHARS = 60

format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="Output format.",
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())


def render(rows: Sequence[dict[str, Any]], columns: Sequence[str], output_format: str) -> str:
    """``rows`` (dicts) as text in ``output_format``, keeping only ``columns`` in that order.

    In a table every column but the last is cut to MAX_CELL_CHARS; the last one is left whole
    so a passage can be read in full.
    """
    if output_format == "json":
        return json.dumps(
            [{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=2
        )
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
        return buffer.getvalue().rstrip("\n")
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    for line in cells:
        for index in range(len(columns) - 1):
            if len(line[index]) > MAX_CELL_CHARS:
                line[index] = line[index][: MAX_CELL_CHARS - 1] + "…"
    widths = [
        max([len(c)] + [click.unstyle(line[i]).__len__() for line in cells])
        for i, c in enumerate(columns)
    ]
    widths[-1] = len(columns[-1])  # the last column runs free; its rule stays short
    lines = ["  ".join(c.ljust(widths[i]) for i, c in enumerate(columns)).rstrip()]
    lines.append("  ".join("-" * width for width in widths))
    for line in cells:
        padded = [
            value + " " * (widths[i] - len(click.unstyle(value))) if i < len(line) - 1 else value
            for i, value in enumerate(line)
        ]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines)


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], output_format: str) -> None:
    """Print ``rows`` in ``output_format`` on stdout (a table with no rows says so on stderr)."""
    if not rows and output_format == "table":
        click.echo("(no rows)", err=True)
        return
    click.echo(render(rows, columns, output_format))
