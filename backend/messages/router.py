"""Messages over HTTP: a transaction's thread and a listing's public comments (masked),
revealing a thread's contact details with a reason, and posting a message (screened)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request

from backend.deps import DbSession, require, security_settings
from backend.idempotency.guard import Idempotency
from backend.messages import service
from backend.messages.schemas import MessageIn, PostedOut, RevealMessagesIn, ThreadOut, Verdict
from backend.permissions import Permission
from backend.staff.models import Staff

router = APIRouter(tags=["messages"])
Reader = Annotated[Staff, Depends(require(Permission.read_marketplace))]
Revealer = Annotated[Staff, Depends(require(Permission.reveal_pii))]
Submitter = Annotated[Staff, Depends(require(Permission.submit_listings))]
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get("/transactions/{transaction_id}/messages", response_model=ThreadOut)
def transaction_messages(transaction_id: Id, _staff: Reader, session: DbSession) -> ThreadOut:
    """The buyer ↔ seller thread, oldest first; contact details inside messages masked."""
    return service.transaction_thread(session, transaction_id=transaction_id)


@router.post("/transactions/{transaction_id}/messages/reveal", response_model=ThreadOut)
def reveal_transaction_messages(transaction_id: Id, body: RevealMessagesIn, staff: Revealer, session: DbSession,
                                request: Request) -> ThreadOut:
    """The thread with contact details shown; audited with the reason, and counted
    towards the staff member's hourly reveal limit like a member's contact reveal."""
    return service.reveal_thread(session, transaction_id=transaction_id, staff=staff, reason=body.reason,
                                 message_ids=body.message_ids,
                                 limit_per_hour=security_settings(request).reveals_per_hour)


@router.get("/listings/{listing_id}/comments", response_model=ThreadOut)
def listing_comments(listing_id: Id, _staff: Reader, session: DbSession) -> ThreadOut:
    return service.listing_comments(session, listing_id=listing_id)
@router.post("/messages", response_model=PostedOut, status_code=201)
def post_message(body: MessageIn, _staff: Submitter, session: DbSession, idem: Idempotency) -> Any:
    """The marketplace integration passes on a message as it is posted: stored, screened, and
    flagged into the queue when it breaks a policy, in one transaction."""
    from backend.messages.screening import screen_message

    verdicts: list[Any] = []
    message = service.post(session, sender_id=body.sender_id, text=body.text, transaction_id=body.transaction_id,
                           listing_id=body.listing_id, external_id=body.external_id, sent_at=body.sent_at,
                           on_message=lambda s, m: verdicts.append(screen_message(s, m)))
    outcome = verdicts[0]
    out = PostedOut(message=service.render(session, [message])[0], flag_id=outcome.flag_id,
                    verdict=Verdict(flagged=outcome.flagged, policy=outcome.policy, score=outcome.score,
                                    reasons=outcome.reasons))
    return idem.remember(out.model_dump(mode="json"), status_code=201)
