"""Screening a new listing against thousands of open recalls (issue 19: < 50 ms p95 with 5,000).

On a scratch database: ``--recalls`` open recalls (the corpus's 66 real
records, then records of the same shape for other makers' products with
their own names and model numbers until there are enough), then
``--listings`` new listings created one by one, each in its
own transaction as ``POST /listings`` does: index the listing's terms, find
the recalls sharing one through ``recall_terms``, score it against those.
Prints per-listing p50 / p95 / max, wall and CPU.

    .venv/bin/python bench/recall_screening.py [--recalls 5000] [--listings 400] [--database-url URL]
"""

from __future__ import annotations

import argparse
import copy
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend import models  # noqa: E402,F401  (registers every table)
from backend.db import Database  # noqa: E402
from backend.listings.models import Listing  # noqa: E402
from backend.members.models import Member  # noqa: E402
from backend.recalls import cpsc, evaluation, service  # noqa: E402
from backend.schema import upgrade  # noqa: E402


def _records(count: int, rng: random.Random) -> list[dict]:
    base = [r for path in sorted(evaluation.CORPUS.glob("records_*.json"))
            for r in __import__("json").loads(path.read_text(encoding="utf-8"))]
    out = []
    for i in range(count):
        record = copy.deepcopy(base[i % len(base)])
        if i >= len(base):  # another product of another maker, in the same shape
            maker = "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)).title()
            record.update(RecallNumber=f"BENCH-{i}", Title=f"{maker} Recalls Products", Description="",
                          Manufacturers=[{"Name": f"{maker} Inc."}], ProductUPCs=[])
            for product in record.get("Products") or []:
                product["Name"] = f"{maker} {product.get('Type') or 'product'} {rng.randint(1, 999)}"
                product["Model"] = f"{maker[:2].upper()}-{rng.randint(100, 99999)}" if product.get("Model") else ""
        out.append(record)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recalls", type=int, default=5000)
    parser.add_argument("--listings", type=int, default=400)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(args.database_url or f"sqlite:///{tmp}/screen.db")
        upgrade(db)
        started = time.perf_counter()
        with db.transaction() as session:
            service.import_recalls(session, records=[cpsc.from_record(r) for r in _records(args.recalls, rng)],
                                   actor_id=None, actor_label="bench")
            seller = Member(external_id="bench-seller", display_name="bench")
            session.add(seller)
        print(f"{args.recalls:,} open recalls registered in {time.perf_counter() - started:.0f} s")
        rows = evaluation.corpus_set("test").listings
        walls, cpus, found = [], [], 0
        for i in range(args.listings):
            row = rows[i % len(rows)]
            wall, cpu = time.perf_counter(), time.process_time()
            with db.transaction() as session:
                listing = Listing(external_id=f"bench-{i}", seller_id=seller.id, title=row["title"],
                                  description=row.get("description") or "", category="bench",
                                  brand=row.get("brand") or None, price=row.get("price") or 1000)
                session.add(listing)
                session.flush()
                found += len(service.check_new_listing(session, listing))
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        for label, values in (("wall", walls), ("CPU", cpus)):
            ordered = sorted(values[10:])  # the first few load the analyser and the profiles
            p95 = ordered[int(len(ordered) * 0.95)]
            print(f"create + screen one listing ({label}): p50 {statistics.median(ordered) * 1000:.1f} ms, "
                  f"p95 {p95 * 1000:.1f} ms, max {max(ordered) * 1000:.1f} ms")
        print(f"{found} candidate matches created for {args.listings} listings")
        db.dispose()


if __name__ == "__main__":
    main()
