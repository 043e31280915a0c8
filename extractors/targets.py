"""Targets and actuals: which figures a document commits to reach, and which report a state.

A figure becomes a :class:`Target` when a goal cue governs it (``target_rules.GOAL_CUES`` in its
sentence before it, or a goal heading over its section) and no report cue in its clause says it
already is. Its deadline is the nearest deadline phrase ("đến năm 2030", "giai đoạn 2021-2025")
in its sentence, else its section heading's; a deadline before the document's own year makes it
an actual. A figure that is not a target gets ``as_of`` when its sentence or paragraph ties it
to a date ("Tính đến hết năm 2018, ...", "6 tháng đầu năm 2020, ...", "hiện có" → the
document's date). One governing phrase distributes over a list: "thành lập mới 120 HTX, 250 THT
và 8 liên hiệp HTX" gives three targets, each metric carrying the verb.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors import target_rules as rules
from extractors.abbreviations import expand
from extractors.scope import detect_scope, scope_in
from extractors.tables import YEAR, Cell, Row, Table, find_tables
from pipeline.models import QUALIFIER_COMPARATORS, DateMention, Figure, Target

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
SENTENCE_BREAK = re.compile(
    r"(?<=[.!?…])[\"”’)*_]*\s+(?=[\"“(*_]*[A-ZÀ-ỸĐ])"  # a full stop before a capital
    r"|\n(?=\|)|(?<=\|)\n"  # table cells and rows: "|" opens or closes a line
)
CLAUSE_BREAK = re.compile(r";")
LIST_GAP = re.compile(r"^(?:\s*(?:trở lên|trở xuống))?\s*(?:,|và|,\s*và|\s)\s*$", re.IGNORECASE)
HEADING_NUMBER = re.compile(
    r"^[\s*_#]*(?:(?P<roman>[IVXLC]{1,6})\.|(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?|(?P<letter>[a-zđ])\))[\s*_]+"
)
MARKUP = re.compile(r"[*_#|=]+|-{3,}")
WORD = re.compile(r"\S+")
MAX_HEADING_CHARS = 200
MAX_METRIC_WORDS = 16
# How far a figure inside a subject may stand from the value its clause states.
MAX_SUBJECT_GAP = 80
# How far back in a sentence cues are looked for (a long list still shares its opening cue).
MAX_LOOKBACK = 600
AMOUNT_UNITS = ("%", None)
# How far into a paragraph a date still opens it ("Tuy nhiên, bước sang năm 2021, ...").
OPENING_CHARS = 45
# How far into a document its term ("nhiệm kỳ 2025-2030") is looked for: title and lead.
TERM_CHARS = 1200
QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# Words left at the front of a subject that belong to the cue, not to what is measured.
SUBJECT_LEADS = re.compile(
    r"^(?:[\s,:\-–]|phấn đấu|mục tiêu|chỉ tiêu|cụ thể|trong đó|theo đó|đồng thời|là|có|thì|"
    r"ngoài ra|bên cạnh đó|hàng năm|hằng năm|mỗi năm|bảo đảm|đảm bảo|phải|cần|và|"
    r"tỉnh|thành phố|huyện|xã|toàn tỉnh|sẽ|tiếp tục|đưa|của tỉnh|đề ra|đặt ra)+",
    re.IGNORECASE,
)
# What is left of a subject that names no measured thing ("đến năm", "từ nay").
EMPTY_SUBJECT = re.compile(
    r"\b(?:đến|tới|từ nay|vào|năm|trong|giai đoạn|thay vì|ngoài ra|cũng|TPHCM)\b", re.IGNORECASE
)
# A count that grows or falls by a share ("số vụ án tăng trên 5%"), unlike one that falls below a
# share ("số HTX yếu kém giảm dưới 10%").
CHANGE_BEFORE = re.compile(
    r"\btăng(?: thêm| lên)?(?:\s+(?:trên|khoảng|hơn|bình quân))*\s*$"
    r"|\bgiảm(?:\s+(?:trên|khoảng|hơn|bình quân))*\s*$"
)
# Nouns of amount that a change by a share applies to ("giảm 30% thời gian thực hiện").
CHANGED_OBJECT = re.compile(
    r"^(?:số|tổng số|số lượng|lượng|thời gian|chi phí|diện tích|khối lượng)\b", re.IGNORECASE
)
# "chiếm" before a share: the part's weight in a whole ("Dịch vụ chiếm 41%").
SHARE_LINK = re.compile(r"\bchiếm(?:\s+(?:khoảng|trên|dưới|hơn|gần|tối thiểu|ít nhất))*\s*$")
# A lead naming the whole that the shares after it divide ("Cơ cấu kinh tế: ...").
STRUCTURE_LEAD = re.compile(r"(cơ cấu [^\W\d][^:;.\d]{0,40}?)\s*:")
PERCENT_OF = re.compile(r"^(?:số|tổng số)\s+", re.IGNORECASE)
RATE_WORDS = re.compile(
    r"^(?:tỷ lệ|tỉ lệ|tốc độ|tỷ trọng|tỉ trọng|chỉ số|mức|cơ cấu|tăng trưởng)\b", re.IGNORECASE
)


# Cues that continue a list of goals rather than open one: with no year of their own they take
# the deadline of the series they continue ("Đến năm 2025: ...; đảm bảo 80% báo cáo ...").
WEAK_GOAL_RULES = ("goal.series", "goal.bao_dam", "goal.toi_thieu")


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class _Heading:
    level: int
    goal_rule: str | None
    deadline: str | None


@dataclass(frozen=True)
class _Series:
    """A run of goals still open: the paragraph it last reached and its deadline.

    "Cụ thể, đến năm 2025: ..." and a sentence of goals open one; the next sentence (or list item,
    or paragraph) that states figures with no cue of its own continues it. A sentence with no
    figure, or with figures that are not goals, closes it, as does a report cue.
    """

    sentence: int  # index of the last sentence the series reached
    deadline: str | None
    end: int


@dataclass(frozen=True)
class _Deadline:
    start: int
    end: int
    value: str
    rule: str


def extract_targets(
    text: str,
    figures: Sequence[Figure],
    dates: Sequence[DateMention] = (),
    ref_date: str | None = None,
) -> tuple[list[Target], list[Figure]]:
    """The targets in ``text`` and ``figures`` again, those that report a state with ``as_of``.

    ``ref_date`` is the document's own date (ISO) or None; figures keep their offsets.
    """
    reader = _Reader(text, sorted(figures, key=lambda f: f.start), dates, ref_date)
    return reader.run()


class _Reader:
    """One document's sentences, headings and cues, read once for all its figures."""

    def __init__(
        self,
        text: str,
        figures: list[Figure],
        dates: Sequence[DateMention],
        ref_date: str | None,
    ) -> None:
        self.text = text
        self.lower = text.lower()
        self.figures = figures
        self.dates = sorted(dates, key=lambda d: d.start)
        self.ref_date = ref_date
        self.ref_year = int(ref_date[:4]) if ref_date and ref_date[:4].isdigit() else None
        self.scope = detect_scope(text)
        self.sentences = _sentences(text)
        self.sentence_starts = [s.start for s in self.sentences]
        self.paragraph_first: dict[int, _Sentence] = {}
        for sentence in self.sentences:
            self.paragraph_first.setdefault(sentence.paragraph, sentence)
        self.date_starts = [d.start for d in self.dates]
        self.scope_cache: dict[int, str | None] = {}
        self.subject_cache: dict[int, bool] = {}
        self.figure_starts = [f.start for f in figures]
        self.headings = self._headings()
        self.columns = _table_columns(text, figures, self.ref_year)
        self.leads = self._leads()
        self.last_target: Target | None = None
        self.floor_year = self._floor_year() if self.ref_year is None else None
        self.term = self._term()
        self.plan = bool(rules.PLAN_TITLE.search(text, 0, TERM_CHARS))

    # -- document structure -------------------------------------------------------------

    def _headings(self) -> dict[int, tuple[_Heading, ...]]:
        """For each paragraph index, the stack of headings above it."""
        stack: list[_Heading] = []
        out: dict[int, tuple[_Heading, ...]] = {}
        for start, end, index in _paragraphs(self.text):
            block = self.text[start:end]
            heading = self._as_heading(start, end, block)
            if heading is not None:
                while stack and stack[-1].level >= heading.level:
                    stack.pop()
                stack.append(heading)
            out[index] = tuple(stack)
        return out

    def _leads(self) -> dict[int, _Series]:
        """Paragraphs that open a list of goals: a goal cue, no figure, a closing colon."""
        out: dict[int, _Series] = {}
        for start, end, index in _paragraphs(self.text):
            block = MARKUP.sub(" ", self.text[start:end]).strip()
            if not block.endswith(":") or len(block) > MAX_HEADING_CHARS:
                continue
            lowered = block.lower()
            if not any(p.search(lowered) for p in rules.GOAL_CUES.values()):
                continue
            found = _deadlines(lowered, 0)
            last = self._sentence_index(max(start, end - 1))
            out[index] = _Series(last, found[-1].value if found else None, end)
        return out

    def _floor_year(self) -> int | None:
        """In an undated document, the latest year it reports as done ("Tính đến hết năm 2018,
        ... đã ...", "Đến cuối năm 2019, ... đạt ..."): no goal is due by then."""
        floor = None
        verdicts: dict[int, bool] = {}
        for mention in self.dates:
            year = mention.value[:4]
            if not year.isdigit():
                continue
            index = self._sentence_index(mention.start)
            sentence = self.sentences[index]
            if index not in verdicts:
                verdicts[index] = not rules.FUTURE_WORDS.search(
                    self.lower[sentence.start : sentence.end]
                )
            lead = self.lower[max(sentence.start, mention.start - 25) : mention.start]
            opens = not MARKUP.sub("", lead).strip(" \n\t-–") and rules.REPORT_DONE.search(
                self.lower[mention.end : sentence.end]
            )
            led = rules.REPORT_YEAR_LEADS.search(
                self.lower[max(sentence.start, mention.start - 25) : mention.end]
            )
            if verdicts[index] and (opens or led):
                floor = max(floor or 0, int(year))
        return floor

    def _term(self) -> str | None:
        """The end year of the term or period a document is about ("nhiệm kỳ 2025-2030" in its
        opening lines): the deadline of its goals that name none."""
        opening = self.lower[:TERM_CHARS]
        match = rules.DOCUMENT_TERM.search(opening)
        if match is None or not self._is_future(match.group("end")):
            return None
        return match.group("end")

    def _as_heading(self, start: int, end: int, block: str) -> _Heading | None:
        flat = " ".join(MARKUP.sub(" ", block).split())
        if not flat or len(flat) > MAX_HEADING_CHARS or flat.endswith((";", ",")):
            return None
        index = bisect.bisect_left(self.figure_starts, start)
        while (
            index < len(self.figure_starts)
            and self.figure_starts[index] < end
            and self._plan_duration(self.figures[index])
        ):
            index += 1  # "KẾ HOẠCH 5 NĂM 2026 - 2030": a plan's name, still a heading
        if index < len(self.figure_starts) and self.figure_starts[index] < end:
            return None
        number = HEADING_NUMBER.match(block)
        letters = [c for c in flat if c.isalpha()]
        upper = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.7
        bold = block.strip().startswith("**")
        if number is None and not upper and not bold:
            return None
        if number is None:
            level = 0
        elif number.group("roman"):
            level = 1
        elif number.group("num"):
            level = 1 + number.group("num").count(".") + 1
        else:
            level = 5
        goal_rule = next(
            (name for name, pat in rules.HEADING_GOAL_CUES.items() if pat.search(flat)), None
        )
        found = _deadlines(flat, 0)
        deadline = found[-1].value if found else None
        return _Heading(level=level, goal_rule=goal_rule, deadline=deadline)

    def _sentence_index(self, offset: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)

    def _sentence_of(self, offset: int) -> _Sentence:
        return self.sentences[self._sentence_index(offset)]

    def _clause_start(self, sentence: _Sentence, offset: int) -> int:
        cut = self.text.rfind(";", sentence.start, offset)
        return sentence.start if cut < 0 else cut + 1

    def _clause_end(self, sentence: _Sentence, offset: int) -> int:
        cut = self.text.find(";", offset, sentence.end)
        return sentence.end if cut < 0 else cut

    # -- decisions -----------------------------------------------------------------------

    def run(self) -> tuple[list[Target], list[Figure]]:
        targets: list[Target] = []
        figures_out: list[Figure] = []
        previous: Figure | None = None
        list_head: Figure | None = None
        series: _Series | None = None
        for figure in self.figures:
            position = self._sentence_index(figure.start)
            sentence = self.sentences[position]
            series = self._open_series(series, position)
            clause_start = self._clause_start(sentence, figure.start)
            if (
                previous is not None
                and previous.end <= figure.start
                and previous.start >= clause_start
                and LIST_GAP.match(self.text[previous.end : figure.start])
            ):
                list_head = list_head or previous
            else:
                list_head = None
            previous = figure
            column = self.columns.get(figure.start)
            if column is not None:
                # Future columns are targets only in a table titled as goals ("CHỈ TIÊU ...",
                # "Mục tiêu ...", "DỰ BÁO ..."); a budget table's years are allocations.
                if column.actual:
                    figures_out.append(replace(figure, as_of=column.year))
                elif column.projection:
                    figures_out.append(figure)
                elif column.goal or self._heading_goal(sentence):
                    targets.append(self._table_target(figure, column))
                    figures_out.append(figure)
                else:
                    figures_out.append(figure)
                continue
            target = self._target(figure, sentence, clause_start, list_head, series)
            if target is not None:
                self.last_target = target
                if not target.rule.startswith("target.heading."):
                    series = _Series(position, target.deadline, target.end)
                targets.append(target)
                figures_out.append(figure)
                continue
            if series is not None and series.sentence != position:
                series = None
            as_of = self._as_of(figure, sentence, clause_start)
            figures_out.append(replace(figure, as_of=as_of) if as_of else figure)
        return targets, figures_out

    def _open_series(self, series: _Series | None, position: int) -> _Series | None:
        """The series a figure of sentence ``position`` may continue: one that reached this or
        the previous sentence, else a lead paragraph just before ("Cụ thể, đến năm 2025:")."""
        if series is not None and series.sentence >= position - 1:
            return series
        lead = self.leads.get(self.sentences[position].paragraph - 1)
        return lead if lead is not None and lead.sentence == position - 1 else None

    def _continues(
        self, figure: Figure, sentence: _Sentence, clause_start: int, series: _Series | None
    ) -> bool:
        """True when ``figure`` states one more goal of an open series, with no cue of its own."""
        if series is None or series.end > figure.start:
            return False
        before = self.lower[sentence.start : figure.start]
        clause_before = self.lower[clause_start : figure.start]
        after = self.lower[figure.end : self._clause_end(sentence, figure.end)]
        if figure.unit != "%" and not rules.SERIES_LINKS.search(clause_before):
            return False  # "chính quyền 2 cấp": only shares and linked amounts continue a list
        for name, pattern in rules.PAST_CUES.items():
            if name == "past.ket_qua":
                continue  # "hồ sơ được số hóa kết quả giải quyết": a noun inside the measured thing
            if pattern.search(clause_before if name == "past.da" else before):
                return False
        if rules.REPORT_VERBS.search(self.lower[sentence.start : sentence.end]):
            return False
        if rules.ACHIEVEMENT_AFTER.match(after) or rules.CHANGE_AFTER.match(after):
            return False
        if self._date_before(sentence.start, figure.start) is not None:
            return False
        return not self._allocation(figure, sentence)

    def _goal(self, figure: Figure, sentence: _Sentence, clause_start: int) -> str | None:
        """The rule of the goal cue governing ``figure``, or None."""
        after = self.lower[figure.end : self._clause_end(sentence, figure.end)]
        if rules.ACHIEVEMENT_AFTER.match(after) and not (
            rules.PLAN_SHARE_AFTER.match(after) and self._commits_to_plan(figure, clause_start)
        ):
            return None
        # Cues inside parentheses explain a word, they do not govern the sentence.
        window = max(sentence.start, figure.start - MAX_LOOKBACK)
        before = _mask_parentheses(self.lower[window : figure.start])
        clause_before = before[max(0, len(before) - (figure.start - clause_start)) :]
        # An estimate word inside an earlier figure ("tổng thu ước đạt 7.800 tỷ đồng") qualifies
        # that figure only; it does not turn the rest of a list of goals into reports.
        reported = self._mask_figures(before, window, figure.start)
        reported_clause = reported[len(before) - len(clause_before) :]
        goal_at, goal_rule = -1, None
        goal_starts: list[int] = []
        for name, pattern in rules.GOAL_CUES.items():
            for match in pattern.finditer(before):
                goal_starts.append(match.start())
                if match.start() > goal_at:
                    goal_at, goal_rule = match.start(), name
        # A report cue anywhere earlier in the sentence outweighs an earlier goal cue; the weak
        # "đã" only counts in the figure's own clause and when no goal cue is in the sentence.
        past_at = -1
        clause_offset = len(before) - len(clause_before)
        for name, pattern in rules.PAST_CUES.items():
            scope_text = reported_clause if name == "past.da" else reported
            offset = len(before) - len(scope_text)
            for match in pattern.finditer(scope_text):
                if (
                    name == "past.du_bao"
                    and self.plan
                    and rules.FORECAST_GOALS.match(scope_text, match.start())
                ):
                    continue  # a plan's "Dự báo các chỉ tiêu ...": its goals, not a prediction
                at = offset + match.start()
                if name == "past.da" and clause_offset <= goal_at < at:
                    continue  # "phấn đấu ... đã ..." : the "đã" belongs to what is measured
                past_at = max(past_at, at)
        if goal_rule is not None and goal_at > past_at >= 0:
            # A goal cue after a report cue governs only when it opens a clause of its own
            # ("năm 2024 đã đạt 90%, phấn đấu năm 2025 đạt 95%"), not when it names a goal the
            # report measures against ("đã thu đạt ..., bằng 112,1% chỉ tiêu phấn đấu").
            openers = [before[:at].rstrip() for at in goal_starts if at > past_at]
            if not any(not o or o[-1] in ",;:." for o in openers):
                return None
        if goal_rule == "goal.den_nam" and self._year_end_report(before, goal_at):
            return None
        if goal_rule is not None and goal_at > past_at:
            return goal_rule
        if past_at >= 0:
            return None
        for found in _deadlines(after, 0):
            if found.rule not in ("deadline.den_nam", "deadline.period"):
                continue
            if found.start < 40 and self._is_future(found.value):
                return "goal.deadline_after"
        heading = self._heading_goal(sentence)
        if heading and not self._allocation(figure, sentence):
            return heading
        if self.plan and self._floor_figure(figure, clause_before):
            return "goal.toi_thieu"
        return None

    def _commits_to_plan(self, figure: Figure, clause_start: int) -> bool:
        """True for "phấn đấu đạt 100% kế hoạch": a goal cue leads the share of a plan straight,
        with no reported amount before it in its clause ("đạt 1,14 triệu tấn, đạt 100% kế
        hoạch" reports)."""
        before = self.lower[clause_start : figure.start]
        lo = bisect.bisect_left(self.figure_starts, clause_start)
        if lo < len(self.figure_starts) and self.figure_starts[lo] < figure.start:
            return False
        if any(p.search(before) for p in rules.PAST_CUES.values()):
            return False
        return bool(rules.PLAN_COMMITMENT.search(before))

    def _year_end_report(self, before: str, cue_at: int) -> bool:
        """True for "Đến cuối năm 2018, ... đạt ..." with no goal word, in an undated document:
        the year-end is when a result was counted, not a deadline."""
        if self.ref_year is not None:
            return False
        if not rules.YEAR_END_LEAD.match(before, cue_at):
            return False
        return not rules.FUTURE_WORDS.search(before)

    def _floor_figure(self, figure: Figure, clause_before: str) -> bool:
        """A floor ("tối thiểu 30%", "ít nhất 02 lớp") set by a plan's task, not an allocation."""
        floor = rules.FLOOR_WORDS.match(figure.text.lower()) or re.search(
            r"\b(?:tối thiểu|ít nhất|không dưới)\s*$", clause_before
        )
        return bool(floor) and not self._allocation(figure, self._sentence_of(figure.start))

    def _mask_figures(self, before: str, window: int, end: int) -> str:
        """``before`` (text from ``window`` to ``end``) with earlier figures blanked."""
        lo = bisect.bisect_left(self.figure_starts, window)
        hi = bisect.bisect_left(self.figure_starts, end)
        if lo == hi:
            return before
        chars = list(before)
        for other in self.figures[lo:hi]:
            a, b = other.start - window, min(other.end, end) - window
            chars[a:b] = " " * (b - a)
        return "".join(chars)

    def _paragraph_deadline(self, sentence: _Sentence) -> str | None:
        """A future year that opens the paragraph ("Bước sang năm 2026, ... . Phấn đấu ..."):
        the horizon of the goals in its later sentences."""
        first = self.paragraph_first.get(sentence.paragraph)
        if first is None or first.start >= sentence.start:
            return None
        opening = self.lower[first.start : min(first.end, first.start + OPENING_CHARS)]
        for found in _deadlines(opening, 0):
            closed = opening[found.end :].lstrip().startswith(",")
            if closed and found.rule != "deadline.bare_period" and self._is_future(found.value):
                return found.value
        return None

    def _closes_figure(self, deadline: _Deadline) -> bool:
        """True for "40% đến năm 2030": a year phrase right after a figure, dating it alone."""
        if deadline.rule != "deadline.den_nam":
            return False
        index = bisect.bisect_left(self.figure_starts, deadline.start) - 1
        if index < 0 or not 0 <= deadline.start - self.figures[index].end <= 3:
            return False
        return not self.text[self.figures[index].end : deadline.start].strip(" ,")

    def _heading_goal(self, sentence: _Sentence) -> str | None:
        for heading in reversed(self.headings.get(sentence.paragraph, ())):
            if heading.goal_rule:
                return heading.goal_rule
        return None

    def _allocation(self, figure: Figure, sentence: _Sentence) -> bool:
        """True for an amount a regulation or budget hands out rather than a result to reach.

        Money is handed out unless "đạt" leads it ("vốn đầu tư xã hội đạt 270.000 tỷ đồng"); a
        share is handed out only when it is a share of the money ("bố trí 20% kinh phí",
        "mức hỗ trợ 50%"), not when money is what it measures ("kinh phí R&D/GRDP tối thiểu 2%").
        """
        before = self.lower[self._clause_start(sentence, figure.start) : figure.start]
        if rules.OUTCOME_LINK.search(before):
            return False
        if figure.kind == "money":
            return True
        if not rules.ALLOCATION_CUES.search(self.lower[sentence.start : sentence.end]):
            return False
        if figure.unit == "%" or figure.kind in ("percent", "ratio"):
            after = self.lower[figure.end : figure.end + 40]
            return bool(
                rules.ALLOCATED_SHARE_AFTER.match(after)
                or rules.ALLOCATED_SHARE_BEFORE.search(before)
                or rules.ALLOCATED_RATE_NOUNS.search(before)
            )
        return True

    def _after_reference(self, value: str) -> bool:
        """True when a date value starts after the document's own year (a future period)."""
        return self.ref_year is not None and value[:4].isdigit() and int(value[:4]) > self.ref_year

    def _is_future(self, deadline: str) -> bool:
        if self.ref_year is None:
            return self.floor_year is None or int(deadline[:4]) > self.floor_year
        return int(deadline[:4]) >= self.ref_year

    def _measured(self, figure: Figure, clause_start: int) -> bool:
        """False for per-unit figures, durations and ratios that only qualify a goal."""
        before = self.lower[clause_start : figure.start]
        per_unit = figure.value == 1 and figure.value_max is None and figure.unit != "%"
        if per_unit and re.search(r"(?:bình quân|mỗi|/)\s*$", before):
            return False
        if figure.kind == "duration" and re.search(r"(?:trong|sau|qua|thời hạn)\s*$", before):
            return False
        unit = (figure.unit or "").lower()
        if unit in rules.META_UNITS or unit in rules.STRUCTURE_UNITS:
            return False
        if self._plan_duration(figure):
            return False
        if self._in_subject(bisect.bisect_left(self.figure_starts, figure.start)):
            return False  # "tốc độ 01 Gb/s đạt 100%": the speed says what is measured
        if unit != "%" and rules.AGE_AFTER.match(self.lower[figure.end : figure.end + 40]):
            return False  # "trẻ em từ 06 tháng đến 36 tháng tuổi": an age says who is counted
        if figure.unit == "tuổi" and not rules.LINK_VERBS.search(before):
            return False  # "dân số từ 15 tuổi trở lên": an age defines who is counted
        return not (figure.kind == "ratio" and not rules.LINK_VERBS.search(before))

    def _plan_duration(self, figure: Figure) -> bool:
        """True for a duration in a plan's name: "kế hoạch tài chính 03 năm", "03 năm 2026 - 2028"."""
        if (figure.unit or "").lower() not in rules.DURATION_UNITS:
            return False
        after = re.sub(r"\s+", " ", self.lower[figure.end : figure.end + 20])
        if rules.YEAR_RANGE_AFTER.match(after):
            return True
        before = re.sub(r"\s+", " ", self.lower[max(0, figure.start - 80) : figure.start])
        return bool(rules.PLAN_NAME_BEFORE.search(before))

    def _deadline(self, figure: Figure, sentence: _Sentence, clause_start: int) -> str | None:
        clause_end = self._clause_end(sentence, figure.end)
        after = _deadlines(self.lower[figure.end : clause_end], figure.end)
        # "25% đến năm 2025, 40% đến năm 2030": a deadline right after its figure is its own.
        if after and after[0].start - figure.end <= 3 and after[0].rule == "deadline.den_nam":
            return after[0].value
        before = self.lower[sentence.start : figure.start]
        # "khoảng 25% đến năm 2025, 40% đến năm 2030; tổng vốn ... 35%": a deadline that closes
        # another figure of an earlier clause is that figure's own, not the sentence's.
        found = [
            d
            for d in _deadlines(before, sentence.start)
            if d.start >= clause_start or not self._closes_figure(d)
        ]
        # "... xây dựng 20% xã, phường ngay trong năm 2025": a deadline later in the figure's own
        # clause outweighs one of an earlier phrase (a plan's period named before it).
        segment = max(before.rfind(","), before.rfind(":"), clause_start - sentence.start - 1)
        own_before = [d for d in found if d.start >= sentence.start + segment]
        if after and not own_before and after[0].rule in ("deadline.den_nam", "deadline.quarter"):
            return after[0].value
        if found:
            return found[-1].value
        if after:
            return after[0].value
        opening = self._paragraph_deadline(sentence)
        if opening is not None:
            return opening
        # A later clause of the same sentence may still give the deadline ("..., 40% đến năm 2030").
        for heading in reversed(self.headings.get(sentence.paragraph, ())):
            if heading.deadline:
                return heading.deadline
        return None

    def _target(
        self,
        figure: Figure,
        sentence: _Sentence,
        clause_start: int,
        list_head: Figure | None,
        series: _Series | None = None,
    ) -> Target | None:
        goal_rule = self._goal(figure, sentence, clause_start)
        if goal_rule is None and self._continues(figure, sentence, clause_start, series):
            goal_rule = "goal.series"
        if goal_rule is None or not self._measured(figure, clause_start):
            return None
        deadline = self._deadline(figure, sentence, clause_start)
        if deadline is None and goal_rule in WEAK_GOAL_RULES and series is not None:
            deadline = series.deadline
        if (
            deadline is None
            and self.ref_year is not None
            and rules.PLAN_SHARE_AFTER.match(
                self.lower[figure.end : self._clause_end(sentence, figure.end)]
            )
        ):
            deadline = str(self.ref_year)  # "phấn đấu đạt 100% kế hoạch": this year's plan
        if deadline is None:
            deadline = self.term
        if deadline is not None and not self._is_future(deadline):
            return None
        head = list_head or figure
        verb_start, verb = self._verb_phrase(head, clause_start)
        metric = self._metric(figure, clause_start, sentence, verb)
        previous = self.last_target
        if (
            _names_nothing(metric, figure.unit)
            and previous is not None
            and previous.unit == figure.unit
            and self._sentence_of(previous.start) == sentence
        ):
            metric = previous.metric  # "... đạt 8.500 USD/người, đến năm 2030 đạt 13.000 USD/người"
        start = figure.start
        link = self._link_start(figure, clause_start)
        if link is not None:
            start = link
        elif list_head is None and verb_start is not None:
            start = verb_start
        end = figure.end
        tail = re.match(r"\s+trở (?:lên|xuống)\b", self.text[end:])
        qualifier = figure.qualifier
        if tail:
            end += tail.end()
            if qualifier is None:
                qualifier = "ge" if "lên" in tail.group() else "le"
        scope = self._sentence_scope(sentence) or self.scope
        return Target(
            start=start,
            end=end,
            text=self.text[start:end],
            value=figure.value,
            value_max=figure.value_max,
            unit=figure.unit,
            comparator=QUALIFIER_COMPARATORS.get(qualifier, "="),
            qualifier=qualifier,
            metric=metric,
            rule=f"target.{goal_rule}",
            figure_start=figure.start,
            figure_end=figure.end,
            deadline=deadline,
            scope=scope,
        )

    def _table_target(self, figure: Figure, column: _Column) -> Target:
        """A cell of a yearly target table: deadline from its column, metric from its row."""
        unit = figure.unit
        if unit is None and column.unit:
            unit = "%" if column.unit == "%" else expand(column.unit).lower()
        return Target(
            start=figure.start,
            end=figure.end,
            text=figure.text,
            value=figure.value,
            value_max=figure.value_max,
            unit=unit,
            comparator=QUALIFIER_COMPARATORS.get(figure.qualifier, "="),
            qualifier=figure.qualifier,
            metric=_tidy(re.sub(r"^[-+•]\s*", "", column.label)).lower(),
            rule="target.table_year_column",
            figure_start=figure.start,
            figure_end=figure.end,
            deadline=column.year,
            scope=self.scope,
        )

    def _sentence_scope(self, sentence: _Sentence) -> str | None:
        if sentence.start not in self.scope_cache:
            self.scope_cache[sentence.start] = scope_in(self.text[sentence.start : sentence.end])
        return self.scope_cache[sentence.start]

    def _as_of(self, figure: Figure, sentence: _Sentence, clause_start: int) -> str | None:
        before = self.lower[clause_start : figure.start]
        after = self.lower[figure.end : self._clause_end(sentence, figure.end)]
        if rules.CHANGE_AFTER.match(after) or re.search(r"\b(?:tăng|giảm)(?: thêm)?\s*$", before):
            return None
        if rules.FREQUENCY_CUES.search(before) or not self._measured(figure, clause_start):
            return None
        sentence_before = self.lower[sentence.start : figure.start]
        value = self._date_before(sentence.start, figure.start)
        if (
            value is None
            and self.ref_date
            and rules.PAST_CUES["past.hien_co"].search(sentence_before)
        ):
            return self.ref_date
        if value is None:
            value = self._paragraph_date(sentence, figure.start)
        return value

    def _date_before(self, start: int, end: int) -> str | None:
        """The value of the last date in ``[start, end)`` that reads as an as-of date."""
        chosen = None
        lo = bisect.bisect_left(self.date_starts, start)
        hi = bisect.bisect_left(self.date_starts, end)
        for mention in self.dates[lo:hi]:
            if mention.end > end or self._after_reference(mention.value):
                continue  # a date after the document's own is a deadline, never an "as of"
            lead = self.lower[max(start, mention.start - 25) : mention.start]
            if rules.COMPARISON_LEAD.search(lead):
                continue
            opens = not MARKUP.sub("", lead).strip()  # "Quý I/2025, ..." opens its sentence
            if (
                opens
                or rules.AS_OF_LEADS.search(lead)
                or re.search(r"\bnăm\b", mention.text.lower())
            ):
                chosen = mention.value
        if chosen is None and not self.dates:
            found = [
                d
                for d in _deadlines(self.lower[start:end], start)
                if d.rule != "deadline.bare_period"
            ]
            chosen = found[-1].value if found else None
        return chosen

    def _paragraph_date(self, sentence: _Sentence, offset: int) -> str | None:
        """The date an earlier sentence of the paragraph opens with ("6 tháng đầu năm 2020, ...")."""
        first = self.paragraph_first.get(sentence.paragraph)
        if first is None or first.start >= sentence.start:
            return None
        opening = self.lower[first.start : min(first.end, first.start + 40)]
        lo = bisect.bisect_left(self.date_starts, first.start)
        hi = bisect.bisect_left(self.date_starts, first.start + 40)
        for mention in self.dates[lo:hi]:
            opens = "," in self.lower[mention.end : first.end][:3] or opening.startswith(
                mention.text.lower()
            )
            if mention.end <= offset and opens:
                return mention.value
        return None

    # -- wording -------------------------------------------------------------------------

    def _link_start(self, figure: Figure, clause_start: int) -> int | None:
        before = self.text[clause_start : figure.start]
        match = re.search(
            r"(?:đạt|giảm|tăng|còn|chiếm|ở mức|không quá|tối thiểu|ít nhất)"
            r"(?:\s+(?:còn|xuống còn|lên|từ|trên|dưới|khoảng|hơn|bình quân))*\s*$",
            before,
            re.IGNORECASE,
        )
        return clause_start + match.start() if match else None

    def _verb_phrase(self, head: Figure, clause_start: int) -> tuple[int | None, str]:
        """The verb governing a list ("hỗ trợ thành lập mới 100 HTX" → "thành lập mới")."""
        before = self.text[clause_start : head.start]
        cut = max(before.rfind(","), before.rfind(":"))
        # "Tỉnh phấn đấu tối thiểu 90%": the span starts after the goal cue, not at the subject.
        lowered = before.lower()
        for pattern in rules.GOAL_CUES.values():
            for match in pattern.finditer(lowered, cut + 1):
                cut = max(cut, match.end() - 1)
        segment = before[cut + 1 :]
        for _, pattern in rules.DEADLINE_PATTERNS:
            for match in pattern.finditer(segment):
                segment = (
                    segment[: match.start()] + " " * len(match.group()) + segment[match.end() :]
                )
        words = list(WORD.finditer(segment))
        while words:
            phrase = segment[words[0].start() :].strip().lower()
            helper = next(
                (h for h in (*rules.HELPER_VERBS, *_GOAL_WORDS) if phrase.startswith(h + " ")),
                None,
            )
            if helper is None:
                break
            consumed = len(helper.split())
            words = words[consumed:]
        while words and words[-1].group().lower() in rules.QUALIFIER_WORDS:
            words = words[:-1]
        if not words or len(words) > 4:
            return None, ""
        phrase = segment[words[0].start() : words[-1].end()]
        if not re.fullmatch(r"[^\W\d_][\w\s-]*", phrase) or phrase.lower() in _NOT_VERBS:
            return None, ""
        return clause_start + cut + 1 + words[0].start(), phrase.lower()

    def _metric(self, figure: Figure, clause_start: int, sentence: _Sentence, verb: str) -> str:
        clause_end = self._clause_end(sentence, figure.end)
        index = bisect.bisect_left(self.figure_starts, figure.end)
        next_figure = self.figure_starts[index] if index < len(self.figure_starts) else clause_end
        post = self.text[figure.end : min(clause_end, next_figure)]
        post = re.sub(r"^\s*trở (?:lên|xuống)\b", "", post)
        post = re.sub(r"^/\s*\w+", "", post)  # "1,5%/năm": the rate's period is not a metric
        stop = rules.METRIC_STOP.search(post)
        post = post[: stop.start()] if stop else post
        # "tạo ra trên 28 nghìn việc làm, nâng cao thu nhập": after a comma comes another clause.
        post = "" if re.match(r"\s*,", post) else _clean(post.strip(" ,…."))
        if all(w.lower() in rules.DANGLING_WORDS for w in post.split()):
            post = ""  # "120 HTX, 250 THT và 8 ...": nothing of its own after the figure
        unit = figure.unit
        if unit and unit != "%" and figure.kind not in ("money", "percent"):
            phrase = post if post and not post.startswith(("so ", "với ")) else verb
            return _tidy(f"{unit} {phrase}" if phrase else unit)
        # "giảm 50% số vụ tảo hôn", "cắt giảm 30% thời gian giải quyết": the change's object
        # after the figure is what is measured.
        if (
            unit == "%"
            and CHANGED_OBJECT.match(post)
            and re.search(r"\b(?:tăng|giảm)(?: thêm)?\s*$", self.lower[clause_start : figure.start])
        ):
            return _tidy(post.split(",")[0])
        subject = self._subject(figure, clause_start)
        change = figure.qualifier not in ("lt", "le") and CHANGE_BEFORE.search(
            self.lower[clause_start : figure.start]
        )
        plan = rules.PLAN_SHARE_AFTER.match(post) if unit == "%" else None
        if subject and plan and not RATE_WORDS.match(subject):
            # "chi đầu tư ... phấn đấu đạt 100% kế hoạch": the share of the plan carried out.
            plan_word = re.sub(r"^(?:của\s+)", "", plan.group().strip().lower())
            return _tidy(f"tỷ lệ thực hiện {plan_word} {subject[:1].lower()}{subject[1:]}")
        share = unit == "%" and SHARE_LINK.search(self.lower[clause_start : figure.start])
        if subject and share and not RATE_WORDS.match(subject):
            # "Cơ cấu kinh tế: Dịch vụ chiếm 41%": the share of the sector in the structure.
            whole = post if post and not post.startswith(("so ", "với ", "(")) else ""
            if not whole:
                lead = STRUCTURE_LEAD.findall(self.lower[sentence.start : figure.start])
                whole = lead[-1] if lead else ""
            metric = f"tỷ trọng {subject[:1].lower()}{subject[1:]}"
            return _tidy(f"{metric} trong {whole}" if whole else metric)
        if subject:
            # "số HTX ... đạt 50%" is a share; "số vụ án ... tăng 5%" is a count that grows.
            if PERCENT_OF.match(subject) and unit == "%" and not change:
                subject = "tỷ lệ " + PERCENT_OF.sub("", subject)
            return _tidy(subject)
        if post and not post.startswith(("so ", "với ", "(")):
            if unit == "%" and not RATE_WORDS.match(post):
                post = "tỷ lệ " + PERCENT_OF.sub("", post)
            return _tidy(post)
        return _tidy(self._subject(figure, clause_start, loose=True) or unit or "")

    def _is_age(self, index: int) -> bool:
        other = self.figures[index]
        return (
            (other.unit or "").lower() == "tuổi"
            or bool(rules.AGE_AFTER.match(self.lower[other.end : other.end + 40]))
            or self._in_subject(index)
        )

    def _in_subject(self, index: int) -> bool:
        """True for a figure inside the subject of a later figure of its clause: "tỷ lệ người
        dùng băng rộng tốc độ 01 Gb/s đạt 100%", "đường giao thông rộng 7 m được cứng hóa đạt
        80%": the speed and the width say what is measured; the value comes after the verb."""
        if index not in self.subject_cache:
            self.subject_cache[index] = self._find_in_subject(index)
        return self.subject_cache[index]

    def _find_in_subject(self, index: int) -> bool:
        figure = self.figures[index]
        if figure.unit == "%" or index + 1 >= len(self.figures):
            return False
        value = self.figures[index + 1]
        gap = self.lower[figure.end : value.start]
        if len(gap) > MAX_SUBJECT_GAP or re.search(r"[,;:()]|\n\s*\n", gap):
            return False
        if not rules.SUBJECT_LINK.search(gap):
            return False
        sentence = self._sentence_of(figure.start)
        lead = self.lower[self._clause_start(sentence, figure.start) : figure.start]
        lead = MARKUP.sub(" ", lead).strip(" -–•+\n\t")
        if RATE_WORDS.match(lead):
            return True  # "tỷ lệ cơ sở có từ 10 lao động ... đạt 70%": all of it is the rate's
        if not re.search(r"[^\W\d_]", lead) or rules.VALUE_LEADS.search(lead):
            return False
        return not rules.LINK_VERBS.search(lead)

    def _subject(self, figure: Figure, clause_start: int, loose: bool = False) -> str:
        """What a figure measures when it comes before the figure ("tỷ lệ X đạt 50%").

        Without a link verb ("đạt", "giảm", "chiếm"...) only when ``loose``: then the words
        before the figure ("kinh tế số đóng góp khoảng 25%").
        """
        # The subject of a figure in a list starts after the figure before it in its clause.
        # An age inside the subject ("tỷ lệ trẻ em dưới 15 tuổi đạt 22%") is part of it.
        index = bisect.bisect_left(self.figure_starts, figure.start) - 1
        while index >= 0 and self.figures[index].end > clause_start and self._is_age(index):
            index -= 1
        if index >= 0 and self.figures[index].end > clause_start:
            clause_start = max(clause_start, self.figures[index].end)
        before = _mask_parentheses(self.text[clause_start : figure.start])
        before = re.sub(r"^(?:\s*(?:/\s*\w+|trở (?:lên|xuống)|[,;]|và))+", "", before)
        link = rules.LINK_VERBS.search(before)
        if link is None and not loose:
            return ""
        subject = before[: link.start()] if link else before
        marks = [
            (m.start(), m.end())
            for _, p in (*rules.GOAL_CUES.items(), *rules.DEADLINE_PATTERNS)
            for m in p.finditer(subject.lower())
        ]
        colon = subject.rfind(":")
        cut = max([0, colon + 1, *(end for _, end in marks)])
        if not _clean(subject[cut:]).strip(" ,") and marks:
            # "GRDP bình quân đầu người đến năm 2025 đạt ...", "phấn đấu tăng trưởng GRDP năm
            # 2025 đạt ...": the subject is the last stretch of words between cues and deadlines.
            subject = _last_stretch(subject, colon + 1, marks)
        else:
            subject = subject[cut:]
        # A rate or a ratio ("chi cho R&D/GRDP") may take a long subject; other words only a
        # short one before a figure with no verb.
        rate = RATE_WORDS.match(subject.strip(" ,:")) or re.search(r"/\s*\w+\s*$", subject)
        limit = MAX_METRIC_WORDS if rate else 8
        if not link and len(subject.split()) > limit:
            return ""
        words = subject.split()
        if len(words) > MAX_METRIC_WORDS and "," in subject:
            subject = subject[subject.rfind(",") + 1 :]
        subject = _clean(subject)
        subject = SUBJECT_LEADS.sub("", subject).strip(" ,")
        openers = list(rules.SUBJECT_OPENERS.finditer(subject))
        if openers and len(subject[openers[-1].end() :].split()) >= 2:
            subject = subject[openers[-1].end() :]
        if not re.search(r"[^\W\d_]", EMPTY_SUBJECT.sub("", subject)):
            return ""
        return subject


