"""Targets across documents: grouping, conflicts, progress; pure and through an ingested store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli.targets import query_conflicts, query_figures, query_targets
from pipeline.ingest import ingest
from pipeline.linking import (
    actual_conflicts,
    figure_context,
    group_targets,
    link_tables,
    metric_jaccard,
    metric_overlap,
    progress,
    target_conflicts,
)
from pipeline.store import open_db


def target(
    id_,
    document,
    value,
    metric,
    deadline="2030",
    unit="hợp tác xã",
    scope="tỉnh Lạng Sơn",
    comparator="=",
):
    return {
        "id": id_,
        "document": document,
        "start": 0,
        "end": 5,
        "text": str(value),
        "value": float(value),
        "value_max": None,
        "unit": unit,
        "comparator": comparator,
        "metric": metric,
        "deadline": deadline,
        "scope": scope,
    }


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("hợp tác xã thành lập mới", "HTX thành lập mới", True),
        (
            "tỷ lệ HTX hoạt động khá, giỏi",
            "tỷ lệ hợp tác xã hoạt động có hiệu quả thuộc loại khá, giỏi",
            True,
        ),
        ("Tỷ lệ hợp tác xã yếu kém", "tỷ lệ hop tac xa yeu kem", True),
        ("tỷ lệ hợp tác xã yếu kém", "tỷ lệ hộ nghèo", False),
        ("diện tích cà phê", "sản lượng cà phê nhân", False),
        ("tỷ lệ che phủ rừng", "tỷ lệ hộ dân dùng nước sạch", False),
    ],
)
def test_metric_overlap(a, b, same):
    assert (metric_overlap(a, b) >= 0.75) is same


def test_same_target_in_two_documents_is_one_group():
    groups = group_targets(
        [
            target(1, "000.txt", 120, "hợp tác xã thành lập mới"),
            target(2, "000.txt", 250, "tổ hợp tác thành lập mới", unit="tổ hợp tác"),
            target(7, "004.txt", 120, "HTX thành lập mới"),
            target(8, "004.txt", 250, "THT thành lập mới", unit="tổ hợp tác"),
        ]
    )
    assert [(g.id, g.value, g.documents) for g in groups] == [
        (1, 120, ["000.txt", "004.txt"]),
        (2, 250, ["000.txt", "004.txt"]),
    ]
    assert [s["id"] for s in groups[0].sources()] == [1, 7]


@pytest.mark.parametrize(
    ("change", "groups"),
    [
        ({"deadline": "2025"}, 2),  # another deadline
        ({"scope": "tỉnh Bình Định"}, 2),  # another province
        ({"value": 130.0}, 2),  # another value
        ({"metric": "hợp tác xã được vay vốn"}, 2),  # another metric
        ({"comparator": ">="}, 1),  # "8 liên hiệp HTX trở lên" states the same goal
        ({"document": "000.txt"}, 2),  # a document does not corroborate itself
    ],
)
def test_grouping_keys(change, groups):
    first = target(1, "000.txt", 120, "hợp tác xã thành lập mới")
    second = target(2, "004.txt", 120, "hợp tác xã thành lập mới") | change
    assert len(group_targets([first, second])) == groups


def test_conflict_needs_same_metric_scope_deadline_and_other_document():
    rows = [
        target(1, "a.txt", 50, "tỷ lệ hợp tác xã hoạt động khá, giỏi", unit="%"),
        target(2, "b.txt", 60, "tỷ lệ hợp tác xã hoạt động khá, giỏi", unit="%"),
        target(3, "c.txt", 8, "tỷ lệ hợp tác xã yếu kém", unit="%"),
        target(4, "a.txt", 70, "tỷ lệ hợp tác xã hoạt động khá, giỏi", unit="%", deadline="2025"),
    ]
    conflicts = target_conflicts(group_targets(rows))
    assert [(c.first["id"], c.second["id"], c.when) for c in conflicts] == [(1, 2, "2030")]


@pytest.mark.parametrize(
    "second",
    [
        {"scope": None},  # unknown scope: never a conflict
        {"deadline": None},
        {"document": "a.txt"},  # one document may list two values (a table, a revision)
        {"metric": "tỷ lệ hợp tác xã yếu kém"},
    ],
)
def test_no_false_conflicts(second):
    rows = [
        target(1, "a.txt", 50, "tỷ lệ hợp tác xã hoạt động khá, giỏi", unit="%"),
        target(2, "b.txt", 60, "tỷ lệ hợp tác xã hoạt động khá, giỏi", unit="%") | second,
    ]
    assert target_conflicts(group_targets(rows)) == []


def actual(id_, document, value, context, unit="hợp tác xã", as_of="2018", scope="tỉnh Lạng Sơn"):
    return {
        "id": id_,
        "document": document,
        "value": float(value),
        "unit": unit,
        "as_of": as_of,
        "scope": scope,
        "context": context,
        "text": f"{value}",
    }


def test_actual_conflict_between_stock_figures():
    rows = [
        actual(1, "a.txt", 220, "Hết năm 2018, toàn tỉnh có"),
        actual(2, "b.txt", 230, "Tính đến hết năm 2018, toàn tỉnh có"),
        actual(3, "c.txt", 20, "Liên minh HTX đã hướng dẫn thành lập mới"),  # a flow, not a stock
        actual(4, "d.txt", 230, "toàn tỉnh có", as_of="2019"),
    ]
    assert [(c.first["id"], c.second["id"]) for c in actual_conflicts(rows)] == [(1, 2)]


def test_progress_takes_latest_actual_before_deadline():
    groups = group_targets([target(1, "plan.txt", 120, "hợp tác xã thành lập mới")])
    figures = [
        actual(5, "a.txt", 186, "toàn tỉnh có", as_of="2019"),
        actual(6, "b.txt", 220, "toàn tỉnh có", as_of="2018"),
        actual(7, "c.txt", 300, "toàn tỉnh có", as_of="2031"),
        actual(8, "d.txt", 99, "toàn tỉnh có", scope="tỉnh Bình Định", as_of="2020"),
    ]
    found = progress(groups, figures)
    assert [(p.group.id, p.actual["id"]) for p in found] == [(1, 5)]


def test_figure_context_stops_at_clause():
    text = "Tăng 5%; hết năm 2018, toàn tỉnh có 220 HTX"
    assert figure_context(text, text.index("220")) == "hết năm 2018, toàn tỉnh có"


def test_link_tables_rows():
    tables = link_tables(
        [
            target(1, "a.txt", 120, "hợp tác xã thành lập mới"),
            target(9, "b.txt", 120, "HTX thành lập mới"),
        ]
    )
    assert tables["target_group_members"] == [
        {"group_id": 1, "target_id": 1},
        {"group_id": 1, "target_id": 9},
    ]
    assert json.loads(tables["target_groups"][0]["sources"])[1]["document"] == "b.txt"
    assert metric_jaccard("a b", "c d") == 0.0


# --- through the store: a small corpus ingested in the test ---------------------------------

PLAN = """UBND TỈNH LẠNG SƠN

