"""Figures: the quantities of a Vietnamese official text, with unit, scale and qualifier.

A figure is read from its number outwards: first the number (digits or number words) with its
scale words and an optional range, then the unit after it (%, money, ratio, duration, a counted
noun), then the qualifier around it ("khoảng", "trên", "trở lên"). Digits that belong to dates,
document numbers, section numbering, ordinals, times and codes are skipped by the guards in
:mod:`extractors.figure_rules`; spans claimed by other extractors are passed as ``blocked``.
A number alone in a pipe-table cell takes the unit its table states (row unit cell, label or
column header in parentheses, caption); its span is the number only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from extractors import figure_rules as R
from extractors.abbreviations import ABBREVIATIONS, expand_word
from extractors.numbers import SCALE_WORDS, parse_digits, parse_number_words
from extractors.tables import Table, TableIndex
from extractors.wordseg import tagged_word_spans
from pipeline.models import Figure

_DIGITS = r"\d+(?:[.,]\d+)*"
_NUMBER = re.compile(r"(?<![\w.,/:\-–—])" + _DIGITS)
_DIGITS_AT = re.compile(_DIGITS)
_WORD_AT = re.compile(r"[ \t]*\n?[ \t]*([^\W\d_](?:[\w&²³°]|-(?=[^\W\d_]))*)")
_SCALE_AT = re.compile(
    r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)(nghìn|ngàn|triệu|tỷ|tỉ)(?![\w])(?![ \t]+(?:"
    + "|".join(R.NOT_SCALE_AFTER)
    + r")\b)",
    re.IGNORECASE,
)
_COMBINED_AT = re.compile(r"[ \t]+(" + _DIGITS + r")(?=[ \t]+(?:nghìn|ngàn|triệu)\b)", re.I)
_PERCENT_AT = re.compile(r"[ \t]?%")
# A range dash, with one line break allowed after it ("08 -\n09%") or before it when the range
# closes on a percent ("05\n- 06%/năm"; a line opening "- 5 xã" is otherwise a list item).
_RANGE_DASH_AT = re.compile(
    r"[ \t]*[-–—][ \t]*(?:\n[ \t]*)?(?=\d)|[ \t]*\n[ \t]*[-–—][ \t]*(?=\d+(?:[.,]\d+)?[ \t]?%)"
)
_RANGE_WORD_AT = re.compile(r"[ \t]+(?:đến|tới)[ \t]+(?=\d)", re.IGNORECASE)
_LEGAL_AFTER = re.compile(r"(?:/(?:\d{2,4}/)*[A-ZĐ]|-[A-ZĐ]{1,6}\b|/\d+/)")
_DATE_AT = re.compile(
    r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)|(\d{1,2})/(\d{4})(?![\d/])|(\d{1,2})/(\d{1,2})(?![\d/])"
)
_CHAINAGE_AT = re.compile(r"\d+\+\d+")
_FRACTION_AT = re.compile(r"(\d+)/(\d+)(?![\d/.,])")
_TIME_AFTER = re.compile(r":\d|[ \t]*giờ[ \t]*\d|[ \t]*h\d", re.IGNORECASE)
_TIME_AT = re.compile(
    r"\d{1,2}(?::\d{2}){1,2}|\d{1,2}[ \t]*(?:giờ|h)[ \t]*\d{0,2}(?:[ \t]*phút)?", re.IGNORECASE
)
_GLUED_UNIT_AT = re.compile(r"(" + "|".join(R.GLUED_UNITS) + r")(?![\w])", re.IGNORECASE)
_LINE_START_PREFIX = re.compile(r"(?:^|\n)[ \t*#>|+•\-(]*$")
_SECTION_AFTER = re.compile(r"[.)](?:[ \t]|$|\n|\d)")
_URL = re.compile(r"https?://\S+|www\.\S+|\S+\.(?:jpe?g|png|gif|pdf|html?|php)\b|\S+@\S+\.\w+")
_RATE_AT = re.compile(
    r"[ \t]*/[ \t]*("
    + "|".join(sorted((re.escape(d) for d in R.RATE_DENOMINATORS), key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)
_NUMBER_WORD = "một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|bẩy|tám|chín|mười|mươi|trăm|nghìn|ngàn|triệu|tỷ|tỉ|linh|lẻ"
_NUMBER_WORDS_RUN = re.compile(
    r"(?<!\w)(?:" + _NUMBER_WORD + r")(?:[ \t]+(?:" + _NUMBER_WORD + r"))*(?!\w)", re.IGNORECASE
)
_SIGN_BEFORE = re.compile(r"(≥|>=|≤|<=|>|<)[ \t]?$")
_LIST_CONTINUATION = re.compile(r"[ \t]*(?:,|và|hoặc|-|–)[ \t]*$")
_SENTENCE_BREAK = re.compile(r"[.;!?\n]")
# "10 năm 2010-2020", "5 năm 2016 - 2020": a length followed by the years it covers.
_YEAR_AT = re.compile(r"[ \t]*(?:19|20)\d\d(?!\d)")

_COUNTED = {u.lower() for u in R.COUNTED_UNITS}
_CLASSIFIERS = set(R.CLASSIFIER_HEADS)
_QUALIFYING = set(R.QUALIFYING_NOUNS)
_ADMIN_UNITS = set(R.ADMIN_UNITS)
_QUALIFIER_VERBS = set(R.QUALIFIER_VERBS)
_MEASURES = {u.lower() for u in R.MEASURE_UNITS}
_DURATIONS = {u.lower() for u in R.DURATION_UNITS}
_EXCLUDING = {k.lower(): v for k, v in R.EXCLUDING_WORDS_BEFORE.items()}
_QUALIFIERS = sorted(R.QUALIFIERS_BEFORE.items(), key=lambda kv: -len(kv[0]))
_YEAR_MIN, _YEAR_MAX = 1900, 2100


@dataclass(frozen=True)
class _Quantity:
    start: int
    end: int
    value: Decimal
    scale_words: tuple[str, ...]
    plain: bool  # written as a bare integer, no separators, no scale


@dataclass(frozen=True)
class _Unit:
    end: int
    unit: str | None
    unit_text: str | None
    kind: str
    rule: str


def extract_figures(text: str, blocked: Sequence[tuple[int, int]] = ()) -> list[Figure]:
    """Every figure in ``text``, sorted by start; none whose number overlaps a ``blocked`` span.

    ``blocked`` holds spans already claimed by dates and legal references. The extractor also
    guards itself against dates, document numbers, section numbers, ordinals, times and codes,
    so it is correct on ordinary text without them.
    """
    blocked_spans = sorted(blocked) + [m.span() for m in _URL.finditer(text)]
    figures: list[Figure] = []
    taken_until = 0
    excluded_end = -1
    tables = TableIndex(text) if "|" in text else None
    for m in _NUMBER.finditer(text):
        if m.start() < taken_until:
            continue
        if _continues_excluded_list(text, m, excluded_end):
            excluded_end = taken_until = m.end()
            continue
        figure, consumed = _figure_at(text, m, blocked_spans, tables)
        taken_until = max(taken_until, consumed)
        if figure is not None:
            figures.append(figure)
        else:
            excluded_end = consumed
    figures.extend(_number_word_figures(text, blocked_spans, figures))
    figures.sort(key=lambda f: (f.start, -f.end))
    return _drop_overlaps(figures)


def _continues_excluded_list(text: str, m: re.Match[str], excluded_end: int) -> bool:
    """True for "4" in "mức độ 3, 4" or "2" in "khoản 1 và 2": a small plain number listed
    right after a number that was not a figure, and with no unit of its own."""
    if excluded_end < 0 or m.start() - excluded_end > 8 or not m.group().isdigit():
        return False
    if not _LIST_CONTINUATION.match(text[excluded_end : m.start()]):
        return False
    if int(m.group()) > 99:
        return False
    unit = _read_unit(text, m.end(), [])
    return unit is None or unit.rule == R.RULE_COUNT_GENERIC


def _figure_at(
    text: str,
    m: re.Match[str],
    blocked: list[tuple[int, int]],
    tables: TableIndex | None = None,
) -> tuple[Figure | None, int]:
    """The figure whose number starts at ``m``, and how far the scan may skip ahead."""
    start, raw_end = m.span()
    raw = m.group()
    chainage = _CHAINAGE_AT.match(text, start)
    if chainage or (start > 1 and text[start - 1] == "+" and text[start - 2].isdigit()):
        return None, chainage.end() if chainage else raw_end  # "Km 15+200": a road chainage
    # Digits glued to letters: codes ("5G", "14h30") unless a glued unit ("100ha").
    glued_unit = None
    if raw_end < len(text) and text[raw_end].isalpha():
        g = _GLUED_UNIT_AT.match(text, raw_end)
        if g is None:
            return None, _skip_word(text, raw_end)
        glued_unit = g
    after = text[raw_end : raw_end + 24]
    if _LEGAL_AFTER.match(after):
        return None, _skip_word(text, raw_end)
    if _TIME_AFTER.match(after):
        time_of_day = _TIME_AT.match(text, start)
        return None, time_of_day.end() if time_of_day else _skip_word(text, raw_end)
    words_before = _words_before(text, start)
    date = _DATE_AT.match(text, start)
    fraction = _FRACTION_AT.match(text, start)
    if date and date.group(1):
        return None, date.end()
    if date and date.group(5) and 1 <= int(date.group(5)) <= 12:
        return None, date.end()
    if _excluded_by_context(text, start, raw_end, words_before):
        return None, _range_end(text, raw_end)
    if fraction and glued_unit is None:
        return _fraction_figure(text, fraction, blocked, words_before)
    value = parse_digits(raw)
    if value is None:
        return None, raw_end
    quantity = _read_scale(text, start, raw_end, value, raw)
    first = quantity
    percent_first = _PERCENT_AT.match(text, quantity.end)
    second: _Quantity | None = None
    range_from = percent_first.end() if percent_first else quantity.end
    link = _RANGE_DASH_AT.match(text, range_from) or _RANGE_WORD_AT.match(text, range_from)
    if link and glued_unit is None:
        m2 = _DIGITS_AT.match(text, link.end())
        v2 = parse_digits(m2.group()) if m2 else None
        if m2 and v2 is not None and not (m2.end() < len(text) and text[m2.end()].isalpha()):
            second = _read_scale(text, m2.start(), m2.end(), v2, m2.group())
            if first.plain and second.plain and _is_year(first.value) and _is_year(second.value):
                return None, second.end  # a period "2016 - 2020"
            if not first.scale_words and second.scale_words:
                first = _Quantity(
                    first.start,
                    first.end,
                    first.value * _factor(second.scale_words),
                    second.scale_words,
                    False,
                )
            if second.value <= first.value:
                second = None
    number_end = second.end if second else (first.end if not percent_first else quantity.end)
    if _overlaps((start, number_end), blocked):
        return None, number_end
    if glued_unit is not None:
        unit = _measure_or_money(glued_unit.group(1), glued_unit.start(), glued_unit.end())
        unit = _with_rate(text, unit)
    else:
        unit_from = number_end
        if second is None and percent_first:
            unit_from = quantity.end
        unit = _read_unit(text, unit_from, words_before)
    if unit is _PERIOD:
        return None, number_end
    if (
        first.plain
        and second is None
        and _is_year(first.value)
        and (unit is None or unit.rule not in (R.RULE_COUNT, R.RULE_MEASURE))
    ):
        return None, number_end
    if unit is None and second is None and not first.scale_words and tables is not None:
        found = _table_unit(tables, text, start, number_end)
        if found is _NOT_A_FIGURE:
            return None, number_end
        if found is not None:
            cell_unit, factor = found
            first = _Quantity(first.start, first.end, first.value * factor, (), False)
            unit = _Unit(number_end, *cell_unit)
    if unit is None:
        unit = _bare_unit(text, start, first)
        if unit is not None and unit.kind == "money":
            unit = _with_rate(text, unit)
    end = unit.end if unit else number_end
    qualifier, span_start = _qualifier_before(text, start, words_before)
    trailing = _qualifier_after(text, end)
    if trailing:
        qual_after, end = trailing
        if qualifier is None or span_start == start:
            qualifier = qual_after
        if _word_before_is(text, start, "từ"):
            span_start = _word_start_before(text, start)
    if unit is not None and unit.kind == "ratio":
        gap = _ratio_marker_before(text, span_start)
        if gap is not None:
            span_start = gap
    if unit is None:
        if not (first.scale_words or not first.plain or second or qualifier):
            return None, number_end
        if _CODE_BEFORE.search(text, max(0, start - 12), start):
            return None, number_end  # "hệ tọa độ VN 2.000", "TCVN 5574": a code's number
        unit = _Unit(number_end, None, None, "other", R.RULE_BARE)
    figure = Figure(
        start=span_start,
        end=end,
        text=text[span_start:end],
        value=float(first.value),
        value_max=float(second.value) if second else None,
        unit=unit.unit,
        unit_text=unit.unit_text,
        kind=unit.kind,
        qualifier=qualifier,
        rule=unit.rule,
    )
    return figure, max(number_end, end)


# A sentinel: the number is the count of a date period ("6 tháng đầu năm 2020").
_PERIOD = _Unit(0, None, None, "period", "period")


def _read_scale(text: str, start: int, end: int, value: Decimal, raw: str) -> _Quantity:
    """The number at ``start`` with the scale words after it ("4.290,3 tỷ", "1 tỷ 200 triệu")."""
    scales: list[str] = []
    pos = end
    while (s := _SCALE_AT.match(text, pos)) is not None:
        scales.append(s.group(1).lower())
        pos = s.end()
    total = value * _factor(scales)
    if scales:
        combined = _COMBINED_AT.match(text, pos)
        if combined:
            v2 = parse_digits(combined.group(1))
            s2 = _SCALE_AT.match(text, combined.end())
            if v2 is not None and s2 and SCALE_WORDS[s2.group(1).lower()] < _factor(scales):
                total += v2 * SCALE_WORDS[s2.group(1).lower()]
                pos = s2.end()
    plain = not scales and raw.isdigit()
    return _Quantity(start, pos, total, tuple(scales), plain)


def _factor(scales: Sequence[str]) -> Decimal:
    factor = Decimal(1)
    for word in scales:
        factor *= SCALE_WORDS[word]
    return factor


def _is_year(value: Decimal) -> bool:
    return value == int(value) and _YEAR_MIN <= value <= _YEAR_MAX


def _words_before(text: str, start: int, limit: int = 4) -> list[str]:
    """The (up to four) words right before ``start``, lower case, separated by blanks only."""
    words: list[str] = []
    pos = start
    floor = max(0, start - 60)
    while len(words) < limit:
        gap = pos
        newlines = 0
        while gap > floor and text[gap - 1] in " \t\n":
            newlines += text[gap - 1] == "\n"
            gap -= 1
        if gap == pos or newlines > 1:
            break
        end = gap
        while gap > floor and (text[gap - 1].isalpha() or text[gap - 1] == "&"):
            gap -= 1
        if gap == end or (gap > 0 and (text[gap - 1].isdigit() or text[gap - 1] == "_")):
            break
        words.append(text[gap:end].lower())
        pos = gap
    words.reverse()
    return words


def _ends_with(words: list[str], phrase: str) -> bool:
    parts = phrase.split()
    return len(words) >= len(parts) and words[-len(parts) :] == parts


def _excluded_by_context(text: str, start: int, end: int, words_before: list[str]) -> bool:
    """True when the number at ``start`` is a date part, ordinal, section, code or phone."""
    for k in (3, 2, 1):
        if len(words_before) < k:
            continue
        why = _EXCLUDING.get(" ".join(words_before[-k:]))
        if why is None:
            continue
        if why == "number" and any(_ends_with(words_before[:-1], p) for p in R.COUNT_BEFORE_SO):
            continue
        if why == "legal" and not _plain_code_after(text, end):
            continue
        return not _exclusion_overridden(text, end, why, " ".join(words_before[-k:]))
    if _after_proper_name(text, start) and (int_or_none(text[start:end]) or 100) < 100:
        unit = _read_unit(text, end, [])
        if unit is None or unit.rule == R.RULE_COUNT_GENERIC:
            return True  # "A Lưới 5", "Quận 1": part of a name
    prefix = text[max(0, start - 12) : start]
    if _LINE_START_PREFIX.search(prefix) and _SECTION_AFTER.match(text, end):
        return True  # "1. ", "6.2. ", "3) " opening a line
    return bool(start > 0 and text[start - 1] == "(" and text[end : end + 1] == ")")


def _exclusion_overridden(text: str, end: int, why: str, phrase: str) -> bool:
    """True when what follows the number makes it a quantity despite the word before it:
    a percentage ("cùng thời điểm 25%"), money or a counted noun after "số" ("số 75%",
    "số 27 đồng chí"), a length after a span word ("giai đoạn 10 năm")."""
    if why in R.PERCENT_KEEPS_EXCLUSION:
        return False
    if _PERCENT_AT.match(text, end):
        return True
    if why in R.UNIT_OVERRIDES_EXCLUSION:
        unit = _read_unit(text, end, [])
        if unit is None or unit is _PERIOD:
            return False
        if unit.rule in (R.RULE_MONEY, R.RULE_MEASURE):
            return True
        return (
            why == "number"
            and unit.rule == R.RULE_COUNT
            and (unit.unit or "").split()[0] not in R.NOT_COUNT_AFTER_SO
        )
    if why == "date" and phrase in R.SPAN_WORDS:
        unit = _read_unit(text, end, [])
        return unit is not None and unit is not _PERIOD and unit.kind == "duration"
    return False


def int_or_none(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else None


# An all-capitals code right before a number with no unit names a standard or system.
_CODE_BEFORE = re.compile(r"(?<![\w-])[A-ZĐ]{2,6}[ \t]?$")

_PROPER_NAME_BEFORE = re.compile(
    r"(?<=[^\s.!?:;(\[|*#\-])[ \t]+([A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\W\d_A-Z]+)[ \t]+$"
)


def _after_proper_name(text: str, start: int) -> bool:
    """True when a capitalised word inside a sentence comes right before ``start``."""
    m = _PROPER_NAME_BEFORE.search(text[max(0, start - 40) : start])
    if not m:
        return False
    word = m.group(1).lower()
    return word not in R.QUALIFIERS_BEFORE and word not in R.NOUN_STOP_WORDS


def _plain_code_after(text: str, end: int) -> bool:
    """After a document-type word, a number not followed by a unit is the document's number."""
    unit = _read_unit(text, end, [])
    return unit is None or unit.kind in ("count", "other") and unit.rule == R.RULE_COUNT_GENERIC


