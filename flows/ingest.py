"""The ingest run as a Prefect 3 flow: one task per batch of documents.

The flow only drives the library (:mod:`pipeline.ingest`); every step it takes is the one the
``--no-prefect`` path takes. With no Prefect server configured, Prefect starts a temporary local
one (15-25 s per process); set ``PREFECT_API_URL`` to a running ``prefect server start`` to see
runs in its UI.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ProcessPoolExecutor

# Prefect reads these at import time: a patient temporary server, no analytics.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NONE as NO_CACHE  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from pipeline.config import Options  # noqa: E402
from pipeline.ingest import (  # noqa: E402
    MAX_AUTO_WORKERS,
    FileJob,
    IngestRun,
    Outcome,
    Progress,
    batch_size,
    process_batch,
    start_workers,
    worker_count,
)
from pipeline.models import RunSummary  # noqa: E402
from pipeline.store import open_db  # noqa: E402

QUIET_LOGGERS = ("prefect", "httpx", "uvicorn", "uvicorn.access", "uvicorn.error", "docket")

# A progress callback cannot be a flow parameter (parameters are serialised); run_flow sets it.
_progress: Progress | None = None


def quiet_prefect_logging(level: int = logging.WARNING) -> None:
    """Keep Prefect's and its server's chatter off the terminal."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(level)


# Worker processes of the current flow run (None: the task works in-process); run_flow-style
# module state because a process pool cannot be a task parameter.
_pool: ProcessPoolExecutor | None = None


@task(name="process-batch", cache_policy=NO_CACHE, retries=0)
def process_batch_task(jobs: list[FileJob], options: Options) -> list[Outcome]:
    """Read, normalise, segment and extract a batch of files (failures come back as errors).

    In a parallel run the task hands its batch to a worker process and waits for it, so
    Prefect's task threads overlap while the CPU work runs in separate processes.
    """
    if _pool is None:
        return process_batch(jobs, options)
    return _pool.submit(process_batch, jobs, options).result()


@flow(
    name="ingest-corpus",
    log_prints=False,
    validate_parameters=False,
    task_runner=ThreadPoolTaskRunner(max_workers=MAX_AUTO_WORKERS),
)
def ingest_corpus(corpus_dir: str, db_path: str, options: Options | None = None) -> RunSummary:
    """Ingest every file of ``corpus_dir`` into the store at ``db_path``.

    Each batch is a task; its documents are written one transaction each as the batch returns,
    so a failing document leaves an error row and the flow goes on.
    """
    global _pool
    options = options or Options()
    db = open_db(db_path)
    try:
        run = IngestRun.start(db, corpus_dir, options=options)
        workers = worker_count(options, len(run.jobs))
        batches = list(run.batches(batch_size(options, len(run.jobs), workers)))
        if workers > 1:
            _pool = start_workers(workers, context="forkserver")
            futures = [process_batch_task.submit(batch, options) for batch in batches]
            outcomes = (future.result() for future in futures)
        else:
            outcomes = (process_batch_task(batch, options) for batch in batches)
        return run.record_all(batches, outcomes, _progress)
    finally:
        if _pool is not None:
            _pool.shutdown(cancel_futures=True)
            _pool = None
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
