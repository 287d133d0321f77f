"""The detector: combines rules, brands, price, seller history and the model.

Scoring, per policy, on a log-odds scale::

    d = clip(logit(p_model)) - logit(MODEL_PRIOR)
    z = BIAS + min(MODEL_CAP, MODEL_UP * max(d, 0)) + MODEL_DOWN * min(d, 0)
        + Σ positive rule weights (capped) + Σ negative context weights (capped)
        [+ seller weights, see below]
    score = sigmoid(z)

Without a model ``d`` is 0, so a single strong rule (weight ≥ 4.5) flags. The
model (calibrated per policy, trained on the seed templates, the
independent corpus's train and dev splits and moderators' decisions) flags on its own
from about p ≥ 0.6; its doubt counts only partly, because a listing phrased
unlike anything it learned gets a low probability without being innocent:
innocence is argued by the negative contexts instead. The model's push is
capped (``MODEL_CAP``) so that a strong negative context (kitchen knife, empty
box, pill case ...) can still veto it, while an explicit violation such as
``スーパーコピー`` or ``改造エアガン`` outweighs any negative context. Rules stay
for what rules are good at, exact prohibited terms and masking patterns, and
their reasons say which words fired. Seller signals (new
account, burst of listings, prior strikes) are added only when a policy is
already suspicious on the listing itself (score ≥ ``SUSPICIOUS``): a new seller
is not a suspect. Brands only give counterfeit rules and the price check
something to attach to; a brand alone weighs nothing.

``BIAS`` and the model constants were chosen by leave-one-author-out
cross-validation over the corpus's train and dev authors (``bench/detect_cv.py``,
pooled figures), for precision first (a wrongly removed listing hurts an honest
seller); never on its test split.

Spans in reasons index the string ``title + "\\n" + description`` (a missing
title or description counts as ""), in Python ``str`` (code point) offsets.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from backend.detection.brands import brand_from_field, find_brands, style_mentions
from backend.detection.classifier import Model
from backend.detection.features import Doc, doc_from_evidence
from backend.detection.normalize import Normalized, normalize
from backend.detection.price import PriceBook, canonical_category
from backend.detection.rules import POLICIES, match_rules

Signal = Literal["rule", "brand", "price", "seller", "model"]

# (flag, suspend) per policy. A flag sends the listing to a moderator; a
# suspension hides it before a human looks, so it needs near certainty. Stolen
# goods are hard to prove from text alone, so they are never auto-suspended
# below 0.99.
DEFAULT_THRESHOLDS: dict[str, tuple[float, float]] = {
    "counterfeit": (0.70, 0.97),
    "medicine": (0.70, 0.97),
    "game_account": (0.70, 0.97),
    "stolen_goods": (0.70, 0.99),
    "weapon": (0.70, 0.97),
    "cash_equivalent": (0.70, 0.97),
}

BIAS = -2.4
MODEL_PRIOR = 0.35
MODEL_UP = 2.5
MODEL_DOWN = 0.3
MODEL_CAP = 4.0
LOGIT_CLIP = 4.0
POSITIVE_CAP = 8.0
NEGATIVE_CAP = -8.0
STYLE_WEIGHT = 3.5
SUSPICIOUS = 0.35
NEW_ACCOUNT_DAYS = 14
NEW_ACCOUNT_WEIGHT = 0.8
BURST_LISTINGS = 20
BURST_WEIGHT = 0.8
STRIKE_WEIGHT = 0.7
MAX_STRIKES_COUNTED = 3
# A low price says nothing about authenticity when the seller explains it: damaged / junk items, or only
# the box or accessories. Then the price check does not fire.
PRICE_EXPLAINED_BY = frozenset({"cf_neg_damaged", "cf_neg_accessory_only"})


@dataclass(frozen=True, slots=True)
class Reason:
    """One signal that fired. ``spans`` index ``title + "\\n" + description``."""

    signal: Signal
    policy: str | None
    text: str
    spans: list[list[int]] = field(default_factory=list)
    weight: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"signal": self.signal, "policy": self.policy, "text": self.text,
                "spans": self.spans, "weight": round(self.weight, 2)}


@dataclass(frozen=True, slots=True)
class Verdict:
    """The detector's decision on one listing.

    ``policy`` is the highest-scoring policy (also when not flagged, so a
    reviewer sees the near miss); ``reasons`` are the signals for that policy.
    """

    id: Any
    flagged: bool
    suspend: bool
    policy: str | None
    score: float
    scores: dict[str, float]
    reasons: list[Reason]

    def to_json(self) -> dict[str, Any]:
        """``{id, flagged, policy, score, reasons}``; policy is null unless flagged.

        Reasons are objects ``{signal, policy, text, spans, weight}``.
        """
        return {"id": self.id, "flagged": self.flagged,
                "policy": self.policy if self.flagged else None,
                "score": round(self.score, 4), "reasons": [r.to_dict() for r in self.reasons]}


def listing_text(listing: Mapping[str, Any]) -> str:
    """The string the detector reads and that reason spans index."""
    return f"{listing.get('title') or ''}\n{listing.get('description') or ''}"


def _merge_spans(norm: Normalized, spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    mapped = sorted({norm.span(s, e) for s, e in spans if e > s})
    merged: list[list[int]] = []
    for s, e in mapped:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return max(-LOGIT_CLIP, min(LOGIT_CLIP, math.log(p / (1 - p))))


def _model_term(p: float) -> float:
    d = _logit(p) - _logit(MODEL_PRIOR)
    return min(MODEL_CAP, MODEL_UP * d) if d > 0 else MODEL_DOWN * d


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


@dataclass
class _Evidence:
    norm: Normalized
    reasons: dict[str, list[Reason]]
    brand_reasons: list[Reason]
    doc: Doc


class Detector:
    """Scores listings against every policy. Pure: no database, no I/O."""

    def __init__(self, model: Model | None = None, thresholds: Mapping[str, tuple[float, float]] | None = None,
                 *, price_book: PriceBook | None = None) -> None:
        self.model = model
        self.thresholds = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
        self.price_book = price_book or PriceBook.builtin()

    def score(self, listing: Mapping[str, Any], seller: Mapping[str, Any] | None = None,
              *, policy: str | None = None) -> Verdict:
        """Score one listing (keys title, description, price, category, brand; all optional).

        ``policy`` makes the verdict about that policy instead of the top one, so
        an existing flag can be re-explained after the listing was edited.
        """
        return self.score_many([listing], [seller], policy=policy)[0]

    def score_many(self, listings: Sequence[Mapping[str, Any]],
                   sellers: Sequence[Mapping[str, Any] | None] | None = None,
                   *, policy: str | None = None) -> list[Verdict]:
        """Score many listings; the model runs once over the whole batch."""
        if policy is not None and policy not in POLICIES:
            raise ValueError(f"unknown policy {policy!r}")
        evidence = [self._evidence(listing) for listing in listings]
        if self.model is not None:
            probs = self.model.doc_matrix([e.doc for e in evidence])
        else:
            probs = [[MODEL_PRIOR] * len(POLICIES)] * len(evidence)
        sellers = sellers or [None] * len(listings)
        return [self._verdict(listing.get("id"), ev, row, seller, policy)
                for listing, ev, row, seller in zip(listings, evidence, probs, sellers)]

    def _evidence(self, listing: Mapping[str, Any]) -> _Evidence:
        norm = normalize(listing_text(listing))
        reasons: dict[str, list[Reason]] = {p: [] for p in POLICIES}
        hits = find_brands(norm)
        field_brand = brand_from_field(listing.get("brand"))
        brand = field_brand or (hits[0].brand if hits else None)
        brand_reasons = []
        if brand is not None:
            where = "brand field" if field_brand else "text"
            brand_reasons.append(Reason("brand", "counterfeit", f"brand {brand.name} ({where})",
                                        _merge_spans(norm, [(h.start, h.end) for h in hits if h.brand == brand])))
            style = style_mentions(norm, hits)
            if style:
                reasons["counterfeit"].append(Reason(
                    "brand", "counterfeit", f"brand used as a style ({brand.name}風 / inspired)",
                    _merge_spans(norm, style), STYLE_WEIGHT))
        rule_hits = match_rules(norm, has_brand=brand is not None)
        if brand is not None and not any(hit.rule.id in PRICE_EXPLAINED_BY for hit in rule_hits):
            price = listing.get("price")
            category = canonical_category(listing.get("category"), listing.get("title"))
            signal = self.price_book.check(brand, category, price if isinstance(price, int) else None)
            if signal is not None:
                reasons["counterfeit"].append(Reason("price", "counterfeit", signal.reason(), [], signal.weight))
        for hit in rule_hits:
            rule = hit.rule
            reasons[rule.policy].append(Reason("rule", rule.policy, rule.reason,
                                               _merge_spans(norm, hit.spans), rule.weight))
        doc = doc_from_evidence(listing, norm, brand, bool(hits), self.price_book)
        return _Evidence(norm, reasons, brand_reasons, doc)

    def _verdict(self, listing_id: Any, ev: _Evidence, probs: Sequence[float],
                 seller: Mapping[str, Any] | None, focus: str | None = None) -> Verdict:
        scores: dict[str, float] = {}
        extra: dict[str, list[Reason]] = {}
        for j, policy in enumerate(POLICIES):
            weights = [r.weight for r in ev.reasons[policy]]
            z = (BIAS + _model_term(float(probs[j]))
                 + min(POSITIVE_CAP, sum(w for w in weights if w > 0))
                 + max(NEGATIVE_CAP, sum(w for w in weights if w < 0)))
            extra[policy] = []
            if seller and _sigmoid(z) >= SUSPICIOUS:
                extra[policy] = _seller_reasons(policy, seller)
                z += sum(r.weight for r in extra[policy])
            scores[policy] = _sigmoid(z)
        top = focus or max(scores, key=scores.__getitem__)
        flag_at, suspend_at = self.thresholds[top]
        reasons = sorted(ev.reasons[top] + extra[top], key=lambda r: -r.weight)
        if self.model is not None:
            p = float(probs[POLICIES.index(top)])
            reasons.append(Reason("model", top, f"text classifier: {p:.0%} {top}", [], _model_term(p)))
        if top == "counterfeit":
            reasons = ev.brand_reasons + reasons
        score = scores[top]
        return Verdict(listing_id, score >= flag_at, score >= suspend_at, top, score, scores, reasons)


def _seller_reasons(policy: str, seller: Mapping[str, Any]) -> list[Reason]:
    out = []
    age = seller.get("account_age_days")
    if isinstance(age, (int, float)) and age < NEW_ACCOUNT_DAYS:
        out.append(Reason("seller", policy, f"new account ({int(age)} days old)", [], NEW_ACCOUNT_WEIGHT))
    burst = seller.get("listings_last_24h")
    if isinstance(burst, int) and burst >= BURST_LISTINGS:
        out.append(Reason("seller", policy, f"burst of listings ({burst} in the last 24 h)", [], BURST_WEIGHT))
    strikes = seller.get("prior_strikes")
    if isinstance(strikes, int) and strikes > 0:
        out.append(Reason("seller", policy, f"{strikes} prior strike(s)", [],
                          STRIKE_WEIGHT * min(strikes, MAX_STRIKES_COUNTED)))
    return out
