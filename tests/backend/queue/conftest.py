"""Queue fixtures: the default shifts, a second agent, items to work on, and clocking in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from backend.db import Database, utcnow
from backend.flags.models import Flag
from backend.inquiries.models import Inquiry
from backend.listings.models import Listing
from backend.members.models import Member
from backend.staff import service as staff_service
from backend.staff import shifts
from tests.conftest import PASSWORD


@pytest.fixture(scope="session")
def agent2(session_db: Database, role_staff: dict[str, int]) -> tuple[int, dict[str, str]]:
    """A second agent (id, headers), created once like the role accounts."""
    with session_db.transaction() as session:
        staff = staff_service.create_staff(session, username="test-agent2", password=PASSWORD, role="agent",
                                           display_name="Second Agent")
        token, _expires, _staff = staff_service.login(session, username="test-agent2", password=PASSWORD)
    return staff.id, {"Authorization": f"Bearer {token}"}


@pytest.fixture
def default_shifts(db: Database) -> None:
    with db.transaction() as session:
        shifts.ensure_default_shifts(session)


@pytest.fixture
def clock_in(client: TestClient, default_shifts: None) -> Callable[[dict[str, str]], dict]:
    def clock(headers: dict[str, str]) -> dict:
        response = client.post("/api/v1/attendance/clock-in", json={}, headers=headers)
        assert response.status_code == 200, response.text
        return response.json()

    return clock


@pytest.fixture
def make_items(db: Database) -> Callable[..., dict[str, list[int]]]:
    """Inquiries and open flags written through the ORM (so the queue mirrors them)."""

    def make(*, inquiries: int = 0, flags: int = 0, policy: str = "counterfeit") -> dict[str, list[int]]:
        now = utcnow()
        with db.transaction() as s:
            member = Member(external_id=f"m-{now.timestamp()}", display_name="Tanaka Member")
            s.add(member)
            s.flush()
            listing = Listing(external_id=f"l-{now.timestamp()}", seller_id=member.id, title="Rolex watch",
                              category="watches", price=9000, status="active")
            s.add(listing)
            s.flush()
            inqs = [Inquiry(member_id=member.id, category="payment", subject=f"Question {i}",
                            first_response_due=now + timedelta(hours=1 + i),
                            resolution_due=now + timedelta(hours=48)) for i in range(inquiries)]
            fls = [Flag(listing_id=listing.id, source="detector", policy=policy, score=0.5, reasons=[])
                   for _ in range(flags)]
            s.add_all(inqs + fls)
            s.flush()
            return {"inquiry": [i.id for i in inqs], "flag": [f.id for f in fls]}

    return make
