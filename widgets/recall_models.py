"""Models of the recall-matching screen.

- :data:`RECALL_COLUMNS` for the recalls list (a :class:`PagedTableModel`).
- :class:`RecordTableModel`: a short list of records (affected members,
  pending approvals) that the service returns whole; rows update in place.
- :class:`MatchesModel`: candidate matches of one recall, best score first,
  paged in through an injected fetcher; keeps each match's record (version,
  evidence, deadline) because the screen decides on and explains them. A
  decision replaces the changed rows and emits ``dataChanged`` for them only.
- :func:`highlight_html` marks the evidence spans in a listing's text;
  :func:`countdown` words a removal deadline.

Nothing here talks HTTP.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

from console.i18n import QT_TR_NOOP, tr
from widgets import formatting as fmt
from console.qt import QModelIndex, QObject, QPersistentModelIndex, Qt
from widgets import status_delegate
from widgets.paged_model import Column, Fetcher, Page, PagedRowsModel
from widgets.roles import STATUS_ROLE
from widgets.static_table_model import StaticTableModel

ModelIndex = QModelIndex | QPersistentModelIndex
#: The whole record of a row (a dict), for panes that explain it.
RECORD_ROLE = Qt.ItemDataRole.UserRole + 20

for _status, _tone in (("candidate", "warn"), ("confirmed", "bad"), ("rejected", "neutral"),
                       ("high", "bad"), ("medium", "warn"), ("low", "neutral"),
                       ("overdue", "bad"), ("pending", "warn"), ("on_time", "good"), ("late", "warn")):
    status_delegate.TONES.setdefault(_status, _tone)


def countdown(due: Any, now: datetime | None = None) -> str:
    """``"1d 4h left"``, ``"overdue by 3h"``, or ``""`` without a deadline."""
    if not due:
        return ""
    try:
        stamp = datetime.fromisoformat(str(due).replace("Z", "+00:00"))
    except ValueError:
        return str(due)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone.utc)
    seconds = int((stamp - (now or datetime.now(timezone.utc))).total_seconds())
    span = abs(seconds)
    days, rest = divmod(span, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes = rest // 60
    text = tr("{days}d {hours}h").format(days=days, hours=hours) if days else (tr("{hours}h {minutes:02d}m").format(hours=hours, minutes=minutes) if hours else f"{minutes}m")
    return tr("{text} left").format(text=text) if seconds >= 0 else tr("overdue by {text}").format(text=text)


def highlight_html(text: str, spans: Sequence[Sequence[int]]) -> str:
    """``text`` as HTML with each ``[start, end)`` span marked (overlaps merged)."""
    merged: list[list[int]] = []
    for start, end in sorted((int(s), int(e)) for s, e in spans if 0 <= int(s) < int(e) <= len(text)):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, position = [], 0
    for start, end in merged:
        out.append(html.escape(text[position:start]))
        out.append(tr("<span style=\"background-color:#f6c343;color:#1f2933;font-weight:600\">{escape}</span>").format(escape=html.escape(text[start:end])))
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)


RECALL_COLUMNS: tuple[Column, ...] = (
    Column("number", QT_TR_NOOP("Number"), width=90),
    Column("recall_date", QT_TR_NOOP("Date"), width=90),
    Column("status", QT_TR_NOOP("Status"), fmt.label, width=70),
    Column("candidates", QT_TR_NOOP("Candidates"), align_right=True, width=80),
    Column("confirmed", QT_TR_NOOP("Confirmed"), align_right=True, width=80),
    Column("title", QT_TR_NOOP("Title")),
)


class RecordTableModel(StaticTableModel[dict[str, Any]]):
    """A short, whole list of records; ``status_key`` feeds the status pill."""

    #: Columns drawn as pills show their own value's tone.
    STATUS_KEYS = frozenset({"status", "confidence", "removal_state", "why", "return_status"})

    def __init__(self, columns: Sequence[Column], *, id_key: str = "id", status_key: str = "status",
                 parent: QObject | None = None) -> None:
        super().__init__([column.title for column in columns],
                         right_aligned=[n for n, column in enumerate(columns) if column.align_right], parent=parent)
        self._columns = tuple(columns)
        self._id_key = id_key
        self._status_key = status_key

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def set_records(self, records: Sequence[Mapping[str, Any]]) -> None:
        self._set_rows(dict(r) for r in records)

    def record(self, row: int) -> dict[str, Any]:
        return dict(self._rows[row])

    def records(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._rows]

    def _text(self, row: dict[str, Any], column: int) -> str:
        return self._cell(row, self._columns[column])

    def _row_id(self, row: dict[str, Any]) -> Any:
        return row.get(self._id_key)

    def _status(self, row: dict[str, Any], column: int) -> str:
        key = self._columns[column].key
        return str(row.get(key if key in self.STATUS_KEYS else self._status_key) or "")

    def _role_data(self, row: dict[str, Any], role: int) -> Any:
        return dict(row) if role == RECORD_ROLE else None

    def _cell(self, record: Mapping[str, Any], column: Column) -> str:
        return column.format(record.get(column.key))


MATCH_COLUMNS: tuple[Column, ...] = (
    Column("score", QT_TR_NOOP("Score"), fmt.score, align_right=True, width=55),
    Column("confidence", QT_TR_NOOP("Confidence"), width=85),
    Column("status", QT_TR_NOOP("Decision"), width=85),
    Column("listing_status", QT_TR_NOOP("Listing"), fmt.label, width=75),
    Column("removal_due_at", QT_TR_NOOP("Removal"), width=120),
    Column("listing_title", QT_TR_NOOP("Listing title"), width=300),
    Column("evidence", QT_TR_NOOP("Evidence"), lambda ev: "; ".join(str(e.get("text", "")) for e in ev or [])),
)
REMOVAL_COLUMN = 4


class MatchesModel(RecordTableModel, PagedRowsModel[dict[str, Any]]):
    """Matches of one recall, paged in as the view scrolls (best score first).

    The cells and roles are a :class:`RecordTableModel`'s, the paging a
    :class:`PagedRowsModel`'s: both extend :class:`StaticTableModel`, and
    ``RecordTableModel``'s ``super().__init__`` reaches ``PagedRowsModel``
    here, which starts it without a fetcher.
    """

    def __init__(self, parent: QObject | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        super().__init__(MATCH_COLUMNS, parent=parent)
        self._clock = clock

    def reset(self, fetcher: Fetcher | None) -> None:
        """Start over (another recall, a new filter); late pages of before are ignored."""
        self._restart(fetcher)

    def update_records(self, records: Sequence[Mapping[str, Any]]) -> list[int]:
        """Replace the rows of these records (by id); ``dataChanged`` for those rows. The rows changed."""
        by_id = {r.get("id"): dict(r) for r in records}
        changed = []
        for row, record in enumerate(self._rows):
            if record.get("id") in by_id:
                self._rows[row] = by_id[record["id"]]
                changed.append(row)
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        return changed

    def tick(self) -> None:
        """The clock moved: repaint the removal countdowns only."""
        rows = [r for r, rec in enumerate(self._rows) if rec.get("removal_seconds_left") is not None]
        if rows:
            self.dataChanged.emit(self.index(rows[0], REMOVAL_COLUMN), self.index(rows[-1], REMOVAL_COLUMN),
                                  [Qt.ItemDataRole.DisplayRole])

    def _cell(self, record: Mapping[str, Any], column: Column) -> str:
        if column.key == "removal_due_at":
            state = str(record.get("removal_state") or "")
            if state in ("pending", "overdue") and record.get("removal_due_at"):
                return countdown(record.get("removal_due_at"), self._clock())
            return {"not_required": "", "on_time": tr("removed on time"), "late": tr("removed late")}.get(
                state, fmt.label(state))
        return super()._cell(record, column)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == STATUS_ROLE and index.isValid() and index.row() < len(self._rows) \
                and self._columns[index.column()].key == "removal_due_at":
            return str(self._rows[index.row()].get("removal_state") or "")
        return super().data(index, role)

    def _page_rows(self, page: Page) -> list[dict[str, Any]]:
        return [dict(item) for item in page.items]
