"""The console's list tables, set up in one place so every list selects,
sizes and looks the same: whole rows, quiet headers, one-line 26 px rows
(the main screens' lists are a little taller), columns the user can resize.

Only what genuinely differs between lists is a parameter; anything a list
does on top (sorting, other delegates, a stretched middle column) stays
visible where that list is built.
"""

from __future__ import annotations

from collections.abc import Iterable

from console.qt import (
    QAbstractItemModel,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)
from widgets.status_delegate import StatusDelegate

#: Row height of the lists in panes and dialogs.
ROW_HEIGHT = 26
#: A screen's main list is read for long stretches: a little more air per row.
SCREEN_ROW_HEIGHT = 28


def list_table(parent: QWidget, name: str, model: QAbstractItemModel, *, multi: bool = False,
               widths: Iterable[int] = (), status_columns: Iterable[int] = (), row_height: int = ROW_HEIGHT,
               stretch_last: bool = True) -> QTableView:
    """A table of records named ``name`` (settings and tests find it by that) over ``model``.

    ``multi`` lets the user pick several rows for a bulk action. ``widths``
    are the initial column widths in order, 0 leaving a column at the
    default; they are only a start, the user resizes from there.
    ``status_columns`` are drawn as status pills. ``stretch_last=False`` is
    for a list whose last column must keep its width (another column
    stretches, or the columns are wider than the view anyway).
    """
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(row_height)
    header = view.horizontalHeader()
    header.setStretchLastSection(stretch_last)
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for number, width in enumerate(widths):
        if width:
            header.resizeSection(number, width)
    pills = tuple(status_columns)
    if pills:
        delegate = StatusDelegate(view)
        for number in pills:
            view.setItemDelegateForColumn(number, delegate)
    return view
