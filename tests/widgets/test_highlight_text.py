"""The span-highlighting text view and the enforcement history model (no service)."""

from __future__ import annotations

from typing import Any

from widgets.enforcement_history_model import KIND_ROLE, EnforcementHistoryModel, events_of
from widgets.highlight_text import HighlightText, clean_spans, utf16_offsets

TEXT = "処方薬 デパス 余ったので譲ります\n病院で処方された薬が余ったので出品します。"


def test_spans_highlight_the_matched_words(qtbot: Any) -> None:
    view = HighlightText()
    qtbot.addWidget(view)
    view.set_text(TEXT, [[4, 7], [0, 3], [21, 27]])
    assert view.highlighted_fragments() == ["処方薬", "デパス", "処方された薬"]
    selections = view.extraSelections()
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections] == [(0, 3), (4, 7), (21, 27)]


def test_bad_spans_are_clipped_or_dropped(qtbot: Any) -> None:
    assert clean_spans([[5, 2], [-3, 2], [8, 999], ["x", 1], [1], [3, 3]], 10) == [(0, 2), (8, 10)]
    view = HighlightText()
    qtbot.addWidget(view)
    view.set_text("short", [[3, 50], [9, 12]])
    assert view.highlighted_fragments() == ["rt"]


def test_spans_after_an_emoji_land_on_the_right_characters(qtbot: Any) -> None:
    text = "🎮 原神 アカウント販売"
    assert utf16_offsets(text)[:3] == [0, 2, 3]
    view = HighlightText()
    qtbot.addWidget(view)
    start = text.index("アカウント販売")
    view.set_text(text, [[start, start + 7]])
    selection = view.extraSelections()[0]
    assert selection.cursor.selectedText() == "アカウント販売"


def test_emphasize_picks_out_one_reason(qtbot: Any) -> None:
    view = HighlightText()
    qtbot.addWidget(view)
    view.set_text(TEXT, [[0, 3], [4, 7]])
    view.emphasize([[4, 7]])
    assert view.emphasized == [(4, 7)]
    strong = [s for s in view.extraSelections() if s.format.fontWeight() > 500]
    assert [s.cursor.selectedText() for s in strong] == ["デパス"]
    view.emphasize([])
    assert view.emphasized == [] and len(view.extraSelections()) == 2


HISTORY = {
    "listing_id": 7, "status": "removed", "version": 2,
    "takedowns": [{"id": 3, "listing_id": 7, "reason_code": "weapon", "reason_label": "Weapon", "note": "knife",
                   "actor_id": 3, "created_at": "2026-11-20T10:00:00Z", "expires_at": "2026-11-23T10:00:00Z",
                   "expired": False, "reversed_at": None, "reversal_reason": None, "batch_id": None}],
    "flags": [{"id": 9, "policy": "weapon", "score": 0.91, "source": "detector", "status": "actioned",
               "created_at": "2026-11-20T09:00:00Z", "decided_by_id": 3, "decision_reason": None}],
    "appeals": [{"id": 2, "statement": "It is a kitchen knife", "status": "open", "filed_by_id": 2,
                 "decided_by_id": None, "created_at": "2026-11-21T09:00:00Z"}],
    "seller": {"member_id": 5, "status": "active", "standing": {"points": 3, "window_days": 90, "suggestion": None},
               "strikes": [{"id": 1, "policy": "weapon", "weight": 3, "created_at": "2026-11-20T10:00:00Z",
                            "removed_at": None}],
               "sanctions": [{"id": 4, "kind": "restrict", "reason": "old", "actor_id": 6,
                              "created_at": "2026-01-01T00:00:00Z", "lifted_at": "2026-02-01T00:00:00Z"}],
               "recent_takedowns": [
                   {"id": 3, "listing_id": 7, "reason_code": "weapon", "created_at": "2026-11-20T10:00:00Z"},
                   {"id": 1, "listing_id": 8, "reason_code": "counterfeit", "reason_label": "Counterfeit goods",
                    "actor_id": 6, "created_at": "2026-10-01T00:00:00Z", "reversed_at": "2026-10-02T00:00:00Z",
                    "reversal_reason": "genuine"}]},
}


def test_history_model_lists_listing_and_seller_events(qtmodeltester: Any) -> None:
    model = EnforcementHistoryModel(who=lambda staff: "" if staff is None else f"#{staff.id}")
    model.set_history(HISTORY)
    qtmodeltester.check(model)
    kinds = [model.index(row, 0).data(KIND_ROLE) for row in range(model.rowCount())]
    assert kinds == ["appeal", "takedown", "strike", "flag", "takedown", "sanction"]
    takedown = model.event_at(1)
    assert takedown.status == "temporary" and "Weapon: knife" in takedown.detail
    assert model.index(4, 1).data() == "Seller's listing 8" and model.event_at(4).status == "reinstated"
    assert model.index(5, 5).data().startswith("Lifted")
    assert len(events_of(HISTORY)) == 6  # the seller's copy of this listing's takedown is not repeated
    model.set_history(None)
    assert model.rowCount() == 0