def _range_end(text: str, end: int) -> int:
    link = _RANGE_DASH_AT.match(text, end) or _RANGE_WORD_AT.match(text, end)
    if link:
        m2 = _DIGITS_AT.match(text, link.end())
        if m2:
            return m2.end()
    return end


def _skip_word(text: str, pos: int) -> int:
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos


def _overlaps(span: tuple[int, int], blocked: Sequence[tuple[int, int]]) -> bool:
    s, e = span
    return any(bs < e and s < be for bs, be in blocked)


def _next_words(text: str, pos: int, limit: int = 6) -> list[tuple[int, int, str]]:
    """Up to ``limit`` words after ``pos`` separated by blanks only, with their offsets."""
    words = []
    while len(words) < limit:
        m = _WORD_AT.match(text, pos)
        if not m:
            break
        words.append((m.start(1), m.end(1), m.group(1)))
        pos = m.end(1)
    return words


def _longest(
    words: list[tuple[int, int, str]], table: set[str] | dict[str, str], max_words: int = 4
) -> int:
    """How many of ``words`` (abbreviations expanded) form the longest entry of ``table``."""
    for k in range(min(max_words, len(words)), 0, -1):
        phrase = " ".join(expand_word(w).lower() for _, _, w in words[:k])
        if phrase in table:
            return k
    return 0


