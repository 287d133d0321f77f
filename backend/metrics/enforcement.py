"""Enforcement and detection over time, per policy.

* ``flags``: flags raised in each bucket (every source), per policy.
* ``takedowns``: takedowns made in each bucket, per reason code (the six
  policies, ``recalled_product``, ``other``); reversed ones still count: they
  were made.
* ``dismissals``: flags dismissed in each bucket, per policy.
* ``appeals_overturned``: appeals decided "overturned" in each bucket.
* ``detector_precision``: of the detector's flags that moderators decided in
  the bucket, the share actioned (taken down) rather than dismissed; ``null``
  where none was decided.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from backend.enforcement.models import Appeal, AppealStatus, Takedown
from backend.flags.models import Flag, FlagSource, FlagStatus, Policy
from backend.metrics import buckets as b

POLICIES = [p.value for p in Policy]


def _grouped(session: Session, win: b.Window, key: Any, column: Any, *conditions: Any) -> dict[str, list[int]]:
    bucket = b.index(column, win, session.get_bind().dialect.name)
    series = {policy: win.zeros() for policy in POLICIES}
    for group, i, n in session.execute(select(key, bucket, func.count())
                                       .where(b.in_window(column, win), *conditions).group_by(key, bucket)):
        series.setdefault(group, win.zeros())[int(i)] += n
    return series


def enforcement(session: Session, *, win: b.Window) -> dict[str, Any]:
    dialect = session.get_bind().dialect.name
    overturned = win.zeros()
    bucket = b.index(Appeal.decided_at, win, dialect)
    for i, n in session.execute(select(bucket, func.count())
                                .where(b.in_window(Appeal.decided_at, win), Appeal.status == AppealStatus.overturned)
                                .group_by(bucket)):
        overturned[int(i)] += n
    return {
        "buckets": win.iso_starts(),
        "series": {
            "flags": _grouped(session, win, Flag.policy, Flag.created_at),
            "takedowns": _grouped(session, win, Takedown.reason_code, Takedown.created_at),
            "dismissals": _grouped(session, win, Flag.policy, Flag.decided_at, Flag.status == FlagStatus.dismissed),
            "appeals_overturned": overturned,
        },
        "detector_precision": precision(session, win=win),
    }


def precision(session: Session, *, win: b.Window) -> dict[str, list[float | None]]:
    bucket = b.index(Flag.decided_at, win, session.get_bind().dialect.name)
    actioned = func.sum(case((Flag.status == FlagStatus.actioned, 1), else_=0))
    rows = session.execute(
        select(Flag.policy, bucket, actioned, func.count())
        .where(b.in_window(Flag.decided_at, win), Flag.source == FlagSource.detector,
               Flag.status.in_([FlagStatus.actioned, FlagStatus.dismissed]))
        .group_by(Flag.policy, bucket)).all()
    result: dict[str, list[float | None]] = {policy: [None] * win.count for policy in POLICIES}
    for policy, i, hits, decided in rows:
        result.setdefault(policy, [None] * win.count)[int(i)] = round(int(hits) / decided, 4) if decided else None
    return result
