"""Three ``serve`` processes on one scratch PostgreSQL database, as a team runs
them: "next" never hands an item to two agents, a retried request sent to
another replica gets the first answer, and scheduled jobs end temporary
takedowns once each with no console open. Needs ANZEN_TEST_PG_URL."""

from __future__ import annotations

import json
import os
import secrets
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from backend.audit.models import AuditEvent
from backend.db import Database, utcnow
from backend.enforcement import service as enforcement
from backend.inquiries.models import Inquiry
from backend.jobs.models import ScheduledJob
from backend.listings.models import Listing
from backend.members.models import Member
from backend.queue.models import QueueItem
from backend.schema import upgrade
from backend.staff import shifts
from backend.staff.models import AuthToken, Staff
from backend.staff.security import hash_password, token_digest
from tests.backend.jobs.replicas import Replicas
from tests.conftest import PG_ENV, _scratch_postgres

pytestmark = [pytest.mark.skipif(not os.environ.get(PG_ENV), reason="replicas need PostgreSQL (ANZEN_TEST_PG_URL)"),
              pytest.mark.slow]

AGENTS = 12
API = "/api/v1"


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Replicas, list[dict[str, str]], int]]:
    base = os.environ[PG_ENV].replace("postgresql://", "postgresql+psycopg://", 1)
    for url in _scratch_postgres(base):
        db = Database(url)
        upgrade(db)
        password = hash_password("unused-password")
        now = utcnow()
        with db.transaction() as s:
            shifts.ensure_default_shifts(s)
            agents = [Staff(username=f"team-agent-{n}", display_name=f"Team Agent {n}", role="agent",
                            password_hash=password) for n in range(AGENTS)]
            moderator = Staff(username="team-moderator", display_name="Team Moderator", role="moderator",
                              password_hash=password)
            s.add_all([*agents, moderator])
            s.flush()
            headers = []
            for staff in agents:
                token = secrets.token_urlsafe(24)
                s.add(AuthToken(token_hash=token_digest(token), staff_id=staff.id, created_at=now,
                                expires_at=now + timedelta(hours=2), last_used_at=now))
                shifts.clock_in(s, staff=staff)
                headers.append({"Authorization": f"Bearer {token}"})
            moderator_id = moderator.id
        logs = tmp_path_factory.mktemp("replica-logs")
        env = {"ANZEN_JOBS_TICK_SECONDS": "0.3", "ANZEN_JOB_REINSTATE_EXPIRED_SECONDS": "1"}
        try:
            with Replicas(url.replace("+psycopg", ""), 3, env=env, log_dir=logs) as replicas:
                yield db, replicas, headers, moderator_id
        finally:
            for log in sorted(Path(logs).glob("*.log")):
                text = log.read_text(errors="replace")
                assert "Traceback" not in text, f"{log.name}:\n{text}"
            db.dispose()


def _inquiries(db: Database, n: int) -> set[int]:
    now = utcnow()
    with db.transaction() as s:
        member = Member(external_id=f"m-team-{now.timestamp()}", display_name="Team Member")
        s.add(member)
        s.flush()
        rows = [Inquiry(member_id=member.id, category="payment", subject=f"Question {i}",
                        first_response_due=now + timedelta(hours=1), resolution_due=now + timedelta(hours=48))
                for i in range(n)]
        s.add_all(rows)
        s.flush()
        ids = {r.id for r in rows}
    with db.session() as s:
        return set(s.scalars(select(QueueItem.id).where(QueueItem.kind == "inquiry", QueueItem.ref_id.in_(ids))))


