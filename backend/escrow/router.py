from __future__ import annotations

import enum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select
from sqlalchemy.orm import aliased

from backend.deps import DbSession, require
from backend.errors import InvalidInput, NotFound
from backend.escrow.ledger import balance
from backend.escrow.models import LedgerEntry, Transaction, TransactionStatus
from backend.escrow.schemas import LedgerEntryOut, TransactionDetail, TransactionOut
from backend.listings.models import Listing
from backend.members.models import Member
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page, paginate
from backend.permissions import Permission
from backend.staff.models import Staff

router = APIRouter(tags=["transactions"])
Reader = Annotated[Staff, Depends(require(Permission.read_marketplace))]
Buyer = aliased(Member, name="buyer")
Seller = aliased(Member, name="seller")


class MemberRole(enum.StrEnum):
    buyer = "buyer"
    seller = "seller"


def _joined() -> Any:
    return (
        select(Transaction, Listing.title, Buyer.display_name, Seller.display_name)
        .join(Listing, Listing.id == Transaction.listing_id)
        .join(Buyer, Buyer.id == Transaction.buyer_id)
        .join(Seller, Seller.id == Transaction.seller_id)
    )


def transaction_out(row: Any) -> TransactionOut:
    tx, title, buyer_name, seller_name = row
    return TransactionOut(
        id=tx.id, listing_id=tx.listing_id, listing_title=title, buyer_id=tx.buyer_id, buyer_name=buyer_name,
        seller_id=tx.seller_id, seller_name=seller_name, amount=tx.amount, fee=tx.fee, status=tx.status,
        created_at=tx.created_at, updated_at=tx.updated_at, version=tx.version,
    )


@router.get("/transactions", response_model=Page[TransactionOut])
def list_transactions(
    _staff: Reader,
    session: DbSession,
    member_id: int | None = None,
    role: Annotated[MemberRole | None, Query(description="with member_id: the member as buyer or as seller")] = None,
    listing_id: int | None = None,
    status: TransactionStatus | None = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> Page[TransactionOut]:
    stmt = _joined()
    if role is not None and member_id is None:
        raise InvalidInput("role needs member_id", field="role")
    if member_id is not None:
        if role == MemberRole.buyer:
            stmt = stmt.where(Transaction.buyer_id == member_id)
        elif role == MemberRole.seller:
            stmt = stmt.where(Transaction.seller_id == member_id)
        else:
            stmt = stmt.where((Transaction.buyer_id == member_id) | (Transaction.seller_id == member_id))
    if listing_id is not None:
        stmt = stmt.where(Transaction.listing_id == listing_id)
    if status:
        stmt = stmt.where(Transaction.status == status)
    return paginate(session, stmt, sort=Transaction.created_at, id_col=Transaction.id, cursor=cursor,
                    limit=limit, to_item=transaction_out)


@router.get("/transactions/{transaction_id}", response_model=TransactionDetail)
def get_transaction(transaction_id: int, _staff: Reader, session: DbSession) -> TransactionDetail:
    row = session.execute(_joined().where(Transaction.id == transaction_id)).first()
    if row is None:
        raise NotFound(f"No transaction with id {transaction_id}.")
    entries = list(session.scalars(
        select(LedgerEntry).where(LedgerEntry.transaction_id == transaction_id).order_by(LedgerEntry.seq)
    ))
    totals = balance(entries)
    return TransactionDetail(
        **transaction_out(row).model_dump(),
        ledger=[LedgerEntryOut.model_validate(e) for e in entries],
        paid=totals.paid, released=totals.released, refunded=totals.refunded, held=totals.held,
    )
