"""``/metrics/*``: the supervisors' dashboards. Thin: parse the period, ask the query module."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from backend.deps import DbSession, require
from backend.metrics import buckets as b
from backend.metrics.enforcement import enforcement
from backend.metrics.operations import operations
from backend.metrics.recalls import recall_notices
from backend.permissions import Permission
from backend.recalls import service as recall_service
from backend.staff.models import Staff

router = APIRouter(tags=["metrics"])
Supervisor = Annotated[Staff, Depends(require(Permission.read_dashboards))]
RecallReader = Annotated[Staff, Depends(require(Permission.read_recalls))]
From = Annotated[datetime, Query(alias="from", description="start of the first bucket (ISO 8601; UTC if no offset)")]
To = Annotated[datetime, Query(description="end of the period, exclusive (ISO 8601)")]


@router.get("/metrics/operations")
def operations_metrics(_staff: Supervisor, session: DbSession, start: From, to: To,
                       bucket: b.Bucket = b.Bucket.hour) -> dict[str, Any]:
    """Backlog, SLA breaches and per-agent handling, per queue kind."""
    return operations(session, win=b.window(start, to, bucket))


@router.get("/metrics/enforcement")
def enforcement_metrics(_staff: Supervisor, session: DbSession, start: From, to: To,
                        bucket: b.Bucket = b.Bucket.day) -> dict[str, Any]:
    """Flags, takedowns, dismissals, overturned appeals and detector precision, per policy."""
    return enforcement(session, win=b.window(start, to, bucket))


@router.get("/metrics/recalls/{recall_id}")
def recall_metrics(recall_id: int, _staff: RecallReader, session: DbSession, start: From, to: To,
                   bucket: b.Bucket = b.Bucket.day) -> dict[str, Any]:
    """A recall's notices sent, read, acknowledged and returned per bucket (and before the period)."""
    recall_service.get_recall(session, recall_id)  # 404 for an unknown recall
    return recall_notices(session, recall_id=recall_id, win=b.window(start, to, bucket))
