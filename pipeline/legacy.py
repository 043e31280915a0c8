"""Legacy Vietnamese font encodings (TCVN3/ABC and VNI-Windows) to Unicode.

Many official documents were typed with legacy fonts (.VnTime, VNI-Times...) whose bytes only
look Vietnamese in that font; read as cp1252 they show as "Uû ban nh©n d©n" (TCVN3) or
"UÛy ban nhaân daân" (VNI). This module recognises such text and converts it to NFC Unicode.

Detection is by plausibility: a text is called legacy only when it carries no Unicode Vietnamese
letters and the words holding 8-bit characters mostly turn into valid Vietnamese syllables under
one encoding, so ordinary Unicode Vietnamese (NFC or NFD), English, French or plain ASCII never
fire.

Capitals in TCVN3: the ABC fonts have codes for only seven capitals (Ă Â Ê Ô Ơ Ư Đ); a capital
toned vowel such as "Ế" is the lowercase code drawn by an all-capitals font (.VnTimeH). Without
font information the case is restored by context: inside a word whose other letters are
capitals (or a short word next to an all-capitals word) the letter becomes a capital, and at the
start of a line or sentence a word-initial toned vowel is capitalised. A capital toned vowel in the
middle of a sentence ("của Ủy ban") cannot be told from a lowercase one and comes out lowercase.
Readers that know the font pass ``uppercase=True`` for all-capitals fonts (see
:func:`font_is_all_caps`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from pipeline.legacy_tables import (
    CP1252_HIGH_CONTROLS,
    SYLLABLE_CODAS,
    SYLLABLE_NUCLEI,
    SYLLABLE_ONSETS,
    TCVN3_CAPITALISED_NAMES,
    TCVN3_TELLTALES,
    TCVN3_TO_UNICODE,
    VNI_TELLTALES,
    VNI_TO_UNICODE,
)

ENCODINGS = ("tcvn3", "vni")

# Detection thresholds: at least this many words must convert to valid syllables, this share of
# the words holding 8-bit characters must, and such words must be this share of all words.
MIN_VALID_WORDS = 2
MIN_VALID_SHARE = 0.75
MIN_LEGACY_WORD_SHARE = 0.08
MAX_JUDGED_WORDS = 3000
# Share of the valid words that must hold a telltale character of the encoding.
MIN_TELLTALE_SHARE = 0.1
_TELLTALES = {"tcvn3": frozenset(TCVN3_TELLTALES), "vni": frozenset(VNI_TELLTALES)}
# Unicode Vietnamese letters (beyond latin-1) this share of the 8-bit letters rules legacy out.
MAX_UNICODE_VIETNAMESE_SHARE = 0.05

# Font-name prefixes of each legacy family (lowercased, PDF subset tag "ABCDEF+" removed).
FONT_PREFIXES: dict[str, tuple[str, ...]] = {
    "tcvn3": (".vn", "vn3-"),
    "vni": ("vni-", "vni "),
}

_C1_TO_CP1252 = str.maketrans(CP1252_HIGH_CONTROLS)

# --- TCVN3 -------------------------------------------------------------------------------------

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_TCVN3_TRANSLATION = str.maketrans({**CP1252_HIGH_CONTROLS, **TCVN3_TO_UNICODE})
# Toned vowels that TCVN3 only has in lowercase shape: their case must come from context.
_TCVN3_CASELESS = "".join(
    letter
    for letter in TCVN3_TO_UNICODE.values()
    if letter.islower() and any(m in unicodedata.normalize("NFD", letter) for m in _TONE_MARKS)
)
_UNICODE_TO_TCVN3: dict[int, str] = {ord(u): code for code, u in TCVN3_TO_UNICODE.items()}
_UNICODE_TO_TCVN3.update(
    {ord(letter.upper()): _UNICODE_TO_TCVN3[ord(letter)] for letter in _TCVN3_CASELESS}
)
_WORD_WITH_CASELESS = re.compile(rf"(?<![^\W\d_])[^\W\d_]*?[{_TCVN3_CASELESS}][^\W\d_]*")
_WORD = re.compile(r"[^\W\d_]+")
_CAPITALISED_NAME = re.compile(
    r"(?<!\w)(?:{})(?!\w)".format("|".join(map(re.escape, TCVN3_CAPITALISED_NAMES)))
)
# What may stand between the start of a sentence and its first word: a paragraph start (text
# start, blank line, or a line break after closing punctuation), a list item on a new line, or
# closing punctuation in the line; then spaces, markup stars, an opening quote or bracket.
_SENTENCE_START_BEFORE = re.compile(
    r"(?:\n[ \t]*\n|[.!?…:;][\"”’)*]*[ \t]*\n|[.!?…][\"”’)*]*[ \t]+"
    r"|\n[ \t*]*(?:[-–—+•]|[0-9a-zđ]{1,3}[.)]|[IVXLC]+\.)[ \t*]+)"
    r"[ \t*#]*[\"“(]?$"
)

# --- VNI ---------------------------------------------------------------------------------------


def _vni_sequences() -> dict[str, str]:
    """The VNI table plus base letters written with the other-case mark (typists mixed them)."""
    sequences = dict(VNI_TO_UNICODE)
    for sequence, letter in VNI_TO_UNICODE.items():
        if len(sequence) == 2:
            base, mark = sequence
            swapped = base + (mark.lower() if mark.isupper() else mark.upper())
            sequences.setdefault(swapped, letter)
    return sequences


_VNI_SEQUENCES = _vni_sequences()
_VNI_PATTERN = re.compile(
    "|".join(re.escape(s) for s in sorted(_VNI_SEQUENCES, key=len, reverse=True))
)
_UNICODE_TO_VNI: dict[int, str] = {ord(u): seq for seq, u in VNI_TO_UNICODE.items()}

# --- Plausibility ------------------------------------------------------------------------------

_SYLLABLE = re.compile(
    "(?:{})?(?:{})(?:{})?".format(
        "|".join(sorted(SYLLABLE_ONSETS, key=len, reverse=True)),
        "|".join(sorted(SYLLABLE_NUCLEI, key=len, reverse=True)),
        "|".join(sorted(SYLLABLE_CODAS, key=len, reverse=True)),
    )
)
_VIETNAMESE_VOWELS = frozenset("aăâeêioôơuưy")
# Letters only Unicode Vietnamese has (outside latin-1), and the combining marks of NFD text.
_UNICODE_VIETNAMESE = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]"
)
_EIGHT_BIT = re.compile("[\u0080-\u00ff]")
_SOURCE_WORD = re.compile("[A-Za-z\u00a1-\u00ff]+")


def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` is shaped like one Vietnamese syllable (onset, vowel, coda, ≤ 1 tone)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(decomposed.count(mark) for mark in _TONE_MARKS)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    if bare == "gi":
        return True
    return _SYLLABLE.fullmatch(bare) is not None


def _convert_tcvn3_plain(text: str) -> str:
    return text.translate(_TCVN3_TRANSLATION)


def _convert_vni_plain(text: str) -> str:
    text = text.translate(_C1_TO_CP1252)
    return _VNI_PATTERN.sub(lambda match: _VNI_SEQUENCES[match.group()], text)


def _fully_mapped(source_word: str, encoding: str) -> bool:
    """Whether every 8-bit character of a source word is part of one of the encoding's letters."""
    if encoding == "tcvn3":
        return all(c < "\u0080" or c in TCVN3_TO_UNICODE for c in source_word)
    return _VNI_PATTERN.sub("", source_word.translate(_C1_TO_CP1252)).isascii()


