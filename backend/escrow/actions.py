"""Escrow actions staff take from the console: hold, release, refund, cancel,
and the supervisor approval of refunds above an agent's limit.

These wrap the state machine in ``service.apply`` with what only applies to
people: permissions, per-role refund limits, optimistic versions, and the
rule that nobody acts on a transaction whose inquiry another agent is working
on. Each call locks the transaction row first, so two agents acting at once
are serialised and the second is judged against the first's result.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import utcnow
from backend.errors import Conflict, Forbidden, InvalidInput, NotFound
from backend.escrow import service as escrow_service
from backend.escrow.limits import refund_limit, within_limit
from backend.escrow.models import ApprovalStatus, RefundApproval, Transaction
from backend.inquiries.models import Inquiry, InquiryStatus
from backend.permissions import Permission, allowed
from backend.queue.claims import ensure_can_act
from backend.staff.models import Staff
from backend.versioning import ensure_version


class StaffAction(enum.StrEnum):
    """What the console offers, mapped to state-machine actions below."""

    hold = "hold"  # put the held payment on hold (dispute)
    release = "release"  # pay the seller what is held
    refund = "refund"  # give the buyer back all or part of what is held (while on hold)
    cancel = "cancel"  # undo the sale before completion, refunding everything held


MACHINE_ACTION: dict[StaffAction, str] = {
    StaffAction.hold: "dispute",
    StaffAction.release: "release",
    StaffAction.refund: "refund",
    StaffAction.cancel: "cancel",
}
_MOVES_MONEY_BACK = frozenset({StaffAction.refund, StaffAction.cancel})


@dataclass(frozen=True)
class ActionOutcome:
    """Either the action ran (``approval`` None) or it waits for a supervisor."""

    transaction: Transaction
    approval: RefundApproval | None


def available_actions(status: str, role: str, *, approval_pending: bool) -> list[StaffAction]:
    """The actions ``role`` may take on a transaction in ``status`` now (for the console's buttons);
    while a refund awaits approval, only putting the payment on hold."""
    if not allowed(role, Permission.escrow_act):
        return []
    return [a for a in StaffAction if (status, MACHINE_ACTION[a]) in escrow_service.TRANSITIONS
            and (not approval_pending or a == StaffAction.hold)]


def act(
    session: Session,
    *,
    transaction_id: int,
    action: StaffAction,
    staff: Staff,
    reason: str,
    amount: int | None = None,
    version: int | None = None,
) -> ActionOutcome:
    """Take one escrow action for ``staff``; a refund above their limit becomes an approval request."""
    if not allowed(staff.role, Permission.escrow_act):
        raise Forbidden(f"Your role ({staff.role}) may not act on escrow.")
    reason = _reason(reason)
    if amount is not None and action != StaffAction.refund:
        raise InvalidInput(f"an amount is only taken by a refund, not by {action}", field="amount")
    tx = escrow_service.lock_transaction(session, transaction_id)
    ensure_version(tx.version, version)
    _ensure_not_claimed_by_other(session, tx.id, staff)
    pending = pending_approval(session, tx.id)
    if pending is not None and action != StaffAction.hold:
        raise Conflict(f"A refund of ¥{pending.amount:,} on this transaction awaits a supervisor (request "
                       f"#{pending.id}); it must be approved or rejected first.", code="approval_pending")
    machine_action = MACHINE_ACTION[action]
    if action in _MOVES_MONEY_BACK:
        refund, refunded_before = _refund_amount(session, tx, machine_action, amount)
        # The limit caps the total refunded on one sale, so splitting a refund does not get round it.
        if not within_limit(staff.role, refunded_before + refund):
            return ActionOutcome(tx, _request_approval(session, tx, machine_action, refund, staff, reason))
    tx = escrow_service.apply(session, transaction_id=tx.id, action=machine_action, actor_id=staff.id,
                              actor_label=staff.username, reason=reason, amount=amount)
    return ActionOutcome(tx, None)


def decide(
    session: Session,
    *,
    approval_id: int,
    approve: bool,
    staff: Staff,
    reason: str,
    version: int | None = None,
) -> RefundApproval:
    """A supervisor approves (the refund runs now, in this transaction) or rejects a pending request."""
    if not allowed(staff.role, Permission.approve_refunds):
        raise Forbidden(f"Your role ({staff.role}) may not decide refund approvals.")
    reason = _reason(reason)
    approval = session.get(RefundApproval, approval_id)
    if approval is None:
        raise NotFound(f"No refund approval with id {approval_id}.")
    # Lock the transaction first: approving and a concurrent action on it are serialised.
    tx = escrow_service.lock_transaction(session, approval.transaction_id)
    session.refresh(approval)
    ensure_version(approval.version, version)
    if approval.status != ApprovalStatus.pending:
        raise Conflict(f"This refund request was already {approval.status}.", code="already_decided")
    before = _approval_state(approval)
    if approve:
        _ensure_legal(tx, approval.action)
        if approval.action == "cancel":
            held = escrow_service.current_balance(session, tx.id).held
            if held != approval.amount:
                raise Conflict(f"The escrow changed since the request: ¥{held:,} is held now, not "
                               f"¥{approval.amount:,}. Reject this request and ask again.", code="stale")
            amount = None
        else:
            amount = approval.amount
        escrow_service.apply(session, transaction_id=tx.id, action=approval.action, actor_id=staff.id,
                             actor_label=staff.username, reason=f"approved request #{approval.id}: {reason}",
                             amount=amount)
    approval.status = ApprovalStatus.approved if approve else ApprovalStatus.rejected
    approval.decided_by_id = staff.id
    approval.decided_at = utcnow()
    approval.decision_reason = reason
    session.flush()
    audit.record(session, actor_id=staff.id, actor_label=staff.username,
                 action=f"escrow.refund_{approval.status}", target_type="refund_approval", target_id=approval.id,
                 before=before, after=_approval_state(approval), reason=reason)
    return approval


def pending_approval(session: Session, transaction_id: int) -> RefundApproval | None:
    return session.scalar(select(RefundApproval).where(
        RefundApproval.transaction_id == transaction_id, RefundApproval.status == ApprovalStatus.pending))


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("a reason is required", field="reason")
    return reason


def _refund_amount(session: Session, tx: Transaction, machine_action: str, amount: int | None) -> tuple[int, int]:
    """What the action would refund and what was refunded before, checked now so an
    over-limit request is a legal one."""
    _ensure_legal(tx, machine_action)
    money = escrow_service.current_balance(session, tx.id)
    held = money.held
    refund = held if amount is None else amount
    if machine_action == "refund" and refund <= 0:
        raise InvalidInput("a refund must be more than ¥0", field="amount")
    if refund > held:
        raise Conflict(f"Cannot refund ¥{refund:,}: only ¥{held:,} is held.", code="insufficient_held")
    return refund, money.refunded


def _ensure_legal(tx: Transaction, machine_action: str) -> None:
    if (tx.status, machine_action) not in escrow_service.TRANSITIONS:
        raise Conflict(f"Cannot {machine_action} a transaction that is {tx.status.replace('_', ' ')}.",
                       code="illegal_transition")


def _request_approval(session: Session, tx: Transaction, machine_action: str, refund: int, staff: Staff,
                      reason: str) -> RefundApproval:
    approval = RefundApproval(transaction_id=tx.id, action=machine_action, amount=refund, reason=reason,
                              requested_by_id=staff.id)
    session.add(approval)
    session.flush()
    limit = refund_limit(staff.role)
    audit.record(session, actor_id=staff.id, actor_label=staff.username, action="escrow.refund_requested",
                 target_type="transaction", target_id=tx.id, before=None,
                 after={"approval_id": approval.id, "action": machine_action, "amount": refund, "limit": limit},
                 reason=reason)
    return approval


def _ensure_not_claimed_by_other(session: Session, transaction_id: int, staff: Staff) -> None:
    """An agent working an inquiry about this sale owns the conversation; others wait or ask."""
    inquiries = session.scalars(select(Inquiry).where(
        Inquiry.transaction_id == transaction_id, Inquiry.status != InquiryStatus.resolved))
    for inquiry in inquiries:
        ensure_can_act(session, inquiry, staff)


def _approval_state(approval: RefundApproval) -> dict[str, int | str | None]:
    return {"status": approval.status, "action": approval.action, "amount": approval.amount,
            "transaction_id": approval.transaction_id}
