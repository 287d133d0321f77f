"""Finding the listings worth scoring against a recall, through the term index.

Identifier hits come first: a recalled barcode or model number in the index
(``m:``/``g:`` terms) or in the listing's own columns. The rest are ranked by
an estimate of what each listing's indexed terms promise: the weights of the
recall's brand, type and line keys it holds, plus those of the recall's other
product words, reduced as scoring will reduce a listing of another product
type. Only listings promising at least MIN_ESTIMATE are read, the best
MAX_SCORED of them, newest first among equals.

The estimate is never added up listing by listing over a key as common as
"#stroller". The keys part depends only on a listing's keyset (its set of
vocabulary keys, indexed as one ``k:`` term), so it is worked out per keyset
from ``term_keysets``; the best keysets' listings are then read newest first
through the term index until enough are found.

Lists of values are bound as one array on PostgreSQL (``= ANY``), so each
statement's text stays the same from recall to recall and is prepared once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, and_, any_, bindparam, or_, select, text, union
from sqlalchemy.orm import Session

from backend.listings.models import Listing
from backend.recalls.models import ListingTerm
from backend.recalls.terms import GTIN, KEY_SEPARATOR, KEYSET, KEYSET_END, MODEL

if TYPE_CHECKING:
    from backend.recalls.matcher import RecallProfile

# Name-only candidates scored per recall, best estimates first (identifier hits
# come on top, all of them). Scoring is most of a match's time, so this bounds
# it however many lookalikes the catalogue holds (it was 1,000). 250 is more
# than an officer reviews, and at 1,000,000 listings every labelled name-only
# match still ranks in the first ten (docs/PERFORMANCE.md, "Recalls").
MAX_SCORED = 250
# Listings whose indexed words promise less (brand and product type alone, no line,
# no model, no barcode) are not read at all: at best they would be low.
MIN_ESTIMATE = 0.5
# A word on more listings than this is common ("kids", "electric"): never read whole.
RARE = MAX_SCORED


def candidate_ids(session: Session, profile: RecallProfile) -> list[int]:
    """Listing ids worth scoring, best first: identifier hits, then the
    MAX_SCORED listings with the best estimates (at least MIN_ESTIMATE)."""
    connection = session.connection()  # Core statements: the ORM would only add overhead
    statements = _statements(connection.dialect.name)
    direct = _identifier_hits(connection, statements, profile)
    ranked = _best_estimates(connection, statements, profile, MAX_SCORED + len(direct))
    return sorted(direct) + [listing_id for listing_id in ranked if listing_id not in direct][:MAX_SCORED]


class _Statements:
    """The statements, the same text whatever the recall (lists are bound as
    one parameter), compiled once per dialect."""

    def __init__(self, dialect: str) -> None:
        member = member_of(dialect)
        self.postgresql = dialect == "postgresql"
        self.postings, self.keysets, self.near = _POSTGRESQL if self.postgresql else _SQLITE
        self.identifiers = union(
            select(ListingTerm.listing_id).where(member(ListingTerm.term, "terms")),
            select(Listing.id).where(or_(member(Listing.barcode_gtin, "gtins"), member(Listing.model_norm, "models"))))
        self.keyset_listings = (select(ListingTerm.listing_id).where(member(ListingTerm.term, "keysets"))
                                .order_by(ListingTerm.listing_id.desc()).limit(bindparam("limit")))
        in_keyset = and_(ListingTerm.term > KEYSET, ListingTerm.term < KEYSET_END)
        self.held = select(ListingTerm.listing_id, ListingTerm.term).where(
            member(ListingTerm.listing_id, "listings"), or_(in_keyset, member(ListingTerm.term, "common")))
        self.common = select(ListingTerm.listing_id, ListingTerm.term).where(member(ListingTerm.term, "common"))

    def lists(self, **values: list[str]) -> dict[str, Any]:
        """List parameters of the text statements: arrays, or JSON lists for SQLite."""
        return values if self.postgresql else {name: json.dumps(v) for name, v in values.items()}

    def weights(self, weights: dict[str, float]) -> dict[str, Any]:
        """Parameters of ``keysets``: keys and weights as two arrays, or a JSON object for SQLite."""
        if self.postgresql:
            return {"keys": list(weights), "weights": list(weights.values())}
        return {"weights": json.dumps(weights)}


# Each word's first listings (no more than :cap), as an array (PostgreSQL) or a
# comma-separated list (SQLite); the keysets holding the given keys whose
# weights add up to :floor; the listings of the given keysets holding one of
# the given words, with both terms. SQLite keeps a CROSS JOIN's order: the
# keysets' listings first, a word looked up for each (without statistics it
# would otherwise read the whole of a common word).
_POSTGRESQL = (
    text("SELECT w.term, p.ids FROM unnest(CAST(:words AS text[])) AS w(term) CROSS JOIN LATERAL "
         "(SELECT array_agg(listing_id) AS ids FROM (SELECT listing_id FROM listing_terms "
         "WHERE term = w.term COLLATE \"C\" LIMIT :cap) AS s) AS p"),
    text("SELECT keyset, sum((CAST(:weights AS float8[]))[array_position(CAST(:keys AS text[]), key::text)]), "
         "max(keys) FROM term_keysets WHERE key = ANY(:keys) GROUP BY keyset "
         "HAVING sum((CAST(:weights AS float8[]))[array_position(CAST(:keys AS text[]), key::text)]) >= :floor"),
    text("SELECT k.listing_id, k.term, w.term FROM listing_terms AS k JOIN listing_terms AS w "
         "ON w.listing_id = k.listing_id WHERE k.term = ANY(:keysets) AND w.term = ANY(:common)"),
)
_SQLITE = (
    text("SELECT w.value, (SELECT group_concat(listing_id) FROM (SELECT listing_id FROM listing_terms "
         "WHERE term = w.value LIMIT :cap)) FROM json_each(:words) AS w"),
    text("SELECT k.keyset, sum(w.value), max(k.keys) FROM term_keysets AS k JOIN json_each(:weights) AS w "
         "ON k.key = w.key GROUP BY k.keyset HAVING sum(w.value) >= :floor"),
    text("SELECT k.listing_id, k.term, w.term FROM listing_terms AS k CROSS JOIN listing_terms AS w "
         "WHERE k.term IN (SELECT value FROM json_each(:keysets)) AND w.listing_id = k.listing_id "
         "AND w.term IN (SELECT value FROM json_each(:common))"),
)


def member_of(dialect: str) -> Callable[[Any, str], ColumnElement[bool]]:
    """``column IN <list bound as name>``: one array parameter on PostgreSQL."""
    if dialect == "postgresql":
        return lambda column, name: column == any_(bindparam(name))
    return lambda column, name: column.in_(bindparam(name, expanding=True))


@lru_cache(maxsize=4)
def _statements(dialect: str) -> _Statements:
    return _Statements(dialect)


def _identifier_hits(connection: Connection, statements: _Statements, profile: RecallProfile) -> set[int]:
    """Listings sharing a recalled barcode or model number, in the index or
    (not yet indexed) in the listing's own columns."""
    if not profile.models and not profile.gtins:
        return set()
    terms = [MODEL + m for m in profile.models] + [GTIN + g for g in profile.gtins]
    return set(connection.scalars(statements.identifiers,
                                  {"terms": terms, "gtins": list(profile.gtins), "models": list(profile.models)}))


