"""The items passed between chitieu's stages.

Every item that points into a document carries ``start``/``end`` offsets into the document's
canonical text (NFC, produced once by :mod:`pipeline.normalise`), and ``text`` is exactly
``canonical_text[start:end]``. Items that come from a rule carry the rule's name so a stored item
can say what produced it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Kinds of figure, as in the gold format.
FIGURE_KINDS = ("count", "percent", "money", "ratio", "duration", "other")
# Qualifiers and the comparator each one means.
QUALIFIER_COMPARATORS: dict[str | None, str] = {
    None: "=",
    "approx": "=",
    "gt": ">",
    "lt": "<",
    "ge": ">=",
    "le": "<=",
}
# Types of cited document, as in the gold format.
DOC_TYPES = (
    "luat",
    "nghi_dinh",
    "nghi_quyet",
    "quyet_dinh",
    "chi_thi",
    "ket_luan",
    "thong_tu",
    "cong_van",
    "ke_hoach",
    "thong_bao",
    "huong_dan",
    "bao_cao",
    "chuong_trinh",
    "other",
)


@dataclass(frozen=True)
class PageSpan:
    """The range of canonical-text characters one PDF page contributes (page is 1-based)."""

    page: int
    start: int
    end: int


@dataclass(frozen=True)
class ReadResult:
    """What a reader got out of a file, before normalisation.

    ``chunks`` holds one string per page for paged formats (PDF) and a single string otherwise;
    normalisation turns each chunk into canonical text and joins them, so page ranges are
    computed on the canonical text, never on the raw one.
    """

    chunks: tuple[str, ...]
    format: str
    encoding: str | None = None
    title: str | None = None
    published: str | None = None
    paged: bool = False
    ocr_pages: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """One source file as stored: its canonical text and what is known about it."""

    path: str
    sha256: str
    format: str
    text: str
    encoding: str | None = None
    title: str | None = None
    published: str | None = None
    published_source: str | None = None
    pages: tuple[PageSpan, ...] = ()
    ocr: bool = False
    warnings: tuple[str, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding ``offset``, or None for an unpaged document."""
        for span in self.pages:
            if span.start <= offset < span.end or (offset == span.end == len(self.text)):
                return span.page
        return None


@dataclass(frozen=True)
class Passage:
    """A sentence (or heading, list item, table row) of a document, with its offsets."""

    seq: int
    start: int
    end: int
    text: str
    page: int | None = None


@dataclass(frozen=True)
class Figure:
    """A quantity: a number with its unit, scale and qualifier.

    ``value`` is the number in plain units ("3,8 triệu" → 3800000.0); for a range it is the lower
    end and ``value_max`` the upper one.
    """

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    kind: str
    rule: str
    value_max: float | None = None
    unit_text: str | None = None
    qualifier: str | None = None
    as_of: str | None = None

    @property
    def is_range(self) -> bool:
        return self.value_max is not None

    def value_json(self) -> Any:
        """The value as the gold format writes it: a number, or {"min", "max"} for a range."""
        if self.value_max is None:
            return plain_number(self.value)
        return {"min": plain_number(self.value), "max": plain_number(self.value_max)}


@dataclass(frozen=True)
class DateMention:
    """A calendar reference, its value in ISO 8601.

    Values: "2019-06-11", "2019-06", "2019", "2025-Q1" written as "2025-01/2025-03", periods
    "2016/2020", a day with unknown year "XXXX-05-14".
    """

    start: int
    end: int
    text: str
    value: str
    kind: str
    rule: str
    year_inferred: bool = False


@dataclass(frozen=True)
class DocumentDate:
    """The document's own date found in its text (dateline, "Chiều nay (14/5)"...)."""

    value: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class LegalRef:
    """A mention of a cited legal or party document."""

    start: int
    end: int
    text: str
    doc_type: str
    rule: str
    number: str | None = None
    date: str | None = None
    issuer: str | None = None
    name: str | None = None

    @property
    def key(self) -> str:
        """What identifies the cited document across mentions and documents."""
        if self.number:
            return "no:" + self.number.replace(" ", "").upper()
        return "name:" + self.doc_type + ":" + " ".join((self.name or self.text).lower().split())


@dataclass(frozen=True)
class Target:
    """A quantified goal: a figure the document commits to reach by a deadline."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    comparator: str
    metric: str
    rule: str
    figure_start: int
    figure_end: int
    value_max: float | None = None
    qualifier: str | None = None
    deadline: str | None = None
    scope: str | None = None

    def value_json(self) -> Any:
        if self.value_max is None:
            return plain_number(self.value)
        return {"min": plain_number(self.value), "max": plain_number(self.value_max)}


@dataclass(frozen=True)
class Extraction:
    """Everything the extractors found in one document."""

    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    legal_refs: tuple[LegalRef, ...] = ()
    targets: tuple[Target, ...] = ()
    document_date: DocumentDate | None = None


@dataclass(frozen=True)
class IngestError:
    """Why a file could not be read, and at which stage."""

    path: str
    stage: str
    reason: str
    sha256: str | None = None


@dataclass(frozen=True)
class RunSummary:
    """What one ingest run did."""

    run_id: int
    corpus: str
    seen: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    errors: int = 0
    passages: int = 0
    seconds: float = 0.0
    error_details: tuple[IngestError, ...] = field(default_factory=tuple)


def plain_number(value: float) -> int | float:
    """An integral float as int (455523.0 → 455523), others unchanged, for JSON output."""
    if value == int(value) and abs(value) < 2**63:
        return int(value)
    return value
