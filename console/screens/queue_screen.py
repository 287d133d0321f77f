"""The Queue screen: one list over inquiries and open flags, server-side
filters and sort, "Next", claims with live lease countdowns, and the opened
item's workspace below the list.

- The list is a :class:`widgets.queue_model.QueueModel`, paged from
  ``GET /queue`` and kept current by polling ``GET /queue/changes`` (rows are
  updated, moved, inserted and removed in place: selection and scroll stay).
- The *opened* item is the one being worked on (Next, Claim, or Ctrl+Return
  on a row). While it is opened and held, its lease is renewed on a timer;
  opening another item, releasing it or closing the console lets it go.
- Refusals (someone else holds the item, not clocked in) are shown with the
  service's own words through :mod:`console.queue_messages`.
"""

from __future__ import annotations

import html
import logging
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from console import messages, queue_messages
from console.context import ConsoleContext
from console.i18n import QT_TR_NOOP, tr
from console.inquiry_workspace import DraftStore, InquiryWorkspace
from console.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QItemSelectionModel,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPushButton,
    QSplitter,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
)
from console.screens.screens import Screen
from console.settings import Options, State
from widgets.paged_model import Page
from widgets.countdown_delegate import CountdownDelegate
from widgets.list_table import SCREEN_ROW_HEIGHT, list_table
from widgets.queue_model import Columns, Item, QueueModel, lease

log = logging.getLogger("anzen.console.queue")

TICK_MS = 1_000
MIN_RENEW_MS = 5_000
MAX_RENEW_MS = 60_000
COLUMNS_STATE = State.columns("queue")
SPLITTER_STATE = State.QUEUE_SPLITTER

#: The kinds each role works (the service decides; this only avoids offering refused lists).
KINDS_BY_ROLE: dict[str, tuple[str, ...]] = {
    "agent": ("inquiry",), "moderator": ("flag", "appeal", "rights_report"),
    "supervisor": ("inquiry", "flag", "appeal", "rights_report"),
}
INQUIRY_CATEGORIES = ("item_not_received", "not_as_described", "payment", "account", "other")
FLAG_POLICIES = ("counterfeit", "medicine", "game_account", "stolen_goods", "weapon", "cash_equivalent")
STATUSES = {"inquiry": ("new", "open", "waiting_on_member"), "flag": ("open",), "appeal": ("open",),
            "rights_report": ("open",)}
SORTS = (("priority", QT_TR_NOOP("Priority")), ("due", QT_TR_NOOP("SLA due first")), ("oldest", QT_TR_NOOP("Oldest first")), ("newest", QT_TR_NOOP("Newest first")))


def _stamp(value: Any) -> float:
    if not value:
        return 0.0
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()


def sort_key_for(sort: str) -> Callable[[Item], Any]:
    """The same order the service sorts by, for placing polled items."""
    if sort == "due":
        return lambda item: (_stamp(item.get("sla_due")), item.get("id") or 0)
    if sort == "oldest":
        return lambda item: (_stamp(item.get("created_at")), item.get("id") or 0)
    if sort == "newest":
        return lambda item: (-_stamp(item.get("created_at")), -(item.get("id") or 0))
    return lambda item: (_stamp(item.get("rank")), item.get("id") or 0)


def matcher_for(params: dict[str, Any]) -> Callable[[Item], bool]:
    """The server's filters, applied to items that arrive by poll."""
    def matches(item: Item) -> bool:
        if params.get("kind") and item.get("kind") != params["kind"]:
            return False
        if params.get("category") and item.get("category") != params["category"]:
            return False
        if params.get("status") and item.get("status") != params["status"]:
            return False
        claim = params.get("claim") or "all"
        claimed = item.get("claimed_by_id") is not None
        if claim == "mine" and not item.get("mine"):
            return False
        if claim == "unclaimed" and claimed:
            return False
        if claim == "others" and (not claimed or item.get("mine")):
            return False
        if params.get("sla") and item.get("sla_state") != params["sla"]:
            return False
        return True
    return matches