@functools.lru_cache(maxsize=65536)
def _judge_word(source: str, encoding: str) -> int:
    """-1 if a word holding 8-bit characters does not convert to a valid syllable, 0 if moot,
    1 if it does, 2 if it does and holds a telltale character of the encoding."""
    if not _fully_mapped(source, encoding):
        return -1
    converted = _convert_tcvn3_plain(source) if encoding == "tcvn3" else _convert_vni_plain(source)
    if not any(c in _VIETNAMESE_VOWELS for c in unicodedata.normalize("NFD", converted.lower())):
        return 0  # an abbreviation such as "§T" (ĐT): no evidence either way
    if not is_vietnamese_syllable(converted):
        return -1
    return 2 if _TELLTALES[encoding].intersection(source) else 1


def _plausibility(text: str, encoding: str) -> tuple[int, int, int, int]:
    """(valid, with telltales, invalid, all words): how words holding 8-bit characters convert.

    Judging stops after MAX_JUDGED_WORDS such words: a long document says no more than its
    first few thousand legacy words.
    """
    valid = telltale = invalid = words = 0
    for match in _SOURCE_WORD.finditer(text.translate(_C1_TO_CP1252)):
        source = match.group()
        words += 1
        if source.isascii():
            continue
        verdict = _judge_word(source, encoding)
        valid += verdict > 0
        telltale += verdict == 2
        invalid += verdict == -1
        if valid + invalid >= MAX_JUDGED_WORDS:
            break
    return valid, telltale, invalid, words


