"""Targets and actuals from real Vietnamese official phrasing (one phrase per case)."""

from __future__ import annotations

import pytest

from extractors.dates import extract_dates
from extractors.figures import extract_figures
from extractors.scope import detect_scope, places, scope_in
from extractors.targets import extract_targets
from pipeline.models import Figure, Target


def run(text: str, ref_date: str | None = None) -> tuple[list[Target], list[Figure]]:
    """The whole chain a document goes through: dates, figures, then targets."""
    dates = extract_dates(text, ref_date)
    figures = extract_figures(text, [(d.start, d.end) for d in dates])
    return extract_targets(text, figures, dates, ref_date)


def target_at(targets: list[Target], text: str, anchor: str) -> Target | None:
    start = text.index(anchor)
    end = start + len(anchor)
    return next((t for t in targets if t.start < end and start < t.end), None)


# (phrase, figure anchor, value, comparator, deadline)
TARGET_CASES = [
    (
        "Phấn đấu đến năm 2025 hỗ trợ thành lập mới 100 hợp tác xã.",
        "100 hợp tác xã",
        100,
        "=",
        "2025",
    ),
    (
        "Đến năm 2030, hỗ trợ thành lập mới 120 hợp tác xã, 250 tổ hợp tác.",
        "250 tổ hợp tác",
        250,
        "=",
        "2030",
    ),
    (
        "Mục tiêu đến năm 2030, tỷ lệ hợp tác xã hoạt động khá, giỏi đạt 50%.",
        "50%",
        50,
        "=",
        "2030",
    ),
    ("Phấn đấu đến năm 2025, số hợp tác xã yếu kém giảm dưới 10%.", "dưới 10%", 10, "<", "2025"),
    (
        "Phấn đấu đến năm 2025 số hợp tác xã hoạt động hiệu quả đạt trên 45%.",
        "trên 45%",
        45,
        ">",
        "2025",
    ),
    (
        "Từ nay đến năm 2030, ít nhất 65% đội ngũ cán bộ chủ chốt các HTX được đào tạo.",
        "ít nhất 65%",
        65,
        ">=",
        "2030",
    ),
    (
        "Phấn đấu đến năm 2025, tối thiểu 90% người dân hài lòng về thủ tục hành chính.",
        "tối thiểu 90%",
        90,
        ">=",
        "2025",
    ),
    ("Chỉ tiêu tăng trưởng GRDP bình quân 8%/năm giai đoạn 2021-2025.", "8%", 8, "=", "2025"),
    (
        "Đại hội đề ra mục tiêu tốc độ tăng trưởng kinh tế bình quân 10,2%/năm nhiệm kỳ 2025-2030.",
        "10,2%",
        10.2,
        "=",
        "2030",
    ),
    (
        "Mục tiêu của tỉnh đến năm 2020 sẽ có 50 xã được công nhận đạt chuẩn nông thôn mới.",
        "50 xã",
        50,
        "=",
        "2020",
    ),
    (
        "Mục tiêu của chương trình OCOP là đến năm 2020 sẽ có 2.400 sản phẩm tiêu biểu.",
        "2.400 sản phẩm",
        2400,
        "=",
        "2020",
    ),
    ("Phấn đấu đến năm 2030, tỷ lệ hộ nghèo giảm còn dưới 1%.", "dưới 1%", 1, "<", "2030"),
    ("Đến năm 2030, kinh tế số chiếm tỷ trọng 45% GRDP của tỉnh.", "45%", 45, "=", "2030"),
    (
        "Mục tiêu đến năm 2025 thu hút 3 triệu lượt khách du lịch.",
        "3 triệu lượt khách",
        3000000,
        "=",
        "2025",
    ),
    (
        "Phấn đấu kim ngạch xuất khẩu đến năm 2030 đạt 400 triệu USD.",
        "400 triệu USD",
        400000000,
        "=",
        "2030",
    ),
    ("Đến năm 2030, phấn đấu 100% hồ sơ thủ tục hành chính được số hóa.", "100%", 100, "=", "2030"),
    ("Phấn đấu tỷ lệ bao phủ bảo hiểm y tế đến năm 2030 đạt 97% trở lên.", "97%", 97, ">=", "2030"),
    (
        "Chỉ tiêu năm 2021: thu ngân sách nhà nước được giao là 3.800 tỷ đồng.",
        "3.800 tỷ đồng",
        3800000000000,
        "=",
        "2021",
    ),
    ("Kế hoạch năm 2026, phấn đấu trồng mới 500 ha rừng.", "500 ha", 500, "=", "2026"),
    (
        "Mục tiêu đến hết năm 2030 có 60% doanh nghiệp nhỏ và vừa ứng dụng công nghệ số.",
        "60%",
        60,
        "=",
        "2030",
    ),
    (
        "Phấn đấu hoàn thành 9/9 tiêu chí nông thôn mới nâng cao vào năm 2025.",
        "9/9",
        9,
        "=",
        "2025",
    ),
    (
        "Tỷ lệ hồ sơ giải quyết trực tuyến đạt từ 50% trở lên vào năm 2025, theo mục tiêu của Chương trình.",
        "50%",
        50,
        ">=",
        "2025",
    ),
    (
        "Phấn đấu đến năm 2025 có khoảng 25% dân số sử dụng dịch vụ số.",
        "khoảng 25%",
        25,
        "=",
        "2025",
    ),
    (
        "Mục tiêu giai đoạn 2026 - 2030: giảm tỷ suất tử vong mẹ xuống dưới 30 ca.",
        "dưới 30 ca",
        30,
        "<",
        "2030",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "value", "comparator", "deadline"), TARGET_CASES)
def test_target_value_comparator_deadline(text, anchor, value, comparator, deadline):
    targets, _ = run(text)
    target = target_at(targets, text, anchor)
    assert target is not None, [t.text for t in targets]
    assert target.value == value
    assert target.comparator == comparator
    assert target.deadline == deadline
    assert text[target.start : target.end] == target.text


# (phrase, figure anchor, expected metric)
METRIC_CASES = [
    (
        "Phấn đấu đến năm 2025 hỗ trợ thành lập mới 100 hợp tác xã.",
        "100 hợp tác xã",
        "hợp tác xã thành lập mới",
    ),
    (
        "Đến năm 2030, thành lập mới 120 HTX, 250 THT và 8 liên hiệp HTX.",
        "250 THT",
        "tổ hợp tác thành lập mới",
    ),
    (
        "Đến năm 2030, thành lập mới 120 HTX, 250 THT và 8 liên hiệp HTX.",
        "8 liên hiệp HTX",
        "liên hiệp hợp tác xã thành lập mới",
    ),
    (
        "Phấn đấu đến năm 2025, số hợp tác xã yếu kém giảm dưới 10%.",
        "dưới 10%",
        "tỷ lệ hợp tác xã yếu kém",
    ),
    (
        "Từ nay đến năm 2030, 50% số HTX hoạt động khá, giỏi.",
        "50%",
        "tỷ lệ hợp tác xã hoạt động khá, giỏi",
    ),
    (
        "Từ nay đến năm 2030, 100 HTX được vay vốn từ Quỹ Hỗ trợ phát triển HTX.",
        "100 HTX",
        "hợp tác xã được vay vốn từ Quỹ Hỗ trợ phát triển hợp tác xã",
    ),
    (
        "Mục tiêu đến năm 2030, tỷ lệ hợp tác xã hoạt động khá, giỏi đạt 50%.",
        "50%",
        "tỷ lệ hợp tác xã hoạt động khá, giỏi",
    ),
    ("Phấn đấu đến năm 2030, tỷ lệ hộ nghèo giảm còn dưới 1%.", "dưới 1%", "tỷ lệ hộ nghèo"),
]


@pytest.mark.parametrize(("text", "anchor", "metric"), METRIC_CASES)
def test_target_metric(text, anchor, metric):
    targets, _ = run(text)
    target = target_at(targets, text, anchor)
    assert target is not None
    assert target.metric == metric


def test_list_distributes_deadline_and_verb_and_last_tro_len():
    text = "Từ nay đến năm 2030, hỗ trợ thành lập mới 120 HTX, 250 THT, 8 liên hiệp HTX trở lên."
    targets, _ = run(text)
    assert [(t.value, t.deadline, t.comparator) for t in targets] == [
        (120, "2030", "="),
        (250, "2030", "="),
        (8, "2030", ">="),
    ]
    assert all(t.metric.endswith("thành lập mới") for t in targets)
    assert targets[0].text == "thành lập mới 120 HTX"


