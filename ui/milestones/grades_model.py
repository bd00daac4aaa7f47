"""The team grades of one milestone as an editable table: team, members, grade."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal

from teamtool.number_text import parse_number
from ui.table_model import HeadedTableModel, Index

COL_TEAM, COL_MEMBERS, COL_GRADE = range(3)
HEADERS = ("Team", "Members", "Team grade")


class TeamGradesModel(HeadedTableModel[tuple[str, int]]):
    """Rows are the teams of the milestone's team set (name, member count). Editing a grade
    never changes the model: it emits ``grade_edited(team, grade or None)``; the page pushes an
    undo command and reloads."""

    grade_edited = Signal(str, object)
    invalid_grade = Signal(str)
    headers = HEADERS
    editable_columns = frozenset((COL_GRADE,))

    def __init__(self) -> None:
        super().__init__()
        self._grades: dict[str, float] = {}
        self.max_points = 100.0

    def set_rows(
        self, teams: Mapping[str, Sequence[str]], grades: Mapping[str, float], max_points: float
    ) -> None:
        self.beginResetModel()
        self._rows = [(t, len(m)) for t, m in teams.items()]
        self._grades = dict(grades)
        self.max_points = max_points
        self.endResetModel()

    def cell(self, row: tuple[str, int], col: int, role: int) -> Any:
        team, members = row
        grade = self._grades.get(team)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == COL_TEAM:
                return team
            if col == COL_MEMBERS:
                return members
            if col == COL_GRADE:
                if grade is None:
                    return "" if role == Qt.ItemDataRole.EditRole else "—"
                return f"{grade:g}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col != COL_TEAM:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_GRADE:
            return f"Type the team's grade (0 to {self.max_points:g}); empty clears it"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != COL_GRADE or role != Qt.ItemDataRole.EditRole:
            return False
        team = self.row_at(index)[0]
        text = str(value).strip()
        if not text:
            self.grade_edited.emit(team, None)
            return True
        grade = parse_number(text)
        if grade is None or not 0 <= grade <= self.max_points:
            self.invalid_grade.emit(
                f'"{text}" is not a grade between 0 and {self.max_points:g} for {team}.'
            )
            return False
        self.grade_edited.emit(team, grade)
        return True

    def team_at(self, row: int) -> str:
        return self._rows[row][0]
