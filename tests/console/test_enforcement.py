"""Enforcement from the console against the real service: one-click takedown
from a list row (and that repeating it changes nothing), dismissal, bulk
confirmation counts, the 24 h reinstatement rule, appeals on your own
takedown, sanctions suggested by strikes, and the history pane.

These tests change data, so the module has its own service on a private copy
of the seeded database (started once for the module)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console import enforcement, messages
from console.client import ApiClient
from console.connection import ConnectionMonitor
from console.context import ConsoleContext
from console.enforcement import EnforcementController, TakedownChoice
from console.main_window import MainWindow
from console.settings import Options, Settings
from console.tasks import TaskRunner
from tests.console.support import ServiceProcess, copy_database
from widgets.enforcement_history_model import COLUMNS

TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def writable_service(shared_service: Any, seeded_database: Path,
                     tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A service of its own: these tests take listings down."""
    url = copy_database(seeded_database, tmp_path_factory.mktemp("anzen-enforce") / "anzen.db")
    service = ServiceProcess(url)
    service.start()
    yield service
    service.stop()


def _client(service: Any, who: str) -> ApiClient:
    api = service.client()
    api.login(who, f"{who}-demo")
    return api


@pytest.fixture
def api(writable_service: Any) -> Iterator[ApiClient]:
    """A supervisor's client for checking what the service holds."""
    client = _client(writable_service, "supervisor")
    yield client
    client.close()


def _window(qtbot: Any, service: Any, runner: TaskRunner, settings: Settings,
            who: str) -> Iterator[MainWindow]:
    client = _client(service, who)
    monitor = ConnectionMonitor(client, runner, interval_ms=60_000)
    monitor.start()
    main = MainWindow(ConsoleContext(settings, client, runner, monitor, client.me()), server_label="test")
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: bool(main.enforcement.permissions), timeout=TIMEOUT_MS)
    yield main
    main.close()
    runner.wait()
    monitor.stop()
    monitor.deleteLater()
    client.close()


@pytest.fixture
def window(qtbot: Any, writable_service: Any, runner: TaskRunner,
           settings: Settings) -> Iterator[MainWindow]:
    yield from _window(qtbot, writable_service, runner, settings, "moderator")


def _open_flag_on_active_listing(api: ApiClient, skip: int = 0) -> tuple[dict[str, Any], dict[str, Any]]:
    found = 0
    for flag in api.page("/flags", {"status": "open"}, limit=200).items:
        listing = api.get(f"/listings/{flag['listing_id']}")
        if listing["status"] == "active":
            if found == skip:
                return dict(flag), listing
            found += 1
    raise AssertionError("the seed has no open flag on an active listing")


def _history_by(window: MainWindow) -> dict[tuple[str, int], str]:
    """The history pane's "By" column, by (kind, id) of each row."""
    model = window.enforcement_pane.model
    by = COLUMNS.index("By")
    return {(event.kind, event.record_id): model.index(row, by).data() for row, event in enumerate(model.events)}


def _loaded(controller: EnforcementController, kind: str, record_id: Any) -> Any:
    return lambda: (controller.target is not None and not controller.loading
                    and (controller.target.kind, controller.target.record_id) == (kind, record_id))


def test_one_click_takedown_from_a_list_row_and_repeat_is_a_no_op(
        qtbot: Any, window: MainWindow, api: ApiClient, monkeypatch: pytest.MonkeyPatch, qtmodeltester: Any,
        shots: Path) -> None:
    flag, listing = _open_flag_on_active_listing(api)
    asked: list[dict[str, Any]] = []

    def pick(_parent: Any, **kwargs: Any) -> TakedownChoice:
        asked.append(kwargs)
        return TakedownChoice(kwargs["preset"] or flag["policy"])  # Enter on the preselected policy

    monkeypatch.setattr(enforcement.TakedownDialog, "ask", classmethod(lambda cls, parent, **kw: pick(parent, **kw)))

    # The row: the listings screen, searched for the flagged listing's title.
    window.actions["screen.listings"].trigger()
    pane = window.screens["listings"].current_pane()
    pane.search.setText(listing["title"])
    pane.reload()
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0 and not pane.model.is_loading, timeout=TIMEOUT_MS)
    row = next(r for r in range(pane.model.rowCount()) if pane.model.row_id(r) == listing["id"])
    pane.view.selectRow(row)
    controller = window.enforcement
    qtbot.waitUntil(_loaded(controller, "listing", listing["id"]), timeout=TIMEOUT_MS)
    assert window.current_record == ("listing", listing["id"])
    assert window.actions["enforce.take_down"].isEnabled()
    qtmodeltester.check(window.enforcement_pane.model)

    with qtbot.waitSignal(controller.acted, timeout=TIMEOUT_MS) as acted:
        window.actions["enforce.take_down"].trigger()
        assert controller.take_down() is False  # a double click while the first is under way does nothing
    assert asked[0]["preset"] == flag["policy"]
    assert acted.args[0].changed is True
    assert api.get(f"/listings/{listing['id']}")["status"] == "removed"
    assert api.get(f"/flags/{flag['id']}")["status"] == "actioned"

    # The pane reflects it: the takedown in force, so "take down" is off and "reinstate" on.
    qtbot.waitUntil(lambda: controller.target is not None and controller.target.takedown_in_force() is not None,
                    timeout=TIMEOUT_MS)
    assert not window.actions["enforce.take_down"].isEnabled()
    assert window.actions["enforce.reinstate"].isEnabled()
    assert "taken down" in window.enforcement_pane.state.text()
    taken = controller.target.takedown_in_force()
    assert _history_by(window)[("takedown", taken["id"])] == "you"  # one's own takedown, not one's name
    window.enforcement_dock.raise_()
    window.enforcement_pane.tabs.setCurrentIndex(1)
    window.grab().save(str(shots / "enforcement-after-takedown.png"))

    # Doing it again (a retry) changes nothing.
    with qtbot.waitSignal(controller.acted, timeout=TIMEOUT_MS) as again:
        assert controller.take_down() is True
    assert again.args[0].changed is False
    takedowns = api.page("/takedowns", {"listing_id": listing["id"]}).items
    assert len(takedowns) == 1


