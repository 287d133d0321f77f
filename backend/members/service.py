"""The member pane (who this is and what is worth noticing) and revealing
contact details, which is a deliberate, audited act."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Row,
    ScalarSelect,
    Select,
    Subquery,
    bindparam,
    case,
    func,
    select,
    true,
    union_all,
)
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
from backend.members import reveals
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


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _latest_transaction(member: BindParameter[int]) -> ScalarSelect[int]:
    """The member's newest transaction on either side, in the transactions page's order: the
    newest of each side's index, so a busy member's rows are not read (an OR would read them all)."""
    sides = [select(Transaction.id, Transaction.created_at).where(column == member)
             .order_by(Transaction.created_at.desc(), Transaction.id.desc()).limit(1).subquery()
             for column in (Transaction.buyer_id, Transaction.seller_id)]
    both = union_all(*(select(side.c.id, side.c.created_at) for side in sides)).subquery("newest")
    return select(both.c.id).order_by(both.c.created_at.desc(), both.c.id.desc()).limit(1).scalar_subquery()


def _count_tables(member: BindParameter[int]) -> tuple[Subquery, ...]:
    """One-row aggregates, each over one index range; transactions and ratings carry status
    and score in their member indexes, so a busy member's are counted from the index alone."""
    window, day_ago = bindparam("window"), bindparam("day_ago")
    is_open = Transaction.status.in_(tuple(OPEN_STATUSES))
    disputed = Transaction.status == TS.disputed
    listed = select(func.count().label("total"), _count_if(Listing.created_at >= day_ago).label("last_24h")) \
        .where(Listing.seller_id == member)
    bought = select(func.count().label("total"), _count_if(is_open).label("open"),
                    _count_if(disputed).label("disputed")).where(Transaction.buyer_id == member)
    sold = select(func.count().label("total"), _count_if(is_open).label("open"), _count_if(disputed).label("disputed"),
                  _count_if(Transaction.created_at >= window).label("in_window"),
                  _count_if((Transaction.created_at >= window) & Transaction.status.in_(_DISPUTED_OUTCOMES))
                  .label("disputed_in_window")) \
        .where(Transaction.seller_id == member)
    received = select(*(_count_if(Rating.score == score).label(score.value) for score in RatingScore),
                      _count_if(Rating.created_at >= window).label("in_window"),
                      _count_if((Rating.created_at >= window) & (Rating.score == RatingScore.bad))
                      .label("bad_in_window")) \
        .where(Rating.ratee_id == member)
    asked = select(func.count().label("open")).where(Inquiry.member_id == member,
                                                     Inquiry.status != InquiryStatus.resolved)
    struck = select(func.count().label("total")).where(Strike.member_id == member)
    parts = {"listed": listed, "bought": bought, "sold": sold, "received": received, "asked": asked, "struck": struck}
    return tuple(stmt.subquery(name) for name, stmt in parts.items())


@cache
def _counts() -> Select[Any]:
    """The member and every count the pane shows in one statement, its columns named
    ``<table>_<count>``. Built once, with bound parameters: composing these aggregates
    cost more CPU than running them. A price is read only for a new account, which has
    few listings."""
    member = bindparam("member_id")
    high_value = select(func.count()).where(Listing.seller_id == member,
                                            Listing.price >= member_signals.HIGH_VALUE_YEN).scalar_subquery()
    tables = _count_tables(member)
    stmt = select(Member, case((Member.joined_at > bindparam("new_since"), high_value), else_=0).label("high_value"),
                  _latest_transaction(member).label("latest_transaction_id"),
                  *(column.label(f"{table.name}_{column.name}") for table in tables for column in table.c)
                  ).select_from(Member)
    for table in tables:
        stmt = stmt.join(table, true())
    return stmt.where(Member.id == member)