class HandoffDialog(QDialog):
    """Pick a colleague (and a note) to hand an item to. Tests patch :meth:`ask`."""

    def __init__(self, parent: QWidget | None, colleagues: list[dict[str, Any]], title: str) -> None:
        super().__init__(parent)
        self.setObjectName("HandoffDialog")
        self.setWindowTitle(tr("Hand to a colleague"))
        self.person = QComboBox(self)
        for person in colleagues:
            state = tr("on duty") if person.get("clocked_in_at") else tr("not clocked in")
            self.person.addItem(f"{person['display_name']} ({state})", person["id"])
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(tr("What they need to know (optional)"))
        form = QFormLayout()
        form.addRow(tr("Item"), QLabel(title, self))
        form.addRow(tr("Hand to"), self.person)
        form.addRow(tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Hand over"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, colleagues: list[dict[str, Any]], title: str) -> tuple[int, str] | None:
        dialog = cls(parent, colleagues, title)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.person.currentData() is None:
                return None
            return int(dialog.person.currentData()), dialog.note.text().strip()
        finally:
            dialog.deleteLater()


class FlagSummary(QLabel):
    """The opened flag or appeal: what it is; decisions are in the detail and enforcement panes."""

    def show_item(self, item: Item) -> None:
        kind = str(item.get("kind") or "")
        what = (tr("Flag · policy {replace} · score {float:.2f}").format(replace=str(item.get('category')).replace('_', ' '), float=float(item.get('score') or 0))
                if kind == "flag" else f"{kind.capitalize()} · {str(item.get('category') or '').replace('_', ' ')}")
        self.setText(tr("<b>{escape}</b><br>{what} · listing {listing_id}<br><span style='color:gray'>Its record and the enforcement actions are in the side panes.</span>").format(escape=html.escape(str(item.get('title', ''))), what=html.escape(what), listing_id=item.get('listing_id')))


class QueueScreen(Screen):
    #: The opened item changed (None when closed).
    item_opened = Signal(object)

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__("queue", tr("Queue"),
                         tr("Inquiries and open flags in one list, most urgent first. Next (Ctrl+N) takes the "
                         "best item for you; claims show who holds what and for how long."), parent)
        self._context = context
        self.kinds = KINDS_BY_ROLE.get(context.staff.role, ())
        self._since: str | None = None
        self._polling = False
        self._opened: dict[str, Any] | None = None
        self._open_request = 0
        self.colleagues: Callable[[tuple[str, ...]], list[dict[str, Any]]] = lambda kinds: []

        self.kind_box = self._combo("queue-kind", [("", tr("All kinds"))] + [
            (k, {"inquiry": tr("Inquiries"), "flag": tr("Flags"), "appeal": tr("Appeals"),
                 "rights_report": tr("Rights-owner reports")}[k]) for k in self.kinds])
        self.kind_box.setVisible(len(self.kinds) > 1)
        categories = ([(c, c.replace("_", " ")) for c in INQUIRY_CATEGORIES] if "inquiry" in self.kinds else []) + \
                     ([(p, p.replace("_", " ")) for p in FLAG_POLICIES] if "flag" in self.kinds else [])
        self.category_box = self._combo("queue-category", [("", tr("Any policy or category"))] + categories)
        statuses = sorted({s for k in self.kinds for s in STATUSES[k]})
        self.status_box = self._combo("queue-status", [("", tr("Any status"))] +
                                      [(s, s.replace("_", " ").capitalize()) for s in statuses])
        self.claim_box = self._combo("queue-claim", [("all", tr("Everyone's")), ("mine", tr("Claimed by me")),
                                                     ("unclaimed", tr("Unclaimed")), ("others", tr("Claimed by others"))])
        self.sla_box = self._combo("queue-sla", [("", tr("Any SLA")), ("breached", tr("SLA breached")),
                                                 ("at_risk", tr("SLA at risk (< 1 h)"))])
        self.sort_box = self._combo("queue-sort", list(SORTS))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("ScreenHint")
        self.count_label.setMinimumWidth(40)
        self.retry_button = QPushButton(tr("Retry"), self)
        self.retry_button.hide()
        self.retry_button.clicked.connect(self.retry_failed)
        self.next_button = QPushButton(tr("Next item"), self)
        self.next_button.setDefault(True)
        self.next_button.setToolTip(tr("Claim the most urgent unclaimed item and open it (Ctrl+N)"))
        self.next_button.clicked.connect(self.next_item)

        self.model = QueueModel(parent=self)
        self.view = list_table(self, "queue-table", self.model, row_height=SCREEN_ROW_HEIGHT, stretch_last=False,
                               widths=Columns.WIDTHS, status_columns=(Columns.STATUS,))
        self._countdown_delegate = CountdownDelegate(self.view)
        self.view.setItemDelegateForColumn(Columns.DUE, self._countdown_delegate)
        self.view.setItemDelegateForColumn(Columns.CLAIM, self._countdown_delegate)
        self._default_header = self.view.horizontalHeader().saveState()

        self.drafts = DraftStore.for_context(context)
        self.workspace = InquiryWorkspace(context, self.drafts, self)
        self.workspace.record_selected.connect(self.record_selected)
        self.workspace.inquiry_changed.connect(self._inquiry_changed)
        self.flag_summary = FlagSummary(self)
        self.flag_summary.setWordWrap(True)
        self.flag_summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.placeholder = QLabel(tr("Press Ctrl+N for the next item, or pick a row and press Ctrl+Return to open it."),
                                  self)
        self.placeholder.setObjectName("EmptyState")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget(self)
        for widget in (self.placeholder, self.workspace, self.flag_summary):
            self.stack.addWidget(widget)
        self.opened_bar = QLabel(self)
        self.opened_bar.setObjectName("ScreenHint")

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for box in (self.kind_box, self.category_box, self.status_box, self.claim_box, self.sla_box, self.sort_box):
            filters.addWidget(box)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        filters.addWidget(self.retry_button)
        filters.addWidget(self.next_button)
        lower = self.stack
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.view.setMinimumHeight(84)
        self.splitter.setSizes([300, 300])
        self.body.addLayout(filters)
        self.body.addWidget(self.splitter, 1)

        if not self.kinds:
            self.next_button.setEnabled(False)
            self.placeholder.setText(tr("Your role does not work the queue: inquiries go to support agents and "
                                     "flags to moderators."))

        for box in (self.kind_box, self.category_box, self.status_box, self.claim_box, self.sla_box, self.sort_box):
            box.currentIndexChanged.connect(self.reload)
        self.model.page_loaded.connect(self._update_count)
        self.model.loading_changed.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)
        self.model.load_failed.connect(self._load_failed)
        self.model.item_updated.connect(self._item_updated)
        self.model.lease_lapsed.connect(self._lease_lapsed)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.doubleClicked.connect(lambda _index: self.open_current())

        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(TICK_MS)
        self._tick_timer.timeout.connect(self._tick)
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(max(500, context.settings.get(Options.QUEUE_POLL_MS)))
        self._poll_timer.timeout.connect(self.poll)
        self._renew_timer = QTimer(self)
        self._renew_timer.setSingleShot(True)
        self._renew_timer.timeout.connect(self.renew)

    def _combo(self, name: str, choices: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.setMinimumWidth(40)  # shrinks (eliding) in a narrow window instead of widening it
        for value, text in choices:
            box.addItem(tr(text), value)
        return box

    # -- Screen hooks --------------------------------------------------------------------
    # The screen is its own single pane (model, view, spec.kind, reload, retry), so
    # window code written for list panes (tests, enforcement's selection) works here too.

    @property
    def panes(self) -> Sequence[Any]:
        return (self,)

    def current_pane(self) -> Any:
        return self

    @property
    def spec(self) -> SimpleNamespace:
        item = self.current_item()
        kind = str(item.get("kind")) if item else (self.kinds[0] if len(self.kinds) == 1 else "")
        return SimpleNamespace(id="queue", kind=kind, title=tr("Queue"))

    def retry(self) -> None:
        self.retry_failed()


    def activate(self) -> None:
        if self.kinds and self.model.rowCount() == 0 and not self.model.is_loading and self.model.error is None:
            self.reload()
        self._tick_timer.start()
        if self.kinds:
            self._poll_timer.start()

    def refresh(self) -> None:
        self.reload()

    def retry_failed(self) -> None:
        if self.model.error is not None:
            self.retry_button.hide()
            self.model.retry()

    def focus_search(self) -> None:
        target = self.kind_box if self.kind_box.isVisible() else self.category_box
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save_state(self) -> None:
        settings = self._context.settings
        settings.set(COLUMNS_STATE, self.view.horizontalHeader().saveState())
        settings.set(SPLITTER_STATE, self.splitter.saveState())

    def restore_state(self) -> None:
        settings = self._context.settings
        state = settings.get(COLUMNS_STATE)
        if not state.isEmpty():
            self.view.horizontalHeader().restoreState(state)
        splitter = settings.get(SPLITTER_STATE)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def reset_state(self) -> None:
        self.view.horizontalHeader().restoreState(self._default_header)
        self.splitter.setSizes([300, 300])

    def shutdown(self) -> None:
        """The console is closing: stop timers, keep drafts, give back the opened item."""
        for timer in (self._tick_timer, self._poll_timer, self._renew_timer):
            timer.stop()
        self.close_item()

    # -- loading -------------------------------------------------------------------------------

    def params(self) -> dict[str, Any]:
        return {"kind": self.kind_box.currentData() or None, "category": self.category_box.currentData() or None,
                "status": self.status_box.currentData() or None, "claim": self.claim_box.currentData() or "all",
                "sla": self.sla_box.currentData() or None, "sort": self.sort_box.currentData() or "priority"}

    def reload(self) -> None:
        if not self.kinds:
            return
        self.retry_button.hide()
        params = self.params()
        self.model.reset(self._fetcher(params), sort_key=sort_key_for(params["sort"]), matches=matcher_for(params))

    def _fetcher(self, params: dict[str, Any]) -> Any:
        client, runner = self._context.client, self._context.runner
        limit = self._context.page_size
        need_since = self._since is None

        def load(cursor: str | None) -> tuple[Page, str | None]:
            # Ask for the change token before the first page, so nothing changing in between is missed.
            since = client.get("/queue/changes")["since"] if need_since and cursor is None else None
            return client.page("/queue", params, cursor=cursor, limit=limit), since

        def fetch(cursor: str | None, on_page: Any, on_error: Any) -> None:
            def arrived(result: tuple[Page, str | None]) -> None:
                page, since = result
                if since and self._since is None:
                    self._since = since
                on_page(page)
            runner.run(lambda: load(cursor), arrived, on_error=on_error, owner=self)

        return fetch

    def poll(self) -> None:
        """Apply what changed since the last poll (cheap when nothing did)."""
        if self._polling or self._since is None:
            return
        self._polling = True
        client, since = self._context.client, self._since
        self._context.runner.run(lambda: client.get("/queue/changes", {"since": since}), self._changes,
                                 on_error=self._poll_failed, owner=self)

    def _changes(self, result: dict[str, Any]) -> None:
        self._polling = False
        self._since = result.get("since") or self._since
        self.model.apply_changes(result.get("items") or [])
        if result.get("more"):
            self.poll()

    def _poll_failed(self, exc: Exception) -> None:
        self._polling = False
        log.warning("queue poll failed: %s", exc)
        messages.report(exc, tr("checking the queue for changes"))

    def _load_failed(self, exc: Exception) -> None:
        self.retry_button.show()
        self._update_count()
        messages.report(exc, tr("loading the queue"))

    def _update_count(self, *_args: Any) -> None:
        rows = self.model.rowCount()
        if self.model.is_loading and rows == 0:
            text = tr("Loading…")
        elif self.model.error is not None:
            text = tr("{rows:,} shown — loading stopped").format(rows=rows)
        elif self.model.canFetchMore():
            text = tr("{rows:,} shown, more as you scroll").format(rows=rows)
        else:
            text = tr("Nothing waiting") if rows == 0 else tr("{rows:,} waiting").format(rows=rows)
        self.count_label.setText(text)

    # -- selection and opening -------------------------------------------------------------------

    def current_item(self) -> dict[str, Any] | None:
        index = self.view.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    @property
    def opened(self) -> dict[str, Any] | None:
        return self._opened

    def _row_changed(self, current: QModelIndex) -> None:
        if current.isValid():
            item = self.model.item(current.row())
            self.record_selected.emit(str(item.get("kind")), item.get("ref_id"))

    def move(self, step: int) -> None:
        """Select the next (1) or previous (-1) row, from the keyboard."""
        if self.model.rowCount() == 0:
            return
        row = self.view.currentIndex().row()
        row = 0 if row < 0 else max(0, min(self.model.rowCount() - 1, row + step))
        index = self.model.index(row, Columns.TITLE)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)

    def next_row(self) -> None:
        self.move(1)

    def previous_row(self) -> None:
        self.move(-1)

    def open_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.open_item(item)

    def open_item(self, item: dict[str, Any]) -> None:
        """Work on ``item``: it takes the workspace; the previously opened item is let go."""
        if self._opened is not None and self._opened.get("id") != item.get("id"):
            self.close_item()
        self._opened = dict(item)
        self._select(item.get("id"))
        if item.get("kind") == "inquiry":
            if self.workspace.inquiry_id != item.get("ref_id"):
                self.workspace.open_inquiry(int(item["ref_id"]))
            self.stack.setCurrentWidget(self.workspace)
        else:
            self.flag_summary.show_item(item)
            self.stack.setCurrentWidget(self.flag_summary)
            self.record_selected.emit(str(item.get("kind")), item.get("ref_id"))
        self._show_claim()
        self._schedule_renewal(item)
        self.item_opened.emit(self._opened)

    def close_item(self) -> None:
        """Stop working on the opened item, releasing it if this console holds it."""
        opened = self._opened
        self._opened = None
        self._renew_timer.stop()
        self.workspace.close_inquiry()
        self.stack.setCurrentWidget(self.placeholder)
        if opened is not None and self._holds(opened):
            client = self._context.client
            item_id = opened["id"]
            model = self.model
            # No owner: the release must go out even when the window is closing;
            # the answer is only shown if the list is still there.
            self._context.runner.run(lambda: client.post(f"/queue/items/{item_id}/release"),
                                     lambda item: model.apply_item(item) if is_alive(model) else None,
                                     on_error=lambda exc: log.info("release on close failed: %s", exc))
        self.item_opened.emit(None)

    def _select(self, item_id: Any) -> None:
        row = self.model.row_of(item_id)
        if row >= 0 and self.view.currentIndex().row() != row:
            index = self.model.index(row, Columns.TITLE)
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.view.scrollTo(index)

    def _holds(self, item: dict[str, Any]) -> bool:
        current = self.model.item_by_id(item.get("id")) or item
        return bool(current.get("mine"))

    # -- claims -----------------------------------------------------------------------------------

    def next_item(self) -> None:
        """Claim the most urgent unclaimed item of this role and open it."""
        if not self.kinds:
            return
        client = self._context.client
        kind = self.kind_box.currentData() or None
        body = {"kinds": [kind]} if kind else None
        key = uuid.uuid4().hex
        self.next_button.setEnabled(False)
        self._open_request += 1
        request = self._open_request
        self._context.runner.run(lambda: client.post("/queue/next", body, idempotency_key=key),
                                 lambda result: self._next_arrived(request, result),
                                 on_error=self._claim_failed(tr("taking the next item")), owner=self)

    def _next_arrived(self, request: int, result: dict[str, Any]) -> None:
        self.next_button.setEnabled(True)
        if request != self._open_request:
            return
        item = result.get("item")
        if item is None:
            messages.info(tr("Nothing waiting for you: every item is claimed or waiting on the member."))
            return
        self.model.apply_item(item)
        self.open_item(item)

    def claim_current(self) -> None:
        """Claim the selected item (refused, with who holds it, if someone else does)."""
        item = self.current_item()
        if item is None:
            messages.info(tr("Select an item to claim first."))
            return
        self._claim_request(item["id"], "claim", tr("claiming the item"), open_after=True)

    def release(self) -> None:
        """Give the opened (or selected) item back to the queue."""
        item = self._opened or self.current_item()
        if item is None:
            return
        if self._opened is not None and item.get("id") == self._opened.get("id"):
            self._opened = None
            self._renew_timer.stop()
            self.workspace.close_inquiry()
            self.stack.setCurrentWidget(self.placeholder)
            self.item_opened.emit(None)
        self._claim_request(item["id"], "release", tr("releasing the item"))

    def hand_off(self) -> None:
        item = self._opened or self.current_item()
        if item is None:
            return
        colleagues = self.colleagues((str(item.get("kind")),))
        if not colleagues:
            messages.error(tr("Nobody else is on this shift to hand the item to."),
                           tr("Release it instead (Ctrl+Shift+U); it goes back to the queue."))
            return
        choice = HandoffDialog.ask(self.window(), colleagues, str(item.get("title") or ""))
        if choice is None:
            return
        staff_id, note = choice
        if self._opened is not None and self._opened.get("id") == item.get("id"):
            self._opened = None
            self._renew_timer.stop()
            self.workspace.close_inquiry()
            self.stack.setCurrentWidget(self.placeholder)
            self.item_opened.emit(None)
        self._claim_request(item["id"], "handoff", tr("handing the item over"),
                            body={"to_staff_id": staff_id, "note": note or None})

    def renew(self) -> None:
        opened = self._opened
        if opened is None:
            return
        item_id = opened["id"]
        client = self._context.client

        def renewed(item: dict[str, Any]) -> None:
            self.model.apply_item(item)
            if self._opened is not None and self._opened.get("id") == item_id:
                self._opened = dict(item)
                self._show_claim()
                self._schedule_renewal(item)

        def failed(exc: Exception) -> None:
            if self._opened is not None and self._opened.get("id") == item_id:
                queue_messages.report(exc, tr("keeping your claim on the item"))
                self._show_claim()

        self._context.runner.run(lambda: client.post(f"/queue/items/{item_id}/renew"), renewed,
                                 on_error=failed, owner=self)

    def _claim_request(self, item_id: int, verb: str, doing: str, *, body: dict[str, Any] | None = None,
                       open_after: bool = False) -> None:
        client = self._context.client
        key = uuid.uuid4().hex
        self._open_request += 1
        request = self._open_request

        def done(item: dict[str, Any]) -> None:
            self.model.apply_item(item)
            if verb == "release":
                messages.info(tr("Released: the item is back in the queue."))
            elif verb == "handoff":
                messages.info(tr("Handed to {claimed_by_name}.").format(claimed_by_name=item.get('claimed_by_name')))
            if open_after and request == self._open_request:
                self.open_item(item)

        self._context.runner.run(lambda: client.post(f"/queue/items/{item_id}/{verb}", body, idempotency_key=key),
                                 done, on_error=self._claim_failed(doing), owner=self)

    def _claim_failed(self, doing: str) -> Callable[[Exception], None]:
        def failed(exc: Exception) -> None:
            self.next_button.setEnabled(bool(self.kinds))
            queue_messages.report(exc, doing)
            self._refresh_one(self.current_item())
        return failed

    def _refresh_one(self, item: dict[str, Any] | None) -> None:
        """After a refusal, show who really holds the item now."""
        if item is None:
            return
        client, item_id = self._context.client, item["id"]
        self._context.runner.run(lambda: client.get(f"/queue/items/{item_id}"), self.model.apply_item,
                                 on_error=lambda exc: log.info("refresh of item %s failed: %s", item_id, exc),
                                 owner=self)

    def _schedule_renewal(self, item: dict[str, Any]) -> None:
        self._renew_timer.stop()
        left = item.get("claim_seconds_left")
        if not item.get("mine") or left is None:
            return
        # Renew at a third of what is left: three chances before the lease lapses.
        self._renew_timer.start(max(MIN_RENEW_MS, min(MAX_RENEW_MS, int(left) * 1000 // 3)))

    def _lease_lapsed(self, item_id: int) -> None:
        if self._opened is not None and self._opened.get("id") == item_id:
            self.renew()

    # -- keeping the opened item current --------------------------------------------------------

    def _item_updated(self, item: dict[str, Any]) -> None:
        if self._opened is None or item.get("id") != self._opened.get("id"):
            return
        was_mine = bool(self._opened.get("mine"))
        self._opened = dict(item)
        if not item.get("open", True):
            messages.info(tr("The opened item was closed and left the queue."))
            self._opened = None
            self._renew_timer.stop()
            if item.get("kind") != "inquiry":
                self.stack.setCurrentWidget(self.placeholder)
            self.item_opened.emit(None)
        elif was_mine and not item.get("mine"):
            self._renew_timer.stop()
            if item.get("claimed_by_id"):
                messages.bus.post(messages.Message(
                    messages.Level.WARNING, tr("{claimed_by_name} now holds the item you had open.").format(claimed_by_name=item.get('claimed_by_name')),
                    tr("Ask them before replying, or pick another item (Ctrl+N).")))
        self._show_claim()

    def _inquiry_changed(self, inquiry: dict[str, Any] | None) -> None:
        # The poll brings the queue row; asking at once keeps the list in step with what the agent did.
        if self._opened is not None:
            self._refresh_one(self._opened)

    def _show_claim(self) -> None:
        opened = self._opened
        if opened is None:
            self.workspace.set_claim_text("")
            return
        left = self.model.claim_seconds_left(opened.get("id"))
        if left is None and opened.get("claim_seconds_left") is not None and self.model.row_of(opened["id"]) < 0:
            left = int(opened["claim_seconds_left"])
        if left is None:
            text, urgency = tr("Unclaimed — Ctrl+Shift+C to claim"), ""
        elif opened.get("mine"):
            text, urgency = tr("Claimed by you · {left} (renewed while open)").format(left=lease(left)), "mine"
        else:
            text, urgency = tr("Claimed by {claimed_by_name} · {left}").format(claimed_by_name=opened.get('claimed_by_name'), left=lease(left)), "other"
        self.workspace.set_claim_text(text, urgency)

    def _tick(self) -> None:
        self.model.tick()
        self._show_claim()
