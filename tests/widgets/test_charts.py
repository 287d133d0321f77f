"""Charts render offscreen with data and without (saying why), and export PNG and CSV."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from console.qt import QImage
from widgets.charts import Chart

BUCKETS = ["2026-11-01T15:00:00+00:00", "2026-11-02T15:00:00+00:00", "2026-11-03T15:00:00+00:00"]


def test_time_series_render_and_export_in_the_staff_zone(qtbot: Any, tmp_path: Path) -> None:
    chart = Chart("Flags per policy", style="stacked")
    qtbot.addWidget(chart)
    chart.resize(600, 300)
    chart.set_time_series(BUCKETS, {"counterfeit": [3, 0, 2], "=medicine": [1, None, 4]},
                          markers=[("2026-11-02T18:00:00+00:00", "model v3")])
    chart.show()
    assert chart.stack.currentWidget() is chart.plot and not chart.is_empty()
    assert chart.zone_label.text() == "Times in JST"
    assert chart.export_png(tmp_path / "flags.png")
    image = QImage(str(tmp_path / "flags.png"))
    assert not image.isNull() and image.width() >= 600
    chart.export_csv(tmp_path / "flags.csv")
    rows = list(csv.reader((tmp_path / "flags.csv").open(encoding="utf-8")))
    assert rows[0] == ["period start", "counterfeit", "=medicine"]
    # Bucket starts in JST: the service's 15:00 UTC is the staff's midnight.
    assert rows[1] == ["2026-11-02T00:00:00+09:00", "3", "1"]
    assert rows[2] == ["2026-11-03T00:00:00+09:00", "0", ""]

    chart.set_zone(ZoneInfo("UTC"))
    assert chart.csv_text().splitlines()[1].startswith("2026-11-01T15:00:00+00:00")


def test_empty_chart_says_why(qtbot: Any, tmp_path: Path) -> None:
    chart = Chart("Takedowns")
    qtbot.addWidget(chart)
    chart.resize(400, 220)
    chart.show()
    assert chart.stack.currentWidget() is chart.empty  # before any data
    chart.set_time_series(BUCKETS, {"counterfeit": [0, 0, 0]},
                          empty_reason="No listings were taken down in this period.")
    assert chart.is_empty() and chart.stack.currentWidget() is chart.empty
    assert chart.empty.text() == "No listings were taken down in this period."
    assert chart.export_png(tmp_path / "empty.png")  # the empty state exports as shown
    assert chart.csv_text().splitlines() == ["period start,counterfeit", "2026-11-02T00:00:00+09:00,0",
                                             "2026-11-03T00:00:00+09:00,0", "2026-11-04T00:00:00+09:00,0"]
    chart.set_time_series([], {})
    assert chart.empty.text() == "Nothing happened in this period."


def test_categories_and_formula_safe_names(qtbot: Any) -> None:
    chart = Chart("Per agent", style="bars")
    qtbot.addWidget(chart)
    chart.set_categories(["=HYPERLINK()", "Aiko"], {"claimed": [4, 2], "closed": [3.5, 1]})
    chart.show()
    assert chart.stack.currentWidget() is chart.plot
    assert chart.csv_text().splitlines() == ["name,claimed,closed", "'=HYPERLINK(),4,3.5", "Aiko,2,1"]
    assert chart.zone_label.text() == ""
