"""A table model over a short list the service returns whole (a ledger, an
enforcement history, the members a recall affects): no paging, and a new
answer replaces every row at once.

The Qt side (counts that ignore valid parents, the header, flags, the model
reset, the roles every list answers) is written here once, so each small
table only says what its cells show and cannot drift from the others in how
it answers views and ``qtmodeltester``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from console.i18n import tr
from console.qt import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from widgets.roles import ROW_ID_ROLE, STATUS_ROLE

ModelIndex = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")


class StaticTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows of type ``RowT`` under fixed column ``titles``.

    Subclasses fill :meth:`_text` and, where they have them, the row's id,
    status word and further roles. ``right_aligned`` names the columns of
    figures; when given, every cell states its alignment (figures right, the
    rest left), and when ``None`` the view's default applies.
    """

    def __init__(self, titles: Sequence[str], *, right_aligned: Iterable[int] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._titles = tuple(titles)
        self._right_aligned = None if right_aligned is None else frozenset(right_aligned)
        self._rows: list[RowT] = []

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._titles):
            return tr(self._titles[section])
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and self._right_aligned is not None:
            right = column in self._right_aligned
            horizontal = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ID_ROLE:
            return self._row_id(row)
        if role == STATUS_ROLE:
            return self._status(row, column)
        return self._role_data(row, role)

    def _set_rows(self, rows: Iterable[RowT]) -> None:
        """Replace every row; ``rows`` is consumed inside the reset, so a
        failure while building them still ends it and leaves views consistent."""
        self.beginResetModel()
        try:
            self._rows = list(rows)
        finally:
            self.endResetModel()

    def _text(self, row: RowT, column: int) -> str:
        """What the cell shows (and its tooltip): every subclass says this."""
        raise NotImplementedError

    def _row_id(self, row: RowT) -> Any:
        """The server id behind the row, for detail panes and actions (None: none)."""
        return None

    def _status(self, row: RowT, column: int) -> str | None:
        """The status word the status delegate colours this cell by (None: none)."""
        return None

    def _role_data(self, row: RowT, role: int) -> Any:
        """A role of the subclass's own (the whole record, the event's kind)."""
        return None
