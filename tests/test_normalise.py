"""Canonical text: the normalisation every offset is taken against."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.models import PageSpan, ReadResult
from pipeline.normalise import canonical_text, convert_legacy, normalise_text

NORMALISE_CASES = [
    ("\ufeffUBND tỉnh", "UBND tỉnh"),
    ("Dòng một\r\nDòng hai\rDòng ba", "Dòng một\nDòng hai\nDòng ba"),
    ("Trang một\fTrang hai", "Trang một\nTrang hai"),
    (unicodedata.normalize("NFD", "Hợp tác xã Đức Phổ"), "Hợp tác xã Đức Phổ"),
    ("Ngân sách\x00 tỉnh\x07", "Ngân sách tỉnh"),
    ("Mục\x85tiêu", "Mục\ntiêu"),
    ("C1\x9bcontrol", "C1control"),
    ("Cột\tmột  hai   ba", "Cột\tmột  hai   ba"),  # tabs and runs of spaces are kept
    ("  lề trái\n\n\n", "  lề trái\n\n\n"),  # nothing is stripped or folded
    ("55\u00a0ha", "55\u00a0ha"),
    ("Thu ngân sách (cp1258): toa\u0300n ti\u0309nh", "Thu ngân sách (cp1258): toàn tỉnh"),
]


@pytest.mark.parametrize(("raw", "expected"), NORMALISE_CASES)
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


def test_normalise_is_idempotent() -> None:
    raw = "\ufeffKế hoạch\r\nsố 32-CT/TU\x0c" + unicodedata.normalize("NFD", "Điều 1.")
    once = normalise_text(raw)
    assert normalise_text(once) == once


def test_legacy_seam_returns_text_and_encoding() -> None:
    text, encoding = convert_legacy("Văn bản Unicode")
    assert text == "Văn bản Unicode"
    assert encoding is None or isinstance(encoding, str)


def test_unpaged_result_has_no_spans() -> None:
    text, pages = canonical_text(ReadResult(chunks=("Câu một.\r\nCâu hai.",), format="txt"))
    assert text == "Câu một.\nCâu hai."
    assert pages == ()


def test_paged_result_spans_each_page() -> None:
    chunks = ("Trang 1\r\n", unicodedata.normalize("NFD", "Trang hai có dấu"), "", "Trang\f4")
    text, pages = canonical_text(ReadResult(chunks=chunks, format="pdf", paged=True))
    assert text == "Trang 1\n\n\nTrang hai có dấu\n\n\n\nTrang\n4"
    assert pages == (
        PageSpan(1, 0, 8),
        PageSpan(2, 10, 26),
        PageSpan(3, 28, 28),
        PageSpan(4, 30, 37),
    )
    assert [text[span.start : span.end] for span in pages] == [
        "Trang 1\n",
        "Trang hai có dấu",
        "",
        "Trang\n4",
    ]


def test_legacy_text_is_converted_before_nfc() -> None:
    from pipeline.legacy import from_unicode

    text = "Ủy ban nhân dân tỉnh ban hành kế hoạch phát triển hợp tác xã đến năm 2025."
    legacy = from_unicode(text, "vni")
    assert normalise_text(legacy) == text
    assert convert_legacy(legacy) == (text, "vni")
    assert convert_legacy(text) == (text, None)
