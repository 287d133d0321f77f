"""Message screening quality (issue 21): precision and recall on the corpus's DEV
author with a model fitted on TRAIN (tuning), and — with ``--test``, once, for the
report — on the TEST author with the shipped model (TRAIN + DEV). Aggregate figures only:
per policy and per language, never per item for TEST.

    python bench/messages_quality.py            # DEV (train-only model), with DEV errors listed
    python bench/messages_quality.py --test     # TEST, aggregate only
    python bench/messages_quality.py --rules-only
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from backend.detection.messages import corpus  # noqa: E402
from backend.detection.messages.detector import MessageDetector  # noqa: E402
from backend.detection.messages.rules import POLICIES  # noqa: E402
from backend.detection.messages.training import fit  # noqa: E402


def report(rows, verdicts) -> dict[str, float]:
    tp = fp = fn = 0
    per = Counter()
    for row, v in zip(rows, verdicts):
        truth = row["label"]
        predicted = v.policy if v.flagged else "ok"
        if predicted != "ok" and predicted == truth:
            tp += 1
            per[(truth, "tp")] += 1
            per[(row["lang"], "tp")] += 1
        else:
            if predicted != "ok":
                fp += 1
                per[(predicted, "fp")] += 1
                per[(row["lang"], "fp")] += 1
            if truth != "ok":
                fn += 1
                per[(truth, "fn")] += 1
                per[(row["lang"], "fn")] += 1
    def pr(t, f, n):
        return (t / (t + f) if t + f else 1.0), (t / (t + n) if t + n else 1.0)
    p, r = pr(tp, fp, fn)
    print(f"overall  precision {p:.3f}  recall {r:.3f}  (tp {tp}, fp {fp}, fn {fn}, n {len(rows)})")
    for key in (*POLICIES, "ja", "en"):
        kp, kr = pr(per[(key, "tp")], per[(key, "fp")], per[(key, "fn")])
        print(f"  {key:22s} precision {kp:.3f}  recall {kr:.3f}  (tp {per[(key, 'tp')]}, fp {per[(key, 'fp')]}, "
              f"fn {per[(key, 'fn')]})")
    return {"precision": p, "recall": r}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--test", action="store_true", help="report TEST once (aggregate only)")
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list DEV errors (never for TEST)")
    args = parser.parse_args()
    if args.test:
        detector = MessageDetector(None if args.rules_only else fit(include_dev=True))
        rows = corpus.load_test()
        print("TEST (author z), model fitted on seed examples + TRAIN + DEV" + (" [rules only]" if args.rules_only else ""))
        report(rows, detector.score_many([r["text"] for r in rows]))
        return
    detector = MessageDetector(None if args.rules_only else fit(include_dev=False))
    for split in (corpus.TRAIN, corpus.DEV):
        rows = corpus.load(split)
        verdicts = detector.score_many([r["text"] for r in rows])
        print(f"{'TRAIN' if split == corpus.TRAIN else 'DEV'} (author {split}), model fitted on seed examples + TRAIN"
              + (" [rules only]" if args.rules_only else ""))
        report(rows, verdicts)
        if args.errors and split == corpus.DEV or args.errors and args.rules_only:
            for row, v in zip(rows, verdicts):
                predicted = v.policy if v.flagged else "ok"
                if predicted != row["label"]:
                    print(f"    {row['id']} truth={row['label']} got={predicted} {v.score:.2f} {row['text'][:90]}")


if __name__ == "__main__":
    main()
