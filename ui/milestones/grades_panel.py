"""The team grades of the current milestone: a table to type them in and an Import button."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from teamtool.errors import GradesError
from ui.commands import execute
from ui.commands.milestones import SetTeamGradesCommand
from ui.context import AppContext
from ui.errors import show_error
from ui.milestones.data import MilestoneInputs
from ui.milestones.grades_import_dialog import GradesImportDialog
from ui.milestones.grades_model import TeamGradesModel
from ui.tokens.commands import import_token_entries
from ui.widgets.boxes import fill


class TeamGradesPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.inputs: MilestoneInputs | None = None
        self.model = TeamGradesModel()
        self.view = QTableView()
        self.view.setObjectName("teamGradesView")
        self.view.setModel(self.model)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.import_button = QPushButton("Import team grades…")
        self.import_button.setToolTip(
            "From a team,grade CSV/XLSX or from a column of a Canvas gradebook export"
        )
        self.import_button.clicked.connect(self.open_import)
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = fill(QHBoxLayout(), (self.status, 1), self.import_button)
        fill(QVBoxLayout(self), top, (self.view, 1))
        self.dialog: GradesImportDialog | None = None
        self.model.grade_edited.connect(self._edited)
        self.model.invalid_grade.connect(
            lambda text: show_error(self, GradesError(text, code="bad-grade"))
        )

    def set_inputs(self, inputs: MilestoneInputs | None) -> None:
        self.inputs = inputs
        if inputs is None:
            self.model.set_rows({}, {}, 100.0)
            self.status.setText("Add a milestone first.")
            self.import_button.setEnabled(False)
            return
        self.model.set_rows(inputs.teams, inputs.grades(), inputs.milestone.max_points)
        graded = len(inputs.grades())
        self.status.setText(
            f"{graded} of {len(inputs.teams)} teams graded (out of "
            f"{inputs.milestone.max_points:g}). Double-click a grade to type it."
            if inputs.team_set
            else "This milestone has no teams: form or import teams, then Use other teams…"
        )
        self.import_button.setEnabled(inputs.team_set is not None)

    def _edited(self, team: str, grade: float | None) -> None:
        if self.inputs is None or self.inputs.milestone.id is None:
            return
        command = SetTeamGradesCommand(self.ctx, self.inputs.milestone.id, {team: grade})
        execute(self.ctx, command, self)

    def open_import(self) -> GradesImportDialog | None:
        if self.inputs is None:
            return None
        self.dialog = GradesImportDialog(self.inputs.teams, self.inputs.milestone, self)
        self.dialog.accepted.connect(self._import_accepted)
        self.dialog.open()
        return self.dialog

    def _import_accepted(self) -> None:
        assert self.dialog is not None
        assert self.inputs is not None
        grades = self.dialog.grades()
        milestone_id = self.inputs.milestone.id
        assert milestone_id is not None
        text = f"Import team grades ({len(grades)} teams)"
        tokens = self.dialog.result_grades.tokens  # the file's token columns, if any
        self.ctx.undo_stack.beginMacro(text)  # one undo step: the grades and the tokens
        try:
            execute(
                self.ctx,
                SetTeamGradesCommand(self.ctx, milestone_id, dict(grades.items()), text),
            )
            import_token_entries(self.ctx, milestone_id, self.inputs.milestone.name, tokens)
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing was changed
            show_error(self, exc)
        finally:
            self.ctx.undo_stack.endMacro()
