"""The static HTML report: one self-contained page per document with every item highlighted.

Each page shows the canonical text with its line breaks, every figure, date, legal reference and
target wrapped in a focusable ``<mark>`` (colour, underline style and a typed-id label per type,
so colour is never the only cue) whose normalised value and rule show on hover and on keyboard
focus, and a table of the items below. Nested items (a target holding its figure) become nested
marks; items that cross each other are split into pieces that nest. Every mark carries
``data-id``, ``data-type``, ``data-start`` and ``data-end`` such that its text content is
``text[data-start:data-end]``. An ``index.html`` lists the documents with their counts, all
targets and the ingest errors.
"""

from __future__ import annotations

import heapq
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import sqlite_utils
from markupsafe import Markup

from pipeline import __version__
from pipeline.audit import FIELDS, line_and_column, typed_id
from pipeline.errors import QueryError
from pipeline.models import plain_number
from pipeline.store import current_errors, get_document, item_counts, iter_documents, iter_items

TEMPLATES = Path(__file__).parent / "templates"
# Item table → (type name, legend label); the order is the legend's.
ITEM_TYPES: dict[str, tuple[str, str]] = {
    "targets": ("target", "Target (chỉ tiêu)"),
    "legal_refs": ("legal_ref", "Legal reference (văn bản)"),
    "figures": ("figure", "Figure (số liệu)"),
    "dates": ("date", "Date (ngày tháng)"),
}
# When two items cover the same span, the one ranked first is the outer mark.
NESTING_RANK = {"target": 0, "legal_ref": 1, "figure": 2, "date": 3}


@dataclass(frozen=True)
class Highlight:
    """One item to mark in a text: its typed id, type, offsets and the note shown on focus."""

    id: str
    type: str
    start: int
    end: int
    note: str


@dataclass(frozen=True)
class Piece:
    """A contiguous part of a highlight; crossing highlights are split into several pieces."""

    highlight: Highlight
    start: int
    end: int
    part: int
    parts: int


def layout(highlights: Iterable[Highlight]) -> list[Piece]:
    """Pieces in document order that nest properly (each inside the previous open one or after).

    A highlight that starts inside another and ends after it is cut at the other's end; the
    rest is laid out again, so every piece nests and the pieces of one highlight are contiguous.
    """
    heap = [
        (h.start, -h.end, NESTING_RANK.get(h.type, 9), h.id, h)
        for h in highlights
        if h.end > h.start
    ]
    heapq.heapify(heap)
    raw: list[tuple[Highlight, int, int]] = []
    open_ends: list[int] = []
    while heap:
        start, negative_end, rank, item_id, highlight = heapq.heappop(heap)
        end = -negative_end
        while open_ends and open_ends[-1] <= start:
            open_ends.pop()
        if open_ends and end > open_ends[-1]:
            cut = open_ends[-1]
            heapq.heappush(heap, (cut, -end, rank, item_id, highlight))
            end = cut
        raw.append((highlight, start, end))
        open_ends.append(end)
    counts: dict[str, int] = {}
    for highlight, _, _ in raw:
        counts[highlight.id] = counts.get(highlight.id, 0) + 1
    seen: dict[str, int] = {}
    pieces = []
    for highlight, start, end in raw:
        seen[highlight.id] = seen.get(highlight.id, 0) + 1
        pieces.append(Piece(highlight, start, end, seen[highlight.id], counts[highlight.id]))
    return pieces


def mark_text(text: str, highlights: Iterable[Highlight]) -> Markup:
    """``text`` as escaped HTML with every highlight wrapped in nested ``<mark>`` elements."""
    out: list[str] = []
    position = 0
    open_ends: list[int] = []

    def close_until(limit: int) -> None:
        nonlocal position
        while open_ends and open_ends[-1] <= limit:
            end = open_ends.pop()
            out.append(html.escape(text[position:end]))
            out.append("</mark>")
            position = end

    for piece in layout(highlights):
        close_until(piece.start)
        out.append(html.escape(text[position : piece.start]))
        position = piece.start
        out.append(_open_mark(piece))
        open_ends.append(piece.end)
    close_until(len(text))
    out.append(html.escape(text[position:]))
    return Markup("".join(out))


def _open_mark(piece: Piece) -> str:
    highlight = piece.highlight
    attributes = {
        "class": f"item item-{highlight.type}",
        "tabindex": "0",
        "data-id": highlight.id,
        "data-type": highlight.type,
        "data-start": str(piece.start),
        "data-end": str(piece.end),
        "title": highlight.note,
        "data-note": highlight.note,
        "aria-describedby": f"note-{highlight.id}",
    }
    if piece.part == 1:
        attributes["id"] = highlight.id
    if piece.parts > 1:
        attributes["data-part"] = f"{piece.part}/{piece.parts}"
    if piece.part == piece.parts:
        attributes["data-label"] = highlight.id
    rendered = " ".join(f'{name}="{html.escape(value)}"' for name, value in attributes.items())
    return f"<mark {rendered}>"


