"""Trace any stored item back to its source: the audit record behind ``chitieu audit``.

Items are named by typed ids (``F12`` figure, ``D12`` date, ``L12`` legal reference, ``T12``
target, ``P12`` passage), the form every command prints. An audit record holds where the item
sits (document, page, line, column, offsets), the passage around it, a check that the document's
text at the stored offsets still equals the stored surface, the normalised fields, the rule that
produced it, and what links it to other items: a target's figure and its sources in other
documents, a legal reference's cited document and who else cites it.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlite_utils

from pipeline.errors import QueryError
from pipeline.linking import group_targets, target_conflicts
from pipeline.models import plain_number
from pipeline.store import (
    citing_documents,
    get_cited_document,
    get_document,
    get_row,
    items_in_passage,
    passage_at,
    target_rows,
    targets_of_figure,
)

# Typed-id prefix → (table, item kind).
ID_PREFIXES: dict[str, tuple[str, str]] = {
    "F": ("figures", "figure"),
    "D": ("dates", "date"),
    "L": ("legal_refs", "legal_ref"),
    "T": ("targets", "target"),
    "P": ("passages", "passage"),
}
# Item table → its typed-id prefix.
TABLE_PREFIXES = {table: prefix for prefix, (table, _) in ID_PREFIXES.items()}
# The normalised fields shown for each kind, in order.
FIELDS: dict[str, tuple[str, ...]] = {
    "figure": ("value", "value_max", "unit", "unit_text", "kind", "qualifier", "as_of"),
    "date": ("value", "kind", "year_inferred"),
    "legal_ref": ("doc_type", "number", "date", "issuer", "name"),
    "target": (
        "value",
        "value_max",
        "unit",
        "comparator",
        "qualifier",
        "metric",
        "deadline",
        "scope",
    ),
    "passage": ("seq", "page"),
}
_ID_PATTERN = re.compile(r"\s*([A-Za-z]?)\s*#?(\d+)\s*")


@dataclass(frozen=True)
class ItemId:
    """A typed item id such as ``T12``."""

    prefix: str
    number: int

    @property
    def table(self) -> str:
        return ID_PREFIXES[self.prefix][0]

    @property
    def kind(self) -> str:
        return ID_PREFIXES[self.prefix][1]

    def __str__(self) -> str:
        return f"{self.prefix}{self.number}"


def typed_id(table: str, row_id: int) -> str:
    """The typed id of a row of an item table or of passages (``figures``, 12 → ``F12``)."""
    return f"{TABLE_PREFIXES[table]}{row_id}"


def parse_item_id(ref: str | int) -> ItemId:
    """``"T12"`` → ItemId('T', 12); a bare number or an unknown prefix raises QueryError."""
    match = _ID_PATTERN.fullmatch(str(ref))
    if not match:
        raise QueryError(f"not an item id: {ref!r} (use F12, D12, L12, T12 or P12)")
    prefix, number = match.group(1).upper(), int(match.group(2))
    if not prefix:
        choices = ", ".join(f"{p}{number}" for p in ID_PREFIXES)
        raise QueryError(f"ambiguous id {number}: use {choices} (figure, date, legal ref, ...)")
    if prefix not in ID_PREFIXES:
        raise QueryError(f"unknown id prefix {prefix!r} in {ref!r} (use F, D, L, T or P)")
    return ItemId(prefix, number)


@dataclass(frozen=True)
class AuditRecord:
    """Everything needed to check one item against its source text."""

    id: str
    kind: str
    document_id: int
    path: str
    document_status: str
    page: int | None
    line: int
    column: int
    start: int
    end: int
    text: str
    source_text: str
    context_start: int
    context_text: str
    passage_id: int | None
    fields: dict[str, Any]
    rule: str | None
    related: dict[str, Any] = field(default_factory=dict)

    @property
    def verified(self) -> bool:
        """Whether the document's text at the stored offsets is the stored surface."""
        return self.source_text == self.text

    def highlighted(self, open_mark: str = "[[", close_mark: str = "]]") -> str:
        """The context passage with the item wrapped in the two marks."""
        left = self.start - self.context_start
        right = self.end - self.context_start
        body = self.context_text
        return body[:left] + open_mark + body[left:right] + close_mark + body[right:]

    def as_dict(self) -> dict[str, Any]:
        """A plain dict for JSON output (with ``verified`` and the marked context)."""
        return asdict(self) | {"verified": self.verified, "marked": self.highlighted()}


