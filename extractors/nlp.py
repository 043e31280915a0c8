"""The spaCy frame: one Vietnamese ``Language`` whose components find chitieu's items.

Each component runs a pure extractor over ``doc.text`` and records what it found twice: as the
authoritative item list in ``doc.user_data`` (exact character offsets, never re-aligned) and as
a span group ``doc.spans["figures"|"dates"|"legal_refs"|"targets"]`` whose spans carry the item
and its normalised value as extensions (``span._.item``, ``span._.value``, ``span._.rule``), so
spaCy tooling (displaCy, matchers, further components) can use them. Components are registered
under versioned names and read the document's date from ``doc.user_data["published"]``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from extractors.dates import detect_document_date, extract_dates
from extractors.figures import extract_figures
from extractors.legal_refs import extract_legal_refs
from extractors.targets import extract_targets
from pipeline.models import DocumentDate, Extraction

ITEMS_KEY = "chitieu_items"
TEXT_KEY = "chitieu_text"
GROUPS = ("dates", "legal_refs", "figures", "targets")
PIPELINE = (
    "chitieu_document_date",
    "chitieu_dates",
    "chitieu_legal_refs",
    "chitieu_figures",
    "chitieu_targets",
)

for _name in ("item", "value", "rule"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Doc.has_extension("document_date"):
    Doc.set_extension("document_date", default=None)

# Split punctuation off words so span views end on words ("HTX," → "HTX" ","), while keeping
# numbers such as "455.523", "3,8", "13-NQ/TW" and "11/6/2019" whole.
_PREFIX = re.compile(r"""^[\(\[\{"'“‘«–—-](?=\S)""")
_SUFFIX = re.compile(r"""(?<=\S)[\)\]\}"'”’»,;:!?…]$|(?<=\S)\.$""")


# Tone placement: "hoà"/"hòa", "thuỷ"/"thủy", "khoẻ"/"khỏe" are both in official use. The word
# tables spell the mark on the first vowel, so extractors match on a copy of the text with the
# mark moved there (same length, so offsets hold) and items quote the original text.
TONE_MOVABLE_PAIRS = frozenset({("o", "a"), ("o", "e"), ("u", "y")})
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# A vowel pair closing a syllable (no coda letter after it), not the "qu" onset.
_OPEN_VOWEL_PAIR = re.compile(r"(?<![qQ])([oOuU])([^\W\d_])(?![^\W\d_])")


def _move_tone_to_first_vowel(match: re.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    decomposed = unicodedata.normalize("NFD", second)
    base, marks = decomposed[0], decomposed[1:]
    if (first.lower(), base.lower()) not in TONE_MOVABLE_PAIRS or marks not in TONE_MARKS:
        return match.group(0)
    return unicodedata.normalize("NFC", first + marks) + base


def tone_on_first_vowel(text: str) -> str:
    """``text`` with "oà, oé, uỷ"-style tone placement moved to the first vowel ("òa, óe, ủy").

    Same length as ``text``, for matching only: "hoà", "thuỷ", "uỷ ban", "khoá" then meet
    the word tables' "hòa", "thủy", "ủy ban", "khóa".
    """
    return _OPEN_VOWEL_PAIR.sub(_move_tone_to_first_vowel, text)


def _requote(items: Iterable[Any], text: str) -> tuple[Any, ...]:
    return tuple(replace(item, text=text[item.start : item.end]) for item in items)


def _text(doc: Doc) -> str:
    """The document text, kept once: ``Doc.text`` rebuilds the string on every access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def _items(doc: Doc) -> dict[str, list[Any]]:
    return doc.user_data.setdefault(ITEMS_KEY, {group: [] for group in GROUPS})


def _set_group(doc: Doc, group: str, items: Iterable[Any]) -> None:
    items = list(items)
    _items(doc)[group] = items
    spans = []
    for item in items:
        span = doc.char_span(item.start, item.end, label=group, alignment_mode="expand")
        if span is None:
            continue
        span._.item = item
        span._.value = getattr(item, "value", None) if group != "legal_refs" else item.number
        span._.rule = item.rule
        spans.append(span)
    doc.spans[group] = spans


def _ref_date(doc: Doc) -> str | None:
    published = doc.user_data.get("published")
    if published:
        return published
    found: DocumentDate | None = doc._.document_date
    return found.value if found else None


@Language.component("chitieu_document_date")
def document_date_component(doc: Doc) -> Doc:
    """Find the document's own date (dateline, "Chiều nay (14/5)", place-date line)."""
    doc._.document_date = detect_document_date(_text(doc))
    return doc


@Language.component("chitieu_dates")
def dates_component(doc: Doc) -> Doc:
    """Dates, resolved against the document's date when a day-month has no year."""
    _set_group(doc, "dates", extract_dates(_text(doc), _ref_date(doc)))
    return doc


@Language.component("chitieu_legal_refs")
def legal_refs_component(doc: Doc) -> Doc:
    """Cited legal and party documents, with the signing dates found by the dates component."""
    _set_group(doc, "legal_refs", extract_legal_refs(_text(doc), _items(doc)["dates"]))
    return doc


@Language.component("chitieu_figures")
def figures_component(doc: Doc) -> Doc:
    """Figures, leaving alone the digits that belong to dates and document numbers."""
    items = _items(doc)
    blocked = [(d.start, d.end) for d in items["dates"]]
    blocked += [(r.start, r.end) for r in items["legal_refs"]]
    _set_group(doc, "figures", extract_figures(_text(doc), blocked))
    return doc


@Language.component("chitieu_targets")
def targets_component(doc: Doc) -> Doc:
    """Targets from figures, and the as-of date of the figures that report a state."""
    items = _items(doc)
    targets, figures = extract_targets(_text(doc), items["figures"], items["dates"], _ref_date(doc))
    _set_group(doc, "figures", figures)
    _set_group(doc, "targets", targets)
    return doc


def _tokenizer(nlp: Language) -> Tokenizer:
    return Tokenizer(
        nlp.vocab,
        prefix_search=_PREFIX.search,
        suffix_search=_SUFFIX.search,
    )


@lru_cache(maxsize=1)
def load() -> Language:
    """chitieu's Vietnamese pipeline (built once per process; no model download)."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = _tokenizer(nlp)
    for name in PIPELINE:
        nlp.add_pipe(name)
    return nlp


def extract_document(text: str, published: str | None = None) -> Extraction:
    """Every figure, date, legal reference and target in ``text`` (canonical document text)."""
    original, text = text, tone_on_first_vowel(text)
    nlp = load()
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text
    doc.user_data["published"] = published
    for _, component in nlp.pipeline:
        doc = component(doc)
    items = _items(doc)
    return Extraction(
        figures=_requote(items["figures"], original),
        dates=_requote(items["dates"], original),
        legal_refs=_requote(items["legal_refs"], original),
        targets=_requote(items["targets"], original),
        document_date=doc._.document_date,
    )
