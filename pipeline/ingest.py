"""One ingest run as plain functions: discover, skip what is unchanged, process, store.

The CLI's ``--no-prefect`` path calls :func:`ingest`; the Prefect flow (``flows/ingest.py``)
drives the same :class:`IngestRun` and :func:`process_batch`, only wrapping batches in tasks,
so no logic lives in the flow alone.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
import multiprocessing
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import sqlite_utils

from extractors.nlp import load as load_pipeline
from extractors.pipeline import extract_document
from pipeline import PIPELINE_VERSION
from pipeline.config import Options
from pipeline.discover import check_corpus, discover, relative_path
from pipeline.errors import ChitieuError, ReadError
from pipeline.models import Document, Extraction, IngestError, Passage, RunSummary
from pipeline.normalise import canonical_text
from pipeline.readers import read_file
from pipeline.segment import split_passages
from pipeline.store import (
    DocumentState,
    document_states,
    finish_run,
    mark_removed,
    open_db,
    refresh_target_links,
    start_run,
    write_document,
    write_error,
    write_error_note,
)

# Called after each processed file with (files done, files to process).
Progress = Callable[[int, int], None]
HASH_CHUNK_BYTES = 1024 * 1024
MAX_REASON_CHARS = 300
# Statuses whose rows stay valid while the file and pipeline version are unchanged.
REUSABLE_STATUSES = ("ok", "error")
DEFAULT_OPTIONS = Options()
# Parallel runs: at most this many workers by default, each given at least this many files.
MAX_AUTO_WORKERS = 4
MIN_FILES_PER_WORKER = 8
# Reader warnings that mean part of a stored document could not be read: each also gets an
# ingest_errors row so the user sees it among the run's errors.
PARTIAL_READ_PATTERN = re.compile(r"page \d+ has no text layer and ")
# Test-only hook: seconds to sleep after each stored file (see pause_for_tests).
TEST_SLEEP_VARIABLE = "CHITIEU_TEST_SLEEP_PER_DOC"


@dataclass(frozen=True)
class ProcessedDocument:
    """A file turned into canonical text, passages and extracted items, ready to store."""

    document: Document
    passages: tuple[Passage, ...]
    extraction: Extraction


@dataclass(frozen=True)
class FileJob:
    """A corpus file the run must (re)process."""

    path: Path
    rel_path: str
    previous_status: str | None = None


Outcome = ProcessedDocument | IngestError


def one_line(text: str, limit: int = MAX_REASON_CHARS) -> str:
    """``text`` on one line, whitespace collapsed, cut to ``limit`` characters."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes (opened read-only)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def format_from_suffix(path: Path | str) -> str | None:
    """The file's extension as a format guess for error rows ('pdf', 'txt'...)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix or None


def process_file(path: Path, rel_path: str, options: Options = DEFAULT_OPTIONS) -> Outcome:
    """Read, normalise, segment and extract one file; any failure becomes an IngestError.

    The document's ``published`` date is the reader's (file metadata) when it has one, else the
    document's own date found in its text.
    """
    sha256: str | None = None
    stage = "open"
    try:
        sha256 = file_sha256(path)
        stage = "read"
        result = read_file(path, options)
        stage = "normalise"
        text, pages = canonical_text(result)
        if not text.strip():
            return IngestError(rel_path, "read", "no text found in the file", sha256)
        stage = "segment"
        passages = tuple(split_passages(text, pages))
        stage = "extract"
        extraction = extract_document(text, result.published)
    except ReadError as exc:
        return IngestError(rel_path, exc.stage or stage, one_line(exc.reason), sha256)
    except OSError as exc:
        return IngestError(rel_path, stage, one_line(unreadable_reason(path, exc)), sha256)
    except Exception as exc:  # one bad file must never stop a run
        reason = one_line(f"{type(exc).__name__}: {exc}")
        return IngestError(rel_path, stage, reason, sha256)
    extraction, dropped = ground_extraction(text, extraction)
    warnings = tuple(result.warnings)
    if dropped:
        warnings += (f"dropped {dropped} extracted items whose text did not match their offsets",)
    if result.published:
        published, source = result.published, "reader"
    elif extraction.document_date is not None:
        published, source = extraction.document_date.value, "text"
    else:
        published, source = None, None
    document = Document(
        path=rel_path,
        sha256=sha256,
        format=result.format,
        text=text,
        encoding=result.encoding,
        title=result.title,
        published=published,
        published_source=source,
        pages=tuple(pages),
        ocr=bool(result.ocr_pages),
        warnings=warnings,
    )
    return ProcessedDocument(document, passages, extraction)


def unreadable_reason(path: Path, exc: OSError) -> str:
    """Why a file could not be opened, said plainly (dangling or looping link, vanished file)."""
    if path.is_symlink():
        target = os.readlink(path)
        if exc.errno == errno.ELOOP:
            return f"symlink loop: {path.name} -> {target} points back to itself"
        if not path.exists():
            return f"dangling symlink: {path.name} -> {target}, which does not exist"
    if isinstance(exc, FileNotFoundError):
        return "file disappeared before it could be read (deleted or moved during the run)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot open file: {exc.strerror or exc}"


def ground_extraction(text: str, extraction: Extraction) -> tuple[Extraction, int]:
    """The extraction without items whose ``text`` is not ``text[start:end]``, and how many went.

    The store refuses ungrounded items; dropping them here keeps one extractor slip from
    failing a whole document.
    """

    def grounded(items: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(item for item in items if text[item.start : item.end] == item.text)

    kept = replace(
        extraction,
        figures=grounded(extraction.figures),
        dates=grounded(extraction.dates),
        legal_refs=grounded(extraction.legal_refs),
        targets=grounded(extraction.targets),
    )
    dropped = sum(
        len(getattr(extraction, kind)) - len(getattr(kept, kind))
        for kind in ("figures", "dates", "legal_refs", "targets")
    )
    return kept, dropped


def process_batch(jobs: Sequence[FileJob], options: Options = DEFAULT_OPTIONS) -> list[Outcome]:
    """:func:`process_file` over a batch of files, in order."""
    return [process_file(job.path, job.rel_path, options) for job in jobs]


def batched(items: Sequence[FileJob], size: int) -> Iterator[list[FileJob]]:
    """``items`` in consecutive lists of at most ``size``."""
    size = max(1, size)
    for index in range(0, len(items), size):
        yield list(items[index : index + size])


@dataclass
class IngestRun:
    """The state of one run against the store: what to process, and the running tally."""

    db: sqlite_utils.Database
    run_id: int
    corpus: Path
    jobs: list[FileJob]
    gone: list[str]
    seen: int
    unchanged: int
    pipeline_version: str = PIPELINE_VERSION
    started: float = field(default_factory=time.monotonic)
    limits: str = ""
    added: int = 0
    updated: int = 0
    passages: int = 0
    errors: list[IngestError] = field(default_factory=list)

    @classmethod
    def start(
        cls,
        db: sqlite_utils.Database,
        corpus_dir: str | os.PathLike[str],
        pipeline_version: str = PIPELINE_VERSION,
        options: Options = DEFAULT_OPTIONS,
    ) -> IngestRun:
        """Record a new run, list the corpus and decide which files need processing.

        A file is unchanged (skipped) when its hash and the pipeline version match the stored
        row, whether that row is a document or a recorded failure; a failure caused by a limit
        holds only under the same limits, so raising ``--max-file-mb`` reads the file next run.
        """
        started = time.monotonic()
        corpus = check_corpus(corpus_dir)
        files = discover(corpus)
        states = document_states(db)
        run_id = start_run(db, str(corpus), pipeline_version)
        limits = limits_key(options)
        jobs: list[FileJob] = []
        unchanged = 0
        present: set[str] = set()
        for path in files:
            rel_path = relative_path(path, corpus)
            present.add(rel_path)
            previous = states.get(rel_path)
            if previous is not None and _is_unchanged(path, previous, pipeline_version, limits):
                unchanged += 1
                continue
            jobs.append(FileJob(path, rel_path, previous.status if previous else None))
        gone = [
            path
            for path, state in states.items()
            if path not in present and state.status != "removed"
        ]
        return cls(
            db=db,
            run_id=run_id,
            corpus=corpus,
            jobs=jobs,
            gone=sorted(gone),
            seen=len(files),
            unchanged=unchanged,
            pipeline_version=pipeline_version,
            started=started,
            limits=limits,
        )

    def batches(self, size: int) -> Iterator[list[FileJob]]:
        """The files to process, in batches of ``size``."""
        return batched(self.jobs, size)

    def record(self, jobs: Sequence[FileJob], outcomes: Sequence[Outcome]) -> None:
        """Store each outcome of a batch, one transaction per document."""
        for job, outcome in zip(jobs, outcomes, strict=True):
            if isinstance(outcome, ProcessedDocument):
                try:
                    write_document(
                        self.db,
                        outcome.document,
                        outcome.passages,
                        outcome.extraction,
                        self.pipeline_version,
                    )
                except ChitieuError as exc:
                    error = IngestError(
                        job.rel_path, "store", one_line(str(exc)), outcome.document.sha256
                    )
                    self._record_error(job, error)
                    continue
                if job.previous_status is None:
                    self.added += 1
                else:
                    self.updated += 1
                self.passages += len(outcome.passages)
                self._record_partial_read(outcome.document)
            else:
                self._record_error(job, outcome)
            pause_for_tests()

    def _record_partial_read(self, document: Document) -> None:
        """An error row for each part of a stored document that could not be read (a scanned
        page without OCR); the rest of the document stays stored."""
        for warning in document.warnings:
            if PARTIAL_READ_PATTERN.match(warning):
                error = IngestError(document.path, "ocr", warning, document.sha256)
                write_error_note(self.db, self.run_id, error)
                self.errors.append(error)

    def record_all(
        self,
        batches: Sequence[list[FileJob]],
        outcomes: Iterable[list[Outcome]],
        progress: Progress | None = None,
    ) -> RunSummary:
        """Store every batch's outcomes as they come, in order, then close the run."""
        done = 0
        for batch, batch_outcomes in zip(batches, outcomes, strict=True):
            self.record(batch, batch_outcomes)
            done += len(batch)
            if progress is not None:
                progress(done, len(self.jobs))
        return self.finish()

    def _record_error(self, job: FileJob, error: IngestError) -> None:
        version = self.pipeline_version
        if error.stage == "limits":
            version += "+" + (self.limits or limits_key(DEFAULT_OPTIONS))
        write_error(self.db, self.run_id, error, format_from_suffix(job.path), version)
        self.errors.append(error)

    def summary(self) -> RunSummary:
        """The run's tally so far."""
        return RunSummary(
            run_id=self.run_id,
            corpus=str(self.corpus),
            seen=self.seen,
            added=self.added,
            updated=self.updated,
            unchanged=self.unchanged,
            removed=len(self.gone),
            errors=len(self.errors),
            passages=self.passages,
            seconds=time.monotonic() - self.started,
            error_details=tuple(self.errors),
        )

    def finish(self) -> RunSummary:
        """Mark files gone from the corpus as removed and close the run's row."""
        mark_removed(self.db, self.gone)
        result = self.summary()
        if result.added or result.updated or result.removed:
            refresh_target_links(self.db)
        finish_run(self.db, result)
        return result


