"""Cited legal and party documents: numbered citations, lists of numbers, laws and party
resolutions cited by name, plans, strategies, projects and programmes cited by title, and
documents cited by issuer and subject ("Quyết định của Tỉnh ủy về ...").

A reference's span is the type word, "số" and the number ("Nghị quyết số 13-NQ/TW") or the name
("Luật Hợp tác xã năm 2012"); the signing date and issuer that follow are read into fields but
left out of the span. Signing dates come from the date mentions found by
:func:`extractors.dates.extract_dates`, never from a second date parser.

When the text does not name the issuer, one is inferred only from symbols that name it without
doubt (``TTg`` → Thủ tướng Chính phủ, ``CP`` → Chính phủ, ``QH`` → Quốc hội); party numbers
ending in ``/TW`` are left without issuer because several central bodies issue them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from extractors import legal_rules as R
from pipeline.models import DateMention, LegalRef

_TYPE_BY_FOLDED = {word.lower(): doc_type for word, doc_type in R.TYPE_WORDS.items()}
_SPACES = re.compile(r"\s+")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d\Z")


def extract_legal_refs(text: str, dates: Sequence[DateMention] = ()) -> list[LegalRef]:
    """Every cited legal or party document in ``text``, sorted by start.

    ``dates`` are the date mentions of the same text; the one right after a citation ("ngày
    18/3/2002", "(ngày 25.9.2020)") or opening its clause before "ban hành"/"ký" gives the
    citation's signing date.
    """
    full_dates = sorted((d for d in dates if _is_day_date(d.value)), key=lambda d: d.start)
    found: list[LegalRef] = []
    taken: list[tuple[int, int]] = []

    def keep(ref: LegalRef) -> None:
        if any(ref.start < end and start < ref.end for start, end in taken):
            return
        found.append(ref)
        taken.append((ref.start, ref.end))

    for ref in _named_resolutions(text):
        keep(ref)
    for ref in _laws_by_name(text, full_dates):
        keep(ref)
    for ref in _typed_numbers(text, full_dates):
        keep(ref)
    for ref in _symbol_only(text, full_dates):
        keep(ref)
    for ref in _titled_documents(text):
        keep(ref)
    for ref in _issuer_subject_documents(text):
        keep(ref)
    return sorted(found, key=lambda ref: (ref.start, ref.end))


# ---------------------------------------------------------------------------------------------
# Numbered citations


def _typed_numbers(text: str, dates: Sequence[DateMention]) -> list[LegalRef]:
    """Type word + optional "số" + number, and the numbers listed after it."""
    refs: list[LegalRef] = []
    for match in R.TYPED_NUMBER_RE.finditer(text):
        number = match.group("num")
        has_so = match.group("so") is not None
        type_word = match.group("type")
        if not _acceptable_typed_number(text, number, has_so, match.end("num"), type_word):
            continue
        doc_type = _TYPE_BY_FOLDED[" ".join(type_word.lower().split())]
        ref = _numbered_ref(text, match.start(), match.end(), doc_type, number, R.RULE_TYPED, dates)
        refs.append(ref)
        refs.extend(_list_continuations(text, ref, match.end(), doc_type, dates))
    return refs


def _acceptable_typed_number(
    text: str, number: str, has_so: bool, end: int, type_word: str
) -> bool:
    """Whether a number after a type word is a document number rather than a quantity or year.

    A bare number with no "số" counts only after a capitalised type word followed by the end
    of the clause or a citation word ("Nghị quyết 66 của Chính phủ", not "kế hoạch 5 năm").
    """
    if R.FULL_NUMBER_RE.fullmatch(number) or has_so:
        return True
    if "/" in number:  # "Nghị định 131/2025", but not a period "Kế hoạch 2021/2025"
        return not _YEAR_LIKE.match(number.split("/")[0])
    if _YEAR_LIKE.match(number) or not type_word[0].isupper():
        return False
    return R.BARE_WITHOUT_SO_FOLLOW_RE.match(text, end) is not None


def _list_continuations(
    text: str, first: LegalRef, end: int, doc_type: str, dates: Sequence[DateMention]
) -> list[LegalRef]:
    """Further numbers listed after a typed one ("và số 02/NQ-CP"), each inheriting its type."""
    refs: list[LegalRef] = []
    position = _after_date(text, end, dates)
    while True:
        match = R.LIST_CONTINUATION_RE.match(text, position)
        if match is None:
            break
        number = match.group("num")
        has_so = match.group("so") is not None
        is_full = R.FULL_NUMBER_RE.fullmatch(number) is not None
        if not (is_full or (has_so and first.number and "/" not in first.number)):
            break
        start = match.start("so") if has_so else match.start("num")
        ref = _numbered_ref(text, start, match.end(), doc_type, number, R.RULE_LIST, dates)
        refs.append(ref)
        position = _after_date(text, match.end(), dates)
    return refs


def _after_date(text: str, end: int, dates: Sequence[DateMention]) -> int:
    """Where a citation's tail ends: after its signing date when one follows, else ``end``."""
    date = _date_after(text, end, dates)
    if date is None:
        return end
    close = re.match(r"[ \u00a0]*\)", text[date.end :])
    return date.end + (close.end() if close else 0)


def _symbol_only(text: str, dates: Sequence[DateMention]) -> list[LegalRef]:
    """Numbers cited without a type word right before them ("theo 3351/QĐ-UBND"), typed by the
    type word a few words back ("Báo cáo thẩm tra số 165/BC-KTNS") or else by their symbol."""
    refs: list[LegalRef] = []
    for match in R.FULL_NUMBER_RE.finditer(text):
        if _is_own_number(text, match.start()):
            continue
        start, rule = match.start(), R.RULE_SYMBOL
        doc_type = _type_from_symbol(match.group())
        typed = R.MODIFIED_TYPE_BEFORE_RE.search(
            text, max(0, match.start() - R.MODIFIED_TYPE_LOOKBACK), match.start()
        )
        if typed and typed.group("words").replace(",", "").islower():
            start, rule = typed.start(), R.RULE_MODIFIED
            doc_type = _TYPE_BY_FOLDED[" ".join(typed.group("type").lower().split())]
        if doc_type is None:
            continue
        refs.append(_numbered_ref(text, start, match.end(), doc_type, match.group(), rule, dates))
    return refs


def _is_own_number(text: str, start: int) -> bool:
    """Whether a number is the document's own ("Số: 165/KH-UBND" in its header)."""
    lookback = max(0, start - 20)
    if R.OWN_NUMBER_PREFIX_RE.search(text, lookback, start):
        return True
    return (
        start < R.HEAD_CHARS
        and R.OWN_NUMBER_HEAD_PREFIX_RE.search(text, lookback, start) is not None
    )


def _numbered_ref(
    text: str,
    start: int,
    end: int,
    doc_type: str,
    number: str,
    rule: str,
    dates: Sequence[DateMention],
) -> LegalRef:
    compact = _compact(number)
    date = _date_after(text, end, dates) or _date_before(text, start, dates)
    issuer_from = _after_date(text, end, dates)
    year = None if date else R.NUMBER_YEAR_RE.match(text, end)
    if year:
        issuer_from = year.end()
    issuer = _issuer_after(text, issuer_from) or _issuer_from_symbol(compact)
    return LegalRef(
        start=start,
        end=end,
        text=text[start:end],
        doc_type=doc_type,
        rule=rule,
        number=compact,
        date=date.value if date else year.group("year") if year else None,
        issuer=issuer,
    )


def _compact(number: str) -> str:
    return _SPACES.sub("", number)


def _symbol_segments(number: str) -> list[str]:
    """The symbol's codes, upper-cased: "3351/QĐ-UBND" → ["QĐ", "UBND"]."""
    return [part.upper() for part in re.findall(r"[A-Za-zĐđ]+", number)]


def _type_code(number: str) -> str | None:
    """The code that names the kind of document, if the number has one in its usual place."""
    compact = _compact(number)
    if R.NUMBER_GRAMMAR_RES["party"].match(compact):
        return compact.split("-", 1)[1].split("/", 1)[0].upper()
    segments = _symbol_segments(compact)
    return segments[0] if segments else None


def _type_from_symbol(number: str) -> str | None:
    """doc_type from a number's symbol; None when the symbol is too weak to stand alone."""
    code = _type_code(number)
    if code is None:
        return None
    code_letters = re.sub(r"\d+\Z", "", code)
    if code_letters in R.SYMBOL_TYPES:
        return R.SYMBOL_TYPES[code_letters]
    segments = _symbol_segments(number)
    # "538/UBND-KTTH", "6676/BYT-CDS": an issuer code and a unit code make an official letter.
    if len(segments) >= 2 and all(sum(ch.isupper() for ch in seg) >= 2 for seg in segments):
        return "cong_van"
    return None


def _issuer_from_symbol(number: str) -> str | None:
    segments = [re.sub(r"\d+\Z", "", seg) for seg in _symbol_segments(number)]
    if not segments:
        return None
    return R.SYMBOL_ISSUERS.get(segments[-1])


# ---------------------------------------------------------------------------------------------
# Dates and issuers


def _is_day_date(value: str) -> bool:
    return re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", value) is not None


def _date_after(text: str, end: int, dates: Sequence[DateMention]) -> DateMention | None:
    """The date mention right after ``end`` with only "ngày", "ban hành", "," or "(" between."""
    index = bisect_left(dates, end, key=_start_of)
    if index == len(dates):
        return None
    date = dates[index]
    if date.start - end > R.DATE_AFTER_MAX_GAP:
        return None
    return date if R.DATE_AFTER_GAP_RE.match(text[end : date.start]) else None


def _date_before(text: str, start: int, dates: Sequence[DateMention]) -> DateMention | None:
    """A date opening the citation's clause with a verb of issuing between ("Ngày 30.11, UBND
    tỉnh ban hành Quyết định ...")."""
    index = bisect_right(dates, start, key=_start_of) - 1
    while index >= 0 and dates[index].end > start:
        index -= 1
    if index < 0:
        return None
    best = dates[index]
    if start - best.end > R.DATE_BEFORE_MAX_GAP or not _opens_clause(text, best.start):
        return None
    gap = R.DATE_BEFORE_GAP_RE.match(text[best.end : start])
    if gap and not R.OTHER_DOCUMENT_RE.search(gap.group("object")):
        return best
    return None


def _start_of(date: DateMention) -> int:
    return date.start


def _opens_clause(text: str, start: int) -> bool:
    """Whether a date stands at the start of its sentence ("Ngày 30.11, ...", "(QNO) - Ngày")."""
    before = text[max(0, start - 40) : start]
    tail = re.split(r"[.;!?\n]", before)[-1]
    return re.fullmatch(r"[\s\-–(),A-ZĐ]*(?i:ngày)?\s*", tail) is not None or tail.strip() == ""


def _issuer_after(text: str, position: int) -> str | None:
    """The issuer named right after a citation ("của Bộ Chính trị"), as written."""
    found = _issuer_span(text, position)
    return found[0] if found else None


def _issuer_span(text: str, position: int) -> tuple[str, int] | None:
    """The issuer named at ``position`` ("của Bộ Chính trị") and where it ends in ``text``."""
    lead = R.ISSUER_LEAD_RE.match(text, position)
    if lead is None:
        return None
    stretch = R.ISSUER_STRETCH_RE.match(text, lead.end()).group()
    words: list[re.Match[str]] = []
    for word in re.finditer(r"\S+", stretch):
        if R.ISSUER_STOP_RE.match(stretch, word.start()) or len(words) >= R.ISSUER_MAX_WORDS:
            break
        words.append(word)
    while words and words[-1].group() in ("và", "-"):
        words.pop()
    if not words or not words[0].group()[0].isupper():
        return None
    return " ".join(word.group() for word in words), lead.end() + words[-1].end()


# ---------------------------------------------------------------------------------------------
# Documents cited by name


def _laws_by_name(text: str, dates: Sequence[DateMention]) -> list[LegalRef]:
    """Laws, codes, ordinances and the constitution cited by name, with "năm YYYY" when given."""
    refs: list[LegalRef] = []
    for head in R.LAW_HEAD_RE.finditer(text):
        kind = head.group("type")
        if kind[0].islower() and R.LAW_HEAD_REJECT_BEFORE_RE.search(
            text, max(0, head.start() - 12), head.start()
        ):
            continue
        name = _law_name_end(text, head.end(), is_law=kind.lower() == "luật")
        if name is None:
            continue
        name_end = end = name
        year_match = R.LAW_YEAR_RE.match(text, end)
        year = None
        if year_match:
            year = year_match.group("year")
            end = year_match.end()
        if name_end == head.end() and not (kind == "Hiến pháp" and year):
            continue
        number_match = R.LAW_NUMBER_RE.match(text, end)
        if number_match is None and year is None:
            number_match = _number_further_on(text, end)
            if number_match:
                name_end = number_match.end("gap")
        number = None
        date = None
        if number_match:
            number = _compact(number_match.group("num"))
            end = number_match.end()
            found = _date_after(text, end, dates)
            date = found.value if found else None
        doc_type = _TYPE_BY_FOLDED[" ".join(kind.lower().split())]
        if number is None and year is None:
            date = _signing_date_of_named(text, end, dates)
        surface = text[head.start() : end]
        refs.append(
            LegalRef(
                start=head.start(),
                end=end,
                text=surface,
                doc_type=doc_type,
                rule=R.RULE_LAW,
                number=number,
                date=date or year,
                issuer=_issuer_from_symbol(number) if number else None,
                name=" ".join(
                    text[head.start() : end if year and not number else name_end].split()
                ),
            )
        )
    return refs


def _law_name_end(text: str, position: int, is_law: bool) -> int | None:
    """Where the name after a law's head word ends: ``position`` when no name follows ("Luật
    sư", a lower-case name no law carries), None when an amending law names no law.

    A name opens with a capital ("Luật Hợp tác xã") or with a known law name in any case
    ("Luật thương mại", "luật đất đai"); a known name is read whole even where it holds a
    function word ("Ưu đãi người có công", "Hôn nhân và gia đình"). An amending law carries
    the names of the laws it amends.
    """
    max_words = R.LAW_NAME_MAX_WORDS
    amending = R.AMENDING_LAW_RE.match(text, position) if is_law else None
    if amending:
        position = amending.end() + len("Luật")
        max_words = R.AMENDING_LAW_MAX_WORDS
    end = position
    words = 0
    opens_name = True  # the next word is the first of a name
    while words < max_words:
        word_match = R.NAME_WORD_RE.match(text, position)
        if word_match is None:
            break
        word = word_match.group("word")
        known = R.LAW_NAME_HEAD_RE.match(text, word_match.start("word")) if opens_name else None
        if known:
            words += len(known.group().split())
            position = end = known.end()
        else:
            if opens_name and (not word[0].isupper() or word in R.LAW_NAME_REJECT_FIRST):
                break
            if R.LAW_NAME_STOP_RE.match(text, word_match.start("word")):
                if word == "và" and _and_continues_name(text, word_match.end()):
                    position = word_match.end()
                    continue
                break
            if word in R.TYPE_WORDS:
                break
            words += 1
            position = end = word_match.end()
            join = R.NAME_COMMA_JOIN_RE.match(text, position)
            if join and R.NAME_COMMA_JOINS.get(word.lower()) == join.group("word"):
                position = join.start("word")
                opens_name = False
                continue
        opens_name = False
        more = R.AMENDED_LAW_MORE_RE.match(text, position) if amending else None
        if more:
            position = more.end() + len("Luật")
            opens_name = True
    if amending and words == 0:
        return None
    return end


def _number_further_on(text: str, end: int) -> re.Match[str] | None:
    """A number a few plain words after where a name seemed to end ("Pháp lệnh Ưu đãi người
    có công với cách mạng số 02/2020/UBTVQH14"), unless another document is named between."""
    match = R.NAME_TO_NUMBER_RE.match(text, end)
    if match is None:
        return None
    gap = match.group("gap")
    if R.OTHER_DOCUMENT_RE.search(gap) or re.search(r"(?i)(?<!\w)luật(?!\w)", gap):
        return None
    return match


def _signing_date_of_named(text: str, end: int, dates: Sequence[DateMention]) -> str | None:
    """A law's passing date written after its name ("Luật Đê điều ngày 17 tháng 6 năm 2020")."""
    found = _date_after(text, end, dates)
    if found is None or not re.match(r"\s*(?i:ngày)", text[end : found.end]):
        return None
    return found.value


def _and_continues_name(text: str, position: int) -> bool:
    """Whether "và" joins two halves of one name ("Phòng cháy và chữa cháy")."""
    following = R.NAME_WORD_RE.match(text, position)
    if following is None:
        return False
    word = following.group("word")
    return word.islower() and not R.LAW_NAME_STOP_RE.match(text, following.start("word"))


def _named_resolutions(text: str) -> list[LegalRef]:
    """Party resolutions cited by their plenum or congress ("Nghị quyết Trung ương 5 khóa IX")."""
    refs: list[LegalRef] = []
    for rule, pattern in R.NAMED_RESOLUTION_RES.items():
        for match in pattern.finditer(text):
            surface = match.group()
            refs.append(
                LegalRef(
                    start=match.start(),
                    end=match.end(),
                    text=surface,
                    doc_type="nghi_quyet",
                    rule=rule,
                    name=" ".join(surface.split()),
                )
            )
    return refs


def _titled_documents(text: str) -> list[LegalRef]:
    """Plans, strategies, projects and programmes cited by title ("Quy hoạch tỉnh X thời kỳ
    2021 - 2030", "Đề án “Nâng cao nhận thức cộng đồng”"), not while they are being made."""
    refs: list[LegalRef] = []
    for head in R.TITLE_HEAD_RE.finditer(text):
        if R.TITLE_MAKING_BEFORE_RE.search(text, max(0, head.start() - 25), head.start()):
            continue
        kind = " ".join(head.group("type").split())
        title = _title_end(text, head.end(), kind)
        if title is None:
            continue
        end, title_end = title
        surface = text[head.start() : end]
        refs.append(
            LegalRef(
                start=head.start(),
                end=end,
                text=surface,
                doc_type=R.TITLE_TYPES[kind],
                rule=R.RULE_TITLE,
                name=" ".join(text[head.start() : title_end].split()),
            )
        )
    return refs


def _title_end(text: str, position: int, kind: str) -> tuple[int, int] | None:
    """Where the span and the title after a planning type word end (the span stops before a
    quantity in a quoted title), or None when no title follows."""
    quoted = R.QUOTED_TITLE_RE.match(text, position)
    if quoted:
        return _before_quantity(text, position, quoted.end()), quoted.end()
    horizon_re = R.PROJECT_TO_HORIZON_RE if kind == "Đề án" else R.TITLE_TO_HORIZON_RE
    horizon = horizon_re.match(text, position)
    if horizon and not R.TITLE_STOP_RE.search(horizon.group("words")):
        return horizon.end(), horizon.end()
    if kind in R.TITLE_CAPITALISED_TYPES:
        titled = R.CAPITALISED_TITLE_RE.match(text, position)
        if titled:
            stop = R.TITLE_STOP_RE.search(titled.group("words"))
            end = titled.start("words") + stop.start() if stop else titled.end()
            if len(text[position:end].split()) >= 2:
                end = position + len(text[position:end].rstrip(" ,\u00a0\n"))
                return end, end
    return None


def _issuer_subject_documents(text: str) -> list[LegalRef]:
    """Documents cited by issuer and subject without a number ("Quyết định của Tỉnh ủy về chỉ
    định Ban Chấp hành Đảng bộ xã nhiệm kỳ 2025 - 2030")."""
    refs: list[LegalRef] = []
    for head in R.ISSUER_TITLE_HEAD_RE.finditer(text):
        issuer = _issuer_span(text, head.end())
        if issuer is None:
            continue
        name, issuer_end = issuer
        about = R.ABOUT_RE.match(text, issuer_end)
        if about is None:
            continue
        subject = R.SUBJECT_RE.match(text, about.end())
        if subject is None:
            continue
        end = _before_quantity(text, subject.start(), _subject_end(text, *subject.span()))
        if end <= subject.start():
            continue
        surface = text[head.start() : end]
        refs.append(
            LegalRef(
                start=head.start(),
                end=end,
                text=surface,
                doc_type=_TYPE_BY_FOLDED[" ".join(head.group("type").lower().split())],
                rule=R.RULE_ISSUER_SUBJECT,
                issuer=name,
                name=" ".join(surface.split()),
            )
        )
    return refs


def _subject_end(text: str, start: int, end: int) -> int:
    """A subject's end: after its period or horizon when it names one, else at most
    ``SUBJECT_MAX_WORDS`` words."""
    other = R.OTHER_DOCUMENT_RE.search(text, start, end)
    if other:  # "về thực hiện Nghị quyết số 21-NQ/TW": that document is its own citation
        end = start + len(text[start : other.start()].rstrip())
    horizon = R.SUBJECT_HORIZON_RE.search(text, start, end)
    if horizon:
        return horizon.end()
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) > R.SUBJECT_MAX_WORDS:
        return start + words[R.SUBJECT_MAX_WORDS - 1].end()
    return start + len(text[start:end].rstrip())


def _before_quantity(text: str, start: int, end: int) -> int:
    """``end``, or the end of the words before the first quantity in ``text[start:end]``.

    A title's or subject's quantities ("Đề án “Đầu tư xây dựng ít nhất 01 triệu căn hộ”")
    stay figures, and a span blocks figures inside it; years are left in (they are dates).
    """
    quantity = R.TITLE_QUANTITY_RE.search(text, start, end)
    if quantity is None:
        return end
    return start + len(text[start : quantity.start()].rstrip(' \u00a0\n,“"'))
