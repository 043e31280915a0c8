"""Vietnamese extractors: pure functions from canonical text (+ the document's date) to items."""
