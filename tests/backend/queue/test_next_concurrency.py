"""Many agents pressing "next" at once never get the same item (SQLite: BEGIN
IMMEDIATE; PostgreSQL: FOR UPDATE SKIP LOCKED). Run with ANZEN_TEST_PG_URL for the latter."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from sqlalchemy import func, select

from backend.db import Database
from backend.queue import service as queue_service
from backend.queue.models import QueueItem
from backend.staff import shifts
from backend.staff.models import Staff

AGENTS = 16
ITEMS = 160


@pytest.fixture(scope="session")
def many_agents(session_db: Database, role_staff: dict[str, int]) -> list[int]:
    with session_db.transaction() as s:
        staff = [Staff(username=f"load-agent-{n}", display_name=f"Load Agent {n}", role="agent", password_hash="x")
                 for n in range(AGENTS)]
        s.add_all(staff)
        s.flush()
        return [member.id for member in staff]


def test_concurrent_next_never_claims_an_item_twice(db: Database, many_agents: list[int], make_items) -> None:
    make_items(inquiries=ITEMS)
    with db.transaction() as s:
        shifts.ensure_default_shifts(s)
        for staff_id in many_agents:
            shifts.clock_in(s, staff=s.get(Staff, staff_id))
    claims: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(AGENTS)

    def agent(staff_id: int) -> None:
        try:
            start.wait()
            while True:
                with db.session(write=True) as session:
                    item = queue_service.next_item(session, staff=session.get(Staff, staff_id))
                    session.commit()
                if item is None:
                    return
                with lock:
                    claims.append((item.id, staff_id))
        except BaseException as exc:  # surfaced below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=agent, args=(staff_id,)) for staff_id in many_agents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    counts = Counter(item_id for item_id, _ in claims)
    assert len(claims) == ITEMS and max(counts.values()) == 1
    assert len({staff_id for _, staff_id in claims}) > 1  # the work was really shared
    with db.session() as s:
        holders = dict(s.execute(select(QueueItem.id, QueueItem.claimed_by_id)).all())
        assert s.scalar(select(func.count()).select_from(QueueItem).where(QueueItem.claimed_by_id.is_(None))) == 0
    assert all(holders[item_id] == staff_id for item_id, staff_id in claims)
