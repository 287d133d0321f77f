"""The inquiry workspace: a member's thread, the reply and internal-note
composer with macros, status changes, and links to the transaction and
listing the inquiry is about.

Unsent text survives a crash: every keystroke goes to a :class:`DraftStore`
(a small JSON file per staff member), written on a short debounce timer and
at once when the inquiry is closed; the draft is restored when the inquiry is
opened again and cleared when it is sent. All service calls run on the task
runner; an answer for an inquiry that is no longer open is dropped.
"""

from __future__ import annotations

import html
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from widgets import formatting as fmt
from console import messages, queue_messages
from console.client import ApiError
from console.context import ConsoleContext
from console.i18n import QT_TR_NOOP, tr
from console.qt import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

log = logging.getLogger("anzen.console.inquiry")

DRAFT_SAVE_DELAY_MS = 400
Record = dict[str, Any]
STATUS_TEXT = {"new": QT_TR_NOOP("New"), "open": QT_TR_NOOP("Open"), "waiting_on_member": QT_TR_NOOP("Waiting on member"), "resolved": QT_TR_NOOP("Resolved")}
MODES = ("reply", "note")


class DraftStore:
    """Unsent reply and note texts by key (``"<inquiry id>:reply"``), in one
    JSON file written atomically (temp file + rename), so a crash mid-write
    never loses the previous drafts."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._drafts: dict[str, str] = {}
        self._dirty = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                self._drafts = {str(k): str(v) for k, v in data.items() if v}
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:
            log.warning("could not read drafts from %s: %s", self.path, exc)

    @classmethod
    def for_context(cls, context: ConsoleContext) -> DraftStore:
        """One file per staff member beside the console's settings file (the
        per-user config dir, or the test's own directory)."""
        folder = Path(context.settings.path).parent / "drafts"
        return cls(folder / f"{context.staff.username}.json")

    def get(self, key: str) -> str:
        return self._drafts.get(key, "")

    def put(self, key: str, text: str) -> None:
        if text.strip():
            if self._drafts.get(key) == text:
                return
            self._drafts[key] = text
        elif self._drafts.pop(key, None) is None:
            return
        self._dirty = True

    def clear(self, key: str) -> None:
        if self._drafts.pop(key, None) is not None:
            self._dirty = True
        self.flush()

    def flush(self) -> None:
        """Write to disk if anything changed (a local file: fine on the UI thread)."""
        if not self._dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=".drafts-", dir=self.path.parent)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(self._drafts, out, ensure_ascii=False, indent=1)
            os.replace(temp, self.path)
            self._dirty = False
        except OSError as exc:
            messages.error(tr("Could not save your draft to {path}: {exc}").format(path=self.path, exc=exc),
                           tr("Copy the text somewhere safe; check the disk is not full."))


def _message_html(message: Record, member_name: str) -> str:
    kind = str(message.get("kind") or "")
    who = {"member": member_name or tr("Member"), "agent": tr("Agent reply"), "note": tr("Internal note")}.get(kind, kind)
    colours = {"member": "rgba(128,128,128,0.12)", "agent": "rgba(56,132,244,0.14)",
               "note": "rgba(210,153,34,0.20)"}
    body = html.escape(str(message.get("body") or "")).replace("\n", "<br>")
    when = html.escape(fmt.when(message.get("created_at")))
    return (tr("<table width=\"100%\" cellpadding=\"8\" style=\"margin-bottom:6px; background:{kind}\"><tr><td><b>{who}</b> <span style=\"color:gray\">· {when}</span><br>{body}</td></tr></table>").format(kind=colours.get(kind, ''), who=html.escape(who), when=when, body=body))


