"""All extractors over one document. Temporary wiring: replaced by the spaCy frame (nlp.py)."""

from __future__ import annotations

from pipeline.models import Extraction


def extract_document(text: str, published: str | None = None) -> Extraction:
    """Every figure, date, legal reference and target found in ``text``."""
    return Extraction()
