"""The table reader: both pipe layouts, header rows, two-level headers, labels and captions."""

import pytest

from extractors.tables import TableIndex, find_tables


def one_cell_per_line(rows):
    """A table in the one-cell-per-line layout: each cell on its own line between pipe lines,
    an empty cell closing each row (cells a header spans over rows are simply left out)."""
    return "".join("".join("|\n" + (c + "\n" if c else "") for c in row) + "|\n" for row in rows)


def markdown(rows):
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines) + "\n"


EXPORT_ROWS = [
    ["**STT**", "**Mặt hàng**", "**Kế hoạch 2026**", "**Kế hoạch 2027**"],
    ["**Sản lượng (Tấn)**", "**Kim ngạch (Nghìn USD)**"] * 2,
    ["1", "Cà phê nhân", "12.400", "31.000", "13.100", "33.500"],
    ["2", "Chè búp khô", "2.150", "4.800", "2.300", "5.200"],
]


def _path_of(text, anchor, nth=0):
    index = TableIndex(text)
    start = -1
    for _ in range(nth + 1):
        start = text.index(anchor, start + 1)
    at = index.cell_at(start, start + len(anchor))
    assert at is not None
    return at.table.header_path(at.cell.column), at.table.row_label(at.row, at.cell.column)


# (layout, anchor, occurrence, expected header path, expected row label)
TWO_LEVEL_CASES = [
    ("cell", "12.400", 0, ("Kế hoạch 2026", "Sản lượng (Tấn)"), "Cà phê nhân"),
    ("cell", "31.000", 0, ("Kế hoạch 2026", "Kim ngạch (Nghìn USD)"), "Cà phê nhân"),
    ("cell", "13.100", 0, ("Kế hoạch 2027", "Sản lượng (Tấn)"), "Cà phê nhân"),
    ("cell", "5.200", 0, ("Kế hoạch 2027", "Kim ngạch (Nghìn USD)"), "Chè búp khô"),
    ("pipe", "12.400", 0, ("Kế hoạch 2026", "Sản lượng (Tấn)"), "Cà phê nhân"),
    ("pipe", "33.500", 0, ("Kế hoạch 2027", "Kim ngạch (Nghìn USD)"), "Cà phê nhân"),
]


def _export_table(layout):
    """The same two-level table in both layouts; in the markdown one the sub-header row is as
    wide as the data, with empty cells under the row-spanning heads."""
    if layout == "cell":
        return "BIỂU KẾ HOẠCH XUẤT KHẨU\n\n" + one_cell_per_line(EXPORT_ROWS)
    rows = [EXPORT_ROWS[0], ["", "", *EXPORT_ROWS[1]], *EXPORT_ROWS[2:]]
    return "BIỂU KẾ HOẠCH XUẤT KHẨU\n\n" + markdown(rows)


@pytest.mark.parametrize(("layout", "anchor", "nth", "path", "label"), TWO_LEVEL_CASES)
def test_two_level_header_paths(layout, anchor, nth, path, label):
    assert _path_of(_export_table(layout), anchor, nth) == (path, label)


def test_cell_spans_are_exact_and_emphasis_is_dropped():
    text = one_cell_per_line(
        [["**TT**", "**Nội dung**", "**Năm 2026**"], ["1", "Tổng thu ngân sách", "**1.250**"]]
    )
    (table,) = find_tables(text)
    cells = [c for r in table.rows for c in r.cells]
    for cell in cells:
        assert text[cell.start : cell.end].replace("*", "").strip() == cell.text
    bold = next(c for c in cells if c.text == "1.250")
    assert text[bold.start : bold.end] == "**1.250**" and bold.bold


