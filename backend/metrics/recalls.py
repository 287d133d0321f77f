"""A recall's notices over time: sent, read, acknowledged and returned per
bucket (each notice counted in the bucket its timestamp falls in), one
``GROUP BY`` per timestamp over the recall's notices (indexed by recall)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.metrics import buckets as b
from backend.recalls.models import Notice, ReturnStatus

STAGES = ("notified", "read", "acknowledged", "returned")


def recall_notices(session: Session, *, recall_id: int, win: b.Window) -> dict[str, Any]:
    dialect = session.get_bind().dialect.name
    columns = {"notified": (Notice.sent_at,), "read": (Notice.read_at,), "acknowledged": (Notice.acknowledged_at,),
               "returned": (Notice.returned_at, Notice.return_status == ReturnStatus.returned)}
    series: dict[str, list[int]] = {}
    before: dict[str, int] = {}
    for stage, (column, *conditions) in columns.items():
        bucket = b.index(column, win, dialect)
        counts = win.zeros()
        for i, n in session.execute(select(bucket, func.count())
                                    .where(Notice.recall_id == recall_id, b.in_window(column, win), *conditions)
                                    .group_by(bucket)):
            counts[int(i)] += n
        series[stage] = counts
        before[stage] = session.scalar(select(func.count()).where(
            Notice.recall_id == recall_id, column < win.start, *conditions)) or 0
    return {"recall_id": recall_id, "buckets": win.iso_starts(), "series": series, "before": before}
