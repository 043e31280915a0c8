"""All extractors over one document, through chitieu's spaCy pipeline (see ``nlp.py``)."""

from __future__ import annotations

from extractors.nlp import extract_document

__all__ = ["extract_document"]
