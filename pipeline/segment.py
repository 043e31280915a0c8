"""Passages: a document's canonical text cut into sentences, headings, list items and table rows.

Rules, not a model: a paragraph break always ends a passage; a line break does too unless the
next line plainly continues the sentence (a wrapped line starting in lower case); inside a
paragraph a sentence ends at ``.``/``!``/``?``/``…`` followed by an upper-case letter, except after
an abbreviation, an initial, or the numbering that opens a list item. Offsets are exact:
``text[p.start:p.end] == p.text`` for every passage.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from pipeline.models import PageSpan, Passage

# Abbreviations written with a dot that do not end a sentence (matched case-sensitively on the
# last dotted part of the word before the dot: "PGS.TS." checks "TS").
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # places: thành phố, thị xã, thị trấn, quận, phường, huyện, xã, tỉnh
        "TP", "Tp", "tp", "TX", "Tx", "tx", "Q", "P", "H",
        # signature blocks: ký thay, thay mặt, thừa lệnh, thừa uỷ quyền, quyền
        "KT", "TM", "TL", "TUQ", "TTL",
        # degrees and titles
        "ThS", "Ths", "TS", "PGS", "GS", "BS", "BSCKI", "BSCKII", "KS", "KTS", "CN", "NCS", "LS",
        "Mr", "Mrs", "Ms", "Dr", "St", "Prof",
        # references and contacts
        "tr", "Tr", "Sđd", "sđd", "Nxb", "NXB", "ĐT", "Đt", "Tel", "Fax", "No", "Vol", "Ref",
        "Co", "Ltd", "Inc", "Corp", "Jr", "Sr",
    }
)  # fmt: skip
# A sentence-ending mark, what may close the sentence, the space after, what may open the next
# sentence, and the next sentence's first character.
SENTENCE_END_PATTERN = re.compile(
    r"(?P<mark>\.{3,}|…+|[!?]+\.*|\.)"
    r"(?P<close>[\"”’»)\]*_]*)"
    r"(?P<space>[ \t\u00a0]*)"
    r"(?P<open>[\"“‘«(\[*_]*)"
    r"(?P<next>\S)"
)
# Numbering that opens a heading or list item: "1.", "6.1.", "II.", "a)", "Điều 5.", "**1.**".
NUMBERING_PREFIX_PATTERN = re.compile(
    r"[\s>#*_]*(?:[-+•–]\s+)?[*_]*"
    r"(?:(?:Điều|Chương|Mục|Phần|Khoản|Điểm|Bước|Bài|Giai đoạn|Phụ lục)\s+)?"
    r"(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[A-ZĐa-zđ])[.)]"
    r"(?:\.|[*_]+)*"
)
# A line that is a list item of its own (never a continuation of the line above).
LIST_ITEM_PATTERN = re.compile(
    r"\s*(?:[-+•–*]\s|(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[a-zđ])[.)]\s)"
)
# Inline numbering after a colon or semicolon ("gồm: 1. Ông A; 2. Bà B").
INLINE_NUMBER_PATTERN = re.compile(r"(?:^|[:;]\s*)(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ])$")
SENTENCE_FINAL = ".!?…:;"
WORD_BEFORE_PATTERN = re.compile(r"[^\s(\[\"“‘«*_]+$")
MAX_PASSAGE_CHARS = 2000
# Where to cut a passage longer than MAX_PASSAGE_CHARS, best first.
LONG_CUT_PATTERNS = (re.compile(r";\s"), re.compile(r",\s"), re.compile(r"\s"))
LINE_PATTERN = re.compile(r"[^\n]*")
TABLE_PIPE = "|"


def split_passages(text: str, pages: Sequence[PageSpan] = ()) -> list[Passage]:
    """``text`` as passages in reading order, numbered 0..n-1, each with its page when known."""
    page_starts = [span.start for span in pages]
    passages: list[Passage] = []
    for unit_start, unit_end in paragraph_units(text):
        for start, end in sentence_spans(text, unit_start, unit_end):
            for piece_start, piece_end in _cut_long(text, start, end):
                piece_start, piece_end = _trim(text, piece_start, piece_end)
                if piece_end <= piece_start or not any(
                    ch.isalnum() for ch in text[piece_start:piece_end]
                ):
                    continue
                passages.append(
                    Passage(
                        seq=len(passages),
                        start=piece_start,
                        end=piece_end,
                        text=text[piece_start:piece_end],
                        page=_page_at(pages, page_starts, piece_start),
                    )
                )
    return passages


def paragraph_units(text: str) -> Iterator[tuple[int, int]]:
    """Spans of text to split into sentences: lines, with wrapped continuation lines joined."""
    unit_start: int | None = None
    unit_end = 0
    previous_line = ""
    split_table = False
    for match in LINE_PATTERN.finditer(text):
        line = match.group()
        if match.start() > 0 and match.start() == match.end() and text[match.start() - 1] != "\n":
            continue  # the empty match after a line's end
        if not line.strip():
            if unit_start is not None:
                yield unit_start, unit_end
            unit_start = None
            previous_line = ""
            continue
        if unit_start is not None and not continues(previous_line, line, split_table):
            yield unit_start, unit_end
            unit_start = None
        if unit_start is None:
            unit_start = match.start()
            split_table = line.strip() == TABLE_PIPE
        unit_end = match.end()
        previous_line = line
    if unit_start is not None:
        yield unit_start, unit_end


def continues(previous_line: str, line: str, split_table: bool = False) -> bool:
    """True when ``line`` carries on the sentence of ``previous_line`` (a wrapped line).

    In a table written one cell per line with "|" lines between cells (``split_table``), a row
    goes on until two "|" lines meet, so each row stays one passage.
    """
    before = previous_line.rstrip()
    after = line.lstrip()
    if split_table:
        return not (before.strip() == TABLE_PIPE and after.strip() == TABLE_PIPE)
    if not before or not after or before[-1] in SENTENCE_FINAL:
        return False
    if before.lstrip().startswith(("|", "#")) or after.startswith("|"):
        return False
    if LIST_ITEM_PATTERN.match(after):
        return False
    first = after[0]
    if first.islower():
        return True
    return first.isdigit() and (before[-1].islower() or before[-1] == ",")


def sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans within ``text[start:end]`` (a paragraph unit); a table row stays whole."""
    unit = text[start:end]
    if unit.lstrip().startswith("|"):
        yield start, end
        return
    prefix = NUMBERING_PREFIX_PATTERN.match(unit)
    protected_until = prefix.end() if prefix else 0
    sentence_start = 0
    for match in SENTENCE_END_PATTERN.finditer(unit):
        if match.start() < protected_until or not is_sentence_end(unit, match):
            continue
        cut = match.end("close")
        yield start + sentence_start, start + cut
        sentence_start = match.start("open")
    yield start + sentence_start, end


