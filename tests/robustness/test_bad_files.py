"""A folder of broken, hostile and awkward files: every readable one is read, every other one
gets an error row naming its problem, and a second run changes nothing."""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from pipeline import ingest as ingest_module
from robustness.builders import (
    BODY,
    cp1258_bytes,
    html_page,
    legacy_bytes,
    needs_font,
    run_ingest,
    seed_dir,
    store_snapshot,
    table_counts,
    text_pdf,
    zip_bomb_docx,
)

NFD_NAME = unicodedata.normalize("NFD", "Quyết định số 2.txt")
# Each bad file, the stage its error row names and a pattern its reason must match.
BAD_FILES = {
    "empty.txt": ("read", r"^empty file \(0 bytes\)$"),
    "binary named.txt": ("decode", r"^binary data, not text: NUL bytes"),
    "truncated.pdf": ("pdf", r"^corrupt or truncated PDF"),
    "encrypted.pdf": ("pdf", r"^encrypted PDF \(password required\)$"),
    "bomb.docx": ("limits", r"over the limit of \d+ \(max_docx_uncompressed_bytes; zip bomb\?\)"),
    "not-a-docx.docx": ("detect", r"named \.docx but the content is not DOCX"),
    "dangling.txt": ("open", r"^dangling symlink: dangling\.txt -> nowhere\.txt"),
    "self-loop.txt": ("open", r"^symlink loop: self-loop\.txt -> self-loop\.txt"),
}
# Readable files with awkward names, charsets or encodings, and the encoding recorded.
GOOD_FILES = {
    "Kế hoạch số 1.txt": "utf-8",
    "Quyết định số 2.txt": "utf-8",  # written with an NFD name, stored under its NFC key
    "utf8 declared windows-1252.html": "utf-8",
    "windows-1258 declared utf-8.html": "cp1258",
    "tcvn3 declared windows-1252.html": "tcvn3",
    "tcvn3.txt": "tcvn3",
    "vni.txt": "vni",
}


