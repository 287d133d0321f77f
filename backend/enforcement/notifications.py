"""Member-facing notifications about enforcement decisions.

Written in the same transaction as the decision, so a seller is never told
about a takedown that was rolled back, nor left untold about one that stuck.
"""

from __future__ import annotations

import enum

from sqlalchemy.orm import Session

from backend.db import utcnow
from backend.enforcement.models import MemberNotification


class NotificationKind(enum.StrEnum):
    takedown = "takedown"
    reinstated = "reinstated"
    restricted = "restricted"
    suspended = "suspended"
    sanction_lifted = "sanction_lifted"
    appeal_received = "appeal_received"
    appeal_upheld = "appeal_upheld"
    appeal_overturned = "appeal_overturned"


def notify(
    session: Session,
    *,
    member_id: int,
    kind: NotificationKind,
    body: str,
    listing_id: int | None = None,
    reason_code: str | None = None,
) -> MemberNotification:
    note = MemberNotification(member_id=member_id, kind=kind, listing_id=listing_id, reason_code=reason_code,
                              body=body, created_at=utcnow())
    session.add(note)
    return note
