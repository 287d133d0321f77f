"""Finding listings by words in any script: "chanel" finds シャネル and the
other way round, "ナイキ" finds "NIKE".

A title's words are already in the recall index (``listing_terms``) under
the key they are compared by: a vocabulary key, or a sound key that is the
same for シャネル and "chanel" (:func:`backend.recalls.text.term_of`). A
search reads the query the same way, and a listing matches when, for every
word of the query, its title holds the word's key, or its title holds the
query as typed (for listings not yet indexed and for fragments that are no
word of their own).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, intersect, or_, select

from backend.listings.models import Listing
from backend.recalls.models import ListingTerm
from backend.recalls.text import analyse, term_of
from backend.text.fold import fold_width

MAX_WORDS = 8


def query_terms(q: str) -> list[set[str]]:
    """For each word of the query, the index terms any of which a matching title holds."""
    found = analyse(fold_width(q))
    units: dict[str, set[str]] = {}
    for key in found.keys:
        units[key] = {key}
    for word in found.words:
        if word.startswith(("~", "≈")):
            continue
        owner = found.aliases.get(word, word)  # a word's other forms stand in for it, not beside it
        units.setdefault(owner, {term_of(owner)}).add(term_of(word))
    return list(units.values())[:MAX_WORDS]


def title_matches(q: str) -> ColumnElement[bool]:
    """The condition for listings whose title matches ``q`` in any script."""
    typed = Listing.title.contains(q, autoescape=True)
    units = query_terms(q)
    if not units:
        return typed
    indexed = intersect(*[select(ListingTerm.listing_id).where(ListingTerm.term.in_(sorted(terms)))
                          for terms in units]) if len(units) > 1 else \
        select(ListingTerm.listing_id).where(ListingTerm.term.in_(sorted(units[0])))
    return or_(typed, Listing.id.in_(indexed))
