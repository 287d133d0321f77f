"""Recalls: registering them, running the matcher, deciding candidates
(confirming suspends the listing), and screening new listings against every
open recall. Services flush; the request or CLI command commits."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import utcnow
from backend.errors import Conflict, InvalidInput, NotFound
from backend.listings.keys import gtin14, normalise_model
from backend.listings.models import Listing, ListingStatus
from backend.recalls import matcher, terms
from backend.recalls.deadlines import removal_deadline
from backend.recalls.extract import barcodes, model_numbers
from backend.recalls.models import MatchStatus, Recall, RecallMatch, RecallProduct, RecallStatus, RecallTerm
from backend.recalls.schemas import RecallIn, RecallPatch
from backend.recalls.text import TYPE
from backend.staff.models import Staff
from backend.text.fold import fold
from backend.versioning import ensure_version

SUSPEND_REASON = "recalled product"
MAX_STORED = 5000
SYSTEM = "recall-screening"


def get_recall(session: Session, recall_id: int, *, lock: bool = False) -> Recall:
    stmt = select(Recall).where(Recall.id == recall_id)
    recall = session.scalar(stmt.with_for_update() if lock else stmt)
    if recall is None:
        raise NotFound(f"No recall with id {recall_id}.")
    return recall


def recall_by_number(session: Session, number: str) -> Recall:
    recall = session.scalar(select(Recall).where(Recall.number == number))
    if recall is None:
        raise NotFound(f"No recall numbered {number!r}.")
    return recall


def products_of(session: Session, recall_id: int) -> list[RecallProduct]:
    return list(session.scalars(select(RecallProduct).where(RecallProduct.recall_id == recall_id)
                                .order_by(RecallProduct.id)))


def _products(data: RecallIn) -> list[RecallProduct]:
    """The typed products, plus model numbers and barcodes that only the prose
    names (feeds keep most of them there)."""
    products: list[RecallProduct] = []
    models, codes = set(), set()
    first = data.products[0] if data.products else None
    for p in data.products:
        code = gtin14(p.barcode)
        if p.barcode and code is None:
            raise InvalidInput(f"barcode {p.barcode!r} is not an 8-, 12-, 13- or 14-digit code", field="products")
        products.append(RecallProduct(name=p.name, brand=p.brand, model_number=p.model_number,
                                      model_norm=normalise_model(p.model_number), barcode=p.barcode, gtin=code))
        models.add(normalise_model(p.model_number))
        codes.add(code)
    name = first.name if first else None
    brand = (first.brand if first else None) or data.manufacturer
    text = fold(f"{data.title}\n{data.description}")
    for found in model_numbers(text):
        if found.labelled and found.key not in models:
            models.add(found.key)
            products.append(RecallProduct(name=name, brand=brand, model_number=found.raw.upper(),
                                          model_norm=found.key))
    for found in barcodes(text):
        if found.key not in codes:
            codes.add(found.key)
            products.append(RecallProduct(name=name, brand=brand, barcode=found.raw, gtin=found.key))
    if not products:
        products.append(RecallProduct(name=name or data.title, brand=brand))
    return products


def create_recall(session: Session, *, data: RecallIn, actor_id: int | None, actor_label: str) -> Recall:
    """Register a recall; its removal clock starts at ``requested_at`` (default now)."""
    if session.scalar(select(Recall.id).where(Recall.number == data.number)) is not None:
        raise Conflict(f"Recall {data.number} is already registered.", code="duplicate", field="number")
    if data.requested_at is not None and data.requested_at.tzinfo is None:
        raise InvalidInput("requested_at needs a time zone (e.g. +09:00)", field="requested_at")
    requested = (data.requested_at or utcnow()).astimezone(UTC)
    recall = Recall(
        source=data.source, number=data.number, recall_date=data.recall_date, title=data.title,
        description=data.description, manufacturer=data.manufacturer,
        manufacturer_contact=data.manufacturer_contact, hazard=data.hazard, remedy=data.remedy, units=data.units,
        sold_from=data.sold_from, sold_to=data.sold_to, raw=data.raw, status=RecallStatus.open,
        requested_at=requested, removal_due_at=removal_deadline(requested),
    )
    session.add(recall)
    session.flush()
    products = _products(data)
    for product in products:
        product.recall_id = recall.id
    session.add_all(products)
    session.flush()
    audit.record(session, actor_id=actor_id, actor_label=actor_label, action="recall.create", target_type="recall",
                 target_id=recall.id, after={"number": recall.number, "title": recall.title,
                                             "products": len(products),
                                             "removal_due_at": recall.removal_due_at.isoformat()})
    index_recall(session, recall)
    return recall


@dataclass
class ImportReport:
    created: list[str]
    skipped: list[str]


def import_recalls(session: Session, *, records: Sequence[RecallIn], actor_id: int | None,
                   actor_label: str) -> ImportReport:
    """Create every record not yet registered; ones already known are skipped, so
    re-importing a feed is harmless."""
    report = ImportReport([], [])
    seen: set[str] = set()
    for data in records:
        exists = session.scalar(select(Recall.id).where(Recall.number == data.number)) is not None
        if exists or data.number in seen:
            report.skipped.append(data.number)
            continue
        seen.add(data.number)
        create_recall(session, data=data, actor_id=actor_id, actor_label=actor_label)
        report.created.append(data.number)
    return report


def update_recall(session: Session, *, recall_id: int, patch: RecallPatch, staff: Staff) -> Recall:
    recall = get_recall(session, recall_id, lock=True)
    ensure_version(recall.version, patch.version)
    changes = patch.model_dump(exclude_unset=True, exclude={"version"})
    if "requested_at" in changes and changes["requested_at"] is not None and changes["requested_at"].tzinfo is None:
        raise InvalidInput("requested_at needs a time zone (e.g. +09:00)", field="requested_at")
    before = {k: getattr(recall, k) for k in changes}
    for key, value in changes.items():
        if value is None and key in ("status", "requested_at"):
            continue
        setattr(recall, key, value.astimezone(UTC) if key == "requested_at" else value)
    if changes.get("requested_at"):
        recall.removal_due_at = removal_deadline(recall.requested_at)
    session.flush()
    if "status" in changes:
        index_recall(session, recall)
    audit.record(session, actor_id=staff.id, actor_label=staff.username, action="recall.update",
                 target_type="recall", target_id=recall.id, before=before,
                 after={k: getattr(recall, k) for k in changes})
    return recall


def removal_due(recall: Recall, found_at: datetime) -> datetime | None:
    """The recall's own deadline, or, for a listing found after it passed (a
    recalled product listed next month), 2 business days from finding it."""
    if recall.removal_due_at is None:
        return None
    return recall.removal_due_at if found_at <= recall.removal_due_at else removal_deadline(found_at)


@dataclass
class RunReport:
    recall_id: int
    candidates: int
    new: int
    updated: int
    by_confidence: dict[str, int]
    elapsed_ms: float


def run_matching(session: Session, *, recall_id: int, actor_id: int | None, actor_label: str) -> RunReport:
    """Match the recall against every listing and store the candidates.

    Undecided candidates are refreshed; confirmed or rejected ones keep the
    officer's decision."""
    started = time.perf_counter()
    recall = get_recall(session, recall_id, lock=True)
    terms.index_new_listings(session)
    found = matcher.match(session, matcher.load_profile(session, recall))[:MAX_STORED]
    existing = {m.listing_id: m for m in session.scalars(
        select(RecallMatch).where(RecallMatch.recall_id == recall.id))}
    now = utcnow()
    new = updated = 0
    for candidate in found:
        match = existing.get(candidate.listing_id)
        if match is None:
            session.add(RecallMatch(recall_id=recall.id, listing_id=candidate.listing_id, score=candidate.score,
                                    confidence=candidate.confidence, evidence=candidate.evidence_json(),
                                    status=MatchStatus.candidate, created_at=now,
                                    removal_due_at=removal_due(recall, now)))
            new += 1
        elif match.status == MatchStatus.candidate and (match.score, match.confidence) != (
                candidate.score, candidate.confidence):
            match.score, match.confidence = candidate.score, candidate.confidence
            match.evidence = candidate.evidence_json()
            updated += 1
    session.flush()
    by_confidence = dict(Counter(c.confidence.value for c in found))
    audit.record(session, actor_id=actor_id, actor_label=actor_label, action="recall.match", target_type="recall",
                 target_id=recall.id, after={"candidates": len(found), "new": new, "updated": updated,
                                             "by_confidence": by_confidence})
    return RunReport(recall.id, len(found), new, updated, by_confidence,
                     round((time.perf_counter() - started) * 1000, 1))


