"""Scoring listings against a recall, and finding the listings worth scoring.

Evidence comes in three strengths:

1. barcode equality (GTIN-14, so UPC-A, EAN-13 and JAN spellings agree);
2. model-number equality after normalisation (NFKC, case, hyphens, spaces),
   or the recalled model with a colour suffix (``EH-NA0J-A``);
3. fuzzy name evidence: brand, product type and product line keys, and the
   remaining words of the product name (rapidfuzz for spelling slips).

Only 1 and 2 reach *high* confidence. A listing of the same brand that names
a *different* model of the recalled family, or carries another barcode, is a
near miss and stays *low* however similar its title is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from backend.listings.models import Listing
from backend.recalls.extract import Found, barcodes, family, looks_like_model, model_numbers, without_variant
from backend.recalls.models import Confidence, ListingTerm, Recall, RecallProduct
from backend.recalls.terms import GTIN, MODEL
from backend.recalls.text import Analysis, analyse, compact, fold, fold_with_map, vocabulary

MIN_SCORE = 0.4
HIGH, MEDIUM = 0.85, 0.6
MAX_SCORED = 1000  # fuzzy-only candidates fully scored per recall, best estimates first
# Listings whose indexed words promise less (brand and product type alone, no line,
# no model, no barcode) are not read at all: at best they would be low.
MIN_ESTIMATE = 0.5
_LINE_WEIGHT, _WORD_WEIGHT, _TYPE_WEIGHT = 3.0, 1.0, 1.0
_CORPORATE = re.compile(r"\b(?:inc|corp|corporation|co|company|ltd|llc|limited|gmbh|k\.?k|株式会社|有限会社)\b\.?")
_LISTING_FIELDS = (Listing.id, Listing.external_id, Listing.title, Listing.description, Listing.brand,
                   Listing.model_number, Listing.model_norm, Listing.barcode, Listing.barcode_gtin, Listing.status,
                   Listing.seller_id)


def confidence_for(score: float) -> Confidence:
    return Confidence.high if score >= HIGH else Confidence.medium if score >= MEDIUM else Confidence.low


def barcode_kind(digits: str) -> str:
    return {8: "EAN-8", 12: "UPC-A", 13: "JAN/EAN-13", 14: "GTIN-14"}.get(len(digits), "code")


@dataclass(frozen=True)
class NameVariant:
    """One product name of the recall, reduced to keys and weighted words."""

    label: str
    types: frozenset[str]
    lines: frozenset[str]
    words: frozenset[str]

    @property
    def total(self) -> float:
        return (_TYPE_WEIGHT if self.types else 0) + _LINE_WEIGHT * len(self.lines) + _WORD_WEIGHT * len(self.words)


@dataclass
class RecallProfile:
    """Everything matching needs from a recall, computed once per run."""

    recall_id: int
    number: str
    brands: dict[str, str]  # key -> the spelling the recall used
    names: list[NameVariant]
    models: dict[str, str]  # normalised -> as written
    gtins: dict[str, str]  # GTIN-14 -> as written

    @cached_property
    def query_terms(self) -> frozenset[str]:
        return frozenset(self.term_weights)

    @cached_property
    def term_weights(self) -> dict[str, float]:
        """What each index term adds to the score estimate that ranks
        candidates: the brand 0.3, a product word its share of 0.7 in the
        product name it counts most in; identifiers are looked up apart."""
        weights: dict[str, float] = {b: 0.3 for b in self.brands}
        weights |= {MODEL + m: 1.0 for m in self.models} | {GTIN + g: 1.0 for g in self.gtins}
        for name in self.names:
            if not name.total:
                continue
            parts = [(t, _TYPE_WEIGHT) for t in name.types] + [(t, _LINE_WEIGHT) for t in name.lines]
            parts += [(w, _WORD_WEIGHT) for w in name.words if len(w) >= 3]
            for term, part in parts:
                weights[term] = max(weights.get(term, 0.0), round(0.7 * part / name.total, 4))
        return weights

    def brand_compacts(self) -> list[str]:
        return [compact(key[1:]) for key in self.brands if len(key) > 4]


def _brand_keys(text: str | None) -> dict[str, str]:
    if not text:
        return {}
    found = analyse(fold(text)).brands
    if found:
        return {key: key[1:] for key in found}
    key = vocabulary().key_for_brand(_CORPORATE.sub("", fold(text)).strip(" ,.;"))
    return {key: text} if key and len(key) > 2 else {}


def profile_of(recall: Recall, products: Sequence[RecallProduct]) -> RecallProfile:
    brands: dict[str, str] = {}
    for product in products:
        brands.update(_brand_keys(product.brand))
    for manufacturer in (recall.manufacturer or "").split(";"):
        brands.update(_brand_keys(manufacturer))
    brands.update({k: k[1:] for k in analyse(fold(recall.title)).brands if k not in brands})
    brand_words = {compact(b[1:]) for b in brands} | {compact(s) for s in brands.values()}
    names: dict[str, NameVariant] = {}
    for text in {p.name for p in products if p.name} or {recall.title}:
        found = analyse(fold(text))
        brand_words |= {w for w in found.words if compact(w) in brand_words}
        words = frozenset(w for w in found.words
                          if w not in brand_words and not looks_like_model(w) and not w.isdigit())
        names[text] = NameVariant(text, frozenset(found.types), frozenset(found.lines), words)
    if not any(n.types for n in names.values()):
        title_types = frozenset(analyse(fold(recall.title)).types)
        names = {k: NameVariant(v.label, title_types, v.lines, v.words) for k, v in names.items()}
    models = {p.model_norm: p.model_number or p.model_norm for p in products if p.model_norm}
    gtins = {p.gtin: p.barcode or p.gtin for p in products if p.gtin}
    return RecallProfile(recall.id, recall.number, brands, list(names.values()), models, gtins)


@dataclass
class Evidence:
    kind: str
    text: str
    field: str
    spans: list[tuple[int, int]] = field(default_factory=list)

    def as_json(self, raw_fields: dict[str, str]) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "field": self.field,
                "spans": _raw_spans(raw_fields.get(self.field) or "", self.spans)}


def _raw_spans(raw: str, folded_spans: list[tuple[int, int]]) -> list[list[int]]:
    """Folded offsets back to offsets in the text as the seller typed it."""
    if not folded_spans or not raw:
        return []
    folded, index = fold_with_map(raw)
    if folded != fold(raw):
        return []
    out = []
    for start, end in folded_spans:
        if 0 <= start < end <= len(index):
            out.append([index[start], index[end - 1] + 1])
    return out


@dataclass
class Candidate:
    listing_id: int
    listing_external_id: str
    listing_status: str
    seller_id: int
    title: str
    score: float
    confidence: Confidence
    evidence: list[Evidence]
    raw_fields: dict[str, str]

    def evidence_json(self) -> list[dict[str, Any]]:
        return [e.as_json(self.raw_fields) for e in self.evidence]

    def as_json(self) -> dict[str, Any]:
        return {"listing_external_id": self.listing_external_id, "listing_id": self.listing_id,
                "score": self.score, "confidence": self.confidence.value, "evidence": self.evidence_json()}


@dataclass
class _ListingText:
    folded: dict[str, str]
    title: Analysis
    description: Analysis
    brand_key: str | None
    models: list[tuple[str, Found]]  # (field, found)
    explicit_models: list[tuple[str, Found]]
    gtins: list[tuple[str, Found]]
    compact: str


def _read_listing(row: Any) -> _ListingText:
    title, description = fold(row.title or ""), fold(row.description or "")
    brand_folded = fold(row.brand) if row.brand else ""
    title_found = analyse(title)
    if brand_folded:
        for key in analyse(brand_folded).brands:
            title_found.keys.setdefault(key, [])
    models: list[tuple[str, Found]] = [("title", f) for f in model_numbers(title)]
    models += [("description", f) for f in model_numbers(description)]
    explicit = [(fld, f) for fld, f in models if f.labelled]
    if row.model_norm:
        field_model = fold(row.model_number or row.model_norm)
        found = Found(row.model_norm, field_model, 0, len(field_model), labelled=True)
        models.append(("model_number", found))
        explicit.append(("model_number", found))
    gtins = [("title", f) for f in barcodes(title)] + [("description", f) for f in barcodes(description)]
    if row.barcode_gtin:
        gtins.append(("barcode", Found(row.barcode_gtin, row.barcode or row.barcode_gtin, 0, len(row.barcode or ""))))
    return _ListingText({"title": title, "description": description}, title_found, analyse(description), vocabulary().key_for_brand(row.brand), models, explicit,
                        gtins, compact(row.title or "") + compact(row.brand or ""))


def _word_hit(word: str, text: _ListingText) -> tuple[str, list[tuple[int, int]], str] | None:
    """Where a product-name word appears in the listing: exactly, inside run-on text, or spelt slightly off."""
    for fld, found in (("title", text.title), ("description", text.description)):
        if word in found.words:
            return fld, found.words[word], word
    if len(word) >= 4 and word in text.compact:
        return "title", [], word
    for fld, found in (("title", text.title), ("description", text.description)):
        if len(word) >= 4 and found.words:
            best = process.extractOne(word, list(found.words), scorer=fuzz.ratio, score_cutoff=85)
            if best is not None:
                return fld, found.words[best[0]], best[0]
    return None


def _key_hit(key: str, text: _ListingText) -> tuple[str, list[tuple[int, int]]] | None:
    for fld, found in (("title", text.title), ("description", text.description)):
        if key in found.keys:
            return fld, found.keys[key]
    return None


def _surface(text: _ListingText, fld: str, spans: list[tuple[int, int]], default: str) -> str:
    """What the listing actually says at the first span, for the evidence line."""
    if spans and fld in text.folded:
        start, end = spans[0]
        return text.folded[fld][start:end]
    return default


def score_listing(profile: RecallProfile, row: Any) -> Candidate | None:
    """The listing's best reading against the recall, or None below MIN_SCORE."""
    text = _read_listing(row)
    evidence: list[Evidence] = []

    brand_hit = next(((k, h) for k in profile.brands if (h := _key_hit(k, text)) is not None), None)
    brand_match = brand_hit is not None or (text.brand_key in profile.brands) or any(
        b in text.compact for b in profile.brand_compacts())
    brand_conflict = bool(text.brand_key and profile.brands and not brand_match)
    if brand_match:
        key = brand_hit[0] if brand_hit else next(iter(profile.brands))
        fld, spans = brand_hit[1] if brand_hit else ("brand", [])
        shown = _surface(text, fld, spans, row.brand or "")
        evidence.append(Evidence("brand", f"brand {profile.brands[key]} ~ {shown}", fld, spans))

    coverage, name_evidence = 0.0, []
    for name in profile.names:
        if not name.total:
            continue
        got, found_here = 0.0, []
        for key in name.types | name.lines:
            hit = _key_hit(key, text)
            if hit is not None:
                got += _TYPE_WEIGHT if key in name.types else _LINE_WEIGHT
                shown = _surface(text, hit[0], hit[1], key[1:])
                found_here.append(Evidence("name", f"name {key[1:]} ~ {shown}", hit[0], hit[1]))
        for word in name.words:
            word_hit = _word_hit(word, text)
            if word_hit is not None:
                got += _WORD_WEIGHT
                found_here.append(Evidence("name", f"name {word} ~ {word_hit[2]}", word_hit[0], word_hit[1]))
        if got / name.total > coverage:
            coverage, name_evidence = got / name.total, found_here
    evidence += name_evidence

    score = min(0.8, 0.3 * brand_match + 0.7 * coverage)
    recalled_types = set().union(*(n.types for n in profile.names))
    if text.title.types and recalled_types and not (text.title.types & recalled_types):
        score *= 0.7
        evidence.append(Evidence("type_mismatch", f"product type {', '.join(k[1:] for k in text.title.types)} "
                                 f"is not {', '.join(k[1:] for k in recalled_types)}", "title", []))
    if brand_conflict:
        score *= 0.5
        evidence.append(Evidence("brand_mismatch", f"brand {row.brand} is not "
                                 f"{', '.join(profile.brands.values())}", "brand", []))

    gtin_hit = next(((fld, f) for fld, f in text.gtins if f.key in profile.gtins), None)
    model_hit = next(((fld, f) for fld, f in text.models if f.key in profile.models), None)
    variant_hit = None if model_hit else next(
        ((fld, f) for fld, f in text.models if without_variant(f.raw) in profile.models), None)
    if gtin_hit is not None:
        fld, found = gtin_hit
        digits = re.sub(r"\D", "", found.raw)
        evidence.insert(0, Evidence("barcode", f"barcode {found.key} = {barcode_kind(digits)} {digits}", fld,
                                    [(found.start, found.end)] if fld != "barcode" else [(0, len(row.barcode or ""))]))
        score = 1.0
    elif model_hit is not None:
        fld, found = model_hit
        evidence.insert(0, Evidence("model", f"model {profile.models[found.key]} ~ {found.key}", fld,
                                    [(found.start, found.end)] if fld != "model_number" else []))
        trusted = found.labelled or brand_match or coverage > 0
        score = 0.6 if brand_conflict or not trusted else (0.97 if brand_match else 0.92)
    elif variant_hit is not None:
        fld, found = variant_hit
        evidence.insert(0, Evidence("model", f"model {found.raw} ≈ {profile.models[without_variant(found.raw)]} "
                                    "(variant suffix)", fld, [(found.start, found.end)] if fld != "model_number" else []))
        score = 0.87 if brand_match and not brand_conflict else 0.7
    else:
        siblings = {family(m) for m in profile.models}
        other_models = [(fld, f) for fld, f in text.models
                        if (f.labelled or family(f.key) in siblings) and profile.models]
        other_gtins = [(fld, f) for fld, f in text.gtins if profile.gtins and f.key not in profile.gtins]
        if other_models or (other_gtins and brand_match):
            fld, found = (other_models or other_gtins)[0]
            recalled = ", ".join(list(profile.models.values())[:3] or list(profile.gtins.values())[:3])
            kind = "model" if other_models else "barcode"
            evidence.insert(0, Evidence(f"{kind}_mismatch", f"{kind} {found.raw} ≠ recalled {recalled}", fld,
                                        [(found.start, found.end)] if fld not in ("model_number", "barcode") else []))
            score = min(score, 0.45)
    marker = vocabulary().accessory_marker(fold(row.title or ""))
    if marker is not None and gtin_hit is None:
        evidence.append(Evidence("accessory", f"accessory: title says {marker!r}", "title", []))
        score = min(score, 0.45)
    if score < MIN_SCORE:
        return None
    score = round(score, 3)
    raw_fields = {"title": row.title or "", "description": row.description or "", "brand": row.brand or "",
                  "model_number": row.model_number or "", "barcode": row.barcode or ""}
    return Candidate(row.id, row.external_id, row.status, row.seller_id, row.title, score, confidence_for(score),
                     evidence, raw_fields)


