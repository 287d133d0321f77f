"""The dashboards window and the audit viewer against the real service (demo data)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console.client import ApiClient
from console.connection import ConnectionMonitor
from console.context import ConsoleContext
from console.dashboards.audit_viewer import AuditViewer
from console.dashboards.window import DashboardsWindow, _kind
from console.qt import QImage
from console.settings import Settings
from console.tasks import TaskRunner
from widgets.charts import Chart

TIMEOUT_MS = 20_000


@pytest.fixture
def context(signed_in_client: ApiClient, runner: TaskRunner, settings: Settings) -> Iterator[ConsoleContext]:
    monitor = ConnectionMonitor(signed_in_client, runner, interval_ms=60_000)
    yield ConsoleContext(settings, signed_in_client, runner, monitor, signed_in_client.me())
    runner.wait()
    monitor.deleteLater()


def _settled(tab: Any) -> bool:
    return tab.loading == 0 and tab.status.text().startswith("Updated")


def test_dashboards_draw_the_services_figures(qtbot: Any, context: ConsoleContext, shots: Path,
                                              monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    window = DashboardsWindow(context)
    qtbot.addWidget(window)
    window.show()
    ops = window.operations
    ops.period_box.setCurrentIndex(1)  # 7 days by day
    qtbot.waitUntil(lambda: ops.last is not None and _settled(ops), timeout=TIMEOUT_MS)
    assert ops.timer.isActive()  # live while open
    assert len(ops.opened.data.x) == 7 and ops.opened.zone_label.text() == "Times in JST"
    # The chart draws what the service counted: the sum of each series is the service's.
    for kind, values in ops.last["series"]["opened"].items():
        assert sum(ops.opened.data.series[_kind(kind)]) == sum(values)
    assert not ops.backlog.is_empty()  # demo data has open work
    window.resize(1300, 1500)
    ops.body.grab().save(str(shots / "dashboards-operations.png"))

    window.tabs.setCurrentWidget(window.enforcement)
    enf = window.enforcement
    qtbot.waitUntil(lambda: enf.data is not None and _settled(enf), timeout=TIMEOUT_MS)
    flags = enf.data["series"]["flags"]
    assert sum(map(sum, enf.flags.data.series.values())) == sum(map(sum, flags.values()))
    enf.body.grab().save(str(shots / "dashboards-enforcement.png"))

    window.tabs.setCurrentWidget(window.recalls)
    rec = window.recalls
    # With recalls: the first one's notices and removals; without: the empty state says so.
    qtbot.waitUntil(lambda: _settled(rec) and (rec.summary.text() != "" or rec.notices.empty.text()
                                               == "No recalls are registered."), timeout=TIMEOUT_MS)
    rec.body.grab().save(str(shots / "dashboards-recalls.png"))

    # Every chart saves a picture and its figures.
    saved: list[str] = []
    for n, panel in enumerate(ops.panels + enf.panels + rec.panels):
        for fmt in ("png", "csv"):
            target = tmp_path / f"chart-{n}.{fmt}"
            monkeypatch.setattr(Chart, "ask_path", classmethod(lambda cls, *a, t=target: str(t)))
            assert panel.save(fmt) == str(target)
            saved.append(str(target))
        assert not QImage(str(tmp_path / f"chart-{n}.png")).isNull()
        lines = (tmp_path / f"chart-{n}.csv").read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1 + len(panel.chart.data.x)
    window.close()
    assert not ops.timer.isActive()  # not live once closed


def test_audit_viewer_filters_opens_and_verifies(qtbot: Any, context: ConsoleContext, shots: Path,
                                                 qtmodeltester: Any) -> None:
    opened: list[tuple[str, Any]] = []
    viewer = AuditViewer(context)
    qtbot.addWidget(viewer)
    viewer.open_requested.connect(lambda kind, ref: opened.append((kind, ref)))
    viewer.load_facets()
    viewer.apply()
    viewer.show()
    qtbot.waitUntil(lambda: viewer.total_events is not None and viewer.model.rowCount() > 0, timeout=TIMEOUT_MS)
    qtmodeltester.check(viewer.model)
    assert viewer.actor_box.count() > 1 and viewer.action_box.count() > 1

    # Filter by action: every row shown has it.
    action = viewer.action_box.itemText(viewer.action_box.count() - 1)
    viewer.action_box.setCurrentText(action)
    viewer.apply()
    qtbot.waitUntil(lambda: viewer.model.rowCount() > 0 and not viewer.model.is_loading, timeout=TIMEOUT_MS)
    rows = {viewer.model.index(r, 3).data() for r in range(viewer.model.rowCount())}
    assert rows == {action}

    # Filter to one target, then open it.
    target_type, target_id = viewer.model.targets[viewer.model.row_id(0)]
    viewer.action_box.setCurrentText("")
    viewer.show_target(target_type, target_id)
    qtbot.waitUntil(lambda: viewer.model.rowCount() > 0 and not viewer.model.is_loading, timeout=TIMEOUT_MS)
    assert {viewer.model.targets[viewer.model.row_id(r)] for r in range(viewer.model.rowCount())} == {
        (target_type, target_id)}
    viewer.open_target(0)
    if target_type in ("member", "listing", "transaction", "inquiry", "flag", "appeal"):
        assert opened == [(target_type, int(target_id) if target_id.isdigit() else target_id)]

    viewer.verify()
    assert viewer.progress.isVisible() and not viewer.verify_button.isEnabled()
    qtbot.waitUntil(lambda: viewer.verify_button.isEnabled(), timeout=TIMEOUT_MS)
    assert viewer.verify_label.text().startswith("Chain intact"), viewer.verify_label.text()
    viewer.grab().save(str(shots / "audit-viewer.png"))
    viewer.close()
