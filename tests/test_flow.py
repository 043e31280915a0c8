"""The real Prefect flow on the seed corpus (a temporary local Prefect server starts)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_prefect_flow_ingests_seed_corpus_and_isolates_failures(
    seed_corpus: Path, db_path: Path
) -> None:
    from flows.ingest import run_flow
    from pipeline.config import Options

    (seed_corpus / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Cat")
    result = run_flow(str(seed_corpus), str(db_path), Options(batch_size=2))
    assert (result.seen, result.added, result.errors) == (6, 5, 1)
    assert result.error_details[0].path == "broken.pdf"
    with sqlite3.connect(db_path) as conn:
        statuses = dict(conn.execute("SELECT status, count(*) FROM documents GROUP BY status"))
        finished = conn.execute("SELECT finished_at FROM runs").fetchall()
        passages = conn.execute("SELECT count(*) FROM passages").fetchone()[0]
    assert statuses == {"ok": 5, "error": 1}
    assert passages == result.passages > 0
    assert finished[0][0] is not None
    again = run_flow(str(seed_corpus), str(db_path))
    assert (again.unchanged, again.added, again.errors) == (6, 0, 0)


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_parallel_flow_stores_what_the_library_stores(seed_corpus: Path, tmp_path: Path) -> None:
    """Batches as concurrent tasks over worker processes change nothing in what is stored."""
    import json

    from flows.ingest import run_flow
    from pipeline.config import Options
    from pipeline.ingest import ingest
    from pipeline.store import iter_export_rows, open_db

    corpus = tmp_path / "many"
    corpus.mkdir()
    for copy in range(4):
        for seed in sorted(seed_corpus.glob("*.txt")):
            (corpus / f"{copy}_{seed.name}").write_bytes(seed.read_bytes())

    def rows(db_path: Path) -> list[str]:
        db = open_db(db_path)
        try:
            return sorted(
                json.dumps({k: v for k, v in row.items() if k != "id"}, sort_keys=True)
                for row in iter_export_rows(db)
            )
        finally:
            db.close()

    flow_result = run_flow(str(corpus), str(tmp_path / "flow.db"), Options(workers=2))
    library_result = ingest(corpus, tmp_path / "library.db", Options(workers=1))
    assert flow_result.added == library_result.added == 20
    assert rows(tmp_path / "flow.db") == rows(tmp_path / "library.db")
