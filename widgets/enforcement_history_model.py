"""A table of the enforcement history of a listing and its seller.

Fed with the service's ``GET /listings/{id}/enforcement`` answer (plain
dicts; the model knows nothing of HTTP): takedowns, flags and appeals of the
listing, then the seller's strikes, sanctions and takedowns of their other
listings, newest first. One row per event; the row's kind and id are
available for actions (reinstate a takedown, decide an appeal). The "By"
column names the staff member from the answer's ``<role>_name`` next to
each ``<role>_id``; the owner may say "you" instead (see ``who``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from console.i18n import QT_TR_NOOP, tr
from console.qt import QObject, Qt
from widgets import formatting as fmt
from widgets.static_table_model import StaticTableModel

Record = Mapping[str, Any]

COLUMNS = (QT_TR_NOOP("When"), QT_TR_NOOP("About"), QT_TR_NOOP("Event"), QT_TR_NOOP("Detail"), QT_TR_NOOP("By"), QT_TR_NOOP("State"))
#: The row's kind ("takedown", "flag", "appeal", "strike", "sanction").
KIND_ROLE = Qt.ItemDataRole.UserRole + 20


@dataclass(frozen=True, slots=True)
class StaffRef:
    """Who acted on an event. ``name`` is None only in an answer without names
    (an older service, or an idempotent replay of one)."""

    id: int
    name: str | None


def staff_of(record: Record, role: str) -> StaffRef | None:
    """The staff member in a record's ``<role>_id`` / ``<role>_name`` (None: nobody)."""
    staff_id = record.get(f"{role}_id")
    if staff_id is None:
        return None
    name = record.get(f"{role}_name")
    return StaffRef(int(staff_id), str(name) if name else None)


def staff_label(staff: StaffRef | None) -> str:
    """The staff member's name, or their id when the answer had no name."""
    if staff is None:
        return ""
    return staff.name or tr("staff #{id}").format(id=staff.id)


@dataclass(frozen=True, slots=True)
class Event:
    kind: str
    record_id: int
    at: str  # ISO time, for sorting
    about: str
    event: str
    detail: str
    actor: StaffRef | None
    state: str
    status: str  # a short machine word for colouring and tests
    record: Record

    def cells(self, who: Callable[[StaffRef | None], str]) -> tuple[str, ...]:
        return (fmt.when(self.at), self.about, self.event, self.detail, who(self.actor), self.state)


def takedown_state(takedown: Record) -> tuple[str, str]:
    """(words, status word) for a takedown."""
    if takedown.get("reversed_at"):
        reason = takedown.get("reversal_reason") or ""
        return tr("Reinstated {reversed_at}").format(reversed_at=fmt.when(takedown['reversed_at'])) + (f" — {reason}" if reason else ""), "reinstated"
    if takedown.get("expired"):
        return tr("Temporary, time is up — reinstatement pending"), "expired"
    if takedown.get("expires_at"):
        return tr("Temporary, until {expires_at}").format(expires_at=fmt.when(takedown['expires_at'])), "temporary"
    return tr("In force"), "in_force"


def _takedown(takedown: Record, about: str) -> Event:
    state, status = takedown_state(takedown)
    detail = str(takedown.get("reason_label") or fmt.label(takedown.get("reason_code")))
    if takedown.get("note"):
        detail += f": {takedown['note']}"
    if takedown.get("batch_id"):
        detail += tr(" (bulk)")
    return Event("takedown", int(takedown["id"]), str(takedown.get("created_at") or ""), about, tr("Taken down"),
                 detail, staff_of(takedown, "actor"), state, status, takedown)


def events_of(history: Record) -> list[Event]:
    """Every event in a listing's enforcement answer, newest first."""
    listing_id = history.get("listing_id")
    events: list[Event] = [_takedown(t, tr("This listing")) for t in history.get("takedowns") or []]
    for flag in history.get("flags") or []:
        detail = tr("{policy}, score {float:.2f}, {source}").format(policy=fmt.label(flag.get('policy')), float=float(flag.get('score') or 0), source=fmt.label(flag.get('source')))
        if flag.get("decision_reason"):
            detail += f" — {flag['decision_reason']}"
        events.append(Event("flag", int(flag["id"]), str(flag.get("created_at") or ""), tr("This listing"), tr("Flagged"),
                            detail, staff_of(flag, "decided_by"), fmt.label(flag.get("status")).capitalize(),
                            str(flag.get("status") or ""), flag))
    for appeal in history.get("appeals") or []:
        detail = str(appeal.get("statement") or "")
        if appeal.get("decision_reason"):
            detail += tr(" — decision: {decision_reason}").format(decision_reason=appeal['decision_reason'])
        events.append(Event("appeal", int(appeal["id"]), str(appeal.get("created_at") or ""), tr("This listing"),
                            tr("Appeal"), detail, staff_of(appeal, "decided_by") or staff_of(appeal, "filed_by"),
                            fmt.label(appeal.get("status")).capitalize(), str(appeal.get("status") or ""), appeal))
    seller = history.get("seller") or {}
    for takedown in seller.get("recent_takedowns") or []:
        if takedown.get("listing_id") != listing_id:
            events.append(_takedown(takedown, tr("Seller's listing {listing_id}").format(listing_id=takedown.get('listing_id'))))
    for strike in seller.get("strikes") or []:
        removed = strike.get("removed_at")
        state = tr("Removed — {value}").format(value=strike.get('removed_reason') or '').rstrip(" —") if removed else tr("Counts")
        events.append(Event("strike", int(strike["id"]), str(strike.get("created_at") or ""), tr("Seller"), tr("Strike"),
                            tr("{policy}, {weight} point(s)").format(policy=fmt.label(strike.get('policy')), weight=strike.get('weight', 0)), None, state,
                            "removed" if removed else "live", strike))
    for sanction in seller.get("sanctions") or []:
        lifted = sanction.get("lifted_at")
        state = tr("Lifted {lifted}").format(lifted=fmt.when(lifted)) if lifted else tr("In force")
        events.append(Event("sanction", int(sanction["id"]), str(sanction.get("created_at") or ""), tr("Seller"),
                            fmt.label(sanction.get("kind")).capitalize(), str(sanction.get("reason") or ""),
                            staff_of(sanction, "actor"), state, "lifted" if lifted else "in_force", sanction))
    events.sort(key=lambda e: e.at, reverse=True)
    return events


@dataclass(frozen=True, slots=True)
class _Row:
    """An event and its cells, worded once when the history arrives rather than at every paint."""

    event: Event
    cells: tuple[str, ...]


class EnforcementHistoryModel(StaticTableModel[_Row]):
    """Rows of :func:`events_of`; ``who(staff)`` fills the "By" column (default :func:`staff_label`)."""

    def __init__(self, parent: QObject | None = None, *,
                 who: Callable[[StaffRef | None], str] = staff_label) -> None:
        super().__init__(COLUMNS, parent=parent)
        self._who = who

    def set_history(self, history: Record | None) -> None:
        """Show the events of one enforcement answer (``None`` empties the table)."""
        self._set_rows(_Row(event, event.cells(self._who)) for event in (events_of(history) if history else []))

    def event_at(self, row: int) -> Event:
        return self._rows[row].event

    @property
    def events(self) -> list[Event]:
        return [row.event for row in self._rows]

    def _text(self, row: _Row, column: int) -> str:
        return row.cells[column]

    def _row_id(self, row: _Row) -> int:
        return row.event.record_id

    def _status(self, row: _Row, column: int) -> str:
        return row.event.status

    def _role_data(self, row: _Row, role: int) -> Any:
        return row.event.kind if role == KIND_ROLE else None
