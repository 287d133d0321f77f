"""The audit viewer (supervisors): audit events filtered by actor, action,
target and time, newest first and paged in as the table scrolls; open an
event's target; verify the chain with the service's own check (the one
``audit-verify`` runs, ``GET /audit-events/verify``)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, ClassVar

from console import messages
from console.context import ConsoleContext
from console.dashboards.common import staff_zone, tr
from console.qt import (
    QAbstractItemView, QComboBox, QElapsedTimer, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton,
    QTableView, QTimer, QVBoxLayout, QWidget, Qt, Signal,
)
from widgets.paged_model import Column, Fetcher, Page, PagedTableModel

#: (label, hours back; 0: any time)
PERIODS = (("Any time", 0), ("Last hour", 1), ("Last 24 hours", 24), ("Last 7 days", 24 * 7),
           ("Last 30 days", 24 * 30))
#: Audit target types the main window's detail pane can open (its show_record kinds).
OPENABLE = {"member": "member", "listing": "listing", "transaction": "transaction", "inquiry": "inquiry",
            "flag": "flag", "appeal": "appeal"}


class AuditEventsModel(PagedTableModel):
    """Audit events as the table shows them; keeps each row's target for "open"."""

    def __init__(self, zone: Any, fetcher: Fetcher | None = None, parent: Any = None) -> None:
        def when(value: Any) -> str:
            if not value:
                return ""
            stamp = datetime.fromisoformat(str(value).replace("Z", "+00:00")).astimezone(zone)
            return stamp.strftime("%Y-%m-%d %H:%M:%S")

        columns = (Column("id", tr("Event"), align_right=True, width=70),
                   Column("created_at", tr("Time"), when, width=150),
                   Column("actor_label", tr("Actor"), width=120),
                   Column("action", tr("Action"), width=190),
                   Column("target", tr("Target"), width=130),
                   Column("reason", tr("Reason"), width=260))
        super().__init__(columns, fetcher, parent)
        self.targets: dict[Any, tuple[str, str]] = {}

    def _page_rows(self, page: Page) -> list[Any]:
        rows = []
        for item in page.items:
            target = (str(item.get("target_type")), str(item.get("target_id")))
            self.targets[item.get("id")] = target
            rows.append(self._make_row({**item, "target": f"{target[0]} {target[1]}"}))
        return rows


