"""Deleting a milestone in the window: the question, the delete, the neighbour, undo and redo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from pytestqt.qtbot import QtBot

from teamtool.demo.sample_course import create_sample_course
from teamtool.store import Course
from ui.grades.page import GradesPage
from ui.grades.results_model import COL_FINAL, COL_GRADE, STUDENT_ROLE
from ui.main_window import MainWindow
from ui.milestones.delete_dialog import DeleteMilestoneDialog
from ui.ratings.page import RatingsPage

RYAN, RAVI, ETHAN = "s1011", "s1005", "s1001"
RATINGS_STEP, GRADES_STEP = 2, 3


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The window on the sample course (M1 Proposal: 12 team grades, the m1_long survey with
    188 ratings; M2 Prototype: team grades only), with two overrides on M1, at the Grades step."""
    path = create_sample_course(tmp_path / "sample.teamtool")
    with Course.open(path) as course:
        m1 = course.milestones()[0].id
        assert m1 is not None
        course.set_override(m1, RAVI, 90, "Carried the demo after a teammate's illness")
        course.set_override(m1, ETHAN, 70, "Late by agreement")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_course(path)
    w.show_step(GRADES_STEP)
    yield w
    w.teams_page.stop_solving()
    QThreadPool.globalInstance().waitForDone(10000)


def pages(w: MainWindow) -> tuple[RatingsPage, GradesPage]:
    ratings, grades = w.step_pages[RATINGS_STEP], w.step_pages[GRADES_STEP]
    assert isinstance(ratings, RatingsPage)
    assert isinstance(grades, GradesPage)
    return ratings, grades


def cell(page: GradesPage, student_id: str, column: int) -> str:
    model = page.model
    for row in range(model.rowCount()):
        if model.data(model.index(row, 0), STUDENT_ROLE).student_id == student_id:
            return str(model.data(model.index(row, column)))
    raise AssertionError(student_id)


def names(w: MainWindow) -> list[str]:
    course = w.ctx.require_course()
    return [m.name for m in course.milestones()]


def ask(page: GradesPage) -> DeleteMilestoneDialog:
    dialog = page.bar.open_delete()
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def test_the_question_says_what_is_removed_and_defaults_to_cancel(
    qtbot: QtBot, window: MainWindow
) -> None:
    _ratings, grades = pages(window)
    assert grades.bar.combo.currentText().startswith("M1 Proposal")
    dialog = ask(grades)
    assert dialog.text() == "Delete the milestone “M1 Proposal”?"
    assert (
        "M1 Proposal: 12 team grades, 1 imported survey with 188 ratings, 2 overrides"
        in dialog.informativeText()
    )
    assert "Undo" in dialog.informativeText()
    assert dialog.defaultButton() is dialog.cancel_button
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter answers with the default: Cancel
    assert not dialog.isVisible()
    assert not dialog.confirmed
    assert names(window) == ["M1 Proposal", "M2 Prototype"]
    assert window.ctx.undo_stack.count() == 0
    dialog = ask(grades)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert names(window) == ["M1 Proposal", "M2 Prototype"]


