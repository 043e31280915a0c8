"""Calendar references in Vietnamese official text, and the document's own date.

:func:`extract_dates` finds full dates, day-months, months, quarters, parts of a year, years
and periods, each as a :class:`~pipeline.models.DateMention` with an ISO 8601 value. A day or
part of a year with no year is resolved against the document's own date when one is given
(``year_inferred=True``), else written with ``XXXX``.

"từ năm 2021 đến năm 2025" is read as two years (2021 and 2025), not one period: each "năm
YYYY" is a mention of its own, as a deadline or a starting point; a period is only a pair of
years joined by a dash ("2021 - 2025").

:func:`detect_document_date` reads the document's own date from its dateline, news lead or
place-date line; dates of cited documents never count.
"""

from __future__ import annotations

import re
from datetime import date

from extractors.date_rules import (
    AFTER_DATE,
    BARE_DATELINE,
    DATE_PATTERNS,
    HALF_YEAR_WORDS,
    HEAD_CHARS,
    HEAD_LINES,
    LABELLED_DATELINE,
    LISTED_DAY_MONTH,
    LISTED_YEAR,
    MONTH_COUNT_WORDS,
    OFFICIAL_HEAD_CHARS,
    PLACE_DATE_LINE,
    QUARTER_NUMERALS,
    RECURRING_AFTER,
    TAIL_CHARS,
    TODAY_LEAD,
    WEAK_CUE_RULES,
    WEEKDAY_DATELINE,
    WORDS_AFTER_DATE,
)
from pipeline.models import DateMention, DocumentDate

UNKNOWN_YEAR = "XXXX"
MIN_YEAR = 1000
MAX_YEAR = 2199
# A bare year after a weak cue ("đến 2030") must look like a year of modern administration.
MIN_BARE_YEAR = 1945
MAX_BARE_YEAR = 2100
MAX_PERIOD_YEARS = 50


