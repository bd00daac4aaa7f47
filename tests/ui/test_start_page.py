"""The start page of a first run: the sample course offered first, "how this works" in three
steps, and the recent courses listed with their paths."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from ui import settings
from ui.main_window import MainWindow
from ui.start_page import StartPage


def test_first_run_offers_the_sample_course_and_explains_three_steps(qtbot: QtBot) -> None:
    assert settings.recent_files() == []
    page = StartPage()
    qtbot.addWidget(page)
    sample = page.findChild(QFrame, "sampleCourse")
    assert sample is not None
    button = sample.findChild(QPushButton, "start:sample")
    assert button is page.buttons["sample"]
    assert button.isDefault()
    with qtbot.waitSignal(page.sample_requested, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    steps = [page.findChild(QLabel, f"howStep{n}") for n in (1, 2, 3)]
    assert [label.text().split("<br>")[0] for label in steps if label is not None] == [
        "<b>Students</b>",
        "<b>Teams</b>",
        "<b>Ratings and grades</b>",
    ]
    assert page.findChild(QLabel, "howStep4") is None
    assert page.recent.count() == 1
    assert page.recent.item(0).text().startswith("No recent courses yet")
    assert not page.recent.item(0).flags() & Qt.ItemFlag.ItemIsEnabled


def test_recent_courses_show_name_and_full_path(tmp_path: Path, qtbot: QtBot) -> None:
    w = MainWindow()
    qtbot.addWidget(w)
    first, second = tmp_path / "Fall 2026.teamtool", tmp_path / "sub" / "Spring.teamtool"
    second.parent.mkdir()
    assert w.new_course(first)
    assert w.new_course(second)
    w.close_course()
    texts = [w.start.recent.item(i).text() for i in range(w.start.recent.count())]
    assert texts == [
        f"Spring\n{second.resolve()}",
        f"Fall 2026\n{first.resolve()}",
    ]
    with qtbot.waitSignal(w.start.recent_requested, timeout=1000) as signal:
        w.start.recent.itemActivated.emit(w.start.recent.item(1))
    assert signal.args == [str(first.resolve())]
