"""Time to load every pane for one member, at the service, through the real HTTP app.

    .venv/bin/python bench/member_panes.py [--database-url URL] [--rounds 300]

Panes (one request each, as the console makes them): member summary, the
transactions page (first 50, as buyer and seller), the ratings summary, the
first page of ratings received, and the escrow timeline of the member's
latest transaction. The figure that matters is the p95 of all five together
(issue target: under 30 ms for a member with 500 transactions).

With a URL to a seeded database (``python -m backend --database-url URL seed
--scale large``) it uses the busiest member if they have 500+ transactions,
otherwise it adds one "bench focus" member with 500. With no URL it builds a
scratch SQLite database with background rows first.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from fastapi.testclient import TestClient
from sqlalchemy import func, insert, select, union_all
from sqlalchemy.orm import Session

from backend import schema
from backend.app import create_app
from backend.db import Database, utcnow
from backend.escrow import history
from backend.escrow.models import LedgerEntry, Transaction
from backend.listings.models import Listing
from backend.members import service as member_service
from backend.members.models import Member
from backend.ratings.models import Rating
from backend.ratings.router import Direction, list_ratings
from backend.ratings.summary import rating_summary
from backend.staff import service as staff_service
from backend.staff.models import Staff

FOCUS_TRANSACTIONS = 500
BENCH_USER, BENCH_PASSWORD = "bench-agent", "bench-password-123"
CHUNK = 20_000


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), CHUNK):
        session.execute(insert(model), rows[start:start + CHUNK])


def _next_id(session: Session, model: Any) -> int:
    return (session.scalar(select(func.max(model.id))) or 0) + 1


def _sales(session: Session, rng: random.Random, pairs: list[tuple[int, int]], prefix: str) -> list[int]:
    """Listings, completed transactions with a 4-line ledger, and two-way ratings for (seller, buyer) pairs."""
    now = utcnow()
    first_listing, first_tx = _next_id(session, Listing), _next_id(session, Transaction)
    listings, txs, ledger, ratings = [], [], [], []
    for i, (seller, buyer) in enumerate(pairs):
        created = now - timedelta(days=rng.uniform(1, 700))
        price = rng.choice([800, 2_500, 6_000, 15_000, 48_000])
        listing_id, tx_id = first_listing + i, first_tx + i
        listings.append({"id": listing_id, "external_id": f"{prefix}-l{listing_id}", "seller_id": seller,
                         "title": f"Item {listing_id}", "description": "", "category": "misc", "price": price,
                         "condition": "used", "status": "sold", "created_at": created, "updated_at": created,
                         "version": 1})
        txs.append({"id": tx_id, "listing_id": listing_id, "buyer_id": buyer, "seller_id": seller, "amount": price,
                    "fee": price // 10, "status": "completed", "created_at": created, "updated_at": created,
                    "version": 1})
        for seq, (kind, amount) in enumerate([("payment", price), ("shipped", 0), ("received", 0),
                                              ("release", price)], start=1):
            ledger.append({"transaction_id": tx_id, "seq": seq, "kind": kind, "amount": amount,
                           "actor_label": "bench", "created_at": created + timedelta(hours=seq)})
        for direction, rater, ratee in (("buyer_to_seller", buyer, seller), ("seller_to_buyer", seller, buyer)):
            if rng.random() < 0.85:
                ratings.append({"transaction_id": tx_id, "rater_id": rater, "ratee_id": ratee,
                                "direction": direction, "score": rng.choices(["good", "normal", "bad"], [85, 10, 5])[0],
                                "comment": "ok", "created_at": created + timedelta(days=3)})
    for model, rows in ((Listing, listings), (Transaction, txs), (LedgerEntry, ledger), (Rating, ratings)):
        _insert(session, model, rows)
    return [t["id"] for t in txs]


def _background(session: Session, rng: random.Random, members: int, sales: int) -> None:
    now = utcnow()
    first = _next_id(session, Member)
    _insert(session, Member, [{"id": first + i, "external_id": f"bg-m{first + i}", "display_name": f"Member {i}",
                               "joined_at": now - timedelta(days=rng.uniform(1, 2000)), "status": "active",
                               "strikes": 0, "version": 1} for i in range(members)])
    ids = range(first, first + members)
    _sales(session, rng, [tuple(rng.sample(ids, 2)) for _ in range(sales)], "bg")  # type: ignore[misc]


def _busiest(session: Session) -> tuple[int, int]:
    sides = union_all(select(Transaction.buyer_id.label("m")), select(Transaction.seller_id.label("m"))).subquery()
    row = session.execute(select(sides.c.m, func.count()).group_by(sides.c.m).order_by(func.count().desc())
                          .limit(1)).first()
    return (row[0], row[1]) if row else (0, 0)


def _focus_member(session: Session, rng: random.Random) -> int:
    """A member with FOCUS_TRANSACTIONS transactions, half bought and half sold, among existing members."""
    now = utcnow()
    member_id = _next_id(session, Member)
    session.execute(insert(Member), [{"id": member_id, "external_id": f"bench-focus-{member_id}",
                                      "display_name": "Bench Focus", "joined_at": now - timedelta(days=800),
                                      "status": "active", "strikes": 0, "version": 1}])
    others = list(session.scalars(select(Member.id).where(Member.id != member_id).limit(5_000)))
    half = FOCUS_TRANSACTIONS // 2
    pairs = [(member_id, rng.choice(others)) for _ in range(half)] + [(rng.choice(others), member_id)
                                                                      for _ in range(FOCUS_TRANSACTIONS - half)]
    _sales(session, rng, pairs, f"focus{member_id}")
    return member_id


def _prepare(db: Database, args: argparse.Namespace) -> int:
    rng = random.Random(7)
    with db.transaction() as session:
        if session.scalar(select(Member.id).limit(1)) is None:
            print(f"empty database: writing {args.members:,} members and {args.sales:,} sales first")
            _background(session, rng, args.members, args.sales)
        if session.scalar(select(Staff.id).where(Staff.username == BENCH_USER)) is None:
            staff_service.create_staff(session, username=BENCH_USER, password=BENCH_PASSWORD, role="agent")
        if args.member_id:
            return args.member_id
        member_id, count = _busiest(session)
        if count >= FOCUS_TRANSACTIONS:
            print(f"busiest member #{member_id} has {count} transactions")
            return member_id
        member_id = _focus_member(session, rng)
        print(f"busiest member had {count} transactions; added bench focus member #{member_id} "
              f"with {FOCUS_TRANSACTIONS}")
        return member_id


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


Timings = dict[str, list[tuple[float, float]]]  # pane -> [(wall ms, CPU ms)] per round
WARMUP = 20  # rounds that warm caches and the connection pool, not counted


def _measure(calls: dict[str, Callable[[], object]], rounds: int, after_round: Callable[[], None]) -> Timings:
    """Wall time is what a console waits; CPU time (this process) is the cost without other load on the box."""
    timings: Timings = {name: [] for name in calls}
    for round_no in range(rounds + WARMUP):
        for name, call in calls.items():
            wall, cpu = time.perf_counter(), time.process_time()
            call()
            if round_no >= WARMUP:
                timings[name].append(((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))
        after_round()
    return timings


def run(db: Database, member_id: int, rounds: int) -> None:
    with db.session() as session:
        latest = session.scalar(select(Transaction.id).where(Transaction.buyer_id == member_id)
                                .order_by(Transaction.created_at.desc()).limit(1))
        if latest is None:
            latest = session.scalar(select(Transaction.id).where(Transaction.seller_id == member_id)
                                    .order_by(Transaction.created_at.desc()).limit(1))
        counts = (session.scalar(select(func.count()).where(Transaction.buyer_id == member_id)),
                  session.scalar(select(func.count()).where(Transaction.seller_id == member_id)))
    print(f"member #{member_id}: {counts[0]} purchases, {counts[1]} sales; escrow pane on transaction #{latest}")
    panes = {
        "member summary": f"/api/v1/members/{member_id}/summary",
        "transactions (first 50)": f"/api/v1/transactions?member_id={member_id}&limit=50",
        "ratings summary": f"/api/v1/members/{member_id}/ratings/summary",
        "ratings received (first 50)": f"/api/v1/ratings?member_id={member_id}&direction=received&limit=50",
        "escrow timeline": f"/api/v1/transactions/{latest}",
    }
    with TestClient(create_app(db)) as client:
        login = client.post("/api/v1/auth/login", json={"username": BENCH_USER, "password": BENCH_PASSWORD})
        auth = {"Authorization": f"Bearer {login.json()['access_token']}"}

        def get(path: str) -> Callable[[], object]:
            def call() -> object:
                response = client.get(path, headers=auth)
                if response.status_code != 200:
                    raise SystemExit(f"{path}: {response.status_code} {response.text}")
                return response
            return call

        http = _measure({name: get(path) for name, path in panes.items()}, rounds, lambda: None)
    _report(f"{db.dialect}, {rounds} rounds, ms per HTTP request (TestClient, in process)", http)
    with db.session() as session:
        staff = session.scalar(select(Staff).where(Staff.username == BENCH_USER))
        service = _measure({
            "member summary": lambda: member_service.summary(session, member_id=member_id),
            "transactions (first 50)": lambda: history.list_transactions(
                session, member_id=member_id, role=None, listing_id=None, status=None, cursor=None, limit=50),
            "ratings summary": lambda: rating_summary(session, member_id=member_id),
            "ratings received (first 50)": lambda: list_ratings(
                staff, session, member_id=member_id, direction=Direction.received, score=None, transaction_id=None,
                cursor=None, limit=50),
            "escrow timeline": lambda: history.transaction_detail(session, transaction_id=latest, staff=staff),
        }, rounds, session.expunge_all)
    _report(f"{db.dialect}, {rounds} rounds, ms per service call (same functions, no HTTP, auth or JSON)", service)


def _report(title: str, timings: Timings) -> None:
    rounds = len(next(iter(timings.values())))
    totals = [(sum(timings[n][i][0] for n in timings), sum(timings[n][i][1] for n in timings)) for i in range(rounds)]
    print(f"\n{title}")
    print(f"{'pane':<30}{'wall p50':>10}{'wall p95':>10}{'CPU p50':>10}{'CPU p95':>10}")
    for name, values in [*timings.items(), ("ALL PANES (sequential)", totals)]:
        walls, cpus = [v[0] for v in values], [v[1] for v in values]
        print(f"{name:<30}{statistics.median(walls):10.2f}{_percentile(walls, 0.95):10.2f}"
              f"{statistics.median(cpus):10.2f}{_percentile(cpus, 0.95):10.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="default: a scratch SQLite file with generated rows")
    parser.add_argument("--member-id", type=int, help="bench this member instead of the busiest one")
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--members", type=int, default=50_000, help="background members for a scratch database")
    parser.add_argument("--sales", type=int, default=300_000, help="background sales for a scratch database")
    parser.add_argument("--prepare-only", action="store_true",
                        help="prepare the data, print the member's id on the last line and stop")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='anzen-bench-')) / 'bench.db'}"
    db = Database(url)
    schema.upgrade(db)
    try:
        member_id = _prepare(db, args)
        if args.prepare_only:
            print(member_id)
        else:
            run(db, member_id, args.rounds)
    finally:
        db.dispose()


if __name__ == "__main__":
    main()
