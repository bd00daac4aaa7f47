"""The dialog to import team grades: a team,grade file or a Canvas gradebook column."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

from teamtool.errors import TeamtoolError
from teamtool.files.grades_import import (
    GradesFromFile,
    from_canvas_column,
    from_team_file,
    gradebook_columns,
    is_canvas_gradebook,
    team_grade_milestones,
)
from teamtool.model import Milestone
from ui.widgets.dialog_buttons import cancel_and_action
from ui.widgets.file_row import browse_row, pick_file
from ui.widgets.forms import FormRow, form_layout

FILTER = "Grades (*.csv *.tsv *.txt *.xlsx);;All files (*)"


class GradesImportDialog(QDialog):
    """Pick a file; for a Canvas gradebook pick the column, else the milestone in the file.
    ``result_grades`` holds what would be imported; Import is enabled when it is not empty."""

    def __init__(
        self,
        teams: Mapping[str, Sequence[str]],
        milestone: Milestone,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gradesImportDialog")
        self.setWindowTitle(f"Import team grades: {milestone.name}")
        self.resize(640, 420)
        self.teams, self.milestone_name = dict(teams), milestone.name
        self.max_points = milestone.max_points
        self.result_grades = GradesFromFile()
        self._canvas = False
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText("team,grade CSV/XLSX or a Canvas gradebook export")
        row, _button = browse_row(
            self.path, lambda: pick_file(self, "Team grades", FILTER, self.set_file)
        )
        self.source_label = QLabel("Column")
        self.source = QComboBox()
        self.source.currentIndexChanged.connect(lambda _i: self._read())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setObjectName("gradesProblems")
        self.problems.setWordWrap(True)
        self.buttons, self.import_button = cancel_and_action(self, "Import grades")
        self.import_button.setEnabled(False)
        rows: list[FormRow] = [("File", row), (self.source_label, self.source), self.summary]
        form_layout([*rows, ("Problems", self.problems), self.buttons], self)

    def set_file(self, path: str | Path) -> None:
        """Read ``path`` and fill the column (Canvas) or milestone (team,grade) choices."""
        self.path.setText(str(path))
        self.source.blockSignals(True)
        self.source.clear()
        try:
            self._canvas = is_canvas_gradebook(path)
            choices = gradebook_columns(path) if self._canvas else team_grade_milestones(path)
        except TeamtoolError as exc:
            self.source.blockSignals(False)
            self._show(GradesFromFile(), error=str(exc))
            return
        self.source_label.setText("Gradebook column" if self._canvas else "Milestone in file")
        self.source.addItems(choices)
        wanted = self.milestone_name.casefold()
        best = next((i for i, c in enumerate(choices) if wanted in c.casefold()), 0)
        self.source.setCurrentIndex(best if choices else -1)
        self.source.blockSignals(False)
        self._read()

    def _read(self) -> None:
        path = self.path.text()
        if not path:
            return
        choice = self.source.currentText()
        try:
            if self._canvas:
                result = from_canvas_column(path, choice, self.teams)
            else:
                result = from_team_file(path, list(self.teams), choice or None)
        except TeamtoolError as exc:
            self._show(GradesFromFile(), error=str(exc))
            return
        self._show(result)

    def _show(self, result: GradesFromFile, error: str = "") -> None:
        self.result_grades = result
        self.problems.clear()
        if error:
            self.problems.addItem(error)
        for p in result.problems:
            self.problems.addItem(f"{p.severity}: {p}")
        over = {t: g for t, g in result.grades.items() if g > self.max_points}
        for team, grade in over.items():
            self.problems.addItem(
                f"error: {team} has {grade:g}, above the milestone maximum {self.max_points:g}"
            )
        missing = [t for t in self.teams if t not in result.grades]
        text = f"{len(result.grades)} of {len(self.teams)} teams have a grade in this file."
        if missing and result.grades:
            text += f" Without: {', '.join(missing[:8])}{' …' if len(missing) > 8 else ''}."
        if result.max_points is not None and result.max_points != self.max_points:
            text += (
                f" The file's maximum is {result.max_points:g}; "
                f"the milestone's is {self.max_points:g}."
            )
        self.summary.setText(text)
        self.import_button.setEnabled(bool(result.grades) and not over and not error)

    def grades(self) -> dict[str, float]:
        return dict(self.result_grades.grades)
