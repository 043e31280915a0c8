"""Where the tests find real documents: the bundled seeds and gold, and the shared folder.

The seed documents ship in ``corpus/`` and their gold in ``tests/gold/``, so most tests need
nothing outside the repository. The 34 extra documents live in the shared folder beside the
checkout (``../shared``); tests that read them are skipped with a reason when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold"


def _shared() -> Path:
    for candidate in (os.environ.get("CHITIEU_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if candidate and Path(candidate, "corpus-extra").is_dir():
            return Path(candidate)
    return ROOT.parent / "shared"


SHARED = _shared()
EXTRA = SHARED / "corpus-extra"
