"""The listing term index (``listing_terms``): what a recall looks listings up by.

Each listing contributes its canonical brand/type/line keys, the words of its
title, and every model number (``m:``) and barcode (``g:``) found in its
fields or text. A recall then needs a handful of indexed lookups, not a scan
of every title, to find its candidates among millions of listings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from backend.listings.models import Listing
from backend.recalls.extract import barcodes, model_numbers, without_variant
from backend.recalls.models import ListingTerm
from backend.recalls.text import analyse, fold, vocabulary

MODEL, GTIN = "m:", "g:"
MAX_TERM = 64
_COLUMNS = (Listing.id, Listing.title, Listing.brand, Listing.model_norm, Listing.barcode_gtin, Listing.description)


def terms_for(title: str, brand: str | None, model_norm: str | None, barcode_gtin: str | None,
              description: str | None) -> set[str]:
    folded_title = fold(title or "")
    folded_text = folded_title + "\n" + fold(description or "")
    found = analyse(folded_title + (" " + fold(brand) if brand else ""))
    terms = set(found.keys) | set(found.words)
    brand_key = vocabulary().key_for_brand(brand)
    if brand_key:
        terms.add(brand_key)
    for found in model_numbers(folded_text):
        terms.add(MODEL + found.key)
        if base := without_variant(found.raw):
            terms.add(MODEL + base)
    terms |= {GTIN + f.key for f in barcodes(folded_text)}
    if model_norm:
        terms.add(MODEL + model_norm)
    if barcode_gtin:
        terms.add(GTIN + barcode_gtin)
    return {t for t in terms if len(t) <= MAX_TERM}


def _rows(listing_rows: Iterable[Any]) -> list[dict[str, Any]]:
    return [{"term": term, "listing_id": row.id}
            for row in listing_rows
            for term in terms_for(row.title, row.brand, row.model_norm, row.barcode_gtin, row.description)]


def index_listing(session: Session, listing: Listing) -> set[str]:
    """(Re)index one listing in the caller's transaction; returns its terms."""
    session.flush()
    session.execute(delete(ListingTerm).where(ListingTerm.listing_id == listing.id))
    terms = terms_for(listing.title, listing.brand, listing.model_norm, listing.barcode_gtin, listing.description)
    if terms:
        session.execute(insert(ListingTerm), [{"term": t, "listing_id": listing.id} for t in sorted(terms)])
    return terms


def index_new_listings(session: Session, *, batch: int = 5000,
                       progress: Callable[[int], None] | None = None) -> int:
    """Index listings added since the index was last brought up to date (ids
    above the highest indexed one), e.g. by a bulk import that did not screen."""
    done = 0
    last = session.scalar(select(func.max(ListingTerm.listing_id))) or 0
    while True:
        rows = session.execute(select(*_COLUMNS).where(Listing.id > last).order_by(Listing.id).limit(batch)).all()
        if not rows:
            return done
        payload = _rows(rows)
        if payload:
            session.execute(insert(ListingTerm), payload)
        last = rows[-1].id
        done += len(rows)
        if progress is not None:
            progress(done)


def rebuild(session: Session, *, batch: int = 5000, progress: Callable[[int], None] | None = None) -> int:
    """Drop and rebuild the whole index (after a vocabulary change)."""
    session.execute(delete(ListingTerm))
    return index_new_listings(session, batch=batch, progress=progress)
