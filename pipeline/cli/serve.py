"""``chitieu serve``: browse the store in Datasette, read-only."""

from __future__ import annotations

import click

from pipeline.cli.common import db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
def serve(db_path: str, host: str, port: int) -> None:
    """Browse the store in Datasette at http://HOST:PORT/ (read-only; Ctrl-C stops it).

    Tables have descriptions and facets, passages have full-text search, canned queries list
    targets by deadline, the most cited documents and ingest errors, /-/chitieu/conflicts
    compares targets across documents, and every item's text links to a page highlighting it
    in its passage.
    """
    from pipeline.serve import database_name
    from pipeline.serve import serve as run_server

    click.echo(f"Serving {db_path} at http://{host}:{port}/{database_name(db_path)} (Ctrl-C stops)")
    run_server(db_path, host=host, port=port)


commands = [serve]