def _is_day(year: int, month: int, day: int) -> bool:
    """Whether day/month exist (in ``year``, or in a leap year when the year is unknown)."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _nearest_year(month: int, day: int, ref: date) -> int | None:
    """The year that puts day/month nearest ``ref`` (a document of 2020-01-05 citing 28/12 → 2019)."""
    best: tuple[int, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if not _is_day(year, month, day):
            continue
        distance = abs((date(year, month, day) - ref).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return None if best is None else best[1]


def _parse_ref(ref_date: str | None) -> date | None:
    if not ref_date:
        return None
    try:
        return date.fromisoformat(ref_date[:10])
    except ValueError:
        return None


def _months(y: str, first: int, last: int, y_last: str | None = None) -> str:
    return f"{y}-{first:02d}/{y_last or y}-{last:02d}"


def _followed_by_date_context(text: str, end: int) -> bool:
    """Whether what follows a weak-cue date is punctuation or a word a date may precede."""
    after = AFTER_DATE.match(text, end)
    if after is None:
        return True
    if after.group("end") is not None:
        return True
    word = after.group("word")
    return word[0].isupper() or word.lower() in WORDS_AFTER_DATE


class _Resolver:
    """Turns one match of a named pattern into a value, using the reference date if any."""

    def __init__(self, text: str, ref: date | None) -> None:
        self.text = text
        self.ref = ref

    def value(self, rule: str, m: re.Match[str]) -> tuple[str, bool] | None:
        """(ISO value, year inferred) for a match, or None when the match is no date."""
        g = m.groupdict()
        if rule in ("numeric_date", "iso_date", "text_date"):
            y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
            if not (MIN_YEAR <= y <= MAX_YEAR and _is_day(y, mo, d)):
                return None
            return f"{y:04d}-{mo:02d}-{d:02d}", False
        if rule in (
            "day_month",
            "paren_day_month",
            "cued_day_month",
            "text_day_month",
            "listed_day_month",
        ):
            return self._day_month(int(g["m"]), int(g["d"]), m.end())
        if rule == "day_range":
            return self._day_range(g, m.end())
        if rule in ("month_year", "cued_month_year"):
            y, mo = int(g["y"]), int(g["m"])
            if not (MIN_YEAR <= y <= MAX_YEAR and 1 <= mo <= 12):
                return None
            return f"{y:04d}-{mo:02d}", False
        if rule in ("quarter_year", "quarter"):
            q = QUARTER_NUMERALS[g["q"].lower()]
            y, inferred = self._year_or_ref(g.get("y"))
            return _months(y, 3 * q - 2, 3 * q), inferred
        if rule == "months_of_year":
            return self._months_of_year(g)
        if rule == "half_year":
            first, last = HALF_YEAR_WORDS[g["half"].lower()]
            y, inferred = self._year_or_ref(g.get("y"))
            return _months(y, first, last), inferred
        if rule == "year_period":
            y1, y2 = int(g["y1"]), int(g["y2"])
            if not (0 < y2 - y1 <= MAX_PERIOD_YEARS):
                return None
            return f"{y1}/{y2}", False
        if rule == "year":
            y = int(g["y"])
            return (f"{y:04d}", False) if MIN_YEAR <= y <= MAX_YEAR else None
        if rule == "month_this_year":
            mo = int(g["m"])
            if not 1 <= mo <= 12:
                return None
            y, inferred = self._year_or_ref(None)
            return f"{y}-{mo:02d}", inferred
        if rule in ("cued_year", "paren_year", "listed_year"):
            y = int(g["y"])
            return (f"{y:04d}", False) if MIN_BARE_YEAR <= y <= MAX_BARE_YEAR else None
        raise KeyError(rule)

    def _year_or_ref(self, y: str | None) -> tuple[str, bool]:
        if y:
            return y, False
        if self.ref is not None:
            return f"{self.ref.year:04d}", True
        return UNKNOWN_YEAR, False

    def _day_month(self, month: int, day: int, end: int) -> tuple[str, bool] | None:
        if not (1 <= month <= 12 and _is_day(2000, month, day)):
            return None
        recurring = RECURRING_AFTER.match(self.text, end) is not None
        if self.ref is not None and not recurring:
            year = _nearest_year(month, day, self.ref)
            if year is not None:
                return f"{year:04d}-{month:02d}-{day:02d}", True
        return f"{UNKNOWN_YEAR}-{month:02d}-{day:02d}", False

    def _day_range(self, g: dict[str, str | None], end: int) -> tuple[str, bool] | None:
        d1, d2, mo = int(g["d1"] or 0), int(g["d"] or 0), int(g["m"] or 0)
        if not (d1 < d2 and 1 <= mo <= 12 and _is_day(2000, mo, d2)):
            return None
        if g["y"]:
            y, inferred = g["y"], False
        else:
            first = self._day_month(mo, d1, end)
            if first is None:
                return None
            y, inferred = first[0][:4], first[1]
        return f"{y}-{mo:02d}-{d1:02d}/{y}-{mo:02d}-{d2:02d}", inferred

    def _months_of_year(self, g: dict[str, str | None]) -> tuple[str, bool] | None:
        n_text = (g["n"] or "").lower()
        n = MONTH_COUNT_WORDS.get(" ".join(n_text.split()), None)
        if n is None:
            n = int(n_text) if n_text.isdigit() else 0
        if not 1 <= n <= 12 or not (g.get("part") or g.get("y")):
            return None  # "6 tháng năm" alone is no part of a year
        y, inferred = self._year_or_ref(g.get("y"))
        if (g.get("part") or "").lower() == "cuối":
            return _months(y, 13 - n, 12), inferred
        return _months(y, 1, n), inferred


def _mention(
    resolver: _Resolver, rule: str, kind: str, m: re.Match[str], text: str
) -> DateMention | None:
    start, end = m.span("x") if "x" in m.re.groupindex else m.span()
    if rule in WEAK_CUE_RULES and not _followed_by_date_context(text, end):
        return None
    resolved = resolver.value(rule, m)
    if resolved is None:
        return None
    value, inferred = resolved
    return DateMention(start, end, text[start:end], value, kind, rule, inferred)


def _candidates(text: str, ref: date | None) -> list[DateMention]:
    resolver = _Resolver(text, ref)
    found: list[DateMention] = []
    for rule, (kind, pattern) in DATE_PATTERNS.items():
        for m in pattern.finditer(text):
            mention = _mention(resolver, rule, kind, m, text)
            if mention is not None:
                found.append(mention)
    return found


def _listed_after(text: str, taken: list[DateMention], ref: date | None) -> list[DateMention]:
    """Years and day-months listed after a found one ("năm 2025 và 2026", "01/6 và 15/11")."""
    resolver = _Resolver(text, ref)
    listed: list[DateMention] = []
    for first in taken:
        if first.kind == "year":
            follow, rule = LISTED_YEAR, "listed_year"
        elif first.kind == "date" and first.value[5:7].isdigit() and len(first.text) <= 5:
            follow, rule = LISTED_DAY_MONTH, "listed_day_month"
        else:
            continue
        end = first.end
        while (m := follow.match(text, end)) is not None:
            mention = _mention(resolver, rule, first.kind, m, text)
            if mention is None:
                break
            listed.append(mention)
            end = mention.end
    return listed


def extract_dates(text: str, ref_date: str | None = None) -> list[DateMention]:
    """Every calendar reference in ``text``, sorted by start.

    ``ref_date`` is the document's own date (ISO "YYYY-MM-DD"); it gives a year to a day-month,
    quarter or part of a year written without one. Where two readings overlap, the longer one
    wins ("6 tháng cuối năm 2020" over "năm 2020").
    """
    ref = _parse_ref(ref_date)
    candidates = _candidates(text, ref)
    # Longest first; among equal lengths, the pattern listed first in DATE_PATTERNS.
    order = {rule: i for i, rule in enumerate(DATE_PATTERNS)}
    candidates.sort(key=lambda c: (-(c.end - c.start), order[c.rule], c.start))
    taken: list[DateMention] = []
    occupied = bytearray(len(text) + 1)
    for c in candidates:
        if any(occupied[c.start : c.end]):
            continue
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
        taken.append(c)
    for c in _listed_after(text, taken, ref):
        if not any(occupied[c.start : c.end]):
            occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


# --- the document's own date ---------------------------------------------------------------


def _head_end(text: str, chars: int) -> int:
    """Where the head of a document ends: ``chars`` characters or HEAD_LINES non-empty lines."""
    for seen, line in enumerate(re.finditer(r"[^\n]*\S[^\n]*", text[:chars]), start=1):
        if seen == HEAD_LINES:
            return line.end()
    return min(len(text), chars)


def _iso(y: int, m: int, d: int) -> str | None:
    if MIN_BARE_YEAR <= y <= MAX_BARE_YEAR and _is_day(y, m, d):
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def _place_date(text: str) -> DocumentDate | None:
    """The place-date line of an official document ("Lạng Sơn, ngày 14 tháng 5 năm 2019")."""
    regions = (
        (0, min(len(text), OFFICIAL_HEAD_CHARS)),
        (max(0, len(text) - TAIL_CHARS), len(text)),
    )
    for lo, hi in regions:
        for m in PLACE_DATE_LINE.finditer(text, lo, hi):
            value = _iso(int(m["y"]), int(m["m"]), int(m["d"]))
            if value:
                return DocumentDate(value, m.start("x"), m.end("x"), "place_date_line")
    return None


def _datelines(head: str) -> list[DocumentDate]:
    """Weekday, labelled and bare datelines of a news page's head."""
    found: list[DocumentDate] = []
    for rule, pattern in (
        ("weekday_dateline", WEEKDAY_DATELINE),
        ("labelled_dateline", LABELLED_DATELINE),
    ):
        for m in pattern.finditer(head):
            value = _iso(int(m["y"]), int(m["m"]), int(m["d"]))
            if value:
                found.append(DocumentDate(value, m.start("x"), m.end("x"), rule))
    for m in BARE_DATELINE.finditer(head):
        y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
        value = _iso(int(y), int(mo), int(d))
        if value:
            found.append(DocumentDate(value, m.start("x"), m.end("x"), "bare_dateline"))
    return found


