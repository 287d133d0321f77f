"""Stored detector versions this service cannot load (trained by an older release, or with another
scikit-learn) are listed as such, cannot be activated, and never break screening: the built-in model
screens while such a version is the active one."""

from __future__ import annotations

import pickle

import pytest
import sklearn
from fastapi.testclient import TestClient
from sqlalchemy import update

from backend.db import Database, utcnow
from backend.detection import classifier
from backend.detection.classifier import FORMAT_VERSION, OLDER_RELEASE, Model, ModelFormatError
from backend.screening import active as active_module
from backend.screening.models import DetectorVersion

SUP = "supervisor"


class _Gone:  # stands for a class an older release pickled and this one no longer has
    pass


def _older_release_blob() -> bytes:
    return pickle.dumps({"format": FORMAT_VERSION - 1, "model": {"weights": [0.1, 0.2]}},
                        protocol=pickle.HIGHEST_PROTOCOL)


def _other_sklearn_blob() -> bytes:
    return pickle.dumps({"format": FORMAT_VERSION, "sklearn": "0.0.1", "model": None},
                        protocol=pickle.HIGHEST_PROTOCOL)


def _format_one_pickle() -> bytes:
    """Round-1-and-earlier style: a bare pickled object, no header at all."""
    return pickle.dumps(_Gone(), protocol=pickle.HIGHEST_PROTOCOL)


@pytest.mark.parametrize("blob, words", [
    (_older_release_blob(), OLDER_RELEASE),
    (_format_one_pickle(), OLDER_RELEASE),
    (_other_sklearn_blob(), f"this service runs {sklearn.__version__}"),
    (b"", OLDER_RELEASE),
])
def test_the_header_says_why_a_blob_cannot_be_loaded_without_unpickling_it(blob: bytes, words: str) -> None:
    assert words in (classifier.load_problem(blob[:classifier.HEADER_BYTES]) or "")
    with pytest.raises(ModelFormatError, match="retrain"):
        Model.from_bytes(blob)


def test_a_current_blob_has_no_problem() -> None:
    examples = [("ロレックス スーパーコピー", "counterfeit"), ("手作りのマグカップ", "ok"),
                ("モンスト 引退垢", "game_account")] * 20
    blob = classifier.train(examples).to_bytes()
    assert classifier.load_problem(blob[:classifier.HEADER_BYTES]) is None


def _store(db: Database, blob: bytes, *, active: bool = False) -> int:
    with db.transaction() as s:
        if active:
            s.execute(update(DetectorVersion).values(active=False))
        row = DetectorVersion(created_at=utcnow(), trained_on=10, blob=blob, active=active,
                              activated_at=utcnow() if active else None, note="stored by an older release",
                              metrics={"source": "decisions"})
        s.add(row)
        s.flush()
        version_id = row.id
    # Loaded models are cached per process by version id; test databases reuse ids.
    active_module._MODELS.pop(version_id, None)
    active_module._PROBLEMS.pop(version_id, None)
    return version_id


def test_versions_list_marks_unloadable_versions_and_refuses_to_activate_them(client: TestClient, headers,
                                                                               db: Database) -> None:
    # The service stores its built-in model on first use; then an older release's blob sits beside it.
    assert client.get("/api/v1/screening/versions", headers=headers[SUP]).status_code == 200
    old_id = _store(db, _older_release_blob())
    response = client.get("/api/v1/screening/versions", headers=headers[SUP])
    assert response.status_code == 200, response.text
    by_id = {v["id"]: v for v in response.json()["items"]}
    assert by_id[old_id]["metrics"]["load"] == {"loadable": False, "problem": OLDER_RELEASE}
    assert all(v["metrics"]["load"]["loadable"] for i, v in by_id.items() if i != old_id)

    refused = client.post(f"/api/v1/screening/versions/{old_id}/activate", json={"reason": "roll back"},
                          headers={**headers[SUP], "Idempotency-Key": "activate-old"})
    assert refused.status_code == 409, refused.text
    assert refused.json()["error"]["code"] == "unloadable"
    assert "older release" in refused.json()["error"]["message"]


def test_an_active_unloadable_version_screens_with_the_built_in_model(db: Database, caplog) -> None:
    old_id = _store(db, _older_release_blob(), active=True)
    with db.session() as s:
        first = active_module.active_detector(s)
        second = active_module.active_detector(s)
        assert first.version_id is None and second.version_id is None  # built-in model, no crash
        verdict = first.detector.score({"title": "ロレックス スーパーコピー", "description": "N級品です"})
        assert verdict.flagged and verdict.policy == "counterfeit"
        assert active_module.load_problem(old_id, None) == OLDER_RELEASE
    errors = [r for r in caplog.records if "cannot be loaded" in r.getMessage()]
    assert len(errors) == 1  # logged once per process, not at every screening