def audit_item(db: sqlite_utils.Database, ref: str | int | ItemId) -> AuditRecord:
    """The audit record of a stored item; QueryError when the id is malformed or unknown."""
    item_id = ref if isinstance(ref, ItemId) else parse_item_id(ref)
    row = get_row(db, item_id.table, item_id.number)
    if row is None:
        raise QueryError(f"no {item_id.kind.replace('_', ' ')} {item_id} in the store")
    document = get_document(db, row["document_id"])
    text = document["text"]
    start, end = row["start"], row["end"]
    if item_id.kind == "passage":
        passage: dict[str, Any] | None = row
    elif row.get("passage_id") is not None:
        passage = get_row(db, "passages", row["passage_id"])
    else:
        passage = passage_at(db, row["document_id"], start)
    context_start = min(start, passage["start"]) if passage else start
    context_end = max(end, passage["end"]) if passage else end
    line, column = line_and_column(text, start)
    fields = {name: _plain(row.get(name)) for name in FIELDS[item_id.kind]}
    if item_id.kind == "date":
        fields["year_inferred"] = bool(fields["year_inferred"])
    return AuditRecord(
        id=str(item_id),
        kind=item_id.kind,
        document_id=document["id"],
        path=document["path"],
        document_status=document["status"],
        page=_page(document, row, passage),
        line=line,
        column=column,
        start=start,
        end=end,
        text=row["text"],
        source_text=text[start:end] if 0 <= start <= end <= len(text) else "",
        context_start=context_start,
        context_text=text[context_start:context_end],
        passage_id=passage["id"] if passage else None,
        fields=fields,
        rule=row.get("rule"),
        related=_related(db, item_id, row),
    )


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _page(document: dict[str, Any], row: dict[str, Any], passage: dict[str, Any] | None):
    for page, start, end in document["pages"]:
        if start <= row["start"] < end:
            return page
    return passage.get("page") if passage else None


def _plain(value: Any) -> Any:
    return plain_number(value) if isinstance(value, float) else value


def _related(db: sqlite_utils.Database, item_id: ItemId, row: dict[str, Any]) -> dict[str, Any]:
    if item_id.kind == "target":
        return _target_links(db, row)
    if item_id.kind == "legal_ref":
        return _legal_ref_links(db, row)
    if item_id.kind == "passage":
        return {"items": _passage_items(db, row)}
    if item_id.kind == "figure":
        targets = [_brief("targets", target) for target in targets_of_figure(db, row["id"])]
        return {"targets": targets} if targets else {}
    return {}


def _brief(table: str, row: dict[str, Any]) -> dict[str, Any]:
    return {"id": typed_id(table, row["id"]), "text": row["text"], "start": row["start"]}


