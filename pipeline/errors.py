"""Errors a user can cause or meet, each with a one-line message fit for the terminal."""

from __future__ import annotations


class ChitieuError(Exception):
    """An error the CLI reports as one clear line (bad path, bad query...), never a traceback."""


class ReadError(ChitieuError):
    """A file that could not be turned into text; ``stage`` says where it failed."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(reason)
        self.stage = stage
        self.reason = reason


class QueryError(ChitieuError):
    """A search or filter the store cannot run (bad FTS syntax, unknown id...)."""
