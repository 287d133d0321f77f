"""Why a listing was flagged: the reasons (signal, policy, text, weight) and
the listing text with the matched words highlighted.

A flag's reasons carry ``spans`` that index ``title + "\\n" + description`` of
the listing as the detector read it. Picking a reason emphasises its words.
The view fetches nothing: the enforcement pane hands it the flag and listing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from console.i18n import QT_TR_NOOP, tr
from widgets import formatting as fmt
from console.qt import (
    QHeaderView,
    QLabel,
    QModelIndex,
    QObject,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from widgets.highlight_text import HighlightText
from widgets.list_table import list_table
from widgets.static_table_model import StaticTableModel

Record = Mapping[str, Any]
REASON_COLUMNS = (QT_TR_NOOP("Signal"), QT_TR_NOOP("Policy"), QT_TR_NOOP("Why"), QT_TR_NOOP("Weight"))
SPANS_ROLE = Qt.ItemDataRole.UserRole + 30


def listing_text(listing: Record) -> str:
    """The text reason spans index: title, a newline, description."""
    return f"{listing.get('title') or ''}\n{listing.get('description') or ''}"


def _weight(value: Any) -> str:
    if value is None or value == "":
        return "—"
    try:
        return f"{float(value):+.2f}"
    except (TypeError, ValueError):
        return str(value)


def normalise_reasons(reasons: Any) -> list[dict[str, Any]]:
    """Reasons as dicts; old string reasons become ``{"text": ...}``."""
    result = []
    for reason in reasons or []:
        result.append(dict(reason) if isinstance(reason, Mapping) else {"text": str(reason)})
    return result


class FlagReasonsModel(StaticTableModel[Record]):
    """The reasons of one flag; a handful of rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(REASON_COLUMNS, right_aligned=(3,), parent=parent)

    def _text(self, reason: Record, column: int) -> str:
        return (fmt.label(reason.get("signal")) or "—", fmt.label(reason.get("policy")) or "—",
                str(reason.get("text") or ""), _weight(reason.get("weight")))[column]

    def _role_data(self, reason: Record, role: int) -> Any:
        return list(reason.get("spans") or []) if role == SPANS_ROLE else None

    def set_reasons(self, reasons: Sequence[Record]) -> None:
        self._set_rows(normalise_reasons(reasons))

    def all_spans(self) -> list[list[int]]:
        return [span for reason in self._rows for span in reason.get("spans") or []]


class FlagView(QWidget):
    """Reasons above, the listing text with matched words below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FlagView")
        self.summary = QLabel(self)
        self.summary.setObjectName("ScreenHint")
        self.summary.setWordWrap(True)
        self.model = FlagReasonsModel(self)
        # "Why" takes the spare width, so the weight stays a narrow figure at the right.
        self.reasons = list_table(self, "FlagReasons", self.model, widths=(80, 110, 0, 60), stretch_last=False)
        self.reasons.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.text = HighlightText(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.reasons)
        splitter.addWidget(self.text)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([120, 120])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.reasons.selectionModel().currentRowChanged.connect(self._reason_picked)
        self.clear()

    def clear(self) -> None:
        self.summary.setText(tr("No flag selected."))
        self.model.set_reasons([])
        self.text.set_text("")

    def show_flag(self, flag: Record, listing: Record) -> None:
        """Show ``flag``'s reasons over ``listing``'s text."""
        self.summary.setText(
            tr("Flag {id}: {policy}, score {score}, {source}, {status}. Pick a reason to see its words.").format(id=flag.get('id'), policy=fmt.label(flag.get('policy')), score=fmt.score(flag.get('score')), source=fmt.label(flag.get('source')), status=fmt.label(flag.get('status'))))
        self.model.set_reasons(flag.get("reasons") or [])
        self.text.set_text(listing_text(listing), self.model.all_spans())
        self.reasons.resizeRowsToContents()

    def _reason_picked(self, current: QModelIndex) -> None:
        self.text.emphasize(current.data(SPANS_ROLE) or [] if current.isValid() else [])
