"""Knows whether the service is there, and keeps asking while it is not.

Polls ``/health`` through the task runner: slowly while online, every second
while offline, at once when any request reports the service unreachable. The
main window shows :attr:`ConnectionMonitor.state` in the status bar and, when
offline, a banner; the console goes on working and nothing typed is lost.
"""

from __future__ import annotations

import enum
import logging
from typing import Any

from console import messages
from console.client import ApiClient
from console.qt import QObject, QTimer, Signal
from console.tasks import TaskRunner

log = logging.getLogger("anzen.console.connection")

OFFLINE_INTERVAL_MS = 1000


class ConnectionState(enum.Enum):
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"


class ConnectionMonitor(QObject):
    state_changed = Signal(object)  # ConnectionState

    def __init__(self, client: ApiClient, runner: TaskRunner, *, interval_ms: int = 5000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self._interval_ms = interval_ms
        self._state = ConnectionState.CONNECTING
        self._in_flight = False
        self._health: dict[str, Any] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check_now)
        messages.bus.unreachable.connect(self.check_now)

    @property
    def state(self) -> ConnectionState:
        return self._state

    @property
    def health(self) -> dict[str, Any]:
        """The last ``/health`` answer (database kind, demo mode, version)."""
        return dict(self._health)

    def start(self) -> None:
        self.check_now()

    def stop(self) -> None:
        self._timer.stop()
        messages.bus.unreachable.disconnect(self.check_now)

    def mark_offline(self) -> None:
        """Someone else (the bundled-service supervisor) knows it is gone."""
        self._set_state(ConnectionState.OFFLINE)
        self._schedule()

    def check_now(self) -> None:
        if self._in_flight:
            return
        self._in_flight = True
        self._timer.stop()
        self._runner.run(self._client.health, self._on_health, on_error=self._on_failure, owner=self)

    def _on_health(self, health: dict[str, Any]) -> None:
        self._in_flight = False
        self._health = dict(health or {})
        self._set_state(ConnectionState.ONLINE)
        self._schedule()

    def _on_failure(self, exc: Exception) -> None:
        self._in_flight = False
        if self._state is not ConnectionState.OFFLINE:
            log.warning("service health check failed: %s", exc)
        self._set_state(ConnectionState.OFFLINE)
        self._schedule()

    def _schedule(self) -> None:
        online = self._state is ConnectionState.ONLINE
        self._timer.start(self._interval_ms if online else OFFLINE_INTERVAL_MS)

    def _set_state(self, state: ConnectionState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)
