"""Scoring extraction against hand-made gold annotations (`chitieu eval`).

The gold format and the scoring rules are those of ``docs/gold-format.md``: one gold file per
document, items pinned by an anchor string and ``nth`` on the NFC text, optional items that
neither count nor cost, and ``annotated`` lists for partially annotated documents. Scoring is pure
(:func:`score`); :func:`evaluate` adds the glue that ingests the gold documents into a throwaway
store and reads the predictions back as export rows, so the numbers describe exactly what a user
of ``chitieu export`` would get.

Decisions the gold format leaves open, taken here:

- A prediction is *excused* (neither hit nor false alarm) when it is left unmatched and overlaps
  an optional gold item of its kind, whatever its value; a prediction that can match a required
  item always does. Precision's denominator leaves excused predictions out.
- A required gold item whose anchor cannot be placed counts as a miss and is listed as a gold
  problem; an unplaced optional item is only listed.
- Matching maximises the number of matched pairs per document and kind (augmenting paths), so a
  greedy choice can never cost a match; among candidates the larger overlap is tried first.
- Target deadlines are compared as trimmed strings: "2030" and "2030-12-31" differ, because the
  deadline is written as the text gives it and a day the text never states is a different claim.
- A prediction with a number overlapping a gold legal_ref whose number is null matches: for such
  items the rule is overlap alone.
- Undefined ratios (no predictions, or no gold) are ``None``, shown as "-"; F1 is 0 when
  either side is 0 or undefined beside a 0, and None only when there is neither gold nor
  prediction.
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from pipeline.errors import ChitieuError

GOLD_SUFFIX = ".gold.json"
# Gold list name → the `type` of the matching export rows.
KIND_ROW_TYPES: dict[str, str] = {
    "figures": "figure",
    "dates": "date",
    "legal_refs": "legal_ref",
    "targets": "target",
}
ROW_TYPE_KINDS: dict[str, str] = {row_type: kind for kind, row_type in KIND_ROW_TYPES.items()}
KINDS: tuple[str, ...] = tuple(KIND_ROW_TYPES)
# Fields compared on matched pairs only (secondary agreement), per kind.
SECONDARY_FIELDS: dict[str, tuple[str, ...]] = {
    "figures": ("unit", "qualifier"),
    "dates": (),
    "legal_refs": ("doc_type", "date"),
    "targets": ("unit", "qualifier", "metric"),
}
# Two numbers are equal when they differ by at most this fraction of the larger one.
VALUE_REL_TOL = 1e-9
# Metrics agree when the Dice coefficient of their syllable sets reaches this (word order and
# case ignored): "hợp tác xã thành lập mới" ~ "số hợp tác xã được thành lập mới" but not
# ~ "hợp tác xã".
METRIC_MIN_DICE = 0.8
# Fields of a gold item that are not compared as attributes.
_ITEM_KEYS = ("anchor", "nth", "value", "optional")


# ---------------------------------------------------------------------------------------------
# Gold files


@dataclass(frozen=True)
class GoldItem:
    """One hand-annotated item: its kind (gold list name), anchor, and expected fields.

    ``attrs`` holds every other field of the item as written (unit, qualifier, doc_type, number,
    date, deadline, metric...).
    """

    kind: str
    anchor: str
    nth: int
    value: Any = None
    optional: bool = False
    attrs: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def get(self, name: str) -> Any:
        return self.attrs.get(name)


@dataclass(frozen=True)
class GoldDocument:
    """The gold file of one document."""

    source: str
    document: str
    published: str | None
    items: tuple[GoldItem, ...]
    annotated: tuple[str, ...] | None = None

    @property
    def scored_kinds(self) -> tuple[str, ...]:
        """The kinds this document is scored on: all, or those listed in ``annotated``."""
        if self.annotated is None:
            return KINDS
        return tuple(kind for kind in KINDS if kind in self.annotated)


def load_gold(gold_dir: str | Path) -> list[GoldDocument]:
    """Every ``*.gold.json`` file of ``gold_dir``, parsed and checked, in file-name order."""
    folder = Path(gold_dir)
    if not folder.exists():
        raise ChitieuError(f"gold folder not found: {folder}")
    if not folder.is_dir():
        raise ChitieuError(f"not a folder: {folder}")
    files = sorted(folder.glob("*" + GOLD_SUFFIX))
    if not files:
        raise ChitieuError(f"no gold files (*{GOLD_SUFFIX}) in {folder}")
    return [_load_gold_file(path) for path in files]


def _load_gold_file(path: Path) -> GoldDocument:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ChitieuError(f"gold file {path.name}: not UTF-8 ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise ChitieuError(
            f"gold file {path.name}: bad JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from exc
    except OSError as exc:
        raise ChitieuError(f"gold file {path.name}: cannot read ({exc.strerror})") from exc
    return parse_gold(data, source=str(path))


def parse_gold(data: Any, source: str = "<gold>") -> GoldDocument:
    """One gold document from its parsed JSON, with a ChitieuError naming what is wrong."""
    name = Path(source).name

    def fail(reason: str) -> ChitieuError:
        return ChitieuError(f"gold file {name}: {reason}")

    if not isinstance(data, dict):
        raise fail("top level is not an object")
    document = data.get("document")
    if not isinstance(document, str) or not document:
        if name.endswith(GOLD_SUFFIX):
            document = name[: -len(GOLD_SUFFIX)]
        else:
            raise fail('"document" is missing')
    published = data.get("published")
    if published is not None and not isinstance(published, str):
        raise fail('"published" is not a string or null')
    annotated = data.get("annotated")
    if annotated is not None:
        if not isinstance(annotated, list) or any(kind not in KINDS for kind in annotated):
            raise fail(f'"annotated" must list kinds among {", ".join(KINDS)}')
        annotated = tuple(annotated)
    items: list[GoldItem] = []
    for kind in KINDS:
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            raise fail(f'"{kind}" is not a list')
        for index, entry in enumerate(entries):
            where = f"{kind}[{index}]"
            if not isinstance(entry, dict):
                raise fail(f"{where} is not an object")
            anchor = entry.get("anchor")
            if not isinstance(anchor, str) or not anchor:
                raise fail(f'{where}: "anchor" is missing or empty')
            nth = entry.get("nth", 0)
            if not isinstance(nth, int) or isinstance(nth, bool) or nth < 0:
                raise fail(f'{where}: "nth" must be a whole number ≥ 0')
            if kind != "legal_refs" and "value" not in entry:
                raise fail(f'{where}: "value" is missing')
            items.append(
                GoldItem(
                    kind=kind,
                    anchor=unicodedata.normalize("NFC", anchor),
                    nth=nth,
                    value=entry.get("value"),
                    optional=bool(entry.get("optional", False)),
                    attrs={k: v for k, v in entry.items() if k not in _ITEM_KEYS},
                )
            )
    return GoldDocument(
        source=source,
        document=document,
        published=published,
        items=tuple(items),
        annotated=annotated,
    )


# ---------------------------------------------------------------------------------------------
# Anchors


@dataclass(frozen=True)
class GoldSpan:
    """A gold item placed in the document's canonical text."""

    item: GoldItem
    start: int
    end: int


