"""Diacritic folding for accent-free search ("hop tac xa" finds "hợp tác xã").

Folding is length-preserving, one character in, one character out, so an offset found in
folded text is the same offset in the original text. SQLite's own ``remove_diacritics`` cannot
be used for this: it leaves letters with two marks (ợ, ế) alone and never folds đ.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Letters whose base form is not reached by stripping combining marks.
SPECIAL_BASES = {"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"}


@lru_cache(maxsize=4096)
def _base_char(char: str) -> str:
    """The letter under a character's marks (NFD of the NFC char, first code point)."""
    if char in SPECIAL_BASES:
        return SPECIAL_BASES[char]
    composed = unicodedata.normalize("NFC", char)
    if len(composed) != 1:
        return char
    decomposed = unicodedata.normalize("NFD", composed)
    return decomposed[0]


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = _base_char(char)
    lowered = base.lower()
    # A few letters lower-case to two code points (İ → i̇); keep the length instead.
    return lowered if len(lowered) == 1 else base


def fold(text: str) -> str:
    """``text`` without diacritics and in lower case, same length: ``fold("Hợp tác xã") == "hop tac xa"``."""
    return "".join(_fold_char(char) for char in text)


def fold_query(query: str) -> str:
    """A search query without diacritics, case kept so FTS operators (AND, OR, NOT, NEAR) survive."""
    return "".join(_base_char(char) for char in unicodedata.normalize("NFC", query))
