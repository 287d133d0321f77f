"""A searchable, server-paged table of one kind of record.

The pane owns a :class:`widgets.paged_model.PagedTableModel` and gives it a
fetcher that runs ``ApiClient.page`` on the task runner. Filters and server
sort rebuild the fetcher; the view pages in more rows as it scrolls.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from console import messages
from console.context import ConsoleContext
from console.i18n import tr
from console.qt import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from console.settings import State
from widgets import formatting as fmt
from widgets.list_table import SCREEN_ROW_HEIGHT, list_table
from widgets.paged_model import Column, Fetcher, PagedTableModel
from widgets.roles import ROW_ID_ROLE

SEARCH_DELAY_MS = 300


@dataclass(frozen=True)
class ListSpec:
    """What a pane lists and how it may be filtered."""

    id: str
    kind: str
    title: str
    path: str
    columns: tuple[Column, ...]
    statuses: tuple[str, ...] = ()
    default_status: str = ""
    search_hint: str = ""
    extra_params: Mapping[str, Any] = field(default_factory=dict)


class ListPane(QWidget):
    #: The current row changed: (kind, id).
    record_selected = Signal(str, object)

    def __init__(self, spec: ListSpec, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._context = context
        self._sort: tuple[str, str] | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName(f"{spec.id}-search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(tr(spec.search_hint))
        self.search.setVisible(bool(spec.search_hint))
        self.status = QComboBox(self)
        self.status.setObjectName(f"{spec.id}-status")
        self.status.addItem(tr("Any status"), "")
        for value in spec.statuses:
            self.status.addItem(value.replace("_", " ").capitalize(), value)
        self.status.setCurrentIndex(max(0, self.status.findData(spec.default_status)))
        self.status.setVisible(bool(spec.statuses))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("ScreenHint")
        self.retry_button = QPushButton(tr("Retry"), self)
        self.retry_button.hide()

        self.model = PagedTableModel(spec.columns, parent=self)
        self.view = list_table(  # several rows for bulk actions; a screen's main list, so taller rows
            self, f"{spec.id}-table", self.model, multi=True, row_height=SCREEN_ROW_HEIGHT,
            widths=[column.width for column in spec.columns],
            status_columns=[number for number, column in enumerate(spec.columns) if column.key == "status"])
        header = self.view.horizontalHeader()
        sortable = any(column.sort_key for column in spec.columns)
        header.setSortIndicatorShown(sortable)
        header.setSectionsClickable(sortable)
        header.sortIndicatorChanged.connect(self._sort_changed)

        self._default_header = header.saveState()

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status)
        filters.addStretch(0 if spec.search_hint else 1)
        filters.addWidget(self.count_label)
        filters.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.reload)
        self.status.currentIndexChanged.connect(self.reload)
        self.retry_button.clicked.connect(self.retry)
        self.model.page_loaded.connect(self._update_count)
        self.model.loading_changed.connect(self._update_count)
        self.model.load_failed.connect(self._load_failed)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.activated.connect(self._row_changed)

    # -- loading --------------------------------------------------------------------

    def params(self) -> dict[str, Any]:
        """The query the server gets for the current filters and sort."""
        params: dict[str, Any] = dict(self.spec.extra_params)
        params["q"] = fmt.search_text(self.search.text()) or None
        params["status"] = self.status.currentData() or None
        if self._sort:
            params["sort"], params["order"] = self._sort
        return params

    def reload(self) -> None:
        self._search_timer.stop()
        self.retry_button.hide()
        self.model.reset(self._fetcher(self.params()))

    def retry(self) -> None:
        """Load the page that failed (after a lost connection, say)."""
        if self.model.error is not None:
            self.retry_button.hide()
            self.model.retry()

    def _fetcher(self, params: dict[str, Any]) -> Fetcher:
        client, runner = self._context.client, self._context.runner
        path, limit = self.spec.path, self._context.page_size

        def fetch(cursor: str | None, on_page: Any, on_error: Any) -> None:
            runner.run(lambda: client.page(path, params, cursor=cursor, limit=limit),
                       on_page, on_error=on_error, owner=self)

        return fetch

    def _load_failed(self, exc: Exception) -> None:
        self.retry_button.show()
        self._update_count()
        messages.report(exc, tr("loading the list “{title}”").format(title=tr(self.spec.title)))

    def _update_count(self) -> None:
        rows = self.model.rowCount()
        if self.model.is_loading:
            text = tr("Loading…")
        elif self.model.error is not None:
            text = tr("{rows:,} shown — loading stopped").format(rows=rows)
        elif self.model.canFetchMore():
            text = tr("{rows:,} shown, more as you scroll").format(rows=rows)
        else:
            text = tr("No matches") if rows == 0 else tr("{rows:,} in all").format(rows=rows)
        self.count_label.setText(text)

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        key = self.spec.columns[section].sort_key
        if key is None:
            self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self._sort = None
        else:
            self._sort = (key, "asc" if order == Qt.SortOrder.AscendingOrder else "desc")
        self.reload()

    def _row_changed(self, current: QModelIndex) -> None:
        if current.isValid():
            self.record_selected.emit(self.spec.kind, current.data(ROW_ID_ROLE))

    # -- actions and state --------------------------------------------------------------

    def current_id(self) -> Any:
        index = self.view.currentIndex()
        return index.data(ROW_ID_ROLE) if index.isValid() else None

    def focus_search(self) -> None:
        target = self.search if self.search.isVisible() else self.view
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if target is self.search:
            self.search.selectAll()

    def save_state(self) -> None:
        self._context.settings.set(State.columns(self.spec.id), self.view.horizontalHeader().saveState())

    def reset_state(self) -> None:
        """Columns back to their initial order and widths."""
        self.view.horizontalHeader().restoreState(self._default_header)

    def restore_state(self) -> None:
        state = self._context.settings.get(State.columns(self.spec.id))
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        try:
            if not state.isEmpty():
                header.restoreState(state)
            section = header.sortIndicatorSection()
            key = self.spec.columns[section].sort_key if 0 <= section < len(self.spec.columns) else None
            if key:
                ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
                self._sort = (key, "asc" if ascending else "desc")
            else:
                header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        finally:
            header.blockSignals(False)