def detect_legacy_encoding(text: str) -> str | None:
    """ "tcvn3", "vni" or None for text decoded as cp1252/latin-1 from a legacy-font source."""
    eight_bit = len(_EIGHT_BIT.findall(text))
    if eight_bit == 0:
        return None
    if len(_UNICODE_VIETNAMESE.findall(text)) > MAX_UNICODE_VIETNAMESE_SHARE * eight_bit:
        return None
    best: tuple[int, str] | None = None
    for encoding in ENCODINGS:
        valid, telltale, invalid, words = _plausibility(text, encoding)
        if valid < MIN_VALID_WORDS or valid < MIN_VALID_SHARE * (valid + invalid):
            continue
        if telltale == 0 or telltale < MIN_TELLTALE_SHARE * valid:
            continue
        if valid < MIN_LEGACY_WORD_SHARE * words:
            continue
        if best is None or valid > best[0]:
            best = (valid, encoding)
    return best[1] if best else None


def _at_sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 24) : position]
    if position <= 24:
        before = "\n\n" + before
    return _SENTENCE_START_BEFORE.search(before) is not None


def _is_capitals(word: str) -> bool | None:
    """True/False when the word's unambiguous letters decide its case (≥ 2 of them), else None."""
    cased = [c for c in word if c not in _TCVN3_CASELESS and c.lower() != c.upper()]
    if len(cased) < 2:
        return None
    return all(c.isupper() for c in cased)


def _side_votes_capitals(words: list[re.Match[str]], text: str, edge: int) -> bool | None:
    """How the nearest decisive word on one side votes, walking only across spaces.

    A capitalised acronym (UBND, HTX) is not a vote: only a capitalised Vietnamese syllable is.
    """
    for match in words:
        gap = text[min(edge, match.end()) : max(edge, match.start())]
        if gap.strip(" \t"):
            return None
        verdict = _is_capitals(match.group())
        if verdict is not None:
            return verdict and is_vietnamese_syllable(match.group())
        edge = match.start() if match.end() <= edge else match.end()
    return None


def _neighbours_are_capitals(text: str, start: int, end: int) -> bool:
    """Whether the words around a short word are capitalised syllables (and none lowercase)."""
    before = list(_WORD.finditer(text, max(0, start - 60), start))[::-1]
    after = list(_WORD.finditer(text, end, end + 60))
    votes = [_side_votes_capitals(before, text, start), _side_votes_capitals(after, text, end)]
    return True in votes and False not in votes


