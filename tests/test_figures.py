"""Figures from real Vietnamese official phrasing: one phrase per case, the expected figures
beside it as (surface, value, unit, kind, qualifier)."""

from __future__ import annotations

import pytest
from paths import EXTRA

from extractors.figures import extract_figures


def F(surface, value, unit=None, kind="count", qualifier=None):
    """One expected figure; ``value`` is a number or a (min, max) pair for a range."""
    return (surface, value, unit, kind, qualifier)


def pct(surface, value, qualifier=None):
    return F(surface, value, "%", "percent", qualifier)


def money(surface, value, unit="đồng", qualifier=None):
    return F(surface, value, unit, "money", qualifier)


def got(text, blocked=()):
    out = []
    for f in extract_figures(text, blocked):
        assert text[f.start : f.end] == f.text
        value = f.value if f.value_max is None else (f.value, f.value_max)
        out.append((f.text, value, f.unit, f.kind, f.qualifier))
    return out


CASES = [
    # counts with abbreviations expanded
    (
        "Toàn tỉnh hiện có 448 HTX với 455.523 thành viên.",
        [F("448 HTX", 448, "hợp tác xã"), F("455.523 thành viên", 455523, "thành viên")],
    ),
    ("Toàn tỉnh hiện có 1 liên hiệp HTX.", [F("1 liên hiệp HTX", 1, "liên hiệp hợp tác xã")]),
    (
        "Trên địa bàn tỉnh có 2 Liên hiệp HTX với 13 HTX thành viên.",
        [
            F("2 Liên hiệp HTX", 2, "liên hiệp hợp tác xã"),
            F("13 HTX thành viên", 13, "hợp tác xã thành viên"),
        ],
    ),
    (
        "toàn tỉnh có 1.810 THT với 19.510 thành viên",
        [F("1.810 THT", 1810, "tổ hợp tác"), F("19.510 thành viên", 19510, "thành viên")],
    ),
    ("100 HTX được vay vốn từ Quỹ Hỗ trợ phát triển HTX", [F("100 HTX", 100, "hợp tác xã")]),
    ("nâng tổng số thành viên lên 404 đơn vị.", [F("404 đơn vị", 404, "đơn vị")]),
    (
        "Tổng số người lao động thường xuyên trong HTX là 6.056 người, tăng 2.044 người",
        [F("6.056 người", 6056, "người"), F("2.044 người", 2044, "người")],
    ),
    ("có 101.233 lao động bị ảnh hưởng", [F("101.233 lao động", 101233, "lao động")]),
    ("với 31 KCN đi vào hoạt động", [F("31 KCN", 31, "khu công nghiệp")]),
    ("sản xuất lúa giống diện tích 100 ha", [F("100 ha", 100, "ha", "other")]),
    ("DN đã mua hơn 675.800 kg lúa giống", [F("hơn 675.800 kg", 675800, "kg", "other", "gt")]),
    ("đoạn đường dài 50 km", [F("50 km", 50, "km", "other")]),
    # official texts pad small numbers to two digits
    ("số vụ án được phát hiện tăng trên 03%", [pct("trên 03%", 3, "gt")]),
    ("Ban Chấp hành gồm 05 đồng chí", [F("05 đồng chí", 5, "đồng chí")]),
    ("gọi số 0913 456 789 để được hỗ trợ", []),
    # a code's number is no quantity
    ("lập bản đồ địa chính theo hệ tọa độ VN 2.000 tại các xã", []),
    ("thiết kế theo tiêu chuẩn TCVN 5.574 hiện hành", []),
    ("GRDP tăng 8,5% so với năm trước", [pct("8,5%", 8.5)]),
    ("năng suất đạt 3 tấn/ha", [F("3 tấn/ha", 3, "tấn/ha", "other")]),
    ("có 616 nông dân tham gia thực hiện", [F("616 nông dân", 616, "nông dân")]),
    # qualifiers
    (
        "với gần 1.700 thành viên",
        [F("gần 1.700 thành viên", 1700, "thành viên", qualifier="approx")],
    ),
    (
        "giảm hơn 237 thành viên so với năm 2003",
        [F("hơn 237 thành viên", 237, "thành viên", qualifier="gt")],
    ),
    ("số hợp tác xã khá trở lên đạt trên 45%", [pct("trên 45%", 45, "gt")]),
    ("số hợp tác xã yếu kém giảm dưới 10%", [pct("dưới 10%", 10, "lt")]),
    ("ít nhất 65% đội ngũ cán bộ chủ chốt", [pct("ít nhất 65%", 65, "ge")]),
    ("tối thiểu 90% người dân hài lòng", [pct("tối thiểu 90%", 90, "ge")]),
    ("tỷ lệ thất nghiệp không quá 3%", [pct("không quá 3%", 3, "le")]),
    ("tỷ lệ hộ nghèo chưa đến 2%", [pct("chưa đến 2%", 2, "lt")]),
    ("xấp xỉ 12% so với cùng kỳ", [pct("xấp xỉ 12%", 12, "approx")]),
    ("tỷ lệ thu gom rác đạt ≥ 95%", [pct("≥ 95%", 95, "ge")]),
    ("tỷ lệ bao phủ bảo hiểm y tế 97% trở lên", [pct("97% trở lên", 97, "ge")]),
    (
        "có khoảng 4.050 doanh nghiệp đăng ký thành lập mới",
        [F("khoảng 4.050 doanh nghiệp", 4050, "doanh nghiệp", qualifier="approx")],
    ),
    (
        "Đồng Nai có trên 41.000 doanh nghiệp",
        [F("trên 41.000 doanh nghiệp", 41000, "doanh nghiệp", qualifier="gt")],
    ),
    ("vượt 21,3% kế hoạch", [pct("vượt 21,3%", 21.3, "gt")]),
    # trailing "trở lên" after a list qualifies the last item only
    (
        "hỗ trợ thành lập mới 120 HTX, 250 THT, 8 liên hiệp HTX trở lên;",
        [
            F("120 HTX", 120, "hợp tác xã"),
            F("250 THT", 250, "tổ hợp tác"),
            F("8 liên hiệp HTX trở lên", 8, "liên hiệp hợp tác xã", qualifier="ge"),
        ],
    ),
    (
        "thành lập mới 100 hợp tác xã, 200 tổ hợp tác, 5 liên hiệp hợp tác xã trở lên",
        [
            F("100 hợp tác xã", 100, "hợp tác xã"),
            F("200 tổ hợp tác", 200, "tổ hợp tác"),
            F("5 liên hiệp hợp tác xã trở lên", 5, "liên hiệp hợp tác xã", qualifier="ge"),
        ],
    ),
    (
        "tỷ lệ dân số từ 15 tuổi trở lên có tài khoản",
        [F("từ 15 tuổi trở lên", 15, "tuổi", qualifier="ge")],
    ),
    # money
    (
        "Lãi bình quân 1 HTX thực hiện 6 tháng năm 2020 ước đạt 45 triệu đồng.",
        [F("1 HTX", 1, "hợp tác xã"), money("ước đạt 45 triệu đồng", 45e6, qualifier="approx")],
    ),
    (
        "thu nhập bình quân của người lao động đạt 3,8 triệu đồng/tháng",
        [money("3,8 triệu đồng/tháng", 3.8e6, "đồng/tháng")],
    ),
    (
        "thu nhập bình quân khoảng 30 triệu đồng/người/năm",
        [money("khoảng 30 triệu đồng/người/năm", 30e6, "đồng/người/năm", "approx")],
    ),
    (
        "doanh thu bình quân 1 THT đạt 500 triệu đồng/năm",
        [F("1 THT", 1, "tổ hợp tác"), money("500 triệu đồng/năm", 500e6, "đồng/năm")],
    ),
    ("tổng số vốn điều lệ là 274 tỷ đồng", [money("274 tỷ đồng", 274e9)]),
    ("Hải quan Lạng Sơn đã thu đạt 4.290,3 tỷ đồng", [money("4.290,3 tỷ đồng", 4290300000000)]),
    (
        "tổng mức đầu tư của dự án là 2.659,96 tỷ đồng (tương đương 115,15 triệu USD)",
        [money("2.659,96 tỷ đồng", 2659960000000), money("115,15 triệu USD", 115150000, "USD")],
    ),
    ("hỗ trợ 1 tỷ 200 triệu đồng", [money("1 tỷ 200 triệu đồng", 1200000000)]),
    ("GRDP bình quân đầu người đạt 8.500 USD/người", [money("8.500 USD/người", 8500, "USD/người")]),
    ("giá từ 6 đến 7 tỷ đồng", [money("6 đến 7 tỷ đồng", (6e9, 7e9))]),
    # bare scale money
    (
        "thu ngân sách 4.290,3 tỷ, bằng 126% dự toán",
        [money("4.290,3 tỷ", 4290300000000), pct("126%", 126)],
    ),
    ("doanh thu 655,44 tỷ, tăng 11,79%", [money("655,44 tỷ", 655440000000), pct("11,79%", 11.79)]),
    ("thu nhập đạt 25 triệu/người/năm", [money("25 triệu/người/năm", 25e6, "đồng/người/năm")]),
    (
        "dân số khoảng 1,5 triệu người",
        [F("khoảng 1,5 triệu người", 1.5e6, "người", qualifier="approx")],
    ),
    ("tỷ lệ hộ nghèo giảm 2 tỷ lệ điểm", []),
    # ratios
    ("doanh thu tăng gấp 3 lần so với năm 2003", [F("gấp 3 lần", 3, "lần", "ratio")]),
    ("tăng gấp khoảng 5 lần so với năm 2003", [F("gấp khoảng 5 lần", 5, "lần", "ratio", "approx")]),
    ("doanh số sẽ tăng gấp 1,5 lần", [F("gấp 1,5 lần", 1.5, "lần", "ratio")]),
    # durations
    ("Sau 15 năm thực hiện Nghị quyết", [F("15 năm", 15, "năm", "duration")]),
    ("trong thời hạn 30 ngày kể từ ngày nhận", [F("30 ngày", 30, "ngày", "duration")]),
    ("qua 3 năm liên kết", [F("3 năm", 3, "năm", "duration")]),
    ("Chúng tôi đã chờ đợi hai năm nay", [F("hai năm", 2, "năm", "duration")]),
    # percentages and ranges
    ("tăng trưởng GRDP đạt 11,5 - 12,4%", [pct("11,5 - 12,4%", (11.5, 12.4))]),
    ("mức tăng trưởng cả nước đạt khoảng 2-3%", [pct("khoảng 2-3%", (2, 3), "approx")]),
    ("tỷ lệ đầu tư đạt từ 45% – 50%", [pct("45% – 50%", (45, 50))]),
    ("từ 30% đến 40% số hộ", [pct("30% đến 40%", (30, 40))]),
    (
        "hằng năm có khoảng 30-40 tổ hợp tác thành lập mới",
        [F("khoảng 30-40 tổ hợp tác", (30, 40), "tổ hợp tác", qualifier="approx")],
    ),
    ("thành lập mới từ 15 - 20 HTX", [F("15 - 20 HTX", (15, 20), "hợp tác xã")]),
    ("giá 10.500 - 11.000 đồng/kg", [money("10.500 - 11.000 đồng/kg", (10500, 11000), "đồng/kg")]),
    ("chiếm 0,5% GRDP", [pct("0,5%", 0.5)]),
    ("đạt 100 phần trăm kế hoạch", [F("100 phần trăm", 100, "%", "percent")]),
    # fractions
    ("huyện đã đạt được 5/9 tiêu chí huyện nông thôn mới", [F("5/9 tiêu chí", 5, "tiêu chí")]),
    ("với 419/419 căn nhà được hỗ trợ", [F("419/419 căn nhà", 419, "căn nhà")]),
    ("chỉ số đổi mới sáng tạo đạt 22/63 tỉnh thành", [F("22/63 tỉnh", 22, "tỉnh")]),
    ("Tham dự kỳ họp có 50/53 đại biểu.", [F("50/53 đại biểu", 50, "đại biểu")]),
    # number words
    ("hỗ trợ hai mươi hợp tác xã", [F("hai mươi hợp tác xã", 20, "hợp tác xã")]),
    ("xây dựng một trăm căn nhà", [F("một trăm căn nhà", 100, "căn nhà")]),
    ("Lãnh đạo một số sở, ngành dự buổi làm việc.", []),
    ("phát triển kinh tế tập thể một cách quyết liệt", []),
    ("là một trong ba giải pháp đột phá", [F("ba giải pháp", 3, "giải pháp")]),
    ("chương trình “Mỗi xã, phường một sản phẩm”", []),
    ("đầu tư tư nhân tăng", []),
    # exclusions: dates and periods
    ("Công văn số 538/UBND-KTTH ngày 11/6/2019", []),
    ("Chương trình hành động ký ngày 25.9.2020", []),
    ("Luật Hợp tác xã năm 2012", []),
    ("6 tháng đầu năm 2020, trong bối cảnh khó khăn", []),
    ("nhiệm vụ trọng tâm 6 tháng cuối năm 2020", []),
    ("Lãi thực hiện 6 tháng năm 2020 tăng", []),
    ("kế hoạch giai đoạn 2016 - 2020 và từng năm", []),
    ("Nghị quyết Đại hội đảng các cấp nhiệm kỳ 2020-2025", []),
    ("trong giai đoạn 2020- 2025 nhằm thúc đẩy", []),
    ("kết quả quý I/2025 và tháng 5", []),
    ("Sáng ngày 26/6, đồng chí Nguyễn Quang Hưng chủ trì", []),
    ("LSO-Chiều nay (14/5), Tỉnh uỷ Lạng Sơn tổ chức", []),
    ("có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026", []),
    ("ngày 26 tháng 11 năm 2025", []),
    ("phấn đấu đến 2030 hoàn thành", []),
    # exclusions: legal numbers and sections
    ("Nghị quyết số 13-NQ/TW ngày 18/3/2002", []),
    ("Quyết định 3351/QĐ-UBND của UBND tỉnh", []),
    ("Luật số 45/2019/QH14", []),
    ("Nghị quyết số 47 ngày 13/12/2019", []),
    ("Kết luận số 70-KL/TW ngày 09 tháng 3 năm 2020", []),
    ("1. Tăng cường công tác tuyên truyền", []),
    ("6.2. Kiện toàn và nâng cao vai trò", []),
    ("theo quy định tại Điều 5 và khoản 2 Điều 7", []),
    ("nội dung tại Mục 3 của Kế hoạch", []),
    ("theo mức độ 3, 4 của dịch vụ công", []),
    # exclusions: ordinals, names, times, codes
    ("Nghị quyết Trung ương 5 (khóa IX)", []),
    ("Hội nghị Trung ương 8 khóa XIII", []),
    ("Đại hội Đảng bộ tỉnh lần thứ XVI", []),
    ("đứng thứ 17 trên cả nước", []),
    ("Kỳ họp thứ 28 thông qua", []),
    ("Thứ 6, 26/06/2020 | 14:34:04", []),
    ("hội nghị bắt đầu lúc 14h30", []),
    ("khai mạc vào 8 giờ 30 sáng", []),
    ("dọc Quốc lộ 70 và QL1A", []),
    ("cách mạng Công nghiệp 4.0", []),
    ("do dịch Covid-19 kéo dài và COVID-19", []),
    ("hội nghị G20 và chứng nhận ISO 9001", []),
    ("Điện thoại: 0256.3822.123", []),
    ("| --- | --- |", []),
    ("gồm các xã A Lưới 4, A Lưới 5, huyện A Lưới", []),
    # a percentage or a unit overrides the word before the number
    (
        "giá bán cao hơn giá thị trường cùng thời điểm 15%, giúp thành viên có lãi",
        [pct("15%", 15)],
    ),
    ("tỷ lệ trẻ em được tiêm chủng đầy đủ đạt số 98%.", [pct("98%", 98)]),
    ("Ban Chấp hành khóa mới gồm 33 đồng chí", [F("33 đồng chí", 33, "đồng chí")]),
    ("Đảng bộ có số 12 đồng chí được khen thưởng", [F("12 đồng chí", 12, "đồng chí")]),
    ("tăng trưởng kinh tế hàng năm 6,5% - 7%", [pct("6,5% - 7%", (6.5, 7))]),
    ("nhà văn hóa số 5 thôn Đông", []),
    ("Quyết định số 15 của UBND tỉnh", []),
    # durations with "qua", before a period, after a span word
    ("trong 3 năm qua, huyện đã huy động", [F("3 năm", 3, "năm", "duration")]),
    ("kết quả 6 tháng qua cho thấy", [F("6 tháng", 6, "tháng", "duration")]),
    ("sơ kết giai đoạn 5 năm 2016-2020", [F("5 năm", 5, "năm", "duration")]),
    ("tổng kết thời kỳ 10 năm 2011 - 2020", [F("10 năm", 10, "năm", "duration")]),
    ("kế hoạch phát triển kinh tế - xã hội 5 năm 2026 - 2030", [F("5 năm", 5, "năm", "duration")]),
    ("nhiệm kỳ 5 năm tới", [F("5 năm", 5, "năm", "duration")]),
    ("giai đoạn 2021 - 2025", []),
    ("tháng 6 năm nay", []),
    # qualifiers across a verb, before a range opener, after a rate
    ("GRDP năm 2024 ước tăng 7,2% so với cùng kỳ", [pct("ước tăng 7,2%", 7.2, "approx")]),
    (
        "tổng thu ngân sách ước thu 120 tỷ đồng",
        [money("ước thu 120 tỷ đồng", 120e9, qualifier="approx")],
    ),
    ("kim ngạch xuất khẩu ước vẫn tăng 4,5%.", [pct("ước vẫn tăng 4,5%", 4.5, "approx")]),
    ("thu ngân sách năm sau ít nhất tăng 8% so với dự toán", [pct("ít nhất tăng 8%", 8, "ge")]),
    ("tỷ lệ hài lòng tối thiểu đạt 85%", [pct("tối thiểu đạt 85%", 85, "ge")]),
    ("dư nợ tín dụng sẽ tăng 12%", [pct("12%", 12)]),
    ("trên địa bàn tăng 5% so với năm trước", [pct("5%", 5)]),
    ("chiếm khoảng từ 20% đến 25% tổng vốn", [pct("khoảng từ 20% đến 25%", (20, 25), "approx")]),
    ("doanh thu tăng từ 5% lên 9%", [pct("5%", 5), pct("9%", 9)]),
    ("tăng trưởng bình quân 8%/năm trở lên", [pct("8%/năm trở lên", 8, "ge")]),
    ("tốc độ tăng năng suất lao động 6,5%/năm trở lên;", [pct("6,5%/năm trở lên", 6.5, "ge")]),
    # markdown emphasis stays out of the span; road chainages are no figures
    ("*Trên 90% hộ gia đình được dùng nước sạch", [pct("Trên 90%", 90, "gt")]),
    ("**Khoảng 70%** số xã đạt chuẩn", [pct("Khoảng 70%", 70, "approx")]),
    ("- Dưới 5% hộ nghèo", [pct("Dưới 5%", 5, "lt")]),
    ("tai nạn tại Km 1120+300 Quốc lộ 1A xảy ra lúc sáng", []),
    ("đoạn từ Km15+200 đến Km17+500 bị sạt lở", []),
    # counted noun completed by a qualifying noun; verbs and new clauses stay out
    ("đã tiếp nhận, xử lý 12.400 bộ hồ sơ hải quan", [F("12.400 bộ hồ sơ", 12400, "bộ hồ sơ")]),
    ("phát hiện 3 vụ án hình sự về buôn lậu", [F("3 vụ án hình sự", 3, "vụ án hình sự")]),
    (
        "xảy ra 14 vụ tai nạn giao thông",
        [F("14 vụ tai nạn giao thông", 14, "vụ tai nạn giao thông")],
    ),
    (
        "toàn huyện có 250 hộ kinh doanh cá thể",
        [F("250 hộ kinh doanh", 250, "hộ kinh doanh")],
    ),
    ("sáp nhập còn 5 đơn vị cấp xã", [F("5 đơn vị cấp xã", 5, "đơn vị cấp xã")]),
    ("Kế hoạch đề ra 6 nhóm giải pháp chủ yếu", [F("6 nhóm giải pháp", 6, "nhóm giải pháp")]),
    ("có 40 cơ sở sản xuất được cấp phép", [F("40 cơ sở sản xuất", 40, "cơ sở sản xuất")]),
    ("hỗ trợ 120 hộ xã Phước An", [F("120 hộ", 120, "hộ")]),
    ("có 3 đơn vị được khen thưởng", [F("3 đơn vị", 3, "đơn vị")]),
    ("trong đó 15 hộ thoát nghèo", [F("15 hộ", 15, "hộ")]),
    # administrative units listed together are one unit; a place name is not
    ("đã có 9 xã, thị trấn đạt chuẩn", [F("9 xã, thị trấn", 9, "xã, thị trấn")]),
    (
        "triển khai tại 45 xã, phường, thị trấn",
        [F("45 xã, phường, thị trấn", 45, "xã, phường, thị trấn")],
    ),
    ("có 20 tỉnh, thành phố tham gia", [F("20 tỉnh, thành phố", 20, "tỉnh, thành phố")]),
    ("tại 7 xã, huyện Phù Cát", [F("7 xã", 7, "xã")]),
    ("gồm 7 xã, 2 thị trấn", [F("7 xã", 7, "xã"), F("2 thị trấn", 2, "thị trấn")]),
    # blocked spans from other extractors
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_figures(text, expected):
    assert got(text) == expected


def test_blocked_span_removes_overlapping_figure():
    text = "Trong 6 tháng đầu năm có 25 HTX thành lập"
    blocked = [(6, 24)]  # "6 tháng đầu năm có" claimed by the dates extractor
    assert got(text, blocked) == [F("25 HTX", 25, "hợp tác xã")]
    assert got("có 25 HTX", [(3, 5)]) == []


def test_page_chrome_view_count_is_a_count():
    (fig,) = extract_figures("6,694 lượt xem")
    assert fig.unit == "lượt xem" and fig.kind == "count"


def test_exact_decimal_values():
    (fig,) = extract_figures("thu ngân sách 4.290,3 tỷ đồng")
    assert fig.value == 4290300000000.0
    assert fig.value_json() == 4290300000000


# --- real documents (quality against gold: tests/test_quality_gate.py) -----------------


@pytest.mark.skipif(not EXTRA.is_dir(), reason="shared corpus-extra not present")
def test_offsets_on_real_documents():
    """Every figure on real documents is its own text slice (speed: see bench/)."""
    texts = [p.read_text() for p in sorted(EXTRA.glob("*.txt"))]
    for text in texts:
        for fig in extract_figures(text):
            assert text[fig.start : fig.end] == fig.text


# --- tables: a number alone in a cell takes the unit its table states -----------------------


def _one_cell_per_line(rows):
    """A table in the one-cell-per-line layout of legal texts converted to markdown."""
    return "".join("|\n" + "\n|\n".join(row) + "\n|\n" for row in rows)


def _markdown(rows):
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines) + "\n"


