"""The Queue screen in the main window against the real service: server-side
filters, Next with a live lease countdown, release, hand-off, updates from
the change poll without a reset, the refusal when a colleague holds the
item, clock in/out with the handover note, and screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from queue_fixtures import (  # noqa: F401 (fixtures)
    TIMEOUT_MS,
    agent_context,
    colleague,
    ensure_clocked_in,
    queue_service,
    wait_loaded,
)

from console import theme
from console.client import ApiClient
from console.context import ConsoleContext
from console.main_window import MainWindow
from console.screens.queue_screen import HandoffDialog, QueueScreen
from console.shift_panel import HandoverNoteDialog
from widgets.queue_model import Columns
from widgets.roles import URGENCY_ROLE


@pytest.fixture
def window(qtbot: Any, agent_context: ConsoleContext) -> Iterator[MainWindow]:  # noqa: F811
    main = MainWindow(agent_context, server_label="test service")
    qtbot.addWidget(main)
    main.show()
    main.show_screen("queue")
    yield main
    main.close()


def queue(window: MainWindow) -> QueueScreen:
    screen = window.screens["queue"]
    assert isinstance(screen, QueueScreen)
    return screen


def clock_in(qtbot: Any, window: MainWindow) -> None:
    if not window.shift_panel.clocked_in:
        qtbot.waitUntil(lambda: window.shift_panel.current is not None, timeout=TIMEOUT_MS)
    if not window.shift_panel.clocked_in:
        window.actions["shift.clock_in"].trigger()
        qtbot.waitUntil(lambda: window.shift_panel.clocked_in, timeout=TIMEOUT_MS)


def choose(box: Any, value: str) -> None:
    box.setCurrentIndex(box.findData(value))


def test_filters_are_applied_by_the_service_and_the_model_passes(qtbot: Any, window: MainWindow,
                                                                   qtmodeltester: Any) -> None:
    screen = queue(window)
    wait_loaded(qtbot, screen.model)
    qtmodeltester.check(screen.model)
    assert not screen.kind_box.isVisible()  # agents work inquiries only
    assert {screen.model.item(r)["kind"] for r in range(screen.model.rowCount())} == {"inquiry"}

    choose(screen.category_box, "payment")
    wait_loaded(qtbot, screen.model)
    assert {screen.model.item(r)["category"] for r in range(screen.model.rowCount())} == {"payment"}

    choose(screen.sla_box, "breached")
    wait_loaded(qtbot, screen.model)
    assert {screen.model.index(r, Columns.DUE).data(URGENCY_ROLE)
            for r in range(screen.model.rowCount())} == {"breached"}

    choose(screen.sla_box, "")
    choose(screen.category_box, "")
    choose(screen.sort_box, "newest")
    wait_loaded(qtbot, screen.model)
    created = [screen.model.item(r)["created_at"] for r in range(screen.model.rowCount())]
    assert created == sorted(created, reverse=True)
    assert "waiting" in screen.count_label.text() or "more" in screen.count_label.text()


def test_next_claims_opens_counts_down_renews_and_releases(qtbot: Any, window: MainWindow) -> None:
    screen = queue(window)
    wait_loaded(qtbot, screen.model)
    clock_in(qtbot, window)
    window.actions["queue.next"].trigger()
    qtbot.waitUntil(lambda: screen.opened is not None, timeout=TIMEOUT_MS)
    opened = screen.opened
    assert opened["mine"] and opened["claim_seconds_left"] > 0
    qtbot.waitUntil(lambda: screen.workspace.inquiry is not None, timeout=TIMEOUT_MS)
    assert screen.workspace.inquiry["id"] == opened["ref_id"]

    row = screen.model.row_of(opened["id"])
    claim = screen.model.index(row, Columns.CLAIM)
    assert claim.data().startswith("You · ") and claim.data(URGENCY_ROLE) == "mine"
    first = screen.model.claim_seconds_left(opened["id"])
    qtbot.waitUntil(lambda: screen.model.claim_seconds_left(opened["id"]) < first, timeout=3_000)
    assert "Claimed by you" in screen.workspace.claim_label.text()

    lowered = screen.model.claim_seconds_left(opened["id"])
    screen.renew()  # what the renewal timer does while the item is open
    qtbot.waitUntil(lambda: screen.model.claim_seconds_left(opened["id"]) > lowered, timeout=TIMEOUT_MS)

    window.actions["queue.release"].trigger()
    qtbot.waitUntil(lambda: screen.model.index(screen.model.row_of(opened["id"]), Columns.CLAIM).data() == "",
                    timeout=TIMEOUT_MS)
    assert screen.opened is None
    assert window.context.client.get(f"/queue/items/{opened['id']}")["claimed_by_id"] is None


def test_a_colleagues_claim_arrives_by_poll_in_place_and_refuses_our_claim(
        qtbot: Any, window: MainWindow, colleague: ApiClient) -> None:  # noqa: F811
    screen = queue(window)
    wait_loaded(qtbot, screen.model)
    clock_in(qtbot, window)
    screen.move(1)
    screen.move(1)
    selected = screen.current_item()
    assert selected is not None and not selected.get("claimed_by_id")
    resets: list[int] = []
    screen.model.modelReset.connect(lambda: resets.append(1))

    colleague.post(f"/queue/items/{selected['id']}/claim")
    row_claim = lambda: screen.model.index(screen.model.row_of(selected["id"]), Columns.CLAIM)  # noqa: E731
    qtbot.waitUntil(lambda: "Sora" in (row_claim().data() or "") or "agent2" in (row_claim().data() or "")
                    or (row_claim().data(URGENCY_ROLE) == "other"), timeout=TIMEOUT_MS)
    assert row_claim().data(URGENCY_ROLE) == "other"
    assert screen.current_item()["id"] == selected["id"]  # the selection stayed
    assert not resets

    window.actions["queue.claim"].trigger()
    qtbot.waitUntil(lambda: not window.message_banner.isHidden(), timeout=TIMEOUT_MS)
    holder = colleague.me().display_name
    assert holder in window.message_banner.text
    assert "working on this item" in window.message_banner.text
    assert screen.opened is None


def test_hand_off_to_a_colleague_on_shift(qtbot: Any, window: MainWindow, colleague: ApiClient,  # noqa: F811
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    screen = queue(window)
    wait_loaded(qtbot, screen.model)
    clock_in(qtbot, window)
    window.shift_panel.refresh()
    me2 = colleague.me()
    qtbot.waitUntil(lambda: any(p["id"] == me2.id for p in window.shift_panel.colleagues(("inquiry",))),
                    timeout=TIMEOUT_MS)
    window.actions["queue.next"].trigger()
    qtbot.waitUntil(lambda: screen.opened is not None, timeout=TIMEOUT_MS)
    item_id = screen.opened["id"]
    asked: list[Any] = []
    monkeypatch.setattr(HandoffDialog, "ask",
                        classmethod(lambda cls, parent, people, title: asked.append(people) or (me2.id, "over to you")))
    window.actions["queue.handoff"].trigger()
    qtbot.waitUntil(lambda: (screen.model.item_by_id(item_id) or {}).get("claimed_by_id") == me2.id,
                    timeout=TIMEOUT_MS)
    assert screen.opened is None
    served = colleague.get(f"/queue/items/{item_id}")
    assert served["mine"] and served["handover_note"] == "over to you"


def test_clock_out_asks_for_the_handover_note(qtbot: Any, window: MainWindow,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    screen = queue(window)
    wait_loaded(qtbot, screen.model)
    clock_in(qtbot, window)
    window.actions["queue.next"].trigger()
    qtbot.waitUntil(lambda: screen.opened is not None, timeout=TIMEOUT_MS)
    item_id = screen.opened["id"]

    monkeypatch.setattr(HandoverNoteDialog, "ask", classmethod(lambda cls, parent, held=0: None))
    window.actions["shift.clock_out"].trigger()  # changed their mind
    assert window.shift_panel.clocked_in

    asked: list[int] = []
    monkeypatch.setattr(HandoverNoteDialog, "ask",
                        classmethod(lambda cls, parent, held=0: asked.append(held) or "Refund pending on #218"))
    window.actions["shift.clock_out"].trigger()
    qtbot.waitUntil(lambda: not window.shift_panel.clocked_in, timeout=TIMEOUT_MS)
    assert asked == [1]
    assert "not clocked in" in window.shift_label.text()
    item = window.context.client.get(f"/queue/items/{item_id}")
    assert item["claimed_by_id"] is None and item["handover_note"] == "Refund pending on #218"
    # Work needs a clock-in: Next is refused with what to do.
    screen.close_item()
    window.actions["queue.next"].trigger()
    qtbot.waitUntil(lambda: "Clock in" in window.message_banner.text, timeout=TIMEOUT_MS)


def test_keyboard_moves_between_rows(qtbot: Any, window: MainWindow) -> None:
    screen = queue(window)
    wait_loaded(qtbot, screen.model)
    window.actions["queue.next_row"].trigger()
    window.actions["queue.next_row"].trigger()
    assert screen.view.currentIndex().row() == 1
    window.actions["queue.previous_row"].trigger()
    assert screen.view.currentIndex().row() == 0
    window.actions["list.open"].trigger()
    qtbot.waitUntil(lambda: screen.workspace.inquiry is not None, timeout=TIMEOUT_MS)
    assert screen.opened["id"] == screen.model.item(0)["id"]
    window.actions["queue.close"].trigger()
    assert screen.opened is None and screen.workspace.inquiry_id is None


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshot_of_the_queue(qtbot: Any, qapp: Any, agent_context: ConsoleContext,  # noqa: F811
                                 colleague: ApiClient, shots: Path, scheme: str) -> None:  # noqa: F811
    style = qapp.style().name()
    qapp.setStyle("Fusion")
    theme.apply_theme(qapp, scheme)
    main = MainWindow(agent_context, server_label="bundled service (sqlite)")
    qtbot.addWidget(main)
    main.resize(1440, 900)
    main.show()
    try:
        screen = queue(main)
        main.show_screen("queue")
        wait_loaded(qtbot, screen.model)
        colleague.post(f"/queue/items/{screen.model.item(2)['id']}/claim")
        clock_in(qtbot, main)
        main.actions["queue.next"].trigger()
        qtbot.waitUntil(lambda: screen.workspace.inquiry is not None, timeout=TIMEOUT_MS)
        screen.workspace.reply_edit.setPlainText("お問い合わせありがとうございます。")
        qtbot.waitUntil(lambda: any(screen.model.index(r, Columns.CLAIM).data(URGENCY_ROLE) == "other"
                                    for r in range(screen.model.rowCount())), timeout=TIMEOUT_MS)
        qtbot.wait(300)
        path = shots / f"anzen-queue-{scheme}.png"
        assert main.grab().save(str(path))
        main.shift_dock.raise_()
        qtbot.wait(100)
        assert main.shift_dock.grab().save(str(shots / f"anzen-shift-{scheme}.png"))
        main.close()
    finally:
        qapp.setStyleSheet("")
        qapp.styleHints().unsetColorScheme()
        qapp.setStyle(style)
        qapp.setPalette(qapp.style().standardPalette())
