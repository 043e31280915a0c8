"""Which reader a file needs, decided from its first bytes and, failing that, its extension."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from pipeline.errors import ReadError

# Formats chitieu reads, by extension, for files whose bytes do not decide.
EXTENSION_FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    "": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
# Binary formats recognised by their magic bytes that chitieu does not read, and what they are.
UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 file (.doc/.xls, Office 97-2003)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
)
BOMS: tuple[bytes, ...] = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
SNIFF_BYTES = 4096
# Markers that make text HTML whatever its extension (checked at the start of the text).
HTML_START_PATTERN = re.compile(
    rb"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<\?xml[^>]*>\s*<html)", re.I
)
# Tags whose presence makes extension-less text HTML.
HTML_TAG_PATTERN = re.compile(rb"<(?:p|div|br|h[1-6]|table|body|span|a\s)[\s>/]", re.I)
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"


def detect_format(path: Path, data: bytes) -> str:
    """The reader for ``data`` ("txt", "html", "pdf", "docx"), or ReadError saying why none fits."""
    suffix = path.suffix.lower()
    head = data[:SNIFF_BYTES]
    if data.lstrip().startswith(PDF_MAGIC) or (suffix == ".pdf" and PDF_MAGIC in data[:1024]):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return _zip_format(data, suffix)
    for magic, what in UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            raise ReadError("detect", f"{what}, not a supported format")
    if suffix in (".pdf", ".docx"):
        kind = "PDF" if suffix == ".pdf" else "DOCX (zip)"
        raise ReadError("detect", f"named {suffix} but the content is not {kind}")
    if suffix not in EXTENSION_FORMATS:
        raise ReadError("detect", f"{suffix} is not a supported format")
    if head.startswith(BOMS) or looks_like_utf16(head):
        body = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    else:
        body = head
    if EXTENSION_FORMATS[suffix] == "html" or HTML_START_PATTERN.match(body.lstrip(BOMS[0])):
        return "html"
    if suffix == "" and len(HTML_TAG_PATTERN.findall(body)) >= 3:
        return "html"
    return "txt"


def looks_like_utf16(head: bytes) -> bool:
    """True when BOM-less bytes look like UTF-16: NULs in every other byte of mostly-ASCII text."""
    sample = head[: SNIFF_BYTES - SNIFF_BYTES % 2]
    if len(sample) < 4:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_nuls, odd_nuls) >= 0.3 * half and min(even_nuls, odd_nuls) <= 0.02 * half


def _zip_format(data: bytes, suffix: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError("detect", f"corrupt or truncated zip archive: {exc}") from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        raise ReadError("detect", ".xlsx is not a supported format (spreadsheet)")
    if "ppt/presentation.xml" in names:
        raise ReadError("detect", ".pptx is not a supported format (presentation)")
    if "content.xml" in names:
        raise ReadError("detect", "OpenDocument (.odt/.ods) is not a supported format")
    shown = suffix or "zip archive"
    raise ReadError("detect", f"{shown} is not a supported format (zip without word/document.xml)")
