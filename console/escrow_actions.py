"""The escrow pane and what agents do from it: hold (dispute), release,
refund in full or in part, cancel; and the supervisors' refund approvals.

Every action asks for a reason (and an amount for a partial refund) in a
dialog tests can patch (:meth:`EscrowActionDialog.ask`), is sent with a fresh
``Idempotency-Key`` (a double click or a retry of the same request moves no
money twice) and the transaction version the agent saw. A refund above the
agent's limit comes back as an approval request, shown in the pane until a
supervisor decides; a refused transition is shown in the pane and on the
message bus, in words.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from widgets import formatting as fmt
from console import messages
from console.client import ApiError, ServiceUnreachable
from console.context import ConsoleContext
from console.i18n import QT_TR_NOOP, tr, trn
from console.qt import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    Signal,
)
from widgets.banner import Banner
from widgets.escrow_timeline import EscrowTimeline
from widgets.list_table import list_table
from widgets.paged_model import Column
from widgets.recall_models import RecordTableModel
from widgets.roles import ROW_ID_ROLE

#: Action id -> (button text, verb for messages, what it does).
ACTION_TEXT: dict[str, tuple[str, str, str]] = {
    "hold": (QT_TR_NOOP("Hold"), QT_TR_NOOP("putting the payment on hold"),
             QT_TR_NOOP("Put the held payment on hold (dispute): nothing is released until someone decides.")),
    "release": (QT_TR_NOOP("Release"), QT_TR_NOOP("releasing the payment"), QT_TR_NOOP("Pay the seller what escrow still holds.")),
    "refund": (QT_TR_NOOP("Refund…"), QT_TR_NOOP("refunding the buyer"), QT_TR_NOOP("Give the buyer back all or part of what escrow holds.")),
    "cancel": (QT_TR_NOOP("Cancel Sale"), QT_TR_NOOP("cancelling the sale"),
               QT_TR_NOOP("Undo the sale before completion, refunding everything held to the buyer.")),
}


def new_idempotency_key() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class ActionInput:
    reason: str
    amount: int | None = None  # refunds only; None = everything held


class EscrowActionDialog(QDialog):
    """Reason (required) and, for a refund, full or partial amount."""

    def __init__(self, action: str, detail: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EscrowActionDialog")
        text, _verb, what = (tr(part) for part in ACTION_TEXT[action])
        self.setWindowTitle(f"{text.rstrip('…')} — {detail.get('listing_title', '')}")
        held = int(detail.get("held") or 0)
        intro = QLabel(tr("{what}\nStill held: {held}.").format(what=what, held=fmt.yen(held)), self)
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("escrow-reason")
        self.reason.setPlaceholderText(tr("Why (the member sees the outcome; the audit log keeps the reason)"))
        self.reason.setFixedHeight(80)
        self.full = QRadioButton(tr("Everything held ({held})").format(held=fmt.yen(held)), self)
        self.partial = QRadioButton(tr("Part of it:"), self)
        self.amount = QSpinBox(self)
        self.amount.setRange(1, max(1, held))
        self.amount.setPrefix("¥")
        self.amount.setGroupSeparatorShown(True)
        self.amount.setValue(max(1, held // 2))
        group = QButtonGroup(self)
        group.addButton(self.full)
        group.addButton(self.partial)
        self.full.setChecked(True)
        form = QFormLayout()
        form.addRow(tr("Reason"), self.reason)
        self._is_refund = action == "refund"
        if self._is_refund:
            partial_row = QHBoxLayout()
            partial_row.addWidget(self.partial)
            partial_row.addWidget(self.amount, 1)
            form.addRow(tr("Refund"), self.full)
            form.addRow("", partial_row)
            limit = detail.get("refund_limit")
            note = QLabel(tr("No refund limit for your role.") if limit is None else
                          tr("Your limit is {limit} refunded per sale; above it the refund waits for a supervisor's approval.").format(limit=fmt.yen(limit)), self)
            note.setObjectName("ScreenHint")
            note.setWordWrap(True)
            form.addRow("", note)
        self.amount.setEnabled(False)
        self.partial.toggled.connect(self.amount.setEnabled)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text.rstrip("…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._validate()

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason.toPlainText().strip()))

    def value(self) -> ActionInput:
        amount = self.amount.value() if self._is_refund and self.partial.isChecked() else None
        return ActionInput(self.reason.toPlainText().strip(), amount)

    @classmethod
    def ask(cls, parent: QWidget | None, action: str, detail: dict[str, Any]) -> ActionInput | None:
        """What the agent typed, or ``None`` if they cancelled (tests patch this)."""
        dialog = cls(action, detail, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class ReasonDialog(QDialog):
    """One required reason (approving/rejecting a refund, revealing contact details)."""

    def __init__(self, title: str, prompt: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReasonDialog")
        self.setWindowTitle(title)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setFixedHeight(80)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda: self.ok.setEnabled(bool(self.reason.toPlainText().strip())))
        self.ok.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str, ok_text: str = "") -> str | None:
        dialog = cls(title, prompt, ok_text or tr("OK"), parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.reason.toPlainText().strip() or None
            return None
        finally:
            dialog.deleteLater()


def describe_refusal(exc: Exception, doing: str) -> str:
    """The words for the pane when the service refuses an escrow action."""
    if isinstance(exc, ApiError):
        if exc.code == "illegal_transition":
            return tr("Refused: {message} Refresh (F5) to see the transaction as it is now.").format(message=messages.service_words(exc))
        if exc.status == 409:
            return tr("Refused: {message} Someone changed this transaction first; it has been reloaded.").format(message=messages.service_words(exc))
        if exc.status == 403:
            return tr("Refused: {message} Ask a supervisor if it must be done.").format(message=messages.service_words(exc))
        if 400 <= exc.status < 500:
            return tr("Refused: {message}").format(message=messages.service_words(exc))
    return messages.describe(exc, doing).text


class EscrowPane(QWidget):
    """The escrow of one transaction: figures, ledger timeline, actions."""

    #: Money moved or a request was made on this transaction id.
    changed = Signal(object)

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EscrowPane")
        self._context = context
        self._token = 0
        self._busy = False
        self.transaction_id: Any = None
        self.detail: dict[str, Any] | None = None
        self.heading = QLabel(tr("Select a transaction to see its escrow."), self)
        self.heading.setObjectName("DetailHeading")
        self.heading.setWordWrap(True)
        self.subheading = QLabel(self)
        self.subheading.setObjectName("DetailSubheading")
        self.subheading.setWordWrap(True)
        for label in (self.heading, self.subheading):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notice = Banner(self)
        self.notice.setObjectName("Banner")
        self.approval_banner = Banner(self, dismissable=False)
        self.approval_banner.setObjectName("Banner")
        self.timeline = EscrowTimeline(self)
        self.buttons: dict[str, QPushButton] = {}
        row = QGridLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for number, (action, (text, _verb, tip)) in enumerate(ACTION_TEXT.items()):
            button = QPushButton(tr(text), self)
            button.setObjectName(f"escrow-{action}")
            button.setToolTip(tr(tip))
            button.clicked.connect(lambda _c=False, a=action: self.act(a))
            row.addWidget(button, 0, number)
            self.buttons[action] = button
        self.approve_button = QPushButton(tr("Approve Refund…"), self)
        self.reject_button = QPushButton(tr("Reject Refund…"), self)
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        row.addWidget(self.approve_button, 1, 0, 1, 2)
        row.addWidget(self.reject_button, 1, 2, 1, 2)
        for button in [*self.buttons.values(), self.approve_button, self.reject_button]:
            button.setMinimumWidth(0)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.timeline.view.setMinimumHeight(60)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.notice)
        layout.addWidget(self.approval_banner)
        layout.addWidget(self.timeline, 1)
        layout.addLayout(row)
        self._update_buttons()

    # -- loading --------------------------------------------------------------------------

    def show_transaction(self, transaction_id: Any) -> None:
        """Load ``transaction_id``; an answer for an earlier selection is dropped."""
        if transaction_id is None:
            self.clear(tr("Select a transaction to see its escrow."))
            return
        if transaction_id != self.transaction_id:
            self.notice.hide()
        self.transaction_id = transaction_id
        self._token += 1
        token = self._token
        if self.detail is None or self.detail.get("id") != transaction_id:
            self.detail = None
            self.timeline.clear()
            self.approval_banner.hide()
            self.heading.setText(tr("Transaction {transaction_id}").format(transaction_id=transaction_id))
            self.subheading.setText(tr("Loading…"))
        self._update_buttons()
        client = self._context.client
        self._context.runner.run(lambda: client.get(f"/transactions/{transaction_id}"),
                                 lambda detail: self._loaded(token, detail),
                                 on_error=lambda exc: self._failed(token, exc), owner=self)

    def refresh(self) -> None:
        if self.transaction_id is not None:
            self.show_transaction(self.transaction_id)

    def clear(self, text: str) -> None:
        self._token += 1
        self.transaction_id = None
        self.detail = None
        self.heading.setText(text)
        self.subheading.setText("")
        self.notice.hide()
        self.approval_banner.hide()
        self.timeline.clear()
        self._update_buttons()

    def _loaded(self, token: int, detail: dict[str, Any]) -> None:
        if token == self._token:
            self._show_detail(detail)

    def _failed(self, token: int, exc: Exception) -> None:
        if token == self._token:
            self.subheading.setText(tr("Could not load the escrow. Select the transaction again to retry."))
            messages.report(exc, tr("loading the escrow"))

    def _show_detail(self, detail: dict[str, Any]) -> None:
        self.detail = detail
        self.transaction_id = detail.get("id")
        self.heading.setText(str(detail.get("listing_title") or tr("Transaction {id}").format(id=detail.get('id'))))
        self.subheading.setText(
            tr("Transaction {id} · {status} · {amount} · buyer {buyer_name} → seller {seller_name}").format(id=detail.get('id'), status=fmt.label(detail.get('status')), amount=fmt.yen(detail.get('amount')), buyer_name=detail.get('buyer_name', ''), seller_name=detail.get('seller_name', '')))
        self.timeline.set_detail(detail)
        pending = detail.get("pending_approval")
        if pending:
            self.approval_banner.show_message(
                tr("A refund of {amount} requested by {requested_by_name} ({requested_at}) is waiting for a supervisor's approval: “{reason}”").format(amount=fmt.yen(pending.get('amount')), requested_by_name=pending.get('requested_by_name'), requested_at=fmt.when(pending.get('requested_at')), reason=pending.get('reason', '')), kind="warning")
        else:
            self.approval_banner.hide()
        self._update_buttons()

    def _update_buttons(self) -> None:
        allowed = set((self.detail or {}).get("actions") or [])
        for action, button in self.buttons.items():
            button.setEnabled(not self._busy and action in allowed)
        pending = bool((self.detail or {}).get("pending_approval"))
        may_approve = self._context.staff.role == "supervisor"
        for button in (self.approve_button, self.reject_button):
            button.setVisible(pending and may_approve)
            button.setEnabled(not self._busy)

    # -- actions ----------------------------------------------------------------------------

    def can(self, action: str) -> bool:
        return action in set((self.detail or {}).get("actions") or []) and not self._busy

    def act(self, action: str) -> None:
        detail = self.detail
        if detail is None:
            messages.info(tr("Select a transaction first."))
            return
        if action not in (detail.get("actions") or []):
            status = fmt.label(detail.get("status"))
            self.notice.show_message(tr("“{action}” is not possible for a transaction that is {status}.").format(
                action=tr(ACTION_TEXT[action][0]).rstrip('…'), status=status), kind="warning")
            return
        given = EscrowActionDialog.ask(self, action, detail)
        if given is None:
            return
        body: dict[str, Any] = {"reason": given.reason, "version": detail.get("version")}
        if given.amount is not None:
            body["amount"] = given.amount
        self._post(f"/transactions/{detail['id']}/{action}", body, tr(ACTION_TEXT[action][1]), detail["id"])

    def decide(self, approve: bool) -> None:
        pending = (self.detail or {}).get("pending_approval")
        if not pending:
            return
        verb = tr("Approve") if approve else tr("Reject")
        title = tr("Approve refund") if approve else tr("Reject refund")
        question = (tr("Approve the refund of {amount} requested by {requested_by_name}? Give a reason.") if approve
                    else tr("Reject the refund of {amount} requested by {requested_by_name}? Give a reason."))
        reason = ReasonDialog.ask(self, title, question.format(amount=fmt.yen(pending.get('amount')),
                                                               requested_by_name=pending.get('requested_by_name')), verb)
        if reason is None:
            return
        path = f"/refund-approvals/{pending['id']}/{'approve' if approve else 'reject'}"
        self._post(path, {"reason": reason, "version": pending.get("version")},
                   tr("approving the refund") if approve else tr("rejecting the refund"), self.transaction_id, decision=True)

    def _post(self, path: str, body: dict[str, Any], doing: str, transaction_id: Any, *,
              decision: bool = False) -> None:
        client, key = self._context.client, new_idempotency_key()
        self._busy = True
        self._update_buttons()
        self.notice.hide()
        self._context.runner.run(lambda: client.post(path, body, idempotency_key=key),
                                 lambda result: self._done(transaction_id, result, decision),
                                 on_error=lambda exc: self._refused(transaction_id, exc, doing), owner=self)

    def _done(self, transaction_id: Any, result: dict[str, Any], decision: bool) -> None:
        self._busy = False
        if decision:
            messages.info(tr("Refund {status}.").format(status=result.get('status', 'decided')))
            self.notice.show_message(tr("Refund request {status}: {amount}.").format(status=result.get('status'), amount=fmt.yen(result.get('amount'))),
                                     kind="info")
            if transaction_id == self.transaction_id:
                self.refresh()
        else:
            if transaction_id == self.transaction_id:
                self._show_detail(result["transaction"])
            approval = result.get("approval")
            if result.get("outcome") == "approval_requested" and approval:
                text = (tr("The refund of {amount} is above your limit, so no money moved: request #{id} is waiting for a supervisor's approval.").format(amount=fmt.yen(approval.get('amount')), id=approval.get('id')))
                self.notice.show_message(text, kind="warning")
                messages.info(tr("Refund sent for a supervisor's approval."))
            else:
                held = result["transaction"].get("held")
                self.notice.show_message(tr("Done. Escrow now holds {value}.").format(value=fmt.yen(held) or '¥0'), kind="info")
                messages.info(tr("Escrow updated."))
        self._update_buttons()
        self.changed.emit(transaction_id)

    def _refused(self, transaction_id: Any, exc: Exception, doing: str) -> None:
        self._busy = False
        self._update_buttons()
        if isinstance(exc, ServiceUnreachable):
            messages.report(exc, doing)
            self.notice.show_message(tr("Could not reach the service while {doing}; nothing was changed. Try again once the connection is back.").format(doing=doing), kind="error")
            return
        text = describe_refusal(exc, doing)
        self.notice.show_message(text, kind="error")
        messages.error(text, "")
        if transaction_id == self.transaction_id:
            self.refresh()


APPROVAL_COLUMNS = (
    Column("requested_at", QT_TR_NOOP("Requested"), fmt.when, width=155),
    Column("amount", QT_TR_NOOP("Amount"), fmt.yen, align_right=True, width=85),
    Column("action", QT_TR_NOOP("Action"), fmt.label, width=70),
    Column("transaction_id", QT_TR_NOOP("Transaction"), align_right=True, width=85),
    Column("requested_by_name", QT_TR_NOOP("By"), width=140),
    Column("reason", QT_TR_NOOP("Reason")),
)


class ApprovalsPane(QWidget):
    """Supervisors: refunds above an agent's limit, waiting for a decision."""

    transaction_selected = Signal(object)

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ApprovalsPane")
        self._context = context
        self._token = 0
        self.model = RecordTableModel(APPROVAL_COLUMNS, parent=self)
        self.view = list_table(self, "approvals-table", self.model,
                               widths=[column.width for column in APPROVAL_COLUMNS])
        self.count = QLabel(self)
        self.count.setObjectName("ScreenHint")
        refresh = QPushButton(tr("Refresh"), self)
        refresh.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: current.isValid() and self.transaction_selected.emit(
                self.model.record(current.row())["transaction_id"]))

    def reload(self) -> None:
        self._token += 1
        token = self._token
        self.count.setText(tr("Loading…"))
        client = self._context.client
        self._context.runner.run(lambda: client.page("/refund-approvals", {"status": "pending"}, limit=200),
                                 lambda page: self._loaded(token, page),
                                 on_error=lambda exc: self._failed(token, exc), owner=self)

    def _loaded(self, token: int, page: Any) -> None:
        if token != self._token:
            return
        self.model.set_records(page.items)
        n = len(page.items)
        self.count.setText(tr("No refunds waiting for approval.") if n == 0 else
                           trn(n, QT_TR_NOOP("{n} refund waiting — select one to decide in the escrow pane."),
                               QT_TR_NOOP("{n} refunds waiting — select one to decide in the escrow pane.")))

    def _failed(self, token: int, exc: Exception) -> None:
        if token == self._token:
            self.count.setText(tr("Could not load the approvals."))
            messages.report(exc, tr("loading refund approvals"))

    def current_transaction(self) -> Any:
        index = self.view.currentIndex()
        return self.model.record(index.row())["transaction_id"] if index.isValid() else None

    def row_id(self, row: int) -> Any:
        return self.model.index(row, 0).data(ROW_ID_ROLE)

