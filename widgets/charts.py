"""Charts on pyqtgraph: time series and categories, with an empty state,
PNG and CSV export, and time axes in the staff member's zone.

pyqtgraph is the console's one chart library (why: docs/ARCHITECTURE.md).
It is pure Python on top of the binding :mod:`console.qt` already loaded, so
it is imported here, after that module, and picks PySide6.

A :class:`Chart` is given its data whole (``set_time_series`` /
``set_categories``); it keeps that data so CSV export writes exactly what is
drawn. With nothing to show it says why instead of drawing empty axes.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from console.qt import (
    QAction, QColor, QCoreApplication, QFileDialog, QHBoxLayout, QLabel, QStackedWidget, Qt, QVBoxLayout, QWidget,
)

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import pyqtgraph as pg  # noqa: E402  (after the binding is loaded)

JST = ZoneInfo("Asia/Tokyo")

#: Colour-blind-safe series colours (Okabe–Ito), used in order.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")


def tr(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate("", text, disambiguation)


def parse_time(value: Any) -> datetime:
    stamp = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=timezone.utc)


class ZoneAxis(pg.DateAxisItem):
    """A date axis that labels ticks in a given zone (pyqtgraph's own uses the machine's)."""

    def __init__(self, zone: tzinfo, **kwargs: Any) -> None:
        super().__init__(orientation="bottom", **kwargs)
        self.set_zone(zone)

    def set_zone(self, zone: tzinfo) -> None:
        self.zone = zone
        offset = datetime.now(zone).utcoffset()
        # pyqtgraph's utcOffset is seconds *west* of UTC, like time.timezone.
        self.utcOffset = -int(offset.total_seconds()) if offset is not None else 0
        self.picture = None
        self.update()


@dataclass
class ChartData:
    """What a chart shows: x values (times or category names) and named series."""

    x: list[Any] = field(default_factory=list)
    series: dict[str, list[float | None]] = field(default_factory=dict)
    time_axis: bool = True

    def is_empty(self) -> bool:
        return not self.x or not any(v for values in self.series.values() for v in values if v)


class Chart(QWidget):
    """A titled chart. ``style``: "line", "bars" (grouped) or "stacked"."""

    def __init__(self, title: str, *, style: str = "line", y_label: str = "", zone: tzinfo = JST,
                 y_range: tuple[float, float] | None = None, compact: bool = False,
                 colours: Sequence[str] = PALETTE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.compact = compact
        self.colours = tuple(colours)
        self.setObjectName("Chart")
        self.title = title
        self.style = style
        self.zone = zone
        self.data = ChartData()
        self.markers: list[tuple[datetime, str]] = []
        self._category_marker: tuple[float, str] | None = None
        self._y_range = y_range
        self.empty_reason = tr("No data loaded yet.")

        self.heading = QLabel(title, self)
        self.heading.setObjectName("ChartTitle")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.zone_label = QLabel(self)
        self.zone_label.setObjectName("ChartZone")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.zone_label)

        self.time_axis = ZoneAxis(zone)
        self.plot = pg.PlotWidget(self, axisItems={"bottom": self.time_axis})
        self.plot.setBackground(None)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.setMenuEnabled(False)
        # pyqtgraph builds its context menus without a parent; ours replace them, so they go with the chart.
        for menu in (self.plot.plotItem.ctrlMenu, self.plot.plotItem.vb.menu):
            if menu is not None:
                menu.setParent(self, menu.windowFlags())
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        if y_label:
            self.plot.setLabel("left", y_label)
        self.legend = self.plot.addLegend(offset=(-8, 8))
        self.empty = QLabel(self)
        self.empty.setObjectName("ChartEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.empty)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(top)
        column.addWidget(self.stack, 1)
        if compact:  # a sparkline: no title, axes or legend; the tooltip says the figures
            self.heading.hide()
            self.zone_label.hide()
            self.legend.hide()
            for axis in ("left", "bottom"):
                self.plot.hideAxis(axis)
            self.plot.showGrid(x=False, y=False)
            column.setContentsMargins(0, 0, 0, 0)
            self.setMinimumHeight(40)
        else:
            self.setMinimumHeight(200)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, fmt in ((tr("Save Chart as PNG…"), "png"), (tr("Save Chart Data as CSV…"), "csv")):
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, f=fmt: self.save_as(f))
            self.addAction(action)
        self.plot.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._show_empty()

    # -- data ----------------------------------------------------------------------------

    def set_zone(self, zone: tzinfo) -> None:
        self.zone = zone
        self.time_axis.set_zone(zone)
        self._redraw()

    def set_time_series(self, buckets: Sequence[Any], series: Mapping[str, Sequence[float | None]], *,
                        empty_reason: str = "", markers: Sequence[tuple[Any, str]] = ()) -> None:
        """``buckets``: ISO bucket starts (UTC from the service); ``series``: name -> one value per bucket."""
        self.data = ChartData([parse_time(b) for b in buckets],
                              {name: list(values) for name, values in series.items()}, time_axis=True)
        self.markers = [(parse_time(at), text) for at, text in markers]
        self.empty_reason = empty_reason or tr("Nothing happened in this period.")
        self._redraw()

    def set_categories(self, names: Sequence[str], series: Mapping[str, Sequence[float | None]], *,
                       empty_reason: str = "", marker: tuple[float, str] | None = None) -> None:
        """``marker``: a dashed line at a (fractional) category position, with its label."""
        self.data = ChartData(list(names), {name: list(values) for name, values in series.items()}, time_axis=False)
        self.markers = []
        self._category_marker = marker
        self.empty_reason = empty_reason or tr("Nothing to show.")
        self._redraw()

    def show_message(self, text: str) -> None:
        """Show ``text`` instead of the chart (loading, an error), keeping the last data for export."""
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def is_empty(self) -> bool:
        return self.data.is_empty()

    # -- drawing ---------------------------------------------------------------------------

    def _show_empty(self) -> None:
        self.empty.setText("" if self.compact else self.empty_reason)
        self.stack.setCurrentWidget(self.empty)

    def _x_values(self) -> list[float]:
        if self.data.time_axis:
            return [stamp.timestamp() for stamp in self.data.x]
        return list(range(len(self.data.x)))

    def _redraw(self) -> None:
        self.zone_label.setText(self._zone_text() if self.data.time_axis else "")
        self.plot.clear()
        self.legend.clear()
        if self.data.is_empty():
            self._show_empty()
            return
        self.stack.setCurrentWidget(self.plot)
        xs = self._x_values()
        width = self._bar_width(xs)
        self._set_axis()
        names = list(self.data.series)
        base = [0.0] * len(xs)
        for i, name in enumerate(names):
            values = self.data.series[name]
            colour = QColor(self.colours[i % len(self.colours)])
            if self.style == "line":
                ys = [math.nan if v is None else float(v) for v in values]
                item = pg.PlotDataItem(xs, ys, pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=5,
                                       symbolBrush=colour, symbolPen=None, connect="finite", name=name)
                self.plot.addItem(item)
            elif self.style == "stacked":
                heights = [float(v or 0) for v in values]
                bar = pg.BarGraphItem(x=xs, y0=base, height=heights, width=width * 0.8, brush=colour, pen=None,
                                      name=name)
                self.plot.addItem(bar)  # named items join the legend by themselves
                base = [b + h for b, h in zip(base, heights, strict=True)]
            else:  # grouped bars
                slot = width * 0.8 / max(1, len(names))
                offset = -width * 0.4 + slot * (i + 0.5)
                bar = pg.BarGraphItem(x=[x + offset for x in xs], height=[float(v or 0) for v in values],
                                      width=slot * 0.9, brush=colour, pen=None, name=name)
                self.plot.addItem(bar)
        lines = [(at.timestamp(), text, 0.92) for at, text in self.markers]
        if not self.data.time_axis and self._category_marker is not None:
            lines.append((*self._category_marker, 0.3))  # its label low, clear of the legend
        for position, text, height in lines:
            line = pg.InfiniteLine(pos=position, angle=90, movable=False,
                                   pen=pg.mkPen("#888888", width=1, style=Qt.PenStyle.DashLine),
                                   label=text, labelOpts={"position": height, "color": "#666666", "rotateAxis": (1, 0)})
            self.plot.addItem(line)
        if self._y_range is not None:
            self.plot.setYRange(*self._y_range, padding=0.05)
        else:
            self.plot.enableAutoRange(axis="y")
        pad = width * 0.6
        self.plot.setXRange(xs[0] - pad, xs[-1] + pad, padding=0)

    def _bar_width(self, xs: list[float]) -> float:
        if len(xs) > 1:
            return min(b - a for a, b in zip(xs, xs[1:], strict=False)) or 1.0
        return 3600.0 if self.data.time_axis else 1.0

    def _set_axis(self) -> None:
        axis = self.plot.getAxis("bottom")
        if self.data.time_axis:
            axis.setTicks(None)
        else:
            axis.setTicks([[(i, str(name)) for i, name in enumerate(self.data.x)]])

    def _zone_text(self) -> str:
        stamp = datetime.now(self.zone)
        name = stamp.strftime("%Z")
        if not name or name.startswith(("+", "-")):
            name = "UTC" + stamp.strftime("%z")[:3]
        return tr("Times in {zone}").format(zone=name)

    # -- export ------------------------------------------------------------------------------

    def csv_text(self) -> str:
        """The chart's data as CSV: one row per bucket (its start in the staff's zone) or category."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        first = tr("period start") if self.data.time_axis else tr("name")
        writer.writerow([first, *self.data.series])
        for i, x in enumerate(self.data.x):
            label = x.astimezone(self.zone).isoformat() if self.data.time_axis else _safe(str(x))
            writer.writerow([label, *(_cell(values[i]) for values in self.data.series.values())])
        return out.getvalue()

    def export_csv(self, path: str | Path) -> None:
        Path(path).write_text(self.csv_text(), encoding="utf-8")

    @classmethod
    def ask_path(cls, parent: QWidget, title: str, suggested: str, pattern: str) -> str:
        """The file to write (empty: cancelled); tests patch this."""
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
        return path

    def save_as(self, fmt: str) -> str:
        """Ask where, then export the picture ("png") or the figures ("csv"); the path, or "" if cancelled."""
        stem = "".join(c if c.isalnum() else "-" for c in self.title.lower()).strip("-") or "chart"
        if fmt == "png":
            path = self.ask_path(self, tr("Save chart as PNG"), f"{stem}.png", tr("PNG images (*.png)"))
            if path:
                self.export_png(path)
        else:
            path = self.ask_path(self, tr("Save chart data as CSV"), f"{stem}.csv", tr("CSV files (*.csv)"))
            if path:
                self.export_csv(path)
        return path

    def export_png(self, path: str | Path) -> bool:
        """The chart as drawn (title, legend, empty state included)."""
        return self.grab().save(str(path), "PNG")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value)


def _safe(text: str) -> str:
    """Names are people's and policies' names: never a spreadsheet formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
