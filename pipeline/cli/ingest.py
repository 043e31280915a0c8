"""``chitieu ingest``: read a corpus folder into the store."""

from __future__ import annotations

import sys

import click

from pipeline.cli.common import db_option
from pipeline.config import MiB, Options
from pipeline.models import RunSummary


@click.command()
@click.argument("corpus", default="corpus", type=click.Path(file_okay=True, dir_okay=True))
@db_option
@click.option(
    "--no-prefect",
    is_flag=True,
    help="Run the same steps in this process, without Prefect (quick runs, tests).",
)
@click.option(
    "--batch-size", type=click.IntRange(min=1), default=Options().batch_size, show_default=True
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=Options().workers,
    show_default=True,
    help="Processes reading and extracting in parallel (0: one per core, up to 4; 1: none).",
)
@click.option(
    "--max-file-mb",
    type=click.FloatRange(min=0, min_open=True),
    default=Options().max_file_bytes / MiB,
    show_default=True,
    help="Files larger than this many MB are recorded as errors, not read.",
)
@click.option(
    "--max-pages",
    type=click.IntRange(min=1),
    default=Options().max_pdf_pages,
    show_default=True,
    help="PDFs with more pages than this are recorded as errors, not read.",
)
def ingest(
    corpus: str,
    db_path: str,
    no_prefect: bool,
    batch_size: int,
    workers: int,
    max_file_mb: float,
    max_pages: int,
) -> None:
    """Ingest every file under CORPUS (default: corpus/) into the store.

    Unchanged files are skipped, changed ones replaced, vanished ones marked removed; a file
    that cannot be read is recorded as an error and the run goes on.
    """
    from pipeline.discover import check_corpus
    from pipeline.store import open_db

    # Check what a user can get wrong before Prefect starts, so a mistake stays one line.
    check_corpus(corpus)
    open_db(db_path).close()
    options = Options(
        batch_size=batch_size,
        workers=workers,
        max_file_bytes=int(max_file_mb * MiB),
        max_pdf_pages=max_pages,
    )
    with _progress_bar() as progress:
        if no_prefect:
            from pipeline.ingest import ingest as run_ingest

            result = run_ingest(corpus, db_path, options, progress=progress)
        else:
            from flows.ingest import run_flow

            result = run_flow(corpus, db_path, options, progress=progress)
    click.echo(format_summary(result, db_path))


class _progress_bar:
    """A progress bar on stderr when it is a terminal, fed by the run's progress callback."""

    def __init__(self) -> None:
        self.bar = None

    def __enter__(self):
        if not sys.stderr.isatty():
            return None
        return self

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="Ingesting", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def __exit__(self, *exc_info) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc_info)


def format_summary(result: RunSummary, db_path: str) -> str:
    """The run's tally as a few lines, each error on its own line: path — stage: reason."""
    lines = [
        f"Ingested {result.corpus} into {db_path} in {result.seconds:.1f} s (run {result.run_id})",
        f"  documents: {result.seen} seen: {result.added} added, {result.updated} updated, "
        f"{result.unchanged} unchanged, {result.removed} removed",
        f"  passages:  {result.passages} written",
        f"  errors:    {result.errors}",
    ]
    lines += [f"    {error.path} — {error.stage}: {error.reason}" for error in result.error_details]
    return "\n".join(lines)


commands = [ingest]
