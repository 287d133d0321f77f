"""Team deployment (issue 20): three ``serve`` processes on one scratch PostgreSQL database.

1. 60 agents spread over the replicas press "next" until the queue is empty:
   items claimed twice (must be 0) and claims per second, next to one replica.
2. 100 temporary takedowns expire while the replicas run and no console is
   open: each reinstated exactly once (one audit event each), and how long it took.
3. A change through replica A reaches an event stream on replica B: p50/p95 lag.

    python bench/team_replicas.py --pg-url postgresql://postgres@127.0.0.1:5432/test [--items 1200]
"""

from __future__ import annotations

import argparse
import json
import secrets
import statistics
import sys
import threading
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import requests
from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from backend.audit.models import AuditEvent  # noqa: E402
from backend.db import Database, utcnow  # noqa: E402
from backend.enforcement import service as enforcement  # noqa: E402
from backend.inquiries.models import Inquiry  # noqa: E402
from backend.listings.models import Listing  # noqa: E402
from backend.members.models import Member  # noqa: E402
from backend.schema import upgrade  # noqa: E402
from backend.staff import shifts  # noqa: E402
from backend.staff.models import AuthToken, Staff  # noqa: E402
from backend.staff.security import hash_password, token_digest  # noqa: E402
from tests.backend.jobs.replicas import Replicas  # noqa: E402
from tests.conftest import _scratch_postgres  # noqa: E402

API = "/api/v1"


def setup(db: Database, agents: int) -> tuple[list[dict[str, str]], int]:
    password = hash_password("unused-password")
    now = utcnow()
    with db.transaction() as s:
        shifts.ensure_default_shifts(s)
        staff = [Staff(username=f"bench-agent-{n}", display_name=f"Agent {n}", role="agent", password_hash=password)
                 for n in range(agents)]
        moderator = Staff(username="bench-moderator", display_name="Moderator", role="moderator",
                          password_hash=password)
        s.add_all([*staff, moderator])
        s.flush()
        headers = []
        for member in staff:
            token = secrets.token_urlsafe(24)
            s.add(AuthToken(token_hash=token_digest(token), staff_id=member.id, created_at=now,
                            expires_at=now + timedelta(hours=2), last_used_at=now))
            shifts.clock_in(s, staff=member)
            headers.append({"Authorization": f"Bearer {token}"})
        return headers, moderator.id


def inquiries(db: Database, n: int) -> None:
    now = utcnow()
    with db.transaction() as s:
        member = Member(external_id=f"m-bench-{now.timestamp()}", display_name="Member")
        s.add(member)
        s.flush()
        s.add_all([Inquiry(member_id=member.id, category="payment", subject=f"Question {i}",
                           first_response_due=now + timedelta(hours=1), resolution_due=now + timedelta(hours=48))
                   for i in range(n)])