# A figure describing the past or present is not a target, even inside a plan.
NOT_TARGET_CASES = [
    (
        "Tính đến hết năm 2018, toàn tỉnh có 1.810 THT với 19.510 thành viên.",
        "1.810 THT",
        "2019-05-14",
    ),
    ("Năm 2024, tỷ lệ hộ nghèo đạt 95% kế hoạch.", "95%", "2025-11-20"),
    ("Liên minh HTX tỉnh đã hướng dẫn thành lập mới 20 HTX.", "20 HTX", None),
    ("Tính đến hết năm 2018, toàn tỉnh có 220 HTX, tăng 128 HTX so với năm 2003.", "128 HTX", None),
    ("Toàn tỉnh hiện có 448 HTX với 455.523 thành viên.", "448 HTX", "2020-06-26"),
    ("Mức hỗ trợ tối đa 50 triệu đồng/hợp tác xã.", "50 triệu đồng", None),
    (
        "Kinh phí thực hiện Kế hoạch là 500 triệu đồng từ nguồn ngân sách tỉnh.",
        "500 triệu đồng",
        None,
    ),
    (
        "Qua 15 năm thực hiện Nghị quyết, kinh tế tập thể đã có chuyển biến tích cực.",
        "15 năm",
        None,
    ),
    (
        "Năm 2020, tốc độ tăng trưởng GRDP trên địa bàn tăng 4,44%, đứng thứ 17 cả nước.",
        "4,44%",
        "2021-01-10",
    ),
    ("Hải quan Lạng Sơn đã thu đạt 4.290,3 tỷ đồng, bằng 126% dự toán.", "4.290,3 tỷ đồng", None),
    (
        "Đến hết năm 2019, toàn tỉnh có 186 hợp tác xã, với gần 1.700 thành viên.",
        "186 hợp tác xã",
        None,
    ),
    (
        "Tính đến giữa tháng 2 năm nay, huyện đã đạt được 5/9 tiêu chí huyện nông thôn mới nâng cao.",
        "5/9",
        "2025-03-01",
    ),
    ("Phấn đấu đến năm 2020 đạt 50% xã chuẩn nông thôn mới.", "50%", "2021-06-01"),
    (
        "Doanh thu bình quân của 1 HTX đạt 900 triệu đồng, tăng gấp 3 lần so với năm 2003.",
        "gấp 3 lần",
        None,
    ),
]


@pytest.mark.parametrize(("text", "anchor", "ref_date"), NOT_TARGET_CASES)
def test_not_a_target(text, anchor, ref_date):
    targets, _ = run(text, ref_date)
    assert target_at(targets, text, anchor) is None


# (phrase, figure anchor, document date, expected as_of)
AS_OF_CASES = [
    (
        "Tính đến hết năm 2018, toàn tỉnh có 1.810 THT với 19.510 thành viên.",
        "1.810 THT",
        "2019-05-14",
        "2018",
    ),
    (
        "Tính đến hết năm 2018, toàn tỉnh có 1.810 THT với 19.510 thành viên.",
        "19.510 thành viên",
        "2019-05-14",
        "2018",
    ),
    (
        "Đến hết năm 2019, toàn tỉnh có 186 hợp tác xã, với gần 1.700 thành viên.",
        "186 hợp tác xã",
        None,
        "2019",
    ),
    (
        "Toàn tỉnh hiện có 1 liên hiệp HTX, 448 HTX với 455.523 thành viên.",
        "448 HTX",
        "2020-06-26",
        "2020-06-26",
    ),
    (
        "6 tháng đầu năm 2020, Liên minh HTX tỉnh đã hướng dẫn thành lập mới 1 HTX.",
        "1 HTX",
        "2020-06-26",
        "2020-01/2020-06",
    ),
    ("Năm 2024, tỷ lệ hộ nghèo toàn tỉnh còn 1,2%.", "1,2%", "2025-11-20", "2024"),
    (
        "Hết năm 2018, toàn tỉnh có 220 HTX, tổng số vốn điều lệ là 274 tỷ đồng.",
        "274 tỷ đồng",
        "2019-05-14",
        "2018",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "ref_date", "as_of"), AS_OF_CASES)
def test_actual_as_of(text, anchor, ref_date, as_of):
    targets, figures = run(text, ref_date)
    start = text.index(anchor)
    figure = next(
        f for f in figures if f.start <= start < f.end or start <= f.start < start + len(anchor)
    )
    assert figure.as_of == as_of
    assert target_at(targets, text, anchor) is None


# Change figures compare with the past; they get no as_of.
@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        (
            "Tính đến hết năm 2018, toàn tỉnh có 1.810 THT, tăng 4.377 thành viên so với năm 2003.",
            "4.377 thành viên",
        ),
        ("Hết năm 2018, toàn tỉnh có 220 HTX, tăng 128 HTX so với năm 2003.", "128 HTX"),
    ],
)
def test_change_figure_has_no_as_of(text, anchor):
    _, figures = run(text, "2019-05-14")
    start = text.index(anchor)
    figure = next(f for f in figures if f.start <= start < f.end)
    assert figure.as_of is None


def test_offsets_never_move():
    text = "Tính đến hết năm 2018, toàn tỉnh có 1.810 THT. Đến năm 2030, thành lập mới 120 HTX."
    dates = extract_dates(text, "2019-05-14")
    figures = extract_figures(text, [(d.start, d.end) for d in dates])
    targets, out = extract_targets(text, figures, dates, "2019-05-14")
    assert [(f.start, f.end, f.text) for f in out] == [(f.start, f.end, f.text) for f in figures]
    for target in targets:
        assert text[target.start : target.end] == target.text
        assert target.start <= target.figure_start < target.figure_end <= target.end


# Deadlines from section headings.
HEADING_CASES = [
    (
        "**II. MỤC TIÊU ĐẾN NĂM 2030**\n\n1. Tỷ lệ xã đạt chuẩn nông thôn mới đạt 80%.",
        "80%",
        "2030",
    ),
    (
        "**II. MỤC TIÊU, CHỈ TIÊU GIAI ĐOẠN 2026-2030**\n\na) Có 70% doanh nghiệp ứng dụng công nghệ số.",
        "70%",
        "2030",
    ),
    (
        "**1. Mục tiêu cụ thể**\n\na) Đến hết năm 2025: Có ≥ 30% DNNVV ứng dụng công nghệ số.",
        "30%",
        "2025",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "deadline"), HEADING_CASES)
def test_heading_gives_goal_and_deadline(text, anchor, deadline):
    targets, _ = run(text, "2025-11-20")
    target = target_at(targets, text, anchor)
    assert target is not None
    assert target.deadline == deadline


def test_heading_goal_ends_at_next_section():
    text = (
        "**II. MỤC TIÊU ĐẾN NĂM 2030**\n\n1. Tỷ lệ xã đạt chuẩn đạt 80%.\n\n"
        "**III. KINH PHÍ THỰC HIỆN**\n\n1. Ngân sách tỉnh bố trí 20% kinh phí."
    )
    targets, _ = run(text, "2025-11-20")
    assert [t.value for t in targets] == [80]


TABLE = """**PHỤ LỤC 01**

**CHỈ TIÊU PHÁT TRIỂN VÙNG NGUYÊN LIỆU GIAI ĐOẠN 2026 - 2030**

|
**TT**
|
**Chỉ tiêu**
|
**ĐVT**
|
**ƯTH Năm 2025**
|
**Năm 2026**
|
**Năm 2027**
|
**Năm 2028**
|
|
1
|
Diện tích cà phê
|
Ha
|
26.120
|
27.000
|
27.500
|
28.000
|
"""


@pytest.mark.parametrize(
    ("anchor", "deadline"), [("27.000", "2026"), ("27.500", "2027"), ("28.000", "2028")]
)
def test_table_year_columns_give_deadlines(anchor, deadline):
    targets, _ = run(TABLE, "2025-11-20")
    target = target_at(targets, TABLE, anchor)
    assert target is not None
    assert target.deadline == deadline
    assert target.metric == "diện tích cà phê"
    assert target.unit == "ha"


def test_table_estimate_column_is_an_actual():
    targets, figures = run(TABLE, "2025-11-20")
    assert target_at(targets, TABLE, "26.120") is None
    figure = next(f for f in figures if f.text == "26.120")
    assert figure.as_of == "2025"


def test_markdown_table_row_years():
    text = "**1. Mục tiêu cụ thể**\n\n| Chỉ tiêu | ĐVT | Năm 2026 | Năm 2027 |\n|---|---|---|---|\n| Tỷ lệ che phủ rừng | % | 45,2 | 46,0 |\n"
    targets, _ = run(text, "2025-11-20")
    assert [(t.value, t.deadline, t.metric) for t in targets] == [
        (45.2, "2026", "tỷ lệ che phủ rừng"),
        (46.0, "2027", "tỷ lệ che phủ rừng"),
    ]


