"""Sellers' appeals against takedowns.

Support staff record an appeal on the member's behalf (the marketplace app
calls the same endpoint); it becomes a queue item of its own. A moderator
other than the one who took the listing down decides it: upholding keeps the
takedown, overturning reinstates the listing and removes the strike.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import utcnow
from backend.enforcement import notifications
from backend.enforcement.models import Appeal, AppealStatus, Takedown
from backend.enforcement.notifications import NotificationKind
from backend.enforcement.service import lock_takedown, reverse, withdraw_penalties
from backend.errors import Conflict, Forbidden, InvalidInput, NotFound
from backend.listings.models import Listing
from backend.queue.claims import ensure_can_act
from backend.staff.models import Staff
from backend.versioning import ensure_version

MAX_STATEMENT = 4000


class Decision(enum.StrEnum):
    uphold = "uphold"
    overturn = "overturn"


@dataclass(frozen=True)
class AppealResult:
    appeal: Appeal
    changed: bool


def file_appeal(session: Session, *, takedown_id: int, statement: str, actor: Staff, now: datetime | None = None
                ) -> AppealResult:
    """Record the seller's appeal; filing again while it is open changes nothing."""
    statement = statement.strip()
    if not statement:
        raise InvalidInput("the appeal needs the seller's statement", field="statement")
    if len(statement) > MAX_STATEMENT:
        raise InvalidInput(f"the statement may be at most {MAX_STATEMENT} characters", field="statement")
    now = now or utcnow()
    takedown = lock_takedown(session, takedown_id)
    existing = session.scalar(select(Appeal).where(Appeal.takedown_id == takedown.id))
    if existing is not None:
        if existing.status == AppealStatus.open:
            return AppealResult(existing, changed=False)
        raise Conflict(f"This takedown's appeal was already decided ({existing.status}).", code="already_decided")
    if takedown.reversed_at is not None:
        raise Conflict("This listing has already been reinstated; there is nothing to appeal.", code="not_in_force")
    listing = session.get_one(Listing, takedown.listing_id)
    appeal = Appeal(takedown_id=takedown.id, member_id=listing.seller_id, statement=statement, filed_by_id=actor.id,
                    status=AppealStatus.open, created_at=now)
    session.add(appeal)
    session.flush()
    notifications.notify(session, member_id=listing.seller_id, kind=NotificationKind.appeal_received,
                         listing_id=listing.id, body=f"We received your appeal about “{listing.title}”.")
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="appeal.file", target_type="appeal",
                 target_id=appeal.id, after={"takedown_id": takedown.id, "listing_id": listing.id,
                                             "member_id": listing.seller_id}, reason=statement)
    return AppealResult(appeal, changed=True)


def decide(session: Session, *, appeal_id: int, decision: str, reason: str, actor: Staff,
           version: int | None = None, now: datetime | None = None) -> AppealResult:
    try:
        verdict = Decision(decision)
    except ValueError:
        raise InvalidInput("decision must be uphold or overturn", field="decision") from None
    reason = reason.strip()
    if not reason:
        raise InvalidInput("say why", field="reason")
    now = now or utcnow()
    appeal = session.scalar(select(Appeal).where(Appeal.id == appeal_id).with_for_update())
    if appeal is None:
        raise NotFound(f"No appeal with id {appeal_id}.")
    if appeal.status != AppealStatus.open:
        raise Conflict(f"This appeal was already decided ({appeal.status}).", code="already_decided")
    ensure_version(appeal.version, version)
    takedown = session.get_one(Takedown, appeal.takedown_id)
    if takedown.actor_id == actor.id:
        raise Forbidden("You took this listing down; a different moderator must decide the appeal.")
    ensure_can_act(session, appeal, actor)
    listing = session.get_one(Listing, takedown.listing_id)
    appeal.status = AppealStatus.upheld if verdict == Decision.uphold else AppealStatus.overturned
    appeal.decided_by_id = actor.id
    appeal.decided_at = now
    appeal.decision_reason = reason
    appeal.claimed_by_id = None
    appeal.claim_expires_at = None
    withdrawn: dict[str, list[int] | int | None] = {}
    if verdict == Decision.overturn:
        if takedown.reversed_at is None:
            reverse(session, takedown=takedown, actor=actor, reason=f"appeal overturned: {reason}", mistaken=True,
                    action="listing.reinstate_on_appeal", now=now)
        else:  # it ran out or was undone meanwhile: only the penalties that remain go
            withdrawn = withdraw_penalties(session, takedown=takedown, actor=actor, reason=reason, now=now)
    notifications.notify(
        session, member_id=appeal.member_id, listing_id=listing.id,
        kind=NotificationKind.appeal_upheld if verdict == Decision.uphold else NotificationKind.appeal_overturned,
        body=(f"Your appeal about “{listing.title}” was {'not successful' if verdict == Decision.uphold else 'successful'}"
              f": {reason}"))
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action=f"appeal.{verdict}",
                 target_type="appeal", target_id=appeal.id, before={"status": AppealStatus.open},
                 after={"status": appeal.status, "takedown_id": takedown.id, **withdrawn}, reason=reason)
    return AppealResult(appeal, changed=True)
