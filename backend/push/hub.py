"""One LISTEN connection per service process, fanned out to its SSE subscribers."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import make_url

log = logging.getLogger("anzen.push")

CHANNEL = "anzen_changes"
#: Events a slow console may fall behind by before it is told to re-read instead.
QUEUE_LIMIT = 1000
RECONNECT_S = (0.5, 1, 2, 5, 10)


@dataclass(eq=False)
class Subscriber:
    loop: asyncio.AbstractEventLoop
    queue: asyncio.Queue[dict[str, Any]] = field(default_factory=lambda: asyncio.Queue(QUEUE_LIMIT))

    def offer(self, event: dict[str, Any]) -> None:
        """On the subscriber's loop: queue it, or, when full, ask the console to re-read everything."""
        try:
            self.queue.put_nowait(event)
        except asyncio.QueueFull:
            while not self.queue.empty():
                self.queue.get_nowait()
            self.queue.put_nowait({"t": "resync", "why": "fell behind"})


class Hub:
    """Listens on PostgreSQL and hands each change to every subscriber."""

    def __init__(self, database_url: str) -> None:
        url = make_url(database_url).set(drivername="postgresql")
        self._conninfo = url.render_as_string(hide_password=False)
        self._subscribers: set[Subscriber] = set()
        self._lock = threading.Lock()
        self._started = False
        self.connected = threading.Event()
        self._stop = threading.Event()

    def subscribe(self, loop: asyncio.AbstractEventLoop) -> Subscriber:
        subscriber = Subscriber(loop)
        with self._lock:
            self._subscribers.add(subscriber)
            if not self._started:
                self._started = True
                threading.Thread(target=self._listen, name="push-listen", daemon=True).start()
        return subscriber

    def unsubscribe(self, subscriber: Subscriber) -> None:
        with self._lock:
            self._subscribers.discard(subscriber)

    def publish(self, event: dict[str, Any]) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            try:
                subscriber.loop.call_soon_threadsafe(subscriber.offer, event)
            except RuntimeError:  # its loop has closed
                self.unsubscribe(subscriber)

    def stop(self) -> None:
        self._stop.set()

    def _listen(self) -> None:
        import psycopg

        failures = 0
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    if failures:  # changes may have been missed while the connection was down
                        self.publish({"t": "resync", "why": "reconnected"})
                    failures = 0
                    self.connected.set()
                    while not self._stop.is_set():
                        for notify in connection.notifies(timeout=5.0):
                            self.publish(_decode(notify.payload))
                        connection.execute("SELECT 1")  # a dead connection shows here, not never
            except Exception:  # noqa: BLE001 - the database restarted or the network dropped: reconnect
                self.connected.clear()
                delay = RECONNECT_S[min(failures, len(RECONNECT_S) - 1)]
                failures += 1
                log.warning("push: lost the LISTEN connection; reconnecting in %.1f s", delay, exc_info=True)
                self._stop.wait(delay)
        self.connected.clear()


def _decode(payload: str) -> dict[str, Any]:
    try:
        event = json.loads(payload)
    except ValueError:
        return {"t": "resync", "why": "unreadable change"}
    return event if isinstance(event, dict) else {"t": "resync", "why": "unreadable change"}


_hubs: dict[str, Hub] = {}
_hubs_lock = threading.Lock()


def hub_for(database_url: str) -> Hub:
    """The process's one hub for this database (the staged server builds the app twice)."""
    with _hubs_lock:
        hub = _hubs.get(database_url)
        if hub is None:
            hub = _hubs[database_url] = Hub(database_url)
        return hub