def test_hand_built_figures():
    text = "Phấn đấu đến năm 2025 hỗ trợ thành lập mới 100 hợp tác xã, 200 tổ hợp tác."
    a = text.index("100 hợp tác xã")
    b = text.index("200 tổ hợp tác")
    figures = [
        Figure(a, a + 14, "100 hợp tác xã", 100.0, "hợp tác xã", "count", "hand"),
        Figure(b, b + 14, "200 tổ hợp tác", 200.0, "tổ hợp tác", "count", "hand"),
    ]
    targets, out = extract_targets(text, figures, (), None)
    assert [(t.value, t.deadline, t.metric) for t in targets] == [
        (100, "2025", "hợp tác xã thành lập mới"),
        (200, "2025", "tổ hợp tác thành lập mới"),
    ]
    assert out == figures


# Scope: the province a document speaks for.
SCOPE_CASES = [
    ("LSO-Chiều nay (14/5), Tỉnh uỷ Lạng Sơn tổ chức hội nghị tổng kết.", "tỉnh Lạng Sơn"),
    ("UBND tỉnh Bình Định vừa ban hành kế hoạch phát triển hợp tác xã.", "tỉnh Bình Định"),
    ("UBND TP.HCM đã phê duyệt Chương trình chuyển đổi số của TPHCM.", "thành phố Hồ Chí Minh"),
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n\nKẾ HOẠCH chuyển đổi số.", "tỉnh Đồng Tháp"),
    ("Hội đồng nhân dân thành phố Huế ban hành Nghị quyết.", "thành phố Huế"),
    ("Cả nước hiện có 26.112 HTX, thu hút 6,1 triệu thành viên.", "toàn quốc"),
    ("Ủy ban nhân dân tỉnh Thừa Thiên Huế chỉ đạo các sở.", "tỉnh Thừa Thiên Huế"),
    ("Tuyên truyền, vận động nhân dân tham gia hợp tác xã.", None),
]


@pytest.mark.parametrize(("text", "scope"), SCOPE_CASES)
def test_detect_scope(text, scope):
    assert detect_scope(text) == scope


def test_place_table_has_63_before_and_34_after_2025():
    table = places()
    assert sum(p.era in ("both", "2024") for p in table) == 63
    assert sum(p.era in ("both", "2025") for p in table) == 34
    merged = {p.merged_into for p in table if p.merged_into}
    assert merged <= {p.name for p in table if p.era in ("both", "2025")}


def test_sentence_scope_overrides_document():
    assert scope_in("Cả nước phấn đấu đến năm 2030 có 45.000 HTX.") == "toàn quốc"
    assert scope_in("Tỉnh Sơn La phấn đấu đến năm 2030.") == "tỉnh Sơn La"


def test_target_scope_from_document():
    text = "UBND tỉnh Lạng Sơn chỉ đạo. Phấn đấu đến năm 2025 hỗ trợ thành lập mới 100 hợp tác xã."
    targets, _ = run(text)
    assert targets[0].scope == "tỉnh Lạng Sơn"


# Report sentences that name a goal, or explain a word with one, set no target.
@pytest.mark.parametrize(
    ("text", "anchor", "ref_date"),
    [
        (
            "Hải quan đã thu đạt 4.290,3 tỷ đồng, bằng 112,1% chỉ tiêu phấn đấu (3.800 tỷ đồng).",
            "3.800 tỷ đồng",
            None,
        ),
        (
            "Hải quan đã thu đạt 4.290,3 tỷ đồng, bằng 112,1% chỉ tiêu phấn đấu (3.800 tỷ đồng).",
            "112,1%",
            None,
        ),
        (
            "Giá trị sản xuất quý I đạt 655,44 tỷ đồng, đạt 16,97% kế hoạch năm 2025.",
            "16,97%",
            "2025-04-10",
        ),
        (
            "Tốc độ tăng trưởng GRDP (chỉ tiêu tổng sản phẩm trên địa bàn) tăng 4,44%.",
            "4,44%",
            None,
        ),
        (
            "Phấn đấu thu ngân sách năm 2025 đạt 5.000 tỷ đồng, tăng 15,8% so với cùng kỳ.",
            "15,8%",
            "2025-06-30",
        ),
    ],
)
def test_report_naming_a_goal_is_not_a_target(text, anchor, ref_date):
    targets, _ = run(text, ref_date)
    assert target_at(targets, text, anchor) is None


@pytest.mark.parametrize(
    ("text", "anchor", "value", "deadline"),
    [
        (
            "Năm 2024 đã đạt 90%, phấn đấu đến năm 2026 đạt 95% số xã có nhà văn hóa.",
            "95%",
            95,
            "2026",
        ),
        ("Phấn đấu đến năm 2030, tỷ lệ lao động đã qua đào tạo đạt 75%.", "75%", 75, "2030"),
        (
            "Phấn đấu thu ngân sách năm 2025 đạt 5.000 tỷ đồng, tăng 15,8% so với cùng kỳ.",
            "5.000 tỷ đồng",
            5e12,
            "2025",
        ),
    ],
)
def test_goal_clause_after_a_report(text, anchor, value, deadline):
    targets, _ = run(text, "2025-06-30")
    target = target_at(targets, text, anchor)
    assert target is not None
    assert (target.value, target.deadline) == (value, deadline)


def test_budget_table_years_are_not_targets():
    text = TABLE.replace(
        "**CHỈ TIÊU PHÁT TRIỂN VÙNG NGUYÊN LIỆU GIAI ĐOẠN 2026 - 2030**",
        "**DỰ TOÁN THU NGÂN SÁCH NHÀ NƯỚC NĂM 2026 - 2028**",
    )
    targets, _ = run(text, "2025-11-20")
    assert targets == []


# --- goal series: a lead or a goal sentence carries over to the next items -------------------

# (text, figure anchor, value, deadline, rule)
SERIES_CASES = [
    (
        "Cụ thể, đến năm 2027:\n\n- 85% hồ sơ thủ tục hành chính được giải quyết trực tuyến;\n\n"
        "- 70% doanh nghiệp sử dụng hóa đơn điện tử.",
        "70% doanh nghiệp",
        70,
        "2027",
    ),
    (
        "Mục tiêu cụ thể đến năm 2028:\n\nTỷ lệ chất thải rắn sinh hoạt được thu gom đạt 98%;",
        "98%",
        98,
        "2028",
    ),
    (
        "Phấn đấu đến năm 2026, tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng giảm còn 8%. "
        "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95%.",
        "95%",
        95,
        "2026",
    ),
    (
        "Đến năm 2030, 100% trạm y tế xã có bác sĩ làm việc.\n\n"
        "Đồng thời, 90% dân số được quản lý sức khỏe bằng hồ sơ điện tử.",
        "90% dân số",
        90,
        "2030",
    ),
    (
        "Phấn đấu đến năm 2027, 100% dịch vụ công đủ điều kiện được cung cấp trực tuyến toàn trình."
        "\n\nTỷ lệ hồ sơ được số hóa kết quả giải quyết đạt từ 80% trở lên; 60% người dân có "
        "tài khoản định danh điện tử mức độ 2.",
        "60% người dân",
        60,
        "2027",
    ),
    (
        "Phấn đấu đến năm 2026, tỷ lệ doanh nghiệp ứng dụng thương mại điện tử đạt 50%. "
        "Số doanh nghiệp thành lập mới đạt 1.200 doanh nghiệp.",
        "1.200 doanh nghiệp",
        1200,
        "2026",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "value", "deadline"), SERIES_CASES)
def test_goal_series_continues(text, anchor, value, deadline):
    targets, _ = run(text, "2025-03-15")
    target = target_at(targets, text, anchor)
    assert target is not None
    assert (target.value, target.deadline) == (value, deadline)


# A series ends at a report, a reported speech, a sentence without figures, a dated sentence.
SERIES_END_CASES = [
    (
        "Phấn đấu đến năm 2026 có 300 hợp tác xã. Ông Nguyễn Văn An cho biết, 40% hợp tác xã "
        "đang hoạt động hiệu quả.",
        "40%",
    ),
    (
        "Phấn đấu năm 2026 tỷ lệ hộ nghèo giảm còn 2%.\n\nNăm 2024, tỷ lệ hộ nghèo toàn tỉnh là "
        "3,2%.",
        "3,2%",
    ),
    ("Phấn đấu đến năm 2026 có 300 hợp tác xã. Hiện toàn tỉnh có 210 hợp tác xã.", "210"),
    (
        "Mục tiêu đến năm 2030 có 500 sản phẩm OCOP đạt 3 sao trở lên.\n\n"
        "Hội nghị có 120 đại biểu tham dự.",
        "120 đại biểu",
    ),
    (
        "Phấn đấu đến năm 2026, tỷ lệ che phủ rừng đạt 52%. Hội nghị diễn ra trong không khí "
        "dân chủ. Tỷ lệ hộ dùng nước sạch đạt 80%.",
        "80%",
    ),
    (
        "Phấn đấu đến năm 2026, tỷ lệ che phủ rừng đạt 52%. Toàn tỉnh đã trồng mới 1.200 ha "
        "rừng tập trung.",
        "1.200 ha",
    ),
]


