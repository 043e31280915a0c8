"""Readers: every supported format from real text, and a specific ReadError for everything else."""

from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile
from pathlib import Path

import pytest
from paths import EXTRA, SEEDS
from robustness.builders import text_pdf

from pipeline.config import Options
from pipeline.errors import ReadError
from pipeline.normalise import canonical_text, normalise_text
from pipeline.readers import read_file
from pipeline.readers.html import decode_html, iso_date
from pipeline.segment import split_passages

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"

needs_font = pytest.mark.skipif(
    not FONT.exists(), reason=f"no Unicode TTF font at {FONT} for fpdf2"
)


def seed_text(name: str = "001_2c030c24e5d318ce.txt") -> str:
    return normalise_text((SEEDS / name).read_text(encoding="utf-8"))


def words(text: str) -> str:
    return " ".join(text.split())


def to_cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes it: base letters precomposed, tone marks combining."""
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def make_pdf(pages: list[str]) -> bytes:
    """A text PDF with one page per entry (the robustness suite's builder)."""
    return text_pdf(pages)


# --- plain text -----------------------------------------------------------------------------

TXT_ENCODINGS = [
    ("utf-8", lambda text: text.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), "utf-8-sig"),
    ("utf-16 with BOM", lambda text: text.encode("utf-16"), "utf-16"),
    ("utf-16-le without BOM", lambda text: text.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be without BOM", lambda text: text.encode("utf-16-be"), "utf-16-be"),
    ("cp1258", to_cp1258, "cp1258"),
]


@pytest.mark.parametrize(
    ("label", "encode", "encoding"), TXT_ENCODINGS, ids=[c[0] for c in TXT_ENCODINGS]
)
def test_txt_encodings_give_the_same_canonical_text(tmp_path, label, encode, encoding) -> None:
    text = seed_text()
    path = write(tmp_path, "van-ban.txt", encode(text.replace("\n", "\r\n")))
    result = read_file(path)
    assert result.format == "txt"
    assert result.encoding == encoding
    assert canonical_text(result) == (text, ())


def test_txt_crlf_and_nfd_become_canonical(tmp_path) -> None:
    raw = unicodedata.normalize("NFD", "Kế hoạch số 32-CT/TU\r\nĐến năm 2030 đạt 100%.\r\n")
    result = read_file(write(tmp_path, "kh.txt", raw.encode("utf-8")))
    text, _ = canonical_text(result)
    assert text == "Kế hoạch số 32-CT/TU\nĐến năm 2030 đạt 100%.\n"
    assert unicodedata.is_normalized("NFC", text)


def test_real_seed_passages_hold_offsets() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text, _ = canonical_text(read_file(path))
        for passage in split_passages(text):
            assert text[passage.start : passage.end] == passage.text


# --- HTML -----------------------------------------------------------------------------------

HTML_SAMPLES = [
    (
        "001_binhdinh-hdnd-ky-hop-chuyen-de-2025.html",
        ["Tham dự kỳ họp có 50/53 đại biểu HĐND tỉnh.", "Tác giả: Trang Lê"],
        ["<?php", "$main_dir", "echo", "<img", "<p>"],
    ),
    (
        "014_hagiang-phu-linh-dat-chuan-ntm-2017.html",
        [
            "công bố Quyết định số 2846 của Chủ tịch UBND tỉnh Hà Giang",
            "tiêu chí thu nhập đạt 25 triệu/người/năm; tỷ lệ lao động có việc làm chiếm 92%",
        ],
        ["&agrave;", "dataimages", ".jpg", "<td", "&nbsp;"],
    ),
    (
        "015_hagiang-du-lich-sinh-thai-gan-nong-nghiep.html",
        ["tổng thu từ du lịch ước đạt 7.800 tỉ đồng", "gần 1.000 ha chè Shan tuyết"],
        ["attachment_347409", "&ndash;", "<figure"],
    ),
]


@pytest.mark.parametrize(
    ("name", "present", "absent"), HTML_SAMPLES, ids=[s[0][:20] for s in HTML_SAMPLES]
)
def test_real_html_pages(name, present, absent) -> None:
    result = read_file(EXTRA / name)
    text, _ = canonical_text(result)
    assert result.format == "html"
    for snippet in present:
        assert snippet in text
    for snippet in absent:
        assert snippet not in text
    visible = words(normalise_text((EXTRA / name).with_suffix(".txt").read_text(encoding="utf-8")))
    for line in text.split("\n"):
        assert words(line) in visible or "|" in line


def test_real_html_title_and_paragraphs() -> None:
    result = read_file(EXTRA / "001_binhdinh-hdnd-ky-hop-chuyen-de-2025.html")
    assert result.title == "Kỳ họp thứ 22 (kỳ họp chuyên đề), HĐND tỉnh khóa XIII"
    text, _ = canonical_text(result)
    assert text.startswith("Kỳ họp thứ 22")
    assert "\n\n" in text


PAGE_WITH_CHROME = """<!DOCTYPE html><html><head>
<meta charset="utf-8"><title>Tin tức - Cổng thông tin</title>
<meta property="og:title" content="Tỉnh phấn đấu 100 hợp tác xã">
<meta property="article:published_time" content="2019-06-12T08:30:00+07:00">
<style>.menu{color:red}</style><script>var trang = "Trang chủ";</script>
</head><body>
<header><ul class="menu"><li>Trang chủ</li><li>Tin tức</li><li>Liên hệ</li></ul></header>
<nav>Chính trị | Kinh tế | Xã hội</nav>
<div class="breadcrumb">Trang chủ / Kinh tế</div>
<article><h1>Tỉnh phấn đấu thành lập mới 100 hợp tác xã</h1>
<div class="social-share">Chia sẻ Facebook</div>
<p>UBND tỉnh yêu cầu các sở, ban, ngành tập trung phát triển kinh tế tập thể.<br>Đến năm 2025 thành lập mới 100 hợp tác xã.</p>
<!-- quảng cáo -->
<ul><li>Hỗ trợ 200 tổ hợp tác;</li><li>Giảm hợp tác xã yếu kém dưới 10%.</li></ul>
<table><tr><th>Chỉ tiêu</th><th>2025</th></tr><tr><td>Hợp tác xã</td><td>100</td></tr></table>
<p>Theo đó, các địa phương cần rà soát, đánh giá thực trạng hoạt động của hợp tác xã trên địa bàn.</p>
<form><input value="Tìm kiếm"><button>Gửi</button></form>
</article>
<div class="related-news"><a href="#">Tin liên quan: Hội nghị tổng kết</a></div>
<footer>Bản quyền thuộc Cổng thông tin điện tử tỉnh</footer>
</body></html>"""


def test_html_main_text_without_chrome(tmp_path) -> None:
    result = read_file(write(tmp_path, "tin.html", PAGE_WITH_CHROME.encode("utf-8")))
    text, _ = canonical_text(result)
    assert result.title == "Tỉnh phấn đấu thành lập mới 100 hợp tác xã"
    assert result.published == "2019-06-12"
    assert result.encoding == "utf-8"
    lines = text.split("\n")
    assert "UBND tỉnh yêu cầu các sở, ban, ngành tập trung phát triển kinh tế tập thể." in lines
    assert "Đến năm 2025 thành lập mới 100 hợp tác xã." in lines
    assert "Hỗ trợ 200 tổ hợp tác;" in lines
    assert "Chỉ tiêu | 2025" in lines
    assert "Hợp tác xã | 100" in lines
    for chrome in [
        "Trang chủ",
        "Chính trị",
        "Chia sẻ",
        "quảng cáo",
        "Tìm kiếm",
        "Tin liên quan",
        "Bản quyền",
        "color:red",
    ]:
        assert chrome not in text


def test_html_without_markers_picks_densest_block(tmp_path) -> None:
    body = "".join(
        f"<p>Câu thứ {n} của bài viết về chương trình nông thôn mới của tỉnh.</p>" for n in range(8)
    )
    page = f"<html><body><div id='a'><a>Trang chủ</a> <a>Giới thiệu</a></div><div id='b'>{body}</div><div>Liên hệ: 0123</div></body></html>"
    text, _ = canonical_text(read_file(write(tmp_path, "bai.htm", page.encode("utf-8"))))
    assert "Câu thứ 7 của bài viết" in text
    assert "Trang chủ" not in text and "Liên hệ" not in text


def test_html_sniffed_from_content_named_txt(tmp_path) -> None:
    page = "<!doctype html><html><body><p>Thu ngân sách đạt 4.290,3 tỷ đồng.</p></body></html>"
    result = read_file(write(tmp_path, "trang.txt", page.encode("utf-8")))
    assert result.format == "html"
    assert canonical_text(result)[0] == "Thu ngân sách đạt 4.290,3 tỷ đồng."


CHARSET_CASES = [
    ("declared windows-1258, bytes cp1258", '<meta charset="windows-1258">', "cp1258", "cp1258"),
    (
        "declared iso-8859-1, bytes utf-8",
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
        "utf-8",
        "utf-8",
    ),
    ("no declaration, bytes utf-8", "", "utf-8", "utf-8"),
    ("no declaration, bytes cp1258", "", "cp1258", "cp1258"),
    ("declared utf-8, bytes cp1258", '<meta charset="utf-8">', "cp1258", "cp1258"),
]


@pytest.mark.parametrize(
    ("label", "meta", "written", "expected"), CHARSET_CASES, ids=[c[0] for c in CHARSET_CASES]
)
def test_html_charset(label, meta, written, expected) -> None:
    page = f"<html><head>{meta}</head><body><p>Ủy ban nhân dân tỉnh Đồng Nai</p></body></html>"
    data = to_cp1258(page) if written == "cp1258" else page.encode("utf-8")
    text, encoding = decode_html(data)
    assert encoding == expected
    assert "Ủy ban nhân dân tỉnh Đồng Nai" in unicodedata.normalize("NFC", text)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2019-06-12T08:30:00+07:00", "2019-06-12"),
        ("2025-3-21", "2025-03-21"),
        ("Thứ 6, 21/03/2025 | 15:45", "2025-03-21"),
        ("30.11.2020", "2020-11-30"),
        ("không rõ", None),
        ("2019-13-40", None),
    ],
)
def test_iso_date(raw, expected) -> None:
    assert iso_date(raw) == expected