def _suspend(session: Session, listing: Listing, *, recall: Recall, staff: Staff) -> bool:
    if listing.status != ListingStatus.active:
        return False
    listing.status = ListingStatus.suspended
    session.flush()
    audit.record(session, actor_id=staff.id, actor_label=staff.username, action="listing.suspend",
                 target_type="listing", target_id=listing.id, before={"status": ListingStatus.active},
                 after={"status": ListingStatus.suspended, "recall": recall.number}, reason=SUSPEND_REASON)
    return True


def _reinstate(session: Session, listing: Listing, *, recall: Recall, staff: Staff, reason: str) -> None:
    listing.status = ListingStatus.active
    session.flush()
    audit.record(session, actor_id=staff.id, actor_label=staff.username, action="listing.reinstate",
                 target_type="listing", target_id=listing.id, before={"status": ListingStatus.suspended},
                 after={"status": ListingStatus.active, "recall": recall.number}, reason=reason)


@dataclass
class DecisionReport:
    decided: list[RecallMatch]
    suspended_listing_ids: list[int]


def decide(session: Session, *, recall_id: int, refs: Sequence[tuple[int, int | None]], decision: str,
           reason: str | None, staff: Staff) -> DecisionReport:
    """Confirm or reject candidates in one transaction. Confirming suspends an
    active listing ("recalled product"); rejecting a confirmed match reinstates
    a listing this recall suspended. Repeating a decision changes nothing."""
    if decision not in ("confirm", "reject"):
        raise InvalidInput("decision is confirm or reject", field="decision")
    recall = get_recall(session, recall_id)
    ids = [match_id for match_id, _ in refs]
    if len(set(ids)) != len(ids):
        raise InvalidInput("a match is listed twice", field="matches")
    matches = {m.id: m for m in session.scalars(
        select(RecallMatch).where(RecallMatch.id.in_(ids)).with_for_update())}
    for match_id, version in refs:
        match = matches.get(match_id)
        if match is None or match.recall_id != recall.id:
            raise NotFound(f"No match {match_id} on recall {recall.number}.", field="matches")
        ensure_version(match.version, version)
    target = MatchStatus.confirmed if decision == "confirm" else MatchStatus.rejected
    now = utcnow()
    suspended: list[int] = []
    for match_id, _ in refs:
        match = matches[match_id]
        if match.status == target:
            continue
        listing = session.get(Listing, match.listing_id)
        assert listing is not None
        before = {"status": match.status}
        match.status, match.decided_by_id, match.decided_at = target, staff.id, now
        if target == MatchStatus.confirmed and _suspend(session, listing, recall=recall, staff=staff):
            match.suspended_at = now
            suspended.append(listing.id)
        elif target == MatchStatus.rejected and match.suspended_at is not None:
            if listing.status == ListingStatus.suspended:
                _reinstate(session, listing, recall=recall, staff=staff, reason=reason or "recall match rejected")
            match.suspended_at = None
        session.flush()
        audit.record(session, actor_id=staff.id, actor_label=staff.username, action=f"recall_match.{decision}",
                     target_type="recall_match", target_id=match.id, before=before,
                     after={"status": match.status, "listing_id": listing.id, "recall": recall.number},
                     reason=reason)
    return DecisionReport([matches[i] for i in ids], suspended)


