"""Reading transactions for the console's panes: a member's purchases and
sales, one transaction's escrow timeline, and refund requests. Each pane is
one request made of a few indexed queries."""

from __future__ import annotations

import enum
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, FromClause, Select, bindparam, desc, select, union_all
from sqlalchemy.orm import Session, aliased

from backend.errors import InvalidInput, NotFound
from backend.escrow.actions import available_actions
from backend.escrow.ledger import balance
from backend.escrow.limits import refund_limit
from backend.escrow.models import ApprovalStatus, LedgerEntry, RefundApproval, Transaction
from backend.escrow.schemas import (
    LedgerEntryOut,
    RefundApprovalOut,
    TransactionDetail,
    TransactionOut,
    TransactionPage,
)
from backend.listings.models import Listing
from backend.members.models import Member
from backend.pagination import Page, after_cursor, cursor_params, page_of_rows, paginate
from backend.permissions import Permission, allowed
from backend.staff.models import Staff

Buyer = aliased(Member, name="buyer")
Seller = aliased(Member, name="seller")
Requester = aliased(Staff, name="requester")
Decider = aliased(Staff, name="decider")


class MemberRole(enum.StrEnum):
    buyer = "buyer"
    seller = "seller"


def _named(rows: FromClause) -> Select[Any]:
    """Transaction columns from ``rows`` with the listing's title and the two members' names,
    named like :class:`TransactionOut`'s fields: plain rows, no ORM objects to load."""
    return (
        select(*(rows.c[column.key] for column in Transaction.__table__.c), Listing.title.label("listing_title"),
               Buyer.display_name.label("buyer_name"), Seller.display_name.label("seller_name"))
        .join_from(rows, Listing, Listing.id == rows.c.listing_id)
        .join(Buyer, Buyer.id == rows.c.buyer_id)
        .join(Seller, Seller.id == rows.c.seller_id)
    )


def _sides(member: bool, role: MemberRole | None) -> list[list[ColumnElement[bool]]]:
    """The conditions of each side of the member's transactions to merge (one list: no member).

    Both sides are read newest first off their own (member, created_at, id) index and
    merged, so a page reads about ``limit`` rows where ``buyer_id = m OR seller_id = m``
    read and sorted every one of a busy member's transactions. A sale to oneself is
    listed once, as a purchase.
    """
    if not member:
        return [[]]
    member_id = bindparam("member_id")
    bought, sold = [Transaction.buyer_id == member_id], [Transaction.seller_id == member_id]
    if role == MemberRole.buyer:
        return [bought]
    if role == MemberRole.seller:
        return [sold]
    return [bought, [*sold, Transaction.buyer_id != member_id]]


@cache
def _page(member: bool, role: MemberRole | None, listing: bool, status: bool, after: bool) -> Select[Any]:
    """One statement per combination of filters, built once with bound parameters (building
    it cost more CPU than running it): the newest ``limit`` rows after the cursor, named."""
    common: list[ColumnElement[bool]] = []
    if listing:
        common.append(Transaction.listing_id == bindparam("listing_id"))
    if status:
        common.append(Transaction.status == bindparam("status"))
    if after:
        common.append(after_cursor(Transaction.created_at, Transaction.id))
    sides = [select(Transaction.__table__).where(*side, *common) for side in _sides(member, role)]
    merged = sides[0] if len(sides) == 1 else union_all(*sides)
    newest = merged.order_by(desc("created_at"), desc("id")).limit(bindparam("limit")).subquery("page")
    return _named(newest).order_by(newest.c.created_at.desc(), newest.c.id.desc())


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

    One query: the page is cut from the narrow transactions table first, then
    its listings and members are named (joining first would read a listing row
    for every one of a busy member's transactions before the sort).
    """
    if role is not None and member_id is None:
        raise InvalidInput("role needs member_id", field="role")
    stmt = _page(member_id is not None, role, listing_id is not None, bool(status), bool(cursor))
    rows = session.execute(stmt, {"member_id": member_id, "listing_id": listing_id, "status": status,
                                  "limit": limit + 1, **cursor_params(cursor, sort_key="created_at")}).all()
    return page_of_rows(TransactionPage, rows, limit, sort_key="created_at",
                        to_item=lambda row: TransactionOut(**row._mapping))


@cache
def _detail() -> Select[Any]:
    """The transaction, named, with the id of any refund waiting for approval."""
    pending = (select(RefundApproval.id)
               .where(RefundApproval.transaction_id == Transaction.id, RefundApproval.status == ApprovalStatus.pending)
               .limit(1).scalar_subquery())
    return _named(Transaction.__table__).add_columns(pending.label("pending_approval_id")) \
        .where(Transaction.id == bindparam("transaction_id"))


@cache
def _ledger() -> Select[Any]:
    return (select(LedgerEntry.seq, LedgerEntry.kind, LedgerEntry.amount, LedgerEntry.actor_staff_id,
                   LedgerEntry.actor_label, LedgerEntry.note, LedgerEntry.created_at)
            .where(LedgerEntry.transaction_id == bindparam("transaction_id")).order_by(LedgerEntry.seq))


def transaction_detail(session: Session, *, transaction_id: int, staff: Staff) -> TransactionDetail:
    """The escrow pane: timeline, totals, any refund waiting for approval, and the caller's next actions.

    Two queries built once: the named transaction with the id of any pending approval,
    then the ledger; the approval itself only when there is one."""
    params = {"transaction_id": transaction_id}
    row = session.execute(_detail(), params).first()
    if row is None:
        raise NotFound(f"No transaction with id {transaction_id}.")
    fields = dict(row._mapping)
    pending_id = fields.pop("pending_approval_id")
    entries = session.execute(_ledger(), params).all()
    totals = balance(entries)
    actions = available_actions(row.status, staff.role, approval_pending=pending_id is not None)
    return TransactionDetail(
        **fields,
        ledger=[LedgerEntryOut(**e._mapping) for e in entries],
        paid=totals.paid, released=totals.released, refunded=totals.refunded, held=totals.held,
        pending_approval=approval_detail(session, approval_id=pending_id) if pending_id is not None else None,
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
