"""Importing a roster that leaves out students with ratings or teams asks first (both answers)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from teamtool.model import TeamSet
from ui.main_window import MainWindow


def ask(window: MainWindow, roster_without: Callable[..., Path]) -> QMessageBox:
    """Teams hold s1001-s1003; import the sample roster without s1001 and s1002."""
    course = window.ctx.require_course()
    course.add_team_set(TeamSet("Project teams", {"Team 1": ["s1001", "s1002", "s1003"]}))
    page = window.students_page
    dialog = page.open_import_dialog()
    assert dialog.load(roster_without("s1001", "s1002", name="new term.csv"))
    dialog.ok_button.click()
    box = page.dialog
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    return box


def dropped(window: MainWindow) -> dict[str, bool]:
    return {s.id: s.dropped for s in window.ctx.require_course().roster()}


def test_keeping_them_imports_and_keeps_them_as_dropped(
    window: MainWindow, qtbot: QtBot, roster_without: Callable[..., Path]
) -> None:
    box = ask(window, roster_without)
    assert "2 students of the course are not in new term.csv" in box.text()
    assert "2 team memberships" in box.text()
    assert "Ethan Park (s1001), Liam Murphy (s1002)" in box.text()
    box.grab().save("/tmp/outputs-roster-replace-confirm.png")
    keep = box.findChild(QPushButton, "keepAsDropped")
    assert keep is not None
    with qtbot.waitSignal(window.ctx.roster_changed):
        keep.click()
    students = dropped(window)
    assert len(students) == 48
    assert students["s1001"]
    assert students["s1002"]
    assert not students["s1003"]
    window.undo_action.trigger()
    assert not any(dropped(window).values())


def test_cancel_keeps_the_roster(window: MainWindow, roster_without: Callable[..., Path]) -> None:
    count = window.ctx.undo_stack.count()
    box = ask(window, roster_without)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert not box.isVisible()
    assert dropped(window) == dict.fromkeys(dropped(window), False)
    assert len(dropped(window)) == 48
    assert window.ctx.undo_stack.count() == count