def _restore_tcvn3_case(text: str) -> str:
    """Capitalise toned vowels that TCVN3 could only write in lowercase shape (see module doc)."""
    pieces: list[str] = []
    last = 0
    for match in _WORD_WITH_CASELESS.finditer(text):
        word = match.group()
        if word.islower():
            if word[0] not in _TCVN3_CASELESS or not _at_sentence_start(text, match.start()):
                continue
            fixed = word[0].upper() + word[1:]
        else:
            verdict = _is_capitals(word)
            if verdict is None:
                verdict = _neighbours_are_capitals(text, match.start(), match.end())
            if not verdict:
                continue
            fixed = word.upper()
        pieces.append(text[last : match.start()])
        pieces.append(fixed)
        last = match.end()
    pieces.append(text[last:])
    restored = "".join(pieces)
    return _CAPITALISED_NAME.sub(lambda m: TCVN3_CAPITALISED_NAMES[m.group()], restored)


def to_unicode(text: str, encoding: str, *, uppercase: bool = False) -> str:
    """Convert legacy-encoded ``text`` to NFC Unicode; ``uppercase`` for all-capitals fonts."""
    if encoding == "tcvn3":
        converted = _convert_tcvn3_plain(text)
        converted = converted.upper() if uppercase else _restore_tcvn3_case(converted)
    elif encoding == "vni":
        converted = _convert_vni_plain(text)
        if uppercase:
            converted = converted.upper()
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")
    return unicodedata.normalize("NFC", converted)


def from_unicode(text: str, encoding: str) -> str:
    """Write Unicode ``text`` as a legacy font would (inverse of :func:`to_unicode`).

    TCVN3 writes capital toned vowels with their lowercase code, as .VnTime typists did.
    """
    text = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        return text.translate(_UNICODE_TO_TCVN3)
    if encoding == "vni":
        return text.translate(_UNICODE_TO_VNI)
    raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")


def convert_legacy(text: str) -> tuple[str, str | None]:
    """Detect then convert: (Unicode text, encoding), or (text unchanged, None) if not legacy."""
    encoding = detect_legacy_encoding(text)
    if encoding is None:
        return text, None
    return to_unicode(text, encoding), encoding


def decode_eight_bit(data: bytes) -> str:
    """Bytes as cp1252 shows them, losslessly (the five undefined cp1252 bytes stay C1)."""
    return data.decode("latin-1").translate(_C1_TO_CP1252)


def decode_legacy_bytes(data: bytes) -> tuple[str, str] | None:
    """(Unicode text, encoding) for bytes typed in TCVN3 or VNI, else None (not legacy).

    Valid UTF-8 is never legacy; other bytes are read one byte per character and judged like
    text (a cp1258 or latin-1 file gives None, and the caller falls back to cp1258).
    """
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    text = decode_eight_bit(data)
    encoding = detect_legacy_encoding(text)
    if encoding is None:
        return None
    return to_unicode(text, encoding), encoding


def _font_base_name(font_name: str) -> str:
    name = font_name.strip()
    if len(name) > 7 and name[6] == "+" and name[:6].isalpha() and name[:6].isupper():
        name = name[7:]  # PDF subset tag, e.g. "ABCDEF+.VnTime"
    return re.split(r"[,]|-(?:Bold|Italic|Regular|BoldItalic)\b", name)[0].strip()


def encoding_for_font(font_name: str) -> str | None:
    """The legacy encoding a font implies (".VnTime" → "tcvn3", "VNI-Times" → "vni"), or None."""
    name = _font_base_name(font_name).lower()
    for encoding, prefixes in FONT_PREFIXES.items():
        if name.startswith(prefixes):
            return encoding
    return None


def font_is_all_caps(font_name: str) -> bool:
    """Whether a TCVN3 font draws every letter as a capital (.VnTimeH, .VnArialH...)."""
    base = _font_base_name(font_name)
    return encoding_for_font(base) == "tcvn3" and base.endswith("H")
