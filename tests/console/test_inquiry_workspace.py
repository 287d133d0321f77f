"""The inquiry workspace against the real service: a draft that survives the
widget being destroyed unsent, sending a reply and a note, macros with
placeholders, status changes, links, and the refusal while a colleague holds
the inquiry."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from queue_fixtures import (  # noqa: F401 (fixtures)
    TIMEOUT_MS,
    agent_context,
    colleague,
    queue_service,
    sign_in,
)

from console import messages
from console.client import ApiClient
from console.context import ConsoleContext
from console.inquiry_workspace import DraftStore, InquiryWorkspace


@pytest.fixture
def posted() -> Iterator[list[messages.Message]]:
    seen: list[messages.Message] = []
    messages.bus.posted.connect(seen.append)
    yield seen
    messages.bus.posted.disconnect(seen.append)


def unclaimed_inquiry(api: ApiClient, skip: int = 0, **filters: Any) -> dict[str, Any]:
    items = api.get("/queue", {"claim": "unclaimed", "status": "open", "limit": 50, **filters})["items"]
    return items[skip]


def workspace(qtbot: Any, context: ConsoleContext, drafts_path: Path) -> InquiryWorkspace:
    widget = InquiryWorkspace(context, DraftStore(drafts_path))
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    return widget


def opened(qtbot: Any, widget: InquiryWorkspace, inquiry_id: int) -> None:
    widget.open_inquiry(inquiry_id)
    qtbot.waitUntil(lambda: widget.inquiry is not None, timeout=TIMEOUT_MS)


def test_an_unsent_draft_survives_the_workspace_being_destroyed(
        qtbot: Any, agent_context: ConsoleContext, tmp_path: Path) -> None:  # noqa: F811
    path = tmp_path / "drafts" / "agent.json"
    inquiry = unclaimed_inquiry(agent_context.client, skip=0)
    first = workspace(qtbot, agent_context, path)
    opened(qtbot, first, inquiry["ref_id"])
    first.focus_reply()
    qtbot.keyClicks(first.reply_edit, "Thank you for waiting, we are checking")
    first.focus_note()
    qtbot.keyClicks(first.note_edit, "Seller did not answer yet")
    qtbot.waitUntil(lambda: path.exists() and "checking" in path.read_text(encoding="utf-8"), timeout=3_000)
    # A crash: the widget goes away without closing the inquiry or sending.
    first.setParent(None)
    first.deleteLater()
    del first

    second = workspace(qtbot, agent_context, path)
    opened(qtbot, second, inquiry["ref_id"])
    assert second.reply_edit.toPlainText() == "Thank you for waiting, we are checking"
    assert second.note_edit.toPlainText() == "Seller did not answer yet"

    second.focus_reply()
    second.send()
    qtbot.waitUntil(lambda: second.reply_edit.toPlainText() == "", timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: "we are checking" in second.thread.toPlainText(), timeout=TIMEOUT_MS)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert f"{inquiry['ref_id']}:reply" not in saved
    assert saved[f"{inquiry['ref_id']}:note"] == "Seller did not answer yet"

    second.focus_note()
    second.send()
    qtbot.waitUntil(lambda: "Internal note" in second.thread.toPlainText(), timeout=TIMEOUT_MS)
    assert json.loads(path.read_text(encoding="utf-8")) == {}


def test_macros_are_filled_in_and_status_changes(qtbot: Any, agent_context: ConsoleContext,  # noqa: F811
                                                 queue_service: Any, tmp_path: Path,  # noqa: F811
                                                 posted: list[messages.Message]) -> None:
    inquiry = unclaimed_inquiry(agent_context.client, skip=1)
    supervisor = sign_in(queue_service, "supervisor")
    try:
        supervisor.post("/macros", {"name": "Checking", "category": inquiry["category"],
                                    "body": "{member_name} 様、お問い合わせ #{inquiry_id} を確認しています。{agent_name}"})
    finally:
        supervisor.close()
    widget = workspace(qtbot, agent_context, tmp_path / "drafts.json")
    opened(qtbot, widget, inquiry["ref_id"])
    qtbot.waitUntil(lambda: widget.macro_box.findText("Checking") >= 0, timeout=TIMEOUT_MS)
    widget.macro_box.setCurrentIndex(widget.macro_box.findText("Checking"))
    widget.insert_macro()
    member = widget.inquiry["member_name"]
    qtbot.waitUntil(lambda: member in widget.reply_edit.toPlainText(), timeout=TIMEOUT_MS)
    assert f"#{inquiry['ref_id']}" in widget.reply_edit.toPlainText()
    assert "{" not in widget.reply_edit.toPlainText()

    changed: list[Any] = []
    widget.inquiry_changed.connect(changed.append)
    widget.set_status("waiting_on_member")
    qtbot.waitUntil(lambda: widget.inquiry["status"] == "waiting_on_member", timeout=TIMEOUT_MS)
    assert changed[-1]["status"] == "waiting_on_member"
    assert not widget.status_buttons["waiting_on_member"].isEnabled()
    widget.set_status("resolved")
    qtbot.waitUntil(lambda: widget.inquiry["status"] == "resolved", timeout=TIMEOUT_MS)
    item = agent_context.client.get(f"/queue/items/{inquiry['id']}")
    assert not item["open"]


def test_links_open_the_transaction_and_listing(qtbot: Any, agent_context: ConsoleContext,  # noqa: F811
                                                tmp_path: Path) -> None:
    inquiry = unclaimed_inquiry(agent_context.client, skip=2)
    widget = workspace(qtbot, agent_context, tmp_path / "drafts.json")
    opened(qtbot, widget, inquiry["ref_id"])
    with qtbot.waitSignal(widget.record_selected) as shown:
        widget.member_button.click()
    assert shown.args == ["member", inquiry["member_id"]]
    if inquiry["transaction_id"] is not None:
        with qtbot.waitSignal(widget.record_selected) as shown:
            widget.transaction_button.click()
        assert shown.args == ["transaction", inquiry["transaction_id"]]
    if inquiry["listing_id"] is not None:
        with qtbot.waitSignal(widget.record_selected) as shown:
            widget.listing_button.click()
        assert shown.args == ["listing", inquiry["listing_id"]]


def test_replying_while_a_colleague_holds_the_inquiry_is_refused_clearly(
        qtbot: Any, agent_context: ConsoleContext, colleague: ApiClient, tmp_path: Path,  # noqa: F811
        posted: list[messages.Message]) -> None:
    inquiry = unclaimed_inquiry(agent_context.client, skip=3)
    colleague.post(f"/queue/items/{inquiry['id']}/claim")
    widget = workspace(qtbot, agent_context, tmp_path / "drafts.json")
    opened(qtbot, widget, inquiry["ref_id"])
    widget.focus_reply()
    widget.reply_edit.setPlainText("Let me look into it")
    widget.send()
    qtbot.waitUntil(lambda: bool(posted), timeout=TIMEOUT_MS)
    message = posted[-1]
    assert message.level is messages.Level.WARNING
    assert colleague.me().display_name in message.text and "working on this item" in message.text
    assert "Next" in message.hint
    assert widget.reply_edit.toPlainText() == "Let me look into it"  # the draft is kept