def _read_unit(text: str, pos: int, words_before: list[str]) -> _Unit | _Unit | None:
    """The unit written at ``pos`` (after the number), or None; _PERIOD for a date period."""
    pct = _PERCENT_AT.match(text, pos)
    if pct:
        return _Unit(pct.end(), "%", "%", "percent", R.RULE_PERCENT)
    words = _next_words(text, pos)
    if not words:
        return None
    first = words[0][2].lower()
    k = _longest(words, R.MONEY_UNITS, 3)
    if k and not (
        first == "đồng" and len(words) > 1 and words[1][2].lower() in R.NOT_MONEY_AFTER_DONG
    ):
        phrase = " ".join(w.lower() for _, _, w in words[:k])
        unit = _Unit(
            words[k - 1][1],
            R.MONEY_UNITS[phrase],
            text[words[0][0] : words[k - 1][1]],
            "money",
            R.RULE_MONEY,
        )
        return _with_rate(text, unit)
    if first == "phần" and len(words) > 1 and words[1][2].lower() == "trăm":
        return _Unit(words[1][1], "%", text[words[0][0] : words[1][1]], "percent", R.RULE_PERCENT)
    if (
        first == "điểm"
        and len(words) > 2
        and " ".join(w.lower() for _, _, w in words[1:3]) == "phần trăm"
    ):
        return _Unit(
            words[2][1],
            "điểm phần trăm",
            text[words[0][0] : words[2][1]],
            "percent",
            R.RULE_PERCENT,
        )
    if first == R.RATIO_UNIT:
        if words_before and words_before[-1] == "gấp" or _ends_with(words_before, "gấp khoảng"):
            return _Unit(words[0][1], "lần", words[0][2], "ratio", R.RULE_RATIO)
        if (
            any(_ends_with(words_before, q) for q, _ in _QUALIFIERS)
            and len(words_before) > 1
            and words_before[-2] == "gấp"
        ):
            return _Unit(words[0][1], "lần", words[0][2], "ratio", R.RULE_RATIO)
        return _Unit(words[0][1], "lần", words[0][2], "count", R.RULE_COUNT)
    k = _longest(words, _DURATIONS, 3)
    if k and not _longest(words, _COUNTED, 4) > k:
        unit_word = " ".join(w.lower() for _, _, w in words[:k])
        rest = text[words[k - 1][1] : words[k - 1][1] + 20]
        if re.match(r"[ \t]*\d", rest) and not (unit_word == "năm" and _YEAR_AT.match(rest)):
            return _PERIOD  # "26 tháng 11", "8 giờ 30": a date or a time
        if unit_word in ("tháng", "quý", "năm") and len(words) > k:
            after = " ".join(w.lower() for _, _, w in words[k : k + 2])
            is_period = any(
                after == p or after.startswith(p + " ") for p in R.PERIOD_AFTER_DURATION
            )
            if is_period and (unit_word != "năm" or after.split()[0] in ("đầu", "cuối")):
                return _PERIOD
        return _Unit(
            words[k - 1][1],
            unit_word,
            text[words[0][0] : words[k - 1][1]],
            "duration",
            R.RULE_DURATION,
        )
    k_measure = _longest(words, _MEASURES, 2)
    k_count = _longest(words, _COUNTED, 5)
    if k_measure and k_measure >= k_count:
        unit = _measure_or_money(
            words[0][2], words[0][0], words[k_measure - 1][1], k_words=words[:k_measure]
        )
        return _with_rate(text, unit)
    if k_count:
        end = words[k_count - 1][1]
        unit_name = " ".join(expand_word(w).lower() for _, _, w in words[:k_count])
        if unit_name in R.MEMBER_TAKING_UNITS and len(words) > k_count + 1:
            tail = " ".join(w.lower() for _, _, w in words[k_count : k_count + 2])
            if tail == R.MEMBER_TAIL:
                end = words[k_count + 1][1]
                unit_name += " " + R.MEMBER_TAIL
        elif unit_name in _CLASSIFIERS:
            end, unit_name = _with_qualifying_noun(text, words, k_count, end, unit_name)
        elif unit_name in _ADMIN_UNITS:
            end, unit_name = _with_admin_list(text, end, unit_name)
        unit = _Unit(end, unit_name, text[words[0][0] : end], "count", R.RULE_COUNT)
        return _with_rate(text, unit)
    return _generic_noun(text, words)


