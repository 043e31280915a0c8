"""Vietnamese number parsing: digits, scale words, number words, abbreviations."""

from decimal import Decimal

import pytest

from extractors.abbreviations import expand
from extractors.numbers import parse_digits, parse_number_words, scale_of


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("455.523", Decimal(455523)),
        ("3,8", Decimal("3.8")),
        ("4.290,3", Decimal("4290.3")),
        ("1.700", Decimal(1700)),
        ("0,5", Decimal("0.5")),
        ("2.659,96", Decimal("2659.96")),
        ("115,15", Decimal("115.15")),
        ("1.321.000", Decimal(1321000)),
        ("45", Decimal(45)),
        ("0", Decimal(0)),
        ("1,234,567", Decimal(1234567)),
        ("6,694", Decimal("6.694")),
    ],
)
def test_parse_digits(raw, expected):
    assert parse_digits(raw) == expected


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("03", 3),  # "tăng trên 03%": official texts pad small numbers
        ("05", 5),  # "05 đồng chí"
        ("01", 1),  # "01 bộ hồ sơ"
    ],
)
def test_parse_digits_reads_zero_padded_small_numbers(raw, value):
    assert parse_digits(raw) == value


@pytest.mark.parametrize(
    "raw",
    [
        "4.0",  # Công nghiệp 4.0
        "6.2",  # section 6.2.
        "25.9.2020",  # date
        "0256",  # phone prefix
        "0913",  # phone prefix
        "0913.456",  # phone
        "1.2.3",
    ],
)
def test_parse_digits_rejects_non_quantities(raw):
    assert parse_digits(raw) is None


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("hai mươi", 20),
        ("một trăm", 100),
        ("ba nghìn", 3000),
        ("hai mươi lăm", 25),
        ("mười hai", 12),
        ("một trăm linh năm", 105),
        ("năm mươi", 50),
        ("một triệu hai trăm nghìn", 1_200_000),
        ("hai mươi tư", 24),
        ("ba trăm sáu mươi lăm", 365),
        ("mười", 10),
    ],
)
def test_parse_number_words(words, expected):
    assert parse_number_words(words.split()) == Decimal(expected)


@pytest.mark.parametrize("words", ["hai ba", "số", "trăm nghìn", ""])
def test_parse_number_words_rejects(words):
    assert parse_number_words(words.split()) is None


def test_scale_of_exact():
    assert Decimal("4290.3") * scale_of(["tỷ"]) == Decimal(4290300000000)
    assert scale_of(["nghìn", "tỷ"]) == Decimal(10**12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("448 HTX", "448 hợp tác xã"),
        ("1 liên hiệp HTX", "1 liên hiệp hợp tác xã"),
        ("1.810 THT", "1.810 tổ hợp tác"),
        ("khu vực KTTT", "khu vực kinh tế tập thể"),
        ("DNNVV, HTX", "doanh nghiệp nhỏ và vừa, hợp tác xã"),
        ("Sở KH&CN", "Sở khoa học và công nghệ"),
        ("xã đạt chuẩn NTM", "xã đạt chuẩn nông thôn mới"),
        ("Htx viết thường", "Htx viết thường"),
    ],
)
def test_expand_abbreviations(text, expected):
    assert expand(text) == expected
