"""50 agents pressing "next" in a loop against PostgreSQL: no item claimed twice, and claims per second.

Each agent is a thread with its own sessions, spread over ``--services``
Database objects (like several service processes, each with its own
connection pool). Every agent is clocked in and calls
``backend.queue.service.next_item`` (claim + audit event, one transaction per
call, as the HTTP endpoint does) until the queue is empty. Afterwards the
returned items are checked for duplicates and against the database.

    .venv/bin/python bench/queue_next_concurrency.py --pg-url postgresql://postgres@127.0.0.1:5432/test
    .venv/bin/python bench/queue_next_concurrency.py            # SQLite, for comparison
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere, like the other bench tools
sys.path.insert(0, str(ROOT / "bench"))

from sqlalchemy import func, select

from backend.db import Database
from backend.queue import service as queue_service
from backend.queue.models import QueueItem
from backend.staff import shifts
from backend.staff.models import Staff
from queue_page import make_staff, populate, scratch_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agents", type=int, default=50)
    parser.add_argument("--items", type=int, default=20_000, help="open items (half of them inquiries)")
    parser.add_argument("--services", type=int, default=2, help="Database objects (connection pools) to share")
    parser.add_argument("--pg-url", help="PostgreSQL server URL; a scratch database is created and dropped")
    args = parser.parse_args()
    with scratch_database(args.pg_url) as db:
        populate(db, args.items)
        agent_ids = make_staff(db, "agent", args.agents)
        with db.transaction() as s:
            shifts.ensure_default_shifts(s)
            for staff_id in agent_ids:
                shifts.clock_in(s, staff=s.get(Staff, staff_id))
        with db.session() as s:
            workable = s.scalar(select(func.count()).select_from(QueueItem).where(
                QueueItem.kind == "inquiry", QueueItem.open.is_(True), QueueItem.waiting.is_(False)))
        pools = [db] + [Database(db.url) for _ in range(args.services - 1)]
        claims: list[tuple[int, int]] = []
        latencies: list[float] = []
        errors: list[BaseException] = []
        lock = threading.Lock()
        barrier = threading.Barrier(args.agents + 1)

        def agent(index: int, staff_id: int) -> None:
            pool = pools[index % len(pools)]
            mine, times = [], []
            try:
                barrier.wait()
                while True:
                    started = time.perf_counter()
                    with pool.session(write=True) as session:
                        item = queue_service.next_item(session, staff=session.get(Staff, staff_id))
                        session.commit()
                    times.append(time.perf_counter() - started)
                    if item is None:
                        break
                    mine.append((item.id, staff_id))
            except BaseException as exc:  # reported after the run
                errors.append(exc)
            with lock:
                claims.extend(mine)
                latencies.extend(times)

        threads = [threading.Thread(target=agent, args=(i, staff_id)) for i, staff_id in enumerate(agent_ids)]
        for thread in threads:
            thread.start()
        barrier.wait()
        started = time.perf_counter()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started

        counts = Counter(item_id for item_id, _ in claims)
        twice = sum(1 for n in counts.values() if n > 1)
        with db.session() as s:
            holders = dict(s.execute(select(QueueItem.id, QueueItem.claimed_by_id).where(
                QueueItem.id.in_(list(counts)))).all()) if counts else {}
        mismatched = sum(1 for item_id, staff_id in claims if holders.get(item_id) != staff_id)
        latencies.sort()
        print(f"database: {db.dialect}; {args.agents} agents over {len(pools)} connection pool(s)")
        print(f"workable inquiries: {workable:,}; claimed: {len(claims):,} in {elapsed:.1f} s "
              f"= {len(claims) / elapsed:,.0f} claims/s")
        print(f"claimed twice: {twice}; holder in database differs: {mismatched}; errors: {len(errors)}")
        print(f"next latency ms: p50 {statistics.median(latencies) * 1000:.1f}, "
              f"p95 {latencies[int(len(latencies) * 0.95) - 1] * 1000:.1f}, max {latencies[-1] * 1000:.1f}")
        per_agent = Counter(staff_id for _, staff_id in claims)
        print(f"claims per agent: min {min(per_agent.values())}, max {max(per_agent.values())}")
        for extra in pools[1:]:
            extra.dispose()
        if errors:
            raise errors[0]
        if twice or mismatched or len(claims) != workable:
            raise SystemExit("FAILED: double or missing claims")


if __name__ == "__main__":
    main()
