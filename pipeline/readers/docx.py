"""Word (.docx) files: paragraphs and tables in reading order.

The body's XML children are walked in order so a table stays where it stands; a table row is one
line with its cells joined by " | ". The zip's declared uncompressed size is checked before
parsing so a zip bomb is refused without being inflated.
"""

from __future__ import annotations

import io
import zipfile

from pipeline.config import Options
from pipeline.errors import ReadError
from pipeline.models import ReadResult

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CELL_SEPARATOR = " | "
PARAGRAPH_SEPARATOR = "\n\n"


def read_docx(data: bytes, options: Options) -> ReadResult:
    """A .docx as one chunk: paragraphs apart by a blank line, table rows one per line."""
    check_zip_size(data, options.max_docx_uncompressed_bytes)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on bad input
        raise ReadError("docx", f"corrupt DOCX: {type(exc).__name__}: {exc}") from exc
    blocks = [block for block in _body_blocks(document.element.body) if block.strip()]
    title = (document.core_properties.title or "").strip() or None
    return ReadResult(chunks=(PARAGRAPH_SEPARATOR.join(blocks),), format="docx", title=title)


def check_zip_size(data: bytes, limit: int) -> None:
    """ReadError when the zip's members declare more than ``limit`` uncompressed bytes."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError("docx", f"corrupt or truncated DOCX (zip): {exc}") from exc
    declared = sum(member.file_size for member in members)
    if declared > limit:
        raise ReadError(
            "limits",
            f"DOCX declares {declared} uncompressed bytes, over the limit of {limit} "
            "(max_docx_uncompressed_bytes; zip bomb?)",
        )


def _body_blocks(container) -> list[str]:
    blocks: list[str] = []
    for child in container.iterchildren():
        tag = child.tag
        if tag == W_NS + "p":
            blocks.append(_paragraph_text(child))
        elif tag == W_NS + "tbl":
            blocks.append("\n".join(_table_rows(child)))
        elif tag == W_NS + "sdt":
            content = child.find(W_NS + "sdtContent")
            if content is not None:
                blocks.extend(_body_blocks(content))
    return blocks


def _paragraph_text(paragraph) -> str:
    parts: list[str] = []
    for node in paragraph.iter(W_NS + "t", W_NS + "tab", W_NS + "br", W_NS + "cr"):
        if node.tag == W_NS + "t":
            parts.append(node.text or "")
        elif node.tag == W_NS + "tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _table_rows(table) -> list[str]:
    rows: list[str] = []
    for row in table.iterchildren(W_NS + "tr"):
        cells: list[str] = []
        for cell in row.iterchildren(W_NS + "tc"):
            texts = [_paragraph_text(p) for p in cell.iter(W_NS + "p")]
            text = " ".join(" ".join(t.split()) for t in texts if t.strip())
            if text and not _continues_vertical_merge(cell):
                cells.append(text)
        if cells:
            rows.append(CELL_SEPARATOR.join(cells))
    return rows


def _continues_vertical_merge(cell) -> bool:
    properties = cell.find(W_NS + "tcPr")
    if properties is None:
        return False
    merge = properties.find(W_NS + "vMerge")
    return merge is not None and merge.get(W_NS + "val") in (None, "continue")
