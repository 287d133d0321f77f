"""The transparency report: what the marketplace did, and at whose request, in a period.

Every figure is a count of rows created in ``[from, to)`` (UTC), each taken
from the same table the corresponding list endpoint reads, so a figure can be
checked against its list:

* authority requests (registered in the period) by legal basis and outcome
  (pending, declined, approved, answered), with the median hours from
  registration to the first evidence package for the answered ones;
* takedowns by policy (reason code) and by source, each takedown counted
  once, first match wins: ``rights_owner`` (an accepted rights report links
  it), ``recall`` (reason recalled_product), ``authority`` (the listing was
  under an authority request's legal hold when it was taken down),
  ``detector`` (it actioned a detector flag), else ``moderator``;
* appeals filed, decided, overturned, and the overturn rate of those decided;
* rights-owner reports by outcome (open, accepted, rejected);
* recall notices sent, and products returned (notices marked returned in the period).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from statistics import median
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from backend.authority.models import AuthorityRequest, LegalBasis, LegalHold
from backend.csv_safety import safe_writer
from backend.enforcement.models import Appeal, AppealStatus, Takedown
from backend.enforcement.reasons import ReasonCode
from backend.errors import InvalidInput
from backend.flags.models import Flag, FlagSource
from backend.recalls.models import Notice, ReturnStatus
from backend.rights.models import ReportStatus, RightsReport

MAX_PERIOD = timedelta(days=3660)
SOURCES = ("rights_owner", "recall", "authority", "detector", "moderator")
OUTCOMES = ("pending", "declined", "approved", "answered")


def period(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    start = start.replace(tzinfo=UTC) if start.tzinfo is None else start.astimezone(UTC)
    end = end.replace(tzinfo=UTC) if end.tzinfo is None else end.astimezone(UTC)
    if end <= start:
        raise InvalidInput("'to' must be after 'from'", field="to")
    if end - start > MAX_PERIOD:
        raise InvalidInput("the period may be at most ten years", field="to")
    return start, end


def request_outcome(req: AuthorityRequest, approved: bool) -> str:
    if req.decided_at is None:
        return "pending"
    if req.answered_at is not None:
        return "answered"
    return "approved" if approved else "declined"


def _authority(session: Session, start: datetime, end: datetime) -> dict[str, Any]:
    rows = session.scalars(select(AuthorityRequest).where(
        AuthorityRequest.created_at >= start, AuthorityRequest.created_at < end)).all()
    approved = set(session.scalars(select(LegalHold.request_id).where(
        LegalHold.request_id.in_([r.id for r in rows])).distinct()))
    table = {basis.value: {outcome: 0 for outcome in OUTCOMES} for basis in LegalBasis}
    hours = []
    for req in rows:
        table[req.legal_basis][request_outcome(req, req.id in approved)] += 1
        if req.answered_at is not None:
            hours.append((req.answered_at - req.created_at).total_seconds() / 3600)
    return {"total": len(rows), "by_legal_basis": table,
            "median_response_hours": round(median(hours), 2) if hours else None, "answered": len(hours)}


def takedown_source(session: Session) -> Any:
    """A SQL expression naming each takedown's one source (module docstring)."""
    from sqlalchemy import case

    rights = exists().where(RightsReport.takedown_id == Takedown.id)
    held = exists().where(LegalHold.target_type == "listing", LegalHold.target_id == Takedown.listing_id,
                          LegalHold.placed_at <= Takedown.created_at,
                          (LegalHold.released_at.is_(None)) | (LegalHold.released_at > Takedown.created_at))
    detector = exists().where(Flag.id == Takedown.flag_id, Flag.source == FlagSource.detector)
    return case((rights, "rights_owner"), (Takedown.reason_code == ReasonCode.recalled_product, "recall"),
                (held, "authority"), (detector, "detector"), else_="moderator")


def _takedowns(session: Session, start: datetime, end: datetime) -> dict[str, Any]:
    in_period = (Takedown.created_at >= start, Takedown.created_at < end)
    by_policy = {code.value: 0 for code in ReasonCode}
    for code, count in session.execute(select(Takedown.reason_code, func.count()).where(*in_period)
                                       .group_by(Takedown.reason_code)):
        by_policy[code] = by_policy.get(code, 0) + count
    source = takedown_source(session).label("source")
    by_source = {name: 0 for name in SOURCES}
    for name, count in session.execute(select(source, func.count()).where(*in_period).group_by(source)):
        by_source[name] += count
    return {"total": sum(by_policy.values()), "by_policy": by_policy, "by_source": by_source}


def _appeals(session: Session, start: datetime, end: datetime) -> dict[str, Any]:
    counts = dict(session.execute(select(Appeal.status, func.count()).where(
        Appeal.created_at >= start, Appeal.created_at < end).group_by(Appeal.status)).all())
    overturned = counts.get(AppealStatus.overturned, 0)
    decided = overturned + counts.get(AppealStatus.upheld, 0)
    return {"filed": sum(counts.values()), "decided": decided, "upheld": counts.get(AppealStatus.upheld, 0),
            "overturned": overturned, "overturn_rate": round(overturned / decided, 4) if decided else None}


def _rights(session: Session, start: datetime, end: datetime) -> dict[str, Any]:
    counts = dict(session.execute(select(RightsReport.status, func.count()).where(
        RightsReport.created_at >= start, RightsReport.created_at < end).group_by(RightsReport.status)).all())
    by_outcome = {status.value: counts.get(status, 0) for status in ReportStatus}
    return {"total": sum(by_outcome.values()), "by_outcome": by_outcome}


def _recalls(session: Session, start: datetime, end: datetime) -> dict[str, Any]:
    sent = session.scalar(select(func.count()).select_from(Notice).where(
        Notice.sent_at >= start, Notice.sent_at < end)) or 0
    returned = session.scalar(select(func.count()).select_from(Notice).where(
        Notice.return_status == ReturnStatus.returned, Notice.returned_at >= start, Notice.returned_at < end)) or 0
    return {"notices_sent": sent, "products_returned": returned}


def transparency(session: Session, *, start: datetime, end: datetime) -> dict[str, Any]:
    start, end = period(start, end)
    return {
        "from": start.isoformat(), "to": end.isoformat(),
        "authority_requests": _authority(session, start, end),
        "takedowns": _takedowns(session, start, end),
        "appeals": _appeals(session, start, end),
        "rights_reports": _rights(session, start, end),
        "recalls": _recalls(session, start, end),
    }


def as_csv(report: dict[str, Any]) -> str:
    """One row per figure: section, group, key, value (formula-safe: backend/csv_safety.py)."""
    out = io.StringIO()
    writer = safe_writer(out)
    writer.writerow(["section", "group", "key", "value"])
    writer.writerow(["period", "", "from", report["from"]])
    writer.writerow(["period", "", "to", report["to"]])

    def walk(section: str, group: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if isinstance(inner, dict):
                    walk(section, key if not group else f"{group}.{key}", inner)
                else:
                    writer.writerow([section, group, key, "" if inner is None else inner])

    for section in ("authority_requests", "takedowns", "appeals", "rights_reports", "recalls"):
        walk(section, "", report[section])
    return out.getvalue()
