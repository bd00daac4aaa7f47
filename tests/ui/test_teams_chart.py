"""The balance chart's y-axis starts where an honest chart would (GPA at 0, a 1–5 skill at 1),
each bar rises from there, and the class mean is a labelled line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from teamtool.demo.sample_course import create_sample_course
from ui.main_window import MainWindow
from ui.widgets.chart_scale import scale_floor


def test_scale_floor_of_gpa_skills_and_negative_measures() -> None:
    assert scale_floor([2.73, 3.41, 3.9]) == 0.0  # a GPA: zero
    assert scale_floor([1, 3, 5, 4]) == 1.0  # a 1–5 skill: its bottom, 1
    assert scale_floor([2, 3, 5]) == 1.0  # nobody rated 1: still a 1–5 scale
    assert scale_floor([0, 3, 5]) == 0.0  # a 0–5 scale
    assert scale_floor([1, 12, 40]) == 0.0  # hours, not a rating
    assert scale_floor([1.5, 4.0]) == 0.0
    assert scale_floor([-2.5, 1.0, 3.0]) == -2.5
    assert scale_floor([]) == 0.0


def test_chart_axes_start_at_the_scale_floor_with_the_class_mean_labelled(
    qtbot: QtBot, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    sample = create_sample_course(tmp_path_factory.mktemp("chart") / "sample.teamtool")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_course(shutil.copy(sample, tmp_path / "course.teamtool"))
    w.show_step(1)
    page = w.teams_page
    page.criteria_panel.time_limit.setValue(1.0)  # the panel balances GPA and both skills
    with qtbot.waitSignal(page.solve_finished, timeout=30000):
        assert page.start_solve() is not None
    page.tabs.setCurrentIndex(1)
    chart = page.chart
    assert chart is not None
    assert page.view is not None
    axes = {ax.get_ylabel(): ax for ax in chart.figure.axes}
    assert {"GPA", "Programming", "Writing"} <= set(axes)
    assert axes["GPA"].get_ylim()[0] == 0.0
    assert axes["Programming"].get_ylim()[0] == 1.0
    assert axes["Writing"].get_ylim()[0] == 1.0
    for name, ax in axes.items():
        mean = page.view.class_means[name]
        labels = [t.get_text() for t in ax.texts]
        assert f"class mean {mean:.2f}" in labels
        assert any(list(line.get_ydata()) == [mean, mean] for line in ax.get_lines())
        bottoms = {round(bar.get_y(), 9) for bar in ax.patches}
        assert bottoms == {ax.get_ylim()[0]}  # every bar rises from the axis' start
        tops = [bar.get_y() + bar.get_height() for bar in ax.patches]
        assert tops == pytest.approx(chart.plotted[name])
