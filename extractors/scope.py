"""Scope: the province, city or nation a document's targets and figures belong to.

A plan of "UBND tỉnh Lạng Sơn" commits Lạng Sơn; a news piece names its province once in a
banner ("Đảng bộ tỉnh Lạng Sơn") and then says only "toàn tỉnh". The place table
(``scope_places.tsv``) lists the 63 provinces and cities before the 2025 reorganisation and the
34 after it, with the names documents use for them; scope is written "tỉnh Lạng Sơn",
"thành phố Hồ Chí Minh" or "toàn quốc".

Place names are found in one pass: a single compiled alternation of every name and alias (longest
first, so "Thừa Thiên Huế" is not also "Huế"), optionally preceded by a head ("tỉnh", "UBND
tỉnh", "TP."), over accent-folded text. The cost is linear in the text, whatever the table size.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.folding import fold

PLACES_FILE = Path(__file__).with_name("scope_places.tsv")
NATIONAL = "toàn quốc"

# Heads that name a province or city and what it is ("tỉnh", "UBND tỉnh", "Tỉnh ủy", "TP.").
PROVINCE_HEADS = (
    r"tinh uy",
    r"tinh",
    r"ubnd tinh",
    r"hdnd tinh",
    r"dang bo tinh",
)
CITY_HEADS = (r"thanh pho", r"tp\.?", r"thanh uy", r"ubnd thanh pho", r"ubnd tp\.?")
# Words that say a statement is about the whole country.
NATIONAL_CUES = re.compile(r"\b(?:toàn quốc|cả nước|trên phạm vi cả nước)\b", re.IGNORECASE)
# National issuers: a document headed by one of these speaks for the whole country.
NATIONAL_BODIES = re.compile(
    r"^\W*(?:CHÍNH PHỦ|THỦ TƯỚNG CHÍNH PHỦ|QUỐC HỘI|BỘ CHÍNH TRỊ|BAN CHẤP HÀNH TRUNG ƯƠNG|BỘ [A-ZĐ])",
    re.MULTILINE,
)
HEADED_WEIGHT = 3
BARE_WEIGHT = 1
HEADER_CHARS = 600
# Below this weight (one headed mention, or three bare names) a place is only mentioned in
# passing, and a document that speaks of the whole country is national.
MIN_PLACE_WEIGHT = 3


@dataclass(frozen=True)
class Place:
    """One province or centrally-run city."""

    name: str
    kind: str  # "tỉnh" | "thành phố"
    era: str  # "2024" (before 1 July 2025 only), "2025" (after only), "both"
    merged_into: str | None
    aliases: tuple[str, ...]

    @property
    def scope(self) -> str:
        """The scope string stored for this place ("tỉnh Lạng Sơn")."""
        return f"{self.kind} {self.name}"


@dataclass(frozen=True)
class _Name:
    """One folded spelling of a place, and whether it counts when written without a head."""

    place: Place
    bare: bool


@dataclass(frozen=True)
class _Mention:
    """A place named in a text: where, and whether a head ("tỉnh", "TP.") fits the place."""

    place: Place
    start: int
    headed: bool
    weight: int


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Every place in the table."""
    rows = []
    for line in PLACES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 5)[:5]
        name, kind, era, merged, aliases = (cell.strip() for cell in cells)
        rows.append(
            Place(
                name=name,
                kind=kind,
                era=era,
                merged_into=merged or None,
                aliases=tuple(a.strip() for a in aliases.split(",") if a.strip()),
            )
        )
    return tuple(rows)


@lru_cache(maxsize=1)
def _names() -> dict[str, _Name]:
    """Every folded name and alias → its place. An alias that spells out the name with more
    words ("Thành phố Huế") counts only with a head, as the name inside it already counts."""
    out: dict[str, _Name] = {}
    for place in places():
        out.setdefault(fold(place.name), _Name(place, bare=True))
        for alias in place.aliases:
            out.setdefault(fold(alias), _Name(place, bare=not alias.startswith(place.name)))
    return out


@lru_cache(maxsize=1)
def _scanner() -> re.Pattern[str]:
    """One alternation over every head and name, longest first, over folded text."""
    heads = sorted({*PROVINCE_HEADS, *CITY_HEADS}, key=len, reverse=True)
    names = sorted((re.escape(n) for n in _names()), key=len, reverse=True)
    return re.compile(
        rf"(?<!\w)(?:(?P<head>{'|'.join(heads)})\s*)?(?P<name>{'|'.join(names)})(?!\w)"
    )


_CITY_HEAD = re.compile(rf"(?:{'|'.join(CITY_HEADS)})$")


class _FoldTable(dict):
    """A ``str.translate`` table that folds each character once, then looks it up in C."""

    def __missing__(self, code: int) -> str:
        folded = fold(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def _fold(text: str) -> str:
    """``pipeline.folding.fold`` at translate speed (same length, same characters)."""
    return text.translate(_FOLD_TABLE)


def _mentions(text: str) -> list[_Mention]:
    """Every place named in ``text``, in text order."""
    folded = _fold(text)
    names = _names()
    out = []
    for match in _scanner().finditer(folded):
        name = names[match.group("name")]
        head = match.group("head")
        # A city head ("thành phố Lạng Sơn") names a town inside a province, not the province.
        headed = head is not None and (name.place.kind == "thành phố" or not _CITY_HEAD.match(head))
        # A bare name must be capitalised in the original ("Huế", not "huệ").
        bare = name.bare and text[match.start("name")].isupper()
        weight = (HEADED_WEIGHT if headed else 0) + (BARE_WEIGHT if bare else 0)
        if weight:
            out.append(_Mention(name.place, match.start(), headed, weight))
    return out


def place_counts(text: str) -> Counter[str]:
    """Weighted mentions of each place in ``text``: named with a head counts more than bare."""
    counts: Counter[str] = Counter()
    for mention in _mentions(text):
        counts[mention.place.scope] += mention.weight
    return counts


def detect_scope(text: str) -> str | None:
    """The place a whole document speaks for, or "toàn quốc", or None when it never says.

    The most-mentioned place wins (ties: the one named first), headed mentions ("tỉnh Bình
    Định", "Tỉnh uỷ Lạng Sơn", "TP.HCM") weighing more than bare names; a document issued by a
    national body with no place in its header is national.
    """
    mentions = _mentions(text)
    header = text[:HEADER_CHARS]
    if NATIONAL_BODIES.search(header) and not any(m.start < HEADER_CHARS for m in mentions):
        return NATIONAL
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for mention in mentions:
        counts[mention.place.scope] += mention.weight
        first.setdefault(mention.place.scope, mention.start)
    best = None
    if counts:
        best, weight = max(counts.items(), key=lambda kv: (kv[1], -first[kv[0]]))
        if weight >= MIN_PLACE_WEIGHT:
            return best
    if NATIONAL_CUES.search(text):
        return NATIONAL
    return best


def scope_in(sentence: str) -> str | None:
    """A scope the sentence itself states: "toàn quốc"/"cả nước", or one headed place."""
    if NATIONAL_CUES.search(sentence):
        return NATIONAL
    found = {m.place.scope for m in _mentions(sentence) if m.headed}
    return found.pop() if len(found) == 1 else None