def _best_estimates(connection: Connection, statements: _Statements, profile: RecallProfile, limit: int) -> list[int]:
    """The ``limit`` listings with the best estimates, best first and newest
    first among equals.

    Listings holding a rare word of the recall are estimated exactly at once.
    The others are read a group at a time, best bound first: a keyset whose
    keys promise MIN_ESTIMATE (the bound is its estimate; its listings are
    read newest first), or one the recall's common words could lift to it
    (the bound is what the words would make of it; its listings holding one
    are looked up). The search stops as soon as ``limit`` listings beat the
    next bound, so a large recall reads its best keysets and no further."""
    held, common = _word_postings(connection, statements, profile)
    lift = sum(common.values())
    # keysets the rare words may complete count too: "T-fal kettle" (0.475) with "アプレシア"
    keysets = _keyset_estimates(connection, statements, profile, lift=lift + max(held.values(), default=0.0))
    estimates = {i: e for i, e in _held_estimates(connection, statements, keysets, held, common).items()
                 if e >= MIN_ESTIMATE}
    groups: dict[float, tuple[list[str], list[str]]] = {}  # bound -> (keysets read whole, keysets words lift)
    for keyset, (part, factor) in keysets.items():
        if part * factor >= MIN_ESTIMATE:
            groups.setdefault(round(part * factor, 6), ([], []))[0].append(keyset)
        elif (part + lift) * factor >= MIN_ESTIMATE:
            groups.setdefault(round((part + lift) * factor, 6), ([], []))[1].append(keyset)
    if lift >= MIN_ESTIMATE:  # the common words alone could do: their listings are a group too
        groups.setdefault(round(lift, 6), ([], []))
    for bound in sorted(groups, reverse=True):
        ahead = sum(1 for e in estimates.values() if e > bound)
        if ahead >= limit:
            break
        whole, lifted = groups[bound]
        if whole:  # `limit` of them: the listings already ahead may be among them
            for listing_id in connection.scalars(statements.keyset_listings, {"keysets": whole, "limit": limit}):
                if estimates.get(listing_id, 0.0) < bound:
                    estimates[listing_id] = bound
        found = _lifted(connection, statements, keysets, common, lifted) if lifted else {}
        if bound == round(lift, 6) and lift >= MIN_ESTIMATE:
            found = _alone(connection, statements, common) | found
        for listing_id, e in found.items():
            if e >= MIN_ESTIMATE and estimates.get(listing_id, 0.0) < e:
                estimates[listing_id] = e
    return [-negated for _, negated in sorted((-e, -listing_id) for listing_id, e in estimates.items())[:limit]]