def describe(item_type: str, row: dict[str, Any]) -> str:
    """The normalised fields and rule of an item row as one line (the note shown on focus)."""
    parts = []
    for name in FIELDS[item_type]:
        value = row.get(name)
        if value is None or name == "unit_text":
            continue
        if isinstance(value, float):
            value = plain_number(value)
        parts.append(f"{name} {value}")
    parts.append(f"rule {row.get('rule')}")
    return " · ".join(parts)


def document_items(db: sqlite_utils.Database, document: dict[str, Any]) -> list[dict[str, Any]]:
    """Every item of a document as a dict for the report (typed id, type, note, line...)."""
    items = []
    text = document["text"]
    for table, (item_type, _) in ITEM_TYPES.items():
        for row in iter_items(db, table, document["id"]):
            line, column = line_and_column(text, row["start"])
            items.append(
                {
                    "id": typed_id(table, row["id"]),
                    "type": item_type,
                    "start": row["start"],
                    "end": row["end"],
                    "text": row["text"],
                    "verified": text[row["start"] : row["end"]] == row["text"],
                    "note": describe(item_type, row),
                    "line": line,
                    "column": column,
                }
            )
    items.sort(key=lambda item: (item["start"], -item["end"], NESTING_RANK[item["type"]]))
    return items


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def page_name(path: str, document_id: int) -> str:
    """The report file name of a document: its path made file-safe, with its id."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", path).strip("._") or "document"
    return f"{safe}.{document_id}.html"


def render_document(db: sqlite_utils.Database, document: dict[str, Any]) -> str:
    """The HTML page of one stored document."""
    items = document_items(db, document)
    highlights = [
        Highlight(item["id"], item["type"], item["start"], item["end"], item["note"])
        for item in items
    ]
    counts = {item_type: 0 for item_type, _ in ITEM_TYPES.values()}
    for item in items:
        counts[item["type"]] += 1
    return (
        _environment()
        .get_template("report_document.html")
        .render(
            document=document,
            items=items,
            counts=counts,
            types=list(ITEM_TYPES.values()),
            marked=mark_text(document["text"], highlights),
            version=__version__,
            css=Markup(_css()),
        )
    )


def render_index(
    db: sqlite_utils.Database, documents: Sequence[dict[str, Any]], pages: dict[int, str]
) -> str:
    """The index page: documents with counts per type, every target, the ingest errors."""
    counts = item_counts(db)
    targets = []
    for document in documents:
        for row in iter_items(db, "targets", document["id"]):
            targets.append(
                row
                | {
                    "typed_id": typed_id("targets", row["id"]),
                    "path": document["path"],
                    "page": pages[document["id"]],
                    "value_text": _value_text(row),
                }
            )
    return (
        _environment()
        .get_template("report_index.html")
        .render(
            documents=documents,
            counts=counts,
            pages=pages,
            types=ITEM_TYPES,
            targets=targets,
            errors=current_errors(db),
            version=__version__,
            css=Markup(_css()),
        )
    )


def _value_text(row: dict[str, Any]) -> str:
    value = plain_number(row["value"])
    if row.get("value_max") is not None:
        value = f"{value}–{plain_number(row['value_max'])}"
    comparator = row.get("comparator") or "="
    prefix = "" if comparator == "=" else comparator + " "
    return f"{prefix}{value} {row.get('unit') or ''}".strip()


def _css() -> str:
    return (TEMPLATES / "report.css").read_text(encoding="utf-8")


def write_report(
    db: sqlite_utils.Database, out_dir: str | Path, documents: Sequence[str] = ()
) -> list[Path]:
    """Write one page per document (all visible ones, or those named) and an index.html.

    Documents are named by path or id; returns the written files, index last.
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise QueryError(f"report output is not a folder: {out}")
    out.mkdir(parents=True, exist_ok=True)
    chosen = [get_document(db, ref) for ref in documents] if documents else list(iter_documents(db))
    pages = {document["id"]: page_name(document["path"], document["id"]) for document in chosen}
    written = []
    for document in chosen:
        target = out / pages[document["id"]]
        target.write_text(render_document(db, document), encoding="utf-8")
        written.append(target)
    index = out / "index.html"
    index.write_text(render_index(db, chosen, pages), encoding="utf-8")
    written.append(index)
    return written