# --- PDF ------------------------------------------------------------------------------------


@needs_font
def test_pdf_from_real_seed_pages_and_spans(tmp_path) -> None:
    text = seed_text()
    paragraphs = [p for p in text.split("\n") if p.strip()]
    pages = ["\n".join(paragraphs[:4]), "\n".join(paragraphs[4:])]
    result = read_file(write(tmp_path, "qd.pdf", make_pdf(pages)))
    assert result.format == "pdf" and result.paged
    canonical, spans = canonical_text(result)
    assert [span.page for span in spans] == [1, 2]
    assert spans[0].start == 0 and spans[1].end == len(canonical)
    assert canonical[spans[0].end : spans[1].start] == "\n\n"
    for span, page in zip(spans, pages, strict=True):
        assert words(canonical[span.start : span.end]) == words(page)
    passages = split_passages(canonical, spans)
    assert {p.page for p in passages} == {1, 2}
    for passage in passages:
        span = spans[passage.page - 1]
        assert span.start <= passage.start and passage.end <= span.end
    assert any("Quyết định 3351/QĐ-UBND về Chương trình hành" in p.text for p in passages)


@needs_font
def test_pdf_blank_page_is_reported(tmp_path) -> None:
    result = read_file(
        write(tmp_path, "scan.pdf", make_pdf(["Trang một có chữ.", "", "Trang ba."]))
    )
    assert len(result.chunks) == 3
    assert result.warnings == ("page 2 has no text layer",)
    assert result.ocr_pages == ()


