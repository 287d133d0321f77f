"""Queue page latency at the service: 50 rows, filtered and sorted, with 100,000 open items.

Builds a scratch database (a temporary SQLite file, or a scratch PostgreSQL
database created next to --pg-url and dropped after), bulk-inserts open
inquiries and flags with Core inserts, brings them into the queue with
``backend.queue.sources.rebuild`` (timed too), then times
``backend.queue.service.list_items`` for typical console views. Target: p95
under 20 ms on SQLite and PostgreSQL.

    .venv/bin/python bench/queue_page.py [--items 100000] [--pg-url postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere, like the other bench tools
sys.path.insert(0, str(ROOT / "bench"))

from sqlalchemy import insert, select, text, update

from backend.db import Database, utcnow
from backend.flags.models import Flag
from backend.inquiries.models import Inquiry
from backend.listings.models import Listing
from backend.members.models import Member
from backend.queue import service as queue_service
from backend.queue.models import QueueItem
from backend.queue.sources import rebuild
from backend.schema import upgrade
from backend.staff.models import Staff
from support import scratch_postgres

POLICIES = ["counterfeit", "medicine", "game_account", "stolen_goods", "weapon", "cash_equivalent"]
CATEGORIES = ["item_not_received", "not_as_described", "payment", "account", "other"]
CHUNK = 10_000


@contextmanager
def scratch_database(pg_url: str | None) -> Iterator[Database]:
    """A throwaway database: a temp SQLite file, or CREATE/DROP DATABASE on the PostgreSQL server."""
    with ExitStack() as stack:
        if pg_url is None:
            url = f"sqlite:///{stack.enter_context(tempfile.TemporaryDirectory())}/bench.db"
        else:
            url = stack.enter_context(scratch_postgres(pg_url, "anzen_bench"))
        db = Database(url)
        try:
            upgrade(db)
            yield db
        finally:
            db.dispose()


def make_staff(db: Database, role: str, count: int) -> list[int]:
    with db.transaction() as s:
        rows = [Staff(username=f"bench-{role}-{n}", display_name=f"Bench {role} {n}", role=role, password_hash="x")
                for n in range(count)]
        s.add_all(rows)
        s.flush()
        return [row.id for row in rows]


def populate(db: Database, items: int, *, seed: int = 7) -> dict[str, float]:
    """Half inquiries, half flags, all open, SLA due times spread over ±2 days."""
    rng = random.Random(seed)
    now = utcnow()
    timings: dict[str, float] = {}
    started = time.perf_counter()
    with db.transaction() as s:
        conn = s.connection()
        conn.execute(insert(Member), [{"id": n, "external_id": f"bm{n}", "display_name": f"Member {n}",
                                       "joined_at": now, "status": "active", "strikes": 0, "version": 1}
                                      for n in range(1, 2001)])
        conn.execute(insert(Listing), [{"id": n, "external_id": f"bl{n}", "seller_id": rng.randint(1, 2000),
                                        "title": f"Listing {n}", "category": "misc", "price": 1000,
                                        "status": "active", "created_at": now, "updated_at": now, "version": 1}
                                       for n in range(1, 5001)])
        n_inquiries = items // 2
        for first in range(0, n_inquiries, CHUNK):
            rows = []
            for n in range(first, min(first + CHUNK, n_inquiries)):
                created = now - timedelta(minutes=rng.uniform(0, 4 * 24 * 60))
                due = now + timedelta(minutes=rng.uniform(-2 * 24 * 60, 2 * 24 * 60))
                rows.append({"member_id": rng.randint(1, 2000), "category": rng.choice(CATEGORIES),
                             "subject": f"Inquiry {n}", "priority": rng.randint(1, 4),
                             "status": rng.choice(["new", "open", "open", "waiting_on_member"]),
                             "first_response_due": due, "resolution_due": due + timedelta(days=2),
                             "created_at": created, "updated_at": created, "version": 1})
            conn.execute(insert(Inquiry), rows)
        for first in range(0, items - n_inquiries, CHUNK):
            rows = [{"listing_id": rng.randint(1, 5000), "source": "detector", "policy": rng.choice(POLICIES),
                     "score": round(rng.random(), 3), "reasons": [], "status": "open",
                     "created_at": now - timedelta(minutes=rng.uniform(0, 3 * 24 * 60)), "version": 1}
                    for _ in range(first, min(first + CHUNK, items - n_inquiries))]
            conn.execute(insert(Flag), rows)
    timings["bulk insert sources (s)"] = time.perf_counter() - started
    started = time.perf_counter()
    with db.transaction() as s:
        rebuild(s.connection())
    timings["queue rebuild (s)"] = time.perf_counter() - started
    with db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    return timings


def claim_some(db: Database, staff_ids: list[int], share: float = 0.02) -> None:
    """A few live claims spread over the queue, as on a busy shift."""
    with db.transaction() as s:
        ids = s.scalars(select(QueueItem.id).where(QueueItem.open.is_(True))).all()
        rng = random.Random(3)
        until = utcnow() + timedelta(minutes=10)
        for item_id in rng.sample(ids, int(len(ids) * share)):
            s.execute(update(QueueItem).where(QueueItem.id == item_id).values(
                claimed_by_id=rng.choice(staff_ids), claim_expires_at=until))


VIEWS: list[tuple[str, str, dict[str, object]]] = [
    ("agent: priority (default)", "agent", {}),
    ("agent: unclaimed, priority", "agent", {"claim": queue_service.ClaimFilter.unclaimed}),
    ("agent: claimed by me", "agent", {"claim": queue_service.ClaimFilter.mine}),
    ("agent: category=payment, due", "agent", {"category": "payment", "sort": queue_service.Sort.due}),
    ("agent: SLA breached", "agent", {"sla": queue_service.SlaFilter.breached}),
    ("agent: SLA at risk", "agent", {"sla": queue_service.SlaFilter.at_risk}),
    ("agent: status=waiting_on_member, oldest", "agent", {"status": "waiting_on_member",
                                                          "sort": queue_service.Sort.oldest}),
    ("moderator: weapon, unclaimed", "moderator", {"category": "weapon",
                                                   "claim": queue_service.ClaimFilter.unclaimed}),
    ("moderator: newest", "moderator", {"sort": queue_service.Sort.newest}),
    ("supervisor: all kinds, priority", "supervisor", {}),
    ("supervisor: all kinds, page 3", "supervisor", {"pages": 3}),
]


def _p50_p95(samples: list[float]) -> tuple[float, float]:
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def time_views(db: Database, staff: dict[str, Staff], rounds: int) -> list[tuple[str, float, float, float, float]]:
    """Wall-clock and CPU time (this thread; on a shared, loaded machine the
    CPU figure is what the call costs, wall time includes waiting for a core)."""
    results = []
    for label, role, options in VIEWS:
        options = dict(options)
        pages = int(options.pop("pages", 1))
        wall, cpu = [], []
        with db.session() as session:
            for _ in range(rounds):
                started, started_cpu = time.perf_counter(), time.thread_time()
                cursor = None
                for _page in range(pages):
                    page = queue_service.list_items(session, staff=staff[role], cursor=cursor, limit=50, **options)
                    cursor = page.next_cursor
                wall.append((time.perf_counter() - started) * 1000 / pages)
                cpu.append((time.thread_time() - started_cpu) * 1000 / pages)
                session.rollback()
        results.append((label, *_p50_p95(wall), *_p50_p95(cpu)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--pg-url", help="PostgreSQL server URL; a scratch database is created and dropped")
    args = parser.parse_args()
    with scratch_database(args.pg_url) as db:
        print(f"database: {db.dialect}, {args.items:,} open items")
        for label, seconds in populate(db, args.items).items():
            print(f"  {label}: {seconds:.1f}")
        ids = {role: make_staff(db, role, 10) for role in ("agent", "moderator", "supervisor")}
        claim_some(db, ids["agent"] + ids["moderator"])
        with db.session() as s:
            staff = {role: s.get(Staff, staff_ids[0]) for role, staff_ids in ids.items()}
            s.expunge_all()
        print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print(f"{'view (50 rows)':44} {'wall p50':>9} {'wall p95':>9} {'cpu p50':>9} {'cpu p95':>9}  (ms)")
        for label, p50, p95, cpu50, cpu95 in time_views(db, staff, args.rounds):
            print(f"{label:44} {p50:9.2f} {p95:9.2f} {cpu50:9.2f} {cpu95:9.2f}")


if __name__ == "__main__":
    main()
