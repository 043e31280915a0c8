"""Named patterns and word tables for Vietnamese calendar references.

Each entry of :data:`DATE_PATTERNS` is a named regular expression; the name is stored on every
:class:`~pipeline.models.DateMention` it produces. The group ``x`` (when a pattern has one)
delimits the surface of the mention, so a cue word such as "ngày" or "đến" can be required
without becoming part of the span. Patterns are compiled once, at import.
"""

from __future__ import annotations

import re

# --- word tables ---------------------------------------------------------------------------

# Roman and Arabic numerals for quarters ("quý I/2025", "quý 1 năm 2025").
QUARTER_NUMERALS: dict[str, int] = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
}

# Number words that count the months of a part of a year ("sáu tháng đầu năm").
MONTH_COUNT_WORDS: dict[str, int] = {
    "ba": 3,
    "sáu": 6,
    "chín": 9,
    "mười hai": 12,
}

# Which end of the year a count of months is taken from ("6 tháng đầu/cuối năm").
YEAR_PART_WORDS: dict[str, str] = {
    "đầu": "first",
    "cuối": "last",
}

# Halves of a year written as words ("nửa đầu năm 2020").
HALF_YEAR_WORDS: dict[str, tuple[int, int]] = {
    "đầu": (1, 6),
    "cuối": (7, 12),
}

# Words for the time of a day: a day-month right after one of them is a date ("Sáng 18/4").
TIME_OF_DAY_WORDS: tuple[str, ...] = (
    "rạng sáng",
    "sáng",
    "chiều",
    "tối",
    "trưa",
    "đêm",
    "khuya",
    "hôm",
)

# Weekday words of a dateline ("Thứ sáu, 20/09/2019", "Thứ 6, 26/06/2020", "Chủ nhật, ...").
WEEKDAY_WORDS: tuple[str, ...] = (
    "thứ hai",
    "thứ ba",
    "thứ tư",
    "thứ năm",
    "thứ sáu",
    "thứ bảy",
    "chủ nhật",
    "thứ 2",
    "thứ 3",
    "thứ 4",
    "thứ 5",
    "thứ 6",
    "thứ 7",
    "cn",
)

# Words after which a bare day-month ("đến 30/6") or bare year ("đến 2030") may be a date.
# They are weak cues: the number must also be followed by something that is not a counted noun.
WEAK_CUE_WORDS: tuple[str, ...] = (
    "đến hết",
    "đến",
    "tới",
    "từ",
    "trước",
    "sau",
    "vào",
    "trong",
    "hết",
    "cuối",
    "đầu",
    "giữa",
)

# Extra cues for a bare year only ("tầm nhìn 2030", "kế hoạch 2025").
YEAR_ONLY_CUE_WORDS: tuple[str, ...] = (
    "tầm nhìn",
    "tầm nhìn đến",
    "niên độ",
    "kế hoạch",
    "dự toán",
    "năm hiện hành",
)

# Words that may follow a date given by a weak cue. Anything else (a lower-case word such as
# "tiêu chí", "hộ", "người") means the number is a count or a fraction, not a date.
WORDS_AFTER_DATE: frozenset[str] = frozenset(
    {
        "của",
        "tại",
        "vừa",
        "tới",
        "và",
        "đến",
        "hoặc",
        "hằng",
        "hàng",
        "năm",
        "cho",
        "với",
        "theo",
        "thì",
        "sẽ",
        "đã",
        "là",
        "này",
        "nay",
        "trở",
        "so",
        "nhằm",
        "để",
        "mới",
        "thông",
        "được",
        "phải",
        "cần",
        "còn",
        "nhưng",
        "tầm",
        "định",
        "tăng",
        "giảm",
        "đạt",
        "có",
    }
)

# Words that name a span of years before "2016 - 2020" (kept in the rule name only).
PERIOD_WORDS: tuple[str, ...] = (
    "giai đoạn",
    "nhiệm kỳ",
    "năm học",
    "niên khóa",
    "niên khoá",
    "thời kỳ",
    "kế hoạch",
)

