"""The detector settings window against the real service (read-only here:
training and threshold changes are exercised by the service's own tests)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console import theme
from console.client import ApiClient
from console.connection import ConnectionMonitor
from console.context import ConsoleContext
from console.detector_admin import DetectorAdmin, describe_point
from console.qt import QApplication
from console.settings import Settings
from console.tasks import TaskRunner

TIMEOUT_MS = 15_000


@pytest.fixture
def context(signed_in_client: ApiClient, runner: TaskRunner, settings: Settings) -> Iterator[ConsoleContext]:
    monitor = ConnectionMonitor(signed_in_client, runner, interval_ms=60_000)
    yield ConsoleContext(settings, signed_in_client, runner, monitor, signed_in_client.me())
    runner.wait()
    monitor.deleteLater()


def test_thresholds_load_and_the_preview_follows_the_threshold(qtbot: Any, context: ConsoleContext,
                                                               qtmodeltester: Any, shots: Path) -> None:
    admin = DetectorAdmin(context)
    qtbot.addWidget(admin)
    admin.show()
    qtbot.waitUntil(lambda: admin.thresholds.rowCount() == 6, timeout=TIMEOUT_MS)
    qtmodeltester.check(admin.thresholds)
    qtmodeltester.check(admin.versions)
    qtbot.waitUntil(lambda: admin.preview is not None, timeout=TIMEOUT_MS)
    assert admin.preview["policy"] == admin.current_policy()
    assert "precision" in admin.preview_label.text() or "No flags" in admin.preview_label.text()
    assert admin.set_button.isEnabled()  # a supervisor may set it

    # Two quick changes: only the newest threshold's answer is shown.
    admin.flag_at.setValue(0.5)
    admin.flag_at.setValue(0.65)
    admin.load_preview()
    qtbot.waitUntil(lambda: admin.preview is not None and admin.preview.get("at_threshold") is not None
                    and abs(admin.preview["at_threshold"]["threshold"] - 0.65) < 1e-6, timeout=TIMEOUT_MS)
    assert "At 0.65" in admin.preview_label.text()
    assert "active" in admin.active_label.text().lower()
    for scheme in ("light", "dark"):
        theme.apply_theme(QApplication.instance(), scheme)
        admin.grab().save(str(shots / f"detector-admin-{scheme}.png"))
    theme.apply_theme(QApplication.instance(), "light")
    admin.close()


def test_describe_point_says_precision_and_volume() -> None:
    text = describe_point({"threshold": 0.7, "precision": 0.75, "true_positives": 3, "false_positives": 1,
                           "flags_per_day": 0.4, "flags_in_window": 12}, 30)
    assert text == "At 0.70: precision 75% (3 upheld, 1 dismissed); about 0.4 flags a day (12 in 30 days)."
    assert "unknown" in describe_point({"threshold": 0.9, "precision": None}, 30)
