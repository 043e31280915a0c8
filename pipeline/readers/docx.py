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
from pipeline.legacy import encoding_for_font, font_is_all_caps, to_unicode
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
    encoding = convert_legacy_runs(document)
    blocks = [block for block in _body_blocks(document.element.body) if block.strip()]
    title = (document.core_properties.title or "").strip() or None
    return ReadResult(
        chunks=(PARAGRAPH_SEPARATOR.join(blocks),), format="docx", encoding=encoding, title=title
    )


def convert_legacy_runs(document) -> str | None:
    """Convert, in the parsed XML, the text of runs set in a legacy font (.VnTime → TCVN3,
    VNI-Times → VNI) to Unicode; returns the first legacy encoding met, or None.

    A run's font is its own ``w:rFonts``, else its character style's, else its paragraph
    style's (following ``basedOn``), else the document default. A run whose text already holds
    Unicode Vietnamese letters beyond the 8-bit range is left alone, whatever its font.
    """
    style_fonts, default_font = _style_fonts(document)
    found: str | None = None
    for paragraph in document.element.body.iter(W_NS + "p"):
        paragraph_style = _style_id(paragraph.find(W_NS + "pPr"), "pStyle")
        for run in paragraph.iter(W_NS + "r"):
            properties = run.find(W_NS + "rPr")
            font = (
                _rfonts_name(properties)
                or style_fonts.get(_style_id(properties, "rStyle") or "")
                or style_fonts.get(paragraph_style or "")
                or default_font
            )
            encoding = encoding_for_font(font) if font else None
            if encoding is None:
                continue
            for node in run.iter(W_NS + "t"):
                if node.text and _is_eight_bit(node.text):
                    node.text = to_unicode(node.text, encoding, uppercase=font_is_all_caps(font))
                    found = found or encoding
    return found


def _style_id(properties, tag: str) -> str | None:
    if properties is None:
        return None
    element = properties.find(W_NS + tag)
    return None if element is None else element.get(W_NS + "val")


def _rfonts_name(properties) -> str | None:
    if properties is None:
        return None
    fonts = properties.find(W_NS + "rFonts")
    if fonts is None:
        return None
    return fonts.get(W_NS + "ascii") or fonts.get(W_NS + "hAnsi")


def _style_fonts(document) -> tuple[dict[str, str], str | None]:
    """Each style's font (inherited through ``basedOn``) and the font of unstyled paragraphs
    (the default paragraph style's, else the document default)."""
    try:
        styles = document.styles.element
    except Exception:  # noqa: BLE001 - a DOCX without a styles part has no style fonts
        return {}, None
    default = _rfonts_name(styles.find(f"{W_NS}docDefaults/{W_NS}rPrDefault/{W_NS}rPr"))
    own: dict[str, str | None] = {}
    parents: dict[str, str | None] = {}
    default_paragraph_style = None
    for style in styles.iter(W_NS + "style"):
        style_id = style.get(W_NS + "styleId") or ""
        if style.get(W_NS + "type") == "paragraph" and style.get(W_NS + "default") in ("1", "true"):
            default_paragraph_style = style_id
        own[style_id] = _rfonts_name(style.find(W_NS + "rPr"))
        parents[style_id] = _style_id(style, "basedOn")
    resolved: dict[str, str] = {}
    for style_id in own:
        current: str | None = style_id
        seen: set[str] = set()
        while current and current not in seen:
            seen.add(current)
            if own.get(current):
                resolved[style_id] = own[current]
                break
            current = parents.get(current)
    return resolved, resolved.get(default_paragraph_style or "") or default


def _is_eight_bit(text: str) -> bool:
    """Whether ``text`` is legacy-font bytes as Word shows them (cp1252 or latin-1 characters)."""
    for codec in ("cp1252", "latin-1"):
        try:
            text.encode(codec)
            return True
        except UnicodeEncodeError:
            continue
    return False


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
