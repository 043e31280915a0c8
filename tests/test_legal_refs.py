"""Cited legal and party documents, one real phrasing per case.

Each case gives a phrase and what a careful reader cites in it: surface, doc_type, number, date
and, where the phrase shows one, issuer or name. Dates come from the real date extractor, as in
the pipeline.
"""

from __future__ import annotations

import unicodedata

import pytest
from paths import EXTRA

from extractors.dates import extract_dates
from extractors.legal_refs import extract_legal_refs
from pipeline.models import DateMention, LegalRef


def refs_in(text: str) -> list[LegalRef]:
    return extract_legal_refs(text, extract_dates(text))


def one(text: str) -> LegalRef:
    refs = refs_in(text)
    assert len(refs) == 1, refs
    return refs[0]


def check_offsets(text: str, refs: list[LegalRef]) -> None:
    for ref in refs:
        assert text[ref.start : ref.end] == ref.text


# --- numbered citations: (phrase, surface, doc_type, number) ----------------------------------
NUMBERED = [
    # administrative numbers
    (
        "(Công văn số 538/UBND-KTTH ngày 11/6/2019).",
        "Công văn số 538/UBND-KTTH",
        "cong_van",
        "538/UBND-KTTH",
    ),
    (
        "UBND tỉnh ban hành Quyết định 3351/QĐ-UBND về Chương trình",
        "Quyết định 3351/QĐ-UBND",
        "quyet_dinh",
        "3351/QĐ-UBND",
    ),
    (
        "theo Quyết định số 977/QĐ-TTg của Thủ tướng",
        "Quyết định số 977/QĐ-TTg",
        "quyet_dinh",
        "977/QĐ-TTg",
    ),
    (
        "thực hiện Chỉ thị số 27/CT-TTg về tăng cường",
        "Chỉ thị số 27/CT-TTg",
        "chi_thi",
        "27/CT-TTg",
    ),
    (
        "Kế hoạch 279/KH-UBND về tổ chức lập Điều chỉnh Quy hoạch tỉnh",
        "Kế hoạch 279/KH-UBND",
        "ke_hoach",
        "279/KH-UBND",
    ),
    (
        "Thông báo số 157/TB-VPCP của Văn phòng Chính phủ",
        "Thông báo số 157/TB-VPCP",
        "thong_bao",
        "157/TB-VPCP",
    ),
    (
        "xét Tờ trình số 298/TTr-SCT của Sở Công Thương",
        "Tờ trình số 298/TTr-SCT",
        "other",
        "298/TTr-SCT",
    ),
    (
        "Phương án số 728/PA-UBND của Ủy ban nhân dân tỉnh",
        "Phương án số 728/PA-UBND",
        "other",
        "728/PA-UBND",
    ),
    (
        "Văn bản số 2679/SCT-QLTM của Sở Công Thương",
        "Văn bản số 2679/SCT-QLTM",
        "cong_van",
        "2679/SCT-QLTM",
    ),
    (
        "Chương trình hành động số 01/CTr-UBND của tỉnh",
        "Chương trình hành động số 01/CTr-UBND",
        "chuong_trinh",
        "01/CTr-UBND",
    ),
    (
        "Quyết định số 123/QyĐ-BCĐ của Ban Chỉ đạo",
        "Quyết định số 123/QyĐ-BCĐ",
        "quyet_dinh",
        "123/QyĐ-BCĐ",
    ),
    ("Báo cáo số 12/BC-HĐND về kết quả giám sát", "Báo cáo số 12/BC-HĐND", "bao_cao", "12/BC-HĐND"),
    # normative numbers
    (
        "theo Nghị định số 30/2020/NĐ-CP của Chính phủ về công tác văn thư",
        "Nghị định số 30/2020/NĐ-CP",
        "nghi_dinh",
        "30/2020/NĐ-CP",
    ),
    (
        "Luật số 45/2019/QH14 được Quốc hội thông qua",
        "Luật số 45/2019/QH14",
        "luat",
        "45/2019/QH14",
    ),
    (
        "Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP hướng dẫn",
        "Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP",
        "thong_tu",
        "55/2005/TTLT-BNV-VPCP",
    ),
    (
        "Nghị quyết số 13/2019/NQ-HĐND của HĐND tỉnh",
        "Nghị quyết số 13/2019/NQ-HĐND",
        "nghi_quyet",
        "13/2019/NQ-HĐND",
    ),
    (
        "Thông tư số 69/2017/TT-BTC của Bộ trưởng Bộ Tài chính",
        "Thông tư số 69/2017/TT-BTC",
        "thong_tu",
        "69/2017/TT-BTC",
    ),
    (
        "Nghị quyết 66.2/2025/NQ-CP quy định xử lý khó khăn",
        "Nghị quyết 66.2/2025/NQ-CP",
        "nghi_quyet",
        "66.2/2025/NQ-CP",
    ),
    (
        "Pháp lệnh số 02/2020/UBTVQH14 về ưu đãi người có công",
        "Pháp lệnh số 02/2020/UBTVQH14",
        "other",
        "02/2020/UBTVQH14",
    ),
    # party numbers
    (
        "tổng kết 15 năm thực hiện Nghị quyết số 13-NQ/TW, dưới sự lãnh đạo",
        "Nghị quyết số 13-NQ/TW",
        "nghi_quyet",
        "13-NQ/TW",
    ),
    (
        "triển khai Kết luận số 70-KL/TW, tạo sự chuyển biến",
        "Kết luận số 70-KL/TW",
        "ket_luan",
        "70-KL/TW",
    ),
    (
        "Hướng dẫn số 36-HD/VPTW của Văn phòng Trung ương Đảng",
        "Hướng dẫn số 36-HD/VPTW",
        "huong_dan",
        "36-HD/VPTW",
    ),
    (
        "Chương trình hành động số 32-CT/TU của Ban Thường vụ Tỉnh ủy",
        "Chương trình hành động số 32-CT/TU",
        "chuong_trinh",
        "32-CT/TU",
    ),
    (
        "quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị",
        "Nghị quyết số 57-NQ/TW",
        "nghi_quyet",
        "57-NQ/TW",
    ),
    ("Kế hoạch số 466-KH/TU của Tỉnh ủy", "Kế hoạch số 466-KH/TU", "ke_hoach", "466-KH/TU"),
    ("Chỉ thị số 36-CT/TW của Bộ Chính trị", "Chỉ thị số 36-CT/TW", "chi_thi", "36-CT/TW"),
    (
        "Chương trình số 30-CTr/TU của Thành ủy",
        "Chương trình số 30-CTr/TU",
        "chuong_trinh",
        "30-CTr/TU",
    ),
    # stray spaces: the number is kept with its spaces removed
    (
        "thực hiện Nghị quyết số 13 -NQ/TW của Trung ương",
        "Nghị quyết số 13 -NQ/TW",
        "nghi_quyet",
        "13-NQ/TW",
    ),
    (
        "ban hành Quyết định số 3351/QĐ- UBND về việc",
        "Quyết định số 3351/QĐ- UBND",
        "quyet_dinh",
        "3351/QĐ-UBND",
    ),
    ("tại Kết luận số 132- KL/TW; Nghị quyết", "Kết luận số 132- KL/TW", "ket_luan", "132-KL/TW"),
    (
        "Kế hoạch số 75/KH- UBND của UBND thành phố",
        "Kế hoạch số 75/KH- UBND",
        "ke_hoach",
        "75/KH-UBND",
    ),
    # case: type words at sentence start, in lower case, in capitals
    ("nghị quyết số 47 của HĐND tỉnh", "nghị quyết số 47", "nghi_quyet", "47"),
    (
        "THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG NGÀY 15 THÁNG 8 NĂM 2024",
        "CHỈ THỊ SỐ 27/CT-TTG",
        "chi_thi",
        "27/CT-TTG",
    ),
    # a type word with a bare number
    ("Nghị quyết số 47 ngày 13/12/2019 của HĐND tỉnh", "Nghị quyết số 47", "nghi_quyet", "47"),
    (
        "UBND tỉnh đã ban hành Quyết định số 2846 công nhận xã",
        "Quyết định số 2846",
        "quyet_dinh",
        "2846",
    ),
    ("theo Nghị quyết 66 của Chính phủ", "Nghị quyết 66", "nghi_quyet", "66"),
    ("theo Nghị định 131/2025 của Chính phủ", "Nghị định 131/2025", "nghi_dinh", "131/2025"),
    # line breaks inside a citation
    (
        "theo Nghị quyết số\n21-NQ/TW của Ban Chấp hành",
        "Nghị quyết số\n21-NQ/TW",
        "nghi_quyet",
        "21-NQ/TW",
    ),
    (
        "tại Chương trình hành động\nsố 01/CTr-UBND của tỉnh",
        "Chương trình hành động\nsố 01/CTr-UBND",
        "chuong_trinh",
        "01/CTr-UBND",
    ),
    # a few words between the type word and "số"
    (
        "Báo cáo thẩm tra số 165/BC-KTNS của Ban Kinh tế ngân sách",
        "Báo cáo thẩm tra số 165/BC-KTNS",
        "bao_cao",
        "165/BC-KTNS",
    ),
    # no type word: typed by the symbol
    ("được giao theo 3351/QĐ-UBND của tỉnh", "3351/QĐ-UBND", "quyet_dinh", "3351/QĐ-UBND"),
    ("đã được sửa đổi tại 20/2021/NĐ-CP năm ngoái", "20/2021/NĐ-CP", "nghi_dinh", "20/2021/NĐ-CP"),
    ("theo tinh thần 21-NQ/TW của Trung ương", "21-NQ/TW", "nghi_quyet", "21-NQ/TW"),
    ("(kèm theo 6676/BYT-CDS)", "6676/BYT-CDS", "cong_van", "6676/BYT-CDS"),
]