class InquiryWorkspace(QWidget):
    """Works on one inquiry at a time: :meth:`open_inquiry`, :meth:`close_inquiry`."""

    #: Show a linked record in the detail pane: (kind, id).
    record_selected = Signal(str, object)
    #: The inquiry changed here (reply, note, status): the new inquiry record.
    inquiry_changed = Signal(object)
    #: A reply or note was sent: (mode, inquiry id).
    sent = Signal(str, object)

    def __init__(self, context: ConsoleContext, drafts: DraftStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("InquiryWorkspace")
        self._context = context
        self.drafts = drafts or DraftStore.for_context(context)
        self._inquiry: Record | None = None
        self._inquiry_id: int | None = None
        self._macros: dict[str, list[Record]] = {}
        self._busy = False

        self.subject = QLabel(self)
        self.subject.setObjectName("DetailHeading")
        self.subject.setWordWrap(True)
        self.meta = QLabel(self)
        self.meta.setObjectName("ScreenHint")
        self.meta.setWordWrap(True)
        self.claim_label = QLabel(self)
        self.claim_label.setObjectName("ClaimLabel")
        self.member_button = QPushButton(tr("Member"), self)
        self.transaction_button = QPushButton(tr("Transaction"), self)
        self.listing_button = QPushButton(tr("Listing"), self)
        for button in (self.member_button, self.transaction_button, self.listing_button):
            button.setFlat(True)
            button.setObjectName("LinkButton")
        self.member_button.clicked.connect(lambda: self._open_link("member", "member_id"))
        self.transaction_button.clicked.connect(lambda: self._open_link("transaction", "transaction_id"))
        self.listing_button.clicked.connect(lambda: self._open_link("listing", "listing_id"))

        self.thread = QTextBrowser(self)
        self.thread.setObjectName("InquiryThread")
        self.thread.setOpenLinks(False)
        self.thread.setMinimumHeight(60)

        self.reply_edit = QPlainTextEdit(self)
        self.reply_edit.setObjectName("ReplyEdit")
        self.reply_edit.setPlaceholderText(tr("Write to the member… (the draft is kept if the console closes)"))
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("NoteEdit")
        self.note_edit.setPlaceholderText(tr("Internal note — never shown to the member"))
        for edit in (self.reply_edit, self.note_edit):
            edit.setMinimumHeight(60)
        self.composer = QTabWidget(self)
        self.composer.setDocumentMode(True)
        self.composer.addTab(self.reply_edit, tr("Reply to member"))
        self.composer.addTab(self.note_edit, tr("Internal note"))
        self.macro_box = QComboBox(self)
        self.macro_box.setObjectName("MacroBox")
        self.macro_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.macro_box.setMinimumContentsLength(16)
        self.macro_button = QPushButton(tr("Insert macro"), self)
        self.macro_button.clicked.connect(self.insert_macro)
        self.send_button = QPushButton(tr("Send"), self)
        self.send_button.setDefault(True)
        self.send_button.setToolTip(tr("Send the reply or note (Ctrl+Shift+Return)"))
        self.send_button.clicked.connect(self.send)
        self.status_buttons: dict[str, QPushButton] = {}
        for status, text in (("open", tr("Open")), ("waiting_on_member", tr("Waiting")), ("resolved", tr("Resolve"))):
            button = QPushButton(text, self)
            button.setToolTip(tr("Set the inquiry's status to “{status}”").format(status=tr(STATUS_TEXT[status])))
            button.clicked.connect(lambda _c=False, s=status: self.set_status(s))
            self.status_buttons[status] = button

        links = QHBoxLayout()
        links.setContentsMargins(0, 0, 0, 0)
        links.addWidget(self.meta, 1)
        for button in (self.member_button, self.transaction_button, self.listing_button):
            links.addWidget(button)
        macros = QHBoxLayout()
        macros.setContentsMargins(0, 0, 0, 0)
        macros.addWidget(self.macro_box, 1)
        macros.addWidget(self.macro_button)
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        for button in self.status_buttons.values():
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.send_button)
        # The thread on the left, the composer on the right: both fit in a short pane.
        writer = QWidget(self)
        writer_layout = QVBoxLayout(writer)
        writer_layout.setContentsMargins(0, 0, 0, 0)
        writer_layout.setSpacing(4)
        writer_layout.addWidget(self.composer, 1)
        writer_layout.addLayout(macros)
        writer_layout.addLayout(actions)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.thread)
        self.split.addWidget(writer)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        header = QHBoxLayout()
        header.addWidget(self.subject, 1)
        header.addWidget(self.claim_label)
        layout.addLayout(header)
        layout.addLayout(links)
        layout.addWidget(self.split, 1)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(DRAFT_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.drafts.flush)
        self.reply_edit.textChanged.connect(lambda: self._draft_changed("reply", self.reply_edit))
        self.note_edit.textChanged.connect(lambda: self._draft_changed("note", self.note_edit))
        self.destroyed.connect(self._save_timer.stop)
        self._set_enabled(False)

    # -- opening and closing ------------------------------------------------------

    @property
    def inquiry_id(self) -> int | None:
        return self._inquiry_id

    @property
    def inquiry(self) -> Record | None:
        return self._inquiry

    def open_inquiry(self, inquiry_id: int) -> None:
        """Load the inquiry and restore any unsent drafts for it."""
        if self._inquiry_id is not None and self._inquiry_id != inquiry_id:
            self.close_inquiry()
        self._inquiry_id = inquiry_id
        self._inquiry = None
        self.subject.setText(tr("Loading…"))
        self.meta.setText("")
        self.thread.clear()
        for mode, edit in (("reply", self.reply_edit), ("note", self.note_edit)):
            edit.blockSignals(True)
            edit.setPlainText(self.drafts.get(self._key(mode, inquiry_id)))
            edit.blockSignals(False)
        self._set_enabled(False)
        self.reload()

    def reload(self) -> None:
        inquiry_id = self._inquiry_id
        if inquiry_id is None:
            return
        client = self._context.client
        self._context.runner.run(lambda: client.get(f"/inquiries/{inquiry_id}"),
                                 lambda record: self._loaded(inquiry_id, record),
                                 on_error=lambda exc: self._failed(inquiry_id, exc, tr("loading the inquiry")),
                                 owner=self)

    def close_inquiry(self) -> None:
        """Stop working on the inquiry; its drafts are written now."""
        self._save_timer.stop()
        self.drafts.flush()
        self._inquiry_id = None
        self._inquiry = None
        self._busy = False
        for edit in (self.reply_edit, self.note_edit):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self.subject.setText("")
        self.meta.setText("")
        self.claim_label.setText("")
        self.thread.clear()
        self._set_enabled(False)

    def set_claim_text(self, text: str, urgency: str = "") -> None:
        self.claim_label.setText(text)
        if self.claim_label.property("urgency") != urgency:
            self.claim_label.setProperty("urgency", urgency)
            self.claim_label.style().unpolish(self.claim_label)
            self.claim_label.style().polish(self.claim_label)

    # -- actions (also from the action registry) --------------------------------------------

    def focus_reply(self) -> None:
        self.composer.setCurrentWidget(self.reply_edit)
        self.reply_edit.setFocus()

    def focus_note(self) -> None:
        self.composer.setCurrentWidget(self.note_edit)
        self.note_edit.setFocus()

    def focus_macros(self) -> None:
        self.macro_box.setFocus()
        if self.isVisible() and self.macro_box.count() > 1:
            self.macro_box.showPopup()

    def current_mode(self) -> str:
        return "note" if self.composer.currentWidget() is self.note_edit else "reply"

    def send(self) -> None:
        """Send what is in the current tab: a reply to the member or an internal note."""
        inquiry, inquiry_id = self._inquiry, self._inquiry_id
        if inquiry is None or inquiry_id is None or self._busy:
            return
        mode = self.current_mode()
        edit = self.note_edit if mode == "note" else self.reply_edit
        text = edit.toPlainText()
        if not text.strip():
            messages.info(tr("Nothing to send: write the reply or note first."))
            return
        client = self._context.client
        if mode == "reply":
            body: Record = {"body": text, "version": inquiry.get("version")}
            path = f"/inquiries/{inquiry_id}/replies"
        else:
            body, path = {"body": text}, f"/inquiries/{inquiry_id}/notes"
        key = f"{mode}-{inquiry_id}-{hash(text) & 0xFFFFFFFF:x}-{inquiry.get('version')}"
        self._busy = True
        self.send_button.setEnabled(False)
        self._context.runner.run(lambda: client.post(path, body, idempotency_key=key),
                                 lambda result: self._sent(inquiry_id, mode, text, result),
                                 on_error=lambda exc: self._failed(inquiry_id, exc, tr("sending the {mode}").format(mode=mode)),
                                 owner=self)

    def set_status(self, status: str) -> None:
        inquiry, inquiry_id = self._inquiry, self._inquiry_id
        if inquiry is None or inquiry_id is None or self._busy:
            return
        if inquiry.get("status") == status:
            messages.info(tr("The inquiry is already “{status}”.").format(status=tr(STATUS_TEXT.get(status, status))))
            return
        client = self._context.client
        body = {"status": status, "version": inquiry.get("version")}
        self._busy = True
        self._context.runner.run(
            lambda: client.post(f"/inquiries/{inquiry_id}/status", body,
                                idempotency_key=f"status-{inquiry_id}-{status}-{body['version']}"),
            lambda result: self._status_set(inquiry_id, result),
            on_error=lambda exc: self._failed(inquiry_id, exc, tr("changing the status")), owner=self)

    def insert_macro(self) -> None:
        """Insert the chosen macro, filled in for this inquiry, at the reply cursor."""
        inquiry_id = self._inquiry_id
        macro_id = self.macro_box.currentData()
        if inquiry_id is None or macro_id is None:
            return
        client = self._context.client
        self._context.runner.run(lambda: client.get(f"/inquiries/{inquiry_id}/macros/{macro_id}"),
                                 lambda rendered: self._macro_rendered(inquiry_id, rendered),
                                 on_error=lambda exc: self._failed(inquiry_id, exc, tr("filling in the macro")),
                                 owner=self)

    # -- answers --------------------------------------------------------------------------------

    def _loaded(self, inquiry_id: int, record: Record) -> None:
        if inquiry_id != self._inquiry_id:
            return
        self._busy = False
        self._inquiry = record
        self._set_enabled(True)
        self._show(record)
        self._load_macros(str(record.get("category") or ""))

    def _show(self, record: Record) -> None:
        self.subject.setText(str(record.get("subject") or ""))
        status = fmt.label(record.get("status"))
        due_key = "resolution_due" if record.get("first_responded_at") else "first_response_due"
        due_text = tr("resolve by") if record.get("first_responded_at") else tr("first reply due")
        self.meta.setText(
            tr("{member_name} · {category} · priority {priority} · {status} · {due_text} {when}").format(member_name=record.get('member_name', ''), category=fmt.label(record.get('category')), priority=record.get('priority', ''), status=status, due_text=due_text, when=fmt.when(record.get(due_key))))
        self.member_button.setText(tr("Member: {value}").format(value=record.get('member_name') or record.get('member_id')))
        self.transaction_button.setText(tr("Transaction #{transaction_id}").format(transaction_id=record.get('transaction_id')))
        self.transaction_button.setVisible(record.get("transaction_id") is not None)
        self.listing_button.setText(tr("Listing #{listing_id}").format(listing_id=record.get('listing_id')))
        self.listing_button.setVisible(record.get("listing_id") is not None)
        member = str(record.get("member_name") or "")
        parts = [_message_html(message, member) for message in record.get("messages") or []]
        self.thread.setHtml("".join(parts) or tr("<p style='color:gray'>No messages yet.</p>"))
        bar = self.thread.verticalScrollBar()
        bar.setValue(bar.maximum())
        for value, button in self.status_buttons.items():
            button.setEnabled(record.get("status") != value)

    def _sent(self, inquiry_id: int, mode: str, text: str, result: Record) -> None:
        if inquiry_id != self._inquiry_id:
            # Sent, but the agent moved on: the draft is still cleared.
            self.drafts.clear(self._key(mode, inquiry_id))
            return
        self._busy = False
        edit = self.note_edit if mode == "note" else self.reply_edit
        if edit.toPlainText() == text:
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self._save_timer.stop()
        self.drafts.clear(self._key(mode, inquiry_id))
        messages.info(tr("Reply sent to the member.") if mode == "reply" else tr("Internal note added."))
        self.inquiry_changed.emit(result.get("inquiry"))
        self.sent.emit(mode, inquiry_id)
        self.reload()

    def _status_set(self, inquiry_id: int, inquiry: Record) -> None:
        if inquiry_id != self._inquiry_id:
            return
        self._busy = False
        messages.info(tr("Inquiry marked “{status}”.").format(status=tr(STATUS_TEXT.get(str(inquiry.get('status')), ''))))
        self.inquiry_changed.emit(inquiry)
        self.reload()

    def _failed(self, inquiry_id: int, exc: Exception, doing: str) -> None:
        if inquiry_id != self._inquiry_id:
            return
        self._busy = False
        self.send_button.setEnabled(self._inquiry is not None)
        queue_messages.report(exc, doing)
        if isinstance(exc, ApiError) and exc.code == "stale":
            self.reload()

    def _load_macros(self, category: str) -> None:
        if category in self._macros:
            self._fill_macros(category)
            return
        client = self._context.client
        self._context.runner.run(lambda: client.get("/macros", {"category": category or None}),
                                 lambda rows: self._macros_loaded(category, rows),
                                 on_error=lambda exc: queue_messages.report(exc, tr("loading macros")), owner=self)

    def _macros_loaded(self, category: str, rows: list[Record]) -> None:
        self._macros[category] = list(rows or [])
        if self._inquiry is not None and str(self._inquiry.get("category") or "") == category:
            self._fill_macros(category)

    def _fill_macros(self, category: str) -> None:
        self.macro_box.clear()
        rows = self._macros.get(category, [])
        self.macro_box.addItem(tr("Macros…") if rows else tr("No macros for this category"), None)
        for macro in rows:
            self.macro_box.addItem(str(macro.get("name")), macro.get("id"))
            self.macro_box.setItemData(self.macro_box.count() - 1, str(macro.get("body") or ""),
                                       Qt.ItemDataRole.ToolTipRole)
        self.macro_button.setEnabled(bool(rows))

    def _macro_rendered(self, inquiry_id: int, rendered: Record) -> None:
        if inquiry_id != self._inquiry_id:
            return
        self.composer.setCurrentWidget(self.reply_edit)
        self.reply_edit.insertPlainText(str(rendered.get("text") or ""))
        self.reply_edit.setFocus()
        missing = rendered.get("missing") or []
        if missing:
            messages.bus.post(messages.Message(
                messages.Level.WARNING, tr("The macro left {missing} blank for this inquiry.").format(missing=', '.join(missing)),
                tr("Fill those in by hand before sending.")))

    # -- drafts and state ------------------------------------------------------------------------

    @staticmethod
    def _key(mode: str, inquiry_id: int | None) -> str:
        return f"{inquiry_id}:{mode}"

    def _draft_changed(self, mode: str, edit: QPlainTextEdit) -> None:
        if self._inquiry_id is None:
            return
        self.drafts.put(self._key(mode, self._inquiry_id), edit.toPlainText())
        self._save_timer.start()

    def _open_link(self, kind: str, field: str) -> None:
        if self._inquiry and self._inquiry.get(field) is not None:
            self.record_selected.emit(kind, self._inquiry[field])

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.send_button, self.macro_button, self.macro_box, *self.status_buttons.values()):
            widget.setEnabled(enabled)
        for button in (self.member_button, self.transaction_button, self.listing_button):
            button.setEnabled(enabled)