@needs_font
def test_pdf_page_limit(tmp_path) -> None:
    path = write(tmp_path, "dai.pdf", make_pdf(["Trang."] * 3))
    with pytest.raises(ReadError, match=r"PDF has 3 pages, over the limit of 2") as error:
        read_file(path, Options(max_pdf_pages=2))
    assert error.value.stage == "limits"


@needs_font
def test_truncated_pdf(tmp_path) -> None:
    data = make_pdf([seed_text()[:1500]] * 3)
    with pytest.raises(ReadError, match="corrupt or truncated PDF") as error:
        read_file(write(tmp_path, "cut.pdf", data[: len(data) // 2]))
    assert error.value.stage == "pdf"


@needs_font
def test_encrypted_pdf(tmp_path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Tài liệu mật")
    pdf.set_encryption(owner_password="chu", user_password="khach")
    with pytest.raises(ReadError, match=r"^encrypted PDF \(password required\)$"):
        read_file(write(tmp_path, "mat.pdf", bytes(pdf.output())))


# --- DOCX -----------------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = "Kế hoạch phát triển hợp tác xã"
    document.add_heading("KẾ HOẠCH", level=1)
    document.add_paragraph("Phấn đấu đến năm 2025 thành lập mới 100 hợp tác xã.")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(
        table.rows,
        [("STT", "Chỉ tiêu", "2025"), ("1", "Hợp tác xã", "100"), ("2", "Tổ hợp tác", "")],
        strict=True,
    ):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    document.add_paragraph("Giao Sở Kế hoạch và Đầu tư theo dõi, tổng hợp.")
    document.save(path)
    return path


def test_docx_paragraphs_and_table_in_order(tmp_path) -> None:
    result = read_file(make_docx(tmp_path / "kh.docx"))
    text, _ = canonical_text(result)
    assert result.format == "docx"
    assert result.title == "Kế hoạch phát triển hợp tác xã"
    assert text == (
        "KẾ HOẠCH\n\nPhấn đấu đến năm 2025 thành lập mới 100 hợp tác xã.\n\n"
        "STT | Chỉ tiêu | 2025\n1 | Hợp tác xã | 100\n2 | Tổ hợp tác\n\n"
        "Giao Sở Kế hoạch và Đầu tư theo dõi, tổng hợp."
    )
    assert [p.text for p in split_passages(text)][2:4] == [
        "STT | Chỉ tiêu | 2025",
        "1 | Hợp tác xã | 100",
    ]


def test_docx_sniffed_whatever_its_name(tmp_path) -> None:
    path = make_docx(tmp_path / "kh.docx")
    renamed = path.rename(tmp_path / "kh.bin")
    assert read_file(renamed).format == "docx"


def test_docx_zip_bomb_refused_before_parsing(tmp_path) -> None:
    path = make_docx(tmp_path / "kh.docx")
    with pytest.raises(ReadError, match="over the limit of 1000 .*zip bomb") as error:
        read_file(path, Options(max_docx_uncompressed_bytes=1000))
    assert error.value.stage == "limits"


# --- what cannot be read ----------------------------------------------------------------------


def zip_with(names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


UNREADABLE = [
    ("rong.txt", b"", "read", r"^empty file \(0 bytes\)$"),
    ("anh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "detect", "PNG image"),
    (
        "du-lieu.txt",
        b"ab\x00\x01\x02\x03\xff\xfe\x00\x10binary",
        "decode",
        r"^binary data, not text: NUL bytes",
    ),
    (
        "bang.xlsx",
        zip_with(["xl/workbook.xml", "[Content_Types].xml"]),
        "detect",
        r"^\.xlsx is not a supported format",
    ),
    ("bang.csv", "STT,Chỉ tiêu\n1,100\n".encode(), "detect", r"^\.csv is not a supported format$"),
    ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "detect", r"Office 97-2003"),
    (
        "gia.pdf",
        "Đây không phải PDF".encode(),
        "detect",
        r"^named \.pdf but the content is not PDF$",
    ),
    ("hong.docx", b"PK\x03\x04 truncated", "detect", r"^corrupt or truncated zip archive"),
    ("khac.zip", zip_with(["a.txt"]), "detect", r"zip without word/document\.xml"),
]


@pytest.mark.parametrize(
    ("name", "data", "stage", "reason"), UNREADABLE, ids=[u[0] for u in UNREADABLE]
)
def test_unreadable_files(tmp_path, name, data, stage, reason) -> None:
    with pytest.raises(ReadError, match=reason) as error:
        read_file(write(tmp_path, name, data))
    assert error.value.stage == stage
    assert "\n" not in error.value.reason


def test_missing_file(tmp_path) -> None:
    with pytest.raises(ReadError, match="^file not found$"):
        read_file(tmp_path / "khong-co.txt")


def test_file_size_limit(tmp_path) -> None:
    path = write(tmp_path, "lon.txt", "Ủy ban nhân dân tỉnh. ".encode() * 100)
    with pytest.raises(ReadError, match=r"over the limit of 100 \(max_file_bytes\)") as error:
        read_file(path, Options(max_file_bytes=100))
    assert error.value.stage == "limits"


# --- legacy Vietnamese font encodings --------------------------------------------------------


def legacy_bytes(text: str, encoding: str) -> bytes:
    from pipeline.legacy import from_unicode

    shown = from_unicode(text, encoding)
    return b"".join(c.encode("cp1252") if ord(c) > 255 else c.encode("latin-1") for c in shown)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_txt_in_legacy_font_encoding_becomes_unicode(tmp_path, encoding) -> None:
    text = (
        "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành tập trung triển khai các nhiệm vụ.\n"
        "Phấn đấu đến năm 2025 hỗ trợ thành lập mới 100 hợp tác xã và 200 tổ hợp tác.\n"
    )
    result = read_file(write(tmp_path, "cu.txt", legacy_bytes(text, encoding)))
    assert result.encoding == encoding
    assert canonical_text(result)[0] == text


@needs_font
def test_pdf_sniffed_by_magic_whatever_its_name(tmp_path) -> None:
    result = read_file(write(tmp_path, "tai-lieu.txt", make_pdf(["Kế hoạch số 32-CT/TU."])))
    assert result.format == "pdf"


def test_text_mentioning_pdf_header_stays_text(tmp_path) -> None:
    path = write(tmp_path, "ghi-chu.txt", "Tệp lưu theo chuẩn %PDF-1.7 của Adobe.".encode())
    assert read_file(path).format == "txt"