@pytest.mark.parametrize(("text", "surface", "doc_type", "number"), NUMBERED)
def test_numbered_citation(text: str, surface: str, doc_type: str, number: str) -> None:
    ref = one(text)
    assert (ref.text, ref.doc_type, ref.number) == (surface, doc_type, number)
    check_offsets(text, [ref])


# --- signing dates: (phrase, number, date) ----------------------------------------------------
DATED = [
    ("Nghị quyết số 13-NQ/TW, ngày 18/3/2002 của Ban Chấp hành", "13-NQ/TW", "2002-03-18"),
    ("Kết luận số 70-KL/TW (ngày 9.3.2020) của Bộ Chính trị", "70-KL/TW", "2020-03-09"),
    ("Nghị quyết số 134/NQ-CP (ngày 25.9.2020) của Chính phủ", "134/NQ-CP", "2020-09-25"),
    ("Kết luận số 70-KL/TW ngày 09 tháng 3 năm 2020 của Bộ Chính trị", "70-KL/TW", "2020-03-09"),
    ("Công văn số 538/UBND-KTTH ngày 11/6/2019", "538/UBND-KTTH", "2019-06-11"),
    ("Quyết định số 265/QĐ-TTg ban hành ngày 31/12/2021", "265/QĐ-TTg", "2021-12-31"),
    ("Chỉ thị số 27/CT-TTg\nngày 15 tháng 8 năm 2024 của Thủ tướng", "27/CT-TTg", "2024-08-15"),
    ("Ngày 30.11, UBND tỉnh ban hành Quyết định 3351/QĐ-UBND về", "3351/QĐ-UBND", "XXXX-11-30"),
    (
        "Ngày 17/2/2025, Ban Thường vụ Tỉnh ủy đã ký Chương trình số 32-CTr/TU",
        "32-CTr/TU",
        "2025-02-17",
    ),
    # a bare year after the number is the signing year
    ("triển khai Kế hoạch số 45/KH-UBND năm 2024 của UBND huyện", "45/KH-UBND", "2024"),
    ("Theo Mục II Quyết định 1520/QĐ-UBND năm 2023, các sở", "1520/QĐ-UBND", "2023"),
    ("thực hiện Chỉ thị 05-CT/TU năm 2021 của Ban Thường vụ Tỉnh ủy", "05-CT/TU", "2021"),
    # ... but not a period
    ("theo Chương trình số 12/CTr-UBND năm 2021 - 2025 của tỉnh", "12/CTr-UBND", None),
    # a date elsewhere in the sentence is not the signing date
    ("Nghị quyết số 13-NQ/TW được tổng kết vào ngày 14/5/2019", "13-NQ/TW", None),
    ("Đến ngày 31/12/2020, tỉnh đã thực hiện Nghị quyết số 13-NQ/TW", "13-NQ/TW", None),
    (
        "Ngày 14/5, UBND tỉnh ban hành kế hoạch triển khai Quyết định số 123/QĐ-TTg",
        "123/QĐ-TTg",
        None,
    ),
]


