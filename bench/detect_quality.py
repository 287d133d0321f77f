"""Precision/recall of the detector: rules only, model only, combined; per policy and per language.

Sets: ``dev`` (corpus author C), ``older`` (the team's hand-written
``eval_listings.jsonl``) and ``test`` (corpus author D: read here only to print
figures; never tune on what this prints). ``older`` and ``test`` are scored by
the shipped model (seeds + train + dev); ``dev`` by a model trained on the seeds
and train only, since the shipped one learned from dev. Settings are chosen by
cross-validation across authors A, B, C (``bench/detect_cv.py``), not here.
Targets for the combined detector on the corpus: precision >= 0.95 and recall
>= 0.92 overall, recall >= 0.85 for every policy.

    .venv/bin/python bench/detect_quality.py [--sets dev older test] [--misses]

``--misses`` lists the combined detector's wrong decisions on the older set only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere, like the other bench tools

from backend.detection import corpus  # noqa: E402
from backend.detection.batch import predictions, seed_model  # noqa: E402
from backend.detection.detector import Detector  # noqa: E402
from backend.detection.metrics import EvalReport, compute_report  # noqa: E402
from backend.text.japanese import has_japanese  # noqa: E402

OLDER = ROOT / "backend" / "detection" / "data" / "eval_listings.jsonl"
PRECISION, RECALL, POLICY_RECALL = 0.95, 0.92, 0.85


def load(name: str) -> list[dict[str, Any]]:
    if name == "older":
        items = [json.loads(line) for line in OLDER.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        items = corpus.report_listings(name)
    for item in items:
        item.setdefault("lang", "ja" if has_japanese(f"{item.get('title')}{item.get('description')}") else "en")
    return items


def meets(report: EvalReport) -> bool:
    return (report.overall.precision >= PRECISION and report.overall.recall >= RECALL
            and all(p.recall >= POLICY_RECALL for p in report.policies if p.support))


def by_language(items: Sequence[dict[str, Any]], predicted: Sequence[str]) -> str:
    lines = []
    for lang in sorted({item["lang"] for item in items}):
        pairs = [(i["label"], p) for i, p in zip(items, predicted) if i["lang"] == lang]
        m = compute_report(pairs).overall
        lines.append(f"  {lang}: {len(pairs)} listings, precision {m.precision:.3f}, recall {m.recall:.3f} "
                     f"(tp {m.tp}, fp {m.fp}, fn {m.fn})")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", choices=("dev", "older", "test"), default=["dev", "older", "test"])
    parser.add_argument("--misses", action="store_true", help="list wrong combined decisions on the older set")
    args = parser.parse_args()
    shipped = seed_model()
    for name in args.sets:
        model = seed_model(splits=("train",)) if name == "dev" else shipped
        detectors = {"rules only": Detector(None), "combined": Detector(model)}
        items = load(name)
        print(f"\n######## {name} ({len(items)} listings; model trained on "
              f"{'seeds + train' if name == 'dev' else 'seeds + train + dev'})")
        results = {"rules only": predictions(items, detectors["rules only"]),
                   "model only": model.predict(items),
                   "combined": predictions(items, detectors["combined"])}
        for kind, predicted in results.items():
            report = compute_report(zip((i["label"] for i in items), predicted))
            print(f"\n== {name}: {kind}")
            print(report.format_table())
            print(by_language(items, predicted))
        combined = compute_report(zip((i["label"] for i in items), results["combined"]))
        print(f"\n{name}: combined targets (P >= {PRECISION}, R >= {RECALL}, every policy R >= {POLICY_RECALL}): "
              f"{'met' if meets(combined) else 'NOT met'}")
        if args.misses and name == "older":
            for item, got in zip(items, results["combined"]):
                if got != item["label"]:
                    verdict = detectors["combined"].score(item)
                    print(f"{item['id']} label={item['label']} got={got} top={verdict.policy}:{verdict.score:.2f} "
                          f"{item['title']} | {item.get('description', '')[:80]!r} | "
                          f"{[r.text for r in verdict.reasons]}")


if __name__ == "__main__":
    main()
