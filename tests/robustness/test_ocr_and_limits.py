"""Scanned PDF pages (OCR'd, or an error row saying what to install), size and page limits."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from pipeline import ocr
from pipeline.cli import main
from pipeline.config import MiB, Options
from pipeline.errors import ReadError
from pipeline.readers import read_file
from robustness.builders import BODY, needs_font, run_ingest, scanned_pdf, table_counts, text_pdf

SCANNED_LINES = "Ủy ban nhân dân tỉnh Bình Định\nKế hoạch phát triển hợp tác xã"
needs_tesseract = pytest.mark.skipif(
    ocr.ocr_unavailable_reason("vie") is not None, reason="tesseract-ocr-vie not installed"
)
MISSING_OCR = (
    "page 2 has no text layer and tesseract with Vietnamese (tesseract-ocr-vie) is not "
    "installed; install: apt-get install tesseract-ocr tesseract-ocr-vie"
)


def stored(db_path, path: str) -> tuple:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(
            "SELECT status, ocr, text, pages FROM documents WHERE path = ?", [path]
        ).fetchone()


@needs_font
@needs_tesseract
def test_scanned_page_is_ocrd_and_marked(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "scan.pdf").write_bytes(scanned_pdf([None, SCANNED_LINES]))
    summary = run_ingest(corpus, tmp_path / "db.sqlite")
    assert summary.errors == 0
    status, ocr_flag, text, pages = stored(tmp_path / "db.sqlite", "scan.pdf")
    assert (status, ocr_flag) == ("ok", 1)
    for word in ("Ủy ban nhân dân", "Kế hoạch", "hợp tác xã"):
        assert word in text
    assert "125/KH-UBND" in text  # the text page is kept beside the OCR'd one
    assert read_file(corpus / "scan.pdf").ocr_pages == (2,)


@needs_font
def test_without_tesseract_the_text_pages_are_stored_and_an_error_row_says_why(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(ocr, "installed_languages", lambda executable="tesseract": frozenset())
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "scan.pdf").write_bytes(scanned_pdf([None, SCANNED_LINES]))
    summary = run_ingest(corpus, tmp_path / "db.sqlite")
    assert [(e.path, e.stage, e.reason) for e in summary.error_details] == [
        ("scan.pdf", "ocr", MISSING_OCR)
    ]
    status, ocr_flag, text, pages = stored(tmp_path / "db.sqlite", "scan.pdf")
    assert (status, ocr_flag) == ("ok", 0)
    assert "Phấn đấu đến năm 2025" in text
    with sqlite3.connect(tmp_path / "db.sqlite") as connection:
        assert connection.execute("SELECT stage, reason FROM ingest_errors").fetchall() == [
            ("ocr", MISSING_OCR)
        ]
    before = table_counts(tmp_path / "db.sqlite")
    again = run_ingest(corpus, tmp_path / "db.sqlite")
    assert (again.unchanged, again.errors) == (1, 0)
    assert table_counts(tmp_path / "db.sqlite") == {**before, "runs": before["runs"] + 1}


@needs_font
def test_ocr_off_says_so(tmp_path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf([None, SCANNED_LINES]))
    result = read_file(path, Options(ocr="off"))
    assert result.ocr_pages == ()
    assert result.warnings == ("page 2 has no text layer and OCR is off (Options.ocr)",)


def test_file_over_the_size_limit_is_refused_with_sizes_and_a_raised_limit_reads_it(
    tmp_path,
) -> None:
    path = tmp_path / "báo cáo lớn.txt"
    line = "Năm 2024 toàn tỉnh có 1.200 hợp tác xã.\n".encode()
    with open(path, "wb") as handle:
        for _ in range(52 * MiB // len(line) + 1):
            handle.write(line)
    with pytest.raises(ReadError) as refused:
        read_file(path)
    assert refused.value.stage == "limits"
    assert refused.value.reason.startswith("too large (52 MB > 50 MB limit)")
    assert "--max-file-mb" in refused.value.reason
    result = read_file(path, Options(max_file_bytes=60 * MiB, max_text_chars=60 * MiB))
    assert result.chunks[0].startswith("Năm 2024 toàn tỉnh")


def test_cli_limits_flags_refuse_then_read(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "dài.txt").write_text(BODY * 400, encoding="utf-8")  # about 130 KB
    (corpus / "ngắn.txt").write_text(BODY, encoding="utf-8")
    db = str(tmp_path / "db.sqlite")
    runner = CliRunner()
    refused = runner.invoke(
        main, ["ingest", str(corpus), "--db", db, "--no-prefect", "--max-file-mb", "0.1"]
    )
    assert refused.exit_code == 0, refused.output
    assert "dài.txt — limits: too large (" in refused.output
    assert "KB > 102.4 KB limit)" in refused.output
    again = runner.invoke(
        main, ["ingest", str(corpus), "--db", db, "--no-prefect", "--max-file-mb", "0.1"]
    )
    assert "0 added, 0 updated, 2 unchanged" in again.output
    raised = runner.invoke(
        main, ["ingest", str(corpus), "--db", db, "--no-prefect", "--max-file-mb", "1"]
    )
    assert "0 added, 1 updated, 1 unchanged" in raised.output and "errors:    0" in raised.output


@needs_font
def test_page_limit(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ba trang.pdf").write_bytes(text_pdf([BODY, BODY, BODY]))
    result = CliRunner().invoke(
        main,
        ["ingest", str(corpus), "--db", str(tmp_path / "db"), "--no-prefect", "--max-pages", "2"],
    )
    assert (
        "ba trang.pdf — limits: too many pages: PDF has 3 pages, over the limit of 2 "
        "(max_pdf_pages; raise it with --max-pages)"
    ) in result.output


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"unclosed', 'Error: bad search query ""unclosed"'),
        ("AND OR", 'Error: bad search query "AND OR"'),
        ("NEAR(", "Error: bad search query"),
    ],
)
def test_fts_syntax_errors_are_one_clear_line(tmp_path, query: str, message: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(BODY, encoding="utf-8")
    db = str(tmp_path / "db.sqlite")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(corpus), "--db", db, "--no-prefect"])
    result = runner.invoke(main, ["search", query, "--db", db])
    assert result.exit_code == 1
    assert result.output.startswith(message), result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
