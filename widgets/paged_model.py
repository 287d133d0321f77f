"""A table model over a server-side, cursor-paged list.

The model holds only what the table shows (one tuple of display strings per
row, plus the record id and status), never the full records: a 100,000-row
list stays small, and the detail pane fetches a record by id when it needs
it (the Anki browser holds ids the same way).

Pages arrive through a :data:`Fetcher` the console injects. The model does not
know about HTTP or threads; it only requires that the callbacks run on the UI
thread. ``canFetchMore``/``fetchMore`` let the view page in as it scrolls.
:class:`Pager` is that paging on its own; :class:`PagedRowsModel` puts it
on a :class:`~widgets.static_table_model.StaticTableModel`, so every paged
list (plain lists, the work queue, recall matches) answers views, signals
and ``qtmodeltester`` the same way and only says what one page's rows are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from sys import intern
from typing import Any

from console.qt import QModelIndex, QObject, QPersistentModelIndex, Signal
from widgets.static_table_model import RowT, StaticTableModel

ModelIndex = QModelIndex | QPersistentModelIndex


def plain(value: Any) -> str:
    """Show ``None`` as an empty cell and anything else as its text."""
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Column:
    """One table column: which record field it shows and how."""

    key: str
    title: str
    format: Callable[[Any], str] = plain
    align_right: bool = False
    #: The server's ``sort`` value for this column, if the server can sort by it.
    sort_key: str | None = None
    #: Initial width in pixels (0: the view's default) until the user resizes it.
    width: int = 0


@dataclass(frozen=True)
class Page:
    """One page of a list answer: ``{"items": [...], "next_cursor": ...}``."""

    items: Sequence[Mapping[str, Any]]
    next_cursor: str | None = None


PageCallback = Callable[[Page], None]
ErrorCallback = Callable[[Exception], None]
#: ``fetcher(cursor, on_page, on_error)`` starts loading the page at ``cursor``
#: (``None`` for the first) and later calls exactly one callback on the UI thread.
Fetcher = Callable[[str | None, PageCallback, ErrorCallback], None]


@dataclass(slots=True)
class _Row:
    row_id: Any
    status: str
    cells: tuple[str, ...]


class Pager(QObject):
    """Where a model stands in one server list: the next cursor, whether a page
    is loading, and the error that stopped paging.

    Every paged model in the console (plain lists, the work queue, recall
    matches) keeps its rows its own way but pages the same way, through one of
    these. :meth:`restart` starts a new generation: a page or error answering
    a request made before it is dropped, so a slow answer for the previous
    member or filter never lands in the new list.
    """

    loading_changed = Signal(bool)
    #: A page failed; no more are fetched until :meth:`retry`.
    failed = Signal(object)
    #: A page was delivered (also when it was empty).
    loaded = Signal()

    def __init__(self, fetcher: Fetcher | None, deliver: PageCallback, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetcher = fetcher
        self._deliver = deliver
        self._next_cursor: str | None = None
        self._exhausted = fetcher is None
        self._loading = False
        self._error: Exception | None = None
        self._generation = 0

    @property
    def fetcher(self) -> Fetcher | None:
        return self._fetcher

    @property
    def is_loading(self) -> bool:
        return self._loading

    @property
    def error(self) -> Exception | None:
        """The error that stopped paging, until :meth:`retry` or :meth:`restart`."""
        return self._error

    def can_fetch_more(self) -> bool:
        return self._fetcher is not None and not self._exhausted and self._error is None

    def fetch_more(self) -> None:
        if not self.can_fetch_more() or self._loading:
            return
        generation = self._generation
        self._set_loading(True)
        assert self._fetcher is not None
        self._fetcher(self._next_cursor, lambda page: self._on_page(generation, page),
                      lambda error: self._on_error(generation, error))

    def restart(self, fetcher: Fetcher | None) -> None:
        """Back to before the first page of ``fetcher`` (``None``: an empty
        list); answers to earlier requests are ignored from now on."""
        self._generation += 1
        self._fetcher = fetcher
        self._next_cursor, self._exhausted, self._error = None, fetcher is None, None
        self._set_loading(False)

    def retry(self) -> None:
        """Fetch the page that failed again."""
        self._error = None
        self.fetch_more()

    def _on_page(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        self._deliver(page)
        self._next_cursor = page.next_cursor
        self._exhausted = page.next_cursor is None
        self._set_loading(False)
        self.loaded.emit()

    def _on_error(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._error = error
        self._set_loading(False)
        self.failed.emit(error)

    def _set_loading(self, loading: bool) -> None:
        if self._loading != loading:
            self._loading = loading
            self.loading_changed.emit(loading)


class PagedRowsModel(StaticTableModel[RowT]):
    """A :class:`StaticTableModel` whose rows arrive page by page through a
    :class:`Pager`, appended at the end as the view asks.

    Subclasses say which rows a page adds (:meth:`_page_rows`, where they
    convert, filter or drop rows they already hold) and how they start over
    (their own ``reset``, through :meth:`_restart`); the paging, its signals
    and the row insertion are written here once.
    """

    loading_changed = Signal(bool)
    #: A page failed; the model stops fetching until :meth:`retry`.
    load_failed = Signal(object)
    #: A page arrived (also when it was empty), with the total row count.
    page_loaded = Signal(int)

    def __init__(self, titles: Sequence[str], *, right_aligned: Iterable[int] | None = None,
                 fetcher: Fetcher | None = None, parent: QObject | None = None) -> None:
        super().__init__(titles, right_aligned=right_aligned, parent=parent)
        self._pager = Pager(fetcher, self._add_page, self)
        self._pager.loading_changed.connect(self.loading_changed)
        self._pager.failed.connect(self.load_failed)
        self._pager.loaded.connect(lambda: self.page_loaded.emit(len(self._rows)))

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._pager.can_fetch_more()

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._pager.fetch_more()

    @property
    def is_loading(self) -> bool:
        return self._pager.is_loading

    @property
    def error(self) -> Exception | None:
        """The error that stopped paging, until :meth:`retry` or the next reset."""
        return self._pager.error

    def retry(self) -> None:
        """Try the page that failed again."""
        self._pager.retry()

    def _restart(self, fetcher: Fetcher | None) -> None:
        """Forget every row and page ``fetcher`` from its start (``None``: an
        empty list); answers to requests made before are ignored."""
        self.beginResetModel()
        try:
            self._rows = []
            self._pager.restart(fetcher)
        finally:
            self.endResetModel()
        self.fetchMore()

    def _add_page(self, page: Page) -> None:
        rows = self._page_rows(page)
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def _page_rows(self, page: Page) -> list[RowT]:
        """The rows ``page`` appends, in order: every subclass says this."""
        raise NotImplementedError


class PagedTableModel(PagedRowsModel[_Row]):
    """Rows of one server list, appended page by page as the view asks."""

    def __init__(self, columns: Sequence[Column], fetcher: Fetcher | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__([column.title for column in columns],
                         right_aligned=[n for n, column in enumerate(columns) if column.align_right],
                         fetcher=fetcher, parent=parent)
        self._columns = tuple(columns)

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def row_id(self, row: int) -> Any:
        return self._rows[row].row_id

    def reset(self, fetcher: Fetcher | None = None) -> None:
        """Forget all rows and start over, optionally with a new fetcher
        (new filters). Answers to requests made before are ignored."""
        self._restart(fetcher or self._pager.fetcher)

    def clear(self) -> None:
        """Forget all rows and the fetcher: an empty list until the next :meth:`reset`."""
        self._restart(None)

    def _text(self, row: _Row, column: int) -> str:
        return row.cells[column]

    def _row_id(self, row: _Row) -> Any:
        return row.row_id

    def _status(self, row: _Row, column: int) -> str:
        return row.status

    def _page_rows(self, page: Page) -> list[_Row]:
        return [self._make_row(item) for item in page.items]

    def _make_row(self, item: Mapping[str, Any]) -> _Row:
        cells = tuple(_shared(column.format(item.get(column.key))) for column in self._columns)
        return _Row(item.get("id"), plain(item.get("status")), cells)


def _shared(text: str) -> str:
    """Share repeated short cells (statuses, categories, names) between rows
    so a long list costs less memory; long free text is left alone."""
    return intern(text) if len(text) <= 32 else text
