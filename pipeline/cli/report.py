"""``chitieu report``: static HTML pages with every item highlighted in its document."""

from __future__ import annotations

import click

from pipeline.cli.common import db_option
from pipeline.report import write_report
from pipeline.store import open_db


@click.command()
@click.argument("documents", nargs=-1)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default="report",
    show_default=True,
    help="Folder to write the pages into.",
)
@db_option
def report(documents: tuple[str, ...], out_dir: str, db_path: str) -> None:
    """Write a self-contained HTML page per document (DOCUMENTS: paths or ids; default all).

    Each page shows the text with figures, dates, legal references and targets highlighted;
    index.html lists the documents, their targets and the files that failed to read.
    """
    db = open_db(db_path, create=False)
    try:
        written = write_report(db, out_dir, documents)
    finally:
        db.close()
    click.echo(f"Wrote {len(written) - 1} document page(s) and {written[-1]}")


commands = [report]