def test_dismiss_a_flag_with_a_reason(qtbot: Any, window: MainWindow, api: ApiClient,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    flag, listing = _open_flag_on_active_listing(api, skip=1)
    monkeypatch.setattr(enforcement.ReasonDialog, "ask", classmethod(lambda cls, *a, **kw: "Genuine item, receipt shown"))
    window.show_record("flag", flag["id"])  # what a queue row does
    controller = window.enforcement
    qtbot.waitUntil(_loaded(controller, "flag", flag["id"]), timeout=TIMEOUT_MS)
    assert controller.target.open_flag is not None
    assert window.enforcement_pane.flag_view.model.rowCount() == len(flag["reasons"])
    with qtbot.waitSignal(controller.acted, timeout=TIMEOUT_MS):
        window.actions["enforce.dismiss"].trigger()
    after = api.get(f"/flags/{flag['id']}")
    assert after["status"] == "dismissed"
    assert after["decision_reason"] == "Genuine item, receipt shown"
    assert api.get(f"/listings/{listing['id']}")["status"] == "active"


def test_bulk_takedown_of_a_seller_confirms_with_counts(qtbot: Any, window: MainWindow, api: ApiClient,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    listing = api.page("/listings", {"status": "active"}, limit=1).items[0]
    seller_id = listing["seller_id"]
    expected = api.post("/takedowns/bulk/preview", {"seller_id": seller_id})
    shown: list[dict[str, Any]] = []

    def confirm(cls: Any, _parent: Any, *, scope: str, preview: dict[str, Any]) -> TakedownChoice:
        shown.append({"scope": scope, "preview": preview, "summary": enforcement.bulk_summary(preview)})
        return TakedownChoice("counterfeit", "bulk test")

    monkeypatch.setattr(enforcement.BulkConfirmDialog, "ask", classmethod(confirm))
    second = []
    monkeypatch.setattr(enforcement.SecondConfirmation, "ask", classmethod(lambda cls, *a, **kw: second.append(1)))
    window.show_record("listing", listing["id"])
    controller = window.enforcement
    qtbot.waitUntil(_loaded(controller, "listing", listing["id"]), timeout=TIMEOUT_MS)
    with qtbot.waitSignal(controller.acted, timeout=TIMEOUT_MS) as acted:
        window.actions["enforce.bulk_seller"].trigger()
    preview = shown[0]["preview"]
    assert (preview["listings"], preview["open_transactions"], preview["held_yen"]) == \
        (expected["listings"], expected["open_transactions"], expected["held_yen"])
    assert f"{expected['listings']:,} listing" in shown[0]["summary"]
    assert not second  # at most 100 listings: one confirmation
    assert acted.args[0].data["listings"] == expected["listings"]
    for listing_id in expected["listing_ids"][:5]:
        assert api.get(f"/listings/{listing_id}")["status"] == "removed"


def test_more_than_100_listings_needs_a_second_confirmation(
        qtbot: Any, writable_service: Any, runner: TaskRunner, settings: Settings, api: ApiClient,
        monkeypatch: pytest.MonkeyPatch) -> None:
    settings.set(Options.PAGE_SIZE, 120)
    for main in _window(qtbot, writable_service, runner, settings, "moderator"):
        seen: list[dict[str, Any]] = []
        monkeypatch.setattr(enforcement.BulkConfirmDialog, "ask",
                            classmethod(lambda cls, *a, **kw: seen.append(kw["preview"]) or TakedownChoice("other", "x")))
        declined: list[int] = []
        monkeypatch.setattr(enforcement.SecondConfirmation, "ask",
                            classmethod(lambda cls, *a, preview, **kw: declined.append(preview["listings"]) or False))
        main.actions["screen.listings"].trigger()
        pane = main.screens["listings"].current_pane()
        pane.status.setCurrentIndex(pane.status.findData("active"))
        qtbot.waitUntil(lambda: pane.model.rowCount() >= 101 and not pane.model.is_loading, timeout=TIMEOUT_MS)
        pane.view.selectAll()
        ids = [pane.model.row_id(r) for r in range(pane.model.rowCount())]
        main.actions["enforce.bulk_selected"].trigger()
        qtbot.waitUntil(lambda: bool(declined), timeout=TIMEOUT_MS)
        assert seen[0]["needs_second_confirmation"] is True
        assert declined[0] == seen[0]["listings"] > 100
        runner.wait()
        assert api.get(f"/listings/{ids[0]}")["status"] == "active"  # declined: nothing happened


def test_reinstating_an_old_takedown_is_refused_clearly(qtbot: Any, window: MainWindow, api: ApiClient,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    old = next(t for t in api.page("/takedowns", {"in_force": True}, limit=200).items
               if t["expires_at"] is None and t["created_at"] < "2026-10")
    monkeypatch.setattr(enforcement.ReasonDialog, "ask", classmethod(lambda cls, *a, **kw: "seller explained"))
    window.show_record("listing", old["listing_id"])
    controller = window.enforcement
    qtbot.waitUntil(_loaded(controller, "listing", old["listing_id"]), timeout=TIMEOUT_MS)
    with qtbot.waitSignal(messages.bus.posted, timeout=TIMEOUT_MS,
                          check_params_cb=lambda m: "Refused" in m.text) as posted:
        window.actions["enforce.reinstate"].trigger()
    message = posted.args[0]
    assert "24 hours" in message.text and "supervisor" in message.hint
    assert "24 hours" in window.message_banner.text


def test_deciding_an_appeal_on_your_own_takedown_is_refused(
        qtbot: Any, window: MainWindow, api: ApiClient, writable_service: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    me = window.context.staff.id
    mine = next(t for t in api.page("/takedowns", {"in_force": True}, limit=200).items if t["actor_id"] == me)
    agent = _client(writable_service, "agent")
    appeal = agent.post(f"/takedowns/{mine['id']}/appeals", {"statement": "It is genuine, I have the receipt."})
    agent.close()
    appeal_id = appeal["appeal"]["id"]
    monkeypatch.setattr(enforcement.AppealDialog, "ask", classmethod(lambda cls, *a, **kw: ("overturn", "receipt")))
    window.show_record("appeal", appeal_id)
    controller = window.enforcement
    qtbot.waitUntil(_loaded(controller, "appeal", appeal_id), timeout=TIMEOUT_MS)
    assert controller.target.listing_id == mine["listing_id"]
    qtbot.waitUntil(lambda: window.detail.view.heading == f"Appeal #{appeal_id}", timeout=TIMEOUT_MS)
    assert window.detail.view.field_text("Appeal status") == "open"
    assert window.actions["enforce.decide_appeal"].isEnabled()
    with qtbot.waitSignal(messages.bus.posted, timeout=TIMEOUT_MS,
                          check_params_cb=lambda m: "Refused" in m.text) as posted:
        window.actions["enforce.decide_appeal"].trigger()
    assert "different moderator" in posted.args[0].text
    assert "another moderator" in posted.args[0].hint
    assert api.get(f"/appeals/{appeal_id}")["status"] == "open"


def test_sanction_confirms_the_suggestion_from_strikes(qtbot: Any, window: MainWindow, api: ApiClient,
                                                       writable_service: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # An active seller with two weapon takedowns (3 points each) gets a suggestion.
    listings = api.page("/listings", {"status": "active"}, limit=200).items
    by_seller: dict[int, list[dict[str, Any]]] = {}
    for item in listings:
        by_seller.setdefault(item["seller_id"], []).append(item)
    seller_id, items = next((k, v) for k, v in by_seller.items()
                            if len(v) >= 2 and api.get(f"/members/{k}")["status"] == "active")
    moderator = _client(writable_service, "moderator2")
    taken = [moderator.post(f"/listings/{item['id']}/takedown", {"reason_code": "weapon"})["takedown"]["id"]
             for item in items[:2]]
    moderator_name = moderator.me().display_name
    moderator.close()
    member = api.get(f"/members/{seller_id}")
    assert api.get(f"/members/{seller_id}/enforcement")["standing"]["suggestion"]
    suggested: list[Any] = []
    monkeypatch.setattr(enforcement.SanctionDialog, "ask", classmethod(
        lambda cls, *a, standing, **kw: suggested.append(standing["suggestion"]) or (standing["suggestion"], "strikes")))
    window.show_record("member", member["id"])
    controller = window.enforcement
    qtbot.waitUntil(_loaded(controller, "member", member["id"]), timeout=TIMEOUT_MS)
    assert suggested == [] and window.actions["enforce.sanction"].isEnabled()
    assert "suggested" in window.enforcement_pane.standing.text()
    # Another moderator's takedowns show their name, not a staff number.
    assert [_history_by(window)[("takedown", t)] for t in taken] == [moderator_name, moderator_name]
    with qtbot.waitSignal(controller.acted, timeout=TIMEOUT_MS):
        window.actions["enforce.sanction"].trigger()
    expected_status = {"restrict": "restricted", "suspend": "suspended"}[suggested[0]]
    assert api.get(f"/members/{member['id']}")["status"] == expected_status
