"""The recall dashboard, the removal countdown, and the manufacturer's CSV
report. The report carries listing ids and counts only: no member names,
ids, e-mail addresses, phone numbers or addresses leave the marketplace."""

from __future__ import annotations

import io
from collections import Counter
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.csv_safety import safe_writer
from backend.db import utcnow
from backend.listings.models import Listing, ListingStatus
from backend.recalls.notices import affected_members
from backend.recalls.models import MatchStatus, Notice, NoticeWhy, Recall, RecallMatch, ReturnStatus
from backend.recalls.schemas import Dashboard


def seconds_left(due: datetime | None, now: datetime | None = None) -> int | None:
    """Negative once the deadline has passed."""
    return None if due is None else int((due - (now or utcnow())).total_seconds())


def removal_state(match: RecallMatch, listing_status: str, now: datetime | None = None) -> str:
    """on_time / late (suspended before / after the deadline), pending / overdue
    (an active listing still up), or not_required (rejected, or not on sale)."""
    if match.status == MatchStatus.rejected:
        return "not_required"
    if match.suspended_at is not None:
        due = match.removal_due_at
        return "on_time" if due is None or match.suspended_at <= due else "late"
    if listing_status != ListingStatus.active:
        return "not_required"
    if match.removal_due_at is not None and (now or utcnow()) > match.removal_due_at:
        return "overdue"
    return "pending"


def dashboard(session: Session, recall: Recall) -> Dashboard:
    now = utcnow()
    rows = session.execute(select(RecallMatch, Listing.status).join(Listing, Listing.id == RecallMatch.listing_id)
                           .where(RecallMatch.recall_id == recall.id)).all()
    status = Counter(m.status for m, _ in rows)
    confidence = Counter(m.confidence for m, _ in rows if m.status != MatchStatus.rejected)
    removal = Counter(removal_state(m, s, now) for m, s in rows if m.status == MatchStatus.confirmed)
    removal["overdue"] += sum(1 for m, s in rows if m.status == MatchStatus.candidate
                              and removal_state(m, s, now) == "overdue")
    notices = session.scalars(select(Notice).where(Notice.recall_id == recall.id)).all()
    owners = {a.member_id for a in affected_members(session, recall_id=recall.id)}
    notified = {n.member_id for n in notices}
    returned = sum(1 for n in notices if n.return_status == ReturnStatus.returned)
    return Dashboard(
        recall_id=recall.id, number=recall.number,
        candidates=status[MatchStatus.candidate], confirmed=status[MatchStatus.confirmed],
        rejected=status[MatchStatus.rejected], by_confidence=dict(confidence),
        owners_identified=len(owners | notified), notified=len(notified),
        read=len({n.member_id for n in notices if n.read_at}),
        acknowledged=len({n.member_id for n in notices if n.acknowledged_at}),
        returned=returned, return_rate=round(returned / len(notices), 4) if notices else None,
        listings_suspended=sum(1 for m, _ in rows if m.suspended_at is not None),
        removals_pending=removal["pending"], removals_on_time=removal["on_time"], removals_late=removal["late"],
        removals_overdue=removal["overdue"], removal_due_at=recall.removal_due_at,
        removal_seconds_left=seconds_left(recall.removal_due_at, now),
    )


REPORT_COLUMNS = ("listing_external_id", "listing_status", "match_status", "confidence", "score", "found_at",
                  "removal_due_at", "suspended_at", "removal", "sellers_notified", "buyers_notified", "read",
                  "acknowledged", "returns_requested", "returned")


def csv_report(session: Session, recall: Recall) -> str:
    """Summary lines, then one line per confirmed listing with aggregated notice counts."""
    now = utcnow()
    summary = dashboard(session, recall)
    out = io.StringIO()
    writer = safe_writer(out)  # formula injection neutralised (backend/csv_safety.py)
    writer.writerow(["recall_number", recall.number])
    writer.writerow(["title", recall.title])
    writer.writerow(["manufacturer", recall.manufacturer or ""])
    for key, value in summary.model_dump().items():
        if key not in ("recall_id", "number", "by_confidence", "removal_seconds_left"):
            writer.writerow([key, "" if value is None else value])
    writer.writerow([])
    writer.writerow(REPORT_COLUMNS)
    counts: dict[int, Counter[str]] = {}
    for listing_id, why, read_at, ack_at, ret in session.execute(
            select(Notice.listing_id, Notice.why, Notice.read_at, Notice.acknowledged_at, Notice.return_status)
            .where(Notice.recall_id == recall.id)):
        c = counts.setdefault(listing_id, Counter())
        c["sellers" if why == NoticeWhy.posted else "buyers"] += 1
        c["read"] += read_at is not None
        c["ack"] += ack_at is not None
        c["requested"] += ret == ReturnStatus.requested
        c["returned"] += ret == ReturnStatus.returned
    for match, external_id, status in session.execute(
            select(RecallMatch, Listing.external_id, Listing.status)
            .join(Listing, Listing.id == RecallMatch.listing_id)
            .where(RecallMatch.recall_id == recall.id, RecallMatch.status == MatchStatus.confirmed)
            .order_by(RecallMatch.id)):
        c = counts.get(match.listing_id, Counter())
        writer.writerow([external_id, status, match.status, match.confidence, match.score,
                         match.created_at.isoformat(), _iso(match.removal_due_at), _iso(match.suspended_at),
                         removal_state(match, status, now), c["sellers"], c["buyers"], c["read"], c["ack"],
                         c["requested"], c["returned"]])
    return out.getvalue()


def _iso(value: datetime | None) -> str:
    return value.isoformat() if value else ""


def match_counts(session: Session, recall_ids: list[int]) -> dict[int, Counter[str]]:
    counts: dict[int, Counter[str]] = {rid: Counter() for rid in recall_ids}
    if recall_ids:
        for rid, status, n in session.execute(
                select(RecallMatch.recall_id, RecallMatch.status, func.count())
                .where(RecallMatch.recall_id.in_(recall_ids)).group_by(RecallMatch.recall_id, RecallMatch.status)):
            counts[rid][status] = n
    return counts