def pause_for_tests() -> None:
    """Sleep CHITIEU_TEST_SLEEP_PER_DOC seconds after each stored file, when that variable is set.

    Test-only: it lets the interruption tests kill a real run between documents. Unset (the
    normal case) it does nothing; a value that is not a number is ignored.
    """
    value = os.environ.get(TEST_SLEEP_VARIABLE)
    if not value:
        return
    try:
        seconds = float(value)
    except ValueError:
        return
    if seconds > 0:
        time.sleep(seconds)


def limits_key(options: Options) -> str:
    """The reading limits of a run as a short key, stamped on rows of files a limit refused."""
    return (
        f"limits={options.max_file_bytes},{options.max_pdf_pages},"
        f"{options.max_text_chars},{options.max_docx_uncompressed_bytes}"
    )


def _is_unchanged(
    path: Path, previous: DocumentState, pipeline_version: str, limits: str = ""
) -> bool:
    if previous.status not in REUSABLE_STATUSES:
        return False
    versions = {pipeline_version}
    if previous.status == "error":
        versions.add(pipeline_version + "+" + (limits or limits_key(DEFAULT_OPTIONS)))
    if previous.pipeline_version not in versions:
        return False
    try:
        sha256: str | None = file_sha256(path)
    except OSError:
        sha256 = None
    return sha256 == previous.sha256