@pytest.mark.parametrize(("text", "number", "date"), DATED)
def test_signing_date(text: str, number: str, date: str | None) -> None:
    ref = one(text)
    assert (ref.number, ref.date) == (number, date)


def test_signing_date_from_hand_built_mentions() -> None:
    text = "Nghị quyết số 13-NQ/TW, ngày 18/3/2002 của Ban Chấp hành"
    start = text.index("18/3/2002")
    mention = DateMention(start, start + 9, "18/3/2002", "2002-03-18", "date", "dmy")
    assert extract_legal_refs(text, [mention])[0].date == "2002-03-18"
    assert extract_legal_refs(text)[0].date is None


# --- issuers: (phrase, number, issuer) --------------------------------------------------------
ISSUED = [
    (
        "Kết luận số 70-KL/TW ngày 09 tháng 3 năm 2020 của Bộ Chính trị về tiếp tục",
        "70-KL/TW",
        "Bộ Chính trị",
    ),
    ("Nghị quyết số 134/NQ-CP (ngày 25.9.2020) của Chính phủ; thực hiện", "134/NQ-CP", "Chính phủ"),
    (
        "Nghị quyết số 13-NQ/TW, ngày 18/3/2002 của Ban Chấp hành Trung ương Đảng khoá IX về tiếp tục",
        "13-NQ/TW",
        "Ban Chấp hành Trung ương Đảng khoá IX",
    ),
    ("Công văn số 538/UBND-KTTH của UBND tỉnh, các sở", "538/UBND-KTTH", "UBND tỉnh"),
    ("Nghị quyết số 13/2019/NQ-HĐND của HĐND tỉnh về chính sách", "13/2019/NQ-HĐND", "HĐND tỉnh"),
    (
        "Thông tư số 69/2017/TT-BTC ngày 07/7/2017 của Bộ trưởng Bộ Tài chính hướng dẫn",
        "69/2017/TT-BTC",
        "Bộ trưởng Bộ Tài chính",
    ),
    (
        "Quyết định số 1679/QĐ-TTg của Thủ tướng Chính phủ phê duyệt",
        "1679/QĐ-TTg",
        "Thủ tướng Chính phủ",
    ),
    (
        "Nghị quyết số 60/2024/UBTVQH15 của Ủy ban Thường vụ Quốc hội khoảng 530 tỷ đồng",
        "60/2024/UBTVQH15",
        "Ủy ban Thường vụ Quốc hội",
    ),
    (
        "Quyết định số 1234/QĐ-BKHĐT của Bộ Kế hoạch và Đầu tư",
        "1234/QĐ-BKHĐT",
        "Bộ Kế hoạch và Đầu tư",
    ),
    ("Nghị quyết số 50/NQ-CP của Chính phủ và Kế hoạch số 64/KH-UBND", "50/NQ-CP", "Chính phủ"),
    # not named: inferred from a symbol that names it without doubt
    ("theo Quyết định số 977/QĐ-TTg.", "977/QĐ-TTg", "Thủ tướng Chính phủ"),
    ("theo Nghị định số 30/2020/NĐ-CP.", "30/2020/NĐ-CP", "Chính phủ"),
    ("theo Luật số 45/2019/QH14.", "45/2019/QH14", "Quốc hội"),
    # party numbers ending in /TW: several central bodies issue them, so none is guessed
    ("theo Nghị quyết số 57-NQ/TW.", "57-NQ/TW", None),
    # a lower-case word after "của" is not an issuer
    ("Nghị quyết số 13-NQ/TW của tỉnh về kinh tế tập thể", "13-NQ/TW", None),
]


