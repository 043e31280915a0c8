"""Shared fixtures: a temporary copy of the seed corpus and a store path beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import SEEDS


def seed_source() -> Path:
    """The five seed documents (bundled in corpus/)."""
    return SEEDS


@pytest.fixture
def seed_corpus(tmp_path: Path) -> Path:
    """A fresh folder holding the five seed documents (.txt), safe to change in a test."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(seed_source().glob("*.txt")):
        shutil.copy(path, corpus / path.name)
    return corpus


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's store lives (not created yet)."""
    return tmp_path / "store" / "chitieu.db"


@pytest.fixture(autouse=True)
def _store_folder(db_path: Path) -> None:
    db_path.parent.mkdir(exist_ok=True)
