"""Table models for the authority and rights-owner windows: rows are plain dicts from the service."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from console.qt import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def countdown(seconds: int | None, tr: Callable[[str], str]) -> str:
    """"3 d 4 h left", "2 h 5 min left", "overdue 1 d 2 h", or "—" (answered or closed)."""
    if seconds is None:
        return "—"
    span = abs(int(seconds))
    days, hours, minutes = span // 86400, span % 86400 // 3600, span % 3600 // 60
    text = f"{days} d {hours} h" if days else f"{hours} h {minutes} min"
    return (tr("{span} left") if seconds >= 0 else tr("overdue {span}")).format(span=text)


class RowsModel(QAbstractTableModel):
    """A few hundred rows at most (one page of a service list); ``columns`` are (title, key or getter)."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[dict[str, Any]], Any]]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        try:
            self.rows = list(rows)
        finally:
            self.endResetModel()

    def row(self, index: int) -> dict[str, Any] | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def refresh_column(self, column: int) -> None:
        """The column's text changes with time (a countdown): repaint it, nothing else."""
        if self.rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column),
                                  [Qt.ItemDataRole.DisplayRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._columns):
            return self._columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < len(self._columns):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._columns[index.column()][1](row)
            return "" if value is None else str(value)
        if role == ID_ROLE:
            return row.get("id")
        return None


def seconds_until(due_at: str | None, now: datetime | None = None) -> int | None:
    if not due_at:
        return None
    try:
        due = datetime.fromisoformat(due_at.replace("Z", "+00:00"))
    except ValueError:
        return None
    if due.tzinfo is None:
        due = due.replace(tzinfo=UTC)
    return int((due - (now or datetime.now(UTC))).total_seconds())