@pytest.mark.parametrize(("text", "number", "issuer"), ISSUED)
def test_issuer(text: str, number: str, issuer: str | None) -> None:
    ref = refs_in(text)[0]
    assert (ref.number, ref.issuer) == (number, issuer)


# --- lists: (phrase, [(surface, number)], doc_type) -------------------------------------------
LISTS = [
    (
        "Nghị quyết số 01/NQ-CP và số 02/NQ-CP của Chính phủ",
        [("Nghị quyết số 01/NQ-CP", "01/NQ-CP"), ("số 02/NQ-CP", "02/NQ-CP")],
        "nghi_quyet",
    ),
    (
        "các Quyết định số 123/QĐ-UBND, 456/QĐ-UBND của UBND tỉnh",
        [("Quyết định số 123/QĐ-UBND", "123/QĐ-UBND"), ("456/QĐ-UBND", "456/QĐ-UBND")],
        "quyet_dinh",
    ),
    (
        "Nghị quyết số 47 và số 48 của HĐND tỉnh",
        [("Nghị quyết số 47", "47"), ("số 48", "48")],
        "nghi_quyet",
    ),
    (
        "Kế hoạch số 53/KH-UBND ngày 12/3/2018, số 55/KH-UBND ngày 20/3/2019 của UBND tỉnh",
        [("Kế hoạch số 53/KH-UBND", "53/KH-UBND"), ("số 55/KH-UBND", "55/KH-UBND")],
        "ke_hoach",
    ),
    # an untyped code inherits the listed type ("TB" would say thong_bao on its own, here not)
    (
        "các Công văn số 12/UBND-KT và 34/UBND-VX",
        [("Công văn số 12/UBND-KT", "12/UBND-KT"), ("34/UBND-VX", "34/UBND-VX")],
        "cong_van",
    ),
]


@pytest.mark.parametrize(("text", "expected", "doc_type"), LISTS)
def test_list_inherits_type(text: str, expected: list[tuple[str, str]], doc_type: str) -> None:
    refs = refs_in(text)
    assert [(r.text, r.number) for r in refs] == expected
    assert {r.doc_type for r in refs} == {doc_type}
    check_offsets(text, refs)


def test_list_members_keep_their_own_dates() -> None:
    text = "Kế hoạch số 53/KH-UBND ngày 12/3/2018, số 55/KH-UBND ngày 20/3/2019 của UBND tỉnh"
    assert [r.date for r in refs_in(text)] == ["2018-03-12", "2019-03-20"]


