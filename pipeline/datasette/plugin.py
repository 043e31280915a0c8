"""The chitieu Datasette plugin: item text links to an audit page that highlights the item.

``render_cell`` turns the ``text`` of figures, dates, legal_refs, targets and passages, and any
``item`` column holding a typed id (canned queries), into a link to ``/-/chitieu/audit/<id>``;
that page shows the passage with ``[start, end)`` marked, the offset check, fields and rule,
from the same audit record as ``chitieu audit``. ``/-/chitieu/conflicts`` lists target
conflicts across documents (computed by :mod:`pipeline.linking`, not expressible in SQL).
"""

from __future__ import annotations

import re
from typing import Any

import sqlite_utils
from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from pipeline.audit import TABLE_PREFIXES, AuditRecord, audit_item, parse_item_id
from pipeline.errors import QueryError
from pipeline.linking import group_targets, target_conflicts
from pipeline.store import target_rows

PLUGIN = "chitieu"
AUDIT_PATH = "/-/chitieu/audit/"
TYPED_ID = re.compile(r"[FDLTP]\d+")
# Columns of canned queries that hold typed ids (one, or several separated by spaces).
ITEM_COLUMNS = ("item", "items", "first_item", "second_item")
KIND_LABELS = {
    "figure": "Figure",
    "date": "Date",
    "legal_ref": "Legal reference",
    "target": "Target",
    "passage": "Passage",
}


def _database_name(datasette) -> str:
    config = datasette.plugin_config(PLUGIN) or {}
    return config.get("database") or datasette.get_database().name


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if column == "text" and table in TABLE_PREFIXES and "id" in row.keys():  # noqa: SIM118 (sqlite3.Row: "in" tests values)
        item_id = f"{TABLE_PREFIXES[table]}{row['id']}"
        href = datasette.urls.path(AUDIT_PATH + item_id)
        title = f"Show {item_id} highlighted in its passage"
        return Markup(f'<a href="{escape(href)}" title="{escape(title)}">{escape(value)}</a>')
    if table == "target_groups" and column == "target_id" and value is not None:
        return _links(datasette, [f"T{value}"])
    if table == "conflicts" and column in ("first_id", "second_id") and value is not None:
        return _links(datasette, [f"{'T' if row['kind'] == 'target' else 'F'}{value}"])
    if column in ITEM_COLUMNS and isinstance(value, str) and value:
        ids = value.split()
        if all(TYPED_ID.fullmatch(item_id) for item_id in ids):
            return _links(datasette, ids)
    return None


def _links(datasette, ids: list[str]) -> Markup:
    links = (
        f'<a href="{escape(datasette.urls.path(AUDIT_PATH + item_id))}">{item_id}</a>'
        for item_id in ids
    )
    return Markup(" ".join(links))


@hookimpl
def register_routes():
    return [
        (r"^/-/chitieu/audit/(?P<item>[^/]+)$", audit_page),
        (r"^/-/chitieu/conflicts$", conflicts_page),
    ]


@hookimpl
def menu_links(datasette):
    return [{"href": datasette.urls.path("/-/chitieu/conflicts"), "label": "Target conflicts"}]


async def audit_page(request, datasette):
    """The audited item highlighted in its passage, with the offset check and its fields."""
    ref = request.url_vars["item"]
    database = datasette.get_database(_database_name(datasette))
    try:
        item_id = parse_item_id(ref)
        record = await database.execute_fn(
            lambda conn: audit_item(sqlite_utils.Database(conn), item_id)
        )
    except QueryError as exc:
        return Response.html(f"<p>{escape(str(exc))}</p>", status=404)
    left = record.start - record.context_start
    right = record.end - record.context_start
    context = {
        "record": record,
        "kind_label": KIND_LABELS[record.kind],
        "before": record.context_text[:left] if record.kind != "passage" else "",
        "surface": record.context_text[left:right],
        "after": record.context_text[right:] if record.kind != "passage" else "",
        "note": _note(record),
        "table": item_id.table,
        "row_id": item_id.number,
        "row_url": datasette.urls.row(database.name, item_id.table, item_id.number),
        "document_url": datasette.urls.row(database.name, "documents", record.document_id),
        "audit_base": datasette.urls.path(AUDIT_PATH),
        "related_lines": _related_lines(record),
    }
    html = await datasette.render_template("chitieu_audit.html", context, request=request)
    return Response.html(html)


async def conflicts_page(request, datasette):
    """Target conflicts across documents, each side linking to its audit page."""
    database = datasette.get_database(_database_name(datasette))
    rows = await database.execute_fn(lambda conn: target_rows(sqlite_utils.Database(conn)))
    groups = group_targets(rows)
    context = {
        "conflicts": target_conflicts(groups),
        "shared": sum(1 for group in groups if len(group.documents) > 1),
        "audit_base": datasette.urls.path(AUDIT_PATH),
    }
    html = await datasette.render_template("chitieu_conflicts.html", context, request=request)
    return Response.html(html)


def _note(record: AuditRecord) -> str:
    fields = " · ".join(f"{k} {v}" for k, v in record.fields.items() if v is not None)
    return f"{fields} · rule {record.rule}"


def _related_lines(record: AuditRecord) -> list[tuple[str, str | None, str]]:
    related: dict[str, Any] = record.related
    lines: list[tuple[str, str | None, str]] = []
    if "figure" in related:
        lines.append(("Figure", related["figure"]["id"], related["figure"]["text"]))
    for target in related.get("targets", ()):
        lines.append(("Target built on it", target["id"], target["text"]))
    for source in related.get("sources", ()):
        lines.append(("Also stated in " + source["document"], source["id"], source["text"]))
    for conflict in related.get("conflicts", ()):
        for source in conflict["sources"]:
            text = f"{source['document']}: {source['text']} → {source['value']}"
            lines.append(("CONFLICT", source["id"], text))
    if "cited_document" in related:
        cited = related["cited_document"]
        label = cited.get("number") or cited.get("name") or ""
        count = related["cited_by_documents"]
        lines.append(
            ("Cites", None, f"{cited.get('doc_type')} {label}, cited by {count} document(s)")
        )
        for entry in related["cited_by"]:
            lines.append(
                (f"Cited in {entry['document']} ({entry['mentions']}×)", entry["first"], "")
            )
    for item in related.get("items", ()):
        lines.append(("Item", item["id"], item["text"]))
    return lines
