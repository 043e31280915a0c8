"""``chitieu audit``: one item traced back to its source text."""

from __future__ import annotations

import json
import sys

import click

from pipeline.audit import audit_item, format_audit
from pipeline.cli.common import db_option
from pipeline.store import open_db


@click.command()
@click.argument("item_id")
@db_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def audit(item_id: str, db_path: str, output_format: str) -> None:
    """Trace ITEM_ID (F12 figure, D12 date, L12 legal ref, T12 target, P12 passage) to its source.

    Shows the document, page and line, the passage with the item highlighted, a check that the
    document's text at the stored offsets equals the stored surface, the normalised fields and
    the rule; for a target its figure and other sources, for a legal reference the cited
    document and who else cites it. Exits with status 1 if the check fails.
    """
    db = open_db(db_path, create=False)
    try:
        record = audit_item(db, item_id)
    finally:
        db.close()
    if output_format == "json":
        click.echo(json.dumps(record.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_audit(record, color=sys.stdout.isatty()))
    if not record.verified:
        raise click.ClickException(
            f"{record.id}: stored text does not match the document at {record.start}:{record.end}"
        )


commands = [audit]
