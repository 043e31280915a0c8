"""``chitieu eval``: extraction quality against a folder of gold annotations."""

from __future__ import annotations

import json

import click

from pipeline.evaluation import evaluate, format_report


@click.command(name="eval")
@click.argument("gold_dir", type=click.Path(file_okay=False))
@click.option(
    "--corpus",
    "corpus_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder holding the gold documents (default: GOLD_DIR itself).",
)
@click.option("--verbose", "-v", is_flag=True, help="List every miss and false alarm.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format (json: machine-readable numbers).",
)
def eval_command(gold_dir: str, corpus_dir: str | None, verbose: bool, output_format: str) -> None:
    """Score extraction on the documents of GOLD_DIR's *.gold.json files.

    The documents are ingested into a temporary store (the corpus and your database are left
    alone); prints precision, recall and F1 per kind and secondary agreements.
    """
    report = evaluate(gold_dir, corpus_dir, verbose=verbose)
    if output_format == "json":
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, verbose=verbose), nl=False)


commands = [eval_command]
