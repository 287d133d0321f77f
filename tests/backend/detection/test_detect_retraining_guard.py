"""The retraining guard: a version is activated automatically only when enough held-out decisions per
policy can judge it, and the reasons are stored for the console."""

from __future__ import annotations

import random

from fastapi.testclient import TestClient
from sqlalchemy import select

from backend.db import Database
from backend.detection import classifier
from backend.detection.classifier import MIN_HELD_OUT_PER_POLICY
from backend.detection.detector import listing_text
from backend.detection.rules import POLICIES
from backend.detection.seed_labels import ok_listing, seed_examples, violating_listing
from backend.screening.models import DecisionLabel, DetectorVersion

SUP = "supervisor"


def test_a_retrain_with_too_few_held_out_decisions_is_not_activated(client: TestClient, headers,
                                                                     db: Database) -> None:
    # Consistent decisions, but only ten per policy: about two per policy are held out.
    rng = random.Random(8)
    with db.transaction() as s:
        s.add_all(DecisionLabel(text=listing_text(violating_listing(p, rng)), label=p, source="takedown")
                  for p in POLICIES for _ in range(10))
        s.add_all(DecisionLabel(text=listing_text(ok_listing(rng)), label="ok", source="dismiss")
                  for _ in range(20))
    body = client.post("/api/v1/screening/versions/train", json={}, headers=headers[SUP]).json()
    assert body["activated"] is False
    metrics = body["version"]["metrics"]
    assert metrics["activated"] is False
    assert metrics["activation"][0].startswith("too few held-out decisions")
    assert f"need {MIN_HELD_OUT_PER_POLICY} per policy" in metrics["activation"][0]
    assert set(metrics["held_out_counts"]) == {*POLICIES, "ok"}
    assert all(n < MIN_HELD_OUT_PER_POLICY for n in metrics["held_out_counts"].values())
    assert metrics["load"] == {"loadable": True, "problem": None}
    with db.session() as s:
        active = s.scalars(select(DetectorVersion.id).where(DetectorVersion.active.is_(True))).all()
    assert active == [body["previous_version_id"]]


def test_the_guard_needs_every_policy_and_ok_and_refuses_a_model_that_stops_flagging() -> None:
    good = classifier.train(seed_examples(1200, seed=21))
    held_out = seed_examples(600, seed=22)
    enough = classifier.should_activate(good, None, held_out)
    assert enough and enough.held_out_counts["weapon"] >= MIN_HELD_OUT_PER_POLICY

    no_weapons = [(text, label) for text, label in held_out if label != "weapon"]
    refused = classifier.should_activate(good, None, no_weapons)
    assert not refused and "weapon: 0" in refused.reasons[0]

    silent = classifier.train([(text, "ok" if i % 7 else label) for i, (text, label)
                               in enumerate(seed_examples(1200, seed=23))])
    verdict = classifier.should_activate(silent, good, held_out)
    assert not verdict and any("recall would drop" in reason for reason in verdict.reasons)
