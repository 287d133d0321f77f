"""The shift: which one is running, who is on it, time left, clocking in and
out (with the handover note), and the handover summary the last shift left.

:class:`ShiftPanel` lives in a dock; its one-line :attr:`ShiftPanel.summary`
goes to the status bar. It asks the service every minute and counts down
locally in between, from the service's ``seconds_left`` (never the desk's
clock).
"""

from __future__ import annotations

import html
import time
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
from typing import Any

from widgets import formatting as fmt
from console import messages, queue_messages
from console.context import ConsoleContext
from console.i18n import QT_TR_NOOP, tr
from console.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from widgets.queue_model import duration

REFRESH_MS = 60_000
TICK_MS = 1_000
Record = dict[str, Any]
KIND_NAMES = {"inquiry": QT_TR_NOOP("inquiries"), "flag": QT_TR_NOOP("flags"), "appeal": QT_TR_NOOP("appeals")}


class HandoverNoteDialog(QDialog):
    """Asks for the handover note at clock-out. Tests patch :meth:`ask`."""

    def __init__(self, parent: QWidget | None, held: int) -> None:
        super().__init__(parent)
        self.setObjectName("HandoverNoteDialog")
        self.setWindowTitle(tr("Clock out — handover note"))
        text = (tr("Leave a note for the next shift: what is half done, what to watch. ")
                + (tr("Your {held} claimed item(s) go back to the queue with this note.").format(held=held)
                   if held else tr("You hold no items.")))
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(tr("Handover note (optional)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Clock out"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.note, 1)
        layout.addWidget(buttons)
        self.resize(460, 260)

    @classmethod
    def ask(cls, parent: QWidget | None, held: int = 0) -> str | None:
        """The note ("" for none), or ``None`` when the agent changed their mind."""
        dialog = cls(parent, held)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.note.toPlainText().strip()
        finally:
            dialog.deleteLater()


class ShiftPanel(QWidget):
    #: One line for the status bar, e.g. "Morning shift · 2h 25m left · clocked in".
    summary_changed = Signal(str)
    #: Clocked in or out: True when now clocked in.
    attendance_changed = Signal(bool)

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShiftPanel")
        self._context = context
        self._current: Record | None = None
        self._received = 0.0
        self._request = 0
        self.summary = tr("Shift: loading…")

        self.heading = QLabel(tr("Loading the shift…"), self)
        self.heading.setObjectName("DetailHeading")
        self.heading.setWordWrap(True)
        self.me_label = QLabel(self)
        self.me_label.setWordWrap(True)
        self.clock_in_button = QPushButton(tr("Clock in"), self)
        self.clock_in_button.setToolTip(tr("Clock in to the running shift (Ctrl+Shift+I)"))
        self.clock_in_button.clicked.connect(self.clock_in)
        self.clock_out_button = QPushButton(tr("Clock out…"), self)
        self.clock_out_button.setToolTip(tr("Clock out with a handover note (Ctrl+Shift+O)"))
        self.clock_out_button.clicked.connect(self.clock_out)
        self.people = QLabel(self)
        self.people.setObjectName("ScreenHint")
        self.people.setWordWrap(True)
        self.handover = QTextBrowser(self)
        self.handover.setObjectName("HandoverSummary")
        self.handover.setOpenLinks(False)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.clock_in_button)
        buttons.addWidget(self.clock_out_button)
        buttons.addStretch(1)
        handover_title = QLabel(tr("Handover from the last shift"), self)
        handover_title.setObjectName("SectionTitle")
        font = handover_title.font()
        font.setBold(True)
        handover_title.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.me_label)
        layout.addLayout(buttons)
        layout.addWidget(self.people)
        layout.addWidget(handover_title)
        layout.addWidget(self.handover, 1)
        self._set_buttons(None)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(TICK_MS)
        self._tick_timer.timeout.connect(self._tick)

    # -- loading ---------------------------------------------------------------------

    @property
    def current(self) -> Record | None:
        return self._current

    @property
    def clocked_in(self) -> bool:
        return bool(self._current and self._current.get("me"))

    def start(self) -> None:
        self.refresh()
        self.refresh_handover()
        self._refresh_timer.start()
        self._tick_timer.start()

    def stop(self) -> None:
        self._refresh_timer.stop()
        self._tick_timer.stop()

    def refresh(self) -> None:
        self._request += 1
        request = self._request
        client = self._context.client
        self._context.runner.run(lambda: client.get("/shifts/current"),
                                 lambda current: self._loaded(request, current),
                                 on_error=lambda exc: self._failed(request, exc), owner=self)

    def refresh_handover(self) -> None:
        client = self._context.client
        self._context.runner.run(lambda: client.get("/handover"), self._handover_loaded,
                                 on_error=self._handover_failed, owner=self)

    def colleagues(self, kinds: tuple[str, ...] = ()) -> list[Record]:
        """Staff on (or scheduled for) the running shift, except the caller: whom to hand an item to."""
        seen: dict[int, Record] = {}
        for shift in (self._current or {}).get("shifts") or []:
            for person in (shift.get("on_duty") or []) + (shift.get("scheduled") or []):
                if person.get("id") != self._context.staff.id and person.get("id") not in seen:
                    seen[int(person["id"])] = person
        people = list(seen.values())
        if kinds:
            people = [p for p in people if p.get("role") == "supervisor"
                      or (p.get("role") == "agent" and "inquiry" in kinds)
                      or (p.get("role") == "moderator" and "flag" in kinds)]
        return sorted(people, key=lambda p: (p.get("clocked_in_at") is None, fmt.fold(p.get("display_name"))))

    # -- clocking in and out ---------------------------------------------------------------

    def clock_in(self) -> None:
        if self.clocked_in:
            messages.info(tr("You are already clocked in."))
            return
        client = self._context.client
        self.clock_in_button.setEnabled(False)
        self._context.runner.run(lambda: client.post("/attendance/clock-in"), self._clocked_in,
                                 on_error=self._clock_failed(tr("clocking in")), owner=self)

    def clock_out(self, held: int = 0) -> None:
        if not self.clocked_in:
            messages.info(tr("You are not clocked in."))
            return
        note = HandoverNoteDialog.ask(self.window(), held)
        if note is None:
            return
        client = self._context.client
        self.clock_out_button.setEnabled(False)
        self._context.runner.run(lambda: client.post("/attendance/clock-out", {"note": note or None}),
                                 self._clocked_out, on_error=self._clock_failed(tr("clocking out")), owner=self)

    def _clocked_in(self, attendance: Record) -> None:
        left = attendance.get("seconds_left")
        messages.info(tr("Clocked in.") + (tr(" The shift ends in {left}.").format(left=duration(left)) if left else ""))
        self.refresh()
        self.attendance_changed.emit(True)

    def _clocked_out(self, result: Record) -> None:
        released = result.get("released_item_ids") or []
        messages.info(tr("Clocked out; {released} item(s) went back to the queue with your note.").format(released=len(released))
                      if released else tr("Clocked out."))
        self.refresh()
        self.attendance_changed.emit(False)

    def _clock_failed(self, doing: str) -> Any:
        def failed(exc: Exception) -> None:
            self._set_buttons(self._current)
            queue_messages.report(exc, doing)
        return failed

    # -- showing ------------------------------------------------------------------------------

    def _loaded(self, request: int, current: Record) -> None:
        if request != self._request:
            return
        self._current = current
        self._received = time.monotonic()
        self._set_buttons(current)
        self._show_people(current)
        self._tick()

    def _failed(self, request: int, exc: Exception) -> None:
        if request == self._request:
            self._set_buttons(self._current)
            messages.report(exc, tr("loading the shift"))

    def _set_buttons(self, current: Record | None) -> None:
        me = (current or {}).get("me")
        self.clock_in_button.setEnabled(current is not None and not me)
        self.clock_out_button.setEnabled(bool(me))

    def _left(self, seconds: Any) -> int:
        return int(seconds) - int(time.monotonic() - self._received) if seconds is not None else 0

    def _tick(self) -> None:
        current = self._current
        if current is None:
            return
        shifts = current.get("shifts") or []
        me = current.get("me")
        if shifts:
            shift = shifts[0]
            name = fmt.label(shift["shift"]["name"]).capitalize()
            left = max(0, self._left(shift.get("seconds_left")))
            hours = shift_hours(shift)
            self.heading.setText(tr("{name} shift {hours} · {left} left").format(name=name, hours=hours, left=duration(left)))
            summary = tr("{name} shift · {left} left").format(name=name, left=duration(left))
        else:
            self.heading.setText(tr("No shift is running now"))
            summary = tr("No shift running")
        if me:
            mine_left = self._left(me.get("seconds_left")) if me.get("seconds_left") is not None else None
            self.me_label.setText(tr("You clocked in at {value}").format(value=fmt.clock(me.get('clocked_in_at')))
                                  + (tr("; your shift ends in {duration}.").format(duration=duration(max(0, mine_left)))
                                     if mine_left is not None else "."))
            summary += tr(" · clocked in")
        else:
            self.me_label.setText(tr("You are not clocked in. Clock in to take work from the queue."))
            summary += tr(" · not clocked in")
        if summary != self.summary:
            self.summary = summary
            self.summary_changed.emit(summary)

    def _show_people(self, current: Record) -> None:
        lines = []
        for shift in current.get("shifts") or []:
            on_duty = ", ".join(p["display_name"] for p in shift.get("on_duty") or []) or tr("nobody yet")
            on_ids = {p["id"] for p in shift.get("on_duty") or []}
            absent = ", ".join(p["display_name"] for p in shift.get("scheduled") or [] if p["id"] not in on_ids)
            lines.append(tr("<b>On duty:</b> {on_duty}").format(on_duty=html.escape(on_duty)))
            if absent:
                lines.append(tr("<b>Scheduled, not clocked in:</b> {absent}").format(absent=html.escape(absent)))
        self.people.setText("<br>".join(lines))

    def _handover_loaded(self, summary: Record) -> None:
        self.handover.setHtml(handover_html(summary))

    def _handover_failed(self, exc: Exception) -> None:
        self.handover.setHtml(tr("<p style='color:gray'>The handover summary could not be loaded.</p>"))
        messages.report(exc, tr("loading the handover summary"))


