"""PDF files: the text layer of each page, one chunk per page.

pypdfium2 is the text source (fast, hundreds of pages a second). pdfplumber is asked only for a
page whose pypdfium2 text is mostly unmapped glyphs, and its answer is kept only when it is not
``(cid:NN)`` garbage itself. Pages without a text layer are offered to :func:`ocr_pages`
(tesseract, see :mod:`pipeline.ocr`); pages typed in TCVN3/VNI fonts are converted to Unicode.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import pypdfium2

from pipeline import ocr
from pipeline.config import Options
from pipeline.errors import ReadError
from pipeline.legacy import convert_legacy
from pipeline.models import ReadResult

EOF_MARKER = b"%%EOF"
# How far from the end the %%EOF marker may sit (trailing junk after it is common).
EOF_SEARCH_BYTES = 8192
CID_PATTERN = re.compile(r"\(cid:\d+\)")
# Characters that mean a glyph had no Unicode mapping: replacement char, private use, C0.
UNMAPPED_PATTERN = re.compile(r"[\ufffd\ue000-\uf8ff\x00-\x08\x0e-\x1f]")
MAX_UNMAPPED_SHARE = 0.2
MIN_PAGE_CHARS = 1


def read_pdf(data: bytes, options: Options) -> ReadResult:
    """A PDF as one chunk per page; pages without text are listed in ``warnings``."""
    if EOF_MARKER not in data[-EOF_SEARCH_BYTES:]:
        raise ReadError("pdf", "corrupt or truncated PDF: no %%EOF marker at the end of the file")
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise ReadError("pdf", "encrypted PDF (password required)") from exc
        raise ReadError("pdf", f"corrupt or truncated PDF: {message}") from exc
    try:
        page_count = len(document)
        if page_count > options.max_pdf_pages:
            raise ReadError(
                "limits",
                f"too many pages: PDF has {page_count} pages, over the limit of "
                f"{options.max_pdf_pages} (max_pdf_pages; raise it with --max-pages)",
            )
        if page_count == 0:
            raise ReadError("pdf", "PDF has no pages")
        chunks = [_page_text(document, index, data) for index in range(page_count)]
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfium failures mid-document are read errors
        raise ReadError("pdf", f"corrupt or truncated PDF: {exc}") from exc
    finally:
        document.close()
    empty = [
        number for number, text in enumerate(chunks, start=1) if len(text.strip()) < MIN_PAGE_CHARS
    ]
    recognised = ocr_pages(data, empty, options) if empty else {}
    for number, text in recognised.items():
        chunks[number - 1] = text
    chunks, encoding = convert_legacy_pages(chunks)
    warnings = tuple(
        no_text_layer_warning(number, options) for number in empty if number not in recognised
    )
    if len(empty) == page_count and not recognised:
        warnings += ("no page has a text layer (scanned PDF?); OCR needed",)
    return ReadResult(
        chunks=tuple(chunks),
        format="pdf",
        encoding=encoding,
        paged=True,
        ocr_pages=tuple(sorted(recognised)),
        warnings=warnings,
    )


def ocr_pages(data: bytes, page_numbers: Sequence[int], options: Options) -> dict[int, str]:
    """Text recognised on the given 1-based pages, by page number (see :mod:`pipeline.ocr`).

    Raises ReadError when tesseract fails on a page; returns nothing when OCR is off or not
    installed (the caller says so in the warnings).
    """
    if options.ocr == "off" or ocr.ocr_unavailable_reason(options.ocr_languages) is not None:
        return {}
    try:
        return ocr.ocr_pdf_pages(data, page_numbers, options.ocr_languages)
    except ocr.OcrError as exc:
        raise ReadError("ocr", f"OCR of a scanned page failed: {exc}") from exc


def no_text_layer_warning(page: int, options: Options) -> str:
    """What the user is told about a page without text that was not OCR'd, and why not."""
    if options.ocr == "off":
        return f"page {page} has no text layer and OCR is off (Options.ocr)"
    reason = ocr.ocr_unavailable_reason(options.ocr_languages)
    if reason is not None:
        return f"page {page} has no text layer and {reason}"
    return f"page {page} has no text layer"  # OCR ran and found nothing: a blank page


def convert_legacy_pages(chunks: Sequence[str]) -> tuple[list[str], str | None]:
    """Pages typed in a legacy font encoding (TCVN3, VNI) converted to Unicode, and which one."""
    converted: list[str] = []
    found: str | None = None
    for text in chunks:
        text, encoding = convert_legacy(text)
        found = found or encoding
        converted.append(text)
    return converted, found


def _page_text(document: pypdfium2.PdfDocument, index: int, data: bytes) -> str:
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()
    if text and len(UNMAPPED_PATTERN.findall(text)) > MAX_UNMAPPED_SHARE * len(text):
        better = _pdfplumber_text(data, index)
        if better is not None:
            return better
    return text


def _pdfplumber_text(data: bytes, index: int) -> str | None:
    """pdfplumber's text for one page, or None when it is (cid:NN) garbage or fails."""
    try:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            text = pdf.pages[index].extract_text() or ""
    except Exception:  # noqa: BLE001 - a second opinion that fails is simply not used
        return None
    cids = CID_PATTERN.findall(text)
    if not text.strip() or sum(map(len, cids)) > 0.2 * len(text):
        return None
    return text
