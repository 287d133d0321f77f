"""The transactions of one member, as buyer and as seller, paged from the server.

A :class:`PagedTableModel` whose rows are read from the member's point of
view: which side they were on and who the other party was. Like its base it
keeps only display strings and ids, so a member with thousands of sales stays
cheap; the escrow pane fetches a transaction's ledger by id when asked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from console.i18n import QT_TR_NOOP
from widgets import formatting as fmt
from console.qt import QObject
from widgets.paged_model import Column, Fetcher, PagedTableModel, _Row

#: Which side of the sale the member was on, for the ``role`` filter of ``GET /transactions``.
ROLES = ("buyer", "seller")

TRANSACTION_COLUMNS: tuple[Column, ...] = (
    Column("created_at", QT_TR_NOOP("Date"), fmt.when, width=155),
    Column("side", QT_TR_NOOP("As"), width=55),
    Column("status", QT_TR_NOOP("Status"), fmt.label, width=120),
    Column("amount", QT_TR_NOOP("Amount"), fmt.yen, align_right=True, width=85),
    Column("counterparty", QT_TR_NOOP("Counterparty"), width=140),
    Column("updated_at", QT_TR_NOOP("Last change"), fmt.when, width=155),
    Column("listing_title", QT_TR_NOOP("Listing")),
)


class TransactionsModel(PagedTableModel):
    """Rows of ``GET /transactions?member_id=…``; :meth:`show_member` starts over."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(TRANSACTION_COLUMNS, None, parent)
        self._member_id: Any = None

    @property
    def member_id(self) -> Any:
        return self._member_id

    def show_member(self, member_id: Any, fetcher: Fetcher) -> None:
        """Forget the rows of the previous member (their late pages are ignored) and load ``member_id``'s."""
        self._member_id = member_id
        self.reset(fetcher)

    def clear(self) -> None:
        self._member_id = None
        super().clear()

    def _make_row(self, item: Mapping[str, Any]) -> _Row:
        as_seller = item.get("seller_id") == self._member_id
        row = dict(item)
        row["side"] = "seller" if as_seller else "buyer"
        row["counterparty"] = item.get("buyer_name") if as_seller else item.get("seller_name")
        return super()._make_row(row)
