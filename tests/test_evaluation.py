"""Scoring against gold annotations: value rules, overlap, optional items, matching, reports."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from paths import GOLD, SEEDS

from pipeline.cli import main
from pipeline.errors import ChitieuError
from pipeline.evaluation import (
    EvalReport,
    GoldDocument,
    KindScore,
    evaluate,
    field_agrees,
    format_report,
    load_gold,
    locate_documents,
    maximum_matching,
    numbers_equal,
    parse_gold,
    resolve_anchors,
    score,
    strings_accepted,
)

DOC = "kh_01.txt"
ROW_TYPES = {"figures": "figure", "dates": "date", "legal_refs": "legal_ref", "targets": "target"}


def gold(text: str, **kinds: list[dict[str, Any]]) -> GoldDocument:
    """A gold document for DOC; ``kinds`` maps a gold list name to its items."""
    annotated = kinds.pop("annotated", None)
    published = kinds.pop("published", None)
    data: dict[str, Any] = {"document": DOC, "published": published, **kinds}
    if annotated is not None:
        data["annotated"] = annotated
    return parse_gold(data, source=f"{DOC}.gold.json")


def row(kind: str, text: str, surface: str, nth: int = 0, **fields: Any) -> dict[str, Any]:
    """An export row for the ``nth`` occurrence of ``surface`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return {
        "type": ROW_TYPES[kind],
        "document": f"corpus/{DOC}",
        "start": start,
        "end": start + len(surface),
        "text": surface,
        "rule": "test.rule",
        **fields,
    }


def run(doc: GoldDocument, text: str, rows: list[dict[str, Any]], **kw: Any) -> EvalReport:
    return score([doc], rows, {DOC: text}, **kw)


# ---------------------------------------------------------------------------------------------
# Value rules

TARGET_TEXT = "Phấn đấu đến năm 2025 thành lập mới 100 hợp tác xã, 200 tổ hợp tác."


@pytest.mark.parametrize(
    ("gold_value", "predicted", "expected"),
    [
        (100, 100, True),
        (100, 100.0, True),
        (455523, 455523.0000000001, True),
        (3800000, 3.8e6, True),
        (0.3, 0.1 + 0.2, True),
        (100, 101, False),
        (274000000000, 274000000, False),
        (45, "45", False),
        (45, None, False),
        ({"min": 30, "max": 40}, {"min": 30, "max": 40}, True),
        ({"min": 30, "max": 40}, {"min": 30.0, "max": 40.0}, True),
        ({"min": 30, "max": 40}, {"min": 30, "max": 45}, False),
        ({"min": 30, "max": 40}, 30, False),
        (30, {"min": 30, "max": 30}, False),
    ],
)
def test_numbers_equal(gold_value: Any, predicted: Any, expected: bool) -> None:
    assert numbers_equal(gold_value, predicted) is expected


@pytest.mark.parametrize(
    ("gold_value", "predicted", "expected"),
    [
        ("2019-06-11", "2019-06-11", True),
        ("2019-06-11", "2019-06", False),
        ("2016/2020", "2016/2020", True),
        ("2016/2020", "2016", False),
        ("2020-01/2020-06", "2020-01/2020-06", True),
        (["XXXX-05-14", "2019-05-14"], "2019-05-14", True),
        (["XXXX-05-14", "2019-05-14"], "XXXX-05-14", True),
        (["XXXX-05-14", "2019-05-14"], "2020-05-14", False),
        ("2025", " 2025 ", True),
        ("2025", None, False),
    ],
)
def test_strings_accepted(gold_value: Any, predicted: Any, expected: bool) -> None:
    assert strings_accepted(gold_value, predicted) is expected


@pytest.mark.parametrize(
    ("text", "anchor", "gold_value", "predicted_surface", "value", "expected_matched"),
    [
        ("đạt 455.523 tấn", "455.523 tấn", 455523, "455.523 tấn", 455523, 1),
        ("tăng 3,8 triệu đồng", "3,8 triệu đồng", 3800000, "3,8 triệu", 3800000, 1),
        ("vốn 274 tỷ đồng", "274 tỷ đồng", 274000000000, "274 tỷ", 274e9, 1),
        ("chiếm 45% tổng số", "45%", 45, "chiếm 45% tổng", 45, 1),
        ("chiếm 45% tổng số", "45%", 45, "45%", 0.45, 0),
        ("từ 30-40 thành viên", "30-40 thành viên", {"min": 30, "max": 40}, "30-40",
         {"min": 30, "max": 40}, 1),
        ("từ 30-40 thành viên", "30-40 thành viên", {"min": 30, "max": 40}, "30", 30, 0),
        ("gần 1.700 thành viên", "gần 1.700 thành viên", 1700, "1.700", 1.7, 0),
    ],
)  # fmt: skip
def test_figure_matches_on_overlap_and_value(
    text: str,
    anchor: str,
    gold_value: Any,
    predicted_surface: str,
    value: Any,
    expected_matched: int,
) -> None:
    doc = gold(text, figures=[{"anchor": anchor, "nth": 0, "value": gold_value}])
    report = run(doc, text, [row("figures", text, predicted_surface, value=value)])
    assert report.kind("figures").matched == expected_matched


def test_range_given_as_value_max_column() -> None:
    text = "từ 30-40 thành viên"
    doc = gold(text, figures=[{"anchor": "30-40", "nth": 0, "value": {"min": 30, "max": 40}}])
    prediction = row("figures", text, "30-40", value=30, value_max=40)
    assert run(doc, text, [prediction]).kind("figures").matched == 1


# ---------------------------------------------------------------------------------------------
# Overlap

OVERLAP_TEXT = "Năm 2019, toàn tỉnh có 186 hợp tác xã đang hoạt động."


@pytest.mark.parametrize(
    ("predicted_span", "expected_matched"),
    [
        ("186 hợp tác xã", 1),  # exact
        ("186", 1),  # inside
        ("có 186 hợp tác xã đang", 1),  # around
        ("tỉnh có 186", 1),  # straddles the start
        ("xã đang hoạt động", 1),  # straddles the end
        ("tỉnh có ", 0),  # ends where the gold item begins
        (" đang hoạt động", 0),  # begins where the gold item ends
        ("Năm 2019", 0),  # elsewhere
    ],
)
def test_spans_must_overlap(predicted_span: str, expected_matched: int) -> None:
    doc = gold(OVERLAP_TEXT, figures=[{"anchor": "186 hợp tác xã", "nth": 0, "value": 186}])
    report = run(doc, OVERLAP_TEXT, [row("figures", OVERLAP_TEXT, predicted_span, value=186)])
    figures = report.kind("figures")
    assert (figures.matched, figures.predicted, figures.gold) == (expected_matched, 1, 1)
    assert len(report.false_alarms) == 1 - expected_matched


def test_prediction_of_another_kind_never_matches() -> None:
    text = "Năm 2019, toàn tỉnh có 186 hợp tác xã."
    doc = gold(text, figures=[{"anchor": "186 hợp tác xã", "nth": 0, "value": 186}])
    report = run(doc, text, [row("dates", text, "186", value="186")])
    assert report.kind("figures").matched == 0
    assert report.kind("dates").predicted == 1
    assert report.kind("dates").precision == 0.0


# ---------------------------------------------------------------------------------------------
# Legal references

LEGAL_TEXT = (
    "Thực hiện Quyết định 3351/QĐ-UBND ngày 30.11 của UBND tỉnh và Luật Hợp tác xã năm 2012."
)


@pytest.mark.parametrize(
    ("predicted_number", "expected_matched"),
    [
        ("3351/QĐ-UBND", 1),
        ("3351/qđ-ubnd", 1),
        ("3351 / QĐ - UBND", 1),
        ("3352/QĐ-UBND", 0),
        ("3351/QĐ-UB", 0),
        (None, 0),
    ],
)
def test_legal_ref_number_ignores_case_and_spaces(
    predicted_number: str | None, expected_matched: int
) -> None:
    doc = gold(
        LEGAL_TEXT,
        legal_refs=[
            {
                "anchor": "Quyết định 3351/QĐ-UBND",
                "nth": 0,
                "doc_type": "quyet_dinh",
                "number": "3351/QĐ-UBND",
                "date": ["XXXX-11-30", "2020-11-30"],
            }
        ],
    )
    prediction = row("legal_refs", LEGAL_TEXT, "Quyết định 3351/QĐ-UBND", number=predicted_number)
    assert run(doc, LEGAL_TEXT, [prediction]).kind("legal_refs").matched == expected_matched


@pytest.mark.parametrize(
    ("predicted_surface", "predicted_number"),
    [
        ("Luật Hợp tác xã năm 2012", None),
        ("Luật Hợp tác xã", None),
        ("Luật Hợp tác xã năm 2012", "23/2012/QH13"),  # a number does not stop an overlap match
    ],
)
def test_legal_ref_without_number_matches_on_overlap_alone(
    predicted_surface: str, predicted_number: str | None
) -> None:
    doc = gold(
        LEGAL_TEXT,
        legal_refs=[
            {
                "anchor": "Luật Hợp tác xã năm 2012",
                "nth": 0,
                "doc_type": "luat",
                "number": None,
                "date": "2012",
            }
        ],
    )
    prediction = row(
        "legal_refs", LEGAL_TEXT, predicted_surface, number=predicted_number, doc_type="luat"
    )
    assert run(doc, LEGAL_TEXT, [prediction]).kind("legal_refs").matched == 1


# ---------------------------------------------------------------------------------------------
# Targets


@pytest.mark.parametrize(
    ("value", "deadline", "expected_matched"),
    [
        (100, "2025", 1),
        (100.0, " 2025", 1),
        (100, "2030", 0),
        (100, "2025-12-31", 0),  # a day the text never gives is a different deadline
        (100, None, 0),
        (200, "2025", 0),
    ],
)
def test_target_needs_value_and_deadline(
    value: float, deadline: str | None, expected_matched: int
) -> None:
    doc = gold(
        TARGET_TEXT,
        targets=[
            {
                "anchor": "thành lập mới 100 hợp tác xã",
                "nth": 0,
                "value": 100,
                "unit": "hợp tác xã",
                "comparator": "=",
                "deadline": "2025",
                "metric": "hợp tác xã thành lập mới",
            }
        ],
    )
    prediction = row("targets", TARGET_TEXT, "100 hợp tác xã", value=value, deadline=deadline)
    assert run(doc, TARGET_TEXT, [prediction]).kind("targets").matched == expected_matched


# ---------------------------------------------------------------------------------------------
# Optional items

VIEW_TEXT = "Lượt xem: 6,694 lượt xem. Toàn tỉnh có 5 thành viên mới."


def test_prediction_on_optional_item_is_neither_hit_nor_false_alarm() -> None:
    doc = gold(
        VIEW_TEXT,
        figures=[
            {"anchor": "6,694 lượt xem", "nth": 0, "value": 6694, "optional": True},
            {"anchor": "5 thành viên", "nth": 0, "value": 5},
        ],
    )
    rows = [
        row("figures", VIEW_TEXT, "6,694", value=6.694),  # wrong value: still excused
        row("figures", VIEW_TEXT, "5 thành viên", value=5),
    ]
    figures = run(doc, VIEW_TEXT, rows).kind("figures")
    assert (figures.gold, figures.predicted, figures.matched, figures.excused) == (1, 1, 1, 1)
    assert figures.precision == figures.recall == 1.0


def test_missing_optional_item_costs_nothing() -> None:
    doc = gold(
        VIEW_TEXT,
        figures=[
            {"anchor": "6,694 lượt xem", "nth": 0, "value": 6694, "optional": True},
            {"anchor": "5 thành viên", "nth": 0, "value": 5},
        ],
    )
    report = run(doc, VIEW_TEXT, [row("figures", VIEW_TEXT, "5 thành viên", value=5)])
    assert report.kind("figures").recall == 1.0
    assert report.misses == ()


def test_prediction_matching_required_item_is_not_excused_by_an_overlapping_optional_one() -> None:
    text = "Nghị quyết số 13-NQ/TW ngày 18/3/2002"
    doc = gold(
        text,
        dates=[
            {
                "anchor": "Nghị quyết số 13-NQ/TW ngày 18/3/2002",
                "nth": 0,
                "value": "x",
                "optional": True,
            },
            {"anchor": "18/3/2002", "nth": 0, "value": "2002-03-18"},
        ],
    )
    dates = run(doc, text, [row("dates", text, "18/3/2002", value="2002-03-18")]).kind("dates")
    assert (dates.matched, dates.predicted, dates.excused) == (1, 1, 0)


# ---------------------------------------------------------------------------------------------
# Matching: each item at most once, maximum number of pairs

GREEDY_TEXT = "Đến năm 2025 có 100 hợp tác xã và 100 tổ hợp tác."


def test_matching_finds_pairs_a_greedy_pass_would_lose() -> None:
    # The wide prediction overlaps both targets and overlaps the first one most; taking it for
    # the first target (greedy) would leave the second one without a partner.
    doc = gold(
        GREEDY_TEXT,
        targets=[
            {"anchor": "năm 2025 có 100 hợp tác xã", "nth": 0, "value": 100, "deadline": "2025"},
            {"anchor": "100 tổ hợp tác", "nth": 0, "value": 100, "deadline": "2025"},
        ],
    )
    rows = [
        row(
            "targets",
            GREEDY_TEXT,
            "có 100 hợp tác xã và 100 tổ hợp tác",
            value=100,
            deadline="2025",
        ),
        row("targets", GREEDY_TEXT, "2025 có 100", value=100, deadline="2025"),
    ]
    targets = run(doc, GREEDY_TEXT, rows).kind("targets")
    assert (targets.matched, targets.precision, targets.recall) == (2, 1.0, 1.0)


def test_one_prediction_matches_at_most_one_gold_item() -> None:
    text = "Có 15 năm, 15 năm nữa."
    doc = gold(
        text,
        figures=[
            {"anchor": "15 năm", "nth": 0, "value": 15},
            {"anchor": "15 năm", "nth": 1, "value": 15},
        ],
    )
    report = run(doc, text, [row("figures", text, "15 năm, 15 năm", value=15)])
    assert (report.kind("figures").matched, report.kind("figures").recall) == (1, 0.5)
    assert len(report.misses) == 1


def test_duplicate_prediction_is_a_false_alarm() -> None:
    text = "Có 15 năm kinh nghiệm."
    doc = gold(text, figures=[{"anchor": "15 năm", "nth": 0, "value": 15}])
    rows = [row("figures", text, "15 năm", value=15), row("figures", text, "15", value=15)]
    figures = run(doc, text, rows).kind("figures")
    assert (figures.matched, figures.predicted, figures.precision) == (1, 2, 0.5)


@pytest.mark.parametrize(
    ("candidates", "right_count", "size"),
    [
        ([[0, 1], [0]], 2, 2),
        ([[0], [0], [0]], 1, 1),
        ([[0, 1, 2], [0], [1]], 3, 3),
        ([[], [0]], 1, 1),
        ([], 0, 0),
    ],
)
def test_maximum_matching_size(candidates: list[list[int]], right_count: int, size: int) -> None:
    matching = maximum_matching(candidates, right_count)
    assert len(matching) == size
    assert len(set(matching.values())) == size
    assert all(right in candidates[left] for left, right in matching.items())


# ---------------------------------------------------------------------------------------------
# Anchors

NTH_TEXT = "Sau 15 năm thực hiện, 15 năm qua, và 15 năm tới."


@pytest.mark.parametrize(("nth", "start"), [(0, 4), (1, 22), (2, 37)])
def test_anchor_nth_occurrence(nth: int, start: int) -> None:
    doc = gold(NTH_TEXT, figures=[{"anchor": "15 năm", "nth": nth, "value": 15}])
    resolution = resolve_anchors(doc, NTH_TEXT)
    (span,) = resolution.spans
    assert (span.start, span.end) == (start, start + len("15 năm"))
    assert NTH_TEXT[span.start : span.end] == "15 năm"


def test_anchor_is_read_as_nfc() -> None:
    text = unicodedata.normalize("NFC", "Luật Hợp tác xã năm 2012")
    decomposed = unicodedata.normalize("NFD", "Luật Hợp tác xã")
    doc = gold(text, legal_refs=[{"anchor": decomposed, "nth": 0, "number": None}])
    (span,) = resolve_anchors(doc, text).spans
    assert (span.start, span.end) == (0, len("Luật Hợp tác xã"))


@pytest.mark.parametrize(("anchor", "nth", "occurrences"), [("15 năm", 3, 3), ("20 năm", 0, 0)])
def test_unresolvable_anchor_is_reported_and_counted_as_miss(
    anchor: str, nth: int, occurrences: int
) -> None:
    doc = gold(
        NTH_TEXT,
        figures=[
            {"anchor": anchor, "nth": nth, "value": 15},
            {"anchor": "15 năm", "nth": 0, "value": 15},
        ],
    )
    report = run(doc, NTH_TEXT, [row("figures", NTH_TEXT, "15 năm", value=15)])
    (problem,) = report.problems
    assert (problem.anchor, problem.nth, problem.occurrences) == (anchor, nth, occurrences)
    assert anchor in problem.describe()
    assert (report.kind("figures").gold, report.kind("figures").matched) == (2, 1)


# ---------------------------------------------------------------------------------------------
# Documents, partial annotation, published


def test_partially_annotated_document_scores_listed_kinds_only() -> None:
    doc = gold(
        LEGAL_TEXT,
        annotated=["legal_refs"],
        figures=[],
        legal_refs=[{"anchor": "Luật Hợp tác xã năm 2012", "nth": 0, "number": None}],
    )
    rows = [
        row("legal_refs", LEGAL_TEXT, "Luật Hợp tác xã năm 2012", number=None),
        row("figures", LEGAL_TEXT, "3351", value=3351),
        row("dates", LEGAL_TEXT, "năm 2012", value="2012"),
    ]
    report = run(doc, LEGAL_TEXT, rows)
    assert report.kind("legal_refs").matched == 1
    for kind in ("figures", "dates", "targets"):
        assert (report.kind(kind).gold, report.kind(kind).predicted) == (0, 0)
    assert report.false_alarms == ()


@pytest.mark.parametrize(
    ("document_path", "counted"),
    [
        (DOC, True),
        (f"corpus/{DOC}", True),
        (f"/abs/corpus/{DOC}", True),
        (f"corpus/x{DOC}", False),
        ("corpus/other.txt", False),
    ],
)
def test_rows_belong_to_the_gold_document_by_path(document_path: str, counted: bool) -> None:
    text = "Có 15 năm kinh nghiệm."
    doc = gold(text, figures=[{"anchor": "15 năm", "nth": 0, "value": 15}])
    prediction = {**row("figures", text, "15 năm", value=15), "document": document_path}
    report = run(doc, text, [prediction])
    assert report.kind("figures").matched == int(counted)
    assert report.ignored_predictions == int(not counted)


def test_rows_go_to_the_longest_gold_name_they_end_with() -> None:
    text = "Có 15 năm kinh nghiệm."
    nested = parse_gold(
        {"document": "2020/kh.txt", "figures": [{"anchor": "15 năm", "nth": 0, "value": 15}]}
    )
    flat = parse_gold(
        {"document": "kh.txt", "figures": [{"anchor": "15 năm", "nth": 0, "value": 15}]}
    )
    prediction = {**row("figures", text, "15 năm", value=15), "document": "corpus/2020/kh.txt"}
    report = score([nested, flat], [prediction], {"2020/kh.txt": text, "kh.txt": text})
    assert (report.kind("figures").matched, report.kind("figures").gold) == (1, 2)
    (miss,) = report.misses
    assert miss.document == "kh.txt"


def test_rows_of_other_types_are_skipped() -> None:
    text = "Có 15 năm kinh nghiệm."
    doc = gold(text, figures=[])
    report = run(doc, text, [{"type": "document", "document": DOC, "start": 0, "end": 1}])
    assert report.total.predicted == 0


def test_document_missing_from_texts_counts_its_gold_as_missed() -> None:
    doc = gold("", figures=[{"anchor": "15 năm", "nth": 0, "value": 15}])
    report = score([doc], [], {})
    assert (report.kind("figures").gold, report.kind("figures").recall) == (1, 0.0)
    assert "not in the store" in report.problems[0].describe()


@pytest.mark.parametrize(
    ("gold_published", "stored", "agrees"),
    [
        ("2020-06-26", "2020-06-26", True),
        ("2020-06-26", "2020-06-26T08:30:00", True),
        ("2020-06-26", "2020-06-25", False),
        (None, None, True),
        (None, "2019-05-14", False),
        ("2019-05-14", None, False),
    ],
)
def test_published_agreement(gold_published: str | None, stored: str | None, agrees: bool) -> None:
    doc = gold("Ngày 26/06/2020", published=gold_published)
    report = score([doc], [], {DOC: "Ngày 26/06/2020"}, published={DOC: stored})
    (check,) = report.published
    assert check.agrees is agrees
    assert report.to_json()["published"]["agreed"] == int(agrees)


# ---------------------------------------------------------------------------------------------
# Secondary agreement


@pytest.mark.parametrize(
    ("name", "gold_value", "predicted", "expected"),
    [
        ("unit", "hợp tác xã", "hợp tác xã", True),
        ("unit", "hợp tác xã", "Hợp tác  xã", True),
        ("unit", "hợp tác xã", "HTX", False),
        ("unit", "%", "%", True),
        ("unit", None, None, True),
        ("qualifier", "ge", "ge", True),
        ("qualifier", None, "approx", False),
        ("qualifier", None, None, True),
        ("doc_type", "cong_van", "cong_van", True),
        ("doc_type", "cong_van", "quyet_dinh", False),
        ("date", "2019-06-11", "2019-06-11", True),
        ("date", ["XXXX-11-30", "2020-11-30"], "2020-11-30", True),
        ("date", "2012", None, False),
        ("date", None, None, True),
        ("date", None, "2012", False),
        ("metric", "hợp tác xã thành lập mới", "hợp tác xã thành lập mới", True),
        ("metric", "hợp tác xã thành lập mới", "thành lập mới hợp tác xã", True),
        ("metric", "hợp tác xã thành lập mới", "số hợp tác xã được thành lập mới", True),
        ("metric", "hợp tác xã thành lập mới", "hợp tác xã", False),
        ("metric", "tỷ lệ hộ nghèo", "thu nhập bình quân", False),
    ],
)
def test_field_agrees(name: str, gold_value: Any, predicted: Any, expected: bool) -> None:
    assert field_agrees(name, gold_value, predicted) is expected


def test_secondary_agreement_counts_matched_pairs_only() -> None:
    text = "thành lập mới 5 liên hiệp hợp tác xã trở lên và 3 HTX"
    doc = gold(
        text,
        figures=[
            {"anchor": "5 liên hiệp hợp tác xã trở lên", "nth": 0, "value": 5,
             "unit": "liên hiệp hợp tác xã", "qualifier": "ge"},
            {"anchor": "3 HTX", "nth": 0, "value": 3, "unit": "hợp tác xã", "qualifier": None},
        ],
    )  # fmt: skip
    rows = [
        row("figures", text, "5 liên hiệp hợp tác xã trở lên", value=5,
            unit="liên hiệp hợp tác xã", qualifier=None),
        row("figures", text, "3 HTX", value=4, unit="hợp tác xã", qualifier=None),
    ]  # fmt: skip
    report = run(doc, text, rows)
    agreements = {(a.kind, a.name): (a.agreed, a.compared) for a in report.agreements}
    assert agreements[("figures", "unit")] == (1, 1)
    assert agreements[("figures", "qualifier")] == (0, 1)
    (disagreement,) = report.disagreements
    assert (disagreement.name, disagreement.gold, disagreement.predicted) == (
        "qualifier",
        "ge",
        None,
    )


# ---------------------------------------------------------------------------------------------
# Ratios and report


def test_undefined_ratios_are_none() -> None:
    doc = gold("Không có số liệu.", figures=[])
    report = run(doc, "Không có số liệu.", [])
    figures = report.kind("figures")
    assert (figures.precision, figures.recall, figures.f1) == (None, None, None)
    assert report.to_json()["kinds"]["figures"]["f1"] is None


@pytest.mark.parametrize(
    ("gold_count", "predicted", "matched", "precision", "recall", "f1"),
    [
        (4, 4, 4, 1.0, 1.0, 1.0),
        (4, 2, 2, 1.0, 0.5, 2 / 3),
        (4, 8, 2, 0.25, 0.5, 1 / 3),
        (4, 3, 0, 0.0, 0.0, 0.0),
        (4, 0, 0, None, 0.0, 0.0),  # nothing predicted
        (0, 3, 0, 0.0, None, 0.0),  # predictions where gold has none
        (0, 0, 0, None, None, None),
    ],
)
def test_kind_score_ratios(
    gold_count: int,
    predicted: int,
    matched: int,
    precision: float | None,
    recall: float | None,
    f1: float | None,
) -> None:
    kind = KindScore("figures", gold_count, predicted, matched)
    assert (kind.precision, kind.recall) == (precision, recall)
    assert kind.f1 == (None if f1 is None else pytest.approx(f1))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=6).flatmap(
        lambda right_count: st.tuples(
            st.just(right_count),
            st.lists(
                st.lists(st.integers(0, max(right_count - 1, 0)), max_size=right_count, unique=True)
                if right_count
                else st.just([]),
                max_size=6,
            ),
        )
    )
)
def test_maximum_matching_is_as_large_as_brute_force(graph: tuple[int, list[list[int]]]) -> None:
    right_count, candidates = graph

    def best(left: int, used: frozenset[int]) -> int:
        if left == len(candidates):
            return 0
        skip = best(left + 1, used)
        take = [1 + best(left + 1, used | {r}) for r in candidates[left] if r not in used]
        return max([skip, *take])

    matching = maximum_matching(candidates, right_count)
    assert len(matching) == best(0, frozenset())
    assert len(set(matching.values())) == len(matching)
    assert all(right in candidates[left] for left, right in matching.items())


def test_format_report_table_and_verbose_lines() -> None:
    text = "Năm 2019, toàn tỉnh có 186 hợp tác xã và gần 1.700 thành viên."
    doc = gold(
        text,
        figures=[
            {"anchor": "186 hợp tác xã", "nth": 0, "value": 186},
            {"anchor": "gần 1.700 thành viên", "nth": 0, "value": 1700},
        ],
        dates=[{"anchor": "Năm 2019", "nth": 0, "value": "2019"}],
    )
    rows = [
        row("figures", text, "186 hợp tác xã", value=186),
        row("figures", text, "1.700", value=1.7),
        row("dates", text, "2019", value="2019"),
    ]
    report = run(doc, text, rows)
    plain = format_report(report)
    assert plain.splitlines()[2].split() == ["kind", "gold", "pred", "matched", "P", "R", "F1"]
    assert "figures          2     2        1   0.500   0.500   0.500" in plain
    assert "dates            1     1        1   1.000   1.000   1.000" in plain
    assert "misses" not in plain
    verbose = format_report(report, verbose=True)
    assert "'gần 1.700 thành viên'#0 expected 1700 — overlapped: '1.700'=1.7" in verbose
    start = text.index("1.700")
    assert f"figures [{start}:{start + 5}] '1.700' = 1.7 (rule test.rule)" in verbose
    json.dumps(report.to_json(), ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# Loading gold files


def write(folder: Path, name: str, content: str) -> None:
    (folder / name).write_text(content, encoding="utf-8")


def test_load_gold_reads_every_file_in_name_order(tmp_path: Path) -> None:
    write(tmp_path, "b.txt.gold.json", json.dumps({"document": "b.txt", "published": None}))
    write(
        tmp_path,
        "a.txt.gold.json",
        json.dumps(
            {
                "document": "a.txt",
                "published": "2019-05-14",
                "annotated": ["targets"],
                "targets": [{"anchor": "120 HTX", "nth": 0, "value": 120, "deadline": "2030"}],
            }
        ),
    )
    write(tmp_path, "notes.json", "{}")
    docs = load_gold(tmp_path)
    assert [d.document for d in docs] == ["a.txt", "b.txt"]
    assert docs[0].scored_kinds == ("targets",)
    assert docs[0].items[0].get("deadline") == "2030"
    assert docs[1].scored_kinds == ("figures", "dates", "legal_refs", "targets")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"document": "a.txt", ', "a.txt.gold.json: bad JSON at line 1"),
        ("[]", "a.txt.gold.json: top level is not an object"),
        ('{"figures": {}}', 'a.txt.gold.json: "figures" is not a list'),
        ('{"figures": [{"nth": 0, "value": 1}]}', 'figures[0]: "anchor" is missing'),
        ('{"dates": [{"anchor": "2019", "nth": -1, "value": "2019"}]}', 'dates[0]: "nth"'),
        ('{"targets": [{"anchor": "120 HTX", "nth": 0}]}', 'targets[0]: "value" is missing'),
        ('{"annotated": ["figure"]}', '"annotated" must list kinds'),
    ],
)
def test_load_gold_errors_name_file_and_reason(tmp_path: Path, content: str, message: str) -> None:
    write(tmp_path, "a.txt.gold.json", content)
    with pytest.raises(ChitieuError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_gold(tmp_path)


def test_load_gold_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ChitieuError, match="gold folder not found"):
        load_gold(tmp_path / "nowhere")


def test_load_gold_without_gold_files(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Văn bản")
    with pytest.raises(ChitieuError, match=r"no gold files"):
        load_gold(tmp_path)


def test_document_name_defaults_to_gold_file_name(tmp_path: Path) -> None:
    write(tmp_path, "a.txt.gold.json", "{}")
    assert load_gold(tmp_path)[0].document == "a.txt"


# ---------------------------------------------------------------------------------------------
# End to end: the shared seeds through a temporary store

SEED_GOLD = GOLD
SEED_CORPUS = SEEDS
needs_seeds = pytest.mark.skipif(
    not (SEED_GOLD.is_dir() and SEED_CORPUS.is_dir()), reason="shared seed corpus not present"
)


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
    }


@pytest.fixture(scope="module")
def seed_report() -> EvalReport:
    before = _snapshot(SEED_CORPUS)
    report = evaluate(SEED_GOLD, SEED_CORPUS)
    assert _snapshot(SEED_CORPUS) == before  # the corpus is only read
    return report


@needs_seeds
def test_evaluate_seeds_reports_every_kind(seed_report: EvalReport) -> None:
    assert len(seed_report.documents) == 5
    assert [k.kind for k in seed_report.kinds] == ["figures", "dates", "legal_refs", "targets"]
    assert all(k.gold > 0 for k in seed_report.kinds)
    assert seed_report.problems == ()  # every anchor is found in the stored canonical text
    assert seed_report.ingest_errors == ()
    assert len(seed_report.published) == 5
    text = format_report(seed_report, verbose=True)
    for kind in ("figures", "dates", "legal_refs", "targets", "all", "published:"):
        assert kind in text


@needs_seeds
def test_evaluate_without_documents_beside_gold_asks_for_corpus() -> None:
    with pytest.raises(ChitieuError, match=r"documents for 5 gold file\(s\) not found .*--corpus"):
        evaluate(SEED_GOLD)


@needs_seeds
def test_locate_documents_takes_only_gold_documents(tmp_path: Path) -> None:
    for source in SEED_CORPUS.iterdir():
        (tmp_path / "sub").mkdir(exist_ok=True)
        shutil.copy(source, tmp_path / "sub" / source.name)
    write(tmp_path / "sub", "extra.txt", "Văn bản không có gold.")
    found = locate_documents(load_gold(SEED_GOLD), tmp_path)
    assert sorted(found) == sorted(p.name for p in SEED_CORPUS.iterdir())
    assert all(path.parent == tmp_path / "sub" for path in found.values())


@needs_seeds
def test_cli_eval_with_documents_beside_gold(tmp_path: Path) -> None:
    name = "000_595f9fad5b9cea4c.txt"
    shutil.copy(SEED_CORPUS / name, tmp_path / name)
    shutil.copy(SEED_GOLD / f"{name}.gold.json", tmp_path / f"{name}.gold.json")
    runner = CliRunner()
    result = runner.invoke(main, ["eval", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    numbers = json.loads(result.output)
    assert numbers["documents"] == [name]
    assert set(numbers["kinds"]) == {"figures", "dates", "legal_refs", "targets"}
    assert numbers["kinds"]["targets"]["gold"] == 10
    table = runner.invoke(main, ["eval", str(tmp_path), "--verbose"])
    assert table.exit_code == 0
    assert "misses (" in table.output and "false alarms (" in table.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["eval", "/no/such/gold"], "Error: gold folder not found"),
        (["eval", str(SEED_GOLD)], "not found in"),
        (["eval", str(SEED_GOLD), "--corpus", "/no/such/corpus"], "corpus folder not found"),
    ],
)
@needs_seeds
def test_cli_eval_user_errors_are_one_line(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code != 0
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
