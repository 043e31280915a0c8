"""Builders of bad and awkward inputs, made at test time (nothing large is kept in the repo),
and helpers to run ingest and snapshot the store."""

from __future__ import annotations

import io
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from paths import EXTRA, SEEDS

from pipeline.legacy import from_unicode
from pipeline.models import RunSummary

SEED_DIR = SEEDS
EXTRA_DIR = EXTRA
BUNDLED_CORPUS = Path(__file__).resolve().parents[2] / "corpus"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="DejaVuSans.ttf not installed")
# Real sentences of official text, used for every generated document.
SENTENCES = (
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch số 125/KH-UBND ngày 11/6/2019 về phát triển kinh tế tập thể.",
    "Phấn đấu đến năm 2025, toàn tỉnh có 1.200 hợp tác xã, trong đó 60% hoạt động hiệu quả.",
    "Thực hiện Nghị quyết số 20-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII.",
)
BODY = " ".join(SENTENCES)
# Item tables a document's rows are spread over.
CONTENT_TABLES = ("passages", "figures", "dates", "legal_refs", "targets")


def seed_dir() -> Path:
    return SEED_DIR if SEED_DIR.is_dir() else BUNDLED_CORPUS


def seed_sentences(limit: int = 40) -> list[str]:
    """Real lines of the seed documents holding Vietnamese letters (for both-ways detection)."""
    lines: list[str] = []
    for path in sorted(seed_dir().glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) > 40 and any(ord(char) > 0x2FF for char in line):
                lines.append(line)
    step = max(1, len(lines) // limit)
    return lines[::step][:limit]


def legacy_bytes(text: str, encoding: str) -> bytes:
    """``text`` as a file typed in a legacy font holds it (TCVN3 or VNI bytes)."""
    return from_unicode(text, encoding).encode("cp1252")


def text_pdf(pages: list[str], *, password: str | None = None) -> bytes:
    """A PDF with one text page per entry ("" gives a page with no text layer)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    for page in pages:
        pdf.add_page()
        if page:
            pdf.multi_cell(0, 6, page)
    if password is not None:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    return bytes(pdf.output())


def scanned_pdf(pages: list[str | None]) -> bytes:
    """A PDF whose pages are images of the given text (None: a text-layer page with BODY)."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    pdf = FPDF(unit="pt", format="A4")
    for page in pages:
        pdf.add_page()
        if page is None:
            pdf.add_font("DejaVu", fname=str(FONT))
            pdf.set_font("DejaVu", size=11)
            pdf.multi_cell(0, 14, BODY)
            continue
        font = ImageFont.truetype(str(FONT), 40)
        image = Image.new("L", (2480, 200 + 90 * len(page.splitlines())), 255)
        draw = ImageDraw.Draw(image)
        for number, line in enumerate(page.splitlines()):
            draw.text((120, 100 + 90 * number), line, font=font, fill=0)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        buffer.seek(0)
        pdf.image(buffer, x=0, y=0, w=595)
    return bytes(pdf.output())


def docx_bytes(runs: list[tuple[str, str | None]], normal_font: str | None = None) -> bytes:
    """A .docx with one paragraph per (text, font) run; ``normal_font`` styles the rest."""
    import docx

    document = docx.Document()
    if normal_font:
        document.styles["Normal"].font.name = normal_font
    for text, font in runs:
        run = document.add_paragraph().add_run(text)
        if font:
            run.font.name = font
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bomb_docx(megabytes: int = 300) -> bytes:
    """A small zip posing as .docx whose member inflates to ``megabytes`` MB of zeros."""
    buffer = io.BytesIO()
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(chunk)
    return buffer.getvalue()


def html_page(body: str, charset: str) -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>Tin</title></head>'
        f"<body><article><h1>Kế hoạch</h1><p>{body}</p></article></body></html>"
    )


def run_ingest(corpus: Path, db_path: Path, **options) -> RunSummary:
    from pipeline.config import Options
    from pipeline.ingest import ingest

    return ingest(corpus, db_path, Options(**options))


def connect(db_path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(db_path)
    connection.row_factory = sqlite3.Row
    return connection


def table_counts(db_path: Path) -> dict[str, int]:
    with connect(db_path) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "ingest_errors", "runs", *CONTENT_TABLES)
        }


def store_snapshot(db_path: Path) -> dict[str, object]:
    """Everything a run writes except ids, times and run rows, comparable across stores."""
    connection = connect(db_path)
    try:
        documents = {
            row["path"]: (row["sha256"], row["status"], row["encoding"], row["text"], row["ocr"])
            for row in connection.execute("SELECT * FROM documents")
        }
        snapshot: dict[str, object] = {"documents": documents}
        for table in CONTENT_TABLES:
            rows = connection.execute(
                f'SELECT d.path, t.start, t."end", t.text FROM {table} t '
                "JOIN documents d ON d.id = t.document_id"
            ).fetchall()
            snapshot[table] = sorted(tuple(row) for row in rows)
        errors = connection.execute(
            "SELECT e.path, e.stage, e.reason FROM ingest_errors e JOIN documents d "
            "ON d.id = e.document_id WHERE d.status = 'error'"
        ).fetchall()
        snapshot["errors"] = sorted(set(tuple(row) for row in errors))
        snapshot["integrity"] = connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()
    return snapshot


def copy_txt_corpus(source: Path, target: Path, limit: int | None = None) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.txt"))[:limit]:
        shutil.copy(path, target / path.name)
    return target


def cp1258_bytes(text: str) -> bytes:
    """``text`` in Windows Vietnamese (cp1258): a base letter then a combining tone mark."""
    import unicodedata

    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            tone = next(mark for mark in decomposed if mark in "\u0300\u0301\u0303\u0309\u0323")
            out += unicodedata.normalize("NFC", decomposed.replace(tone, "")).encode("cp1258")
            out += tone.encode("cp1258")
    return bytes(out)