@dataclass(frozen=True)
class AnchorProblem:
    """A gold item that could not be placed: a problem of the gold file, reported, not fatal."""

    document: str
    kind: str
    anchor: str
    nth: int
    occurrences: int

    def describe(self) -> str:
        if self.occurrences < 0:
            return (
                f"{self.document}: document not in the store; {self.kind} {self.anchor!r} unplaced"
            )
        return (
            f"{self.document}: {self.kind} anchor {self.anchor!r} nth={self.nth} "
            f"not found (the text has {self.occurrences} occurrence(s))"
        )


@dataclass(frozen=True)
class Resolution:
    """The placed gold items of one document, and those that could not be placed."""

    spans: tuple[GoldSpan, ...]
    problems: tuple[AnchorProblem, ...]


def resolve_anchors(gold_doc: GoldDocument, text: str) -> Resolution:
    """Each gold item's span: the ``nth`` occurrence (0 = first) of its anchor in ``text``.

    Every start position counts as an occurrence, so overlapping occurrences are counted too.
    """
    spans: list[GoldSpan] = []
    problems: list[AnchorProblem] = []
    for item in gold_doc.items:
        start = _nth_occurrence(text, item.anchor, item.nth)
        if start is None:
            problems.append(
                AnchorProblem(
                    gold_doc.document,
                    item.kind,
                    item.anchor,
                    item.nth,
                    _count_occurrences(text, item.anchor),
                )
            )
        else:
            spans.append(GoldSpan(item, start, start + len(item.anchor)))
    return Resolution(tuple(spans), tuple(problems))