def test_delete_selects_the_neighbour_and_undo_brings_everything_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Ryan O'Connor's M1 grade is Oakley et al. 2004's autorating (hand-computed from
    samples/surveys/m1_long.csv): factor 46.875 / 71.875 = 0.6522, grade 84 x 0.6522 = 54.78;
    Ravi's M1 grade is his override, 90. In M2 (no ratings yet) Ryan has Team 1's grade, 91.5."""
    ratings, grades = pages(window)
    course = window.ctx.require_course()
    m1, m2 = (m.id for m in course.milestones())
    assert cell(grades, RYAN, COL_GRADE) == "54.78"
    assert cell(grades, RAVI, COL_FINAL) == "90"

    ask(grades).delete_button.click()
    assert names(window) == ["M2 Prototype"]
    assert m1 is not None
    assert course.ratings(m1) == []
    assert course.overrides(m1) == {}
    assert grades.bar.current_id() == m2 == ratings.bar.current_id()
    assert grades.bar.combo.count() == 1
    assert cell(grades, RYAN, COL_GRADE) == "91.5"
    assert window.ctx.undo_stack.undoText() == 'Delete milestone "M1 Proposal"'
    window.show_step(RATINGS_STEP)
    assert ratings.summary.text().startswith("0 ratings.")

    window.undo_action.trigger()  # Edit ▸ Undo
    assert names(window) == ["M1 Proposal", "M2 Prototype"]
    assert ratings.bar.current_id() == m1 == grades.bar.current_id()
    assert ratings.summary.text().startswith("188 ratings; latest import m1_long.csv")
    window.show_step(GRADES_STEP)
    assert cell(grades, RYAN, COL_GRADE) == "54.78"
    assert cell(grades, RAVI, COL_FINAL) == "90"
    assert course.overrides(m1)[ETHAN].reason == "Late by agreement"

    window.redo_action.trigger()
    assert names(window) == ["M2 Prototype"]
    assert grades.bar.current_id() == m2
    assert cell(grades, RYAN, COL_GRADE) == "91.5"


def test_deleting_the_last_milestones_ends_in_the_empty_state(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Deleting the last milestone of the list selects the one before it; deleting the only
    one leaves both pages empty, with nothing to edit or delete."""
    ratings, grades = pages(window)
    grades.bar.combo.setCurrentIndex(1)
    assert ratings.bar.combo.currentText().startswith("M2 Prototype")
    ask(grades).delete_button.click()
    assert grades.bar.combo.currentText().startswith("M1 Proposal")
    ask(grades).delete_button.click()
    assert names(window) == []
    assert grades.bar.current_id() is None
    assert grades.bar.combo.count() == 0
    assert grades.model.rowCount() == 0
    assert not grades.bar.delete_button.isEnabled()
    assert not grades.bar.edit_button.isEnabled()
    assert grades.bar.open_delete() is None
    window.show_step(RATINGS_STEP)
    assert ratings.summary.text() == "Add a milestone to import its peer ratings."
    window.undo_action.trigger()
    assert ratings.bar.combo.currentText().startswith("M1 Proposal")
    assert ratings.summary.text().startswith("188 ratings")


def test_the_milestone_menu_has_edit_and_delete(qtbot: QtBot, window: MainWindow) -> None:
    """Right-clicking the milestone selector offers Edit, Use other teams and Delete; Delete
    asks first."""
    _ratings, grades = pages(window)
    combo = grades.bar.combo
    assert combo.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert [a.text() for a in combo.actions()] == [
        "Edit milestone…",
        "Use other teams…",
        "Delete milestone…",
    ]
    grades.bar.delete_action.trigger()
    dialog = grades.bar.findChild(DeleteMilestoneDialog, "deleteMilestoneDialog")
    assert dialog is not None
    assert dialog.isVisible()
    dialog.cancel_button.click()
    assert names(window) == ["M1 Proposal", "M2 Prototype"]


def test_deleting_a_middle_milestone_selects_the_one_after_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    ratings, grades = pages(window)
    dialog = grades.bar.open_add()
    assert dialog is not None
    dialog.name.setText("M3 Final")
    dialog.accept()
    assert names(window) == ["M1 Proposal", "M2 Prototype", "M3 Final"]
    assert grades.bar.combo.currentText().startswith("M3 Final")
    grades.bar.combo.setCurrentIndex(1)
    ask(grades).delete_button.click()
    assert names(window) == ["M1 Proposal", "M3 Final"]
    assert grades.bar.combo.currentText().startswith("M3 Final")
    assert ratings.bar.combo.currentText().startswith("M3 Final")
    window.undo_action.trigger()
    assert grades.bar.combo.currentText().startswith("M2 Prototype")
    assert [grades.bar.combo.itemText(i).split(" · ")[0] for i in range(3)] == [
        "M1 Proposal",
        "M2 Prototype",
        "M3 Final",
    ]
