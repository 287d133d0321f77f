"""The learning loop: train a detector version from moderators' decisions,
keep every version, activate a new one automatically only when the held-out
decisions can vouch for it.

Training data is every stored decision label (a takedown names its policy, a
dismissal says ``ok``; only the latest label per listing counts, since a
reversed decision replaces an earlier one), read with the listing's price,
brand and category, plus what the built-in model learns from (the seed
listings and the independent corpus's train and dev splits), so that early on, with
few decisions, the model does not forget what it was taught. A deterministic
fifth of the decisions (by a hash of the text, so an identical text never
lands on both sides) is held out; the new model is trained on the rest.

The guard (:func:`backend.detection.classifier.should_activate`): a version
is activated automatically only when every policy and ``ok`` have at least
``MIN_HELD_OUT_PER_POLICY`` held-out decisions, and then only when held-out
precision and recall do not drop by more than the noise of a decision or two. The
reasons are stored with the version (``metrics.activation``) and the console
shows them; a supervisor can still activate any version by hand. Per-policy
held-out precision and recall of the new and the active model are stored
too. (The corpus's dev split is no longer shown beside them: since its settings
were chosen by cross-validation, the model learns from train and dev, so dev
figures would be figures on training data.)

A version this service cannot load (trained by an older release, or with
another scikit-learn) is listed with ``metrics.load = {"loadable": false,
"problem": ...}``, cannot be activated, and while it is the active one the
built-in model screens instead (``backend.screening.active``).

Training takes seconds (about 7,000 examples plus the decisions); on SQLite the
request holds the write lock meanwhile, so other writes wait that long.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer

from backend.audit import service as audit
from backend.db import utcnow
from backend.detection import classifier
from backend.detection.batch import SEED_EXAMPLES, builtin_examples
from backend.detection.classifier import HEADER_BYTES, MIN_HELD_OUT_PER_POLICY, Example, Model
from backend.detection.metrics import LABELS
from backend.errors import Conflict, InvalidInput, NotFound
from backend.listings.models import Listing
from backend.pagination import Page, paginate
from backend.screening.active import ensure_active_version, load_problem, model_of, set_active
from backend.screening.models import DecisionLabel, DetectorVersion
from backend.staff.models import Staff

HOLD_OUT_ONE_IN = 5


@dataclass(frozen=True)
class TrainingOutcome:
    version: DetectorVersion
    activated: bool
    previous_version_id: int

    def to_dict(self) -> dict[str, Any]:
        return {"version": version_out(self.version), "activated": self.activated,
                "previous_version_id": self.previous_version_id}


def version_out(row: DetectorVersion, *, head: bytes | None = None, problem: str | None = None) -> dict[str, Any]:
    """A version for the API. ``metrics.load`` says whether this service can screen with it
    (``{"loadable": bool, "problem": str | None}``, e.g. "trained by an older release of the detector;
    retrain"): ``problem`` when known, else read from ``head`` (the start of its blob) when given."""
    if problem is None and head is not None:
        problem = load_problem(row.id, head)
    metrics = {**(row.metrics or {}), "load": {"loadable": problem is None, "problem": problem}}
    return {"id": row.id, "created_at": row.created_at, "trained_on": row.trained_on, "metrics": metrics,
            "active": row.active, "activated_at": row.activated_at, "note": row.note}


def decision_examples(session: Session) -> list[Example]:
    """The latest label per listing (labels without a listing all count), oldest first, as listings."""
    latest: dict[Any, Example] = {}
    for label_id, listing_id, text, label, price, brand, category in session.execute(
            select(DecisionLabel.id, DecisionLabel.listing_id, DecisionLabel.text, DecisionLabel.label,
                   Listing.price, Listing.brand, Listing.category)
            .outerjoin(Listing, Listing.id == DecisionLabel.listing_id)
            .where(DecisionLabel.label.in_(LABELS)).order_by(DecisionLabel.id)):
        title, _, description = text.partition("\n")
        listing = {"title": title, "description": description, "price": price, "brand": brand,
                   "category": category}
        latest[listing_id if listing_id is not None else ("unlinked", label_id)] = (listing, label)
    return list(latest.values())


def _text(example: Example) -> str:
    item = example[0]
    return item if isinstance(item, str) else f"{item.get('title') or ''}\n{item.get('description') or ''}"


def held_out(text: str) -> bool:
    return hashlib.sha256(text.encode()).digest()[0] % HOLD_OUT_ONE_IN == 0


def split(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    train: list[Example] = []
    test: list[Example] = []
    for example in examples:
        (test if held_out(_text(example)) else train).append(example)
    return train, test


def train_version(session: Session, *, actor: Staff | None, note: str | None = None,
                  seed_count: int = SEED_EXAMPLES) -> TrainingOutcome:
    """Train and store a new version; activate it when the guard allows (module docstring); audited."""
    current_id = ensure_active_version(session)
    current = model_of(session, current_id)
    decisions = decision_examples(session)
    decision_train, decision_test = split(decisions)
    base, base_weights = builtin_examples(seed_count=seed_count)
    train_set = decision_train + base
    try:
        model = classifier.train(train_set, weights=[1.0] * len(decision_train) + base_weights)
    except ValueError as exc:
        raise InvalidInput(f"cannot train: {exc}") from None
    new_report = classifier.evaluate(model, decision_test) if decision_test else None
    current_report = classifier.evaluate(current, decision_test) if current is not None and decision_test else None
    activation = classifier.should_activate(model, current, decision_test)
    row = DetectorVersion(
        created_at=utcnow(), trained_on=len(train_set), blob=model.to_bytes(), active=False,
        note=(note or "").strip() or None,
        metrics={"source": "decisions", "decisions": len(decisions), "decisions_held_out": len(decision_test),
                 "seed_examples": seed_count, "corpus_examples": len(base) - seed_count,
                 "held_out": len(decision_test), "held_out_counts": activation.held_out_counts,
                 "min_held_out_per_policy": MIN_HELD_OUT_PER_POLICY, "label_counts": model.label_counts,
                 "compared_with": current_id, "new": new_report.to_dict() if new_report else None,
                 "current": current_report.to_dict() if current_report else None,
                 "activated": activation.activate, "activation": list(activation.reasons)})
    session.add(row)
    session.flush()
    actor_id, actor_label = (actor.id, actor.username) if actor else (None, "cli")
    audit.record(session, actor_id=actor_id, actor_label=actor_label, action="detector.version.train",
                 target_type="detector_version", target_id=row.id,
                 after={"trained_on": row.trained_on, "decisions": len(decisions),
                        "precision": new_report.overall.precision if new_report else None,
                        "current_precision": current_report.overall.precision if current_report else None,
                        "activated": activation.activate}, reason=row.note)
    if activation:
        set_active(session, row)
        audit.record(session, actor_id=actor_id, actor_label=actor_label, action="detector.version.activate",
                     target_type="detector_version", target_id=row.id, before={"active_version": current_id},
                     after={"active_version": row.id}, reason="retrained; " + "; ".join(activation.reasons))
    return TrainingOutcome(row, activation.activate, current_id)


def activate_version(session: Session, *, version_id: int, actor: Staff, reason: str) -> DetectorVersion:
    """Explicitly make an older (or refused) version active, e.g. to roll back; audited."""
    if not reason.strip():
        raise InvalidInput("say why this version should screen listings", field="reason")
    row = session.scalar(select(DetectorVersion).where(DetectorVersion.id == version_id)
                         .options(defer(DetectorVersion.blob)))
    if row is None:
        raise NotFound(f"No detector version {version_id}.")
    if row.active:
        return row
    if model_of(session, version_id) is None:
        problem = load_problem(version_id, None) or "cannot be loaded"
        raise Conflict(f"Detector version {version_id} cannot screen listings here: {problem}. Train a new version "
                       f"instead.", code="unloadable")
    previous = set_active(session, row)
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="detector.version.activate",
                 target_type="detector_version", target_id=row.id, before={"active_version": previous},
                 after={"active_version": row.id}, reason=reason.strip())
    return row


def list_versions(session: Session, *, cursor: str | None, limit: int) -> Page[dict[str, Any]]:
    """Newest first, without the model bytes; each says whether this service can load it (only the blob's
    first bytes are read for that, see ``classifier.load_problem``)."""
    stmt = select(DetectorVersion, func.substr(DetectorVersion.blob, 1, HEADER_BYTES)).options(
        defer(DetectorVersion.blob))
    return paginate(session, stmt, sort=DetectorVersion.id, id_col=DetectorVersion.id, cursor=cursor, limit=limit,
                    to_item=lambda row: version_out(row[0], head=bytes(row[1]) if row[1] is not None else None))
