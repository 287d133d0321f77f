"""Live updates from the service (``GET /api/v1/events``, server-sent events).

A daemon thread (no Qt in it but the signal it emits) keeps one stream open
to the service. A queue change makes the queue screen poll ``/queue/changes``
at once rather than at its next tick, so work claimed or closed through any
service replica shows within a second; the poll remains the fallback and the
one source of row data. The status bar says which it is: "Live" while the
stream is open, "Polling" when the service offers no stream (SQLite) or it
dropped (it is reopened after a pause).
"""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING, Any

from console.i18n import tr
from console.qt import QLabel, QObject, Signal

if TYPE_CHECKING:
    from console.client import ApiClient
    from console.main_window import MainWindow

RETRY_S = 10.0


class LiveUpdates(QObject):
    """Emits ``changed`` for each pushed change and ``state_changed`` ("live", "polling")."""

    changed = Signal(dict)
    state_changed = Signal(str)

    def __init__(self, client: ApiClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="live-updates", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                offered = self._follow()
                self.state_changed.emit("polling")
                if not offered:
                    return  # this service polls only (SQLite)
                self._stop.wait(RETRY_S)
        except RuntimeError:  # the window (and this object) went away meanwhile
            self._stop.set()

    def _follow(self) -> bool:
        """Read the stream until it ends; False if the service offers none."""
        try:
            with self._client.open_stream("/events") as response:
                if response.status_code != 200:
                    return response.status_code != 404
                event = None
                for line in response.iter_lines(decode_unicode=True):
                    if self._stop.is_set():
                        return True
                    if line.startswith("event: "):
                        event = line[7:]
                    elif line.startswith("data: ") and event:
                        if event == "unavailable":
                            return False
                        if event == "hello":
                            self.state_changed.emit("live")
                        else:
                            self.changed.emit(_data(event, line[6:]))
        except RuntimeError:
            raise
        except Exception:  # noqa: BLE001 - any failure means: poll, and try again later
            return True
        return True


def _data(event: str, text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError:
        data = {}
    return {**data, "t": event} if isinstance(data, dict) else {"t": "resync"}


def install(window: MainWindow) -> LiveUpdates:
    """A status-bar label for the connection mode, and the queue screen polled on every queue change."""
    label = QLabel(tr("Polling"), window)
    label.setToolTip(tr("How this console hears of changes: Live (pushed by the service) or Polling"))
    window.statusBar().addPermanentWidget(label)
    updates = LiveUpdates(window.context.client, window)

    def state(mode: str) -> None:
        label.setText(tr("Live") if mode == "live" else tr("Polling"))

    def changed(change: dict[str, Any]) -> None:
        screen = window.screens.get("queue")
        if change.get("t") in ("queue", "resync") and screen is not None and hasattr(screen, "poll"):
            screen.poll()

    updates.state_changed.connect(state)
    updates.changed.connect(changed)
    window.destroyed.connect(updates.stop)
    updates.start()
    return updates
