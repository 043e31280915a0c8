"""Word boundaries from underthesea, as exact character spans, for the few places that need them.

Vietnamese writes a word as one or more syllables separated by spaces ("bệnh bẩm sinh" is two
words, three syllables), so a rule that counts syllables cuts compounds in half. underthesea's
word segmenter knows the compounds, but it returns strings, not offsets, and respells some
syllables (uỷ → ủy, khoá → khóa, Ð → Đ). This module runs it on a short window of the text and
aligns its words back onto the text syllable by syllable, so every span is exact
(``text[start:end]`` is the word as written).

underthesea is loaded lazily, on the first window that needs it: importing it costs about half
a second and configures logging (it calls ``logging.config.dictConfig``, which closes every
existing handler, and ``logging.basicConfig``). The import runs with those two calls disabled and
the root logger's handlers and level, and every existing logger's settings, restored after it.
If underthesea cannot be imported or fails on a window, the window's syllables are returned
instead, so callers fall back to syllable rules and the pipeline never stops on it.
"""

from __future__ import annotations

import logging
import logging.config
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

# Where a window stops: a sentence or clause end (punctuation before a blank or the end), a
# table cell border, or a blank line. A single line break is a wrapped line and stays inside.
WINDOW_END = re.compile(r"[.!?;:](?=\s|$)|\||\n[ \t]*\n")
# One syllable or number ("bẩm", "7.500", "2,1", "x-quang") or one punctuation mark: the
# fallback segmentation when underthesea is unavailable.
SYLLABLE = re.compile(r"\w+(?:[.,]\w+|-(?=[^\W\d_])\w+)*|[^\w\s]")
# Characters underthesea's normaliser writes differently from official text, folded before
# comparing (besides tone marks, which are dropped).
RESPELLED = str.maketrans({"Ð": "Đ", "ð": "đ"})

WordSpan = tuple[int, int]
TaggedSpan = tuple[int, int, str | None]
Tagger = Callable[[str], list[tuple[str, str]]]

_load_lock = threading.Lock()


def word_spans(text: str, start: int, limit: int = 40) -> list[WordSpan]:
    """The words of ``text[start:start+limit]``, cut at the sentence or line end, as exact
    ``(start, end)`` spans into ``text``; punctuation marks are words of their own.

    Words are underthesea's ("bệnh", "bẩm sinh"); without underthesea, syllables.
    """
    return [(s, e) for s, e, _ in tagged_word_spans(text, start, limit)]


def tagged_word_spans(text: str, start: int, limit: int = 40) -> list[TaggedSpan]:
    """Like :func:`word_spans`, each span with underthesea's part-of-speech tag ("N" noun,
    "V" verb, "A" adjective, "CH" punctuation...); the tag is None on the syllable fallback."""
    window = _window(text, start, limit)
    tagged = _tag_window(window)
    if tagged is not None:
        spans = _align(window, tagged)
        if spans is not None:
            return [(start + s, start + e, tag) for s, e, tag in spans]
    return [(start + m.start(), start + m.end(), None) for m in SYLLABLE.finditer(window)]


def syllable_spans(text: str, start: int, limit: int = 40) -> list[WordSpan]:
    """The syllables and punctuation marks of the same window as :func:`word_spans`."""
    window = _window(text, start, limit)
    return [(start + m.start(), start + m.end()) for m in SYLLABLE.finditer(window)]


def _window(text: str, start: int, limit: int) -> str:
    """``text[start:start+limit]`` up to its sentence end, never ending inside a syllable; line
    breaks become spaces (same length) so a wrapped compound ("phổ\\nbiến") is still one word."""
    end = min(len(text), start + limit)
    if end < len(text) and text[end].isalnum():
        while end > start and not text[end - 1].isspace():
            end -= 1
    window = text[start:end]
    stop = WINDOW_END.search(window)
    if stop:
        window = window[: stop.start() + 1] if stop.group() != "|" else window[: stop.start()]
    return window.replace("\n", " ").replace("\r", " ")


@lru_cache(maxsize=4096)
def _tag_window(window: str) -> tuple[tuple[str, str], ...] | None:
    """underthesea's tagged words for ``window``, or None when it is missing or fails."""
    if not window.strip():
        return ()
    tagger = _tagger()
    if tagger is None:
        return None
    try:
        return tuple((str(word), str(tag)) for word, tag in tagger(window))
    except Exception:  # noqa: BLE001 - any failure of the segmenter means "use syllables"
        log.warning("underthesea failed on %r; using syllables", window, exc_info=True)
        return None


def _fold(piece: str) -> str:
    """A syllable without tone or vowel marks, lower case: how two spellings are compared."""
    decomposed = unicodedata.normalize("NFD", piece.translate(RESPELLED).lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _align(window: str, tagged: tuple[tuple[str, str], ...]) -> list[TaggedSpan] | None:
    """Spans of underthesea's words in ``window``, matched syllable by syllable (same count and
    order, spelling compared without marks); None when they do not line up."""
    spans: list[TaggedSpan] = []
    pos = 0
    for word, tag in tagged:
        word_start = -1
        for syllable in word.split():
            while pos < len(window) and window[pos].isspace():
                pos += 1
            written = window[pos : pos + len(syllable)]
            if len(written) != len(syllable) or _fold(written) != _fold(syllable):
                return None
            if word_start < 0:
                word_start = pos
            pos += len(syllable)
        if word_start < 0:
            continue
        spans.append((word_start, pos, tag))
    if window[pos:].strip():
        return None
    return spans


def _tagger() -> Tagger | None:
    """underthesea's ``pos_tag`` (word segmentation and tags in one call), imported once."""
    with _load_lock:
        return _load_tagger()


@lru_cache(maxsize=1)
def _load_tagger() -> Tagger | None:
    try:
        with _logging_untouched():
            from underthesea import pos_tag
    except Exception:  # noqa: BLE001 - a broken install must not stop the pipeline
        log.warning("underthesea unavailable; word boundaries fall back to syllables")
        return None
    return pos_tag


def _logger_state(logger: logging.Logger) -> tuple[Any, ...]:
    return (logger.level, list(logger.handlers), logger.propagate, logger.disabled)


@contextmanager
def _logging_untouched() -> Iterator[None]:
    """Run an import that configures logging without letting it: ``dictConfig`` and
    ``basicConfig`` do nothing meanwhile, and the root logger and every existing logger get
    back their level, handlers, propagation and disabled flag afterwards."""
    root = logging.getLogger()
    manager = logging.Logger.manager
    saved_root = _logger_state(root)
    saved = {
        name: _logger_state(logger)
        for name, logger in manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
    }
    saved_disable = manager.disable
    dict_config, basic_config = logging.config.dictConfig, logging.basicConfig
    logging.config.dictConfig = _ignore_config
    logging.basicConfig = _ignore_config
    try:
        yield
    finally:
        logging.config.dictConfig, logging.basicConfig = dict_config, basic_config
        _restore(root, saved_root)
        for name, state in saved.items():
            logger = manager.loggerDict.get(name)
            if isinstance(logger, logging.Logger) and _logger_state(logger) != state:
                _restore(logger, state)
        manager.disable = saved_disable


def _restore(logger: logging.Logger, state: tuple[Any, ...]) -> None:
    level, handlers, propagate, disabled = state
    logger.setLevel(level)
    logger.handlers[:] = handlers
    logger.propagate = propagate
    logger.disabled = disabled


def _ignore_config(*args: Any, **kwargs: Any) -> None:
    """Stands in for a logging configuration call made by an imported library."""
