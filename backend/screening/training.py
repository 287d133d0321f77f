"""The learning loop: train a detector version from moderators' decisions,
keep every version, activate a new one only when it is not less precise.

Training data is every stored decision label (a takedown names its policy, a
dismissal says ``ok``; only the latest label per listing counts, since a
reversed decision replaces an earlier one) plus the templated seed examples,
so early on, with few decisions, the model does not forget what the seed
taught it. A deterministic fifth of both (by a hash of the text, so an
identical text never lands on both sides) is held out; the new model is
trained on the rest and compared with the active one on the held-out part by
:func:`backend.detection.classifier.should_activate` (overall precision must
not drop). The active model may have seen the held-out seed examples, which
only makes the comparison stricter.

Training takes seconds (about 7,000 examples plus the decisions); on SQLite the
request holds the write lock meanwhile, so other writes wait that long.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from backend.audit import service as audit
from backend.db import utcnow
from backend.detection import classifier
from backend.detection.batch import SEED_EXAMPLES
from backend.detection.metrics import LABELS
from backend.detection.seed_labels import seed_examples
from backend.errors import Conflict, InvalidInput, NotFound
from backend.pagination import Page, paginate
from backend.screening.active import ensure_active_version, model_of, set_active
from backend.screening.models import DecisionLabel, DetectorVersion
from backend.staff.models import Staff

HOLD_OUT_ONE_IN = 5

Example = tuple[str, str]


@dataclass(frozen=True)
class TrainingOutcome:
    version: DetectorVersion
    activated: bool
    previous_version_id: int

    def to_dict(self) -> dict[str, Any]:
        return {"version": version_out(self.version), "activated": self.activated,
                "previous_version_id": self.previous_version_id}


def version_out(row: DetectorVersion) -> dict[str, Any]:
    return {"id": row.id, "created_at": row.created_at, "trained_on": row.trained_on, "metrics": row.metrics,
            "active": row.active, "activated_at": row.activated_at, "note": row.note}


def decision_examples(session: Session) -> list[Example]:
    """The latest label per listing (labels without a listing all count), oldest first."""
    latest: dict[Any, Example] = {}
    for label_id, listing_id, text, label in session.execute(
            select(DecisionLabel.id, DecisionLabel.listing_id, DecisionLabel.text, DecisionLabel.label)
            .where(DecisionLabel.label.in_(LABELS)).order_by(DecisionLabel.id)):
        latest[listing_id if listing_id is not None else ("unlinked", label_id)] = (text, label)
    return list(latest.values())


def held_out(text: str) -> bool:
    return hashlib.sha256(text.encode()).digest()[0] % HOLD_OUT_ONE_IN == 0


def split(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    train: list[Example] = []
    test: list[Example] = []
    for example in examples:
        (test if held_out(example[0]) else train).append(example)
    return train, test


def train_version(session: Session, *, actor: Staff | None, note: str | None = None,
                  seed_count: int = SEED_EXAMPLES) -> TrainingOutcome:
    """Train, store and (when it is not less precise) activate a new version; audited."""
    current_id = ensure_active_version(session)
    current = model_of(session, current_id)
    decisions = decision_examples(session)
    decision_train, decision_test = split(decisions)
    seed_train, seed_test = split(seed_examples(seed_count))
    train_set, test_set = decision_train + seed_train, decision_test + seed_test
    try:
        model = classifier.train(train_set)
    except ValueError as exc:
        raise InvalidInput(f"cannot train: {exc}") from None
    new_report = classifier.evaluate(model, test_set)
    current_report = classifier.evaluate(current, test_set) if current is not None else None
    activate = classifier.should_activate(model, current, test_set)
    row = DetectorVersion(
        created_at=utcnow(), trained_on=len(train_set), blob=model.to_bytes(), active=False,
        note=(note or "").strip() or None,
        metrics={"source": "decisions", "decisions": len(decisions), "decisions_held_out": len(decision_test),
                 "seed_examples": seed_count, "held_out": len(test_set), "label_counts": model.label_counts,
                 "compared_with": current_id, "new": new_report.to_dict(),
                 "current": current_report.to_dict() if current_report else None, "activated": activate})
    session.add(row)
    session.flush()
    actor_id, actor_label = (actor.id, actor.username) if actor else (None, "cli")
    audit.record(session, actor_id=actor_id, actor_label=actor_label, action="detector.version.train",
                 target_type="detector_version", target_id=row.id,
                 after={"trained_on": row.trained_on, "decisions": len(decisions),
                        "precision": new_report.overall.precision,
                        "current_precision": current_report.overall.precision if current_report else None,
                        "activated": activate}, reason=row.note)
    if activate:
        set_active(session, row)
        audit.record(session, actor_id=actor_id, actor_label=actor_label, action="detector.version.activate",
                     target_type="detector_version", target_id=row.id, before={"active_version": current_id},
                     after={"active_version": row.id}, reason="retrained; held-out precision did not drop")
    return TrainingOutcome(row, activate, current_id)


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
        raise Conflict(f"Detector version {version_id} cannot be loaded by this service (retrain instead).",
                       code="unloadable")
    previous = set_active(session, row)
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="detector.version.activate",
                 target_type="detector_version", target_id=row.id, before={"active_version": previous},
                 after={"active_version": row.id}, reason=reason.strip())
    return row


def list_versions(session: Session, *, cursor: str | None, limit: int) -> Page[dict[str, Any]]:
    """Newest first, without the model bytes."""
    stmt = select(DetectorVersion).options(defer(DetectorVersion.blob))
    return paginate(session, stmt, sort=DetectorVersion.id, id_col=DetectorVersion.id, cursor=cursor, limit=limit,
                    to_item=lambda row: version_out(row[0]))
