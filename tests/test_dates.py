"""Dates and the document's own date, from real Vietnamese official phrasing."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from paths import EXTRA, GOLD, SEEDS

from extractors.dates import detect_document_date, extract_dates


def _values(text: str, ref_date: str | None = None) -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in extract_dates(text, ref_date)]


def _found(text: str, key: str, ref_date: str | None = None) -> str | None:
    """The value of the mention whose surface holds ``key`` (None when no mention does)."""
    for d in extract_dates(text, ref_date):
        assert text[d.start : d.end] == d.text
        if key in d.text:
            return d.value
    return None


# --- full dates, months, years, quarters, parts of a year, periods --------------------------

FORMS = [
    ("(Công văn số 538/UBND-KTTH ngày 11/6/2019)", "11/6/2019", "2019-06-11"),
    ("Kết luận số 70-KL/TW (ngày 9.3.2020) của Bộ Chính trị", "9.3.2020", "2020-03-09"),
    ("tổ chức vào ngày 25.9.2020 tại Hội trường", "25.9.2020", "2020-09-25"),
    ("Thứ 6, 26/06/2020 | 14:34:04", "26/06/2020", "2020-06-26"),
    ("Kết luận số 70-KL/TW ngày 09 tháng 3 năm 2020 của Bộ Chính trị", "09 tháng 3", "2020-03-09"),
    ("Nghị quyết số 13-NQ/TW, ngày 18-3-2002 của Ban Chấp hành", "18-3-2002", "2002-03-18"),
    ("Ngày 17.2.2025, Ban Thường vụ Tỉnh ủy đã ban hành", "17.2.2025", "2025-02-17"),
    ("Cà Mau, ngày 24\ntháng 11 năm 2025", "24\ntháng 11 năm 2025", "2025-11-24"),
    (
        "Thông tư số 34/2023/TT-BYT ngày 31 tháng 12 năm\n2023 của Bộ Y tế",
        "31 tháng 12",
        "2023-12-31",
    ),
    ("2025-08-11\n\nSáng ngày 11/8, Đảng bộ xã", "2025-08-11", "2025-08-11"),
    ("WB sẽ có cuộc họp nội bộ vào đầu tháng 5/2025", "tháng 5/2025", "2025-05"),
    ("hoàn thành trong tháng 5 năm 2025", "tháng 5 năm 2025", "2025-05"),
    ("Chính phủ công nhận vào tháng 12.2025.", "tháng 12.2025", "2025-12"),
    ("báo cáo về Công an tỉnh trong tháng 11/2025.", "tháng 11/2025", "2025-11"),
    ("hoàn thành chậm nhất đến 6/2025, các đơn vị", "6/2025", "2025-06"),
    ("tổng thu ngân sách năm 2025 đạt 12.500 tỷ đồng", "năm 2025", "2025"),
    ("Đến hết năm 2019, toàn tỉnh có 186 hợp tác xã", "năm 2019", "2019"),
    ("Dự báo, đến cuối năm 2020, TPHCM chỉ tăng trưởng", "năm 2020", "2020"),
    ("phấn đấu đầu năm 2025 khởi công dự án", "năm 2025", "2025"),
    (
        "tình hình phát triển KT-XH quý I/2025, công tác xóa nhà tạm",
        "quý I/2025",
        "2025-01/2025-03",
    ),
    ("huyện NTM nâng cao vào quý III/2025 và trình Bộ", "quý III/2025", "2025-07/2025-09"),
    ("Kinh tế quý 1 năm 2025 tăng trưởng khá", "quý 1 năm 2025", "2025-01/2025-03"),
    ("| Các sở, ban, ngành tỉnh | Quí IV-2025 |", "Quí IV-2025", "2025-10/2025-12"),
    ("quý II năm 2024 tăng 6,5%", "quý II năm 2024", "2024-04/2024-06"),
    ("6 tháng đầu năm 2020, trong bối cảnh khó khăn chung", "6 tháng đầu", "2020-01/2020-06"),
    ("nhiệm vụ trọng tâm 6 tháng cuối năm 2020.", "6 tháng cuối", "2020-07/2020-12"),
    ("Kết quả thực hiện 6 tháng năm 2020 của khu vực KTTT", "6 tháng năm 2020", "2020-01/2020-06"),
    ("Nhưng thực tế 9 tháng đầu năm 2020, TPHCM chỉ tăng 0,77%", "9 tháng", "2020-01/2020-09"),
    ("báo cáo tình hình KTTT, HTX 6 tháng đầu năm, nhiệm vụ", "6 tháng đầu năm", "XXXX-01/XXXX-06"),
    ("3 tháng đầu năm 2021 thu ngân sách đạt 30%", "3 tháng đầu", "2021-01/2021-03"),
    ("sáu tháng đầu năm 2023, toàn tỉnh", "sáu tháng", "2023-01/2023-06"),
    ("nửa đầu năm 2022 xuất khẩu tăng", "nửa đầu năm 2022", "2022-01/2022-06"),
    ("Kế hoạch đầu tư công trung hạn giai đoạn 2016 - 2020", "2016 - 2020", "2016/2020"),
    ("HĐND tỉnh khóa XIII, nhiệm kỳ 2021 - 2026 tiến hành", "2021 - 2026", "2021/2026"),
    ("triển khai trong nhiệm kỳ 2020-2025. Ảnh Thanh Vũ", "2020-2025", "2020/2025"),
    ("Chương trình hành động nhiệm kỳ 2020- 2025 của Tỉnh ủy", "2020- 2025", "2020/2025"),
    ("Đảng bộ xã lần thứ Nhất, nhiệm kỳ 2025 – 2030.", "2025 – 2030", "2025/2030"),
    ("thu, chi ngân sách 03 năm 2026 -\n2028;", "2026 -\n2028", "2026/2028"),
    ("kết quả tuyển sinh năm học 2024-2025 của ngành", "2024-2025", "2024/2025"),
    ("tầm nhìn đến năm 2050", "năm 2050", "2050"),
    ("công nghiệp công nghệ số Việt Nam đến 2030, tầm nhìn 2035", "2030", "2030"),
    ("Việt Nam đến 2030, tầm nhìn 2035 theo hướng dẫn", "2035", "2035"),
    ("Kinh doanh năm 2025 và 2026, đảm bảo cắt giảm", "2026", "2026"),
    ("tăng trưởng đạt 18,2% (2018). Đến cuối năm", "2018", "2018"),
    ("các năm 2021, 2022 và 2023 tăng bình quân 7%", "2023", "2023"),
    ("từ ngày 1/7/2025, mức lương cơ sở", "1/7/2025", "2025-07-01"),
    ("| **Kế hoạch 2026** | **Kế hoạch 2027** |", "2027", "2027"),
    ("| **Dự kiến năm** **2027** |", "2027", "2027"),
    ("Trong 2 ngày 14-15/5/2025, Đoàn công tác", "14-15/5/2025", "2025-05-14/2025-05-15"),
]


@pytest.mark.parametrize(("phrase", "key", "value"), FORMS)
def test_date_forms(phrase: str, key: str, value: str) -> None:
    assert _found(phrase, key) == value


# --- day-months with no year: XXXX, or resolved against the document's own date -------------

DAY_MONTHS = [
    ("LSO-Chiều nay (14/5), Tỉnh uỷ Lạng Sơn tổ chức hội nghị", "14/5", None, "XXXX-05-14"),
    ("LSO-Chiều nay (14/5), Tỉnh uỷ Lạng Sơn tổ chức", "14/5", "2019-05-14", "2019-05-14"),
    ("(binhdinh.gov.vn) - Sáng 18/4, Chủ tịch UBND tỉnh", "18/4", None, "XXXX-04-18"),
    ("(QNO) - Ngày 30.11, UBND tỉnh ban hành Quyết định", "30.11", None, "XXXX-11-30"),
    ("Sáng ngày 26/6, đồng chí Nguyễn Quang Hưng", "26/6", "2020-06-26", "2020-06-26"),
    ("(BĐ) - Chiều 22.4, Chủ tịch UBND tỉnh", "22.4", "2025-04-23", "2025-04-22"),
    ("BHG - Tối ngày 28.12, Đảng bộ, chính quyền", "28.12", "2020-01-05", "2019-12-28"),
    ("Hôm nay (3/2), Ban Thường vụ tổ chức", "3/2", "2024-12-30", "2025-02-03"),
    ("Lạng Sơn (14/5) - Hội nghị tổng kết", "14/5", None, "XXXX-05-14"),
    ("hoàn thành trước ngày 30/6, báo cáo UBND tỉnh", "30/6", "2025-03-01", "2025-06-30"),
    ("tổ chức từ 14/5 đến 20/5 tại Hà Nội", "20/5", None, "XXXX-05-20"),
    ("tổ chức từ 14/5 đến 20/5 tại Hà Nội", "14/5", None, "XXXX-05-14"),
    ("Ban Chỉ đạo trước ngày 25/12 hàng năm.", "25/12", "2025-11-25", "XXXX-12-25"),
    ("định kỳ trước ngày 01/6 và 15/11 hằng năm", "01/6", "2025-12-01", "XXXX-06-01"),
    ("định kỳ trước ngày 01/6 và 15/11 hằng năm", "15/11", "2025-12-01", "XXXX-11-15"),
    ("1. Trước ngày 20 tháng 12 hằng năm, Ủy ban", "20 tháng 12", None, "XXXX-12-20"),
    ("ngày 14 tháng 5 tới, Hội nghị", "14 tháng 5", "2019-05-02", "2019-05-14"),
    ("Tính đến giữa tháng 2 năm nay, huyện đã đạt", "tháng 2", "2025-04-01", "2025-02"),
    ("6 tháng đầu năm thu hoạch 574.341 tấn", "6 tháng", "2025-11-24", "2025-01/2025-06"),
    ("từ ngày 24 đến 27/1, UBND tỉnh Bến Tre", "27/1", None, "XXXX-01-24/XXXX-01-27"),
]


@pytest.mark.parametrize(("phrase", "key", "ref", "value"), DAY_MONTHS)
def test_day_month_resolution(phrase: str, key: str, ref: str | None, value: str) -> None:
    assert _found(phrase, key, ref) == value


def test_inferred_year_is_flagged() -> None:
    [mention] = extract_dates("Sáng 18/4, Chủ tịch UBND tỉnh", "2025-04-20")
    assert (mention.value, mention.year_inferred) == ("2025-04-18", True)
    [mention] = extract_dates("ngày 11/6/2019", "2025-04-20")
    assert mention.year_inferred is False


@pytest.mark.parametrize(
    ("ref", "day_month", "value"),
    [
        ("2020-01-05", "28/12", "2019-12-28"),
        ("2019-12-30", "3/1", "2020-01-03"),
        ("2019-06-26", "26/6", "2019-06-26"),
        ("2021-03-01", "29/2", "2020-02-29"),
    ],
)
def test_year_rollover(ref: str, day_month: str, value: str) -> None:
    assert _found(f"Sáng {day_month}, UBND tỉnh họp", day_month, ref) == value


# --- what is not a date -----------------------------------------------------------------------

NOT_DATES = [
    ("huyện đã đạt được 5/9 tiêu chí huyện nông thôn mới", "5/9"),
    ("xếp thứ 22/63 tỉnh thành", "22/63"),
    ("đã bàn giao 419/419 căn nhà cho hộ nghèo", "419/419"),
    ("Tham dự kỳ họp có 50/53 đại biểu HĐND tỉnh.", "50/53"),
    ("từ 5/9 tiêu chí lên 9/9 tiêu chí", "5/9"),
    ("đến 16/19 tiêu chí, còn thiếu 3 tiêu chí", "16/19"),
    ("thu nhập bình quân đạt 3,8 triệu đồng/tháng", "3,8"),
    ("tổng vốn 2.659,96 tỷ đồng", "2.659"),
    ("Nghị quyết số 134/NQ-CP của Chính phủ", "134"),
    ("Nghị quyết số 13/2019/NQ-HĐND của HĐND tỉnh", "13/2019"),
    ("từ 13/2019/NQ-HĐND đến nay", "13/2019"),
    ("Luật số 45/2019/QH14", "45/2019"),
    ("Thứ 6, 26/06/2020 | 14:34:04", "14:34"),
    ("Điện thoại: 0256.3822.123", "0256"),
    ("do dịch Covid-19 kéo dài", "19"),
    ("hỗ trợ 1.500 hộ nghèo", "1.500"),
    ("có 2025 hộ dân được hỗ trợ", "2025"),
    ("từ 1500 đến 2000 người tham gia", "2000"),
    ("bảo đảm hoạt động thông suốt 24/7 đáp ứng", "24/7"),
    ("bản đồ tỷ lệ 1/2.000, 1/5.000", "1/2"),
    ("Sau 15 năm thực hiện Nghị quyết", "15"),
    ("6.3. Chỉ đạo kiểm tra, giám sát", "6.3"),
    ("| *4=3/2* | *5* |", "3/2"),
    ("Kế hoạch 279/KH-UBND về tổ chức lập", "279"),
    ("đạt tỷ lệ 86,1%, 03/25 trường ngoài công lập", "03/25"),
    ("Chỉ thị số 32-CT/TU ngày", "32"),
]


@pytest.mark.parametrize(("phrase", "number"), NOT_DATES)
def test_not_dates(phrase: str, number: str) -> None:
    assert [d for d in extract_dates(phrase) if number in d.text] == []


def test_from_year_to_year_is_two_years() -> None:
    text = "Kế hoạch thực hiện từ năm 2021 đến năm 2025 trên địa bàn tỉnh"
    assert _values(text) == [("năm 2021", "2021"), ("năm 2025", "2025")]


def test_longest_reading_wins() -> None:
    text = "nhiệm vụ 6 tháng cuối năm 2020 và quý I/2021"
    assert _values(text) == [
        ("6 tháng cuối năm 2020", "2020-07/2020-12"),
        ("quý I/2021", "2021-01/2021-03"),
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789/.-, ()námgàyqýIVthángSáng\n", max_size=60))
def test_surface_is_always_the_text_slice(text: str) -> None:
    for d in extract_dates(text, "2020-06-26"):
        assert text[d.start : d.end] == d.text
        assert d.start < d.end


# --- the document's own date ------------------------------------------------------------------

HEADS = [
    ("Thứ 5, 30/11/2023, 14:01[GMT+7]\n\nTiêu đề\n\nThứ 6, 26/06/2020 | 14:34:04\n", "2020-06-26"),
    ("Thứ sáu,  20/09/2019\n\nTổng kết\n\nLSO-Chiều nay (14/5), Tỉnh uỷ tổ chức", "2019-05-14"),
    ("Thứ 2, 03/02/2025\n\nHôm nay (3/2), Ban Thường vụ họp", "2025-02-03"),
    ("Thứ 2, 06/01/2025\n\nSáng nay (30/12), Ban Thường vụ họp", "2024-12-30"),
    ("Tin tức\nCập nhật: 10:25 14/05/2019\nNội dung bài viết", "2019-05-14"),
    ("Tin tức\nNgày đăng: 14/05/2019\nNội dung", "2019-05-14"),
    ("Tin tức\nĐăng ngày 14-05-2019\nNội dung", "2019-05-14"),
    ("Đại hội đại biểu\n2025-08-11\n\nSáng ngày 11/8, Đảng bộ xã", "2025-08-11"),
    (
        "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 12/CT-UBND\nLạng Sơn, ngày 14 tháng 5 năm 2019\n",
        "2019-05-14",
    ),
    ("UBND TỈNH\n|\n*Bình Định, ngày 20 tháng 3 năm 2025*\n|\nKẾ HOẠCH", "2025-03-20"),
    ("Số: 0204/KH-UBND\n|\n*Cà Mau, ngày 24\ntháng 11 năm 2025*\n", "2025-11-24"),
    ("*Thành phố Hồ Chí\nMinh, ngày 21 tháng 11 năm 2025*\n", "2025-11-21"),
    ("Thứ 6, 21/03/2025 | 15:45\nSáng 21/3, tại Trung tâm Hội nghị tỉnh", "2025-03-21"),
]


@pytest.mark.parametrize(("head", "value"), HEADS)
def test_document_date_from_head(head: str, value: str) -> None:
    found = detect_document_date(head)
    assert found is not None
    assert found.value == value
    assert head[found.start : found.end]  # the span points into the text


NO_DOCUMENT_DATE = [
    "(QNO) - Ngày 30.11, UBND tỉnh ban hành Quyết định 3351/QĐ-UBND",
    "Nghị quyết số 13-NQ/TW, ngày 18/3/2002 của Ban Chấp hành Trung ương",
    "(BĐ) - Chiều 22.4, Chủ tịch UBND tỉnh có buổi làm việc",
    "Căn cứ Quyết định số 3617/QĐ-UBND ngày 04/11/2022 của UBND tỉnh;",
    "CHỈ THỊ\nvề nâng cao hiệu quả hoạt động của kinh tế tập thể",
    "LSO-Chiều nay (14/5), Tỉnh uỷ Lạng Sơn tổ chức hội nghị",
]


@pytest.mark.parametrize("head", NO_DOCUMENT_DATE)
def test_no_document_date(head: str) -> None:
    assert detect_document_date(head) is None


def test_place_date_line_in_signature_block() -> None:
    body = "Căn cứ Luật Tổ chức chính quyền địa phương;\n" + "Nội dung kế hoạch.\n" * 200
    text = body + "\nLạng Sơn, ngày 14 tháng 5 năm 2019\nCHỦ TỊCH\n"
    found = detect_document_date(text)
    assert found is not None and found.value == "2019-05-14"


def _read(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def _gold(path: Path) -> dict:
    return json.loads((GOLD / (path.name + ".gold.json")).read_text(encoding="utf-8"))


SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_document_date_on_seeds(path: Path) -> None:
    found = detect_document_date(_read(path))
    assert (found.value if found else None) == _gold(path)["published"]


# --- real documents (quality against gold: tests/test_quality_gate.py) -----------------


EXTRA_FILES = sorted(EXTRA.glob("*.txt"))


def test_corpus_extra_offsets() -> None:
    """Every mention on real documents is its own text slice (speed: see bench/)."""
    for path in EXTRA_FILES:
        text = _read(path)
        found = detect_document_date(text)
        for d in extract_dates(text, found.value if found else None):
            assert text[d.start : d.end] == d.text


def test_cited_document_dates_are_not_the_document_date() -> None:
    text = _read(SEEDS / "003_e84f542e42e30393.txt")
    assert "ngày 09 tháng 3 năm 2020" in text
    assert detect_document_date(text) is None