@pytest.mark.parametrize(("text", "anchor"), SERIES_END_CASES)
def test_goal_series_ends(text, anchor):
    targets, _ = run(text, "2025-03-15")
    assert target_at(targets, text, anchor) is None


# --- reports, forecasts and comparisons are not goals ----------------------------------------

REPORT_CASES = [
    ("Dự báo, đến cuối năm 2025, GRDP của tỉnh chỉ tăng trưởng 4,2%.", "4,2%", None),
    ("Năm nay, kim ngạch xuất khẩu của tỉnh chỉ đạt 85% kế hoạch.", "85%", "2025-11-02"),
    (
        "9 tháng đầu năm, xuất khẩu ước đạt 1,5 tỷ USD, tăng 12% so với cùng kỳ năm 2024.",
        "12%",
        "2025-10-01",
    ),
    (
        "9 tháng đầu năm, xuất khẩu ước đạt 1,5 tỷ USD, tăng 12% so với cùng kỳ năm 2024.",
        "1,5 tỷ USD",
        "2025-10-01",
    ),
    ("Cả năm, tỉnh chỉ tăng trưởng 3,1% do ảnh hưởng của bão.", "3,1%", "2025-12-20"),
]


@pytest.mark.parametrize(("text", "anchor", "ref_date"), REPORT_CASES)
def test_reports_and_forecasts_are_not_targets(text, anchor, ref_date):
    targets, _ = run(text, ref_date)
    assert target_at(targets, text, anchor) is None


# (text, figure anchor, document date, deadline)
DEADLINE_CASES = [
    (
        "Huyện phấn đấu hoàn thành 19/19 tiêu chí vào quý III/2026.",
        "19/19",
        None,
        "2026-07/2026-09",
    ),
    ("Phấn đấu xây dựng mới 40 nhà văn hóa thôn trước quý IV/2026.", "40", None, "2026-10/2026-12"),
    ("Phấn đấu tổng thu ngân sách tăng 10% so với năm 2024.", "10%", "2025-01-10", None),
    (
        "Phấn đấu năm 2026 kim ngạch xuất khẩu tăng 8% so với năm 2025.",
        "8%",
        "2025-12-01",
        "2026",
    ),
    (
        "Triển khai Kế hoạch giai đoạn 2025 - 2030, phấn đấu xây dựng 30% thôn kiểu mẫu ngay "
        "trong năm 2026; đến năm 2030 đạt 100%.",
        "30%",
        "2025-05-01",
        "2026",
    ),
    (
        "Đại hội đã đề ra 15 chỉ tiêu chủ yếu, trong đó tỷ lệ hộ nghèo giảm bình quân 1,5%/năm.",
        "1,5%",
        "2025-08-20",
        None,
    ),
    (
        "Hội đồng nhân dân tỉnh đã thông qua mục tiêu đến năm 2030 tỷ lệ đô thị hóa đạt 45%.",
        "45%",
        "2025-07-01",
        "2030",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "ref_date", "deadline"), DEADLINE_CASES)
def test_target_deadline(text, anchor, ref_date, deadline):
    targets, _ = run(text, ref_date)
    target = target_at(targets, text, anchor)
    assert target is not None
    assert target.deadline == deadline


@pytest.mark.parametrize(
    ("opening", "deadline"),
    [
        ("Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025 – 2030 thành công tốt đẹp", "2030"),
        ("Kế hoạch phát triển nông nghiệp giai đoạn 2026-2030", "2030"),
        ("Hội nghị sơ kết công tác 6 tháng đầu năm", None),
    ],
)
def test_document_term_gives_the_deadline(opening, deadline):
    text = (
        f"{opening}\n\nĐại hội đã đề ra 18 chỉ tiêu, trong đó tốc độ tăng trưởng kinh tế "
        "bình quân 9,5%/năm."
    )
    targets, _ = run(text, "2025-08-11")
    target = target_at(targets, text, "9,5%")
    assert target is not None
    assert target.deadline == deadline


# --- as_of of actuals ---------------------------------------------------------------------------

# (text, figure anchor, document date, as_of)
AS_OF_MORE_CASES = [
    (
        "Quý I/2025, giá trị sản xuất nông nghiệp ước đạt 820 tỷ đồng.",
        "820 tỷ đồng",
        "2025-04-20",
        "2025-01/2025-03",
    ),
    (
        "Đến ngày 30/9/2025, toàn tỉnh có 312 hợp tác xã đang hoạt động.",
        "312 hợp tác xã",
        "2025-10-05",
        "2025-09-30",
    ),
    ("Tháng 8/2025, toàn huyện có 46 hợp tác xã.", "46 hợp tác xã", "2025-09-01", "2025-08"),
    (
        "Hiện nay, toàn tỉnh có 12 khu công nghiệp.",
        "12 khu công nghiệp",
        "2025-06-02",
        "2025-06-02",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "ref_date", "as_of"), AS_OF_MORE_CASES)
def test_actual_as_of_opening_dates(text, anchor, ref_date, as_of):
    targets, figures = run(text, ref_date)
    start = text.index(anchor)
    figure = next(f for f in figures if f.start <= start < f.end)
    assert figure.as_of == as_of
    assert target_at(targets, text, anchor) is None


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("Phấn đấu đến năm 2030, tỷ lệ hộ nghèo giảm bình quân 1-1,5%/năm.", "1-1,5%"),
        ("Đến năm 2030, tỷ lệ đô thị hóa đạt 50%.", "50%"),
    ],
)
def test_a_target_figure_has_no_as_of(text, anchor):
    targets, figures = run(text, "2025-05-01")
    assert target_at(targets, text, anchor) is not None
    start = text.index(anchor)
    assert next(f for f in figures if f.start <= start < f.end).as_of is None


# --- metrics and spans --------------------------------------------------------------------------

METRIC_MORE_CASES = [
    (
        "Phấn đấu đến năm 2030, tỷ lệ hộ nghèo giảm bình quân 1-1,5%/năm.",
        "1-1,5%",
        "tỷ lệ hộ nghèo",
    ),
    (
        "Ngoài ra, Hội nghị cũng thống nhất điều chỉnh thu nhập bình quân đầu người đến năm 2030 "
        "đạt 120 triệu đồng.",
        "120 triệu",
        "thu nhập bình quân đầu người",
    ),
    (
        "Đến năm 2027, GRDP bình quân đầu người đạt 5.000 USD/người, đến năm 2030 đạt "
        "7.500 USD/người.",
        "7.500",
        "GRDP bình quân đầu người",
    ),
    ("Phấn đấu tăng trưởng GRDP năm 2026 đạt từ 8% trở lên.", "8%", "tăng trưởng GRDP"),
    (
        "Đến năm 2030, bảo đảm ít nhất 60% xã, phường không có tội phạm ma túy.",
        "60%",
        "tỷ lệ xã, phường không có tội phạm ma túy",
    ),
    (
        "Đến năm 2030, tỷ lệ lao động qua đào tạo 80% trở lên; tỷ lệ bao phủ bảo hiểm xã hội "
        "60% trở lên.",
        "60%",
        "tỷ lệ bao phủ bảo hiểm xã hội",
    ),
    (
        "Đến năm 2030, thu nhập bình quân đạt 75 triệu đồng/năm và tỷ lệ hộ nghèo (theo chuẩn "
        "giai đoạn 2026-2030) còn 2%.",
        "2%",
        "tỷ lệ hộ nghèo",
    ),
    (
        "Phấn đấu đến năm 2027, 90% người dân và doanh nghiệp hài lòng về giải quyết thủ tục "
        "hành chính.",
        "90%",
        "tỷ lệ người dân và doanh nghiệp hài lòng về giải quyết thủ tục hành chính",
    ),
    (
        "Hàng năm, số vụ án ma túy được phát hiện tăng trên 5%, phấn đấu đến năm 2030.",
        "5%",
        "số vụ án ma túy được phát hiện",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "metric"), METRIC_MORE_CASES)
def test_target_metric_in_the_documents_words(text, anchor, metric):
    targets, _ = run(text, "2025-03-01")
    target = target_at(targets, text, anchor)
    assert target is not None
    assert target.metric == metric


