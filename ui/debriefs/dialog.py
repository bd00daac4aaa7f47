"""Export ▸ Mentor debriefs: choose the milestone and the folder, write the HTML files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QWidget,
)

from teamtool.course.milestone_inputs import team_set_for
from teamtool.debriefs.course import write_course_debriefs
from teamtool.errors import CourseFileError
from teamtool.store import Course
from ui.errors import show_error
from ui.widgets.folder_writer import FolderWriterDialog
from ui.workers import Worker

EVERY = "Every milestone"


def _write(
    course_file: Path, folder: Path, milestone: str | None, progress: Any = None
) -> list[Path]:
    """Worker function: read the course file on its own connection and write the debriefs."""
    return write_course_debriefs(course_file, folder, milestone)


class DebriefsDialog(FolderWriterDialog):
    """``written(list[Path])`` once the files are written; the folder is then opened unless
    ``open_folder`` is False (tests)."""

    written = Signal(object)

    def __init__(self, course: Course, parent: QWidget | None = None) -> None:
        folder = course.path.parent / "debriefs"
        super().__init__(folder, "Write the debriefs into", "Write debriefs", parent)
        self.setObjectName("debriefsDialog")
        self.setWindowTitle("Mentor debriefs")
        self.resize(620, 360)
        self.course_file = course.path
        names = [m.name for m in course.milestones() if team_set_for(course, m) is not None]
        self.milestone = QComboBox()
        self.milestone.addItems([EVERY, *names])
        if names:
            self.milestone.setCurrentIndex(len(names))  # the latest milestone
        self.status.setText(
            "One printable page per team: members, grades, factors and flags, the ratings in the "
            "scale's labels, the comments without their writers, the factors so far. One HTML "
            "file per milestone (per mentor when mentors are known); print it or save it as PDF "
            "from the browser."
            if names
            else "Nothing to debrief yet: add a milestone with teams."
        )
        self.results.setObjectName("debriefResults")
        self.run_button.setEnabled(bool(names))
        form = QFormLayout(self)
        form.addRow("Milestone", self.milestone)
        form.addRow("Folder", self.folder_row)
        form.addRow(self.status)
        form.addRow(self.results)
        form.addRow(self.buttons)

    def chosen_milestone(self) -> str | None:
        text = self.milestone.currentText()
        return None if self.milestone.currentIndex() == 0 else text

    def start(self) -> Worker:
        """Write the files in a worker; the dialog stays responsive."""
        folder = Path(self.folder.text().strip())
        milestone = self.chosen_milestone()
        return self.write_in_worker(
            "Writing…", "Nothing was written.", _write, self.course_file, folder, milestone
        )

    def outcome(self, returned: Any) -> tuple[list[Path], list[str]]:
        return list(returned), []

    def announce(self, returned: Any) -> None:
        self.written.emit(returned)


def open_debriefs_dialog(parent: QWidget, course: Course | None) -> DebriefsDialog | None:
    """The Export menu's action: the dialog for the open course (without one, say so)."""
    if course is None:
        show_error(parent, CourseFileError("open or create a course first", code="no-course"))
        return None
    dialog = DebriefsDialog(course, parent)
    dialog.open()
    return dialog
