"""Parsing Vietnamese numbers: digit strings, scale words and number words, into exact Decimals.

Vietnamese official text writes "455.523" for 455523 (dot = thousands) and "3,8" for 3.8
(comma = decimal). Arithmetic stays in :class:`~decimal.Decimal` so "4.290,3 tỷ" is exactly
4290300000000 before it becomes a float.
"""

from __future__ import annotations

import re
from decimal import Decimal

# Scale words and their multipliers ("tỉ" is the older spelling of "tỷ").
SCALE_WORDS: dict[str, Decimal] = {
    "nghìn": Decimal(1_000),
    "ngàn": Decimal(1_000),
    "triệu": Decimal(1_000_000),
    "tỷ": Decimal(1_000_000_000),
    "tỉ": Decimal(1_000_000_000),
}

# Digit words. "năm" (five) is also "year" and "tư" (four) also "private": the extractor only
# reads them inside a longer number phrase ("năm mươi", "hai mươi tư").
DIGIT_WORDS: dict[str, int] = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
# Words that multiply what precedes them inside a number phrase.
WORD_MULTIPLIERS: dict[str, int] = {
    "mươi": 10,
    "trăm": 100,
    "nghìn": 1_000,
    "ngàn": 1_000,
    "triệu": 1_000_000,
    "tỷ": 1_000_000_000,
    "tỉ": 1_000_000_000,
}
# Fillers inside a number phrase: "một trăm linh năm" = 105.
NUMBER_FILLERS = frozenset({"linh", "lẻ"})

_VN_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_VN_DECIMAL = re.compile(r"\d+,\d+")
_EN_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d{1,3},\d{3}\.\d+")
_PLAIN = re.compile(r"\d+")


def parse_digits(raw: str) -> Decimal | None:
    """The value of a digit string as Vietnamese text writes it, or None when it is no number.

    "455.523" → 455523, "3,8" → 3.8, "4.290,3" → 4290.3, "0,5" → 0.5. Dotted strings whose
    groups are not thousands ("4.0", "6.2", "25.9.2020") are versions, section numbers or dates
    and give None, as do longer integers with a leading zero ("0256", "0913"), which are codes or
    phone numbers; official texts pad small counts to two digits ("03 năm", "tăng 05%",
    "02 đoàn kiểm tra"), so "01"–"09" are numbers. "1,234,567" (several comma groups) is read as English thousands. A single comma is
    always the decimal mark ("6,694" → 6.694), as Vietnamese convention wants.
    """
    if _PLAIN.fullmatch(raw):
        if len(raw) > 2 and raw[0] == "0":
            return None
        return Decimal(raw)
    if _VN_THOUSANDS.fullmatch(raw):
        if raw[0] == "0":
            return None
        return Decimal(raw.replace(".", "").replace(",", "."))
    if _EN_THOUSANDS.fullmatch(raw):
        return Decimal(raw.replace(",", ""))
    if _VN_DECIMAL.fullmatch(raw):
        whole = raw.split(",", 1)[0]
        if len(whole) > 1 and whole[0] == "0":
            return None
        return Decimal(raw.replace(",", "."))
    return None


def scale_of(words: list[str]) -> Decimal:
    """The product of a run of scale words ("nghìn tỷ" → 10**12); 1 for an empty run."""
    factor = Decimal(1)
    for word in words:
        factor *= SCALE_WORDS[word.lower()]
    return factor


def parse_number_words(words: list[str]) -> Decimal | None:
    """The value of a run of Vietnamese number words, or None when the run is not a number.

    "hai mươi" → 20, "một trăm" → 100, "ba nghìn" → 3000, "hai mươi lăm" → 25,
    "một trăm linh năm" → 105, "mười hai" → 12, "một triệu hai trăm nghìn" → 1200000.
    """
    if not words:
        return None
    total = 0  # completed groups above the current thousand group
    group = 0  # value of the current group below 1000
    current = 0  # the digit waiting for a multiplier
    seen_digit = False
    for raw in words:
        word = raw.lower()
        if word == "mười":
            current = 10 + 0
            group += current
            current = 0
            seen_digit = True
            continue
        if word in DIGIT_WORDS:
            if current:
                return None  # two digits in a row ("hai ba") is no number
            current = DIGIT_WORDS[word]
            seen_digit = True
            continue
        if word in NUMBER_FILLERS:
            continue
        if word in WORD_MULTIPLIERS:
            mult = WORD_MULTIPLIERS[word]
            if mult < 1000:
                group += (current or 1) * mult
            else:
                group += current
                total += (group or 1) * mult
                group = 0
            current = 0
            continue
        return None
    if not seen_digit:
        return None
    return Decimal(total + group + current)


def to_float(value: Decimal) -> float:
    """The Decimal as a float; integral values stay exact."""
    return float(value)
