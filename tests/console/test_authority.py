"""The authority-requests window, the moderators' rights-report window and a rights owner's
own window, against the real service (a private copy of the demo data) (issue 17)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backend.authority import evidence
from console.authority import dialogs
from console.authority.models import countdown
from console.authority.rights import RightsOwnerWindow, RightsReportsWindow
from console.authority.window import AuthorityWindow
from console.client import ApiClient
from console.connection import ConnectionMonitor
from console.detail_pane import DetailPane
from console.context import ConsoleContext
from console.settings import Settings
from console.tasks import TaskRunner

TIMEOUT_MS = 20_000


@pytest.fixture(autouse=True)
def own_checkpoints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every evidence export writes an audit checkpoint (backend/audit/checkpoints.py) under the chain id of
    this copy of the shared seeded database, which other tests' copies share: keep this service's apart."""
    monkeypatch.setenv("ANZEN_AUDIT_CHECKPOINT_DIR", str(tmp_path / "audit-checkpoints"))


@pytest.fixture
def service(team_service: Any) -> Iterator[dict[str, ApiClient]]:
    """Signed-in clients: the demo supervisor and moderator, a second supervisor and a rights owner."""
    clients: dict[str, ApiClient] = {}
    sup = clients["supervisor"] = team_service.client()
    sup.login("supervisor", "supervisor-demo")
    sup.post("/staff", {"username": "supervisor2", "password": "supervisor2-pw", "role": "supervisor"})
    sup.post("/rights-owners", {"name": "Nintendo Co., Ltd.", "marks": ["Nintendo"], "username": "nintendo-ip",
                                "password": "nintendo-ip-pw"})
    for name, password in (("supervisor2", "supervisor2-pw"), ("moderator", "moderator-demo"),
                           ("nintendo-ip", "nintendo-ip-pw")):
        clients[name] = team_service.client()
        clients[name].login(name, password)
    yield clients
    for api in clients.values():
        api.close()


def _context(api: ApiClient, runner: TaskRunner, settings: Settings) -> ConsoleContext:
    return ConsoleContext(settings, api, runner, ConnectionMonitor(api, runner, interval_ms=60_000), api.me())


def test_countdown_words() -> None:
    assert countdown(3 * 86400 + 3600, str) == "3 d 1 h left"
    assert countdown(-7200, str) == "overdue 2 h 0 min"
    assert countdown(None, str) == "—"


def test_supervisors_register_approve_and_export(qtbot: Any, qtmodeltester: Any, service: dict[str, ApiClient],
                                                 runner: TaskRunner, settings: Settings, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    member_id = service["supervisor"].page("/members", limit=1).items[0]["id"]
    window = AuthorityWindow(_context(service["supervisor"], runner, settings))
    qtbot.addWidget(window)
    window.show()
    body = {"agency": "Tokyo MPD", "officer": None, "contact": None, "reference": "MPD-1", "note": None,
            "legal_basis": "court_order", "due_at": "2099-01-01T00:00:00+00:00",
            "scope": {"member_ids": [member_id], "listing_ids": [], "transaction_ids": []}}
    monkeypatch.setattr(dialogs.RegisterDialog, "ask", classmethod(lambda cls, parent: body))
    window.register()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=TIMEOUT_MS)
    qtmodeltester.check(window.model)
    window.view.selectRow(0)
    assert not window.buttons["approve"].isEnabled()  # four eyes: not the registrant
    assert "left" in window.model.data(window.model.index(0, 5))
    request_id = window.model.row(0)["id"]
    service["supervisor2"].post(f"/authority-requests/{request_id}/approve", {"reason": "order seen"})
    window.refresh()
    qtbot.waitUntil(lambda: window.model.row(0) is not None and window.model.row(0)["status"] == "approved",
                    timeout=TIMEOUT_MS)
    window.view.selectRow(0)
    assert window.buttons["package"].isEnabled()
    target = tmp_path / "package.zip"
    monkeypatch.setattr("console.authority.window.ask_save_path", lambda *a: str(target))
    window.export_package()
    qtbot.waitUntil(lambda: "SHA-256" in window.notice.text(), timeout=TIMEOUT_MS)
    assert evidence.verify(target).ok

    report = tmp_path / "transparency.csv"
    monkeypatch.setattr("console.authority.window.ask_save_path", lambda *a: str(report))
    monkeypatch.setattr(dialogs.YearDialog, "ask", classmethod(lambda cls, parent: 2099))
    window.export_transparency()
    qtbot.waitUntil(lambda: str(report) in window.notice.text(), timeout=TIMEOUT_MS)  # written, not just opened
    rows = list(csv.reader(report.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["section", "group", "key", "value"]
    window.close()


def test_moderators_decide_and_the_owner_sees_the_outcome(qtbot: Any, qtmodeltester: Any,
                                                         service: dict[str, ApiClient], runner: TaskRunner,
                                                         settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    listing = service["supervisor"].page("/listings", {"status": "active"}, limit=1).items[0]
    service["nintendo-ip"].post("/rights-reports", {"listing_id": listing["id"], "mark": "Nintendo",
                                                     "evidence": "Counterfeit box; our hologram is missing."})
    moderation = RightsReportsWindow(_context(service["moderator"], runner, settings))
    qtbot.addWidget(moderation)
    moderation.show()
    moderation.refresh()
    qtbot.waitUntil(lambda: moderation.model.rowCount() == 1, timeout=TIMEOUT_MS)
    qtmodeltester.check(moderation.model)
    pane = DetailPane(_context(service["moderator"], runner, settings))  # the queue's detail pane, kind rights_report
    qtbot.addWidget(pane)
    pane.show_record("rights_report", moderation.model.row(0)["id"])
    qtbot.waitUntil(lambda: pane.view.field_text("Mark") == "Nintendo", timeout=TIMEOUT_MS)
    assert "hologram" in pane.view._long_text.toPlainText()
    moderation.view.selectRow(0)
    shown = moderation.detail.toPlainText()
    assert "hologram" in shown and listing["title"] in shown  # the evidence beside the listing
    monkeypatch.setattr(dialogs.ReasonDialog, "ask", classmethod(lambda cls, *a, **k: ("", "Hologram missing.")))
    monkeypatch.setattr("console.authority.rights.ReasonDialog.ask",
                        classmethod(lambda cls, *a, **k: ("", "Hologram missing.")))
    moderation.decide("accepted")
    qtbot.waitUntil(lambda: moderation.model.rowCount() == 0, timeout=TIMEOUT_MS)  # no longer open
    moderation.close()

    owner = RightsOwnerWindow(_context(service["nintendo-ip"], runner, settings))
    qtbot.addWidget(owner)
    owner.show()
    qtbot.waitUntil(lambda: owner.model.rowCount() == 1, timeout=TIMEOUT_MS)
    assert owner.model.row(0)["status"] == "accepted"
    assert "Accepted" in owner.model.data(owner.model.index(0, 4))
    assert owner.model.row(0)["seller_id"] is None
    with qtbot.waitSignal(owner.finished, timeout=TIMEOUT_MS) as finished:
        owner.close()
    assert finished.args == [False]
