"""Export ▸ Mentor debriefs: choose the milestone and the folder, write the HTML files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

from teamtool.course.milestone_inputs import team_set_for
from teamtool.debriefs.course import write_course_debriefs
from teamtool.errors import CourseFileError
from teamtool.store import Course
from ui.errors import show_error
from ui.widgets.file_row import browse_row, pick_folder
from ui.workers import Worker

EVERY = "Every milestone"


def _write(
    course_file: Path, folder: Path, milestone: str | None, progress: Any = None
) -> list[Path]:
    """Worker function: read the course file on its own connection and write the debriefs."""
    return write_course_debriefs(course_file, folder, milestone)


class DebriefsDialog(QDialog):
    """``written(list[Path])`` once the files are written; the folder is then opened unless
    ``open_folder`` is False (tests)."""

    written = Signal(object)

    def __init__(self, course: Course, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("debriefsDialog")
        self.setWindowTitle("Mentor debriefs")
        self.resize(620, 360)
        self.course_file = course.path
        self.open_folder = True
        self.worker: Worker | None = None
        names = [m.name for m in course.milestones() if team_set_for(course, m) is not None]
        self.milestone = QComboBox()
        self.milestone.addItems([EVERY, *names])
        if names:
            self.milestone.setCurrentIndex(len(names))  # the latest milestone
        self.folder = QLineEdit(str(course.path.parent / "debriefs"))
        row, _button = browse_row(
            self.folder, lambda: pick_folder(self, "Write the debriefs into", self.folder)
        )
        self.status = QLabel(
            "One printable page per team: members, grades, factors and flags, the ratings in the "
            "scale's labels, the comments without their writers, the factors so far. One HTML "
            "file per milestone (per mentor when mentors are known); print it or save it as PDF "
            "from the browser."
            if names
            else "Nothing to debrief yet: add a milestone with teams."
        )
        self.status.setWordWrap(True)
        self.results = QListWidget()
        self.results.setObjectName("debriefResults")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.write_button = self.buttons.addButton(
            "Write debriefs", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.write_button.setEnabled(bool(names))
        self.write_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Milestone", self.milestone)
        form.addRow("Folder", row)
        form.addRow(self.status)
        form.addRow(self.results)
        form.addRow(self.buttons)

    def chosen_milestone(self) -> str | None:
        text = self.milestone.currentText()
        return None if self.milestone.currentIndex() == 0 else text

    def start(self) -> Worker:
        """Write the files in a worker; the dialog stays responsive."""
        self.write_button.setEnabled(False)
        self.status.setText("Writing…")
        folder = Path(self.folder.text().strip())
        self.worker = Worker(_write, self.course_file, folder, self.chosen_milestone())
        self.worker.signals.returned.connect(self._done)
        self.worker.signals.errored.connect(self._failed)
        self.worker.start()
        return self.worker

    def _done(self, written: Any) -> None:
        self.write_button.setEnabled(True)
        self.results.clear()
        self.results.addItems([f"wrote {p}" for p in written])
        self.status.setText(f"{len(written)} file(s) written to {self.folder.text()}.")
        self.written.emit(written)
        if self.open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))

    def _failed(self, exc: Any) -> None:
        self.write_button.setEnabled(True)
        self.status.setText("Nothing was written.")
        show_error(self, exc)


def open_debriefs_dialog(parent: QWidget, course: Course | None) -> DebriefsDialog | None:
    """The Export menu's action: the dialog for the open course (without one, say so)."""
    if course is None:
        show_error(parent, CourseFileError("open or create a course first", code="no-course"))
        return None
    dialog = DebriefsDialog(course, parent)
    dialog.open()
    return dialog
