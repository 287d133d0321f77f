"""Screening messages as they arrive: the detector's verdict, and a flag in the
queue when a policy's threshold is reached (same transaction as the message)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from backend.messages.models import MessageFlag, TransactionMessage


@dataclass(frozen=True)
class Screened:
    flagged: bool
    policy: str | None
    score: float
    reasons: list[dict[str, Any]]
    flag_id: int | None


def detector() -> Any:
    from backend.detection.messages.training import built_in_detector

    return built_in_detector()


def screen_message(session: Session, message: TransactionMessage) -> Screened:
    verdict = detector().score(message.text)
    if not verdict.flagged:
        return Screened(False, None, verdict.score, [], None)
    flag = MessageFlag(message_id=message.id, source="detector", policy=verdict.policy, score=round(verdict.score, 4),
                       reasons=verdict.reasons, detector=detector().version, created_at=message.created_at)
    session.add(flag)
    session.flush()
    return Screened(True, verdict.policy, verdict.score, verdict.reasons, flag.id)