def press_next(urls: list[str], headers: list[dict[str, str]]) -> tuple[int, int, float, Counter[str]]:
    claims: list[int] = []
    errors: Counter[str] = Counter()
    lock = threading.Lock()
    barrier = threading.Barrier(len(headers) + 1)

    def agent(n: int) -> None:
        url = urls[n % len(urls)]
        with requests.Session() as http:
            barrier.wait()
            while True:
                response = http.post(f"{url}{API}/queue/next", json={}, headers=headers[n], timeout=60)
                if response.status_code != 200:
                    with lock:
                        errors[f"{response.status_code} {response.text[:120]}"] += 1
                    if sum(errors.values()) > 1000:
                        return
                    continue
                item = response.json()["item"]
                if item is None:
                    return
                with lock:
                    claims.append(item["id"])

    threads = [threading.Thread(target=agent, args=(n,)) for n in range(len(headers))]
    for t in threads:
        t.start()
    barrier.wait()
    started = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    return len(claims), sum(1 for c in Counter(claims).values() if c > 1), elapsed, errors


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg-url", required=True)
    parser.add_argument("--items", type=int, default=1200)
    parser.add_argument("--agents", type=int, default=60)
    args = parser.parse_args()
    base = args.pg_url.replace("postgresql://", "postgresql+psycopg://", 1)
    for url in _scratch_postgres(base):
        db = Database(url)
        upgrade(db)
        headers, moderator_id = setup(db, args.agents)
        plain = url.replace("+psycopg", "")
        for count in (1, 3):
            inquiries(db, args.items)
            with Replicas(plain, count, env={"ANZEN_JOBS": "0"}) as replicas:
                claims, twice, elapsed, errors = press_next(replicas.urls, headers)
            print(f"next, {args.agents} agents on {count} replica(s): {claims} claims, {twice} claimed twice, "
                  f"{claims / elapsed:.0f} claims/s; answers other than 200: {dict(errors) or 'none'}")
            with db.transaction() as s:  # give the items back closed, so the next round starts afresh
                s.execute(Inquiry.__table__.update().values(status="resolved"))
        env = {"ANZEN_JOBS_TICK_SECONDS": "5", "ANZEN_JOB_REINSTATE_EXPIRED_SECONDS": "60"}
        with Replicas(plain, 3, env=env) as replicas:
            with db.transaction() as s:
                seller = Member(external_id="m-bench-temp", display_name="Seller")
                s.add(seller)
                s.flush()
                listings = [Listing(external_id=f"l-temp-{i}", seller_id=seller.id, title=f"item {i}",
                                    category="games", price=1000, status="active") for i in range(100)]
                s.add_all(listings)
                s.flush()
                ids = [listing.id for listing in listings]
                moderator = s.get(Staff, moderator_id)
                start = utcnow() - timedelta(seconds=50)  # the shortest takedown, a minute: ends in 10 s
                for lid in ids:
                    enforcement.take_down(s, listing_id=lid, reason_code="game_account", actor=moderator,
                                          duration=timedelta(minutes=1), now=start)
            ends = time.perf_counter() + 10
            while True:
                with db.session() as s:
                    back = s.scalar(select(func.count()).select_from(Listing).where(
                        Listing.id.in_(ids), Listing.status == "active"))
                if back == len(ids) or time.perf_counter() > ends + 180:
                    break
                time.sleep(0.5)
            took = time.perf_counter() - ends
            time.sleep(65)  # another whole interval on every replica: nothing is reinstated twice
            with db.session() as s:
                events = Counter(s.scalars(select(AuditEvent.target_id).where(
                    AuditEvent.action == "listing.reinstate_expired")))
            print(f"temporary takedowns, 3 replicas, no console: {back} of {len(ids)} reinstated "
                  f"{took:.1f} s after they ended; audit events per listing {sorted(set(events.values()))}")

            inquiries(db, 60)
            arrived: dict[int, float] = {}
            sent: dict[int, float] = {}
            ready = threading.Event()

            def listen() -> None:
                with requests.get(f"{replicas.urls[1]}{API}/events", headers=headers[1], stream=True,
                                  timeout=60) as stream:
                    event = None
                    for line in stream.iter_lines(decode_unicode=True):
                        if line.startswith("event: "):
                            event = line[7:]
                            if event == "hello":
                                ready.set()
                        elif line.startswith("data: ") and event == "queue":
                            change = json.loads(line[6:])
                            if change["claimed_by_id"] is not None:
                                arrived.setdefault(change["id"], time.perf_counter())
                            if len(sent) == 60 and set(sent) <= set(arrived):
                                return

            listener = threading.Thread(target=listen, daemon=True)
            listener.start()
            ready.wait(10)
            with requests.Session() as http:
                for _ in range(60):
                    started = time.perf_counter()
                    item = http.post(f"{replicas.urls[0]}{API}/queue/next", json={}, headers=headers[2],
                                     timeout=30).json()["item"]
                    sent[item["id"]] = started
                    time.sleep(0.05)
            listener.join(15)
            lags = sorted((arrived[i] - sent[i]) * 1000 for i in sent if i in arrived)
            p95 = lags[int(0.95 * (len(lags) - 1))] if lags else float("nan")
            print(f"push, replica A -> stream on replica B: {len(lags)} of {len(sent)} changes, "
                  f"p50 {statistics.median(lags):.0f} ms, p95 {p95:.0f} ms (from sending the request)")
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
