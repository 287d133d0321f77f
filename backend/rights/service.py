"""Rights owners and their reports.

A rights owner is an external account (role ``rights_owner``) linked to one
:class:`RightsOwner`. Everything it reads goes through here and is cut to its
own reports and to the public fields of the listings it reported: never a
member's identity or contact details. Moderators accept a report (the
listing is taken down with reason ``counterfeit`` through the enforcement
service, with the whole cascade and a strike for the seller) or reject it
with a reason; a seller's appeal against that takedown is shown to the rights
owner, who may answer it while the appeal is open.
"""

from __future__ import annotations

import csv
import enum
import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import utcnow
from backend.enforcement import service as enforcement_service
from backend.enforcement.models import Appeal, AppealStatus
from backend.errors import Conflict, Forbidden, InvalidInput, NotFound
from backend.listings.models import Listing
from backend.queue.claims import ensure_can_act
from backend.rights import queue as _queue  # noqa: F401  (registers the queue kind)
from backend.rights.models import ReportStatus, RightsOwner, RightsReport
from backend.staff import service as staff_service
from backend.staff.models import Role, Staff
from backend.text_hygiene import clean, has_visible_text
from backend.versioning import ensure_version

MAX_TEXT = 4000
MAX_CSV_ROWS = 1000
#: The listing fields a rights owner may see: what any shopper sees, without the seller.
PUBLIC_LISTING_FIELDS = ("id", "external_id", "title", "description", "category", "brand", "model_number", "price",
                         "condition", "status", "created_at")


class Outcome(enum.StrEnum):
    accepted = "accepted"
    rejected = "rejected"


def _text(value: str | None, field: str, *, limit: int = MAX_TEXT) -> str:
    value = clean(value or "").strip()
    if not has_visible_text(value):
        raise InvalidInput(f"{field} must not be empty", field=field)
    if len(value) > limit:
        raise InvalidInput(f"{field} may be at most {limit} characters", field=field)
    return value


def _marks(marks: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for mark in marks:
        mark = clean(mark or "").strip()
        if has_visible_text(mark):
            seen.setdefault(mark.casefold(), mark[:128])
    if not seen:
        raise InvalidInput("name at least one mark the owner holds", field="marks")
    return list(seen.values())


def register_owner(session: Session, *, name: str, marks: list[str], username: str, password: str, actor: Staff,
                   ownership_evidence: str | None = None) -> RightsOwner:
    """A supervisor registers a rights owner and creates its account (role rights_owner)."""
    name = _text(name, "name", limit=200)
    marks = _marks(marks)
    evidence = clean(ownership_evidence).strip() if ownership_evidence else None
    account = staff_service.create_staff(session, username=username, password=password, role=Role.rights_owner.value,
                                         display_name=name, actor=actor)
    owner = RightsOwner(name=name, marks=marks, ownership_evidence=evidence or None, staff_id=account.id,
                        created_by_id=actor.id, created_at=utcnow())
    session.add(owner)
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="rights_owner.register",
                 target_type="rights_owner", target_id=owner.id,
                 after={"name": name, "marks": marks, "staff_id": account.id, "username": account.username})
    return owner


def owner_of(session: Session, staff: Staff) -> RightsOwner | None:
    if staff.role != Role.rights_owner:
        return None
    owner = session.scalar(select(RightsOwner).where(RightsOwner.staff_id == staff.id))
    if owner is None:
        raise Forbidden("This account is not linked to a registered rights owner; ask a supervisor.")
    return owner


def _reporting_owner(session: Session, staff: Staff) -> RightsOwner:
    owner = owner_of(session, staff)
    if owner is None:
        raise Forbidden("Only a rights owner's account reports listings as a rights owner.")
    return owner


@dataclass(frozen=True)
class ReportResult:
    report: RightsReport
    created: bool


def report(session: Session, *, staff: Staff, listing_id: int, mark: str, evidence: str) -> ReportResult:
    owner = _reporting_owner(session, staff)
    mark = _text(mark, "mark", limit=128)
    evidence = _text(evidence, "evidence")
    owned = {m.casefold(): m for m in owner.marks}
    if mark.casefold() not in owned:
        raise InvalidInput(f"{mark!r} is not one of your registered marks ({', '.join(owner.marks)})", field="mark")
    mark = owned[mark.casefold()]
    if session.get(Listing, listing_id) is None:
        raise NotFound(f"No listing with id {listing_id}.", field="listing_id")
    existing = session.scalar(select(RightsReport).where(
        RightsReport.owner_id == owner.id, RightsReport.listing_id == listing_id, RightsReport.mark == mark,
        RightsReport.status == ReportStatus.open))
    if existing is not None:
        return ReportResult(existing, created=False)
    row = RightsReport(owner_id=owner.id, listing_id=listing_id, mark=mark, evidence=evidence,
                       status=ReportStatus.open, created_at=utcnow())
    session.add(row)
    session.flush()
    audit.record(session, actor_id=staff.id, actor_label=staff.username, action="rights_report.file",
                 target_type="rights_report", target_id=row.id,
                 after={"owner_id": owner.id, "listing_id": listing_id, "mark": mark}, reason=evidence[:500])
    return ReportResult(row, created=True)