def _nth_occurrence(text: str, anchor: str, nth: int) -> int | None:
    position = -1
    for _ in range(nth + 1):
        position = text.find(anchor, position + 1)
        if position < 0:
            return None
    return position


def _count_occurrences(text: str, anchor: str) -> int:
    count, position = 0, text.find(anchor)
    while position >= 0:
        count += 1
        position = text.find(anchor, position + 1)
    return count


# ---------------------------------------------------------------------------------------------
# Predictions and value rules


@dataclass(frozen=True)
class Prediction:
    """One export row of a scored kind, with the fields scoring reads pulled out."""

    kind: str
    document: str
    start: int
    end: int
    text: str
    value: Any
    row: Mapping[str, Any] = field(compare=False)

    @property
    def rule(self) -> str | None:
        return self.row.get("rule")


def prediction_from_row(row: Mapping[str, Any]) -> Prediction | None:
    """The prediction an export row holds, or None for rows of other types (documents...)."""
    kind = ROW_TYPE_KINDS.get(str(row.get("type")))
    if kind is None:
        return None
    value = row.get("value")
    if row.get("value_max") is not None and not isinstance(value, dict):
        value = {"min": value, "max": row["value_max"]}
    return Prediction(
        kind=kind,
        document=str(row.get("document", "")),
        start=int(row["start"]),
        end=int(row["end"]),
        text=str(row.get("text", "")),
        value=value,
        row=row,
    )


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two half-open character spans share at least one character."""
    return a_start < b_end and b_start < a_end


def _as_range(value: Any) -> tuple[float, float] | None:
    if isinstance(value, dict):
        low, high = _as_number(value.get("min")), _as_number(value.get("max"))
        return None if low is None or high is None else (low, high)
    number = _as_number(value)
    return None if number is None else (number, number)


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def numbers_equal(gold: Any, predicted: Any) -> bool:
    """Numeric equality within VALUE_REL_TOL; a range {"min","max"} equals only a range."""
    if isinstance(gold, dict) != isinstance(predicted, dict):
        return False
    gold_range, predicted_range = _as_range(gold), _as_range(predicted)
    if gold_range is None or predicted_range is None:
        return False
    return all(
        math.isclose(g, p, rel_tol=VALUE_REL_TOL, abs_tol=0.0)
        for g, p in zip(gold_range, predicted_range, strict=True)
    )


def _accepted(gold: Any) -> list[Any]:
    return list(gold) if isinstance(gold, list) else [gold]


def _clean_string(value: Any) -> str | None:
    if value is None:
        return None
    return unicodedata.normalize("NFC", str(value)).strip()


def strings_accepted(gold: Any, predicted: Any) -> bool:
    """Whether ``predicted`` equals the gold string or one of the listed ones (trimmed)."""
    return _clean_string(predicted) in [_clean_string(value) for value in _accepted(gold)]


def _document_number(value: Any) -> str:
    return "".join(unicodedata.normalize("NFC", str(value)).split()).casefold()


def _value_matches(gold: GoldItem, prediction: Prediction) -> bool:
    """The per-kind value rule of the gold format (spans are checked by the caller)."""
    if gold.kind == "figures":
        return numbers_equal(gold.value, prediction.value)
    if gold.kind == "dates":
        return strings_accepted(gold.value, prediction.value)
    if gold.kind == "legal_refs":
        number = gold.get("number")
        if number is None:
            return True
        predicted = prediction.row.get("number")
        return predicted is not None and _document_number(number) == _document_number(predicted)
    if gold.kind == "targets":
        return numbers_equal(gold.value, prediction.value) and strings_accepted(
            gold.get("deadline"), prediction.row.get("deadline")
        )
    return False


def _fold_words(value: Any) -> str | None:
    if value is None:
        return None
    return " ".join(unicodedata.normalize("NFC", str(value)).casefold().split())


def metrics_agree(gold: Any, predicted: Any) -> bool:
    """Dice coefficient of the two metrics' syllable sets ≥ METRIC_MIN_DICE (order ignored)."""
    gold_words = set((_fold_words(gold) or "").split())
    predicted_words = set((_fold_words(predicted) or "").split())
    if not gold_words or not predicted_words:
        return gold_words == predicted_words
    dice = 2 * len(gold_words & predicted_words) / (len(gold_words) + len(predicted_words))
    return dice >= METRIC_MIN_DICE


