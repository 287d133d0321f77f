"""Per-policy thresholds: reading, setting (supervisors), and the preview that
shows what a threshold would have done, from past moderator decisions.

The preview replays decided detector flags of the policy: a flag whose score
reaches the candidate threshold "would have been raised". It was a true
positive when the moderator's decision label for the listing names the
policy (or, without a label, when the flag was actioned) and a false one
when the listing was judged ``ok`` or another policy (or the flag was
dismissed). Volume counts every detector flag of the policy raised in the
last 30 days at or above the threshold, per day. Flags exist only for scores
that reached the threshold of their day, so below ``observed_min_score`` the
figures are a lower bound: the response says so instead of guessing.
"""

from __future__ import annotations

import zlib
from bisect import bisect_left
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import advisory_lock, utcnow
from backend.detection.detector import DEFAULT_THRESHOLDS
from backend.errors import InvalidInput
from backend.flags.models import Flag, FlagSource, FlagStatus
from backend.screening.models import DecisionLabel, PolicyThreshold
from backend.staff.models import Staff
from backend.versioning import ensure_version

WINDOW_DAYS = 30
GRID = tuple(round(0.30 + 0.01 * i, 2) for i in range(70))  # 0.30 .. 0.99


def ensure_policy(policy: str) -> str:
    if policy not in DEFAULT_THRESHOLDS:
        raise InvalidInput(f"policy must be one of {', '.join(DEFAULT_THRESHOLDS)}", field="policy")
    return policy


def threshold_rows(session: Session) -> list[dict[str, Any]]:
    """Every policy's thresholds; ``version`` 0 means the built-in default is in force."""
    stored = {row.policy: row for row in session.scalars(select(PolicyThreshold))}
    out = []
    for policy, (flag_at, suspend_at) in DEFAULT_THRESHOLDS.items():
        row = stored.get(policy)
        out.append({"policy": policy, "flag_at": row.flag_at if row else flag_at,
                    "suspend_at": row.suspend_at if row else suspend_at,
                    "default_flag_at": flag_at, "default_suspend_at": suspend_at,
                    "updated_by_id": row.updated_by_id if row else None,
                    "updated_at": row.updated_at if row else None, "version": row.version if row else 0})
    return out


def set_threshold(session: Session, *, policy: str, flag_at: float, suspend_at: float, version: int,
                  actor: Staff, reason: str | None = None) -> PolicyThreshold:
    """Store a policy's thresholds (0 < flag_at <= suspend_at <= 1); ``version`` is the one the
    supervisor saw (0 for the default), so two supervisors cannot silently overwrite each other."""
    ensure_policy(policy)
    if not 0 < flag_at <= 1:
        raise InvalidInput("flag_at must be above 0 and at most 1", field="flag_at")
    if not flag_at <= suspend_at <= 1:
        raise InvalidInput("suspend_at must be at least flag_at and at most 1", field="suspend_at")
    advisory_lock(session, zlib.crc32(f"policy_threshold:{policy}".encode()))  # first save: no row to lock yet
    row = session.scalar(select(PolicyThreshold).where(PolicyThreshold.policy == policy).with_for_update())
    ensure_version(row.version if row else 0, version)
    default_flag, default_suspend = DEFAULT_THRESHOLDS[policy]
    before = {"flag_at": row.flag_at if row else default_flag, "suspend_at": row.suspend_at if row else default_suspend}
    if row is None:
        row = PolicyThreshold(policy=policy, flag_at=flag_at, suspend_at=suspend_at)
        session.add(row)
    row.flag_at, row.suspend_at = flag_at, suspend_at
    row.updated_by_id, row.updated_at = actor.id, utcnow()
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="detector.threshold.set",
                 target_type="policy_threshold", target_id=policy, before=before,
                 after={"flag_at": flag_at, "suspend_at": suspend_at, "version": row.version},
                 reason=(reason or "").strip() or None)
    return row


class _Replay:
    """Decided flags and recent flag scores, sorted, so each threshold is two binary searches."""

    def __init__(self, decided: list[tuple[float, bool]], recent: list[float]) -> None:
        decided.sort()
        self.scores = [score for score, _ in decided]
        # positives_from[i]: true positives among decided[i:]
        self.positives_from = [0] * (len(decided) + 1)
        for i in range(len(decided) - 1, -1, -1):
            self.positives_from[i] = self.positives_from[i + 1] + decided[i][1]
        self.recent = sorted(recent)

    def point(self, threshold: float) -> dict[str, Any]:
        start = bisect_left(self.scores, threshold)
        tp = self.positives_from[start]
        fp = len(self.scores) - start - tp
        volume = len(self.recent) - bisect_left(self.recent, threshold)
        return {"threshold": threshold, "precision": round(tp / (tp + fp), 4) if tp + fp else None,
                "true_positives": tp, "false_positives": fp,
                "flags_per_day": round(volume / WINDOW_DAYS, 2), "flags_in_window": volume}


def _history(session: Session, policy: str) -> tuple[_Replay, float | None]:
    """Replay data for ``policy``'s detector flags, and the lowest score any of them had."""
    since = utcnow() - timedelta(days=WINDOW_DAYS)
    rows = session.execute(
        select(Flag.id, Flag.score, Flag.status, Flag.created_at, DecisionLabel.id, DecisionLabel.label)
        .outerjoin(DecisionLabel, DecisionLabel.listing_id == Flag.listing_id)
        .where(Flag.source == FlagSource.detector, Flag.policy == policy)
    ).all()
    flags: dict[int, tuple[float, str, Any]] = {}
    latest_label: dict[int, tuple[int, str]] = {}
    for flag_id, score, status, created_at, label_id, label in rows:
        flags[flag_id] = (score, status, created_at)
        if label_id is not None and (flag_id not in latest_label or label_id > latest_label[flag_id][0]):
            latest_label[flag_id] = (label_id, label)
    decided: list[tuple[float, bool]] = []
    recent: list[float] = []
    for flag_id, (score, status, created_at) in flags.items():
        if created_at >= since:
            recent.append(score)
        if status == FlagStatus.open:
            continue
        label = latest_label.get(flag_id)
        decided.append((score, label[1] == policy if label else status == FlagStatus.actioned))
    lowest = min((score for score, _, _ in flags.values()), default=None)
    return _Replay(decided, recent), lowest


def preview(session: Session, *, policy: str, threshold: float | None = None) -> dict[str, Any]:
    """Precision and flag volume ``threshold`` would have given (see the module docstring),
    plus the same over a grid of thresholds for a curve."""
    ensure_policy(policy)
    if threshold is not None and not 0 < threshold <= 1:
        raise InvalidInput("threshold must be above 0 and at most 1", field="threshold")
    replay, lowest = _history(session, policy)
    current = next(row for row in threshold_rows(session) if row["policy"] == policy)
    return {
        "policy": policy, "window_days": WINDOW_DAYS, "decided_flags": len(replay.scores),
        "observed_min_score": round(lowest, 4) if lowest is not None else None,
        "current": {"flag_at": current["flag_at"], "suspend_at": current["suspend_at"]},
        "at_threshold": replay.point(threshold) if threshold is not None else None,
        "curve": [replay.point(t) for t in GRID],
    }
