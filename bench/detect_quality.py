"""Precision/recall of the detector on the hand-written evaluation set.

Prints three tables: rules only (no model), model only (classifier at p ≥ 0.5)
and combined (the CLI's default detector). Targets for combined: overall
precision ≥ 0.90 and recall ≥ 0.85.

    .venv/bin/python bench/detect_quality.py [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere, like the other bench tools

from backend.detection import classifier
from backend.detection.batch import evaluate_file, seed_model
from backend.detection.detector import Detector, listing_text

EVAL = ROOT / "backend" / "detection" / "data" / "eval_listings.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list wrong decisions of the combined detector")
    args = parser.parse_args()
    lines = EVAL.read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    model = seed_model()

    print(f"== rules only ({len(items)} listings)")
    print(evaluate_file(lines, Detector(None)).format_table())
    print("\n== model only")
    print(classifier.evaluate(model, [(listing_text(i), i["label"]) for i in items]).format_table())
    print("\n== combined")
    combined = Detector(model)
    report = evaluate_file(lines, combined)
    print(report.format_table())
    ok = report.overall.precision >= 0.90 and report.overall.recall >= 0.85
    print(f"\ntargets (precision >= 0.90, recall >= 0.85): {'met' if ok else 'NOT met'}")
    if args.misses:
        for item, verdict in zip(items, combined.score_many(items)):
            got = verdict.policy if verdict.flagged else "ok"
            if got != item["label"]:
                print(f"{item['id']} label={item['label']} got={got} top={verdict.policy}:{verdict.score:.2f} "
                      f"{item['title']} | {[r.text for r in verdict.reasons]}")


if __name__ == "__main__":
    main()
