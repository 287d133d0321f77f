"""A listing's text as matching reads it, worked out once when the listing is
indexed and stored (``listing_readings``), not again for every recall.

Reading is most of the cost of scoring a listing: folding, segmenting run-on
Japanese, pulling out model numbers and barcodes. A recall scores hundreds of
listings, each of them read the same way for every recall, so indexing
stores the reading as JSON next to the term index. The stored reading
carries a fingerprint of the fields it was read from and of the vocabulary;
a listing edited without being re-indexed, or a vocabulary change, makes it
stale and the listing is read afresh, so a score never rests on old text.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Any, NamedTuple

from backend.recalls.extract import Found, barcodes, model_numbers
from backend.recalls.text import TYPE, VOCABULARY_PATH, analyse, vocabulary
from backend.text.fold import compact_folded, fold, fold_width, kata


class ListingFields(NamedTuple):
    """The listing columns a reading comes from (picklable, for index workers).
    The one list of them: indexing selects these columns, the rows scoring
    loads begin with them and a stored reading's fingerprint covers them."""

    id: int
    title: str | None
    description: str | None
    brand: str | None
    model_number: str | None
    model_norm: str | None
    barcode: str | None
    barcode_gtin: str | None


# What a fingerprint covers: every field a reading comes from but the id,
# which names the listing and says nothing of it.
_fingerprinted = attrgetter(*(name for name in ListingFields._fields if name != "id"))
_decode = json.JSONDecoder().raw_decode  # json.loads without its checks: the text is ours
TEXT_FIELDS = ("title", "description")
# Raised whenever reading changes what it finds in the same text (2: Japanese
# words from the analyser, loanword origins, sound keys, brand field words),
# so that readings stored by older code count as stale.
READING_VERSION = b"6"  # the fields read as text (the others are identifiers)
# Where a key or word was found (folded offsets); a stored reading keeps them
# as "start end start end ..." text, turned into pairs only for evidence.
Spans = list[tuple[int, int]] | str


@dataclass(slots=True)
class ListingText:
    row: Any  # the listing (or its columns) this was read from
    folded: dict[str, str]  # "title" / "description" -> folded text, as far as folded yet
    title_keys: dict[str, Spans]  # with the brand field's brand keys (no spans)
    title_words: dict[str, Spans]
    description_keys: dict[str, Spans]
    description_words: dict[str, Spans]
    title_types: set[str]
    brand_key: str | None
    brand_words: list[str]  # the brand field's words and sound keys (a brand outside the vocabulary, any script)
    models: list[tuple[str, Found]]  # (field, found)
    gtins: list[tuple[str, Found]]
    compact: str  # title and brand, folded, without separators
    accessory: str | None  # what in the title says it is an accessory

    def folded_text(self, fld: str) -> str:
        """The title or description folded (a stored reading folds it when first shown)."""
        text = self.folded.get(fld)
        if text is None:
            text = self.folded[fld] = fold(getattr(self.row, fld) or "")
        return text


def spans_of(spans: Spans) -> list[tuple[int, int]]:
    """Spans as (start, end) pairs, stored or not."""
    if not isinstance(spans, str):
        return spans
    numbers = iter(map(int, spans.split()))
    return list(zip(numbers, numbers))


def read_listing(row: Any) -> ListingText:
    """The listing read from its fields now."""
    natural_title, natural_description = fold_width(row.title or ""), fold_width(row.description or "")
    title, description = kata(natural_title), kata(natural_description)
    brand_natural = fold_width(row.brand) if row.brand else ""
    brand_folded = kata(brand_natural)
    title_found, description_found = analyse(natural_title), analyse(natural_description, segment=False)
    brand_words: list[str] = []
    if brand_folded:
        brand_found = analyse(brand_natural)
        for key in brand_found.brands:
            title_found.keys.setdefault(key, [])
        brand_words = sorted(brand_found.words)
    models: list[tuple[str, Found]] = [("title", f) for f in model_numbers(title)]
    models += [("description", f) for f in model_numbers(description)]
    if row.model_norm:
        field_model = fold(row.model_number or row.model_norm)
        models.append(("model_number", Found(row.model_norm, field_model, 0, len(field_model), labelled=True)))
    gtins = [("title", f) for f in barcodes(title)] + [("description", f) for f in barcodes(description)]
    if row.barcode_gtin:
        gtins.append(("barcode", Found(row.barcode_gtin, row.barcode or row.barcode_gtin, 0, len(row.barcode or ""))))
    return ListingText(row, {"title": title, "description": description}, title_found.keys, title_found.words,
                       description_found.keys, description_found.words, title_found.types,
                       vocabulary().key_for_brand(row.brand), brand_words, models, gtins,
                       compact_folded(title) + compact_folded(brand_folded), vocabulary().accessory_marker(title))


def stored_or_read(row: Any) -> ListingText:
    """The stored reading (``row.reading``, if the row has one) when it was
    made from these fields with this vocabulary, else the listing read now."""
    stored = getattr(row, "reading", None)
    if stored:
        found = _decode(stored)[0]
        if found["f"] == fingerprint(row):
            return _from_json(found, row)
    return read_listing(row)


def to_json(row: Any, text: ListingText | None = None) -> str:
    """The reading to store for a listing (``text``, if already read from
    it): spans as "start end ..." strings and empty parts left out, as it is
    parsed for every candidate."""
    text = text or read_listing(row)
    out: dict[str, Any] = {"f": fingerprint(row), "tk": _flat(text.title_keys), "tw": _flat(text.title_words),
                           "dk": _flat(text.description_keys), "dw": _flat(text.description_words),
                           "b": text.brand_key, "bw": text.brand_words, "c": text.compact, "a": text.accessory,
                           "m": [[fld, f.key, f.raw, f.start, f.end, f.labelled] for fld, f in text.models],
                           "g": [[fld, f.key, f.raw, f.start, f.end] for fld, f in text.gtins]}
    return json.dumps({k: v for k, v in out.items() if v or k == "f"}, ensure_ascii=False, separators=(",", ":"))


def fingerprint(row: Any) -> int:
    """A checksum of the fields a reading comes from, of the vocabulary and
    of how readings are made (:data:`READING_VERSION`): it tells a stale
    reading, it does not have to resist forgery."""
    return zlib.crc32("\x1f".join([v or "" for v in _fingerprinted(row)]).encode(), _vocabulary_checksum())


@lru_cache(maxsize=1)
def _vocabulary_checksum() -> int:
    return zlib.crc32(hashlib.blake2b(VOCABULARY_PATH.read_bytes() + READING_VERSION).digest())


def _flat(found: dict[str, Spans]) -> dict[str, str]:
    return {key: " ".join(f"{start} {end}" for start, end in spans_of(spans)) for key, spans in found.items()}


def _from_json(found: dict[str, Any], row: Any) -> ListingText:
    title_keys = found.get("tk", {})
    return ListingText(
        row, {}, title_keys, found.get("tw", {}), found.get("dk", {}), found.get("dw", {}),
        {k for k in title_keys if k[0] == TYPE}, found.get("b"), found.get("bw", []),
        [(fld, Found(key, raw, start, end, labelled)) for fld, key, raw, start, end, labelled in found.get("m", ())],
        [(fld, Found(key, raw, start, end)) for fld, key, raw, start, end in found.get("g", ())],
        found.get("c", ""), found.get("a"))