# --- documents cited by name: (phrase, surface, doc_type, name, date) -------------------------
NAMED = [
    (
        "tổ chức thực hiện có hiệu quả Luật Hợp tác xã năm 2012, hoàn thiện",
        "Luật Hợp tác xã năm 2012",
        "luat",
        "Luật Hợp tác xã năm 2012",
        "2012",
    ),
    (
        "triển khai có hiệu quả Luật HTX năm 2012, hoàn thành cơ chế",
        "Luật HTX năm 2012",
        "luat",
        "Luật HTX năm 2012",
        "2012",
    ),
    (
        "theo quy định của Luật Đất đai 2013.",
        "Luật Đất đai 2013",
        "luat",
        "Luật Đất đai 2013",
        "2013",
    ),
    (
        "áp dụng Bộ luật Lao động năm 2019 đối với",
        "Bộ luật Lao động năm 2019",
        "luat",
        "Bộ luật Lao động năm 2019",
        "2019",
    ),
    ("Căn cứ Hiến pháp năm 2013;", "Hiến pháp năm 2013", "luat", "Hiến pháp năm 2013", "2013"),
    (
        "thực hiện theo Luật Ngân sách nhà nước và các văn bản",
        "Luật Ngân sách nhà nước",
        "luat",
        "Luật Ngân sách nhà nước",
        None,
    ),
    (
        "Căn cứ Luật Phòng, chống ma túy;",
        "Luật Phòng, chống ma túy",
        "luat",
        "Luật Phòng, chống ma túy",
        None,
    ),
    (
        "Căn cứ Luật Phòng cháy và chữa cháy;",
        "Luật Phòng cháy và chữa cháy",
        "luat",
        "Luật Phòng cháy và chữa cháy",
        None,
    ),
    (
        "Căn cứ Luật Tổ chức chính\nquyền địa phương ngày 16 tháng 6 năm 2025;",
        "Luật Tổ chức chính\nquyền địa phương",
        "luat",
        "Luật Tổ chức chính quyền địa phương",
        "2025-06-16",
    ),
    (
        "Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng;",
        "Pháp lệnh Ưu đãi người có công với cách mạng",
        "other",
        "Pháp lệnh Ưu đãi người có công với cách mạng",
        None,
    ),
    # law names written in lower case: accepted when they open with a known law's name
    (
        "hàng hóa bày bán phải tuân thủ Luật thương mại và các quy định về nhãn mác",
        "Luật thương mại",
        "luat",
        "Luật thương mại",
        None,
    ),
    (
        "xử lý theo quy định của Luật đất đai năm 2024.",
        "Luật đất đai năm 2024",
        "luat",
        "Luật đất đai năm 2024",
        "2024",
    ),
    (
        "cán bộ, đảng viên gương mẫu thực hiện luật phòng, chống tham nhũng;",
        "luật phòng, chống tham nhũng",
        "luat",
        "luật phòng, chống tham nhũng",
        None,
    ),
    (
        "bố trí kinh phí theo Luật ngân sách nhà\nnước.",
        "Luật ngân sách nhà\nnước",
        "luat",
        "Luật ngân sách nhà nước",
        None,
    ),
    (
        "kinh phí chi theo Luật phòng cháy và chữa cháy hiện hành",
        "Luật phòng cháy và chữa cháy",
        "luat",
        "Luật phòng cháy và chữa cháy",
        None,
    ),
    (
        "phổ biến Bộ luật lao động năm 2019 đến công nhân",
        "Bộ luật lao động năm 2019",
        "luat",
        "Bộ luật lao động năm 2019",
        "2019",
    ),
    (
        "doanh nghiệp thực hiện đúng luật bảo vệ môi trường, xử lý chất thải",
        "luật bảo vệ môi trường",
        "luat",
        "luật bảo vệ môi trường",
        None,
    ),
    (
        "tổ chức tuyên truyền Luật an toàn thực phẩm tới các hộ kinh doanh",
        "Luật an toàn thực phẩm",
        "luat",
        "Luật an toàn thực phẩm",
        None,
    ),
    # a known name is read whole across its own function words
    (
        "Căn cứ Luật Khoa học và Công nghệ ngày 18 tháng 6 năm 2013;",
        "Luật Khoa học và Công nghệ",
        "luat",
        "Luật Khoa học và Công nghệ",
        "2013-06-18",
    ),
    (
        "Căn cứ Luật Phòng, chống tác hại của thuốc lá ngày 18 tháng 6 năm 2012;",
        "Luật Phòng, chống tác hại của thuốc lá",
        "luat",
        "Luật Phòng, chống tác hại của thuốc lá",
        "2012-06-18",
    ),
    (
        "Căn cứ Luật Bảo vệ, chăm sóc và giáo dục trẻ em năm 2004;",
        "Luật Bảo vệ, chăm sóc và giáo dục trẻ em năm 2004",
        "luat",
        "Luật Bảo vệ, chăm sóc và giáo dục trẻ em năm 2004",
        "2004",
    ),
    # an amending law carries every law it amends; its passing date follows the last name
    (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai và Luật Nhà ở\n"
        "ngày 29 tháng 6 năm 2024;",
        "Luật sửa đổi, bổ sung một số điều của Luật Đất đai và Luật Nhà ở",
        "luat",
        "Luật sửa đổi, bổ sung một số điều của Luật Đất đai và Luật Nhà ở",
        "2024-06-29",
    ),
    (
        "Căn cứ Luật Sửa đổi, bổ sung một số điều của Luật Xây dựng, Luật Đầu tư công\n"
        "ngày 11 tháng 1 năm 2022;",
        "Luật Sửa đổi, bổ sung một số điều của Luật Xây dựng, Luật Đầu tư công",
        "luat",
        "Luật Sửa đổi, bổ sung một số điều của Luật Xây dựng, Luật Đầu tư công",
        "2022-01-11",
    ),
    (
        "chi theo Luật sửa đổi, bổ sung Luật thi đua, khen thưởng;",
        "Luật sửa đổi, bổ sung Luật thi đua, khen thưởng",
        "luat",
        "Luật sửa đổi, bổ sung Luật thi đua, khen thưởng",
        None,
    ),
    # party resolutions named by their plenum
    (
        "Tổng kết 15 năm thực hiện Nghị quyết Trung ương 5, khoá IX",
        "Nghị quyết Trung ương 5, khoá IX",
        "nghi_quyet",
        "Nghị quyết Trung ương 5, khoá IX",
        None,
    ),
    (
        "Sau 15 năm thực hiện Nghị quyết Trung ương 5 (khóa IX) về tiếp tục",
        "Nghị quyết Trung ương 5 (khóa IX)",
        "nghi_quyet",
        "Nghị quyết Trung ương 5 (khóa IX)",
        None,
    ),
    (
        "về tiếp tục thực hiện Nghị quyết Trung ương 5 khóa IX về tiếp tục đổi mới",
        "Nghị quyết Trung ương 5 khóa IX",
        "nghi_quyet",
        "Nghị quyết Trung ương 5 khóa IX",
        None,
    ),
    (
        "theo tinh thần Nghị quyết Hội nghị Trung ương 4 khóa XII.",
        "Nghị quyết Hội nghị Trung ương 4 khóa XII",
        "nghi_quyet",
        "Nghị quyết Hội nghị Trung ương 4 khóa XII",
        None,
    ),
    (
        "Quyết tâm thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh Lạng Sơn lần thứ XVI, nhiệm kỳ",
        "Nghị quyết Đại hội Đảng bộ tỉnh Lạng Sơn lần thứ XVI",
        "nghi_quyet",
        "Nghị quyết Đại hội Đảng bộ tỉnh Lạng Sơn lần thứ XVI",
        None,
    ),
    (
        "quán triệt Nghị quyết Đại hội XIII của Đảng",
        "Nghị quyết Đại hội XIII của Đảng",
        "nghi_quyet",
        "Nghị quyết Đại hội XIII của Đảng",
        None,
    ),
]


