"""Training from the detector settings window against a private real service: with only a handful of
moderator decisions the new version is stored but not activated, and the window says why and shows
held-out precision and recall per policy."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console.client import ApiClient
from console.connection import ConnectionMonitor
from console.context import ConsoleContext
from console.detector_admin import VERSION_COLUMNS, DetectorAdmin, activation_text, load_problem, policy_rows
from console.qt import Qt
from console.settings import Settings
from console.tasks import TaskRunner

from tests.console.support import ServiceProcess

TIMEOUT_MS = 60_000
KEEP_DECISIONS = 12


@pytest.fixture
def few_decisions_service(database_url: str) -> Iterator[ServiceProcess]:
    """The demo database with only a few moderator decisions left: too few to judge a retrain."""
    path = Path(database_url.removeprefix("sqlite:///"))
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM decision_labels WHERE id NOT IN "
                   "(SELECT id FROM decision_labels ORDER BY id LIMIT ?)", (KEEP_DECISIONS,))
    service = ServiceProcess(database_url)
    service.start()
    yield service
    service.stop()


@pytest.fixture
def context(few_decisions_service: ServiceProcess, runner: TaskRunner,
            settings: Settings) -> Iterator[ConsoleContext]:
    client: ApiClient = few_decisions_service.client()
    client.login("supervisor", "supervisor-demo")
    monitor = ConnectionMonitor(client, runner, interval_ms=60_000)
    yield ConsoleContext(settings, client, runner, monitor, client.me())
    runner.wait()
    monitor.deleteLater()
    client.close()


def test_a_retrain_on_too_few_decisions_is_not_activated_and_the_window_says_why(
        qtbot: Any, context: ConsoleContext, qtmodeltester: Any, shots: Path) -> None:
    admin = DetectorAdmin(context)
    qtbot.addWidget(admin)
    admin.show()
    qtbot.waitUntil(lambda: admin.versions.rowCount() >= 1, timeout=TIMEOUT_MS)
    admin.tabs.setCurrentIndex(1)
    before = admin.versions.rowCount()
    assert "built-in model" in admin.activation_label.text()

    qtbot.mouseClick(admin.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: admin.last_train is not None, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: admin.versions.rowCount() == before + 1, timeout=TIMEOUT_MS)
    assert admin.last_train["activated"] is False
    assert "NOT activated automatically" in admin.train_result.text()
    assert "too few held-out decisions" in admin.train_result.text()
    assert f"v{admin.last_train['previous_version_id']} stays active" in admin.train_result.text()

    # The new version is picked: its reason and its per-policy held-out figures are shown.
    qtbot.waitUntil(lambda: admin.policy_metrics.rowCount() == 7, timeout=TIMEOUT_MS)
    qtmodeltester.check(admin.policy_metrics)
    assert "too few held-out decisions" in admin.activation_label.text()
    policies = [admin.policy_metrics.index(r, 0).data() for r in range(7)]
    assert len(set(policies)) == 7
    held_out = [admin.policy_metrics.index(r, 1).data() for r in range(7)]
    assert any("needs 20" in cell for cell in held_out)
    active = next(v for v in admin.versions.rows if v.get("active"))
    assert active["id"] == admin.last_train["previous_version_id"]
    admin.grab().save(str(shots / "detector-admin-training.png"))
    admin.close()


def test_activation_text_and_policy_rows_read_the_stored_metrics() -> None:
    version = {"id": 4, "active": True, "metrics": {
        "source": "decisions", "activated": False, "activation": ["held-out precision would drop from 90% to 80%"],
        "held_out_counts": {"weapon": 25, "ok": 3}, "min_held_out_per_policy": 20,
        "new": {"policies": [{"name": "weapon", "precision": 0.8, "recall": 0.5, "tp": 4, "fp": 1, "support": 8}]},
        "current": None, "corpus_dev": None}}
    text = activation_text(version)
    assert "NOT activated automatically: held-out precision would drop from 90% to 80%" in text
    assert "activated by hand" in text
    rows = policy_rows(version)
    assert [r["policy"] for r in rows] == ["weapon", "ok"]
    assert rows[0]["new"]["recall"] == 0.5 and rows[1]["held_out"] == 3


def test_a_version_the_service_cannot_load_says_so_and_why() -> None:
    problem = "trained by an older release of the detector; retrain"
    old = {"id": 2, "active": True, "metrics": {"source": "decisions", "activated": True,
                                                "activation": ["no version was active"],
                                                "load": {"loadable": False, "problem": problem}}}
    assert load_problem(old) == problem
    text = activation_text(old)
    assert text.startswith(f"v2 cannot screen listings in this service: {problem}.")
    assert "built-in model screens instead" in text
    assert "cannot be loaded" in VERSION_COLUMNS[0][1](old)
    fine = {"id": 3, "active": False, "metrics": {"source": "decisions", "load": {"loadable": True, "problem": None}}}
    assert load_problem(fine) is None and "cannot" not in VERSION_COLUMNS[0][1](fine)
    assert load_problem({"id": 1, "metrics": {"source": "seed"}}) is None  # an older service did not say
    inactive = {**old, "active": False}
    assert "It cannot be activated; train a new version instead." in activation_text(inactive)