def test_next_on_three_replicas_never_claims_an_item_twice(team) -> None:  # type: ignore[no-untyped-def]
    db, replicas, headers, _ = team
    items = _inquiries(db, 60)
    claims: list[tuple[int, int]] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(AGENTS)

    def agent(n: int) -> None:
        url = replicas.urls[n % len(replicas.urls)]
        with requests.Session() as http:
            barrier.wait()
            while True:
                response = http.post(f"{url}{API}/queue/next", json={}, headers=headers[n], timeout=30)
                if response.status_code != 200:
                    errors.append(f"{response.status_code} {response.text[:200]}")
                    return
                item = response.json()["item"]
                if item is None:
                    return
                with lock:
                    claims.append((item["id"], n))

    threads = [threading.Thread(target=agent, args=(n,)) for n in range(AGENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors[:3]
    taken = Counter(item for item, _ in claims)
    assert [item for item, count in taken.items() if count > 1] == []
    assert set(taken) == items
    assert len({n for _, n in claims}) > 1  # the work really was spread


def test_a_retry_sent_to_another_replica_gets_the_first_answer(team) -> None:  # type: ignore[no-untyped-def]
    db, replicas, headers, _ = team
    _inquiries(db, 3)
    key = {"Idempotency-Key": f"next-{secrets.token_hex(8)}"}
    agent_id = db.session().scalar(select(Staff.id).where(Staff.username == "team-agent-0"))

    def held() -> list[int]:
        with db.session() as s:
            return sorted(s.scalars(select(QueueItem.id).where(QueueItem.claimed_by_id == agent_id,
                                                               QueueItem.open.is_(True))))

    first = requests.post(f"{replicas.urls[0]}{API}/queue/next", json={}, headers={**headers[0], **key}, timeout=30)
    holding = held()
    again = requests.post(f"{replicas.urls[1]}{API}/queue/next", json={}, headers={**headers[0], **key}, timeout=30)
    assert first.status_code == again.status_code == 200
    assert first.json()["item"]["id"] == again.json()["item"]["id"] in holding
    assert held() == holding  # the retry claimed nothing more


def test_temporary_takedowns_end_once_each_with_no_console(team) -> None:  # type: ignore[no-untyped-def]
    db, replicas, _, moderator_id = team
    with db.transaction() as s:
        seller = Member(external_id=f"m-temp-{utcnow().timestamp()}", display_name="Temp Seller")
        s.add(seller)
        s.flush()
        listings = [Listing(external_id=f"l-temp-{i}-{seller.id}", seller_id=seller.id, title=f"item {i}",
                            category="games", price=1000, status="active") for i in range(30)]
        s.add_all(listings)
        s.flush()
        listing_ids = [listing.id for listing in listings]
        moderator = s.get(Staff, moderator_id)
        start = utcnow() - timedelta(seconds=58)  # the shortest takedown is a minute: these end in 2 s
        for lid in listing_ids:
            enforcement.take_down(s, listing_id=lid, reason_code="game_account", actor=moderator,
                                  duration=timedelta(minutes=1), now=start)
    with db.session() as s:
        runs_before = s.scalar(select(ScheduledJob.runs).where(ScheduledJob.name == "reinstate_expired")) or 0
    began = time.monotonic()
    deadline = began + 30
    while time.monotonic() < deadline:
        with db.session() as s:
            active = s.scalar(select(func.count()).select_from(Listing).where(
                Listing.id.in_(listing_ids), Listing.status == "active"))
        if active == len(listing_ids):
            break
        time.sleep(0.2)
    assert active == len(listing_ids), f"{active} of {len(listing_ids)} reinstated in 30 s"
    time.sleep(2.5)  # more ticks on every replica: nothing is reinstated twice
    elapsed = time.monotonic() - began
    with db.session() as s:
        events = Counter(s.scalars(select(AuditEvent.target_id).where(
            AuditEvent.action == "listing.reinstate_expired")))
        row = s.get(ScheduledJob, "reinstate_expired")
    assert len(events) == len(listing_ids) and set(events.values()) == {1}
    # Due every second, ticked by three processes every 0.3 s: still at most one run per second.
    assert row.runs - runs_before <= elapsed / 1.0 + 2


def test_a_change_through_one_replica_reaches_a_console_on_another(team) -> None:  # type: ignore[no-untyped-def]
    db, replicas, headers, _ = team
    _inquiries(db, 5)
    arrived: dict[int, float] = {}
    sent: dict[int, float] = {}
    ready = threading.Event()

    def listen() -> None:
        with requests.get(f"{replicas.urls[1]}{API}/events", headers=headers[1], stream=True, timeout=30) as stream:
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
                        if len(sent) == 5 and set(sent) <= set(arrived):
                            return

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    assert ready.wait(10)
    for _ in range(5):
        started = time.perf_counter()
        item = requests.post(f"{replicas.urls[0]}{API}/queue/next", json={}, headers=headers[2], timeout=30).json()
        sent[item["item"]["id"]] = started
    listener.join(10)
    assert len(sent) == 5 and set(sent) <= set(arrived)
    lags = sorted(arrived[i] - sent[i] for i in sent)
    assert lags[-1] < 1.0, lags