@pytest.mark.parametrize(
    "text",
    [
        "Đến năm 2030, 100% hồ sơ công việc của các sở, ban, ngành và ủy ban nhân dân các cấp có "
        "liên quan tới người dân, doanh nghiệp được xử lý trên môi trường mạng.",
        "Đến năm 2030, 100% cơ sở giáo dục nghề nghiệp công lập trên địa bàn tỉnh được đầu tư "
        "đồng bộ cơ sở vật chất, thiết bị đào tạo theo tiêu chuẩn của",
    ],
)
def test_long_metric_never_ends_on_a_function_word(text):
    targets, _ = run(text, "2025-03-01")
    assert targets
    last = targets[0].metric.split()[-1]
    assert last not in ("của", "tới", "đến", "và", "với", "các", "về", "liên")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Tỉnh phấn đấu tối thiểu 90% người dân hài lòng vào năm 2027.", "tối thiểu 90%"),
        ("Huyện phấn đấu đến năm 2026 thành lập mới 12 hợp tác xã.", "thành lập mới 12 hợp tác xã"),
        ("Phấn đấu đến năm 2030, tỷ lệ hộ nghèo giảm bình quân 1,5%/năm.", "giảm bình quân 1,5%"),
    ],
)
def test_target_span_starts_at_the_goal_verb(text, span):
    targets, _ = run(text, "2025-03-01")
    assert [t.text for t in targets] == [span]


# --- scope ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("UBND tỉnh Thừa Thiên Huế ban hành kế hoạch phát triển du lịch.", "tỉnh Thừa Thiên Huế"),
        ("Tỉnh ủy Bà Rịa - Vũng Tàu chỉ đạo các địa phương.", "tỉnh Bà Rịa - Vũng Tàu"),
        ("UBND TP.HCM phê duyệt chương trình. TP.HCM phấn đấu. TP.HCM triển khai.", None),
    ],
)
def test_detect_scope_longest_name(text, scope):
    if scope is None:
        assert detect_scope(text) == "thành phố Hồ Chí Minh"
    else:
        assert detect_scope(text) == scope


def test_detect_scope_is_linear():
    import time

    chunk = "Đảng bộ tỉnh Lạng Sơn lãnh đạo phát triển kinh tế tập thể, hợp tác xã. " * 20
    text = chunk * 500  # ~700 KB
    started = time.perf_counter()
    assert detect_scope(text) == "tỉnh Lạng Sơn"
    assert time.perf_counter() - started < 1.0


# --- round two: goals with no year, listed years, ages and phases, undated reports -----------

# A clear goal cue makes a target even when no year is in reach: the deadline stays None.
# (text, figure anchor, document date, value)
NO_DEADLINE_CASES = [
    ("Phấn đấu tỷ lệ bao phủ bảo hiểm y tế đạt 95% dân số.", "95%", "2025-04-02", 95),
    ("Mục tiêu: tỷ lệ hộ gia đình sử dụng nước sạch đạt 85%.", "85%", "2025-04-02", 85),
    (
        "Cụ thể: phấn đấu tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi giảm còn 15%;"
        " tỷ lệ người cao tuổi được khám sức khỏe định kỳ đạt 80%.",
        "80%",
        "2025-09-15",
        80,
    ),
    (
        "Các sở, ngành bảo đảm 100% hồ sơ thủ tục hành chính được số hóa khi tiếp nhận.",
        "100%",
        "2025-06-30",
        100,
    ),
    (
        "Chỉ tiêu: tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt từ 30% trở lên.",
        "30%",
        "2025-02-12",
        30,
    ),
    (
        "Phấn đấu thu nhập bình quân của người lao động đạt 7 triệu đồng/tháng.",
        "7 triệu đồng/tháng",
        None,
        7000000,
    ),
]


@pytest.mark.parametrize(("text", "anchor", "ref_date", "value"), NO_DEADLINE_CASES)
def test_goal_without_a_year_has_no_deadline(text, anchor, ref_date, value):
    targets, _ = run(text, ref_date)
    target = target_at(targets, text, anchor)
    assert target is not None
    assert target.value == value
    assert target.deadline is None


# A cited document's signing date in a plan's title is never the deadline of its goals.
def test_title_date_of_a_cited_directive_is_not_a_deadline():
    text = (
        "**KẾ HOẠCH**\n\n"
        "THỰC HIỆN CHỈ THỊ SỐ 12/CT-TTG NGÀY 05 THÁNG 3 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ\n\n"
        "**1. Sở Y tế**\n\n"
        "a) Chủ trì triển khai các giải pháp, cụ thể: phấn đấu tỷ lệ phụ nữ mang thai được tầm"
        " soát trước sinh đạt 75%; tỷ lệ trẻ sơ sinh được sàng lọc đạt 90%.\n"
    )
    targets, _ = run(text, "2025-10-20")
    for anchor, value in (("75%", 75), ("90%", 90)):
        target = target_at(targets, text, anchor)
        assert target is not None and target.value == value
        assert target.deadline is None


# (text, figure anchor, document date, deadline)
LISTED_YEAR_CASES = [
    (
        "Thực hiện Chương trình cắt giảm chi phí tuân thủ năm 2024 và 2025, bảo đảm cắt giảm"
        " ít nhất 20% chi phí tuân thủ thủ tục hành chính.",
        "20%",
        "2024-11-05",
        "2025",
    ),
    (
        "Trong hai năm 2026 và 2027, phấn đấu xây dựng mới 500 căn nhà cho hộ nghèo.",
        "500 căn nhà",
        "2025-12-01",
        "2027",
    ),
    (
        "Kế hoạch vốn các năm 2025, 2026, phấn đấu giải ngân đạt trên 95%.",
        "95%",
        "2025-01-15",
        "2026",
    ),
    (
        "Phấn đấu trước ngày 31 tháng 12 năm 2025 hoàn thành cấp 100% giấy chứng nhận.",
        "100%",
        "2025-03-01",
        "2025",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "ref_date", "deadline"), LISTED_YEAR_CASES)
def test_last_listed_year_is_the_deadline(text, anchor, ref_date, deadline):
    targets, _ = run(text, ref_date)
    target = target_at(targets, text, anchor)
    assert target is not None
    assert target.deadline == deadline


# Ages say who is measured; counts of phases or levels say how a plan is built.
# (text, figure anchor that is not a target, a figure of the same text that is, or None)
AGE_AND_PHASE_CASES = [
    (
        "Phấn đấu 95% trẻ em từ 3 tháng đến 24 tháng tuổi được tiêm chủng đầy đủ.",
        "3 tháng",
        "95%",
    ),
    (
        "Phấn đấu 95% trẻ em từ 3 tháng đến 24 tháng tuổi được tiêm chủng đầy đủ.",
        "24 tháng",
        "95%",
    ),
    (
        "Mục tiêu đến năm 2030, 60% trường mầm non có nhóm trẻ dưới 18 tháng tuổi.",
        "18 tháng",
        "60%",
    ),
    (
        "Mục tiêu đến năm 2030, tỷ lệ người từ 60 tuổi trở lên có thẻ bảo hiểm y tế đạt 100%.",
        "60 tuổi",
        "100%",
    ),
    ("Phấn đấu đến năm 2030, kế hoạch được chia làm 3 giai đoạn thực hiện.", "3 giai đoạn", None),
    (
        "Mục tiêu đến năm 2026, vận hành ổn định mô hình chính quyền địa phương 2 cấp.",
        "2 cấp",
        None,
    ),
    ("Phấn đấu đến năm 2027, hoàn thành đề án qua 4 bước triển khai.", "4 bước", None),
]


@pytest.mark.parametrize(("text", "anchor", "goal"), AGE_AND_PHASE_CASES)
def test_ages_and_phases_are_not_targets(text, anchor, goal):
    targets, _ = run(text, "2025-05-05")
    assert target_at(targets, text, anchor) is None
    if goal is not None:
        assert target_at(targets, text, goal) is not None


# In a document with no date of its own, "đến cuối/hết năm X" + a result, with no goal word,
# reports; a goal word or an adopting verb keeps it a goal.
# (text, figure anchor, is a target, deadline)
UNDATED_CASES = [
    (
        "Đến cuối năm 2019, thu nhập bình quân đầu người của xã đạt 42 triệu đồng/năm.",
        "42 triệu đồng/năm",
        False,
        None,
    ),
    (
        "Đến hết năm 2020, tỷ lệ hộ nghèo của huyện giảm còn 3,5%.",
        "3,5%",
        False,
        None,
    ),
    (
        "Phấn đấu đến cuối năm 2025, tỷ lệ hộ nghèo của huyện giảm còn 2%.",
        "2%",
        True,
        "2025",
    ),
    ("Đến năm 2025, tỷ lệ hộ nghèo của huyện giảm còn 2%.", "2%", True, "2025"),
    (
        "Đại hội thống nhất điều chỉnh thu nhập bình quân đầu người đến cuối năm 2025 đạt"
        " 8.000 USD/người.",
        "8.000 USD/người",
        True,
        "2025",
    ),
    (
        "Tính đến hết năm 2021, toàn huyện đã có 14 xã đạt chuẩn nông thôn mới. Theo lộ trình,"
        " đến năm 2020 huyện có 12 xã đạt chuẩn.",
        "12 xã",
        False,
        None,
    ),
    (
        "Tính đến hết năm 2021, toàn huyện đã có 14 xã đạt chuẩn nông thôn mới. Huyện phấn đấu"
        " đến năm 2025 có 18 xã đạt chuẩn.",
        "18 xã",
        True,
        "2025",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "is_target", "deadline"), UNDATED_CASES)
