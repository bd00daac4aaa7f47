"""The rules panel of the Teams page: the wheel scrolls the panel over an unfocused control, and
every rule change is undoable through the course's undo stack."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow

TEAMS = 1


def wheel_down(widget: QWidget) -> None:
    """One notch of the mouse wheel, downwards, over the middle of ``widget``."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def show_teams(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1024, 640)
    window.show_step(TEAMS)
    qtbot.wait(5)


def test_wheel_over_an_unfocused_rule_scrolls_the_panel(window: MainWindow, qtbot: QtBot) -> None:
    show_teams(window, qtbot)
    page = window.teams_page
    combo = page.criteria_panel.rules.rows["GPA"].rule
    bar = page.criteria_scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the panel is taller than 640 px
    before_rule, before_scroll = combo.currentText(), bar.value()
    assert not combo.hasFocus()
    wheel_down(combo)
    assert combo.currentText() == before_rule
    assert bar.value() > before_scroll
    spin = page.criteria_panel.rules.rows["GPA"].weight
    weight = spin.value()
    wheel_down(spin)
    assert spin.value() == weight
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_wheel_over_a_focused_rule_changes_it(window: MainWindow, qtbot: QtBot) -> None:
    show_teams(window, qtbot)
    page = window.teams_page
    combo = page.criteria_panel.rules.rows["Gender"].rule
    window.activateWindow()
    qtbot.waitActive(window)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    scroll = page.criteria_scroll.verticalScrollBar().value()
    before = combo.currentIndex()
    wheel_down(combo)
    assert combo.currentIndex() == before + 1
    assert page.criteria_scroll.verticalScrollBar().value() == scroll


def test_every_rule_change_is_undoable(window: MainWindow, qtbot: QtBot) -> None:
    show_teams(window, qtbot)
    page, stack = window.teams_page, window.ctx.undo_stack
    row = page.criteria_panel.rules.rows["GPA"]
    start = page.criteria_panel.criteria()
    row.rule.setCurrentIndex(row.rule.findData("spread"))
    assert stack.undoText() == "Change the rule of GPA"
    for _ in range(3):  # three steps of one spin box are one command
        row.weight.stepUp()
    assert stack.undoText() == "Change the weight of GPA"
    assert stack.count() == 2
    page.criteria_panel.min_size.setValue(4)
    assert stack.count() == 3
    changed = page.criteria_panel.criteria()
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    window.undo_action.trigger()
    gpa = next(r for r in page.criteria_panel.criteria()["rules"] if r["attribute"] == "GPA")
    assert gpa["rule"] == "spread"
    assert gpa["weight"] == 1
    window.undo_action.trigger()
    assert page.criteria_panel.criteria() == start
    for _ in range(3):
        window.redo_action.trigger()
    assert page.criteria_panel.criteria() == changed
    assert stack.count() == 3  # undo and redo pushed nothing new