def import_csv(session: Session, *, staff: Staff, text: str) -> list[ReportResult]:
    """Bulk reports from CSV (columns listing_id, mark, evidence), all or nothing."""
    _reporting_owner(session, staff)
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = {(h or "").strip().lower() for h in reader.fieldnames or []}
    if not {"listing_id", "mark", "evidence"} <= header:
        raise InvalidInput("the CSV needs the columns listing_id, mark, evidence", field="csv")
    results = []
    for line, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "") for k, v in raw.items() if isinstance(v, str)}
        if len(results) >= MAX_CSV_ROWS:
            raise InvalidInput(f"at most {MAX_CSV_ROWS} reports per file; split it", field="csv")
        try:
            listing_id = int(row.get("listing_id", "").strip())
            if not 1 <= listing_id <= 2**31 - 1:
                raise ValueError
        except ValueError:
            raise InvalidInput(f"line {line}: listing_id must be a listing's id", field="csv") from None
        try:
            results.append(report(session, staff=staff, listing_id=listing_id, mark=row.get("mark", ""),
                                  evidence=row.get("evidence", "")))
        except (InvalidInput, NotFound) as exc:
            raise InvalidInput(f"line {line}: {exc.message}", field="csv") from None
    if not results:
        raise InvalidInput("the CSV has no reports", field="csv")
    return results


def reports_query(session: Session, staff: Staff) -> Any:
    """Reports the staff member may read: a rights owner only its own."""
    stmt = select(RightsReport)
    owner = owner_of(session, staff)
    if owner is not None:
        stmt = stmt.where(RightsReport.owner_id == owner.id)
    return stmt


def get_report(session: Session, *, report_id: int, staff: Staff, lock: bool = False) -> RightsReport:
    stmt = reports_query(session, staff).where(RightsReport.id == report_id)
    row = session.scalar(stmt.with_for_update() if lock else stmt)
    if row is None:  # another owner's report is "not found", not "forbidden": its existence is not theirs to know
        raise NotFound(f"No rights report with id {report_id}.")
    return row


def appeal_of(session: Session, row: RightsReport) -> Appeal | None:
    if row.takedown_id is None:
        return None
    return session.scalar(select(Appeal).where(Appeal.takedown_id == row.takedown_id))


def decide(session: Session, *, report_id: int, outcome: str, reason: str, actor: Staff,
           version: int | None = None, now: datetime | None = None) -> ReportResult:
    try:
        verdict = Outcome(outcome)
    except ValueError:
        raise InvalidInput("outcome must be accepted or rejected", field="outcome") from None
    reason = _text(reason, "reason")
    row = get_report(session, report_id=report_id, staff=actor, lock=True)
    if row.status == verdict and row.decided_by_id == actor.id:
        return ReportResult(row, created=False)
    if row.status != ReportStatus.open:
        raise Conflict(f"This report was already decided ({row.status}).", code="already_decided")
    ensure_version(row.version, version)
    ensure_can_act(session, row, actor)
    now = now or utcnow()
    owner = session.get_one(RightsOwner, row.owner_id)
    effects: dict[str, Any] = {}
    if verdict == Outcome.accepted:
        result = enforcement_service.take_down(
            session, listing_id=row.listing_id, reason_code="counterfeit", actor=actor, now=now,
            note=f"Rights owner report #{row.id} ({owner.name}, mark {row.mark}): {reason}"[:MAX_TEXT])
        row.takedown_id = result.takedown.id
        effects = {"takedown_id": result.takedown.id, "new_takedown": result.created}
    row.status = ReportStatus(verdict.value)
    row.decided_by_id, row.decided_at, row.decision_reason = actor.id, now, reason
    row.claimed_by_id = row.claim_expires_at = None
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action=f"rights_report.{verdict}",
                 target_type="rights_report", target_id=row.id, before={"status": ReportStatus.open},
                 after={"status": row.status, "listing_id": row.listing_id, **effects}, reason=reason)
    return ReportResult(row, created=True)


def respond_to_appeal(session: Session, *, report_id: int, response: str, staff: Staff) -> RightsReport:
    """The rights owner's answer to the seller's appeal, while a moderator has not decided it."""
    _reporting_owner(session, staff)
    response = _text(response, "response")
    row = get_report(session, report_id=report_id, staff=staff, lock=True)
    appeal = appeal_of(session, row)
    if appeal is None:
        raise Conflict("The seller has not appealed the takedown this report caused.", code="no_appeal")
    if appeal.status != AppealStatus.open:
        raise Conflict(f"The appeal was already decided ({appeal.status}).", code="already_decided")
    before = row.appeal_response
    row.appeal_response, row.appeal_responded_at = response, utcnow()
    session.flush()
    audit.record(session, actor_id=staff.id, actor_label=staff.username, action="rights_report.appeal_response",
                 target_type="rights_report", target_id=row.id,
                 before={"appeal_response": before} if before else None,
                 after={"appeal_id": appeal.id, "appeal_response": response})
    return row


def public_listing(listing: Listing) -> dict[str, Any]:
    return {name: getattr(listing, name) for name in PUBLIC_LISTING_FIELDS}
