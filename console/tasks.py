"""Run blocking work off the UI thread; get the outcome back by signal.

Modelled on Picard's ``util/thread.py`` ``run_task(func, next_func)``: the
worker function is plain Python that never touches a widget; its result or
exception is carried back to the UI thread by a queued signal, and the
callback runs there. If the callback's ``owner`` widget has been deleted in
the meantime, the outcome is dropped instead of crashing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from console import messages
from console.qt import QObject, QRunnable, QThreadPool, Qt, Signal, SignalInstance, is_alive

log = logging.getLogger("anzen.console.tasks")

SuccessCallback = Callable[[Any], None]
ErrorCallback = Callable[[Exception], None]


@dataclass
class _Outcome:
    on_success: SuccessCallback
    on_error: ErrorCallback
    owner: QObject | None
    result: Any = None
    error: Exception | None = None


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], outcome: _Outcome, done: SignalInstance) -> None:
        super().__init__()
        self._func = func
        self._outcome = outcome
        self._done = done

    def run(self) -> None:
        try:
            self._outcome.result = self._func()
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the caller
            self._outcome.error = exc
        self._done.emit(self._outcome)


class TaskRunner(QObject):
    """A small thread pool whose outcomes arrive on the thread that owns it."""

    _done = Signal(object)

    def __init__(self, max_threads: int = 4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._pending = 0
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """Tasks started whose callbacks have not run yet."""
        return self._pending

    def run(self, func: Callable[[], Any], on_success: SuccessCallback, *,
            on_error: ErrorCallback | None = None, doing: str = "working",
            owner: QObject | None = None) -> None:
        """Run ``func()`` in the pool, then ``on_success(result)`` or
        ``on_error(exc)`` on this thread. Without ``on_error`` a failure goes
        to the message bus as "… while ``doing``"."""
        handle_error = on_error or (lambda exc: messages.report(exc, doing))
        self._pending += 1
        self._pool.start(_Task(func, _Outcome(on_success, handle_error, owner), self._done))

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Block until running tasks end (shutdown and tests only)."""
        return self._pool.waitForDone(timeout_ms)

    def _deliver(self, outcome: _Outcome) -> None:
        self._pending -= 1
        if outcome.owner is not None and not is_alive(outcome.owner):
            log.debug("dropping a result for a deleted %r", outcome.owner)
            return
        if outcome.error is not None:
            outcome.on_error(outcome.error)
        else:
            outcome.on_success(outcome.result)