def field_agrees(name: str, gold: Any, predicted: Any) -> bool:
    """Secondary agreement of one field of a matched pair."""
    if name == "metric":
        return metrics_agree(gold, predicted)
    if name == "date":
        return (gold is None and predicted is None) or (
            gold is not None and strings_accepted(gold, predicted)
        )
    return _fold_words(gold) == _fold_words(predicted)


# ---------------------------------------------------------------------------------------------
# Report


@dataclass(frozen=True)
class Agreement:
    """How many matched pairs agree on one secondary field."""

    kind: str
    name: str
    agreed: int
    compared: int

    @property
    def rate(self) -> float | None:
        return self.agreed / self.compared if self.compared else None


@dataclass(frozen=True)
class KindScore:
    """Counts and ratios for one kind. ``excused``: unmatched predictions on optional items."""

    kind: str
    gold: int
    predicted: int
    matched: int
    excused: int = 0

    @property
    def precision(self) -> float | None:
        return self.matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of P and R; 0 when either is 0 or undefined beside a 0 (nothing
        predicted against gold, or predictions where gold has none); None with neither."""
        precision, recall = self.precision, self.recall
        if precision is None and recall is None:
            return None
        if not precision or not recall:
            return 0.0
        return 2 * precision * recall / (precision + recall)


@dataclass(frozen=True)
class Miss:
    """A required gold item no prediction matched, and what overlapped it instead."""

    document: str
    kind: str
    anchor: str
    nth: int
    expected: Any
    overlapping: tuple[Prediction, ...] = ()


@dataclass(frozen=True)
class Disagreement:
    """A matched pair whose secondary field differs."""

    document: str
    kind: str
    name: str
    text: str
    gold: Any
    predicted: Any


@dataclass(frozen=True)
class PublishedCheck:
    """Gold ``published`` against the document's stored one."""

    document: str
    gold: str | None
    stored: str | None

    @property
    def agrees(self) -> bool:
        return self.gold == _date_part(self.stored)