def _passage_items(db: sqlite_utils.Database, passage: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for table in ("figures", "dates", "legal_refs", "targets"):
        found += [_brief(table, row) for row in items_in_passage(db, table, passage)]
    return sorted(found, key=lambda item: (item["start"], item["id"]))


def _legal_ref_links(db: sqlite_utils.Database, row: dict[str, Any]) -> dict[str, Any]:
    cited_id = row.get("cited_document_id")
    if cited_id is None:
        return {}
    cited = get_cited_document(db, cited_id) or {"id": cited_id}
    citing = citing_documents(db, cited_id)
    return {
        "cited_document": cited,
        "cited_by_documents": len(citing),
        "cited_by": [
            {
                "document": entry["path"],
                "mentions": entry["mentions"],
                "first": typed_id("legal_refs", entry["first_ref_id"]),
            }
            for entry in citing
        ],
    }


def _target_links(db: sqlite_utils.Database, row: dict[str, Any]) -> dict[str, Any]:
    links: dict[str, Any] = {}
    if row.get("figure_id") is not None:
        figure = get_row(db, "figures", row["figure_id"])
        if figure is not None:
            links["figure"] = _brief("figures", figure)
    groups = group_targets(target_rows(db))
    group = next((g for g in groups if any(m["id"] == row["id"] for m in g.members)), None)
    if group is None:
        return links
    links["sources"] = [_source(member) for member in group.members if member["id"] != row["id"]]
    member_ids = {member["id"] for member in group.members}
    links["conflicts"] = [
        {
            "metric": conflict.metric,
            "scope": conflict.scope,
            "deadline": conflict.when,
            "sources": [_source(conflict.first), _source(conflict.second)],
        }
        for conflict in target_conflicts(groups)
        if conflict.first.get("id") in member_ids or conflict.second.get("id") in member_ids
    ]
    return links


def _source(member: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": typed_id("targets", member["id"]),
        "document": member.get("document"),
        "text": member.get("text"),
        "value": _plain(member.get("value")),
        "unit": member.get("unit"),
        "deadline": member.get("deadline"),
    }


def format_audit(record: AuditRecord, color: bool = False) -> str:
    """The audit record as terminal text; ``color`` marks the item in bold reverse video."""
    open_mark, close_mark = ("\x1b[1;7m", "\x1b[0m") if color else ("[[", "]]")
    lines = [f"{record.id}  {record.kind.replace('_', ' ')}  {record.path}"]
    where = f"line {record.line}, column {record.column}"
    if record.page is not None:
        where = f"page {record.page}, " + where
    lines.append(f"  location  {where}")
    if record.document_status != "ok":
        lines.append(f"  document  status {record.document_status}")
    surface = repr(record.text) if len(record.text) <= 80 else f"the stored {record.kind} text"
    check = f"text[{record.start}:{record.end}] == {surface}"
    if record.verified:
        lines.append(f"  offsets   {check}  verified")
    else:
        alarm = (
            f"  MISMATCH  document text at {record.start}:{record.end} is "
            f"{record.source_text!r}, stored surface is {record.text!r}"
        )
        lines.append("\x1b[1;31m" + alarm + "\x1b[0m" if color else alarm)
    if record.rule:
        lines.append(f"  rule      {record.rule}")
    lines.append("  fields")
    width = max(len(name) for name in record.fields)
    for name, value in record.fields.items():
        lines.append(f"    {name.ljust(width)}  {_show(value)}")
    lines += _format_related(record)
    passage = f"P{record.passage_id}" if record.passage_id is not None else "no passage"
    lines.append(f"  passage   {passage}")
    marked = record.highlighted(open_mark, close_mark) if record.kind != "passage" else None
    for text_line in (marked or record.context_text).splitlines() or [""]:
        lines.append("    " + text_line)
    return "\n".join(lines)


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _format_related(record: AuditRecord) -> list[str]:
    related = record.related
    lines: list[str] = []
    if "figure" in related:
        figure = related["figure"]
        lines.append(f"  figure    {figure['id']}  {figure['text']}")
    for target in related.get("targets", ()):
        lines.append(f"  target    {target['id']}  {target['text']}")
    if "cited_document" in related:
        cited = related["cited_document"]
        label = cited.get("number") or cited.get("name") or cited.get("key") or ""
        lines.append(f"  cites     {cited.get('doc_type', '')} {label}".rstrip())
        for key in ("date", "issuer"):
            if cited.get(key):
                lines.append(f"    {key.ljust(6)}  {cited[key]}")
        count = related["cited_by_documents"]
        lines.append(f"  cited by  {count} document{'s' if count != 1 else ''}")
        for entry in related["cited_by"]:
            lines.append(f"    {entry['document']}  ({entry['mentions']}×, first {entry['first']})")
    if "sources" in related:
        count = len(related["sources"])
        lines.append(f"  also in   {count} other source{'s' if count != 1 else ''}")
        for source in related["sources"]:
            lines.append(f"    {source['id']}  {source['document']}  {source['text']}")
    for conflict in related.get("conflicts", ()):
        lines.append(
            f"  CONFLICT  {conflict['metric']} ({conflict['scope']}, {conflict['deadline']}):"
        )
        for source in conflict["sources"]:
            lines.append(
                f"    {source['id']}  {source['document']}  {source['text']}  → {source['value']}"
            )
    if related.get("items"):
        lines.append("  items")
        for item in related["items"]:
            lines.append(f"    {item['id']}  {item['text']}")
    return lines