def is_sentence_end(unit: str, match: re.Match[str]) -> bool:
    """Whether the mark in ``match`` ends a sentence, given what stands before and after it."""
    if not match.group("next").isupper():
        return False
    mark = match.group("mark")
    if not match.group("space") and mark[0] not in "….":
        return False
    if not match.group("space") and mark == ".":
        return False
    if mark != ".":
        return True
    before = unit[: match.start()]
    word = WORD_BEFORE_PATTERN.search(before)
    if not word:
        return True
    token = word.group()
    last_part = token.rsplit(".", 1)[-1]
    if last_part in ABBREVIATIONS:
        return False
    if len(last_part) == 1 and last_part.isupper():
        return False  # an initial: "Nguyễn V. Anh", "M. L. King"
    return not INLINE_NUMBER_PATTERN.search(before.rstrip()[-40:]) or not _is_numbering(token)


def _is_numbering(token: str) -> bool:
    return bool(re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*|[a-zđ]", token))


def _cut_long(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Pieces of at most MAX_PASSAGE_CHARS, cut after "; ", else ", ", else a space."""
    while end - start > MAX_PASSAGE_CHARS:
        window = text[start : start + MAX_PASSAGE_CHARS]
        cut = None
        for pattern in LONG_CUT_PATTERNS:
            found = [m for m in pattern.finditer(window) if m.start() > MAX_PASSAGE_CHARS // 4]
            if found:
                cut = start + found[-1].start() + 1
                break
        if cut is None:
            cut = start + MAX_PASSAGE_CHARS
        yield start, cut
        start = cut
    yield start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _page_at(pages: Sequence[PageSpan], page_starts: list[int], offset: int) -> int | None:
    if not pages:
        return None
    index = bisect.bisect_right(page_starts, offset) - 1
    if index < 0:
        return None
    span = pages[index]
    return span.page if offset <= span.end else None
