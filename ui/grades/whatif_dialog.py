"""The what-if preview: pick a team's ratings from drop-downs and see factors and grades."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teamtool.course.milestone_inputs import MilestoneInputs
from teamtool.export.feedback import percent_change
from teamtool.grading import AdjustOptions, adjust_team
from teamtool.ratings import Scale
from ui.grades.method_texts import FACTOR_HEADING, METHOD_NAME, key_setting
from ui.widgets.dialog_buttons import close_button
from ui.widgets.forms import clear_layout, form_layout
from ui.widgets.tables import read_only_table

NONE = "(no rating)"


class WhatIfDialog(QDialog):
    """Nothing here is stored: it shows what students would see for the ratings picked.

    ``inputs`` gives the teams, their ratings and graded team grades, the names and the
    maximum; ``options`` the settings to adjust with (those shown, perhaps not yet stored)."""

    def __init__(
        self,
        inputs: MilestoneInputs,
        scale: Scale,
        options: AdjustOptions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("whatIfDialog")
        self.setWindowTitle("What if? Ratings in, factors and grades out")
        self.resize(820, 560)
        self.teams, self.grades, self.names = inputs.teams, inputs.graded(), dict(inputs.names)
        self.ratings = {(r.rater, r.ratee): r.value for r in inputs.ratings}
        self.scale, self.max_points, self.options = scale, inputs.milestone.max_points, options
        self.combos: dict[tuple[str, str], QComboBox] = {}
        self.team = QComboBox()
        self.team.setObjectName("whatIfTeam")
        self.team.addItems(list(self.teams))
        self.team_grade = QDoubleSpinBox()
        self.team_grade.setRange(0, self.max_points)
        self.team_grade.setDecimals(2)
        self.grid_box = QGroupBox("Ratings: each row is what that student gave")
        self.grid = QGridLayout(self.grid_box)
        factor = FACTOR_HEADING[options.method].replace("\n", " ")
        headers = ["Student", factor, "Grade", "Change"]
        self.results = read_only_table("whatIfResults", headers)
        self.results.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = close_button(self)
        form = form_layout([("Team", self.team), ("Team grade", self.team_grade)])
        method = f"{METHOD_NAME[options.method]}, {key_setting(options)}"
        note = QLabel(f"Method: {method}; nothing you pick here is saved.")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.grid_box)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        self.team.currentIndexChanged.connect(lambda _i: self._build())
        self.team_grade.valueChanged.connect(lambda _v: self.recompute())
        self._build()

    def members(self) -> list[str]:
        return list(self.teams.get(self.team.currentText(), []))

    def _short(self, sid: str) -> str:
        return self.names.get(sid, sid).split(" (")[0]

    def _build(self) -> None:
        clear_layout(self.grid)
        self.combos = {}
        members = self.members()
        self.team_grade.blockSignals(True)
        self.team_grade.setValue(self.grades.get(self.team.currentText(), self.max_points))
        self.team_grade.blockSignals(False)
        self.grid.addWidget(QLabel("<i>rater ↓ rates →</i>"), 0, 0)
        for j, ratee in enumerate(members):
            self.grid.addWidget(QLabel(f"<b>{self._short(ratee)}</b>"), 0, j + 1)
        for i, rater in enumerate(members):
            self.grid.addWidget(QLabel(f"<b>{self._short(rater)}</b>"), i + 1, 0)
            for j, ratee in enumerate(members):
                combo = QComboBox()
                combo.addItem(NONE, None)
                for label, value in self.scale.levels:
                    combo.addItem(f"{label} ({value:g})", value)
                given = self.ratings.get((rater, ratee))
                if given is not None:
                    index = combo.findData(given)
                    if index < 0:
                        combo.addItem(f"{given:g}", given)
                        index = combo.count() - 1
                    combo.setCurrentIndex(index)
                combo.currentIndexChanged.connect(lambda _i: self.recompute())
                self.combos[(rater, ratee)] = combo
                self.grid.addWidget(combo, i + 1, j + 1)
        self.recompute()

    def set_rating(self, rater: str, ratee: str, value: float | None) -> None:
        combo = self.combos[(rater, ratee)]
        combo.setCurrentIndex(combo.findData(value) if value is not None else 0)

    def picked(self) -> dict[tuple[str, str], float]:
        return {k: c.currentData() for k, c in self.combos.items() if c.currentData() is not None}

    def recompute(self) -> None:
        members = self.members()
        grade = float(self.team_grade.value())
        results = adjust_team(
            self.team.currentText(), members, self.picked(), grade, self.max_points, self.options
        )
        self.results.setRowCount(len(results))
        for row, r in enumerate(results):
            change = percent_change(r.team_grade, r.grade)
            cells = [
                self._short(r.student_id),
                "—" if r.factor is None else f"{r.factor:.3f}",
                "—" if r.grade is None else f"{r.grade:.2f}",
                "—" if change is None else f"{change:+.1f} %",
            ]
            for col, text in enumerate(cells):
                self.results.setItem(row, col, QTableWidgetItem(text))

    def result_text(self, row: int, col: int) -> str:
        item = self.results.item(row, col)
        return item.text() if item else ""
