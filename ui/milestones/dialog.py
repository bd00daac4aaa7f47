"""The dialog to add or edit a milestone: name, maximum points and the team set it grades."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from teamtool.model import Milestone, TeamSet


class MilestoneDialog(QDialog):
    """Edits a copy of a milestone; :meth:`milestone` returns it once accepted."""

    def __init__(
        self,
        team_sets: list[TeamSet],
        taken_names: set[str],
        milestone: Milestone | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("milestoneDialog")
        self.setWindowTitle("Edit milestone" if milestone else "Add milestone")
        self._original = milestone
        self._taken = {n.casefold() for n in taken_names}
        self.name = QLineEdit(milestone.name if milestone else "")
        self.name.setPlaceholderText("e.g. M1 Proposal")
        self.max_points = QDoubleSpinBox()
        self.max_points.setRange(0.01, 100000)
        self.max_points.setDecimals(2)
        self.max_points.setValue(milestone.max_points if milestone else 100.0)
        self.team_set = QComboBox()
        self.team_set.addItem("The newest team set", None)
        for ts in reversed(team_sets):
            self.team_set.addItem(f"{ts.name} ({len(ts.teams)} teams)", ts.id)
        if milestone and milestone.team_set_id is not None:
            self.team_set.setCurrentIndex(max(0, self.team_set.findData(milestone.team_set_id)))
        self.message = QLabel()
        self.message.setObjectName("milestoneMessage")
        self.message.setStyleSheet("color: #a00;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("Maximum points", self.max_points)
        form.addRow("Teams", self.team_set)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.name.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        name = " ".join(self.name.text().split())
        problem = ""
        if not name:
            problem = "A milestone needs a name."
        elif name.casefold() in self._taken and not (
            self._original and self._original.name.casefold() == name.casefold()
        ):
            problem = f'A milestone named "{name}" exists already.'
        self.message.setText(problem)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem)

    def milestone(self) -> Milestone:
        base = self._original
        return Milestone(
            name=" ".join(self.name.text().split()),
            max_points=float(self.max_points.value()),
            team_set_id=self.team_set.currentData(),
            grades=dict(base.grades) if base else {},
            id=base.id if base else None,
        )
