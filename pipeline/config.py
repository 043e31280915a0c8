"""Options that travel through every stage of an ingest run (one object, not long arg lists)."""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024


@dataclass(frozen=True)
class Options:
    """How a run reads files. Limits protect the run from a single huge or hostile file."""

    max_file_bytes: int = 50 * MiB
    max_pdf_pages: int = 2000
    max_text_chars: int = 20_000_000
    max_docx_uncompressed_bytes: int = 200 * MiB
    ocr: str = "auto"  # "auto": OCR scanned PDF pages when tesseract is installed; "off": never
    ocr_languages: str = "vie"
    batch_size: int = 16
    # Processes that read and extract in parallel (the store is written by the main process):
    # 0 = one per CPU core, up to 4; 1 = in-process. Small runs always stay in-process.
    workers: int = 0
