"""Rights owners (supervisors register them) and their reports (rights owners
file and read their own; moderators read all and decide)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.deps import DbSession, require
from backend.enforcement.models import Takedown
from backend.idempotency.guard import Idempotency
from backend.listings.models import Listing
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page, paginate
from backend.permissions import Permission
from backend.rights import service
from backend.rights.models import ReportStatus, RightsOwner, RightsReport
from backend.rights.schemas import (
    AppealBrief,
    AppealResponseIn,
    CsvIn,
    DecisionIn,
    ImportOut,
    OwnerIn,
    OwnerOut,
    PublicListingOut,
    ReportIn,
    ReportOut,
)
from backend.staff.models import Role, Staff

router = APIRouter(tags=["rights owners"])
OwnerAdmin = Annotated[Staff, Depends(require(Permission.manage_rights_owners))]
Reporter = Annotated[Staff, Depends(require(Permission.report_rights))]
Reader = Annotated[Staff, Depends(require(Permission.read_rights_reports))]
Decider = Annotated[Staff, Depends(require(Permission.decide_rights_reports))]
ReportId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Cursor = Annotated[str | None, Query(max_length=200)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


def owner_out(session: Session, owner: RightsOwner) -> OwnerOut:
    account = session.get_one(Staff, owner.staff_id)
    return OwnerOut(id=owner.id, name=owner.name, marks=owner.marks, ownership_evidence=owner.ownership_evidence,
                    staff_id=owner.staff_id, username=account.username, created_at=owner.created_at)


def report_out(session: Session, row: RightsReport, staff: Staff) -> ReportOut:
    """The report as ``staff`` may see it: a rights owner gets the public listing and nothing about the seller."""
    listing = session.get(Listing, row.listing_id)
    owner = session.get_one(RightsOwner, row.owner_id)
    takedown = session.get(Takedown, row.takedown_id) if row.takedown_id else None
    appeal = service.appeal_of(session, row)
    out = ReportOut(
        id=row.id, owner_id=row.owner_id, owner_name=owner.name,
        listing=PublicListingOut(**service.public_listing(listing)) if listing else None, mark=row.mark,
        evidence=row.evidence, status=ReportStatus(row.status), created_at=row.created_at,
        decided_at=row.decided_at, decision_reason=row.decision_reason, takedown_id=row.takedown_id,
        takedown_in_force=(takedown.reversed_at is None) if takedown else None,
        appeal=AppealBrief(id=appeal.id, status=appeal.status, statement=appeal.statement,
                           created_at=appeal.created_at, decided_at=appeal.decided_at) if appeal else None,
        appeal_response=row.appeal_response, appeal_responded_at=row.appeal_responded_at, version=row.version)
    if staff.role != Role.rights_owner:
        out.seller_id = listing.seller_id if listing else None
        out.decided_by_id, out.claimed_by_id = row.decided_by_id, row.claimed_by_id
    return out


@router.post("/rights-owners", response_model=OwnerOut, status_code=201)
def register_owner(body: OwnerIn, staff: OwnerAdmin, idem: Idempotency, session: DbSession) -> Any:
    """Register a rights owner with the marks it holds, and create its account (role rights_owner)."""
    owner = service.register_owner(session, name=body.name, marks=body.marks, username=body.username,
                                   password=body.password, actor=staff, ownership_evidence=body.ownership_evidence)
    return idem.remember(owner_out(session, owner).model_dump(mode="json"), 201)


@router.get("/rights-owners", response_model=list[OwnerOut])
def list_owners(_staff: OwnerAdmin, session: DbSession) -> list[OwnerOut]:
    return [owner_out(session, o) for o in session.scalars(select(RightsOwner).order_by(RightsOwner.name))]


@router.post("/rights-reports", response_model=ReportOut, status_code=201,
             responses={200: {"model": ReportOut, "description": "the same open report already exists"}})
def file_report(body: ReportIn, staff: Reporter, idem: Idempotency, session: DbSession, response: Response) -> Any:
    result = service.report(session, staff=staff, listing_id=body.listing_id, mark=body.mark, evidence=body.evidence)
    response.status_code = 201 if result.created else 200
    return idem.remember(report_out(session, result.report, staff).model_dump(mode="json"), response.status_code)


@router.post("/rights-reports/import", response_model=ImportOut, status_code=201)
def import_reports(body: CsvIn, staff: Reporter, idem: Idempotency, session: DbSession) -> Any:
    """Bulk reports from CSV with the columns listing_id, mark, evidence; all or nothing."""
    results = service.import_csv(session, staff=staff, text=body.csv)
    out = ImportOut(created=sum(r.created for r in results), unchanged=sum(not r.created for r in results),
                    report_ids=[r.report.id for r in results])
    return idem.remember(out.model_dump(mode="json"), 201)


@router.get("/rights-reports", response_model=Page[ReportOut])
def list_reports(staff: Reader, session: DbSession, status: ReportStatus | None = None,
                 listing_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
                 cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT) -> Any:
    """Moderators: every report; a rights owner: only its own."""
    stmt = service.reports_query(session, staff)
    if status is not None:
        stmt = stmt.where(RightsReport.status == status)
    if listing_id is not None:
        stmt = stmt.where(RightsReport.listing_id == listing_id)
    return paginate(session, stmt, sort=RightsReport.created_at, id_col=RightsReport.id, cursor=cursor, limit=limit,
                    to_item=lambda row: report_out(session, row[0], staff))


@router.get("/rights-reports/{report_id}", response_model=ReportOut)
def get_report(report_id: ReportId, staff: Reader, session: DbSession) -> ReportOut:
    return report_out(session, service.get_report(session, report_id=report_id, staff=staff), staff)


@router.post("/rights-reports/{report_id}/decision", response_model=ReportOut)
def decide(report_id: ReportId, body: DecisionIn, staff: Decider, idem: Idempotency, session: DbSession) -> Any:
    """Accept (takedown for counterfeit, linked to the report, with the usual cascade) or reject, with a reason."""
    result = service.decide(session, report_id=report_id, outcome=body.outcome, reason=body.reason, actor=staff,
                            version=body.version)
    return idem.remember(report_out(session, result.report, staff).model_dump(mode="json"), 200)


@router.post("/rights-reports/{report_id}/appeal-response", response_model=ReportOut)
def respond_to_appeal(report_id: ReportId, body: AppealResponseIn, staff: Reporter, idem: Idempotency,
                      session: DbSession) -> Any:
    """The rights owner answers the seller's appeal against the takedown, before a moderator decides it."""
    row = service.respond_to_appeal(session, report_id=report_id, response=body.response, staff=staff)
    return idem.remember(report_out(session, row, staff).model_dump(mode="json"), 200)
