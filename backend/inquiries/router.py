from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from backend.deps import DbSession, require
from backend.errors import NotFound
from backend.idempotency.guard import Idempotency
from backend.inquiries import service
from backend.inquiries.models import Inquiry, InquiryCategory, InquiryMessage, InquiryStatus
from backend.members.models import Member
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page, paginate
from backend.permissions import Permission
from backend.staff.models import Staff

router = APIRouter(tags=["inquiries"])
Reader = Annotated[Staff, Depends(require(Permission.read_inquiries))]


class InquiryOut(BaseModel):
    id: int
    member_id: int
    member_name: str
    category: str
    subject: str
    transaction_id: int | None
    listing_id: int | None
    priority: int
    status: str
    first_response_due: datetime
    resolution_due: datetime
    first_responded_at: datetime | None
    resolved_at: datetime | None
    created_at: datetime
    claimed_by_id: int | None
    claim_expires_at: datetime | None
    handover_note: str | None
    version: int


class MessageOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: str
    staff_id: int | None
    body: str
    created_at: datetime


class InquiryDetail(InquiryOut):
    messages: list[MessageOut]


def inquiry_out(row: Any) -> InquiryOut:
    inquiry, member_name = row
    fields = {name: getattr(inquiry, name) for name in InquiryOut.model_fields if name != "member_name"}
    return InquiryOut(member_name=member_name, **fields)


def _joined() -> Any:
    return select(Inquiry, Member.display_name).join(Member, Member.id == Inquiry.member_id)


@router.get("/inquiries", response_model=Page[InquiryOut])
def list_inquiries(
    _staff: Reader,
    session: DbSession,
    status: InquiryStatus | None = None,
    category: InquiryCategory | None = None,
    member_id: int | None = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> Page[InquiryOut]:
    stmt = _joined()
    if status:
        stmt = stmt.where(Inquiry.status == status)
    if category:
        stmt = stmt.where(Inquiry.category == category)
    if member_id is not None:
        stmt = stmt.where(Inquiry.member_id == member_id)
    return paginate(session, stmt, sort=Inquiry.created_at, id_col=Inquiry.id, cursor=cursor, limit=limit,
                    to_item=inquiry_out)


@router.get("/inquiries/{inquiry_id}", response_model=InquiryDetail)
def get_inquiry(inquiry_id: int, _staff: Reader, session: DbSession) -> InquiryDetail:
    row = session.execute(_joined().where(Inquiry.id == inquiry_id)).first()
    if row is None:
        raise NotFound(f"No inquiry with id {inquiry_id}.")
    messages = session.scalars(
        select(InquiryMessage).where(InquiryMessage.inquiry_id == inquiry_id).order_by(InquiryMessage.id)
    )
    return InquiryDetail(**inquiry_out(row).model_dump(), messages=[MessageOut.model_validate(m) for m in messages])


# --- the inquiry workspace: replies, internal notes, status ---------------------------------------

Replier = Annotated[Staff, Depends(require(Permission.reply_inquiries))]


class ReplyIn(BaseModel):
    body: str = Field(min_length=1, max_length=8000)
    version: int | None = Field(default=None, description="the inquiry version the reply was written against")
    status: InquiryStatus | None = Field(default=None, description="status after sending; default: new -> open")


class NoteIn(BaseModel):
    body: str = Field(min_length=1, max_length=8000)


class StatusIn(BaseModel):
    status: InquiryStatus
    version: int


class PostedOut(BaseModel):
    inquiry: InquiryOut
    message: MessageOut


def _inquiry_out(session: DbSession, inquiry_id: int) -> InquiryOut:
    return inquiry_out(session.execute(_joined().where(Inquiry.id == inquiry_id)).one())


@router.post("/inquiries/{inquiry_id}/replies", response_model=PostedOut, status_code=201)
def reply(inquiry_id: int, body: ReplyIn, staff: Replier, session: DbSession, idem: Idempotency) -> dict:
    """Send a reply to the member (refused while another staff member holds the inquiry)."""
    _inquiry, message = service.reply(session, staff=staff, inquiry_id=inquiry_id, body=body.body,
                                      version=body.version, status=body.status)
    out = PostedOut(inquiry=_inquiry_out(session, inquiry_id), message=MessageOut.model_validate(message))
    return idem.remember(out.model_dump(mode="json"), 201)


@router.post("/inquiries/{inquiry_id}/notes", response_model=PostedOut, status_code=201)
def add_note(inquiry_id: int, body: NoteIn, staff: Replier, session: DbSession, idem: Idempotency) -> dict:
    """An internal note, never shown to the member."""
    message = service.add_note(session, staff=staff, inquiry_id=inquiry_id, body=body.body)
    out = PostedOut(inquiry=_inquiry_out(session, inquiry_id), message=MessageOut.model_validate(message))
    return idem.remember(out.model_dump(mode="json"), 201)


@router.post("/inquiries/{inquiry_id}/status", response_model=InquiryOut)
def set_status(inquiry_id: int, body: StatusIn, staff: Replier, session: DbSession, idem: Idempotency) -> dict:
    """open / waiting_on_member / resolved, against the version the console loaded (409 ``stale`` otherwise)."""
    service.set_status(session, staff=staff, inquiry_id=inquiry_id, status=body.status, version=body.version)
    return idem.remember(_inquiry_out(session, inquiry_id).model_dump(mode="json"))
