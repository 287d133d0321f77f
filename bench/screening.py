"""Cost of screening inside the service, on a scratch database.

Prints: listings screened per second through the importer hook (score, flag,
suspend, recall check, audit — all in one transaction, like
``import-listings``); the per-listing overhead of looking up the active
version and thresholds; the threshold preview's latency over many decided
flags; and the time to train a version from many stored decisions. Rows the
preview and training need are bulk-inserted here, so no seeded database is
required. Wall-clock and process CPU time are both printed (shared machines).

    .venv/bin/python bench/screening.py [--database-url URL] [--listings N] [--flags N] [--decisions N]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402

from backend import models  # noqa: E402,F401  (registers every table)
from backend.db import Database, utcnow  # noqa: E402
from backend.detection import seed_labels  # noqa: E402
from backend.detection.detector import listing_text  # noqa: E402
from backend.detection.rules import POLICIES  # noqa: E402
from backend.flags.models import Flag  # noqa: E402
from backend.listings.models import Listing  # noqa: E402
from backend.members.models import Member  # noqa: E402
from backend.schema import upgrade  # noqa: E402
from backend.screening import active, service, thresholds, training  # noqa: E402
from backend.screening.models import DecisionLabel  # noqa: E402


class Clock:
    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def _listing(rng: random.Random) -> dict[str, object]:
    return (seed_labels.violating_listing(rng.choice(POLICIES), rng) if rng.random() < 0.2
            else seed_labels.ok_listing(rng))


def bench_screening(db: Database, n: int) -> None:
    rng = random.Random(11)
    with db.transaction() as s:
        seller = Member(external_id="bench-seller", display_name="bench", joined_at=utcnow() - timedelta(days=300))
        s.add(seller)
        s.flush()
        screener = service.screener(s)  # stores the seed model as version 1 on a fresh database
    results = []
    with Clock() as clock, db.transaction() as s:
        screener = service.screener(s)
        for i in range(n):
            item = _listing(rng)
            listing = Listing(external_id=f"bench-{i}", seller_id=seller.id, title=str(item["title"]),
                              description=str(item.get("description") or ""), category=str(item["category"]),
                              brand=item.get("brand"), price=int(item["price"]), created_at=utcnow())
            s.add(listing)
            s.flush()
            results.append(screener(s, listing))
    flagged = sum(r.flag_created for r in results)
    print(f"screen via importer hook: {n} listings in {clock.wall:.2f} s wall / {clock.cpu:.2f} s CPU "
          f"= {n / clock.wall:,.0f} listings/s ({flagged} flagged, {sum(r.suspended for r in results)} suspended)")
    with Clock() as lookup, db.session() as s:
        for _ in range(200):
            active.active_detector(s)
    print(f"active version + thresholds lookup: {lookup.wall / 200 * 1000:.2f} ms per request")


def bench_preview(db: Database, n: int) -> None:
    rng = random.Random(5)
    now = utcnow()
    with db.transaction() as s:
        seller_id = s.scalar(insert(Member).values(external_id="bench-history", display_name="history")
                             .returning(Member.id))
        base = 10_000_000
        s.execute(insert(Listing), [{"id": base + i, "external_id": f"hist-{i}", "seller_id": seller_id,
                                     "title": "x", "description": "", "category": "bags", "price": 1000,
                                     "status": "active", "created_at": now, "updated_at": now, "version": 1,
                                     "condition": "used"} for i in range(n)])
        s.execute(insert(Flag), [{"listing_id": base + i, "source": "detector", "policy": "counterfeit",
                                  "score": rng.uniform(0.7, 1.0), "reasons": [],
                                  "status": rng.choice(("actioned", "dismissed", "open")),
                                  "created_at": now - timedelta(days=rng.uniform(0, 90)), "version": 1}
                                 for i in range(n)])
        s.execute(insert(DecisionLabel), [{"listing_id": base + i, "text": "x", "label": "counterfeit",
                                           "source": "takedown", "created_at": now} for i in range(0, n, 3)])
    with Clock() as clock, db.session() as s:
        body = thresholds.preview(s, policy="counterfeit", threshold=0.8)
    print(f"threshold preview over {n:,} detector flags ({body['decided_flags']:,} decided, 70-point curve): "
          f"{clock.wall * 1000:.0f} ms wall / {clock.cpu * 1000:.0f} ms CPU")


def bench_training(db: Database, n: int) -> None:
    rng = random.Random(9)
    rows = []
    for _ in range(n):
        policy = rng.choice((*POLICIES, "ok", "ok", "ok"))
        item = seed_labels.ok_listing(rng) if policy == "ok" else seed_labels.violating_listing(policy, rng)
        rows.append({"text": listing_text(item), "label": policy, "source": "bench", "created_at": utcnow()})
    with db.transaction() as s:
        s.execute(insert(DecisionLabel), rows)
    with Clock() as clock, db.transaction() as s:
        outcome = training.train_version(s, actor=None, note="bench")
    print(f"train-detector with {n:,} stored decisions (+ seed examples): {clock.wall:.1f} s wall / "
          f"{clock.cpu:.1f} s CPU, activated={outcome.activated}, blob {len(outcome.version.blob) / 1e6:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: a scratch SQLite file")
    parser.add_argument("--listings", type=int, default=2000)
    parser.add_argument("--flags", type=int, default=100_000)
    parser.add_argument("--decisions", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(args.database_url or f"sqlite:///{tmp}/bench.db")
        upgrade(db)
        try:
            bench_screening(db, args.listings)
            bench_preview(db, args.flags)
            bench_training(db, args.decisions)
        finally:
            db.dispose()


if __name__ == "__main__":
    main()
