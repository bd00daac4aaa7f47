"""The dialog to override one student's grade: the new grade and a required reason."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from teamtool.course.milestone_inputs import MilestoneInputs
from teamtool.grading import StudentResult
from ui.widgets.dialog_buttons import ok_button, ok_cancel_buttons
from ui.widgets.forms import form_layout


class OverrideDialog(QDialog):
    """OK stays disabled until a reason is typed (it is kept in the course's audit log). The
    new grade goes up to the milestone's maximum, or ten times it when grades are not capped."""

    def __init__(
        self, result: StudentResult, inputs: MilestoneInputs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("overrideDialog")
        self.setWindowTitle("Override a grade")  # short: a title bar elides ("Ryan…onnor")
        self.setMinimumWidth(460)
        computed = "—" if result.grade is None else f"{result.grade:.2f}"
        self.grade = QDoubleSpinBox()
        self.grade.setDecimals(2)
        max_points = inputs.milestone.max_points
        self.grade.setRange(0, max_points if inputs.options.cap_at_max else max_points * 10)
        start = result.final_grade if result.final_grade is not None else result.team_grade
        self.grade.setValue(start or 0.0)
        self.reason = QLineEdit(result.override_reason)
        self.reason.setPlaceholderText("Why (required; kept in the audit log)")
        self.buttons = ok_cancel_buttons(self)
        name = inputs.names.get(result.student_id, result.student_id)
        who = QLabel(f"<b>{escape(name)}</b>, {escape(result.team)}: adjusted grade {computed}")
        who.setObjectName("overrideWho")
        who.setWordWrap(True)
        form_layout([who, ("New grade", self.grade), ("Reason", self.reason), self.buttons], self)
        self.reason.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok_button(self.buttons).setEnabled(bool(self.reason.text().strip()))
