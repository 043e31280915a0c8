"""The chitieu command line through click's CliRunner: happy paths and every error path."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline.cli import COMMAND_MODULES, main
from pipeline.folding import fold


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def ingested(runner: CliRunner, seed_corpus: Path, db_path: Path) -> Path:
    result = runner.invoke(main, ["ingest", str(seed_corpus), "--db", str(db_path), "--no-prefect"])
    assert result.exit_code == 0, result.output
    return db_path


def run(runner: CliRunner, *args: str):
    return runner.invoke(main, [str(arg) for arg in args])


def test_ingest_prints_summary(runner: CliRunner, seed_corpus: Path, db_path: Path) -> None:
    (seed_corpus / "empty.txt").write_bytes(b"")
    result = run(runner, "ingest", seed_corpus, "--db", db_path, "--no-prefect")
    assert result.exit_code == 0, result.output
    assert "6 seen: 5 added, 0 updated, 0 unchanged, 0 removed" in result.output
    assert "errors:    1" in result.output
    assert "empty.txt — read: empty file" in result.output
    again = run(runner, "ingest", seed_corpus, "--db", db_path, "--no-prefect")
    assert "0 added, 0 updated, 6 unchanged" in again.output


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hop tac xa", "[hợp tác xã]"),
        ("hợp tác xã", "[hợp tác xã]"),
        ("Quyet dinh", "[Quyết định]"),
        ('"kinh te tap the"', "[kinh tế tập thể]"),
    ],
)
def test_search_table_marks_hits(
    runner: CliRunner, ingested: Path, query: str, expected: str
) -> None:
    result = run(runner, "search", query, "--db", ingested, "--limit", "3")
    assert result.exit_code == 0, result.output
    assert expected in result.output
    assert result.output.splitlines()[0].split() == [
        "document",
        "start",
        "end",
        "passage_id",
        "match",
        "marked",
    ]


def test_search_json_and_csv(runner: CliRunner, ingested: Path) -> None:
    result = run(
        runner, "search", "hop tac xa", "--db", ingested, "--format", "json", "--limit", "5"
    )
    hits = json.loads(result.output)
    assert 0 < len(hits) <= 5
    for hit in hits:
        for start, end in hit["hits"]:
            words = fold(hit["text"][start - hit["start"] : end - hit["start"]]).split()
            assert set(words) <= {"hop", "tac", "xa"}
    csv_result = run(
        runner, "search", "hop tac xa", "--db", ingested, "--format", "csv", "--limit", "2"
    )
    assert csv_result.output.splitlines()[0].startswith("document,start,end,passage_id")


def test_show_by_path_and_id(runner: CliRunner, ingested: Path, seed_corpus: Path) -> None:
    name = sorted(seed_corpus.glob("*.txt"))[0].name
    by_path = run(runner, "show", name, "--db", ingested)
    assert by_path.exit_code == 0 and f"path              {name}" in by_path.output
    assert "Lạng Sơn" in by_path.output
    by_id = run(runner, "show", "1", "--db", ingested, "--json")
    assert json.loads(by_id.output)["path"] == name


def test_export_jsonl_parses_line_by_line(
    runner: CliRunner, ingested: Path, tmp_path: Path
) -> None:
    out = tmp_path / "export.jsonl"
    result = run(runner, "export", "--format", "jsonl", "--db", ingested, "--out", out)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    documents = {line["document"]: line["text"] for line in lines if line["type"] == "document"}
    assert len(documents) == 5
    for line in lines:
        assert line["type"] in {"document", "figure", "date", "legal_ref", "target"}
        if line["type"] != "document":
            assert documents[line["document"]][line["start"] : line["end"]] == line["text"]
            assert line["rule"]
    to_stdout = run(runner, "export", "--db", ingested)
    assert to_stdout.output.count("\n") == len(lines)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "{tmp}/missing", "--db", "{db}", "--no-prefect"], "corpus folder not found"),
        (["ingest", "{tmp}/file.txt", "--db", "{db}", "--no-prefect"], "not a folder"),
        (["ingest", "{tmp}", "--db", "{tmp}", "--no-prefect"], "database path is a folder"),
        (["ingest", "{tmp}", "--db", "{tmp}/junk.db"], "cannot open database"),
        (["ingest", "{tmp}/missing", "--db", "{db}"], "corpus folder not found"),
        (["search", "hợp AND", "--db", "{db}"], 'bad search query "hợp AND"'),
        (["search", '"hợp tác', "--db", "{db}"], "bad search query"),
        (["show", "nothing.txt", "--db", "{db}"], "no document 'nothing.txt'"),
        (["show", "999", "--db", "{db}"], "no document '999'"),
        (["search", "x", "--db", "{tmp}/none.db"], "no database at"),
        (["export", "--db", "{tmp}/junk.db"], "cannot open database"),
        (["show", "1", "--db", "{tmp}/junk.db"], "cannot open database"),
    ],
)
def test_user_errors_are_one_line(
    runner: CliRunner, ingested: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 50)
    filled = [a.format(tmp=tmp_path, db=ingested) for a in args]
    result = runner.invoke(main, filled)
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], result.output


def test_every_command_has_help(runner: CliRunner) -> None:
    assert len(main.commands) >= 4
    for name, command in main.commands.items():
        assert command.help, name
        assert runner.invoke(main, [name, "--help"]).exit_code == 0


def test_command_modules_are_listed_for_registration() -> None:
    assert "pipeline.cli.eval" in COMMAND_MODULES
    assert isinstance(main, click.Group)
