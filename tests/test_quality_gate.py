"""Extraction quality floors on the gold-annotated seed documents (trafilatura-style gate).

The floors are the project's promise: lowering one is an explicit act, made here, with a reason
in CHANGES.md. The gold files are a copy of ``shared/gold``; the documents are ``corpus/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluation import evaluate

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
CORPUS = ROOT / "corpus"

F1_FLOORS = {"figures": 0.95, "dates": 0.95, "legal_refs": 0.95, "targets": 0.90}


@pytest.fixture(scope="module")
def report():
    return evaluate(GOLD, CORPUS)


def test_every_gold_document_was_ingested(report):
    assert not report.ingest_errors
    assert len(report.documents) == len(list(GOLD.glob("*.gold.json")))


def test_every_anchor_is_found(report):
    assert not report.problems


@pytest.mark.parametrize("kind", sorted(F1_FLOORS))
def test_f1_floor(report, kind):
    score = report.kind(kind)
    assert score.f1 is not None and score.f1 >= F1_FLOORS[kind], (
        f"{kind}: P={score.precision} R={score.recall} F1={score.f1} "
        f"below the floor {F1_FLOORS[kind]}"
    )


def test_target_metrics_mostly_agree(report):
    """Metric is a secondary score (words of the document); most must still agree with gold."""
    metric = next(a for a in report.agreements if (a.kind, a.name) == ("targets", "metric"))
    assert metric.rate is not None and metric.rate >= 0.6, metric


def test_published_dates_agree(report):
    disagreeing = [check for check in report.published if not check.agrees]
    assert not disagreeing