def _names_nothing(metric: str, unit: str | None) -> bool:
    """True for a metric that is only a unit or a rate's period ("%", "USD/người", "/năm")."""
    flat = metric.strip().lower()
    return (
        not flat or flat == (unit or "").lower() or bool(re.fullmatch(r"[%/\s\w]{0,3}|/.*", flat))
    )


def _last_stretch(subject: str, start: int, marks: Sequence[tuple[int, int]]) -> str:
    """The last run of words in ``subject[start:]`` outside the cue and deadline ``marks``."""
    spans = sorted((max(a, start), b) for a, b in marks if b > start)
    stretches, cursor = [], start
    for a, b in spans:
        if a > cursor:
            stretches.append(subject[cursor:a])
        cursor = max(cursor, b)
    stretches.append(subject[cursor:])
    for stretch in reversed(stretches):
        words = SUBJECT_LEADS.sub("", _clean(stretch)).strip(" ,")
        if re.search(r"[^\W\d_]", EMPTY_SUBJECT.sub("", words)):
            return stretch
    return ""


_GOAL_WORDS = ("từ nay", "trong", "đến", "tới")
_NOT_VERBS = frozenset({"đạt", "có", "là", "và", "với", "trong đó", "gồm"})


def _mask_parentheses(text: str) -> str:
    """``text`` with what is inside parentheses blanked (same length)."""
    return re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text)


