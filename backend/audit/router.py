from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

from backend.audit.models import AuditEvent
from backend.audit.service import verify
from backend.deps import DbSession, require
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page, paginate
from backend.permissions import Permission
from backend.staff.models import Staff

router = APIRouter(tags=["audit"])
Auditor = Annotated[Staff, Depends(require(Permission.read_audit))]


class AuditEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: datetime
    actor_id: int | None
    actor_label: str
    action: str
    target_type: str
    target_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str | None
    hash: str


class ChainOut(BaseModel):
    ok: bool
    checked: int
    broken_at: int | None
    problem: str | None


@router.get("/audit-events", response_model=Page[AuditEventOut])
def list_audit_events(
    _staff: Auditor,
    session: DbSession,
    target_type: Annotated[str | None, Query(max_length=32)] = None,
    target_id: Annotated[str | None, Query(max_length=64)] = None,
    action: Annotated[str | None, Query(max_length=64)] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> Page[AuditEventOut]:
    stmt = select(AuditEvent)
    if target_type:
        stmt = stmt.where(AuditEvent.target_type == target_type)
    if target_id:
        stmt = stmt.where(AuditEvent.target_id == target_id)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    return paginate(session, stmt, sort=AuditEvent.id, id_col=AuditEvent.id, cursor=cursor, limit=limit,
                    to_item=lambda row: AuditEventOut.model_validate(row[0]))


@router.get("/audit-events/verify", response_model=ChainOut)
def verify_chain(_staff: Auditor, session: DbSession) -> ChainOut:
    report = verify(session)
    return ChainOut(ok=report.ok, checked=report.checked, broken_at=report.broken_at, problem=report.problem)
