"""The sentence splitter: where Vietnamese official text must and must not be cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import EXTRA as EXTRA_DIR
from paths import SEEDS as SEED_DIR

from pipeline.models import PageSpan
from pipeline.normalise import normalise_text
from pipeline.segment import MAX_PASSAGE_CHARS, split_passages

SEEDS = sorted(SEED_DIR.glob("*.txt"))
EXTRA = sorted(EXTRA_DIR.glob("*.txt"))


def texts(text: str) -> list[str]:
    return [passage.text for passage in split_passages(text)]


# One phrase per case: the text, then the passages it must become.
SPLIT_CASES = [
    # no cut inside document numbers, thousands, decimals
    ("Thực hiện Nghị quyết số 13-NQ/TW của Bộ Chính trị.", ["Thực hiện Nghị quyết số 13-NQ/TW của Bộ Chính trị."]),
    ("Ban hành Quyết định 3351/QĐ-UBND về Chương trình hành động. Mục đích là quán triệt.",
     ["Ban hành Quyết định 3351/QĐ-UBND về Chương trình hành động.", "Mục đích là quán triệt."]),
    ("Toàn tỉnh có 455.523 hộ gia đình. Trong đó có 3,8 triệu lao động.",
     ["Toàn tỉnh có 455.523 hộ gia đình.", "Trong đó có 3,8 triệu lao động."]),
    ("Tốc độ tăng trưởng đạt 6.91 % so với cùng kỳ.", ["Tốc độ tăng trưởng đạt 6.91 % so với cùng kỳ."]),
    # places and titles with a dot
    ("Hội nghị tổ chức tại TP. Hồ Chí Minh vào sáng nay.", ["Hội nghị tổ chức tại TP. Hồ Chí Minh vào sáng nay."]),
    ("Kim ngạch xuất khẩu của TP.HCM tăng mạnh. Đồng Nai đứng thứ hai.",
     ["Kim ngạch xuất khẩu của TP.HCM tăng mạnh.", "Đồng Nai đứng thứ hai."]),
    ("Đoàn công tác làm việc tại Tp. Quy Nhơn.", ["Đoàn công tác làm việc tại Tp. Quy Nhơn."]),
    ("Phát biểu của ThS. Nguyễn Văn An, Trưởng phòng.", ["Phát biểu của ThS. Nguyễn Văn An, Trưởng phòng."]),
    ("Theo TS. Lê Minh Hoàng, cần đổi mới cơ chế.", ["Theo TS. Lê Minh Hoàng, cần đổi mới cơ chế."]),
    ("Ý kiến của PGS.TS. Trần Đình Thiên được đánh giá cao.", ["Ý kiến của PGS.TS. Trần Đình Thiên được đánh giá cao."]),
    ("Nhà thờ St. Joseph được trùng tu.", ["Nhà thờ St. Joseph được trùng tu."]),
    ("Ảnh: M.L Cán bộ xã hướng dẫn người dân.", ["Ảnh: M.L Cán bộ xã hướng dẫn người dân."]),
    ("Tác giả Nguyễn V. Anh cho biết thêm.", ["Tác giả Nguyễn V. Anh cho biết thêm."]),
    ("**KT. CHỦ TỊCH**", ["**KT. CHỦ TỊCH**"]),
    ("TM. ỦY BAN NHÂN DÂN", ["TM. ỦY BAN NHÂN DÂN"]),
    # a date ending a clause: cut before upper case, not before lower case
    ("Luật có hiệu lực từ ngày 18/3/2002. Các văn bản trước đây hết hiệu lực.",
     ["Luật có hiệu lực từ ngày 18/3/2002.", "Các văn bản trước đây hết hiệu lực."]),
    ("Ban hành ngày 18/3/2002. sau đó được sửa đổi.", ["Ban hành ngày 18/3/2002. sau đó được sửa đổi."]),
    # numbering at the start of a line belongs to its sentence
    ("6.1. Tăng cường công tác tuyên truyền.", ["6.1. Tăng cường công tác tuyên truyền."]),
    ("1. Mục tiêu chung", ["1. Mục tiêu chung"]),
    ("II. NHIỆM VỤ VÀ GIẢI PHÁP", ["II. NHIỆM VỤ VÀ GIẢI PHÁP"]),
    ("a) Tổ chức quán triệt Nghị quyết. Báo cáo kết quả về UBND tỉnh.",
     ["a) Tổ chức quán triệt Nghị quyết.", "Báo cáo kết quả về UBND tỉnh."]),
    ("**1. Sở Tài chính** chủ trì tham mưu.", ["**1. Sở Tài chính** chủ trì tham mưu."]),
    ("Điều 1. Phê duyệt Kế hoạch thực hiện Chương trình.", ["Điều 1. Phê duyệt Kế hoạch thực hiện Chương trình."]),
    ("Thành phần gồm: 1. Ông Nguyễn Văn A; 2. Bà Trần Thị B.", ["Thành phần gồm: 1. Ông Nguyễn Văn A; 2. Bà Trần Thị B."]),
    # ellipsis
    ("Các mô hình như trồng rau, nuôi cá... đã mang lại hiệu quả.",
     ["Các mô hình như trồng rau, nuôi cá... đã mang lại hiệu quả."]),
    ("Huy động nguồn lực đầu tư công trình… Đồng chí yêu cầu tiếp tục duy trì.",
     ["Huy động nguồn lực đầu tư công trình…", "Đồng chí yêu cầu tiếp tục duy trì."]),
    ("Còn nhiều khó khăn… nhưng tỉnh vẫn hoàn thành.", ["Còn nhiều khó khăn… nhưng tỉnh vẫn hoàn thành."]),
    # cuts before Vietnamese capitals, quotes and brackets
    ("Kết quả đạt 92%. Ước cả năm đạt 105%.", ["Kết quả đạt 92%.", "Ước cả năm đạt 105%."]),
    ("Tổng thu đạt 4.290,3 tỷ đồng. Đây là năm thắng lợi.", ["Tổng thu đạt 4.290,3 tỷ đồng.", "Đây là năm thắng lợi."]),
    ("Xã đạt 19/19 tiêu chí. Ủy ban nhân dân huyện khen thưởng.", ["Xã đạt 19/19 tiêu chí.", "Ủy ban nhân dân huyện khen thưởng."]),
    ("Chỉ tiêu đã hoàn thành. Ơn nghĩa được đền đáp.", ["Chỉ tiêu đã hoàn thành.", "Ơn nghĩa được đền đáp."]),
    ("Mức tăng là 5,2%. Ước tính cả năm tăng 6%.", ["Mức tăng là 5,2%.", "Ước tính cả năm tăng 6%."]),
    ("Hoàn thành kế hoạch năm 2020. Ấn tượng nhất là thu ngân sách.",
     ["Hoàn thành kế hoạch năm 2020.", "Ấn tượng nhất là thu ngân sách."]),
    ("Phải quyết liệt hơn nữa! Không để chậm tiến độ.", ["Phải quyết liệt hơn nữa!", "Không để chậm tiến độ."]),
    ("Vì sao chỉ tiêu chưa đạt? Nguyên nhân chủ yếu là khách quan.",
     ["Vì sao chỉ tiêu chưa đạt?", "Nguyên nhân chủ yếu là khách quan."]),
    ("Ông nói: “Phải làm ngay.” Sau đó đoàn đi kiểm tra.", ["Ông nói: “Phải làm ngay.”", "Sau đó đoàn đi kiểm tra."]),
    ("Kế hoạch được ban hành. “Chúng tôi sẽ thực hiện”, ông nói.",
     ["Kế hoạch được ban hành.", "“Chúng tôi sẽ thực hiện”, ông nói."]),
    ("Thu ngân sách đạt 126% dự toán (vượt 890 tỷ đồng). (Ảnh: Đ.T)",
     ["Thu ngân sách đạt 126% dự toán (vượt 890 tỷ đồng).", "(Ảnh: Đ.T)"]),
    # lines and paragraphs
    ("Mục tiêu\n\nĐến năm 2025 đạt 100 hợp tác xã.", ["Mục tiêu", "Đến năm 2025 đạt 100 hợp tác xã."]),
    ("- Tăng cường tuyên truyền;\n- Hoàn thiện cơ chế, chính sách.", ["- Tăng cường tuyên truyền;", "- Hoàn thiện cơ chế, chính sách."]),
    ("Tỷ lệ dân số từ 15 tuổi trở\nlên có tài khoản ngân hàng đạt 95%.", ["Tỷ lệ dân số từ 15 tuổi trở\nlên có tài khoản ngân hàng đạt 95%."]),
    ("QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.",
     ["QUYẾT ĐỊNH:", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch."]),
    ("# Kế hoạch chuyển đổi số\nNăm 2025 hoàn thành.", ["# Kế hoạch chuyển đổi số", "Năm 2025 hoàn thành."]),
    ("| STT | Chỉ tiêu | Năm 2025 |\n|---|---|---|\n| 1 | Tỷ lệ hộ nghèo. Giảm | 2% |",
     ["| STT | Chỉ tiêu | Năm 2025 |", "| 1 | Tỷ lệ hộ nghèo. Giảm | 2% |"]),
    ("|\n1\n|\nThuế thu nhập\ndoanh nghiệp\n|\n683.600\n|\n|\n2\n|\nThu khác\n|\n90\n|",
     ["|\n1\n|\nThuế thu nhập\ndoanh nghiệp\n|\n683.600\n|", "|\n2\n|\nThu khác\n|\n90\n|"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SPLIT_CASES)
def test_split(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", " \n\t\n ", "|---|---|\n* * *"])
def test_no_empty_passages(text: str) -> None:
    assert split_passages(text) == []


def test_offsets_and_numbering() -> None:
    text = "  Tiêu đề\n\n Câu một. Câu hai!  \n- Ý ba\n"
    passages = split_passages(text)
    assert [p.seq for p in passages] == [0, 1, 2, 3]
    assert [p.text for p in passages] == ["Tiêu đề", "Câu một.", "Câu hai!", "- Ý ba"]
    for passage in passages:
        assert text[passage.start : passage.end] == passage.text


def test_pages_from_spans() -> None:
    text = "Trang một. Câu tiếp.\n\nTrang hai có số liệu."
    pages = (PageSpan(1, 0, 20), PageSpan(2, 22, len(text)))
    passages = split_passages(text, pages)
    assert [(p.text, p.page) for p in passages] == [
        ("Trang một.", 1),
        ("Câu tiếp.", 1),
        ("Trang hai có số liệu.", 2),
    ]


def test_long_line_is_cut_at_semicolons() -> None:
    clause = "hỗ trợ thành lập mới 100 hợp tác xã và 200 tổ hợp tác trên địa bàn tỉnh"
    text = "; ".join([clause] * 80) + "."
    passages = split_passages(text)
    assert len(passages) > 1
    assert all(len(p.text) <= MAX_PASSAGE_CHARS for p in passages)
    assert all(p.text.startswith("hỗ trợ") for p in passages)
    assert "".join(text[p.start : p.end] for p in passages).replace(" ", "") == text.replace(
        " ", ""
    )


def test_long_line_without_any_break_is_cut_hard() -> None:
    text = "x" * (MAX_PASSAGE_CHARS * 2 + 10)
    passages = split_passages(text)
    assert [len(p.text) for p in passages] == [MAX_PASSAGE_CHARS, MAX_PASSAGE_CHARS, 10]


@pytest.mark.parametrize("path", SEEDS + EXTRA, ids=lambda p: p.name[:40])
def test_real_documents_offsets(path: Path) -> None:
    text = normalise_text(path.read_text(encoding="utf-8"))
    passages = split_passages(text)
    assert passages
    previous_end = 0
    for seq, passage in enumerate(passages):
        assert passage.seq == seq
        assert passage.text and passage.text == passage.text.strip()
        assert text[passage.start : passage.end] == passage.text
        assert passage.start >= previous_end
        assert len(passage.text) <= MAX_PASSAGE_CHARS
        previous_end = passage.end


def test_real_document_keeps_numbers_and_citations_whole() -> None:
    text = normalise_text(SEEDS[1].read_text(encoding="utf-8"))
    passages = texts(text)
    assert any("Quyết định 3351/QĐ-UBND" in p for p in passages)
    assert any("Kết luận số 70-KL/TW (ngày 9.3.2020)" in p for p in passages)
