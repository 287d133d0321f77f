"""Rights-owner reports: the moderators' window (the evidence beside the
listing; accept or reject with a reason) and a rights owner's own minimal
window (its reports and their outcomes; answering a seller's appeal)."""

from __future__ import annotations

import html
import uuid
from typing import Any, ClassVar

from console import messages
from console.authority.dialogs import ReasonDialog
from console.authority.models import RowsModel
from console.context import ConsoleContext
from console.qt import (
    QAbstractItemView, QCloseEvent, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, Qt,
    QTableView, QTextBrowser, QVBoxLayout, QWidget, Signal,
)


class RightsReportsWindow(QWidget):
    _open: ClassVar[dict[int, RightsReportsWindow]] = {}

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("RightsReportsWindow")
        self.context = context
        self.owner_view = context.staff.role == "rights_owner"
        self.setWindowTitle(self.tr("My Reports") if self.owner_view else self.tr("Rights-Owner Reports"))
        self.outcomes = {"open": self.tr("Open"), "accepted": self.tr("Accepted (taken down)"),
                         "rejected": self.tr("Rejected")}
        self.model = RowsModel([
            (self.tr("ID"), lambda r: r["id"]),
            (self.tr("Rights owner"), lambda r: r["owner_name"]),
            (self.tr("Mark"), lambda r: r["mark"]),
            (self.tr("Listing"), lambda r: (r.get("listing") or {}).get("title")),
            (self.tr("Outcome"), lambda r: self.outcomes.get(r["status"], r["status"])),
            (self.tr("Appeal"), self._appeal_text),
        ], self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("RightsReportDetail")
        self.filter = QComboBox(self)
        self.filter.addItem(self.tr("Open"), "open")
        self.filter.addItem(self.tr("Accepted"), "accepted")
        self.filter.addItem(self.tr("Rejected"), "rejected")
        self.filter.addItem(self.tr("All"), "")
        if self.owner_view:
            self.filter.setCurrentIndex(3)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status = QLabel(self)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:"), self))
        bar.addWidget(self.filter)
        actions = [("respond", self.tr("&Answer Appeal…"), self.respond)] if self.owner_view else [
            ("accept", self.tr("&Accept (Take Down)…"), lambda: self.decide("accepted")),
            ("reject", self.tr("&Reject…"), lambda: self.decide("rejected"))]
        for key, text, handler in [*actions, ("refresh", self.tr("Re&fresh"), self.refresh)]:
            button = QPushButton(text, self)
            button.clicked.connect(handler)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.resize(1100, 560)
        self._selection_changed()

    @classmethod
    def open_for(cls, context: ConsoleContext, parent: QWidget) -> RightsReportsWindow:
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

    def _appeal_text(self, row: dict[str, Any]) -> str:
        appeal = row.get("appeal")
        if not appeal:
            return "—"
        answered = self.tr(", answered") if row.get("appeal_response") else ""
        return {"open": self.tr("open"), "upheld": self.tr("upheld"),
                "overturned": self.tr("overturned")}.get(appeal["status"], appeal["status"]) + answered

    def selected(self) -> dict[str, Any] | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        row = self.selected()
        status = row["status"] if row else None
        if "accept" in self.buttons:
            self.buttons["accept"].setEnabled(status == "open")
            self.buttons["reject"].setEnabled(status == "open")
        if "respond" in self.buttons:
            appeal = (row or {}).get("appeal") or {}
            self.buttons["respond"].setEnabled(appeal.get("status") == "open")
        self.detail.setHtml(self.describe(row) if row else "")

    def describe(self, row: dict[str, Any]) -> str:
        """The listing's public fields beside the owner's evidence, and the outcome."""
        e = html.escape
        listing = row.get("listing") or {}
        parts = [f"<h3>{e(listing.get('title') or '')}</h3>",
                 f"<p>{e(self.tr('Brand'))}: {e(str(listing.get('brand') or '—'))} · "
                 f"{e(self.tr('Price'))}: ¥{listing.get('price', '—')} · {e(self.tr('Status'))}: "
                 f"{e(str(listing.get('status') or ''))}</p>",
                 f"<p>{e(listing.get('description') or '')}</p>",
                 f"<h4>{e(self.tr('Evidence from {owner} (mark {mark})').format(owner=row['owner_name'], mark=row['mark']))}</h4>",
                 f"<p>{e(row['evidence'])}</p>",
                 f"<h4>{e(self.tr('Outcome'))}: {e(self.outcomes.get(row['status'], row['status']))}</h4>"]
        if row.get("decision_reason"):
            parts.append(f"<p>{e(row['decision_reason'])}</p>")
        appeal = row.get("appeal")
        if appeal:
            parts.append(f"<h4>{e(self.tr('Seller’s appeal'))} ({e(self._appeal_text(row))})</h4>"
                         f"<p>{e(appeal['statement'])}</p>")
            if row.get("appeal_response"):
                parts.append(f"<h4>{e(self.tr('Rights owner’s answer'))}</h4><p>{e(row['appeal_response'])}</p>")
        return "".join(parts)

    def refresh(self) -> None:
        client, status = self.context.client, self.filter.currentData()
        self.status.setText(self.tr("Loading…"))
        self.context.runner.run(lambda: client.page("/rights-reports", {"status": status or None}, limit=200).items,
                                self._loaded, on_error=self._failed, owner=self)

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        self.status.setText(self.tr("{n} reports").format(n=len(rows)))
        self._selection_changed()

    def _failed(self, exc: Exception) -> None:
        self.status.setText(self.tr("Could not load the reports; press Refresh to try again."))
        messages.report(exc, self.tr("loading rights-owner reports"))

    def _post(self, path: str, body: dict[str, Any], doing: str) -> None:
        client, key = self.context.client, str(uuid.uuid4())
        self.context.runner.run(lambda: client.post(path, body, idempotency_key=key), lambda _r: self.refresh(),
                                on_error=lambda exc: messages.report(exc, doing), owner=self)

    def decide(self, outcome: str) -> None:
        row = self.selected()
        if row is None:
            return
        title = self.tr("Accept Report") if outcome == "accepted" else self.tr("Reject Report")
        prompt = (self.tr("The listing will be taken down for counterfeit goods, with the usual consequences. Reason:")
                  if outcome == "accepted" else self.tr("Reason (the rights owner sees it):"))
        answer = ReasonDialog.ask(self, title, prompt)
        if answer is not None:
            self._post(f"/rights-reports/{row['id']}/decision",
                       {"outcome": outcome, "reason": answer[1], "version": row["version"]},
                       self.tr("deciding the report"))

    def respond(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = ReasonDialog.ask(self, self.tr("Answer the Seller’s Appeal"),
                                  self.tr("Your answer (moderators read it before they decide):"))
        if answer is not None:
            self._post(f"/rights-reports/{row['id']}/appeal-response", {"response": answer[1]},
                       self.tr("sending your answer"))


class RightsOwnerWindow(RightsReportsWindow):
    """A rights owner's whole console: its reports and their outcomes; signing out ends it.
    Speaks the launcher's main-window protocol (``finished``, ``rebuild_requested``)."""

    finished = Signal(bool)  # signed out?
    rebuild_requested = Signal()

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._signed_out = False
        sign_out = QPushButton(self.tr("Sign &Out"), self)
        sign_out.clicked.connect(self.sign_out)
        self.layout().itemAt(0).layout().addWidget(sign_out)
        self.refresh()

    def sign_out(self) -> None:
        def done(_result: Any = None) -> None:
            self._signed_out = True
            self.close()

        self.context.runner.run(self.context.client.logout, done, on_error=done, owner=self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        super().closeEvent(event)
        self.finished.emit(self._signed_out)
