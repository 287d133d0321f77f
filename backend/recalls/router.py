"""HTTP API of the recall-matching screen: thin wrappers over the services."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy import select

from backend.csv_safety import attachment
from backend.deps import DbSession, require
from backend.idempotency.guard import Idempotency
from backend.listings.models import Listing
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page, paginate
from backend.permissions import Permission
from backend.recalls import cpsc, csv_import, notices, report, service
from backend.recalls.models import Confidence, MatchStatus, Notice, Recall, RecallMatch, RecallStatus
from backend.recalls.schemas import (AffectedMember, Dashboard, DecisionIn, DecisionResult, ImportResult,
                                     MatchOut, MatchRunResult, NoticeOut, ProductOut, RecallDetail, RecallImportIn,
                                     RecallIn, RecallOut, RecallPatch, ReturnIn, SendResult)
from backend.staff.models import Staff

router = APIRouter(tags=["recalls"])
Reader = Annotated[Staff, Depends(require(Permission.read_recalls))]
Officer = Annotated[Staff, Depends(require(Permission.manage_recalls))]


def _recall_out(recall: Recall, counts: dict[str, int]) -> dict[str, Any]:
    return dict(
        id=recall.id, number=recall.number, source=recall.source, recall_date=recall.recall_date,
        title=recall.title, manufacturer=recall.manufacturer, status=recall.status, created_at=recall.created_at,
        requested_at=recall.requested_at, removal_due_at=recall.removal_due_at,
        removal_seconds_left=report.seconds_left(recall.removal_due_at),
        candidates=counts.get(MatchStatus.candidate, 0), confirmed=counts.get(MatchStatus.confirmed, 0),
        version=recall.version,
    )


def _detail(session: DbSession, recall: Recall) -> RecallDetail:
    counts = report.match_counts(session, [recall.id])[recall.id]
    return RecallDetail(
        **_recall_out(recall, counts), description=recall.description,
        manufacturer_contact=recall.manufacturer_contact, hazard=recall.hazard, remedy=recall.remedy,
        units=recall.units, sold_from=recall.sold_from, sold_to=recall.sold_to,
        products=[ProductOut.model_validate(p) for p in service.products_of(session, recall.id)],
    )


def _match_out(match: RecallMatch, listing: Listing) -> MatchOut:
    return MatchOut(
        id=match.id, recall_id=match.recall_id, listing_id=listing.id, listing_external_id=listing.external_id,
        listing_title=listing.title, listing_status=listing.status, seller_id=listing.seller_id, score=match.score,
        confidence=match.confidence, evidence=match.evidence, status=match.status, decided_by_id=match.decided_by_id,
        decided_at=match.decided_at, created_at=match.created_at, removal_due_at=match.removal_due_at,
        removal_seconds_left=report.seconds_left(match.removal_due_at)
        if report.removal_state(match, listing.status) in ("pending", "overdue") else None,
        removal_state=report.removal_state(match, listing.status), suspended_at=match.suspended_at,
        version=match.version,
    )


@router.get("/recalls", response_model=Page[RecallOut])
def list_recalls(
    _staff: Reader,
    session: DbSession,
    status: RecallStatus | None = None,
    q: Annotated[str | None, Query(max_length=100, description="words in the title or the recall number")] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> Page[RecallOut]:
    stmt = select(Recall)
    if status:
        stmt = stmt.where(Recall.status == status)
    if q:
        stmt = stmt.where(Recall.title.contains(q, autoescape=True) | (Recall.number == q))
    page = paginate(session, stmt, sort=Recall.created_at, id_col=Recall.id, cursor=cursor, limit=limit,
                    to_item=lambda row: row[0])
    counts = report.match_counts(session, [r.id for r in page.items])
    return Page[RecallOut](items=[RecallOut(**_recall_out(r, counts[r.id])) for r in page.items],
                           next_cursor=page.next_cursor)


@router.post("/recalls", response_model=RecallDetail, status_code=201)
def create_recall(body: RecallIn, staff: Officer, session: DbSession, idem: Idempotency) -> Any:
    recall = service.create_recall(session, data=body, actor_id=staff.id, actor_label=staff.username)
    return idem.remember(_detail(session, recall).model_dump(mode="json"), 201)


@router.post("/recalls/import", response_model=ImportResult)
def import_recalls(body: RecallImportIn, staff: Officer, session: DbSession, idem: Idempotency) -> Any:
    records = cpsc.parse(body.content) if body.format == "cpsc_json" else csv_import.parse(body.content)
    result = service.import_recalls(session, records=records, actor_id=staff.id, actor_label=staff.username)
    return idem.remember(ImportResult(created=result.created, skipped=result.skipped).model_dump(mode="json"))


@router.get("/recalls/{recall_id}", response_model=RecallDetail)
def get_recall(recall_id: int, _staff: Reader, session: DbSession) -> RecallDetail:
    return _detail(session, service.get_recall(session, recall_id))


@router.patch("/recalls/{recall_id}", response_model=RecallDetail)
def update_recall(recall_id: int, body: RecallPatch, staff: Officer, session: DbSession) -> RecallDetail:
    recall = service.update_recall(session, recall_id=recall_id, patch=body, staff=staff)
    return _detail(session, recall)


@router.post("/recalls/{recall_id}/match", response_model=MatchRunResult)
def run_matching(recall_id: int, staff: Officer, session: DbSession, idem: Idempotency) -> Any:
    run = service.run_matching(session, recall_id=recall_id, actor_id=staff.id, actor_label=staff.username)
    return idem.remember(MatchRunResult(**run.__dict__).model_dump(mode="json"))


@router.get("/recalls/{recall_id}/matches", response_model=Page[MatchOut])
def list_matches(
    recall_id: int,
    _staff: Reader,
    session: DbSession,
    status: MatchStatus | None = None,
    confidence: Confidence | None = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> Page[MatchOut]:
    """Best score first."""
    service.get_recall(session, recall_id)
    stmt = select(RecallMatch, Listing).join(Listing, Listing.id == RecallMatch.listing_id).where(
        RecallMatch.recall_id == recall_id)
    if status:
        stmt = stmt.where(RecallMatch.status == status)
    if confidence:
        stmt = stmt.where(RecallMatch.confidence == confidence)
    return paginate(session, stmt, sort=RecallMatch.score, id_col=RecallMatch.id, cursor=cursor, limit=limit,
                    to_item=lambda row: _match_out(row[0], row[1]))


@router.post("/recalls/{recall_id}/matches/decide", response_model=DecisionResult)
def decide(recall_id: int, body: DecisionIn, staff: Officer, session: DbSession, idem: Idempotency) -> Any:
    result = service.decide(session, recall_id=recall_id, refs=[(m.id, m.version) for m in body.matches],
                            decision=body.decision, reason=body.reason, staff=staff)
    listings = {l.id: l for l in session.scalars(
        select(Listing).where(Listing.id.in_([m.listing_id for m in result.decided])))}
    out = DecisionResult(decided=[_match_out(m, listings[m.listing_id]) for m in result.decided],
                         suspended_listing_ids=result.suspended_listing_ids)
    return idem.remember(out.model_dump(mode="json"))


@router.get("/recalls/{recall_id}/affected-members", response_model=list[AffectedMember])
def affected_members(recall_id: int, _staff: Reader, session: DbSession) -> list[AffectedMember]:
    return [AffectedMember(**a.__dict__) for a in notices.affected_members(session, recall_id=recall_id)]


@router.post("/recalls/{recall_id}/notices", response_model=SendResult)
def send_notices(recall_id: int, staff: Officer, session: DbSession, idem: Idempotency) -> Any:
    result = notices.send_notices(session, recall_id=recall_id, staff=staff)
    out = SendResult(sent=len(result.sent), already_sent=result.already_sent,
                     notices=[NoticeOut.model_validate(n) for n in result.sent])
    return idem.remember(out.model_dump(mode="json"))


@router.get("/notices", response_model=Page[NoticeOut])
def list_notices(
    _staff: Reader,
    session: DbSession,
    recall_id: int | None = None,
    member_id: int | None = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> Page[NoticeOut]:
    return paginate(session, notices.notices_query(recall_id=recall_id, member_id=member_id), sort=Notice.sent_at,
                    id_col=Notice.id, cursor=cursor, limit=limit, to_item=lambda row: NoticeOut.model_validate(row[0]))


@router.post("/notices/{notice_id}/read", response_model=NoticeOut)
def mark_read(notice_id: int, staff: Officer, session: DbSession, idem: Idempotency) -> Any:
    notice = notices.mark_read(session, notice_id=notice_id, staff=staff)
    return idem.remember(NoticeOut.model_validate(notice).model_dump(mode="json"))


@router.post("/notices/{notice_id}/acknowledge", response_model=NoticeOut)
def acknowledge(notice_id: int, staff: Officer, session: DbSession, idem: Idempotency) -> Any:
    notice = notices.acknowledge(session, notice_id=notice_id, staff=staff)
    return idem.remember(NoticeOut.model_validate(notice).model_dump(mode="json"))


@router.post("/notices/{notice_id}/return", response_model=NoticeOut)
def set_return(notice_id: int, body: ReturnIn, staff: Officer, session: DbSession, idem: Idempotency) -> Any:
    notice = notices.set_return(session, notice_id=notice_id, return_status=body.return_status,
                                version=body.version, staff=staff)
    return idem.remember(NoticeOut.model_validate(notice).model_dump(mode="json"))


@router.get("/recalls/{recall_id}/dashboard", response_model=Dashboard)
def dashboard(recall_id: int, _staff: Reader, session: DbSession) -> Dashboard:
    return report.dashboard(session, service.get_recall(session, recall_id))


@router.get("/recalls/{recall_id}/report.csv", response_class=Response,
            responses={200: {"content": {"text/csv": {}}, "description": "the manufacturer's report"}})
def report_csv(recall_id: int, _staff: Reader, session: DbSession) -> Response:
    recall = service.get_recall(session, recall_id)
    return Response(report.csv_report(session, recall), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": _attachment(f"recall-{recall.number}.csv")})


def _attachment(filename: str) -> str:
    """An ASCII fallback plus the exact name (RFC 6266), with no path pieces: recall numbers are imported text."""
    return attachment(filename, default="recall-report.csv")
