"""``chitieu export``: every document and item as JSON lines, the form evaluation scores."""

from __future__ import annotations

import json

import click

from pipeline.cli.common import db_option
from pipeline.store import iter_export_rows, open_db


@click.command()
@db_option
@click.option(
    "--format", "output_format", type=click.Choice(["jsonl"]), default="jsonl", show_default=True
)
@click.option(
    "--out",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Output file (default: stdout).",
)
@click.option("--include-removed", is_flag=True, help="Also export documents gone from the corpus.")
def export(db_path: str, output_format: str, out, include_removed: bool) -> None:
    """Write one JSON line per document, then one per figure, date, legal_ref and target."""
    db = open_db(db_path, create=False)
    try:
        for row in iter_export_rows(db, include_removed=include_removed):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        db.close()


commands = [export]
