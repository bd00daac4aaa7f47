"""The export dialog: which files, the output folder, a Canvas gradebook to match; then show."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

from teamtool.course.adjust_export import ExportChoice, export_file
from teamtool.course.grade_files import ExportDone
from ui.errors import show_error
from ui.widgets.file_row import browse_row, pick_file, pick_folder
from ui.workers import Worker


class ExportDialog(QDialog):
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
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export grades")
        self.resize(640, 420)
        self.course_file = course_file
        self.open_folder = True
        self.worker: Worker | None = None
        self.folder = QLineEdit(str(folder))
        self.gradebook = QLineEdit()
        self.gradebook.setPlaceholderText("optional: the gradebook export, to update its columns")
        self.workbook = QCheckBox("Excel workbook (every factor and grade a live formula)")
        self.canvas = QCheckBox("Canvas gradebook import CSV")
        self.feedback = QCheckBox("Feedback mail-merge CSV (factor and anonymised comments)")
        for box in (self.workbook, self.canvas, self.feedback):
            box.setChecked(True)
        self.result_list = QListWidget()
        self.result_list.setObjectName("exportResults")
        self.result_list.setWordWrap(True)
        self.status = QLabel(
            f"{milestones} milestone(s), {students} students."
            if milestones
            else "Nothing to export yet: add a milestone with teams."
        )
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setEnabled(milestones > 0)
        self.export_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        folder_row, _button = browse_row(
            self.folder, lambda: pick_folder(self, "Export into", self.folder)
        )
        form.addRow("Folder", folder_row)
        form.addRow(self.workbook)
        form.addRow(self.canvas)
        gradebook_row, _button = browse_row(
            self.gradebook,
            lambda: pick_file(
                self,
                "Canvas gradebook export",
                "CSV (*.csv);;All files (*)",
                self.gradebook.setText,
            ),
        )
        form.addRow("Gradebook export", gradebook_row)
        form.addRow(self.feedback)
        form.addRow(self.status)
        form.addRow(self.result_list)
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
        self.export_button.setEnabled(False)
        self.status.setText("Exporting…")
        self.worker = Worker(export_file, self.course_file, self.choice())
        self.worker.signals.returned.connect(self._done)
        self.worker.signals.errored.connect(self._failed)
        self.worker.start()
        return self.worker

    def _done(self, done: Any) -> None:
        assert isinstance(done, ExportDone)
        self.export_button.setEnabled(True)
        self.result_list.clear()
        self.result_list.addItems([f"wrote {p}" for p in done.written])
        self.result_list.addItems([f"warning: {p}" for p in done.problems])
        self.status.setText(f"{len(done.written)} file(s) written to {self.folder.text()}.")
        self.exported.emit(done)
        if self.open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))

    def _failed(self, exc: Any) -> None:
        self.export_button.setEnabled(True)
        self.status.setText("The export failed; nothing was half-written.")
        show_error(self, exc)
