"""The main window as the small-screen tests open it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow

SMALL = (1024, 640)


def open_small_window(qtbot: QtBot, course_file: Path) -> MainWindow:
    """The main window at 1024 × 640, shown and exposed, with ``course_file`` open."""
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(*SMALL)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_course(course_file)
    return w
