"""The member pane (who this is and what is worth noticing) and revealing
contact details, which is a deliberate, audited act."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import utcnow
from backend.enforcement.models import Strike, Takedown
from backend.errors import InvalidInput, NotFound
from backend.escrow.models import Transaction
from backend.escrow.models import TransactionStatus as TS
from backend.escrow.service import OPEN_STATUSES
from backend.flags.models import Flag, FlagStatus
from backend.inquiries.models import Inquiry, InquiryStatus
from backend.listings.models import Listing
from backend.members import signals as member_signals
from backend.members.models import Member
from backend.members.pii import mask_address, mask_email, mask_phone
from backend.members.schemas import (
    ContactField,
    ContactOut,
    FlagBrief,
    Flags,
    InquiryBrief,
    Inquiries,
    ListingCounts,
    MemberOut,
    MemberSummary,
    RatingCounts,
    StrikeOut,
    TakedownBrief,
    Takedowns,
    TransactionCounts,
)
from backend.ratings.models import Rating, RatingScore
from backend.staff.models import Staff

RECENT = 5  # rows of each kind the pane shows; the full lists are their own endpoints
# Sales that went through a dispute: released and refunded are only reachable from disputed.
_DISPUTED_OUTCOMES = (TS.disputed, TS.released, TS.refunded)


def member_out(member: Member) -> MemberOut:
    return MemberOut(
        id=member.id, external_id=member.external_id, display_name=member.display_name, status=member.status,
        strikes=member.strikes, joined_at=member.joined_at, email=mask_email(member.email),
        phone=mask_phone(member.phone), address=mask_address(member.address), version=member.version,
    )


def get_member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound(f"No member with id {member_id}.")
    return member


def _count_if(condition: object) -> object:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def summary(session: Session, *, member_id: int, now: datetime | None = None) -> MemberSummary:
    """Everything the member pane shows, with signals computed from the same counts."""
    now = now or utcnow()
    window = now - timedelta(days=member_signals.WINDOW_DAYS)
    member = get_member(session, member_id)
    # Both counts come off the (seller_id, created_at) index alone: a power seller's thousands of
    # listing rows are never read. Prices are read only for new accounts, which have few listings.
    listed, listed_24h = session.execute(
        select(func.count(), _count_if(Listing.created_at >= now - timedelta(hours=24)))
        .where(Listing.seller_id == member_id)
    ).one()
    age_days = max(0, (now - member.joined_at).days)
    high_value = session.scalar(
        select(func.count()).where(Listing.seller_id == member_id, Listing.price >= member_signals.HIGH_VALUE_YEN)
    ) if age_days < member_signals.NEW_ACCOUNT_DAYS else 0
    open_statuses = tuple(OPEN_STATUSES)
    bought = session.execute(
        select(func.count(), _count_if(Transaction.status.in_(open_statuses)),
               _count_if(Transaction.status == TS.disputed))
        .where(Transaction.buyer_id == member_id)
    ).one()
    sold = session.execute(
        select(func.count(), _count_if(Transaction.status.in_(open_statuses)),
               _count_if(Transaction.status == TS.disputed), _count_if(Transaction.created_at >= window),
               _count_if((Transaction.created_at >= window) & Transaction.status.in_(_DISPUTED_OUTCOMES)))
        .where(Transaction.seller_id == member_id)
    ).one()
    received = dict.fromkeys(RatingScore, 0)
    received_window = bad_window = 0
    for score, total, recent in session.execute(
        select(Rating.score, func.count(), _count_if(Rating.created_at >= window))
        .where(Rating.ratee_id == member_id).group_by(Rating.score)
    ):
        received[RatingScore(score)] = total
        received_window += recent
        if score == RatingScore.bad:
            bad_window = recent
    takedowns = _takedowns(session, member_id, window)
    facts = member_signals.Facts(
        account_age_days=age_days, high_value_listings=high_value or 0, listings_24h=listed_24h,
        ratings_received_window=received_window, bad_ratings_window=bad_window, sales_window=sold[3],
        disputed_sales_window=sold[4], takedowns_window=takedowns[1],
    )
    return MemberSummary(
        member=member_out(member),
        account_age_days=age_days,
        listings=ListingCounts(total=listed, last_24h=listed_24h),
        transactions=TransactionCounts(as_buyer=bought[0], as_seller=sold[0], open=bought[1] + sold[1],
                                       disputed=bought[2] + sold[2]),
        ratings_received=RatingCounts(good=received[RatingScore.good], normal=received[RatingScore.normal],
                                      bad=received[RatingScore.bad]),
        strikes=_strikes(session, member_id),
        takedowns=takedowns[0],
        flags=_flags(session, member_id),
        inquiries=_inquiries(session, member_id),
        signals=member_signals.signals(facts),
    )


def _strikes(session: Session, member_id: int) -> list[StrikeOut]:
    rows = session.scalars(select(Strike).where(Strike.member_id == member_id)
                           .order_by(Strike.created_at.desc(), Strike.id.desc()))
    return [StrikeOut(id=s.id, policy=s.policy, weight=s.weight, takedown_id=s.takedown_id, created_at=s.created_at,
                      removed_at=s.removed_at) for s in rows]


def _takedowns(session: Session, member_id: int, window: datetime) -> tuple[Takedowns, int]:
    """The member's takedowns as seller, and how many unreversed ones fall in the signal window."""
    base = select(Takedown).join(Listing, Listing.id == Takedown.listing_id).where(Listing.seller_id == member_id)
    total, reversed_, in_window = session.execute(
        select(func.count(), _count_if(Takedown.reversed_at.is_not(None)),
               _count_if((Takedown.created_at >= window) & Takedown.reversed_at.is_(None)))
        .select_from(Takedown).join(Listing, Listing.id == Takedown.listing_id).where(Listing.seller_id == member_id)
    ).one()
    recent = session.execute(
        base.add_columns(Listing.title).order_by(Takedown.created_at.desc(), Takedown.id.desc()).limit(RECENT)
    ).all()
    briefs = [TakedownBrief(id=t.id, listing_id=t.listing_id, listing_title=title, reason_code=t.reason_code,
                            created_at=t.created_at, reversed_at=t.reversed_at) for t, title in recent]
    return Takedowns(total=total, reversed=reversed_, recent=briefs), in_window


