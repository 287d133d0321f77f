"""The base of the small whole-list tables: a subclass that only says what its
cells show must still be a correct Qt model, answer the common roles, and
replace its rows through one reset even when building them fails."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from console.qt import QModelIndex, Qt
from widgets.roles import ROW_ID_ROLE, STATUS_ROLE
from widgets.static_table_model import StaticTableModel

Stock = tuple[int, str, int]  # (id, name, count)
NOTE_ROLE = Qt.ItemDataRole.UserRole + 50


class StockModel(StaticTableModel[Stock]):
    """Items and how many are left; the count is a figure, so right-aligned."""

    def __init__(self, *, aligned: bool = True) -> None:
        super().__init__(("Item", "Left"), right_aligned=(1,) if aligned else None)

    def set_stock(self, stock: Iterable[Stock]) -> None:
        self._set_rows(stock)

    def _text(self, row: Stock, column: int) -> str:
        return (row[1], str(row[2]))[column]

    def _row_id(self, row: Stock) -> int:
        return row[0]

    def _role_data(self, row: Stock, role: int) -> Any:
        return "sold out" if role == NOTE_ROLE and not row[2] else None


STOCK = [(7, "kettle", 3), (9, "lamp", 0)]
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def test_a_subclass_is_a_correct_table(qtmodeltester: Any) -> None:
    model = StockModel()
    qtmodeltester.check(model)
    model.set_stock(STOCK)
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert (model.rowCount(model.index(0, 0)), model.columnCount(model.index(0, 0))) == (0, 0)
    assert [model.headerData(n, Qt.Orientation.Horizontal) for n in range(3)] == ["Item", "Left", None]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert not model.flags(QModelIndex()) and model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemNeverHasChildren


def test_cells_answer_the_common_roles_and_the_subclasss_own() -> None:
    model = StockModel()
    model.set_stock(STOCK)
    lamp_count = model.index(1, 1)
    assert lamp_count.data() == lamp_count.data(Qt.ItemDataRole.ToolTipRole) == "0"
    assert lamp_count.data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.index(1, 0).data(Qt.ItemDataRole.TextAlignmentRole) == LEFT
    assert (lamp_count.data(ROW_ID_ROLE), lamp_count.data(STATUS_ROLE)) == (9, None)
    assert (lamp_count.data(NOTE_ROLE), model.index(0, 1).data(NOTE_ROLE)) == ("sold out", None)
    assert lamp_count.data(Qt.ItemDataRole.DecorationRole) is None


def test_without_figure_columns_alignment_is_left_to_the_view() -> None:
    model = StockModel(aligned=False)
    model.set_stock(STOCK)
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) is None


def test_new_rows_replace_the_old_in_one_reset(qtbot: Any) -> None:
    model = StockModel()
    model.set_stock(STOCK)
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset], order="strict"):
        model.set_stock([(1, "stool", 5)])
    assert model.rowCount() == 1 and model.index(0, 0).data() == "stool"


def test_a_failure_while_building_rows_still_ends_the_reset(qtmodeltester: Any, qtbot: Any) -> None:
    def broken() -> Iterator[Stock]:
        yield (1, "stool", 5)
        raise ValueError("bad answer")

    model = StockModel()
    model.set_stock(STOCK)
    with qtbot.waitSignal(model.modelReset), pytest.raises(ValueError):
        model.set_stock(broken())
    assert model.rowCount() == 2
    qtmodeltester.check(model)
