"""``chitieu targets``, ``chitieu figures``, ``chitieu conflicts``: goals and reported figures.

Targets are shown once per group (the same goal stated by several documents, grouped by
:mod:`pipeline.linking`), with every source; ids are audit ids (``T12`` = target row 12,
``F7`` = figure row 7), so ``chitieu audit T12`` shows where a value came from.
"""

from __future__ import annotations

from typing import Any

import click
import sqlite_utils

from pipeline.cli.common import db_option
from pipeline.cli.output import emit, format_option
from pipeline.folding import fold
from pipeline.linking import (
    actual_conflicts,
    group_targets,
    target_conflicts,
)
from pipeline.models import plain_number
from pipeline.store import figure_rows, open_db, target_rows

TARGET_COLUMNS = (
    "id",
    "value",
    "comparator",
    "unit",
    "metric",
    "deadline",
    "scope",
    "sources",
)
FIGURE_COLUMNS = ("id", "document", "text", "value", "unit", "kind", "qualifier", "as_of", "scope")
CONFLICT_COLUMNS = (
    "kind",
    "scope",
    "metric",
    "when",
    "unit",
    "first_id",
    "first_value",
    "first_document",
    "second_id",
    "second_value",
    "second_document",
)


def _value(value: float | None, value_max: float | None) -> Any:
    if value is None:
        return None
    if value_max is None:
        return plain_number(value)
    return {"min": plain_number(value), "max": plain_number(value_max)}


def _matches(needle: str | None, haystack: str | None) -> bool:
    return not needle or fold(needle) in fold(haystack or "")


def _document_matches(wanted: str | None, path: str | None) -> bool:
    return not wanted or path == wanted or (path or "").endswith("/" + wanted.lstrip("/"))


def query_targets(
    db: sqlite_utils.Database,
    deadline: str | None = None,
    scope: str | None = None,
    search: str | None = None,
    document: str | None = None,
) -> list[dict[str, Any]]:
    """Target groups as output rows, filtered; ``sources`` lists every stating document."""
    out = []
    for group in group_targets(target_rows(db)):
        if deadline and not str(group.deadline or "").startswith(deadline):
            continue
        if not _matches(scope, group.scope) or not _matches(search, group.metric):
            continue
        if document and not any(_document_matches(document, d) for d in group.documents):
            continue
        out.append(
            {
                "id": f"T{group.id}",
                "value": _value(group.value, group.value_max),
                "comparator": group.comparator,
                "unit": group.unit,
                "metric": group.metric,
                "deadline": group.deadline,
                "scope": group.scope,
                "sources": [
                    {k: source[k] for k in ("document", "start", "end", "text")}
                    for source in group.sources()
                ],
            }
        )
    return out


def query_figures(
    db: sqlite_utils.Database,
    scope: str | None = None,
    search: str | None = None,
    document: str | None = None,
    as_of: str | None = None,
    kind: str | None = None,
    unit: str | None = None,
) -> list[dict[str, Any]]:
    """Figure rows, filtered; ``--search`` looks in the figure and the words before it."""
    out = []
    for row in figure_rows(db):
        if not _document_matches(document, row["document"]) or not _matches(scope, row["scope"]):
            continue
        if not _matches(search, f"{row['context']} {row['text']}"):
            continue
        if as_of and not str(row["as_of"] or "").startswith(as_of):
            continue
        if (kind and row["kind"] != kind) or (unit and fold(row["unit"] or "") != fold(unit)):
            continue
        out.append(
            {
                "id": f"F{row['id']}",
                "document": row["document"],
                "text": row["text"],
                "value": _value(row["value"], row["value_max"]),
                "unit": row["unit"],
                "kind": row["kind"],
                "qualifier": row["qualifier"],
                "as_of": row["as_of"],
                "scope": row["scope"],
                "start": row["start"],
                "end": row["end"],
            }
        )
    return out


def query_conflicts(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Conflicting targets and actuals as output rows."""
    conflicts = target_conflicts(group_targets(target_rows(db)))
    conflicts += actual_conflicts(f for f in figure_rows(db) if f["as_of"])
    rows = []
    for conflict in conflicts:
        row = conflict.as_row()
        prefix = "T" if conflict.kind == "target" else "F"
        row["first_id"] = f"{prefix}{row['first_id']}"
        row["second_id"] = f"{prefix}{row['second_id']}"
        rows.append(row)
    return rows


def _flat_sources(rows: list[dict[str, Any]], output_format: str) -> list[dict[str, Any]]:
    if output_format == "json":
        return rows
    return [
        row
        | {
            "sources": "; ".join(
                f"{s['document']}:{s['start']}-{s['end']}" for s in row["sources"]
            ),
            "value": _value_text(row["value"]),
        }
        for row in rows
    ]


def _value_text(value: Any) -> Any:
    return f"{value['min']}-{value['max']}" if isinstance(value, dict) else value


filter_options = [
    click.option("--scope", help="Province, city or 'toàn quốc' (accents optional)."),
    click.option("--search", help="Words of the metric (accents optional)."),
    click.option("--document", help="Only items from this document (path in the corpus)."),
]


def _with_filters(command):
    for option in reversed(filter_options):
        command = option(command)
    return command


@click.command()
@click.option("--deadline", help="Deadline year (or ISO prefix), e.g. 2030.")
@_with_filters
@format_option
@db_option
def targets(
    deadline: str | None,
    scope: str | None,
    search: str | None,
    document: str | None,
    output_format: str,
    db_path: str,
) -> None:
    """Targets, one row per goal, grouped across the documents that state it."""
    db = open_db(db_path, create=False)
    try:
        rows = query_targets(db, deadline, scope, search, document)
    finally:
        db.close()
    emit(_flat_sources(rows, output_format), TARGET_COLUMNS, output_format)


@click.command()
@_with_filters
@click.option("--as-of", "as_of", help="As-of date prefix, e.g. 2018 or 2020-01.")
@click.option(
    "--kind", type=click.Choice(["count", "percent", "money", "ratio", "duration", "other"])
)
@click.option("--unit", help="Unit, e.g. 'hợp tác xã' or '%'.")
@format_option
@db_option
def figures(
    scope: str | None,
    search: str | None,
    document: str | None,
    as_of: str | None,
    kind: str | None,
    unit: str | None,
    output_format: str,
    db_path: str,
) -> None:
    """Figures with their as-of dates (the actuals a document reports)."""
    db = open_db(db_path, create=False)
    try:
        rows = query_figures(db, scope, search, document, as_of, kind, unit)
    finally:
        db.close()
    if output_format != "json":
        rows = [row | {"value": _value_text(row["value"])} for row in rows]
    emit(rows, FIGURE_COLUMNS, output_format)


@click.command()
@format_option
@db_option
def conflicts(output_format: str, db_path: str) -> None:
    """Different values for one metric, scope and deadline (or as-of date) across documents."""
    db = open_db(db_path, create=False)
    try:
        rows = query_conflicts(db)
    finally:
        db.close()
    emit(rows, CONFLICT_COLUMNS, output_format)


commands = [targets, figures, conflicts]
