"""Rows for issue 17's tests, written directly (the API paths are tested on their own)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from backend.authority.models import AuthorityRequest, LegalHold, RequestStatus
from backend.db import Database, utcnow
from backend.rights.models import ReportStatus, RightsOwner, RightsReport
from backend.staff.models import Staff


def staff_id(session, username: str) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(Staff.id).where(Staff.username == username))


def approved_request(db: Database, *, member_id: int, listing_id: int) -> int:
    now = utcnow()
    with db.transaction() as s:
        req = AuthorityRequest(agency="Tokyo MPD", reference="R-1", legal_basis="investigation_inquiry",
                               scope={"member_ids": [member_id], "listing_ids": [listing_id], "transaction_ids": []},
                               due_at=now + timedelta(days=7), status=RequestStatus.approved,
                               registered_by_id=staff_id(s, "test-supervisor"), decided_by_id=None, decided_at=now,
                               decision_reason="fixture")
        s.add(req)
        s.flush()
        s.add_all([LegalHold(request_id=req.id, target_type="member", target_id=member_id, placed_at=now),
                   LegalHold(request_id=req.id, target_type="listing", target_id=listing_id, placed_at=now)])
        return req.id


def rights_owner(db: Database, *, username: str = "test-rights_owner", name: str = "Nintendo Co.",
                 marks: tuple[str, ...] = ("Nintendo",)) -> int:
    with db.transaction() as s:
        account = staff_id(s, username)
        owner = s.scalar(select(RightsOwner).where(RightsOwner.staff_id == account))
        if owner is None:
            owner = RightsOwner(name=name, marks=list(marks), staff_id=account,
                                created_by_id=staff_id(s, "test-supervisor"))
            s.add(owner)
            s.flush()
        return owner.id


def owned_report(db: Database, *, listing_id: int, username: str = "test-rights_owner") -> int:
    owner_id = rights_owner(db, username=username)
    with db.transaction() as s:
        report = RightsReport(owner_id=owner_id, listing_id=listing_id, mark="Nintendo", evidence="Our trademark.",
                              status=ReportStatus.open)
        s.add(report)
        s.flush()
        return report.id
