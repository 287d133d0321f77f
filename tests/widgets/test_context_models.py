"""The context-pane and recall models with plain-Python fetchers (no service)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from widgets.escrow_timeline import EscrowTimeline, EscrowTimelineModel, running_held
from widgets.paged_model import Page
from widgets.ratings_model import RatingsModel, RatingTrend
from widgets.recall_models import MatchesModel, RecordTableModel, countdown, highlight_html, RECALL_COLUMNS
from widgets.roles import ROW_ID_ROLE, STATUS_ROLE
from widgets.transactions_model import TransactionsModel

TX = [{"id": i, "listing_title": f"Item {i}", "buyer_id": 2 if i % 2 else 1, "buyer_name": "Bea",
       "seller_id": 1 if i % 2 else 3, "seller_name": "Sam" if i % 2 == 0 else "Me", "amount": 1000 * i,
       "status": "paid", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-02T00:00:00Z"}
      for i in range(1, 8)]


def pages(items: list[dict[str, Any]], size: int = 3) -> Any:
    def fetch(cursor: str | None, on_page: Any, _on_error: Any) -> None:
        start = int(cursor or 0)
        end = start + size
        on_page(Page(items[start:end], str(end) if end < len(items) else None))
    return fetch


def test_transactions_model_reads_rows_from_the_members_side(qtmodeltester: Any) -> None:
    model = TransactionsModel()
    model.show_member(1, pages(TX))
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == len(TX)
    qtmodeltester.check(model)
    sides = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert sides == {"buyer", "seller"}
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ROW_ID_ROLE) == 1)
    assert model.index(row, 1).data() == "seller" and model.index(row, 4).data() == "Bea"
    model.clear()
    assert model.rowCount() == 0 and not model.canFetchMore()


def test_ratings_model_and_trend(qtmodeltester: Any, qtbot: Any) -> None:
    model = RatingsModel()
    items = [{"id": 1, "score": "bad", "rater_name": "Ann", "ratee_name": "Me", "direction": "buyer_to_seller",
              "comment": "never arrived", "created_at": "2026-01-01T00:00:00Z"}]
    model.show("received", pages(items))
    qtmodeltester.check(model)
    assert model.index(0, 1).data(STATUS_ROLE) == "bad" and model.index(0, 2).data() == "Ann"
    assert model.index(0, 3).data() == "seller"
    trend = RatingTrend()
    qtbot.addWidget(trend)
    trend.set_points([{"good": 3, "normal": 1, "bad": 2}, {"good": 0, "normal": 0, "bad": 0}])
    assert trend.points == [(3, 1, 2), (0, 0, 0)]
    trend.resize(160, 48)
    assert not trend.grab().isNull()


LEDGER = [{"seq": 1, "kind": "payment", "amount": 5000, "actor_label": "buyer", "created_at": "2026-01-01T00:00:00Z"},
          {"seq": 2, "kind": "dispute", "amount": 0, "actor_label": "agent", "created_at": "2026-01-02T00:00:00Z"},
          {"seq": 3, "kind": "refund", "amount": 1200, "actor_label": "agent", "created_at": "2026-01-03T00:00:00Z"}]


def test_escrow_timeline_runs_the_balance(qtmodeltester: Any, qtbot: Any) -> None:
    assert running_held(LEDGER) == [5000, 5000, 3800]
    model = EscrowTimelineModel()
    model.set_entries(LEDGER)
    qtmodeltester.check(model)
    assert model.index(2, 1).data() == "Refunded to buyer" and model.index(2, 3).data() == "¥3,800"
    timeline = EscrowTimeline()
    qtbot.addWidget(timeline)
    timeline.set_detail({"paid": 5000, "held": 3800, "released": 0, "refunded": 1200, "ledger": LEDGER})
    assert timeline.figure("held") == "¥3,800" and timeline.model.rowCount() == 3
    timeline.clear()
    assert timeline.figure("held") == "—"


def test_matches_model_pages_updates_rows_and_counts_down(qtmodeltester: Any, qtbot: Any) -> None:
    now = datetime(2026, 3, 2, tzinfo=timezone.utc)
    due = (now + timedelta(days=1, hours=4)).isoformat()
    matches = [{"id": i, "score": 0.9 - i / 10, "confidence": "high", "status": "candidate",
                "listing_status": "suspended", "listing_title": "Heater JCH-12TD4", "listing_id": 10 + i,
                "listing_external_id": f"l{i}", "removal_due_at": due, "removal_seconds_left": 100,
                "removal_state": "pending", "version": 1,
                "evidence": [{"kind": "model", "text": "model JCH-12TD4", "field": "title", "spans": [[7, 16]]}]}
               for i in range(5)]
    model = MatchesModel(clock=lambda: now)
    model.reset(pages(matches, 2))
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 5
    qtmodeltester.check(model)
    assert model.index(0, 4).data() == "1d 4h left"
    with qtbot.waitSignal(model.dataChanged) as changed:
        assert model.update_records([dict(matches[3], status="confirmed")]) == [3]
    assert changed.args[0].row() == 3 and model.index(3, 2).data() == "confirmed"
    with qtbot.waitSignal(model.dataChanged):
        model.tick()
    records = RecordTableModel(RECALL_COLUMNS)
    records.set_records([{"id": 1, "number": "X", "title": "t", "status": "open", "candidates": 2, "confirmed": 0}])
    qtmodeltester.check(records)


def test_highlight_and_countdown_words() -> None:
    assert highlight_html("a <b> JCH", [[4, 7], [0, 1], [5, 6]]).count("<span") == 2
    assert "&lt;b&gt;" in highlight_html("a <b> JCH", [[0, 1]])
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    assert countdown((now - timedelta(hours=3)).isoformat(), now) == "overdue by 3h 00m"
    assert countdown(None) == ""
