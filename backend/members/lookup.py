"""Finding what an id names: staff paste a member, listing or transaction id
(numeric, or the marketplace's external id) and the console opens its panes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.escrow.models import Transaction
from backend.listings.models import Listing
from backend.members.models import Member
from backend.members.schemas import LookupHit

_MAX_ID = 2**31 - 1  # ids are 32-bit integer columns; larger numbers cannot be row ids


def lookup(session: Session, *, key: str) -> list[LookupHit]:
    """Every member, listing and transaction ``key`` could mean; numeric ids first, then external ids."""
    key = key.strip()
    hits: list[LookupHit] = []
    if key.isdecimal() and key.isascii() and int(key) <= _MAX_ID:
        row_id = int(key)
        member = session.get(Member, row_id)
        if member:
            hits.append(_member_hit(member))
        listing = session.get(Listing, row_id)
        if listing:
            hits.append(_listing_hit(session, listing))
        tx = session.get(Transaction, row_id)
        if tx:
            hits.append(_transaction_hit(session, tx))
    member = session.scalar(select(Member).where(Member.external_id == key))
    if member and all(h.kind != "member" or h.id != member.id for h in hits):
        hits.append(_member_hit(member))
    listing = session.scalar(select(Listing).where(Listing.external_id == key))
    if listing and all(h.kind != "listing" or h.id != listing.id for h in hits):
        hits.append(_listing_hit(session, listing))
    return hits


def _member_hit(member: Member) -> LookupHit:
    return LookupHit(kind="member", id=member.id, external_id=member.external_id, label=member.display_name,
                     status=member.status, member_ids=[member.id], transaction_id=None)


def _listing_hit(session: Session, listing: Listing) -> LookupHit:
    latest = session.scalar(select(Transaction.id).where(Transaction.listing_id == listing.id)
                            .order_by(Transaction.created_at.desc(), Transaction.id.desc()).limit(1))
    return LookupHit(kind="listing", id=listing.id, external_id=listing.external_id, label=listing.title,
                     status=listing.status, member_ids=[listing.seller_id], transaction_id=latest)


def _transaction_hit(session: Session, tx: Transaction) -> LookupHit:
    title = session.scalar(select(Listing.title).where(Listing.id == tx.listing_id)) or ""
    return LookupHit(kind="transaction", id=tx.id, external_id=None, label=f"{title} — ¥{tx.amount:,}",
                     status=tx.status, member_ids=[tx.seller_id, tx.buyer_id], transaction_id=tx.id)