def shift_hours(shift: Record) -> str:
    """``06:00–14:00 JST``: in the shift's own time zone, as the rota is written."""
    zone_name = str((shift.get("shift") or {}).get("timezone") or "Asia/Tokyo")
    try:
        zone = ZoneInfo(zone_name)
        start, end = (datetime.fromisoformat(str(shift[key]).replace("Z", "+00:00")).astimezone(zone)
                      for key in ("start", "end"))
    except (KeyError, ValueError, ZoneInfoNotFoundError):
        return ""
    return f"{start:%H:%M}–{end:%H:%M} {start.tzname()}"


def handover_html(summary: Record) -> str:
    """The handover summary as simple HTML: previous shift, counts, notes, items."""
    def counts(values: dict[str, int]) -> str:
        return ", ".join(tr("{n} {kind}").format(n=n, kind=tr(KIND_NAMES[k]) if k in KIND_NAMES else k) for k, n in sorted(values.items())) or tr("none")

    parts = []
    previous = summary.get("previous_shift")
    if previous:
        parts.append(tr("<p><b>{escape} shift</b> {start} – {value}</p>").format(escape=html.escape(fmt.label(previous['name']).capitalize()), start=fmt.when(previous.get('start')), value=fmt.clock(previous.get('end'))))
    else:
        parts.append(tr("<p>No shift has ended yet.</p>"))
    parts.append(tr("<p>Open now: <b>{counts}</b><br>Past their SLA now: <b style='color:#d03a4f'>{counts2}</b><br>Breached during that shift: {counts3}</p>").format(counts=counts(summary.get('open') or {}), counts2=counts(summary.get('breached_now') or {}), counts3=counts(summary.get('breached_during_shift') or {})))
    notes = summary.get("notes") or []
    if notes:
        parts.append(tr("<p><b>Notes</b></p>"))
        for note in notes:
            parts.append(tr("<p>{escape} at {value}:<br>{replace}</p>").format(escape=html.escape(str(note.get('staff_name'))), value=fmt.clock(note.get('clock_out_at')), replace=html.escape(str(note.get('note'))).replace(chr(10), '<br>')))
    else:
        parts.append(tr("<p style='color:gray'>No handover notes.</p>"))
    items = summary.get("handed_over") or []
    if items:
        parts.append(tr("<p><b>Handed over ({items})</b></p><ul>").format(items=len(items)))
        for item in items[:30]:
            parts.append(f"<li>{html.escape(str(item.get('kind')))} — {html.escape(str(item.get('title')))}"
                         f"{tr(': <i>') + html.escape(str(item['handover_note'])) + '</i>' if item.get('handover_note') else ''}"
                         "</li>")
        parts.append("</ul>")
    return "".join(parts)
