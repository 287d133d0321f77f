"""What the dashboards and the audit viewer share: the staff's zone, periods
aligned to it, translation, and a chart with its export buttons."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.qt import QCoreApplication, QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from console.settings import Options, Settings
from widgets.charts import Chart

DEFAULT_ZONE = "Asia/Tokyo"


def tr(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate("", text, disambiguation)


def staff_zone(settings: Settings | None) -> tzinfo:
    """The zone staff see times in (``options/time_zone``; JST unless changed)."""
    option = getattr(Options, "TIME_ZONE", None)
    name = settings.get(option) if settings is not None and option is not None else DEFAULT_ZONE
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def period(zone: tzinfo, *, bucket: str, count: int, now: datetime | None = None) -> tuple[datetime, datetime]:
    """The last ``count`` hours or days, aligned to the hour or to midnight in ``zone``, ending after now."""
    now = (now or datetime.now(zone)).astimezone(zone)
    if bucket == "hour":
        end = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        return end - timedelta(hours=count), end
    end = now.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    return end - timedelta(days=count), end


class ChartPanel(QWidget):
    """A :class:`Chart` with "Save PNG…" and "Save CSV…" under it."""

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        chart.setParent(self)
        self.png_button = QPushButton(tr("Save PNG…"), self)
        self.csv_button = QPushButton(tr("Save CSV…"), self)
        self.png_button.setToolTip(tr("Save the chart as a picture"))
        self.csv_button.setToolTip(tr("Save the chart's figures as a spreadsheet (CSV)"))
        self.png_button.clicked.connect(lambda: self.save("png"))
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.png_button)
        buttons.addWidget(self.csv_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(chart, 1)
        column.addLayout(buttons)

    def save(self, fmt: str) -> str:
        return self.chart.save_as(fmt)
