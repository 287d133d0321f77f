"""Labelled recall/listing sets and how a matcher is scored on them.

Two sets:

- the **older set** (``data/eval_recalls.json``, ``data/eval_listings.jsonl``):
  12 recalls and 156 listings the team wrote itself, modelled on real notices;
- the **corpus** (``data/corpus/``): real recall records as regulators and
  manufacturers published them (US CPSC, Health Canada, EU Safety Gate,
  Japanese notices), converted only in shape to the CPSC API's JSON, and
  listings written by authors who saw only those records, never the matcher
  (``data/corpus/README.md``). The corpus is split once, by recall, into a
  *tuning* half and a *test* half (``data/corpus/split.json``): the matcher
  may be tuned on the tuning half only; the test half is read to report.

Each listing is labelled with the recall it is an instance of, or none
(near misses: sibling models, the same type by another brand, accessories).
A recall/listing pair counts as predicted when the matcher rates it
``medium`` or ``high``: what an officer would be asked to confirm. Precision
at ``high`` is reported apart, because high is what an officer may confirm
in bulk.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.orm import Session

from backend.db import Database
from backend.escrow.models import Transaction, TransactionStatus
from backend.listings.keys import gtin14, normalise_model
from backend.listings.models import Listing
from backend.members.models import Member
from backend.recalls import cpsc, terms
from backend.recalls.schemas import RecallIn

DATA = Path(__file__).with_name("data")
CORPUS = DATA / "corpus"
PREFIX = "ev-"
Half = Literal["tuning", "test"]


def recall_records() -> list[RecallIn]:
    """The older set's recalls."""
    return cpsc.parse((DATA / "eval_recalls.json").read_text(encoding="utf-8"))


def labelled_listings() -> list[dict[str, Any]]:
    """The older set's listings."""
    return _jsonl(DATA / "eval_listings.jsonl")


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass(frozen=True)
class EvalSet:
    """Recalls to import, listings to seed, and the recalls whose matches are scored."""

    name: str
    records: list[RecallIn]
    listings: list[dict[str, Any]]
    numbers: list[str]


def older_set() -> EvalSet:
    records = recall_records()
    return EvalSet("older set", records, labelled_listings(), [r.number for r in records])


def corpus_split() -> dict[str, list[str]]:
    """Recall numbers of each half, as fixed once in ``split.json``."""
    return json.loads((CORPUS / "split.json").read_text(encoding="utf-8"))


def corpus_set(half: Half) -> EvalSet:
    """Every corpus record and listing; only ``half``'s recalls are scored.

    All listings are seeded whichever half is scored, so each recall meets
    the near misses written for the other half's recalls too."""
    records = [r for path in sorted(CORPUS.glob("records_*.json"))
               for r in cpsc.parse(path.read_text(encoding="utf-8"))]
    listings = [row for path in sorted(CORPUS.glob("listings_*.jsonl")) for row in _jsonl(path)]
    return EvalSet(f"corpus, {half} half", records, listings, corpus_split()[half])


def seed_listings(session: Session, rows: Iterable[dict[str, Any]] | None = None, *,
                  members: str = PREFIX) -> dict[str, int]:
    """Write the labelled listings (with a seller each, and a completed sale
    for the sold ones) and index them; returns external id -> listing id.
    Empty strings count as absent, as in ``import-listings``. ``members``
    prefixes the sellers' and buyers' ids, so that two sets can share a database."""
    rows = list(rows if rows is not None else labelled_listings())
    sellers = [Member(external_id=f"{members}seller-{i}", display_name=f"Eval seller {i}") for i in range(12)]
    buyers = [Member(external_id=f"{members}buyer-{i}", display_name=f"Eval buyer {i}") for i in range(12)]
    session.add_all(sellers + buyers)
    session.flush()
    ids: dict[str, int] = {}
    for n, row in enumerate(rows):
        model, barcode = row.get("model_number") or None, row.get("barcode") or None
        listing = Listing(external_id=row["id"], seller_id=sellers[n % len(sellers)].id, title=row["title"],
                          description=row.get("description") or "", category=row.get("category") or "eval",
                          brand=row.get("brand") or None, model_number=model, barcode=barcode,
                          barcode_gtin=gtin14(barcode), model_norm=normalise_model(model),
                          price=row.get("price") or 3000, status=row.get("status", "active"))
        session.add(listing)
        session.flush()
        ids[row["id"]] = listing.id
        if listing.status == "sold":
            session.add(Transaction(listing_id=listing.id, buyer_id=buyers[n % len(buyers)].id,
                                    seller_id=listing.seller_id, amount=listing.price, fee=listing.price // 10,
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


@dataclass
class Report:
    """Reach (true listings found at high or medium) and precision at high,
    overall and per language of the listing."""

    name: str
    reach: Score  # predictions at medium or high
    high: Score  # predictions at high
    by_language: dict[str, tuple[Score, Score]]

    def table(self) -> str:
        lines = [f"{self.name}",
                 "| listings | true | found (high+medium) | reach | high | precision at high | precision high+medium |",
                 "|---|---|---|---|---|---|---|"]
        for label, (reach, high) in [("all", (self.reach, self.high)), *sorted(self.by_language.items())]:
            true = reach.true_positive + reach.false_negative
            lines.append(f"| {label} | {true} | {reach.true_positive} | {reach.recall:.3f} | "
                         f"{high.true_positive + high.false_positive} | {high.precision:.3f} | {reach.precision:.3f} |")
        return "\n".join(lines)


def report(name: str, found: dict[str, dict[str, str]], eval_set: EvalSet) -> Report:
    """``found[recall number][listing external id]`` is the confidence the
    matcher gave; scores overall and per listing language (``lang``)."""
    def predicted(levels: tuple[str, ...], rows: list[dict[str, Any]]) -> Score:
        ids = {row["id"] for row in rows}
        return score(lambda n: {ext for ext, c in found.get(n, {}).items() if c in levels and ext in ids},
                     eval_set.numbers, rows)

    def outcome(rows: list[dict[str, Any]]) -> tuple[Score, Score]:
        return predicted(("high", "medium"), rows), predicted(("high",), rows)

    languages = sorted({row.get("lang") or "?" for row in eval_set.listings})
    by_language = {lang: outcome([r for r in eval_set.listings if (r.get("lang") or "?") == lang])
                   for lang in languages} if len(languages) > 1 else {}
    reach, high = outcome(eval_set.listings)
    return Report(name, reach, high, by_language)


def run(db: Database, eval_set: EvalSet) -> tuple[Report, dict[str, dict[str, Any]]]:
    """Seed an empty database with the set, match each scored recall, and
    report; also returns every candidate by recall number and listing id."""
    from sqlalchemy import select

    from backend.recalls import matcher, service
    from backend.recalls.models import Recall

    with db.transaction() as session:
        seed_listings(session, eval_set.listings)
        service.import_recalls(session, records=eval_set.records, actor_id=None, actor_label="evaluation")
    candidates: dict[str, dict[str, Any]] = {}
    with db.session() as session:
        for number in eval_set.numbers:
            recall = session.scalar(select(Recall).where(Recall.number == number))
            if recall is None:
                raise ValueError(f"{eval_set.name}: recall {number} is not among its records")
            profile = matcher.load_profile(session, recall)
            candidates[number] = {c.listing_external_id: c for c in matcher.match(session, profile)}
    found = {n: {ext: c.confidence.value for ext, c in by_id.items()} for n, by_id in candidates.items()}
    return report(eval_set.name, found, eval_set), candidates
