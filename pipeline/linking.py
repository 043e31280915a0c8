"""Targets and actuals across documents: the same goal stated twice, conflicting values, progress.

Pure functions over rows (dicts as the store keeps them), so the store, the CLI and tests share
them. Metrics are compared after folding case, diacritics and abbreviations, by the overlap of
their syllables, never as exact text: "tỷ lệ HTX hoạt động khá, giỏi" and "tỷ lệ hợp tác xã hoạt
động có hiệu quả thuộc loại khá, giỏi" are one metric. Conflicts are reported conservatively: a
false conflict costs a reader more than a missed one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from extractors.abbreviations import expand
from pipeline.folding import fold

# Syllables that carry no meaning of their own in a metric.
STOP_SYLLABLES = frozenset({"cac", "nhung", "so", "cua", "va", "duoc", "voi", "tai", "o", "trong"})
# Overlap (share of the shorter metric's syllables) for one target stated twice.
SAME_METRIC = 0.75
# Jaccard similarity for two values of one metric to count as a conflict.
CONFLICT_METRIC = 0.8
# Units too generic to compare actuals by unit alone.
GENERIC_UNITS = frozenset({None, "", "%", "đồng", "người", "lần", "năm"})
# Context that says an actual is a stock ("toàn tỉnh có 220 HTX"), not a flow or a change.
STOCK_CONTEXT = re.compile(
    r"\b(?:toan (?:tinh|thanh pho|quoc|huyen)|ca nuoc|hien) co\b|\btong so\b"
)
TOKEN = re.compile(r"[^\W_]+")


def metric_tokens(metric: str | None) -> frozenset[str]:
    """A metric's meaningful syllables, folded ("Tỷ lệ HTX" → {"ty", "le", "hop", "tac", "xa"})."""
    if not metric:
        return frozenset()
    return frozenset(t for t in TOKEN.findall(fold(expand(metric))) if t not in STOP_SYLLABLES)


def metric_overlap(a: str | None, b: str | None) -> float:
    """Shared syllables as a share of the shorter metric's (1.0: one contains the other)."""
    ta, tb = metric_tokens(a), metric_tokens(b)
    if not ta or not tb:
        return 1.0 if not ta and not tb else 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def metric_jaccard(a: str | None, b: str | None) -> float:
    """Shared syllables as a share of all syllables of both metrics."""
    ta, tb = metric_tokens(a), metric_tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


def _norm(text: str | None) -> str:
    return " ".join(fold(text).split()) if text else ""


@dataclass
class TargetGroup:
    """One target as stated by one or more documents."""

    key: str
    scope: str | None
    metric: str | None
    deadline: str | None
    value: float
    value_max: float | None
    unit: str | None
    comparator: str
    members: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> Any:
        """The id of the first source's target row (for ``chitieu audit T<id>``)."""
        return self.members[0].get("id")

    @property
    def documents(self) -> list[str]:
        seen: list[str] = []
        for member in self.members:
            if member.get("document") not in seen:
                seen.append(member.get("document"))
        return seen

    def sources(self) -> list[dict[str, Any]]:
        """Where each document states the target: document, offsets and text."""
        return [
            {
                "id": m.get("id"),
                "document": m.get("document"),
                "start": m.get("start"),
                "end": m.get("end"),
                "text": m.get("text"),
            }
            for m in self.members
        ]


def _bucket_key(row: Mapping[str, Any]) -> tuple[Any, ...]:
    return (
        _norm(row.get("scope")),
        row.get("deadline"),
        _norm(row.get("unit")),
        row.get("value"),
        row.get("value_max"),
    )


def group_targets(rows: Iterable[Mapping[str, Any]]) -> list[TargetGroup]:
    """Targets grouped across documents: same scope, deadline, unit and value, a like metric.

    Rows are dicts with at least ``id``, ``document``, ``value``, ``value_max``, ``unit``,
    ``comparator``, ``metric``, ``deadline``, ``scope``. Groups keep the order of their first
    member; members keep row order.
    """
    buckets: dict[tuple[Any, ...], list[TargetGroup]] = defaultdict(list)
    groups: list[TargetGroup] = []
    for row in rows:
        row = dict(row)
        candidates = buckets[_bucket_key(row)]
        group = next(
            (
                g
                for g in candidates
                if row.get("document") not in g.documents
                and metric_overlap(g.metric, row.get("metric")) >= SAME_METRIC
            ),
            None,
        )
        if group is None:
            group = TargetGroup(
                key="|".join(str(part) for part in _bucket_key(row))
                + "|"
                + " ".join(sorted(metric_tokens(row.get("metric")))),
                scope=row.get("scope"),
                metric=row.get("metric"),
                deadline=row.get("deadline"),
                value=row.get("value"),
                value_max=row.get("value_max"),
                unit=row.get("unit"),
                comparator=row.get("comparator") or "=",
                members=[],
            )
            candidates.append(group)
            groups.append(group)
        group.members.append(row)
    return groups


@dataclass(frozen=True)
class Conflict:
    """Two different values for one metric, scope and deadline (or as-of date)."""

    kind: str  # "target" | "actual"
    scope: str | None
    metric: str | None
    when: str | None
    unit: str | None
    first: dict[str, Any]
    second: dict[str, Any]

    def as_row(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "scope": self.scope,
            "metric": self.metric,
            "when": self.when,
            "unit": self.unit,
            "first_id": self.first.get("id"),
            "first_document": self.first.get("document"),
            "first_value": self.first.get("value"),
            "first_text": self.first.get("text"),
            "second_id": self.second.get("id"),
            "second_document": self.second.get("document"),
            "second_value": self.second.get("value"),
            "second_text": self.second.get("text"),
        }


