"""``chitieu show``: one stored document, its metadata, item counts and text."""

from __future__ import annotations

import json

import click

from pipeline.cli.common import db_option
from pipeline.store import EXPORT_TYPES, get_document, iter_items, open_db

METADATA_FIELDS = (
    "id",
    "path",
    "status",
    "format",
    "encoding",
    "title",
    "published",
    "published_source",
    "char_count",
    "ocr",
    "sha256",
    "pipeline_version",
    "ingested_at",
)


@click.command()
@click.argument("doc")
@db_option
@click.option("--no-text", is_flag=True, help="Metadata only.")
@click.option("--json", "as_json", is_flag=True, help="Everything as one JSON object.")
def show(doc: str, db_path: str, no_text: bool, as_json: bool) -> None:
    """Show document DOC (its path relative to the corpus, or its id)."""
    db = open_db(db_path, create=False)
    try:
        document = get_document(db, doc)
        counts = {
            table: sum(1 for _ in iter_items(db, table, document["id"])) for table in EXPORT_TYPES
        }
    finally:
        db.close()
    if as_json:
        click.echo(json.dumps(document | {"items": counts}, ensure_ascii=False, indent=2))
        return
    width = max(len(name) for name in METADATA_FIELDS)
    for name in METADATA_FIELDS:
        click.echo(f"{name.ljust(width)}  {'' if document[name] is None else document[name]}")
    click.echo(f"{'pages'.ljust(width)}  {len(document['pages'])}")
    click.echo(f"{'items'.ljust(width)}  " + ", ".join(f"{n} {t}" for t, n in counts.items()))
    for warning in document["warnings"]:
        click.echo(f"{'warning'.ljust(width)}  {warning}")
    if not no_text:
        click.echo("")
        click.echo(document["text"])


commands = [show]
