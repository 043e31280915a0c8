"""Options every command shares."""

from __future__ import annotations

import click

DEFAULT_DB = "chitieu.db"

db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(),
    default=DEFAULT_DB,
    show_default=True,
    help="The SQLite store.",
)