def _clean(phrase: str) -> str:
    phrase = MARKUP.sub(" ", phrase)
    phrase = re.sub(r"\s*\(.*?\)\s*", " ", phrase)
    return re.sub(r"\s+/", "/", " ".join(phrase.split()))  # "phát triển (R&D)/GRDP"


def _tidy(metric: str) -> str:
    """A metric as stored: at most MAX_METRIC_WORDS words (cut at a comma when one is near the
    limit), abbreviations expanded, no dangling function word, lower-case start."""
    words = _clean(re.sub(r"[“”\"]", "", metric)).split()
    if len(words) > MAX_METRIC_WORDS:
        words = words[:MAX_METRIC_WORDS]
        commas = [i for i, w in enumerate(words) if w.endswith(",") and i >= 3]
        if commas:
            words = words[: commas[-1] + 1]
    while len(words) > 1 and words[-1].lower().strip(",") in rules.DANGLING_WORDS:
        words = words[:-1]
    if len(words) > 2 and " ".join(words[-2:]).lower() in rules.DANGLING_WORDS:
        words = words[:-2]
    if not words:
        return ""
    metric = expand(" ".join(words)).strip(" ,;:.")
    if metric and not (len(words[0]) > 1 and words[0][:2].isupper()):
        metric = metric[0].lower() + metric[1:]
    return metric