def test_reports_in_undated_documents(text, anchor, is_target, deadline):
    targets, _ = run(text, None)
    target = target_at(targets, text, anchor)
    assert (target is not None) == is_target
    if target is not None:
        assert target.deadline == deadline


def test_year_end_in_a_dated_plan_is_still_a_deadline():
    text = "Đến cuối năm 2025, tỷ lệ hồ sơ giải quyết trực tuyến toàn trình đạt 60%."
    targets, _ = run(text, "2025-03-01")
    target = target_at(targets, text, "60%")
    assert target is not None and target.deadline == "2025"


# An estimate word inside one figure of a goal list ("ước đạt") qualifies that figure only.
@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        (
            "Mục tiêu đến năm 2025, tổng thu từ du lịch ước đạt 5.000 tỷ đồng; tạo ra trên"
            " 15 nghìn việc làm.",
            "15 nghìn việc làm",
            15000,
        ),
        (
            "Phấn đấu đến năm 2030, doanh thu ước đạt 2 tỷ USD, thu hút 4 triệu lượt khách.",
            "4 triệu lượt khách",
            4000000,
        ),
    ],
)
def test_estimate_inside_a_goal_list_keeps_the_list(text, anchor, value):
    targets, _ = run(text, None)
    target = target_at(targets, text, anchor)
    assert target is not None and target.value == value


# A floor ("tối thiểu", "ít nhất") set in a plan's task is a goal; the same words in a news
# report or on an allocation are not.
PLAN_HEAD = "**KẾ HOẠCH**\n\nTriển khai chuyển đổi số năm 2026\n\n"
NEWS_HEAD = "Huyện sơ kết công tác chuyển đổi số\n\n"


@pytest.mark.parametrize(
    ("head", "sentence", "anchor", "is_target"),
    [
        (PLAN_HEAD, "Các xã triển khai mô hình tại ít nhất 03 thôn điểm.", "03 thôn", True),
        (PLAN_HEAD, "Mỗi sở tổ chức tối thiểu 02 lớp tập huấn kỹ năng số.", "02 lớp", True),
        (NEWS_HEAD, "Các xã triển khai mô hình tại ít nhất 03 thôn điểm.", "03 thôn", False),
        (PLAN_HEAD, "Mức hỗ trợ tối thiểu 2 triệu đồng/người/khóa học.", "2 triệu", False),
    ],
)
def test_floor_in_a_plan_task_is_a_goal(head, sentence, anchor, is_target):
    text = head + sentence
    targets, _ = run(text, "2025-12-01")
    assert (target_at(targets, text, anchor) is not None) == is_target


# Where a goal's year comes from when its own sentence has none, or has one that is not its.
# (text, figure anchor, document date, deadline)
DEADLINE_SOURCE_CASES = [
    # a weak cue ("bảo đảm") continuing a series takes the series' year
    (
        "Đến năm 2026, 100% hồ sơ được số hóa. Bảo đảm 70% báo cáo định kỳ được chia sẻ trên"
        " hệ thống thông tin.",
        "70%",
        "2025-05-01",
        "2026",
    ),
    # a year that closes another figure of an earlier clause is that figure's own
    (
        "Chỉ tiêu phấn đấu giai đoạn 2026-2030: kinh tế số chiếm 20% đến năm 2028, 30% đến năm"
        " 2030; tỷ lệ đô thị hóa đạt khoảng 45%.",
        "45%",
        "2025-10-01",
        "2030",
    ),
    (
        "Mục tiêu nhiệm kỳ 2025-2030: thu nhập đạt 90 triệu đồng đến năm 2028; tỷ lệ hộ nghèo"
        " giảm còn 1%.",
        "1%",
        "2025-09-01",
        "2030",
    ),
    # "của năm X" names what is measured, not when
    (
        "Bước sang năm 2026, ngành thuế phân tích số thu tăng của năm 2025 nhằm hoàn thành"
        " mục tiêu thu 6.000 tỷ đồng.",
        "6.000 tỷ đồng",
        "2025-12-28",
        "2026",
    ),
    # a future year that opens the paragraph dates the goals of its later sentences
    (
        "Năm 2027, ngành nông nghiệp tiếp tục cơ cấu lại sản xuất. Ngành phấn đấu có thêm"
        " 12 sản phẩm đạt chuẩn OCOP.",
        "12 sản phẩm",
        "2026-12-15",
        "2027",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "ref_date", "deadline"), DEADLINE_SOURCE_CASES)
def test_deadline_sources(text, anchor, ref_date, deadline):
    targets, _ = run(text, ref_date)
    target = target_at(targets, text, anchor)
    assert target is not None
    assert target.deadline == deadline


@pytest.mark.parametrize(
    ("text", "anchor", "ref_date"),
    [
        # a past year opening the paragraph does not date a later goal
        (
            "Năm 2023, toàn tỉnh đã có 40 sản phẩm OCOP. Phấn đấu có thêm 12 sản phẩm đạt chuẩn.",
            "12 sản phẩm",
            "2025-03-01",
        ),
    ],
)
def test_past_paragraph_year_gives_no_deadline(text, anchor, ref_date):
    targets, _ = run(text, ref_date)
    target = target_at(targets, text, anchor)
    assert target is not None and target.deadline is None


@pytest.mark.parametrize(
    ("text", "anchor", "ref_date", "deadline"),
    [
        # voting adopts goals; it does not report them
        (
            "Các đại biểu đã biểu quyết thông qua chỉ tiêu tăng trưởng kinh tế giai đoạn"
            " 2026-2030 đạt 10%/năm.",
            "10%",
            None,
            "2030",
        ),
        # "chứng chỉ đạt" is not the report "chỉ đạt"
        (
            "Phấn đấu đến năm 2030, tỷ lệ lao động có bằng cấp, chứng chỉ đạt 40%.",
            "40%",
            "2025-06-01",
            "2030",
        ),
    ],
)
def test_adopting_and_measured_words_are_not_reports(text, anchor, ref_date, deadline):
    targets, _ = run(text, ref_date)
    target = target_at(targets, text, anchor)
    assert target is not None and target.deadline == deadline


# Metrics: an age inside the subject stays in it; a change's object after a share is measured;
# a clause after a comma is not part of the metric.
@pytest.mark.parametrize(
    ("text", "anchor", "metric"),
    [
        (
            "Phấn đấu tỷ lệ trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế đạt 100%.",
            "100%",
            "tỷ lệ trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế",
        ),
        (
            "Mục tiêu: tỷ lệ người từ 60 tuổi trở lên được quản lý sức khỏe đạt 70%.",
            "70%",
            "tỷ lệ người từ 60 tuổi trở lên được quản lý sức khỏe",
        ),
        (
            "Phấn đấu đến năm 2030 giảm 30% số vụ tai nạn giao thông, giảm 20% số người chết.",
            "30%",
            "số vụ tai nạn giao thông",
        ),
        (
            "Phấn đấu đến năm 2030 giảm 30% số vụ tai nạn giao thông, giảm 20% số người chết.",
            "20%",
            "số người chết",
        ),
        (
            "Bảo đảm cắt giảm ít nhất 25% thời gian giải quyết hồ sơ đất đai.",
            "25%",
            "thời gian giải quyết hồ sơ đất đai",
        ),
        (
            "Mục tiêu đến năm 2030, tạo ra trên 40 nghìn việc làm, nâng cao thu nhập cho người dân.",
            "40 nghìn việc làm",
            "việc làm tạo ra",
        ),
    ],
)
def test_metric_round_two(text, anchor, metric):
    targets, _ = run(text, "2025-06-01")
    target = target_at(targets, text, anchor)
    assert target is not None
    assert target.metric == metric


# --- tables read through extractors.tables -------------------------------------------------


def _cells(rows):
    """One-cell-per-line layout: each cell on its own line, an empty cell closing each row."""
    return "".join("".join("|\n" + (c + "\n" if c else "") for c in row) + "|\n" for row in rows)


EXPORT_PLAN = "**PHỤ LỤC**\n\nDANH MỤC SẢN PHẨM XUẤT KHẨU CHỦ LỰC\n\n" + _cells(
    [
        ["**TT**", "**Mặt hàng**", "**Kế hoạch 2026**", "**Kế hoạch 2027**"],
        ["**Sản lượng (Tấn)**", "**Kim ngạch (Nghìn USD)**"] * 2,
        ["**1**", "**2**", "**3**", "**4**", "**5**", "**6**"],
        ["1", "Cà phê nhân", "12.400", "31.000", "13.100", "33.500"],
        ["2", "Chè búp khô", "2.150", "", "2.300", "5.200"],
    ]
)


