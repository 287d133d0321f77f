"""The labelled evaluation set (``data/eval_recalls.json``, ``data/eval_listings.jsonl``)
and how a matcher is scored on it.

The recalls are hand-written in the CPSC API's form, modelled on real recall
notices (brands are real; recall numbers, barcodes and model numbers are
illustrative). Each listing is labelled with the recall it is an instance of,
or none: near-miss distractors (same brand other model, sibling models,
accessories for the recalled product, similar names) are labelled none.
A recall/listing pair counts as predicted when the matcher rates it
``medium`` or ``high``: what an officer would be asked to confirm.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from backend.escrow.models import Transaction, TransactionStatus
from backend.listings.keys import gtin14, normalise_model
from backend.listings.models import Listing
from backend.members.models import Member
from backend.recalls import cpsc, terms
from backend.recalls.schemas import RecallIn

DATA = Path(__file__).with_name("data")
PREFIX = "ev-"


def recall_records() -> list[RecallIn]:
    return cpsc.parse((DATA / "eval_recalls.json").read_text(encoding="utf-8"))


def labelled_listings() -> list[dict[str, Any]]:
    lines = (DATA / "eval_listings.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def seed_listings(session: Session, rows: Iterable[dict[str, Any]] | None = None) -> dict[str, int]:
    """Write the labelled listings (with a seller each, and a completed sale
    for the sold ones) and index them; returns external id -> listing id."""
    rows = list(rows if rows is not None else labelled_listings())
    sellers = [Member(external_id=f"{PREFIX}seller-{i}", display_name=f"Eval seller {i}") for i in range(12)]
    buyers = [Member(external_id=f"{PREFIX}buyer-{i}", display_name=f"Eval buyer {i}") for i in range(12)]
    session.add_all(sellers + buyers)
    session.flush()
    ids: dict[str, int] = {}
    for n, row in enumerate(rows):
        listing = Listing(external_id=row["id"], seller_id=sellers[n % len(sellers)].id, title=row["title"],
                          description=row.get("description") or "", category="eval", brand=row.get("brand"),
                          model_number=row.get("model_number"), barcode=row.get("barcode"),
                          barcode_gtin=gtin14(row.get("barcode")), model_norm=normalise_model(row.get("model_number")),
                          price=3000, status=row.get("status", "active"))
        session.add(listing)
        session.flush()
        ids[row["id"]] = listing.id
        if listing.status == "sold":
            session.add(Transaction(listing_id=listing.id, buyer_id=buyers[n % len(buyers)].id,
                                    seller_id=listing.seller_id, amount=3000, fee=300,
                                    status=TransactionStatus.completed))
        terms.index_listing(session, listing)
    session.flush()
    return ids


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    mistakes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        predicted = self.true_positive + self.false_positive
        return self.true_positive / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        actual = self.true_positive + self.false_negative
        return self.true_positive / actual if actual else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(predict: Callable[[str], set[str]], numbers: Iterable[str],
          rows: list[dict[str, Any]] | None = None) -> Score:
    """``predict(recall_number)`` gives the external ids a matcher proposes;
    ids outside the labelled set (background listings) are ignored."""
    rows = rows if rows is not None else labelled_listings()
    labels = {row["id"]: row.get("label") for row in rows}
    result = Score()
    for number in numbers:
        predicted = {ext for ext in predict(number) if ext in labels}
        actual = {ext for ext, label in labels.items() if label == number}
        result.true_positive += len(predicted & actual)
        for ext in sorted(predicted - actual):
            result.false_positive += 1
            result.mistakes.append(f"{number}: false positive {ext}")
        for ext in sorted(actual - predicted):
            result.false_negative += 1
            result.mistakes.append(f"{number}: missed {ext}")
    return result