def target_conflicts(groups: Sequence[TargetGroup]) -> list[Conflict]:
    """Pairs of target groups with one scope, deadline, unit and metric but different values.

    Conservative: scope and deadline must be known, the metric nearly the same (Jaccard over
    syllables), and the two groups must come from different documents.
    """
    by_key: dict[tuple[Any, ...], list[TargetGroup]] = defaultdict(list)
    for group in groups:
        if group.scope and group.deadline and metric_tokens(group.metric):
            by_key[(_norm(group.scope), group.deadline, _norm(group.unit))].append(group)
    conflicts = []
    for candidates in by_key.values():
        for i, a in enumerate(candidates):
            for b in candidates[i + 1 :]:
                if (a.value, a.value_max) == (b.value, b.value_max):
                    continue
                if set(a.documents) & set(b.documents):
                    continue
                if metric_jaccard(a.metric, b.metric) < CONFLICT_METRIC:
                    continue
                conflicts.append(
                    Conflict(
                        "target", a.scope, a.metric, a.deadline, a.unit, a.members[0], b.members[0]
                    )
                )
    return conflicts


def actual_conflicts(figures: Iterable[Mapping[str, Any]]) -> list[Conflict]:
    """Stock figures (``context`` says "toàn tỉnh có", "hiện có", "tổng số") with one scope,
    as-of date and specific unit but different values in different documents.

    Rows need ``id``, ``document``, ``value``, ``unit``, ``as_of``, ``scope`` and ``context``
    (the words before the figure in its clause); rows without them are left out.
    """
    by_key: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in figures:
        if not row.get("as_of") or not row.get("scope") or row.get("unit") in GENERIC_UNITS:
            continue
        if not STOCK_CONTEXT.search(fold(row.get("context") or "")):
            continue
        by_key[(_norm(row["scope"]), row["as_of"], _norm(row["unit"]))].append(dict(row))
    conflicts = []
    for rows in by_key.values():
        for i, a in enumerate(rows):
            for b in rows[i + 1 :]:
                if a.get("document") == b.get("document") or a.get("value") == b.get("value"):
                    continue
                conflicts.append(
                    Conflict("actual", a["scope"], a["unit"], a["as_of"], a["unit"], a, b)
                )
    return conflicts


@dataclass(frozen=True)
class Progress:
    """A target group and the latest actual reported for its metric and scope."""

    group: TargetGroup
    actual: dict[str, Any]


def progress(groups: Sequence[TargetGroup], figures: Iterable[Mapping[str, Any]]) -> list[Progress]:
    """For each target group, the latest actual (``as_of`` up to its deadline) of its metric.

    An actual belongs to a target when scope and unit agree, the unit is specific (not "%" or
    "đồng" alone) or its ``context`` shares most of the target's metric, and it is dated.
    """
    actuals = [dict(f) for f in figures if f.get("as_of") and f.get("scope")]
    out = []
    for group in groups:
        if not group.scope:
            continue
        best: dict[str, Any] | None = None
        for figure in actuals:
            if _norm(figure["scope"]) != _norm(group.scope):
                continue
            if _norm(figure.get("unit")) != _norm(group.unit):
                continue
            if group.deadline and str(figure["as_of"])[:4] > str(group.deadline)[:4]:
                continue
            context = f"{figure.get('context') or ''} {figure.get('unit') or ''}"
            needed = 0.5 if figure.get("unit") in GENERIC_UNITS else 0.0
            if needed and metric_overlap(group.metric, context) < needed:
                continue
            if best is None or str(figure["as_of"]) > str(best["as_of"]):
                best = figure
        if best is not None:
            out.append(Progress(group, best))
    return out


def figure_context(text: str, start: int, chars: int = 80) -> str:
    """The words before a figure in its clause (back to the last ";", "." or line break)."""
    window = text[max(0, start - chars) : start]
    cut = max(window.rfind(";"), window.rfind(". "), window.rfind("\n"))
    return window[cut + 1 :].strip()


def link_tables(
    targets: Sequence[Mapping[str, Any]], figures: Sequence[Mapping[str, Any]] = ()
) -> dict[str, list[dict[str, Any]]]:
    """Rows for the store's ``target_groups``, ``target_group_members`` and ``conflicts`` tables.

    ``targets`` are target rows with their document path in ``document``; ``figures`` are
    dated figure rows with ``document``, ``scope`` and ``context`` (see :func:`actual_conflicts`).
    """
    import json

    groups = group_targets(targets)
    group_rows, member_rows = [], []
    for number, group in enumerate(groups, start=1):
        group_rows.append(
            {
                "id": number,
                "key": group.key,
                "target_id": group.id,
                "scope": group.scope,
                "metric": group.metric,
                "deadline": group.deadline,
                "value": group.value,
                "value_max": group.value_max,
                "unit": group.unit,
                "comparator": group.comparator,
                "documents": len(group.documents),
                "sources": json.dumps(group.sources(), ensure_ascii=False),
            }
        )
        member_rows += [{"group_id": number, "target_id": m.get("id")} for m in group.members]
    conflicts = target_conflicts(groups) + actual_conflicts(figures)
    conflict_rows = [{"id": i, **c.as_row()} for i, c in enumerate(conflicts, start=1)]
    return {
        "target_groups": group_rows,
        "target_group_members": member_rows,
        "conflicts": conflict_rows,
    }
