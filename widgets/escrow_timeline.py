"""An escrow ledger as a timeline: each step, its amount, who did it, when,
and what was still held after it; above it the money in four figures.

:class:`EscrowTimelineModel` is a small table model over the ledger entries
of one transaction (a ledger has a handful of rows, so no paging).
:class:`EscrowTimeline` shows the figures and the table; it is handed the
``GET /transactions/{id}`` answer and knows nothing about where it came from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from console.i18n import QT_TR_NOOP, tr
from widgets import formatting as fmt
from console.qt import (
    QGridLayout,
    QLabel,
    QObject,
    Qt,
    QVBoxLayout,
    QWidget,
)
from widgets import status_delegate
from widgets.list_table import list_table
from widgets.static_table_model import StaticTableModel

#: Ledger entry kind -> what the step means to an agent.
STEP_TEXT: dict[str, str] = {
    "payment": QT_TR_NOOP("Paid — held in escrow"),
    "shipped": QT_TR_NOOP("Shipped"),
    "received": QT_TR_NOOP("Received by buyer"),
    "dispute": QT_TR_NOOP("Disputed — on hold"),
    "release": QT_TR_NOOP("Released to seller"),
    "refund": QT_TR_NOOP("Refunded to buyer"),
    "cancel": QT_TR_NOOP("Cancelled"),
}
#: Ledger kinds as tones for the step pill.
for _kind, _tone in (("payment", "neutral"), ("dispute", "bad"), ("release", "good"), ("refund", "warn"),
                     ("cancel", "neutral")):
    status_delegate.TONES.setdefault(_kind, _tone)

COLUMNS = (QT_TR_NOOP("When"), QT_TR_NOOP("Step"), QT_TR_NOOP("Amount"), QT_TR_NOOP("Held after"), QT_TR_NOOP("By"), QT_TR_NOOP("Note"))
STEP_COLUMN = 1
#: The money columns ("Amount", "Held after"), right-aligned.
AMOUNT_COLUMNS = (2, 3)


def running_held(entries: Sequence[Mapping[str, Any]]) -> list[int]:
    """What escrow held after each entry: paid − released − refunded so far."""
    held, out = 0, []
    for entry in entries:
        kind, amount = entry.get("kind"), int(entry.get("amount") or 0)
        if kind == "payment":
            held += amount
        elif kind in ("release", "refund"):
            held -= amount
        out.append(held)
    return out


@dataclass(frozen=True, slots=True)
class _Step:
    """A ledger entry with what escrow held after it (that depends on the entries before it)."""

    entry: dict[str, Any]
    held: int



def actor_text(actor: object) -> str:
    """Who made a ledger entry: the buyer, the seller, the system (worded) or a staff user name."""
    value = str(actor or "")
    return fmt.label(value) if value in ("buyer", "seller", "system") else value


class EscrowTimelineModel(StaticTableModel[_Step]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, right_aligned=AMOUNT_COLUMNS, parent=parent)

    def set_entries(self, entries: Sequence[Mapping[str, Any]]) -> None:
        self._set_rows(_Step(dict(entry), held) for entry, held in zip(entries, running_held(entries)))

    def entry(self, row: int) -> dict[str, Any]:
        return dict(self._rows[row].entry)

    def _text(self, row: _Step, column: int) -> str:
        entry = row.entry
        kind = str(entry.get("kind") or "")
        amount = int(entry.get("amount") or 0)
        values = (
            fmt.when(entry.get("created_at")),
            tr(STEP_TEXT[kind]) if kind in STEP_TEXT else fmt.label(kind),
            fmt.yen(amount) if amount else "—",
            fmt.yen(row.held),
            actor_text(entry.get("actor_label")),
            str(entry.get("note") or ""),
        )
        return values[column]

    def _row_id(self, row: _Step) -> Any:
        return row.entry.get("seq")

    def _status(self, row: _Step, column: int) -> str:
        return str(row.entry.get("kind") or "")


class EscrowTimeline(QWidget):
    """Figures (paid, held, released, refunded) over the ledger table."""

    FIGURES = (("paid", QT_TR_NOOP("Paid")), ("held", QT_TR_NOOP("Still held")), ("released", QT_TR_NOOP("Released")), ("refunded", QT_TR_NOOP("Refunded")))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EscrowTimeline")
        self.model = EscrowTimelineModel(self)
        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(0)
        for column, (key, title) in enumerate(self.FIGURES):
            caption = QLabel(tr(title), self)
            caption.setObjectName("FigureCaption")
            value = QLabel("—", self)
            value.setObjectName("FigureValue")
            value.setProperty("figure", key)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, 0, column)
            grid.addWidget(value, 1, column)
            self.figures[key] = value
        grid.setColumnStretch(len(self.FIGURES), 1)
        self.view = list_table(self, "escrow-timeline-table", self.model, widths=(150, 170, 80, 85, 110),
                               status_columns=(STEP_COLUMN,))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(grid)
        layout.addWidget(self.view, 1)

    def figure(self, key: str) -> str:
        return self.figures[key].text()

    def set_detail(self, detail: Mapping[str, Any]) -> None:
        for key, _title in self.FIGURES:
            self.figures[key].setText(fmt.yen(detail.get(key, 0)) or "¥0")
        self.model.set_entries(detail.get("ledger") or [])

    def clear(self) -> None:
        for label in self.figures.values():
            label.setText("—")
        self.model.set_entries([])