@pytest.mark.parametrize(
    ("anchor", "value", "unit", "deadline"),
    [
        ("12.400", 12400, "tấn", "2026"),
        ("31.000", 31e6, "USD", "2026"),
        ("13.100", 13100, "tấn", "2027"),
        ("33.500", 33.5e6, "USD", "2027"),
        ("2.300", 2300, "tấn", "2027"),  # after an empty cell: the row keeps its columns
        ("5.200", 5.2e6, "USD", "2027"),
    ],
)
def test_two_level_plan_columns_are_targets(anchor, value, unit, deadline):
    targets, _ = run(EXPORT_PLAN, "2025-11-20")
    target = target_at(targets, EXPORT_PLAN, anchor)
    assert target is not None
    assert (target.value, target.unit, target.deadline) == (value, unit, deadline)


def test_two_level_plan_metric_names_row_and_sub_column():
    targets, _ = run(EXPORT_PLAN, "2025-11-20")
    target = target_at(targets, EXPORT_PLAN, "31.000")
    assert "cà phê nhân" in target.metric and "kim ngạch" in target.metric


def test_numbering_row_is_no_target():
    targets, _ = run(EXPORT_PLAN, "2025-11-20")
    assert all(t.text not in {"3", "4", "5", "6"} for t in targets)


ESTIMATE_TABLE = "**CHỈ TIÊU PHÁT TRIỂN NÔNG NGHIỆP**\n\n" + _cells(
    [
        ["**TT**", "**Chỉ tiêu**", "**ĐVT**", "**Ước thực hiện 2025**", "**Mục tiêu 2030**"],
        ["1", "Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao", "%", "35", "60"],
    ]
)


def test_estimate_column_is_an_actual_and_the_goal_column_a_target():
    targets, figures = run(ESTIMATE_TABLE, "2025-12-01")
    assert target_at(targets, ESTIMATE_TABLE, "35") is None
    assert next(f for f in figures if f.text == "35").as_of == "2025"
    target = target_at(targets, ESTIMATE_TABLE, "60")
    assert (target.value, target.unit, target.deadline) == (60, "%", "2030")


BUDGET_TABLE = "DỰ TOÁN THU NGÂN SÁCH CÁC NĂM 2026 - 2027\n\n*Đơn vị: Triệu đồng*\n\n" + _cells(
    [
        ["**STT**", "**Nội dung**", "**Dự toán năm 2026**", "**Dự toán năm 2027**"],
        ["1", "Thu nội địa", "4.538.000", "4.900.000"],
        ["2", "Thu từ hoạt động xuất nhập khẩu", "300.000", "320.000"],
    ]
)


def test_budget_table_with_no_goal_title_sets_no_targets():
    targets, figures = run(BUDGET_TABLE, "2025-11-24")
    assert targets == []
    assert next(f for f in figures if f.text == "4.538.000").value == 4538000e6


def test_plan_sub_column_under_a_year_is_a_goal_and_its_estimate_an_actual():
    text = "BIỂU TỔNG HỢP\n\n" + _markdown_rows(
        [
            ["TT", "Chỉ tiêu", "ĐVT", "Năm 2026", ""],
            ["", "", "", "Kế hoạch", "Ước thực hiện"],
            ["1", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", "1.200", "1.150"],
        ]
    )
    targets, _ = run(text, "2026-10-01")
    assert target_at(targets, text, "1.200") is not None
    assert target_at(targets, text, "1.150") is None


def _markdown_rows(rows):
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows[1:]]) + "\n"


def test_range_over_a_line_break_is_one_target():
    text = "Phấn đấu đến năm 2030, tốc độ tăng bình quân giá trị xuất khẩu đạt 08 -\n09%/năm."
    targets, _ = run(text, "2025-11-20")
    assert [(t.value, t.value_max, t.deadline) for t in targets] == [(8, 9, "2030")]


# Under a goal heading, a share measured against money is an outcome; a share of the money
# handed out, and money handed out, are allocations. "đạt" before an amount states an outcome.
GOAL_SECTION = "**II. MỤC TIÊU ĐẾN NĂM 2030**\n\n"


@pytest.mark.parametrize(
    ("sentence", "anchor", "is_target"),
    [
        ("- Chi cho khoa học, công nghệ/GRDP tối thiểu 1,5%.", "1,5%", True),
        ("- Tỷ trọng vốn ngoài ngân sách trong tổng vốn đầu tư đạt trên 70%.", "70%", True),
        ("- Tỷ lệ giải ngân vốn đầu tư công hằng năm đạt 95%.", "95%", True),
        ("- Tỷ lệ chi ngân sách cho giáo dục so với tổng chi ngân sách đạt 20%.", "20%", True),
        ("- Kinh phí đầu tư cho chuyển đổi số chiếm 3% tổng chi ngân sách tỉnh.", "3%", True),
        ("- Ngân sách tỉnh bố trí 30% kinh phí thực hiện.", "30%", False),
        ("- Mức hỗ trợ tối đa 50% chi phí mua máy móc.", "50%", False),
        ("- Tỷ lệ điều tiết về ngân sách huyện 70%.", "70%", False),
        ("- Hỗ trợ 100% học phí cho học viên.", "100%", False),
        ("- Tổng vốn đầu tư toàn xã hội đạt khoảng 250.000 tỷ đồng.", "250.000 tỷ đồng", True),
        ("- Kim ngạch xuất khẩu đạt 12 tỷ USD.", "12 tỷ USD", True),
        ("- Thu nhập bình quân đầu người đạt trên 120 triệu đồng.", "120 triệu đồng", True),
        ("- Kinh phí thực hiện dự kiến 2.000 triệu đồng.", "2.000 triệu đồng", False),
        ("- Ngân sách tỉnh hỗ trợ 20 triệu đồng/hợp tác xã.", "20 triệu đồng", False),
    ],
)
def test_share_against_money_is_an_outcome_and_a_share_of_it_an_allocation(
    sentence, anchor, is_target
):
    text = GOAL_SECTION + sentence
    targets, _ = run(text, "2025-11-20")
    assert (target_at(targets, text, anchor) is not None) == is_target


# A figure inside the subject says what is measured; the value comes after the linking verb.
@pytest.mark.parametrize(
    ("sentence", "inner", "value"),
    [
        ("- Tỷ lệ hộ gia đình có cáp quang tốc độ 1 Gb/s đạt 90%.", "1 Gb", "90%"),
        ("- Tỷ lệ đường trục xã rộng 6 m được cứng hóa đạt 85%.", "6 m", "85%"),
        ("- Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi giảm còn 18%.", "5 tuổi", "18%"),
        (
            "- Tỷ lệ cơ sở có từ 10 lao động trở lên ứng dụng phần mềm đạt 70%.",
            "10 lao động",
            "70%",
        ),
        ("- Số xã có đường ô tô 2 làn xe đến trung tâm đạt 100%.", "2 làn", "100%"),
        ("- Năng suất lúa 2 vụ đạt bình quân 62 tạ/ha.", "2 vụ", "62 tạ"),
    ],
)
def test_figure_inside_the_subject_is_not_a_target(sentence, inner, value):
    text = GOAL_SECTION + sentence
    targets, _ = run(text, "2025-11-20")
    assert target_at(targets, text, inner) is None
    assert target_at(targets, text, value) is not None


@pytest.mark.parametrize(
    ("sentence", "anchor"),
    [
        ("- Phấn đấu 20 xã đạt 19/19 tiêu chí nông thôn mới.", "20 xã"),
        ("- Có 15 xã đạt chuẩn nông thôn mới nâng cao, 5 xã đạt 100% tiêu chí.", "15 xã"),
        ("- Phát triển thêm 10 sản phẩm đạt 4 sao OCOP.", "10 sản phẩm"),
    ],
)
def test_figure_that_a_verb_leads_is_still_a_target(sentence, anchor):
    text = GOAL_SECTION + sentence
    targets, _ = run(text, "2025-11-20")
    assert target_at(targets, text, anchor) is not None


def test_subject_with_an_inner_figure_is_the_metric():
    text = GOAL_SECTION + "- Tỷ lệ hộ gia đình có cáp quang tốc độ 1 Gb/s đạt 90%."
    targets, _ = run(text, "2025-11-20")
    assert [t.text for t in targets] == ["đạt 90%"]
    assert targets[0].metric.startswith("tỷ lệ hộ gia đình có cáp quang tốc độ")


