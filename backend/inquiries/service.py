"""The inquiry workspace: replying to the member, internal notes, status.

Each action locks the inquiry (through the queue, see
``backend.queue.service.lock_for_action``) and is refused while another staff
member holds a live claim on it. Replying stamps the first response, which
moves the inquiry's SLA from first-response to resolution; the queue follows
because its row is re-projected after the flush.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import utcnow
from backend.errors import Conflict, InvalidInput, NotFound
from backend.inquiries.models import Inquiry, InquiryMessage, InquiryStatus, MessageKind
from backend.queue import service as queue_service
from backend.queue.claims import ensure_can_act
from backend.staff.models import Staff
from backend.versioning import ensure_version

# Statuses staff may set; "new" only ever comes from the member.
SETTABLE = frozenset({InquiryStatus.open, InquiryStatus.waiting_on_member, InquiryStatus.resolved})


def _load(session: Session, inquiry_id: int, staff: Staff, version: int | None) -> Inquiry:
    queue_service.lock_for_action(session, kind="inquiry", ref_id=inquiry_id)
    inquiry = session.get(Inquiry, inquiry_id, populate_existing=True)
    if inquiry is None:
        raise NotFound(f"No inquiry with id {inquiry_id}.")
    ensure_can_act(session, inquiry, staff)
    ensure_version(inquiry.version, version)
    return inquiry


def _body(text: str) -> str:
    if not text.strip():
        raise InvalidInput("body must not be empty", field="body")
    return text


def reply(session: Session, *, staff: Staff, inquiry_id: int, body: str, version: int | None = None,
          status: InquiryStatus | None = None) -> tuple[Inquiry, InquiryMessage]:
    """Send a reply to the member. The status becomes ``status`` if given, else
    a new inquiry becomes open."""
    inquiry = _load(session, inquiry_id, staff, version)
    if inquiry.status == InquiryStatus.resolved:
        raise Conflict("This inquiry is resolved; reopen it before replying.", code="closed")
    if status is not None and status not in SETTABLE:
        raise InvalidInput(f"status must be one of {', '.join(sorted(SETTABLE))}", field="status")
    before = {"status": inquiry.status, "first_responded_at": inquiry.first_responded_at}
    now = utcnow()
    message = InquiryMessage(inquiry_id=inquiry.id, kind=MessageKind.agent, staff_id=staff.id, body=_body(body),
                             created_at=now)
    session.add(message)
    if inquiry.first_responded_at is None:
        inquiry.first_responded_at = now
    new_status = status or (InquiryStatus.open if inquiry.status == InquiryStatus.new else inquiry.status)
    _apply_status(inquiry, new_status, now)
    session.flush()
    audit.record(session, actor_id=staff.id, actor_label=staff.username, action="inquiry.reply",
                 target_type="inquiry", target_id=inquiry.id, before=before,
                 after={"message_id": message.id, "status": inquiry.status,
                        "first_responded_at": inquiry.first_responded_at})
    return inquiry, message


def add_note(session: Session, *, staff: Staff, inquiry_id: int, body: str) -> InquiryMessage:
    """An internal note: never shown to the member, allowed on resolved inquiries too."""
    inquiry = _load(session, inquiry_id, staff, None)
    message = InquiryMessage(inquiry_id=inquiry.id, kind=MessageKind.note, staff_id=staff.id, body=_body(body))
    session.add(message)
    session.flush()
    audit.record(session, actor_id=staff.id, actor_label=staff.username, action="inquiry.note",
                 target_type="inquiry", target_id=inquiry.id, after={"message_id": message.id})
    return message


def _apply_status(inquiry: Inquiry, status: str, now: datetime) -> None:
    if status == inquiry.status:
        return
    inquiry.status = status
    inquiry.resolved_at = now if status == InquiryStatus.resolved else None


def set_status(session: Session, *, staff: Staff, inquiry_id: int, status: InquiryStatus, version: int) -> Inquiry:
    """Open, waiting on member, or resolved (resolving takes it off the queue; reopening puts it back)."""
    if status not in SETTABLE:
        raise InvalidInput(f"status must be one of {', '.join(sorted(SETTABLE))}", field="status")
    inquiry = _load(session, inquiry_id, staff, version)
    before = {"status": inquiry.status}
    if status == inquiry.status:
        return inquiry
    _apply_status(inquiry, status, utcnow())
    session.flush()
    audit.record(session, actor_id=staff.id, actor_label=staff.username, action="inquiry.status",
                 target_type="inquiry", target_id=inquiry.id, before=before, after={"status": inquiry.status})
    return inquiry
