"""Every list in the console is built by ``list_table``: it must set a real
view up as promised, and a model shown in it must still be a correct model
that selects whole rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from console.qt import QAbstractItemView, QHeaderView, Qt, QWidget
from widgets.list_table import ROW_HEIGHT, SCREEN_ROW_HEIGHT, list_table
from widgets.roles import STATUS_ROLE
from widgets.static_table_model import StaticTableModel
from widgets.status_delegate import StatusDelegate

Parcel = tuple[str, str, int]  # (to, status, weight)
PARCELS = [("Sapporo", "shipped", 2), ("Naha", "disputed", 5), ("Kobe", "received", 1)]


class ParcelModel(StaticTableModel[Parcel]):
    """Where a parcel goes, its status (a pill) and its weight (a figure)."""

    def __init__(self) -> None:
        super().__init__(("To", "Status", "Kg"), right_aligned=(2,))

    def set_parcels(self, parcels: Iterable[Parcel]) -> None:
        self._set_rows(parcels)

    def _text(self, row: Parcel, column: int) -> str:
        return (row[0], row[1], str(row[2]))[column]

    def _status(self, row: Parcel, column: int) -> str:
        return row[1]


def test_the_view_is_set_up_as_a_list(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    model = ParcelModel()
    view = list_table(parent, "parcels-table", model, widths=(140, 0, 50), status_columns=(1,))
    header = view.horizontalHeader()
    assert (view.objectName(), view.model(), view.parent()) == ("parcels-table", model, parent)
    assert view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert view.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert view.alternatingRowColors() and not view.showGrid() and not view.wordWrap()
    assert view.verticalHeader().isHidden() and view.verticalHeader().defaultSectionSize() == ROW_HEIGHT
    assert header.stretchLastSection() and not header.highlightSections()
    assert {header.sectionResizeMode(n) for n in range(3)} == {QHeaderView.ResizeMode.Interactive}
    assert (header.sectionSize(0), header.sectionSize(1)) == (140, header.defaultSectionSize())
    assert isinstance(view.itemDelegateForColumn(1), StatusDelegate)
    assert view.itemDelegateForColumn(0) is None and view.itemDelegateForColumn(2) is None


def test_what_differs_between_lists_is_asked_for(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    view = list_table(parent, "bulk-table", ParcelModel(), multi=True, widths=(0, 0, 50),
                      row_height=SCREEN_ROW_HEIGHT, stretch_last=False)
    header = view.horizontalHeader()
    assert view.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    assert view.verticalHeader().defaultSectionSize() == SCREEN_ROW_HEIGHT
    assert not header.stretchLastSection() and header.sectionSize(2) == 50
    assert all(view.itemDelegateForColumn(n) is None for n in range(3))


def test_a_model_in_it_stays_correct_and_rows_are_picked_whole(qtbot: Any, qtmodeltester: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    model = ParcelModel()
    view = list_table(parent, "parcels-table", model, widths=(140, 90), status_columns=(1,))
    parent.resize(400, 200)
    parent.show()
    qtmodeltester.check(model)
    model.set_parcels(PARCELS)
    qtmodeltester.check(model)
    assert model.index(1, 1).data(STATUS_ROLE) == "disputed"
    for row in (1, 2):  # a click on one cell picks its whole row, and only that row
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualRect(model.index(row, 1)).center())
        assert [index.row() for index in view.selectionModel().selectedRows()] == [row]
    assert not view.grab().isNull()
