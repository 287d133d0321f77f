"""Banner, status chip, detail view and status delegate."""

from __future__ import annotations

from typing import Any

import pytest

from console.qt import QPushButton, QTableView
from widgets.banner import Banner
from widgets.detail_view import DetailView
from widgets.paged_model import Column, Page, PagedTableModel
from widgets.status_chip import StatusChip
from widgets.status_delegate import StatusDelegate


def test_banner_shows_text_kind_and_action(qtbot: Any) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_message("Lost", kind="warning", action="Retry now")
    assert not banner.isHidden()
    assert banner.text == "Lost" and banner.kind == "warning"
    with qtbot.waitSignal(banner.action_triggered):
        banner.findChild(QPushButton, "BannerAction").click()
    with qtbot.waitSignal(banner.dismissed):
        banner.findChild(QPushButton, "BannerDismiss").click()
    assert banner.isHidden()


def test_status_chip_rejects_unknown_states(qtbot: Any) -> None:
    chip = StatusChip()
    qtbot.addWidget(chip)
    chip.set_state("offline", "Offline")
    assert (chip.state, chip.text) == ("offline", "Offline")
    with pytest.raises(ValueError):
        chip.set_state("sleepy", "?")


def test_detail_view_shows_and_clears_fields(qtbot: Any) -> None:
    view = DetailView()
    qtbot.addWidget(view)
    view.show_record("Nintendo Switch", [("Price", "¥29,800"), ("Status", "active")], long_text="Boxed.")
    assert view.heading == "Nintendo Switch"
    assert view.field_text("Price") == "¥29,800"
    view.show_placeholder("Nothing selected")
    assert view.field_text("Price") is None


def test_status_delegate_paints(qtbot: Any) -> None:
    model = PagedTableModel((Column("status", "Status"),),
                            lambda c, ok, err: ok(Page([{"id": 1, "status": "removed"}, {"id": 2, "status": "x"}])))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegateForColumn(0, StatusDelegate(view))
    view.show()
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert not view.grab().isNull()
