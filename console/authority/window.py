"""The supervisors' Authority Requests window: register, approve or decline
(four eyes: the service refuses the registrant), close, the due-date
countdown, exporting the evidence package, and the transparency report."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path
from typing import Any, ClassVar

from console import messages
from console.authority.dialogs import RegisterDialog, ReasonDialog, YearDialog, ask_save_path
from console.authority.models import RowsModel, countdown, seconds_until
from console.context import ConsoleContext
from console.qt import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, Qt, QTableView, QTimer, QVBoxLayout, QWidget,
)

#: The due-date column is repainted this often (milliseconds).
COUNTDOWN_MS = 30_000
OPEN_STATUSES = ("pending_approval", "approved")
DUE_COLUMN = 5


class AuthorityWindow(QWidget):
    _open: ClassVar[dict[int, AuthorityWindow]] = {}

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("AuthorityWindow")
        self.setWindowTitle(self.tr("Authority Requests"))
        self.context = context
        statuses = {"pending_approval": self.tr("Pending approval"), "approved": self.tr("Approved"),
                    "declined": self.tr("Declined"), "answered": self.tr("Answered"), "closed": self.tr("Closed")}
        self.model = RowsModel([
            (self.tr("ID"), lambda r: r["id"]),
            (self.tr("Agency"), lambda r: r["agency"]),
            (self.tr("Reference"), lambda r: r["reference"]),
            (self.tr("Legal basis"), lambda r: r["legal_basis"]),
            (self.tr("Status"), lambda r: statuses.get(r["status"], r["status"])),
            (self.tr("Due"), self._due_text),
            (self.tr("Scope"), lambda r: self.tr("{m} members, {l} listings, {t} transactions").format(
                m=len(r["scope"].get("member_ids", [])), l=len(r["scope"].get("listing_ids", [])),
                t=len(r["scope"].get("transaction_ids", [])))),
        ], self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        self.status.setObjectName("AuthorityStatus")
        #: The outcome of the last download (kept while the list reloads).
        self.notice = QLabel(self)
        self.notice.setObjectName("AuthorityNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, handler in (
                ("register", self.tr("&Register…"), self.register),
                ("approve", self.tr("&Approve…"), lambda: self.decide("approve")),
                ("decline", self.tr("&Decline…"), lambda: self.decide("decline")),
                ("close", self.tr("&Close Request…"), self.close_request),
                ("package", self.tr("Export &Package…"), self.export_package),
                ("transparency", self.tr("&Transparency Report…"), self.export_transparency),
                ("refresh", self.tr("Re&fresh"), self.refresh)):
            button = QPushButton(text, self)
            button.clicked.connect(handler)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.status)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.timer = QTimer(self)
        self.timer.setInterval(COUNTDOWN_MS)
        self.timer.timeout.connect(lambda: self.model.refresh_column(DUE_COLUMN))
        self.timer.start()
        self.resize(980, 480)
        self._update_buttons()

    @classmethod
    def open_for(cls, context: ConsoleContext, parent: QWidget) -> AuthorityWindow:
        window = cls._open.get(id(parent))
        if window is None:
            window = cls(context, parent)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            cls._open[id(parent)] = window
            window.destroyed.connect(lambda *_: cls._open.pop(id(parent), None))
        window.show()
        window.raise_()
        window.refresh()
        return window

    # -- reading ------------------------------------------------------------------------

    def _due_text(self, row: dict[str, Any]) -> str:
        if row.get("status") not in OPEN_STATUSES:
            return "—"
        return countdown(seconds_until(row.get("due_at")), self.tr)

    def selected(self) -> dict[str, Any] | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        row = self.selected()
        status = row["status"] if row else None
        mine = row is not None and row.get("registered_by_id") == self.context.staff.id
        self.buttons["approve"].setEnabled(status == "pending_approval" and not mine)
        self.buttons["decline"].setEnabled(status == "pending_approval" and not mine)
        self.buttons["close"].setEnabled(status in ("approved", "declined", "answered"))
        self.buttons["package"].setEnabled(status in ("approved", "answered"))
        if row is not None and status == "pending_approval" and mine:
            self.status.setText(self.tr("You registered this request: a second supervisor must approve it."))

    def refresh(self) -> None:
        client = self.context.client
        self.status.setText(self.tr("Loading…"))
        self.context.runner.run(lambda: client.page("/authority-requests", limit=200).items, self._loaded,
                                on_error=self._failed, owner=self)

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r["status"] in OPEN_STATUSES and (seconds_until(r["due_at"]) or 0) < 0)
        self.status.setText(self.tr("{n} requests, {o} overdue").format(n=len(rows), o=overdue))
        if selected is not None:
            for i, row in enumerate(rows):
                if row["id"] == selected["id"]:
                    self.view.selectRow(i)
        self._update_buttons()

    def _failed(self, exc: Exception) -> None:
        self.status.setText(self.tr("Could not load the requests; press Refresh to try again."))
        messages.report(exc, self.tr("loading authority requests"))

    # -- acting -------------------------------------------------------------------------

    def _post(self, path: str, body: dict[str, Any], doing: str) -> None:
        client, key = self.context.client, str(uuid.uuid4())
        self.context.runner.run(lambda: client.post(path, body, idempotency_key=key), lambda _r: self.refresh(),
                                on_error=lambda exc: messages.report(exc, doing), owner=self)

    def register(self) -> None:
        body = RegisterDialog.ask(self)
        if body is not None:
            self._post("/authority-requests", body, self.tr("registering the request"))

    def decide(self, verdict: str) -> None:
        row = self.selected()
        if row is None:
            return
        title = self.tr("Approve Request") if verdict == "approve" else self.tr("Decline Request")
        answer = ReasonDialog.ask(self, title, self.tr("Reason (recorded in the audit log):"))
        if answer is not None:
            self._post(f"/authority-requests/{row['id']}/{verdict}", {"reason": answer[1], "version": row["version"]},
                       self.tr("deciding the request"))

    def close_request(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = ReasonDialog.ask(self, self.tr("Close Request"),
                                  self.tr("Closing releases this request's legal holds. Note (optional):"),
                                  optional=True)
        if answer is not None:
            self._post(f"/authority-requests/{row['id']}/close", {"reason": answer[1] or None},
                       self.tr("closing the request"))

    def export_package(self) -> None:
        row = self.selected()
        if row is None:
            return
        path = ask_save_path(self, self.tr("Save Evidence Package"), f"evidence-request-{row['id']}.zip",
                             self.tr("ZIP archives (*.zip)"))
        if not path:
            return
        client = self.context.client
        self.notice.setText(self.tr("Exporting the evidence package…"))

        def work() -> str:
            data = client.get_bytes(f"/authority-requests/{row['id']}/package")
            Path(path).write_bytes(data)
            return hashlib.sha256(data).hexdigest()

        self.context.runner.run(work, lambda digest: self._exported(path, digest),
                                on_error=lambda exc: messages.report(exc, self.tr("exporting the package")), owner=self)

    def _exported(self, path: str, digest: str) -> None:
        self.notice.setText(self.tr("Saved {path} (SHA-256 {digest}); check it with "
                                    "'python -m backend verify-evidence'.").format(path=path, digest=digest))
        self.refresh()

    def export_transparency(self) -> None:
        year = YearDialog.ask(self)
        if year is None:
            return
        path = ask_save_path(self, self.tr("Save Transparency Report"), f"transparency-{year}.csv",
                             self.tr("CSV files (*.csv)"))
        if not path:
            return
        client = self.context.client
        params = {"from": f"{year}-01-01T00:00:00+00:00", "to": f"{year + 1}-01-01T00:00:00+00:00", "format": "csv"}

        def work() -> str:
            Path(path).write_text(client.get_text("/reports/transparency", params), encoding="utf-8-sig")
            return path

        self.context.runner.run(work, lambda p: self.notice.setText(self.tr("Saved {path}").format(path=p)),
                                on_error=lambda exc: messages.report(exc, self.tr("exporting the report")),
                                owner=self)