def _word_postings(connection: Connection, statements: _Statements,
                   profile: RecallProfile) -> tuple[dict[int, float], dict[str, float]]:
    """The recall's words (and brands outside the vocabulary): for the rare
    ones, their weights added up by listing holding them; the common ones'
    weights by word. One round trip, no word read past RARE listings."""
    worded = profile.word_weights
    if not worded:
        return {}, {}
    postings: dict[str, list[int]] = {t: [] for t in worded}
    rows = connection.execute(statements.postings, {**statements.lists(words=sorted(worded)), "cap": RARE + 1})
    for term, listing_ids in rows:
        if isinstance(listing_ids, str):
            listing_ids = [int(i) for i in listing_ids.split(",")]
        postings[term] = listing_ids or []
    held: dict[int, float] = {}
    common = {t: worded[t] for t, listing_ids in postings.items() if len(listing_ids) > RARE}
    for term, listing_ids in postings.items():
        if term in common:
            continue
        for listing_id in listing_ids:
            held[listing_id] = held.get(listing_id, 0.0) + worded[term]
    return held, common


def _keyset_estimates(connection: Connection, statements: _Statements, profile: RecallProfile, *,
                      lift: float) -> dict[str, tuple[float, float]]:
    """Keysets that, with the recall's common words (``lift``), could reach
    MIN_ESTIMATE: the weights of the recall's keys each holds, and the
    factor scoring applies for another product type."""
    keyed = profile.key_weights
    if not keyed:
        return {}
    floor = MIN_ESTIMATE - lift - 1e-9
    rows = connection.execute(statements.keysets, {**statements.weights(keyed), "floor": floor}).all()
    return {keyset: (got, profile.type_factor(keys.split(KEY_SEPARATOR))) for keyset, got, keys in rows}


def _held_estimates(connection: Connection, statements: _Statements, keysets: dict[str, tuple[float, float]],
                    held: dict[int, float], common: dict[str, float]) -> dict[int, float]:
    """Exact estimates of the listings holding the recall's rare words: their
    keyset and common words looked up (from the index by listing alone)."""
    if not held:
        return {}
    rows = connection.execute(statements.held, {"listings": list(held), "common": list(common)}).all()
    return _estimates(rows, held, common, keysets)


def _lifted(connection: Connection, statements: _Statements, keysets: dict[str, tuple[float, float]],
            common: dict[str, float], near: list[str]) -> dict[int, float]:
    """Estimates of the listings of keysets ``near`` MIN_ESTIMATE that hold a
    common word: a common word is never read whole, only looked for there."""
    words: dict[int, float] = {}
    keyset_of: dict[int, str] = {}
    for listing_id, keyset, word in connection.execute(statements.near,
                                                       statements.lists(keysets=near, common=list(common))):
        words[listing_id] = words.get(listing_id, 0.0) + common[word]
        keyset_of[listing_id] = keyset
    out = {}
    for listing_id, got in words.items():
        part, factor = keysets[keyset_of[listing_id]]
        out[listing_id] = round((part + got) * factor, 6)
    return out


def _alone(connection: Connection, statements: _Statements, common: dict[str, float]) -> dict[int, float]:
    """Estimates of the listings the common words alone could take to
    MIN_ESTIMATE (their keys, if any, are not added): read whole."""
    rows = connection.execute(statements.common, {"common": list(common)}).all()
    return {i: round(e, 6) for i, e in _estimates(rows, {}, common, {}).items()}


def _estimates(rows: Iterable[Any], held: dict[int, float], common: dict[str, float],
               keysets: dict[str, tuple[float, float]]) -> dict[int, float]:
    """Listing estimates from (listing id, term) rows giving keyset terms and
    common words, on top of the rare words ``held``."""
    got = dict(held)
    factor: dict[int, float] = {}
    for listing_id, term in rows:
        if term in common:
            got[listing_id] = got.get(listing_id, 0.0) + common[term]
        else:
            part, factor[listing_id] = keysets.get(term, (0.0, 1.0))
            got[listing_id] = got.get(listing_id, 0.0) + part
    return {listing_id: round(value * factor.get(listing_id, 1.0), 6) for listing_id, value in got.items()}
