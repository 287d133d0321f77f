"""Authority requests (supervisors, four eyes), evidence packages, member erasure."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from sqlalchemy import select

from backend.authority import erasure, evidence
from backend.authority import service as authority
from backend.authority.models import AuthorityRequest, EvidenceExport, RequestStatus
from backend.authority.schemas import (
    CloseIn,
    DecisionIn,
    EraseIn,
    ErasureOut,
    ExportOut,
    HoldOut,
    RequestDetailOut,
    RequestIn,
    RequestOut,
)
from backend.csv_safety import attachment
from backend.db import Database, utcnow
from backend.deps import DbSession, get_database, require
from backend.idempotency.guard import Idempotency
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page, paginate
from backend.permissions import Permission
from backend.staff.models import Staff

router = APIRouter(tags=["authorities"])
Supervisor = Annotated[Staff, Depends(require(Permission.manage_authority_requests))]
Eraser = Annotated[Staff, Depends(require(Permission.erase_members))]
RequestId = Annotated[int, Path(ge=1, le=2**31 - 1)]
MemberId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Cursor = Annotated[str | None, Query(max_length=200)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
_OPEN = (RequestStatus.pending_approval, RequestStatus.approved)


def request_out(req: AuthorityRequest) -> RequestOut:
    out = RequestOut.model_validate(req)
    if req.status in _OPEN:
        out.due_in_seconds = int((req.due_at - utcnow()).total_seconds())
    return out


def _detail(session: DbSession, req: AuthorityRequest) -> RequestDetailOut:
    exports = session.scalars(select(EvidenceExport).where(EvidenceExport.request_id == req.id)
                              .order_by(EvidenceExport.id)).all()
    return RequestDetailOut(**request_out(req).model_dump(),
                            holds=[HoldOut.model_validate(h) for h in authority.held_records(session, req.id)],
                            exports=[ExportOut.model_validate(e) for e in exports])


@router.post("/authority-requests", response_model=RequestDetailOut, status_code=201)
def register_request(body: RequestIn, staff: Supervisor, idem: Idempotency, session: DbSession) -> Any:
    """Register an authority's request; a second supervisor must approve it before anything is held."""
    req = authority.register(session, agency=body.agency, reference=body.reference, legal_basis=body.legal_basis,
                             scope=body.scope.model_dump(), due_at=body.due_at, actor=staff, officer=body.officer,
                             contact=body.contact, note=body.note)
    return idem.remember(_detail(session, req).model_dump(mode="json"), 201)


@router.get("/authority-requests", response_model=Page[RequestOut])
def list_requests(_staff: Supervisor, session: DbSession, status: RequestStatus | None = None,
                  cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT) -> Any:
    stmt = select(AuthorityRequest)
    if status is not None:
        stmt = stmt.where(AuthorityRequest.status == status)
    return paginate(session, stmt, sort=AuthorityRequest.created_at, id_col=AuthorityRequest.id, cursor=cursor,
                    limit=limit, to_item=lambda row: request_out(row[0]))


@router.get("/authority-requests/{request_id}", response_model=RequestDetailOut)
def get_request(request_id: RequestId, _staff: Supervisor, session: DbSession) -> RequestDetailOut:
    return _detail(session, authority.get(session, request_id))


@router.post("/authority-requests/{request_id}/approve", response_model=RequestDetailOut)
def approve(request_id: RequestId, body: DecisionIn, staff: Supervisor, idem: Idempotency,
            session: DbSession) -> Any:
    """Four eyes: a supervisor other than the one who registered it; places a legal hold on every record in scope."""
    result = authority.approve(session, request_id=request_id, reason=body.reason, actor=staff, version=body.version)
    return idem.remember(_detail(session, result.request).model_dump(mode="json"), 200)


@router.post("/authority-requests/{request_id}/decline", response_model=RequestDetailOut)
def decline(request_id: RequestId, body: DecisionIn, staff: Supervisor, idem: Idempotency,
            session: DbSession) -> Any:
    result = authority.decline(session, request_id=request_id, reason=body.reason, actor=staff, version=body.version)
    return idem.remember(_detail(session, result.request).model_dump(mode="json"), 200)


@router.post("/authority-requests/{request_id}/close", response_model=RequestDetailOut)
def close(request_id: RequestId, staff: Supervisor, idem: Idempotency, session: DbSession,
          body: CloseIn | None = None) -> Any:
    """Close the request and release its holds (records another request holds stay held)."""
    result = authority.close(session, request_id=request_id, actor=staff, reason=body.reason if body else None)
    return idem.remember(_detail(session, result.request).model_dump(mode="json"), 200)


@router.get("/authority-requests/{request_id}/package", response_class=Response,
            responses={200: {"content": {"application/zip": {}}, "description": "the evidence package"}})
def package(request_id: RequestId, staff: Supervisor, request: Request) -> Response:
    """The evidence package (ZIP). Exporting is recorded (an audit event carrying the package's SHA-256),
    so it runs in a write transaction of its own, not the read-only one a GET gets."""
    db: Database = get_database(request)
    with db.transaction() as session:
        built = evidence.export(session, request_id=request_id, actor_id=staff.id, actor_label=staff.username)
    return Response(built.data, media_type="application/zip",
                    headers={"Content-Disposition": attachment(built.filename, default="evidence.zip"),
                             "X-Package-SHA256": built.sha256})


@router.post("/members/{member_id}/erase", response_model=ErasureOut)
def erase_member(member_id: MemberId, body: EraseIn, staff: Eraser, idem: Idempotency, session: DbSession) -> Any:
    """Erase the member's personal data (409 while a legal hold covers them)."""
    result = erasure.erase(session, member_id=member_id, reason=body.reason, actor=staff)
    out = ErasureOut(member_id=member_id, erased_at=result.erasure.created_at, changed=result.changed,
                     effects=result.erasure.effects)
    return idem.remember(out.model_dump(mode="json"), 200)
