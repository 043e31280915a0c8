"""A real ``chitieu ingest`` killed with SIGKILL at several points: the next run finishes the
job, and the store ends equal to one clean run (no duplicated, no missing rows)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.ingest import TEST_SLEEP_VARIABLE
from robustness.builders import (
    EXTRA_DIR,
    copy_txt_corpus,
    run_ingest,
    seed_dir,
    store_snapshot,
    table_counts,
)

ROOT = Path(__file__).resolve().parents[2]
CORPUS_SIZE = 30
POLL_SECONDS = 0.05
KILL_TIMEOUT_SECONDS = 60


def source_corpus() -> Path:
    return EXTRA_DIR if len(list(EXTRA_DIR.glob("*.txt"))) >= 10 else seed_dir()


def start_ingest(corpus: Path, db_path: Path, sleep_per_doc: float | None) -> subprocess.Popen:
    env = {**os.environ}
    env.pop(TEST_SLEEP_VARIABLE, None)
    if sleep_per_doc:
        env[TEST_SLEEP_VARIABLE] = str(sleep_per_doc)
    command = [sys.executable, "-m", "pipeline.cli", "ingest", str(corpus)]
    command += ["--db", str(db_path), "--no-prefect", "--batch-size", "1"]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def stored_documents(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    try:
        with sqlite3.connect(db_path, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def kill_after(process: subprocess.Popen, db_path: Path, documents: int) -> int:
    """SIGKILL the run once ``documents`` rows are stored; how many were stored by then."""
    deadline = time.monotonic() + KILL_TIMEOUT_SECONDS
    while process.poll() is None and time.monotonic() < deadline:
        if stored_documents(db_path) >= documents:
            break
        time.sleep(POLL_SECONDS)
    assert process.poll() is None, "the run ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    return stored_documents(db_path)


@pytest.fixture(scope="module")
def corpus_and_clean_store(tmp_path_factory):
    root = tmp_path_factory.mktemp("interrupted")
    corpus = copy_txt_corpus(source_corpus(), root / "corpus", limit=CORPUS_SIZE)
    clean_db = root / "clean.db"
    run_ingest(corpus, clean_db)
    return corpus, clean_db


def test_main_module_runs_the_cli() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "--version"], cwd=ROOT, capture_output=True
    )
    assert completed.returncode == 0 and b"chitieu" in completed.stdout


# Kill points: after N stored documents, with the per-document pause (between documents) or
# without it (the kill lands wherever the run is: reading, extracting or inside a write).
KILL_PLANS = [
    pytest.param([(1, 0.3), (8, 0.3), (20, 0.3)], id="between-documents"),
    pytest.param([(3, None), (12, None)], id="anywhere"),
]


@pytest.mark.parametrize("plan", KILL_PLANS)
def test_killed_runs_then_one_more_equal_a_clean_run(
    tmp_path, corpus_and_clean_store, plan
) -> None:
    corpus, clean_db = corpus_and_clean_store
    db_path = tmp_path / "killed.db"
    stored_at_kill = []
    for documents, sleep in plan:
        process = start_ingest(corpus, db_path, sleep)
        stored_at_kill.append(kill_after(process, db_path, documents))
    assert stored_at_kill == sorted(stored_at_kill)
    assert stored_at_kill[-1] < table_counts(clean_db)["documents"]
    final = run_ingest(corpus, db_path)
    assert final.errors == 0
    assert final.unchanged >= stored_at_kill[-1] - 1
    assert store_snapshot(db_path) == store_snapshot(clean_db)
    killed, clean = table_counts(db_path), table_counts(clean_db)
    assert {k: v for k, v in killed.items() if k != "runs"} == {
        k: v for k, v in clean.items() if k != "runs"
    }
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            connection.execute(
                "SELECT count(*) FROM (SELECT path FROM documents GROUP BY path HAVING count(*) > 1)"
            ).fetchone()[0]
            == 0
        )
        unfinished = connection.execute(
            "SELECT count(*) FROM runs WHERE finished_at IS NULL"
        ).fetchone()[0]
    assert unfinished == len(plan)  # the killed runs stay visible as never finished
    again = run_ingest(corpus, db_path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, final.seen)