def _deadlines(lowered: str, offset: int) -> list[_Deadline]:
    """Deadline phrases in ``lowered``, in text order, overlapping ones resolved by rule order."""
    found: list[_Deadline] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in rules.DEADLINE_PATTERNS:
        for match in pattern.finditer(lowered):
            span = (match.start(), match.end())
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            groups = match.groupdict()
            year = groups.get("end") or groups.get("year")
            if not year:
                continue
            taken.append(span)
            lead = lowered[max(0, span[0] - 40) : span[0]]
            if name == "deadline.nam" and (
                rules.OF_YEAR_LEAD.search(lead)
                or (rules.DAY_DATE_LEAD.search(lead) and not rules.DAY_DEADLINE_LEAD.search(lead))
            ):
                continue
            # The year of a comparison ("so với cùng kỳ năm 2023") is never a deadline.
            if rules.COMPARISON_LEAD.search(lowered[max(0, span[0] - 25) : span[0]]):
                continue
            value = _quarter(year, groups["quarter"]) if groups.get("quarter") else year
            found.append(_Deadline(offset + span[0], offset + span[1], value, name))
    return sorted(found, key=lambda d: d.start)


def _quarter(year: str, numeral: str) -> str:
    """A quarter as the dates extractor writes it: "II", "2025" → "2025-04/2025-06"."""
    number = QUARTERS[numeral.lower()]
    return f"{year}-{3 * number - 2:02d}/{year}-{3 * number:02d}"


