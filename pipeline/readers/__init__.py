"""Readers: any supported file to a :class:`~pipeline.models.ReadResult`.

``read_file`` chooses the reader from the file's bytes (magic numbers, BOMs, NUL patterns, HTML
markers) and falls back on its extension; everything it cannot read becomes a
:class:`~pipeline.errors.ReadError` with a stage and a one-line reason.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.config import MiB, Options
from pipeline.errors import ReadError
from pipeline.models import ReadResult
from pipeline.readers.detect import detect_format
from pipeline.readers.docx import read_docx
from pipeline.readers.html import read_html
from pipeline.readers.pdf import read_pdf
from pipeline.readers.txt import read_txt

__all__ = ["read_file", "read_bytes", "detect_format"]

READERS: dict[str, Callable[[bytes, Options], ReadResult]] = {
    "txt": lambda data, options: read_txt(data),
    "html": lambda data, options: read_html(data),
    "pdf": read_pdf,
    "docx": read_docx,
}


def read_file(path: Path, options: Options | None = None) -> ReadResult:
    """The text of the file at ``path``, or ReadError saying why it cannot be read."""
    options = options or Options()
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ReadError("read", "not a regular file")
        if size > options.max_file_bytes:
            raise ReadError("limits", too_large_message(size, options.max_file_bytes))
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReadError("read", "file not found") from exc
    except PermissionError as exc:
        raise ReadError("read", "permission denied") from exc
    except IsADirectoryError as exc:
        raise ReadError("read", "is a directory, not a file") from exc
    except OSError as exc:
        raise ReadError("read", f"cannot read file: {exc.strerror or exc}") from exc
    return read_bytes(data, path, options)


def too_large_message(size: int, limit: int) -> str:
    """ "too large (52 MB > 50 MB limit): ..." with the exact byte counts and how to raise it."""
    return (
        f"too large ({human_size(size)} > {human_size(limit)} limit): file is {size} bytes, "
        f"over the limit of {limit} (max_file_bytes); raise it with --max-file-mb"
    )


def human_size(size: int) -> str:
    """A byte count for people: 54525952 → "52 MB", 1536 → "1.5 KB", 100 → "100 bytes"."""
    if size >= MiB:
        return f"{round(size / MiB, 1):g} MB"
    if size >= 1024:
        return f"{round(size / 1024, 1):g} KB"
    return f"{size} bytes"


def read_bytes(data: bytes, path: Path, options: Options | None = None) -> ReadResult:
    """The text of ``data``, a file's content; ``path`` only lends its extension."""
    options = options or Options()
    if not data:
        raise ReadError("read", "empty file (0 bytes)")
    if len(data) > options.max_file_bytes:
        raise ReadError("limits", too_large_message(len(data), options.max_file_bytes))
    file_format = detect_format(Path(path), data)
    try:
        result = READERS[file_format](data, options)
    except ReadError:
        raise
    except RecursionError as exc:
        raise ReadError(file_format, "document nested too deeply to read") from exc
    except Exception as exc:  # noqa: BLE001 - no raw library exception may escape a reader
        raise ReadError(file_format, f"{type(exc).__name__}: {exc}") from exc
    chars = sum(len(chunk) for chunk in result.chunks)
    if chars > options.max_text_chars:
        raise ReadError(
            "limits",
            f"text is {chars} characters, over the limit of {options.max_text_chars} (max_text_chars)",
        )
    if not any(chunk.strip() for chunk in result.chunks) and not result.warnings:
        result = ReadResult(**{**result.__dict__, "warnings": ("no text in the file",)})
    return result
