"""Claims are leases on queue items. Acting on an item someone else holds is
refused here, in one place, whatever endpoint the action comes through."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from sqlalchemy.orm import Session

from backend.db import utcnow
from backend.errors import Conflict
from backend.staff.models import Staff


class Claimable(Protocol):
    id: int
    claimed_by_id: int | None
    claim_expires_at: datetime | None


def holder(item: Claimable, *, now: datetime | None = None) -> int | None:
    """Who holds a live lease on the item, if anyone."""
    now = now or utcnow()
    if item.claimed_by_id is not None and item.claim_expires_at is not None and item.claim_expires_at > now:
        return item.claimed_by_id
    return None


def ensure_can_act(session: Session, item: Claimable, staff: Staff) -> None:
    """Refuse when another staff member holds a live claim on the item."""
    held_by = holder(item)
    if held_by is not None and held_by != staff.id:
        other = session.get(Staff, held_by)
        name = other.display_name if other else f"staff #{held_by}"
        raise Conflict(
            f"{name} is working on this item (claim until {item.claim_expires_at:%H:%M} UTC); "
            "ask them or a supervisor to hand it over.",
            code="claimed_by_other",
        )
