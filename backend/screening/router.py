"""HTTP API of screening: live verdicts, thresholds and their preview, detector versions.

Reads are for moderators and supervisors; changing thresholds, training and
activating versions is for supervisors. Training runs inside the request and
takes seconds.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from backend.deps import DbSession, require
from backend.idempotency.guard import Idempotency
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page
from backend.permissions import Permission
from backend.screening import service, thresholds, training
from backend.staff.models import Staff

router = APIRouter(prefix="/screening", tags=["detection"])
Reader = Annotated[Staff, Depends(require(Permission.read_screening))]
Manager = Annotated[Staff, Depends(require(Permission.manage_screening))]


class ThresholdOut(BaseModel):
    policy: str
    flag_at: float
    suspend_at: float
    default_flag_at: float
    default_suspend_at: float
    updated_by_id: int | None
    updated_at: datetime | None
    version: int  # 0: the built-in default is in force


class ThresholdIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    flag_at: float = Field(gt=0, le=1)
    suspend_at: float = Field(gt=0, le=1)
    version: int = Field(ge=0, description="the version you saw; 0 while the default is in force")
    reason: str | None = Field(default=None, max_length=500)


class CurvePoint(BaseModel):
    threshold: float
    precision: float | None  # None: no decided flag at or above it
    true_positives: int
    false_positives: int
    flags_per_day: float
    flags_in_window: int


class PreviewOut(BaseModel):
    policy: str
    window_days: int
    decided_flags: int
    observed_min_score: float | None  # below this the figures are a lower bound
    current: dict[str, float]
    at_threshold: CurvePoint | None
    curve: list[CurvePoint]


class VersionOut(BaseModel):
    id: int
    created_at: datetime
    trained_on: int
    metrics: dict[str, Any]
    active: bool
    activated_at: datetime | None
    note: str | None


class TrainIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str | None = Field(default=None, max_length=500)


class TrainOut(BaseModel):
    version: VersionOut
    activated: bool
    previous_version_id: int


class ActivateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=500)


class VerdictOut(BaseModel):
    """The active detector on a listing now; ``spans`` index ``text``."""

    listing_id: int
    listing_version: int
    text: str
    detector_version: int | None
    flagged: bool
    suspend: bool
    policy: str | None
    score: float
    scores: dict[str, float]
    flag_at: float
    suspend_at: float
    reasons: list[dict[str, Any]]


@router.get("/listings/{listing_id}", response_model=VerdictOut)
def verdict(listing_id: int, _staff: Reader, session: DbSession) -> dict[str, Any]:
    return service.explain(session, listing_id=listing_id)


@router.get("/thresholds", response_model=list[ThresholdOut])
def list_thresholds(_staff: Reader, session: DbSession) -> list[dict[str, Any]]:
    return thresholds.threshold_rows(session)


@router.put("/thresholds/{policy}", response_model=ThresholdOut)
def set_threshold(policy: str, body: ThresholdIn, actor: Manager, session: DbSession) -> dict[str, Any]:
    thresholds.set_threshold(session, policy=policy, flag_at=body.flag_at, suspend_at=body.suspend_at,
                             version=body.version, actor=actor, reason=body.reason)
    return next(row for row in thresholds.threshold_rows(session) if row["policy"] == policy)


@router.get("/thresholds/{policy}/preview", response_model=PreviewOut)
def preview_threshold(policy: str, _staff: Reader, session: DbSession,
                      threshold: Annotated[float | None, Query(gt=0, le=1)] = None) -> dict[str, Any]:
    return thresholds.preview(session, policy=policy, threshold=threshold)


@router.get("/versions", response_model=Page[VersionOut])
def list_versions(_staff: Reader, session: DbSession, cursor: Annotated[str | None, Query(max_length=200)] = None,
                  limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT) -> Page[dict[str, Any]]:
    return training.list_versions(session, cursor=cursor, limit=limit)


@router.post("/versions/train", response_model=TrainOut, status_code=201)
def train(body: TrainIn, actor: Manager, session: DbSession, idem: Idempotency) -> dict[str, Any]:
    """Train a version from the stored decisions; activated only if held-out precision does not drop."""
    outcome = training.train_version(session, actor=actor, note=body.note)
    return idem.remember(TrainOut.model_validate(outcome.to_dict()).model_dump(mode="json"), 201)


@router.post("/versions/{version_id}/activate", response_model=VersionOut)
def activate(version_id: int, body: ActivateIn, actor: Manager, session: DbSession,
             idem: Idempotency) -> dict[str, Any]:
    row = training.activate_version(session, version_id=version_id, actor=actor, reason=body.reason)
    return idem.remember(VersionOut.model_validate(training.version_out(row)).model_dump(mode="json"))
