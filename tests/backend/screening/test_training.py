"""The learning loop: versions are kept, a worse model is never activated, supervisors can roll back."""

from __future__ import annotations

import random

from fastapi.testclient import TestClient
from sqlalchemy import select

from backend.audit.models import AuditEvent
from backend.db import Database
from backend.detection.detector import listing_text
from backend.detection.rules import POLICIES
from backend.detection.seed_labels import ok_listing, violating_listing
from backend.screening.models import DecisionLabel, DetectorVersion
from backend.screening.training import held_out

SUP = "supervisor"


def _labels(db: Database, examples: list[tuple[str, str]]) -> None:
    with db.transaction() as s:
        s.add_all(DecisionLabel(text=text, label=label, source="takedown" if label != "ok" else "dismiss")
                  for text, label in examples)


def _versions(client: TestClient, headers) -> list[dict]:
    return client.get("/api/v1/screening/versions", headers=headers["moderator"]).json()["items"]


def test_consistent_decisions_train_an_activated_version(client: TestClient, headers, db: Database) -> None:
    rng = random.Random(3)
    # Enough decisions that every policy has the guard's minimum held out (a fifth of them).
    _labels(db, [(listing_text(violating_listing(p, rng)), p) for p in POLICIES for _ in range(200)]
            + [(listing_text(ok_listing(rng)), "ok") for _ in range(300)])
    response = client.post("/api/v1/screening/versions/train", json={"note": "weekly"}, headers=headers[SUP])
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["activated"], body["version"]["metrics"]["activation"]
    metrics = body["version"]["metrics"]
    assert metrics["decisions"] == 1500 and metrics["new"]["overall"]["precision"] >= \
        metrics["current"]["overall"]["precision"] - 0.005

    versions = _versions(client, headers)
    assert [(v["id"], v["active"]) for v in versions] == [(body["version"]["id"], True),
                                                          (body["previous_version_id"], False)]
    assert versions[1]["note"] == "built-in seed model"
    with db.session() as s:
        actions = list(s.scalars(select(AuditEvent.action).where(AuditEvent.target_type == "detector_version")
                                 .order_by(AuditEvent.id)))
    assert actions == ["detector.version.activate", "detector.version.train", "detector.version.activate"]


def test_a_worse_model_is_stored_but_not_activated(client: TestClient, headers, db: Database) -> None:
    # Moderators first took yoga mats down as weapons, then changed their minds: the held-out
    # decisions (a deterministic fifth) say "ok", the rest say "weapon". A model trained on the
    # rest flags mats the held-out decisions call fine, so its precision is lower.
    texts = [f"ヨガマット 厚さ{i % 15 + 4}mm 美品 No.{i}\nほとんど使っていません。" for i in range(300)]
    _labels(db, [(text, "ok" if held_out(text) else "weapon") for text in texts])
    body = client.post("/api/v1/screening/versions/train", json={}, headers=headers[SUP]).json()
    assert body["activated"] is False
    metrics = body["version"]["metrics"]
    assert metrics["new"]["overall"]["precision"] < metrics["current"]["overall"]["precision"]
    with db.session() as s:
        active = s.scalars(select(DetectorVersion.id).where(DetectorVersion.active.is_(True))).all()
    assert active == [body["previous_version_id"]]

    # A supervisor may still activate it explicitly (audited), and roll back.
    refused = body["version"]["id"]
    no_reason = client.post(f"/api/v1/screening/versions/{refused}/activate", json={"reason": " "},
                            headers=headers[SUP])
    assert no_reason.status_code == 422
    activated = client.post(f"/api/v1/screening/versions/{refused}/activate", json={"reason": "A/B check"},
                            headers=headers[SUP])
    assert activated.status_code == 200 and activated.json()["active"]
    back = client.post(f"/api/v1/screening/versions/{body['previous_version_id']}/activate", json={"reason": "roll back"}, headers=headers[SUP])
    assert back.json()["active"] and [v["active"] for v in _versions(client, headers)] == [False, True]
    missing = client.post("/api/v1/screening/versions/999999/activate", json={"reason": "x"}, headers=headers[SUP])
    assert missing.status_code == 404
