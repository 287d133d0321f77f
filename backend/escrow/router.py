from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Response

from backend.deps import DbSession, require
from backend.escrow import actions, history
from backend.escrow.history import MemberRole
from backend.escrow.models import ApprovalStatus, TransactionStatus
from backend.escrow.schemas import (
    ActionResult,
    DecisionIn,
    EscrowActionIn,
    RefundApprovalOut,
    RefundIn,
    TransactionDetail,
    TransactionOut,
    TransactionPage,
)
from backend.idempotency.guard import Idempotency, IdempotencyGuard
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page
from backend.permissions import Permission
from backend.staff.models import Staff

router = APIRouter(tags=["transactions"])
Reader = Annotated[Staff, Depends(require(Permission.read_marketplace))]
Actor = Annotated[Staff, Depends(require(Permission.escrow_act))]
Approver = Annotated[Staff, Depends(require(Permission.approve_refunds))]
# Ids are 32-bit integer columns: a larger number is refused (422) before it reaches the database.
ROW_ID_MAX = 2**31 - 1
RowId = Annotated[int, Path(ge=1, le=ROW_ID_MAX)]
Cursor = Annotated[str | None, Query(max_length=200)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


@router.get("/transactions", response_model=TransactionPage)
def list_transactions(
    _staff: Reader,
    session: DbSession,
    member_id: Annotated[int | None, Query(ge=1, le=ROW_ID_MAX)] = None,
    role: Annotated[MemberRole | None, Query(description="with member_id: the member as buyer or as seller")] = None,
    listing_id: Annotated[int | None, Query(ge=1, le=ROW_ID_MAX)] = None,
    status: TransactionStatus | None = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Page[TransactionOut]:
    return history.list_transactions(session, member_id=member_id, role=role, listing_id=listing_id, status=status,
                                     cursor=cursor, limit=limit)


@router.get("/transactions/{transaction_id}", response_model=TransactionDetail)
def get_transaction(transaction_id: RowId, staff: Reader, session: DbSession) -> TransactionDetail:
    return history.transaction_detail(session, transaction_id=transaction_id, staff=staff)


def _act(session: DbSession, idem: IdempotencyGuard, response: Response, *, transaction_id: int,
         action: actions.StaffAction, staff: Staff, body: EscrowActionIn, amount: int | None = None) -> Any:
    outcome = actions.act(session, transaction_id=transaction_id, action=action, staff=staff, reason=body.reason,
                          amount=amount, version=body.version)
    result = ActionResult(
        outcome="approval_requested" if outcome.approval else "done",
        transaction=history.transaction_detail(session, transaction_id=transaction_id, staff=staff),
        approval=history.approval_detail(session, approval_id=outcome.approval.id) if outcome.approval else None,
    )
    response.status_code = 202 if outcome.approval else 200
    return idem.remember(result.model_dump(mode="json"), response.status_code)


@router.post("/transactions/{transaction_id}/hold", response_model=ActionResult)
def hold(transaction_id: RowId, body: EscrowActionIn, staff: Actor, idem: Idempotency, session: DbSession,
         response: Response) -> Any:
    """Put the held payment on hold (dispute): nothing is released until a decision."""
    return _act(session, idem, response, transaction_id=transaction_id, action=actions.StaffAction.hold,
                staff=staff, body=body)


@router.post("/transactions/{transaction_id}/release", response_model=ActionResult)
def release(transaction_id: RowId, body: EscrowActionIn, staff: Actor, idem: Idempotency, session: DbSession,
            response: Response) -> Any:
    """Release what is held on a disputed transaction to the seller."""
    return _act(session, idem, response, transaction_id=transaction_id, action=actions.StaffAction.release,
                staff=staff, body=body)


@router.post("/transactions/{transaction_id}/refund", response_model=ActionResult,
             responses={202: {"model": ActionResult, "description": "above your limit: a supervisor must approve"}})
def refund(transaction_id: RowId, body: RefundIn, staff: Actor, idem: Idempotency, session: DbSession,
           response: Response) -> Any:
    """Refund all (no amount) or part of what is held on a disputed transaction to the buyer."""
    return _act(session, idem, response, transaction_id=transaction_id, action=actions.StaffAction.refund,
                staff=staff, body=body, amount=body.amount)


@router.post("/transactions/{transaction_id}/cancel", response_model=ActionResult,
             responses={202: {"model": ActionResult, "description": "above your limit: a supervisor must approve"}})
def cancel(transaction_id: RowId, body: EscrowActionIn, staff: Actor, idem: Idempotency, session: DbSession,
           response: Response) -> Any:
    """Cancel the sale before completion, refunding everything held to the buyer."""
    return _act(session, idem, response, transaction_id=transaction_id, action=actions.StaffAction.cancel,
                staff=staff, body=body)


@router.get("/refund-approvals", response_model=Page[RefundApprovalOut])
def list_refund_approvals(
    _staff: Actor,
    session: DbSession,
    status: ApprovalStatus | None = None,
    transaction_id: Annotated[int | None, Query(ge=1, le=ROW_ID_MAX)] = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Page[RefundApprovalOut]:
    return history.list_approvals(session, status=status, transaction_id=transaction_id, cursor=cursor, limit=limit)


def _decide(session: DbSession, idem: IdempotencyGuard, *, approval_id: int, approve: bool, staff: Staff,
            body: DecisionIn) -> Any:
    approval = actions.decide(session, approval_id=approval_id, approve=approve, staff=staff, reason=body.reason,
                              version=body.version)
    return idem.remember(history.approval_detail(session, approval_id=approval.id).model_dump(mode="json"))


@router.post("/refund-approvals/{approval_id}/approve", response_model=RefundApprovalOut)
def approve_refund(approval_id: RowId, body: DecisionIn, staff: Approver, idem: Idempotency,
                   session: DbSession) -> Any:
    """Approve a refund above the requester's limit: the refund runs now."""
    return _decide(session, idem, approval_id=approval_id, approve=True, staff=staff, body=body)


@router.post("/refund-approvals/{approval_id}/reject", response_model=RefundApprovalOut)
def reject_refund(approval_id: RowId, body: DecisionIn, staff: Approver, idem: Idempotency,
                  session: DbSession) -> Any:
    """Reject a refund request; no money moves."""
    return _decide(session, idem, approval_id=approval_id, approve=False, staff=staff, body=body)