# Words after a day-month that say the date recurs every year, so no year may be inferred.
RECURRING_WORDS: tuple[str, ...] = ("hằng năm", "hàng năm", "mỗi năm")

# Leads of a news story that give the story's own day ("Chiều nay (14/5)", "Hôm nay (3/2)").
TODAY_LEAD_WORDS: tuple[str, ...] = (
    "sáng nay",
    "chiều nay",
    "tối nay",
    "trưa nay",
    "đêm nay",
    "hôm nay",
    "sáng qua",
    "chiều qua",
)

# Labels of a page's publication dateline ("Cập nhật: 10:25 14/05/2019").
DATELINE_LABELS: tuple[str, ...] = (
    "cập nhật",
    "ngày cập nhật",
    "ngày đăng",
    "đăng ngày",
    "đăng lúc",
    "ngày xuất bản",
    "xuất bản",
    "thời gian đăng",
    "ngày ban hành",
)


def _alternation(words: tuple[str, ...] | frozenset[str]) -> str:
    """A regex alternation of ``words``, longest first so "đến hết" wins over "đến"."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


# --- building blocks -----------------------------------------------------------------------

_B = r"(?<![\w/.,\-])"  # a number starts here (not inside another number, code or word)
_E = r"(?![\w/]|[.,]\d)"  # a number ends here (no letters, "/" code, or decimal part follow)
_DAY = r"(?P<d>\d{1,2})"
_MONTH = r"(?P<m>\d{1,2})"
_YEAR = r"(?P<y>\d{4})"
_QUARTER = r"(?P<q>IV|I{1,3}|[1-4])"

TIME_OF_DAY = _alternation(TIME_OF_DAY_WORDS)
WEEKDAY = _alternation(WEEKDAY_WORDS)
WEAK_CUE = _alternation(WEAK_CUE_WORDS)
YEAR_CUE = _alternation(WEAK_CUE_WORDS + YEAR_ONLY_CUE_WORDS)
TODAY_LEAD = _alternation(TODAY_LEAD_WORDS)
DATELINE_LABEL = _alternation(DATELINE_LABELS)
RECURRING = _alternation(RECURRING_WORDS)

# --- the date patterns ---------------------------------------------------------------------

# name -> (kind, pattern). Kinds: date, month, year, quarter, period.
DATE_PATTERN_SOURCES: dict[str, tuple[str, str]] = {
    # "11/6/2019", "25.9.2020", "18-3-2002", "26/06/2020"
    "numeric_date": ("date", _B + _DAY + r"(?P<sep>[/.\-])" + _MONTH + r"(?P=sep)" + _YEAR + _E),
    # "2025-08-11" (ISO, as some pages print their dateline)
    "iso_date": ("date", _B + _YEAR + r"-(?P<m>\d{2})-(?P<d>\d{2})" + r"(?![\w/\-])"),
    # "09 tháng 3 năm 2020", "ngày 24\ntháng 11 năm 2025"
    "text_date": ("date", _B + _DAY + r"\s+tháng\s+" + _MONTH + r"\s+năm\s+" + _YEAR + _E),
    # "ngày 14-15/5/2025", "từ ngày 24 đến 27/1": a run of days
    "day_range": (
        "period",
        r"\bngày\s+(?P<x>(?P<d1>\d{1,2})\s*(?:[-–]|đến|tới)\s*(?:ngày\s+)?"
        r"(?P<d>\d{1,2})/" + _MONTH + r"(?:/" + _YEAR + r")?" + _E + r")",
    ),
    # "ngày 30 tháng 6" with no year
    "text_day_month": (
        "date",
        r"ngày\s+(?P<x>" + _DAY + r"\s+tháng\s+" + _MONTH + r")(?!\s*(?:năm|[/\-.])\s*\d)" + _E,
    ),
    # "tháng 5/2025", "tháng 5 năm 2025", "tháng 12-2020"
    "month_year": (
        "month",
        r"(?P<x>tháng\s+" + _MONTH + r"(?:\s*[/\-.]\s*|\s+năm\s+)" + _YEAR + _E + r")",
    ),
    # "đến 6/2025", "từ 01/2021" (a bare month/year needs a cue)
    "cued_month_year": (
        "month",
        r"\b(?:" + WEAK_CUE + r")\s+(?P<x>" + _MONTH + r"/" + _YEAR + _E + r")",
    ),
    # "quý I/2025", "quý 1 năm 2025", "Quý IV-2024"
    "quarter_year": (
        "quarter",
        r"(?P<x>\bqu[ýí]\s+" + _QUARTER + r"(?:\s*[/\-]\s*|\s+năm\s+)" + _YEAR + _E + r")",
    ),
    # "quý I" with no year
    "quarter": ("quarter", r"(?P<x>\bqu[ýí]\s+" + _QUARTER + r")(?![\w/\-])(?!\s+năm\s+\d)"),
    # "6 tháng đầu năm 2020", "9 tháng đầu năm", "6 tháng cuối năm 2020", "6 tháng năm 2020"
    "months_of_year": (
        "period",
        r"(?<![\w.,])(?P<x>(?P<n>\d{1,2}|"
        + _alternation(tuple(MONTH_COUNT_WORDS))
        + r")\s+tháng\s+"
        r"(?:(?P<part>đầu|cuối)\s+)?năm(?:\s+" + _YEAR + r")?" + _E + r")",
    ),
    # "nửa đầu năm 2020", "nửa cuối năm"
    "half_year": (
        "period",
        r"(?P<x>\bnửa\s+(?P<half>đầu|cuối)\s+năm(?:\s+" + _YEAR + r")?" + _E + r")",
    ),
    # "giai đoạn 2016 - 2020", "2021-2025", "2020- 2025", "2021 – 2025", "năm 2026 -\n2028"
    "year_period": (
        "period",
        _B + r"(?P<y1>(?:19|20)\d{2})\s*[-–—]\s*(?P<y2>(?:19|20)\d{2})" + r"(?![\w/\-]|[.,]\d)",
    ),
    # "năm 2025", "cuối năm 2024", "hết năm 2018", "Năm** **2027" (bold table header)
    "year": ("year", r"(?P<x>\bnăm(?:[*_]*\s+[*_]*)" + _YEAR + _E + r")"),
    # "tháng 2 năm nay": the month of the document's own year
    "month_this_year": ("month", r"(?P<x>\btháng\s+" + _MONTH + r"\s+năm\s+nay)\b"),
    # "(2018)" after a figure: the year it describes
    "paren_year": ("year", r"\((?P<x>(?P<y>(?:19|20)\d{2}))\)"),
    # "đến 2030", "tầm nhìn 2035" (a bare year needs a cue)
    "cued_year": ("year", r"\b(?:" + YEAR_CUE + r")[*_]*\s+[*_]*(?P<x>" + _YEAR + _E + r")"),
    # "Ngày 26/6", "ngày 30.11", "Sáng 18/4", "Tối ngày 28.12", "hôm nay (3/2)"
    "day_month": (
        "date",
        r"\b(?:ngày|(?:"
        + TIME_OF_DAY
        + r")(?:\s+(?:nay|qua|ngày))?)\s*\(?\s*(?P<x>"
        + _DAY
        + r"(?P<sep>[/.])"
        + _MONTH
        + r")"
        + r"(?![\w/]|[.,/]\d)",
    ),
    # "(14/5)" right before a comma or dash, as a news lead dates itself
    "paren_day_month": (
        "date",
        r"\((?P<x>" + _DAY + r"(?P<sep>[/.])" + _MONTH + r")\)(?=\s*[,:\-–])",
    ),
    # "đến 30/6", "từ 14/5" (a weak cue: checked against what follows)
    "cued_day_month": (
        "date",
        r"\b(?:" + WEAK_CUE + r")\s+(?P<x>" + _DAY + r"(?P<sep>[/.])" + _MONTH + r")"
        r"(?![\w/]|[.,/]\d)",
    ),
}

# Rules whose match must be followed by punctuation or a word of WORDS_AFTER_DATE.
WEAK_CUE_RULES: frozenset[str] = frozenset(
    {"cued_day_month", "cued_year", "cued_month_year", "listed_year", "listed_day_month"}
)

DATE_PATTERNS: dict[str, tuple[str, re.Pattern[str]]] = {
    name: (kind, re.compile(source, re.IGNORECASE))
    for name, (kind, source) in DATE_PATTERN_SOURCES.items()
}

# What follows a weak-cue date: punctuation/end, or the next word.
AFTER_DATE = re.compile(r"\s*(?:(?P<end>$|[,.;:!?)\]\"”’–—\-|*])|(?P<word>[^\W\d_]+))")

# A further year or day-month listed after one ("năm 2025 và 2026", "ngày 01/6 và 15/11").
LISTED_YEAR = re.compile(r"\s*(?:,|và|hoặc)\s+(?P<x>(?P<y>(?:19|20)\d{2}))" + _E, re.IGNORECASE)
LISTED_DAY_MONTH = re.compile(
    r"\s*(?:,|và|hoặc)\s+(?P<x>(?P<d>\d{1,2})(?P<sep>[/.])(?P<m>\d{1,2}))(?![\w/]|[.,/]\d)",
    re.IGNORECASE,
)

# "30/11 hằng năm", also after a list: "ngày 01/6 và 15/11 hằng năm".
RECURRING_AFTER = re.compile(
    r"(?:\s*(?:,|và|hoặc)\s+\d{1,2}[/.]\d{1,2})*\s*(?:" + RECURRING + r")\b", re.IGNORECASE
)

# --- the document's own date ---------------------------------------------------------------

# "Lạng Sơn, ngày 14 tháng 5 năm 2019" at the start of a line (place names have no digits).
PLACE_DATE_LINE = re.compile(
    r"(?m)^[\s*_|#>]*(?P<place>[A-ZĐÀ-Ỹ][^\W\d_]*\.?(?:[ \t]*\n?[ \t]*[^\W\d_]+\.?){0,5})"
    r"\s*,\s*(?P<x>ngày\s+(?P<d>\d{1,2})\s*(?:tháng\s+|[/.\-])(?P<m>\d{1,2})\s*"
    r"(?:năm\s+|[/.\-])(?P<y>\d{4}))(?!\d)"
)

# "Thứ 6, 26/06/2020 | 14:34:04", "Thứ sáu,  20/09/2019", "Chủ nhật, 3/2/2019"
WEEKDAY_DATELINE = re.compile(
    r"\b(?:"
    + WEEKDAY
    + r")\s*[,\-–]?\s*(?:ngày\s+)?(?P<x>(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4}))"
    r"(?![\w/])",
    re.IGNORECASE,
)

# "Cập nhật: 10:25 14/05/2019", "Ngày đăng: 14/05/2019 08:00", "Đăng ngày 14-05-2019"
LABELLED_DATELINE = re.compile(
    r"\b(?:" + DATELINE_LABEL + r")\s*:?\s*(?:(?:lúc\s+)?\d{1,2}[:h]\d{2}(?::\d{2})?\s*,?\s*)?"
    r"(?:ngày\s+)?(?P<x>(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4}))(?![\w/])",
    re.IGNORECASE,
)

# A line holding only a date, as a page prints its dateline ("2025-08-11", "26/06/2020 14:34").
BARE_DATELINE = re.compile(
    r"(?m)^[ \t*_|]*(?P<x>(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})|(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/"
    r"(?P<y2>\d{4}))(?:[ T,|]+\d{1,2}:\d{2}(?::\d{2})?)?[ \t*_|]*$"
)

# "Chiều nay (14/5)", "LSO-Sáng nay (18/4)", "Hôm nay (3/2)"
TODAY_LEAD = re.compile(
    r"\b(?:" + TODAY_LEAD + r")\s*\(\s*(?P<x>(?P<d>\d{1,2})[/.](?P<m>\d{1,2}))\s*\)",
    re.IGNORECASE,
)

# How much of a document's start and end may hold its own date.
HEAD_CHARS = 600
HEAD_LINES = 8
OFFICIAL_HEAD_CHARS = 1200
TAIL_CHARS = 1500
