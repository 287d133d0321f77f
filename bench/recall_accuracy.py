"""Recall matching on the labelled sets: the independent corpus's tuning and
test halves and the team's older set, each in a fresh SQLite database.

Prints, per set, reach (true listings rated high or medium) and precision
at high, overall and per listing language. Targets on the corpus's test
half: reach ≥ 0.95 and precision at high ≥ 0.95; no drop on the older set.
``--misses`` lists every missed or wrong pair of the tuning half and the
older set (never the test half's: it is not for tuning).

    .venv/bin/python bench/recall_accuracy.py [--misses]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from backend.db import Database  # noqa: E402
from backend.recalls import evaluation  # noqa: E402
from backend.schema import upgrade  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list mistakes (tuning half and older set only)")
    parser.add_argument("--only", choices=["tuning", "test", "older"], help="one set only")
    args = parser.parse_args()
    sets = {"tuning": lambda: evaluation.corpus_set("tuning"), "test": lambda: evaluation.corpus_set("test"),
            "older": evaluation.older_set}
    for name, make in sets.items():
        if args.only and name != args.only:
            continue
        eval_set = make()
        with tempfile.TemporaryDirectory() as tmp:
            db = Database(f"sqlite:///{tmp}/eval.db")
            upgrade(db)
            report, candidates = evaluation.run(db, eval_set)
            db.dispose()
        print(report.table() + "\n")
        if args.misses and name != "test":
            labels = {row["id"]: row for row in eval_set.listings}
            for mistake in report.reach.mistakes + [m for m in report.high.mistakes if "false positive" in m]:
                number, _, what = mistake.partition(": ")
                ext = what.split()[-1]
                row, cand = labels[ext], candidates[number].get(ext)
                got = (f"{cand.confidence.value} {cand.score}: {[e.text for e in cand.evidence]}" if cand
                       else "not a candidate")
                print(f"  {mistake} [{row.get('lang')}] {row['title']} | model={row.get('model_number')} "
                      f"brand={row.get('brand')} | {got}")


if __name__ == "__main__":
    main()