def candidate_ids(session: Session, profile: RecallProfile) -> list[int]:
    """Listing ids worth scoring, best first: identifier hits on the indexed
    listing columns and ``m:``/``g:`` terms, then listings whose indexed words
    promise at least MIN_SCORE, the best MAX_SCORED of them (newest first
    among equals). The database adds up each listing's term weights, so a
    common word ("#stroller" is on every stroller) costs an index range scan,
    not a Python loop."""
    direct: set[int] = set()
    if profile.gtins or profile.models:
        conditions = []
        if profile.gtins:
            conditions.append(Listing.barcode_gtin.in_(list(profile.gtins)))
        if profile.models:
            conditions.append(Listing.model_norm.in_(list(profile.models)))
        direct = set(session.scalars(select(Listing.id).where(or_(*conditions))))
    weights = profile.term_weights
    identifiers = [t for t in weights if t.startswith((MODEL, GTIN))]
    if identifiers:
        direct |= set(session.scalars(select(ListingTerm.listing_id).where(ListingTerm.term.in_(identifiers))))
    fuzzy = {t: w for t, w in weights.items() if not t.startswith((MODEL, GTIN))}
    if not fuzzy:
        return sorted(direct)
    weight = case(*((ListingTerm.term == t, w) for t, w in fuzzy.items()), else_=0.0)
    total = func.sum(weight).label("estimate")
    ranked = session.execute(
        select(ListingTerm.listing_id, total).where(ListingTerm.term.in_(sorted(fuzzy)))
        .group_by(ListingTerm.listing_id).having(total >= MIN_ESTIMATE)
        .order_by(total.desc(), ListingTerm.listing_id.desc()).limit(MAX_SCORED + len(direct))).all()
    chosen = [listing_id for listing_id, _ in ranked if listing_id not in direct][:MAX_SCORED]
    return sorted(direct) + chosen


def load_rows(session: Session, ids: Iterable[int], *, chunk: int = 2000) -> list[Any]:
    ids = list(ids)
    rows: list[Any] = []
    for start in range(0, len(ids), chunk):
        rows += session.execute(select(*_LISTING_FIELDS).where(Listing.id.in_(ids[start:start + chunk]))).all()
    return rows


def match(session: Session, profile: RecallProfile) -> list[Candidate]:
    """Every listing (any status) scoring at least MIN_SCORE, best first."""
    scored = (score_listing(profile, row) for row in load_rows(session, candidate_ids(session, profile)))
    return sorted((c for c in scored if c is not None), key=lambda c: (-c.score, c.listing_id))


def load_profile(session: Session, recall: Recall) -> RecallProfile:
    products = session.scalars(select(RecallProduct).where(RecallProduct.recall_id == recall.id)
                               .order_by(RecallProduct.id)).all()
    return profile_of(recall, products)