def _paragraphs(text: str) -> list[tuple[int, int, int]]:
    """(start, end, index) of each paragraph: text between blank lines."""
    out = []
    start = 0
    for index, match in enumerate(PARAGRAPH_BREAK.finditer(text)):
        out.append((start, match.start(), index))
        start = match.end()
    out.append((start, len(text), len(out)))
    return out


def _sentences(text: str) -> list[_Sentence]:
    """Sentences: paragraphs cut after ``.!?…`` before an upper-case letter."""
    out: list[_Sentence] = []
    for start, end, index in _paragraphs(text):
        cursor = start
        for match in SENTENCE_BREAK.finditer(text, start, end):
            if _abbreviation_before(text, match.start()):
                continue
            out.append(_Sentence(cursor, match.start(), index))
            cursor = match.end()
        out.append(_Sentence(cursor, end, index))
    return out


def _abbreviation_before(text: str, dot: int) -> bool:
    word = re.search(r"(\S+)[.]$", text[max(0, dot - 12) : dot])
    return bool(word) and word.group(1) in {"TP", "Tp", "TS", "ThS", "PGS", "GS", "Q", "P", "TX"}


@dataclass(frozen=True)
class _Column:
    """Where a table figure sits: its column's year, and its row's label and unit."""

    year: str
    actual: bool
    label: str
    unit: str | None
    goal: bool = False
    projection: bool = False  # a forecast of a planning input (population, schools, beds)


