"""The recall-matching screen (safety officers and supervisors).

Left, the recalls (server-paged, searchable) with "New recall" (a typed form,
``POST /recalls``) and "Import" (a CPSC JSON or CSV file, ``POST
/recalls/import``). Right, the selected recall in four tabs:

- **Details** — hazard, remedy, manufacturer, products, dates, the removal clock.
- **Matches** — ``POST /recalls/{id}/match`` runs matching; candidates best
  score first with confidence, evidence and the matched text highlighted;
  confirm or reject one or many (multi-select); each suspended active
  listing counts down to its removal deadline.
- **Affected members** — sellers of confirmed active listings, buyers of
  confirmed sold ones; "Send notices" (idempotent: one notice per recall,
  member and listing, never two).
- **Dashboard** — owners identified, notified, read, acknowledged, returned,
  return rate; "Export CSV report" saves ``GET /recalls/{id}/report.csv``.

Every state-changing call carries an ``Idempotency-Key``. File and question
dialogs are classmethods (``choose_import_file``, ``choose_report_path``,
``DecisionDialog.ask``, ``confirm_send``, ``RecallForm.ask``) that tests patch.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from widgets import formatting as fmt
from console import messages
from console.context import ConsoleContext
from console.i18n import QT_TR_NOOP, tr, trn
from console.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QItemSelectionModel,
    QLabel,
    QLineEdit,
    QMessageBox,
    QModelIndex,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from console.screens.screens import Screen
from widgets.detail_view import DetailView
from widgets.list_table import list_table
from widgets.paged_model import Column, Fetcher, PagedTableModel
from widgets.recall_models import (
    RECALL_COLUMNS,
    RECORD_ROLE,
    MatchesModel,
    RecordTableModel,
    countdown,
    highlight_html,
)
from widgets.roles import ROW_ID_ROLE

COUNTDOWN_INTERVAL_MS = 30_000
RECALL_ROLES = ("safety_officer", "supervisor")
PILL_KEYS = ("status", "confidence", "removal_due_at")

AFFECTED_COLUMNS = (
    Column("display_name", QT_TR_NOOP("Member"), width=160),
    Column("why", QT_TR_NOOP("Why"), lambda v: {"posted": tr("posted the item"), "bought": tr("bought it")}.get(v, fmt.label(v)),
           width=120),
    Column("listing_external_id", QT_TR_NOOP("Listing"), width=130),
    Column("notice_id", QT_TR_NOOP("Notice"), lambda v: tr("sent") if v else tr("not sent yet")),
)

DASHBOARD_FIGURES = (
    ("owners_identified", QT_TR_NOOP("Owners identified")), ("notified", QT_TR_NOOP("Notified")), ("read", QT_TR_NOOP("Read")),
    ("acknowledged", QT_TR_NOOP("Acknowledged")), ("returned", QT_TR_NOOP("Returned")), ("return_rate", QT_TR_NOOP("Return rate")),
    ("candidates", QT_TR_NOOP("Candidates")), ("confirmed", QT_TR_NOOP("Confirmed")), ("rejected", QT_TR_NOOP("Rejected")),
    ("listings_suspended", QT_TR_NOOP("Listings suspended")), ("removals_pending", QT_TR_NOOP("Removals pending")),
    ("removals_overdue", QT_TR_NOOP("Removals overdue")),
)


def _key() -> str:
    return str(uuid.uuid4())


def _table(parent: QWidget, name: str, model: Any, columns: Any, *, multi: bool = False) -> QTableView:
    """A recall table whose status, confidence and removal clock read as pills at a glance."""
    return list_table(parent, name, model, multi=multi, widths=[column.width for column in columns],
                      status_columns=[number for number, column in enumerate(columns) if column.key in PILL_KEYS])


class RecallForm(QDialog):
    """Type one recall in; the service extracts model numbers and barcodes from the prose too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RecallForm")
        self.setWindowTitle(tr("New recall"))
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout()
        for key, label, multiline in (
                ("number", tr("Recall number *"), False), ("title", tr("Title *"), False),
                ("manufacturer", tr("Manufacturer"), False), ("manufacturer_contact", tr("Manufacturer contact"), False),
                ("recall_date", tr("Recall date (YYYY-MM-DD)"), False), ("hazard", tr("Hazard"), True),
                ("remedy", tr("Remedy"), True), ("product_name", tr("Product name"), False), ("brand", tr("Brand"), False),
                ("model_numbers", tr("Model numbers (comma-separated)"), False),
                ("barcodes", tr("Barcodes JAN/EAN/UPC (comma-separated)"), False),
                ("description", tr("Description"), True)):
            widget: QLineEdit | QPlainTextEdit = QPlainTextEdit(self) if multiline else QLineEdit(self)
            if multiline:
                widget.setFixedHeight(56)
            widget.setObjectName(f"recall-{key}")
            self.fields[key] = widget
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Register"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for key in ("number", "title"):
            self.fields[key].textChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._validate()

    def text(self, key: str) -> str:
        widget = self.fields[key]
        return (widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()).strip()

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.text("number") and self.text("title")))

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"source": "manual"}
        for key in ("number", "title", "manufacturer", "manufacturer_contact", "recall_date", "hazard", "remedy",
                    "description"):
            if self.text(key):
                body[key] = self.text(key)
        models = [m.strip() for m in self.text("model_numbers").replace("、", ",").split(",") if m.strip()]
        barcodes = [b.strip() for b in self.text("barcodes").replace("、", ",").split(",") if b.strip()]
        name, brand = self.text("product_name") or None, self.text("brand") or None
        products = [{"name": name, "brand": brand, "model_number": m} for m in models]
        products += [{"name": name, "brand": brand, "barcode": b} for b in barcodes]
        if not products and (name or brand):
            products = [{"name": name, "brand": brand}]
        body["products"] = products
        return body

    @classmethod
    def ask(cls, parent: QWidget | None) -> dict[str, Any] | None:
        dialog = cls(parent)
        try:
            return dialog.body() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class DecisionDialog(QDialog):
    """Confirm or reject n matches, with an optional reason."""

    def __init__(self, decision: str, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DecisionDialog")
        verb = tr("Confirm") if decision == "confirm" else tr("Reject")
        if decision == "confirm":
            self.setWindowTitle(trn(count, QT_TR_NOOP("Confirm {n} match"), QT_TR_NOOP("Confirm {n} matches")))
            question = trn(count, QT_TR_NOOP("Confirm {n} match?"), QT_TR_NOOP("Confirm {n} matches?"))
        else:
            self.setWindowTitle(trn(count, QT_TR_NOOP("Reject {n} match"), QT_TR_NOOP("Reject {n} matches")))
            question = trn(count, QT_TR_NOOP("Reject {n} match?"), QT_TR_NOOP("Reject {n} matches?"))
        what = (tr("Confirmed active listings are suspended at once and their sellers and past buyers become "
                "owners to notify.") if decision == "confirm" else tr("Rejected matches are not the recalled product."))
        label = QLabel(f"{question} {what}", self)
        label.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(tr("Reason (optional)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(verb)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, decision: str, count: int) -> str | None:
        """The reason ("" for none), or ``None`` if cancelled."""
        dialog = cls(decision, count, parent)
        try:
            return dialog.reason.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class RecallsScreen(Screen):
    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__("recalls", tr("Recalls"),
                         tr("Product recalls, their matches against listings, and the notices sent to members."), parent)
        self._context = context
        self._allowed = context.staff.role in RECALL_ROLES
        self._token = 0
        self.recall: dict[str, Any] | None = None
        self.dashboard: dict[str, Any] | None = None

        # -- left: recalls ------------------------------------------------------------------
        self.search = QLineEdit(self)
        self.search.setObjectName("recalls-search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(tr("Words in the title, or a recall number…"))
        self.new_button = QPushButton(tr("New…"), self)
        self.import_button = QPushButton(tr("Import…"), self)
        self.new_button.setToolTip(tr("Type in a recall (Ctrl+Alt+N)"))
        self.import_button.setToolTip(tr("Import a CPSC JSON or CSV file (Ctrl+Alt+I)"))
        self.list_count = QLabel(self)
        self.list_count.setObjectName("ScreenHint")
        self.recalls = PagedTableModel(RECALL_COLUMNS, parent=self)
        self.recall_view = _table(self, "recalls-table", self.recalls, RECALL_COLUMNS)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.new_button)
        row.addWidget(self.import_button)
        left_layout.addLayout(row)
        left_layout.addWidget(self.recall_view, 1)
        left_layout.addWidget(self.list_count)

        # -- right: the selected recall --------------------------------------------------
        self.heading = QLabel(tr("Select a recall."), self)
        self.heading.setObjectName("DetailHeading")
        self.heading.setWordWrap(True)
        self.clock = QLabel(self)
        self.clock.setObjectName("RemovalClock")
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.details = DetailView(self)
        self.tabs.addTab(self.details, tr("Details"))
        self.tabs.addTab(self._build_matches(), tr("Matches"))
        self.tabs.addTab(self._build_affected(), tr("Affected members"))
        self.tabs.addTab(self._build_dashboard(), tr("Dashboard"))
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.clock)
        right_layout.addLayout(head)
        right_layout.addWidget(self.tabs, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 620])
        # Squeeze rather than force the main window wider than the other screens need.
        splitter.setMinimumSize(200, 150)
        self.body.addWidget(splitter, 1)
        if not self._allowed:
            splitter.hide()
            empty = QLabel(tr("Recalls are worked by safety officers and supervisors.\n"
                           "Ask a supervisor if you need access."), self)
            empty.setObjectName("EmptyState")
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.body.addWidget(empty, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_timer.start)
        self.new_button.clicked.connect(self.new_recall)
        self.import_button.clicked.connect(self.import_file)
        self.recalls.page_loaded.connect(self._list_loaded)
        self.recalls.load_failed.connect(lambda exc: messages.report(exc, tr("loading recalls")))
        self.recall_view.selectionModel().currentRowChanged.connect(self._recall_changed)
        self._ticker = QTimer(self)
        self._ticker.setInterval(COUNTDOWN_INTERVAL_MS)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self._set_enabled()

    # -- building ---------------------------------------------------------------------------

    def _build_matches(self) -> QWidget:
        page = QWidget(self)
        self.match_status = QComboBox(page)
        self.match_status.setObjectName("matches-status")
        for text, value in ((tr("Candidates"), "candidate"), (tr("Confirmed"), "confirmed"), (tr("Rejected"), "rejected"),
                            (tr("All"), "")):
            self.match_status.addItem(text, value)
        self.match_button = QPushButton(tr("Run Matching"), page)
        self.confirm_button = QPushButton(tr("Confirm…"), page)
        self.reject_button = QPushButton(tr("Reject…"), page)
        self.match_button.setToolTip(tr("Match this recall against listings (Ctrl+M)"))
        self.confirm_button.setToolTip(tr("Confirm the selected candidates (Ctrl+Alt+Y)"))
        self.reject_button.setToolTip(tr("Reject the selected candidates (Ctrl+Alt+X)"))
        self.match_count = QLabel(page)
        self.match_count.setObjectName("ScreenHint")
        self.matches = MatchesModel(self)
        self.match_view = _table(page, "matches-table", self.matches, self.matches.columns, multi=True)
        self.evidence = QTextBrowser(page)
        self.evidence.setObjectName("MatchEvidence")
        self.evidence.setMaximumHeight(140)
        row = QHBoxLayout()
        row.addWidget(self.match_status)
        row.addWidget(self.match_button)
        row.addWidget(self.confirm_button)
        row.addWidget(self.reject_button)
        row.addStretch(1)
        row.addWidget(self.match_count)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.match_view, 1)
        layout.addWidget(self.evidence)
        self.match_status.currentIndexChanged.connect(lambda _i: self.load_matches())
        self.match_button.clicked.connect(self.run_matching)
        self.confirm_button.clicked.connect(lambda: self.decide("confirm"))
        self.reject_button.clicked.connect(lambda: self.decide("reject"))
        self.matches.page_loaded.connect(lambda _n: self._match_count())
        self.matches.load_failed.connect(lambda exc: messages.report(exc, tr("loading matches")))
        self.match_view.selectionModel().currentRowChanged.connect(self._match_changed)
        self.match_view.selectionModel().selectionChanged.connect(lambda *_: self._set_enabled())
        return page

    def _build_affected(self) -> QWidget:
        page = QWidget(self)
        self.affected = RecordTableModel(AFFECTED_COLUMNS, id_key="member_id", status_key="why", parent=self)
        self.affected_view = _table(page, "affected-table", self.affected, AFFECTED_COLUMNS)
        self.affected_summary = QLabel(page)
        self.affected_summary.setObjectName("ScreenHint")
        self.affected_summary.setWordWrap(True)
        self.send_button = QPushButton(tr("Send Notices…"), page)
        self.send_button.setToolTip(tr("Notify every affected member not notified yet (Ctrl+Alt+O)"))
        row = QHBoxLayout()
        row.addWidget(self.affected_summary, 1)
        row.addWidget(self.send_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.affected_view, 1)
        self.send_button.clicked.connect(self.send_notices)
        self.affected_view.selectionModel().currentRowChanged.connect(
            lambda current, _p: current.isValid() and self.record_selected.emit(
                "member", self.affected.record(current.row())["member_id"]))
        return page

    def _build_dashboard(self) -> QWidget:
        page = QWidget(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(10)
        self.figures: dict[str, QLabel] = {}
        for number, (key, title) in enumerate(DASHBOARD_FIGURES):
            caption = QLabel(tr(title), page)
            caption.setObjectName("FigureCaption")
            value = QLabel("—", page)
            value.setObjectName("FigureValue")
            value.setProperty("figure", key)
            row, column = divmod(number, 3)
            grid.addWidget(caption, row * 2, column)
            grid.addWidget(value, row * 2 + 1, column)
            self.figures[key] = value
        self.export_button = QPushButton(tr("Export CSV Report…"), page)
        self.export_button.setToolTip(tr("Save the manufacturer's report as CSV (Ctrl+E)"))
        self.export_button.clicked.connect(self.export_report)
        self.dashboard_hint = QLabel(page)
        self.dashboard_hint.setObjectName("ScreenHint")
        self.dashboard_hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 10, 4, 4)
        layout.addLayout(grid)
        layout.addWidget(self.dashboard_hint)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # -- Screen hooks ------------------------------------------------------------------------

    def activate(self) -> None:
        if self._allowed and self.recalls.rowCount() == 0 and not self.recalls.is_loading \
                and self.recalls.error is None:
            self.reload()

    def refresh(self) -> None:
        if self._allowed:
            self.reload()
            self.reload_recall()

    def retry_failed(self) -> None:
        if self.recalls.error is not None:
            self.recalls.retry()
        if self.matches.error is not None:
            self.matches.retry()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def open_current(self) -> None:
        index = self.match_view.currentIndex()
        if index.isValid():
            self.record_selected.emit("listing", index.data(RECORD_ROLE)["listing_id"])

    # -- the list -----------------------------------------------------------------------------

    def _fetcher(self, path: str, params: dict[str, Any]) -> Fetcher:
        client, runner, limit = self._context.client, self._context.runner, self._context.page_size

        def fetch(cursor: str | None, on_page: Any, on_error: Any) -> None:
            runner.run(lambda: client.page(path, params, cursor=cursor, limit=limit), on_page,
                       on_error=on_error, owner=self)

        return fetch

    def reload(self) -> None:
        self._search_timer.stop()
        self.recalls.reset(self._fetcher("/recalls", {"q": fmt.search_text(self.search.text()) or None}))

    def _list_loaded(self, rows: int) -> None:
        more = tr(", more as you scroll") if self.recalls.canFetchMore() else ""
        self.list_count.setText(tr("No recalls yet — import a file or type one in.") if rows == 0 else
                                trn(rows, QT_TR_NOOP("{n:,} recall{more}"), QT_TR_NOOP("{n:,} recalls{more}"), more=more))
        if self.recall is not None:
            for row in range(rows):
                if self.recalls.row_id(row) == self.recall["id"]:
                    self.recall_view.selectionModel().setCurrentIndex(
                        self.recalls.index(row, 0),
                        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                    break

    def select_recall(self, recall_id: int) -> None:
        """Show ``recall_id`` (selected in the list when it is there)."""
        self._show_recall(recall_id)

    def _recall_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            recall_id = current.data(ROW_ID_ROLE)
            if self.recall is None or self.recall.get("id") != recall_id:
                self._show_recall(recall_id)

    def _show_recall(self, recall_id: int) -> None:
        self._token += 1
        token = self._token
        self.recall = {"id": recall_id}
        self.dashboard = None
        self.heading.setText(tr("Loading…"))
        self.details.show_placeholder(tr("Loading…"))
        self.affected.set_records([])
        self.evidence.clear()
        client = self._context.client
        self._context.runner.run(lambda: client.get(f"/recalls/{recall_id}"),
                                 lambda detail: self._recall_loaded(token, detail),
                                 on_error=lambda exc: self._failed(token, exc, tr("loading the recall")), owner=self)
        self.load_matches()
        self.load_affected()
        self.load_dashboard()
        self._set_enabled()

    def reload_recall(self) -> None:
        if self.recall is not None:
            self._show_recall(self.recall["id"])

    def _failed(self, token: int, exc: Exception, doing: str) -> None:
        if token == self._token:
            messages.report(exc, doing)

    def _recall_loaded(self, token: int, recall: dict[str, Any]) -> None:
        if token != self._token:
            return
        self.recall = recall
        self.heading.setText(f"{recall['number']} — {recall['title']}")
        products = "\n".join(
            " · ".join(x for x in (p.get("brand"), p.get("name"),
                                   f"model {p['model_number']}" if p.get("model_number") else "",
                                   f"barcode {p['barcode']}" if p.get("barcode") else "") if x)
            for p in recall.get("products") or []) or "—"
        fields = [
            (tr("Number"), str(recall.get("number"))),
            (tr("Source"), fmt.label(recall.get("source"))),
            (tr("Status"), fmt.label(recall.get("status"))),
            (tr("Recall date"), str(recall.get("recall_date") or "—")),
            (tr("Manufacturer"), str(recall.get("manufacturer") or "—")),
            (tr("Contact"), str(recall.get("manufacturer_contact") or "—")),
            (tr("Hazard"), str(recall.get("hazard") or "—")),
            (tr("Remedy"), str(recall.get("remedy") or "—")),
            (tr("Units"), f"{recall['units']:,}" if recall.get("units") else "—"),
            (tr("Sold"), tr("{value} to {value2}").format(value=recall.get('sold_from') or '…', value2=recall.get('sold_to') or '…')
             if recall.get("sold_from") or recall.get("sold_to") else "—"),
            (tr("Removal requested"), fmt.when(recall.get("requested_at")) or "—"),
            (tr("Remove listings by"), fmt.when(recall.get("removal_due_at")) or "—"),
            (tr("Products"), products),
        ]
        self.details.show_record(recall["title"], fields, subheading=tr("Recall"),
                                 long_text=str(recall.get("description") or ""))
        self._tick()

    # -- matches ------------------------------------------------------------------------------

    def load_matches(self) -> None:
        if self.recall is None:
            return
        params = {"status": self.match_status.currentData() or None}
        self.matches.reset(self._fetcher(f"/recalls/{self.recall['id']}/matches", params))
        self.evidence.clear()
        self._match_count()

    def _match_count(self) -> None:
        rows = self.matches.rowCount()
        if self.matches.is_loading:
            text = tr("Loading…")
        else:
            more = "+" if self.matches.canFetchMore() else ""
            text = trn(rows, QT_TR_NOOP("{n:,}{more} match"), QT_TR_NOOP("{n:,}{more} matches"), more=more)
        self.match_count.setText(text)
        self._set_enabled()

    def selected_matches(self) -> list[dict[str, Any]]:
        rows = sorted({index.row() for index in self.match_view.selectionModel().selectedRows()})
        return [self.matches.record(row) for row in rows]

    def _match_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.evidence.clear()
            return
        match = current.data(RECORD_ROLE)
        title_spans = [span for e in match.get("evidence") or [] if e.get("field") == "title"
                       for span in e.get("spans") or []]
        lines = [tr("<p style='margin:2px 0'><b>{listing_title}</b> · {listing_external_id} · {listing_status}</p>").format(listing_title=highlight_html(match['listing_title'], title_spans), listing_external_id=match['listing_external_id'], listing_status=fmt.label(match['listing_status']))]
        for e in match.get("evidence") or []:
            lines.append(tr("<p style='margin:2px 0'>• <b>{kind}</b>: {text} <i>({field})</i></p>").format(kind=fmt.label(e.get('kind')), text=e.get('text', ''), field=e.get('field', '')))
        self.evidence.setHtml("".join(lines))
        self.record_selected.emit("listing", match["listing_id"])

    def run_matching(self) -> None:
        if self.recall is None:
            return
        recall_id, token, client, key = self.recall["id"], self._token, self._context.client, _key()
        self.match_button.setEnabled(False)
        self.match_count.setText(tr("Matching…"))
        self._context.runner.run(lambda: client.post(f"/recalls/{recall_id}/match", idempotency_key=key),
                                 lambda result: self._matched(token, result),
                                 on_error=lambda exc: self._action_failed(token, exc, tr("running matching")),
                                 owner=self)

    def _matched(self, token: int, result: dict[str, Any]) -> None:
        self._set_enabled()
        if token != self._token:
            return
        by = ", ".join(f"{n} {c}" for c, n in sorted(result.get("by_confidence", {}).items()))
        messages.info(tr("Matching found {candidates} candidate(s) ({value}), {new} new, in {elapsed_ms:.0f} ms.").format(candidates=result['candidates'], value=by or 'none', new=result['new'], elapsed_ms=result['elapsed_ms']))
        self.load_matches()
        self.load_dashboard()
        self.reload_list_row()

    def decide(self, decision: str) -> None:
        chosen = [m for m in self.selected_matches() if m.get("status") != ("confirmed" if decision == "confirm"
                                                                             else "rejected")]
        if self.recall is None or not chosen:
            messages.info(tr("Select one or more matches first (Shift/Ctrl+click to select many)."))
            return
        reason = DecisionDialog.ask(self, decision, len(chosen))
        if reason is None:
            return
        body = {"decision": decision, "matches": [{"id": m["id"], "version": m["version"]} for m in chosen],
                "reason": reason or None}
        recall_id, token, client, key = self.recall["id"], self._token, self._context.client, _key()
        self.confirm_button.setEnabled(False)
        self.reject_button.setEnabled(False)
        self._context.runner.run(
            lambda: client.post(f"/recalls/{recall_id}/matches/decide", body, idempotency_key=key),
            lambda result: self._decided(token, decision, result),
            on_error=lambda exc: self._action_failed(token, exc, tr("confirming matches") if decision == "confirm" else tr("rejecting matches")), owner=self)

    def _decided(self, token: int, decision: str, result: dict[str, Any]) -> None:
        self._set_enabled()
        if token != self._token:
            return
        decided = result.get("decided") or []
        self.matches.update_records(decided)
        suspended = len(result.get("suspended_listing_ids") or [])
        messages.info((tr("{decided} match(es) confirmed") if decision == "confirm" else tr("{decided} match(es) rejected")).format(
            decided=len(decided)) + (tr("; {suspended} listing(s) suspended.").format(suspended=suspended) if suspended
                                                                  else "."))
        self.load_affected()
        self.load_dashboard()
        self.reload_list_row()

    def reload_list_row(self) -> None:
        """The recall's counts changed: reload the list (the selection is kept by id)."""
        self.reload()

    def _action_failed(self, token: int, exc: Exception, doing: str) -> None:
        self._set_enabled()
        messages.report(exc, doing)
        if token == self._token:
            self.load_matches()

    # -- affected members and notices ---------------------------------------------------------

    def load_affected(self) -> None:
        if self.recall is None:
            return
        recall_id, token, client = self.recall["id"], self._token, self._context.client
        self._context.runner.run(lambda: client.get(f"/recalls/{recall_id}/affected-members"),
                                 lambda rows: self._affected_loaded(token, rows),
                                 on_error=lambda exc: self._failed(token, exc, tr("loading affected members")),
                                 owner=self)

    def _affected_loaded(self, token: int, rows: list[dict[str, Any]]) -> None:
        if token != self._token:
            return
        self.affected.set_records(rows)
        waiting = sum(1 for r in rows if not r.get("notice_id"))
        sellers = sum(1 for r in rows if r.get("why") == "posted")
        self.affected_summary.setText(
            tr("No affected members yet: confirm matches first.") if not rows else
            tr("{rows} owner(s): {sellers} seller(s) of listed items, {value} past buyer(s). {waiting} not notified yet.").format(rows=len(rows), sellers=sellers, value=len(rows) - sellers, waiting=waiting))
        self._set_enabled()

    @classmethod
    def confirm_send(cls, parent: QWidget | None, count: int) -> bool:
        answer = QMessageBox.question(parent, tr("Send notices"),
                                      tr("Send the recall notice to {count} member(s) not notified yet? Nobody is notified twice.").format(count=count))
        return answer == QMessageBox.StandardButton.Yes

    def send_notices(self) -> None:
        if self.recall is None:
            return
        waiting = sum(1 for r in self.affected.records() if not r.get("notice_id"))
        if not waiting:
            messages.info(tr("Every affected member has been notified already."))
            return
        if not self.confirm_send(self, waiting):
            return
        recall_id, token, client, key = self.recall["id"], self._token, self._context.client, _key()
        self.send_button.setEnabled(False)
        self._context.runner.run(lambda: client.post(f"/recalls/{recall_id}/notices", idempotency_key=key),
                                 lambda result: self._sent(token, result),
                                 on_error=lambda exc: self._action_failed(token, exc, tr("sending notices")),
                                 owner=self)

    def _sent(self, token: int, result: dict[str, Any]) -> None:
        self._set_enabled()
        if token != self._token:
            return
        messages.info(tr("{sent} notice(s) sent; {already_sent} member(s) had one already.").format(sent=result['sent'], already_sent=result['already_sent']))
        self.load_affected()
        self.load_dashboard()

    # -- dashboard and report ------------------------------------------------------------------

    def load_dashboard(self) -> None:
        if self.recall is None:
            return
        recall_id, token, client = self.recall["id"], self._token, self._context.client
        self._context.runner.run(lambda: client.get(f"/recalls/{recall_id}/dashboard"),
                                 lambda data: self._dashboard_loaded(token, data),
                                 on_error=lambda exc: self._failed(token, exc, tr("loading the recall dashboard")),
                                 owner=self)

    def _dashboard_loaded(self, token: int, data: dict[str, Any]) -> None:
        if token != self._token:
            return
        self.dashboard = data
        for key, label in self.figures.items():
            value = data.get(key)
            if key == "return_rate":
                label.setText("—" if value is None else f"{value:.0%}")
            else:
                label.setText(f"{int(value or 0):,}")
        self.dashboard_hint.setText(
            tr("Removals: {removals_on_time} on time, {removals_late} late. ").format(removals_on_time=data.get('removals_on_time', 0), removals_late=data.get('removals_late', 0))
            + (tr("Remove listings by {removal_due_at} ({removal_due_at2}).").format(removal_due_at=fmt.when(data.get('removal_due_at')), removal_due_at2=countdown(data.get('removal_due_at'))) if data.get("removal_due_at") else ""))

    @classmethod
    def choose_report_path(cls, parent: QWidget | None, suggested: str) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(parent, tr("Export recall report"), suggested, tr("CSV files (*.csv)"))
        return path or None

    def export_report(self) -> None:
        if self.recall is None or "number" not in self.recall:
            return
        path = self.choose_report_path(self, f"recall-{self.recall['number']}.csv")
        if not path:
            return
        recall_id, client = self.recall["id"], self._context.client

        def fetch_and_save() -> str:
            text = client.get_text(f"/recalls/{recall_id}/report.csv")
            Path(path).write_text(text, encoding="utf-8-sig")
            return path

        self._context.runner.run(fetch_and_save, lambda saved: messages.info(tr("Report saved to {saved}.").format(saved=saved)),
                                 on_error=lambda exc: messages.report(exc, tr("exporting the recall report")),
                                 owner=self)

    # -- import and new -----------------------------------------------------------------------

    @classmethod
    def choose_import_file(cls, parent: QWidget | None) -> str | None:
        path, _filter = QFileDialog.getOpenFileName(parent, tr("Import recalls"), "",
                                                    tr("Recall files (*.json *.csv);;CPSC JSON (*.json);;CSV (*.csv)"))
        return path or None

    def import_file(self, path: str | None = None) -> None:
        path = path or self.choose_import_file(self)
        if not path:
            return
        fmt_name = "csv" if path.lower().endswith(".csv") else "cpsc_json"
        client, key = self._context.client, _key()

        def send() -> Any:
            content = Path(path).read_text(encoding="utf-8-sig")
            return client.post("/recalls/import", {"format": fmt_name, "content": content}, idempotency_key=key)

        self.import_button.setEnabled(False)
        self._context.runner.run(send, self._imported,
                                 on_error=lambda exc: self._import_failed(exc, Path(path).name), owner=self)

    def _import_failed(self, exc: Exception, name: str) -> None:
        self.import_button.setEnabled(True)
        if isinstance(exc, OSError):
            messages.error(tr("Could not read {name}: {value}").format(name=name, value=exc.strerror or exc), tr("Choose another file."))
        else:
            messages.report(exc, tr("importing {name}").format(name=name))

    def _imported(self, result: dict[str, Any]) -> None:
        self.import_button.setEnabled(True)
        created, skipped = result.get("created") or [], result.get("skipped") or []
        messages.info(tr("Imported {created} recall(s)").format(created=len(created))
                      + (tr("; {skipped} already registered ({join}).").format(skipped=len(skipped), join=', '.join(skipped[:5])) if skipped else "."))
        self.last_import = result
        self.reload()

    last_import: dict[str, Any] | None = None

    def new_recall(self) -> None:
        body = RecallForm.ask(self)
        if body is None:
            return
        client, key = self._context.client, _key()
        self._context.runner.run(lambda: client.post("/recalls", body, idempotency_key=key), self._created,
                                 on_error=lambda exc: messages.report(exc, tr("registering the recall")), owner=self)

    def _created(self, recall: dict[str, Any]) -> None:
        messages.info(tr("Recall {number} registered.").format(number=recall['number']))
        self._show_recall(recall["id"])
        self.reload()

    # -- state ----------------------------------------------------------------------------------

    def _tick(self) -> None:
        self.matches.tick()
        due = (self.recall or {}).get("removal_due_at")
        if due:
            left = countdown(due)
            self.clock.setText(tr("Removal deadline: {left}").format(left=left))
            self.clock.setProperty("overdue", left.startswith("overdue"))
        else:
            self.clock.setText("")

    def _set_enabled(self) -> None:
        has = self.recall is not None
        selected = bool(self.match_view.selectionModel().selectedRows()) if has else False
        self.match_button.setEnabled(has)
        self.confirm_button.setEnabled(selected)
        self.reject_button.setEnabled(selected)
        self.send_button.setEnabled(has and any(not r.get("notice_id") for r in self.affected.records()))
        self.export_button.setEnabled(has)


def recall_handlers(screen: RecallsScreen, show: Callable[[], None]) -> dict[str, Callable[[], None]]:
    """The ``recall.*`` actions: show the recalls screen, then act on it."""
    def on_screen(method: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            show()
            method()
        return run
    return {
        "recall.new": on_screen(screen.new_recall),
        "recall.import": on_screen(screen.import_file),
        "recall.match": on_screen(screen.run_matching),
        "recall.confirm": on_screen(lambda: screen.decide("confirm")),
        "recall.reject": on_screen(lambda: screen.decide("reject")),
        "recall.send_notices": on_screen(screen.send_notices),
        "recall.export": on_screen(screen.export_report),
    }