def _with_qualifying_noun(
    text: str, words: list[tuple[int, int, str]], k: int, end: int, name: str
) -> tuple[int, str]:
    """A classifier head completed by the noun after it: "bộ tờ khai", "vụ án hình sự"."""
    rest = words[k:]
    n = max(_longest(rest, _QUALIFYING, 4), _longest(rest, _COUNTED, 4))
    if not n:
        return end, name
    tail = " ".join(expand_word(w).lower() for _, _, w in rest[:n])
    after = rest[n][2] if len(rest) > n else ""
    if tail in _ADMIN_UNITS or (after[:1].isupper() and not after.isupper()):
        return end, name  # "120 hộ xã Phước An": a place, not a kind of household
    return rest[n - 1][1], name + " " + tail


_ADMIN_NEXT = re.compile(r",[ \t]*([^\W\d_]+(?:[ \t]+[^\W\d_]+)?)")


def _with_admin_list(text: str, end: int, name: str) -> tuple[int, str]:
    """An administrative unit listed with its peers: "xã, thị trấn", "tỉnh, thành phố"."""
    while (m := _ADMIN_NEXT.match(text, end)) is not None:
        words = m.group(1).split()
        for n in (len(words), 1):
            peer = " ".join(words[:n]).lower()
            if peer in _ADMIN_UNITS and peer not in name.split(", "):
                break
        else:
            return end, name
        peer_end = m.end(1) if n == len(words) else m.start(1) + len(words[0])
        nxt = _WORD_AT.match(text, peer_end)
        if nxt and nxt.group(1)[:1].isupper():
            return end, name  # "7 xã, huyện Vân Canh": the peer opens a proper name
        end, name = peer_end, name + ", " + peer
    return end, name