def _table_columns(
    text: str, figures: Sequence[Figure], ref_year: int | None
) -> dict[int, _Column]:
    """For each figure filling a cell of a table with year columns ("Năm 2026 | Năm 2027",
    "Kế hoạch 2027" over "Lượng (Tấn)"), its column: the year from any level of the column's
    header, actual for an estimate column ("ƯTH", "Ước thực hiện") or a past year."""
    if "|" not in text:
        return {}
    starts = [f.start for f in figures]

    def alone_in(cell: Cell) -> Figure | None:
        """The figure that is the whole cell (emphasis aside), if any."""
        i = bisect.bisect_left(starts, cell.start)
        if i < len(figures) and figures[i].end <= cell.end and figures[i].text == cell.text:
            return figures[i]
        return None

    out: dict[int, _Column] = {}
    for table in find_tables(text):
        years = {c: _column_year(table.header_path(c)) for c in range(table.width)}
        if len({c for c, y in years.items() if y is not None}) < 2:
            continue
        titled = _table_titled_goal(table)
        forecast = bool(rules.TABLE_FORECAST_TITLE.search(table.caption_text()))
        parent = ""
        for row in table.data_rows:
            filled = [(c, f) for c in row.cells if c.text and (f := alone_in(c)) is not None]
            if not filled:
                parent = table.row_label(row) if _group_row(row) else parent
                continue
            for cell, figure in filled:
                column = years.get(cell.column)
                if column is None:
                    continue
                year, actual, goal = column
                past = ref_year is not None and int(year) < ref_year
                label = table.row_label(row, before=cell.column)
                if parent and _sub_row(row) and parent.lower() not in label.lower():
                    label = f"{label} {parent}"
                measure = _column_measure(table.header_path(cell.column))
                if measure and measure.lower() not in label.lower():
                    label = f"{measure} {label}"
                unit = _row_unit(table, row, cell.column)
                projection = forecast and _planning_input(label, unit)
                out[figure.start] = _Column(
                    year, actual or past, label, unit, goal or titled, projection
                )
    return out