class AuditViewer(QWidget):
    """Top-level window; one per main window."""

    #: (kind, id) of a target to open in the main window.
    open_requested = Signal(str, object)
    _open: ClassVar[dict[int, AuditViewer]] = {}

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("AuditViewer")
        self.setWindowTitle(tr("Audit log — Anzen"))
        self.context = context
        self.zone = staff_zone(context.settings)

        self.actor_box = QComboBox(self)
        self.actor_box.addItem(tr("Anyone"), None)
        self.action_box = QComboBox(self)
        self.action_box.setEditable(True)
        self.action_box.setMinimumContentsLength(24)
        self.action_box.addItem("", None)
        self.action_box.lineEdit().setPlaceholderText(tr("any action (a prefix ends in '.')"))
        self.target_type_box = QComboBox(self)
        self.target_type_box.addItem(tr("Any target"), None)
        self.target_id_edit = QLineEdit(self)
        self.target_id_edit.setPlaceholderText(tr("target id"))
        self.period_box = QComboBox(self)
        for text, hours in PERIODS:
            self.period_box.addItem(tr(text), hours)
        self.apply_button = QPushButton(tr("Apply"), self)
        self.apply_button.setDefault(True)
        for signal in (self.actor_box.currentIndexChanged, self.target_type_box.currentIndexChanged,
                       self.period_box.currentIndexChanged):
            signal.connect(lambda _i: self.apply())
        self.action_box.lineEdit().returnPressed.connect(self.apply)
        self.target_id_edit.returnPressed.connect(self.apply)
        self.apply_button.clicked.connect(self.apply)
        filters = QHBoxLayout()
        for label, widget in ((tr("Actor:"), self.actor_box), (tr("Action:"), self.action_box),
                              (tr("Target:"), self.target_type_box), (None, self.target_id_edit),
                              (tr("When:"), self.period_box)):
            if label:
                filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addWidget(self.apply_button)

        self.model = AuditEventsModel(self.zone, None, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        for n, column in enumerate(self.model.columns):
            if column.width:
                self.view.setColumnWidth(n, column.width)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda index: self.open_target(index.row()))
        self.model.page_loaded.connect(lambda rows: self.count_label.setText(
            tr("{rows:,} events shown").format(rows=rows) + (tr(" (scroll for more)") if self.model.canFetchMore()
                                                             else "")))
        self.model.load_failed.connect(lambda exc: messages.report(exc, tr("loading audit events")))

        self.count_label = QLabel(self)
        self.open_button = QPushButton(tr("Open Target"), self)
        self.open_button.clicked.connect(lambda: self.open_target(self.view.currentIndex().row()))
        self.verify_button = QPushButton(tr("Verify Chain"), self)
        self.verify_button.setToolTip(tr("Check every event's link and keyed hash, as audit-verify does"))
        self.verify_button.clicked.connect(self.verify)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.verify_label = QLabel(self)
        self.verify_label.setObjectName("VerifyResult")
        self.verify_label.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.verify_button)
        column = QVBoxLayout(self)
        column.addLayout(filters)
        column.addWidget(self.view, 1)
        column.addLayout(bottom)
        column.addWidget(self.progress)
        column.addWidget(self.verify_label)
        self.total_events: int | None = None
        self._elapsed = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._show_progress)
        self.resize(1100, 700)

    # -- filters -----------------------------------------------------------------------------

    def load_facets(self) -> None:
        client = self.context.client
        self.context.runner.run(lambda: client.get("/audit-viewer/facets"), self.show_facets,
                                on_error=lambda exc: messages.report(exc, tr("loading the audit filters")),
                                owner=self)

    def show_facets(self, facets: dict[str, Any]) -> None:
        self.total_events = int(facets.get("total", 0))
        for box in (self.actor_box, self.target_type_box):
            box.blockSignals(True)
        for actor in facets.get("actors", []):
            key = ("id", actor["actor_id"]) if actor.get("actor_id") is not None else ("label", actor["actor_label"])
            if self.actor_box.findData(key) < 0:
                self.actor_box.addItem(f"{actor['actor_label']} ({actor['events']:,})", key)
        for target_type in facets.get("target_types", {}):
            if self.target_type_box.findData(target_type) < 0:
                self.target_type_box.addItem(target_type, target_type)
        for action in facets.get("actions", {}):
            if self.action_box.findText(action) < 0:
                self.action_box.addItem(action, action)
        for box in (self.actor_box, self.target_type_box):
            box.blockSignals(False)

    def filters(self) -> dict[str, Any]:
        params: dict[str, Any] = {}
        actor = self.actor_box.currentData()
        if actor is not None:
            params["actor_id" if actor[0] == "id" else "actor"] = actor[1]
        action = self.action_box.currentText().strip()
        if action:
            params["action"] = action
        if self.target_type_box.currentData():
            params["target_type"] = self.target_type_box.currentData()
        if self.target_id_edit.text().strip():
            params["target_id"] = self.target_id_edit.text().strip()
        hours = self.period_box.currentData()
        if hours:
            params["from"] = (datetime.now(self.zone) - timedelta(hours=hours)).isoformat()
        return params

    def apply(self) -> None:
        params = self.filters()
        client, runner = self.context.client, self.context.runner

        def fetch(cursor: str | None, on_page: Any, on_error: Any) -> None:
            runner.run(lambda: client.page("/audit-viewer/events", params, cursor=cursor, limit=100),
                       on_page, on_error=on_error, owner=self)

        self.model.targets.clear()
        self.model.reset(fetch)

    def show_target(self, target_type: str, target_id: str) -> None:
        """Filter to one target (e.g. the event a broken chain names)."""
        index = self.target_type_box.findData(target_type)
        if index < 0:
            self.target_type_box.addItem(target_type, target_type)
            index = self.target_type_box.count() - 1
        self.target_type_box.blockSignals(True)
        self.target_type_box.setCurrentIndex(index)
        self.target_type_box.blockSignals(False)
        self.target_id_edit.setText(target_id)
        self.apply()

    def open_target(self, row: int) -> None:
        if row < 0 or row >= self.model.rowCount():
            return
        target_type, target_id = self.model.targets.get(self.model.row_id(row), ("", ""))
        kind = OPENABLE.get(target_type)
        if kind is None:
            messages.info(tr("A {kind} cannot be opened from here.").format(kind=target_type))
            return
        self.open_requested.emit(kind, int(target_id) if target_id.isdigit() else target_id)

    # -- verification ----------------------------------------------------------------------------

    def verify(self) -> None:
        """Run the service's chain check; progress shows elapsed time against the events to check."""
        self.verify_button.setEnabled(False)
        self.progress.setRange(0, 0)  # one request: the service walks the chain in batches
        self.progress.show()
        self._elapsed.start()
        self._tick.start()
        self._show_progress()
        client = self.context.client
        self.context.runner.run(lambda: client.get("/audit-events/verify"), self._verified,
                                on_error=self._verify_failed, owner=self)

    def _show_progress(self) -> None:
        seconds = self._elapsed.elapsed() / 1000 if self._elapsed.isValid() else 0.0
        events = (tr("{n:,} events").format(n=self.total_events) if self.total_events is not None
                  else tr("every event"))
        self.progress.setFormat(tr("Verifying {events}… {s:.0f} s").format(events=events, s=seconds))
        self.verify_label.setText(tr("Verifying {events}… {s:.0f} s").format(events=events, s=seconds))

    def _finish(self) -> None:
        self._tick.stop()
        self.verify_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.hide()

    def _verified(self, report: dict[str, Any]) -> None:
        self._finish()
        checked = int(report.get("checked", 0))
        if report.get("ok"):
            mark = report.get("checkpoint")
            text = tr("Chain intact: {n:,} events verified.").format(n=checked)
            if mark:
                text += " " + tr("Matches the checkpoint of {at} UTC ({count:,} events).").format(
                    at=str(mark.get("at", ""))[:19].replace("T", " "), count=int(mark.get("count", 0)))
            self.verify_label.setStyleSheet("color: #009E73; font-weight: bold;")
            self.verify_label.setText(text)
            return
        broken = report.get("broken_at")
        text = (tr("Chain BROKEN at event {id}: {problem} ({n:,} events verified before it).").format(
            id=broken, problem=report.get("problem") or "", n=checked) if broken is not None else
            tr("Chain NOT TRUSTWORTHY: {problem}").format(problem=report.get("problem") or ""))
        self.verify_label.setStyleSheet("color: #D55E00; font-weight: bold;")
        self.verify_label.setText(text)
        self.broken_at = broken

    def _verify_failed(self, exc: Exception) -> None:
        self._finish()
        self.verify_label.setStyleSheet("")
        self.verify_label.setText(tr("The check did not finish: {error}. Try again.").format(
            error=getattr(exc, "message", str(exc))))
        messages.report(exc, tr("verifying the audit chain"))

    @classmethod
    def open_for(cls, context: ConsoleContext, parent: QWidget, show_record: Any = None) -> AuditViewer:
        viewer = cls._open.get(id(parent))
        if viewer is None:
            viewer = cls(context, parent)
            cls._open[id(parent)] = viewer
            viewer.destroyed.connect(lambda *_: cls._open.pop(id(parent), None))
            if show_record is not None:
                viewer.open_requested.connect(show_record)
            viewer.load_facets()
            viewer.apply()
        viewer.show()
        viewer.raise_()
        return viewer
