"""Scope: the province, city or nation a document's targets and figures belong to.

A plan of "UBND tỉnh Lạng Sơn" commits Lạng Sơn; a news piece names its province once in a
banner ("Đảng bộ tỉnh Lạng Sơn") and then says only "toàn tỉnh". The place table
(``scope_places.tsv``) lists the 63 provinces and cities before the 2025 reorganisation and the
34 after it, with the names documents use for them; scope is written "tỉnh Lạng Sơn",
"thành phố Hồ Chí Minh" or "toàn quốc".
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
def _patterns() -> tuple[tuple[Place, re.Pattern[str], re.Pattern[str]], ...]:
    """Per place: a pattern for headed mentions and one for bare names, over folded text."""
    out = []
    for place in places():
        names = [place.name, *place.aliases]
        folded = sorted({re.escape(fold(n)) for n in names}, key=len, reverse=True)
        name_alt = "|".join(folded)
        heads = PROVINCE_HEADS if place.kind == "tỉnh" else CITY_HEADS + PROVINCE_HEADS
        headed = re.compile(rf"(?<!\w)(?:{'|'.join(heads)})\s*(?:{name_alt})(?!\w)")
        alias_only = [re.escape(fold(a)) for a in place.aliases if not a.startswith(place.name)]
        bare_alt = "|".join(
            sorted({re.escape(fold(place.name)), *alias_only}, key=len, reverse=True)
        )
        bare = re.compile(rf"(?<!\w)(?:{bare_alt})(?!\w)")
        out.append((place, headed, bare))
    return tuple(out)


def place_counts(text: str) -> Counter[str]:
    """Weighted mentions of each place in ``text``: named with a head counts more than bare."""
    folded = fold(text)
    counts: Counter[str] = Counter()
    for place, headed, bare in _patterns():
        for _ in headed.finditer(folded):
            counts[place.scope] += HEADED_WEIGHT
        for match in bare.finditer(folded):
            # A bare name must be capitalised in the original ("Huế", not "huệ").
            if text[match.start()].isupper():
                counts[place.scope] += BARE_WEIGHT
    return counts


def detect_scope(text: str) -> str | None:
    """The place a whole document speaks for, or "toàn quốc", or None when it never says.

    The most-mentioned place wins, headed mentions ("tỉnh Bình Định", "Tỉnh uỷ Lạng Sơn",
    "TP.HCM") weighing more than bare names; a document issued by a national body with no
    place in its header is national.
    """
    header = text[:HEADER_CHARS]
    if NATIONAL_BODIES.search(header) and not place_counts(header):
        return NATIONAL
    counts = place_counts(text)
    best = None
    if counts:
        best, weight = max(counts.items(), key=lambda kv: (kv[1], -_first_index(text, kv[0])))
        if weight >= MIN_PLACE_WEIGHT:
            return best
    if NATIONAL_CUES.search(text):
        return NATIONAL
    return best


def scope_in(sentence: str) -> str | None:
    """A scope the sentence itself states: "toàn quốc"/"cả nước", or one headed place."""
    if NATIONAL_CUES.search(sentence):
        return NATIONAL
    folded = fold(sentence)
    found = {place.scope for place, headed, _ in _patterns() if headed.search(folded)}
    return found.pop() if len(found) == 1 else None


def _first_index(text: str, scope: str) -> int:
    name = scope.split(" ", 1)[1] if " " in scope else scope
    index = fold(text).find(fold(name))
    return index if index >= 0 else len(text)
