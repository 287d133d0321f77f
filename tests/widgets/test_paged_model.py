"""PagedTableModel: pages in through an injected fetcher, appends rows, and
ignores answers that arrive after a reset."""

from __future__ import annotations

from typing import Any

import pytest

from console.qt import QModelIndex, Qt, QTableView
from widgets.paged_model import Column, Page, PagedRowsModel, PagedTableModel
from widgets.roles import ROW_ID_ROLE, STATUS_ROLE

COLUMNS = (Column("title", "Title"), Column("price", "Price", lambda v: f"¥{v:,}", align_right=True))


def items(start: int, count: int) -> list[dict[str, Any]]:
    return [{"id": n, "title": f"item {n}", "price": n * 100, "status": "active"} for n in range(start, start + count)]


class ListService:
    """A fake list endpoint: ``total`` rows, ``size`` per page, cursor = next offset."""

    def __init__(self, total: int, size: int, *, deferred: bool = False) -> None:
        self.total, self.size, self.deferred = total, size, deferred
        self.requests: list[str | None] = []
        self.pending: list[tuple[Any, Any, Any]] = []

    def fetch(self, cursor: str | None, on_page: Any, on_error: Any) -> None:
        self.requests.append(cursor)
        if self.deferred:
            self.pending.append((cursor, on_page, on_error))
        else:
            self.answer(cursor, on_page)

    def answer(self, cursor: str | None, on_page: Any) -> None:
        start = int(cursor or 0)
        end = min(self.total, start + self.size)
        on_page(Page(items(start, end - start), str(end) if end < self.total else None))

    def release(self) -> None:
        pending, self.pending = self.pending, []
        for cursor, on_page, _on_error in pending:
            self.answer(cursor, on_page)


def test_model_passes_qt_model_tester(qtmodeltester: Any) -> None:
    service = ListService(total=25, size=10)
    model = PagedTableModel(COLUMNS, service.fetch)
    model.fetchMore()
    qtmodeltester.check(model)
    assert model.rowCount() >= 10


def test_empty_model_passes_qt_model_tester(qtmodeltester: Any) -> None:
    qtmodeltester.check(PagedTableModel(COLUMNS))


def test_pages_append_until_the_cursor_runs_out() -> None:
    service = ListService(total=25, size=10)
    model = PagedTableModel(COLUMNS, service.fetch)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 25
    assert inserted == [(0, 9), (10, 19), (20, 24)]
    assert service.requests == [None, "10", "20"]
    index = model.index(24, 1)
    assert index.data() == "¥2,400"
    assert index.data(ROW_ID_ROLE) == 24
    assert index.data(STATUS_ROLE) == "active"
    assert int(index.data(Qt.ItemDataRole.TextAlignmentRole)) & int(Qt.AlignmentFlag.AlignRight)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Title"


def test_one_request_at_a_time() -> None:
    service = ListService(total=100, size=10, deferred=True)
    model = PagedTableModel(COLUMNS, service.fetch)
    model.fetchMore()
    model.fetchMore()
    assert len(service.requests) == 1
    assert model.is_loading
    service.release()
    assert model.rowCount() == 10 and not model.is_loading


def test_answers_from_before_a_reset_are_ignored() -> None:
    old = ListService(total=100, size=10, deferred=True)
    model = PagedTableModel(COLUMNS, old.fetch)
    model.fetchMore()
    new = ListService(total=3, size=10)
    model.reset(new.fetch)
    old.release()
    assert model.rowCount() == 3
    assert [model.index(r, 0).data() for r in range(3)] == ["item 0", "item 1", "item 2"]


def test_error_stops_paging_until_retry() -> None:
    failures: list[Exception] = []
    calls = {"n": 0}

    def flaky(cursor: str | None, on_page: Any, on_error: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            on_error(RuntimeError("offline"))
        else:
            on_page(Page(items(0, 2), None))

    model = PagedTableModel(COLUMNS, flaky)
    model.load_failed.connect(failures.append)
    model.fetchMore()
    assert len(failures) == 1 and not model.canFetchMore() and model.error is failures[0]
    model.retry()
    assert model.rowCount() == 2 and model.error is None and not model.canFetchMore()


def test_a_view_pages_in_as_it_scrolls(qtbot: Any) -> None:
    service = ListService(total=1000, size=50)
    model = PagedTableModel(COLUMNS, service.fetch)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    qtbot.waitUntil(lambda: model.rowCount() >= 50)
    before = model.rowCount()
    for _ in range(5):
        view.scrollToBottom()
        qtbot.wait(10)
    assert model.rowCount() > before


@pytest.mark.parametrize("parent_row", [0])
def test_child_indexes_have_no_rows(parent_row: int) -> None:
    service = ListService(total=5, size=5)
    model = PagedTableModel(COLUMNS, service.fetch)
    model.fetchMore()
    parent = model.index(parent_row, 0)
    assert model.rowCount(parent) == 0 and model.columnCount(parent) == 0
    assert not model.canFetchMore(parent)
    assert model.data(QModelIndex()) is None


class NamesModel(PagedRowsModel[str]):
    """The smallest paged model: one column of names, dropping names it holds."""

    def __init__(self, fetcher: Any) -> None:
        super().__init__(["Name"], fetcher=fetcher)

    def restart(self, fetcher: Any) -> None:
        self._restart(fetcher)

    def _text(self, row: str, column: int) -> str:
        return row

    def _page_rows(self, page: Page) -> list[str]:
        return [str(item["name"]) for item in page.items if item["name"] not in self._rows]


def test_paged_rows_model_appends_what_a_subclass_takes_from_each_page(qtmodeltester: Any) -> None:
    pages = {None: Page([{"name": "a"}, {"name": "b"}], "1"), "1": Page([{"name": "b"}], "2"),
             "2": Page([{"name": "c"}], None)}
    model = NamesModel(lambda cursor, on_page, on_error: on_page(pages[cursor]))
    inserted: list[tuple[int, int]] = []
    loaded: list[int] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.page_loaded.connect(loaded.append)
    while model.canFetchMore():
        model.fetchMore()
    # The page of names already held inserts nothing but still counts as loaded.
    assert inserted == [(0, 1), (2, 2)] and loaded == [2, 2, 3]
    assert [model.index(r, 0).data() for r in range(3)] == ["a", "b", "c"]
    qtmodeltester.check(model)


def test_paged_rows_model_restart_drops_late_answers_and_pages_anew(qtmodeltester: Any) -> None:
    old = ListService(total=10, size=5, deferred=True)
    model = NamesModel(lambda cursor, on_page, on_error: old.fetch(
        cursor, lambda page: on_page(Page([{"name": i["title"]} for i in page.items], page.next_cursor)), on_error))
    model.fetchMore()
    assert model.is_loading
    model.restart(lambda cursor, on_page, on_error: on_page(Page([{"name": "new"}])))
    old.release()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["new"]
    assert not model.is_loading and not model.canFetchMore()
    model.restart(None)
    assert model.rowCount() == 0 and not model.canFetchMore()
    qtmodeltester.check(model)