def _measure_or_money(written: str, start: int, end: int, k_words=None) -> _Unit:
    """A glued or spaced measure unit ("100ha", "50 km"); "đ" glued is money."""
    if k_words:
        written = " ".join(w for _, _, w in k_words)
    name = written.lower()
    if name == "đ":
        return _Unit(end, "đồng", written, "money", R.RULE_MONEY)
    return _Unit(end, name, written, "other", R.RULE_MEASURE)


def _with_rate(text: str, unit: _Unit) -> _Unit:
    """The unit extended by rate denominators: "đồng/tháng", "đồng/người/năm", "tấn/ha"."""
    end, name = unit.end, unit.unit or ""
    while (r := _RATE_AT.match(text, end)) is not None:
        name += "/" + expand_word(r.group(1)).lower()
        end = r.end()
    if end == unit.end:
        return unit
    return _Unit(end, name, (unit.unit_text or "") + text[unit.end : end], unit.kind, unit.rule)


def _generic_noun(text: str, words: list[tuple[int, int, str]]) -> _Unit | None:
    """The counted noun after a number when the lexicon is silent: up to two words (as the
    word segmenter reads them: "bệnh bẩm sinh", "tập dữ liệu"), cut at a stop word, and at a
    second word that is not a noun ("nhà máy xử lý" → "nhà máy"); an upper-case abbreviation
    counts as one word and is expanded."""
    taken: list[tuple[int, int, str]] = []
    for i, (s, e, w) in enumerate(words):
        low = w.lower()
        if low in R.NOUN_STOP_WORDS or low in R.SCALE_WORDS:
            break
        if " ".join(x.lower() for _, _, x in words[i : i + 2]) in R.NOUN_STOP_PHRASES:
            break
        if w.isupper() and len(w) > 1:
            if taken:
                break
            taken.append((s, e, w))
            break
        if not w.islower() or len(w) < 2:
            break
        taken.append((s, e, w))
    if not taken:
        return None
    if len(taken) > 1:
        taken = _whole_words(text, taken)
    end = taken[-1][1]
    name = " ".join(expand_word(w).lower() for _, _, w in taken)
    if taken[0][2].isupper() and taken[0][2] not in ABBREVIATIONS:
        name = taken[0][2].lower()
    return _with_rate(
        text, _Unit(end, name, text[taken[0][0] : end], "count", R.RULE_COUNT_GENERIC)
    )


