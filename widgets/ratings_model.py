"""Ratings of one member (received or given), and a small trend chart.

:class:`RatingsModel` pages ``GET /ratings`` through an injected fetcher;
the score is the row's status so the status delegate draws it as a pill
(bad ones red, easy to spot). :class:`RatingTrend` draws the 6 × 30-day trend
of the ratings summary as stacked bars (pyqtgraph, through widgets/charts.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from console.i18n import QT_TR_NOOP, tr
from widgets import formatting as fmt
from console.qt import QColor, QObject, QSize, QVBoxLayout, QWidget
from widgets import status_delegate
from widgets.paged_model import Column, Fetcher, PagedTableModel, _Row

#: Rating scores as tones for the status pill (registered once, beside the statuses).
for _score, _tone in (("good", "good"), ("normal", "neutral"), ("bad", "bad")):
    status_delegate.TONES.setdefault(_score, _tone)

DIRECTIONS = ("received", "given")


def _direction(value: Any) -> str:
    return {"buyer_to_seller": tr("as seller"), "seller_to_buyer": tr("as buyer")}.get(str(value), fmt.label(value))


RATING_COLUMNS: tuple[Column, ...] = (
    Column("created_at", QT_TR_NOOP("Date"), fmt.when, width=155),
    Column("score", QT_TR_NOOP("Score"), width=70),
    Column("other", QT_TR_NOOP("From / to"), width=140),
    Column("role", QT_TR_NOOP("Member was"), width=100),
    Column("comment", QT_TR_NOOP("Comment")),
)


class RatingsModel(PagedTableModel):
    """Rows of ``GET /ratings?member_id=…&direction=…``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(RATING_COLUMNS, None, parent)
        self._direction = "received"

    @property
    def direction(self) -> str:
        return self._direction

    def show(self, direction: str, fetcher: Fetcher) -> None:
        if direction not in DIRECTIONS:
            raise ValueError(f"unknown direction {direction!r}")
        self._direction = direction
        self.reset(fetcher)

    def _make_row(self, item: Mapping[str, Any]) -> _Row:
        row = dict(item)
        received = self._direction == "received"
        row["other"] = item.get("rater_name") if received else item.get("ratee_name")
        # buyer_to_seller: the ratee was the seller; the rater the buyer.
        ratee_was_seller = item.get("direction") == "buyer_to_seller"
        row["role"] = ("seller" if ratee_was_seller else "buyer") if received else (
            "buyer" if ratee_was_seller else "seller")
        made = super()._make_row(row)
        made.status = str(item.get("score") or "")
        return made


class RatingTrend(QWidget):
    """Stacked bars (good, normal, bad) per period, oldest left; the bad part on top in red.

    A compact :class:`widgets.charts.Chart` (pyqtgraph): right-click saves it as PNG or its figures as CSV."""

    GOOD = QColor(46, 160, 67, 200)
    NORMAL = QColor(128, 128, 128, 150)
    BAD = QColor(218, 54, 51, 220)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from widgets.charts import Chart  # pyqtgraph loads when the ratings pane is first built

        self.setObjectName("RatingTrend")
        self._points: list[tuple[int, int, int]] = []
        self.chart = Chart(tr("Ratings trend"), style="stacked", compact=True, parent=self,
                           colours=[c.name(QColor.NameFormat.HexArgb) for c in (self.GOOD, self.NORMAL, self.BAD)])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart)
        self.setMinimumHeight(44)

    @property
    def points(self) -> list[tuple[int, int, int]]:
        return list(self._points)

    def set_points(self, trend: Sequence[Mapping[str, Any]]) -> None:
        self._points = [(int(p.get("good", 0)), int(p.get("normal", 0)), int(p.get("bad", 0))) for p in trend]
        tips = [tr("{value} – {value2}: {good} good, {normal} normal, {bad} bad").format(value=fmt.day(p.get('start')), value2=fmt.day(p.get('end')), good=p.get('good', 0), normal=p.get('normal', 0), bad=p.get('bad', 0)) for p in trend]
        self.setToolTip("\n".join(tips))
        starts = [p.get("start") for p in trend]
        if trend and all(starts):
            self.chart.set_time_series(starts, {tr("good"): [g for g, _, _ in self._points],
                                                tr("normal"): [n for _, n, _ in self._points],
                                                tr("bad"): [b for _, _, b in self._points]},
                                       empty_reason=tr("No ratings in these periods."))
        else:
            self.chart.set_categories([str(i + 1) for i in range(len(self._points))],
                                      {tr("good"): [g for g, _, _ in self._points],
                                       tr("normal"): [n for _, n, _ in self._points],
                                       tr("bad"): [b for _, _, b in self._points]},
                                      empty_reason=tr("No ratings in these periods."))

    def sizeHint(self) -> QSize:
        return QSize(160, 48)
