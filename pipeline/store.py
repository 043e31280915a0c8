"""The SQLite store: the only module that writes SQL.

One document is written in one transaction (its row, passages, both full-text indexes and every
extracted item), replacing the rows of its previous version, so a run killed midway leaves a
consistent store. Every passage and item row keeps ``start``/``end`` into ``documents.text`` and
``text`` equal to ``documents.text[start:end]``; :func:`write_document` refuses anything else.

Search runs on two FTS5 indexes over passages: ``passages_fts`` (the text as written, case-folded
only) and ``passages_folded_fts`` (the text folded by :func:`pipeline.folding.fold`, so "hop tac
xa" finds "hợp tác xã"). Folding preserves length, so hit positions found on the folded text
are positions in the original.
"""

from __future__ import annotations

import bisect
import json
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from pipeline import PIPELINE_VERSION
from pipeline.errors import ChitieuError, QueryError
from pipeline.folding import fold, fold_query
from pipeline.models import (
    Document,
    Extraction,
    IngestError,
    Passage,
    RunSummary,
    plain_number,
)

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT,
    format TEXT,
    encoding TEXT,
    title TEXT,
    published TEXT,
    published_source TEXT,
    text TEXT NOT NULL DEFAULT '',
    char_count INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('ok', 'error', 'removed')),
    pipeline_version TEXT,
    ingested_at TEXT,
    ocr INTEGER NOT NULL DEFAULT 0,
    pages TEXT NOT NULL DEFAULT '[]',
    warnings TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    corpus TEXT,
    status TEXT NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0,
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    removed INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    passages INTEGER NOT NULL DEFAULT 0,
    seconds REAL,
    pipeline_version TEXT
);
CREATE TABLE IF NOT EXISTS ingest_errors (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES runs(id),
    document_id INTEGER REFERENCES documents(id),
    path TEXT NOT NULL,
    sha256 TEXT,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    page INTEGER,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS figures (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    passage_id INTEGER REFERENCES passages(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL NOT NULL,
    value_max REAL,
    unit TEXT,
    unit_text TEXT,
    kind TEXT NOT NULL,
    qualifier TEXT,
    as_of TEXT,
    rule TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dates (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    passage_id INTEGER REFERENCES passages(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT NOT NULL,
    kind TEXT NOT NULL,
    year_inferred INTEGER NOT NULL DEFAULT 0,
    rule TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cited_documents (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    doc_type TEXT NOT NULL,
    number TEXT,
    name TEXT,
    date TEXT,
    issuer TEXT
);
CREATE TABLE IF NOT EXISTS legal_refs (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    passage_id INTEGER REFERENCES passages(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    cited_document_id INTEGER REFERENCES cited_documents(id),
    doc_type TEXT NOT NULL,
    number TEXT,
    date TEXT,
    issuer TEXT,
    name TEXT,
    rule TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS targets (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    passage_id INTEGER REFERENCES passages(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL NOT NULL,
    value_max REAL,
    unit TEXT,
    qualifier TEXT,
    comparator TEXT NOT NULL,
    metric TEXT,
    deadline TEXT,
    scope TEXT,
    figure_id INTEGER REFERENCES figures(id),
    figure_start INTEGER,
    figure_end INTEGER,
    rule TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
    text, content='passages', content_rowid='id', tokenize='unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_folded_fts USING fts5(
    text, tokenize='unicode61 remove_diacritics 0'
);
CREATE INDEX IF NOT EXISTS documents_status ON documents(status);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS ingest_errors_run ON ingest_errors(run_id);
CREATE INDEX IF NOT EXISTS ingest_errors_document ON ingest_errors(document_id);
CREATE INDEX IF NOT EXISTS passages_document ON passages(document_id, seq);
CREATE INDEX IF NOT EXISTS figures_document ON figures(document_id, start);
CREATE INDEX IF NOT EXISTS figures_kind_unit ON figures(kind, unit);
CREATE INDEX IF NOT EXISTS dates_document ON dates(document_id, start);
CREATE INDEX IF NOT EXISTS dates_value ON dates(value);
CREATE INDEX IF NOT EXISTS legal_refs_document ON legal_refs(document_id, start);
CREATE INDEX IF NOT EXISTS legal_refs_cited ON legal_refs(cited_document_id);
CREATE INDEX IF NOT EXISTS legal_refs_number ON legal_refs(number);
CREATE INDEX IF NOT EXISTS legal_refs_doc_type ON legal_refs(doc_type);
CREATE INDEX IF NOT EXISTS targets_document ON targets(document_id, start);
CREATE INDEX IF NOT EXISTS targets_deadline ON targets(deadline);
CREATE INDEX IF NOT EXISTS targets_figure ON targets(figure_id);
"""

# Cross-document links, recomputed by refresh_target_links (see pipeline/linking.py).
LINK_SCHEMA = """
CREATE TABLE IF NOT EXISTS target_groups (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL, target_id INTEGER, scope TEXT, metric TEXT,
    deadline TEXT, value REAL, value_max REAL, unit TEXT, comparator TEXT, documents INTEGER,
    sources TEXT
);
CREATE TABLE IF NOT EXISTS target_group_members (group_id INTEGER NOT NULL, target_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS conflicts (
    id INTEGER PRIMARY KEY, kind TEXT, scope TEXT, metric TEXT, "when" TEXT, unit TEXT,
    first_id INTEGER, first_document TEXT, first_value REAL, first_text TEXT,
    second_id INTEGER, second_document TEXT, second_value REAL, second_text TEXT
);
"""
SCHEMA += LINK_SCHEMA

# Item tables in the order their rows are deleted (targets point at figures).
ITEM_TABLES = ("targets", "figures", "dates", "legal_refs")
# Export line type for each item table.
EXPORT_TYPES = {
    "figures": "figure",
    "dates": "date",
    "legal_refs": "legal_ref",
    "targets": "target",
}
# Statuses a query sees by default, and with removed documents included.
VISIBLE_STATUSES = ("ok",)
VISIBLE_WITH_REMOVED = ("ok", "removed")
# FTS5 query syntax: operators, and characters that make a term more than a word.
FTS_OPERATORS = ("AND", "OR", "NOT")
FTS_SYNTAX_CHARS = frozenset('()*:^+{}"')
# A query as pieces: a double-quoted string (possibly unclosed) or a run of non-space characters.
FTS_PIECE_PATTERN = re.compile(r'("[^"]*"?)|([^\s"]+)')
# Characters that mark a hit inside FTS5 highlight() output; canonical text never holds them.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


@dataclass(frozen=True)
class DocumentState:
    """What the store remembers of a file, to decide whether a run must read it again."""

    id: int
    sha256: str | None
    pipeline_version: str | None
    status: str


@dataclass(frozen=True)
class SearchHit:
    """A passage matching a search, with the hit positions inside ``text``.

    ``marks`` are (start, end) offsets into the passage text; add ``start`` for offsets into
    the document. ``match`` is 'exact' (words as written) or 'folded' (found only without
    diacritics).
    """

    document_id: int
    path: str
    passage_id: int
    seq: int
    start: int
    end: int
    page: int | None
    text: str
    marks: tuple[tuple[int, int], ...]
    match: str

    def marked(self, open_mark: str = "[", close_mark: str = "]") -> str:
        """The passage text with every hit wrapped in the two marks."""
        pieces: list[str] = []
        position = 0
        for mark_start, mark_end in self.marks:
            pieces += [self.text[position:mark_start], open_mark]
            pieces += [self.text[mark_start:mark_end], close_mark]
            position = mark_end
        pieces.append(self.text[position:])
        return "".join(pieces)

    def as_dict(self) -> dict[str, Any]:
        """A plain dict for JSON/CSV output."""
        return {
            "document": self.path,
            "document_id": self.document_id,
            "passage_id": self.passage_id,
            "start": self.start,
            "end": self.end,
            "page": self.page,
            "match": self.match,
            "text": self.text,
            "marked": self.marked(),
            "hits": [[self.start + s, self.start + e] for s, e in self.marks],
        }


# --- opening -----------------------------------------------------------------------------------


def open_db(db_path: str | os.PathLike[str], *, create: bool = True) -> sqlite_utils.Database:
    """The store at ``db_path`` with its schema, WAL mode and foreign keys on.

    With ``create=False`` a missing file is an error (read-only commands should not leave an
    empty database behind a typo).
    """
    path = Path(db_path)
    if path.is_dir():
        raise ChitieuError(f"database path is a folder: {path}")
    if not create and not path.exists():
        raise ChitieuError(f"no database at {path} (run `chitieu ingest` first)")
    try:
        db = sqlite_utils.Database(path)
        db.execute("PRAGMA busy_timeout = 10000")
        db.execute("PRAGMA foreign_keys = ON")
        db.enable_wal()
        # Every statement is CREATE ... IF NOT EXISTS: running them on each open is a no-op on a
        # current store and adds tables and indexes appended to SCHEMA to an older one.
        with db.atomic():
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
        if db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.DatabaseError as exc:
        raise ChitieuError(f"cannot open database {path}: {exc}") from None
    return db


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --- runs --------------------------------------------------------------------------------------


def start_run(
    db: sqlite_utils.Database, corpus: str, pipeline_version: str = PIPELINE_VERSION
) -> int:
    """Record the start of a run; its ``finished_at`` stays NULL until :func:`finish_run`."""
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO runs (started_at, corpus, status, pipeline_version) VALUES (?, ?, ?, ?)",
            [_now(), corpus, "running", pipeline_version],
        )
    return int(cursor.lastrowid)


def finish_run(db: sqlite_utils.Database, summary: RunSummary, status: str = "ok") -> None:
    """Record what a run did and when it ended."""
    with db.atomic():
        db.execute(
            """UPDATE runs SET finished_at = ?, status = ?, seen = ?, added = ?, updated = ?,
            unchanged = ?, removed = ?, errors = ?, passages = ?, seconds = ? WHERE id = ?""",
            [
                _now(),
                status,
                summary.seen,
                summary.added,
                summary.updated,
                summary.unchanged,
                summary.removed,
                summary.errors,
                summary.passages,
                round(summary.seconds, 3),
                summary.run_id,
            ],
        )


# --- writing documents -------------------------------------------------------------------------


def document_states(db: sqlite_utils.Database) -> dict[str, DocumentState]:
    """Every stored path with its hash, pipeline version and status."""
    rows = db.execute("SELECT id, path, sha256, pipeline_version, status FROM documents")
    return {
        path: DocumentState(doc_id, sha256, version, status)
        for doc_id, path, sha256, version, status in rows.fetchall()
    }


def write_document(
    db: sqlite_utils.Database,
    document: Document,
    passages: Sequence[Passage],
    extraction: Extraction,
    pipeline_version: str = PIPELINE_VERSION,
) -> int:
    """Store one document and everything found in it, replacing its previous version.

    All in one transaction; the document keeps its id across versions. Raises ChitieuError when
    a passage or item does not quote the text at its offsets (nothing is written then).
    """
    _check_grounded(document.text, passages, extraction)
    row = {
        "path": document.path,
        "sha256": document.sha256,
        "format": document.format,
        "encoding": document.encoding,
        "title": document.title,
        "published": document.published,
        "published_source": document.published_source,
        "text": document.text,
        "char_count": len(document.text),
        "status": "ok",
        "pipeline_version": pipeline_version,
        "ingested_at": _now(),
        "ocr": int(document.ocr),
        "pages": json.dumps([[span.page, span.start, span.end] for span in document.pages]),
        "warnings": json.dumps(list(document.warnings), ensure_ascii=False),
    }
    with db.atomic():
        document_id = _upsert_document_row(db, row)
        _delete_contents(db, document_id)
        passage_ids = _insert_passages(db, document_id, passages)
        locate = _passage_locator(passages, passage_ids)
        _insert_items(db, document_id, extraction, locate)
        _delete_orphan_cited_documents(db)
    return document_id


def write_error(
    db: sqlite_utils.Database,
    run_id: int,
    error: IngestError,
    file_format: str | None = None,
    pipeline_version: str = PIPELINE_VERSION,
) -> int:
    """Store a file that could not be read: an 'error' document row plus an ingest_errors row."""
    row = {
        "path": error.path,
        "sha256": error.sha256,
        "format": file_format,
        "encoding": None,
        "title": None,
        "published": None,
        "published_source": None,
        "text": "",
        "char_count": 0,
        "status": "error",
        "pipeline_version": pipeline_version,
        "ingested_at": _now(),
        "ocr": 0,
        "pages": "[]",
        "warnings": "[]",
    }
    with db.atomic():
        document_id = _upsert_document_row(db, row)
        _delete_contents(db, document_id)
        _delete_orphan_cited_documents(db)
        db.execute(
            """INSERT INTO ingest_errors (run_id, document_id, path, sha256, stage, reason,
            created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [run_id, document_id, error.path, error.sha256, error.stage, error.reason, _now()],
        )
    return document_id


def write_error_note(db: sqlite_utils.Database, run_id: int, error: IngestError) -> None:
    """An ingest_errors row for a stored document that was read only in part (a scanned page
    that could not be OCR'd); the document row and its contents stay as written."""
    with db.atomic():
        db.execute(
            """INSERT INTO ingest_errors (run_id, document_id, path, sha256, stage, reason,
            created_at) VALUES (?, (SELECT id FROM documents WHERE path = ?), ?, ?, ?, ?, ?)""",
            [run_id, error.path, error.path, error.sha256, error.stage, error.reason, _now()],
        )


def mark_removed(db: sqlite_utils.Database, paths: Sequence[str]) -> int:
    """Mark documents whose files are gone as 'removed' (rows kept); returns how many changed."""
    changed = 0
    with db.atomic():
        for path in paths:
            cursor = db.execute(
                "UPDATE documents SET status = 'removed' WHERE path = ? AND status != 'removed'",
                [path],
            )
            changed += cursor.rowcount
    return changed


def _check_grounded(text: str, passages: Sequence[Passage], extraction: Extraction) -> None:
    items: list[Any] = [*passages, *extraction.figures, *extraction.dates]
    items += [*extraction.legal_refs, *extraction.targets]
    for item in items:
        if (
            not (0 <= item.start <= item.end <= len(text))
            or text[item.start : item.end] != item.text
        ):
            kind = type(item).__name__
            raise ChitieuError(
                f"{kind} at {item.start}:{item.end} does not match the text ({item.text[:40]!r})"
            )


def _upsert_document_row(db: sqlite_utils.Database, row: dict[str, Any]) -> int:
    found = db.execute("SELECT id FROM documents WHERE path = ?", [row["path"]]).fetchone()
    columns = [column for column in row if column != "path"]
    if found:
        assignments = ", ".join(f"{column} = ?" for column in columns)
        db.execute(
            f"UPDATE documents SET {assignments} WHERE id = ?",
            [row[column] for column in columns] + [found[0]],
        )
        return int(found[0])
    names = ", ".join(row)
    placeholders = ", ".join("?" for _ in row)
    cursor = db.execute(
        f"INSERT INTO documents ({names}) VALUES ({placeholders})", list(row.values())
    )
    return int(cursor.lastrowid)


def _delete_contents(db: sqlite_utils.Database, document_id: int) -> None:
    for table in ITEM_TABLES:
        db.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
    db.execute(
        """INSERT INTO passages_fts (passages_fts, rowid, text)
        SELECT 'delete', id, text FROM passages WHERE document_id = ?""",
        [document_id],
    )
    db.execute(
        "DELETE FROM passages_folded_fts WHERE rowid IN (SELECT id FROM passages WHERE document_id = ?)",
        [document_id],
    )
    db.execute("DELETE FROM passages WHERE document_id = ?", [document_id])


def _insert_passages(
    db: sqlite_utils.Database, document_id: int, passages: Sequence[Passage]
) -> list[int]:
    ids: list[int] = []
    for passage in passages:
        cursor = db.execute(
            'INSERT INTO passages (document_id, seq, start, "end", page, text) VALUES (?, ?, ?, ?, ?, ?)',
            [document_id, passage.seq, passage.start, passage.end, passage.page, passage.text],
        )
        passage_id = int(cursor.lastrowid)
        ids.append(passage_id)
        db.execute(
            "INSERT INTO passages_fts (rowid, text) VALUES (?, ?)", [passage_id, passage.text]
        )
        db.execute(
            "INSERT INTO passages_folded_fts (rowid, text) VALUES (?, ?)",
            [passage_id, fold(passage.text)],
        )
    return ids


def _passage_locator(passages: Sequence[Passage], passage_ids: Sequence[int]):
    """A function from an offset to the id of the passage containing it (None between passages)."""
    ordered = sorted(zip(passages, passage_ids, strict=True), key=lambda pair: pair[0].start)
    starts = [passage.start for passage, _ in ordered]

    def locate(offset: int) -> int | None:
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0:
            return None
        passage, passage_id = ordered[index]
        return passage_id if offset < passage.end or offset == passage.start else None

    return locate


def _insert_items(
    db: sqlite_utils.Database, document_id: int, extraction: Extraction, locate
) -> None:
    def base(item: Any) -> dict[str, Any]:
        return {
            "document_id": document_id,
            "passage_id": locate(item.start),
            "start": item.start,
            "end": item.end,
            "text": item.text,
        }

    figure_rows = [
        base(f)
        | {
            "value": f.value,
            "value_max": f.value_max,
            "unit": f.unit,
            "unit_text": f.unit_text,
            "kind": f.kind,
            "qualifier": f.qualifier,
            "as_of": f.as_of,
            "rule": f.rule,
        }
        for f in extraction.figures
    ]
    date_rows = [
        base(d)
        | {"value": d.value, "kind": d.kind, "year_inferred": int(d.year_inferred), "rule": d.rule}
        for d in extraction.dates
    ]
    _insert_rows(db, "figures", figure_rows)
    _insert_rows(db, "dates", date_rows)

    ref_rows = []
    for ref in extraction.legal_refs:
        cited_id = db.execute(
            """INSERT INTO cited_documents (key, doc_type, number, name, date, issuer)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(key) DO UPDATE SET
                name = coalesce(cited_documents.name, excluded.name),
                date = coalesce(cited_documents.date, excluded.date),
                issuer = coalesce(cited_documents.issuer, excluded.issuer)
            RETURNING id""",
            [ref.key, ref.doc_type, ref.number, ref.name, ref.date, ref.issuer],
        ).fetchone()[0]
        ref_rows.append(
            base(ref)
            | {
                "cited_document_id": cited_id,
                "doc_type": ref.doc_type,
                "number": ref.number,
                "date": ref.date,
                "issuer": ref.issuer,
                "name": ref.name,
                "rule": ref.rule,
            }
        )
    _insert_rows(db, "legal_refs", ref_rows)

    figure_ids = {
        (start, end): figure_id
        for figure_id, start, end in db.execute(
            'SELECT id, start, "end" FROM figures WHERE document_id = ? ORDER BY id DESC',
            [document_id],
        ).fetchall()
    }
    target_rows = [
        base(t)
        | {
            "value": t.value,
            "value_max": t.value_max,
            "unit": t.unit,
            "qualifier": t.qualifier,
            "comparator": t.comparator,
            "metric": t.metric,
            "deadline": t.deadline,
            "scope": t.scope,
            "figure_id": figure_ids.get((t.figure_start, t.figure_end)),
            "figure_start": t.figure_start,
            "figure_end": t.figure_end,
            "rule": t.rule,
        }
        for t in extraction.targets
    ]
    _insert_rows(db, "targets", target_rows)


def _insert_rows(db: sqlite_utils.Database, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{column}"' for column in columns)
    placeholders = ", ".join("?" for _ in columns)
    db.conn.executemany(
        f"INSERT INTO {table} ({names}) VALUES ({placeholders})",
        [[row[column] for column in columns] for row in rows],
    )


def _delete_orphan_cited_documents(db: sqlite_utils.Database) -> None:
    db.execute(
        """DELETE FROM cited_documents WHERE id NOT IN
        (SELECT cited_document_id FROM legal_refs WHERE cited_document_id IS NOT NULL)"""
    )


# --- reading -----------------------------------------------------------------------------------


def _statuses(include_removed: bool) -> tuple[str, ...]:
    return VISIBLE_WITH_REMOVED if include_removed else VISIBLE_STATUSES


def _decode_document(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    row["pages"] = json.loads(row["pages"] or "[]")
    row["warnings"] = json.loads(row["warnings"] or "[]")
    row["ocr"] = bool(row["ocr"])
    return row


def get_document(db: sqlite_utils.Database, ref: int | str) -> dict[str, Any]:
    """A stored document by path (relative to the corpus) or id; QueryError when unknown."""
    rows = list(db.query("SELECT * FROM documents WHERE path = ?", [str(ref)]))
    if not rows and str(ref).isdigit():
        rows = list(db.query("SELECT * FROM documents WHERE id = ?", [int(ref)]))
    if not rows:
        raise QueryError(f"no document {ref!r} in the store")
    return _decode_document(rows[0])


def iter_documents(
    db: sqlite_utils.Database, include_removed: bool = False, include_errors: bool = False
) -> Iterator[dict[str, Any]]:
    """Stored documents by path; removed and failed ones only when asked for."""
    statuses = list(_statuses(include_removed)) + (["error"] if include_errors else [])
    placeholders = ", ".join("?" for _ in statuses)
    for row in db.query(
        f"SELECT * FROM documents WHERE status IN ({placeholders}) ORDER BY path", statuses
    ):
        yield _decode_document(row)


def iter_items(db: sqlite_utils.Database, table: str, document_id: int) -> Iterator[dict[str, Any]]:
    """Rows of one item table (figures, dates, legal_refs, targets) for a document, by offset."""
    if table not in EXPORT_TYPES:
        raise QueryError(f"unknown item table {table!r}")
    yield from db.query(
        f'SELECT * FROM {table} WHERE document_id = ? ORDER BY start, "end", id', [document_id]
    )


def errors_of_run(db: sqlite_utils.Database, run_id: int) -> list[dict[str, Any]]:
    """The ingest_errors rows one run recorded."""
    return list(db.query("SELECT * FROM ingest_errors WHERE run_id = ? ORDER BY path", [run_id]))


def summary(db: sqlite_utils.Database) -> dict[str, Any]:
    """Row counts per table, documents per status and the last run."""
    counts: dict[str, Any] = {}
    for table in ("documents", "passages", *EXPORT_TYPES, "cited_documents", "runs"):
        counts[table] = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    counts["documents_by_status"] = dict(
        db.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall()
    )
    last = list(db.query("SELECT * FROM runs ORDER BY id DESC LIMIT 1"))
    counts["last_run"] = last[0] if last else None
    return counts


# --- audit lookups -----------------------------------------------------------------------------

# Tables a typed id (F12, D12, L12, T12, P12) may point into.
AUDITABLE_TABLES = ("figures", "dates", "legal_refs", "targets", "passages")


def get_row(db: sqlite_utils.Database, table: str, row_id: int) -> dict[str, Any] | None:
    """One row of an item table or of passages by id, None when there is none."""
    if table not in AUDITABLE_TABLES:
        raise QueryError(f"unknown item table {table!r}")
    rows = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [row_id]))
    return rows[0] if rows else None


def passage_at(db: sqlite_utils.Database, document_id: int, offset: int) -> dict[str, Any] | None:
    """The passage of a document holding ``offset`` (for items stored without a passage id)."""
    rows = list(
        db.query(
            """SELECT * FROM passages WHERE document_id = ? AND start <= ? AND ? < "end"
            ORDER BY start DESC LIMIT 1""",
            [document_id, offset, offset],
        )
    )
    return rows[0] if rows else None


def get_cited_document(db: sqlite_utils.Database, cited_id: int) -> dict[str, Any] | None:
    """A cited_documents row by id."""
    rows = list(db.query("SELECT * FROM cited_documents WHERE id = ?", [cited_id]))
    return rows[0] if rows else None


def citing_documents(db: sqlite_utils.Database, cited_id: int) -> list[dict[str, Any]]:
    """The visible documents citing one cited document, with how many mentions each makes."""
    return list(
        db.query(
            """SELECT d.id AS document_id, d.path, count(*) AS mentions, min(r.id) AS first_ref_id
            FROM legal_refs r JOIN documents d ON d.id = r.document_id
            WHERE r.cited_document_id = ? AND d.status = 'ok'
            GROUP BY d.id ORDER BY d.path""",
            [cited_id],
        )
    )


def targets_of_figure(db: sqlite_utils.Database, figure_id: int) -> list[dict[str, Any]]:
    """The targets built on one figure."""
    return list(db.query("SELECT * FROM targets WHERE figure_id = ? ORDER BY id", [figure_id]))


def target_rows(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every target of a visible document, with its document's path as ``document``."""
    return list(
        db.query(
            """SELECT t.*, d.path AS document FROM targets t
            JOIN documents d ON d.id = t.document_id
            WHERE d.status = 'ok' ORDER BY d.path, t.start, t.id"""
        )
    )


def figure_rows(db: sqlite_utils.Database, dated_only: bool = False) -> list[dict[str, Any]]:
    """Every figure of a visible document (only those with an ``as_of`` when ``dated_only``),
    with its document's path as ``document``, the document's ``scope`` and the words around
    the figure as ``context``: what cross-document linking compares. Each document's text is
    read and its scope detected once."""
    from extractors.scope import detect_scope
    from pipeline.linking import figure_context

    rows = list(
        db.query(
            """SELECT f.*, d.path AS document FROM figures f
            JOIN documents d ON d.id = f.document_id
            WHERE d.status = 'ok' AND (? = 0 OR f.as_of IS NOT NULL)
            ORDER BY d.path, f.start""",
            [int(dated_only)],
        )
    )
    texts: dict[str, str] = {}
    scopes: dict[str, str | None] = {}
    for row in rows:
        path = row["document"]
        if path not in texts:
            texts[path] = db.execute(
                "SELECT text FROM documents WHERE path = ?", [path]
            ).fetchone()[0]
            scopes[path] = detect_scope(texts[path])
        row["scope"] = scopes[path]
        row["context"] = figure_context(texts[path], row["start"])
    return rows


def items_in_passage(
    db: sqlite_utils.Database, table: str, passage: dict[str, Any]
) -> list[dict[str, Any]]:
    """Rows of an item table lying inside a passage's range, by offset."""
    if table not in EXPORT_TYPES:
        raise QueryError(f"unknown item table {table!r}")
    return list(
        db.query(
            f"""SELECT * FROM {table} WHERE document_id = ? AND start >= ? AND "end" <= ?
            ORDER BY start, "end", id""",
            [passage["document_id"], passage["start"], passage["end"]],
        )
    )


def item_counts(db: sqlite_utils.Database) -> dict[int, dict[str, int]]:
    """Per document id, how many rows each item table holds for it."""
    counts: dict[int, dict[str, int]] = {}
    for table in EXPORT_TYPES:
        for document_id, count in db.execute(
            f"SELECT document_id, count(*) FROM {table} GROUP BY document_id"
        ).fetchall():
            counts.setdefault(document_id, {})[table] = count
    return counts


def current_errors(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """The latest ingest error of every current file version that failed or was read only in
    part (e.g. a scanned page left without OCR); errors of versions since replaced are history."""
    return list(
        db.query(
            """SELECT e.path, e.stage, e.reason, e.created_at, e.run_id FROM ingest_errors e
            JOIN documents d ON d.id = e.document_id
            WHERE d.status IN ('ok', 'error') AND e.sha256 IS d.sha256
              AND e.id = (SELECT max(id) FROM ingest_errors WHERE document_id = d.id)
            ORDER BY e.path"""
        )
    )


# --- search ------------------------------------------------------------------------------------


def search(
    db: sqlite_utils.Database, query: str, limit: int = 20, include_removed: bool = False
) -> list[SearchHit]:
    """Passages matching an FTS5 query, exact-diacritic hits first, then accent-free ones.

    "hop tac xa" finds "hợp tác xã"; "hợp tác xã" ranks passages spelled that way above those
    only matching when folded. A query FTS5 cannot parse raises QueryError.
    """
    user_query = unicodedata.normalize("NFC", query).strip()
    if not user_query:
        raise QueryError("empty search query")
    if limit <= 0:
        return []
    query = quote_punctuated_terms(user_query)
    exact = _fts_hits(db, "passages_fts", query, user_query, limit, include_removed, "exact")
    seen = {hit.passage_id for hit in exact}
    folded = _fts_hits(
        db,
        "passages_folded_fts",
        fold_query(query),
        user_query,
        limit + len(seen),
        include_removed,
        "folded",
    )
    hits = exact + [hit for hit in folded if hit.passage_id not in seen]
    return hits[:limit]


def quote_punctuated_terms(query: str) -> str:
    """``query`` with bare terms holding punctuation quoted as phrases, so FTS5 can parse them.

    Official texts are searched by document numbers and amounts ("538/UBND-KTTH", "45%",
    "3,8"), which FTS5 rejects unquoted. Quoted strings, operators and terms using FTS5 syntax
    (parentheses, ``*``, ``:``, ``^``, ``+``) are left as typed, so real syntax errors still
    surface.
    """
    pieces = []
    for quoted, bare in FTS_PIECE_PATTERN.findall(query):
        if quoted:
            pieces.append(quoted)
        elif bare in FTS_OPERATORS or any(char in FTS_SYNTAX_CHARS for char in bare):
            pieces.append(bare)
        elif any(not (char.isalnum() or char == "_") for char in bare):
            pieces.append(f'"{bare}"')
        else:
            pieces.append(bare)
    return " ".join(pieces)


def _fts_hits(
    db: sqlite_utils.Database,
    index: str,
    fts_query: str,
    user_query: str,
    limit: int,
    include_removed: bool,
    match: str,
) -> list[SearchHit]:
    statuses = _statuses(include_removed)
    placeholders = ", ".join("?" for _ in statuses)
    sql = f"""
        SELECT p.id, p.document_id, d.path, p.seq, p.start, p."end", p.page, p.text,
               highlight({index}, 0, ?, ?) AS highlighted
        FROM {index}
        JOIN passages p ON p.id = {index}.rowid
        JOIN documents d ON d.id = p.document_id
        WHERE {index} MATCH ? AND d.status IN ({placeholders})
        ORDER BY bm25({index}), p.id
        LIMIT ?
    """
    try:
        rows = db.execute(sql, [MARK_OPEN, MARK_CLOSE, fts_query, *statuses, limit]).fetchall()
    except sqlite3.OperationalError as exc:
        raise QueryError(f'bad search query "{user_query}": {exc}') from None
    hits = []
    for passage_id, document_id, path, seq, start, end, page, text, highlighted in rows:
        hits.append(
            SearchHit(
                document_id=document_id,
                path=path,
                passage_id=passage_id,
                seq=seq,
                start=start,
                end=end,
                page=page,
                text=text,
                marks=_merge_marks(text, _mark_spans(highlighted, len(text))),
                match=match,
            )
        )
    return hits


def _mark_spans(highlighted: str, length: int) -> tuple[tuple[int, int], ...]:
    """Hit positions from highlight() output; they hold for the original text (same length)."""
    spans: list[tuple[int, int]] = []
    position = 0
    opened: int | None = None
    for char in highlighted:
        if char == MARK_OPEN:
            opened = position
        elif char == MARK_CLOSE and opened is not None:
            spans.append((opened, position))
            opened = None
        else:
            position += 1
    if position != length:  # never expected: folding keeps lengths
        return ()
    return tuple(spans)


def _merge_marks(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """Hits separated only by spaces joined into one ("[hợp tác xã]", not "[hợp] [tác] [xã]")."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not text[merged[-1][1] : start].strip(" \t"):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)


# --- export ------------------------------------------------------------------------------------


def iter_export_rows(
    db: sqlite_utils.Database, include_removed: bool = False
) -> Iterator[dict[str, Any]]:
    """The JSONL export: per document, a document line then one line per item, by offset.

    Field names and values follow the gold format (a range value is {"min", "max"}), so the
    evaluation can score this output directly.
    """
    for document in iter_documents(db, include_removed=include_removed):
        path = document["path"]
        yield {
            "type": "document",
            "document": path,
            "title": document["title"],
            "published": document["published"],
            "text": document["text"],
        }
        for table, kind in EXPORT_TYPES.items():
            for row in iter_items(db, table, document["id"]):
                yield _export_item(kind, path, row)


def _value_json(value: float, value_max: float | None) -> Any:
    if value_max is None:
        return plain_number(value)
    return {"min": plain_number(value), "max": plain_number(value_max)}


def _export_item(kind: str, path: str, row: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "type": kind,
        "id": row["id"],
        "document": path,
        "start": row["start"],
        "end": row["end"],
        "text": row["text"],
    }
    if kind == "figure":
        item |= {
            "value": _value_json(row["value"], row["value_max"]),
            "unit": row["unit"],
            "kind": row["kind"],
            "qualifier": row["qualifier"],
            "as_of": row["as_of"],
        }
    elif kind == "date":
        item |= {"value": row["value"], "kind": row["kind"]}
    elif kind == "legal_ref":
        item |= {
            "doc_type": row["doc_type"],
            "number": row["number"],
            "date": row["date"],
            "issuer": row["issuer"],
            "name": row["name"],
        }
    else:
        item |= {
            "value": _value_json(row["value"], row["value_max"]),
            "unit": row["unit"],
            "qualifier": row["qualifier"],
            "comparator": row["comparator"],
            "deadline": row["deadline"],
            "metric": row["metric"],
            "scope": row["scope"],
        }
    item["rule"] = row["rule"]
    return item


# --- cross-document target links (pipeline/linking.py) -----------------------------------------


def refresh_target_links(db: sqlite_utils.Database) -> None:
    """Recompute target groups and conflicts over all visible documents, in one transaction."""
    from pipeline.linking import link_tables

    targets = target_rows(db)
    figures = figure_rows(db, dated_only=True)
    tables = link_tables(targets, figures)
    with db.atomic():
        for statement in LINK_SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        for table in ("target_group_members", "target_groups", "conflicts"):
            db.execute(f"DELETE FROM {table}")
        for table, rows in tables.items():
            _insert_rows(db, table, rows)
