"""Reading transactions for the console's panes: a member's purchases and
sales, one transaction's escrow timeline, and refund requests. Each pane is
one request made of a few indexed queries."""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from backend.errors import InvalidInput, NotFound
from backend.escrow.actions import available_actions, pending_approval
from backend.escrow.ledger import balance
from backend.escrow.limits import refund_limit
from backend.escrow.models import LedgerEntry, RefundApproval, Transaction
from backend.escrow.schemas import LedgerEntryOut, RefundApprovalOut, TransactionDetail, TransactionOut
from backend.escrow.service import ledger_of
from backend.listings.models import Listing
from backend.members.models import Member
from backend.pagination import Page, paginate
from backend.permissions import Permission, allowed
from backend.staff.models import Staff

Buyer = aliased(Member, name="buyer")
Seller = aliased(Member, name="seller")
Requester = aliased(Staff, name="requester")
Decider = aliased(Staff, name="decider")


class MemberRole(enum.StrEnum):
    buyer = "buyer"
    seller = "seller"


def _joined() -> Select[Any]:
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


def list_transactions(
    session: Session,
    *,
    member_id: int | None,
    role: MemberRole | None,
    listing_id: int | None,
    status: str | None,
    cursor: str | None,
    limit: int,
) -> Page[TransactionOut]:
    """Newest first; with ``member_id`` the member's purchases, sales or both.

    Pages over the narrow transactions table alone, then names the page's
    listings and members in one query: joining first would read a listing row
    for every one of a busy member's transactions before the sort.
    """
    stmt = select(Transaction)
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
    page = paginate(session, stmt, sort=Transaction.created_at, id_col=Transaction.id, cursor=cursor,
                    limit=limit, to_item=lambda row: row[0])
    named = {row[0].id: row for row in session.execute(_joined().where(Transaction.id.in_([t.id for t in page.items])))}
    return Page[TransactionOut](items=[transaction_out(named[t.id]) for t in page.items], next_cursor=page.next_cursor)


def transaction_detail(session: Session, *, transaction_id: int, staff: Staff) -> TransactionDetail:
    """The escrow pane: timeline, totals, any refund waiting for approval, and the caller's next actions."""
    row = session.execute(_joined().where(Transaction.id == transaction_id)).first()
    if row is None:
        raise NotFound(f"No transaction with id {transaction_id}.")
    entries: list[LedgerEntry] = ledger_of(session, transaction_id)
    totals = balance(entries)
    pending = pending_approval(session, transaction_id)
    actions = available_actions(row[0].status, staff.role, approval_pending=pending is not None)
    return TransactionDetail(
        **transaction_out(row).model_dump(),
        ledger=[LedgerEntryOut.model_validate(e) for e in entries],
        paid=totals.paid, released=totals.released, refunded=totals.refunded, held=totals.held,
        pending_approval=approval_detail(session, approval_id=pending.id) if pending else None,
        actions=[a.value for a in actions],
        refund_limit=refund_limit(staff.role) if allowed(staff.role, Permission.escrow_act) else 0,
    )


def _approvals() -> Select[Any]:
    return (
        select(RefundApproval, Requester.display_name, Decider.display_name)
        .join(Requester, Requester.id == RefundApproval.requested_by_id)
        .outerjoin(Decider, Decider.id == RefundApproval.decided_by_id)
    )


def approval_out(row: Any) -> RefundApprovalOut:
    approval, requester, decider = row
    return RefundApprovalOut(
        id=approval.id, transaction_id=approval.transaction_id, action=approval.action, amount=approval.amount,
        reason=approval.reason, status=approval.status, requested_by_id=approval.requested_by_id,
        requested_by_name=requester, requested_at=approval.requested_at, decided_by_id=approval.decided_by_id,
        decided_by_name=decider, decided_at=approval.decided_at, decision_reason=approval.decision_reason,
        version=approval.version,
    )


def approval_detail(session: Session, *, approval_id: int) -> RefundApprovalOut:
    row = session.execute(_approvals().where(RefundApproval.id == approval_id)).first()
    if row is None:
        raise NotFound(f"No refund approval with id {approval_id}.")
    return approval_out(row)


def list_approvals(session: Session, *, status: str | None, transaction_id: int | None, cursor: str | None,
                   limit: int) -> Page[RefundApprovalOut]:
    """Oldest first, so supervisors decide requests in the order they were made."""
    stmt = _approvals()
    if status:
        stmt = stmt.where(RefundApproval.status == status)
    if transaction_id is not None:
        stmt = stmt.where(RefundApproval.transaction_id == transaction_id)
    return paginate(session, stmt, sort=RefundApproval.requested_at, id_col=RefundApproval.id, cursor=cursor,
                    limit=limit, descending=False, to_item=approval_out)
