"""The main window as the window tests open it, its steps shown with their data in, and a drop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.grades.page import GradesPage
from ui.main_window import MainWindow
from ui.ratings.page import RatingsPage

SMALL = (1024, 640)
STUDENTS, TEAMS, RATINGS, GRADES = range(4)
Page = TypeVar("Page", bound=QWidget)


def open_small_window(qtbot: QtBot, course_file: Path) -> MainWindow:
    """The main window at 1024 × 640, shown and exposed, with ``course_file`` open."""
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(*SMALL)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_course(course_file)
    return w


def show_step_page(
    qtbot: QtBot, w: MainWindow, step: int, kind: type[Page], ready: Callable[[Page], bool]
) -> Page:
    """Show the window's step ``step`` and wait until its page (a ``kind``) is ``ready``."""
    page = w.step_pages[step]
    assert isinstance(page, kind)
    w.show_step(step)
    qtbot.waitUntil(lambda: ready(page))
    return page


def show_grades(qtbot: QtBot, w: MainWindow) -> GradesPage:
    """The Grades step of the sample course, its 48 students' rows in."""
    return show_step_page(qtbot, w, GRADES, GradesPage, lambda p: p.model.rowCount() == 48)


def show_ratings(qtbot: QtBot, w: MainWindow) -> RatingsPage:
    """The Ratings step of the sample course, its 12 teams listed."""
    return show_step_page(qtbot, w, RATINGS, RatingsPage, lambda p: p.team_list.count() == 12)


def drop_on(widget: QWidget, pos: QPoint, data: QMimeData) -> bool:
    """Enter, move and drop ``data`` at ``pos`` of ``widget``; True if the drop was accepted."""
    where, move = QPointF(pos), Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, move, data, buttons, mods)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(widget, QDragMoveEvent(where, move, data, buttons, mods))
    drop = QDropEvent(where, move, data, buttons, mods)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()
