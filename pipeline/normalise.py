"""Canonical text: the one normalisation every offset in chitieu is taken against.

Gold annotations and every extractor anchor on the same string, so the rules here are few and
fixed: strip the byte-order mark, unify line ends, convert legacy Vietnamese font encodings,
compose to Unicode NFC, and drop control characters. Nothing else (no whitespace folding).
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.legacy import detect_legacy_encoding, to_unicode
from pipeline.models import PageSpan, ReadResult

BOM = "\ufeff"
PAGE_SEPARATOR = "\n\n"
# Line ends: CRLF, lone CR, and the Unicode line/paragraph separators; form feed starts a new line.
LINE_END_PATTERN = re.compile(r"\r\n|[\r\f\u2028\u2029\x85]")
# C0 controls other than tab and newline, DEL, and C1 controls.
CONTROL_PATTERN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def convert_legacy(text: str) -> tuple[str, str | None]:
    """Text in a legacy Vietnamese font encoding (TCVN3/ABC, VNI) converted to Unicode.

    Returns the text and the name of the encoding found ("tcvn3", "vni"), or the text unchanged
    and None. It runs before NFC so the converted text comes out composed.
    """
    encoding = detect_legacy_encoding(text)
    if encoding is None:
        return text, None
    return to_unicode(text, encoding), encoding


def normalise_text(text: str) -> str:
    """``text`` as canonical text: no BOM, ``\\n`` line ends, NFC, no control characters."""
    if text.startswith(BOM):
        text = text[len(BOM) :]
    text = LINE_END_PATTERN.sub("\n", text)
    text, _encoding = convert_legacy(text)
    text = unicodedata.normalize("NFC", text)
    return CONTROL_PATTERN.sub("", text)


def canonical_text(result: ReadResult) -> tuple[str, tuple[PageSpan, ...]]:
    """The document's canonical text and, for a paged result, each page's range in it.

    Each chunk is normalised on its own and chunks are joined with a blank line, so a page's
    range is exact on the canonical text and never spans the separator.
    """
    parts = [normalise_text(chunk) for chunk in result.chunks]
    if not result.paged:
        return PAGE_SEPARATOR.join(parts), ()
    spans: list[PageSpan] = []
    offset = 0
    for page, part in enumerate(parts, start=1):
        spans.append(PageSpan(page=page, start=offset, end=offset + len(part)))
        offset += len(part) + len(PAGE_SEPARATOR)
    return PAGE_SEPARATOR.join(parts), tuple(spans)