KẾ HOẠCH phát triển kinh tế tập thể

Phấn đấu đến năm 2030, hỗ trợ thành lập mới 120 hợp tác xã, 250 tổ hợp tác; tỷ lệ hợp tác xã hoạt động khá, giỏi đạt 50%.
"""
NEWS = """Tỉnh uỷ Lạng Sơn tổng kết Nghị quyết

Tính đến hết năm 2018, toàn tỉnh có 220 HTX. Từ nay đến năm 2030, tỉnh sẽ hỗ trợ thành lập mới 120 HTX, 250 THT; 60% số HTX hoạt động khá, giỏi.
"""
OTHER = """UBND tỉnh Bình Định

Phấn đấu đến năm 2030, hỗ trợ thành lập mới 120 hợp tác xã.
"""


@pytest.fixture
def linked_store(tmp_path: Path, db_path: Path):
    corpus = tmp_path / "small"
    corpus.mkdir()
    (corpus / "plan.txt").write_text(PLAN, encoding="utf-8")
    (corpus / "news.txt").write_text(NEWS, encoding="utf-8")
    (corpus / "other.txt").write_text(OTHER, encoding="utf-8")
    ingest(corpus, db_path)
    db = open_db(db_path, create=False)
    yield db
    db.close()


def test_store_groups_targets_across_documents(linked_store):
    rows = query_targets(linked_store, deadline="2030", scope="lang son")
    by_value = {row["value"]: row for row in rows}
    assert sorted(s["document"] for s in by_value[120]["sources"]) == ["news.txt", "plan.txt"]
    assert sorted(s["document"] for s in by_value[250]["sources"]) == ["news.txt", "plan.txt"]
    other = query_targets(linked_store, scope="Bình Định")
    assert [(row["value"], [s["document"] for s in row["sources"]]) for row in other] == [
        (120, ["other.txt"])
    ]


def test_store_tables_recomputed_after_ingest(linked_store):
    groups = list(linked_store.query("SELECT * FROM target_groups WHERE documents = 2"))
    assert sorted(g["value"] for g in groups) == [120, 250]
    members = linked_store.execute("SELECT count(*) FROM target_group_members").fetchone()[0]
    assert members == linked_store.execute("SELECT count(*) FROM targets").fetchone()[0]


def test_store_conflict_between_plan_and_news(linked_store):
    rows = query_conflicts(linked_store)
    assert [(r["kind"], r["first_value"], r["second_value"]) for r in rows] == [("target", 60, 50)]
    stored = list(linked_store.query("SELECT kind, first_value, second_value FROM conflicts"))
    assert stored == [{"kind": "target", "first_value": 60, "second_value": 50}]


def test_store_figures_with_as_of(linked_store):
    rows = query_figures(linked_store, as_of="2018")
    assert [(r["text"], r["as_of"], r["scope"]) for r in rows] == [
        ("220 HTX", "2018", "tỉnh Lạng Sơn")
    ]
    assert query_figures(linked_store, search="toan tinh co", kind="count")[0]["id"].startswith("F")