def _whole_words(text: str, syllables: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The syllables of the first words of a noun phrase: at most GENERIC_NOUN_MAX_WORDS whole
    words inside ``syllables``, the second one a noun; GENERIC_NOUN_MAX_SYLLABLES syllables
    when the first word runs on past them (or the segmenter is unavailable). The segmenter also
    reads the number before the phrase: after a numeral it tags nouns as nouns more often."""
    phrase_start, run_end = syllables[0][0], syllables[-1][1]
    window_start = _word_start_before(text, phrase_start)
    limit = R.GENERIC_NOUN_WINDOW + phrase_start - window_start
    words = [w for w in tagged_word_spans(text, window_start, limit) if w[1] > phrase_start]
    kept_end = None
    for count, (word_start, word_end, tag) in enumerate(words):
        if word_start < phrase_start or word_end > run_end or count == R.GENERIC_NOUN_MAX_WORDS:
            break
        if count and tag is not None and tag not in R.GENERIC_NOUN_TAGS:
            break
        kept_end = word_end
    kept = [syllable for syllable in syllables if kept_end and syllable[1] <= kept_end]
    return kept or syllables[: R.GENERIC_NOUN_MAX_SYLLABLES]


def _bare_unit(text: str, start: int, quantity: _Quantity) -> _Unit | None:
    """Money for a bare "N tỷ", or "N triệu" after a money word; None otherwise."""
    if not quantity.scale_words:
        return None
    window = text[max(0, start - 100) : start]
    breaks = list(_SENTENCE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    window = window.lower()
    money_context = any(
        re.search(r"(?<!\w)" + w + r"(?!\w)", window) for w in R.MONEY_CONTEXT_WORDS
    )
    if quantity.scale_words[-1] in ("tỷ", "tỉ") or money_context:
        return _Unit(quantity.end, "đồng", None, "money", R.RULE_MONEY_BARE_SCALE)
    return _Unit(quantity.end, None, None, "other", R.RULE_BARE)


def _qualifier_before(text: str, start: int, words_before: list[str]) -> tuple[str | None, int]:
    """The qualifier written right before the number, and where the figure's span starts."""
    for phrase, qualifier in _QUALIFIERS:
        if _ends_with(words_before, phrase):
            return qualifier, _word_start_before(text, start, len(phrase.split()))
    sign = _SIGN_BEFORE.search(text, max(0, start - 4), start)
    if sign:
        return R.QUALIFIER_SIGNS[sign.group(1)], sign.start(1)
    for gap_words in _gaps_before(words_before):
        head = words_before[: -len(gap_words)]
        for phrase, qualifier in _QUALIFIERS:
            crosses = gap_words[0] in R.RANGE_OPENERS or phrase in R.QUALIFIERS_ACROSS_VERB
            if crosses and _ends_with(head, phrase):
                count = len(phrase.split()) + len(gap_words)
                return qualifier, _word_start_before(text, start, count)
    return None, start


def _gaps_before(words_before: list[str]) -> list[list[str]]:
    """The words a qualifier may stand across before the number: a verb of change ("ước
    tăng 6,91%") or "từ" opening a range ("khoảng từ 30% đến 40%"), longest first."""
    gaps = []
    for n in (2, 1):
        if len(words_before) > n:
            tail = words_before[-n:]
            if " ".join(tail) in _QUALIFIER_VERBS or (n == 1 and tail[0] in R.RANGE_OPENERS):
                gaps.append(tail)
    for verb in list(gaps):
        rest = words_before[: -len(verb)]
        if len(rest) > 1 and rest[-1] in R.QUALIFIER_ADVERBS and verb[0] not in R.RANGE_OPENERS:
            gaps.insert(0, [rest[-1], *verb])  # "ước vẫn tăng 6,91%"
    return gaps


def _qualifier_after(text: str, end: int) -> tuple[str, int] | None:
    """A qualifier written after the figure ("97% trở lên"), also past a rate the figure's
    unit does not hold ("7,5%/năm trở lên")."""
    rate = _RATE_AT.match(text, end)
    for pos in (end, rate.end()) if rate else (end,):
        words = _next_words(text, pos, 2)
        if len(words) == 2:
            phrase = " ".join(w.lower() for _, _, w in words)
            if phrase in R.QUALIFIERS_AFTER:
                return R.QUALIFIERS_AFTER[phrase], words[1][1]
    return None


def _word_before_is(text: str, start: int, word: str) -> bool:
    words = _words_before(text, start)
    return bool(words) and words[-1] == word


def _word_start_before(text: str, start: int, count: int = 1) -> int:
    """Where the ``count``-th word before ``start`` begins."""
    pos = start
    for _ in range(count):
        while pos > 0 and text[pos - 1].isspace():
            pos -= 1
        while pos > 0 and not text[pos - 1].isspace():
            pos -= 1
    while pos < start and text[pos] in _MARKUP_OPENERS:
        pos += 1  # "*Trên 80%": emphasis and brackets are not part of the figure
    return pos


_MARKUP_OPENERS = frozenset("*_~`([{\"'“‘«>#|•-–—+")


def _ratio_marker_before(text: str, start: int) -> int | None:
    words = _words_before(text, start)
    if words and words[-1] == "gấp":
        return _word_start_before(text, start)
    return None


def _fraction_figure(
    text: str, m: re.Match[str], blocked: list[tuple[int, int]], words_before: list[str]
) -> tuple[Figure | None, int]:
    """ "5/9 tiêu chí", "419/419 căn nhà", "22/63": value is the numerator (see figure_rules)."""
    num, den = int(m.group(1)), int(m.group(2))
    if m.group(1).startswith("0") or m.group(2).startswith("0") or den == 0:
        return None, m.end()
    if _overlaps(m.span(), blocked):
        return None, m.end()
    unit = _read_unit(text, m.end(), words_before)
    if unit is _PERIOD:
        return None, m.end()
    looks_like_date = 1 <= num <= 31 and 1 <= den <= 12
    has_noun = unit is not None and unit.kind in ("count", "other") and unit.unit is not None
    if looks_like_date and not (has_noun and unit.rule == R.RULE_COUNT):
        return None, m.end()
    if num > den * 10:
        return None, m.end()
    qualifier, span_start = _qualifier_before(text, m.start(), words_before)
    if has_noun:
        end, name, written, kind = unit.end, unit.unit, unit.unit_text, "count"
    else:
        end, name, written, kind = m.end(), None, None, "ratio"
    figure = Figure(
        start=span_start,
        end=end,
        text=text[span_start:end],
        value=float(num),
        unit=name,
        unit_text=written,
        kind=kind,
        qualifier=qualifier,
        rule=R.RULE_FRACTION,
    )
    return figure, end


def _number_word_figures(
    text: str, blocked: list[tuple[int, int]], digit_figures: list[Figure]
) -> list[Figure]:
    """Figures written in words ("hai mươi hợp tác xã", "ba năm"); see figure_rules for when."""
    taken = blocked + [(f.start, f.end) for f in digit_figures]
    found = []
    for m in _NUMBER_WORDS_RUN.finditer(text):
        words = _next_words(text, m.start(), 12)
        words = [w for w in words if w[1] <= m.end()]
        words = _trim_number_words(words)
        if not words:
            continue
        start, end = words[0][0], words[-1][1]
        if _overlaps((start, end), taken):
            continue
        plain = [w for _, _, w in words]
        if len(plain) == 1 and plain[0].lower() not in R.SINGLE_NUMBER_WORDS:
            continue
        value = parse_number_words(plain)
        if value is None:
            continue
        before = _words_before(text, start)
        if before and before[-1] in ("thứ", "lần", "khóa", "khoá", "hàng"):
            continue
        unit = _read_unit(text, end, before)
        if unit is None or unit is _PERIOD or unit.rule == R.RULE_COUNT_GENERIC:
            continue
        qualifier, span_start = _qualifier_before(text, start, before)
        trailing = _qualifier_after(text, unit.end)
        fig_end = unit.end
        if trailing:
            qualifier, fig_end = trailing
        found.append(
            Figure(
                start=span_start,
                end=fig_end,
                text=text[span_start:fig_end],
                value=float(value),
                unit=unit.unit,
                unit_text=unit.unit_text,
                kind=unit.kind,
                qualifier=qualifier,
                rule=R.RULE_WORDS,
            )
        )
    return found


def _trim_number_words(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The part of a number-word run that is a number: it opens on a digit word, and "năm"
    past the first word is "year", not "five" ("hai năm" = two years)."""
    while words and words[0][2].lower() not in R.NUMBER_WORD_STARTS:
        words = words[1:]
    if not words:
        return []
    kept = [words[0]]
    for w in words[1:]:
        if w[2].lower() == "năm":
            break
        kept.append(w)
    if kept[0][2].lower() == "năm" and (
        len(kept) == 1 or kept[1][2].lower() not in ("mươi", "trăm", "nghìn", "ngàn", "triệu", "tỷ")
    ):
        return []
    if kept[0][2].lower() == "một" and len(kept) == 1:
        return []
    return kept


def _drop_overlaps(figures: list[Figure]) -> list[Figure]:
    kept: list[Figure] = []
    for f in figures:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept


# --- tables ---------------------------------------------------------------------------------

# The sentinel for a table cell that holds no figure (a cell of a row numbering the columns).
_NOT_A_FIGURE = ("not a figure",)
_UNIT_IN_PARENS = re.compile(r"\(([^()\n]{1,40})\)[\s*_.:]*$")
_UNIT_TEXT = re.compile(
    r"(?:(nghìn|ngàn|triệu|tỷ|tỉ)[ ]+)?([^/]+?)[ ]*((?:/[ ]*[^/]+?[ ]*)*)$", re.IGNORECASE
)
_CAPTION = re.compile(
    r"(?:"
    + "|".join(w.replace(" ", r"\s+") for w in R.TABLE_CAPTION_WORDS)
    + r")\s*:\s*([^\n.;)|]{1,40})",
    re.IGNORECASE,
)
_PERCENT_WORDS = ("%", "phần trăm")
# A cell unit as stored on the figure: (unit, unit_text, kind, rule), and the scale factor.
_CellUnit = tuple[tuple[str, str, str, str], Decimal]


def _unit_of_text(written: str) -> _CellUnit | None:
    """The unit a short text states ("Tỷ đồng", "Ha", "%", "Đồng/biên chế/năm", "Nghìn tấn")."""
    m = _UNIT_TEXT.match(written.strip())
    if not m:
        return None
    scale, base, rates = m.group(1), m.group(2).strip().lower(), m.group(3) or ""
    denominators = [d.strip().lower() for d in rates.split("/") if d.strip()]
    factor = SCALE_WORDS[scale.lower()] if scale else Decimal(1)
    rate = "".join("/" + expand_word(d) for d in denominators)
    if base in R.MONEY_UNITS:
        return (R.MONEY_UNITS[base] + rate, written, "money", R.RULE_TABLE_CELL), factor
    if base in _PERCENT_WORDS:
        return None if scale else (("%", written, "percent", R.RULE_TABLE_CELL), factor)
    if base in _MEASURES:
        return (base + rate, written, "other", R.RULE_TABLE_CELL), factor
    expanded = " ".join(expand_word(w) for w in base.split()) if base.isupper() else base
    expanded = ABBREVIATIONS.get(m.group(2).strip(), expanded).lower()
    if expanded in _COUNTED:
        return (expanded + rate, written, "count", R.RULE_TABLE_CELL), factor
    return None


def _unit_in_label(label: str) -> _CellUnit | None:
    """The unit closing a row label or a column header in parentheses: "Tỷ lệ (%)"."""
    m = _UNIT_IN_PARENS.search(label)
    return _unit_of_text(m.group(1)) if m else None


def _table_unit(
    tables: TableIndex, text: str, start: int, end: int
) -> _CellUnit | tuple[str] | None:
    """The unit a table gives the number alone in its cell at [start, end): a unit cell earlier
    in its row (the "ĐVT" column), a "(unit)" closing its row label, a "(unit)" in any level of
    its column's header, else the caption's "Đơn vị tính: ...". None when the number is not
    alone in a cell, opens its row, or the table states no unit; _NOT_A_FIGURE in a row that
    numbers the columns."""
    at = tables.cell_at(start, end)
    if at is None or at.cell.text != text[start:end]:
        return None
    table, row, cell = at.table, at.row, at.cell
    if row.kind == "numbering":
        return _NOT_A_FIGURE
    if row.kind == "header":
        return None
    label_seen = False
    for left in reversed([c for c in row.cells if c.column < cell.column]):
        plain = left.text
        if not plain or plain in R.EMPTY_VALUE_CELLS or left.numeric:
            continue
        label_seen = True
        found = _unit_of_text(plain)
        if found is not None and (found[0][2] != "count" or _unit_column(table, left.column)):
            return found  # a unit cell: "| Diện tích | Ha | 26.120 |"
        found = _unit_in_label(plain)
        if found is not None:
            return found  # "| Tỷ lệ hộ nghèo (%) | 3,5 |"
        break
    if not label_seen:
        return None  # the number opens its row: a numbering cell, or no label
    path = table.header_path(cell.column)
    for header in reversed(path):
        found = _unit_in_label(header)
        if found is None:
            found = _unit_of_text(header)
            if found is not None and found[0][2] == "count":
                found = None
        if found is not None:
            return found
    if any(word in header.lower() for header in path for word in R.RATIO_HEADER_WORDS):
        return None  # a column of shares or comparisons inside a money table
    return _caption_unit(table.caption_text())


def _unit_column(table: Table, column: int) -> bool:
    """True for a column headed "ĐVT"/"Đơn vị tính"."""
    return any(
        header.lower().rstrip(":") in R.TABLE_CAPTION_WORDS for header in table.header_path(column)
    )


def _caption_unit(caption: str) -> _CellUnit | None:
    captions = list(_CAPTION.finditer(caption))
    if not captions:
        return None
    return _unit_of_text(" ".join(captions[-1].group(1).split()))
