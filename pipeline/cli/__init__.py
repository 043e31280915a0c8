"""The ``chitieu`` command line: a thin click layer over the library.

Each command lives in its own module exposing ``commands`` (a list of click commands); to add
one, write the module and list it in COMMAND_MODULES.
"""

from __future__ import annotations

import importlib
import sqlite3

import click

from pipeline import __version__
from pipeline.errors import ChitieuError

COMMAND_MODULES = (
    "pipeline.cli.ingest",
    "pipeline.cli.search",
    "pipeline.cli.show",
    "pipeline.cli.export",
    "pipeline.cli.eval",
    "pipeline.cli.audit",
    "pipeline.cli.targets",
    "pipeline.cli.report",
    "pipeline.cli.serve",
)


class ChitieuGroup(click.Group):
    """A click group that reports chitieu's user errors as one ``Error: ...`` line."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ChitieuError as exc:
            raise click.ClickException(" ".join(str(exc).split())) from None
        except sqlite3.DatabaseError as exc:
            raise click.ClickException(f"database error: {exc}") from None


@click.group(cls=ChitieuGroup)
@click.version_option(__version__, prog_name="chitieu")
def main() -> None:
    """chitieu: figures, dates, cited documents and targets from Vietnamese official texts."""


def register_commands(group: click.Group, module_names: tuple[str, ...] = COMMAND_MODULES) -> None:
    """Add the ``commands`` of every listed module to ``group``."""
    for name in module_names:
        module = importlib.import_module(name)
        for command in getattr(module, "commands", ()):
            group.add_command(command)


register_commands(main)