ROW_KIND_CASES = [
    # a header row, then a row numbering the columns, then data
    (
        markdown(
            [
                ["STT", "Nội dung", "Dự toán 2026", "Ước thực hiện 2025"],
                ["A", "B", "1", "2"],
                ["1", "Thu nội địa", "4.538.000", "4.687.000"],
            ]
        ),
        ["header", "numbering", "data"],
    ),
    (
        one_cell_per_line(
            [
                ["**TT**", "**Chỉ tiêu**", "**ĐVT**", "**Năm 2026**", "**Năm 2027**"],
                ["(1)", "(2)", "(3)", "(4)", "(5)"],
                ["**I**", "**LĨNH VỰC NÔNG NGHIỆP**", "", "", ""],
                ["1", "Tỷ lệ che phủ rừng", "%", "46,5", "47,0"],
            ]
        ),
        ["header", "numbering", "data", "data"],
    ),
    # a section row naming a part of the table is data, not a second header level
    (
        one_cell_per_line(
            [
                ["**TT**", "**Nhiệm vụ**", "**Cơ quan chủ trì**"],
                ["**II. PHÁT TRIỂN HẠ TẦNG SỐ**"],
                ["1", "Phủ sóng 5G các khu công nghiệp", "Sở Khoa học và Công nghệ"],
            ]
        ),
        ["header", "data", "data"],
    ),
]


@pytest.mark.parametrize(("text", "kinds"), ROW_KIND_CASES)
def test_row_kinds(text, kinds):
    (table,) = find_tables(text)
    assert [r.kind for r in table.rows] == kinds


def test_ragged_row_keeps_its_columns():
    """An empty middle cell (no figure for one year) does not shift the cells after it."""
    text = one_cell_per_line(
        [
            ["**TT**", "**Chỉ tiêu**", "**ĐVT**", "**Năm 2026**", "**Năm 2027**", "**Năm 2028**"],
            ["1", "Số hợp tác xã thành lập mới", "HTX", "25", "", "40"],
            ["2", "Số tổ hợp tác", "THT", "60", "65", "70"],
        ]
    )
    assert _path_of(text, "40")[0] == ("Năm 2028",)
    assert _path_of(text, "25")[0] == ("Năm 2026",)
    assert _path_of(text, "65")[0] == ("Năm 2027",)


def test_group_row_with_empty_cells_keeps_later_rows_aligned():
    text = one_cell_per_line(
        [
            ["**TT**", "**Chỉ tiêu**", "**ĐVT**", "**Năm 2026**", "**Năm 2027**"],
            ["**1**", "**Cây ăn quả**", "", "", ""],
            ["-", "Diện tích", "Ha", "8.200", "8.600"],
            ["-", "Sản lượng", "Tấn", "96.000", "101.500"],
        ]
    )
    assert _path_of(text, "101.500") == (("Năm 2027",), "Sản lượng")


def test_group_cell_over_a_period_takes_the_year_columns():
    """Rowspan cells are left out of the second header row: "Giai đoạn 2026 - 2030" (not
    "ƯTH năm 2025") spans the year sub-columns."""
    text = one_cell_per_line(
        [
            ["**TT**", "**Chỉ tiêu**", "**ĐVT**", "**ƯTH năm 2025**", "**Giai đoạn 2026 - 2030**"],
            ["**Năm 2026**", "**Năm 2028**", "**Năm 2030**"],
            ["1", "Sản lượng lúa", "Tấn", "410.000", "415.000", "420.000", "430.000"],
        ]
    )
    assert _path_of(text, "410.000")[0] == ("ƯTH năm 2025",)
    assert _path_of(text, "420.000")[0] == ("Giai đoạn 2026 - 2030", "Năm 2028")
    assert _path_of(text, "430.000")[0] == ("Giai đoạn 2026 - 2030", "Năm 2030")


def test_caption_lines_above_the_table():
    text = (
        "**Biểu 02**\n\nDỰ TOÁN CHI ĐẦU TƯ PHÁT TRIỂN NĂM 2026\n\n*Đơn vị tính: triệu đồng*\n\n"
        + markdown([["TT", "Nguồn vốn", "Dự toán"], ["1", "Vốn ngân sách tỉnh", "850.000"]])
    )
    (table,) = find_tables(text)
    assert table.caption[-1] == "Đơn vị tính: triệu đồng"
    assert "DỰ TOÁN CHI ĐẦU TƯ PHÁT TRIỂN NĂM 2026" in table.caption


def test_a_number_outside_any_cell_has_no_cell():
    text = "Năm 2026 thu ngân sách 1.250 tỷ đồng.\n\n" + markdown([["TT", "Xã"], ["1", "Tân An"]])
    start = text.index("1.250")
    assert TableIndex(text).cell_at(start, start + 5) is None


def test_text_without_tables():
    assert find_tables("Phấn đấu đến năm 2030 có 45.000 hợp tác xã.") == ()
