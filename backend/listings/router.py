from __future__ import annotations

import enum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select

from backend.deps import DbSession, require
from backend.errors import NotFound
from backend.idempotency.guard import Idempotency
from backend.listings import service
from backend.listings.search import title_matches
from backend.listings.models import Listing, ListingStatus
from backend.listings.schemas import ListingIn, ListingOut, ListingPatch, ScreeningOut, SubmittedListingOut
from backend.screening.service import ScreeningResult
from backend.members.models import Member
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page, paginate
from backend.permissions import Permission
from backend.staff.models import Staff

router = APIRouter(tags=["listings"])
Reader = Annotated[Staff, Depends(require(Permission.read_marketplace))]
Submitter = Annotated[Staff, Depends(require(Permission.submit_listings))]


class ListingSort(enum.StrEnum):
    created_at = "created_at"
    price = "price"


class Order(enum.StrEnum):
    asc = "asc"
    desc = "desc"


def listing_out(row: Any) -> ListingOut:
    listing, seller_name = row
    return ListingOut(
        id=listing.id,
        external_id=listing.external_id,
        seller_id=listing.seller_id,
        seller_name=seller_name,
        title=listing.title,
        description=listing.description,
        category=listing.category,
        brand=listing.brand,
        model_number=listing.model_number,
        barcode=listing.barcode,
        price=listing.price,
        condition=listing.condition,
        status=listing.status,
        created_at=listing.created_at,
        version=listing.version,
    )


def _with_seller() -> Any:
    return select(Listing, Member.display_name).join(Member, Member.id == Listing.seller_id)


@router.get("/listings", response_model=Page[ListingOut])
def list_listings(
    _staff: Reader,
    session: DbSession,
    q: Annotated[str | None, Query(max_length=100, description="words in the title, in any script: "
                                                               "chanel finds シャネル")] = None,
    status: ListingStatus | None = None,
    category: Annotated[str | None, Query(max_length=64)] = None,
    brand: Annotated[str | None, Query(max_length=128)] = None,
    seller_id: int | None = None,
    sort: ListingSort = ListingSort.created_at,
    order: Order = Order.desc,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> Page[ListingOut]:
    stmt = _with_seller()
    if q:
        stmt = stmt.where(title_matches(q))
    if status:
        stmt = stmt.where(Listing.status == status)
    if category:
        stmt = stmt.where(Listing.category == category)
    if brand:
        stmt = stmt.where(Listing.brand == brand)
    if seller_id is not None:
        stmt = stmt.where(Listing.seller_id == seller_id)
    sort_col = Listing.price if sort == ListingSort.price else Listing.created_at
    return paginate(session, stmt, sort=sort_col, id_col=Listing.id, cursor=cursor, limit=limit,
                    descending=order == Order.desc, to_item=listing_out)


@router.get("/listings/{listing_id}", response_model=ListingOut)
def get_listing(listing_id: int, _staff: Reader, session: DbSession) -> ListingOut:
    row = session.execute(_with_seller().where(Listing.id == listing_id)).first()
    if row is None:
        raise NotFound(f"No listing with id {listing_id}.")
    return listing_out(row)


def _submitted(session: DbSession, listing_id: int, result: ScreeningResult | None) -> SubmittedListingOut:
    screening = None
    if result is not None:
        fields = result.to_dict()
        screening = ScreeningOut(**{name: fields[name] for name in ScreeningOut.model_fields})
    return SubmittedListingOut(listing=get_listing_out(session, listing_id), screening=screening)


def get_listing_out(session: DbSession, listing_id: int) -> ListingOut:
    row = session.execute(_with_seller().where(Listing.id == listing_id)
                          .execution_options(populate_existing=True)).first()
    if row is None:
        raise NotFound(f"No listing with id {listing_id}.")
    return listing_out(row)


@router.post("/listings", response_model=SubmittedListingOut, status_code=201)
def submit_listing(body: ListingIn, actor: Submitter, session: DbSession, idem: Idempotency) -> dict:
    """The marketplace submits a new listing; it is screened before this returns
    (``screening`` says whether it was flagged or suspended)."""
    listing, result = service.create_listing(session, data=body, actor=actor)
    return idem.remember(_submitted(session, listing.id, result).model_dump(mode="json"), 201)


@router.patch("/listings/{listing_id}", response_model=SubmittedListingOut)
def edit_listing(listing_id: int, body: ListingPatch, actor: Submitter, session: DbSession) -> SubmittedListingOut:
    """The seller edited a listing on the marketplace: stale ``version`` is 409; the edit is re-screened."""
    listing, result = service.edit_listing(session, listing_id=listing_id, patch=body, actor=actor)
    return _submitted(session, listing.id, result)
