"""The open course, its undo stack and the signals that tell every page what changed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from teamtool.errors import CourseFileError
from teamtool.store import Course


class AppContext(QObject):
    """Shared by every page. Pages read ``course``; they change it only through undo commands,
    run with :func:`ui.commands.execute`.

    Signals: ``course_opened(object)`` with the Course or None; ``roster_changed``,
    ``team_sets_changed`` and ``milestones_changed`` (milestones, grades, ratings, settings,
    overrides) after any change, including undo and redo.
    """

    course_opened = Signal(object)
    roster_changed = Signal()
    team_sets_changed = Signal()
    milestones_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.course: Course | None = None
        self.undo_stack = QUndoStack(self)

    def open(self, path: str | Path) -> Course:
        course = Course.open(path)
        self._set(course)
        return course

    def new(self, path: str | Path, name: str = "") -> Course:
        course = Course.create(path, name)
        self._set(course)
        return course

    def close(self) -> None:
        self._set(None)

    def _set(self, course: Course | None) -> None:
        if self.course is not None:
            self.course.close()
        self.undo_stack.clear()
        self.course = course
        self.course_opened.emit(course)

    def require_course(self) -> Course:
        if self.course is None:
            raise CourseFileError("open or create a course first", code="no-course")
        return self.course