PARENTHESES = re.compile(r"\([^()]*\)")


def _column_year(path: tuple[str, ...]) -> tuple[str, bool, bool] | None:
    """The year a column's header gives (deepest level naming one year), whether the column
    reports an estimate or result rather than a plan, and whether a level of its header plans
    ("Kế hoạch 2027", "Mục tiêu năm 2030", "Năm 2028" over "Kế hoạch")."""
    for header in reversed(path):
        bare = PARENTHESES.sub(" ", header).strip()
        found = rules.TABLE_YEAR_HEADER.search(bare)
        if found and len(YEAR.findall(bare)) == 1:
            goal = any(rules.TABLE_GOAL_HEADER.match(h) for h in path)
            actual = any(rules.TABLE_ACTUAL_HEADER.search(h) for h in path)
            planned = bool(rules.TABLE_GOAL_HEADER.match(path[-1]))
            return found.group("year"), actual and not planned, goal
    return None


def _table_titled_goal(table: Table) -> bool:
    """True when the lines just above the table title it as goals ("CHỈ TIÊU ...")."""
    return any(p.search(table.caption_text()) for p in rules.HEADING_GOAL_CUES.values())


def _planning_input(label: str, unit: str | None) -> bool:
    """A row counting the people a budget serves or its facilities ("Dân số | Triệu người",
    "Số giường bệnh | Giường"), not a result ("Số lao động được giải quyết việc làm | Người")."""
    if not unit or not rules.PLANNING_INPUT_UNITS.match(" ".join(unit.lower().split())):
        return False
    return not rules.RESULT_ROW_WORDS.search(label)


