"""Bulk takedowns: several selected listings, or every active listing of a seller.

The console first asks for a preview — how many listings, open transactions
and held yen are affected — and shows it in one confirmation. The execute
call must echo the preview's token and listing count: the token is a digest
of exactly what was previewed, so if anything changed in between (a new
listing, a payment) the call is refused and the moderator sees fresh numbers.
More than ``LARGE_BULK`` listings also needs ``confirm_large`` (the second
confirmation). Everything runs in one transaction: all listings or none.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import utcnow
from backend.enforcement.models import Takedown
from backend.enforcement.service import take_down_many
from backend.errors import Conflict, InvalidInput, NotFound
from backend.escrow.models import EntryKind, LedgerEntry, Transaction
from backend.escrow.service import OPEN_STATUSES
from backend.listings.models import Listing, ListingStatus
from backend.members.models import Member
from backend.staff.models import Staff

LARGE_BULK = 100  # more listings than this needs a second confirmation
MAX_SELECTED = 1000


@dataclass(frozen=True)
class Preview:
    listing_ids: list[int]
    already_down: list[int]  # selected listings that are down already: left as they are
    open_transactions: int
    held_yen: int
    token: str

    @property
    def needs_second_confirmation(self) -> bool:
        return len(self.listing_ids) > LARGE_BULK


@dataclass(frozen=True)
class BulkResult:
    batch_id: str
    takedown_ids: list[int]
    transactions_cancelled: int
    refunded_yen: int


def _scope(session: Session, *, listing_ids: list[int] | None, seller_id: int | None) -> tuple[list[int], list[int]]:
    if (listing_ids is None) == (seller_id is None):
        raise InvalidInput("give either listing_ids or seller_id", field="listing_ids")
    if seller_id is not None:
        if session.get(Member, seller_id) is None:
            raise NotFound(f"No member with id {seller_id}.")
        ids = session.scalars(select(Listing.id).where(Listing.seller_id == seller_id,
                                                       Listing.status == ListingStatus.active)
                              .order_by(Listing.id)).all()
        return list(ids), []
    wanted = sorted(set(listing_ids or ()))
    if not wanted:
        raise InvalidInput("select at least one listing", field="listing_ids")
    if len(wanted) > MAX_SELECTED:
        raise InvalidInput(f"select at most {MAX_SELECTED} listings; use seller_id for a whole shop",
                           field="listing_ids")
    found = set(session.scalars(select(Listing.id).where(Listing.id.in_(wanted))).all())
    missing = [i for i in wanted if i not in found]
    if missing:
        raise InvalidInput(f"no listings with ids {', '.join(map(str, missing[:10]))}", field="listing_ids")
    down = set(session.scalars(select(Takedown.listing_id).where(Takedown.listing_id.in_(wanted),
                                                                 Takedown.reversed_at.is_(None))).all())
    return [i for i in wanted if i not in down], sorted(down)


def _open_transactions(ids: list[int]) -> Select[tuple[int]]:
    return select(Transaction.id).where(Transaction.listing_id.in_(ids), Transaction.status.in_(OPEN_STATUSES))


def preview(session: Session, *, listing_ids: list[int] | None = None, seller_id: int | None = None) -> Preview:
    ids, already_down = _scope(session, listing_ids=listing_ids, seller_id=seller_id)
    tx_ids = list(session.scalars(_open_transactions(ids).order_by(Transaction.id)).all()) if ids else []
    held = 0
    if tx_ids:
        signed = case((LedgerEntry.kind == EntryKind.payment, LedgerEntry.amount),
                      (LedgerEntry.kind.in_((EntryKind.release, EntryKind.refund)), -LedgerEntry.amount), else_=0)
        held = int(session.scalar(select(func.coalesce(func.sum(signed), 0))
                                  .where(LedgerEntry.transaction_id.in_(_open_transactions(ids)))) or 0)
    digest = hashlib.sha256(json.dumps([ids, tx_ids, held]).encode()).hexdigest()[:32]
    return Preview(listing_ids=ids, already_down=already_down, open_transactions=len(tx_ids), held_yen=held,
                   token=digest)


def execute(
    session: Session,
    *,
    reason_code: str,
    actor: Staff,
    confirmation_token: str,
    confirm_listings: int,
    confirm_large: bool = False,
    listing_ids: list[int] | None = None,
    seller_id: int | None = None,
    note: str | None = None,
    duration: timedelta | None = None,
    now: datetime | None = None,
) -> BulkResult:
    now = now or utcnow()
    current = preview(session, listing_ids=listing_ids, seller_id=seller_id)
    if confirmation_token != current.token or confirm_listings != len(current.listing_ids):
        raise Conflict(
            f"What this would affect changed since the preview: now {len(current.listing_ids)} listings, "
            f"{current.open_transactions} open transactions, ¥{current.held_yen:,} held. Preview again.",
            code="preview_stale", field="confirmation_token")
    if current.needs_second_confirmation and not confirm_large:
        raise Conflict(f"This takes down {len(current.listing_ids)} listings; confirm a second time "
                       f"(confirm_large) to go ahead.", code="second_confirmation_required", field="confirm_large")
    if not current.listing_ids:
        raise InvalidInput("there are no listings to take down", field="listing_ids")
    batch_id = str(uuid.uuid4())
    takedowns = take_down_many(session, listing_ids=current.listing_ids, reason_code=reason_code, actor=actor,
                               batch_id=batch_id, note=note, duration=duration, now=now)
    cancelled = sum(len(t.effects["transactions"]) for t in takedowns if t.effects)
    refunded = sum(int(t.effects["refunded_yen"]) for t in takedowns if t.effects)
    # The target is one id (the seller, or the batch); the listings go in `after`, which has no length limit
    # (their joined ids overflowed target_id's 64 characters on PostgreSQL: issue 19).
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="listing.bulk_takedown",
                 target_type="member" if seller_id is not None else "takedown_batch",
                 target_id=seller_id if seller_id is not None else batch_id,
                 after={"batch_id": batch_id, "listings": len(takedowns), "listing_ids": current.listing_ids,
                        "transactions_cancelled": cancelled, "refunded_yen": refunded, "reason_code": reason_code},
                 reason=note)
    return BulkResult(batch_id, [t.id for t in takedowns], cancelled, refunded)
