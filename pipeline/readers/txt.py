"""Plain-text files: decode the bytes, recording which encoding was used."""

from __future__ import annotations

import codecs

from pipeline.errors import ReadError
from pipeline.legacy import decode_legacy_bytes
from pipeline.models import ReadResult
from pipeline.readers.detect import SNIFF_BYTES, looks_like_utf16

# Single-byte encoding tried when bytes are not UTF-8: Windows Vietnamese.
LEGACY_ENCODING = "cp1258"
# Share of C0 control bytes (other than tab, newline, carriage return, form feed) above which
# bytes are binary data rather than text.
MAX_CONTROL_SHARE = 0.05
TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1a\x1b")


def decode_text(data: bytes) -> tuple[str, str]:
    """The text in ``data`` and the encoding name it was decoded with.

    Order: BOM (utf-8-sig, utf-16), BOM-less UTF-16 by its NUL pattern, UTF-8, legacy
    Vietnamese font encodings (TCVN3, VNI; converted to Unicode here), then cp1258.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data, "utf-8-sig"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16"), "utf-16"
    head = data[:SNIFF_BYTES]
    if looks_like_utf16(head):
        encoding = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        return _decode(data, encoding), encoding
    reject_binary(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return decode_single_byte(data)


def decode_single_byte(data: bytes) -> tuple[str, str]:
    """Bytes that are not UTF-8: TCVN3/VNI converted to Unicode when they read as such, else cp1258."""
    legacy = decode_legacy_bytes(data)
    if legacy is not None:
        return legacy
    return data.decode(LEGACY_ENCODING, errors="replace"), LEGACY_ENCODING


def reject_binary(data: bytes) -> None:
    """ReadError when ``data`` holds NUL bytes or many control bytes: binary data, not text."""
    head = data[: SNIFF_BYTES * 4]
    nul_at = head.find(b"\x00")
    if nul_at >= 0:
        raise ReadError(
            "decode", f"binary data, not text: NUL bytes (first at byte {nul_at}) in the file"
        )
    controls = sum(1 for byte in head if byte < 32 and byte not in TEXT_CONTROLS)
    if head and controls / len(head) > MAX_CONTROL_SHARE:
        raise ReadError(
            "decode", f"binary data, not text: {controls} control bytes in the first {len(head)}"
        )


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError("decode", f"invalid {encoding} at byte {exc.start}: {exc.reason}") from exc


def read_txt(data: bytes) -> ReadResult:
    """A plain-text file as one chunk."""
    text, encoding = decode_text(data)
    warnings: tuple[str, ...] = ()
    if "\ufffd" in text and encoding == LEGACY_ENCODING:
        warnings = (f"bytes undefined in {LEGACY_ENCODING} replaced by U+FFFD",)
    return ReadResult(chunks=(text,), format="txt", encoding=encoding, warnings=warnings)