def _group_row(row: Row) -> bool:
    """A row that only names a group of the rows below it ("1 | Cà phê | | |")."""
    return not any(c.numeric for c in row.cells[1:]) and bool(row.cells and row.cells[0].text)


def _sub_row(row: Row) -> bool:
    """A row marked as an item of the group above it ("- | Diện tích | Ha | ...")."""
    return bool(row.cells) and row.cells[0].text in ("-", "+", "–", "•")


def _column_measure(path: tuple[str, ...]) -> str:
    """What a sub-column measures ("Lượng", "Giá trị tham gia xuất khẩu"), units and years
    dropped; empty for a column headed only by its year."""
    if len(path) < 2:
        return ""
    sub = re.sub(r"\([^()]*\)", " ", path[-1])
    if YEAR.search(sub) or rules.TABLE_GOAL_HEADER.match(sub):
        return ""  # a year, or "Kế hoạch" under a year: when, not what
    if rules.TABLE_ACTUAL_HEADER.search(sub):
        return ""
    return " ".join(sub.split())


def _row_unit(table: Table, row: Row, before: int) -> str | None:
    """The row's unit cell (in a column headed "ĐVT"/"Đơn vị tính") left of column ``before``."""
    for cell in row.cells:
        if cell.column >= before:
            break
        path = table.header_path(cell.column)
        if cell.text and path and rules.TABLE_UNIT_HEADER.match(path[-1]):
            return cell.text
    return None