@dataclass(frozen=True)
class EvalReport:
    """Everything `chitieu eval` reports."""

    documents: tuple[str, ...]
    kinds: tuple[KindScore, ...]
    agreements: tuple[Agreement, ...]
    published: tuple[PublishedCheck, ...] = ()
    misses: tuple[Miss, ...] = ()
    false_alarms: tuple[Prediction, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    problems: tuple[AnchorProblem, ...] = ()
    ignored_predictions: int = 0
    ingest_errors: tuple[str, ...] = ()

    @property
    def total(self) -> KindScore:
        """All kinds pooled (micro average)."""
        return KindScore(
            "all",
            sum(k.gold for k in self.kinds),
            sum(k.predicted for k in self.kinds),
            sum(k.matched for k in self.kinds),
            sum(k.excused for k in self.kinds),
        )

    def kind(self, name: str) -> KindScore:
        return next(k for k in self.kinds if k.kind == name)

    def to_json(self) -> dict[str, Any]:
        """Machine-readable numbers (misses and false alarms included as short records)."""

        def scores(k: KindScore) -> dict[str, Any]:
            return {
                "gold": k.gold,
                "predicted": k.predicted,
                "matched": k.matched,
                "excused": k.excused,
                "precision": k.precision,
                "recall": k.recall,
                "f1": k.f1,
            }

        return {
            "documents": list(self.documents),
            "kinds": {k.kind: scores(k) for k in self.kinds},
            "all": scores(self.total),
            "secondary": {
                f"{a.kind}.{a.name}": {"agreed": a.agreed, "compared": a.compared, "rate": a.rate}
                for a in self.agreements
            },
            "published": {
                "agreed": sum(check.agrees for check in self.published),
                "compared": len(self.published),
                "documents": [
                    {"document": c.document, "gold": c.gold, "stored": c.stored, "agrees": c.agrees}
                    for c in self.published
                ],
            },
            "misses": [
                {
                    "document": m.document,
                    "kind": m.kind,
                    "anchor": m.anchor,
                    "nth": m.nth,
                    "expected": m.expected,
                    "overlapping": [{"text": p.text, "value": p.value} for p in m.overlapping],
                }
                for m in self.misses
            ],
            "false_alarms": [
                {
                    "document": p.document,
                    "kind": p.kind,
                    "start": p.start,
                    "end": p.end,
                    "text": p.text,
                    "value": p.value,
                    "rule": p.rule,
                }
                for p in self.false_alarms
            ],
            "anchor_problems": [p.describe() for p in self.problems],
            "ignored_predictions": self.ignored_predictions,
            "ingest_errors": list(self.ingest_errors),
        }


def _date_part(value: str | None) -> str | None:
    """A stored timestamp's date ("2020-06-26T08:00" → "2020-06-26"); other values unchanged."""
    if value is None:
        return None
    return value.strip().split("T")[0].split(" ")[0]


# ---------------------------------------------------------------------------------------------
# Scoring


def score(
    gold_docs: Sequence[GoldDocument],
    predictions: Iterable[Mapping[str, Any]],
    texts: Mapping[str, str] | None = None,
    published: Mapping[str, str | None] | None = None,
) -> EvalReport:
    """Score ``chitieu export --format jsonl`` rows against gold documents.

    Anchors are placed on each document's canonical text, taken from the export's
    ``"type": "document"`` rows (their ``text`` and ``published``) unless ``texts`` /
    ``published`` map gold ``document`` names to them. A row belongs to a gold document when
    its ``document`` path is the gold name or ends with "/" + that name. Rows of documents
    without gold, and of kinds a partially annotated document does not list, are ignored; a
    gold document with no text counts its required items as missed.
    """
    rows = _group_rows(gold_docs, predictions)
    texts = rows.texts if texts is None else texts
    if published is None and rows.published:
        published = rows.published
    tally = _Tally()
    for doc in gold_docs:
        text = texts.get(doc.document)
        if text is None:
            tally.add_absent_document(doc)
            continue
        resolution = resolve_anchors(doc, text)
        for kind in doc.scored_kinds:
            kind_gold = [s for s in resolution.spans if s.item.kind == kind]
            kind_predictions = [p for p in rows.predictions[doc.document] if p.kind == kind]
            tally.add_kind(
                _score_kind(doc.document, kind, kind_gold, kind_predictions),
                [p for p in resolution.problems if p.kind == kind],
                doc,
            )
    published_checks = (
        ()
        if published is None
        else tuple(
            PublishedCheck(doc.document, doc.published, published.get(doc.document))
            for doc in gold_docs
            if doc.document in texts
        )
    )
    return EvalReport(
        documents=tuple(doc.document for doc in gold_docs),
        kinds=tuple(KindScore(kind, *tally.counts[kind]) for kind in KINDS),
        agreements=tuple(
            Agreement(kind, name, agreed, compared)
            for (kind, name), (agreed, compared) in tally.agreed.items()
        ),
        published=published_checks,
        misses=tuple(tally.misses),
        false_alarms=tuple(tally.false_alarms),
        disagreements=tuple(tally.disagreements),
        problems=tuple(tally.problems),
        ignored_predictions=rows.ignored,
    )


@dataclass
class _Rows:
    """Export rows sorted out per gold document."""

    predictions: defaultdict[str, list[Prediction]] = field(
        default_factory=lambda: defaultdict(list)
    )
    texts: dict[str, str] = field(default_factory=dict)
    published: dict[str, str | None] = field(default_factory=dict)
    ignored: int = 0


def _group_rows(gold_docs: Sequence[GoldDocument], rows: Iterable[Mapping[str, Any]]) -> _Rows:
    gold_name_for = _name_resolver(doc.document for doc in gold_docs)
    grouped = _Rows()
    for row in rows:
        if row.get("type") == "document":
            name = gold_name_for(str(row.get("document", "")))
            if name is not None and isinstance(row.get("text"), str):
                grouped.texts[name] = row["text"]
                grouped.published[name] = row.get("published")
            continue
        prediction = prediction_from_row(row)
        if prediction is None:
            continue
        name = gold_name_for(prediction.document)
        if name is None:
            grouped.ignored += 1
        else:
            grouped.predictions[name].append(prediction)
    return grouped


@dataclass
class _Tally:
    """Running totals while documents are scored one kind at a time."""

    counts: dict[str, list[int]] = field(
        default_factory=lambda: {kind: [0, 0, 0, 0] for kind in KINDS}
    )  # gold, predicted, matched, excused
    agreed: dict[tuple[str, str], list[int]] = field(
        default_factory=lambda: {
            (kind, name): [0, 0] for kind in KINDS for name in SECONDARY_FIELDS[kind]
        }
    )  # agreed, compared
    misses: list[Miss] = field(default_factory=list)
    false_alarms: list[Prediction] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    problems: list[AnchorProblem] = field(default_factory=list)

    def add_absent_document(self, doc: GoldDocument) -> None:
        """A gold document the store does not hold: every required item is missed."""
        for item in doc.items:
            if item.kind not in doc.scored_kinds:
                continue
            self.problems.append(AnchorProblem(doc.document, item.kind, item.anchor, item.nth, -1))
            if not item.optional:
                self.counts[item.kind][0] += 1
                self.misses.append(
                    Miss(doc.document, item.kind, item.anchor, item.nth, _shown(item))
                )

    def add_kind(
        self, result: _KindResult, problems: Sequence[AnchorProblem], doc: GoldDocument
    ) -> None:
        """One document's result for one kind; required items left unplaced count as missed."""
        unplaced = [p for p in problems if not _is_optional(doc, p)]
        self.problems.extend(problems)
        counts = self.counts[result.kind]
        counts[0] += result.gold + len(unplaced)
        counts[1] += result.predicted
        counts[2] += result.matched
        counts[3] += result.excused
        self.misses.extend(result.misses)
        self.misses.extend(
            Miss(p.document, p.kind, p.anchor, p.nth, "(anchor not found)") for p in unplaced
        )
        self.false_alarms.extend(result.false_alarms)
        for gold_span, prediction in result.pairs:
            self._compare_fields(doc.document, gold_span.item, prediction)

    def _compare_fields(self, document: str, item: GoldItem, prediction: Prediction) -> None:
        for name in SECONDARY_FIELDS[item.kind]:
            if name not in item.attrs:
                continue
            tally = self.agreed[(item.kind, name)]
            tally[1] += 1
            gold_value, predicted_value = item.get(name), prediction.row.get(name)
            if field_agrees(name, gold_value, predicted_value):
                tally[0] += 1
            else:
                self.disagreements.append(
                    Disagreement(
                        document,
                        item.kind,
                        name,
                        prediction.text,
                        gold_value,
                        predicted_value,
                    )
                )


def _is_optional(doc: GoldDocument, problem: AnchorProblem) -> bool:
    return any(
        item.optional
        for item in doc.items
        if (item.kind, item.anchor, item.nth) == (problem.kind, problem.anchor, problem.nth)
    )


def _shown(item: GoldItem) -> Any:
    """What a miss shows as the expected value: the value, or a legal_ref's number."""
    if item.kind == "legal_refs":
        return item.get("number") or item.get("name") or item.anchor
    return item.value


def _name_resolver(names: Iterable[str]) -> Callable[[str], str | None]:
    """A lookup from an exported document path to the gold document name it ends with."""
    by_basename: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_basename[PurePosixPath(name).name].append(name)
    for candidates in by_basename.values():
        candidates.sort(key=len, reverse=True)  # "a/b.txt" before "b.txt"

    def resolve(path: str) -> str | None:
        posix = path.replace("\\", "/")
        for name in by_basename.get(PurePosixPath(posix).name, ()):
            if posix == name or posix.endswith("/" + name):
                return name
        return None

    return resolve


@dataclass(frozen=True)
class _KindResult:
    kind: str
    gold: int
    predicted: int
    matched: int
    excused: int
    pairs: tuple[tuple[GoldSpan, Prediction], ...]
    misses: tuple[Miss, ...]
    false_alarms: tuple[Prediction, ...]


def _score_kind(
    document: str, kind: str, gold: list[GoldSpan], predictions: list[Prediction]
) -> _KindResult:
    """Maximum matching of required gold items to predictions, then optional-item excuses."""
    required = [g for g in gold if not g.item.optional]
    optional = [g for g in gold if g.item.optional]
    candidates: list[list[int]] = []
    for g in required:
        fitting = [
            (_overlap_size(g, p), j)
            for j, p in enumerate(predictions)
            if overlaps(g.start, g.end, p.start, p.end) and _value_matches(g.item, p)
        ]
        candidates.append([j for _, j in sorted(fitting, key=lambda pair: (-pair[0], pair[1]))])
    matching = maximum_matching(candidates, len(predictions))
    matched_predictions = set(matching.values())
    pairs = tuple((required[i], predictions[j]) for i, j in sorted(matching.items()))
    misses = tuple(
        Miss(
            document,
            kind,
            g.item.anchor,
            g.item.nth,
            _shown(g.item),
            tuple(p for p in predictions if overlaps(g.start, g.end, p.start, p.end)),
        )
        for i, g in enumerate(required)
        if i not in matching
    )
    excused = 0
    false_alarms: list[Prediction] = []
    for j, p in enumerate(predictions):
        if j in matched_predictions:
            continue
        if any(overlaps(g.start, g.end, p.start, p.end) for g in optional):
            excused += 1
        else:
            false_alarms.append(p)
    return _KindResult(
        kind=kind,
        gold=len(required),
        predicted=len(predictions) - excused,
        matched=len(matching),
        excused=excused,
        pairs=pairs,
        misses=misses,
        false_alarms=tuple(false_alarms),
    )


def _overlap_size(gold: GoldSpan, prediction: Prediction) -> int:
    return min(gold.end, prediction.end) - max(gold.start, prediction.start)


def maximum_matching(candidates: Sequence[Sequence[int]], right_count: int) -> dict[int, int]:
    """A maximum bipartite matching: left index → right index (Kuhn's augmenting paths).

    ``candidates[i]`` lists the right nodes left node ``i`` may take, preferred first.
    """
    owner: list[int | None] = [None] * right_count

    def augment(left: int, seen: set[int]) -> bool:
        for right in candidates[left]:
            if right in seen:
                continue
            seen.add(right)
            holder = owner[right]
            if holder is None or augment(holder, seen):
                owner[right] = left
                return True
        return False

    for left in range(len(candidates)):
        augment(left, set())
    return {left: right for right, left in enumerate(owner) if left is not None}


# ---------------------------------------------------------------------------------------------
# Glue: ingest the gold documents into a throwaway store, score its export


def evaluate(
    gold_dir: str | Path, corpus_dir: str | Path | None = None, verbose: bool = False
) -> EvalReport:
    """Ingest the documents that have gold into a temporary store and score its export.

    The documents are looked up in ``corpus_dir`` (default: ``gold_dir`` itself) and linked
    (or copied) into a temporary folder, so only gold documents are processed and neither the
    corpus nor any user database is touched. ``verbose`` is accepted for symmetry with the CLI:
    the report always carries misses and false alarms; :func:`format_report` decides what to
    show.
    """
    from pipeline.ingest import ingest  # heavy (NLP models): imported only when evaluating
    from pipeline.store import iter_export_rows, open_db

    gold_docs = load_gold(gold_dir)
    corpus = Path(corpus_dir) if corpus_dir is not None else Path(gold_dir)
    if not corpus.is_dir():
        raise ChitieuError(f"corpus folder not found: {corpus}")
    sources = locate_documents(gold_docs, corpus)
    with tempfile.TemporaryDirectory(prefix="chitieu-eval-") as workdir:
        work_corpus = Path(workdir) / "corpus"
        for name, source in sources.items():
            _link_or_copy(source, work_corpus / name)
        db_path = Path(workdir) / "eval.db"
        summary = ingest(work_corpus, db_path)
        db = open_db(db_path, create=False)
        try:
            report = score(gold_docs, list(iter_export_rows(db)))
        finally:
            db.close()
    failures = tuple(f"{e.path}: {e.stage}: {e.reason}" for e in summary.error_details)
    return replace(report, ingest_errors=failures)


def locate_documents(gold_docs: Sequence[GoldDocument], corpus: Path) -> dict[str, Path]:
    """Gold ``document`` name → the file in ``corpus`` (at that relative path, else the only
    file of that name below it); a ChitieuError when any is missing."""
    found: dict[str, Path] = {}
    missing: list[str] = []
    for doc in gold_docs:
        direct = corpus / doc.document
        if direct.is_file():
            found[doc.document] = direct
            continue
        below = sorted(p for p in corpus.rglob(PurePosixPath(doc.document).name) if p.is_file())
        if len(below) == 1:
            found[doc.document] = below[0]
        else:
            missing.append(doc.document)
    if missing:
        raise ChitieuError(
            f"documents for {len(missing)} gold file(s) not found in {corpus}"
            f" (first: {missing[0]}); pass --corpus"
        )
    return found


def _link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        target.symlink_to(source.resolve())
    except OSError:
        shutil.copy2(source, target)


# ---------------------------------------------------------------------------------------------
# Text report


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _short(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def format_report(report: EvalReport, verbose: bool = False) -> str:
    """A fixed-width table per kind, secondary agreements, the published line and, with
    ``verbose``, every miss, false alarm and secondary disagreement."""
    lines = [f"{len(report.documents)} gold document(s)", ""]
    lines.append(f"{'kind':<12}{'gold':>6}{'pred':>6}{'matched':>9}{'P':>8}{'R':>8}{'F1':>8}")
    for k in (*report.kinds, report.total):
        lines.append(
            f"{k.kind:<12}{k.gold:>6}{k.predicted:>6}{k.matched:>9}"
            f"{_ratio(k.precision):>8}{_ratio(k.recall):>8}{_ratio(k.f1):>8}"
        )
    excused = report.total.excused
    if excused:
        lines.append(
            f"({excused} prediction(s) on optional gold items neither counted nor penalised)"
        )
    lines += ["", "secondary agreement (matched pairs)"]
    for a in report.agreements:
        label = f"{a.kind}.{a.name}"
        lines.append(f"  {label:<22}{a.agreed:>5}/{a.compared:<5}{_ratio(a.rate):>8}")
    if report.published:
        agreed = sum(check.agrees for check in report.published)
        total = len(report.published)
        lines.append(f"published: {agreed}/{total} document(s) agree")
    if report.ignored_predictions:
        lines.append(
            f"{report.ignored_predictions} prediction(s) in documents without gold ignored"
        )
    if report.ingest_errors:
        lines += ["", f"documents that could not be ingested ({len(report.ingest_errors)})"]
        lines += [f"  {failure}" for failure in report.ingest_errors]
    if report.problems:
        lines += ["", f"gold problems ({len(report.problems)})"]
        lines += [f"  {p.describe()}" for p in report.problems]
    if verbose:
        lines += _verbose_lines(report)
    return "\n".join(lines) + "\n"


def _verbose_lines(report: EvalReport) -> list[str]:
    lines = ["", f"misses ({len(report.misses)})"]
    for m in report.misses:
        seen = "; ".join(f"{p.text!r}={_short(p.value)}" for p in m.overlapping) or "nothing"
        lines.append(
            f"  {m.document} {m.kind} {m.anchor!r}#{m.nth} expected {_short(m.expected)}"
            f" — overlapped: {seen}"
        )
    lines += ["", f"false alarms ({len(report.false_alarms)})"]
    for p in report.false_alarms:
        lines.append(
            f"  {p.document} {p.kind} [{p.start}:{p.end}] {p.text!r} = {_short(p.value)}"
            f" (rule {p.rule or '?'})"
        )
    lines += ["", f"secondary disagreements ({len(report.disagreements)})"]
    for d in report.disagreements:
        lines.append(
            f"  {d.document} {d.kind}.{d.name} {d.text!r}: gold {_short(d.gold)}"
            f" predicted {_short(d.predicted)}"
        )
    wrong_dates = [check for check in report.published if not check.agrees]
    lines += ["", f"published disagreements ({len(wrong_dates)})"]
    for check in wrong_dates:
        lines.append(f"  {check.document}: gold {check.gold} stored {check.stored}")
    return lines
