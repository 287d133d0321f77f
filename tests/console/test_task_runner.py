"""Work runs off the UI thread: results and errors come back by signal, and a
slow service never freezes the event loop."""

from __future__ import annotations

import threading
import time
from typing import Any

from http_stub import Answer, stub_server

from console import messages
from console.client import ApiClient
from console.qt import QElapsedTimer, QObject, QTimer
from console.tasks import TaskRunner


def test_result_arrives_on_the_ui_thread(qtbot: Any, runner: TaskRunner) -> None:
    worker_threads: list[threading.Thread] = []
    results: list[tuple[Any, threading.Thread]] = []

    def work() -> int:
        worker_threads.append(threading.current_thread())
        return 42

    runner.run(work, lambda value: results.append((value, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(results))
    assert results[0] == (42, threading.main_thread())
    assert worker_threads[0] is not threading.main_thread()
    assert runner.pending == 0


def test_errors_go_to_the_message_bus_by_default(qtbot: Any, runner: TaskRunner) -> None:
    def fail() -> None:
        raise RuntimeError("disk on fire")

    with qtbot.waitSignal(messages.bus.posted) as posted:
        runner.run(fail, lambda _r: None, doing="saving a note")
    message = posted.args[0]
    assert message.level is messages.Level.ERROR
    assert "saving a note" in message.text and "disk on fire" in message.text and message.hint


def test_results_for_deleted_owners_are_dropped(qtbot: Any, runner: TaskRunner) -> None:
    owner = QObject()
    release = threading.Event()
    called: list[Any] = []
    runner.run(lambda: release.wait(5), called.append, owner=owner)
    owner.deleteLater()
    qtbot.wait(20)
    release.set()
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert called == []


def test_a_slow_service_does_not_freeze_the_event_loop(qtbot: Any, runner: TaskRunner) -> None:
    """The request takes 1.5 s; a 10 ms timer must keep ticking meanwhile."""
    script = {"GET /api/v1/listings": [Answer(200, {"items": [], "next_cursor": None}, delay_s=1.5)]}
    with stub_server(script) as (url, _state):
        client = ApiClient(url)
        gaps: list[int] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        timer.start()
        done: list[Any] = []
        started = time.monotonic()
        runner.run(lambda: client.page("/listings"), done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=5000)
        timer.stop()
    assert time.monotonic() - started >= 1.4, "the request really was slow"
    assert len(gaps) > 50, "the timer kept firing while the request was pending"
    assert max(gaps) < 150, f"the event loop stalled for {max(gaps)} ms"
