"""The supervisors' dashboards window: operations (live), enforcement and
detection, recalls. Every figure comes from the service's ``/metrics``
endpoints (counted in the database); the window only draws them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from itertools import accumulate
from typing import Any, ClassVar

from console import messages
from console.context import ConsoleContext
from console.dashboards.common import ChartPanel, period, staff_zone, tr
from console.qt import (
    QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QTabWidget, QTimer, QVBoxLayout, QWidget,
)
from widgets.charts import Chart

KINDS = {"inquiry": "Inquiries", "flag": "Flags", "appeal": "Appeals"}
#: Operations refresh this often while the window is open (milliseconds).
LIVE_REFRESH_MS = 30_000


def _kind(kind: str) -> str:
    return tr(KINDS.get(kind, kind))


def _minutes(seconds: Any) -> str:
    if seconds is None:
        return "—"
    seconds = int(seconds)
    if seconds >= 86400:
        return tr("{d} d {h} h").format(d=seconds // 86400, h=seconds % 86400 // 3600)
    if seconds >= 3600:
        return tr("{h} h {m} min").format(h=seconds // 3600, m=seconds % 3600 // 60)
    return tr("{m} min").format(m=seconds // 60)


class _Tab(QWidget):
    """A scrolling column of charts with a period chooser on top."""

    PERIODS: ClassVar[tuple[tuple[str, str, int], ...]] = ()

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.zone = staff_zone(context.settings)
        self.period_box = QComboBox(self)
        for text, bucket, count in self.PERIODS:
            self.period_box.addItem(tr(text), (bucket, count))
        self.period_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status = QLabel(self)
        self.status.setObjectName("DashboardStatus")
        self.top = QHBoxLayout()
        self.top.addWidget(QLabel(tr("Period:"), self))
        self.top.addWidget(self.period_box)
        self.top.addStretch(1)
        self.top.addWidget(self.status)
        self.body = QWidget(self)
        self.grid = QGridLayout(self.body)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        column = QVBoxLayout(self)
        column.addLayout(self.top)
        column.addWidget(scroll, 1)
        self.panels: list[ChartPanel] = []
        self.loading = 0

    def add_chart(self, chart: Chart, row: int, col: int, span: int = 1) -> Chart:
        panel = ChartPanel(chart, self.body)
        self.panels.append(panel)
        self.grid.addWidget(panel, row, col, 1, span)
        return chart

    def window_params(self) -> dict[str, str]:
        bucket, count = self.period_box.currentData()
        start, end = period(self.zone, bucket=bucket, count=count)
        return {"from": start.isoformat(), "to": end.isoformat(), "bucket": bucket}

    def fetch(self, path: str, params: Mapping[str, Any] | None, done: Callable[[Any], None],
              doing: str) -> None:
        client = self.context.client
        self.loading += 1
        self.status.setText(tr("Loading…"))

        def ok(result: Any) -> None:
            self._settle()
            done(result)

        def failed(exc: Exception) -> None:
            self._settle()
            self.status.setText(tr("Could not load: {error}").format(error=getattr(exc, "message", str(exc))))
            messages.report(exc, doing)

        self.context.runner.run(lambda: client.get(path, params), ok, on_error=failed, owner=self)

    def _settle(self) -> None:
        self.loading -= 1
        if self.loading == 0:
            self.status.setText(tr("Updated {time}").format(time=datetime.now(self.zone).strftime("%H:%M:%S")))

    def charts(self) -> list[Chart]:
        return [panel.chart for panel in self.panels]

    def refresh(self) -> None:
        raise NotImplementedError


class OperationsTab(_Tab):
    PERIODS = (("Last 24 hours, by hour", "hour", 24), ("Last 7 days, by day", "day", 7),
               ("Last 30 days, by day", "day", 30))

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.live = QCheckBox(tr("Live"), self)
        self.live.setChecked(True)
        self.live.setToolTip(tr("Refresh every {s} seconds while this window is open").format(
            s=LIVE_REFRESH_MS // 1000))
        self.top.insertWidget(2, self.live)
        self.timer = QTimer(self)
        self.timer.setInterval(LIVE_REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.live.toggled.connect(self._live_toggled)
        self.now_box = QWidget(self.body)
        self.now_grid = QGridLayout(self.now_box)
        self.grid.addWidget(self.now_box, 0, 0, 1, 2)
        self.handover = QLabel(self.body)
        self.handover.setWordWrap(True)
        self.handover.setObjectName("HandoverSummary")
        self.grid.addWidget(self.handover, 1, 0, 1, 2)
        zone = self.zone
        self.opened = self.add_chart(Chart(tr("Opened"), style="stacked", zone=zone), 2, 0)
        self.closed = self.add_chart(Chart(tr("Closed"), style="stacked", zone=zone), 2, 1)
        self.breached = self.add_chart(Chart(tr("SLA breaches (when they fell due)"), style="stacked", zone=zone), 3, 0)
        self.backlog = self.add_chart(Chart(tr("Backlog now, by kind"), style="bars", zone=zone), 3, 1)
        self.agents = self.add_chart(Chart(tr("Per agent: claims taken and items closed"), style="bars"), 4, 0)
        self.handling = self.add_chart(Chart(tr("Per agent: median handling time (minutes)"), style="bars"), 4, 1)
        self.last: dict[str, Any] | None = None

    def _live_toggled(self, on: bool) -> None:
        if on and self.isVisible():
            self.timer.start()
            self.refresh()
        else:
            self.timer.stop()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if self.live.isChecked():
            self.timer.start()

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        self.timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        self.fetch("/metrics/operations", self.window_params(), self.show_operations, tr("loading the operations dashboard"))
        self.fetch("/handover", None, self.show_handover, tr("loading the handover summary"))

    def show_operations(self, data: Mapping[str, Any]) -> None:
        self.last = dict(data)
        buckets = data.get("buckets", [])
        series = data.get("series", {})
        why = tr("No items were opened in this period.")
        self.opened.set_time_series(buckets, {_kind(k): v for k, v in series.get("opened", {}).items()},
                                    empty_reason=why)
        self.closed.set_time_series(buckets, {_kind(k): v for k, v in series.get("closed", {}).items()},
                                    empty_reason=tr("No items were closed in this period."))
        self.breached.set_time_series(buckets, {_kind(k): v for k, v in series.get("breached", {}).items()},
                                      empty_reason=tr("No SLA fell due unmet in this period."))
        now = data.get("now", {})
        self._show_now(now)
        kinds = list(now.get("waiting", {}))
        self.backlog.set_categories([_kind(k) for k in kinds], {
            tr("waiting"): [now["waiting"].get(k, 0) for k in kinds],
            tr("at risk"): [now.get("at_risk", {}).get(k, 0) for k in kinds],
            tr("breached"): [now.get("breached", {}).get(k, 0) for k in kinds]},
            empty_reason=tr("Nothing is waiting: the queue is empty."))
        agents = data.get("agents", [])
        names = [str(a.get("name")) for a in agents]
        self.agents.set_categories(names, {tr("claims taken"): [a.get("claimed", 0) for a in agents],
                                           tr("closed"): [a.get("closed", 0) for a in agents]},
                                   empty_reason=tr("Nobody claimed or closed an item in this period."))
        handled = [a for a in agents if a.get("median_handle_seconds") is not None]
        self.handling.set_categories(
            [str(a.get("name")) for a in handled],
            {tr("median minutes"): [round(a["median_handle_seconds"] / 60, 1) for a in handled]},
            empty_reason=tr("No item was closed after a claim in this period, so there is no handling time."))

    def _show_now(self, now: Mapping[str, Any]) -> None:
        while self.now_grid.count():
            item = self.now_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        headers = (tr("Now"), tr("Waiting"), tr("At risk (due within an hour)"), tr("Breached"),
                   tr("Oldest waiting"))
        for col, text in enumerate(headers):
            label = QLabel(f"<b>{text}</b>", self.now_box)
            self.now_grid.addWidget(label, 0, col)
        for row, kind in enumerate(now.get("waiting", {}), start=1):
            cells = (_kind(kind), str(now["waiting"].get(kind, 0)), str(now.get("at_risk", {}).get(kind, 0)),
                     str(now.get("breached", {}).get(kind, 0)),
                     _minutes(now.get("oldest_waiting_seconds", {}).get(kind)))
            for col, text in enumerate(cells):
                label = QLabel(text, self.now_box)
                label.setObjectName(f"now-{kind}-{col}")
                if col == 3 and text not in ("0", ""):
                    label.setStyleSheet("color: #D55E00; font-weight: bold;")
                self.now_grid.addWidget(label, row, col)

    def show_handover(self, data: Mapping[str, Any]) -> None:
        shift = data.get("previous_shift")
        if not shift:
            self.handover.setText(tr("Handover: no shift has ended yet."))
            return
        notes = data.get("notes", [])
        lines = [tr("Handover from {shift}: {notes} note(s), {handed} item(s) handed over, "
                    "breaches during that shift: {breaches}.").format(
            shift=shift.get("name", ""), notes=len(notes), handed=len(data.get("handed_over", [])),
            breaches=sum(data.get("breached_during_shift", {}).values()) or 0)]
        lines += [f"• {n.get('staff_name')}: {n.get('note')}" for n in notes[:3]]
        self.handover.setText("\n".join(lines))


class EnforcementTab(_Tab):
    PERIODS = (("Last 30 days, by day", "day", 30), ("Last 90 days, by day", "day", 90),
               ("Last 7 days, by day", "day", 7))

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        zone = self.zone
        self.flags = self.add_chart(Chart(tr("Flags raised per policy"), style="stacked", zone=zone), 0, 0)
        self.takedowns = self.add_chart(Chart(tr("Takedowns per policy"), style="stacked", zone=zone), 0, 1)
        self.dismissals = self.add_chart(Chart(tr("Flags dismissed per policy"), style="stacked", zone=zone), 1, 0)
        self.appeals = self.add_chart(Chart(tr("Appeals overturned"), style="bars", zone=zone), 1, 1)
        self.precision = self.add_chart(Chart(tr("Detector precision from moderators' decisions"), style="line",
                                              zone=zone, y_range=(0.0, 1.0)), 2, 0, 2)
        self.data: dict[str, Any] | None = None
        self.version_marks: list[tuple[str, str]] = []
        self.threshold_marks: list[tuple[str, str]] = []

    def refresh(self) -> None:
        params = self.window_params()
        self.fetch("/metrics/enforcement", params, self.show_enforcement, tr("loading the enforcement dashboard"))
        self.fetch("/screening/versions", {"limit": 200}, self.show_versions, tr("loading detector versions"))
        self.fetch("/audit-viewer/events", {"action": "detector.threshold.set", "from": params["from"],
                                            "limit": 200}, self.show_thresholds, tr("loading threshold changes"))

    def show_enforcement(self, data: Mapping[str, Any]) -> None:
        self.data = dict(data)
        buckets = data.get("buckets", [])
        series = data.get("series", {})

        def nonzero(values: Mapping[str, list[int]]) -> dict[str, list[int]]:
            return {k: v for k, v in values.items() if any(v)}

        self.flags.set_time_series(buckets, nonzero(series.get("flags", {})),
                                   empty_reason=tr("No flags were raised in this period."))
        self.takedowns.set_time_series(buckets, nonzero(series.get("takedowns", {})),
                                       empty_reason=tr("No listings were taken down in this period."))
        self.dismissals.set_time_series(buckets, nonzero(series.get("dismissals", {})),
                                        empty_reason=tr("No flags were dismissed in this period."))
        self.appeals.set_time_series(buckets, {tr("overturned"): series.get("appeals_overturned", [])},
                                     empty_reason=tr("No appeal was overturned in this period."))
        self._draw_precision()

    def show_versions(self, page: Mapping[str, Any]) -> None:
        items = page.get("items", page if isinstance(page, list) else [])
        self.version_marks = [(v["activated_at"], tr("model v{id}").format(id=v.get("id")))
                              for v in items if isinstance(v, Mapping) and v.get("activated_at")]
        self._draw_precision()

    def show_thresholds(self, page: Mapping[str, Any]) -> None:
        self.threshold_marks = [(e["created_at"], tr("threshold {target}").format(target=e.get("target_id")))
                                for e in page.get("items", [])]
        self._draw_precision()

    def _draw_precision(self) -> None:
        if self.data is None:
            return
        buckets = self.data.get("buckets", [])
        precision = {k: v for k, v in self.data.get("detector_precision", {}).items() if any(p is not None for p in v)}
        start = buckets[0] if buckets else None
        marks = [(at, text) for at, text in self.version_marks + self.threshold_marks if start and at >= start[:10]]
        self.precision.set_time_series(
            buckets, precision, markers=marks,
            empty_reason=tr("Moderators decided none of the detector's flags in this period, so there is no "
                            "precision to show."))


class RecallsTab(_Tab):
    PERIODS = (("Last 30 days, by day", "day", 30), ("Last 90 days, by day", "day", 90),
               ("Last 7 days, by day", "day", 7))

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.recall_box = QComboBox(self)
        self.recall_box.setMinimumContentsLength(30)
        self.recall_box.currentIndexChanged.connect(lambda _i: self.refresh_recall())
        self.top.insertWidget(0, QLabel(tr("Recall:"), self))
        self.top.insertWidget(1, self.recall_box)
        self.summary = QLabel(self.body)
        self.summary.setWordWrap(True)
        self.grid.addWidget(self.summary, 0, 0, 1, 2)
        self.notices = self.add_chart(Chart(tr("Owners notified, read, acknowledged, returned (running totals)"),
                                            style="line", zone=self.zone), 1, 0, 2)
        self.removals = self.add_chart(Chart(tr("Removals against the 2-business-day deadline"), style="bars"),
                                       2, 0, 2)

    def refresh(self) -> None:
        if self.recall_box.count() == 0:
            self.fetch("/recalls", {"limit": 200}, self.show_recalls, tr("loading recalls"))
        else:
            self.refresh_recall()

    def show_recalls(self, page: Mapping[str, Any]) -> None:
        self.recall_box.blockSignals(True)
        self.recall_box.clear()
        for recall in page.get("items", []):
            self.recall_box.addItem(f"{recall.get('number')} — {recall.get('title')}", recall.get("id"))
        self.recall_box.blockSignals(False)
        if self.recall_box.count() == 0:
            why = tr("No recalls are registered.")
            self.notices.set_time_series([], {}, empty_reason=why)
            self.removals.set_categories([], {}, empty_reason=why)
            return
        self.refresh_recall()

    def refresh_recall(self) -> None:
        recall_id = self.recall_box.currentData()
        if recall_id is None:
            return
        self.fetch(f"/metrics/recalls/{recall_id}", self.window_params(), self.show_notices,
                   tr("loading the recall's notices"))
        self.fetch(f"/recalls/{recall_id}/dashboard", None, self.show_dashboard, tr("loading the recall dashboard"))

    def show_notices(self, data: Mapping[str, Any]) -> None:
        before = data.get("before", {})
        series = {tr(stage): list(accumulate(values, initial=before.get(stage, 0)))[1:]
                  for stage, values in data.get("series", {}).items()}
        self.notices.set_time_series(data.get("buckets", []), series,
                                     empty_reason=tr("No notices of this recall have been sent yet."))

    def show_dashboard(self, data: Mapping[str, Any]) -> None:
        self.summary.setText(tr("Owners identified: {owners} · notified: {notified} · read: {read} · "
                                "acknowledged: {ack} · returned: {returned}").format(
            owners=data.get("owners_identified", 0), notified=data.get("notified", 0), read=data.get("read", 0),
            ack=data.get("acknowledged", 0), returned=data.get("returned", 0)))
        names = [tr("on time"), tr("late"), tr("overdue"), tr("pending")]
        keys = ("removals_on_time", "removals_late", "removals_overdue", "removals_pending")
        self.removals.set_categories(names, {tr("listings"): [data.get(k, 0) for k in keys]},
                                     empty_reason=tr("No confirmed matches yet, so no removals are due."))


class DashboardsWindow(QWidget):
    """Top-level window with the three dashboards; one per main window."""

    _open: ClassVar[dict[int, DashboardsWindow]] = {}

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from console.qt import Qt

        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("DashboardsWindow")
        self.setWindowTitle(tr("Dashboards — Anzen"))
        self.tabs = QTabWidget(self)
        self.operations = OperationsTab(context, self.tabs)
        self.enforcement = EnforcementTab(context, self.tabs)
        self.recalls = RecallsTab(context, self.tabs)
        self.tabs.addTab(self.operations, tr("Operations"))
        self.tabs.addTab(self.enforcement, tr("Enforcement and detection"))
        self.tabs.addTab(self.recalls, tr("Recalls"))
        self.tabs.currentChanged.connect(lambda _i: self.current().refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.resize(1200, 860)

    def current(self) -> _Tab:
        widget = self.tabs.currentWidget()
        assert isinstance(widget, _Tab)
        return widget

    @classmethod
    def open_for(cls, context: ConsoleContext, parent: QWidget) -> DashboardsWindow:
        window = cls._open.get(id(parent))
        if window is None:
            window = cls(context, parent)
            cls._open[id(parent)] = window
            window.destroyed.connect(lambda *_: cls._open.pop(id(parent), None))
        window.show()
        window.raise_()
        window.current().refresh()
        return window
