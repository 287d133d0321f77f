"""QueueModel with plain-Python fetchers and a fake clock: paging, in-place
updates from the change poll (no resets), countdowns, and the model tester."""

from __future__ import annotations

from typing import Any

from console.qt import QItemSelectionModel, QTableView
from widgets.queue_model import Columns, QueueModel, duration, lease
from widgets.paged_model import Page
from widgets.roles import COUNTDOWN_ROLE, ROW_ID_ROLE, URGENCY_ROLE


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def item(item_id: int, rank: int, **extra: Any) -> dict[str, Any]:
    base = {"id": item_id, "kind": "inquiry", "ref_id": item_id * 10, "title": f"item {item_id}",
            "member_id": 7, "listing_id": None, "category": "payment", "status": "new", "open": True,
            "severity": 2, "score": 1.0, "sla_kind": "first_response", "seconds_to_due": 7200,
            "age_seconds": 60, "claimed_by_id": None, "claimed_by_name": None, "claim_seconds_left": None,
            "mine": False, "rank": rank}
    base.update(extra)
    return base


def pages(*batches: list[dict[str, Any]]) -> Any:
    """A synchronous fetcher serving ``batches`` in order."""

    def fetch(cursor: str | None, on_page: Any, _on_error: Any) -> None:
        number = int(cursor or 0)
        more = str(number + 1) if number + 1 < len(batches) else None
        on_page(Page(batches[number], more))

    return fetch


def by_rank(entry: Any) -> Any:
    return (entry["rank"], entry["id"])


def make(qtmodeltester: Any, *batches: list[dict[str, Any]], clock: Clock | None = None,
         matches: Any = None) -> QueueModel:
    model = QueueModel(pages(*batches), sort_key=by_rank, matches=matches, clock=clock or Clock())
    model.fetchMore()
    return model


def ids(model: QueueModel) -> list[int]:
    return [model.row_id(row) for row in range(model.rowCount())]


def test_pages_in_and_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = make(qtmodeltester, [item(1, 10), item(2, 20)], [item(3, 30)])
    assert ids(model) == [1, 2]
    assert model.canFetchMore()
    model.fetchMore()
    assert ids(model) == [1, 2, 3] and not model.canFetchMore()
    assert model.index(0, Columns.TITLE).data() == "item 1"
    assert model.index(0, Columns.WHO).data() == "member 7"  # the answer had no names: ids stand in
    model.apply_item({**model.item(0), "member_name": "Aiko Sato", "listing_id": 3, "listing_title": "Switch"})
    assert model.index(0, Columns.WHO).data() == "Aiko Sato · Switch"
    qtmodeltester.check(model)  # (the tester fetches more itself, so it runs last)


def test_changes_update_move_insert_and_remove_without_a_reset(qtbot: Any, qtmodeltester: Any) -> None:
    model = make(qtmodeltester, [item(1, 10), item(2, 20), item(3, 30)])
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectionModel().setCurrentIndex(model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    with qtbot.waitSignal(model.dataChanged):
        model.apply_item(item(2, 20, title="renamed"))
    assert model.index(1, Columns.TITLE).data() == "renamed"

    model.apply_item(item(2, 5))  # sorts first now: moved, selection follows
    assert ids(model) == [2, 1, 3]
    assert view.currentIndex().data(ROW_ID_ROLE) == 20  # the record's id

    model.apply_item(item(4, 15))
    assert ids(model) == [2, 1, 4, 3]
    model.apply_item(item(1, 10, open=False))
    assert ids(model) == [2, 4, 3]
    model.apply_item(item(3, 40))  # moves to the end
    assert ids(model) == [2, 4, 3]
    assert view.currentIndex().data(ROW_ID_ROLE) == 20  # the record's id
    assert not resets
    qtmodeltester.check(model)


def test_a_change_that_sorts_past_the_loaded_pages_waits_for_its_page(qtmodeltester: Any) -> None:
    model = make(qtmodeltester, [item(1, 10), item(2, 20)], [item(3, 30)])
    model.apply_item(item(9, 99))
    assert ids(model) == [1, 2]
    model.fetchMore()
    model.apply_item(item(9, 99))
    assert ids(model) == [1, 2, 3, 9]
    qtmodeltester.check(model)


def test_items_that_stop_matching_the_filters_leave(qtmodeltester: Any) -> None:
    unclaimed_only = lambda entry: entry.get("claimed_by_id") is None  # noqa: E731
    model = make(qtmodeltester, [item(1, 10), item(2, 20)], matches=unclaimed_only)
    model.apply_item(item(1, 10, claimed_by_id=5, claimed_by_name="Ren", claim_seconds_left=600))
    assert ids(model) == [2]
    model.apply_item(item(1, 10))
    assert ids(model) == [1, 2]
    qtmodeltester.check(model)


def test_countdowns_follow_the_local_clock(qtbot: Any, qtmodeltester: Any) -> None:
    clock = Clock()
    mine = item(1, 10, claimed_by_id=5, claimed_by_name="Me", claim_seconds_left=90, mine=True,
                seconds_to_due=3630)
    model = make(qtmodeltester, [mine, item(2, 20, seconds_to_due=-30)], clock=clock)
    claim = model.index(0, Columns.CLAIM)
    due = model.index(0, Columns.DUE)
    assert claim.data() == "You · 1:30" and claim.data(URGENCY_ROLE) == "mine"
    assert due.data(URGENCY_ROLE) == "ok" and due.data().startswith("in 1h")
    assert model.index(1, Columns.DUE).data(URGENCY_ROLE) == "breached"
    assert model.index(1, Columns.DUE).data() == "30s over"

    clock.now += 60
    with qtbot.waitSignal(model.dataChanged):
        model.tick()
    assert claim.data() == "You · 0:30" and claim.data(COUNTDOWN_ROLE) == 30
    assert due.data(URGENCY_ROLE) == "at_risk"
    assert model.index(0, Columns.AGE).data() == "2m 00s"

    clock.now += 31
    with qtbot.waitSignal(model.lease_lapsed) as lapsed:
        model.tick()
    assert lapsed.args == [1]
    assert claim.data() == "" and claim.data(COUNTDOWN_ROLE) is None
    qtmodeltester.check(model)


def test_a_reset_ignores_answers_to_earlier_requests(qtmodeltester: Any) -> None:
    pending: list[Any] = []
    model = QueueModel(lambda cursor, ok, err: pending.append(ok), sort_key=by_rank, clock=Clock())
    model.fetchMore()
    model.reset()
    pending[0](Page([item(1, 10)], None))  # the stale answer
    assert model.rowCount() == 0 and model.is_loading
    pending[1](Page([item(2, 20)], None))
    assert ids(model) == [2]
    qtmodeltester.check(model)


def test_duration_and_lease_texts() -> None:
    assert duration(45) == "45s"
    assert duration(5400) == "1h 30m"
    assert duration(200000) == "2d 7h"
    assert lease(75) == "1:15" and lease(-3) == "0:00"
