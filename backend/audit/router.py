from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

from backend.audit import checkpoints
from backend.audit.models import AuditEvent
from backend.members import reveals as reveal_counts
from backend.deps import DbSession, require, security_settings
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


class CheckpointOut(BaseModel):
    chain_id: str
    count: int
    head_id: int
    head: str
    at: str
    reason: str
    key_id: str


class ChainOut(BaseModel):
    ok: bool
    checked: int
    broken_at: int | None
    problem: str | None
    #: The latest checkpoint (kept outside the database) the chain was compared against.
    checkpoint: CheckpointOut | None = None


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


class RevealCountOut(BaseModel):
    staff_id: int
    username: str
    display_name: str
    role: str
    last_hour: int
    in_period: int
    refused_in_period: int
    last_at: datetime | None
    at_limit: bool


class RevealsOut(BaseModel):
    limit_per_hour: int
    hours: int
    staff: list[RevealCountOut]


@router.get("/audit-events/reveals", response_model=RevealsOut)
def reveals_per_staff(_staff: Auditor, session: DbSession, request: Request,
                      hours: Annotated[int, Query(ge=1, le=24 * 90)] = 24) -> RevealsOut:
    """Contact reveals per staff member over the last ``hours`` and the last hour, with refusals at the limit."""
    limit = security_settings(request).reveals_per_hour
    rows = reveal_counts.per_staff(session, hours=hours, limit=limit)
    return RevealsOut(limit_per_hour=limit, hours=hours,
                      staff=[RevealCountOut.model_validate(row, from_attributes=True) for row in rows])


@router.get("/audit-events/verify", response_model=ChainOut)
def verify_chain(_staff: Auditor, session: DbSession) -> ChainOut:
    """Walk the keyed chain and compare it with the signed checkpoints kept outside the database."""
    report = checkpoints.verify_anchored(session)
    mark = report.checkpoint
    return ChainOut(ok=report.ok, checked=report.checked, broken_at=report.broken_at, problem=report.problem,
                    checkpoint=_checkpoint_out(mark) if mark else None)


def _checkpoint_out(mark: checkpoints.Checkpoint) -> CheckpointOut:
    return CheckpointOut(chain_id=mark.chain_id, count=mark.count, head_id=mark.head_id, head=mark.head,
                         at=mark.at, reason=mark.reason, key_id=mark.key_id)


@router.post("/audit-events/checkpoints", response_model=CheckpointOut, status_code=201)
def write_checkpoint(_staff: Auditor, session: DbSession) -> CheckpointOut:
    """Write a signed checkpoint (event count and head) outside the database now,
    e.g. before handing over evidence. Repeating it writes another; harmless."""
    mark = checkpoints.checkpoint_now(session, reason="manual")
    assert mark is not None
    return _checkpoint_out(mark)
