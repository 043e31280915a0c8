"""``chitieu search``: full-text search over passages, with or without diacritics."""

from __future__ import annotations

import sys

import click

from pipeline.cli.common import db_option
from pipeline.cli.output import emit, format_option
from pipeline.store import open_db, search

COLUMNS = ("document", "start", "end", "passage_id", "match", "marked")


@click.command(name="search")
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@format_option
@click.option("--include-removed", is_flag=True, help="Also search documents gone from the corpus.")
def search_command(
    query: str, db_path: str, limit: int, output_format: str, include_removed: bool
) -> None:
    """Passages matching QUERY (FTS5 syntax: words, "a phrase", AND/OR/NOT, prefix*).

    "hop tac xa" also finds "hợp tác xã"; passages spelled as typed come first.
    """
    db = open_db(db_path, create=False)
    try:
        hits = search(db, query, limit=limit, include_removed=include_removed)
    finally:
        db.close()
    bold = output_format == "table" and sys.stdout.isatty()
    rows = []
    for hit in hits:
        row = hit.as_dict()
        if bold:
            row["marked"] = hit.marked("\x1b[1m", "\x1b[0m")
        rows.append(row)
    if output_format == "table" and not rows:
        click.echo(f"No passage matches {query!r}.", err=True)
        return
    columns = COLUMNS if output_format == "table" else (*COLUMNS, "hits", "text", "page")
    emit(rows, columns, output_format)


commands = [search_command]
