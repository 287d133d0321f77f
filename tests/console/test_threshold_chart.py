"""The detector settings' threshold curve, drawn by the shared chart widget (issue 18)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from console.detector_admin import show_curve
from widgets.charts import Chart

CURVE = [{"threshold": 0.5, "precision": 0.8, "flags_per_day": 20.0},
         {"threshold": 0.7, "precision": 0.9, "flags_per_day": 10.0},
         {"threshold": 0.9, "precision": None, "flags_per_day": 0.0}]


def test_curve_with_volume_as_a_share_and_the_threshold_marked(qtbot: Any, tmp_path: Path) -> None:
    chart = Chart("Precision and flag volume by threshold", style="line", y_range=(0.0, 1.0))
    qtbot.addWidget(chart)
    show_curve(chart, list(reversed(CURVE)), 0.72)
    assert chart.data.x == ["0.50", "0.70", "0.90"]
    precision, volume = chart.data.series.values()
    assert precision == [0.8, 0.9, None] and volume == [1.0, 0.5, 0.0]
    assert chart._category_marker == (1.0, "threshold 0.72")
    chart.resize(640, 300)
    chart.show()
    assert chart.export_png(tmp_path / "curve.png") and (tmp_path / "curve.png").stat().st_size > 0
    lines = chart.csv_text().splitlines()
    assert lines[0] == 'name,precision,"flags a day, as a share of the most (20.0)"' and lines[2] == "0.70,0.9,0.5"


def test_no_preview_says_so(qtbot: Any) -> None:
    chart = Chart("Precision and flag volume by threshold", style="line")
    qtbot.addWidget(chart)
    show_curve(chart, [], None)
    assert chart.is_empty() and chart.empty.text() == "No preview yet"
