"""The recall-matching screen against the real service (its own copy of the
seeded database): import a CPSC JSON file, run matching, confirm a
candidate, send notices, read the dashboard, export the CSV report."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backend.recalls import evaluation
from console.connection import ConnectionMonitor
from console.context import ConsoleContext
from console.qt import QItemSelectionModel, QTabWidget
from console.recalls_screen import DecisionDialog, RecallsScreen
from console.settings import Settings
from console.tasks import TaskRunner
from widgets.recall_models import RECORD_ROLE
from tests.console.support import ServiceProcess, copy_database

TIMEOUT_MS = 20_000
RECALL_NUMBER = "EV-05"  # matches several seeded listings with high confidence


@pytest.fixture(scope="module")
def recall_service(shared_service: Any, seeded_database: Path,
                   tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    url = copy_database(seeded_database, tmp_path_factory.mktemp("anzen-recalls") / "anzen.db")
    service = ServiceProcess(url)
    service.start()
    yield service
    service.stop()


@pytest.fixture
def context(recall_service: Any, runner: TaskRunner, settings: Settings) -> Iterator[ConsoleContext]:
    client = recall_service.client()
    client.login("safety", "safety-demo")
    monitor = ConnectionMonitor(client, runner, interval_ms=60_000)
    yield ConsoleContext(settings, client, runner, monitor, client.me())
    monitor.deleteLater()
    client.close()


@pytest.fixture
def cpsc_file(tmp_path: Path) -> Path:
    records = json.loads((evaluation.DATA / "eval_recalls.json").read_text(encoding="utf-8"))
    path = tmp_path / "cpsc.json"
    path.write_text(json.dumps([r for r in records if r["RecallNumber"] == RECALL_NUMBER]), encoding="utf-8")
    return path


def test_import_match_confirm_notify_and_report(qtbot: Any, context: ConsoleContext, cpsc_file: Path,
                                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                qtmodeltester: Any, shots: Path) -> None:
    screen = RecallsScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1200, 760)
    screen.show()
    screen.activate()
    qtbot.waitUntil(lambda: not screen.recalls.is_loading, timeout=TIMEOUT_MS)

    monkeypatch.setattr(RecallsScreen, "choose_import_file", classmethod(lambda cls, parent: str(cpsc_file)))
    screen.import_button.click()
    qtbot.waitUntil(lambda: screen.last_import is not None, timeout=TIMEOUT_MS)
    assert screen.last_import["created"] == [RECALL_NUMBER]
    qtbot.waitUntil(lambda: screen.recalls.rowCount() == 1 and not screen.recalls.is_loading, timeout=TIMEOUT_MS)
    qtmodeltester.check(screen.recalls)

    screen.recall_view.selectRow(0)
    qtbot.waitUntil(lambda: screen.recall is not None and "hazard" in screen.recall, timeout=TIMEOUT_MS)
    assert screen.details.field_text("Hazard") and screen.details.field_text("Manufacturer")
    assert "Products" in [screen.details.field_text("Products") and "Products"]

    screen.match_button.click()
    qtbot.waitUntil(lambda: screen.matches.rowCount() > 0 and not screen.matches.is_loading, timeout=TIMEOUT_MS)
    qtmodeltester.check(screen.matches)
    best = screen.matches.record(0)
    assert best["confidence"] == "high" and best["evidence"]
    assert screen.matches.record(0)["score"] >= screen.matches.record(screen.matches.rowCount() - 1)["score"]

    # select the two best (multi-select), look at the evidence, confirm them
    selection = screen.match_view.selectionModel()
    screen.match_view.setCurrentIndex(screen.matches.index(0, 0))
    selection.select(screen.matches.index(1, 0),
                     QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert len(screen.selected_matches()) == 2
    assert "background-color" in screen.evidence.toHtml()
    screen.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    screen.grab().save(str(shots / "anzen-recall-matches.png"))
    monkeypatch.setattr(DecisionDialog, "ask", classmethod(lambda cls, parent, decision, count: "same model"))
    screen.confirm_button.click()
    qtbot.waitUntil(lambda: screen.matches.record(0)["status"] == "confirmed"
                    and screen.matches.record(1)["status"] == "confirmed", timeout=TIMEOUT_MS)
    confirmed = [screen.matches.record(0), screen.matches.record(1)]
    countdowns = [screen.matches.index(r, 4).data() for r in (0, 1)
                  if screen.matches.record(r)["removal_state"] in ("pending", "overdue")]
    assert all("left" in c or "overdue" in c for c in countdowns)

    qtbot.waitUntil(lambda: screen.affected.rowCount() > 0, timeout=TIMEOUT_MS)
    qtmodeltester.check(screen.affected)
    owners = screen.affected.rowCount()
    assert {r["listing_id"] for r in screen.affected.records()} <= {m["listing_id"] for m in confirmed}

    monkeypatch.setattr(RecallsScreen, "confirm_send", classmethod(lambda cls, parent, count: True))
    screen.send_button.click()
    qtbot.waitUntil(lambda: screen.affected.rowCount() == owners
                    and all(r["notice_id"] for r in screen.affected.records()), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: screen.dashboard is not None and screen.dashboard["notified"] > 0, timeout=TIMEOUT_MS)
    board = screen.dashboard
    assert board["confirmed"] == 2 and board["owners_identified"] == owners and board["notified"] == owners
    assert screen.figures["notified"].text() == f"{owners:,}"
    assert screen.figures["return_rate"].text() in ("0%", "—")
    assert not screen.send_button.isEnabled()  # nobody left to notify

    report = tmp_path / "report.csv"
    monkeypatch.setattr(RecallsScreen, "choose_report_path", classmethod(lambda cls, parent, suggested: str(report)))
    screen.export_button.click()
    qtbot.waitUntil(report.exists, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: context.runner.pending == 0, timeout=TIMEOUT_MS)
    assert report.read_text(encoding="utf-8-sig").count("\n") >= 2

    screen.tabs.setCurrentIndex(3)
    qtbot.wait(50)
    screen.grab().save(str(shots / "anzen-recall-dashboard.png"))
    assert isinstance(screen.tabs, QTabWidget)
    assert screen.matches.index(0, 0).data(RECORD_ROLE)["id"] == confirmed[0]["id"]