def summary(session: Session, *, member_id: int, now: datetime | None = None) -> MemberSummary:
    """Everything the member pane shows, with signals computed from the same counts:
    one statement for the counts, one each for takedowns and flags, and the strikes
    and open inquiries only when there are any."""
    now = now or utcnow()
    window = now - timedelta(days=member_signals.WINDOW_DAYS)
    c = session.execute(_counts(), {
        "member_id": member_id, "window": window, "day_ago": now - timedelta(hours=24),
        "new_since": now - timedelta(days=member_signals.NEW_ACCOUNT_DAYS),
    }).one_or_none()
    if c is None:
        raise NotFound(f"No member with id {member_id}.")

    def rows(stmt: Select[Any]) -> Sequence[Row[Any]]:
        return session.execute(stmt, {"member_id": member_id}).all()

    age_days = max(0, (now - c.Member.joined_at).days)
    takedowns, takedowns_in_window = _takedowns(rows(_takedown_rows()), window)
    facts = member_signals.Facts(
        account_age_days=age_days, high_value_listings=c.high_value, listings_24h=c.listed_last_24h,
        ratings_received_window=c.received_in_window, bad_ratings_window=c.received_bad_in_window,
        sales_window=c.sold_in_window, disputed_sales_window=c.sold_disputed_in_window,
        takedowns_window=takedowns_in_window,
    )
    return MemberSummary(
        member=member_out(c.Member),
        account_age_days=age_days,
        listings=ListingCounts(total=c.listed_total, last_24h=c.listed_last_24h),
        transactions=TransactionCounts(as_buyer=c.bought_total, as_seller=c.sold_total,
                                       open=c.bought_open + c.sold_open, disputed=c.bought_disputed + c.sold_disputed),
        latest_transaction_id=c.latest_transaction_id,
        ratings_received=RatingCounts(good=c.received_good, normal=c.received_normal, bad=c.received_bad),
        strikes=[StrikeOut(**r._mapping) for r in rows(_strikes())] if c.struck_total else [],
        takedowns=takedowns,
        flags=_flags(rows(_flag_rows())),
        inquiries=Inquiries(open=c.asked_open, recent_open=[InquiryBrief(**r._mapping)
                                                            for r in rows(_open_inquiries())] if c.asked_open else []),
        signals=member_signals.signals(facts),
    )


@cache
def _strikes() -> Select[Any]:
    return (select(Strike.id, Strike.policy, Strike.weight, Strike.takedown_id, Strike.created_at, Strike.removed_at)
            .where(Strike.member_id == bindparam("member_id")).order_by(Strike.created_at.desc(), Strike.id.desc()))


@cache
def _takedown_rows() -> Select[Any]:
    return (select(Takedown.id, Takedown.listing_id, Listing.title.label("listing_title"), Takedown.reason_code,
                   Takedown.created_at, Takedown.reversed_at)
            .join(Listing, Listing.id == Takedown.listing_id).where(Listing.seller_id == bindparam("member_id")))


@cache
def _flag_rows() -> Select[Any]:
    return (select(Flag.id, Flag.listing_id, Listing.title.label("listing_title"), Flag.source, Flag.policy,
                   Flag.score, Flag.created_at, Flag.status)
            .join(Listing, Listing.id == Flag.listing_id).where(Listing.seller_id == bindparam("member_id")))


@cache
def _open_inquiries() -> Select[Any]:
    return (select(Inquiry.id, Inquiry.category, Inquiry.subject, Inquiry.status, Inquiry.transaction_id,
                   Inquiry.created_at)
            .where(Inquiry.member_id == bindparam("member_id"), Inquiry.status != InquiryStatus.resolved)
            .order_by(Inquiry.created_at.desc(), Inquiry.id.desc()).limit(RECENT))


def _takedowns(rows: Sequence[Row[Any]], window: datetime) -> tuple[Takedowns, int]:
    """The member's takedowns as seller, and how many unreversed ones fall in the signal window.

    Counted in Python from the rows (a seller has few takedowns; counting them in
    SQL meant a second pass over the seller's listings)."""
    newest = sorted(rows, key=lambda r: (r.created_at, r.id), reverse=True)
    in_window = sum(1 for r in rows if r.created_at >= window and r.reversed_at is None)
    return Takedowns(total=len(rows), reversed=sum(1 for r in rows if r.reversed_at is not None),
                     recent=[TakedownBrief(**r._mapping) for r in newest[:RECENT]]), in_window


def _flags(rows: Sequence[Row[Any]]) -> Flags:
    """Counted and ranked in Python, the rows driven from the seller's listings: with an
    ``open`` predicate in SQL, planners walk every open flag in the status index instead."""
    open_rows = sorted((r for r in rows if r.status == FlagStatus.open), key=lambda r: (r.created_at, r.id),
                       reverse=True)
    return Flags(open=len(open_rows), total=len(rows),
                 recent_open=[FlagBrief(**r._mapping) for r in open_rows[:RECENT]])


def reveal_contact(session: Session, *, member_id: int, fields: list[ContactField], staff: Staff,
                   reason: str, limit_per_hour: int | None = None) -> ContactOut:
    """Unmask contact details and log who saw which fields, and why (never the
    details themselves); at most ``limit_per_hour`` per staff member (backend/members/reveals.py)."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput("a reason is required", field="reason")
    member = get_member(session, member_id)
    if limit_per_hour is not None:
        reveals.check_limit(session, staff=staff, member_id=member.id, limit=limit_per_hour, reason=reason)
    wanted = [f for f in ContactField if f in set(fields)]
    audit.record(session, actor_id=staff.id, actor_label=staff.username, action="member.contact_revealed",
                 target_type="member", target_id=member.id, after={"fields": [f.value for f in wanted]},
                 reason=reason)
    values = {f.value: getattr(member, f.value) if f in wanted else None for f in ContactField}
    return ContactOut(member_id=member.id, revealed=wanted, revealed_at=utcnow(), **values)