_PROFILE_CACHE: dict[tuple[int, int, str, datetime], matcher.RecallProfile] = {}


def _profile(session: Session, key: tuple[int, int, str, datetime]) -> matcher.RecallProfile:
    """A recall's profile, ``key`` being its id, version, number and creation
    time: products never change after registration, so a profile is reused
    until the version moves, and another database's recall with the same id
    never hits."""
    if key not in _PROFILE_CACHE:
        if len(_PROFILE_CACHE) > 16384:
            _PROFILE_CACHE.clear()
        _PROFILE_CACHE[key] = matcher.load_profile(session, get_recall(session, key[0]))
    return _PROFILE_CACHE[key]


def index_recall(session: Session, recall: Recall) -> None:
    """(Re)write an open recall's terms in ``recall_terms``; a closed recall has none."""
    session.execute(delete(RecallTerm).where(RecallTerm.recall_id == recall.id))
    if recall.status != RecallStatus.open:
        return
    profile = matcher.load_profile(session, recall)
    _PROFILE_CACHE[(recall.id, recall.version, recall.number, recall.created_at)] = profile  # new listings need it next
    # a product type alone never makes a candidate (see matcher.TYPE_ONLY): "#stroller" would send
    # every stroller listed to every stroller recall
    rows = [{"term": t, "recall_id": recall.id} for t in sorted(profile.query_terms)
            if len(t) <= terms.MAX_TERM and not t.startswith(TYPE)]
    if rows:
        session.execute(insert(RecallTerm), rows)


