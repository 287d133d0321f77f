"""The work queue as a table model: inquiries and flags in one list.

Rows arrive two ways: pages (``canFetchMore``/``fetchMore`` through an
injected :data:`~widgets.paged_model.Fetcher`, as every
:class:`~widgets.paged_model.PagedRowsModel` does) and change batches from
the service's cheap poll (:meth:`apply_changes`).
A change updates its row in place (``dataChanged``), moves it when its sort
key changed (``beginMoveRows``, so selection and scroll position survive),
inserts it where it sorts, or removes it when it left the queue or no longer
matches the filters. Nothing here resets the model except :meth:`reset`.

Countdowns (SLA due, age, the claim's lease) are kept as deadlines on a
monotonic clock, computed from the ``*_seconds`` fields the service sends
relative to its own time, so a desk whose clock is wrong still counts right.
:meth:`tick` repaints just those columns once a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from console.i18n import QT_TR_NOOP, tr
from console.qt import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from widgets.paged_model import Fetcher, Page, PagedRowsModel
from widgets.roles import COUNTDOWN_ROLE, ITEM_ROLE, URGENCY_ROLE

ModelIndex = QModelIndex | QPersistentModelIndex
Item = Mapping[str, Any]
#: Which loaded and polled items belong in the current view (the filters, client side).
Matcher = Callable[[Item], bool]
SortKey = Callable[[Item], Any]

AT_RISK_SECONDS = 3600
KIND_TITLES = {"inquiry": QT_TR_NOOP("Inquiry"), "flag": QT_TR_NOOP("Flag"), "appeal": QT_TR_NOOP("Appeal"),
               "rights_report": QT_TR_NOOP("Rights report")}


def duration(seconds: float) -> str:
    """``5400`` -> ``1h 30m``; ``200000`` -> ``2d 7h``; under a minute ``45s``."""
    seconds = int(abs(seconds))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return tr("{days}d {hours}h").format(days=days, hours=hours)
    if hours:
        return tr("{hours}h {minutes:02d}m").format(hours=hours, minutes=minutes)
    if minutes:
        return tr("{minutes}m {secs:02d}s").format(minutes=minutes, secs=secs)
    return f"{secs}s"


def lease(seconds: float) -> str:
    """A lease countdown as ``m:ss``."""
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


@dataclass(slots=True)
class QueueRow:
    item: dict[str, Any]
    due_at: float          # monotonic time the SLA falls due
    created_at: float      # monotonic time the item was created (for its age)
    claim_until: float | None  # monotonic time the lease lapses


class Columns:
    """Column numbers, in display order."""

    KIND, PRIORITY, DUE, CLAIM, TITLE, WHO, CATEGORY, STATUS, AGE = range(9)
    TITLES = (QT_TR_NOOP("Kind"), QT_TR_NOOP("Priority"), QT_TR_NOOP("SLA due"), QT_TR_NOOP("Claimed by"), QT_TR_NOOP("Title"), QT_TR_NOOP("Member / listing"), QT_TR_NOOP("Policy / category"),
              QT_TR_NOOP("Status"), QT_TR_NOOP("Age"))
    WIDTHS = (64, 64, 130, 190, 300, 170, 130, 130, 70)


class QueueModel(PagedRowsModel[QueueRow]):
    """Open queue items, paged in from the service and kept current by polling."""

    #: An item changed (from a page or a poll), with the new row data: the
    #: open workspace listens so its claim countdown stays right.
    item_updated = Signal(object)
    #: The lease of one of the caller's own items lapsed on the local clock.
    lease_lapsed = Signal(int)

    def __init__(self, fetcher: Fetcher | None = None, *, sort_key: SortKey | None = None,
                 matches: Matcher | None = None, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(Columns.TITLES, right_aligned=(Columns.PRIORITY, Columns.AGE), fetcher=fetcher,
                         parent=parent)
        self._sort_key: SortKey = sort_key or (lambda item: (item.get("rank") or "", item.get("id") or 0))
        self._matches: Matcher = matches or (lambda item: True)
        self._clock = clock
        self._lapsed: set[int] = set()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The roles that depend on the column (and the clock); the base answers the rest.
        if role in (Qt.ItemDataRole.ToolTipRole, COUNTDOWN_ROLE, URGENCY_ROLE) and index.isValid() \
                and index.row() < len(self._rows):
            row, column = self._rows[index.row()], index.column()
            if role == COUNTDOWN_ROLE:
                return self._countdown(row, column)
            if role == URGENCY_ROLE:
                return self._urgency(row, column)
            return self._tooltip(row, column)
        return super().data(index, role)

    # -- public API ---------------------------------------------------------

    def row_id(self, row: int) -> Any:
        return self._rows[row].item.get("id")

    def item(self, row: int) -> dict[str, Any]:
        return self._rows[row].item

    def row_of(self, item_id: Any) -> int:
        """The row showing queue item ``item_id``, or -1."""
        for number, row in enumerate(self._rows):
            if row.item.get("id") == item_id:
                return number
        return -1

    def item_by_id(self, item_id: Any) -> dict[str, Any] | None:
        number = self.row_of(item_id)
        return self._rows[number].item if number >= 0 else None

    def reset(self, fetcher: Fetcher | None = None, *, sort_key: SortKey | None = None,
              matches: Matcher | None = None) -> None:
        """Start over (new filters or sort); answers to earlier requests are ignored."""
        if sort_key is not None:
            self._sort_key = sort_key
        if matches is not None:
            self._matches = matches
        self._lapsed.clear()
        self._restart(fetcher or self._pager.fetcher)

    def apply_changes(self, items: Sequence[Item]) -> None:
        """Bring rows in line with changed items from the poll (or an action's answer)."""
        for item in items:
            self.apply_item(item)

    def apply_item(self, item: Item) -> None:
        """Update, move, insert or remove the row of one changed item."""
        item_id = item.get("id")
        number = self.row_of(item_id)
        belongs = bool(item.get("open", True)) and self._matches(item)
        if number >= 0 and not belongs:
            self.beginRemoveRows(QModelIndex(), number, number)
            del self._rows[number]
            self.endRemoveRows()
            self.item_updated.emit(dict(item))
            return
        if not belongs:
            self.item_updated.emit(dict(item))
            return
        new_row = self._make_row(item)
        if number >= 0:
            self._rows[number] = new_row
            target = self._position(new_row, skip=number)
            if target not in (number, number + 1):
                # beginMoveRows' destination counts rows before the move.
                self.beginMoveRows(QModelIndex(), number, number, QModelIndex(), target)
                moved = self._rows.pop(number)
                self._rows.insert(target - 1 if target > number else target, moved)
                self.endMoveRows()
                number = self.row_of(item_id)
            self._emit_row(number)
        else:
            target = self._position(new_row)
            if target == len(self._rows) and self.canFetchMore():
                # It sorts after the loaded rows: the page that holds it will bring it.
                return
            self.beginInsertRows(QModelIndex(), target, target)
            self._rows.insert(target, new_row)
            self.endInsertRows()
        self.item_updated.emit(dict(item))

    def tick(self) -> None:
        """Repaint the countdown columns (call once a second)."""
        if not self._rows:
            return
        now = self._clock()
        for row in self._rows:
            item_id = row.item.get("id")
            if (row.item.get("mine") and row.claim_until is not None and row.claim_until <= now
                    and item_id not in self._lapsed):
                self._lapsed.add(item_id)
                self.lease_lapsed.emit(item_id)
        roles = [Qt.ItemDataRole.DisplayRole, COUNTDOWN_ROLE, URGENCY_ROLE]
        last = len(self._rows) - 1
        self.dataChanged.emit(self.index(0, Columns.DUE), self.index(last, Columns.CLAIM), roles)
        self.dataChanged.emit(self.index(0, Columns.AGE), self.index(last, Columns.AGE), roles)

    def claim_seconds_left(self, item_id: Any) -> int | None:
        number = self.row_of(item_id)
        if number < 0:
            return None
        left = self._claim_left(self._rows[number])
        return None if left is None else int(left)

    # -- rows ---------------------------------------------------------------------

    def _row_id(self, row: QueueRow) -> Any:
        # The record's own id (the inquiry's, the flag's), as in every other list;
        # the queue item id is :meth:`row_id`.
        return row.item.get("ref_id")

    def _status(self, row: QueueRow, column: int) -> str:
        return str(row.item.get("status") or "")

    def _role_data(self, row: QueueRow, role: int) -> Any:
        return row.item if role == ITEM_ROLE else None

    def _page_rows(self, page: Page) -> list[QueueRow]:
        # A poll may have inserted an item before its page arrived, and a page
        # may still carry an item that has closed since.
        known = {row.item.get("id") for row in self._rows}
        return [self._make_row(item) for item in page.items
                if item.get("id") not in known and item.get("open", True)]

    def _make_row(self, item: Item) -> QueueRow:
        now = self._clock()
        claim_left = item.get("claim_seconds_left")
        return QueueRow(
            item=dict(item),
            due_at=now + float(item.get("seconds_to_due") or 0),
            created_at=now - float(item.get("age_seconds") or 0),
            claim_until=now + float(claim_left) if claim_left is not None and item.get("claimed_by_id") else None,
        )

    def _position(self, row: QueueRow, *, skip: int = -1) -> int:
        """The row ``row`` sorts before, counted among the current rows (``skip``
        is its own old row, left out of the comparison)."""
        key = self._sort_key(row.item)
        for number, other in enumerate(self._rows):
            if number != skip and key < self._sort_key(other.item):
                return number
        return len(self._rows)

    def _emit_row(self, number: int) -> None:
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(Columns.TITLES) - 1))

    def _claim_left(self, row: QueueRow) -> float | None:
        if row.claim_until is None:
            return None
        left = row.claim_until - self._clock()
        return left if left > 0 else None

    def _countdown(self, row: QueueRow, column: int) -> int | None:
        if column == Columns.DUE:
            return int(row.due_at - self._clock())
        if column == Columns.CLAIM:
            left = self._claim_left(row)
            return None if left is None else int(left)
        return None

    def _urgency(self, row: QueueRow, column: int) -> str:
        if column == Columns.DUE:
            left = row.due_at - self._clock()
            return "breached" if left <= 0 else "at_risk" if left <= AT_RISK_SECONDS else "ok"
        if column == Columns.CLAIM:
            if self._claim_left(row) is None:
                return ""
            return "mine" if row.item.get("mine") else "other"
        return ""

    def _text(self, row: QueueRow, column: int) -> str:
        item = row.item
        if column == Columns.KIND:
            kind = str(item.get("kind") or "")
            return tr(KIND_TITLES[kind]) if kind in KIND_TITLES else kind
        if column == Columns.PRIORITY:
            severity = item.get("severity") or 0
            if item.get("kind") == "flag":
                return f"{severity} · {float(item.get('score') or 0):.2f}"
            return str(severity)
        if column == Columns.DUE:
            left = row.due_at - self._clock()
            return tr("{left} over").format(left=duration(left)) if left <= 0 else tr("in {left}").format(left=duration(left))
        if column == Columns.TITLE:
            return str(item.get("title") or "")
        if column == Columns.WHO:
            parts = []
            if item.get("member_id") is not None:
                parts.append(str(item.get("member_name") or tr("member {member_id}").format(member_id=item['member_id'])))
            if item.get("listing_id") is not None:
                parts.append(str(item.get("listing_title") or tr("listing {listing_id}").format(listing_id=item['listing_id'])))
            return " · ".join(parts)
        if column == Columns.CATEGORY:
            return str(item.get("category") or "").replace("_", " ")
        if column == Columns.STATUS:
            return str(item.get("status") or "").replace("_", " ")
        if column == Columns.AGE:
            return duration(self._clock() - row.created_at)
        if column == Columns.CLAIM:
            left = self._claim_left(row)
            if left is None:
                return ""
            who = tr("You") if item.get("mine") else str(item.get("claimed_by_name") or "someone")
            return f"{who} · {lease(left)}"
        return ""

    def _tooltip(self, row: QueueRow, column: int) -> str:
        item = row.item
        if column == Columns.DUE:
            kind = str(item.get("sla_kind") or "").replace("_", " ")
            return tr("{kind} due {sla_due}").format(kind=kind, sla_due=item.get('sla_due', '')).strip()
        if column == Columns.CLAIM:
            note = item.get("handover_note")
            left = self._claim_left(row)
            text = ""
            if left is not None:
                text = tr("Claimed by {claimed_by_name}; the lease lapses in {left} unless renewed.").format(claimed_by_name=item.get('claimed_by_name'), left=lease(left))
            if note:
                text += f"\nHandover note from {item.get('handover_by_name') or tr('a colleague')}: {note}"
            return text.strip() or tr("Unclaimed")
        if column == Columns.PRIORITY:
            return tr("Severity") + (tr(" · detector score") if item.get("kind") == "flag" else "")
        return self._text(row, column)
