"""The "Assign mentors…" dialog of the Teams page: the mentor list file and the two options."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QLabel,
    QWidget,
)

from teamtool.mentors import MentorResult
from ui import settings
from ui.widgets.dialog_buttons import ok_button, ok_cancel_buttons
from ui.widgets.file_row import browse_row
from ui.widgets.forms import form_layout

FILTER = "Mentor lists (*.csv *.xlsx);;All files (*)"


class AssignMentorsDialog(QDialog):
    """Choose a mentor list (name, email, optional availability, capacity, section, avoid)."""

    def __init__(self, team_set_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assignMentorsDialog")
        self.setWindowTitle(f"Assign mentors to {team_set_name}")
        self.path = ""
        self.file_label = QLabel("No file chosen")
        self.file_label.setWordWrap(True)
        row, browse = browse_row(self.file_label, self.browse, "Choose…")
        browse.setToolTip(
            "A CSV/XLSX with name, email and optionally availability, capacity, section, avoid"
        )
        self.same_section = QCheckBox("Only mentors of the team's section")
        self.keep_previous = QCheckBox("Keep the previous team set's mentors where possible")
        self.buttons = ok_cancel_buttons(self, "Assign")
        form_layout(
            [("Mentor list:", row), self.same_section, self.keep_previous, self.buttons], self
        )
        self.set_path("")

    def browse(self) -> None:
        folder = settings.get_str(settings.LAST_DIR) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Mentor list", folder, FILTER)
        if path:
            settings.put(settings.LAST_DIR, str(Path(path).parent))
            self.set_path(path)

    def set_path(self, path: str) -> None:
        self.path = path
        self.file_label.setText(path or "No file chosen")
        ok_button(self.buttons).setEnabled(bool(path))


def result_text(result: MentorResult) -> tuple[str, str]:
    """(summary, each team's mentor and why) of an assignment, as the dialog shows them."""
    loads = ", ".join(f"{name} {n}" for name, n in result.loads.items())
    summary = "\n".join([*result.summary, f"Teams per mentor: {loads}", *result.warnings])
    why = "\n".join(f"{t.team}: {t.mentor.name} — {t.why}" for t in result.teams)
    return summary, why