# A duration in a plan's name says which plan, not what the plan reaches.
@pytest.mark.parametrize(
    ("text", "anchor", "is_target"),
    [
        (
            "**II. MỤC TIÊU**\n\nHoàn thành kế hoạch tài chính - ngân sách nhà nước 03 năm "
            "2027 - 2029 của tỉnh.",
            "03 năm",
            False,
        ),
        (
            "**II. CHỈ TIÊU CHỦ YẾU KẾ HOẠCH 5 NĂM 2026 - 2030**\n\n"
            "Phấn đấu thực hiện thắng lợi kế hoạch 5 năm.",
            "5 năm",
            False,
        ),
        (
            "Mục tiêu của chương trình 10 năm là nâng cao chất lượng nguồn nhân lực.",
            "10 năm",
            False,
        ),
        (
            "Phấn đấu đến năm 2030 hoàn thành kế hoạch đầu tư công trung hạn 5 năm 2026-2030.",
            "5 năm",
            False,
        ),
        (
            "**1. Dự báo các chỉ tiêu giai đoạn 03 năm 2026 - 2028**\n\n- Tuổi thọ trung bình "
            "đạt 75 năm.",
            "75 năm",
            True,
        ),
        ("Phấn đấu đến năm 2030, tuổi thọ bình quân đạt 76 năm.", "76 năm", True),
    ],
)
def test_duration_in_a_plan_name_is_not_a_target(text, anchor, is_target):
    targets, _ = run(text, "2025-11-20")
    assert (target_at(targets, text, anchor) is not None) == is_target


# In a plan, "Dự báo các chỉ tiêu" sets its goals; in news "dự báo" predicts.
PLAN_TITLE_HEAD = "**KẾ HOẠCH**\n\nPhát triển kinh tế - xã hội 03 năm 2026 - 2028\n\n"
NEWS_TITLE_HEAD = "Kinh tế tỉnh phục hồi trong quý III\n\n"


@pytest.mark.parametrize(
    ("head", "sentence", "anchor", "deadline"),
    [
        (
            PLAN_TITLE_HEAD,
            "Dự báo các chỉ tiêu chủ yếu đến năm 2027: tốc độ tăng trưởng GRDP đạt 9%.",
            "9%",
            "2027",
        ),
        (
            PLAN_TITLE_HEAD,
            "Dự báo một số chỉ tiêu năm 2026: kim ngạch xuất khẩu đạt 3,2 tỷ USD.",
            "3,2 tỷ USD",
            "2026",
        ),
        (
            PLAN_TITLE_HEAD,
            "Dự báo chỉ tiêu đến năm 2028: thu nhập bình quân đầu người đạt 110 triệu đồng.",
            "110 triệu đồng",
            "2028",
        ),
        (NEWS_TITLE_HEAD, "Sở Tài chính dự báo năm 2026 GRDP tăng trưởng 8,2%.", "8,2%", None),
        (
            NEWS_TITLE_HEAD,
            "Dự báo các chỉ tiêu năm 2026: tốc độ tăng trưởng GRDP đạt 8%.",
            "8%",
            None,
        ),
        (PLAN_TITLE_HEAD, "Dự báo năm 2026 giá phân bón tăng 12%.", "12%", None),
    ],
)
def test_forecast_indicators_are_a_plans_goals(head, sentence, anchor, deadline):
    text = head + sentence
    targets, _ = run(text, "2025-11-24")
    target = target_at(targets, text, anchor)
    assert (target.deadline if target else None) == deadline


# A goal cue leading a share of the plan commits to meeting it this year; the same share after
# a reported amount says how far the plan was met.
@pytest.mark.parametrize(
    ("sentence", "anchor", "deadline"),
    [
        ("- Chi đầu tư từ nguồn vốn ngân sách tỉnh phấn đấu đạt 100% kế hoạch.", "100%", "2025"),
        ("- Phấn đấu giải ngân đạt 100% kế hoạch vốn được giao.", "100%", "2025"),
        ("- Quyết tâm hoàn thành 100% nhiệm vụ chi được giao.", "100%", "2025"),
        ("- Sản lượng điện đạt 8.200 triệu kWh, đạt 100% kế hoạch.", "100%", None),
        ("- Thu nội địa ước đạt 95% dự toán.", "95%", None),
        ("- Tổng thu phấn đấu đạt 5.000 tỷ đồng, bằng 105% dự toán.", "105%", None),
    ],
)
def test_commitment_to_this_years_plan_is_a_goal(sentence, anchor, deadline):
    text = "Tình hình thực hiện dự toán\n\n" + sentence
    targets, _ = run(text, "2025-11-24")
    target = target_at(targets, text, anchor)
    assert (target.deadline if target else None) == deadline


# A forecast table projects the population a budget serves and its facilities as costing
# inputs; its economic rows and counts of results stay goals. A goal table keeps them all.
FORECAST_ROWS = [
    ["**STT**", "**Chỉ tiêu**", "**ĐVT**", "**Năm 2026**", "**Năm 2027**"],
    ["1", "Tổng sản phẩm trên địa bàn (GRDP)", "Tỷ đồng", "120.500", "134.200"],
    ["2", "Dân số trung bình", "Nghìn người", "1.310", "1.325"],
    ["3", "Số học sinh phổ thông", "Học sinh", "245.800", "247.100"],
    ["4", "Số giáo viên", "Người", "12.460", "12.510"],
    ["5", "Số giường bệnh", "Giường", "4.350", "4.420"],
    ["6", "Trường học công lập", "Trường", "512", "509"],
    ["7", "Đối tượng bảo trợ xã hội được hưởng trợ cấp", "Người", "38.900", "39.400"],
    ["8", "Số lao động được giải quyết việc làm", "Người", "31.500", "32.000"],
    ["9", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "%", "9,8", "9,5"],
    ["10", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", "1.450", "1.520"],
]


@pytest.mark.parametrize(
    ("anchor", "is_target"),
    [
        ("134.200", True),
        ("1.325", False),
        ("247.100", False),
        ("12.510", False),
        ("4.420", False),
        ("509", False),
        ("39.400", False),
        ("32.000", True),
        ("9,5", True),
        ("1.520", True),
    ],
)
def test_forecast_table_population_and_facility_rows_are_projections(anchor, is_target):
    text = "**DỰ BÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 2026 - 2027**\n\n" + _cells(FORECAST_ROWS)
    targets, _ = run(text, "2025-11-24")
    assert (target_at(targets, text, anchor) is not None) == is_target


@pytest.mark.parametrize("anchor", ["1.325", "4.420", "509"])
def test_goal_table_keeps_population_and_facility_rows(anchor):
    text = "**CHỈ TIÊU PHÁT TRIỂN GIAI ĐOẠN 2026 - 2027**\n\n" + _cells(FORECAST_ROWS)
    targets, _ = run(text, "2025-11-24")
    assert target_at(targets, text, anchor) is not None


@pytest.mark.parametrize(
    ("sentence", "anchor", "metric"),
    [
        (
            "- Chi cho nghiên cứu khoa học và phát triển công nghệ (R&D)/GRDP tối thiểu 2%.",
            "2%",
            "chi cho nghiên cứu khoa học và phát triển công nghệ/GRDP",
        ),
        ("- Vốn đầu tư toàn xã hội/GRDP khoảng 35%.", "35%", "vốn đầu tư toàn xã hội/GRDP"),
    ],
)
def test_ratio_subject_is_the_metric(sentence, anchor, metric):
    text = GOAL_SECTION + sentence
    targets, _ = run(text, "2025-11-20")
    assert target_at(targets, text, anchor).metric == metric


# "chiếm" before a share measures a part's weight in a whole, named after it or in a lead.
@pytest.mark.parametrize(
    ("sentence", "anchor", "metric"),
    [
        ("- Kinh tế số chiếm 30% GRDP tỉnh.", "30%", "tỷ trọng kinh tế số trong GRDP tỉnh"),
        (
            "- Cơ cấu kinh tế: Nông nghiệp chiếm khoảng 20%; Dịch vụ chiếm khoảng 45%.",
            "45%",
            "tỷ trọng dịch vụ trong cơ cấu kinh tế",
        ),
        (
            "- Cơ cấu lao động: lao động nông nghiệp chiếm dưới 30%.",
            "30%",
            "tỷ trọng lao động nông nghiệp trong cơ cấu lao động",
        ),
        ("- Công nghiệp chế biến chiếm trên 25%.", "25%", "tỷ trọng công nghiệp chế biến"),
        (
            "- Tỷ trọng du lịch chiếm 12% GRDP.",
            "12%",
            "tỷ trọng du lịch",
        ),
    ],
)
def test_share_of_a_whole_is_named_as_a_weight(sentence, anchor, metric):
    text = GOAL_SECTION + sentence
    targets, _ = run(text, "2025-11-20")
    assert target_at(targets, text, anchor).metric == metric
