"""Audit: typed ids, locations, the offset check, related items, and ``chitieu audit`` output."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.audit import audit_item, format_audit, line_and_column, parse_item_id
from pipeline.cli import main
from pipeline.errors import QueryError
from pipeline.ingest import ingest
from pipeline.models import Document, Extraction, Figure, LegalRef, PageSpan, Passage, Target
from pipeline.store import open_db, write_document

BUNDLED_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus ingested once (without Prefect) for every test of this module."""
    path = tmp_path_factory.mktemp("audit") / "chitieu.db"
    ingest(BUNDLED_CORPUS, path)
    return path


def _first_id(db_path: Path, table: str, text: str) -> int:
    with sqlite3.connect(db_path) as conn:
        row = conn.execute(f"SELECT id FROM {table} WHERE text = ? ORDER BY id", [text]).fetchone()
    assert row, f"no {table} row with text {text!r} in the bundled corpus"
    return row[0]


@pytest.mark.parametrize(
    ("ref", "prefix", "number"),
    [
        ("F12", "F", 12),
        ("f12", "F", 12),
        ("D3", "D", 3),
        ("L7", "L", 7),
        ("T1", "T", 1),
        ("P104", "P", 104),
        (" T 5 ", "T", 5),
        ("T#5", "T", 5),
    ],
)
def test_parse_item_id(ref: str, prefix: str, number: int) -> None:
    item_id = parse_item_id(ref)
    assert (item_id.prefix, item_id.number) == (prefix, number)
    assert str(item_id) == f"{prefix}{number}"


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("12", "ambiguous id 12: use F12, D12, L12, T12, P12"),
        (12, "ambiguous id 12"),
        ("X3", "unknown id prefix 'X'"),
        ("F", "not an item id"),
        ("", "not an item id"),
        ("F-1", "not an item id"),
        ("FF1", "not an item id"),
    ],
)
def test_parse_item_id_rejects(ref: str | int, message: str) -> None:
    with pytest.raises(QueryError, match=message.replace("(", r"\(")):
        parse_item_id(ref)


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("Quyết định số 12", 0, (1, 1)),
        ("Quyết định số 12", 14, (1, 15)),
        ("Điều 1.\nPhấn đấu đạt 45%", 8, (2, 1)),
        ("Điều 1.\nPhấn đấu đạt 45%", 21, (2, 14)),
        ("a\n\n\nb", 4, (4, 1)),
    ],
)
def test_line_and_column(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert line_and_column(text, offset) == expected


@pytest.mark.parametrize(
    ("table", "surface", "kind", "fields"),
    [
        (
            "figures",
            "100 hợp tác xã",
            "figure",
            {"value": 100, "unit": "hợp tác xã", "kind": "count", "qualifier": None},
        ),
        ("figures", "trên 45%", "figure", {"value": 45, "unit": "%", "qualifier": "gt"}),
        ("dates", "11/6/2019", "date", {"value": "2019-06-11", "year_inferred": False}),
        (
            "legal_refs",
            "Công văn số 538/UBND-KTTH",
            "legal_ref",
            {"doc_type": "cong_van", "number": "538/UBND-KTTH", "date": "2019-06-11"},
        ),
        (
            "targets",
            "thành lập mới 100 hợp tác xã",
            "target",
            {"value": 100, "unit": "hợp tác xã", "comparator": "=", "deadline": "2025"},
        ),
    ],
)
def test_audit_record_on_bundled_corpus(
    corpus_db: Path, table: str, surface: str, kind: str, fields: dict
) -> None:
    prefix = {"figures": "F", "dates": "D", "legal_refs": "L", "targets": "T"}[table]
    item = f"{prefix}{_first_id(corpus_db, table, surface)}"
    db = open_db(corpus_db, create=False)
    record = audit_item(db, item)
    document_text = db.execute("SELECT text FROM documents WHERE id = ?", [record.document_id])
    text = document_text.fetchone()[0]
    db.close()
    assert record.kind == kind and record.id == item
    assert record.verified and record.text == surface == text[record.start : record.end]
    assert record.fields.items() >= fields.items()
    assert record.rule
    assert record.passage_id is not None
    assert f"[[{surface}]]" in record.highlighted()
    assert record.line == text.count("\n", 0, record.start) + 1


def test_audit_legal_ref_names_cited_document_and_citing_count(corpus_db: Path) -> None:
    item = f"L{_first_id(corpus_db, 'legal_refs', 'Công văn số 538/UBND-KTTH')}"
    record = audit_item(open_db(corpus_db, create=False), item)
    assert record.related["cited_document"]["number"] == "538/UBND-KTTH"
    assert record.related["cited_by_documents"] == 1
    assert record.related["cited_by"][0]["document"] == record.path


def test_audit_target_and_figure_point_at_each_other(corpus_db: Path) -> None:
    db = open_db(corpus_db, create=False)
    target = audit_item(db, f"T{_first_id(corpus_db, 'targets', 'thành lập mới 100 hợp tác xã')}")
    figure_id = target.related["figure"]["id"]
    assert target.related["figure"]["text"] == "100 hợp tác xã"
    figure = audit_item(db, figure_id)
    assert target.id in [t["id"] for t in figure.related["targets"]]
    assert target.related["sources"] == [] and target.related["conflicts"] == []


def test_audit_passage_lists_its_items(corpus_db: Path) -> None:
    db = open_db(corpus_db, create=False)
    target = audit_item(db, f"T{_first_id(corpus_db, 'targets', 'thành lập mới 100 hợp tác xã')}")
    passage = audit_item(db, f"P{target.passage_id}")
    assert passage.kind == "passage" and passage.verified
    assert target.id in [item["id"] for item in passage.related["items"]]


def test_unknown_item_is_a_query_error(corpus_db: Path) -> None:
    with pytest.raises(QueryError, match="no target T999999 in the store"):
        audit_item(open_db(corpus_db, create=False), "T999999")


# --- a hand-built store: PDF pages, a target stated in two documents, a conflict ---------------

PLAN_A = "Kế hoạch.\nĐến năm 2025, tỉnh Quảng Nam phấn đấu có 500 hợp tác xã hoạt động hiệu quả."
PLAN_B = (
    "Báo cáo.\nMục tiêu đến năm 2025, tỉnh Quảng Nam phấn đấu có 500 hợp tác xã hoạt động hiệu quả."
)
PLAN_C = "Tờ trình.\nĐến năm 2025, tỉnh Quảng Nam phấn đấu có 650 hợp tác xã hoạt động hiệu quả."


def _plan(path: str, text: str, pages: tuple[PageSpan, ...] = ()) -> Document:
    return Document(
        path=path, sha256=path, format="pdf" if pages else "txt", text=text, pages=pages
    )


def _store_plan(db, path: str, text: str, pages: tuple[PageSpan, ...] = ()) -> None:
    """Store a plan: one passage per line, the figure "N hợp tác xã" and a target over it."""
    document = _plan(path, text, pages)
    newline = text.index("\n")
    passages = (
        Passage(0, 0, newline, text[:newline], 1 if pages else None),
        Passage(1, newline + 1, len(text), text[newline + 1 :], 2 if pages else None),
    )
    start = text.index("có ") + 3
    end = text.index(" hoạt động")
    surface = text[start:end]
    value = float(surface.split()[0])
    figure = Figure(start, end, surface, value, "hợp tác xã", "count", "figure.count_lexicon")
    target = Target(
        start,
        end,
        surface,
        value,
        "hợp tác xã",
        "=",
        "hợp tác xã hoạt động hiệu quả",
        "target.goal.den_nam",
        start,
        end,
        deadline="2025",
        scope="tỉnh Quảng Nam",
    )
    ref_text = "Kế hoạch"
    ref = (
        LegalRef(0, len(ref_text), ref_text, "ke_hoach", "named.test")
        if text.startswith(ref_text)
        else None
    )
    extraction = Extraction(figures=(figure,), targets=(target,), legal_refs=(ref,) if ref else ())
    write_document(db, document, passages, extraction)


@pytest.fixture
def plans_db(db_path: Path) -> Path:
    db = open_db(db_path)
    pages = (
        PageSpan(1, 0, PLAN_A.index("\n") + 1),
        PageSpan(2, PLAN_A.index("\n") + 1, len(PLAN_A)),
    )
    _store_plan(db, "a/ke-hoach.pdf", PLAN_A, pages)
    _store_plan(db, "b/bao-cao.txt", PLAN_B)
    _store_plan(db, "c/to-trinh.txt", PLAN_C)
    db.close()
    return db_path


def test_target_sources_and_conflict_across_documents(plans_db: Path) -> None:
    db = open_db(plans_db, create=False)
    record = audit_item(db, "T1")
    assert record.path == "a/ke-hoach.pdf" and record.page == 2 and record.line == 2
    assert [s["document"] for s in record.related["sources"]] == ["b/bao-cao.txt"]
    (conflict,) = record.related["conflicts"]
    assert {s["value"] for s in conflict["sources"]} == {500, 650}
    text = format_audit(record)
    assert "location  page 2, line 2, column" in text
    assert "also in   1 other source" in text
    assert "CONFLICT  hợp tác xã hoạt động hiệu quả (tỉnh Quảng Nam, 2025):" in text
    assert "T3  c/to-trinh.txt  650 hợp tác xã  → 650" in text


def test_tampered_row_fails_loudly(plans_db: Path) -> None:
    with sqlite3.connect(plans_db) as conn:
        conn.execute("UPDATE figures SET text = '5000 hợp tác xã' WHERE id = 1")
    record = audit_item(open_db(plans_db, create=False), "F1")
    assert not record.verified and record.source_text == "500 hợp tác xã"
    result = CliRunner().invoke(main, ["audit", "F1", "--db", str(plans_db)])
    assert result.exit_code == 1
    assert "MISMATCH  document text at" in result.output
    assert "stored text does not match the document" in result.output


# --- the command ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "surface", "lines"),
    [
        (
            "figures",
            "100 hợp tác xã",
            [
                "figure  000_595f9fad5b9cea4c.txt",
                "== '100 hợp tác xã'  verified",
                "unit       hợp tác xã",
            ],
        ),
        (
            "dates",
            "11/6/2019",
            ["date  000_595f9fad5b9cea4c.txt", "verified", "value          2019-06-11"],
        ),
        (
            "legal_refs",
            "Công văn số 538/UBND-KTTH",
            ["legal ref", "cites     cong_van 538/UBND-KTTH", "cited by  1 document"],
        ),
        (
            "targets",
            "thành lập mới 100 hợp tác xã",
            ["target", "deadline    2025", "figure    F", "also in   0 other sources"],
        ),
    ],
)
def test_audit_command_text(corpus_db: Path, table: str, surface: str, lines: list[str]) -> None:
    prefix = {"figures": "F", "dates": "D", "legal_refs": "L", "targets": "T"}[table]
    item = f"{prefix}{_first_id(corpus_db, table, surface)}"
    result = CliRunner().invoke(main, ["audit", item, "--db", str(corpus_db)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(item + "  ")
    assert f"[[{surface}]]" in result.output
    assert "\x1b[" not in result.output
    for line in lines:
        assert line in result.output


@pytest.mark.parametrize("prefix", ["F", "D", "L", "T"])
def test_audit_command_json(corpus_db: Path, prefix: str) -> None:
    result = CliRunner().invoke(
        main, ["audit", f"{prefix}1", "--db", str(corpus_db), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["id"] == f"{prefix}1" and record["verified"] is True
    assert record["source_text"] == record["text"]
    assert f"[[{record['text']}]]" in record["marked"]


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("T999999", "Error: no target T999999 in the store"),
        ("7", "Error: ambiguous id 7: use F7, D7, L7, T7, P7"),
        ("Q7", "Error: unknown id prefix 'Q'"),
    ],
)
def test_audit_command_rejects_unknown_ids(corpus_db: Path, ref: str, message: str) -> None:
    result = CliRunner().invoke(main, ["audit", ref, "--db", str(corpus_db)])
    assert result.exit_code == 1
    assert result.output.startswith(message) and result.output.count("\n") == 1


def test_terminal_output_marks_the_item_in_reverse_video(corpus_db: Path) -> None:
    item = f"F{_first_id(corpus_db, 'figures', '100 hợp tác xã')}"
    text = format_audit(audit_item(open_db(corpus_db, create=False), item), color=True)
    assert "\x1b[1;7m100 hợp tác xã\x1b[0m" in text and "[[" not in text
