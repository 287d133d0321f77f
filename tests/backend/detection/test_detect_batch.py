"""Batch contract for the CLI: ``detect`` JSON lines and the ``eval-detector`` report."""

import io
import json
from pathlib import Path

import pytest

from backend.detection import batch
from backend.detection.detector import Detector
from backend.detection.metrics import LABELS
from backend.detection.rules import POLICIES

EVAL = Path(batch.__file__).parent / "data" / "eval_listings.jsonl"


@pytest.fixture(scope="module")
def detector(tmp_path_factory: pytest.TempPathFactory) -> Detector:
    return batch.default_detector(cache_dir=tmp_path_factory.mktemp("cache"))


def test_detect_stream_writes_one_line_per_listing_and_reports_bad_lines(detector: Detector) -> None:
    lines = [
        json.dumps({"id": 1, "title": "ROLEX スーパーコピー", "description": "", "price": 9000,
                    "category": "時計", "brand": None}, ensure_ascii=False),
        "{not json",
        "",
        json.dumps({"id": 2, "title": "ヨガマット", "description": "厚さ6mm", "price": 1200}),
        json.dumps({"id": 3, "title": "x", "price": "cheap"}),
        json.dumps([1, 2]),
    ]
    out, err = io.StringIO(), io.StringIO()
    stats = batch.detect_stream(lines, out, detector, err=err)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in results] == [1, 2]
    assert all(set(r) == {"id", "flagged", "policy", "score", "reasons"} for r in results)
    assert results[0]["flagged"] and results[0]["policy"] == "counterfeit"
    assert results[0]["reasons"] and all({"text", "spans"} <= set(r) for r in results[0]["reasons"])
    assert not results[1]["flagged"] and results[1]["policy"] is None
    errors = [json.loads(line) for line in err.getvalue().splitlines()]
    assert [e["line"] for e in errors] == [2, 5, 6]
    assert all(e["error"] for e in errors)
    assert (stats.scored, stats.flagged, stats.errors) == (2, 1, 3)


def test_evaluate_file_reports_per_policy_and_overall(detector: Detector) -> None:
    lines = [
        json.dumps({"id": 1, "title": "Amazonギフト券 1万円分", "description": "コードのみ", "label": "cash_equivalent"},
                   ensure_ascii=False),
        json.dumps({"id": 2, "title": "三徳包丁", "description": "キッチン用", "label": "ok"}, ensure_ascii=False),
        json.dumps({"id": 3, "title": "ヨガマット", "description": "", "label": "weapon"}),
        json.dumps({"id": 4, "title": "x", "label": "spam"}),
    ]
    err = io.StringIO()
    report = batch.evaluate_file(lines, detector, err=err)
    assert report.total == 3 and json.loads(err.getvalue())["line"] == 4
    cash = next(m for m in report.policies if m.name == "cash_equivalent")
    weapon = next(m for m in report.policies if m.name == "weapon")
    assert (cash.tp, cash.fp, cash.fn) == (1, 0, 0)
    assert (weapon.tp, weapon.fn, weapon.recall) == (0, 1, 0.0)
    assert report.overall.precision == 1.0 and report.overall.recall == 0.5
    table = report.format_table()
    assert "overall" in table and "cash_equivalent" in table and "precision" in table


def test_eval_set_is_large_and_covers_every_policy() -> None:
    items = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(items) >= 150
    assert {i["label"] for i in items} == set(LABELS)
    assert len({i["id"] for i in items}) == len(items)
    assert all(sum(i["label"] == p for i in items) >= 15 for p in POLICIES)


def test_default_detector_meets_targets_on_eval_set(detector: Detector) -> None:
    report = batch.evaluate_file(EVAL.read_text(encoding="utf-8").splitlines(), detector)
    assert report.overall.precision >= 0.90
    assert report.overall.recall >= 0.85


def test_seed_model_is_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = batch.seed_model(cache_dir=tmp_path)
    assert len(list(tmp_path.glob("seed-*.model"))) == 1

    def no_training(*args: object, **kwargs: object) -> None:
        raise AssertionError("the cached model should have been loaded")

    monkeypatch.setattr(batch.classifier, "train", no_training)
    again = batch.seed_model(cache_dir=tmp_path)
    assert again.predict_proba(["Robux 1000"]) == first.predict_proba(["Robux 1000"])