def build_corpus(corpus: Path) -> None:
    corpus.mkdir()
    for path in sorted(seed_dir().glob("*.txt"))[:2]:
        shutil.copy(path, corpus / path.name)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary named.txt").write_bytes(bytes(range(256)) * 16)
    pdf = text_pdf([BODY, BODY])
    (corpus / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    (corpus / "encrypted.pdf").write_bytes(text_pdf([BODY], password="mat-khau"))
    (corpus / "bomb.docx").write_bytes(zip_bomb_docx(300))
    (corpus / "not-a-docx.docx").write_bytes(BODY.encode())
    os.symlink("nowhere.txt", corpus / "dangling.txt")
    os.symlink("self-loop.txt", corpus / "self-loop.txt")
    (corpus / "folder").mkdir()
    os.symlink("..", corpus / "folder" / "loop")  # a folder loop: walked once
    (corpus / "Kế hoạch số 1.txt").write_text(BODY, encoding="utf-8")
    (corpus / NFD_NAME).write_text(BODY, encoding="utf-8")
    (corpus / "utf8 declared windows-1252.html").write_bytes(
        html_page(BODY, "windows-1252").encode("utf-8")
    )
    (corpus / "windows-1258 declared utf-8.html").write_bytes(
        cp1258_bytes(html_page(BODY, "utf-8"))
    )
    (corpus / "tcvn3 declared windows-1252.html").write_bytes(
        legacy_bytes(html_page(BODY, "windows-1252"), "tcvn3")
    )
    (corpus / "tcvn3.txt").write_bytes(legacy_bytes(BODY, "tcvn3"))
    (corpus / "vni.txt").write_bytes(legacy_bytes(BODY, "vni"))


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    corpus, db_path = root / "corpus", root / "chitieu.db"
    build_corpus(corpus)
    first = run_ingest(corpus, db_path)
    return corpus, db_path, first


@needs_font
def test_run_completes_with_one_error_per_bad_file(bad_run) -> None:
    corpus, db_path, first = bad_run
    errors = {error.path: error for error in first.error_details}
    assert set(errors) == set(BAD_FILES)
    assert first.seen == len(BAD_FILES) + len(GOOD_FILES) + 2
    assert first.added == len(GOOD_FILES) + 2


@needs_font
@pytest.mark.parametrize(("name", "expected"), BAD_FILES.items())
def test_error_row_names_the_problem(bad_run, name: str, expected: tuple[str, str]) -> None:
    corpus, db_path, first = bad_run
    stage, pattern = expected
    error = next(error for error in first.error_details if error.path == name)
    assert error.stage == stage
    assert re.search(pattern, error.reason), error.reason
    import sqlite3

    with sqlite3.connect(db_path) as connection:
        status, reason = connection.execute(
            "SELECT d.status, e.reason FROM documents d JOIN ingest_errors e "
            "ON e.document_id = d.id WHERE d.path = ?",
            [name],
        ).fetchone()
    assert status == "error" and reason == error.reason


@needs_font
@pytest.mark.parametrize(("name", "encoding"), GOOD_FILES.items())
def test_awkward_but_readable_files_are_read_whole(bad_run, name: str, encoding: str) -> None:
    corpus, db_path, first = bad_run
    import sqlite3

    with sqlite3.connect(db_path) as connection:
        row = connection.execute(
            "SELECT status, encoding, text, "
            "(SELECT count(*) FROM passages p WHERE p.document_id = d.id) "
            "FROM documents d WHERE path = ?",
            [name],
        ).fetchone()
    assert row is not None, f"{name} not stored under its NFC name"
    status, stored_encoding, text, passages = row
    assert (status, stored_encoding) == ("ok", encoding)
    assert passages >= 1
    assert "Phấn đấu đến năm 2025, toàn tỉnh có 1.200 hợp tác xã" in text


@needs_font
def test_other_documents_rows_are_complete(bad_run, tmp_path) -> None:
    corpus, db_path, first = bad_run
    clean = tmp_path / "clean"
    clean.mkdir()
    for path in sorted(seed_dir().glob("*.txt"))[:2]:
        shutil.copy(path, clean / path.name)
    run_ingest(clean, tmp_path / "clean.db")
    alone, beside_bad = store_snapshot(tmp_path / "clean.db"), store_snapshot(db_path)
    for table in ("passages", "figures", "dates", "legal_refs", "targets"):
        seed_rows = [row for row in beside_bad[table] if row[0] in alone["documents"]]
        assert seed_rows == alone[table], table
    assert beside_bad["integrity"] == "ok"


@needs_font
def test_second_run_is_a_no_op(bad_run) -> None:
    corpus, db_path, first = bad_run
    before = table_counts(db_path)
    snapshot = store_snapshot(db_path)
    second = run_ingest(corpus, db_path)
    assert (second.added, second.updated, second.errors) == (0, 0, 0)
    assert second.unchanged == first.seen
    after = table_counts(db_path)
    assert after == {**before, "runs": before["runs"] + 1}
    assert store_snapshot(db_path) == snapshot


def test_file_removed_between_discover_and_read(tmp_path, monkeypatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(BODY, encoding="utf-8")
    (corpus / "b.txt").write_text(BODY, encoding="utf-8")
    real_discover = ingest_module.discover

    def discover_then_delete(root):
        found = real_discover(root)
        (corpus / "b.txt").unlink()
        return found

    monkeypatch.setattr(ingest_module, "discover", discover_then_delete)
    summary = run_ingest(corpus, tmp_path / "db.sqlite")
    assert [(e.path, e.stage, e.reason) for e in summary.error_details] == [
        (
            "b.txt",
            "open",
            "file disappeared before it could be read (deleted or moved during the run)",
        )
    ]
    assert summary.added == 1
    monkeypatch.setattr(ingest_module, "discover", real_discover)
    again = run_ingest(corpus, tmp_path / "db.sqlite")
    assert (again.unchanged, again.removed, again.errors) == (1, 1, 0)


def test_file_changed_during_the_run_is_stored_as_read(tmp_path, monkeypatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Năm 2020 đạt 5%.", encoding="utf-8")
    real_read = ingest_module.read_file

    def read_after_change(path, options=None):
        path.write_text(BODY, encoding="utf-8")  # edited by someone after it was hashed
        return real_read(path, options)

    monkeypatch.setattr(ingest_module, "read_file", read_after_change)
    run_ingest(corpus, tmp_path / "db.sqlite")
    monkeypatch.setattr(ingest_module, "read_file", real_read)
    again = run_ingest(corpus, tmp_path / "db.sqlite")
    # The stored hash was of the old bytes, so the next run sees the change and re-reads it.
    assert (again.updated, again.unchanged) == (1, 0)
    third = run_ingest(corpus, tmp_path / "db.sqlite")
    assert (third.updated, third.unchanged) == (0, 1)
