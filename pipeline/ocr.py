"""OCR of scanned PDF pages with the local ``tesseract`` program (no network, no Python binding).

A page without a text layer is rendered with pypdfium2 at :data:`RENDER_DPI` and its PNG piped
through ``tesseract - - -l vie``. When tesseract or its Vietnamese data is missing, nothing is
guessed: :func:`ocr_unavailable_reason` says what to install, and the caller records it.
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
from collections.abc import Sequence

import pypdfium2

RENDER_DPI = 300
PDF_POINTS_PER_INCH = 72
# Seconds tesseract may spend on one page before the page is given up.
PAGE_TIMEOUT_SECONDS = 120
INSTALL_HINT = "install: apt-get install tesseract-ocr tesseract-ocr-vie"
LANGUAGE_PACKAGES = {"vie": "Vietnamese (tesseract-ocr-vie)", "eng": "English (tesseract-ocr-eng)"}


class OcrError(Exception):
    """Tesseract failed on a page (crash, timeout); the message says which and why."""


@functools.lru_cache(maxsize=8)
def installed_languages(executable: str = "tesseract") -> frozenset[str]:
    """The language data tesseract has (``tesseract --list-langs``); empty when it is missing."""
    program = shutil.which(executable)
    if program is None:
        return frozenset()
    try:
        listing = subprocess.run(
            [program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    lines = (listing.stdout + "\n" + listing.stderr).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and " " not in line.strip())


def ocr_unavailable_reason(languages: str = "vie") -> str | None:
    """Why OCR in ``languages`` ("vie", "vie+eng") cannot run here, or None when it can."""
    have = installed_languages()
    missing = [lang for lang in languages.split("+") if lang and lang not in have]
    if not missing:
        return None
    named = ", ".join(LANGUAGE_PACKAGES.get(lang, lang) for lang in missing)
    return f"tesseract with {named} is not installed; {INSTALL_HINT}"


def render_page_png(data: bytes, page_number: int, dpi: int = RENDER_DPI) -> bytes:
    """Page ``page_number`` (1-based) of the PDF in ``data`` as PNG bytes at ``dpi``."""
    document = pypdfium2.PdfDocument(data)
    try:
        page = document[page_number - 1]
        try:
            bitmap = page.render(scale=dpi / PDF_POINTS_PER_INCH, grayscale=True)
            image = bitmap.to_pil()
        finally:
            page.close()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def ocr_image(png: bytes, languages: str = "vie", timeout: float = PAGE_TIMEOUT_SECONDS) -> str:
    """The text tesseract reads in one image; OcrError when it fails or runs out of time."""
    program = shutil.which("tesseract")
    if program is None:
        raise OcrError(f"tesseract is not installed; {INSTALL_HINT}")
    try:
        completed = subprocess.run(
            [program, "-", "-", "-l", languages],
            input=png,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"tesseract took more than {timeout:g} s") from exc
    except OSError as exc:
        raise OcrError(f"tesseract could not run: {exc}") from exc
    if completed.returncode != 0:
        detail = " ".join(completed.stderr.decode("utf-8", "replace").split())[:200]
        raise OcrError(f"tesseract failed (exit {completed.returncode}): {detail}")
    return completed.stdout.decode("utf-8", "replace")


def ocr_pdf_pages(
    data: bytes, page_numbers: Sequence[int], languages: str = "vie"
) -> dict[int, str]:
    """Recognised text of the given 1-based pages of a PDF, by page number (empty pages left out)."""
    recognised: dict[int, str] = {}
    for number in page_numbers:
        text = ocr_image(render_page_png(data, number), languages)
        if text.strip():
            recognised[number] = text
    return recognised
