"""The detector every service process screens with: the active model version
from the database plus the per-policy thresholds supervisors set.

Several stateless service processes share one database, so a process cannot
keep "the" model forever: each screening asks for the active version id and
the thresholds (two tiny queries) and unpickles a model blob only when that id
is one it has not loaded yet. An empty model table gets the built-in seed
model (trained from the seed labels, cached on disk by
:func:`backend.detection.batch.seed_model`) stored as version 1.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import advisory_lock, utcnow
from backend.detection.batch import SEED_EXAMPLES, seed_model
from backend.detection.classifier import Model, ModelFormatError
from backend.detection.classifier import load_problem as classifier_load_problem
from backend.detection.detector import DEFAULT_THRESHOLDS, Detector
from backend.screening.models import DetectorVersion, PolicyThreshold

log = logging.getLogger(__name__)

SYSTEM = "detector"
_VERSIONS_LOCK = 0x44455456  # "DETV": one writer of detector_versions at a time (PostgreSQL)
_MODELS: dict[int, Model] = {}  # version id -> loaded model; versions never change once written
_MODELS_LOCK = threading.Lock()
_KEEP_MODELS = 4
_PROBLEMS: dict[int, str] = {}  # version id -> why its blob cannot be loaded by this process (never changes)


@dataclass(frozen=True)
class ActiveDetector:
    """A ready detector and the stored model version it runs (None: the built-in seed model, because no
    version is stored yet or the stored blob could not be loaded)."""

    version_id: int | None
    detector: Detector


def thresholds(session: Session) -> dict[str, tuple[float, float]]:
    """(flag_at, suspend_at) per policy: the stored ones over the defaults."""
    stored = {row.policy: (row.flag_at, row.suspend_at) for row in session.execute(
        select(PolicyThreshold.policy, PolicyThreshold.flag_at, PolicyThreshold.suspend_at))}
    return {policy: stored.get(policy, default) for policy, default in DEFAULT_THRESHOLDS.items()}


def active_version_id(session: Session) -> int | None:
    return session.scalar(select(DetectorVersion.id).where(DetectorVersion.active.is_(True))
                          .order_by(DetectorVersion.id.desc()).limit(1))


def ensure_active_version(session: Session) -> int:
    """The active version's id, storing the seed model as the first version when there is none."""
    version_id = active_version_id(session)
    if version_id is not None:
        return version_id
    advisory_lock(session, _VERSIONS_LOCK)
    version_id = active_version_id(session)  # another process may have stored it while we waited
    if version_id is not None:
        return version_id
    model = seed_model()
    now = utcnow()
    row = DetectorVersion(created_at=now, trained_on=model.n_examples, blob=model.to_bytes(), active=True,
                          activated_at=now, note="built-in seed model",
                          metrics={"source": "seed", "seed_examples": SEED_EXAMPLES,
                                   "label_counts": model.label_counts})
    session.add(row)
    session.flush()
    _remember(row.id, model)
    audit.record(session, actor_id=None, actor_label=SYSTEM, action="detector.version.activate",
                 target_type="detector_version", target_id=row.id, after={"active": True, "source": "seed"},
                 reason="no detector version stored yet")
    return row.id


def _remember(version_id: int, model: Model) -> None:
    with _MODELS_LOCK:
        if len(_MODELS) >= _KEEP_MODELS:
            _MODELS.pop(next(iter(_MODELS)))
        _MODELS[version_id] = model


def model_of(session: Session, version_id: int) -> Model | None:
    """The model stored as ``version_id``, loaded once per process; None when its blob cannot be loaded
    (e.g. written by another scikit-learn version)."""
    with _MODELS_LOCK:
        cached = _MODELS.get(version_id)
    if cached is not None:
        return cached
    blob = session.scalar(select(DetectorVersion.blob).where(DetectorVersion.id == version_id))
    if blob is None:
        return None
    try:
        model = Model.from_bytes(blob)
    except ModelFormatError as exc:
        if version_id not in _PROBLEMS:  # once per process, not at every screening
            log.error("detector version %s cannot be loaded (%s); screening with the built-in model", version_id, exc)
        _PROBLEMS[version_id] = str(exc)
        return None
    _PROBLEMS.pop(version_id, None)
    _remember(version_id, model)
    return model


def load_problem(version_id: int, head: bytes | None) -> str | None:
    """Why stored version ``version_id`` cannot screen listings in this service, or None when it can.

    ``head`` is the start of its blob (:data:`~backend.detection.classifier.HEADER_BYTES`); a version this
    process already failed to load keeps the reason it failed with."""
    problem = classifier_load_problem(head) if head is not None else None
    return problem or _PROBLEMS.get(version_id)


def active_detector(session: Session, *, store_seed: bool = True) -> ActiveDetector:
    """The detector to screen with now (see the module docstring for the cost).

    Read-only callers pass ``store_seed=False``: with no stored version they get
    the seed model without writing it.
    """
    version_id = ensure_active_version(session) if store_seed else active_version_id(session)
    model = model_of(session, version_id) if version_id is not None else None
    if model is None:
        return ActiveDetector(None, Detector(seed_model(), thresholds(session)))
    return ActiveDetector(version_id, Detector(model, thresholds(session)))


def set_active(session: Session, row: DetectorVersion) -> int | None:
    """Make ``row`` the one active version; returns the previously active id. Callers audit."""
    advisory_lock(session, _VERSIONS_LOCK)
    previous = active_version_id(session)
    session.execute(update(DetectorVersion).where(DetectorVersion.active.is_(True), DetectorVersion.id != row.id)
                    .values(active=False))
    row.active = True
    row.activated_at = utcnow()
    session.flush()
    return previous
