"""Enforcement API: takedowns (single, bulk, temporary), reinstatement,
flag dismissal, member sanctions, appeals, and the enforcement history panes.

State-changing POSTs take an Idempotency-Key; without one they are still safe
to repeat, because repeating an action that is already done answers 200 with
``changed: false`` instead of acting twice (a fresh action answers 201).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy import select

from backend.db import utcnow
from backend.deps import DbSession, require
from backend.enforcement import appeals, bulk, history, sanctions, service
from backend.enforcement.models import Appeal, AppealStatus, Takedown
from backend.enforcement.reasons import ReasonCode
from backend.enforcement.schemas import (
    AppealActionOut,
    AppealIn,
    AppealOut,
    BulkPreviewOut,
    BulkResultOut,
    BulkScope,
    BulkTakedownIn,
    DecideIn,
    DismissIn,
    FlagDecisionOut,
    LiftIn,
    ListingEnforcementOut,
    MemberEnforcementOut,
    ReasonIn,
    SanctionActionOut,
    SanctionIn,
    SanctionOut,
    TakedownActionOut,
    TakedownIn,
    TakedownOut,
)
from backend.enforcement.sanctions import SanctionResult
from backend.enforcement.strikes import standing
from backend.errors import NotFound
from backend.flags import service as flags_service
from backend.idempotency.guard import Idempotency, IdempotencyGuard
from backend.listings.models import Listing
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page, paginate
from backend.permissions import Permission
from backend.staff.models import Staff

router = APIRouter(tags=["enforcement"])
Reader = Annotated[Staff, Depends(require(Permission.read_marketplace))]
Moderator = Annotated[Staff, Depends(require(Permission.take_down))]
Reinstater = Annotated[Staff, Depends(require(Permission.reinstate_listings))]
AppealFiler = Annotated[Staff, Depends(require(Permission.file_appeals))]
AppealReader = Annotated[Staff, Depends(require(Permission.read_appeals))]
AppealDecider = Annotated[Staff, Depends(require(Permission.decide_appeals))]
Cursor = Annotated[str | None, Query(max_length=200)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


def _hours(value: float | None) -> timedelta | None:
    return timedelta(hours=value) if value is not None else None


def _answer(idem: IdempotencyGuard, response: Response, body: Any, changed: bool) -> Any:
    response.status_code = 201 if changed else 200
    return idem.remember(body.model_dump(mode="json"), response.status_code)


def _takedown_answer(session: DbSession, idem: IdempotencyGuard, response: Response,
                     result: service.TakedownResult) -> Any:
    seller_id = session.get_one(Listing, result.takedown.listing_id).seller_id
    now = utcnow()
    body = TakedownActionOut(
        takedown=history.takedown_out(result.takedown, now), changed=result.created,
        seller_standing=history.standing_out(standing(session, member_id=seller_id, now=now)))
    return _answer(idem, response, body, result.created)


@router.post("/listings/{listing_id}/takedown", response_model=TakedownActionOut,
             responses={201: {"model": TakedownActionOut}})
def take_down(listing_id: int, body: TakedownIn, staff: Moderator, idem: Idempotency, session: DbSession,
              response: Response) -> Any:
    """Take a listing down with every consequence in one transaction (201), or
    report the takedown already in force (200, nothing changed)."""
    result = service.take_down(session, listing_id=listing_id, reason_code=body.reason_code, actor=staff,
                               note=body.note, flag_id=body.flag_id, duration=_hours(body.duration_hours),
                               listing_version=body.listing_version)
    return _takedown_answer(session, idem, response, result)


@router.post("/takedowns/{takedown_id}/reinstate", response_model=TakedownActionOut,
             responses={201: {"model": TakedownActionOut}})
def reinstate(takedown_id: int, body: ReasonIn, staff: Reinstater, idem: Idempotency, session: DbSession,
              response: Response) -> Any:
    """Undo a takedown: moderators within 24 h of it, supervisors any time. Refunds stay refunded."""
    result = service.reinstate(session, takedown_id=takedown_id, reason=body.reason, actor=staff)
    return _takedown_answer(session, idem, response, result)


@router.post("/takedowns/{takedown_id}/make-permanent", response_model=TakedownActionOut,
             responses={201: {"model": TakedownActionOut}})
def make_permanent(takedown_id: int, body: ReasonIn, staff: Moderator, idem: Idempotency, session: DbSession,
                   response: Response) -> Any:
    result = service.make_permanent(session, takedown_id=takedown_id, reason=body.reason, actor=staff)
    return _takedown_answer(session, idem, response, result)


@router.post("/takedowns/reinstate-expired")
def reinstate_expired(_staff: Moderator, session: DbSession) -> dict[str, list[int]]:
    """Put back listings whose temporary takedown ran out; consoles call this on a timer."""
    return {"reinstated": service.reinstate_expired(session)}


@router.post("/takedowns/bulk/preview", response_model=BulkPreviewOut)
def bulk_preview(body: BulkScope, _staff: Moderator, session: DbSession) -> BulkPreviewOut:
    """What a bulk takedown would affect, and the token its confirmation must echo."""
    result = bulk.preview(session, listing_ids=body.listing_ids, seller_id=body.seller_id)
    return BulkPreviewOut(listings=len(result.listing_ids), listing_ids=result.listing_ids,
                          already_down=result.already_down, open_transactions=result.open_transactions,
                          held_yen=result.held_yen, needs_second_confirmation=result.needs_second_confirmation,
                          confirmation_token=result.token)


@router.post("/takedowns/bulk", response_model=BulkResultOut, status_code=201)
def bulk_take_down(body: BulkTakedownIn, staff: Moderator, idem: Idempotency, session: DbSession) -> Any:
    result = bulk.execute(session, reason_code=body.reason_code, actor=staff,
                          confirmation_token=body.confirmation_token, confirm_listings=body.confirm_listings,
                          confirm_large=body.confirm_large, listing_ids=body.listing_ids, seller_id=body.seller_id,
                          note=body.note, duration=_hours(body.duration_hours))
    seller_standing = None
    if body.seller_id is not None:
        seller_standing = history.standing_out(standing(session, member_id=body.seller_id, now=utcnow()))
    out = BulkResultOut(batch_id=result.batch_id, listings=len(result.takedown_ids),
                        takedown_ids=result.takedown_ids, transactions_cancelled=result.transactions_cancelled,
                        refunded_yen=result.refunded_yen, seller_standing=seller_standing)
    return idem.remember(out.model_dump(mode="json"), 201)


@router.get("/takedowns", response_model=Page[TakedownOut])
def list_takedowns(
    _staff: Reader,
    session: DbSession,
    member_id: int | None = None,
    listing_id: int | None = None,
    reason_code: ReasonCode | None = None,
    in_force: bool | None = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Page[TakedownOut]:
    stmt = select(Takedown).options(*history.TAKEDOWN_STAFF)
    if member_id is not None:
        stmt = stmt.join(Listing, Listing.id == Takedown.listing_id).where(Listing.seller_id == member_id)
    if listing_id is not None:
        stmt = stmt.where(Takedown.listing_id == listing_id)
    if reason_code is not None:
        stmt = stmt.where(Takedown.reason_code == reason_code)
    if in_force is not None:
        stmt = stmt.where(Takedown.reversed_at.is_(None) if in_force else Takedown.reversed_at.is_not(None))
    now = utcnow()
    return paginate(session, stmt, sort=Takedown.created_at, id_col=Takedown.id, cursor=cursor, limit=limit,
                    to_item=lambda row: history.takedown_out(row[0], now))


@router.get("/takedowns/{takedown_id}", response_model=TakedownOut)
def get_takedown(takedown_id: int, _staff: Reader, session: DbSession) -> TakedownOut:
    """One takedown as it stands now (in force or reinstated, expired if temporary)."""
    takedown = session.get(Takedown, takedown_id, options=history.TAKEDOWN_STAFF)
    if takedown is None:
        raise NotFound(f"No takedown with id {takedown_id}.")
    return history.takedown_out(takedown, utcnow())


@router.post("/flags/{flag_id}/dismiss", response_model=FlagDecisionOut)
def dismiss_flag(flag_id: int, body: DismissIn, staff: Moderator, idem: Idempotency, session: DbSession) -> Any:
    """Close a flag as a false positive; the listing is stored as an "ok" example for the detector."""
    flag = flags_service.dismiss(session, flag_id=flag_id, reason=body.reason, actor=staff, version=body.version)
    # Usually the signed-in staff member, already in the session: no query.
    decider = session.get(Staff, flag.decided_by_id) if flag.decided_by_id is not None else None
    out = history.flag_out(flag, decider.display_name if decider else None)
    return idem.remember(out.model_dump(mode="json"))


def _sanction_body(result: SanctionResult) -> SanctionActionOut:
    return SanctionActionOut(sanction=SanctionOut.model_validate(result.sanction), member_status=result.member.status,
                             member_version=result.member.version, changed=result.changed)


@router.post("/members/{member_id}/sanctions", response_model=SanctionActionOut,
             responses={201: {"model": SanctionActionOut}})
def impose_sanction(member_id: int, body: SanctionIn, staff: Moderator, idem: Idempotency, session: DbSession,
                    response: Response) -> Any:
    """Restrict or suspend a member (usually confirming the suggestion from their strikes)."""
    result = sanctions.impose(session, member_id=member_id, kind=body.kind, reason=body.reason, actor=staff,
                              version=body.version)
    return _answer(idem, response, _sanction_body(result), result.changed)


@router.post("/members/{member_id}/sanctions/lift", response_model=SanctionActionOut)
def lift_sanction(member_id: int, body: LiftIn, staff: Moderator, idem: Idempotency, session: DbSession) -> Any:
    result = sanctions.lift(session, member_id=member_id, kind=body.kind, reason=body.reason, actor=staff)
    return idem.remember(_sanction_body(result).model_dump(mode="json"))


@router.post("/takedowns/{takedown_id}/appeals", response_model=AppealActionOut,
             responses={201: {"model": AppealActionOut}})
def file_appeal(takedown_id: int, body: AppealIn, staff: AppealFiler, idem: Idempotency, session: DbSession,
                response: Response) -> Any:
    """Record a seller's appeal (support staff on the member's behalf, or the marketplace)."""
    result = appeals.file_appeal(session, takedown_id=takedown_id, statement=body.statement, actor=staff)
    body_out = AppealActionOut(appeal=AppealOut.model_validate(result.appeal), changed=result.changed)
    return _answer(idem, response, body_out, result.changed)


@router.get("/appeals", response_model=Page[AppealOut])
def list_appeals(
    _staff: AppealReader,
    session: DbSession,
    status: AppealStatus | None = None,
    member_id: int | None = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Page[AppealOut]:
    stmt = select(Appeal).options(*history.APPEAL_STAFF)
    if status is not None:
        stmt = stmt.where(Appeal.status == status)
    if member_id is not None:
        stmt = stmt.where(Appeal.member_id == member_id)
    return paginate(session, stmt, sort=Appeal.created_at, id_col=Appeal.id, cursor=cursor, limit=limit,
                    to_item=lambda row: AppealOut.model_validate(row[0]))


@router.get("/appeals/{appeal_id}", response_model=AppealOut)
def get_appeal(appeal_id: int, _staff: AppealReader, session: DbSession) -> Appeal:
    appeal = session.get(Appeal, appeal_id, options=history.APPEAL_STAFF)
    if appeal is None:
        raise NotFound(f"No appeal with id {appeal_id}.")
    return appeal


@router.post("/appeals/{appeal_id}/decide", response_model=AppealActionOut)
def decide_appeal(appeal_id: int, body: DecideIn, staff: AppealDecider, idem: Idempotency,
                  session: DbSession) -> Any:
    """Uphold or overturn; never by the staff member who took the listing down."""
    result = appeals.decide(session, appeal_id=appeal_id, decision=body.decision, reason=body.reason, actor=staff,
                            version=body.version)
    out = AppealActionOut(appeal=AppealOut.model_validate(result.appeal), changed=result.changed)
    return idem.remember(out.model_dump(mode="json"))


@router.get("/listings/{listing_id}/enforcement", response_model=ListingEnforcementOut)
def listing_enforcement(listing_id: int, _staff: Reader, session: DbSession) -> ListingEnforcementOut:
    """Everything the listing pane shows about enforcement: the listing's and its seller's history."""
    return history.listing_history(session, listing_id=listing_id, now=utcnow())


@router.get("/members/{member_id}/enforcement", response_model=MemberEnforcementOut)
def member_enforcement(member_id: int, _staff: Reader, session: DbSession) -> MemberEnforcementOut:
    return history.member_history(session, member_id=member_id, now=utcnow())
