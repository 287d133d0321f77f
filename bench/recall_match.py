"""Matching one recall against a million listings on SQLite. Target: under 1 s.

Builds (or reuses) a SQLite file with ``--listings`` background listings
(bench/recall_corpus.py: bulk Core inserts, term index built in worker
processes), adds the older labelled set (12 recalls, 156 listings) and the independent
corpus (66 real recalls, 528 listings), then for every recall of the older
set and of the corpus's test half times

* ``match``: candidate search through the indexes + rapidfuzz scoring, and
* ``run_matching``: the same plus storing the candidates and the audit event
  (the POST /recalls/{id}/match path), in a transaction rolled back after,

and reports precision/recall on the labelled listings amid the background.

    .venv/bin/python bench/recall_match.py [--listings 1000000] [--db /tmp/anzen-recall-1m.db] [--fresh] [--reindex]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from recall_corpus import generate, index_terms  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from backend.db import Database  # noqa: E402
from backend.listings.models import Listing  # noqa: E402
from backend.recalls import evaluation, matcher, service  # noqa: E402
from backend.recalls.models import Recall  # noqa: E402
from backend.schema import upgrade  # noqa: E402

# the older set, and the corpus's test half (its listings all, its tuning recalls imported but not timed)
SETS = [(evaluation.older_set(), "ev-"), (evaluation.corpus_set("test"), "corpus-")]


def build(db: Database, count: int) -> None:
    started = time.perf_counter()
    with db.transaction() as session:
        generate(session, count=count)
    print(f"generated and indexed {count:,} background listings in {time.perf_counter() - started:.0f} s")
    with db.transaction() as session:
        for eval_set, members in SETS:
            evaluation.seed_listings(session, eval_set.listings, members=members)
            service.import_recalls(session, records=eval_set.records, actor_id=None, actor_label="bench")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listings", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/anzen-recall-1m.db")
    parser.add_argument("--fresh", action="store_true", help="rebuild the database file")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reindex", action="store_true", help="rebuild listing_terms (after a vocabulary change)")
    args = parser.parse_args()
    path = Path(args.db)
    if args.fresh and path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    with db.session() as session:
        present = session.scalar(select(func.count()).select_from(Listing))
    if not present:
        build(db, args.listings)
    elif args.reindex:
        started = time.perf_counter()
        with db.transaction() as session:
            index_terms(session)
        print(f"re-indexed in {time.perf_counter() - started:.0f} s")
    with db.session() as session:
        total = session.scalar(select(func.count()).select_from(Listing))
        scored = {n for eval_set, _ in SETS for n in eval_set.numbers}
        recalls = [r for r in session.scalars(select(Recall).order_by(Recall.number)) if r.number in scored]
    print(f"SQLite, {total:,} listings, {len(recalls)} recalls, best of {args.repeat} (first run in brackets); "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'recall':8} {'search+score':>14} {'run_matching':>13} {'candidates':>10} {'high':>5} {'med':>5}")
    timings, stored, found = [], [], {}
    for recall in recalls:
        runs = []
        for _ in range(args.repeat):
            with db.session() as session:
                started = time.perf_counter()
                candidates = matcher.match(session, matcher.load_profile(session, recall))
                runs.append(time.perf_counter() - started)
        found[recall.number] = {c.listing_external_id for c in candidates if c.confidence in ("high", "medium")}
        session = db.session(write=True)
        try:
            started = time.perf_counter()
            service.run_matching(session, recall_id=recall.id, actor_id=None, actor_label="bench")
            stored.append(time.perf_counter() - started)
        finally:
            session.rollback()
            session.close()
        timings.append(min(runs))
        high = sum(c.confidence == "high" for c in candidates)
        medium = sum(c.confidence == "medium" for c in candidates)
        print(f"{recall.number:8} {min(runs) * 1000:8.0f} ms ({runs[0] * 1000:4.0f}) {stored[-1] * 1000:10.0f} ms "
              f"{len(candidates):10} {high:5} {medium:5}")
    print(f"search+score: median {statistics.median(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms; "
          f"run_matching (stores candidates): median {statistics.median(stored) * 1000:.0f} ms, "
          f"max {max(stored) * 1000:.0f} ms")
    for eval_set, _ in SETS:
        score = evaluation.score(lambda n: found[n], eval_set.numbers, eval_set.listings)
        print(f"{eval_set.name} amid the background (medium+high): precision {score.precision:.3f}, "
              f"recall {score.recall:.3f}, F1 {score.f1:.3f} "
              f"(TP {score.true_positive}, FP {score.false_positive}, FN {score.false_negative})")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