@pytest.mark.parametrize(("text", "surface", "doc_type", "name", "date"), NAMED)
def test_cited_by_name(text: str, surface: str, doc_type: str, name: str, date: str | None) -> None:
    ref = one(text)
    assert (ref.text, ref.doc_type, ref.number, ref.name, ref.date) == (
        surface,
        doc_type,
        None,
        name,
        date,
    )
    check_offsets(text, [ref])


# --- laws cited by name and number: (phrase, surface, number) ---------------------------------
NAMED_NUMBERED = [
    (
        "Căn cứ Luật Bảo hiểm y tế số 46/2014/QH13;",
        "Luật Bảo hiểm y tế số 46/2014/QH13",
        "46/2014/QH13",
    ),
    (
        "Căn cứ Luật Bảo hiểm xã hội\nsố 41/2024/QH15;",
        "Luật Bảo hiểm xã hội\nsố 41/2024/QH15",
        "41/2024/QH15",
    ),
    (
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;",
        "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15",
        "64/2025/QH15",
    ),
    (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 51/2024/QH15;",
        "Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 51/2024/QH15",
        "51/2024/QH15",
    ),
]


@pytest.mark.parametrize(("text", "surface", "number"), NAMED_NUMBERED)
def test_law_by_name_and_number(text: str, surface: str, number: str) -> None:
    ref = one(text)
    assert (ref.text, ref.doc_type, ref.number, ref.issuer) == (surface, "luat", number, "Quốc hội")


# --- a name that runs on to its number past function words: (phrase, surface, type, number) --
NAME_RUNS_TO_NUMBER = [
    (
        "Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng số 26/2005/PL-UBTVQH11;",
        "Pháp lệnh Ưu đãi người có công với cách mạng số 26/2005/PL-UBTVQH11",
        "other",
        "26/2005/PL-UBTVQH11",
    ),
    (
        "Căn cứ Luật Phòng, chống tác hại của rượu, bia số 44/2019/QH14;",
        "Luật Phòng, chống tác hại của rượu, bia số 44/2019/QH14",
        "luat",
        "44/2019/QH14",
    ),
    (
        "Căn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân số 87/2015/QH13;",
        "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân số 87/2015/QH13",
        "luat",
        "87/2015/QH13",
    ),
]


@pytest.mark.parametrize(("text", "surface", "doc_type", "number"), NAME_RUNS_TO_NUMBER)
def test_name_runs_to_its_number(text: str, surface: str, doc_type: str, number: str) -> None:
    ref = one(text)
    assert (ref.text, ref.doc_type, ref.number) == (surface, doc_type, number)
    check_offsets(text, [ref])


def test_a_number_after_another_document_is_not_the_laws() -> None:
    text = "Căn cứ Luật Đất đai và Nghị định số 102/2024/NĐ-CP của Chính phủ;"
    got = [(r.text, r.number) for r in refs_in(text)]
    assert got == [("Luật Đất đai", None), ("Nghị định số 102/2024/NĐ-CP", "102/2024/NĐ-CP")]


# --- plans, strategies, projects and programmes cited by title: (phrase, surface, doc_type) --
TITLED = [
    (
        "triển khai theo Quy hoạch mạng lưới cơ sở y tế thời kỳ 2021 - 2030, tầm nhìn đến năm 2050.",
        "Quy hoạch mạng lưới cơ sở y tế thời kỳ 2021 - 2030, tầm nhìn đến năm 2050",
        "other",
    ),
    (
        "bảo đảm phù hợp với Quy hoạch sử dụng đất đến năm 2030 của huyện",
        "Quy hoạch sử dụng đất đến năm 2030",
        "other",
    ),
    (
        "Thực hiện Chiến lược phát triển nông nghiệp và nông thôn bền vững giai đoạn 2021 - 2030, "
        "tầm nhìn đến năm 2050;",
        "Chiến lược phát triển nông nghiệp và nông thôn bền vững giai đoạn 2021 - 2030, "
        "tầm nhìn đến năm 2050",
        "other",
    ),
    (
        "cụ thể hóa Chiến lược quốc gia về tăng trưởng xanh\nđến năm 2030 trên địa bàn",
        "Chiến lược quốc gia về tăng trưởng xanh\nđến năm 2030",
        "other",
    ),
    (
        "UBND huyện đã phê duyệt Đề án phát triển du lịch cộng đồng đến năm 2030, với tổng kinh phí",
        "Đề án phát triển du lịch cộng đồng đến năm 2030",
        "other",
    ),
    (
        "tỉnh đã phê duyệt Đề án xây dựng xã đạt chuẩn nông thôn mới kiểu mẫu vào năm 2026, theo đó",
        "Đề án xây dựng xã đạt chuẩn nông thôn mới kiểu mẫu vào năm 2026",
        "other",
    ),
    (
        "các sở, ngành tổ chức thực hiện Đề án “Phát triển thị trường lao động linh hoạt”;",
        "Đề án “Phát triển thị trường lao động linh hoạt”",
        "other",
    ),
    (
        "phối hợp triển khai Đề án\n“Đưa trẻ em đến trường an toàn,\nhạnh phúc” tại các xã",
        "Đề án\n“Đưa trẻ em đến trường an toàn,\nhạnh phúc”",
        "other",
    ),
    (
        "Thủ tướng phê duyệt Đề án Phát triển ứng dụng dữ liệu dân cư, định danh và xác thực "
        "điện tử; các bộ, ngành",
        "Đề án Phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử",
        "other",
    ),
    (
        "lồng ghép với Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào "
        "dân tộc thiểu số giai đoạn 2021 - 2030.",
        "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào "
        "dân tộc thiểu số giai đoạn 2021 - 2030",
        "chuong_trinh",
    ),
    (
        "nguồn vốn Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025 được",
        "Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025",
        "chuong_trinh",
    ),
]


