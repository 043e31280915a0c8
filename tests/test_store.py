"""The store: folding, document writes and replacement, cited documents, search, export."""

from __future__ import annotations

import json
import unicodedata

import pytest

from pipeline.errors import ChitieuError, QueryError
from pipeline.folding import fold, fold_query
from pipeline.models import Document, Extraction, Figure, LegalRef, Passage, Target
from pipeline.store import (
    get_document,
    iter_export_rows,
    mark_removed,
    open_db,
    quote_punctuated_terms,
    search,
    summary,
    write_document,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("hợp tác xã", "hop tac xa"),
        ("Hợp tác xã", "hop tac xa"),
        ("Quyết định", "quyet dinh"),
        ("Đảng bộ tỉnh", "dang bo tinh"),
        ("đồng/người/năm", "dong/nguoi/nam"),
        ("kinh tế tập thể", "kinh te tap the"),
        ("Nghị quyết số 13-NQ/TW", "nghi quyet so 13-nq/tw"),
        ("ỦY BAN NHÂN DÂN", "uy ban nhan dan"),
        ("giảm dưới 8%", "giam duoi 8%"),
        ("Tuyên Quang – 2025", "tuyen quang – 2025"),
        ("İstanbul", "istanbul"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("query", "folded"),
    [
        ("hợp AND tác", "hop AND tac"),
        ('"Quyết định" OR "Chỉ thị"', '"Quyet dinh" OR "Chi thi"'),
        ("Đảng NOT bộ", "Dang NOT bo"),
        ("hợp*", "hop*"),
    ],
)
def test_fold_query_keeps_operators(query: str, folded: str) -> None:
    assert fold_query(query) == folded


def test_fold_is_length_preserving_on_decomposed_input() -> None:
    text = unicodedata.normalize("NFD", "Hợp tác xã")
    assert len(fold(text)) == len(text)


TEXT = (
    "Theo Quyết định số 3351/QĐ-UBND ngày 20/12/2019, phấn đấu đến năm 2025 "
    "thành lập mới 100 hợp tác xã.\nTiếp tục thực hiện Quyết định số 3351/QĐ-UBND."
)


def span(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def make_document(path: str = "a.txt", text: str = TEXT, sha: str = "s1") -> Document:
    return Document(path=path, sha256=sha, format="txt", text=text, title="Tiêu đề")


def make_passages(text: str = TEXT) -> tuple[Passage, ...]:
    first_end = text.index("\n")
    return (
        Passage(0, 0, first_end, text[:first_end]),
        Passage(1, first_end + 1, len(text), text[first_end + 1 :]),
    )


def make_extraction(text: str = TEXT) -> Extraction:
    fs, fe = span(text, "100 hợp tác xã")
    ts, te = span(text, "thành lập mới 100 hợp tác xã")
    refs = []
    for nth in (0, 1):
        rs, re_ = span(text, "Quyết định số 3351/QĐ-UBND", nth)
        refs.append(LegalRef(rs, re_, text[rs:re_], "quyet_dinh", "legal.numbered", "3351/QĐ-UBND"))
    figure = Figure(fs, fe, text[fs:fe], 100.0, "hợp tác xã", "count", "figure.count")
    target = Target(
        ts, te, text[ts:te], 100.0, "hợp tác xã", "=", "hợp tác xã thành lập mới",
        "target.phan_dau", fs, fe, deadline="2025",
    )  # fmt: skip
    return Extraction(figures=(figure,), legal_refs=tuple(refs), targets=(target,))


@pytest.fixture
def db(db_path):
    database = open_db(db_path)
    yield database
    database.close()


def count(db, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_write_document_stores_grounded_rows(db) -> None:
    doc_id = write_document(db, make_document(), make_passages(), make_extraction())
    stored = get_document(db, "a.txt")
    assert stored["id"] == doc_id and stored["char_count"] == len(TEXT)
    for row in db.query('SELECT start, "end", text FROM passages'):
        assert TEXT[row["start"] : row["end"]] == row["text"]
    for table in ("figures", "legal_refs", "targets"):
        for row in db.query(f'SELECT start, "end", text, passage_id FROM {table}'):
            assert TEXT[row["start"] : row["end"]] == row["text"]
            assert row["passage_id"] is not None
    target = next(db.query("SELECT figure_id FROM targets"))
    figure = next(db.query("SELECT id FROM figures"))
    assert target["figure_id"] == figure["id"]


def test_cited_document_shared_by_mentions(db) -> None:
    write_document(db, make_document(), make_passages(), make_extraction())
    assert count(db, "cited_documents") == 1
    ids = {row["cited_document_id"] for row in db.query("SELECT cited_document_id FROM legal_refs")}
    assert len(ids) == 1 and None not in ids


def test_rewrite_replaces_rows_and_keeps_id(db) -> None:
    first = write_document(db, make_document(), make_passages(), make_extraction())
    second = write_document(db, make_document(sha="s2"), make_passages(), make_extraction())
    assert first == second
    assert (count(db, "documents"), count(db, "passages"), count(db, "figures")) == (1, 2, 1)
    assert count(db, "legal_refs") == 2 and count(db, "targets") == 1
    # The FTS indexes hold one row per passage, not one per version.
    assert count(db, "passages_folded_fts") == 2
    assert len(search(db, "thành lập")) == 1


def test_orphan_cited_documents_are_deleted(db) -> None:
    write_document(db, make_document(), make_passages(), make_extraction())
    write_document(db, make_document(sha="s2"), make_passages(), Extraction())
    assert count(db, "cited_documents") == 0


def test_ungrounded_item_is_refused_and_nothing_written(db) -> None:
    bad = Figure(0, 5, "không", 1.0, None, "count", "figure.count")
    with pytest.raises(ChitieuError, match="does not match"):
        write_document(db, make_document(), make_passages(), Extraction(figures=(bad,)))
    assert count(db, "documents") == 0


@pytest.mark.parametrize(
    ("query", "expected_mark"),
    [
        ("hop tac xa", "[hợp tác xã]"),
        ("hợp tác xã", "[hợp tác xã]"),
        ("Quyet dinh", "[Quyết định]"),
        ('"thanh lap moi"', "[thành lập mới]"),
        ("UBND", "[UBND]"),
        ("hop*", "[hợp]"),
    ],
)
def test_search_marks_hit_in_original_text(db, query: str, expected_mark: str) -> None:
    write_document(db, make_document(), make_passages(), make_extraction())
    hits = search(db, query)
    assert hits, query
    assert expected_mark in hits[0].marked()
    for hit in hits:
        for start, end in hit.marks:
            assert fold(hit.text[start:end]).split()[0] in fold(query)


def test_exact_hits_rank_before_folded_hits(db) -> None:
    text_exact = "Các hợp tác xã được hỗ trợ vốn."
    text_folded = "Hop tac xa viet khong dau, hop tac xa, hop tac xa."
    for name, text in (("exact.txt", text_exact), ("folded.txt", text_folded)):
        passage = Passage(0, 0, len(text), text)
        write_document(db, make_document(name, text), (passage,), Extraction())
    hits = search(db, "hợp tác xã")
    assert [(hit.path, hit.match) for hit in hits] == [
        ("exact.txt", "exact"),
        ("folded.txt", "folded"),
    ]


@pytest.mark.parametrize("query", ["hợp AND", '"hợp tác', "NEAR(", "tác:xã", "AND OR"])
def test_bad_query_raises_query_error(db, query: str) -> None:
    write_document(db, make_document(), make_passages(), make_extraction())
    with pytest.raises(QueryError, match="bad search query"):
        search(db, query)


def test_removed_documents_leave_search_and_export(db) -> None:
    write_document(db, make_document(), make_passages(), make_extraction())
    assert mark_removed(db, ["a.txt"]) == 1
    assert search(db, "hợp tác xã") == []
    assert list(iter_export_rows(db)) == []
    assert search(db, "hợp tác xã", include_removed=True)
    assert summary(db)["documents_by_status"] == {"removed": 1}


def test_export_rows_follow_gold_format(db) -> None:
    write_document(db, make_document(), make_passages(), make_extraction())
    rows = list(iter_export_rows(db))
    assert [row["type"] for row in rows] == [
        "document",
        "figure",
        "legal_ref",
        "legal_ref",
        "target",
    ]
    figure = rows[1]
    assert figure["value"] == 100 and isinstance(figure["value"], int)
    assert figure["unit"] == "hợp tác xã" and figure["rule"] == "figure.count"
    assert rows[2]["number"] == "3351/QĐ-UBND" and rows[2]["doc_type"] == "quyet_dinh"
    assert rows[4]["deadline"] == "2025" and rows[4]["comparator"] == "="
    for row in rows[1:]:
        assert TEXT[row["start"] : row["end"]] == row["text"]
        json.dumps(row)


def test_range_value_exported_as_min_max(db) -> None:
    text = "Tỷ lệ đạt 30-40% trong năm."
    s, e = span(text, "30-40%")
    figure = Figure(s, e, text[s:e], 30.0, "%", "percent", "figure.range", value_max=40.0)
    write_document(
        db,
        make_document("r.txt", text),
        (Passage(0, 0, len(text), text),),
        Extraction(figures=(figure,)),
    )
    row = [r for r in iter_export_rows(db) if r["type"] == "figure"][0]
    assert row["value"] == {"min": 30, "max": 40}


def test_unknown_document_is_query_error(db) -> None:
    with pytest.raises(QueryError, match="no document"):
        get_document(db, "missing.txt")


def test_open_db_rejects_non_database(tmp_path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ChitieuError, match="cannot open database"):
        open_db(junk)


def test_open_db_without_create_needs_file(tmp_path) -> None:
    with pytest.raises(ChitieuError, match="no database"):
        open_db(tmp_path / "nope.db", create=False)


@pytest.mark.parametrize(
    ("query", "prepared"),
    [
        ("538/UBND-KTTH", '"538/UBND-KTTH"'),
        ("Quyết định 3351/QĐ-UBND", 'Quyết định "3351/QĐ-UBND"'),
        ("đạt 45%", 'đạt "45%"'),
        ("3,8 triệu", '"3,8" triệu'),
        ('"hợp tác xã" AND 13-NQ/TW', '"hợp tác xã" AND "13-NQ/TW"'),
        ("hợp AND", "hợp AND"),
        ("hợp*", "hợp*"),
        ("tác:xã", "tác:xã"),
    ],
)
def test_punctuated_terms_are_quoted(query: str, prepared: str) -> None:
    assert quote_punctuated_terms(query) == prepared


@pytest.mark.parametrize(
    ("query", "expected_mark"),
    [("3351/QĐ-UBND", "[3351/QĐ-UBND]"), ("3351/QD-UBND", "[3351/QĐ-UBND]")],
)
def test_search_by_document_number(db, query: str, expected_mark: str) -> None:
    write_document(db, make_document(), make_passages(), make_extraction())
    hits = search(db, query)
    assert len(hits) == 2 and expected_mark in hits[0].marked()
