"""The enforcement history the listing and member panes show, each in one request."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import QueryableAttribute, Session, joinedload
from sqlalchemy.orm.interfaces import LoaderOption

from backend.enforcement.models import Appeal, AppealStatus, MemberNotification, Sanction, Strike, Takedown
from backend.enforcement.reasons import reason_for
from backend.enforcement.schemas import (
    AppealOut,
    FlagDecisionOut,
    ListingEnforcementOut,
    MemberEnforcementOut,
    NotificationOut,
    SanctionOut,
    StandingOut,
    StrikeOut,
    TakedownOut,
)
from backend.enforcement.strikes import Standing, standing
from backend.errors import NotFound
from backend.flags.models import Flag
from backend.listings.models import Listing
from backend.members.models import Member
from backend.staff.models import Staff

RECENT = 20
LONG = 50


def _names(*relations: QueryableAttribute[Any]) -> tuple[LoaderOption, ...]:
    """Join the staff a page of rows names into the page's own query (only their names:
    a lazy load per staff member not yet in the session would cost a round trip each)."""
    return tuple(joinedload(relation).load_only(Staff.display_name) for relation in relations)


TAKEDOWN_STAFF = _names(Takedown.actor, Takedown.reversed_by)
SANCTION_STAFF = _names(Sanction.actor, Sanction.lifted_by)
APPEAL_STAFF = _names(Appeal.filed_by, Appeal.decided_by, Appeal.claimed_by)


def takedown_out(takedown: Takedown, now: datetime) -> TakedownOut:
    expired = takedown.reversed_at is None and takedown.expires_at is not None and takedown.expires_at <= now
    return TakedownOut(
        id=takedown.id, listing_id=takedown.listing_id, flag_id=takedown.flag_id, reason_code=takedown.reason_code,
        reason_label=reason_for(takedown.reason_code).label, note=takedown.note, actor_id=takedown.actor_id,
        actor_name=takedown.actor_name, created_at=takedown.created_at, expires_at=takedown.expires_at,
        expired=expired, reversed_at=takedown.reversed_at, reversed_by_id=takedown.reversed_by_id,
        reversed_by_name=takedown.reversed_by_name, reversal_reason=takedown.reversal_reason,
        batch_id=takedown.batch_id, effects=takedown.effects)


def flag_out(flag: Flag, decided_by_name: str | None) -> FlagDecisionOut:
    """Flags are not enforcement's to map, so their decider's name comes from the caller."""
    return FlagDecisionOut(
        id=flag.id, listing_id=flag.listing_id, source=flag.source, policy=flag.policy, score=flag.score,
        status=flag.status, created_at=flag.created_at, decided_by_id=flag.decided_by_id,
        decided_by_name=decided_by_name, decided_at=flag.decided_at, decision_reason=flag.decision_reason,
        version=flag.version)


def standing_out(value: Standing) -> StandingOut:
    return StandingOut(points=value.points, window_days=value.window_days, suggestion=value.suggestion)


def member_history(session: Session, *, member_id: int, now: datetime) -> MemberEnforcementOut:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound(f"No member with id {member_id}.")
    of_seller = select(Takedown).join(Listing, Listing.id == Takedown.listing_id).where(Listing.seller_id == member_id)
    seller_takedowns = of_seller.subquery()
    counts = session.execute(select(func.count(), func.count().filter(seller_takedowns.c.reversed_at.is_(None)))
                             .select_from(seller_takedowns)).one()
    takedowns = session.scalars(of_seller.options(*TAKEDOWN_STAFF)
                                .order_by(Takedown.created_at.desc(), Takedown.id.desc()).limit(RECENT))
    return MemberEnforcementOut(
        member_id=member.id, status=member.status, version=member.version, live_strikes=member.strikes,
        standing=standing_out(standing(session, member_id=member.id, now=now)),
        strikes=[StrikeOut.model_validate(s) for s in session.scalars(
            select(Strike).where(Strike.member_id == member_id).order_by(Strike.created_at.desc(), Strike.id.desc())
            .limit(LONG))],
        sanctions=[SanctionOut.model_validate(s) for s in session.scalars(
            select(Sanction).options(*SANCTION_STAFF).where(Sanction.member_id == member_id)
            .order_by(Sanction.created_at.desc(), Sanction.id.desc()).limit(LONG))],
        takedowns_total=counts[0], takedowns_in_force=counts[1],
        recent_takedowns=[takedown_out(t, now) for t in takedowns],
        open_appeals=session.scalar(select(func.count()).select_from(Appeal).where(
            Appeal.member_id == member_id, Appeal.status == AppealStatus.open)) or 0,
        notifications=[NotificationOut.model_validate(n) for n in session.scalars(
            select(MemberNotification).where(MemberNotification.member_id == member_id)
            .order_by(MemberNotification.created_at.desc(), MemberNotification.id.desc()).limit(RECENT))],
    )


def listing_history(session: Session, *, listing_id: int, now: datetime) -> ListingEnforcementOut:
    listing = session.get(Listing, listing_id)
    if listing is None:
        raise NotFound(f"No listing with id {listing_id}.")
    takedowns = session.scalars(select(Takedown).options(*TAKEDOWN_STAFF).where(Takedown.listing_id == listing_id)
                                .order_by(Takedown.created_at.desc(), Takedown.id.desc())).all()
    flags = session.execute(select(Flag, Staff.display_name).outerjoin(Staff, Staff.id == Flag.decided_by_id)
                            .where(Flag.listing_id == listing_id)
                            .order_by(Flag.created_at.desc(), Flag.id.desc())).all()
    appeals = session.scalars(select(Appeal).options(*APPEAL_STAFF).join(Takedown, Takedown.id == Appeal.takedown_id)
                              .where(Takedown.listing_id == listing_id).order_by(Appeal.id.desc())).all()
    return ListingEnforcementOut(
        listing_id=listing.id, status=listing.status, version=listing.version,
        takedowns=[takedown_out(t, now) for t in takedowns],
        flags=[flag_out(flag, decided_by_name) for flag, decided_by_name in flags],
        appeals=[AppealOut.model_validate(a) for a in appeals],
        seller=member_history(session, member_id=listing.seller_id, now=now),
    )