@pytest.mark.parametrize(("text", "surface", "doc_type"), TITLED)
def test_cited_by_title(text: str, surface: str, doc_type: str) -> None:
    ref = one(text)
    assert (ref.text, ref.doc_type, ref.number, ref.date) == (surface, doc_type, None, None)
    assert ref.name == " ".join(surface.split())
    check_offsets(text, [ref])


# --- cited by issuer and subject: (phrase, surface, doc_type, issuer) ------------------------
BY_ISSUER_AND_SUBJECT = [
    (
        "Hội nghị đã công bố Quyết định của Ban Thường vụ Tỉnh ủy về công tác cán bộ.",
        "Quyết định của Ban Thường vụ Tỉnh ủy về công tác cán bộ",
        "quyet_dinh",
        "Ban Thường vụ Tỉnh ủy",
    ),
    (
        "quán triệt Nghị quyết của Bộ Chính trị về phát triển kinh tế tư nhân;",
        "Nghị quyết của Bộ Chính trị về phát triển kinh tế tư nhân",
        "nghi_quyet",
        "Bộ Chính trị",
    ),
    (
        "thực hiện Chỉ thị của Thủ tướng Chính phủ về tăng cường phòng cháy, chữa cháy rừng "
        "trong mùa khô. Các sở",
        "Chỉ thị của Thủ tướng Chính phủ về tăng cường phòng cháy, chữa cháy rừng trong mùa khô",
        "chi_thi",
        "Thủ tướng Chính phủ",
    ),
    (
        "Đại hội nghe công bố Quyết định của Huyện ủy về chỉ định Ban Chấp hành Đảng bộ xã "
        "nhiệm kỳ 2025 - 2030 gồm 21 đồng chí",
        "Quyết định của Huyện ủy về chỉ định Ban Chấp hành Đảng bộ xã nhiệm kỳ 2025 - 2030",
        "quyet_dinh",
        "Huyện ủy",
    ),
]


@pytest.mark.parametrize(("text", "surface", "doc_type", "issuer"), BY_ISSUER_AND_SUBJECT)
def test_cited_by_issuer_and_subject(text: str, surface: str, doc_type: str, issuer: str) -> None:
    ref = one(text)
    assert (ref.text, ref.doc_type, ref.number, ref.issuer) == (surface, doc_type, None, issuer)
    check_offsets(text, [ref])


# A quantity in a title or subject stays a figure: the span stops before it, the name does not.
QUANTITY_IN_TITLE = [
    (
        "các địa phương hưởng ứng Đề án “Trồng 1 tỷ cây xanh giai đoạn 2021 - 2025”;",
        "Đề án “Trồng",
        "Đề án “Trồng 1 tỷ cây xanh giai đoạn 2021 - 2025”",
    ),
    (
        "thực hiện Nghị quyết của HĐND tỉnh về hỗ trợ 5 triệu đồng cho mỗi hộ nghèo.",
        "Nghị quyết của HĐND tỉnh về hỗ trợ",
        "Nghị quyết của HĐND tỉnh về hỗ trợ",
    ),
]


@pytest.mark.parametrize(("text", "surface", "name"), QUANTITY_IN_TITLE)
def test_span_leaves_a_titles_quantity_to_figures(text: str, surface: str, name: str) -> None:
    ref = one(text)
    assert (ref.text, ref.name) == (surface, name)
    check_offsets(text, [ref])


def test_subject_stops_before_a_document_it_names() -> None:
    text = "theo Kế hoạch của UBND tỉnh về thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị"
    got = [(r.text, r.number) for r in refs_in(text)]
    assert got == [
        ("Kế hoạch của UBND tỉnh về thực hiện", None),
        ("Nghị quyết số 57-NQ/TW", "57-NQ/TW"),
    ]


