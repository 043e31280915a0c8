"""Finding the files of a corpus folder, without ever writing to it."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from pipeline.errors import ChitieuError

# Names that are never documents: hidden files and folders, Office lock files, editor backups.
SKIPPED_PREFIXES = (".", "~$")
SKIPPED_SUFFIXES = ("~",)


def is_skipped(name: str) -> bool:
    """Whether a file or folder name is one a corpus never means as a document."""
    return name.startswith(SKIPPED_PREFIXES) or name.endswith(SKIPPED_SUFFIXES)


def check_corpus(corpus_dir: str | os.PathLike[str]) -> Path:
    """The corpus folder as an absolute path; a clear error when it is missing or not a folder."""
    path = Path(corpus_dir).expanduser()
    if not path.exists():
        raise ChitieuError(f"corpus folder not found: {path}")
    if not path.is_dir():
        raise ChitieuError(f"not a folder: {path}")
    return path.resolve()


def discover(corpus_dir: str | os.PathLike[str]) -> list[Path]:
    """Every document file under ``corpus_dir``, recursively, sorted by relative path.

    Hidden names are skipped. Symlinks to files are followed; symlinked folders are walked
    once (a loop is cut where a folder would be entered again); a dangling link is still
    listed, so the run records it as an error instead of silently dropping it.
    """
    root = check_corpus(corpus_dir)
    found: list[Path] = []
    visited: set[tuple[int, int]] = set()

    def walk(folder: Path) -> None:
        try:
            stat = folder.stat()
        except OSError:
            return
        key = (stat.st_dev, stat.st_ino)
        if key in visited:
            return
        visited.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            return
        for entry in entries:
            if is_skipped(entry.name):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
                is_file = not is_dir and entry.is_file(follow_symlinks=True)
            except OSError:  # a symlink loop (ELOOP) on the entry itself
                is_dir = is_file = False
            if is_dir:
                walk(path)
            elif is_file or entry.is_symlink():
                found.append(path)

    walk(root)
    return sorted(found, key=lambda path: relative_path(path, root))


def relative_path(path: Path, root: Path) -> str:
    """``path`` relative to the corpus root, POSIX separators, NFC (the store's document key).

    NFC so a name written decomposed (as macOS writes "Quyết định.txt") is found when typed.
    """
    return unicodedata.normalize("NFC", Path(os.path.relpath(path, root)).as_posix())
