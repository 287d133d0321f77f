"""Leave-one-author-out cross-validation of the detector over the corpus's tuning authors (A, B, C).

For each tuning author in turn, the model is trained on the seed listings plus the *other two* authors
and the combined detector (and rules only, model only) is judged on the held-out author; the figures
below pool the three held-out authors (900 listings, none judged by a model that saw its author). This
is what the model's and the detector's settings are chosen on: a setting that helps only the author it
was read from does not survive here. The test author (D) is never read (``corpus.author_listings``
refuses it).

    .venv/bin/python bench/detect_cv.py [--set detector.BIAS=-2.4 ...] [--older]

``--set module.NAME=value`` overrides a constant of ``backend.detection.<module>`` before anything is
trained, so settings can be compared without editing code. ``--older`` also scores the older set with
a model trained on all three tuning authors (the shipped configuration). Only aggregate figures are
printed: settings are compared on them, not on individual listings.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from backend.detection import batch, classifier, corpus  # noqa: E402
from backend.detection.detector import Detector  # noqa: E402
from backend.detection.metrics import EvalReport, compute_report  # noqa: E402

OLDER = ROOT / "backend" / "detection" / "data" / "eval_listings.jsonl"
PRECISION, RECALL, POLICY_RECALL = 0.95, 0.92, 0.85


def apply(settings: Sequence[str]) -> None:
    for setting in settings:
        name, _, value = setting.partition("=")
        module_name, _, attr = name.rpartition(".")
        module = importlib.import_module(f"backend.detection.{module_name}")
        if not hasattr(module, attr):
            raise SystemExit(f"no constant {name}")
        setattr(module, attr, ast.literal_eval(value))


def fold_models(*, seed_count: int = batch.SEED_EXAMPLES) -> dict[str, tuple[classifier.Model, list[dict[str, Any]]]]:
    """Per held-out tuning author: (model trained on the seeds and the other authors, that author's listings)."""
    by_author = {a: corpus.author_listings(a) for a in corpus.TUNING_AUTHORS}
    out = {}
    for held in corpus.TUNING_AUTHORS:
        others = [item for a in corpus.TUNING_AUTHORS if a != held for item in by_author[a]]
        examples, weights = batch.builtin_examples(seed_count=seed_count, corpus_items=others)
        out[held] = (classifier.train(examples, weights=weights), by_author[held])
    return out


def pooled(folds: dict[str, tuple[classifier.Model, list[dict[str, Any]]]], kind: str) -> tuple[EvalReport,
                                                                                                dict[str, EvalReport]]:
    pairs: list[tuple[str, str]] = []
    per_author = {}
    for author, (model, items) in folds.items():
        if kind == "model only":
            predicted = model.predict(items)
        else:
            predicted = batch.predictions(items, Detector(model if kind == "combined" else None))
        fold_pairs = list(zip((i["label"] for i in items), predicted))
        per_author[author] = compute_report(fold_pairs)
        pairs += fold_pairs
    return compute_report(pairs), per_author


def summary(report: EvalReport) -> str:
    o = report.overall
    worst = min((p for p in report.policies if p.support), key=lambda p: p.recall)
    return (f"P {o.precision:.3f} R {o.recall:.3f} (fp {o.fp}, fn {o.fn}); "
            f"policy recall min {worst.recall:.2f} ({worst.name}); "
            + " ".join(f"{p.name[:6]} {p.precision:.2f}/{p.recall:.2f}" for p in report.policies))


def older_report(detector: Detector) -> EvalReport:
    items = [json.loads(line) for line in OLDER.read_text(encoding="utf-8").splitlines() if line.strip()]
    return compute_report(zip((i["label"] for i in items), batch.predictions(items, detector)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", nargs="*", default=[], dest="settings")
    parser.add_argument("--older", action="store_true")
    parser.add_argument("--json", action="store_true", help="one JSON line of pooled figures")
    args = parser.parse_args()
    apply(args.settings)
    started = time.perf_counter()
    folds = fold_models()
    result: dict[str, Any] = {"settings": args.settings}
    for kind in ("rules only", "model only", "combined"):
        report, per_author = pooled(folds, kind)
        result[kind] = report.to_dict()
        if not args.json:
            print(f"{kind:10}: {summary(report)}")
            if kind == "combined":
                for author, r in per_author.items():
                    print(f"   held out {author}: P {r.overall.precision:.3f} R {r.overall.recall:.3f}")
                print(report.format_table())
    if args.older:
        examples, weights = batch.builtin_examples()
        report = older_report(Detector(classifier.train(examples, weights=weights)))
        result["older"] = report.to_dict()
        if not args.json:
            print(f"older     : {summary(report)}")
    if args.json:
        print(json.dumps(result))
    else:
        print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
