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
KIND_NAMES = {"inquiry": "inquiries", "flag": "flags", "appeal": "appeals"}


class HandoverNoteDialog(QDialog):
    """Asks for the handover note at clock-out. Tests patch :meth:`ask`."""

    def __init__(self, parent: QWidget | None, held: int) -> None:
        super().__init__(parent)
        self.setObjectName("HandoverNoteDialog")
        self.setWindowTitle("Clock out — handover note")
        text = ("Leave a note for the next shift: what is half done, what to watch. "
                + (f"Your {held} claimed item(s) go back to the queue with this note."
                   if held else "You hold no items."))
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText("Handover note (optional)")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Clock out")
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
        self.summary = "Shift: loading…"

        self.heading = QLabel("Loading the shift…", self)
        self.heading.setObjectName("DetailHeading")
        self.heading.setWordWrap(True)
        self.me_label = QLabel(self)
        self.me_label.setWordWrap(True)
        self.clock_in_button = QPushButton("Clock in", self)
        self.clock_in_button.setToolTip("Clock in to the running shift (Ctrl+Shift+I)")
        self.clock_in_button.clicked.connect(self.clock_in)
        self.clock_out_button = QPushButton("Clock out…", self)
        self.clock_out_button.setToolTip("Clock out with a handover note (Ctrl+Shift+O)")
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
        handover_title = QLabel("Handover from the last shift", self)
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
        return sorted(people, key=lambda p: (p.get("clocked_in_at") is None, str(p.get("display_name"))))

    # -- clocking in and out ---------------------------------------------------------------

    def clock_in(self) -> None:
        if self.clocked_in:
            messages.info("You are already clocked in.")
            return
        client = self._context.client
        self.clock_in_button.setEnabled(False)
        self._context.runner.run(lambda: client.post("/attendance/clock-in"), self._clocked_in,
                                 on_error=self._clock_failed("clocking in"), owner=self)

    def clock_out(self, held: int = 0) -> None:
        if not self.clocked_in:
            messages.info("You are not clocked in.")
            return
        note = HandoverNoteDialog.ask(self.window(), held)
        if note is None:
            return
        client = self._context.client
        self.clock_out_button.setEnabled(False)
        self._context.runner.run(lambda: client.post("/attendance/clock-out", {"note": note or None}),
                                 self._clocked_out, on_error=self._clock_failed("clocking out"), owner=self)

    def _clocked_in(self, attendance: Record) -> None:
        left = attendance.get("seconds_left")
        messages.info("Clocked in." + (f" The shift ends in {duration(left)}." if left else ""))
        self.refresh()
        self.attendance_changed.emit(True)

    def _clocked_out(self, result: Record) -> None:
        released = result.get("released_item_ids") or []
        messages.info(f"Clocked out; {len(released)} item(s) went back to the queue with your note."
                      if released else "Clocked out.")
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
            messages.report(exc, "loading the shift")

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
            name = str(shift["shift"]["name"]).capitalize()
            left = max(0, self._left(shift.get("seconds_left")))
            hours = shift_hours(shift)
            self.heading.setText(f"{name} shift {hours} · {duration(left)} left")
            summary = f"{name} shift · {duration(left)} left"
        else:
            self.heading.setText("No shift is running now")
            summary = "No shift running"
        if me:
            mine_left = self._left(me.get("seconds_left")) if me.get("seconds_left") is not None else None
            self.me_label.setText(f"You clocked in at {fmt.when(me.get('clocked_in_at'))[-5:]}"
                                  + (f"; your shift ends in {duration(max(0, mine_left))}."
                                     if mine_left is not None else "."))
            summary += " · clocked in"
        else:
            self.me_label.setText("You are not clocked in. Clock in to take work from the queue.")
            summary += " · not clocked in"
        if summary != self.summary:
            self.summary = summary
            self.summary_changed.emit(summary)

    def _show_people(self, current: Record) -> None:
        lines = []
        for shift in current.get("shifts") or []:
            on_duty = ", ".join(p["display_name"] for p in shift.get("on_duty") or []) or "nobody yet"
            on_ids = {p["id"] for p in shift.get("on_duty") or []}
            absent = ", ".join(p["display_name"] for p in shift.get("scheduled") or [] if p["id"] not in on_ids)
            lines.append(f"<b>On duty:</b> {html.escape(on_duty)}")
            if absent:
                lines.append(f"<b>Scheduled, not clocked in:</b> {html.escape(absent)}")
        self.people.setText("<br>".join(lines))

    def _handover_loaded(self, summary: Record) -> None:
        self.handover.setHtml(handover_html(summary))

    def _handover_failed(self, exc: Exception) -> None:
        self.handover.setHtml("<p style='color:gray'>The handover summary could not be loaded.</p>")
        messages.report(exc, "loading the handover summary")


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
        return ", ".join(f"{n} {KIND_NAMES.get(k, k)}" for k, n in sorted(values.items())) or "none"

    parts = []
    previous = summary.get("previous_shift")
    if previous:
        parts.append(f"<p><b>{html.escape(str(previous['name']).capitalize())} shift</b> "
                     f"{fmt.when(previous.get('start'))} – {fmt.when(previous.get('end'))[-5:]}</p>")
    else:
        parts.append("<p>No shift has ended yet.</p>")
    parts.append(f"<p>Open now: <b>{counts(summary.get('open') or {})}</b><br>"
                 f"Past their SLA now: <b style='color:#d03a4f'>{counts(summary.get('breached_now') or {})}</b><br>"
                 f"Breached during that shift: {counts(summary.get('breached_during_shift') or {})}</p>")
    notes = summary.get("notes") or []
    if notes:
        parts.append("<p><b>Notes</b></p>")
        for note in notes:
            parts.append(f"<p>{html.escape(str(note.get('staff_name')))} at {fmt.when(note.get('clock_out_at'))[-5:]}:"
                         f"<br>{html.escape(str(note.get('note'))).replace(chr(10), '<br>')}</p>")
    else:
        parts.append("<p style='color:gray'>No handover notes.</p>")
    items = summary.get("handed_over") or []
    if items:
        parts.append(f"<p><b>Handed over ({len(items)})</b></p><ul>")
        for item in items[:30]:
            parts.append(f"<li>{html.escape(str(item.get('kind')))} — {html.escape(str(item.get('title')))}"
                         f"{': <i>' + html.escape(str(item['handover_note'])) + '</i>' if item.get('handover_note') else ''}"
                         "</li>")
        parts.append("</ul>")
    return "".join(parts)
