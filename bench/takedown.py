"""Takedown latency and bulk takedown time, at the service (in-process HTTP).

1. Single takedown round trip: POST /api/v1/listings/{id}/takedown on
   listings that each have a paid transaction (held escrow to refund) and an
   open flag; p50/p95/max over ``--single`` requests. Target p95 < 50 ms.
2. Bulk takedown of one seller with ``--bulk-listings`` active listings and
   ``--bulk-open`` open (paid) transactions: preview, then execute with the
   second confirmation. Target < 5 s for 1,000 listings / 200 transactions.

Wall-clock and process CPU time are both printed: on a shared, busy machine
the CPU figure is the honest one (database server time is not in it on
PostgreSQL). Rows are generated here with bulk inserts, on top of whatever the database
already holds (point ``--database-url`` at a ``seed --scale large`` database
to measure against big tables). The default is a fresh SQLite file.

    .venv/bin/python bench/takedown.py [--database-url URL] [--single 300]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere, like the other bench tools

from fastapi.testclient import TestClient
from sqlalchemy import func, insert, select

from backend.app import create_app
from backend.db import Database, utcnow
from backend.escrow.models import LedgerEntry, Transaction
from backend.flags.models import Flag
from backend.listings.models import Listing
from backend.members.models import Member
from backend.schema import upgrade
from backend.staff import service as staff_service
from backend.staff.models import Staff

PASSWORD = "bench-password-1"


def _moderator_headers(db: Database) -> dict[str, str]:
    with db.transaction() as s:
        if s.scalar(select(Staff).where(Staff.username == "bench-moderator")) is None:
            staff_service.create_staff(s, username="bench-moderator", password=PASSWORD, role="moderator")
        token, _expires, _ = staff_service.login(s, username="bench-moderator", password=PASSWORD)
    return {"Authorization": f"Bearer {token}"}


def _make_shop(db: Database, *, listings: int, open_transactions: int, flags: bool) -> tuple[int, list[int]]:
    """One seller with ``listings`` active listings; the first ``open_transactions`` of them are paid for."""
    run = uuid.uuid4().hex[:8]
    now = utcnow()
    with db.transaction() as s:
        seller = Member(external_id=f"bench-seller-{run}", display_name="Bench Seller")
        buyer = Member(external_id=f"bench-buyer-{run}", display_name="Bench Buyer")
        s.add_all([seller, buyer])
        s.flush()
        s.execute(insert(Listing), [
            {"external_id": f"bench-{run}-{i}", "seller_id": seller.id, "title": f"ロレ○クス 腕時計 {i}",
             "description": "新品未使用", "category": "watches", "price": 30000, "status": "active",
             "condition": "new", "created_at": now, "updated_at": now, "version": 1} for i in range(listings)])
        ids = list(s.scalars(select(Listing.id).where(Listing.seller_id == seller.id).order_by(Listing.id)))
        s.execute(insert(Transaction), [
            {"listing_id": lid, "buyer_id": buyer.id, "seller_id": seller.id, "amount": 30000, "fee": 3000,
             "status": "paid", "created_at": now, "updated_at": now, "version": 1}
            for lid in ids[:open_transactions]])
        tx_ids = s.scalars(select(Transaction.id).where(Transaction.seller_id == seller.id)).all()
        s.execute(insert(LedgerEntry), [
            {"transaction_id": tx, "seq": 1, "kind": "payment", "amount": 30000, "actor_label": "bench",
             "created_at": now} for tx in tx_ids])
        if flags:
            s.execute(insert(Flag), [
                {"listing_id": lid, "source": "detector", "policy": "counterfeit", "score": 0.9, "reasons": [],
                 "status": "open", "created_at": now, "version": 1} for lid in ids])
    return seller.id, ids


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def bench_single(client: TestClient, headers: dict[str, str], db: Database, count: int) -> None:
    _seller, ids = _make_shop(db, listings=count, open_transactions=count, flags=True)
    timings, cpu = [], []
    for listing_id in ids:
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.post(f"/api/v1/listings/{listing_id}/takedown", json={"reason_code": "counterfeit"},
                               headers=headers | {"Idempotency-Key": f"bench-{listing_id}"})
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 201, response.text
    print(f"single takedown round trip ({count} requests; each cancels 1 paid transaction, closes 1 flag)")
    print(f"  p50 {statistics.median(timings):6.1f} ms   p95 {_percentile(timings, 95):6.1f} ms   "
          f"max {max(timings):6.1f} ms   target p95 < 50 ms")
    print(f"  CPU p50 {statistics.median(cpu):6.1f} ms   CPU p95 {_percentile(cpu, 95):6.1f} ms")


def bench_bulk(client: TestClient, headers: dict[str, str], db: Database, listings: int, open_count: int) -> None:
    seller, _ids = _make_shop(db, listings=listings, open_transactions=open_count, flags=False)
    started = time.perf_counter()
    preview = client.post("/api/v1/takedowns/bulk/preview", json={"seller_id": seller}, headers=headers)
    preview_ms = (time.perf_counter() - started) * 1000
    body = preview.json()
    started, started_cpu = time.perf_counter(), time.process_time()
    response = client.post("/api/v1/takedowns/bulk", headers=headers, json={
        "seller_id": seller, "reason_code": "counterfeit", "confirmation_token": body["confirmation_token"],
        "confirm_listings": body["listings"], "confirm_large": True})
    execute_s, execute_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    assert response.status_code == 201, response.text
    out = response.json()
    print(f"bulk takedown of a seller: {out['listings']} listings, {out['transactions_cancelled']} open "
          f"transactions, ¥{out['refunded_yen']:,} refunded")
    print(f"  preview {preview_ms:6.1f} ms   execute {execute_s:5.2f} s (CPU {execute_cpu:5.2f} s)   target < 5 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: a fresh SQLite file in a temporary directory")
    parser.add_argument("--single", type=int, default=300, help="single takedowns to time")
    parser.add_argument("--bulk-listings", type=int, default=1000)
    parser.add_argument("--bulk-open", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(args.database_url or f"sqlite:///{tmp}/bench.db")
        upgrade(db)
        with db.session() as s:
            existing = s.scalar(select(func.count()).select_from(Listing))
        print(f"database: {db.dialect}, {existing:,} listings before the bench rows; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall figures suffer when busy)")
        headers = _moderator_headers(db)
        with TestClient(create_app(db)) as client:
            bench_single(client, headers, db, args.single)
            bench_bulk(client, headers, db, args.bulk_listings, args.bulk_open)
        db.dispose()


if __name__ == "__main__":
    main()
