"""The ingest run as a Prefect 3 flow: one task per batch of documents.

The flow only drives the library (:mod:`pipeline.ingest`); every step it takes is the one the
``--no-prefect`` path takes. With no Prefect server configured, Prefect starts a temporary local
one (15-25 s per process); set ``PREFECT_API_URL`` to a running ``prefect server start`` to see
runs in its UI.
"""

from __future__ import annotations

import logging
import os

# Prefect reads these at import time: a patient temporary server, no analytics.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NONE as NO_CACHE  # noqa: E402

from pipeline.config import Options  # noqa: E402
from pipeline.ingest import FileJob, IngestRun, Outcome, Progress, process_batch  # noqa: E402
from pipeline.models import RunSummary  # noqa: E402
from pipeline.store import open_db  # noqa: E402

QUIET_LOGGERS = ("prefect", "httpx", "uvicorn", "uvicorn.access", "uvicorn.error", "docket")

# A progress callback cannot be a flow parameter (parameters are serialised); run_flow sets it.
_progress: Progress | None = None


def quiet_prefect_logging(level: int = logging.WARNING) -> None:
    """Keep Prefect's and its server's chatter off the terminal."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(level)


@task(name="process-batch", cache_policy=NO_CACHE, retries=0)
def process_batch_task(jobs: list[FileJob], options: Options) -> list[Outcome]:
    """Read, normalise, segment and extract a batch of files (failures come back as errors)."""
    return process_batch(jobs, options)


@flow(name="ingest-corpus", log_prints=False, validate_parameters=False)
def ingest_corpus(corpus_dir: str, db_path: str, options: Options | None = None) -> RunSummary:
    """Ingest every file of ``corpus_dir`` into the store at ``db_path``.

    Each batch is a task; its documents are written one transaction each as the batch returns,
    so a failing document leaves an error row and the flow goes on.
    """
    options = options or Options()
    db = open_db(db_path)
    try:
        run = IngestRun.start(db, corpus_dir, options=options)
        done = 0
        for batch in run.batches(options.batch_size):
            run.record(batch, process_batch_task(batch, options))
            done += len(batch)
            if _progress is not None:
                _progress(done, len(run.jobs))
        return run.finish()
    finally:
        db.close()


def run_flow(
    corpus_dir: str,
    db_path: str,
    options: Options | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Run :func:`ingest_corpus` with Prefect's logging quietened and an optional progress callback."""
    global _progress
    quiet_prefect_logging()
    _progress = progress
    try:
        return ingest_corpus(str(corpus_dir), str(db_path), options)
    finally:
        _progress = None


__all__ = ["ingest_corpus", "process_batch_task", "run_flow"]