def _today_lead(head: str, datelines: list[DocumentDate]) -> DocumentDate | None:
    """A lead "Chiều nay (14/5)", its year from a full dateline: on or before that dateline."""
    m = TODAY_LEAD.search(head)
    if m is None or not datelines:
        return None
    month, day = int(m["m"]), int(m["d"])
    # The latest dateline is the page's clock at worst; the story is on or before it.
    clock = date.fromisoformat(max(d.value for d in datelines))
    for year in (clock.year, clock.year - 1):
        value = _iso(year, month, day)
        if value and value <= clock.isoformat():
            return DocumentDate(value, m.start("x"), m.end("x"), "today_lead")
    return None


def detect_document_date(text: str) -> DocumentDate | None:
    """The document's own date, from its head (or an official document's signature block).

    An official document's place-date line wins; otherwise a news lead "Chiều nay (14/5)"
    dated by the page's dateline; otherwise the earliest dateline of the head (a page may print
    its current date above the article's, and an article is never later than the page's clock).
    None when the head shows no date of the document itself.
    """
    official = _place_date(text)
    if official is not None:
        return official
    head = text[: _head_end(text, HEAD_CHARS)]
    datelines = _datelines(head)
    lead = _today_lead(head, datelines)
    if lead is not None:
        return lead
    if datelines:
        return min(datelines, key=lambda d: (d.value, d.start))
    return None