TABLE_CASES = [
    # the unit cell of the row ("ĐVT" column)
    (
        _markdown(
            [
                ["TT", "Chỉ tiêu", "ĐVT", "Năm 2025", "Năm 2030"],
                ["1", "Diện tích cây ăn quả", "Ha", "12.500", "15.000"],
                ["2", "Sản lượng thủy sản", "Tấn", "8.420", "9.100"],
            ]
        ),
        [
            F("12.500", 12500, "ha", "other"),
            F("15.000", 15000, "ha", "other"),
            F("8.420", 8420, "tấn", "other"),
            F("9.100", 9100, "tấn", "other"),
        ],
    ),
    (
        _markdown(
            [
                ["STT", "Nội dung", "Đơn vị tính", "Kết quả"],
                ["1", "Hợp tác xã thành lập mới", "HTX", "45"],
                ["2", "Tỷ lệ hộ dùng nước sạch", "%", "98,5"],
                ["3", "Định mức chi", "Triệu đồng/người/năm", "24"],
            ]
        ),
        [
            F("45", 45, "hợp tác xã"),
            pct("98,5", 98.5),
            money("24", 24e6, "đồng/người/năm"),
        ],
    ),
    # the unit in parentheses closing the column header or the row label
    (
        _markdown(
            [
                ["TT", "Huyện", "Số lượng (HTX)", "Tỷ lệ (%)"],
                ["1", "Phù Mỹ", "38", "12,5"],
                ["2", "Hoài Nhơn", "52", "17"],
            ]
        ),
        [
            F("38", 38, "hợp tác xã"),
            pct("12,5", 12.5),
            F("52", 52, "hợp tác xã"),
            pct("17", 17),
        ],
    ),
    (
        _markdown([["TT", "Chỉ tiêu", "2025"], ["1", "Tỷ lệ che phủ rừng (%)", "42,5"]]),
        [pct("42,5", 42.5)],
    ),
    # the caption states the unit: money is scaled; the numbering column and the row that
    # numbers the columns hold no figures
    (
        "*Đơn vị tính: triệu đồng*\n\n"
        + _markdown(
            [
                ["STT", "Nội dung", "Dự toán", "Thực hiện"],
                ["A", "B", "1", "2"],
                ["1", "Thu nội địa", "172.033", "180.500"],
                ["2", "Chi thường xuyên", "120", "95"],
            ]
        ),
        [
            money("172.033", 172033e6),
            money("180.500", 180500e6),
            money("120", 120e6),
            money("95", 95e6),
        ],
    ),
    (
        "Đơn vị: Tỷ đồng\n\n"
        + _markdown([["TT", "Nguồn vốn", "Số vốn"], ["1", "Ngân sách", "45"]]),
        [money("45", 45e9)],
    ),
    # the one-cell-per-line layout of legal texts
    (
        _one_cell_per_line(
            [
                ["**TT**", "**Nội dung**", "**Đơn vị tính**", "**Định mức**"],
                ["1", "Dưới 50 học sinh", "Đồng/học sinh\n/năm", "3.500.000"],
                ["2", "Xã đồng bằng", "Triệu đồng/xã", "850"],
            ]
        ),
        [
            F("Dưới 50 học sinh", 50, "học sinh", "count", "lt"),
            money("3.500.000", 3500000, "đồng/học sinh/năm"),
            money("850", 850e6, "đồng/xã"),
        ],
    ),
    (
        _one_cell_per_line(
            [
                ["**TT**", "**Chỉ tiêu**", "**ĐVT**", "**Năm 2026**", "**Năm 2027**"],
                ["-", "Sản lượng chè búp tươi", "Tấn", "*2.150*", "*2.300*"],
            ]
        ),
        [F("2.150", 2150, "tấn", "other"), F("2.300", 2300, "tấn", "other")],
    ),
    # years in header cells are dates; a table stating no unit adds nothing
    (
        _markdown([["Chỉ tiêu", "2024", "2025"], ["Số hộ nghèo", "1.200", "950"]]),
        [F("1.200", 1200, None, "other")],
    ),
    (_markdown([["STT", "Tên xã"], ["1", "Cát Tiến"], ["2", "Cát Hải"]]), []),
]


