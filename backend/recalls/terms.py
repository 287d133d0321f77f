"""The listing term index (``listing_terms``): what a recall looks listings up by,
and the stored listing readings (``listing_readings``) it scores them from.

Each listing contributes its canonical brand/type/line keys, the words of its
title, every model number (``m:``) and barcode (``g:``) found in its fields or
text, and one keyset term (``k:``) standing for its whole set of vocabulary
keys. A recall then needs a handful of indexed lookups, not a scan of every
title, to find its candidates among millions of listings: keys as common as
"#stroller" are never read listing by listing, only through the few thousand
keysets registered in ``term_keysets``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from backend.listings.models import Listing
from backend.recalls import reading
from backend.recalls.extract import without_variant
from backend.recalls.models import ListingReading, ListingTerm, TermKeyset
from backend.recalls.text import term_of, vocabulary

MODEL, GTIN, KEYSET = "m:", "g:", "k:"
KEYSET_END = "k;"  # just above every keyset term in byte order
MAX_TERM = 64
KEY_SEPARATOR = "\n"
# What indexing reads a listing from: the columns of reading.ListingFields, in its order.
COLUMNS = tuple(getattr(Listing, name) for name in reading.ListingFields._fields)
Entry = tuple[int, set[str], str]  # listing id, its terms, its reading as JSON


def terms_of(text: reading.ListingText, model_norm: str | None, barcode_gtin: str | None) -> set[str]:
    """The index terms of a listing read once for both its terms and its stored reading."""
    terms = set(text.title_keys) | {term_of(w) for w in text.title_words} | {term_of(w) for w in text.brand_words}
    if text.brand_key:
        terms.add(text.brand_key)
    for _field, found in text.models:
        terms.add(MODEL + found.key)
        if base := without_variant(found.raw):
            terms.add(MODEL + base)
    terms |= {GTIN + f.key for _field, f in text.gtins}
    if model_norm:
        terms.add(MODEL + model_norm)
    if barcode_gtin:
        terms.add(GTIN + barcode_gtin)
    if keyset := keyset_term(terms):
        terms.add(keyset)
    return {t for t in terms if len(t) <= MAX_TERM}


def keyset_keys(terms: Iterable[str]) -> list[str]:
    """The vocabulary keys among a listing's terms, sorted: what its keyset stands for."""
    known = vocabulary().keys
    return sorted(t for t in terms if t in known)


def keyset_term(terms: Iterable[str]) -> str | None:
    """The ``k:`` term naming the listing's set of vocabulary keys (a hash, so
    any number of keys fits the term column), or None without keys."""
    keys = keyset_keys(terms)
    if not keys:
        return None
    return KEYSET + hashlib.blake2b(KEY_SEPARATOR.join(keys).encode(), digest_size=8).hexdigest()


def entry(row: Any) -> Entry:
    """What indexing stores for one listing (a Listing or ``reading.ListingFields``)."""
    text = reading.read_listing(row)
    return row.id, terms_of(text, row.model_norm, row.barcode_gtin), reading.to_json(row, text)


def store(session: Session, entries: Iterable[Entry]) -> None:
    """Write listings' terms and readings, and register keysets seen for the
    first time (Core statements: the rows are plain values, the ORM would only
    add overhead to every listing screened)."""
    connection = session.connection()
    rows, readings, keysets = [], [], {}
    for listing_id, terms, read in entries:
        rows += [{"term": t, "listing_id": listing_id} for t in sorted(terms)]
        readings.append({"listing_id": listing_id, "reading": read})
        keysets.update({t: keyset_keys(terms) for t in terms if t.startswith(KEYSET)})
    if rows:
        connection.execute(insert(ListingTerm.__table__), rows)
    if readings:  # a re-indexed listing's reading is replaced
        upsert = _insert(connection, ListingReading)
        connection.execute(upsert.on_conflict_do_update(index_elements=[ListingReading.listing_id],
                                                        set_={"reading": upsert.excluded.reading}), readings)
    _register(connection, keysets)


def _insert(connection: Connection, model: Any) -> Any:
    """INSERT with ON CONFLICT clauses (PostgreSQL and SQLite spell them alike)."""
    return (postgresql if connection.dialect.name == "postgresql" else sqlite).insert(model.__table__)


def _register(connection: Connection, keysets: dict[str, list[str]]) -> None:
    if not keysets:
        return
    known = set(connection.scalars(select(TermKeyset.keyset).distinct()
                                   .where(TermKeyset.keyset.in_(list(keysets)))))
    rows = [{"key": key, "keyset": keyset, "keys": KEY_SEPARATOR.join(keys)}
            for keyset, keys in sorted(keysets.items()) if keyset not in known for key in keys]
    if rows:  # two transactions may register the same new keyset at once; either row will do
        connection.execute(_insert(connection, TermKeyset).on_conflict_do_nothing(), rows)


def add_keysets(session: Session, *, batch: int = 20_000) -> None:
    """Give listings indexed before keyset terms existed their ``k:`` term,
    from the keys already in the index (migration 0009)."""
    top = session.scalar(select(func.max(ListingTerm.listing_id))) or 0
    for start in range(0, top, batch):
        keys: dict[int, set[str]] = {}
        for listing_id, term in session.execute(select(ListingTerm.listing_id, ListingTerm.term).where(
                ListingTerm.listing_id > start, ListingTerm.listing_id <= start + batch)):
            keys.setdefault(listing_id, set()).add(term)
        keysets = {listing_id: keyset_term(terms) for listing_id, terms in keys.items()}
        rows = [{"term": k, "listing_id": i} for i, k in keysets.items() if k and k not in keys[i]]
        if rows:
            session.connection().execute(insert(ListingTerm.__table__), rows)
        _register(session.connection(), {k: keyset_keys(keys[i]) for i, k in keysets.items() if k})


def index_listing(session: Session, listing: Listing) -> set[str]:
    """(Re)index one listing in the caller's transaction; returns its terms."""
    session.flush()
    session.connection().execute(delete(ListingTerm.__table__).where(ListingTerm.listing_id == listing.id))
    indexed = entry(listing)
    store(session, [indexed])
    return indexed[1]


def index_new_listings(session: Session, *, batch: int = 5000,
                       progress: Callable[[int], None] | None = None) -> int:
    """Index listings added since the index was last brought up to date (ids
    above the highest indexed one), e.g. by a bulk import that did not screen."""
    done = 0
    last = session.scalar(select(func.max(ListingTerm.listing_id))) or 0
    while True:
        rows = session.execute(select(*COLUMNS).where(Listing.id > last).order_by(Listing.id).limit(batch)).all()
        if not rows:
            return done
        store(session, [entry(row) for row in rows])
        last = rows[-1].id
        done += len(rows)
        if progress is not None:
            progress(done)


def clear(session: Session) -> None:
    """Empty the index: terms, keysets and readings."""
    session.execute(delete(ListingTerm))
    session.execute(delete(TermKeyset))
    session.execute(delete(ListingReading))


def rebuild(session: Session, *, batch: int = 5000, progress: Callable[[int], None] | None = None) -> int:
    """Drop and rebuild the whole index (after a vocabulary change)."""
    clear(session)
    return index_new_listings(session, batch=batch, progress=progress)