def _flags(session: Session, member_id: int) -> Flags:
    """Counted and ranked in Python from light columns, driven from the seller's listings: with an
    ``open`` predicate in SQL, planners walk every open flag in the status index instead."""
    rows = session.execute(
        select(Flag.id, Flag.status, Flag.created_at).join(Listing, Listing.id == Flag.listing_id)
        .where(Listing.seller_id == member_id)
    ).all()
    open_rows = sorted((r for r in rows if r.status == FlagStatus.open), key=lambda r: (r.created_at, r.id),
                       reverse=True)
    newest = [r.id for r in open_rows[:RECENT]]
    recent = session.execute(
        select(Flag, Listing.title).join(Listing, Listing.id == Flag.listing_id).where(Flag.id.in_(newest))
        .order_by(Flag.created_at.desc(), Flag.id.desc())
    ).all() if newest else []
    briefs = [FlagBrief(id=f.id, listing_id=f.listing_id, listing_title=title, source=f.source, policy=f.policy,
                        score=f.score, created_at=f.created_at) for f, title in recent]
    return Flags(open=len(open_rows), total=len(rows), recent_open=briefs)


def _inquiries(session: Session, member_id: int) -> Inquiries:
    unresolved = (Inquiry.member_id == member_id, Inquiry.status != InquiryStatus.resolved)
    count = session.scalar(select(func.count()).select_from(Inquiry).where(*unresolved)) or 0
    recent = session.scalars(select(Inquiry).where(*unresolved)
                             .order_by(Inquiry.created_at.desc(), Inquiry.id.desc()).limit(RECENT))
    briefs = [InquiryBrief(id=i.id, category=i.category, subject=i.subject, status=i.status,
                           transaction_id=i.transaction_id, created_at=i.created_at) for i in recent]
    return Inquiries(open=count, recent_open=briefs)


def reveal_contact(session: Session, *, member_id: int, fields: list[ContactField], staff: Staff,
                   reason: str) -> ContactOut:
    """Unmask contact details and log who saw which fields, and why (never the details themselves)."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput("a reason is required", field="reason")
    member = get_member(session, member_id)
    wanted = [f for f in ContactField if f in set(fields)]
    audit.record(session, actor_id=staff.id, actor_label=staff.username, action="member.contact_revealed",
                 target_type="member", target_id=member.id, after={"fields": [f.value for f in wanted]},
                 reason=reason)
    values = {f.value: getattr(member, f.value) if f in wanted else None for f in ContactField}
    return ContactOut(member_id=member.id, revealed=wanted, revealed_at=utcnow(), **values)
