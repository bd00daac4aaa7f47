"""The main window: start page, opening courses, the sample course, menus, title, settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ui import settings
from ui.main_window import MainWindow

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def error_dialogs(widget: QWidget) -> list[QMessageBox]:
    return [b for b in widget.findChildren(QMessageBox) if b.objectName() == "errorDialog"]


def test_start_page_then_steps(qtbot: QtBot, course_path: Path) -> None:
    """Without a course the start page shows; opening one shows the four steps and the title."""
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.central.currentWidget() is w.start
    assert w.windowTitle() == "teamtool"
    assert w.open_course(course_path)
    assert w.central.currentIndex() == 1
    assert [w.steps.item(i).text() for i in range(w.steps.count())] == [
        "1. Students",
        "2. Teams",
        "3. Ratings",
        "4. Grades",
        "5. Tokens",
    ]
    assert "Sample course" in w.windowTitle()
    assert str(course_path) in w.windowTitle()
    assert w.students_page.model.rowCount() == 48
    w.close_course()
    assert w.central.currentWidget() is w.start
    assert w.windowTitle() == "teamtool"


def test_recent_files_newest_first_without_duplicates(tmp_path: Path, qtbot: QtBot) -> None:
    """Opening courses records them once each, newest first; missing files are left out."""
    w = MainWindow()
    qtbot.addWidget(w)
    a, b = tmp_path / "a.teamtool", tmp_path / "b"
    assert w.new_course(a)
    assert w.new_course(b)  # the suffix is added
    assert w.open_course(a)
    assert settings.recent_files() == [str(a.resolve()), str((tmp_path / "b.teamtool").resolve())]
    a.unlink()
    assert settings.recent_files() == [str((tmp_path / "b.teamtool").resolve())]
    w.close_course()
    labels = [w.start.recent.item(i).text() for i in range(w.start.recent.count())]
    assert len(labels) == 1
    assert "b.teamtool" in labels[0]


def test_sample_course_copies_roster_and_never_writes_samples(tmp_path: Path, qtbot: QtBot) -> None:
    """The sample course is a new file with the sample students and milestones; samples/ is untouched."""
    before = {p: p.stat().st_mtime_ns for p in SAMPLES.rglob("*") if p.is_file()}
    w = MainWindow()
    qtbot.addWidget(w)
    target = tmp_path / "mine.teamtool"
    assert w.create_sample_course(target)
    assert target.exists()
    assert w.ctx.course is not None
    course = w.ctx.require_course()
    assert len(course.roster()) == 48
    assert [m.name for m in course.milestones()] == ["M1 Proposal", "M2 Prototype"]
    after = {p: p.stat().st_mtime_ns for p in SAMPLES.rglob("*") if p.is_file()}
    assert after == before


def test_opening_a_broken_file_shows_an_error_not_a_crash(tmp_path: Path, qtbot: QtBot) -> None:
    """A file that is not a course ends in the error dialog; the start page stays."""
    bad = tmp_path / "notes.teamtool"
    bad.write_text("this is not a database", encoding="utf-8")
    w = MainWindow()
    qtbot.addWidget(w)
    assert not w.open_course(bad)
    assert w.central.currentWidget() is w.start
    boxes = error_dialogs(w)
    assert boxes
    assert "not a teamtool course file" in boxes[-1].text()
    assert not w.open_course(tmp_path / "missing.teamtool")
    assert "does not exist" in error_dialogs(w)[-1].text()


def test_edit_menu_has_undo_redo_with_standard_shortcuts(window: MainWindow) -> None:
    """Undo and redo come from the undo stack with the platform's standard shortcuts."""
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.redo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == [
        "&File",
        "&Edit",
        "&Go",
        "&Students",
        "&Teams",
        "&Ratings",
        "Gra&des",
        "E&xport",
        "&Help",
    ]
    assert not window.undo_action.isEnabled()


def test_geometry_and_step_are_remembered(qtbot: QtBot, course_path: Path) -> None:
    """Closing the window stores its geometry; the next window opens the last step."""
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.open_course(course_path)
    w.resize(780, 580)
    w.show_step(1)
    size = w.size()
    w.close()
    assert settings.get_rect(settings.GEOMETRY).size() == size
    again = MainWindow()
    qtbot.addWidget(again)
    again.open_course(course_path)
    assert again.steps.currentRow() == 1
    assert again.size() == size


def test_f1_opens_help_at_the_page_in_use_and_esc_goes_back(
    qtbot: QtBot, window: MainWindow, course_path: Path
) -> None:
    """F1 (Help ▸ How to use teamtool) opens the Help page at the step in use; Back returns to
    that step. About is a box that does not block."""
    window.close_course()
    window.show_how_to()  # on the start page: the overview
    assert window.central.currentWidget() is window.help_page
    assert window.help_page.topic == "start"
    window.help_page.back.emit()
    assert window.central.currentWidget() is window.start
    window.open_course(course_path)
    window.show_step(1)
    help_action = next(a for a in window.findChildren(QAction) if a.shortcut().toString() == "F1")
    help_action.trigger()
    assert window.help_page.topic == "teams"
    assert "Priority" in window.help_page.text.toPlainText()
    qtbot.keyClick(window.help_page.text, Qt.Key.Key_Escape)
    assert window.central.currentIndex() == 1
    assert window.pages.currentWidget() is window.teams_page
    window.show_about()
    texts = [b.text() for b in window.findChildren(QMessageBox) if b.objectName() == "helpDialog"]
    assert any("Oakley" in t for t in texts)


def test_recent_course_opens_from_the_start_page(qtbot: QtBot, course_path: Path) -> None:
    """A course opened once is listed on the start page; activating it opens it again."""
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_course(course_path)
    w.close_course()
    item = w.start.recent.item(0)
    assert item is not None
    w.start.recent.itemActivated.emit(item)
    assert w.ctx.course is not None
    assert w.ctx.course.path == course_path
