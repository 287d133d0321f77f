"""Enforcement: one-click takedowns, dismissals, reinstatement, bulk
takedowns, sanctions and appeals, and the pane that shows a listing's
enforcement history and why it was flagged.

:class:`EnforcementController` acts on the *current record* of the main
window (``MainWindow.current_record_changed``: kind, id, data) — a flag, a
listing, a member or an appeal, from whatever screen or pane selected it. It
loads what it needs off the UI thread (the listing, its open flag, its
enforcement history), answers only for the newest selection, and runs every
state-changing call with an ``Idempotency-Key``: one uuid4 per user action,
reused if the same action is tried again before the service answered (a
double click, a retry after a lost connection), so it never acts twice.

Dialogs are small classes with an ``ask(...)`` classmethod; tests patch it.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from widgets import formatting as fmt
from console import messages
from console.client import ApiClient, ApiError, ServiceUnreachable
from console.context import ConsoleContext
from console.flag_view import FlagView
from console.i18n import QT_TR_NOOP, tr, trn
from console.qt import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QModelIndex,
    QObject,
    QPlainTextEdit,
    QRadioButton,
    Qt,
    QTabWidget,
    QSize,
    QTimer,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
)
from widgets.enforcement_history_model import (
    KIND_ROLE,
    EnforcementHistoryModel,
    StaffRef,
    staff_label,
    takedown_state,
)
from widgets.list_table import list_table
from widgets.roles import ROW_ID_ROLE

log = logging.getLogger("anzen.console.enforcement")
Record = dict[str, Any]

#: Takedown reason codes as the service knows them, with the words staff see.
REASON_CODES: tuple[tuple[str, str], ...] = (
    ("counterfeit", QT_TR_NOOP("Counterfeit goods")),
    ("medicine", QT_TR_NOOP("Prohibited medicine or medical device")),
    ("game_account", QT_TR_NOOP("Game account / RMT")),
    ("stolen_goods", QT_TR_NOOP("Stolen goods")),
    ("weapon", QT_TR_NOOP("Weapon")),
    ("cash_equivalent", QT_TR_NOOP("Cash equivalent (cash, gift cards, crypto)")),
    ("recalled_product", QT_TR_NOOP("Recalled product")),
    ("other", QT_TR_NOOP("Other (say why in the note)")),
)
REASON_LABELS = dict(REASON_CODES)
#: How often listings whose temporary takedown ran out are put back.
REINSTATE_EXPIRED_MS = 60_000
SANCTION_OF_STATUS = {"restricted": "restrict", "suspended": "suspend"}


# -- dialogs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TakedownChoice:
    reason_code: str
    note: str = ""
    duration_hours: float | None = None


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ReasonPicker(QWidget):
    """The reason codes as a short list (arrows, or type the first letters), a note,
    and optionally a temporary duration. Used by the single and bulk dialogs."""

    changed = Signal()

    def __init__(self, preset: str | None, *, temporary: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes = QListWidget(self)
        self.codes.setObjectName("ReasonCodes")
        for code, text in REASON_CODES:
            item = QListWidgetItem(tr(text), self.codes)
            item.setData(Qt.ItemDataRole.UserRole, code)
        self.codes.setFixedHeight(self.codes.sizeHintForRow(0) * len(REASON_CODES) + 6)
        if preset in REASON_LABELS:
            self.codes.setCurrentRow([code for code, _ in REASON_CODES].index(preset))
        self.note = QLineEdit(self)
        self.note.setObjectName("TakedownNote")
        self.note.setPlaceholderText(tr("Note for the record (required for “Other”)"))
        self.temporary = QCheckBox(tr("Temporary, for"), self)
        self.hours = QDoubleSpinBox(self)
        self.hours.setRange(0.5, 24 * 365)
        self.hours.setDecimals(1)
        self.hours.setValue(72)
        self.hours.setSuffix(tr(" hours"))
        self.temporary.setChecked(temporary)
        self.hours.setEnabled(temporary)
        self.temporary.toggled.connect(self.hours.setEnabled)
        duration = QHBoxLayout()
        duration.addWidget(self.temporary)
        duration.addWidget(self.hours)
        duration.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.codes)
        layout.addWidget(self.note)
        layout.addLayout(duration)
        self.codes.currentRowChanged.connect(self.changed)
        self.note.textChanged.connect(self.changed)

    def choice(self) -> TakedownChoice | None:
        item = self.codes.currentItem()
        if item is None:
            return None
        code = str(item.data(Qt.ItemDataRole.UserRole))
        note = self.note.text().strip()
        if code == "other" and not note:
            return None
        return TakedownChoice(code, note, self.hours.value() if self.temporary.isChecked() else None)


class TakedownDialog(QDialog):
    """The compact reason-code picker: the flag's policy is preselected, so Enter confirms."""

    def __init__(self, parent: QWidget | None, *, subject: str, preset: str | None, temporary: bool) -> None:
        super().__init__(parent)
        self.setObjectName("TakedownDialog")
        self.setWindowTitle(tr("Take down listing"))
        heading = QLabel(tr("Take down <b>{subject}</b>?").format(subject=_escape(subject)), self)
        heading.setWordWrap(True)
        consequence = QLabel(tr("Removes the listing, cancels its open transactions and refunds held escrow, "
                             "notifies the seller and adds a strike."), self)
        consequence.setObjectName("ScreenHint")
        consequence.setWordWrap(True)
        self.picker = ReasonPicker(preset, temporary=temporary, parent=self)
        self.buttons = _buttons(self, tr("Take down"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(consequence)
        layout.addWidget(self.picker)
        layout.addWidget(self.buttons)
        self.picker.changed.connect(self._update)
        self._update()
        self.picker.codes.setFocus()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.picker.choice() is not None)

    @classmethod
    def ask(cls, parent: QWidget | None, *, subject: str, preset: str | None,
            temporary: bool = False) -> TakedownChoice | None:
        dialog = cls(parent, subject=subject, preset=preset, temporary=temporary)
        try:
            return dialog.picker.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class ReasonDialog(QDialog):
    """Ask for the reason an action needs (dismiss, reinstate, lift, …)."""

    def __init__(self, parent: QWidget | None, *, title: str, prompt: str, action: str) -> None:
        super().__init__(parent)
        self.setObjectName("ReasonDialog")
        self.setWindowTitle(title)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(tr("Reason (kept in the audit log)"))
        self.buttons = _buttons(self, action)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        self.resize(420, self.sizeHint().height())

    @classmethod
    def ask(cls, parent: QWidget | None, *, title: str, prompt: str, action: str) -> str | None:
        dialog = cls(parent, title=title, prompt=prompt, action=action)
        try:
            ok = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.reason.text().strip() if ok else None
        finally:
            dialog.deleteLater()


def bulk_summary(preview: Mapping[str, Any]) -> str:
    """The counts a bulk confirmation shows."""
    listings = int(preview.get("listings") or 0)
    already = len(preview.get("already_down") or [])
    text = (trn(listings, QT_TR_NOOP("{n:,} listing will be taken down, {transactions:,} open transaction(s) cancelled and "
                                "{yen} held in escrow refunded to buyers."),
                 QT_TR_NOOP("{n:,} listings will be taken down, {transactions:,} open transaction(s) cancelled and "
                            "{yen} held in escrow refunded to buyers."),
                 transactions=int(preview.get('open_transactions') or 0), yen=fmt.yen(preview.get('held_yen') or 0)))
    if already:
        text += tr(" {already:,} selected listing(s) are already down and are left as they are.").format(already=already)
    return text


class BulkConfirmDialog(QDialog):
    """One confirmation with the counts, and the reason for every listing."""

    def __init__(self, parent: QWidget | None, *, scope: str, preview: Mapping[str, Any]) -> None:
        super().__init__(parent)
        self.setObjectName("BulkConfirmDialog")
        self.setWindowTitle(tr("Bulk takedown"))
        heading = QLabel(f"<b>{_escape(scope)}</b>", self)
        heading.setWordWrap(True)
        self.summary = QLabel(bulk_summary(preview), self)
        self.summary.setObjectName("BulkSummary")
        self.summary.setWordWrap(True)
        self.picker = ReasonPicker(None, parent=self)
        self.buttons = _buttons(self, tr("Take down {int:,}").format(int=int(preview.get('listings') or 0)))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.picker)
        layout.addWidget(self.buttons)
        self.picker.changed.connect(self._update)
        self._update()
        self.resize(460, self.sizeHint().height())

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.picker.choice() is not None)

    @classmethod
    def ask(cls, parent: QWidget | None, *, scope: str, preview: Mapping[str, Any]) -> TakedownChoice | None:
        dialog = cls(parent, scope=scope, preview=preview)
        try:
            return dialog.picker.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class SecondConfirmation(QDialog):
    """Above 100 listings: type the count to go ahead."""

    def __init__(self, parent: QWidget | None, *, preview: Mapping[str, Any]) -> None:
        super().__init__(parent)
        self.setObjectName("SecondConfirmation")
        self.setWindowTitle(tr("Confirm a large takedown"))
        count = int(preview.get("listings") or 0)
        label = QLabel(tr("This is a large takedown. {preview}\n\nType {count} to confirm.").format(preview=bulk_summary(preview), count=count), self)
        label.setWordWrap(True)
        self.count = QLineEdit(self)
        self.buttons = _buttons(self, tr("Confirm"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.count.textChanged.connect(lambda text: ok.setEnabled(text.strip() == str(count)))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, *, preview: Mapping[str, Any]) -> bool:
        dialog = cls(parent, preview=preview)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()


class SanctionDialog(QDialog):
    """Confirm the sanction the seller's strikes suggest (or pick one)."""

    def __init__(self, parent: QWidget | None, *, member: str, standing: Mapping[str, Any]) -> None:
        super().__init__(parent)
        self.setObjectName("SanctionDialog")
        self.setWindowTitle(tr("Sanction seller"))
        suggestion = standing.get("suggestion")
        points = standing.get("points", 0)
        days = standing.get("window_days", 90)
        text = (tr("{member} has {points} strike point(s) in the last {days} days. ").format(member=_escape(member), points=points, days=days)
                + (tr("The service suggests <b>{suggestion}</b>.").format(suggestion=fmt.label(suggestion)) if suggestion else tr("No sanction is suggested.")))
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.restrict = QRadioButton(tr("Restrict — may not list new items"), self)
        self.suspend = QRadioButton(tr("Suspend — may not trade at all"), self)
        (self.suspend if suggestion == "suspend" else self.restrict).setChecked(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(tr("Reason (kept in the audit log)"))
        if suggestion:
            self.reason.setText(tr("Strike points ({points}) reached the {suggestion} threshold").format(points=points, suggestion=fmt.label(suggestion)))
        self.buttons = _buttons(self, tr("Confirm sanction"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason.text().strip()))
        self.reason.textChanged.connect(lambda value: ok.setEnabled(bool(value.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.restrict)
        layout.addWidget(self.suspend)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.resize(440, self.sizeHint().height())

    @classmethod
    def ask(cls, parent: QWidget | None, *, member: str,
            standing: Mapping[str, Any]) -> tuple[str, str] | None:
        dialog = cls(parent, member=member, standing=standing)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return ("suspend" if dialog.suspend.isChecked() else "restrict"), dialog.reason.text().strip()
        finally:
            dialog.deleteLater()


class AppealDialog(QDialog):
    """Uphold or overturn an appeal, with the reason."""

    def __init__(self, parent: QWidget | None, *, appeal: Mapping[str, Any]) -> None:
        super().__init__(parent)
        self.setObjectName("AppealDialog")
        self.setWindowTitle(tr("Decide appeal {id}").format(id=appeal.get('id')))
        label = QLabel(tr("The seller's statement:"), self)
        statement = QPlainTextEdit(str(appeal.get("statement") or ""), self)
        statement.setReadOnly(True)
        statement.setMaximumHeight(90)
        self.uphold = QRadioButton(tr("Uphold — the takedown stands"), self)
        self.overturn = QRadioButton(tr("Overturn — reinstate the listing and remove the strike"), self)
        self.uphold.setChecked(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(tr("Reason (sent to the seller and kept in the audit log)"))
        self.buttons = _buttons(self, tr("Decide"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda value: ok.setEnabled(bool(value.strip())))
        layout = QVBoxLayout(self)
        for widget in (label, statement, self.uphold, self.overturn, self.reason, self.buttons):
            layout.addWidget(widget)
        self.resize(460, self.sizeHint().height())

    @classmethod
    def ask(cls, parent: QWidget | None, *, appeal: Mapping[str, Any]) -> tuple[str, str] | None:
        dialog = cls(parent, appeal=appeal)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return ("overturn" if dialog.overturn.isChecked() else "uphold"), dialog.reason.text().strip()
        finally:
            dialog.deleteLater()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- what an action works on ---------------------------------------------------------------


@dataclass
class Target:
    """The current record, resolved to what enforcement needs."""

    kind: str
    record_id: Any
    listing: Record | None = None
    flag: Record | None = None  # the flag selected, or the listing's newest open flag
    history: Record | None = None  # GET /listings/{id}/enforcement
    member: Record | None = None  # GET /members/{id}/enforcement when a member is selected
    member_name: str = ""
    appeal: Record | None = None  # the appeal selected, or the listing's open appeal

    @property
    def listing_id(self) -> int | None:
        return int(self.listing["id"]) if self.listing else None

    @property
    def seller(self) -> Record | None:
        if self.history is not None:
            return self.history.get("seller")
        return self.member

    @property
    def seller_id(self) -> int | None:
        seller = self.seller
        return int(seller["member_id"]) if seller else None

    @property
    def open_flag(self) -> Record | None:
        return self.flag if self.flag and self.flag.get("status") == "open" else None

    def takedown_in_force(self) -> Record | None:
        for takedown in (self.history or {}).get("takedowns") or []:
            if not takedown.get("reversed_at"):
                return takedown
        return None

    def open_appeal(self) -> Record | None:
        if self.appeal is not None:
            return self.appeal if self.appeal.get("status") == "open" else None
        for appeal in (self.history or {}).get("appeals") or []:
            if appeal.get("status") == "open":
                return appeal
        return None


def _find_takedown(client: ApiClient, member_id: int, takedown_id: int) -> Record | None:
    cursor = None
    for _ in range(20):
        page = client.page("/takedowns", {"member_id": member_id}, cursor=cursor, limit=200)
        for item in page.items:
            if item.get("id") == takedown_id:
                return dict(item)
        if not page.next_cursor:
            return None
        cursor = page.next_cursor
    return None


def load_target(client: ApiClient, kind: str, record_id: Any) -> Target:
    """Everything enforcement shows and acts on for one record (runs in a worker)."""
    target = Target(kind, record_id)
    listing_id: int | None = None
    if kind == "flag":
        target.flag = client.get(f"/flags/{record_id}")
        listing_id = int(target.flag["listing_id"])
    elif kind == "listing":
        listing_id = int(record_id)
    elif kind == "appeal":
        target.appeal = client.get(f"/appeals/{record_id}")
        takedown = _find_takedown(client, int(target.appeal["member_id"]), int(target.appeal["takedown_id"]))
        listing_id = int(takedown["listing_id"]) if takedown else None
    elif kind == "member":
        target.member = client.get(f"/members/{record_id}/enforcement")
        target.member_name = str(client.get(f"/members/{record_id}").get("display_name") or "")
        return target
    else:
        return target
    if listing_id is not None:
        target.listing = client.get(f"/listings/{listing_id}")
        target.history = client.get(f"/listings/{listing_id}/enforcement")
        target.member_name = str(target.listing.get("seller_name") or "")
        if target.flag is None:
            flags = client.page("/flags", {"listing_id": listing_id, "status": "open"}, limit=1).items
            if not flags:
                flags = client.page("/flags", {"listing_id": listing_id}, limit=1).items
            target.flag = dict(flags[0]) if flags else None
    return target


# -- the controller ----------------------------------------------------------------------------


@dataclass
class _Pending:
    key: str
    in_flight: bool = True


@dataclass
class Outcome:
    """What an action did, for the pane and the status bar."""

    text: str
    listing_id: int | None = None
    changed: bool = True
    data: Record = field(default_factory=dict)


class EnforcementController(QObject):
    """The enforcement actions of one window, on its current record."""

    #: The current record's enforcement data arrived (a :class:`Target`, or ``None``).
    target_changed = Signal(object)
    #: An action finished (an :class:`Outcome`); lists and panes refresh.
    acted = Signal(object)
    #: The staff member's permissions arrived or an action's availability changed.
    availability_changed = Signal()

    def __init__(self, context: ConsoleContext, parent_widget: QWidget,
                 selection: Callable[[], tuple[str, list[Any]]] | None = None) -> None:
        super().__init__(parent_widget)
        self._context = context
        self._parent = parent_widget
        self._selection = selection or (lambda: ("", []))
        self._request = 0
        self._current: tuple[str, Any] | None = None
        self.target: Target | None = None
        self.permissions: set[str] = set()
        self._pending: dict[str, _Pending] = {}
        self._expired_failed = False
        self._timer = QTimer(self)
        self._timer.setInterval(REINSTATE_EXPIRED_MS)
        self._timer.timeout.connect(self.reinstate_expired)
        client = context.client
        context.runner.run(lambda: client.get("/me"), self._got_me,
                           on_error=lambda exc: messages.report(exc, tr("loading your permissions")), owner=self)

    # -- who may do what -----------------------------------------------------------

    def _got_me(self, me: Mapping[str, Any]) -> None:
        self.permissions = set(me.get("permissions") or [])
        if "take_down" in self.permissions and not self._timer.isActive():
            self._timer.start()
        self.availability_changed.emit()

    def may(self, permission: str) -> bool:
        return self._context.staff.role == "supervisor" or permission in self.permissions

    def available(self) -> dict[str, bool]:
        """Which action ids make sense for the current target (the service still decides)."""
        t = self.target
        listing_up = bool(t and t.listing and t.takedown_in_force() is None)
        in_force = t.takedown_in_force() if t else None
        seller = t.seller if t else None
        return {
            "enforce.take_down": self.may("take_down") and listing_up,
            "enforce.take_down_temporary": self.may("take_down") and listing_up,
            "enforce.dismiss": self.may("take_down") and bool(t and t.open_flag),
            "enforce.reinstate": self.may("reinstate_listings") and in_force is not None,
            "enforce.make_permanent": self.may("take_down") and bool(in_force and in_force.get("expires_at")),
            "enforce.bulk_selected": self.may("take_down"),
            "enforce.bulk_seller": self.may("take_down") and bool(seller),
            "enforce.sanction": self.may("take_down") and bool(seller),
            "enforce.lift": self.may("take_down") and bool(seller and seller.get("status") in SANCTION_OF_STATUS),
            "enforce.decide_appeal": self.may("decide_appeals") and bool(t and t.open_appeal()),
        }

    # -- the current record -------------------------------------------------------------

    def set_current(self, kind: str, record_id: Any, _data: Any = None) -> None:
        """The window's current record changed: load it; older answers are dropped."""
        self._current = (kind, record_id)
        self.reload()

    def reload(self) -> None:
        if self._current is None:
            return
        self._request += 1
        request = self._request
        kind, record_id = self._current
        client = self._context.client
        self._context.runner.run(lambda: load_target(client, kind, record_id),
                                 lambda target: self._loaded(request, target),
                                 on_error=lambda exc: self._load_failed(request, exc), owner=self)

    @property
    def loading(self) -> bool:
        return self._current is not None and (self.target is None or
                                              (self.target.kind, self.target.record_id) != self._current)

    def _loaded(self, request: int, target: Target) -> None:
        if request != self._request:
            return
        self.target = target
        self.target_changed.emit(target)
        self.availability_changed.emit()

    def _load_failed(self, request: int, exc: Exception) -> None:
        if request != self._request:
            return
        self.target = None
        self.target_changed.emit(None)
        self.availability_changed.emit()
        messages.report(exc, tr("loading the enforcement history"))

    def pick_history_row(self, kind: str, record: Mapping[str, Any]) -> None:
        """A row of the history table was picked: an appeal row becomes the appeal to decide."""
        if self.target is not None and kind == "appeal":
            self.target.appeal = dict(record)
            self.availability_changed.emit()

    def _ready(self) -> Target | None:
        if self.target is None or self.loading:
            messages.bus.post(messages.Message(messages.Level.WARNING,
                                               tr("Select a listing, flag or appeal first (or wait until it has loaded)."),
                                               tr("Pick a row in a list; its enforcement details load in the pane.")))
            return None
        return self.target

    # -- posting with an idempotency key -----------------------------------------------

    def _post(self, path: str, body: Mapping[str, Any], doing: str,
              done: Callable[[Any], Outcome]) -> bool:
        """POST once per user action. The same action tried again while its first
        try is unanswered is ignored; after a failure that may not have reached
        the service, a retry reuses the key, so the service acts at most once."""
        signature = path + "\n" + json.dumps(body, sort_keys=True, default=str)
        pending = self._pending.get(signature)
        if pending is not None and pending.in_flight:
            log.info("ignoring a repeat of %s while the first is under way", path)
            return False
        if pending is None:
            pending = self._pending[signature] = _Pending(str(uuid.uuid4()))
        pending.in_flight = True
        key = pending.key
        client = self._context.client

        def succeeded(result: Any) -> None:
            self._pending.pop(signature, None)
            outcome = done(result)
            messages.info(outcome.text)
            self.acted.emit(outcome)
            self.reload()

        def failed(exc: Exception) -> None:
            if isinstance(exc, ServiceUnreachable) or (isinstance(exc, ApiError) and exc.status >= 500):
                pending.in_flight = False  # keep the key: a retry must not act twice
            else:
                self._pending.pop(signature, None)
            report_refusal(exc, doing)

        self._context.runner.run(lambda: client.post(path, body, idempotency_key=key), succeeded,
                                 on_error=failed, owner=self)
        return True

    # -- actions ---------------------------------------------------------------------------

    def take_down(self, *, temporary: bool = False) -> bool:
        target = self._ready()
        if target is None:
            return False
        if target.listing is None:
            messages.error(tr("Only listings can be taken down."), tr("Select a listing or a flag."))
            return False
        flag = target.open_flag
        choice = TakedownDialog.ask(self._parent, subject=str(target.listing.get("title") or ""),
                                    preset=(flag or {}).get("policy"), temporary=temporary)
        if choice is None:
            return False
        body: Record = {"reason_code": choice.reason_code, "listing_version": target.listing.get("version")}
        if choice.note:
            body["note"] = choice.note
        if flag is not None:
            body["flag_id"] = flag["id"]
        if choice.duration_hours is not None:
            body["duration_hours"] = choice.duration_hours
        listing_id = target.listing_id
        title = str(target.listing.get("title") or "")

        def done(result: Mapping[str, Any]) -> Outcome:
            standing = result.get("seller_standing") or {}
            if not result.get("changed"):
                return Outcome(tr("“{title}” was already taken down; nothing changed.").format(title=title), listing_id, False, dict(result))
            text = tr("Took down “{title}” ({reason_code}).").format(title=title, reason_code=tr(REASON_LABELS.get(choice.reason_code, choice.reason_code)))
            if standing.get("suggestion"):
                text += tr(" The seller now has {points} strike points: consider {suggestion}.").format(points=standing.get('points'), suggestion=fmt.label(standing['suggestion']))
            return Outcome(text, listing_id, True, dict(result))

        return self._post(f"/listings/{listing_id}/takedown", body, tr("taking the listing down"), done)

    def dismiss(self) -> bool:
        target = self._ready()
        if target is None:
            return False
        flag = target.open_flag
        if flag is None:
            messages.error(tr("There is no open flag to dismiss here."), tr("Select an open flag in the queue."))
            return False
        reason = ReasonDialog.ask(self._parent, title=tr("Dismiss flag"),
                                  prompt=tr("Dismiss the {policy} flag as a false positive? The listing stays up and teaches the detector it was fine.").format(policy=fmt.label(flag.get('policy'))),
                                  action=tr("Dismiss flag"))
        if not reason:
            return False
        body = {"reason": reason, "version": flag.get("version")}
        return self._post(f"/flags/{flag['id']}/dismiss", body, tr("dismissing the flag"),
                          lambda _r: Outcome(tr("Flag dismissed; the listing stays up."), target.listing_id))

    def _takedown_action(self, verb: str, path_tail: str, doing: str, prompt: str, *, title: str,
                         done_text: str) -> bool:
        target = self._ready()
        if target is None:
            return False
        takedown = target.takedown_in_force()
        if takedown is None:
            messages.error(tr("This listing has no takedown in force."), tr("Select a listing that was taken down."))
            return False
        reason = ReasonDialog.ask(self._parent, title=title, prompt=prompt, action=verb)
        if not reason:
            return False
        listing_id = target.listing_id

        def done(result: Mapping[str, Any]) -> Outcome:
            if not result.get("changed"):
                return Outcome(tr("Nothing changed: it was already done."), listing_id, False, dict(result))
            return Outcome(done_text, listing_id, True, dict(result))

        return self._post(f"/takedowns/{takedown['id']}/{path_tail}", {"reason": reason}, doing, done)

    def reinstate(self) -> bool:
        return self._takedown_action(
            tr("Reinstate"), "reinstate", tr("reinstating the listing"),
            tr("Put the listing back up? Refunds already made stay refunded. Moderators may reinstate "
            "within 24 hours of the takedown; after that only a supervisor can."),
            title=tr("Reinstate listing"), done_text=tr("Reinstated: done."))

    def make_permanent(self) -> bool:
        return self._takedown_action(tr("Make permanent"), "make-permanent", tr("making the takedown permanent"),
                                     tr("Keep this temporary takedown in force for good?"),
                                     title=tr("Make takedown permanent"), done_text=tr("Made permanent: done."))

    def bulk_selected(self) -> bool:
        kind, ids = self._selection()
        if kind not in ("listing", "flag") or not ids:
            messages.error(tr("Select one or more listings (or flags) for a bulk takedown."),
                           tr("Use Shift or Ctrl with a click to select several rows."))
            return False
        client = self._context.client

        def scope() -> list[int]:
            if kind == "listing":
                return [int(i) for i in ids]
            return sorted({int(client.get(f"/flags/{i}")["listing_id"]) for i in ids})

        self._bulk(lambda: {"listing_ids": scope()}, tr("Take down the {ids} selected {kind}(s)").format(ids=len(ids), kind=kind))
        return True

    def bulk_seller(self) -> bool:
        target = self._ready()
        if target is None or target.seller_id is None:
            return False
        name = target.member_name or tr("member {seller_id}").format(seller_id=target.seller_id)
        self._bulk(lambda: {"seller_id": target.seller_id}, tr("Take down every active listing of {name}").format(name=name))
        return True

    def _bulk(self, make_scope: Callable[[], Record], scope_text: str) -> None:
        client = self._context.client

        def preview() -> tuple[Record, Record]:
            body = make_scope()
            return body, client.post("/takedowns/bulk/preview", body)

        self._context.runner.run(preview, lambda result: self._confirm_bulk(scope_text, *result),
                                 doing=tr("previewing the bulk takedown"), owner=self)

    def _confirm_bulk(self, scope_text: str, scope: Record, preview: Record) -> None:
        if not preview.get("listings"):
            messages.error(tr("There are no active listings to take down in this selection."),
                           tr("Listings already down are left as they are."))
            return
        choice = BulkConfirmDialog.ask(self._parent, scope=scope_text, preview=preview)
        if choice is None:
            return
        confirm_large = bool(preview.get("needs_second_confirmation"))
        if confirm_large and not SecondConfirmation.ask(self._parent, preview=preview):
            return
        body: Record = dict(scope, reason_code=choice.reason_code, confirmation_token=preview["confirmation_token"],
                            confirm_listings=preview["listings"], confirm_large=confirm_large)
        if choice.note:
            body["note"] = choice.note
        if choice.duration_hours is not None:
            body["duration_hours"] = choice.duration_hours

        def done(result: Mapping[str, Any]) -> Outcome:
            return Outcome(tr("Took down {listings:,} listing(s); {transactions_cancelled:,} transaction(s) cancelled, {yen} refunded.").format(listings=result.get('listings', 0), transactions_cancelled=result.get('transactions_cancelled', 0), yen=fmt.yen(result.get('refunded_yen') or 0)), None, True, dict(result))

        self._post("/takedowns/bulk", body, tr("taking the listings down"), done)

    def sanction(self) -> bool:
        target = self._ready()
        if target is None or target.seller is None:
            return False
        seller = target.seller
        answer = SanctionDialog.ask(self._parent, member=target.member_name or tr("member {member_id}").format(member_id=seller['member_id']),
                                    standing=seller.get("standing") or {})
        if answer is None:
            return False
        kind, reason = answer
        body = {"kind": kind, "reason": reason, "version": seller.get("version")}

        def done(result: Mapping[str, Any]) -> Outcome:
            if not result.get("changed"):
                return Outcome(tr("The seller was already under {kind}; nothing changed.").format(kind=kind), target.listing_id, False)
            return Outcome(tr("Seller is now {member_status}.").format(member_status=result.get('member_status')), target.listing_id, True, dict(result))

        return self._post(f"/members/{seller['member_id']}/sanctions", body, tr("sanctioning the seller"), done)

    def lift(self) -> bool:
        target = self._ready()
        if target is None or target.seller is None:
            return False
        seller = target.seller
        kind = SANCTION_OF_STATUS.get(str(seller.get("status")))
        if kind is None:
            messages.error(tr("This seller has no sanction in force."), "")
            return False
        reason = ReasonDialog.ask(self._parent, title=tr("Lift sanction"),
                                  prompt=f"Lift the {kind} on {target.member_name or tr('this seller')}?",
                                  action=tr("Lift"))
        if not reason:
            return False
        return self._post(f"/members/{seller['member_id']}/sanctions/lift", {"kind": kind, "reason": reason},
                          tr("lifting the sanction"),
                          lambda r: Outcome(tr("Sanction lifted; the seller is {member_status}.").format(member_status=r.get('member_status')),
                                            target.listing_id))

    def decide_appeal(self) -> bool:
        target = self._ready()
        if target is None:
            return False
        appeal = target.open_appeal()
        if appeal is None:
            messages.error(tr("There is no open appeal here."), tr("Select an appeal, or a listing with an open appeal."))
            return False
        answer = AppealDialog.ask(self._parent, appeal=appeal)
        if answer is None:
            return False
        decision, reason = answer
        body = {"decision": decision, "reason": reason, "version": appeal.get("version")}
        return self._post(f"/appeals/{appeal['id']}/decide", body, tr("deciding the appeal"),
                          lambda r: Outcome(tr("Appeal {status}.").format(status=(r.get('appeal') or {}).get('status', decision)),
                                            target.listing_id))

    def reinstate_expired(self) -> None:
        """Put back listings whose temporary takedown ran out (on a timer)."""
        client = self._context.client

        def done(result: Mapping[str, Any]) -> None:
            self._expired_failed = False
            count = len(result.get("reinstated") or [])
            if count:
                messages.info(tr("{count} listing(s) whose temporary takedown ended are back up.").format(count=count))
                self.acted.emit(Outcome(tr("{count} reinstated").format(count=count), None))
                self.reload()

        def failed(exc: Exception) -> None:
            if not self._expired_failed:  # say it once, not every minute
                messages.report(exc, tr("reinstating listings whose temporary takedown ended"))
            self._expired_failed = True

        self._context.runner.run(lambda: client.post("/takedowns/reinstate-expired"), done,
                                 on_error=failed, owner=self)

    def handlers(self) -> dict[str, Callable[[], Any]]:
        return {
            "enforce.take_down": self.take_down,
            "enforce.take_down_temporary": lambda: self.take_down(temporary=True),
            "enforce.dismiss": self.dismiss,
            "enforce.reinstate": self.reinstate,
            "enforce.make_permanent": self.make_permanent,
            "enforce.bulk_selected": self.bulk_selected,
            "enforce.bulk_seller": self.bulk_seller,
            "enforce.sanction": self.sanction,
            "enforce.lift": self.lift,
            "enforce.decide_appeal": self.decide_appeal,
        }


def report_refusal(exc: Exception, doing: str) -> None:
    """Refusals the service explains (the 24 h rule, your own takedown's appeal,
    a stale bulk preview) are shown in its words with what to do next."""
    if isinstance(exc, ApiError) and exc.status in (403, 409):
        hint = {
            403: tr("Ask a supervisor or another moderator to do it."),
            409: tr("Refresh (F5) to see the latest, then try again."),
        }[exc.status]
        words = messages.service_words(exc)
        if "24 hours" in exc.message:
            hint = tr("Ask a supervisor to reinstate it.")
            words = tr("Moderators may reinstate a listing only within 24 hours of its takedown.")
        elif "different moderator" in exc.message:
            hint = tr("Leave this appeal for another moderator.")
            words = tr("An appeal is decided by a different moderator from the one who took the listing down.")
        elif exc.code in ("preview_stale", "second_confirmation_required"):
            hint = tr("Start the bulk takedown again to see the new counts.")
        messages.bus.post(messages.Message(messages.Level.ERROR if exc.status == 403 else messages.Level.WARNING,
                                           tr("Refused while {doing}: {message}").format(doing=doing, message=words), hint))
        return
    messages.report(exc, doing)


# -- the pane --------------------------------------------------------------------------------


class EnforcementPane(QWidget):
    """The dock: the current listing's enforcement at a glance, its actions,
    why it was flagged, and the full history of the listing and its seller."""

    def __init__(self, controller: EnforcementController, actions: Mapping[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EnforcementPane")
        self.controller = controller
        self.heading = QLabel(self)
        self.heading.setObjectName("DetailHeading")
        self.heading.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setObjectName("ScreenHint")
        self.state.setWordWrap(True)
        self.standing = QLabel(self)
        self.standing.setObjectName("EnforcementStanding")
        self.standing.setWordWrap(True)
        self.last_result = QLabel(self)
        self.last_result.setObjectName("EnforcementResult")
        self.last_result.setWordWrap(True)
        self.last_result.hide()
        # Tool bars rather than button rows: they fold what does not fit into a » menu.
        self.buttons = self._bar("EnforcementActions")
        self.seller_buttons = self._bar("SellerActions")
        for action_id, bar in (("enforce.take_down", self.buttons), ("enforce.dismiss", self.buttons),
                               ("enforce.reinstate", self.buttons), ("enforce.make_permanent", self.buttons),
                               ("enforce.decide_appeal", self.buttons), ("enforce.sanction", self.seller_buttons),
                               ("enforce.lift", self.seller_buttons), ("enforce.bulk_seller", self.seller_buttons)):
            if actions and action_id in actions:
                bar.addAction(actions[action_id])

        self.flag_view = FlagView(self)
        self.model = EnforcementHistoryModel(self, who=self._who)
        self.table = list_table(self, "EnforcementHistory", self.model, widths=(150, 110, 90, 220, 90))
        self.table.selectionModel().currentRowChanged.connect(self._history_row)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.flag_view, tr("Why flagged"))
        self.tabs.addTab(self.table, tr("History"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.state)
        layout.addWidget(self.buttons)
        layout.addWidget(self.standing)
        layout.addWidget(self.seller_buttons)
        layout.addWidget(self.last_result)
        layout.addWidget(self.tabs, 1)
        controller.target_changed.connect(self.show_target)
        controller.acted.connect(self._acted)
        self.show_target(None)

    def _bar(self, name: str) -> QToolBar:
        bar = QToolBar(self)
        bar.setObjectName(name)
        bar.setIconSize(QSize(16, 16))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return bar

    def _who(self, staff: StaffRef | None) -> str:
        """Oneself as "you": quicker to spot than one's own name in a list of who did what."""
        if staff is not None and staff.id == self.controller._context.staff.id:
            return "you"
        return staff_label(staff)

    def show_target(self, target: Target | None) -> None:
        if target is None or (target.listing is None and target.member is None):
            self.heading.setText(tr("Enforcement"))
            self.state.setText(tr("Select a listing, flag, appeal or member to see its enforcement history."))
            self.standing.setText("")
            self.flag_view.clear()
            self.model.set_history(None)
            return
        if target.listing is not None:
            listing = target.listing
            self.heading.setText(str(listing.get("title") or ""))
            takedown = target.takedown_in_force()
            status = fmt.label(listing.get("status")).capitalize()
            if takedown is not None:
                words, _ = takedown_state(takedown)
                status += tr(" — taken down {created_at} for {reason_label} ({lower})").format(created_at=fmt.when(takedown.get('created_at')), reason_label=takedown.get('reason_label'), lower=words.lower())
            self.state.setText(tr("Listing {value} · {status}").format(value=listing.get('external_id') or listing.get('id'), status=status))
            if target.flag is not None:
                self.flag_view.show_flag(target.flag, listing)
            else:
                self.flag_view.clear()
                self.flag_view.summary.setText(tr("This listing has no flag."))
            self.model.set_history(target.history)
        else:
            self.heading.setText(target.member_name or tr("Member"))
            self.state.setText(tr("Member — enforcement of their listings below."))
            self.flag_view.clear()
            self.model.set_history({"seller": target.member})
        seller = target.seller or {}
        standing = seller.get("standing") or {}
        text = (tr("Seller {member_name}: {status}, {live_strikes} live strike(s), {points} point(s) in {window_days} days").format(member_name=target.member_name, status=fmt.label(seller.get('status')), live_strikes=seller.get('live_strikes', 0), points=standing.get('points', 0), window_days=standing.get('window_days', 90)))
        if standing.get("suggestion"):
            text += tr(" — suggested: <b>{suggestion}</b> (confirm with Ctrl+Shift+S)").format(suggestion=fmt.label(standing['suggestion']))
        self.standing.setText(text)

    def _history_row(self, current: QModelIndex) -> None:
        if current.isValid():
            event = self.model.event_at(current.row())
            self.controller.pick_history_row(str(current.data(KIND_ROLE)), event.record)

    def _acted(self, outcome: Outcome) -> None:
        self.last_result.setText(outcome.text)
        self.last_result.show()


def selected_ids(view: QAbstractItemView) -> list[Any]:
    """Ids of the selected rows of a list view (``ROW_ID_ROLE``), in row order."""
    model = view.selectionModel()
    if model is None:
        return []
    rows = sorted(model.selectedRows(), key=lambda index: index.row())
    return [index.data(ROW_ID_ROLE) for index in rows if index.data(ROW_ID_ROLE) is not None]


__all__: Sequence[str] = (
    "AppealDialog", "BulkConfirmDialog", "EnforcementController", "EnforcementPane", "ReasonDialog",
    "SanctionDialog", "SecondConfirmation", "TakedownChoice", "TakedownDialog", "load_target", "selected_ids",
)
