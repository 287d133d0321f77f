"""The console's live-update stream: "Live" while the service pushes, a queue
change polls the queue at once, "Polling" when the service offers no stream."""

from __future__ import annotations

from typing import Any

from console.live_updates import LiveUpdates


class _Response:
    def __init__(self, status: int, lines: list[str]) -> None:
        self.status_code = status
        self._lines = lines

    def __enter__(self) -> _Response:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def iter_lines(self, decode_unicode: bool = True) -> Any:
        return iter(self._lines)


class _Client:
    def __init__(self, response: _Response) -> None:
        self.response = response

    def open_stream(self, path: str) -> _Response:
        assert path == "/events"
        return self.response


def test_pushed_changes_and_states(qtbot) -> None:  # type: ignore[no-untyped-def]
    response = _Response(200, ["event: hello", 'data: {"staff_id":1}', "", "event: queue",
                               'data: {"id":7,"claimed_by_id":2}', "", "event: unavailable", 'data: {"mode":"poll"}'])
    updates = LiveUpdates(_Client(response))
    states: list[str] = []
    changes: list[dict] = []
    updates.state_changed.connect(states.append)
    updates.changed.connect(changes.append)
    with qtbot.waitSignal(updates.state_changed, check_params_cb=lambda s: s == "polling", timeout=5000):
        updates.start()
    assert states == ["live", "polling"]
    assert changes == [{"id": 7, "claimed_by_id": 2, "t": "queue"}]


def test_sqlite_service_means_polling_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    updates = LiveUpdates(_Client(_Response(200, ["event: unavailable", 'data: {"mode":"poll"}'])))
    with qtbot.waitSignal(updates.state_changed, timeout=5000) as blocker:
        updates.start()
    assert blocker.args == ["polling"]
    updates._thread.join(5)
    assert not updates._thread.is_alive()