@pytest.mark.parametrize(
    ("text", "expected"), TABLE_CASES, ids=[f"table{i}" for i in range(len(TABLE_CASES))]
)
def test_table_cells(text, expected):
    assert got(text) == expected


def test_table_cell_span_is_the_number_only():
    text = _markdown([["TT", "Chỉ tiêu", "ĐVT", "Kết quả"], ["1", "Diện tích", "ha", "**1.250**"]])
    (fig,) = extract_figures(text)
    assert text[fig.start : fig.end] == "1.250" and fig.rule == "figure.table_cell"


# --- tables read through extractors.tables: units at any header level, scale words -----------

SCALED_TABLE_CASES = [
    # a two-level header: the unit in parentheses under the year, scaled ("Nghìn USD" → ×1000)
    (
        _one_cell_per_line(
            [
                ["**TT**", "**Mặt hàng**", "**Kế hoạch 2026**", "**Kế hoạch 2027**"],
                ["**Sản lượng (Tấn)**", "**Kim ngạch (Nghìn USD)**"] * 2,
                ["1", "Cà phê nhân", "12.400", "31.000", "13.100", "33.500"],
            ]
        ),
        [
            F("12.400", 12400, "tấn", "other"),
            money("31.000", 31e6, "USD"),
            F("13.100", 13100, "tấn", "other"),
            money("33.500", 33.5e6, "USD"),
        ],
    ),
    # "Triệu đồng" in a column header; the numbering row holds no figure
    (
        _markdown(
            [
                ["TT", "Nội dung", "Kinh phí (Triệu đồng)"],
                ["(1)", "(2)", "(3)"],
                ["1", "Tập huấn chuyển đổi số", "450"],
            ]
        ),
        [money("450", 450e6)],
    ),
    # the caption's "ĐVT: Tỷ đồng" for a cell in bold
    (
        "ĐVT: Tỷ đồng\n\n"
        + _markdown([["TT", "Nguồn vốn", "Năm 2026"], ["1", "Vốn đầu tư công", "**1.250**"]]),
        [money("1.250", 1250e9)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    SCALED_TABLE_CASES,
    ids=[f"scaled_table{i}" for i in range(len(SCALED_TABLE_CASES))],
)
def test_scaled_table_cells(text, expected):
    assert got(text) == expected


# A range broken over a line stays one range (one line break around the dash).
LINE_BROKEN_RANGES = [
    ("tốc độ tăng bình quân 08 -\n09%/năm", 8, 9),
    ("tăng trưởng bình quân 05\n- 06%/năm", 5, 6),
    ("giảm tỷ lệ hộ nghèo 1,5 –\n2%/năm", 1.5, 2),
    ("hỗ trợ 3 -\n5 hợp tác xã mỗi năm", 3, 5),
]


@pytest.mark.parametrize(("text", "low", "high"), LINE_BROKEN_RANGES)
def test_range_broken_over_a_line(text, low, high):
    (fig,) = extract_figures(text)
    assert (fig.value, fig.value_max) == (low, high)
    assert text[fig.start : fig.end] == fig.text


def test_list_item_after_a_number_is_no_range():
    text = "Toàn huyện có 12\n- 15 xã đạt chuẩn nông thôn mới"
    assert [(f.value, f.value_max) for f in extract_figures(text)] == [(15, None)]
