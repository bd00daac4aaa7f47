"""Every control of every step says what it does (#16: every control has a tooltip)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from teamtool.demo.sample_course import create_sample_course
from ui.main_window import MainWindow

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox)


def without_tip(page: QWidget) -> list[str]:
    """The visible controls of ``page`` that have no tooltip (Qt's own parts left out: a
    table's corner button, a tab, the line edit inside a combo or spin box)."""
    found = []
    for control in page.findChildren(QWidget):
        if not isinstance(control, CONTROLS) or not control.isVisibleTo(page):
            continue
        inner = isinstance(control.parent(), QComboBox | QAbstractSpinBox | QTabBar)
        if inner or control.objectName() == "qt_tableview_cornerbutton" or control.toolTip():
            continue
        text = control.text() if isinstance(control, QAbstractButton | QLineEdit) else ""
        found.append(f"{type(control).__name__} {control.objectName()!r} {text!r}")
    return found


def test_every_control_of_every_step_has_a_tooltip(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_course(str(create_sample_course(tmp_path / "sample.teamtool")))
    window.resize(1280, 800)
    window.show()
    missing = {}
    for step, page in enumerate(window.step_pages):
        window.show_step(step)
        QApplication.processEvents()
        missing[type(page).__name__] = without_tip(page)
    window.close_course()
    missing["StartPage"] = without_tip(window.start)
    assert {page: found for page, found in missing.items() if found} == {}