# --- not citations ----------------------------------------------------------------------------
NOTHING = [
    "Chỉ thị này được phổ biến rộng rãi đến các chi bộ, đảng viên và nhân dân.",
    "Chỉ đạo kiểm tra, giám sát việc tổ chức thực hiện chỉ thị này.",
    "Quyết định này có hiệu lực kể từ ngày ký.",
    "Kế hoạch này thay thế các kế hoạch trước đây.",
    "Nghị quyết này đã được Hội đồng nhân dân tỉnh thông qua.",
    "lồng ghép nhiệm vụ vào chương trình, kế hoạch phát triển kinh tế - xã hội của địa phương",
    "Xây dựng các chương trình, đề án có tính đột phá trong giai đoạn 2020- 2025",
    "UBND tỉnh chỉ đạo xây dựng kế hoạch 5 năm 2021 - 2025.",
    "Rà soát, bổ sung, hoàn thiện hệ thống pháp luật, các cơ chế, chính sách của tỉnh.",
    "theo quy định của pháp luật hiện hành",
    "Luật sư Nguyễn Văn A đã tư vấn cho hợp tác xã.",
    "CHỈ THỊ\nvề nâng cao hiệu quả hoạt động của kinh tế tập thể",
    "|\nSố: 165/KH-UBND\n|\n*Cần Thơ, ngày 21 tháng 11 năm 2025 *",
    "Số:\n37/2025/NQ-HĐND\n|",
    "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP Số 617/KH-UBND Đồng Tháp, ngày 01 tháng 12 năm 2025",
    "có 50/53 đại biểu tán thành, đạt 94,34%",
    "xếp thứ 22/63 tỉnh, thành phố; 5/9 tiêu chí đạt chuẩn",
    "Xem chi tiết tại https://example.vn/tin/3351/QĐ-UBND-moi",
    "Kế hoạch 2021 của tỉnh được triển khai đồng bộ.",
    "Kế hoạch 2021/2025 của ngành đã hoàn thành.",
    # "luật" inside a common noun, or a law-like name no law carries
    "Đảng viên vi phạm kỷ luật đảng sẽ bị xử lý nghiêm.",
    "nâng cao ý thức chấp hành pháp luật đất đai của người dân",
    "tổ chức lấy ý kiến góp ý dự luật đất đai (sửa đổi)",
    "nắm vững quy luật thị trường để điều chỉnh sản xuất",
    "Luật gia Nguyễn Văn C trình bày tham luận.",
    "mọi việc phải làm theo luật định",
    "tuân thủ các điều luật giao thông đường bộ",
    "Luật mới có nhiều điểm thay đổi.",
    # a plan or project being made, a title without its period, a back-reference without subject
    "Sở Tài chính đang xây dựng Đề án phát triển kinh tế tư nhân đến năm 2030.",
    "UBND tỉnh tổ chức lập Quy hoạch tỉnh thời kỳ 2021 - 2030.",
    "cơ quan chủ trì điều chỉnh Quy hoạch chung đô thị giai đoạn 2025 - 2035",
    "Chương trình đặt mục tiêu đến năm 2030 mọi xã có trạm y tế đạt chuẩn.",
    "Đề án này được triển khai từ năm 2024.",
    "Chiến lược đúng đắn đã giúp tỉnh tăng trưởng nhanh.",
    "lồng ghép các chương trình, đề án đến năm 2030",
    "Báo cáo của UBND huyện cho thấy kinh tế tăng trưởng khá.",
    "Công văn của UBND tỉnh nêu rõ yêu cầu.",
    "tỉnh đã có quyết định của Chủ tịch UBND tỉnh về việc thành lập tổ công tác",
]


@pytest.mark.parametrize("text", NOTHING)
def test_not_a_citation(text: str) -> None:
    assert refs_in(text) == []


# --- mixed sentences --------------------------------------------------------------------------
def test_mixed_sentence_keeps_every_citation_and_its_own_fields() -> None:
    text = (
        "(QNO) - Ngày 30.11, UBND tỉnh ban hành Quyết định 3351/QĐ-UBND về Chương trình hành "
        "động thực hiện Kết luận số 70-KL/TW (ngày 9.3.2020) của Bộ Chính trị về tiếp tục thực "
        "hiện Nghị quyết Trung ương 5 khóa IX về tiếp tục đổi mới, phát triển và nâng cao hiệu "
        "quả kinh tế tập thể."
    )
    refs = refs_in(text)
    check_offsets(text, refs)
    got = [(r.text, r.doc_type, r.number, r.date, r.issuer) for r in refs]
    assert got == [
        ("Quyết định 3351/QĐ-UBND", "quyet_dinh", "3351/QĐ-UBND", "XXXX-11-30", None),
        ("Kết luận số 70-KL/TW", "ket_luan", "70-KL/TW", "2020-03-09", "Bộ Chính trị"),
        ("Nghị quyết Trung ương 5 khóa IX", "nghi_quyet", None, None, None),
    ]


def test_considering_clauses_of_a_resolution() -> None:
    text = (
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
        "Căn cứ Nghị định số 45/2017/NĐ-CP ngày 21 tháng 4 năm 2017 của Chính phủ quy định "
        "chi tiết lập kế hoạch tài chính 05 năm;\n"
        "Xét Tờ trình số 428/TTr-UBND ngày 10/11/2025 của Ủy ban nhân dân tỉnh; Báo cáo thẩm "
        "tra số 165/BC-KTNS ngày 24 tháng 11 năm 2025 của Ban Kinh tế ngân sách."
    )
    refs = refs_in(text)
    check_offsets(text, refs)
    got = [(r.doc_type, r.number, r.date, r.issuer) for r in refs]
    assert got == [
        ("luat", "72/2025/QH15", None, "Quốc hội"),
        ("nghi_dinh", "45/2017/NĐ-CP", "2017-04-21", "Chính phủ"),
        ("other", "428/TTr-UBND", "2025-11-10", "Ủy ban nhân dân tỉnh"),
        ("bao_cao", "165/BC-KTNS", "2025-11-24", "Ban Kinh tế ngân sách"),
    ]


def test_key_identifies_a_document_across_spellings() -> None:
    a, b = refs_in("Nghị quyết số 13-NQ/TW và Nghị quyết số 13 -NQ/TW")
    assert a.key == b.key == "no:13-NQ/TW"


# --- real documents (quality against gold: tests/test_quality_gate.py) -----------------


@pytest.mark.skipif(not EXTRA.is_dir(), reason="shared corpus-extra not present")
def test_extra_corpus_offsets() -> None:
    """Every reference on real documents is its own text slice, in order (speed: see bench/)."""
    for path in sorted(EXTRA.glob("*.txt")):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        refs = extract_legal_refs(text, extract_dates(text))
        check_offsets(text, refs)
        assert refs == sorted(refs, key=lambda r: (r.start, r.end))
