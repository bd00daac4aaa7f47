"""The dialog to add or edit a milestone: name and maximum points, with the team set it grades
shown (a new milestone grades the newest team set; "Use other teams…" changes it)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from teamtool.model import Milestone, TeamSet
from ui.milestones.teams_dialog import describe_set
from ui.widgets.dialog_buttons import ok_button, ok_cancel_buttons
from ui.widgets.forms import form_layout


class MilestoneDialog(QDialog):
    """Edits a copy of a milestone; :meth:`milestone` returns it once accepted.

    A new milestone grades the newest of ``team_sets`` (the store refuses one without teams).
    """

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
        newest = team_sets[-1].id if team_sets else None
        self._team_set_id = milestone.team_set_id if milestone else newest
        shown = next((ts for ts in team_sets if ts.id == self._team_set_id), None)
        self.team_set = QLabel(describe_set(shown) if shown else "none yet")
        self.team_set.setObjectName("milestoneTeamSet")
        self.team_set.setToolTip(
            "A new milestone grades the newest team set and keeps it when teams are formed "
            "again; Use other teams… changes it"
        )
        self.message = QLabel()
        self.message.setObjectName("milestoneMessage")
        self.message.setStyleSheet("color: #a00;")
        self.buttons = ok_cancel_buttons(self)
        rows = [("Name", self.name), ("Maximum points", self.max_points), ("Teams", self.team_set)]
        form_layout([*rows, self.message, self.buttons], self)
        self._typed = bool(self.name.text())  # say "needs a name" only once something was typed
        self.name.textChanged.connect(self._name_typed)
        self._check()

    def _name_typed(self) -> None:
        self._typed = True
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
        self.message.setText(problem if self._typed or name else "")
        ok_button(self.buttons).setEnabled(not problem)

    def milestone(self) -> Milestone:
        base = self._original
        return Milestone(
            name=" ".join(self.name.text().split()),
            max_points=float(self.max_points.value()),
            team_set_id=self._team_set_id,
            grades=dict(base.grades) if base else {},
            id=base.id if base else None,
        )
