"""Queue endpoints: the page, the change feed, "next" and claims; mounts the
shift/rota/attendance and macro routers so app.py needs no change per domain."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from backend.db import utcnow
from backend.deps import DbSession, require
from backend.idempotency.guard import Idempotency
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT
from backend.permissions import Permission
from backend.queue import service
from backend.queue.macro_router import router as macro_router
from backend.queue.schemas import HandoffIn, NextIn, NextOut, QueueChanges, QueueItemOut, QueuePage, ReleaseIn
from backend.staff.models import Staff
from backend.staff.shift_router import router as shift_router

router = APIRouter(tags=["queue"])
router.include_router(shift_router)
router.include_router(macro_router)
Worker = Annotated[Staff, Depends(require(Permission.work_queue))]


def _works_item(queue_item_id: int, staff: Worker, session: DbSession) -> Staff:
    """Refuse (403) items of a kind the caller's role does not work, before the body is even read."""
    service.ensure_works_item(session, staff=staff, item_id=queue_item_id)
    return staff


ItemWorker = Annotated[Staff, Depends(_works_item)]


@router.get("/queue", response_model=QueuePage)
def queue_page(
    staff: Worker,
    session: DbSession,
    kind: Annotated[str | None, Query(max_length=16)] = None,
    category: Annotated[str | None, Query(max_length=32, description="flag policy or inquiry category")] = None,
    status: Annotated[str | None, Query(max_length=24)] = None,
    claim: service.ClaimFilter = service.ClaimFilter.all,
    sla: service.SlaFilter | None = None,
    sort: service.Sort = service.Sort.priority,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> QueuePage:
    """Open items of the kinds the caller's role works. ``sort=priority`` is the
    effective-due order (SLA urgency and severity × score, see backend.queue.priority)."""
    return service.list_items(session, staff=staff, kind=kind, category=category, status=status, claim=claim,
                              sla=sla, sort=sort, cursor=cursor, limit=limit)


@router.get("/queue/changes", response_model=QueueChanges)
def queue_changes(
    staff: Worker,
    session: DbSession,
    since: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> QueueChanges:
    """Poll every few seconds with the last ``since``; an index range scan, cheap when nothing changed."""
    return service.changes(session, staff=staff, since=since, limit=limit)


@router.post("/queue/next", response_model=NextOut)
def queue_next(staff: Worker, session: DbSession, idem: Idempotency, body: NextIn | None = None) -> dict:
    item = service.next_item(session, staff=staff, kinds=body.kinds if body else None)
    out = NextOut(item=item, server_time=utcnow())
    return idem.remember(out.model_dump(mode="json"))


@router.get("/queue/items/{queue_item_id}", response_model=QueueItemOut)
def queue_item(queue_item_id: int, staff: ItemWorker, session: DbSession) -> QueueItemOut:
    return service.get_item(session, staff=staff, item_id=queue_item_id)


@router.post("/queue/items/{queue_item_id}/claim", response_model=QueueItemOut)
def claim(queue_item_id: int, staff: ItemWorker, session: DbSession, idem: Idempotency) -> dict:
    return idem.remember(service.claim(session, staff=staff, item_id=queue_item_id).model_dump(mode="json"))


@router.post("/queue/items/{queue_item_id}/renew", response_model=QueueItemOut)
def renew(queue_item_id: int, staff: ItemWorker, session: DbSession, idem: Idempotency) -> dict:
    return idem.remember(service.renew(session, staff=staff, item_id=queue_item_id).model_dump(mode="json"))


@router.post("/queue/items/{queue_item_id}/release", response_model=QueueItemOut)
def release(queue_item_id: int, staff: ItemWorker, session: DbSession, idem: Idempotency,
            body: ReleaseIn | None = None) -> dict:
    item = service.release(session, staff=staff, item_id=queue_item_id, note=body.note if body else None)
    return idem.remember(item.model_dump(mode="json"))


@router.post("/queue/items/{queue_item_id}/handoff", response_model=QueueItemOut)
def handoff(queue_item_id: int, body: HandoffIn, staff: ItemWorker, session: DbSession, idem: Idempotency) -> dict:
    """The holder hands the item to a named colleague; a supervisor may reassign anyone's item."""
    item = service.handoff(session, staff=staff, item_id=queue_item_id, to_staff_id=body.to_staff_id,
                           note=body.note)
    return idem.remember(item.model_dump(mode="json"))