def ingest(
    corpus_dir: str | os.PathLike[str],
    db_path: str | os.PathLike[str],
    options: Options = DEFAULT_OPTIONS,
    progress: Progress | None = None,
) -> RunSummary:
    """Ingest every file of ``corpus_dir`` into the store at ``db_path``; returns the tally.

    Unchanged files are skipped, changed ones replaced, vanished ones marked removed, and a
    file that cannot be read leaves an error row while the run goes on.
    """
    check_corpus(corpus_dir)
    db = open_db(db_path)
    pool: ProcessPoolExecutor | None = None
    try:
        run = IngestRun.start(db, corpus_dir, options=options)
        workers = worker_count(options, len(run.jobs))
        if workers > 1:
            # Fork the workers while no SQLite connection is open in this process, then reopen.
            db.close()
            pool = start_workers(workers)
            db = run.db = open_db(db_path)
        batches = list(run.batches(batch_size(options, len(run.jobs), workers)))
        if pool is None:
            outcomes: Iterator[list[Outcome]] = (process_batch(b, options) for b in batches)
        else:
            outcomes = pool.map(process_batch, batches, itertools.repeat(options))
        return run.record_all(batches, outcomes, progress)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        db.close()


def worker_count(options: Options, jobs: int) -> int:
    """How many processes a run of ``jobs`` files uses (1 = in-process)."""
    wanted = options.workers or min(os.cpu_count() or 1, MAX_AUTO_WORKERS)
    if jobs < MIN_FILES_PER_WORKER * 2:
        return 1
    return max(1, min(wanted, jobs // MIN_FILES_PER_WORKER))


def batch_size(options: Options, jobs: int, workers: int) -> int:
    """Files per batch: the configured size, smaller in parallel runs so workers share evenly."""
    if workers <= 1:
        return options.batch_size
    return max(1, min(options.batch_size, -(-jobs // (workers * 4))))


def start_workers(count: int, context: str = "fork") -> ProcessPoolExecutor:
    """A pool of ``count`` worker processes, each with the extraction pipeline already built.

    "fork" (the in-process path) copies this process, pipeline included, and must happen while
    no SQLite connection and no other thread exists; "forkserver" (the Prefect path, whose
    client runs threads) forks from a clean server process that preloads the pipeline.
    """
    mp_context = multiprocessing.get_context(context)
    if context == "forkserver":
        mp_context.set_forkserver_preload(["extractors.nlp", "pipeline.ingest"])
    else:
        load_pipeline()  # built once here, inherited by every forked worker
    pool = ProcessPoolExecutor(count, mp_context=mp_context, initializer=load_pipeline)
    list(pool.map(_warm, range(count)))  # start every worker now, before the store reopens
    return pool


def _warm(_: int) -> None:
    load_pipeline()
