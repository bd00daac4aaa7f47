"""The export dialog: which files, the output folder, a Canvas gradebook to match; then show."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from teamtool.course.adjust_export import ExportChoice, export_file
from teamtool.course.grade_files import ExportDone
from ui.widgets.file_row import browse_row, pick_file
from ui.widgets.folder_writer import FolderWriterDialog
from ui.workers import Worker


class ExportDialog(FolderWriterDialog):
    """``exported(ExportDone)`` once the files are written; the folder is then opened unless
    ``open_folder`` is False (tests)."""

    exported = Signal(object)

    def __init__(
        self,
        course_file: Path,
        milestones: int,
        students: int,
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(folder, "Export into", "Export", parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export grades")
        self.resize(640, 420)
        self.course_file = course_file
        self.gradebook = QLineEdit()
        self.gradebook.setPlaceholderText("optional: the gradebook export, to update its columns")
        self.workbook = QCheckBox("Excel workbook (every factor and grade a live formula)")
        self.canvas = QCheckBox("Canvas gradebook import CSV")
        self.feedback = QCheckBox("Feedback mail-merge CSV (factor and anonymised comments)")
        for box in (self.workbook, self.canvas, self.feedback):
            box.setChecked(True)
        self.results.setObjectName("exportResults")
        self.results.setWordWrap(True)
        self.status.setText(
            f"{milestones} milestone(s), {students} students."
            if milestones
            else "Nothing to export yet: add a milestone with teams."
        )
        self.run_button.setEnabled(milestones > 0)
        gradebook_row, _button = browse_row(
            self.gradebook,
            lambda: pick_file(
                self,
                "Canvas gradebook export",
                "CSV (*.csv);;All files (*)",
                self.gradebook.setText,
            ),
        )
        form = QFormLayout(self)
        form.addRow("Folder", self.folder_row)
        form.addRow(self.workbook)
        form.addRow(self.canvas)
        form.addRow("Gradebook export", gradebook_row)
        form.addRow(self.feedback)
        form.addRow(self.status)
        form.addRow(self.results)
        form.addRow(self.buttons)

    def choice(self) -> ExportChoice:
        gradebook = self.gradebook.text().strip()
        return ExportChoice(
            folder=Path(self.folder.text().strip()),
            workbook=self.workbook.isChecked(),
            canvas=self.canvas.isChecked(),
            feedback=self.feedback.isChecked(),
            gradebook=Path(gradebook) if gradebook and self.canvas.isChecked() else None,
        )

    def start(self) -> Worker:
        """Write the files in a worker; the dialog stays responsive."""
        failure = "The export failed; nothing was half-written."
        return self.write_in_worker(
            "Exporting…", failure, export_file, self.course_file, self.choice()
        )

    def outcome(self, returned: Any) -> tuple[list[Path], list[str]]:
        assert isinstance(returned, ExportDone)
        return list(returned.written), [str(p) for p in returned.problems]

    def announce(self, returned: Any) -> None:
        self.exported.emit(returned)
