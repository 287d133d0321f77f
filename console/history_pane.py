"""The history dock: the transactions of the member the selection concerns."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from console.context import ConsoleContext
from console.i18n import tr
from console.qt import QLabel, QVBoxLayout, QWidget, Signal
from console.screens import catalog
from console.screens.list_pane import ListPane


class HistoryPane(QWidget):
    record_selected = Signal(str, object)

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HistoryPane")
        self._context = context
        self._member_id: Any = None
        self.heading = QLabel(tr("Select a listing, member or inquiry to see the member's transactions."), self)
        self.heading.setObjectName("ScreenHint")
        self.heading.setWordWrap(True)
        self.transactions = ListPane(catalog.TRANSACTIONS, context, self)
        self.transactions.record_selected.connect(self.record_selected)
        self.transactions.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.transactions, 1)

    @property
    def member_id(self) -> Any:
        return self._member_id

    def show_member(self, member_id: Any, name: str) -> None:
        if member_id is None or member_id == self._member_id:
            return
        self._member_id = member_id
        self.heading.setText(tr("Transactions of {name} (as buyer or seller)").format(
            name=name or tr("member {member_id}").format(member_id=member_id)))
        self.transactions.spec = replace(catalog.TRANSACTIONS, extra_params={"member_id": member_id})
        self.transactions.show()
        self.transactions.reload()

    def retry(self) -> None:
        self.transactions.retry()

    def save_state(self) -> None:
        self.transactions.save_state()

    def restore_state(self) -> None:
        self.transactions.restore_state()

    def reset_state(self) -> None:
        self.transactions.reset_state()
