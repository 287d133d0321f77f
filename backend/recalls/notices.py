"""Safety notices: who must hear about a confirmed recall match, the in-app
message itself, and what the member did with it.

A notice is one row per (recall, member, listing). Sending inserts with
"on conflict do nothing" against that unique key, so a retry, a double click
or two officers sending at once can never produce a second notice.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, and_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import utcnow
from backend.errors import InvalidInput, NotFound
from backend.escrow.models import Transaction, TransactionStatus
from backend.listings.models import Listing, ListingStatus
from backend.members.models import Member
from backend.recalls.models import MatchStatus, Notice, NoticeWhy, Recall, RecallMatch, ReturnStatus
from backend.recalls.service import get_recall
from backend.staff.models import Staff
from backend.versioning import ensure_version

# Sales that did not go through leave no product with the buyer.
_VOID_SALES = (TransactionStatus.cancelled, TransactionStatus.refunded)
_OWNING = (ListingStatus.active, ListingStatus.suspended)


@dataclass(frozen=True)
class Affected:
    member_id: int
    display_name: str
    listing_id: int
    listing_external_id: str
    why: str
    notice_id: int | None


def affected_members(session: Session, *, recall_id: int) -> list[Affected]:
    """Sellers of confirmed listings they still hold (active, or suspended for
    the recall) and buyers of confirmed listings that sold to them."""
    get_recall(session, recall_id)
    confirmed = (select(RecallMatch.listing_id)
                 .where(RecallMatch.recall_id == recall_id, RecallMatch.status == MatchStatus.confirmed))
    sellers = session.execute(
        select(Member.id, Member.display_name, Listing.id, Listing.external_id)
        .join(Listing, Listing.seller_id == Member.id)
        .where(Listing.id.in_(confirmed), Listing.status.in_(_OWNING)))
    buyers = session.execute(
        select(Member.id, Member.display_name, Listing.id, Listing.external_id)
        .join(Transaction, Transaction.buyer_id == Member.id)
        .join(Listing, Listing.id == Transaction.listing_id)
        .where(Listing.id.in_(confirmed), Transaction.status.not_in(_VOID_SALES)).distinct())
    sent = {(n.member_id, n.listing_id): n.id for n in session.scalars(
        select(Notice).where(Notice.recall_id == recall_id))}
    rows = [Affected(m, name, lid, ext, NoticeWhy.posted, sent.get((m, lid))) for m, name, lid, ext in sellers]
    rows += [Affected(m, name, lid, ext, NoticeWhy.bought, sent.get((m, lid))) for m, name, lid, ext in buyers]
    return sorted(rows, key=lambda a: (a.listing_id, a.why, a.member_id))


def message_for(recall: Recall, why: str) -> str:
    """The in-app message: what is wrong, what to do, whom to contact."""
    reason = ("出品された商品 / the item you listed" if why == NoticeWhy.posted
              else "購入された商品 / the item you bought")
    lines = [
        f"【製品安全のお知らせ / Product safety notice】{recall.title}",
        f"{reason} is subject to recall {recall.number}.",
        f"危険 / Hazard: {recall.hazard or '—'}",
        f"対応 / Remedy: {recall.remedy or '—'}",
        f"連絡先 / Manufacturer contact: {recall.manufacturer or ''} {recall.manufacturer_contact or ''}".rstrip(),
        "ご使用を中止してください。/ Please stop using the product.",
    ]
    return "\n".join(lines)


@dataclass
class SendReport:
    sent: list[Notice]
    already_sent: int


def send_notices(session: Session, *, recall_id: int, staff: Staff) -> SendReport:
    recall = get_recall(session, recall_id, lock=True)
    affected = affected_members(session, recall_id=recall_id)
    missing = [a for a in affected if a.notice_id is None]
    if missing:
        now = utcnow()
        insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        stmt = insert(Notice).values([
            {"recall_id": recall.id, "member_id": a.member_id, "listing_id": a.listing_id, "why": a.why,
             "channel": "in_app", "sent_at": now, "return_status": ReturnStatus.none,
             "message": message_for(recall, a.why), "version": 1}
            for a in missing
        ]).on_conflict_do_nothing(index_elements=["recall_id", "member_id", "listing_id"])
        session.execute(stmt)
    wanted = {(a.member_id, a.listing_id) for a in missing}
    created = [n for n in session.scalars(select(Notice).where(Notice.recall_id == recall.id).order_by(Notice.id))
               if (n.member_id, n.listing_id) in wanted] if wanted else []
    if created:
        audit.record(session, actor_id=staff.id, actor_label=staff.username, action="recall.notices_sent",
                     target_type="recall", target_id=recall.id,
                     after={"notices": [n.id for n in created], "count": len(created)})
    return SendReport(created, len(affected) - len(missing))


def get_notice(session: Session, notice_id: int) -> Notice:
    notice = session.scalar(select(Notice).where(Notice.id == notice_id).with_for_update())
    if notice is None:
        raise NotFound(f"No notice with id {notice_id}.")
    return notice


def _audit(session: Session, notice: Notice, staff: Staff, action: str, before: dict[str, object]) -> None:
    audit.record(session, actor_id=staff.id, actor_label=staff.username, action=f"notice.{action}",
                 target_type="notice", target_id=notice.id, before=before,
                 after={"read_at": notice.read_at, "acknowledged_at": notice.acknowledged_at,
                        "return_status": notice.return_status})


def mark_read(session: Session, *, notice_id: int, staff: Staff) -> Notice:
    """The member opened the message. Repeating it keeps the first time."""
    notice = get_notice(session, notice_id)
    if notice.read_at is None:
        notice.read_at = utcnow()
        session.flush()
        _audit(session, notice, staff, "read", {"read_at": None})
    return notice


def acknowledge(session: Session, *, notice_id: int, staff: Staff) -> Notice:
    """The member confirmed they understood; acknowledging implies reading."""
    notice = get_notice(session, notice_id)
    if notice.acknowledged_at is None:
        now = utcnow()
        before = {"read_at": notice.read_at, "acknowledged_at": None}
        notice.read_at = notice.read_at or now
        notice.acknowledged_at = now
        session.flush()
        _audit(session, notice, staff, "acknowledge", before)
    return notice


def set_return(session: Session, *, notice_id: int, return_status: str, version: int | None,
               staff: Staff) -> Notice:
    """Track the product's return to the manufacturer (requested → returned, or declined)."""
    if return_status not in set(ReturnStatus):
        raise InvalidInput(f"return_status is one of {', '.join(ReturnStatus)}", field="return_status")
    notice = get_notice(session, notice_id)
    ensure_version(notice.version, version)
    if notice.return_status != return_status:
        before = {"return_status": notice.return_status}
        notice.return_status = return_status
        notice.returned_at = utcnow() if return_status == ReturnStatus.returned else None
        session.flush()
        _audit(session, notice, staff, "return", before)
    return notice


def notices_query(*, recall_id: int | None = None, member_id: int | None = None) -> Select[tuple[Notice]]:
    stmt = select(Notice)
    conditions = []
    if recall_id is not None:
        conditions.append(Notice.recall_id == recall_id)
    if member_id is not None:
        conditions.append(Notice.member_id == member_id)
    return stmt.where(and_(*conditions)) if conditions else stmt
