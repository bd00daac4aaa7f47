"""Hovering a dot of the factor chart names the student."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from test_grades_method_texts import page_with

from ui.context import AppContext

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def test_the_dot_under_the_mouse_names_its_student(qtbot: QtBot, ctx: AppContext) -> None:
    """Team 1 of samples m1_long.csv: Ryan O'Connor's factor is 0.652 (84 -> 54.78)."""
    page = page_with(qtbot, ctx, SAMPLES / "surveys" / "m1_long.csv")
    with qtbot.waitSignal(page.chart_ready, timeout=10000):
        page.tabs.setCurrentWidget(page.chart)
    chart = page.chart
    assert chart.canvas is not None
    chart.canvas.draw()
    ryan = [p for p in chart.points if p[2].startswith("Ryan O'Connor (s1011)")]
    assert len(ryan) == 1
    x, factor, label = ryan[0]
    assert label == "Ryan O'Connor (s1011), M1: factor 0.652"
    dx, dy = chart.canvas.figure.axes[0].transData.transform((x, factor))
    assert chart.point_at(dx + 2, dy - 2) == label
    assert chart.point_at(dx + 40, dy + 40) is None
    # every factor of the milestone has its dot and its name
    assert len(chart.points) == len(chart.shown[0][1])
