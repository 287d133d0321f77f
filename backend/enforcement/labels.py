"""Moderator decisions as training data for the detector.

A takedown is a positive example of its policy, a dismissal a negative
("ok") one. The text is exactly what the detector scores: title, newline,
description.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from backend.listings.models import Listing
from backend.screening.models import DecisionLabel

OK = "ok"


def record_label(session: Session, *, listing: Listing, label: str, source: str, now: datetime) -> DecisionLabel:
    row = DecisionLabel(listing_id=listing.id, text=f"{listing.title}\n{listing.description}", label=label,
                        source=source, created_at=now)
    session.add(row)
    return row
