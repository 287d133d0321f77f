"""The combined detector meets issue 14's targets on the corpus's dev split (author C).

The shipped model learns from train and dev, so this test judges dev with a model trained on the seeds
and the train split only (``splits=("train",)``): a model never graded on text it learned from. Dev
still helped choose rules and (through cross-validation across authors A, B, C) the settings, so passing
here is necessary, not sufficient: the figures that count are the test split's, printed by
``bench/detect_quality.py`` and kept in docs/PERFORMANCE.md.
"""

from __future__ import annotations

from pathlib import Path

from backend.detection import batch, corpus
from backend.detection.detector import Detector
from backend.detection.metrics import compute_report

PRECISION, RECALL, POLICY_RECALL = 0.95, 0.92, 0.85


def test_combined_detector_meets_the_targets_on_dev(tmp_path: Path) -> None:
    items = corpus.tuning_listings("dev")
    detector = Detector(batch.seed_model(cache_dir=tmp_path, splits=("train",)))
    report = compute_report(zip((i["label"] for i in items), batch.predictions(items, detector)))
    assert report.overall.precision >= PRECISION, report.format_table()
    assert report.overall.recall >= RECALL, report.format_table()
    assert all(p.recall >= POLICY_RECALL for p in report.policies), report.format_table()
