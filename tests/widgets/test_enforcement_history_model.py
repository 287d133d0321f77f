"""The "By" column of the enforcement history: staff names from the answer, "you"
when the owner says so, and the id only when an answer carries no name."""

from __future__ import annotations

from typing import Any

from widgets.enforcement_history_model import COLUMNS, EnforcementHistoryModel, StaffRef, staff_label, staff_of

BY = COLUMNS.index("By")

HISTORY = {
    "listing_id": 7,
    "takedowns": [{"id": 3, "listing_id": 7, "reason_code": "weapon", "reason_label": "Weapon",
                   "actor_id": 3, "actor_name": "Aoi Tanaka", "created_at": "2026-11-20T10:00:00Z",
                   "reversed_by_id": None, "reversed_by_name": None}],
    "flags": [{"id": 9, "policy": "weapon", "score": 0.91, "source": "detector", "status": "actioned",
               "created_at": "2026-11-20T09:00:00Z", "decided_by_id": 3, "decided_by_name": "Aoi Tanaka"},
              {"id": 8, "policy": "weapon", "score": 0.5, "source": "member_report", "status": "open",
               "created_at": "2026-11-19T09:00:00Z", "decided_by_id": None, "decided_by_name": None}],
    "appeals": [{"id": 2, "statement": "A kitchen knife", "status": "upheld", "created_at": "2026-11-21T09:00:00Z",
                 "filed_by_id": 2, "filed_by_name": "Kenji Sato", "decided_by_id": 6, "decided_by_name": "Ren Ito"}],
    "seller": {"sanctions": [{"id": 4, "kind": "restrict", "reason": "old", "actor_id": 6,  # an answer without names
                              "created_at": "2026-01-01T00:00:00Z", "lifted_at": None}]},
}


def _by(model: EnforcementHistoryModel) -> dict[tuple[str, int], str]:
    return {(event.kind, event.record_id): model.index(row, BY).data() for row, event in enumerate(model.events)}


def test_history_names_the_staff_who_acted(qtmodeltester: Any) -> None:
    model = EnforcementHistoryModel()
    model.set_history(HISTORY)
    qtmodeltester.check(model)
    assert _by(model) == {("appeal", 2): "Ren Ito", ("takedown", 3): "Aoi Tanaka", ("flag", 9): "Aoi Tanaka",
                          ("flag", 8): "", ("sanction", 4): "staff #6"}


def test_the_owner_can_say_you_for_oneself() -> None:
    me = 3
    model = EnforcementHistoryModel(who=lambda staff: "you" if staff and staff.id == me else staff_label(staff))
    model.set_history(HISTORY)
    assert _by(model)[("takedown", 3)] == "you" and _by(model)[("appeal", 2)] == "Ren Ito"


def test_an_undecided_appeal_names_who_filed_it() -> None:
    appeal = {"filed_by_id": 2, "filed_by_name": "Kenji Sato", "decided_by_id": None, "decided_by_name": None}
    assert (staff_of(appeal, "decided_by"), staff_of(appeal, "filed_by")) == (None, StaffRef(2, "Kenji Sato"))
    model = EnforcementHistoryModel()
    model.set_history({"appeals": [appeal | {"id": 1, "status": "open", "created_at": "2026-11-21T09:00:00Z"}]})
    assert model.index(0, BY).data() == "Kenji Sato"
