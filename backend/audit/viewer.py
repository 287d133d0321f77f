"""What the console's audit viewer needs beyond ``GET /audit-events``
(issue 18): filters by actor and time as well as action and target, newest
first, and the actors and actions there are to pick from. The chain is
verified by ``GET /audit-events/verify`` (the same check as ``audit-verify``);
this module only reads events."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.audit.models import AuditEvent
from backend.audit.router import AuditEventOut, Auditor
from backend.deps import DbSession
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page, paginate

router = APIRouter(tags=["audit"])


class ActorOut(BaseModel):
    actor_id: int | None
    actor_label: str
    events: int


class FacetsOut(BaseModel):
    total: int
    actions: dict[str, int]
    target_types: dict[str, int]
    actors: list[ActorOut]


def _filtered(stmt: Any, *, actor_id: int | None, actor: str | None, action: str | None, target_type: str | None,
              target_id: str | None, start: datetime | None, end: datetime | None) -> Any:
    if actor_id is not None:
        stmt = stmt.where(AuditEvent.actor_id == actor_id)
    if actor:
        stmt = stmt.where(AuditEvent.actor_label == actor)
    if action:
        # "queue." picks every queue action; a full name picks one.
        stmt = stmt.where(AuditEvent.action.startswith(action, autoescape=True) if action.endswith(".")
                          else AuditEvent.action == action)
    if target_type:
        stmt = stmt.where(AuditEvent.target_type == target_type)
    if target_id:
        stmt = stmt.where(AuditEvent.target_id == target_id)
    if start is not None:
        stmt = stmt.where(AuditEvent.created_at >= _utc(start))
    if end is not None:
        stmt = stmt.where(AuditEvent.created_at < _utc(end))
    return stmt


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


ActorId = Annotated[int | None, Query(description="staff id of the actor")]
ActorLabel = Annotated[str | None, Query(max_length=128, description="actor label (username, 'system', …)")]
Action = Annotated[str | None, Query(max_length=64, description="an action, or a prefix ending in '.'")]
TargetType = Annotated[str | None, Query(max_length=32)]
TargetId = Annotated[str | None, Query(max_length=64)]
Start = Annotated[datetime | None, Query(alias="from")]
End = Annotated[datetime | None, Query(alias="to")]


@router.get("/audit-viewer/events", response_model=Page[AuditEventOut])
def viewer_events(_staff: Auditor, session: DbSession, actor_id: ActorId = None, actor: ActorLabel = None,
                  action: Action = None, target_type: TargetType = None, target_id: TargetId = None,
                  start: Start = None, end: End = None,
                  cursor: Annotated[str | None, Query(max_length=200)] = None,
                  limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT) -> Page[AuditEventOut]:
    """Audit events, newest first, filtered by actor, action, target and time (``from`` inclusive, ``to`` not)."""
    stmt = _filtered(select(AuditEvent), actor_id=actor_id, actor=actor, action=action, target_type=target_type,
                     target_id=target_id, start=start, end=end)
    return paginate(session, stmt, sort=AuditEvent.id, id_col=AuditEvent.id, cursor=cursor, limit=limit,
                    descending=True, to_item=lambda row: AuditEventOut.model_validate(row[0]))


@router.get("/audit-viewer/facets", response_model=FacetsOut)
def viewer_facets(_staff: Auditor, session: DbSession, start: Start = None, end: End = None) -> FacetsOut:
    """How many events there are (in the period, if given) per action, target type and actor: the filters' choices."""
    return facets(session, start=start, end=end)


def facets(session: Session, *, start: datetime | None = None, end: datetime | None = None) -> FacetsOut:
    def grouped(*columns: Any) -> list[Any]:
        stmt = _filtered(select(*columns, func.count()), actor_id=None, actor=None, action=None,
                         target_type=None, target_id=None, start=start, end=end)
        return list(session.execute(stmt.group_by(*columns)).all())

    actions = {action: n for action, n in grouped(AuditEvent.action)}
    return FacetsOut(
        total=sum(actions.values()), actions=dict(sorted(actions.items())),
        target_types=dict(sorted((t, n) for t, n in grouped(AuditEvent.target_type))),
        actors=sorted((ActorOut(actor_id=i, actor_label=label, events=n)
                       for i, label, n in grouped(AuditEvent.actor_id, AuditEvent.actor_label)),
                      key=lambda a: (a.actor_label, a.actor_id or 0)))
