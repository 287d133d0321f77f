"""Listings arriving from the marketplace: new ones and edits, each screened.

The marketplace integration calls these through ``POST /listings`` and
``PATCH /listings/{id}``; both run the detector and the recall check in the
same transaction as the write, so a listing is never stored unscreened.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import utcnow
from backend.errors import Conflict, NotFound
from backend.listings.keys import gtin14, normalise_model
from backend.listings.models import Listing, ListingStatus
from backend.listings.schemas import ListingIn, ListingPatch
from backend.members.models import Member
from backend.screening.service import ScreeningResult, screen_new_listing
from backend.staff.models import Staff
from backend.versioning import ensure_version

EDITABLE = frozenset({ListingStatus.active, ListingStatus.suspended})


def _seller(session: Session, data: ListingIn, actor: Staff) -> Member:
    member = session.scalar(select(Member).where(Member.external_id == data.seller_external_id))
    if member is not None:
        return member
    member = Member(external_id=data.seller_external_id,
                    display_name=data.seller_display_name or data.seller_external_id,
                    joined_at=data.seller_joined_at or utcnow())
    session.add(member)
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="member.create",
                 target_type="member", target_id=member.id,
                 after={"external_id": member.external_id, "joined_at": member.joined_at},
                 reason="first listing submitted by the marketplace")
    return member


def create_listing(session: Session, *, data: ListingIn, actor: Staff) -> tuple[Listing, ScreeningResult]:
    """Store a new listing and screen it; a repeated ``external_id`` is a conflict."""
    if session.scalar(select(Listing.id).where(Listing.external_id == data.external_id)) is not None:
        raise Conflict(f"A listing with external_id {data.external_id!r} already exists.", code="duplicate",
                       field="external_id")
    seller = _seller(session, data, actor)
    listing = Listing(external_id=data.external_id, seller_id=seller.id, title=data.title,
                      description=data.description, category=data.category, brand=data.brand,
                      model_number=data.model_number, barcode=data.barcode, barcode_gtin=gtin14(data.barcode),
                      model_norm=normalise_model(data.model_number), price=data.price, condition=data.condition,
                      status=ListingStatus.active, created_at=utcnow())
    session.add(listing)
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="listing.create",
                 target_type="listing", target_id=listing.id,
                 after={"external_id": listing.external_id, "seller_id": seller.id, "title": listing.title,
                        "price": listing.price, "category": listing.category})
    return listing, screen_new_listing(session, listing)


def edit_listing(session: Session, *, listing_id: int, patch: ListingPatch,
                 actor: Staff) -> tuple[Listing, ScreeningResult | None]:
    """Apply the given fields if ``patch.version`` is current, then re-screen.

    Sold and removed listings are not editable. An edit that changes nothing
    writes nothing and screens nothing (a retried request).
    """
    listing = session.scalar(select(Listing).where(Listing.id == listing_id).with_for_update())
    if listing is None:
        raise NotFound(f"No listing with id {listing_id}.")
    ensure_version(listing.version, patch.version)
    if listing.status not in EDITABLE:
        raise Conflict(f"This listing is {listing.status}; only active or suspended listings can be edited.",
                       code="not_editable")
    wanted = {name: getattr(patch, name) for name in patch.model_fields_set if name != "version"}
    changes = {name: value for name, value in wanted.items() if getattr(listing, name) != value}
    if not changes:
        return listing, None
    before = {name: getattr(listing, name) for name in changes}
    for name, value in changes.items():
        setattr(listing, name, value)
    listing.barcode_gtin = gtin14(listing.barcode)
    listing.model_norm = normalise_model(listing.model_number)
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="listing.edit",
                 target_type="listing", target_id=listing.id, before=before,
                 after={**changes, "version": listing.version})
    return listing, screen_new_listing(session, listing)
