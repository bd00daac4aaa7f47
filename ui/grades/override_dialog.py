"""The dialog to override one student's grade: the new grade and a required reason."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from teamtool.grading import StudentResult


class OverrideDialog(QDialog):
    """OK stays disabled until a reason is typed (it is kept in the course's audit log)."""

    def __init__(
        self,
        result: StudentResult,
        name: str,
        max_points: float,
        cap_at_max: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("overrideDialog")
        self.setWindowTitle("Override a grade")  # short: a title bar elides ("Ryan…onnor")
        self.setMinimumWidth(460)
        computed = "—" if result.grade is None else f"{result.grade:.2f}"
        self.grade = QDoubleSpinBox()
        self.grade.setDecimals(2)
        self.grade.setRange(0, max_points if cap_at_max else max_points * 10)
        start = result.final_grade if result.final_grade is not None else result.team_grade
        self.grade.setValue(start or 0.0)
        self.reason = QLineEdit(result.override_reason)
        self.reason.setPlaceholderText("Why (required; kept in the audit log)")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        who = QLabel(f"<b>{escape(name)}</b>, {escape(result.team)}: adjusted grade {computed}")
        who.setObjectName("overrideWho")
        who.setWordWrap(True)
        form.addRow(who)
        form.addRow("New grade", self.grade)
        form.addRow("Reason", self.reason)
        form.addRow(self.buttons)
        self.reason.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason.text().strip()))