def index_open_recalls(session: Session) -> int:
    """Index every open recall (after a migration or a vocabulary change)."""
    session.execute(delete(RecallTerm))
    open_recalls = session.scalars(select(Recall).where(Recall.status == RecallStatus.open)).all()
    for recall in open_recalls:
        index_recall(session, recall)
    return len(open_recalls)


def _recalls_sharing(session: Session, listing_terms: set[str]) -> list[tuple[int, int, str, datetime]]:
    """Id, version, number and creation time of the open recalls sharing a term with the listing."""
    shared = select(RecallTerm.recall_id).where(RecallTerm.term.in_(sorted(listing_terms))).distinct()
    return list(session.execute(select(Recall.id, Recall.version, Recall.number, Recall.created_at).where(
        Recall.id.in_(shared), Recall.status == RecallStatus.open).order_by(Recall.id)).all())


def check_new_listing(session: Session, listing: Listing) -> list[RecallMatch]:
    """Screen a new (or edited) listing against the open recalls, in the
    caller's transaction: index its terms, then score it against the recalls
    whose identifiers or words it shares (found through ``recall_terms``). New candidates go to the recall's
    review list with their removal deadline; nothing is suspended unreviewed."""
    listing_terms = terms.index_listing(session, listing)
    created: list[RecallMatch] = []
    now = utcnow()
    for key in _recalls_sharing(session, listing_terms):
        profile = _profile(session, key)
        candidate = matcher.score_listing(profile, listing)
        if candidate is None:
            continue
        if session.scalar(select(RecallMatch.id).where(RecallMatch.recall_id == profile.recall_id,
                                                       RecallMatch.listing_id == listing.id)) is not None:
            continue
        recall = get_recall(session, profile.recall_id)
        match = RecallMatch(recall_id=recall.id, listing_id=listing.id, score=candidate.score,
                            confidence=candidate.confidence, evidence=candidate.evidence_json(),
                            status=MatchStatus.candidate, created_at=now, removal_due_at=removal_due(recall, now))
        session.add(match)
        session.flush()
        audit.record(session, actor_id=None, actor_label=SYSTEM, action="recall_match.found",
                     target_type="recall_match", target_id=match.id,
                     after={"recall": recall.number, "listing_id": listing.id, "score": match.score,
                            "confidence": match.confidence})
        created.append(match)
    return created
