"""Ingest runs on the real seed documents: incremental re-runs, failures, removal, discovery."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from pipeline.discover import discover
from pipeline.errors import ChitieuError
from pipeline.ingest import IngestRun, ProcessedDocument, ingest, process_batch, process_file
from pipeline.models import IngestError
from pipeline.store import open_db, search

CONTENT_TABLES = (
    "documents",
    "passages",
    "passages_folded_fts",
    "figures",
    "dates",
    "legal_refs",
    "cited_documents",
    "targets",
    "ingest_errors",
)


def rows(db_path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


def snapshot(db_path: Path) -> dict[str, list[tuple]]:
    return {
        table: rows(db_path, f"SELECT * FROM {table} ORDER BY rowid") for table in CONTENT_TABLES
    }


def corpus_state(corpus: Path) -> list[tuple[str, int, int]]:
    return [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(corpus.rglob("*"))]


def test_first_run_stores_every_seed_document(seed_corpus: Path, db_path: Path) -> None:
    before = corpus_state(seed_corpus)
    result = ingest(seed_corpus, db_path)
    assert (result.seen, result.added, result.errors) == (5, 5, 0)
    assert result.passages == rows(db_path, "SELECT count(*) FROM passages")[0][0] > 50
    assert rows(db_path, "SELECT DISTINCT status FROM documents") == [("ok",)]
    assert corpus_state(seed_corpus) == before  # the corpus folder is never written to


def test_every_passage_and_item_quotes_its_document(seed_corpus: Path, db_path: Path) -> None:
    ingest(seed_corpus, db_path)
    texts = dict(rows(db_path, "SELECT id, text FROM documents"))
    for table in ("passages", "figures", "dates", "legal_refs", "targets"):
        for document_id, start, end, text in rows(
            db_path, f'SELECT document_id, start, "end", text FROM {table}'
        ):
            assert texts[document_id][start:end] == text


def test_second_run_over_unchanged_corpus_writes_only_a_run(
    seed_corpus: Path, db_path: Path
) -> None:
    ingest(seed_corpus, db_path)
    before = snapshot(db_path)
    result = ingest(seed_corpus, db_path)
    assert (result.unchanged, result.added, result.updated, result.passages) == (5, 0, 0, 0)
    assert snapshot(db_path) == before
    assert rows(db_path, "SELECT count(*) FROM runs WHERE finished_at IS NOT NULL") == [(2,)]


def test_changed_file_replaces_its_rows(seed_corpus: Path, db_path: Path) -> None:
    ingest(seed_corpus, db_path)
    target = sorted(seed_corpus.glob("*.txt"))[0]
    ((doc_id, old_sha),) = rows(
        db_path, "SELECT id, sha256 FROM documents WHERE path = ?", (target.name,)
    )
    with open(target, "a", encoding="utf-8") as handle:
        handle.write("\n\nĐến năm 2030, phấn đấu thành lập mới 150 hợp tác xã kiểu mới.\n")
    result = ingest(seed_corpus, db_path)
    assert (result.updated, result.unchanged, result.added) == (1, 4, 0)
    ((new_id, new_sha),) = rows(
        db_path, "SELECT id, sha256 FROM documents WHERE path = ?", (target.name,)
    )
    assert new_id == doc_id and new_sha != old_sha
    assert rows(db_path, "SELECT count(*) FROM documents") == [(5,)]
    passages = rows(db_path, "SELECT count(*) FROM passages")[0][0]
    assert rows(db_path, "SELECT count(*) FROM passages_folded_fts")[0][0] == passages
    seqs = rows(db_path, "SELECT seq FROM passages WHERE document_id = ? ORDER BY seq", (doc_id,))
    assert len(seqs) == len(set(seqs))
    db = open_db(db_path)
    try:
        assert any(hit.path == target.name for hit in search(db, "kieu moi"))
    finally:
        db.close()


def test_removed_file_is_marked_and_hidden(seed_corpus: Path, db_path: Path) -> None:
    ingest(seed_corpus, db_path)
    gone = sorted(seed_corpus.glob("*.txt"))[0]
    gone.unlink()
    result = ingest(seed_corpus, db_path)
    assert (result.removed, result.unchanged) == (1, 4)
    assert rows(db_path, "SELECT status FROM documents WHERE path = ?", (gone.name,)) == [
        ("removed",)
    ]
    assert (
        rows(
            db_path,
            "SELECT count(*) FROM passages p JOIN documents d ON d.id = p.document_id WHERE d.path = ?",
            (gone.name,),
        )[0][0]
        > 0
    )
    db = open_db(db_path)
    try:
        assert all(hit.path != gone.name for hit in search(db, "hop tac xa", limit=100))
    finally:
        db.close()
    assert ingest(seed_corpus, db_path).removed == 0  # not counted twice


def add_bad_files(corpus: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (corpus / "truncated.pdf").write_bytes(
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Ty"
    )


def test_bad_files_become_error_rows_and_the_run_goes_on(seed_corpus: Path, db_path: Path) -> None:
    add_bad_files(seed_corpus)
    result = ingest(seed_corpus, db_path)
    assert (result.seen, result.added, result.errors) == (8, 5, 3)
    assert sorted(error.path for error in result.error_details) == [
        "binary.txt",
        "empty.txt",
        "truncated.pdf",
    ]
    stored = rows(
        db_path, "SELECT path, sha256, text FROM documents WHERE status = 'error' ORDER BY path"
    )
    assert [path for path, _, _ in stored] == ["binary.txt", "empty.txt", "truncated.pdf"]
    assert all(sha and text == "" for _, sha, text in stored)
    for stage, reason in rows(db_path, "SELECT stage, reason FROM ingest_errors"):
        assert stage and reason and "\n" not in reason and "Traceback" not in reason


def test_unchanged_failing_file_is_not_recorded_again(seed_corpus: Path, db_path: Path) -> None:
    add_bad_files(seed_corpus)
    ingest(seed_corpus, db_path)
    result = ingest(seed_corpus, db_path)
    assert (result.errors, result.unchanged) == (0, 8)
    assert rows(db_path, "SELECT count(*) FROM ingest_errors") == [(3,)]


def test_fixed_file_leaves_error_status(seed_corpus: Path, db_path: Path) -> None:
    (seed_corpus / "late.txt").write_bytes(b"")
    ingest(seed_corpus, db_path)
    (seed_corpus / "late.txt").write_text(
        "Kế hoạch số 12/KH-UBND về phát triển hợp tác xã.\n", encoding="utf-8"
    )
    result = ingest(seed_corpus, db_path)
    assert result.updated == 1
    assert rows(db_path, "SELECT status FROM documents WHERE path = 'late.txt'") == [("ok",)]


def test_new_pipeline_version_reprocesses_unchanged_files(seed_corpus: Path, db_path: Path) -> None:
    ingest(seed_corpus, db_path)
    db = open_db(db_path)
    try:
        run = IngestRun.start(db, seed_corpus, pipeline_version="next")
        assert len(run.jobs) == 5 and run.unchanged == 0
    finally:
        db.close()


def test_interrupted_run_leaves_consistent_store(seed_corpus: Path, db_path: Path) -> None:
    db = open_db(db_path)
    try:
        run = IngestRun.start(db, seed_corpus)
        batch = run.jobs[:2]
        run.record(batch, process_batch(batch))  # killed here: finish() never runs
    finally:
        db.close()
    assert rows(db_path, "SELECT finished_at FROM runs") == [(None,)]
    assert rows(db_path, "SELECT count(*) FROM documents") == [(2,)]
    result = ingest(seed_corpus, db_path)
    assert (result.unchanged, result.added) == (2, 3)


def test_process_file_returns_document_with_published_source(seed_corpus: Path) -> None:
    path = sorted(seed_corpus.glob("*.txt"))[0]
    outcome = process_file(path, path.name)
    assert isinstance(outcome, ProcessedDocument)
    document = outcome.document
    assert document.path == path.name and len(document.sha256) == 64
    assert (document.published is None) == (document.published_source is None)
    assert document.published_source in (None, "reader", "text")
    for passage in outcome.passages:
        assert document.text[passage.start : passage.end] == passage.text


def test_process_file_reports_missing_file(tmp_path: Path) -> None:
    outcome = process_file(tmp_path / "gone.txt", "gone.txt")
    assert isinstance(outcome, IngestError)
    assert outcome.stage == "open" and outcome.sha256 is None


@pytest.mark.parametrize("missing", ["does-not-exist", "file.txt"])
def test_bad_corpus_path_is_a_clear_error(tmp_path: Path, db_path: Path, missing: str) -> None:
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ChitieuError, match="not found|not a folder"):
        ingest(tmp_path / missing, db_path)


def test_discover_skips_hidden_and_survives_links(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    (corpus / "sub" / "deeper").mkdir(parents=True)
    (corpus / ".git").mkdir()
    (corpus / ".git" / "config").write_text("x")
    (corpus / ".DS_Store").write_bytes(b"x")
    (corpus / "~$draft.docx").write_bytes(b"x")
    (corpus / "b.txt").write_text("b")
    (corpus / "sub" / "a.txt").write_text("a")
    (corpus / "sub" / "deeper" / "c.html").write_text("c")
    os.symlink(corpus / "b.txt", corpus / "link.txt")
    os.symlink(corpus / "nowhere.txt", corpus / "dangling.txt")
    os.symlink(corpus, corpus / "sub" / "loop")
    found = [p.relative_to(corpus).as_posix() for p in discover(corpus)]
    assert found == ["b.txt", "dangling.txt", "link.txt", "sub/a.txt", "sub/deeper/c.html"]


def test_dangling_link_is_an_error_row(seed_corpus: Path, db_path: Path) -> None:
    os.symlink(seed_corpus / "nowhere.txt", seed_corpus / "dangling.txt")
    result = ingest(seed_corpus, db_path)
    assert result.added == 5 and [e.path for e in result.error_details] == ["dangling.txt"]
    assert ingest(seed_corpus, db_path).errors == 0


def test_parallel_run_stores_exactly_what_an_in_process_run_stores(tmp_path):
    """Workers only read and extract; the rows a run stores do not depend on how many there are."""
    import json

    from pipeline.config import Options
    from pipeline.ingest import ingest, worker_count
    from pipeline.store import iter_export_rows, open_db

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = sorted((Path(__file__).resolve().parent.parent / "corpus").glob("*.txt"))
    for copy in range(4):
        for seed in seeds:
            (corpus / f"{copy}_{seed.name}").write_bytes(seed.read_bytes())
    assert worker_count(Options(workers=2), len(seeds) * 4) == 2

    def rows(workers: int) -> list[str]:
        db_path = tmp_path / f"w{workers}.db"
        summary = ingest(corpus, db_path, Options(workers=workers))
        assert summary.added == len(seeds) * 4 and summary.errors == 0
        db = open_db(db_path)
        try:
            return sorted(
                json.dumps({k: v for k, v in row.items() if k != "id"}, sort_keys=True)
                for row in iter_export_rows(db)
            )
        finally:
            db.close()

    assert rows(1) == rows(2)
